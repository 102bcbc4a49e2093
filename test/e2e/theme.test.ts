/**
 * The standalone page in the system's dark colour scheme, in headless Chromium
 * against the production build: the page is dark (the body too, not only the
 * app), its text has a contrast of at least 4.5:1, axe-core finds no violation
 * on any tab before and after the sample data (statuses Đạt / Chưa đạt, file
 * cards, notices, taskpane.html's own notice), the page follows a change of colour scheme while open, and
 * the help page is dark too.
 *
 * Set-up and console policy as in flows.test.ts: console errors/warnings
 * (except office.js's own notice), page errors and failed requests fail.
 */
import type { Page } from "playwright-core";
import { noViolations, settled } from "../support/axe";
import { CHROMIUM } from "../support/browser";
import { bodyBackground, seenColours } from "../support/contrast";
import { servePane, watchProblems } from "../support/pane";

const TABS = ["Tạo biểu mẫu", "Kiểm tra", "Tổng hợp"] as const;

/** Below this luminance a background is dark (webDarkTheme's colorNeutralBackground1, #292929, is 0.022). */
const DARK = 0.05;

const d = CHROMIUM ? describe : describe.skip;

d("task pane in a dark colour scheme, in Chromium (standalone)", () => {
  const pane = servePane(300_000);

  async function open(colorScheme: "dark" | "light", path = "taskpane.html"): Promise<{ page: Page; problems: string[] }> {
    const page = await pane.browser.newPage({ viewport: { width: 400, height: 900 }, locale: "vi-VN", colorScheme });
    const problems = watchProblems(page);
    await page.goto(`${pane.server.url}${path}`);
    return { page, problems };
  }

  /** Each element's text is readable on what is behind it: a contrast of at least 4.5:1. */
  async function readable(page: Page, labels: Record<string, ReturnType<Page["locator"]>>): Promise<void> {
    for (const [label, locator] of Object.entries(labels)) {
      const seen = await seenColours(locator);
      expect({ label, ...seen, enough: seen.ratio >= 4.5 }).toEqual({ label, ...seen, enough: true });
    }
  }

  it("is dark, body included, with readable text and no axe violation on any tab, before and after the sample data", async () => {
    const { page, problems } = await open("dark");
    await page.getByRole("heading", { level: 1, name: "Đề án 241" }).waitFor();
    expect(await page.evaluate(() => document.documentElement.getAttribute("data-theme"))).toBe("dark");
    const body = await bodyBackground(page);
    expect({ ...body, dark: body.luminance < DARK }).toEqual({ ...body, dark: true });
    await readable(page, {
      heading: page.getByRole("heading", { level: 1 }),
      subtitle: page.getByText(/^Tổng kết Đề án theo Công văn số/),
      help: page.getByRole("link", { name: "Hướng dẫn" }),
      notice: page.getByTestId("standalone-notice"),
      "selected tab": page.getByRole("tab", { name: "Tạo biểu mẫu" }),
      "other tab": page.getByRole("tab", { name: "Tổng hợp" }),
    });
    // taskpane.html's own notice (office.js not loaded from Microsoft's CDN), outside the app.
    await page.evaluate(() => (document.getElementById("office-js-failed")!.style.display = "block"));
    await readable(page, { "office.js notice": page.locator("#office-js-failed strong") });
    await page.evaluate(() => (document.getElementById("office-js-failed")!.style.display = ""));
    for (const tab of TABS) {
      await page.getByRole("tab", { name: tab }).click();
      await noViolations(page, `${tab}, dark`);
    }

    await page.getByRole("tab", { name: "Kiểm tra" }).click();
    await page.getByRole("tabpanel").getByRole("button", { name: "Dùng thử với dữ liệu mẫu" }).click();
    await page.getByTestId("results-table").waitFor();
    await settled(page);
    const table = page.getByTestId("results-table");
    await readable(page, {
      "Đạt": table.getByText("Đạt", { exact: true }).first(),
      "Chưa đạt": table.getByText("Chưa đạt", { exact: true }).first(),
    });
    await noViolations(page, "Kiểm tra (dữ liệu mẫu), dark");

    await page.getByRole("tab", { name: "Tổng hợp" }).click();
    await page.getByRole("tabpanel").getByRole("button", { name: "Dùng thử với dữ liệu mẫu" }).click();
    await page.getByTestId("summary-table").waitFor();
    await settled(page);
    await page.getByRole("button", { name: /^Xem lỗi/ }).first().click();
    await noViolations(page, "Tổng hợp (dữ liệu mẫu), dark");
    // The body stays dark below a pane taller than the window.
    await page.evaluate(() => window.scrollTo(0, document.documentElement.scrollHeight));
    expect((await bodyBackground(page)).luminance).toBeLessThan(DARK);
    expect(problems).toEqual([]);
    await page.close();
  }, 240_000);

  it("follows a change of the colour scheme while open, and back", async () => {
    const { page, problems } = await open("light");
    await page.getByRole("heading", { level: 1, name: "Đề án 241" }).waitFor();
    expect((await bodyBackground(page)).colour).toBe("rgb(255, 255, 255)");
    expect(await page.evaluate(() => document.documentElement.getAttribute("data-theme"))).toBe("light");

    await page.emulateMedia({ colorScheme: "dark" });
    await page.waitForFunction(() => document.documentElement.getAttribute("data-theme") === "dark");
    const dark = await bodyBackground(page);
    expect({ ...dark, dark: dark.luminance < DARK }).toEqual({ ...dark, dark: true });
    await readable(page, { heading: page.getByRole("heading", { level: 1 }), notice: page.getByTestId("standalone-notice") });

    await page.emulateMedia({ colorScheme: "light" });
    await page.waitForFunction(() => document.documentElement.getAttribute("data-theme") === "light");
    expect((await bodyBackground(page)).colour).toBe("rgb(255, 255, 255)");
    await readable(page, { heading: page.getByRole("heading", { level: 1 }), notice: page.getByTestId("standalone-notice") });
    expect(problems).toEqual([]);
    await page.close();
  }, 60_000);

  it("the help page is dark too, readable, with no axe violation", async () => {
    const { page, problems } = await open("dark", "help.html");
    const body = await bodyBackground(page);
    expect({ ...body, dark: body.luminance < DARK }).toEqual({ ...body, dark: true });
    await readable(page, {
      heading: page.getByRole("heading", { level: 1 }),
      text: page.locator("main p").first(),
      link: page.getByRole("link", { name: "taskpane.html" }),
      code: page.locator("code").first(),
    });
    await noViolations(page, "help.html, dark");
    expect(problems).toEqual([]);
    await page.close();
  }, 60_000);
});
