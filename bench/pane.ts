/**
 * npm run bench (bench/run.ts runs it with its own options), or alone:
 * node --import tsx bench/pane.ts [--pane-files 500] [--pane-rounds 3]
 * (`npm run bench -- --pane-files 0` leaves it out)
 *
 * The task pane against the CLI on the same files: the pane's production
 * build in headless Chromium (Debian's /usr/bin/chromium through
 * playwright-core) merges the bench's unit workbooks chosen through the merge
 * tab's file input, with their unit list picked first (bench/pane-flow.ts:
 * from the files' `change` event to the enabled download button with every
 * file merged; the cards of the list, drawn in the background, are waited for
 * too and reported); the built CLI merges the same folder with the same
 * list (`node dist/cli/de-an-241.cjs merge DIR --out … --units … --json …`,
 * the whole process). Alternated, median of the rounds. Prints
 * `pane: A s, CLI: B s, ratio R, longest main-thread task T ms (P ms of it the browser's, …)` (T: the
 * longest task of the pane's median round from the choice to the last card
 * drawn, from a `longtask` observer; P: the part of it before the `change`
 * event reached the page, when the browser makes the list of chosen files).
 */
import { spawnSync } from "node:child_process";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { performance } from "node:perf_hooks";
import { launchChromium } from "../test/support/browser";
import { productionBuild } from "../test/support/build";
import { serveFolder } from "../test/support/server";
import { corpusDir } from "./corpus";
import { filesOf, mergeInPane, type PaneMerge } from "./pane-flow";

const ROOT = join(__dirname, "..");
const CLI = join(ROOT, "dist", "cli", "de-an-241.cjs");

function option(name: string, fallback: number): number {
  const i = process.argv.indexOf(`--${name}`);
  const v = i >= 0 ? Number(process.argv[i + 1]) : fallback;
  if (!Number.isInteger(v) || v <= 0) throw new Error(`--${name} takes a positive whole number`);
  return v;
}
const n = option("pane-files", 500);
const rounds = option("pane-rounds", 3);
const out = (line: string): void => void process.stdout.write(`${line}\n`);
const median = (xs: readonly number[]): number => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2]! : (s[s.length / 2 - 1]! + s[s.length / 2]!) / 2;
};

function cli(dir: string): number {
  const t0 = performance.now();
  const r = spawnSync(
    process.execPath,
    [CLI, "merge", join(dir, "files"), "--out", join(dir, "summary-pane-bench.xlsx"), "--units", join(dir, "units.csv"), "--json", join(dir, "merge-pane-bench.json"), "--date", "2021-07-01"],
    { stdio: ["ignore", "ignore", "pipe"], maxBuffer: 1 << 28 },
  );
  const ms = performance.now() - t0;
  if (r.status !== 0) throw new Error(`the CLI exited ${r.status}: ${String(r.stderr).slice(-2000)}`);
  return ms;
}

async function main(): Promise<void> {
  out(`\nTask pane (headless Chromium) against the CLI, ${n} files, ${rounds} rounds alternated`);
  const build = spawnSync(process.execPath, [join(ROOT, "scripts", "build-cli.js")], { stdio: "inherit" });
  if (build.status !== 0) throw new Error("scripts/build-cli.js failed");
  const dist = await productionBuild();
  const dir = await corpusDir(n);
  const paths = filesOf(dir);
  const units = readFileSync(join(dir, "units.csv"), "utf8");
  const server = await serveFolder(dist);
  const browser = await launchChromium();
  try {
    // Warm up both: the page's chunks and the files into the caches.
    await mergeInPane(browser, server.url, paths.slice(0, 20), units);
    cli(dir);
    const panes: PaneMerge[] = [];
    const clis: number[] = [];
    for (let r = 0; r < rounds; r++) {
      const pane = await mergeInPane(browser, server.url, paths, units);
      if (pane.statusLine !== `${n} đã tổng hợp · 0 bị thay thế · 0 bị loại`) throw new Error(`the pane merged: ${pane.statusLine}`);
      if (pane.problems.length > 0) throw new Error(`the page reported: ${pane.problems.join("; ")}`);
      panes.push(pane);
      clis.push(cli(dir));
      out(
        `  round ${r + 1}: pane ${(pane.elapsedMs / 1000).toFixed(2)} s (every card drawn at ${(pane.drawnMs / 1000).toFixed(2)} s, longest task ${Math.round(pane.longestTaskMs)} ms, ${Math.round(pane.beforeChangeMs)} of them before the change event), CLI ${(clis[r]! / 1000).toFixed(2)} s`,
      );
    }
    const paneMs = median(panes.map((p) => p.elapsedMs));
    const cliMs = median(clis);
    const middle = [...panes].sort((a, b) => a.elapsedMs - b.elapsedMs)[Math.floor(panes.length / 2)]!;
    out(`pane, every card of the list drawn: ${(median(panes.map((p) => p.drawnMs)) / 1000).toFixed(2)} s`);
    out(
      `pane: ${(paneMs / 1000).toFixed(2)} s, CLI: ${(cliMs / 1000).toFixed(2)} s, ratio ${(paneMs / cliMs).toFixed(2)}, longest main-thread task ${Math.round(middle.longestTaskMs)} ms (${Math.round(middle.beforeChangeMs)} ms of it the browser's, before the change event reached the page)`,
    );
  } finally {
    await browser.close();
    await server.close();
  }
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exit(1);
});
