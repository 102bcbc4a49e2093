/**
 * The production build in headless Chromium, as a standalone page (outside
 * Office): served over http from a random localhost port.
 *
 * Console policy: any console error, page error or failed request fails the
 * test. office.js opened outside an Office client logs one message
 * ("Office.js is loaded outside of Office client") at level "log"; messages at
 * level "log"/"info"/"debug" are not checked, warnings are failures unless
 * they come from office.js itself (watchProblems in test/support/pane.ts).
 */
import { CHROMIUM } from "../support/browser";
import { servePane, watchProblems } from "../support/pane";


const d = CHROMIUM ? describe : describe.skip;

d("task pane in Chromium (standalone)", () => {
  const pane = servePane(300_000);

  it("renders the header, the tabs and the standalone banner without errors, and switches tabs with the arrow keys", async () => {
    const page = await pane.browser.newPage({ viewport: { width: 360, height: 720 } });
    const problems = watchProblems(page);

    await page.goto(`${pane.server.url}taskpane.html`);
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

    expect(pane.server.missing).toEqual([]);
    expect(problems).toEqual([]);
    await page.close();
  });
});
