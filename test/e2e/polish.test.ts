/**
 * The task pane's small things, in headless Chromium against the production
 * build (issue 17, item 15, and item 8's narrow pane): axe-core with no
 * violation at all on every tab at 350 and 500 px; focus going to what an
 * action showed; Vietnamese names for the unit field's button; a loaded unit
 * list offered in "Đơn vị báo cáo"; the "Gán tệp này cho đơn vị" field; the
 * units not received under their own heading; issues in the order of their
 * cells; actions that look like buttons; the help page linked and current;
 * and at 350×800 every tab's main actions, the progress line and "Hủy"
 * during a merge inside the pane's width.
 *
 * Set-up and console policy as in flows.test.ts: console errors/warnings
 * (except office.js's own notice), page errors and failed requests fail.
 */
import ExcelJS from "exceljs";
import type { Locator, Page } from "playwright-core";
import { TAM_DUONG_UNITS, type Unit } from "../../src/domain/units";
import { writeUnitTemplate } from "../../src/io/write";
import { slowButLegal } from "../fixtures/hostile-files";
import { guardsHandFocusOn, noViolations, settled } from "../support/axe";
import { CHROMIUM } from "../support/browser";
import { fillTemplate } from "../support/fill";
import { servePane, watchProblems } from "../support/pane";

const TABS = ["Tạo biểu mẫu", "Kiểm tra", "Tổng hợp"] as const;

const d = CHROMIUM ? describe : describe.skip;

async function unitFile(unit: Unit, figures: Record<string, readonly [number, number]>): Promise<Buffer> {
  const template = await writeUnitTemplate(unit, { created: "2021-05-01" });
  return Buffer.from(await fillTemplate(template, { indicators: figures, dateLine: "Tam Đường, ngày 20 tháng 6 năm 2021" }));
}

const XLSX_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

d("task pane polish in Chromium (standalone)", () => {
  const pane = servePane(300_000);

  async function open(tab: string, width: number, height = 900): Promise<{ page: Page; problems: string[] }> {
    const page = await pane.browser.newPage({ viewport: { width, height }, locale: "vi-VN" });
    const problems = watchProblems(page);
    await page.goto(`${pane.server.url}taskpane.html`);
    await page.getByRole("tab", { name: tab }).click();
    return { page, problems };
  }

  /** What has focus: its tag, text and test id. */
  async function focused(page: Page): Promise<{ tag: string; text: string; testId: string | null; file: string | null }> {
    return page.evaluate(() => {
      const el = document.activeElement as HTMLElement | null;
      return {
        tag: el?.tagName.toLowerCase() ?? "",
        text: el?.innerText?.trim().split("\n")[0] ?? "",
        testId: el?.getAttribute("data-testid") ?? null,
        file: el?.getAttribute("data-file") ?? null,
      };
    });
  }

  /** The element lies inside the pane's width (no horizontal scrolling needed), and with `height` inside the view too. */
  async function inView(locator: Locator, width: number, height?: number): Promise<void> {
    const box = await locator.boundingBox();
    expect(box).not.toBeNull();
    const b = box!;
    const name = (await locator.innerText().catch(() => "")).split("\n")[0];
    expect({ name, left: b.x >= 0, right: b.x + b.width <= width }).toEqual({ name, left: true, right: true });
    if (height !== undefined) expect({ name, top: b.y >= 0, bottom: b.y + b.height <= height }).toEqual({ name, top: true, bottom: true });
  }

  it.each([350, 500])("axe finds no violation on any tab at %i px, before and after the sample data", async (width) => {
    const { page, problems } = await open("Tạo biểu mẫu", width);
    expect(await guardsHandFocusOn(page)).toBe(true);
    for (const tab of TABS) {
      await page.getByRole("tab", { name: tab }).click();
      await noViolations(page, `${tab}, ${width} px`);
    }
    await page.getByRole("tab", { name: "Kiểm tra" }).click();
    await page.getByRole("tabpanel").getByRole("button", { name: "Dùng thử với dữ liệu mẫu" }).click();
    await page.getByTestId("results-table").waitFor();
    await settled(page);
    await noViolations(page, `Kiểm tra (dữ liệu mẫu), ${width} px`);
    await page.getByRole("tab", { name: "Tổng hợp" }).click();
    await page.getByRole("tabpanel").getByRole("button", { name: "Dùng thử với dữ liệu mẫu" }).click();
    await page.getByTestId("summary-table").waitFor();
    await settled(page);
    // A card opened to its issues too.
    await page.getByRole("button", { name: /^Xem lỗi/ }).first().click();
    await noViolations(page, `Tổng hợp (dữ liệu mẫu), ${width} px`);
    expect(await guardsHandFocusOn(page)).toBe(true);
    expect(problems).toEqual([]);
    await page.close();
  }, 180_000);

  it("the help page is linked from the pane, says what the tool does now, and has no violation", async () => {
    const { page, problems } = await open("Tạo biểu mẫu", 350);
    const link = page.getByRole("link", { name: "Hướng dẫn" });
    await inView(link, 350, 800);
    expect(await link.getAttribute("target")).toBe("_blank");
    const [help] = await Promise.all([page.context().waitForEvent("page"), link.click()]);
    await help.waitForLoadState();
    expect(help.url()).toBe(`${pane.server.url}help.html`);
    const text = await help.locator("body").innerText();
    expect(text).not.toContain("đang được hoàn thiện dần");
    for (const words of ["Tạo biểu mẫu", "Kiểm tra", "Tổng hợp", "Dùng thử với dữ liệu mẫu", "dự thảo báo cáo (.docx)", "theo thứ tự ô"]) {
      expect(text).toContain(words);
    }
    await noViolations(help, "help.html");
    await help.close();
    expect(problems).toEqual([]);
    await page.close();
  }, 60_000);

  it("after “Dùng thử với dữ liệu mẫu” focus is on the result's heading, and after “Dùng tệp này” on the file's card", async () => {
    const { page, problems } = await open("Kiểm tra", 350, 800);
    await page.getByRole("tabpanel").getByRole("button", { name: "Dùng thử với dữ liệu mẫu" }).click();
    await page.getByTestId("results-table").waitFor();
    await page.waitForFunction(() => document.activeElement?.tagName === "H3");
    expect(await focused(page)).toMatchObject({ tag: "h3", text: "Kết quả: Dang-uy-xa-Ho-Thau.xlsx" });

    await page.getByRole("tab", { name: "Tổng hợp" }).click();
    // From the keyboard this time.
    await page.getByRole("tabpanel").getByRole("button", { name: "Dùng thử với dữ liệu mẫu" }).focus();
    await page.keyboard.press("Enter");
    await page.getByTestId("summary-table").waitFor();
    await page.waitForFunction(() => document.activeElement?.tagName === "H3");
    expect(await focused(page)).toMatchObject({ tag: "h3", text: "Bảng tổng hợp" });
    // The heading is in view: focus scrolled to it.
    await inView(page.getByRole("heading", { name: "Bảng tổng hợp" }), 350, 800);

    await page.locator('[data-file="Dang-uy-xa-Nung-Nang.xlsx"]').getByRole("button", { name: "Dùng tệp này" }).click();
    await page.locator('[data-file="Dang-uy-xa-Nung-Nang.xlsx"][data-status="merged"]').waitFor();
    await page.waitForFunction(() => document.activeElement?.getAttribute("data-file") === "Dang-uy-xa-Nung-Nang.xlsx");
    expect(await focused(page)).toMatchObject({ tag: "li", testId: "file-status", file: "Dang-uy-xa-Nung-Nang.xlsx" });
    // Tab goes on from the card, not from the top of the page.
    await page.keyboard.press("Tab");
    expect(await page.evaluate(() => document.activeElement?.closest('[data-file]')?.getAttribute("data-file"))).toBe("Dang-uy-xa-Nung-Nang.xlsx");
    expect(problems).toEqual([]);
    await page.close();
  }, 120_000);

  it("the unit field's button has a Vietnamese name, and a loaded unit list fills the field's options", async () => {
    const { page, problems } = await open("Tạo biểu mẫu", 350);
    const combo = page.getByRole("combobox", { name: "Đơn vị báo cáo" });
    await page.getByRole("button", { name: "Mở danh sách đơn vị báo cáo" }).click();
    const options = async () => page.getByRole("listbox").getByRole("option").allInnerTexts();
    expect(await options()).toEqual(TAM_DUONG_UNITS.map((u) => u.name));
    await page.keyboard.press("Escape");
    expect(await page.locator('[aria-label^="Open"]').count()).toBe(0);

    await page.getByTestId("units-source").first().locator('input[type="file"]').setInputFiles({
      name: "don-vi.csv",
      mimeType: "text/csv",
      buffer: Buffer.from("Tên đơn vị\nChi bộ Trường THPT Tam Đường\nChi bộ Trạm Y tế xã Bản Bo\n", "utf8"),
    });
    await page.getByText("Danh sách đơn vị: tệp don-vi.csv (2 đơn vị).").first().waitFor();
    // The unit chosen from the built-in list is not on the new one: the field takes the new list's first unit.
    expect(await combo.inputValue()).toBe("Chi bộ Trường THPT Tam Đường");
    await page.getByRole("button", { name: "Mở danh sách đơn vị báo cáo" }).click();
    expect(await options()).toEqual(["Chi bộ Trường THPT Tam Đường", "Chi bộ Trạm Y tế xã Bản Bo"]);
    await page.getByRole("option", { name: "Chi bộ Trạm Y tế xã Bản Bo" }).click();
    expect(await combo.inputValue()).toBe("Chi bộ Trạm Y tế xã Bản Bo");
    await noViolations(page, "Tạo biểu mẫu (danh sách khác)");
    expect(problems).toEqual([]);
    await page.close();
  }, 60_000);

  it("a file of a unit off the list is assigned with “Gán tệp này cho đơn vị”; the units not received have their own heading", async () => {
    const { page, problems } = await open("Tổng hợp", 500);
    const offList: Unit = { name: "Chi bộ Trường THPT Tam Đường", level: "co-so" };
    await page.getByTestId("merge-drop").locator('input[type="file"]').setInputFiles([
      { name: "thpt.xlsx", mimeType: XLSX_TYPE, buffer: await unitFile(offList, { "1.1": [10, 9] }) },
      { name: "ban-bo.xlsx", mimeType: XLSX_TYPE, buffer: await unitFile(TAM_DUONG_UNITS[0]!, { "1.1": [24, 24] }) },
    ]);
    await page.getByTestId("summary-table").waitFor();
    const assign = page.locator('[data-file="thpt.xlsx"]').getByRole("combobox", { name: "Gán tệp này cho đơn vị" });
    await assign.selectOption("Đảng ủy xã Bản Hon");
    await page.getByTestId("units-received").getByText("Đã nhận 2/19 đơn vị").waitFor();

    const received = page.getByTestId("units-received");
    expect(await received.getByRole("heading").allInnerTexts()).toEqual(["Đơn vị đã nộp"]);
    expect(await received.getByText("Đảng ủy xã Bình Lư").count()).toBe(0);
    const missing = page.getByRole("region", { name: "Đơn vị chưa nộp (17)" });
    expect(await missing.getByRole("heading", { level: 3 }).innerText()).toBe("Đơn vị chưa nộp (17)");
    const names = await missing.getByRole("listitem").allInnerTexts();
    expect(names).toHaveLength(17);
    expect(names).toContain("Đảng ủy xã Bình Lư");
    expect(names).not.toContain("Đảng ủy xã Bản Bo");
    expect(names).not.toContain("Đảng ủy xã Bản Hon");
    await noViolations(page, "Tổng hợp (gán đơn vị)");
    expect(problems).toEqual([]);
    await page.close();
  }, 120_000);

  it("lists a file's issues in the order of their cells; the sample and unit-list actions look like buttons", async () => {
    // Issues the reader finds in another order: a legacy-font cell (C10) and an unknown row (B12) before the figures,
    // a wrong typed ratio (F20) before its row's figure error (E20), and a missing indicator (no cell) last.
    const book = new ExcelJS.Workbook();
    await book.xlsx.load((await unitFile(TAM_DUONG_UNITS[1]!, { "4.2": [14, 19], "1.1": [24, 30] })) as unknown as ExcelJS.Buffer);
    const sheet = book.getWorksheet("Chỉ tiêu")!;
    sheet.getCell("C10").value = "Tû lÖ chi bé";
    sheet.getCell("F20").value = 12;
    sheet.getCell("B12").value = "Chỉ tiêu lạ";
    const bytes = Buffer.from(await book.xlsx.writeBuffer());
    const { page, problems } = await open("Kiểm tra", 350);
    await page.getByTestId("check-drop").locator('input[type="file"]').setInputFiles({ name: "loi.xlsx", mimeType: XLSX_TYPE, buffer: bytes });
    await page.getByTestId("results-table").waitFor();
    const listed = page.getByTestId("issues").getByRole("region", { name: "Trang tính Chỉ tiêu" });
    const cells = (await listed.getByRole("listitem").allInnerTexts()).map((t) => /^[A-Z]+\d+/.exec(t)?.[0] ?? "");
    // By row, then column; the issue of no cell first.
    expect(cells).toEqual(["", "C10", "E10", "B12", "E20", "F20"]);

    const looksLikeButton = async (button: Locator) =>
      button.evaluate((el) => {
        const s = getComputedStyle(el);
        return s.borderTopStyle !== "none" && s.borderTopWidth !== "0px" && s.borderTopColor !== "rgba(0, 0, 0, 0)";
      });
    expect(await looksLikeButton(page.getByRole("tabpanel").getByRole("button", { name: "Dùng thử với dữ liệu mẫu" }))).toBe(true);
    await page.getByRole("tab", { name: "Tổng hợp" }).click();
    expect(await looksLikeButton(page.getByRole("tabpanel").getByRole("button", { name: "Dùng thử với dữ liệu mẫu" }))).toBe(true);
    expect(await looksLikeButton(page.getByRole("tabpanel").getByRole("button", { name: "Dùng danh sách đơn vị khác (.csv, .xlsx)…" }))).toBe(true);
    expect(problems).toEqual([]);
    await page.close();
  }, 60_000);

  it("an empty file and a file too large say so in the pane as in the CLI", async () => {
    const { page, problems } = await open("Tổng hợp", 350);
    await page.getByTestId("merge-drop").locator('input[type="file"]').setInputFiles([
      { name: "rong.xlsx", mimeType: XLSX_TYPE, buffer: Buffer.alloc(0) },
      { name: "lon.xlsx", mimeType: XLSX_TYPE, buffer: Buffer.alloc(22_000_000) },
    ]);
    await page.locator('[data-file="lon.xlsx"][data-status="rejected"]').waitFor({ timeout: 60_000 });
    // Each card is named by its file; the reason says why as the CLI's line does, without naming it again.
    expect(await page.locator('[data-file="rong.xlsx"]').innerText()).toContain(
      "Lý do: Không đọc được. Tệp rỗng (0 byte), có thể bị hỏng khi tải về từ thư điện tử; đề nghị đơn vị gửi lại.",
    );
    expect(await page.locator('[data-file="lon.xlsx"]').innerText()).toContain("Lý do: Không đọc được: tệp quá lớn (21,0 MB, tối đa 20 MB).");

    await page.getByRole("tab", { name: "Kiểm tra" }).click();
    await page.getByTestId("check-drop").locator('input[type="file"]').setInputFiles({ name: "rong.xlsx", mimeType: XLSX_TYPE, buffer: Buffer.alloc(0) });
    await page.getByRole("tabpanel").getByText("Tệp rỗng (0 byte), có thể bị hỏng khi tải về từ thư điện tử; đề nghị đơn vị gửi lại.").waitFor();
    // The bar names the file once: its reason names it, its title does not again.
    const bar = await page.getByRole("tabpanel").getByTestId("error-bar").innerText();
    expect({ bar, named: bar.split("rong.xlsx").length - 1 }).toEqual({ bar, named: 1 });
    expect(problems).toEqual([]);
    await page.close();
  }, 120_000);

  it("at 350×800 every tab's main actions, and the progress line and “Hủy” during a merge, are inside the pane", async () => {
    const { page, problems } = await open("Tạo biểu mẫu", 350, 800);
    const panel = page.getByRole("tabpanel");
    const mainActions: Record<(typeof TABS)[number], string[]> = {
      "Tạo biểu mẫu": ["Tải biểu mẫu (.xlsx)", "Dùng danh sách đơn vị khác (.csv, .xlsx)…", "Tải biểu mẫu cho các đơn vị (.zip)"],
      "Kiểm tra": ["Chọn tệp để kiểm tra…", "Dùng thử với dữ liệu mẫu"],
      "Tổng hợp": ["Chọn các tệp của đơn vị…", "Dùng thử với dữ liệu mẫu", "Dùng danh sách đơn vị khác (.csv, .xlsx)…"],
    };
    for (const tab of TABS) {
      await page.getByRole("tab", { name: tab }).click();
      await inView(page.getByRole("tab", { name: tab }), 350);
      for (const name of mainActions[tab]) await inView(panel.getByRole("button", { name }), 350);
    }
    await page.getByRole("tab", { name: "Tổng hợp" }).click();
    await panel.getByRole("button", { name: "Dùng thử với dữ liệu mẫu" }).click();
    await page.getByTestId("summary-table").waitFor();
    for (const name of ["Tải bảng tổng hợp (.xlsx)", "Dự thảo báo cáo (.docx)"]) await inView(panel.getByRole("button", { name }), 350);
    await inView(page.getByTestId("file-status").first(), 350);

    // A merge of many files: the progress line and its "Hủy" show inside the first screen, under the button that started it.
    // Large files (400,000 cells each, a few tenths of a second each to read) first keep the reading going long enough to press
    // "Hủy", however fast the rest is read and however busy the machine is between the progress showing and the press.
    await page.evaluate(() => window.scrollTo(0, 0));
    const large = slowButLegal();
    const files = [
      ...["00a", "00b", "00c", "00d", "00e", "00f", "00g", "00h"].map((n) => ({ name: `don-vi-${n}-lon.xlsx`, mimeType: XLSX_TYPE, buffer: Buffer.from(large) })),
      ...(await Promise.all(
        Array.from({ length: 40 }, async (_x, i) => ({
          name: `don-vi-${String(i + 1).padStart(2, "0")}.xlsx`,
          mimeType: XLSX_TYPE,
          buffer: await unitFile(TAM_DUONG_UNITS[i % TAM_DUONG_UNITS.length]!, { "1.1": [10 + i, 9], "4.1": [900, 800 + i] }),
        })),
      )),
    ];
    await page.getByTestId("merge-drop").locator('input[type="file"]').setInputFiles(files);
    const progress = page.getByTestId("progress");
    await progress.waitFor({ timeout: 30_000 });
    const cancel = progress.getByRole("button", { name: "Hủy" });
    await inView(progress, 350, 800);
    await inView(cancel, 350, 800);
    // "Hủy" is there from the start; the counts follow as the files are read.
    await page.waitForFunction(() => /Đang đọc \d+\/4\d/.test(document.querySelector('[data-testid="progress"]')?.textContent ?? ""), undefined, { timeout: 30_000 });
    expect(await progress.innerText()).toMatch(/Đang đọc \d+\/4\d/);
    const before = problems.length;
    await cancel.click();
    await progress.waitFor({ state: "detached" });
    // Cancelling ends the reading worker: a script it was still loading is aborted then, as it should be.
    const aborted = /^request failed: .*\.js \(net::ERR_ABORTED\)$/;
    problems.splice(before, problems.length - before, ...problems.slice(before).filter((p) => !aborted.test(p)));
    const widths = await page.evaluate(() => ({ scroll: document.documentElement.scrollWidth, client: document.documentElement.clientWidth }));
    expect(widths.scroll).toBe(widths.client);
    expect(problems).toEqual([]);
    await page.close();
  }, 180_000);
  it("a 320 px pane at 200% zoom (160 CSS px): no tab, before or after the sample data, needs scrolling sideways", async () => {
    const width = 160;
    const { page, problems } = await open("Tạo biểu mẫu", width);
    /** What sticks out of the pane's width: the page's own width, then the first few elements past it. */
    const outside = () =>
      page.evaluate((w) => {
        const out: string[] = [];
        if (document.documentElement.scrollWidth > w) out.push(`page ${document.documentElement.scrollWidth} px`);
        for (const el of Array.from(document.querySelectorAll<HTMLElement>("[role=tabpanel]:not([hidden]) *"))) {
          const box = el.getBoundingClientRect();
          if (box.width > 0 && box.right > w + 0.5 && out.length < 6) out.push(`${el.tagName.toLowerCase()}.${el.className.split(" ")[0]} to ${Math.round(box.right)} px`);
        }
        return out;
      }, width);
    expect({ tab: "Tạo biểu mẫu", outside: await outside() }).toEqual({ tab: "Tạo biểu mẫu", outside: [] });
    // The header reads in words: none of its words is cut over two lines (the title had been squeezed to a letter a line).
    const cut = await page.locator("header").evaluate((header) => {
      const out: string[] = [];
      const walker = document.createTreeWalker(header, NodeFilter.SHOW_TEXT);
      for (let node = walker.nextNode(); node; node = walker.nextNode()) {
        const text = node.textContent ?? "";
        for (const match of text.matchAll(/[^\s\-/]+/g)) {
          const range = document.createRange();
          range.setStart(node, match.index);
          range.setEnd(node, match.index + match[0].length);
          const tops = new Set(Array.from(range.getClientRects()).map((r) => Math.round(r.top)));
          if (tops.size > 1) out.push(match[0]);
        }
      }
      return out;
    });
    expect(cut).toEqual([]);
    for (const tab of ["Kiểm tra", "Tổng hợp"]) {
      await page.getByRole("tab", { name: tab }).click();
      expect({ tab, outside: await outside() }).toEqual({ tab, outside: [] });
      await page.getByRole("tabpanel").getByRole("button", { name: "Dùng thử với dữ liệu mẫu" }).click();
      await page.getByTestId(tab === "Kiểm tra" ? "results-table" : "summary-table").waitFor();
      await settled(page);
      expect({ tab: `${tab} (dữ liệu mẫu)`, outside: await outside() }).toEqual({ tab: `${tab} (dữ liệu mẫu)`, outside: [] });
    }
    expect(problems).toEqual([]);
    await page.close();
  }, 120_000);
});
