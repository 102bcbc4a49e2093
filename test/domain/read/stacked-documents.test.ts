/**
 * Several documents typed into one row of the documents table, each on a line of its own (Ctrl+Enter in
 * LibreOffice, Alt+Enter in Excel): the codes in one cell, their dates and summaries likewise, the issuer
 * once for all. Typed in LibreOffice, saved as .xlsx, .ods and .xls, and the .ods exported as CSV (the
 * multi-line fields quoted, as LibreOffice writes them). Each code is a document; only the first was read.
 */
import { readFileSync } from "node:fs";
import { filledForEditing, PLAN_DOCUMENTS, readUnitFile } from "../../support/edited-unit";
import { convertWithLibreOffice, SOFFICE } from "../../support/programs";

const VAN_BAN = 0;

const withOffice = SOFFICE ? describe : describe.skip;

withOffice("several documents typed in one row, a line each", () => {
  const unit = filledForEditing("stacked-docs", { documents: PLAN_DOCUMENTS.slice(0, 1) });
  const EDITS = [
    { op: "text", sheet: VAN_BAN, cell: "B10", text: "Số 05-KH/ĐU\nSố 06-KH/ĐU" },
    { op: "text", sheet: VAN_BAN, cell: "C10", text: "10/3/2017\n15/4/2017" },
    { op: "text", sheet: VAN_BAN, cell: "D10", text: "Kế hoạch thực hiện Đề án 241\nKế hoạch tuyên truyền Đề án 241" },
    { op: "text", sheet: VAN_BAN, cell: "E10", text: "Đảng ủy xã" },
    // Two codes on one line, one date for both; then a code with its date on the next line: one document.
    { op: "text", sheet: VAN_BAN, cell: "B11", text: "12-CV/ĐU; 13-CV/ĐU" },
    { op: "text", sheet: VAN_BAN, cell: "C11", text: "02/5/2018" },
    { op: "text", sheet: VAN_BAN, cell: "D11", text: "Công văn đôn đốc" },
    { op: "text", sheet: VAN_BAN, cell: "E11", text: "Đảng ủy xã" },
    { op: "text", sheet: VAN_BAN, cell: "B12", text: "Kế hoạch số 22-KH/ĐU\nngày 03/3/2019" },
    { op: "text", sheet: VAN_BAN, cell: "D12", text: "Kế hoạch tổng kết" },
  ] as const;

  const expected = [
    ["241-ĐA/TU", "2016-09-30", "Đề án nâng cao hiệu quả công tác tư tưởng", "Tỉnh ủy", "B9"],
    ["05-KH/ĐU", "2017-03-10", "Kế hoạch thực hiện Đề án 241", "Đảng ủy xã", "B10"],
    ["06-KH/ĐU", "2017-04-15", "Kế hoạch tuyên truyền Đề án 241", "Đảng ủy xã", "B10"],
    ["12-CV/ĐU", "2018-05-02", "Công văn đôn đốc", "Đảng ủy xã", "B11"],
    ["13-CV/ĐU", "2018-05-02", "Công văn đôn đốc", "Đảng ủy xã", "B11"],
    ["22-KH/ĐU", "2019-03-03", "Kế hoạch tổng kết", null, "B12"],
  ];

  const documentsOf = (file: string) => {
    const r = readUnitFile(file);
    return { docs: r.documents.map((d) => [d.code?.canonical ?? d.codeText, d.date, d.summary, d.issuer, d.cell]), issues: r.issues.filter((i) => i.sheet === "Văn bản") };
  };

  it.each(["xlsx", "ods", "xls"] as const)("reads each code as a document with its own line (.%s)", (format) => {
    const out = unit.edit(`stacked.${format}`, format, EDITS);
    const { docs, issues } = documentsOf(out);
    expect(docs).toEqual(expected);
    expect(issues).toEqual([]);
  }, 300_000);

  it.each(["xlsx", "ods"] as const)("keeps a cell whole when its lines are one value wrapped, not one a document (.%s)", (format) => {
    const out = unit.edit(`wrapped.${format}`, format, [
      // One issuer over two lines (both codes are the Đảng ủy's), a summary wrapped where "Đề án" begins.
      { op: "text", sheet: VAN_BAN, cell: "B10", text: "05-KH/ĐU\n06-KH/ĐU" },
      { op: "text", sheet: VAN_BAN, cell: "C10", text: "10/3/2017\n15/4/2017" },
      { op: "text", sheet: VAN_BAN, cell: "D10", text: "Kế hoạch thực hiện\nĐề án 241 của Tỉnh ủy" },
      { op: "text", sheet: VAN_BAN, cell: "E10", text: "Ban Thường vụ\nĐảng ủy xã" },
      // Two issuers, one a code, each on its line; a summary wrapped mid-phrase; one date for both.
      { op: "text", sheet: VAN_BAN, cell: "B11", text: "12-CV/TU\n13-CV/HU" },
      { op: "text", sheet: VAN_BAN, cell: "C11", text: "02/5/2018" },
      { op: "text", sheet: VAN_BAN, cell: "D11", text: "Công văn về việc tổ chức học tập, quán triệt\nNghị quyết Đại hội Đảng các cấp" },
      { op: "text", sheet: VAN_BAN, cell: "E11", text: "Tỉnh ủy\nHuyện ủy" },
      // Summaries each opening as one: a line each.
      { op: "text", sheet: VAN_BAN, cell: "B12", text: "20-KH/ĐU\n21-CV/ĐU" },
      { op: "text", sheet: VAN_BAN, cell: "C12", text: "03/3/2019\n04/3/2019" },
      { op: "text", sheet: VAN_BAN, cell: "D12", text: "Kế hoạch tổng kết Đề án 241\nV/v báo cáo kết quả thực hiện" },
      { op: "text", sheet: VAN_BAN, cell: "E12", text: "Đảng ủy xã" },
    ]);
    const { docs, issues } = documentsOf(out);
    const wrapped = "Kế hoạch thực hiện Đề án 241 của Tỉnh ủy";
    const mid = "Công văn về việc tổ chức học tập, quán triệt Nghị quyết Đại hội Đảng các cấp";
    expect(docs).toEqual([
      expected[0],
      ["05-KH/ĐU", "2017-03-10", wrapped, "Ban Thường vụ Đảng ủy xã", "B10"],
      ["06-KH/ĐU", "2017-04-15", wrapped, "Ban Thường vụ Đảng ủy xã", "B10"],
      ["12-CV/TU", "2018-05-02", mid, "Tỉnh ủy", "B11"],
      ["13-CV/HU", "2018-05-02", mid, "Huyện ủy", "B11"],
      ["20-KH/ĐU", "2019-03-03", "Kế hoạch tổng kết Đề án 241", "Đảng ủy xã", "B12"],
      ["21-CV/ĐU", "2019-03-04", "V/v báo cáo kết quả thực hiện", "Đảng ủy xã", "B12"],
    ]);
    expect(issues).toEqual([]);
  }, 300_000);

  it("reads them from LibreOffice's CSV of the sheet, the lines inside quoted fields", () => {
    const ods = unit.edit("for-csv.ods", "ods", EDITS);
    const csv = convertWithLibreOffice(ods, "csv:Text - txt - csv (StarCalc):44,34,76", unit.dir);
    expect(readFileSync(csv, "utf8")).toContain('"Số 05-KH/ĐU\nSố 06-KH/ĐU"');
    const { docs, issues } = documentsOf(csv);
    expect(docs).toEqual(expected);
    expect(issues).toEqual([]);
  }, 300_000);
});
