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
 *    merging, writing the summary .xlsx), alternated, median of the rounds,
 *    after two rounds of each not counted (the code warm, as a long merge runs it);
 *    the merge's code bundled as the CLI's is (bench/merge-steps.ts), so what
 *    is timed is the code that runs, not the sources through tsx, in a plain
 *    node process of its own that loads nothing else (no tsx, no ExcelJS), as
 *    the CLI's read worker does;
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
import { readdirSync, readFileSync, statSync } from "node:fs";
import { join } from "node:path";
import { performance } from "node:perf_hooks";
import type { InProcessTimes } from "./merge-steps";
const ROOT = join(__dirname, "..");
const CLI = join(ROOT, "dist", "cli", "de-an-241.cjs");
/** The in-process line's own process: the merge's steps, bundled as the CLI is (bench/merge-steps.ts; built by main). */
const STEPS = join(ROOT, "dist", "cli", "bench-merge-steps.cjs");

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
 * The in-process line at one size: the bundled merge's own process (bench/merge-steps.ts), loading
 * nothing but that bundle. Run with V8's protector trace: a protector invalidated while it measures
 * (by a module the CLI's read worker never loads) would slow the reader there and not in the CLI, and
 * stops the bench.
 */
function inProcessLine(dir: string): InProcessTimes {
  const r = spawnSync(process.execPath, ["--expose-gc", "--trace-protector-invalidation", STEPS, dir, String(rounds)], { encoding: "utf8", maxBuffer: 1 << 26 });
  if (r.status !== 0) throw new Error(`${STEPS} exited ${r.status}: ${r.stderr.slice(-2000)}`);
  const invalidated = r.stdout.split("\n").filter((line) => /protector/i.test(line));
  if (invalidated.length > 0) throw new Error(`the in-process merge was timed after V8 protectors were invalidated: ${invalidated.join("; ")}`);
  return JSON.parse(r.stdout.trim().split("\n").pop()!) as InProcessTimes;
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

  const inProcess: { n: number; merge: number; floor: number }[] = [];
  for (const n of sizes) {
    const dir = corpus(n);
    const total = readdirSync(join(dir, "files")).reduce((sum, name) => sum + statSync(join(dir, "files", name)).size, 0);
    out(`\n${n} files, ${mb(total)} (${(total / n / 1024).toFixed(1)} KB each)`);
    const t = inProcessLine(dir);
    const m = median(t.merge) / n;
    const f = median(t.floor) / n;
    inProcess.push({ n, merge: m, floor: f });
    out(`  in process, median of ${rounds} alternated: merge ${m.toFixed(3)} ms/file (reading and checking ${(median(t.read) / n).toFixed(3)}, merging and laying out ${(median(t.summarise) / n).toFixed(3)}, writing the ${mb(t.bytes)} summary ${(median(t.write) / n).toFixed(3)}), floor ${f.toFixed(3)} ms/file, ratio ${(m / f).toFixed(2)}`);
    out(`    (after ${t.warm.length} rounds not counted, the merge at ${t.warm.map((ms) => (ms / n).toFixed(3)).join(", ")} ms/file while V8 optimized it; the timed rounds ${t.merge.map((ms) => (ms / n).toFixed(3)).join(", ")})`);

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
