/**
 * The bench's unit workbooks: a few real ones made as a unit makes them (the
 * generated template filled in with ExcelJS), and as many more as asked made
 * from those by changing the unit's number in every XML part (so each file
 * names its own unit, its own document and has its own digest), zipped again.
 * Kept on disk under the system's temporary folder (corpusDir), one folder per
 * size and version of this script and bench/units.ts.
 *
 * `node --import tsx bench/corpus.ts N` makes the folder of N files and prints
 * its path: bench/run.ts has it made so, in a process of its own, because
 * loading ExcelJS changes how V8 runs the reader in the process that loads it
 * (it invalidates V8's ArrayBufferDetaching and TypedArraySpeciesLookupChain
 * protectors, and code over typed arrays is made again with slower checks),
 * which the CLI's merge never loads.
 */
import { createHash } from "node:crypto";
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { strFromU8, strToU8, unzipSync, zipSync } from "fflate";
import { INDICATORS } from "../src/domain/catalogue";
import { buildUnitWorkbook } from "../src/domain/sheets";
import { writeWorkbookXlsx } from "../src/io/write";
import { fillTemplate } from "../test/support/fill";
import { unitListCsv, unitName, unitNumber as number } from "./units";

export { unitListCsv, unitName };

/** How many distinct real workbooks the others are made from (their figures differ). */
const BASES = 25;
const MARK = (k: number): string => String(9_000_000 + k);
let bases: Record<string, Uint8Array>[] | undefined;

async function makeBases(): Promise<Record<string, Uint8Array>[]> {
  const out: Record<string, Uint8Array>[] = [];
  for (let k = 0; k < BASES; k++) {
    const name = `Chi bộ số ${MARK(k)}`;
    const indicators = Object.fromEntries(INDICATORS.map((ind, j) => [ind.id, [100 + ((k + j) % 50), 90 + ((k * j) % 10)] as const]));
    const template = await writeWorkbookXlsx(buildUnitWorkbook({ unitName: name, place: "Tam Đường", level: "co-so", created: "2021-05-01" }));
    const bytes = await fillTemplate(template, {
      indicators,
      documents: [{ code: `${MARK(k)}-KH/ĐU`, date: new Date(Date.UTC(2018, k % 12, 1 + (k % 27))), summary: "Kế hoạch thực hiện Đề án 241", issuer: name }],
      dateLine: "Tam Đường, ngày 20 tháng 6 năm 2021",
    });
    out.push(unzipSync(bytes));
  }
  return out;
}

/** The i-th unit's workbook (0-based). */
export async function unitWorkbook(i: number): Promise<Uint8Array> {
  bases ??= await makeBases();
  const k = i % BASES;
  const parts: Record<string, Uint8Array> = {};
  for (const [name, data] of Object.entries(bases[k]!)) {
    parts[name] = name.endsWith(".xml") ? strToU8(strFromU8(data).split(MARK(k)).join(number(i))) : data;
  }
  return zipSync(parts, { level: 6 });
}

export async function unitWorkbooks(n: number): Promise<{ name: string; bytes: Uint8Array }[]> {
  const files: { name: string; bytes: Uint8Array }[] = [];
  for (let i = 0; i < n; i++) files.push({ name: `don-vi-${number(i)}.xlsx`, bytes: await unitWorkbook(i) });
  return files;
}

/** The folder where the corpus of n files is kept (its `files` and `units.csv`), made or not. */
export function corpusPath(n: number): string {
  const hash = createHash("sha256");
  for (const script of ["corpus.ts", "units.ts"]) hash.update(readFileSync(join(__dirname, script)));
  return join(tmpdir(), `de-an-241-bench-${n}-${hash.digest("hex").slice(0, 12)}`);
}

/** The folder of n unit workbooks and their unit list, made once per version of the corpus's scripts. */
export async function corpusDir(n: number): Promise<string> {
  const dir = corpusPath(n);
  if (existsSync(join(dir, ".complete"))) return dir;
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(join(dir, "files"), { recursive: true });
  for (let i = 0; i < n; i++) writeFileSync(join(dir, "files", `don-vi-${number(i)}.xlsx`), await unitWorkbook(i));
  writeFileSync(join(dir, "units.csv"), unitListCsv(n));
  writeFileSync(join(dir, ".complete"), "");
  return dir;
}

if (require.main === module) {
  const n = Number(process.argv[2]);
  if (!Number.isInteger(n) || n <= 0) throw new Error("node --import tsx bench/corpus.ts N: N files");
  corpusDir(n).then(
    (dir) => void process.stdout.write(`${dir}\n`),
    (error: unknown) => {
      process.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
      process.exitCode = 1;
    },
  );
}
