/**
 * The in-process line of the bench: the merge's steps against the strict floor, alternated in one
 * process, bundled by `node scripts/build-cli.js --bench` as the CLI and its read worker are
 * (dist/cli/bench-merge-steps.cjs): the code timed is the code that runs. bench/run.ts runs it as
 * a process of its own, `node --expose-gc dist/cli/bench-merge-steps.cjs DIR ROUNDS`, which loads
 * nothing but this bundle, as the CLI's read worker loads nothing but its own: a loader such as tsx
 * (which bench/run.ts runs under) or ExcelJS invalidates V8's protectors (ArrayBufferDetaching,
 * TypedArraySpeciesLookupChain) for the whole process, and V8 then makes the reader's code over
 * typed arrays again with slower checks. It prints one line of JSON (InProcessTimes).
 */
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { performance } from "node:perf_hooks";
import { inProcessReader, readFiles } from "../src/app/read-files";
import { summarise } from "../src/app/summarise";
import type { Unit } from "../src/domain/units";
import { writeSummaryXlsx } from "../src/io/write";
import { unitName } from "./units";

// eslint-disable-next-line @typescript-eslint/no-require-imports -- the floor is one CommonJS script, run here and as its own process
const { floorFile } = require("./floor.cjs") as { floorFile: (bytes: Uint8Array) => number };

/** Each round's milliseconds: the floor, and the merge (whole, and its reading, merging and writing). */
export interface InProcessTimes {
  readonly floor: number[];
  readonly merge: number[];
  readonly read: number[];
  readonly summarise: number[];
  readonly write: number[];
  /** The merge's rounds before the timed ones (not counted). */
  readonly warm: number[];
  /** The summary's size. */
  readonly bytes: number;
}

const LAYOUT = { unitName: "Huyện ủy Tam Đường", superior: "ĐẢNG BỘ TỈNH LAI CHÂU", place: "Tam Đường", level: "huyen" as const, date: "2021-07-01" };

type Files = readonly { name: string; bytes: Uint8Array }[];

function filesOf(dir: string): { name: string; bytes: Uint8Array }[] {
  return readdirSync(join(dir, "files"))
    .sort()
    .map((name) => ({ name, bytes: new Uint8Array(readFileSync(join(dir, "files", name))) }));
}

async function mergeInProcess(files: Files, units: readonly Unit[]) {
  const t0 = performance.now();
  const sources = await readFiles(inProcessReader(), files);
  const t1 = performance.now();
  const run = summarise(sources, { units }, LAYOUT);
  const t2 = performance.now();
  const xlsx = await writeSummaryXlsx(run.layout);
  const t3 = performance.now();
  const merged = run.summary.files.filter((f) => f.status === "merged").length;
  if (merged !== files.length) throw new Error(`only ${merged} of ${files.length} files merged`);
  return { ms: t3 - t0, read: t1 - t0, merge: t2 - t1, write: t3 - t2, bytes: xlsx.length };
}

/**
 * Empties the young generation before a timed round, so that neither path pays for the other's garbage.
 * A minor collection, not a full one: a full collection with nothing of the merge alive lets V8 drop the
 * shapes of the reader's objects, and with them the reader's optimized code ("weak objects"): each round
 * then began with some 150 files read at two to five times the steady cost, a state a merge never is in
 * (a worker reads its files in one stream, and collects with a file's objects alive).
 */
function collectYoung(): void {
  const gc = (globalThis as { gc?: (options: { type: "minor" }) => void }).gc;
  if (!gc) throw new Error("run with node --expose-gc");
  gc({ type: "minor" });
}

function floorInProcess(files: Files): number {
  const t0 = performance.now();
  for (const f of files) floorFile(f.bytes);
  return performance.now() - t0;
}

/**
 * Rounds of both paths run before the timed ones and not counted. This line measures the merge's code
 * warm, as a long merge runs it (the whole-process line measures it from cold): the floor's few
 * functions are optimized within its first files, while the merge's reader, hundreds of functions,
 * reads some 3,000 files before V8 has optimized it (measured: 500-file rounds after a 50-file warm-up
 * read at 1.23, 0.86, 0.81, 0.84, 0.76, 0.65, 0.68 and 0.59 ms a file).
 */
const WARM_ROUNDS = 2;

/** The floor and the merge of the folder's files, alternated, `rounds` times each, after WARM_ROUNDS of both. */
export async function timeInProcess(dir: string, rounds: number): Promise<InProcessTimes> {
  const files = filesOf(dir);
  const units: Unit[] = files.map((_, i) => ({ name: unitName(i), level: "co-so" }));
  const times = { floor: [] as number[], merge: [] as number[], read: [] as number[], summarise: [] as number[], write: [] as number[], warm: [] as number[], bytes: 0 };
  for (let r = 0; r < WARM_ROUNDS; r++) {
    collectYoung();
    floorInProcess(files);
    collectYoung();
    times.warm.push((await mergeInProcess(files, units)).ms);
  }
  for (let r = 0; r < rounds; r++) {
    collectYoung();
    times.floor.push(floorInProcess(files));
    collectYoung();
    const m = await mergeInProcess(files, units);
    times.merge.push(m.ms);
    times.read.push(m.read);
    times.summarise.push(m.merge);
    times.write.push(m.write);
    times.bytes = m.bytes;
  }
  return times;
}

if (require.main === module) {
  const [dir, rounds] = process.argv.slice(2);
  timeInProcess(dir!, Number(rounds)).then(
    (times) => void process.stdout.write(`${JSON.stringify(times)}\n`),
    (error: unknown) => {
      process.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
      process.exitCode = 1;
    },
  );
}
