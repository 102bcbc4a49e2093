import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { strFromU8, unzipSync } from "fflate";
import { main } from "../../src/cli/main";
import { flattenOutline } from "../../src/domain/catalogue/outline";
import { buildUnitWorkbook } from "../../src/domain/layout";
import { PLACEHOLDER } from "../../src/domain/report-draft";
import { writeWorkbookXlsx } from "../../src/io/write";
import { capture } from "../support/cli";
import { fillTemplate, type Fill } from "../support/fill";

async function unitFile(unitName: string, fill: Fill): Promise<Uint8Array> {
  const template = await writeWorkbookXlsx(buildUnitWorkbook({ unitName, place: "Tam Đường", level: "co-so", created: "2021-05-01" }));
  return fillTemplate(template, fill);
}

/** The text of word/document.xml, runs joined, entities decoded. */
function docxText(bytes: Uint8Array): string {
  const xml = strFromU8(unzipSync(bytes)["word/document.xml"]!);
  return [...xml.matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>/g)]
    .map((m) => m[1]!)
    .join("\n")
    .replace(/&quot;/g, '"')
    .replace(/&lt;/g, "<")
    .replace(/&gt;/g, ">")
    .replace(/&amp;/g, "&");
}

describe("de-an-241 report", () => {
  const dir = mkdtempSync(join(tmpdir(), "report-"));
  let code: number;
  let text: string;
  let out: string;

  beforeAll(async () => {
    writeFileSync(
      join(dir, "Ban Bo.xlsx"),
      await unitFile("Đảng ủy xã Bản Bo", {
        indicators: { "3.1": [600, 570], "1.1": [20, 20] },
        documents: [
          { code: "Số 15-KH/ĐU", date: new Date(Date.UTC(2017, 2, 10)), summary: "Kế hoạch thực hiện Đề án 241", issuer: "Đảng ủy xã Bản Bo" },
          { code: "20-NQ/ĐU", date: new Date(Date.UTC(2018, 0, 5)), summary: "Nghị quyết về công tác tư tưởng", issuer: "Đảng ủy xã Bản Bo" },
        ],
        dateLine: "Bản Bo, ngày 20 tháng 6 năm 2021",
      }),
    );
    writeFileSync(
      join(dir, "Binh Lu.xlsx"),
      await unitFile("Đảng ủy xã Bình Lư", {
        indicators: { "3.1": [400, 380] },
        documents: [{ code: "Số 7-KH/ĐU", date: new Date(Date.UTC(2017, 4, 2)), summary: "Kế hoạch tuyên truyền", issuer: "Đảng ủy xã Bình Lư" }],
        dateLine: "Bình Lư, ngày 21 tháng 6 năm 2021",
      }),
    );
    const c = capture(dir);
    code = await main(["report", "Ban Bo.xlsx", "Binh Lu.xlsx", "--out", "du-thao.docx", "--date", "2021-07-05"], c.io);
    out = c.out() + c.err();
    text = docxText(new Uint8Array(readFileSync(join(dir, "du-thao.docx"))));
  }, 60_000);

  it("writes the draft and says so", () => {
    expect(code).toBe(0);
    expect(out).toContain("du-thao.docx");
  });

  it("follows the outline and carries the summed figures", () => {
    for (const node of flattenOutline()) expect(text).toContain(node.text);
    // 570 + 380 of 600 + 400 households.
    expect(text).toContain("95,00% (950/1.000 Hộ");
    expect(text).toContain("Tổng số 3 văn bản: 2 kế hoạch (KH), 1 nghị quyết (NQ).");
    expect(text).toContain(PLACEHOLDER);
    expect(text).toContain("Tam Đường, ngày 05 tháng 7 năm 2021");
    expect(text).toMatch(/Đã nhận báo cáo của 2\/\d+ đơn vị/);
  });

  it("rejects a call without --out", async () => {
    const c = capture(dir);
    expect(await main(["report", "Ban Bo.xlsx"], c.io)).toBe(2);
    expect(c.err()).toContain("--out");
  });

  it("fails with a message when no file exists", async () => {
    const c = capture(dir);
    expect(await main(["report", "khong-co.xlsx", "--out", "x.docx"], c.io)).toBe(1);
    expect(c.err()).toContain("khong-co.xlsx");
  });
});
