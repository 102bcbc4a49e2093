/**
 * The mail the units' reports come in, dropped on the Tổng hợp tab of the
 * standalone page in headless Chromium against the production build: an .eml
 * with two spreadsheet attachments (written by Python's email package as
 * Thunderbird writes it), a PDF beside them and an inline logo. Each
 * attachment becomes a card showing where it came from and that it was judged
 * on time by the email's date. A .rar (read by WebAssembly in the worker)
 * likewise, and an Outlook .msg saved in the older format (not Unicode) on a
 * Vietnamese Windows, its texts in code page 1258.
 *
 * Console policy as in flows.test.ts: console errors/warnings (except
 * office.js's own notice), page errors and failed requests fail the test.
 * With SCREENSHOTS=<folder>, the cards are also saved there as
 * email-cards-450.png (the README's screenshot).
 */
import { mkdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import type { Page } from "playwright-core";
import { TAM_DUONG_UNITS } from "../../src/domain/units";
import { writeUnitTemplate } from "../../src/io/write";
import { msgNonUnicode, msgWithAttachment, PYTHON, writeEml, writeRar4 } from "../fixtures/containers/make-containers";
import { CHROMIUM } from "../support/browser";
import { fillTemplate } from "../support/fill";
import { servePane, watchProblems } from "../support/pane";


const d = CHROMIUM && PYTHON ? describe : describe.skip;

function unitFile(name: string, figures: Record<string, readonly [number, number]>, day: number): Promise<Uint8Array> {
  const unit = TAM_DUONG_UNITS.find((u) => u.name === name)!;
  return writeUnitTemplate(unit, { created: "2021-05-01" }).then((template) =>
    fillTemplate(template, { indicators: figures, dateLine: `Tam Đường, ngày ${day} tháng 6 năm 2021` }),
  );
}

d("email messages dropped on the task pane (standalone, Chromium)", () => {
  const pane = servePane(600_000);

  async function open(tab: string, width: number): Promise<{ page: Page; problems: string[] }> {
    const page = await pane.browser.newPage({ viewport: { width, height: 900 }, deviceScaleFactor: 1, locale: "vi-VN" });
    const problems = watchProblems(page);
    await page.goto(`${pane.server.url}taskpane.html`);
    await page.getByRole("tab", { name: tab }).click();
    return { page, problems };
  }

  it("an .eml with two attachments: two cards, each shown as where it came from and on time by the email's date", async () => {
    const eml = writeEml({
      style: "thunderbird",
      subject: "Báo cáo Đề án 241 - Bản Bo và Bình Lư",
      from: "Văn phòng Đảng ủy <vanphong.dangy@gmail.com>",
      date: "Sun, 20 Jun 2021 09:15:02 +0700",
      inlineImage: true,
      attachments: [
        // Bản Bo dated its report 28/6, past the deadline; the email came on 20/6.
        { name: "Báo cáo xã Bản Bo.xlsx", bytes: await unitFile("Đảng ủy xã Bản Bo", { "1.1": [24, 24] }, 28) },
        { name: "Báo cáo xã Bình Lư.xlsx", bytes: await unitFile("Đảng ủy xã Bình Lư", { "1.1": [31, 30] }, 18) },
        { name: "Công văn.pdf", type: "application/pdf", bytes: new TextEncoder().encode("%PDF-1.4\n") },
      ],
    });
    const { page, problems } = await open("Tổng hợp", 450);
    const input = page.getByTestId("merge-drop").locator('input[type="file"]');
    expect(await input.getAttribute("accept")).toContain(".eml");
    await input.setInputFiles({ name: "thu-bao-cao.eml", mimeType: "message/rfc822", buffer: Buffer.from(eml) });
    await page.getByTestId("summary-table").waitFor();
    const cards = page.getByTestId("file-status");
    expect(await cards.count()).toBe(2);
    const banBo = page.locator('[data-testid="file-status"][data-file="thu-bao-cao.eml › Báo cáo xã Bản Bo.xlsx"]');
    expect(await banBo.getAttribute("data-status")).toBe("merged");
    const text = await banBo.innerText();
    expect(text).toContain("Email «Báo cáo Đề án 241 - Bản Bo và Bình Lư» từ Văn phòng Đảng ủy <vanphong.dangy@gmail.com>, 20/6/2021 › Báo cáo xã Bản Bo.xlsx");
    expect(text).toContain("Đúng hạn (nộp ngày 20/6/2021 theo thư điện tử)");
    const binhLu = page.locator('[data-testid="file-status"][data-file="thu-bao-cao.eml › Báo cáo xã Bình Lư.xlsx"]');
    expect(await binhLu.getAttribute("data-status")).toBe("merged");
    expect(await page.getByTestId("units-received").innerText()).toContain("Đã nhận 2/19 đơn vị");
    // The PDF beside them is named as skipped; the inline logo is not.
    await page.getByText("Bỏ qua Công văn.pdf trong thu-bao-cao.eml: không phải bảng tính nên không đọc.").first().waitFor();
    expect(await page.getByText("logo.png").count()).toBe(0);
    if (process.env.SCREENSHOTS) {
      mkdirSync(process.env.SCREENSHOTS, { recursive: true });
      await page.evaluate(() => document.fonts.ready.then(() => undefined));
      await cards.first().scrollIntoViewIfNeeded();
      const list = page.locator("ul:has([data-testid=file-status])").first();
      await list.screenshot({ path: join(process.env.SCREENSHOTS, "email-cards-450.png") });
    }
    expect(problems).toEqual([]);
    await page.close();
  }, 300_000);

  it("an Outlook .msg in the older format (not Unicode, code page 1258): its card named and shown in Vietnamese", async () => {
    const outlook = new Uint8Array(readFileSync(join(__dirname, "../fixtures/containers/attachmentFiles.msg")));
    const msg = msgNonUnicode(msgWithAttachment(outlook, 1, "x.xlsx", await unitFile("Đảng ủy xã Bản Bo", { "1.1": [24, 24] }, 18)), 1258, {
      "": { "0037": "Báo cáo Đề án 241 - xã Bản Bo", "0042": "Đảng ủy xã Bản Bo", "0C1A": "Đảng ủy xã Bản Bo" },
      "__attach_version1.0_#00000001": { "3707": "Báo cáo xã Bản Bo.xlsx", "3704": "BAOCAO~1.XLS" },
    });
    const { page, problems } = await open("Tổng hợp", 450);
    await page.getByTestId("merge-drop").locator('input[type="file"]').setInputFiles({ name: "bao-cao.msg", mimeType: "application/vnd.ms-outlook", buffer: Buffer.from(msg) });
    await page.getByTestId("summary-table").waitFor();
    const card = page.locator('[data-testid="file-status"][data-file="bao-cao.msg › Báo cáo xã Bản Bo.xlsx"]');
    expect(await card.getAttribute("data-status")).toBe("merged");
    expect(await card.innerText()).toContain("Email «Báo cáo Đề án 241 - xã Bản Bo» từ Đảng ủy xã Bản Bo <hmailuser@hmailserver.test>");
    expect(problems).toEqual([]);
    await page.close();
  }, 300_000);

  it("a .rar with a folder inside: its spreadsheet becomes a card shown as archive › folder/file (RAR read by WebAssembly in the worker)", async () => {
    const rar = writeRar4([
      { name: "Tháng 6/Báo cáo xã Sơn Bình.xlsx", bytes: await unitFile("Đảng ủy xã Sơn Bình", { "1.1": [26, 26] }, 18) },
      { name: "ảnh chụp.jpg", bytes: new Uint8Array([0xff, 0xd8, 0xff, 0xe0]) },
    ]);
    const { page, problems } = await open("Tổng hợp", 450);
    await page.getByTestId("merge-drop").locator('input[type="file"]').setInputFiles({ name: "bao-cao.rar", mimeType: "application/vnd.rar", buffer: Buffer.from(rar) });
    await page.getByTestId("summary-table").waitFor();
    const card = page.locator('[data-testid="file-status"][data-file="bao-cao.rar › Tháng 6/Báo cáo xã Sơn Bình.xlsx"]');
    expect(await card.getAttribute("data-status")).toBe("merged");
    expect(await card.innerText()).toContain("bao-cao.rar › Tháng 6/Báo cáo xã Sơn Bình.xlsx");
    expect(await page.getByTestId("file-status").count()).toBe(1);
    expect(problems).toEqual([]);
    await page.close();
  }, 300_000);
});
