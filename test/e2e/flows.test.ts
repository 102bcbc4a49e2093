/**
 * Every flow of the standalone page in headless Chromium against the
 * production build: templates downloaded (one and a .zip of all units), a
 * workbook checked, several merged (one corrupt) and the summary downloaded,
 * the sample data, the report draft (.docx) and a targets file, and axe-core
 * on each tab. Downloads are opened in Node (SheetJS, fflate) and compared
 * with the catalogue and the outline.
 *
 * Console policy as in smoke.test.ts: console errors/warnings (except
 * office.js's own notice), page errors and failed requests fail the test.
 */
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import * as XLSX from "@e965/xlsx";
import { strFromU8, unzipSync } from "fflate";
import type { Download, Page } from "playwright-core";
import { SAMPLE_FILES } from "../../src/app/sample";
import { DOCUMENTS_TABLE, INDICATORS, INDICATORS_TABLE } from "../../src/domain/catalogue";
import { REPORT_OUTLINE } from "../../src/domain/catalogue/outline";
import { TAM_DUONG_UNITS } from "../../src/domain/units";
import { unitFileNames, writeUnitTemplate } from "../../src/io/write";
import { CHROMIUM } from "../support/browser";
import { REPO } from "../support/build";
import { fillTemplate } from "../support/fill";
import { servePane, watchProblems } from "../support/pane";

const AXE = join(REPO, "node_modules/axe-core/axe.min.js");

const d = CHROMIUM ? describe : describe.skip;

interface Opened {
  readonly page: Page;
  readonly problems: string[];
  readonly interactiveMs: number;
}

/** All text of a workbook's sheet, one string. */
function sheetText(wb: XLSX.WorkBook, name: string): string {
  const sheet = wb.Sheets[name];
  if (!sheet) throw new Error(`no sheet ${name} (has ${wb.SheetNames.join(", ")})`);
  return XLSX.utils
    .sheet_to_json<unknown[]>(sheet, { header: 1, defval: "" })
    .map((row) => row.join("\t"))
    .join("\n");
}

function unitFile(name: string, figures: Record<string, readonly [number, number]>, day: number) {
  const unit = TAM_DUONG_UNITS.find((u) => u.name === name)!;
  return writeUnitTemplate(unit, { created: "2021-05-01" }).then((template) =>
    fillTemplate(template, { indicators: figures, dateLine: `Tam Đường, ngày ${day} tháng 6 năm 2021` }),
  );
}

d("task pane flows in Chromium (standalone)", () => {
  const pane = servePane(300_000);
  let downloads: string;

  beforeAll(() => {
    downloads = mkdtempSync(join(tmpdir(), "de-an-241-downloads-"));
  });

  afterAll(() => {
    if (downloads) rmSync(downloads, { recursive: true, force: true });
  });

  async function open(tab: string, width = 360): Promise<Opened> {
    const page = await pane.browser.newPage({ viewport: { width, height: 900 }, acceptDownloads: true });
    const problems = watchProblems(page);
    const started = Date.now();
    await page.goto(`${pane.server.url}taskpane.html`);
    await page.getByRole("tab", { name: tab }).click();
    const interactiveMs = Date.now() - started;
    return { page, problems, interactiveMs };
  }

  async function save(download: Download): Promise<Buffer> {
    const path = join(downloads, download.suggestedFilename());
    await download.saveAs(path);
    return readFileSync(path);
  }

  async function noHorizontalScroll(page: Page): Promise<void> {
    const widths = await page.evaluate(() => ({ scroll: document.documentElement.scrollWidth, client: document.documentElement.clientWidth }));
    expect(widths.scroll).toBe(widths.client);
  }

  /**
   * axe-core: no violation of impact serious or critical. Tabster's focus
   * guards (<i data-tabster-dummy aria-hidden tabindex=0>, which Fluent UI
   * puts around tab lists and dialogs and which hand focus on at once) are a
   * known false positive of aria-hidden-focus and are left out of that rule
   * only; any other element still fails it.
   */
  async function axe(page: Page, label: string): Promise<void> {
    await page.addScriptTag({ path: AXE });
    const violations = await page.evaluate(async () => {
      type Node = { target: unknown; html: string };
      type Result = { violations: { id: string; impact: string | null; nodes: Node[] }[] };
      const result = await (window as unknown as { axe: { run(): Promise<Result> } }).axe.run();
      return result.violations.map((v) => ({
        id: v.id,
        impact: v.impact,
        nodes: v.nodes.filter((n) => !(v.id === "aria-hidden-focus" && /^<i [^>]*data-tabster-dummy/.test(n.html))).map((n) => JSON.stringify(n.target)),
      }));
    });
    const serious = violations.filter((v) => (v.impact === "serious" || v.impact === "critical") && v.nodes.length > 0);
    expect({ label, serious }).toEqual({ label, serious: [] });
  }

  it("Tạo biểu mẫu: downloads one template and the .zip for every unit of the default list, with the letter's labels verbatim", async () => {
    const { page, problems, interactiveMs } = await open("Tạo biểu mẫu");
    console.log(`pane interactive in ${interactiveMs} ms`);
    await axe(page, "Tạo biểu mẫu");

    const [one] = await Promise.all([page.waitForEvent("download"), page.getByRole("button", { name: "Tải biểu mẫu (.xlsx)" }).click()]);
    expect(one.suggestedFilename()).toBe("Dang-uy-xa-Ban-Bo.xlsx");
    const wb = XLSX.read(await save(one), { type: "buffer" });
    expect(wb.SheetNames).toEqual(expect.arrayContaining([DOCUMENTS_TABLE.sheetName, INDICATORS_TABLE.sheetName]));
    const indicators = sheetText(wb, INDICATORS_TABLE.sheetName);
    expect(indicators).toContain(INDICATORS_TABLE.title);
    for (const column of INDICATORS_TABLE.columns) expect(indicators).toContain(column.header);
    for (const indicator of INDICATORS) expect(indicators).toContain(indicator.text);
    expect(indicators).toContain("Đảng ủy xã Bản Bo".toUpperCase());
    const documents = sheetText(wb, DOCUMENTS_TABLE.sheetName);
    expect(documents).toContain(DOCUMENTS_TABLE.title);
    for (const column of DOCUMENTS_TABLE.columns) expect(documents).toContain(column.header);

    const zipButton = page.getByRole("button", { name: "Tải biểu mẫu cho các đơn vị (.zip)" });
    const [zip] = await Promise.all([page.waitForEvent("download", { timeout: 120_000 }), zipButton.click()]);
    expect(zip.suggestedFilename()).toBe("Bieu-mau-De-an-241.zip");
    const entries = unzipSync(new Uint8Array(await save(zip)));
    expect(Object.keys(entries).sort()).toEqual(unitFileNames(TAM_DUONG_UNITS).sort());
    for (const [name, bytes] of Object.entries(entries)) {
      const unitWb = XLSX.read(bytes, { type: "array" });
      expect({ name, sheets: unitWb.SheetNames.includes(INDICATORS_TABLE.sheetName) }).toEqual({ name, sheets: true });
    }
    await page.getByTestId("done").waitFor();
    await noHorizontalScroll(page);
    expect(pane.server.missing).toEqual([]);
    expect(problems).toEqual([]);
    await page.close();
  }, 180_000);

  it("a unit list picked as .csv is used for the .zip and as the units expected by the merge", async () => {
    const { page, problems } = await open("Tạo biểu mẫu", 320);
    const csv = "Tên đơn vị,Mã\nĐảng ủy xã Bản Bo,BB\nChi bộ Trường THPT Tam Đường,THPT\n";
    await page.getByTestId("units-source").locator('input[type="file"]').first().setInputFiles({
      name: "don-vi.csv",
      mimeType: "text/csv",
      buffer: Buffer.from(csv, "utf8"),
    });
    await page.getByText("Danh sách đơn vị: tệp don-vi.csv (2 đơn vị).").first().waitFor();
    const [zip] = await Promise.all([
      page.waitForEvent("download"),
      page.getByRole("button", { name: "Tải biểu mẫu cho các đơn vị (.zip)" }).click(),
    ]);
    const entries = unzipSync(new Uint8Array(await save(zip)));
    expect(Object.keys(entries).sort()).toEqual(["Chi-bo-Truong-THPT-Tam-Duong.xlsx", "Dang-uy-xa-Ban-Bo.xlsx"]);

    await page.getByRole("tab", { name: "Tổng hợp" }).click();
    await page.getByRole("button", { name: "Dùng thử với dữ liệu mẫu" }).click();
    await page.getByTestId("summary-table").waitFor();
    expect(await page.getByTestId("units-received").innerText()).toContain("Đã nhận 1/2 đơn vị");
    expect(problems).toEqual([]);
    await page.close();
  }, 120_000);

  it("Kiểm tra: a picked workbook with an error lists the error at its cell and shows the Đạt/Chưa đạt table", async () => {
    const bytes = await unitFile("Đảng ủy xã Bản Bo", { "1.1": [24, 24], "4.1": [900, 950], "4.2": [14, 9] }, 20);
    const { page, problems } = await open("Kiểm tra", 320);
    await page.getByTestId("check-drop").locator('input[type="file"]').setInputFiles({
      name: "ban-bo-co-loi.xlsx",
      mimeType: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
      buffer: Buffer.from(bytes),
    });
    await page.getByTestId("results-table").waitFor();
    const issues = await page.getByTestId("issues").innerText();
    expect(issues).toContain("Trang tính “Chỉ tiêu”");
    expect(issues).toContain("số đã đạt (950) lớn hơn tổng số (900)");
    expect(issues).toMatch(/E\d+/);
    const row11 = await page.locator('[data-indicator="1.1"]').innerText();
    expect(row11).toContain("Đạt");
    const row42 = await page.locator('[data-indicator="4.2"]').innerText();
    expect(row42).toContain("Chưa đạt");
    expect(await page.locator('[data-indicator="4.1"]').innerText()).toContain("Chưa đủ số liệu");
    expect(await page.getByTestId("targets-used").innerText()).toMatch(/^Mục tiêu đánh giá: theo Đề án 241/);
    // The file was read off the UI thread.
    expect(page.workers().length).toBeGreaterThan(0);
    await noHorizontalScroll(page);
    await axe(page, "Kiểm tra (kết quả)");

    // Its feedback file: the unit's own workbook with the notes, made from the bytes the page kept
    // (those given to the check went to the worker).
    const [feedback] = await Promise.all([page.waitForEvent("download"), page.getByRole("button", { name: "Tải tệp góp ý" }).click()]);
    const notes = XLSX.read(await save(feedback), { type: "buffer" });
    expect(notes.SheetNames).toContain("Góp ý");
    expect(sheetText(notes, "Góp ý")).toContain("số đã đạt (950) lớn hơn tổng số (900)");

    // The sample file with an error.
    await page.getByRole("button", { name: "Dùng thử với dữ liệu mẫu" }).click();
    await page.getByText("Kết quả: Dang-uy-xa-Ho-Thau.xlsx").waitFor();
    expect(await page.getByTestId("issues").innerText()).toContain("số đã đạt (1.020) lớn hơn tổng số (950)");
    expect(problems).toEqual([]);
    await page.close();
  }, 120_000);

  it("Tổng hợp: merges several dropped workbooks (one corrupt), shows each status, and the downloaded summary has the sums", async () => {
    const files = [
      { name: "ban-bo.xlsx", bytes: await unitFile("Đảng ủy xã Bản Bo", { "1.1": [24, 24], "4.1": [1200, 1030] }, 18) },
      { name: "binh-lu.xlsx", bytes: await unitFile("Đảng ủy xã Bình Lư", { "1.1": [31, 30], "4.1": [1630, 1400] }, 21) },
      { name: "son-binh.xlsx", bytes: await unitFile("Đảng ủy xã Sơn Bình", { "1.1": [26, 26], "4.1": [980, 700] }, 22) },
      { name: "hong.xlsx", bytes: new Uint8Array([0x50, 0x4b, 0x03, 0x04, 1, 2, 3, 4, 5, 6, 7, 8]) },
    ];
    const { page, problems } = await open("Tổng hợp", 450);
    await page.getByTestId("merge-drop").locator('input[type="file"]').setInputFiles(
      files.map((f) => ({ name: f.name, mimeType: "application/octet-stream", buffer: Buffer.from(f.bytes) })),
    );
    await page.getByTestId("summary-table").waitFor();
    const status = async (file: string) => page.locator(`[data-testid="file-status"][data-file="${file}"]`).getAttribute("data-status");
    expect(await status("ban-bo.xlsx")).toBe("merged");
    expect(await status("binh-lu.xlsx")).toBe("merged");
    expect(await status("son-binh.xlsx")).toBe("merged");
    expect(await status("hong.xlsx")).toBe("rejected");
    // The card is named by the file; its reason says why without naming it again.
    expect(await page.locator('[data-file="hong.xlsx"]').innerText()).toContain("Lý do: Không đọc được: ");
    expect(await page.getByTestId("units-received").innerText()).toContain("Đã nhận 3/19 đơn vị");
    expect(await page.locator('[data-indicator="1.1"]').innerText()).toContain("81");
    await noHorizontalScroll(page);
    await axe(page, "Tổng hợp (kết quả)");

    const [download] = await Promise.all([page.waitForEvent("download"), page.getByRole("button", { name: "Tải bảng tổng hợp (.xlsx)" }).click()]);
    const wb = XLSX.read(await save(download), { type: "buffer" });
    const sheet = wb.Sheets["Tổng hợp chỉ tiêu"]!;
    const rows = XLSX.utils.sheet_to_json<unknown[]>(sheet, { header: 1, defval: null });
    const rowOf = (id: string) => rows.find((r) => r[1] === INDICATORS.find((i) => i.id === id)!.text)!;
    expect(rowOf("1.1").slice(3, 5)).toEqual([24 + 31 + 26, 24 + 30 + 26]);
    expect(rowOf("4.1").slice(3, 5)).toEqual([1200 + 1630 + 980, 1030 + 1400 + 700]);
    expect(rowOf("4.1")[5]).toBeCloseTo(((1030 + 1400 + 700) / (1200 + 1630 + 980)) * 100, 2);
    expect(rowOf("4.1")[7]).toBe("Chưa đạt");

    // The very same file chosen again is known by the digest its reading in the worker gave (the page hashed
    // none of the first files), so it is not read again; the same name with other bytes is read.
    const input = page.getByTestId("merge-drop").locator('input[type="file"]');
    await input.setInputFiles([{ name: "ban-bo.xlsx", mimeType: "application/octet-stream", buffer: Buffer.from(files[0]!.bytes) }]);
    await page.getByText("1 tệp đã có trong danh sách nên không đọc lại.").first().waitFor();
    expect(await page.getByTestId("file-status").count()).toBe(4);
    await input.setInputFiles([{ name: "ban-bo.xlsx", mimeType: "application/octet-stream", buffer: Buffer.from(files[1]!.bytes) }]);
    await page.locator('[data-testid="file-status"][data-file="ban-bo (2).xlsx"]').waitFor();
    expect(await page.getByTestId("file-status").count()).toBe(5);
    expect(problems).toEqual([]);
    await page.close();
  }, 120_000);

  it("Tổng hợp: “Dùng thử với dữ liệu mẫu” loads the bundled samples, with one superseded file and one late report", async () => {
    const { page, problems } = await open("Tổng hợp", 320);
    // From the keyboard: Tab from the selected tab until the sample button has focus, then Enter.
    await page.getByRole("tab", { name: "Tổng hợp" }).focus();
    let focused = "";
    for (let presses = 0; presses < 20 && focused !== "Dùng thử với dữ liệu mẫu"; presses++) {
      await page.keyboard.press("Tab");
      focused = await page.evaluate(() => (document.activeElement as HTMLElement | null)?.innerText?.trim() ?? "");
    }
    expect(focused).toBe("Dùng thử với dữ liệu mẫu");
    // The focused button shows a visible focus outline.
    const outline = await page.evaluate(() => {
      const el = document.activeElement as HTMLElement;
      const style = getComputedStyle(el, "::after");
      return { own: getComputedStyle(el).outlineStyle, after: style.borderTopStyle, afterWidth: style.borderTopWidth };
    });
    expect(outline.own !== "none" || (outline.after !== "none" && outline.afterWidth !== "0px")).toBe(true);
    await page.keyboard.press("Enter");
    await page.getByTestId("summary-table").waitFor();
    const cards = page.getByTestId("file-status");
    expect(await cards.count()).toBe(SAMPLE_FILES.length);
    expect(await page.locator('[data-testid="file-status"][data-status="superseded"]').count()).toBe(1);
    expect(await page.locator('[data-file="Dang-uy-xa-Son-Binh.xlsx"]').innerText()).toContain("nộp muộn");
    // Reverse the superseded choice: the earlier Nùng Nàng file is used instead.
    await page.locator('[data-file="Dang-uy-xa-Nung-Nang.xlsx"]').getByRole("button", { name: "Dùng tệp này" }).click();
    await page.locator('[data-file="Dang-uy-xa-Nung-Nang.xlsx"][data-status="merged"]').waitFor();
    expect(await page.locator('[data-file="Dang-uy-xa-Nung-Nang-ban-sua.xlsx"]').getAttribute("data-status")).toBe("superseded");
    await noHorizontalScroll(page);
    await axe(page, "Tổng hợp (dữ liệu mẫu, 320 px)");
    expect(pane.server.missing).toEqual([]);
    expect(problems).toEqual([]);
    await page.close();
  }, 120_000);

  it("Tổng hợp: the sample data's report draft downloads as a Word file with the outline, and a targets file changes the targets", async () => {
    const { page, problems } = await open("Tổng hợp", 450);
    await page.getByRole("button", { name: "Dùng thử với dữ liệu mẫu" }).click();
    await page.getByTestId("summary-table").waitFor();
    expect(await page.getByTestId("summary-targets").innerText()).toBe("Mục tiêu đánh giá: theo Đề án 241.");

    const [draft] = await Promise.all([
      page.waitForEvent("download", { timeout: 60_000 }),
      page.getByRole("button", { name: "Dự thảo báo cáo (.docx)" }).click(),
    ]);
    expect(draft.suggestedFilename()).toMatch(/^Du-thao-bao-cao-De-an-241-\d{4}-\d{2}-\d{2}\.docx$/);
    const bytes = new Uint8Array(await save(draft));
    expect(strFromU8(bytes.subarray(0, 2))).toBe("PK");
    const xml = strFromU8(unzipSync(bytes)["word/document.xml"]!);
    expect(xml).toContain("BÁO CÁO");
    expect(xml).toContain(REPORT_OUTLINE.sections[1]!.text);
    await page.getByTestId("done").waitFor();

    // A district plan lowering 1.1 to 80%, read in the worker.
    const plan = XLSX.utils.book_new();
    const text11 = INDICATORS.find((i) => i.id === "1.1")!.text;
    XLSX.utils.book_append_sheet(plan, XLSX.utils.aoa_to_sheet([["Chỉ tiêu", "Nội dung", "Mục tiêu"], ["1.1", text11, "80%"]]), "Mục tiêu");
    await page.getByTestId("targets-source").locator('input[type="file"]').setInputFiles({
      name: "muc-tieu.xlsx",
      mimeType: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
      buffer: XLSX.write(plan, { type: "buffer", bookType: "xlsx" }) as Buffer,
    });
    await page.getByTestId("summary-targets").getByText(/tệp muc-tieu\.xlsx/).waitFor();
    expect(await page.getByTestId("summary-targets").innerText()).toContain("1.1: 80% (Đề án 241: 100%)");
    expect(await page.locator('[data-indicator="1.1"]').getAttribute("data-target-changed")).toBe("true");
    await noHorizontalScroll(page);
    expect(problems).toEqual([]);
    await page.close();
  }, 180_000);
});
