/**
 * The task pane's merge of many unit workbooks in headless Chromium, as a user
 * does it on the standalone page, measured: the unit list picked (as the CLI's
 * --units), the files chosen through the merge tab's file input, and the time
 * from that choice to the enabled "Tải bảng tổng hợp (.xlsx)" button with
 * every file merged, then to every file's card drawn, and the longest
 * main-thread task from the choice to the last card (a `longtask`
 * PerformanceObserver installed before the files are chosen, buffered). The summary is then downloaded. Used by the e2e test
 * (test/e2e/pane-merge-500.test.ts, which asserts what was merged, never a
 * time) and by bench/pane.ts (which compares the time with the built CLI's).
 */
import { mkdtempSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { Browser, ConsoleMessage } from "playwright-core";

export interface PaneMerge {
  /** From the files' `change` event to the enabled download button with every file merged (in the page's clock). */
  readonly elapsedMs: number;
  /** From the same event until every file's card is drawn too (a long list is drawn in the background, the page free). */
  readonly drawnMs: number;
  /** The longest main-thread task from the `change` event until the cards are drawn (0 when none reached 50 ms). */
  readonly longestTaskMs: number;
  /**
   * The part of the task in which the `change` event came that ran before it: the browser making the
   * list of chosen files (no script of the page runs then). 0 when that task was not a long one.
   */
  readonly beforeChangeMs: number;
  /** Main-thread tasks of 50 ms or more in that span. */
  readonly longTasks: number;
  /** "N đã tổng hợp · …" as the tab shows it. */
  readonly statusLine: string;
  /** The downloaded summary workbook. */
  readonly summary: Uint8Array;
  readonly summaryName: string;
  /** Console errors and warnings (office.js's own notice aside), page errors. */
  readonly problems: readonly string[];
}

const OFFICE_NOISE = [/Office\.js is loaded outside of Office client/];

/** The paths of the folder's workbooks, sorted. */
export function filesOf(dir: string): string[] {
  return readdirSync(join(dir, "files"))
    .sort()
    .map((name) => join(dir, "files", name));
}

/**
 * Merges the files at `paths` in the pane served at `baseUrl` (a production build), with `unitsCsv`
 * as the unit list. The files are given to the input by path, so the browser opens them from disk as
 * it does for a user's choice (no script in the page builds them).
 */
export async function mergeInPane(browser: Browser, baseUrl: string, paths: readonly string[], unitsCsv: string): Promise<PaneMerge> {
  const problems: string[] = [];
  // A context of its own: nothing kept in the browser by an earlier run is resumed.
  const context = await browser.newContext({ viewport: { width: 450, height: 900 }, acceptDownloads: true });
  const page = await context.newPage();
  const downloads = mkdtempSync(join(tmpdir(), "de-an-241-pane-"));
  try {
    page.on("console", (message: ConsoleMessage) => {
      const type = message.type();
      if ((type === "error" || type === "warning") && !OFFICE_NOISE.some((p) => p.test(message.text()))) problems.push(`console.${type}: ${message.text()}`);
    });
    page.on("pageerror", (error) => problems.push(`page error: ${error.message}`));
    await page.goto(`${baseUrl}taskpane.html`);
    await page.getByRole("tab", { name: "Tạo biểu mẫu" }).click();
    await page.getByTestId("units-source").locator('input[type="file"]').first().setInputFiles({
      name: "units.csv",
      mimeType: "text/csv",
      buffer: Buffer.from(unitsCsv, "utf8"),
    });
    const unitCount = unitsCsv.trim().split("\n").length - 1;
    await page.getByText(`Danh sách đơn vị: tệp units.csv (${unitCount} đơn vị).`).first().waitFor();
    await page.getByRole("tab", { name: "Tổng hợp" }).click();
    await page.getByTestId("merge-drop").waitFor();

    // The observer and the start mark before the files are chosen.
    await page.evaluate(() => {
      const w = window as unknown as { __tasks: { start: number; duration: number }[]; __t0?: number };
      w.__tasks = [];
      new PerformanceObserver((list) => {
        for (const e of list.getEntries()) w.__tasks.push({ start: e.startTime, duration: e.duration });
      }).observe({ type: "longtask", buffered: true });
      document.addEventListener("change", () => (w.__t0 ??= performance.now()), true);
    });
    await page.getByTestId("merge-drop").locator('input[type="file"]').setInputFiles([...paths]);
    // Checked at every frame, so kept cheap (no text of the whole list): the status line (the section's
    // first text after its heading) and the download button; then the list's length.
    await page.waitForFunction(
      (n) => {
        const w = window as unknown as { __t1?: number; __t2?: number };
        const statuses = document.querySelector('[data-testid="file-statuses"]');
        if (w.__t1 === undefined) {
          if (!statuses?.children[1]?.textContent?.startsWith(`${n} đã tổng hợp`)) return false;
          const button = document.querySelector('[data-testid="summary-output"] button') as HTMLButtonElement | null;
          if (button?.textContent !== "Tải bảng tổng hợp (.xlsx)" || button.disabled) return false;
          w.__t1 = performance.now();
        }
        if (statuses?.querySelector("ul")?.childElementCount !== n) return false;
        w.__t2 ??= performance.now();
        return true;
      },
      paths.length,
      { polling: "raf", timeout: 600_000 },
    );
    const measured = await page.evaluate(() => {
      const w = window as unknown as { __tasks: { start: number; duration: number }[]; __t0: number; __t1: number; __t2: number };
      const within = w.__tasks.filter((t) => t.start + t.duration > w.__t0 && t.start < w.__t2);
      const longest = within.reduce<{ start: number; duration: number } | undefined>((a, t) => (!a || t.duration > a.duration ? t : a), undefined);
      return {
        elapsed: w.__t1 - w.__t0,
        drawn: w.__t2 - w.__t0,
        longest: longest?.duration ?? 0,
        before: longest && longest.start < w.__t0 ? w.__t0 - longest.start : 0,
        count: within.length,
      };
    });
    const statusLine = (await page.getByTestId("file-statuses").locator(":scope > :nth-child(2)").innerText()).trim();
    const [download] = await Promise.all([page.waitForEvent("download"), page.getByRole("button", { name: "Tải bảng tổng hợp (.xlsx)" }).click()]);
    const path = join(downloads, download.suggestedFilename());
    await download.saveAs(path);
    return {
      elapsedMs: measured.elapsed,
      drawnMs: measured.drawn,
      longestTaskMs: measured.longest,
      beforeChangeMs: measured.before,
      longTasks: measured.count,
      statusLine,
      summary: new Uint8Array(readFileSync(path)),
      summaryName: download.suggestedFilename(),
      problems,
    };
  } finally {
    await context.close();
    rmSync(downloads, { recursive: true, force: true });
  }
}
