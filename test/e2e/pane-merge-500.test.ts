/**
 * 500 unit workbooks merged in the task pane in headless Chromium against the
 * production build, through the merge tab's real file input, with the 500
 * units as the unit list (as the bench gives the CLI): every file merged, the
 * download enabled, and the downloaded summary opens with every unit's row.
 * The time from choosing the files to the enabled download button (and to
 * the last file's card drawn) and the longest main-thread task until then (a
 * `longtask` observer) are REPORTED (printed,
 * and written to de-an-241-pane-merge-500.json in the system's temporary
 * folder), never asserted: speed is the bench's business (bench/pane.ts).
 */
import { readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import * as XLSX from "@e965/xlsx";
import { corpusDir, unitName } from "../../bench/corpus";
import { filesOf, mergeInPane } from "../../bench/pane-flow";
import { CHROMIUM } from "../support/browser";
import { servePane } from "../support/pane";

const N = 500;
const d = CHROMIUM ? describe : describe.skip;

d("500 files merged in the task pane (Chromium, standalone)", () => {
  const pane = servePane(600_000);

  it("merges every file, enables the download, and the summary opens with every unit; reports time and the longest main-thread task", async () => {
    const dir = await corpusDir(N);
    const files = filesOf(dir);
    expect(files).toHaveLength(N);
    const result = await mergeInPane(pane.browser, pane.server.url, files, readFileSync(join(dir, "units.csv"), "utf8"));

    expect(result.statusLine).toBe(`${N} đã tổng hợp · 0 bị thay thế · 0 bị loại`);
    expect(result.summaryName).toMatch(/\.xlsx$/);
    const wb = XLSX.read(result.summary, { type: "array" });
    expect(wb.SheetNames).toContain("Tổng hợp chỉ tiêu");
    // Every unit is named in the summary (its own row of the per-unit sheet, or the list of units received).
    const text = wb.SheetNames.map((name) => XLSX.utils.sheet_to_csv(wb.Sheets[name]!)).join("\n");
    for (const i of [0, 1, 249, N - 1]) expect(text).toContain(unitName(i));
    expect(result.problems).toEqual([]);

    const report = {
      files: N,
      elapsedMs: Math.round(result.elapsedMs),
      cardsDrawnMs: Math.round(result.drawnMs),
      longestTaskMs: Math.round(result.longestTaskMs),
      beforeChangeMs: Math.round(result.beforeChangeMs),
      longTasks: result.longTasks,
      at: new Date().toISOString(),
    };
    const out = join(tmpdir(), "de-an-241-pane-merge-500.json");
    writeFileSync(out, `${JSON.stringify(report, null, 2)}\n`);
    // Reported, not asserted.
    console.log(
      `pane merge of ${N} files: ${report.elapsedMs} ms to the enabled download button, ${report.cardsDrawnMs} ms to the last card drawn, longest main-thread task ${report.longestTaskMs} ms, ${report.beforeChangeMs} of them before the change event (${report.longTasks} tasks ≥ 50 ms); ${out}`,
    );
  }, 900_000);
});
