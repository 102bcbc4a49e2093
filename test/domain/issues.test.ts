/**
 * One vocabulary of issues: every rule has a severity and a Vietnamese message
 * built from its own parameters, and a wrong parameter does not compile.
 */
import { isRule, SEVERITY, severityOf, hasErrors, type IssueParamsByRule, type RuleCode } from "../../src/domain/model/issues";
import { makeIssue, messageFor, messageWithoutFile, readFailureIssue, readFailureReason } from "../../src/domain/rules/messages";
import type { ReadErrorCode } from "../../src/domain/model/issues";

/** Sample parameters of one rule, and what its message must show of them. */
interface Sample<K extends RuleCode> {
  readonly params: IssueParamsByRule[K];
  readonly shows: readonly string[];
}

/** Every rule (the mapped type makes a rule without a sample a type error). */
const SAMPLES: { readonly [K in RuleCode]: Sample<K> } = {
  "not-a-number": { params: { column: "Tổng số", text: "mười hai", indicator: "1.1" }, shows: ["Chỉ tiêu 1.1", '"Tổng số"', '"mười hai"'] },
  negative: { params: { column: "Số đã đạt tiêu chuẩn", value: -3, indicator: "2.1" }, shows: ["Chỉ tiêu 2.1", "Số đã đạt tiêu chuẩn", "(-3)"] },
  "not-whole": { params: { column: "Tổng số", value: 12.5, text: "12,5", dvt: "người", indicator: "1.2" }, shows: ["Chỉ tiêu 1.2", "12,5", "(người)"] },
  "ambiguous-number": {
    params: { column: "Tổng số", text: "1,234", readingA: "1,234", readingB: "1.234", example: "1234", indicator: "1.3" },
    shows: ['"1,234"', "1.234", "ví dụ 1234"],
  },
  "achieved-exceeds-total": { params: { total: 10, achieved: 11, indicator: "3.1" }, shows: ["Chỉ tiêu 3.1", "(11)", "(10)"] },
  "ratio-mismatch": { params: { typed: "60%", computed: "50", total: 100, achieved: 50, indicator: "3.2" }, shows: ["60%", "50/100 = 50%"] },
  "ratio-without-numbers": { params: { typed: "90", missing: "Tổng số", indicator: "4.1" }, shows: ["(90%)", "thiếu Tổng số"] },
  "duplicate-indicator": { params: { row: 14, firstRow: 12, indicator: "1.1" }, shows: ["Chỉ tiêu 1.1", "dòng 14", "dòng 12"] },
  "document-missing-code": { params: { row: 7, summary: "Kế hoạch thực hiện Đề án 241" }, shows: ["dòng 7", '"Kế hoạch thực hiện Đề án 241"'] },
  "document-missing-date": { params: { row: 8, code: "26-KH/TU" }, shows: ["Văn bản 26-KH/TU"] },
  "document-date-out-of-period": {
    params: { row: 9, code: "26-KH/TU", date: "01/01/2015", from: "30/09/2016", to: "25/06/2021" },
    shows: ["26-KH/TU", "01/01/2015", "30/09/2016", "25/06/2021"],
  },
  "invalid-date": { params: { row: 10, code: "", text: "31/02/2020" }, shows: ["ở dòng 10", '"31/02/2020"'] },
  "no-tables": { params: { file: "xa-ban-bo.xlsx" }, shows: ["xa-ban-bo.xlsx"] },
  "indicator-missing": { params: { indicator: "5", official: "Số xã có mô hình" }, shows: ["chỉ tiêu 5", '"Số xã có mô hình"'] },
  "unknown-row": { params: { row: 21, text: "Chỉ tiêu lạ" }, shows: ["Dòng 21", '"Chỉ tiêu lạ"'] },
  "label-changed": { params: { found: "Nội dung đã sửa", official: "Nội dung đúng", indicator: "2.2" }, shows: ["Chỉ tiêu 2.2", '"Nội dung đã sửa"', '"Nội dung đúng"'] },
  "formula-not-calculated": { params: { indicator: "1.3", column: "Tổng số", formula: "SUMIF(A1:A9,\"x\",D1:D9)" }, shows: ["Chỉ tiêu 1.3", "Tổng số", "=SUMIF(A1:A9"] },
  "figures-on-group-row": { params: { indicator: "2", row: 13, group: "Mục tiêu 02" }, shows: ["chỉ tiêu 2", '"Mục tiêu 02"', "dòng 13"] },
  "breakdown-only": {
    params: { indicator: "1.2", row: 11, rows: "12–13", texts: '"Thôn Nà Tăm", "Bản Bo"' },
    shows: ["Chỉ tiêu 1.2", "dòng 11", "dòng 12–13", '"Thôn Nà Tăm", "Bản Bo"', "không được cộng"],
  },
  "breakdown-rows": {
    params: { count: 2, indicators: "4.3", rows: 'B14 "Cơ quan đạt chuẩn an toàn về an ninh trật tự", B15 "Trường học"' },
    shows: ["2 dòng được coi là chi tiết của chỉ tiêu 4.3", "không cộng vào tổng", 'B14 "Cơ quan đạt chuẩn an toàn về an ninh trật tự"'],
  },
  "breakdown-sum": {
    params: { indicator: "4.3", kind: "exceeds", column: "Tổng số", sum: 15, value: 12, row: 13, rows: "14–15" },
    shows: ["Chỉ tiêu 4.3", '"Tổng số"', "dòng 14–15", "được 15", "lớn hơn số ghi ở dòng của chỉ tiêu (12)"],
  },
  "code-unrecognised": { params: { row: 6, text: "KH 26" }, shows: ['"KH 26"', "dòng 6"] },
  "duplicate-document": { params: { code: "26-KH/TU", row: 9, firstRow: 5 }, shows: ["26-KH/TU", "dòng 5", "dòng 9"] },
  "report-date-missing": { params: { file: "ban-bo.xlsx" }, shows: ["ban-bo.xlsx", "chưa ghi đủ ngày báo cáo", "ngày nhận"] },
  "nothing-filled": { params: { file: "trong.xlsx" }, shows: ["trong.xlsx"] },
  "indicators-table-missing": { params: { file: "a.xlsx" }, shows: ["a.xlsx"] },
  "documents-table-missing": { params: { file: "b.xlsx" }, shows: ["b.xlsx"] },
  "column-by-position": { params: { column: "D", text: "Số người", role: "Tổng số" }, shows: ["Cột D", '"Số người"', '"Tổng số"'] },
  "column-missing": {
    params: { sheet: "Chỉ tiêu", role: "Tổng số", row: 5, headers: '"TT", "Nội dung"', countedOnly: "5, 6" },
    shows: ['"Chỉ tiêu"', '"Tổng số"', "dòng tiêu đề 5", '"TT", "Nội dung"', "(5, 6)"],
  },
  "column-repeated": { params: { role: "Tổng số", columns: "D, F", used: "D" }, shows: ['"Tổng số"', "(cột D, F)", "chỉ đọc cột D"] },
  "table-ignored": {
    params: { sheet: "2016", row: 3, usedSheet: "2021", usedRow: 7, indicators: "1.2, 4.1" },
    shows: ['"2016"', "(dòng 3)", "1.2, 4.1", '"2021"', "(dòng 7)"],
  },
  "table-other-unit": {
    params: { sheet: "Sơn Bình", row: 6, other: "ĐẢNG ỦY XÃ SƠN BÌNH", unit: "ĐẢNG ỦY XÃ BẢN BO", usedSheet: "Chỉ tiêu" },
    shows: ['"Sơn Bình"', "(dòng 6)", "ĐẢNG ỦY XÃ SƠN BÌNH", "ĐẢNG ỦY XÃ BẢN BO", '"Chỉ tiêu"', "tệp riêng"],
  },
  "included-in-summary": {
    params: { file: "ban-bo.xlsx", unit: "Đảng ủy xã Bản Bo", summary: "tong-hop.xlsx", summaryUnit: "Huyện ủy Tam Đường" },
    shows: ["ban-bo.xlsx", "Đảng ủy xã Bản Bo", '"tong-hop.xlsx"', "Huyện ủy Tam Đường"],
  },
  // Legacy Vietnamese fonts (TCVN3/ABC, VNI).
  "legacy-encoding": {
    params: { encoding: "TCVN3", sheet: "Chỉ tiêu", cell: "B5", sample: "Ban Tuyªn gi¸o", converted: "Ban Tuyên giáo" },
    shows: ["TCVN3/ABC", ".VnTime", "Chỉ tiêu!B5", "“Ban Tuyªn gi¸o”", "“Ban Tuyên giáo”", "Times New Roman"],
  },
  // Compound file (.xls, CFB/OLE2) bounds, checked before SheetJS parses it.
  "cfb-malformed": {
    params: { file: "vong.xls", detail: "chuỗi cung trong bảng FAT bị lặp vòng" },
    shows: ["vong.xls", "(chuỗi cung trong bảng FAT bị lặp vòng)", "độc hại"],
  },
  "too-large": { params: { file: "lon.xlsx", size: 25_000_000, limit: 20_971_520 }, shows: ["lon.xlsx", "23,8 MB", "tối đa 20 MB"] },
  // Figures, notes, dates and unit names as units write them.
  "not-reported-note": {
    params: { column: "Tổng số", text: "(chưa thống kê)", indicator: "4.1" },
    shows: ["Chỉ tiêu 4.1", '"Tổng số"', '"(chưa thống kê)"', "không tính là 0"],
  },
  "number-out-of-range": {
    params: { column: "Số đã đạt tiêu chuẩn", text: "1e+308", reason: "too-large", limit: 1e12, indicator: "1.3" },
    shows: ["Chỉ tiêu 1.3", '"1e+308"', "1.000.000.000.000", "không được tổng hợp"],
  },
  "column-combined": { params: { column: "D", text: "Kết quả" }, shows: ["Cột D", '("Kết quả")', "45/50"] },
  "document-date-partial-edge": {
    params: { row: 12, code: "05-KH/ĐU", text: "Quý III/2016", from: "30/09/2016", to: "31/12/2020" },
    shows: ["05-KH/ĐU", '"Quý III/2016"', "30/09/2016", "31/12/2020"],
  },
  "unit-matched-loosely": {
    params: { text: "ĐU xã Nà Tăm", unit: "Đảng ủy xã Nà Tăm" },
    shows: ['"ĐU xã Nà Tăm"', '"Đảng ủy xã Nà Tăm"'],
  },
  "unit-ambiguous": {
    params: { text: "Bản Bo", units: "Đảng ủy xã Bản Bo; Chi bộ Bản Bo" },
    shows: ['"Bản Bo"', "(Đảng ủy xã Bản Bo; Chi bộ Bản Bo)"],
  },
  "unit-from-sender": {
    params: { address: "dangbo.banbo@laichau.gov.vn", unit: "Đảng ủy xã Bản Bo" },
    shows: ["dangbo.banbo@laichau.gov.vn", '"Đảng ủy xã Bản Bo"', "Không đọc được tên đơn vị"],
  },
  // Reports that are not Đề án 241's, and summaries of another district or level.
  "unit-list-file": {
    params: { file: "Danh sách đơn vị.csv", units: 12 },
    shows: ["Danh sách đơn vị.csv", "là danh sách đơn vị (12 đơn vị)", "không phải báo cáo của một đơn vị", "--units"],
  },
  "not-de-an-241": {
    params: { file: "de-an-05.xlsx", title: "BÁO CÁO kết quả thực hiện Đề án 05-ĐA/HU", unknownRows: 12, matchedRows: 1 },
    shows: ["de-an-05.xlsx", "không phải báo cáo Đề án 241", '"BÁO CÁO kết quả thực hiện Đề án 05-ĐA/HU"', "12 dòng", "chỉ 1 dòng"],
  },
  "summary-own": {
    params: { file: "tong-hop.xlsx", summaryUnit: "Huyện ủy Tam Đường", date: "01/07/2021" },
    shows: ["tong-hop.xlsx", "do chính Huyện ủy Tam Đường lập ngày 01/07/2021", "không cộng lại"],
  },
  "summary-other-district": {
    params: { file: "phong-tho.xlsx", summaryUnit: "HUYỆN ỦY PHONG THỔ", reason: "các đơn vị trong đó không có trong danh sách đơn vị" },
    shows: ["phong-tho.xlsx", "HUYỆN ỦY PHONG THỔ", "không có trong danh sách đơn vị", "không cộng vào"],
  },
  // Checks across indicators.
  "totals-differ": {
    params: {
      noun: "hộ",
      totals: [
        { indicator: "1.3", total: 7685, cell: "D10" },
        { indicator: "3.1", total: 7685, cell: "D13" },
        { indicator: "3.2", total: 7600, cell: "D14" },
      ],
      expected: 7685,
      indicator: "3.2",
    },
    shows: ["tính theo hộ", "chỉ tiêu 1.3 ghi 7.685 (ô D10)", "chỉ tiêu 3.2 ghi 7.600 (ô D14)", "phần lớn ghi 7.685"],
  },
  "commune-count": {
    params: { unit: "Đảng ủy xã Bản Bo", column: "Tổng số", value: 14, dvt: "xã, thị trấn", indicator: "4.4" },
    shows: ["Chỉ tiêu 4.4", "Đảng ủy xã Bản Bo", '"Tổng số" ghi 14 xã, thị trấn', "không quá 1"],
  },
  // Text longer than a cell may hold.
  "text-cut": {
    params: { file: "dai.xlsx", sheet: "Văn bản", cell: "C7", length: 100_000, limit: 32_767 },
    shows: ["Văn bản!C7", "dai.xlsx", "100.000 ký tự", "32.767 ký tự đầu"],
  },
  "zip-bomb": { params: { file: "nen.xlsx", detail: "tỷ lệ nén 1:5000" }, shows: ["nen.xlsx", "(tỷ lệ nén 1:5000)"] },
  encrypted: { params: { file: "mat-khau.xlsx" }, shows: ["mat-khau.xlsx", "mật khẩu"] },
  "not-a-workbook": { params: { file: "bao-cao.pdf", kinds: "bảng tính (.xlsx)", detail: "tệp PDF" }, shows: ["bao-cao.pdf", "bảng tính (.xlsx)", "(tệp PDF)"] },
  corrupt: { params: { file: "hong.xlsx", detail: "thiếu workbook.xml" }, shows: ["hong.xlsx", "(thiếu workbook.xml)"] },
  "too-many-cells": { params: { file: "to.xlsx", cells: 3_000_000, limit: 2_000_000 }, shows: ["to.xlsx", "3.000.000", "2.000.000"] },
  empty: { params: { file: "rong.xlsx" }, shows: ["rong.xlsx"] },
  "empty-file": {
    params: { file: "dinh-kem.xlsx" },
    shows: ["dinh-kem.xlsx", "Tệp rỗng (0 byte), có thể bị hỏng khi tải về từ thư điện tử; đề nghị đơn vị gửi lại"],
  },
  timeout: { params: { file: "cham.xlsx", seconds: 60 }, shows: ["cham.xlsx", "60 giây"] },
  "not-found": { params: { file: "mat.xlsx", detail: "không tìm thấy tệp" }, shows: ["mat.xlsx", ": không tìm thấy tệp"] },
  // Container guard (zip read once, by one parser).
  "zip-ambiguous": {
    params: { file: "hai-ban.xlsx", detail: "tên mục \"xl/workbook.xml\" có hai lần" },
    shows: ["hai-ban.xlsx", "mập mờ: tên mục \"xl/workbook.xml\" có hai lần", "hai bảng tính khác nhau"],
  },
  // Email messages and archives of attachments (containers of the units' files).
  "container-unreadable": { params: { file: "thu.eml", detail: "không phải thư điện tử" }, shows: ["thu.eml", ": không phải thư điện tử"] },
  "container-encrypted": { params: { file: "bao-cao.rar" }, shows: ["bao-cao.rar", "mật khẩu"] },
  "container-too-deep": { params: { file: "a.zip › b.zip › c.zip", depth: 2 }, shows: ["a.zip › b.zip › c.zip", "quá 2 lớp"] },
  "attachment-skipped": { params: { file: "anh.jpg", container: "thu.eml" }, shows: ["anh.jpg", "thu.eml", "không phải bảng tính"] },
  "targets.unparsed": { params: { indicator: "3.1", text: "khoảng chín mươi", count: false }, shows: ["Chỉ tiêu 3.1", '"khoảng chín mươi"', '"Trên 95%"'] },
  "targets.unknown-indicator": { params: { row: 12, text: "9.9" }, shows: ["Dòng 12", '("9.9")'] },
  "targets.duplicate": { params: { indicator: "1.1", firstRow: 4, row: 9 }, shows: ["Chỉ tiêu 1.1", "dòng 4", "dòng 9"] },
  "targets.sheet-missing": { params: { sheetName: "Mục tiêu" }, shows: ['"Mục tiêu"'] },
  "summary.table-missing": {
    params: { table: "Tình hình nộp báo cáo", columns: "cột Đơn vị, Tình trạng" },
    shows: ['"Tình hình nộp báo cáo"', "(cột Đơn vị, Tình trạng)"],
  },
  "summary.part-missing": { params: { table: "Văn bản chỉ đạo" }, shows: ['"Văn bản chỉ đạo"'] },
  "summary.indicator-missing": { params: { indicator: "4.2", sheet: "Tổng hợp chỉ tiêu" }, shows: ["chỉ tiêu 4.2", '"Tổng hợp chỉ tiêu"'] },
  "summary.value-unreadable": {
    params: { indicator: "1.1", problem: 'Chỉ tiêu 1.1: cột "Tổng số" ghi "x", không phải là số.' },
    shows: ['Chỉ tiêu 1.1: cột "Tổng số" ghi "x", không phải là số.'],
  },
  "summary.target-unreadable": { params: { indicator: "2.1", text: "cao" }, shows: ["Chỉ tiêu 2.1", '"cao"'] },
  "summary.verdict-differs": { params: { indicator: "3.2" }, shows: ["Chỉ tiêu 3.2"] },
  "summary.state-unknown": { params: { of: "unit", text: "Đang chờ" }, shows: ['"Đang chờ"', "chưa nhận"] },
  "summary.deadline-missing": { params: {}, shows: ['"Hạn nộp"'] },
  "summary.targets-note-missing": { params: {}, shows: ['"Mục tiêu đánh giá"'] },
  "units.empty": { params: { row: 6 }, shows: ["Dòng 6"] },
  "units.duplicate": { params: { name: "Đảng ủy xã Bản Bo", firstRow: 3, row: 8 }, shows: ['"Đảng ủy xã Bản Bo"', "dòng 3", "dòng 8"] },
  "units.level": { params: { text: "Xã" }, shows: ['Cấp "Xã"'] },
};

const RULES = Object.keys(SAMPLES) as RuleCode[];

/** Letters only Vietnamese writes (with its diacritics). */
const VIETNAMESE = /[ăâđêôơưạảấầẩẫậắằẳẵặẹẻẽếềểễệỉịọỏốồổỗộớờởỡợụủứừửữựỳỵỷỹ]/i;

describe("issue rules", () => {
  it("lists the same rules in the severities as in the samples", () => {
    expect(Object.keys(SEVERITY).sort()).toEqual([...RULES].sort());
    expect(RULES.length).toBeGreaterThan(50);
  });

  it.each(RULES)("%s has a severity and a Vietnamese message showing its parameters", (rule) => {
    expect(["error", "warning", "info"]).toContain(severityOf(rule));
    const sample = SAMPLES[rule];
    const message = messageFor(rule, sample.params);
    expect(message.trim().length).toBeGreaterThan(10);
    expect(message).toMatch(VIETNAMESE);
    expect(message).not.toMatch(/undefined|null|NaN|\[object/);
    expect(sample.shows.length).toBeGreaterThan(0);
    for (const shown of sample.shows) expect(message).toContain(shown);
  });

  it("keeps each rule's severity", () => {
    const warnings = RULES.filter((r) => severityOf(r) === "warning");
    expect(warnings.filter((r) => !r.includes("."))).toEqual([
      "indicator-missing",
      "unknown-row",
      "label-changed",
      "formula-not-calculated",
      "figures-on-group-row",
      "breakdown-only",
      "breakdown-sum",
      "code-unrecognised",
      "duplicate-document",
      "report-date-missing",
      "nothing-filled",
      "indicators-table-missing",
      "documents-table-missing",
      "column-by-position",
      "column-missing",
      "column-repeated",
      "table-ignored",
      "table-other-unit",
      "included-in-summary",
      "legacy-encoding",
      "not-reported-note",
      "column-combined",
      "document-date-partial-edge",
      "unit-matched-loosely",
      "unit-ambiguous",
      "unit-from-sender",
      "summary-own",
      // Checks across indicators.
      "totals-differ",
      "commune-count",
      "text-cut",
      // Email messages and archives of attachments.
      "attachment-skipped",
    ]);
    // Only a summary missing a table it must have cannot be used; the rest of these rules warn.
    expect(warnings.filter((r) => r.includes("."))).toEqual(RULES.filter((r) => r.includes(".") && r !== "summary.table-missing"));
    expect(severityOf("summary.table-missing")).toBe("error");
    expect(severityOf("not-a-number")).toBe("error");
    expect(severityOf("timeout")).toBe("error");
  });

  it("says only what the reading did, as information, for rows read as a breakdown", () => {
    expect(RULES.filter((r) => severityOf(r) === "info")).toEqual(["breakdown-rows"]);
  });

  it("words the variants of one rule by its parameters", () => {
    expect(messageFor("breakdown-rows", { count: 3, indicators: "4.2, 4.3", rows: 'chỉ tiêu 4.2: B10 "Thôn A"; chỉ tiêu 4.3: B14 "Trường học"' })).toContain(
      "3 dòng được coi là chi tiết của chỉ tiêu ở dòng trên nó",
    );
    const sum = { indicator: "4.3", column: "Số đã đạt tiêu chuẩn", sum: 11, row: 13, rows: "14–15" } as const;
    expect(messageFor("breakdown-sum", { ...sum, kind: "differs", value: 12 })).toContain("khác số ghi ở dòng của chỉ tiêu (12)");
    expect(messageFor("breakdown-sum", { ...sum, kind: "empty", value: null })).toContain("(dòng 13) để trống");
    expect(messageFor("number-out-of-range", { column: "Tổng số", text: "Infinity", reason: "not-finite", limit: 1e12 })).toContain(
      "không phải là một số hữu hạn",
    );
    expect(messageFor("not-a-number", { column: "Tổng số", text: "0x10", reason: "hexadecimal" })).toContain("hệ thập lục phân");
    expect(messageFor("not-a-number", { column: "Tổng số", text: "x" })).not.toContain("thập lục phân");
    expect(messageFor("targets.unparsed", { indicator: "5", text: "nhiều", count: true })).toContain('"Ít nhất 2" hoặc "2"');
    expect(messageFor("summary.table-missing", { unreadableSheet: "Tổng hợp chỉ tiêu" })).toBe('Trang "Tổng hợp chỉ tiêu" không có bảng chỉ tiêu đọc được.');
    expect(messageFor("summary.part-missing", { sheetWithoutExtra: "Tổng hợp chỉ tiêu" })).toContain('không có cột "Mục tiêu" và "Số đơn vị báo cáo"');
    expect(messageFor("summary.state-unknown", { of: "file", text: "?" })).toBe('Không hiểu trạng thái tệp "?"; coi là bị loại.');
    expect(messageFor("not-a-workbook", { file: "a.doc", kinds: "bảng tính (.xlsx, .csv)" })).toBe("Không đọc được tệp a.doc: đây không phải là bảng tính (.xlsx, .csv).");
    expect(messageFor("negative", { column: "Tổng số", value: -1 })).toMatch(/^Ô này: /);
  });
});

describe("makeIssue", () => {
  it("takes the severity from the rule and the message from the parameters, naming the indicator it is at", () => {
    const issue = makeIssue("not-a-number", { sheet: "Chỉ tiêu", cell: "D10", indicator: "1.1" }, { column: "Tổng số", text: "x" });
    expect(issue).toEqual({
      rule: "not-a-number",
      severity: "error",
      sheet: "Chỉ tiêu",
      cell: "D10",
      indicator: "1.1",
      params: { column: "Tổng số", text: "x", indicator: "1.1" },
      message: messageFor("not-a-number", { column: "Tổng số", text: "x", indicator: "1.1" }),
    });
    expect(issue.message.startsWith("Chỉ tiêu 1.1:")).toBe(true);
    // The params are the rule's own: no cast needed to read them.
    expect(issue.params.column).toBe("Tổng số");
    expect(hasErrors([issue])).toBe(true);
  });

  it("leaves out what it was not told", () => {
    const issue = makeIssue("units.level", {}, { text: "Xã" });
    expect(issue).toMatchObject({ severity: "warning", sheet: null, cell: null });
    expect("indicator" in issue).toBe(false);
    expect(hasErrors([issue])).toBe(false);
  });

  it("narrows an issue to its rule's parameters", () => {
    const issues = [makeIssue("units.empty", {}, { row: 4 }), makeIssue("column-repeated", {}, { role: "Tổng số", columns: "D, F", used: "D" })];
    const repeated = issues.filter((i) => isRule(i, "column-repeated"));
    expect(repeated.map((i) => i.params.used)).toEqual(["D"]);
  });

  it("makes the issue of a file that could not be read from its code and message", () => {
    const issue = readFailureIssue("timeout", "a.xlsx", "Không đọc được tệp a.xlsx: đọc quá 60 giây nên đã dừng.");
    expect(issue).toEqual({
      rule: "timeout",
      severity: "error",
      sheet: null,
      cell: null,
      params: { file: "a.xlsx" },
      message: "Không đọc được tệp a.xlsx: đọc quá 60 giây nên đã dừng.",
    });
  });

  it("does not compile with another rule's or a missing parameter", () => {
    // Each call below is a type error (typecheck covers test/, and fails on an unused @ts-expect-error).
    // @ts-expect-error: not a parameter of "not-a-number"
    makeIssue("not-a-number", {}, { wrong: 1 });
    // @ts-expect-error: "text" is missing
    makeIssue("not-a-number", {}, { column: "Tổng số" });
    // @ts-expect-error: "row" is a number
    makeIssue("units.empty", {}, { row: "4" });
    // An unknown rule has no message either.
    // @ts-expect-error: no such rule
    expect(() => makeIssue("no-such-rule", {}, {})).toThrow(TypeError);
    // @ts-expect-error: "size" and "limit" are missing
    messageFor("too-large", { file: "a.xlsx" });
  });
});

describe("a file named once", () => {
  /** The read failures: a mapped type, so that a code left out does not compile. */
  const READ_FAILURES: { readonly [K in ReadErrorCode]: true } = {
    "too-large": true,
    "zip-bomb": true,
    encrypted: true,
    "not-a-workbook": true,
    corrupt: true,
    "too-many-cells": true,
    empty: true,
    timeout: true,
    "not-found": true,
    "zip-ambiguous": true,
    "empty-file": true,
    "cfb-malformed": true,
    "container-unreadable": true,
    "container-encrypted": true,
    "container-too-deep": true,
    "attachment-skipped": true,
  };

  it("says each read failure without the file's name where the file is named already, as its message made for no file", () => {
    for (const code of Object.keys(READ_FAILURES) as ReadErrorCode[]) {
      const params = SAMPLES[code].params as { file: string };
      const named = messageFor(code, params as never);
      const reason = readFailureReason(code, params.file, named);
      expect([code, reason]).toEqual([code, messageFor(code, { ...params, file: "" } as never)]);
      expect(reason).not.toContain(params.file);
      expect(reason).not.toMatch(/ {2}| [:,]/);
      // Standing alone, the message names the file.
      expect(named).toContain(params.file);
    }
    expect(readFailureReason("corrupt", "x.xlsx", "Không đọc được tệp x.xlsx: tệp bị hỏng hoặc không đúng định dạng.")).toBe("Không đọc được: tệp bị hỏng hoặc không đúng định dạng.");
    // A message made for another name is left as it is.
    expect(readFailureReason("corrupt", "y.xlsx", "Không đọc được tệp x.xlsx: tệp bị hỏng.")).toBe("Không đọc được tệp x.xlsx: tệp bị hỏng.");
  });

  it("says why a file is not used without naming it, for its line of the summary", () => {
    for (const rule of ["no-tables", "not-de-an-241", "unit-list-file", "summary-own", "summary-other-district"] as const) {
      const issue = makeIssue(rule, {}, SAMPLES[rule].params as never);
      const file = (SAMPLES[rule].params as { file: string }).file;
      expect(issue.message).toContain(file);
      expect(messageWithoutFile(issue)).toMatch(/^Tệp (không|là)/);
      expect(messageWithoutFile(issue)).not.toContain(file);
    }
  });
});
