/**
 * The bench's unit workbooks: a few real ones made as a unit makes them (the
 * generated template filled in with ExcelJS), and as many more as asked made
 * from those by changing the unit's number in every XML part (so each file
 * names its own unit, its own document and has its own digest), zipped again.
 */
import { strFromU8, strToU8, unzipSync, zipSync } from "fflate";
import { INDICATORS } from "../src/domain/catalogue";
import { buildUnitWorkbook } from "../src/domain/sheets";
import { writeWorkbookXlsx } from "../src/io/write";
import { fillTemplate } from "../test/support/fill";

/** How many distinct real workbooks the others are made from (their figures differ). */
const BASES = 25;
const MARK = (k: number): string => String(9_000_000 + k);
const number = (i: number): string => String(i + 1).padStart(7, "0");

export const unitName = (i: number): string => `Chi bộ số ${number(i)}`;

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

/** The unit list of the first n units, as a CSV the CLI's --units reads. */
export function unitListCsv(n: number): string {
  return ["Tên đơn vị,Cấp", ...Array.from({ length: n }, (_, i) => `${unitName(i)},Cơ sở`)].join("\n") + "\n";
}
