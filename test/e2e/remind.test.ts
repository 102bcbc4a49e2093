/**
 * "Nhắc đơn vị" in headless Chromium against the production build: a unit
 * list with addresses ("Thư điện tử") picked, a merge with units missing and
 * one file rejected, then the reminder's mailto: link (decoded: Bcc, subject,
 * body), the text copied to the clipboard, and the công văn đôn đốc
 * downloaded. Set-up and console policy as in flows.test.ts.
 */
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { strFromU8, unzipSync } from "fflate";
import type { Download, Page } from "playwright-core";
import { TAM_DUONG_UNITS } from "../../src/domain/units";
import { writeUnitTemplate } from "../../src/io/write";
import { CHROMIUM } from "../support/browser";
import { REPO } from "../support/build";
import { fillTemplate } from "../support/fill";
import { servePane, watchProblems } from "../support/pane";

const AXE = join(REPO, "node_modules/axe-core/axe.min.js");

const d = CHROMIUM ? describe : describe.skip;

function unitFile(name: string, figures: Record<string, readonly [number, number]>, day: number) {
  const unit = TAM_DUONG_UNITS.find((u) => u.name === name)!;
  return writeUnitTemplate(unit, { created: "2021-05-01" }).then((template) =>
    fillTemplate(template, { indicators: figures, dateLine: `Tam Đường, ngày ${day} tháng 6 năm 2021` }),
  );
}

/** The fields of a mailto: link, decoded (RFC 6068: "&"-separated, percent-encoded UTF-8). */
function decodeMailto(href: string): { to: string; fields: Record<string, string> } {
  const [to, query = ""] = href.slice("mailto:".length).split("?");
  const fields: Record<string, string> = {};
  for (const part of query.split("&")) {
    const eq = part.indexOf("=");
    fields[part.slice(0, eq)] = decodeURIComponent(part.slice(eq + 1));
  }
  return { to: decodeURIComponent(to!), fields };
}

const UNITS_CSV =
  "Tên đơn vị,Cấp,Thư điện tử\n" +
  "Đảng ủy xã Bản Bo,Cơ sở,banbo@laichau.gov.vn\n" +
  "Đảng ủy xã Bình Lư,Cơ sở,binhlu@laichau.gov.vn\n" +
  "Đảng ủy xã Sơn Bình,Cơ sở,SonBinh@LaiChau.gov.vn\n" +
  "Trung tâm Chính trị,Huyện,\n";

d("Nhắc đơn vị in Chromium (standalone)", () => {
  const pane = servePane(300_000);
  let downloads: string;

  beforeAll(() => {
    downloads = mkdtempSync(join(tmpdir(), "de-an-241-downloads-"));
  });

  afterAll(() => {
    if (downloads) rmSync(downloads, { recursive: true, force: true });
  });

  async function open(tab: string, width = 360): Promise<{ page: Page; problems: string[] }> {
    const page = await pane.browser.newPage({ viewport: { width, height: 900 }, acceptDownloads: true, permissions: ["clipboard-read", "clipboard-write"] });
    const problems = watchProblems(page);
    await page.goto(`${pane.server.url}taskpane.html`);
    await page.getByRole("tab", { name: tab }).click();
    return { page, problems };
  }

  async function save(download: Download): Promise<Buffer> {
    const path = join(downloads, download.suggestedFilename());
    await download.saveAs(path);
    return readFileSync(path);
  }

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

  it("after a merge with missing units, the mailto: link has the Bcc addresses, subject and body, and the copied text is that body", async () => {
    const { page, problems } = await open("Tổng hợp", 450);
    await page.getByTestId("units-source").locator('input[type="file"]').first().setInputFiles({
      name: "don-vi.csv",
      mimeType: "text/csv",
      buffer: Buffer.from(UNITS_CSV, "utf8"),
    });
    await page.getByText("Danh sách đơn vị: tệp don-vi.csv (4 đơn vị).").filter({ visible: true }).first().waitFor();
    const files = [
      { name: "ban-bo.xlsx", bytes: await unitFile("Đảng ủy xã Bản Bo", { "1.1": [24, 24] }, 18) },
      { name: "son-binh.xlsx", bytes: new Uint8Array([0x50, 0x4b, 0x03, 0x04, 1, 2, 3, 4, 5, 6, 7, 8]) },
    ];
    await page.getByTestId("merge-drop").locator('input[type="file"]').setInputFiles(
      files.map((f) => ({ name: f.name, mimeType: "application/octet-stream", buffer: Buffer.from(f.bytes) })),
    );
    await page.getByTestId("summary-table").waitFor();
    expect(await page.getByTestId("units-received").innerText()).toContain("Đã nhận 1/4 đơn vị");

    const remind = page.getByTestId("remind");
    const link = remind.getByRole("link", { name: "Soạn thư nhắc" });
    const href = (await link.getAttribute("href"))!;
    expect(href.startsWith("mailto:?")).toBe(true);
    const { to, fields } = decodeMailto(href);
    expect(to).toBe("");
    expect(fields.bcc!.split(",")).toEqual(["binhlu@laichau.gov.vn", "SonBinh@LaiChau.gov.vn"]);
    expect(fields.subject).toBe("Đôn đốc gửi báo cáo tổng kết Đề án 241 trước ngày 25 tháng 6 năm 2021");
    const body = fields.body!;
    expect(body).toContain("1. Đảng ủy xã Bình Lư: chưa gửi báo cáo.\r\n");
    expect(body).toMatch(/2\. Đảng ủy xã Sơn Bình: đã gửi nhưng tệp "son-binh\.xlsx" không sử dụng được \(.+\); đề nghị sửa và gửi lại\./);
    expect(body).toContain("3. Trung tâm Chính trị: chưa gửi báo cáo.");
    expect(body).not.toContain("Bản Bo");
    expect(await remind.getByTestId("remind-no-address").innerText()).toContain("Trung tâm Chính trị");
    const shown = await remind.getByTestId("remind-body").inputValue();
    expect(shown.replace(/\n/g, "\r\n")).toBe(body);

    // Keyboard: the copy button is reached and pressed without a mouse.
    await remind.getByRole("button", { name: "Sao chép nội dung" }).focus();
    await page.keyboard.press("Enter");
    await remind.getByText("Đã sao chép nội dung thư.").waitFor();
    expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(shown);

    // A new deadline changes the link.
    await remind.getByRole("textbox", { name: /Hạn nộp nêu trong thư nhắc/ }).fill("05/07/2021");
    const later = decodeMailto((await link.getAttribute("href"))!);
    expect(later.fields.subject).toBe("Đôn đốc gửi báo cáo tổng kết Đề án 241 trước ngày 05 tháng 7 năm 2021");
    expect(later.fields.body).toContain("trước ngày 05 tháng 7 năm 2021 (hạn mới)");

    const [download] = await Promise.all([page.waitForEvent("download"), remind.getByRole("button", { name: "Tải công văn đôn đốc (.docx)" }).click()]);
    expect(download.suggestedFilename()).toMatch(/^Cong-van-don-doc-De-an-241-\d{4}-\d{2}-\d{2}\.docx$/);
    const xml = strFromU8(unzipSync(new Uint8Array(await save(download)))["word/document.xml"]!);
    for (const text of ["BAN TUYÊN GIÁO", "- Đảng ủy xã Bình Lư;", "- Trung tâm Chính trị.", "05 tháng 7 năm 2021"]) expect(xml).toContain(text);

    await axe(page, "Tổng hợp (nhắc đơn vị)");
    expect(problems).toEqual([]);
    await page.close();
  }, 180_000);
});
