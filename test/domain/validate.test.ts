import { INDICATORS } from "../../src/domain/catalogue";
import type { RuleCode } from "../../src/domain/model/issues";
import { readUnitReport } from "../../src/domain/read";
import { evaluate } from "../../src/domain/rules";
import { DOCUMENT_HEADER, goodFigures, headerBlock, INDICATOR_HEADER, indicatorBody, type Figures } from "../fixtures/official";
import type { SpecCell } from "../fixtures/sheet-spec";
import { specToGrid } from "../fixtures/sheet-spec";

/** A one-sheet workbook: header block, documents table, indicator table. */
function report(figures: Record<string, Figures>, docs: SpecCell[][] = [[1, "15-NQ/ĐU", "12/10/2016", "Nghị quyết", "Đảng ủy"]]) {
  const rows = [...headerBlock("ĐẢNG ỦY XÃ A"), DOCUMENT_HEADER, ...docs, [], INDICATOR_HEADER, ...indicatorBody(figures)];
  return readUnitReport(specToGrid({ sheets: [{ name: "S", rows }] }), "a.xlsx");
}

function withFigure(id: string, f: Figures): Record<string, Figures> {
  return { ...goodFigures(), [id]: f };
}

describe("indicator rules", () => {
  const cases: [RuleCode, Figures, "error" | "warning"][] = [
    ["not-a-number", { total: "mười", achieved: 4 }, "error"],
    ["not-a-number", { total: 10, achieved: "đạt" }, "error"],
    ["not-a-number", { total: "0x10", achieved: 4 }, "error"],
    ["number-out-of-range", { total: 1e308, achieved: 4 }, "error"],
    ["number-out-of-range", { total: "9".repeat(400), achieved: 4 }, "error"],
    ["number-out-of-range", { total: 10, achieved: 2e12 }, "error"],
    ["negative", { total: 10, achieved: -1 }, "error"],
    ["not-whole", { total: "12,5", achieved: 4 }, "error"],
    ["not-whole", { total: 10.5, achieved: 4 }, "error"],
    ["ambiguous-number", { total: "1,234", achieved: 4 }, "error"],
    ["ambiguous-number", { total: "1.23", achieved: 4 }, "error"],
    ["achieved-exceeds-total", { total: 10, achieved: 11 }, "error"],
    ["ratio-mismatch", { total: 100, achieved: 50, ratio: "60%" }, "error"],
    ["ratio-mismatch", { total: 1219, achieved: 1183, ratio: "97,1%" }, "error"],
    ["ratio-without-numbers", { ratio: "90%" }, "error"],
    ["ratio-without-numbers", { total: 10, ratio: 90 }, "error"],
  ];
  it.each(cases)("%s for %p", (rule, figures, severity) => {
    const r = report(withFigure("3.1", figures));
    const found = r.issues.filter((i) => i.indicator === "3.1");
    expect(found.map((i) => i.rule)).toEqual([rule]);
    expect(found[0]!.severity).toBe(severity);
    expect(found[0]!.sheet).toBe("S");
    expect(found[0]!.cell).toMatch(/^[DEF]\d+$/);
    expect(found[0]!.message).toContain("3.1");
    // An indicator with an error is not evaluated.
    expect(evaluate(r).find((x) => x.id === "3.1")!.met).toBeNull();
  });

  const agree: [string, Figures, number][] = [
    ["97,0% for 1183/1219", { total: 1219, achieved: 1183, ratio: "97,0%" }, 97],
    ["97 typed as an integer", { total: 1219, achieved: 1183, ratio: 97 }, 97],
    ["97.05", { total: 1219, achieved: 1183, ratio: 97.05 }, 97.05],
    ["a fraction with % format", { total: 1219, achieved: 1183, ratio: { v: 0.9705, z: "0.00%" } }, 97.05],
    ["a fraction without format", { total: 1219, achieved: 1183, ratio: 0.97 }, 97],
    ["100%", { total: 8, achieved: 8, ratio: "100%" }, 100],
  ];
  it.each(agree)("a typed ratio that agrees: %s", (_name, figures, typed) => {
    const r = report(withFigure("1.2", figures));
    expect(r.issues.filter((i) => i.indicator === "1.2")).toEqual([]);
    expect(r.indicators["1.2"]!.typedRatio).toBeCloseTo(typed, 6);
  });

  it("ignores a formula in Tỷ lệ (computed, not typed) even when its cached value is wrong", () => {
    const r = report(withFigure("1.2", { total: 100, achieved: 50, ratio: { v: 0, f: 'IFERROR(E1/D1,"")' } }));
    expect(r.issues.filter((i) => i.indicator === "1.2")).toEqual([]);
    expect(r.indicators["1.2"]!.typedRatio).toBeNull();
  });

  it("ignores a formula's error as a CSV keeps it in Tỷ lệ (#VALUE!, #DIV/0!), as it ignores the formula", () => {
    for (const shown of ["#VALUE!", "#DIV/0!", "Err:502"]) {
      const r = report(withFigure("1.2", { total: 100, achieved: 50, ratio: shown }));
      expect([shown, r.issues.filter((i) => i.indicator === "1.2")]).toEqual([shown, []]);
      expect(r.indicators["1.2"]).toMatchObject({ total: 100, achieved: 50, typedRatio: null });
    }
  });

  it("quotes a figure that is not whole as the file shows it (\"1,190\" read as 1,19 in a Vietnamese CSV)", () => {
    const r = report(withFigure("1.2", { total: 1219, achieved: { v: 1.19, w: "1,190" } }));
    expect(r.issues.find((i) => i.indicator === "1.2")?.message).toContain("ghi 1,190, không phải số nguyên");
    // A program's formatted text that is not the value the Vietnamese way (SheetJS's "#,##0" of 1219,5) is not quoted.
    const formatted = report(withFigure("1.2", { total: { v: 1219.5, w: "1,220" }, achieved: 10 }));
    expect(formatted.issues.find((i) => i.indicator === "1.2")?.message).toContain("ghi 1.219,5, không phải số nguyên");
  });

  it("says a ratio typed where a count belongs (\"95%\" in Số đã đạt) is one", () => {
    const r = report(withFigure("1.2", { total: 100, achieved: "95%" }));
    const issue = r.issues.find((i) => i.indicator === "1.2");
    expect(issue?.rule).toBe("not-a-number");
    expect(issue?.message).toContain('ghi "95%", không phải là số mà là một tỷ lệ; cột này cần số lượng');
  });

  it("says what a ratio typed as a fraction means when it does not agree", () => {
    const r = report(withFigure("1.2", { total: 1219, achieved: 1180, ratio: 0.95 }));
    const [issue] = r.issues.filter((i) => i.indicator === "1.2");
    expect(issue?.rule).toBe("ratio-mismatch");
    expect(issue?.message).toContain("tỷ lệ ghi 0,95 (tức 95%) nhưng 1.180/1.219 = 96,8%");
    const whole = report(withFigure("1.2", { total: 100, achieved: 50, ratio: "60%" }));
    expect(whole.issues.find((i) => i.indicator === "1.2")?.message).toContain("tỷ lệ ghi 60% nhưng 50/100 = 50%");
  });

  it("a blank indicator is not reported: no issue, met null; 0 is a value", () => {
    const r = report(withFigure("4.4", {}));
    expect(r.issues.filter((i) => i.indicator === "4.4")).toEqual([]);
    expect(r.indicators["4.4"]).toMatchObject({ total: null, achieved: null });
    expect(evaluate(r).find((x) => x.id === "4.4")).toEqual({ id: "4.4", total: null, achieved: null, ratio: null, met: null });
    const zero = report(withFigure("4.4", { total: 14, achieved: 0 }));
    expect(evaluate(zero).find((x) => x.id === "4.4")).toEqual({ id: "4.4", total: 14, achieved: 0, ratio: 0, met: false });
  });

  it("a dash alone is blank, not an error", () => {
    const r = report(withFigure("4.4", { total: "-", achieved: "—" }));
    expect(r.issues.filter((i) => i.indicator === "4.4")).toEqual([]);
    expect(r.indicators["4.4"]).toMatchObject({ total: null, achieved: null });
  });
});

describe("targets", () => {
  const cases: [string, Figures, boolean | null][] = [
    ["1.1", { total: 45, achieved: 45 }, true], // ≥ 100
    ["1.1", { total: 45, achieved: 44 }, false],
    ["1.3", { total: 100, achieved: 95 }, false], // > 95: exactly 95 is not above
    ["1.3", { total: 1000, achieved: 951 }, true],
    ["4.1", { total: 100, achieved: 85 }, true], // ≥ 85
    ["4.1", { total: 100, achieved: 84 }, false],
    ["5", { total: 14, achieved: 1 }, true], // count ≥ 1
    ["5", { total: 14, achieved: 0 }, false],
    ["5", { achieved: 2 }, true], // a count needs no total
    ["6.2.2", { total: 10, achieved: 7 }, false], // > 70
    ["6.2.2", { total: 10, achieved: 8 }, true],
    ["1.1", { total: 0, achieved: 0 }, null], // no ratio from 0/0
  ];
  it.each(cases)("%s with %p → %p", (id, figures, met) => {
    const r = report(withFigure(id, figures));
    const row = evaluate(r).find((x) => x.id === id)!;
    expect(row.met).toBe(met);
    if (typeof figures.total === "number" && typeof figures.achieved === "number" && figures.total > 0) {
      expect(row.ratio).toBeCloseTo((figures.achieved / figures.total) * 100, 9);
    }
  });

  it("uses the targets given", () => {
    const r = report(withFigure("1.1", { total: 100, achieved: 90 }));
    expect(evaluate(r).find((x) => x.id === "1.1")!.met).toBe(false);
    expect(evaluate(r, { "1.1": { op: ">=", value: 90 } }).find((x) => x.id === "1.1")!.met).toBe(true);
  });
});

describe("document rules", () => {
  const cases: [RuleCode, SpecCell[]][] = [
    ["document-missing-code", [1, null, "12/10/2016", "Nghị quyết", "Đảng ủy"]],
    ["document-missing-date", [1, "15-NQ/ĐU", null, "Nghị quyết", "Đảng ủy"]],
    ["document-date-out-of-period", [1, "15-NQ/ĐU", "12/10/2015", "Nghị quyết", "Đảng ủy"]],
    ["document-date-out-of-period", [1, "15-NQ/ĐU", "02/01/2021", "Nghị quyết", "Đảng ủy"]],
    ["invalid-date", [1, "15-NQ/ĐU", "31/02/2018", "Nghị quyết", "Đảng ủy"]],
    ["code-unrecognised", [1, "NQ Đảng ủy", "12/10/2016", "Nghị quyết", "Đảng ủy"]],
  ];
  it.each(cases)("%s", (rule, row) => {
    const r = report(goodFigures(), [row]);
    expect(r.issues.map((i) => i.rule)).toEqual([rule]);
    expect(r.issues[0]!.cell).toMatch(/^[A-E]6$/);
  });

  it("accepts the period's bounds", () => {
    const r = report(goodFigures(), [
      [1, "1-NQ/ĐU", "30/9/2016", "a", "b"],
      [2, "2-NQ/ĐU", "31/12/2020", "a", "b"],
    ]);
    expect(r.issues).toEqual([]);
  });

  it("a date and an issuer merged down over several documents are each document's; a note on them goes to the merged cell", () => {
    // headerBlock is 4 rows, the documents header row 5: the documents are rows 6 to 8.
    const rows = [...headerBlock("ĐẢNG ỦY XÃ A"), DOCUMENT_HEADER, [1, "01-NQ/ĐU", "12/10/2015", "Nghị quyết", "Đảng ủy xã"], [2, "02-KH/ĐU", null, "Kế hoạch", null], [3, "03-KH/ĐU", "1/1/2021", "Kế hoạch", null], [], INDICATOR_HEADER, ...indicatorBody(goodFigures())];
    const r = readUnitReport(specToGrid({ sheets: [{ name: "S", rows, merges: ["C6:C7", "E6:E8"] }] }), "a.xlsx");
    expect(r.documents.map((d) => [d.code?.canonical, d.date, d.issuer])).toEqual([
      ["01-NQ/ĐU", "2015-10-12", "Đảng ủy xã"],
      ["02-KH/ĐU", "2015-10-12", "Đảng ủy xã"],
      ["03-KH/ĐU", "2021-01-01", "Đảng ủy xã"],
    ]);
    expect(r.issues.filter((i) => i.rule.startsWith("document-")).map((i) => [i.rule, i.cell])).toEqual([
      ["document-date-out-of-period", "C6"],
      ["document-date-out-of-period", "C6"],
      ["document-date-out-of-period", "C8"],
    ]);
  });

  it("rows heading a group of documents ('I', 'II') or counting them ('Cộng: 4 văn bản') are not documents", () => {
    const r = report(goodFigures(), [
      ["I", "Văn bản của cấp trên", null, null, null],
      [1, "Số 241-ĐA/TU", "30/9/2016", "Đề án 241", "Tỉnh ủy Lai Châu"],
      ["II", null, null, "Văn bản của Đảng ủy xã", null],
      [1, "01-NQ/ĐU", "12/12/2016", "Nghị quyết", "Đảng ủy xã"],
      [null, "Cộng: 2 văn bản", null, null, null],
    ]);
    expect(r.documents.map((d) => d.code?.canonical)).toEqual(["241-ĐA/TU", "01-NQ/ĐU"]);
    expect(r.issues.filter((i) => i.rule.startsWith("document-"))).toEqual([]);
    // A document without its date is still one (and said so).
    const undated = report(goodFigures(), [["II", "02-KH/ĐU", null, null, null]]);
    expect(undated.documents).toHaveLength(1);
    // Texts that only begin as a total or stand by a group's letter, naming a document, are documents.
    const named = report(goodFigures(), [
      [null, null, null, "Công văn số 232-CV/HU ngày 26/4/2021 của Huyện ủy về tổng kết Đề án 241", null],
      [null, null, null, "Tổng kết 5 năm thực hiện Đề án 241", null],
      ["a", null, null, "Kế hoạch số 22-KH/ĐU về Đề án 241", null],
    ]);
    expect(named.documents.map((d) => d.summary)).toEqual([
      "Công văn số 232-CV/HU ngày 26/4/2021 của Huyện ủy về tổng kết Đề án 241",
      "Tổng kết 5 năm thực hiện Đề án 241",
      "Kế hoạch số 22-KH/ĐU về Đề án 241",
    ]);
  });

  it("duplicate-document", () => {
    const r = report(goodFigures(), [
      [1, "15-NQ/ĐU", "12/10/2016", "a", "b"],
      [2, "Số 15-NQ/ĐU", "12/10/2016", "a", "b"],
    ]);
    expect(r.issues.map((i) => [i.rule, i.severity])).toEqual([["duplicate-document", "warning"]]);
  });
});

describe("structure rules", () => {
  it("indicator-missing, label-changed, unknown-row, duplicate-indicator", () => {
    const body = indicatorBody(goodFigures()).filter((row) => row[0] !== "4.6");
    const i41 = body.findIndex((row) => row[0] === "4.1");
    body[i41] = ["4.1", "85% hộ gia đình được công nhận gia đình văn hóa", "Hộ", 10, 9, null];
    body.push(["4.2", INDICATORS.find((i) => i.id === "4.2")!.text, "Bản", 5, 4, null]);
    body.push(["7", "Số thôn có điện lưới", "Bản", 5, 4, null]);
    const r = readUnitReport(specToGrid({ sheets: [{ name: "S", rows: [INDICATOR_HEADER, ...body] }] }), "a.xlsx");
    const keys = r.issues.map((i) => `${i.rule}|${i.indicator ?? ""}|${i.severity}`).sort();
    expect(keys).toEqual(
      [
        "documents-table-missing||warning",
        // A bare table: no date line either.
        "report-date-missing||warning",
        "duplicate-indicator|4.2|error",
        "indicator-missing|4.6|warning",
        "label-changed|4.1|warning",
        "unknown-row||warning",
      ].sort(),
    );
  });

  it.each([
    ["1.4", "Số đảng viên được học tập Nghị quyết Trung ương 4 khóa XII", "1.2"],
    ["4.7", "Số hộ gia đình được công nhận gia đình văn hóa 3 năm liền", "4.1"],
    ["4.8", "Số bản có nhà văn hóa đạt chuẩn", "4.5"],
  ])("a unit's own row numbered %p, worded close to an indicator, is unknown-row and leaves that indicator's figures alone", (stt, text, near) => {
    const body = indicatorBody(goodFigures());
    const at = body.findIndex((row) => row[0] === near);
    body.splice(at + 1, 0, [stt, text, "Người", 40, 30, null]);
    const r = readUnitReport(specToGrid({ sheets: [{ name: "S", rows: [INDICATOR_HEADER, ...body] }] }), "a.xlsx");
    expect(r.issues.filter((i) => i.rule === "unknown-row" || i.rule === "duplicate-indicator").map((i) => [i.rule, i.message])).toEqual([
      ["unknown-row", expect.stringContaining(text)],
    ]);
    const official = goodFigures()[near]!;
    expect(r.indicators[near]).toMatchObject({ total: official.total, achieved: official.achieved });
    expect(evaluate(r).find((x) => x.id === near)!.total).toBe(official.total);
  });

  it("a unit's own row '1.4' does not take 1.2 from the row numbered 1.2, however that one is worded; a second row under 3.1 is a duplicate", () => {
    const body = indicatorBody(goodFigures());
    const at12 = body.findIndex((row) => row[0] === "1.2");
    body[at12] = ["1.2", "Đảng viên học tập NQ", "Người", 150, 148, null];
    body.splice(body.findIndex((row) => row[0] === "1.3") + 1, 0, ["1.4", "Cán bộ, đảng viên được học tập, quán triệt nghị quyết TW4", "Người", 500, 400, null]);
    const r = readUnitReport(specToGrid({ sheets: [{ name: "S", rows: [INDICATOR_HEADER, ...body] }] }), "a.xlsx");
    expect(r.indicators["1.2"]).not.toMatchObject({ total: 500 });
    expect(evaluate(r).find((x) => x.id === "1.2")!.total).not.toBe(500);

    const copy = indicatorBody(goodFigures());
    copy.splice(copy.findIndex((row) => row[0] === "3.1") + 1, 0, ["3.1", "Số hộ nghe đài TNVN", "Hộ", 999, 998, null]);
    const c = readUnitReport(specToGrid({ sheets: [{ name: "S", rows: [INDICATOR_HEADER, ...copy] }] }), "a.xlsx");
    expect(c.issues.filter((i) => i.rule === "duplicate-indicator").map((i) => i.indicator)).toEqual(["3.1"]);
    expect(evaluate(c).find((x) => x.id === "3.1")!.met).toBeNull();
  });

  it("report-date-missing: a unit's report with figures and no date; none once the date line is filled", () => {
    const rows = (dateLine: string) => [...headerBlock("ĐẢNG ỦY XÃ A", dateLine), DOCUMENT_HEADER, [1, "15-NQ/ĐU", "12/10/2016", "Nghị quyết", "Đảng ủy"], [], INDICATOR_HEADER, ...indicatorBody(goodFigures())];
    const undated = readUnitReport(specToGrid({ sheets: [{ name: "S", rows: rows("Bản Bo, ngày …… tháng …… năm ………") }] }), "ban-bo.xlsx");
    expect(undated.reportDate).toBeNull();
    expect(undated.issues.filter((i) => i.rule === "report-date-missing").map((i) => [i.severity, i.message])).toEqual([
      ["warning", expect.stringContaining("Tệp ban-bo.xlsx chưa ghi đủ ngày báo cáo")],
    ]);
    const dated = readUnitReport(specToGrid({ sheets: [{ name: "S", rows: rows("Bản Bo, ngày 20 tháng 6 năm 2021") }] }), "ban-bo.xlsx");
    expect(dated.reportDate).toBe("2021-06-20");
    expect(dated.issues.some((i) => i.rule === "report-date-missing")).toBe(false);
  });

  it("no-tables is an error; nothing-filled is a warning", () => {
    const none = readUnitReport(specToGrid({ sheets: [{ name: "S", rows: [["Xin chào"]] }] }), "a.xlsx");
    expect(none.issues.map((i) => [i.rule, i.severity])).toEqual([["no-tables", "error"]]);
    const blank = readUnitReport(specToGrid({ sheets: [{ name: "S", rows: [DOCUMENT_HEADER, [], INDICATOR_HEADER, ...indicatorBody()] }] }), "a.xlsx");
    expect(blank.issues.map((i) => [i.rule, i.severity])).toEqual([["nothing-filled", "warning"]]);
  });
});
