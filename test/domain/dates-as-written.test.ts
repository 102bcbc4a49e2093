/** Dates of issue written without their day: kept as the span they name, judged against the period. */
import { readUnitReport } from "../../src/domain/read";
import { parseDateValue, parsePartialDate } from "../../src/domain/values";
import { DOCUMENT_HEADER, goodFigures, headerBlock, INDICATOR_HEADER, indicatorBody } from "../fixtures/official";
import type { SpecCell } from "../fixtures/sheet-spec";
import { specToGrid } from "../fixtures/sheet-spec";

describe("partial dates", () => {
  const cases: [string, string, string][] = [
    ["tháng 3/2018", "2018-03-01", "2018-03-31"],
    ["Tháng 02/2020", "2020-02-01", "2020-02-29"],
    ["3/2018", "2018-03-01", "2018-03-31"],
    ["03-2018", "2018-03-01", "2018-03-31"],
    ["T3/2018", "2018-03-01", "2018-03-31"],
    ["tháng 3 năm 2018", "2018-03-01", "2018-03-31"],
    ["Quý I/2018", "2018-01-01", "2018-03-31"],
    ["quý IV/2019", "2019-10-01", "2019-12-31"],
    ["Quý 2 năm 2017", "2017-04-01", "2017-06-30"],
    ["năm 2018", "2018-01-01", "2018-12-31"],
    ["Năm 2018", "2018-01-01", "2018-12-31"],
    ["2018", "2018-01-01", "2018-12-31"],
  ];
  it.each(cases)("%p → %s … %s", (text, from, to) => {
    expect(parsePartialDate(text)).toEqual({ from, to, text });
    expect(parseDateValue(text)).toEqual({ kind: "span", span: { from, to, text } });
  });

  it.each([["tháng 13/2018"], ["Quý V/2018"], ["ngày … tháng … năm 2021"], ["năm 1850"], ["3/2018 và 4/2018"]])("%p is no span", (text) => {
    expect(parsePartialDate(text)).toBeNull();
    expect(parseDateValue(text).kind).toBe("invalid");
  });

  it("a year typed as a number, and a date cell shown without its day, are spans", () => {
    expect(parseDateValue(2018)).toEqual({ kind: "span", span: { from: "2018-01-01", to: "2018-12-31", text: "2018" } });
    const march = new Date(Date.UTC(2018, 2, 1));
    expect(parseDateValue(march, "mm/yyyy")).toEqual({ kind: "span", span: { from: "2018-03-01", to: "2018-03-31", text: "3/2018" } });
    expect(parseDateValue(43160, "mmm-yy")).toMatchObject({ kind: "span", span: { from: "2018-03-01" } });
    // With its day shown it stays a date.
    expect(parseDateValue(march, "dd/mm/yyyy")).toEqual({ kind: "date", iso: "2018-03-01" });
    expect(parseDateValue(43160)).toEqual({ kind: "date", iso: "2018-03-01" });
  });

  it("a full date is still a date", () => {
    expect(parseDateValue("07/3/2018")).toEqual({ kind: "date", iso: "2018-03-07" });
  });
});

function report(date: SpecCell) {
  const rows = [...headerBlock("ĐẢNG ỦY XÃ A"), DOCUMENT_HEADER, [1, "15-NQ/ĐU", date, "Nghị quyết", "Đảng ủy"], [], INDICATOR_HEADER, ...indicatorBody(goodFigures())];
  return readUnitReport(specToGrid({ sheets: [{ name: "S", rows }] }), "a.xlsx");
}

describe("a partial date of issue against the reporting period (30/9/2016 – 31/12/2020)", () => {
  const cases: [SpecCell, string[]][] = [
    ["tháng 3/2018", []],
    ["Quý I/2018", []],
    ["năm 2018", []],
    ["Quý IV/2020", []],
    ["tháng 10/2016", []],
    ["tháng 3/2015", ["document-date-out-of-period|error"]],
    ["năm 2021", ["document-date-out-of-period|error"]],
    ["Quý I/2021", ["document-date-out-of-period|error"]],
    ["tháng 8/2016", ["document-date-out-of-period|error"]],
    ["năm 2016", ["document-date-partial-edge|warning"]],
    ["tháng 9/2016", ["document-date-partial-edge|warning"]],
    ["Quý III/2016", ["document-date-partial-edge|warning"]],
    ["tháng 13/2018", ["invalid-date|error"]],
  ];
  it.each(cases)("%p → %p", (date, rules) => {
    const r = report(date);
    expect(r.issues.map((i) => `${i.rule}|${i.severity}`)).toEqual(rules);
    for (const i of r.issues) expect(i.cell).toBe("C6");
  });

  it("says a span out of the period as written, a day as its date", () => {
    expect(report("năm 2021").issues.map((i) => i.message)).toEqual([
      'Văn bản 15-NQ/ĐU ghi thời gian ban hành "năm 2021", ngoài thời kỳ báo cáo (30/9/2016 đến 31/12/2020).',
    ]);
    expect(report("tháng 3/2015").issues.map((i) => i.message)).toEqual([
      'Văn bản 15-NQ/ĐU ghi thời gian ban hành "tháng 3/2015", ngoài thời kỳ báo cáo (30/9/2016 đến 31/12/2020).',
    ]);
    expect(report("25/6/2021").issues.map((i) => i.message)).toEqual(["Văn bản 15-NQ/ĐU ban hành ngày 25/6/2021, ngoài thời kỳ báo cáo (30/9/2016 đến 31/12/2020)."]);
  });

  it("keeps the span on the document, date stays null (no day invented)", () => {
    const r = report("tháng 3/2018");
    expect(r.documents[0]).toMatchObject({ date: null, dateSpan: { from: "2018-03-01", to: "2018-03-31", text: "tháng 3/2018" } });
    const full = report("07/3/2018");
    expect(full.documents[0]!.date).toBe("2018-03-07");
    expect(full.documents[0]).not.toHaveProperty("dateSpan");
  });

  it("names the span in the message", () => {
    const out = report("năm 2021").issues[0]!;
    expect(out.message).toContain("năm 2021");
    const edge = report("Quý III/2016").issues[0]!;
    expect(edge.message).toContain('"Quý III/2016"');
    expect(edge.message).toContain("30/9/2016");
  });
});
