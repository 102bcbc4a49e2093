/**
 * "Tải tệp góp ý cho các đơn vị có lỗi, cảnh báo (.zip)" for 100 units' files
 * in the task pane in headless Chromium against the production build: the files
 * merged through the Tổng hợp tab's file input (each with an error, so each
 * unit gets feedback), then the button clicked. The feedback files are made in
 * the page's worker: from the click to the download, no main-thread task
 * (a `longtask` observer) runs for half a second (a functional guard that the page
 * stays free, as the hostile files' test keeps it; making them on the page held it for about a second), progress is shown with "Hủy", and the
 * downloaded .zip holds one feedback file per unit, each its own workbook with
 * a "Góp ý" sheet.
 */
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { strFromU8, strToU8, unzipSync, zipSync } from "fflate";
import { buildUnitWorkbook } from "../../src/domain/sheets";
import { writeWorkbookXlsx } from "../../src/io/write";
import { CHROMIUM } from "../support/browser";
import { fillTemplate } from "../support/fill";
import { servePane, watchProblems } from "../support/pane";

const N = 100;
const MARK = "9000000";
const number = (i: number): string => String(i + 1).padStart(7, "0");

const d = CHROMIUM ? describe : describe.skip;

/** N units' workbooks, each naming its own unit, with achieved above total in 1.3 (an error). */
async function unitFiles(dir: string): Promise<string[]> {
  const template = await writeWorkbookXlsx(buildUnitWorkbook({ unitName: `Chi bộ số ${MARK}`, place: "Tam Đường", level: "co-so", created: "2021-05-01" }));
  const base = unzipSync(await fillTemplate(template, { indicators: { "1.3": [100, 120] }, dateLine: "Tam Đường, ngày 20 tháng 6 năm 2021" }));
  const paths: string[] = [];
  for (let i = 0; i < N; i++) {
    const parts = Object.fromEntries(Object.entries(base).map(([name, data]) => [name, name.endsWith(".xml") ? strToU8(strFromU8(data).split(MARK).join(number(i))) : data]));
    const path = join(dir, `don-vi-${number(i)}.xlsx`);
    writeFileSync(path, zipSync(parts, { level: 6 }));
    paths.push(path);
  }
  return paths;
}

d(`feedback files for ${N} units in the task pane (Chromium, standalone)`, () => {
  const pane = servePane(600_000);
  let dir: string;
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), "de-an-241-feedback-"));
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it("makes them in the worker, the page free from the click to the download, and the .zip holds one per unit", async () => {
    mkdirSync(join(dir, "files"));
    const paths = await unitFiles(join(dir, "files"));
    const context = await pane.browser.newContext({ viewport: { width: 450, height: 900 }, acceptDownloads: true });
    const page = await context.newPage();
    try {
      const problems = watchProblems(page);
      await page.goto(`${pane.server.url}taskpane.html`);
      await page.getByRole("tab", { name: "Tổng hợp" }).click();
      await page.getByTestId("merge-drop").locator('input[type="file"]').setInputFiles(paths);
      const all = page.getByTestId("feedback-all");
      await all.waitFor({ timeout: 300_000 });
      expect(await all.textContent()).toBe("Tải tệp góp ý cho các đơn vị có lỗi, cảnh báo (.zip)");
      await page.waitForFunction(() => !(document.querySelector('[data-testid="feedback-all"]') as HTMLButtonElement | null)?.disabled, undefined, { timeout: 300_000 });

      // The observer before the click; the click's time and the download's taken in the page.
      await page.evaluate(() => {
        const w = window as unknown as { __tasks: { start: number; duration: number }[]; __t0?: number; __progress?: string };
        w.__tasks = [];
        new PerformanceObserver((list) => {
          for (const e of list.getEntries()) w.__tasks.push({ start: e.startTime, duration: e.duration });
        }).observe({ type: "longtask", buffered: true });
        document.addEventListener("click", () => (w.__t0 ??= performance.now()), true);
        // The progress line as it is drawn (the first count seen, with its "Hủy").
        new MutationObserver(() => {
          const line = document.querySelector('[data-testid="feedback-progress"]');
          if (line && w.__progress === undefined && /\d+\/\d+/.test(line.textContent ?? "") && line.querySelector("button")?.textContent === "Hủy") w.__progress = line.textContent ?? "";
        }).observe(document.body, { subtree: true, childList: true, characterData: true });
      });
      const [download] = await Promise.all([page.waitForEvent("download", { timeout: 600_000 }), all.click()]);
      const t1 = await page.evaluate(() => performance.now());
      const zipPath = join(dir, download.suggestedFilename());
      await download.saveAs(zipPath);
      const measured = await page.evaluate((end) => {
        const w = window as unknown as { __tasks: { start: number; duration: number }[]; __t0: number; __progress?: string };
        const within = w.__tasks.filter((t) => t.start + t.duration > w.__t0 && t.start < end);
        return { longest: Math.max(0, ...within.map((t) => t.duration)), count: within.length, elapsed: end - w.__t0, progress: w.__progress ?? null };
      }, t1);
      console.log(`feedback for ${N} units: ${Math.round(measured.elapsed)} ms from the click to the download, longest main-thread task ${Math.round(measured.longest)} ms (${measured.count} tasks ≥ 50 ms)`);

      // The page was never held: no task of half a second while the files were made (a guard, not a timing).
      expect(measured.longest).toBeLessThan(500);
      expect(measured.progress).toMatch(new RegExp(`Đang tạo tệp góp ý \\d+/${N}`));
      // Made in a worker.
      expect(page.workers().length).toBeGreaterThan(0);

      expect(download.suggestedFilename()).toMatch(/^Góp ý các đơn vị \d{4}-\d{2}-\d{2}\.zip$/);
      const zip = unzipSync(new Uint8Array(readFileSync(zipPath)));
      expect(Object.keys(zip).sort()).toEqual(paths.map((_, i) => `don-vi-${number(i)} - góp ý.xlsx`));
      for (const k of [0, N - 1]) {
        const workbook = unzipSync(zip[`don-vi-${number(k)} - góp ý.xlsx`]!);
        expect(strFromU8(workbook["xl/workbook.xml"]!)).toContain('name="Góp ý"');
      }
      await page.getByTestId("feedback-status").filter({ hasText: "gồm" }).waitFor();
      expect(await page.getByTestId("feedback-status").filter({ hasText: "gồm" }).textContent()).toBe(`Đã tạo "${download.suggestedFilename()}" gồm ${N} tệp góp ý.`);
      expect(problems).toEqual([]);
    } finally {
      await context.close();
    }
  }, 900_000);
});
