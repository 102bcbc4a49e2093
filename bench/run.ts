/**
 * npm run bench [-- --sizes 500,2000] [--rounds 5] [--scale 8000|0] [--pane-files 500|0] [--pane-rounds 3]
 *
 * Measures the merge against its strict floor, on the same generated unit
 * workbooks (bench/corpus.ts; files on disk under the system's temporary folder):
 *  - the floor (bench/floor.cjs): fflate unzip of the parts a reader needs
 *    (workbook, shared strings, worksheets) and one regular-expression pass
 *    over every cell and shared string; nothing else;
 *  - in-process, at each size: the floor against the merge end to end (guarded
 *    read of every file, reading each report by meaning with its checks,
 *    merging, writing the summary .xlsx), alternated, median of the rounds;
 *    the merge's code bundled as the CLI's is (bench/merge-steps.ts), so what
 *    is timed is the code that runs, not the sources through tsx;
 *  - whole process, at each size: the built CLI (`node dist/cli/de-an-241.cjs
 *    merge DIR --out … --units … --json …`, rebuilt first by scripts/build-cli.js)
 *    against a floor process (`node bench/floor.cjs DIR`), alternated, median;
 *  - the scale line: the built CLI on `--scale` files of as many units, once:
 *    time, peak RSS of the process (worker threads included), memory per file.
 * Then, each as its own process with these options handed on: the memory a
 * hostile file costs (bench/hostile-memory.ts) and the task pane against the
 * CLI in Chromium (bench/pane.ts, `--pane-files 0` leaves it out).
 * The last line is `merge: A ms/file, floor: B ms/file, ratio: R`, in process,
 * at the size where the ratio is worst.
 */
import { spawnSync } from "node:child_process";
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { performance } from "node:perf_hooks";
import type { Unit } from "../src/domain/units";
import { unitName } from "./units";
// eslint-disable-next-line @typescript-eslint/no-require-imports -- the floor is one CommonJS script, run here and as its own process
const { floorFile } = require("./floor.cjs") as { floorFile: (bytes: Uint8Array) => number };

const ROOT = join(__dirname, "..");
const CLI = join(ROOT, "dist", "cli", "de-an-241.cjs");
/** The merge's steps, bundled as the CLI is (bench/merge-steps.ts; built by main before it is loaded). */
const STEPS = join(ROOT, "dist", "cli", "bench-merge-steps.cjs");
type Steps = typeof import("./merge-steps");
let steps: Steps;

function option(name: string, fallback: string): string {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? (process.argv[i + 1] ?? fallback) : fallback;
}
function whole(text: string, what: string, zero = false): number {
  const v = Number(text);
  if (!Number.isInteger(v) || v < 0 || (!zero && v === 0)) throw new Error(`--${what} takes a positive whole number`);
  return v;
}
const sizes = option("sizes", option("files", "500,2000")).split(",").map((s) => whole(s, "sizes"));
const rounds = whole(option("rounds", "5"), "rounds");
const scale = whole(option("scale", "8000"), "scale", true);

const mb = (bytes: number): string => `${(bytes / 1024 / 1024).toFixed(1)} MB`;
const median = (xs: readonly number[]): number => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2]! : (s[s.length / 2 - 1]! + s[s.length / 2]!) / 2;
};
const out = (line: string): void => void process.stdout.write(`${line}\n`);

/**
 * The folder of n unit workbooks and their unit list (bench/corpus.ts), made in a process of its own:
 * making them loads ExcelJS, which the CLI's merge never loads and which slows the reader in the
 * process that loads it (see measuredLikeTheCli).
 */
function corpus(n: number): string {
  const made = spawnSync(process.execPath, ["--import", "tsx", join(__dirname, "corpus.ts"), String(n)], { stdio: ["ignore", "pipe", "inherit"], encoding: "utf8" });
  if (made.status !== 0) throw new Error(`bench/corpus.ts ${n} exited ${made.status}`);
  return made.stdout.trim();
}

/**
 * Whether this process has loaded only what the CLI's merge loads: not ExcelJS (nor SheetJS or docx),
 * whose loading invalidates two of V8's protectors (ArrayBufferDetaching and
 * TypedArraySpeciesLookupChain), after which the reader's code over typed arrays is made again with
 * slower checks, in this process only. The CLI's merge of .xlsx files loads none of them
 * (test/build/cli-lazy.test.ts), nor does its read worker.
 */
function measuredLikeTheCli(): void {
  const loaded = Object.keys(require.cache).filter((path) => /[\\/](exceljs|xlsx|docx)(\.cjs|[\\/])/.test(path));
  if (loaded.length > 0) throw new Error(`the in-process merge was timed with modules the CLI's merge does not load: ${loaded.join(", ")}`);
}

function filesOf(dir: string): { name: string; bytes: Uint8Array }[] {
  return readdirSync(join(dir, "files"))
    .sort()
    .map((name) => ({ name, bytes: new Uint8Array(readFileSync(join(dir, "files", name))) }));
}

const LAYOUT = { unitName: "Huyện ủy Tam Đường", superior: "ĐẢNG BỘ TỈNH LAI CHÂU", place: "Tam Đường", level: "huyen" as const, date: "2021-07-01" };

async function mergeInProcess(files: readonly { name: string; bytes: Uint8Array }[], units: readonly Unit[]) {
  const { inProcessReader, readFiles, summarise, writeSummaryXlsx } = steps;
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
  (global.gc as ((options: { type: "minor" }) => void) | undefined)?.({ type: "minor" });
}

function floorInProcess(files: readonly { bytes: Uint8Array }[]): number {
  const t0 = performance.now();
  for (const f of files) floorFile(f.bytes);
  return performance.now() - t0;
}

function spawnTimed(args: readonly string[], env: NodeJS.ProcessEnv = process.env): number {
  const t0 = performance.now();
  const r = spawnSync(process.execPath, args, { stdio: ["ignore", "ignore", "pipe"], env, maxBuffer: 1 << 28 });
  const ms = performance.now() - t0;
  if (r.status !== 0) throw new Error(`${args.join(" ")} exited ${r.status}: ${String(r.stderr).slice(-2000)}`);
  return ms;
}

function cliArgs(dir: string, tag: string): string[] {
  return [CLI, "merge", join(dir, "files"), "--out", join(dir, `summary-${tag}.xlsx`), "--units", join(dir, "units.csv"), "--json", join(dir, `merge-${tag}.json`), "--date", "2021-07-01"];
}

async function main(): Promise<void> {
  out(`Machine: ${readFileSync("/proc/loadavg", "utf8").split(" ").slice(0, 3).join(" ")} load (1, 5, 15 min), node ${process.version}`);
  const build = spawnSync(process.execPath, [join(ROOT, "scripts", "build-cli.js"), "--bench"], { stdio: "inherit" });
  if (build.status !== 0) throw new Error("scripts/build-cli.js failed");
  // eslint-disable-next-line @typescript-eslint/no-require-imports -- the bundle just built
  steps = require(STEPS) as Steps;

  const inProcess: { n: number; merge: number; floor: number }[] = [];
  for (const n of sizes) {
    const dir = corpus(n);
    const files = filesOf(dir);
    const units: Unit[] = Array.from({ length: n }, (_, i) => ({ name: unitName(i), level: "co-so" }));
    const total = files.reduce((s, f) => s + f.bytes.length, 0);
    out(`\n${n} files, ${mb(total)} (${(total / n / 1024).toFixed(1)} KB each)`);
    // Warm up both paths so the JIT is fair to each.
    floorInProcess(files.slice(0, 50));
    await mergeInProcess(files.slice(0, 50), units.slice(0, 50));
    const floors: number[] = [];
    const merges: Awaited<ReturnType<typeof mergeInProcess>>[] = [];
    for (let r = 0; r < rounds; r++) {
      collectYoung();
      floors.push(floorInProcess(files));
      collectYoung();
      merges.push(await mergeInProcess(files, units));
    }
    const m = median(merges.map((x) => x.ms)) / n;
    const f = median(floors) / n;
    measuredLikeTheCli();
    inProcess.push({ n, merge: m, floor: f });
    out(`  in process, median of ${rounds} alternated: merge ${m.toFixed(3)} ms/file (reading and checking ${(median(merges.map((x) => x.read)) / n).toFixed(3)}, merging and laying out ${(median(merges.map((x) => x.merge)) / n).toFixed(3)}, writing the ${mb(merges[0]!.bytes)} summary ${(median(merges.map((x) => x.write)) / n).toFixed(3)}), floor ${f.toFixed(3)} ms/file, ratio ${(m / f).toFixed(2)}`);

    const cliTimes: number[] = [];
    const floorTimes: number[] = [];
    spawnTimed([join(__dirname, "floor.cjs"), join(dir, "files")]); // the files into the page cache
    for (let r = 0; r < rounds; r++) {
      floorTimes.push(spawnTimed([join(__dirname, "floor.cjs"), join(dir, "files")]));
      cliTimes.push(spawnTimed(cliArgs(dir, "now")));
    }
    const cm = median(cliTimes);
    const cf = median(floorTimes);
    out(`  whole process, median of ${rounds} alternated: built CLI ${(cm / 1000).toFixed(2)} s (${(cm / n).toFixed(3)} ms/file), floor process ${(cf / 1000).toFixed(2)} s (${(cf / n).toFixed(3)} ms/file), ratio ${(cm / cf).toFixed(2)}`);
  }

  if (scale > 0) {
    const dir = corpus(scale);
    const rssFile = join(dir, "rss");
    const ms = spawnTimed(["-r", join(__dirname, "rss.cjs"), ...cliArgs(dir, "scale")], { ...process.env, BENCH_RSS_FILE: rssFile });
    const rss = Number(readFileSync(rssFile, "utf8"));
    const idle = spawnSync(process.execPath, ["-r", join(__dirname, "rss.cjs"), CLI, "--version"], { env: { ...process.env, BENCH_RSS_FILE: rssFile } });
    if (idle.status !== 0) throw new Error("the CLI did not start");
    const base = Number(readFileSync(rssFile, "utf8"));
    out(`\nscale: built CLI, ${scale} files of ${scale} units: ${(ms / 1000).toFixed(2)} s (${(ms / scale).toFixed(3)} ms/file), peak RSS ${mb(rss)} (${mb(base)} at start: ${((rss - base) / scale / 1024).toFixed(1)} KB per file)`);
  }

  out("");
  const others = [["hostile-memory.ts"], ...(option("pane-files", "500") === "0" ? [] : [["pane.ts", ...process.argv.slice(2)]])];
  for (const [script, ...args] of others) {
    const r = spawnSync(process.execPath, ["--import", "tsx", join(__dirname, script!), ...args], { stdio: "inherit" });
    if (r.status !== 0) throw new Error(`bench/${script} exited ${r.status}`);
  }

  const worst = inProcess.reduce((a, b) => (b.merge / b.floor > a.merge / a.floor ? b : a));
  out(`\nin process at ${worst.n} files:`);
  out(`merge: ${worst.merge.toFixed(2)} ms/file, floor: ${worst.floor.toFixed(2)} ms/file, ratio: ${(worst.merge / worst.floor).toFixed(2)}`);
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exitCode = 1;
});
