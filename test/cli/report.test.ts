import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { strFromU8, unzipSync } from "fflate";
import { main } from "../../src/cli/main";
import { flattenOutline } from "../../src/domain/catalogue/outline";
import { buildUnitWorkbook } from "../../src/domain/sheets";
import { buildSummaryWorkbook, SUMMARY_SHEETS } from "../../src/domain/sheets/summary";
import { readSummaryWorkbook } from "../../src/domain/merge/read-summary";
import { PLACEHOLDER } from "../../src/domain/report-draft";
import { TAM_DUONG_UNITS } from "../../src/domain/units";
import { readWorkbookFile } from "../../src/io/read";
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
    expect(text).toContain(`95,00% (950/1.000 hộ; theo báo cáo của 2/${TAM_DUONG_UNITS.length} đơn vị), chưa đạt mục tiêu 100%`);
    expect(text).toContain("Tổng số 3 văn bản: 2 kế hoạch (KH), 1 nghị quyết (NQ).");
    expect(text).toContain(PLACEHOLDER);
    expect(text).toContain("Tam Đường, ngày 05 tháng 7 năm 2021");
    expect(text).toMatch(/Đã nhận báo cáo của 2\/\d+ đơn vị/);
  });

  it("writes the number, the recipients and the signer given, and the date as typed", async () => {
    const c = capture(dir);
    const args = ["report", "Ban Bo.xlsx", "--out", "du-thao-2.docx", "--date", "5/7/2021", "--number", "45"];
    args.push("--recipients", "Ban Tuyên giáo Tỉnh ủy (b/c); Thường trực Huyện ủy; Lưu VPHU", "--signer-title", "Bí thư", "--signer-name", "Nguyễn Văn A");
    expect(await main(args, c.io)).toBe(0);
    const t = docxText(new Uint8Array(readFileSync(join(dir, "du-thao-2.docx"))));
    expect(t).toContain("Số 45-BC/HU");
    expect(t).toContain("Tam Đường, ngày 05 tháng 7 năm 2021");
    expect(t).toContain("Nơi nhận:\n- Ban Tuyên giáo Tỉnh ủy (b/c),\n- Thường trực Huyện ủy,\n- Lưu VPHU.");
    expect(t).toContain("T/M BAN THƯỜNG VỤ\nBÍ THƯ");
    expect(t).toContain("Nguyễn Văn A");
  });

  it("leaves the number and the date to fill in when not given, with the letter's recipients and signer", async () => {
    const c = capture(dir);
    expect(await main(["report", "Ban Bo.xlsx", "--out", "du-thao-3.docx"], c.io)).toBe(0);
    const t = docxText(new Uint8Array(readFileSync(join(dir, "du-thao-3.docx"))));
    expect(t).toContain("Số ……-BC/HU");
    expect(t).toContain("Tam Đường, ngày … tháng … năm 20…");
    expect(t).toContain("Nơi nhận:\n- Ban Tuyên giáo Tỉnh ủy (b/c),\n- Lưu.");
    expect(t).toContain("T/M BAN THƯỜNG VỤ\nPHÓ BÍ THƯ");
  });

  it("judges the merged figures by a plan's targets given with --targets, as merge does, and leaves that file out of the folder", async () => {
    const folder = join(dir, "hộp thư có kế hoạch");
    mkdirSync(folder);
    writeFileSync(join(folder, "Ban Bo.xlsx"), readFileSync(join(dir, "Ban Bo.xlsx")));
    writeFileSync(join(folder, "Binh Lu.xlsx"), readFileSync(join(dir, "Binh Lu.xlsx")));
    writeFileSync(join(folder, "Kế hoạch.csv"), "Chỉ tiêu,Nội dung,Mục tiêu\n3.1,Hộ dân được nghe Đài Tiếng nói Việt Nam,90%\n");
    const c = capture(dir);
    const args = ["report", "hộp thư có kế hoạch", "--targets", join("hộp thư có kế hoạch", "Kế hoạch.csv"), "--out", "du-thao-ke-hoach.docx"];
    expect(await main(args, c.io)).toBe(0);
    expect(c.err()).not.toContain("Kế hoạch.csv");
    expect(c.out()).toContain("Số liệu tổng hợp từ 2/2 tệp");
    expect(c.out()).toContain("Mục tiêu đánh giá: theo kế hoạch của đơn vị (tệp Kế hoạch.csv)");
    const t = docxText(new Uint8Array(readFileSync(join(dir, "du-thao-ke-hoach.docx"))));
    // 950/1.000 meets the plan's 90%, not Đề án 241's 100%.
    expect(t).toContain(`95,00% (950/1.000 hộ; theo báo cáo của 2/${TAM_DUONG_UNITS.length} đơn vị), vượt mục tiêu 90%`);
    expect(t).toContain("Khác Đề án 241 ở chỉ tiêu 3.1: 90% (Đề án 241: 100%)");

    const unreadable = capture(dir);
    expect(await main(["report", "Ban Bo.xlsx", "--targets", "khong-co.xlsx", "--out", "du-thao-4.docx"], unreadable.io)).toBe(1);
    expect(unreadable.err()).toContain("khong-co.xlsx");
  });

  it("refuses a --date that is not a day", async () => {
    const c = capture(dir);
    expect(await main(["report", "Ban Bo.xlsx", "--out", "x.docx", "--date", "31/2/2021"], c.io)).toBe(2);
    expect(c.err()).toContain("--date");
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

describe("de-an-241 report SUMMARY.xlsx", () => {
  const dir = mkdtempSync(join(tmpdir(), "report-summary-"));
  let code: number;
  let text: string;
  let out: string;

  beforeAll(async () => {
    const inbox = join(dir, "inbox");
    mkdirSync(inbox);
    writeFileSync(
      join(inbox, "Ban Bo.xlsx"),
      await unitFile("Đảng ủy xã Bản Bo", {
        indicators: { "3.1": [600, 570] },
        documents: [{ code: "Số 15-KH/ĐU", date: new Date(Date.UTC(2017, 2, 10)), summary: "Kế hoạch thực hiện Đề án 241", issuer: "Đảng ủy xã Bản Bo" }],
        dateLine: "Bản Bo, ngày 20 tháng 6 năm 2021",
      }),
    );
    writeFileSync(
      join(inbox, "Binh Lu.xlsx"),
      await unitFile("Đảng ủy xã Bình Lư", { indicators: { "3.1": [400, 380] }, dateLine: "Bình Lư, ngày 21 tháng 6 năm 2021" }),
    );
    writeFileSync(
      join(inbox, "Nung Nang.xlsx"),
      await unitFile("Đảng ủy xã Nùng Nàng", { indicators: { "3.1": [200, 150] }, dateLine: "Nùng Nàng, ngày 22 tháng 6 năm 2021" }),
    );
    const m = capture(dir);
    expect(await main(["merge", inbox, "--out", "tong-hop.xlsx", "--date", "2021-07-01"], m.io)).toBe(0);
    const c = capture(dir);
    code = await main(["report", "tong-hop.xlsx", "--out", "du-thao.docx", "--date", "2021-07-05"], c.io);
    out = c.out() + c.err();
    text = docxText(new Uint8Array(readFileSync(join(dir, "du-thao.docx"))));
  }, 120_000);

  it("reads the district summary as a summary, and says so", () => {
    expect(code).toBe(0);
    expect(out).toContain("Số liệu lấy từ bảng tổng hợp");
    expect(out).toContain(`(3/${TAM_DUONG_UNITS.length} đơn vị đã nộp)`);
  });

  it("gives the district's real count of units reported and names the ones missing", () => {
    expect(text).toContain(`Đã nhận báo cáo của 3/${TAM_DUONG_UNITS.length} đơn vị`);
    expect(text).not.toMatch(/Đã nhận báo cáo của 1\/\d+ đơn vị/);
    expect(text).toMatch(/chưa nhận báo cáo của: [^.]*Đảng ủy xã Bản Giang/);
    expect(text).not.toMatch(/chưa nhận báo cáo của: [^.]*Đảng ủy xã Bình Lư/);
  });

  it("carries the summary's figures and documents", () => {
    // 570 + 380 + 150 of 600 + 400 + 200 households.
    expect(text).toContain(`91,67% (1.100/1.200 hộ; theo báo cáo của 3/${TAM_DUONG_UNITS.length} đơn vị)`);
    expect(text).toContain("Tổng số 1 văn bản: 1 kế hoạch (KH).");
    expect(text).toContain("Kế hoạch thực hiện Đề án 241");
  });

  it("agrees with what the summary reader reads from the same file", () => {
    const read = readSummaryWorkbook(readWorkbookFile(new Uint8Array(readFileSync(join(dir, "tong-hop.xlsx"))), "tong-hop.xlsx"))!;
    for (const name of read.summary.missing) expect(text).toContain(name);
    expect(read.summary.received).toEqual(["Đảng ủy xã Bản Bo", "Đảng ủy xã Bình Lư", "Đảng ủy xã Nùng Nàng"]);
  });

  it("does not sum again the district's own summary found beside its units' files: the units count through their files", async () => {
    const again = join(dir, "inbox-again");
    mkdirSync(again);
    for (const name of ["Ban Bo.xlsx", "Binh Lu.xlsx", "Nung Nang.xlsx", "../tong-hop.xlsx"]) writeFileSync(join(again, name.replace("../", "")), readFileSync(join(dir, "inbox", name)));
    const c = capture(dir);
    expect(await main(["report", again, "--out", "du-thao-lai.docx", "--date", "2021-07-05"], c.io)).toBe(0);
    const draft = docxText(new Uint8Array(readFileSync(join(dir, "du-thao-lai.docx"))));
    expect(draft).toContain(`Đã nhận báo cáo của 3/${TAM_DUONG_UNITS.length} đơn vị`);
    expect(draft).toContain("91,67% (1.100/1.200 hộ");
  }, 60_000);

  it("merges the summary as one unit when its unit is on the --units list (the level above)", async () => {
    writeFileSync(join(dir, "huyen.csv"), "Huyện ủy Tam Đường\nHuyện ủy Phong Thổ\n");
    const tinhDir = join(dir, "tinh");
    mkdirSync(tinhDir);
    const m = capture(dir);
    expect(await main(["merge", join(dir, "inbox"), "--unit", "Huyện ủy Tam Đường", "--out", join(tinhDir, "tam-duong.xlsx")], m.io)).toBe(0);
    const c = capture(dir);
    expect(await main(["report", join(tinhDir, "tam-duong.xlsx"), "--units", "huyen.csv", "--out", "tinh.docx"], c.io)).toBe(0);
    expect(c.out()).toContain("Số liệu tổng hợp từ 1/1 tệp");
    const province = docxText(new Uint8Array(readFileSync(join(dir, "tinh.docx"))));
    expect(province).toContain("Đã nhận báo cáo của 1/2 đơn vị");
    expect(province).toContain("Huyện ủy Phong Thổ");
  }, 60_000);

  it("fails with a message naming the file when the summary has lost its status table", async () => {
    const bytes = new Uint8Array(readFileSync(join(dir, "tong-hop.xlsx")));
    const read = readSummaryWorkbook(readWorkbookFile(bytes, "tong-hop.xlsx"))!;
    const layout = buildSummaryWorkbook(read.summary, { unitName: "Huyện ủy Tam Đường", superior: "ĐẢNG BỘ TỈNH LAI CHÂU", place: "Tam Đường", level: "huyen", date: "2021-07-01" });
    const cut = await writeWorkbookXlsx({ ...layout, sheets: layout.sheets.filter((s) => s.name !== SUMMARY_SHEETS.status) });
    writeFileSync(join(dir, "thieu.xlsx"), cut);
    const c = capture(dir);
    expect(await main(["report", "thieu.xlsx", "--out", "thieu.docx"], c.io)).toBe(1);
    expect(c.err()).toContain("thieu.xlsx");
    expect(c.err()).toContain(SUMMARY_SHEETS.status);
  }, 60_000);
});
