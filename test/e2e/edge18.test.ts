/**
 * The production build in a browser that lacks what EdgeHTML 18 lacks: the
 * webview of Office 2016/2019 retail without WebView2 and of Microsoft 365
 * builds 16.0.11629–16.0.13530 on Windows 10. Debian's Chromium with an
 * Edge/18 user agent and, before any script of the page or of its read worker
 * runs, the built-ins EdgeHTML 18 does not have deleted (the worker's script is
 * intercepted and the same deletions put in front of it). The pane must start,
 * show its three tabs, merge the sample data on Tổng hợp and download the
 * summary and the report draft.
 *
 * Syntax EdgeHTML 18 cannot parse is checked on the built files instead
 * (test/build/edge18.test.ts): Chromium parses everything.
 */
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import * as XLSX from "@e965/xlsx";
import type { BrowserContext, Page } from "playwright-core";
import { CHROMIUM } from "../support/browser";
import { servePane } from "../support/pane";

export const EDGE18_USER_AGENT =
  "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/70.0.3538.102 Safari/537.36 Edge/18.19041";

/** Built-ins EdgeHTML 18 does not have (all arrived with Chromium-based Edge 79 or later). */
const MISSING: readonly (readonly [string, string])[] = [
  ["Object", "fromEntries"],
  ["Object", "hasOwn"],
  ["Array.prototype", "flat"],
  ["Array.prototype", "flatMap"],
  ["Array.prototype", "at"],
  ["Array.prototype", "findLast"],
  ["Array.prototype", "findLastIndex"],
  ["String.prototype", "matchAll"],
  ["String.prototype", "replaceAll"],
  ["String.prototype", "trimStart"],
  ["String.prototype", "trimEnd"],
  ["String.prototype", "at"],
  ["Promise", "allSettled"],
  ["Promise", "any"],
  ["self", "structuredClone"],
  ["self", "queueMicrotask"],
  ["self", "WeakRef"],
  ["self", "FinalizationRegistry"],
  ["self", "TextEncoder"],
  ["self", "TextDecoder"],
  ["self", "AggregateError"],
  ["self", "globalThis"],
  ["self", "ResizeObserver"],
];

/** Plain ES5 run before any other script, in the page and at the head of the worker's script. */
const DELETE_BUILTINS = `(function () {
  // Only in the pane's own pages and workers (not in Chromium's error page for a blocked request).
  if (!/^https?:$/.test(location.protocol)) return;
  var owners = { "Object": Object, "Array.prototype": Array.prototype, "String.prototype": String.prototype, "Promise": Promise, "self": self };
  var missing = ${JSON.stringify(MISSING)};
  var kept = [];
  for (var i = 0; i < missing.length; i++) {
    var owner = owners[missing[i][0]], name = missing[i][1];
    // A worker's global scope inherits some of them from its prototypes.
    for (var o = owner; o; o = Object.getPrototypeOf(o)) {
      if (Object.prototype.hasOwnProperty.call(o, name)) delete o[name];
    }
    if (name in owner) kept.push(missing[i].join("."));
  }
  if (kept.length) throw new Error("could not delete " + kept.join(", "));
})();
`;

const d = CHROMIUM ? describe : describe.skip;

d("task pane in an EdgeHTML 18 webview (Office 2019 retail)", () => {
  const pane = servePane(300_000);
  let downloads: string;

  beforeAll(() => {
    downloads = mkdtempSync(join(tmpdir(), "de-an-241-edge18-"));
  });

  afterAll(() => {
    if (downloads) rmSync(downloads, { recursive: true, force: true });
  });

  interface Edge18 {
    readonly context: BrowserContext;
    readonly page: Page;
    readonly errors: string[];
    /** Worker scripts served with the deletions in front. */
    readonly workerScripts: string[];
  }

  async function openEdge18(): Promise<Edge18> {
    const context = await pane.browser.newContext({ userAgent: EDGE18_USER_AGENT, viewport: { width: 360, height: 900 }, acceptDownloads: true });
    await context.addInitScript({ content: DELETE_BUILTINS });
    const workerScripts: string[] = [];
    // The read worker's chunk (webpack names it after the worker, "doc-tep").
    await context.route(/\/doc-tep\.[0-9a-f]+\.js$/, async (route) => {
      const response = await route.fetch();
      workerScripts.push(new URL(route.request().url()).pathname);
      await route.fulfill({ response, body: DELETE_BUILTINS + (await response.text()) });
    });
    const page = await context.newPage();
    const errors: string[] = [];
    page.on("pageerror", (error) => errors.push(`page error: ${error.message}`));
    page.on("console", (message) => {
      if (message.type() === "error") errors.push(`console.error: ${message.text()}`);
    });
    await page.goto(`${pane.server.url}taskpane.html`);
    return { context, page, errors, workerScripts };
  }

  it("starts without the missing built-ins, shows the three tabs, merges the sample data and downloads the summary and the draft", async () => {
    const { context, page, errors, workerScripts } = await openEdge18();
    await page.getByRole("heading", { level: 1, name: "Đề án 241" }).waitFor({ timeout: 30_000 });
    expect(await page.evaluate(() => navigator.userAgent)).toContain("Edge/18");

    // What the page runs with is the pane's own polyfill, not the browser's built-in.
    const own = await page.evaluate(() => {
      const scope = self as unknown as Record<string, unknown>;
      const native = (value: unknown) => typeof value === "function" && /\[native code\]/.test(Function.prototype.toString.call(value));
      return {
        fromEntries: native((Object as unknown as Record<string, unknown>).fromEntries),
        flatMap: native((Array.prototype as unknown as Record<string, unknown>).flatMap),
        textDecoder: native(scope.TextDecoder),
        globalThis: scope.globalThis === self,
        replaceAll: "replaceAll" in String.prototype,
      };
    });
    expect(own).toEqual({ fromEntries: false, flatMap: false, textDecoder: false, globalThis: true, replaceAll: false });

    expect(await page.getByRole("tab").allInnerTexts()).toEqual(["Tạo biểu mẫu", "Kiểm tra", "Tổng hợp"]);
    for (const tab of ["Tạo biểu mẫu", "Kiểm tra", "Tổng hợp"]) {
      await page.getByRole("tab", { name: tab }).click();
      expect(await page.getByRole("tab", { name: tab }).getAttribute("aria-selected")).toBe("true");
      expect(await page.getByRole("tabpanel").getByRole("heading", { level: 2 }).innerText()).toBe(tab);
    }

    await page.getByRole("button", { name: "Dùng thử với dữ liệu mẫu" }).click();
    await page.getByTestId("summary-table").waitFor({ timeout: 60_000 });
    // The sample workbooks were read by the worker, which ran with the deletions too (its
    // reader decodes the sheets' XML with TextDecoder): none of them is rejected.
    expect(workerScripts.length).toBeGreaterThan(0);
    expect(await page.locator('[data-testid="file-status"][data-status="merged"]').count()).toBeGreaterThan(0);
    expect(await page.locator('[data-testid="file-status"][data-status="rejected"]').count()).toBe(0);

    const [summary] = await Promise.all([page.waitForEvent("download"), page.getByRole("button", { name: "Tải bảng tổng hợp (.xlsx)" }).click()]);
    const summaryPath = join(downloads, summary.suggestedFilename());
    await summary.saveAs(summaryPath);
    const wb = XLSX.read(readFileSync(summaryPath), { type: "buffer" });
    expect(wb.SheetNames).toContain("Tổng hợp chỉ tiêu");

    const [draft] = await Promise.all([page.waitForEvent("download"), page.getByRole("button", { name: "Dự thảo báo cáo (.docx)" }).click()]);
    expect(draft.suggestedFilename()).toMatch(/\.docx$/);
    const draftPath = join(downloads, draft.suggestedFilename());
    await draft.saveAs(draftPath);
    expect(readFileSync(draftPath).subarray(0, 2).toString("latin1")).toBe("PK");

    expect(errors).toEqual([]);
    await context.close();
  }, 180_000);

  it("says in Vietnamese that the pane could not start when its script fails, instead of loading for ever", async () => {
    const context = await pane.browser.newContext({ userAgent: EDGE18_USER_AGENT });
    // The task pane's entry script does not arrive.
    await context.route(/\/taskpane\.[0-9a-f]+\.js$/, (route) => route.abort());
    const page = await context.newPage();
    await page.goto(`${pane.server.url}taskpane.html`);
    const alert = page.locator("#start-failed");
    await alert.waitFor({ state: "visible", timeout: 10_000 });
    expect(await alert.innerText()).toContain("Không khởi động được Đề án 241");
    expect(await alert.innerText()).toMatch(/không tải được taskpane\.[0-9a-f]+\.js/);
    expect(await page.locator("#loading").isVisible()).toBe(false);
    await context.close();
  }, 60_000);

  it("inside Office without internet: office.js from Microsoft's CDN fails, the pane says so and works with files", async () => {
    const context = await pane.browser.newContext({ userAgent: EDGE18_USER_AGENT });
    await context.addInitScript({ content: DELETE_BUILTINS });
    const cdn: string[] = [];
    await context.route(/^https:\/\/appsforoffice\.microsoft\.com\//, (route) => {
      cdn.push(route.request().url());
      return route.abort("internetdisconnected");
    });
    const page = await context.newPage();
    const requested: string[] = [];
    page.on("request", (request) => requested.push(request.url()));
    // The address Office opens the task pane at (Excel 2019 on Windows).
    await page.goto(`${pane.server.url}taskpane.html?_host_Info=Excel$Win32$16.01$vi-VN$$$$0`);
    await page.getByRole("heading", { level: 1, name: "Đề án 241" }).waitFor({ timeout: 30_000 });
    expect(cdn).toEqual(["https://appsforoffice.microsoft.com/lib/1/hosted/office.js"]);
    expect(requested.filter((url) => url.includes("office-js/"))).toEqual([]);
    const notice = page.locator("#office-js-failed");
    expect(await notice.isVisible()).toBe(true);
    expect(await notice.innerText()).toContain("Không tải được thư viện Office (office.js)");
    await page.getByTestId("standalone-notice").waitFor({ state: "visible" });
    expect(await page.getByRole("tab").allInnerTexts()).toEqual(["Tạo biểu mẫu", "Kiểm tra", "Tổng hợp"]);
    await context.close();
  }, 60_000);

  it("says so too when the script stops with an error while it starts (a built-in missing)", async () => {
    const context = await pane.browser.newContext({ userAgent: EDGE18_USER_AGENT });
    // What EdgeHTML 18 did before the polyfills: the entry stopped at its first Object.fromEntries.
    await context.route(/\/taskpane\.[0-9a-f]+\.js$/, (route) =>
      route.fulfill({ contentType: "text/javascript", body: 'throw new TypeError("Object doesn\'t support property or method \'fromEntries\'");' }),
    );
    const page = await context.newPage();
    await page.goto(`${pane.server.url}taskpane.html`);
    const alert = page.locator("#start-failed");
    await alert.waitFor({ state: "visible", timeout: 10_000 });
    expect(await alert.innerText()).toContain("Không khởi động được Đề án 241");
    expect(await alert.innerText()).toContain("fromEntries");
    expect(await page.locator("#loading").isVisible()).toBe(false);
    await context.close();
  }, 60_000);
});
