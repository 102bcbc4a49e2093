/**
 * The production build in headless Chromium, as a standalone page (outside
 * Office): served over http from a random localhost port.
 *
 * Console policy: any console error, page error or failed request fails the
 * test. office.js opened outside an Office client logs one message
 * ("Office.js is loaded outside of Office client") at level "log"; messages at
 * level "log"/"info"/"debug" are not checked, warnings are failures unless
 * they come from office.js itself (EXPECTED_OFFICE_NOISE).
 */
import type { Browser, ConsoleMessage } from "playwright-core";
import { CHROMIUM, launchChromium } from "../support/browser";
import { productionBuild } from "../support/build";
import { serveFolder, type StaticServer } from "../support/server";

const EXPECTED_OFFICE_NOISE = [/Office\.js is loaded outside of Office client/];
/**
 * office.js outside an Office client opens Microsoft's telemetry proxy in an
 * iframe a few seconds after loading; with no network it fails. It is
 * office.js's own request, not the page's, and nothing waits for it.
 */
const EXPECTED_OFFICE_REQUESTS = [/^https:\/\/telemetryservice\.firstpartyapps\.oaspapps\.com\/telemetryservice\/telemetryproxy\.html$/];

const d = CHROMIUM ? describe : describe.skip;

d("task pane in Chromium (standalone)", () => {
  let browser: Browser;
  let server: StaticServer;

  beforeAll(async () => {
    const dist = await productionBuild();
    server = await serveFolder(dist);
    browser = await launchChromium();
  }, 300_000);

  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it("renders the header, the tabs and the standalone banner without errors, and switches tabs with the arrow keys", async () => {
    const problems: string[] = [];
    const page = await browser.newPage({ viewport: { width: 360, height: 720 } });
    page.on("console", (message: ConsoleMessage) => {
      const type = message.type();
      if (type !== "error" && type !== "warning") return;
      if (EXPECTED_OFFICE_NOISE.some((pattern) => pattern.test(message.text()))) return;
      problems.push(`console.${type}: ${message.text()}`);
    });
    page.on("pageerror", (error) => problems.push(`page error: ${error.message}`));
    page.on("requestfailed", (request) => {
      if (!EXPECTED_OFFICE_REQUESTS.some((pattern) => pattern.test(request.url()))) problems.push(`request failed: ${request.url()}`);
    });

    await page.goto(`${server.url}taskpane.html`);
    expect(await page.title()).toBe("Đề án 241");
    await page.getByRole("heading", { level: 1, name: "Đề án 241" }).waitFor();

    const tabs = page.getByRole("tab");
    expect(await tabs.allInnerTexts()).toEqual(["Tạo biểu mẫu", "Kiểm tra", "Tổng hợp"]);
    const banner = page.getByTestId("standalone-notice");
    await banner.waitFor({ state: "visible" });
    expect(await banner.innerText()).toContain("Chế độ độc lập");

    // Keyboard: from the focused first tab, ArrowRight moves to and selects the next one.
    const generate = page.getByRole("tab", { name: "Tạo biểu mẫu" });
    await generate.focus();
    await page.keyboard.press("ArrowRight");
    const check = page.getByRole("tab", { name: "Kiểm tra" });
    expect(await check.evaluate((el) => el === document.activeElement)).toBe(true);
    expect(await check.getAttribute("aria-selected")).toBe("true");
    expect(await page.getByRole("tabpanel").getByRole("heading", { level: 2 }).innerText()).toBe("Kiểm tra");

    // Task pane widths: nothing scrolls sideways.
    for (const width of [320, 360, 450]) {
      await page.setViewportSize({ width, height: 720 });
      const widths = await page.evaluate(() => ({
        scroll: document.documentElement.scrollWidth,
        client: document.documentElement.clientWidth,
      }));
      expect({ width, scroll: widths.scroll }).toEqual({ width, scroll: widths.client });
    }

    expect(server.missing).toEqual([]);
    expect(problems).toEqual([]);
    await page.close();
  });
});
