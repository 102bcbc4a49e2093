/**
 * A unit's report read with the figures as units write them: notes in figure cells, refused
 * figures, and both figures in one result column.
 */
import { CATALOGUE_ROWS } from "../../src/domain/catalogue";
import { readUnitReport } from "../../src/domain/read";
import { evaluate } from "../../src/domain/rules";
import { DOCUMENT_HEADER, goodFigures, GOOD_FIGURES, headerBlock, INDICATOR_HEADER, indicatorBody, type Figures } from "../fixtures/official";
import type { SpecCell } from "../fixtures/sheet-spec";
import { specToGrid } from "../fixtures/sheet-spec";

const DOCS: SpecCell[][] = [[1, "15-NQ/ĐU", "12/10/2016", "Nghị quyết", "Đảng ủy"]];

function report(figures: Record<string, Figures>) {
  const rows = [...headerBlock("ĐẢNG ỦY XÃ A"), DOCUMENT_HEADER, ...DOCS, [], INDICATOR_HEADER, ...indicatorBody(figures)];
  return readUnitReport(specToGrid({ sheets: [{ name: "S", rows }] }), "a.xlsx");
}

describe("a note in a figure cell", () => {
  const notes: [string, Figures][] = [
    ["x in Tổng số", { total: "x", achieved: 4 }],
    ["không có in Số đạt", { total: 10, achieved: "không có" }],
    ["(chưa thống kê)", { total: "(chưa thống kê)", achieved: "(chưa thống kê)" }],
    ["k/c", { total: "k/c", achieved: 3 }],
    ["chưa báo cáo", { total: 10, achieved: "chưa báo cáo" }],
  ];
  it.each(notes)("%s: a warning at the cell, not 0, not an error", (_name, figures) => {
    const r = report({ ...goodFigures(), "3.1": figures });
    const found = r.issues.filter((i) => i.indicator === "3.1");
    expect(found.length).toBeGreaterThan(0);
    for (const issue of found) {
      expect(issue).toMatchObject({ rule: "not-reported-note", severity: "warning", sheet: "S" });
      expect(issue.cell).toMatch(/^[DE]\d+$/);
    }
    const entry = r.indicators["3.1"]!;
    if (typeof figures.total === "string") expect(entry.total).toBeNull();
    if (typeof figures.achieved === "string") expect(entry.achieved).toBeNull();
    expect(r.issues.some((i) => i.severity === "error")).toBe(false);
  });

  it("12,5 people stays an error", () => {
    const r = report({ ...goodFigures(), "1.1": { total: "12,5", achieved: 4 } });
    expect(r.issues.filter((i) => i.indicator === "1.1").map((i) => i.rule)).toEqual(["not-whole"]);
  });

  it("tiny negative noise is 0, not 'số âm (0)'", () => {
    const r = report({ ...goodFigures(), "5": { total: 14, achieved: -1e-320 } });
    expect(r.issues.filter((i) => i.indicator === "5")).toEqual([]);
    expect(r.indicators["5"]).toMatchObject({ total: 14, achieved: 0 });
  });

  it("a figure out of range is refused at its cell and never summed", () => {
    const r = report({ ...goodFigures(), "1.3": { total: 1e308, achieved: "9".repeat(400) } });
    const found = r.issues.filter((i) => i.indicator === "1.3");
    expect(found.map((i) => [i.rule, i.severity, i.cell?.[0]])).toEqual([
      ["number-out-of-range", "error", "D"],
      ["number-out-of-range", "error", "E"],
    ]);
    expect(r.indicators["1.3"]).toMatchObject({ total: null, achieved: null });
    expect(evaluate(r).find((x) => x.id === "1.3")).toMatchObject({ total: null, achieved: null, met: null });
  });

  it("the same hexadecimal value is refused whether the reader gives it as text or as a number cell's text", () => {
    const asText = report({ ...goodFigures(), "2": { total: "0x10", achieved: 4 } });
    const issue = asText.issues.find((i) => i.indicator === "2")!;
    expect(issue).toMatchObject({ rule: "not-a-number", severity: "error", params: { reason: "hexadecimal" } });
    expect(asText.indicators["2"]!.total).toBeNull();
  });
});

/** The indicator table with a single result column holding "achieved/total". */
function combinedReport(header: string, cell: (f: { total: number; achieved: number }) => SpecCell, withTotal = false) {
  const head = withTotal ? ["Stt", "Nội dung của chỉ tiêu", "ĐVT", "Tổng số", header] : ["Stt", "Nội dung của chỉ tiêu", "ĐVT", header, "Ghi chú"];
  const body = CATALOGUE_ROWS.map((row): SpecCell[] => {
    if (row.kind === "group") return [row.group.stt, row.group.label];
    const f = GOOD_FIGURES[row.indicator.id]!;
    return withTotal ? [row.indicator.stt, row.indicator.text, row.indicator.dvt, null, cell(f)] : [row.indicator.stt, row.indicator.text, row.indicator.dvt, cell(f)];
  });
  const rows = [...headerBlock("ĐẢNG ỦY XÃ A"), DOCUMENT_HEADER, ...DOCS, [], head, ...body];
  return readUnitReport(specToGrid({ sheets: [{ name: "S", rows }] }), "a.xlsx");
}

describe("achieved/total in one result column", () => {
  const cases: [string, string, (f: { total: number; achieved: number }) => SpecCell][] = [
    ["Kết quả, 45/50", "Kết quả", (f) => `${f.achieved}/${f.total}`],
    ["Kết quả, 45 / 50", "Kết quả", (f) => `${f.achieved} / ${f.total}`],
    ["Kết quả, 45 trên 50", "Kết quả", (f) => `${f.achieved} trên ${f.total}`],
    ["Số đạt/Tổng số", "Số đạt/Tổng số", (f) => `${f.achieved}/${f.total}`],
    ["Tổng số/Số đạt (total first)", "Tổng số/Số đạt", (f) => `${f.total}/${f.achieved}`],
    ["Số đạt trên tổng số", "Số đạt trên tổng số", (f) => `${f.achieved}/${f.total}`],
  ];
  it.each(cases)("%s: both figures read, with one column-combined warning", (_name, header, cell) => {
    const r = combinedReport(header, cell);
    for (const [id, f] of Object.entries(GOOD_FIGURES)) expect(r.indicators[id]).toMatchObject({ total: f.total, achieved: f.achieved });
    const combined = r.issues.filter((i) => i.rule === "column-combined");
    expect(combined).toHaveLength(1);
    expect(combined[0]).toMatchObject({ severity: "warning", cell: "D8", params: { column: "D", text: header } });
    expect(r.issues.filter((i) => i.rule !== "column-combined")).toEqual([]);
  });

  it("checks each part as a figure (achieved over total is still an error)", () => {
    const r = combinedReport("Kết quả", (f) => (f.total === 45 ? "50/45" : `${f.achieved}/${f.total}`));
    expect(r.issues.filter((i) => i.indicator === "1.1").map((i) => i.rule)).toEqual(["achieved-exceeds-total"]);
  });

  it("a table with Tổng số and Số đạt columns does not read 45/50 in a cell (an error)", () => {
    const r = report({ ...goodFigures(), "1.1": { total: 50, achieved: "45/50" } });
    expect(r.issues.filter((i) => i.indicator === "1.1").map((i) => i.rule)).toEqual(["not-a-number"]);
    expect(r.issues.some((i) => i.rule === "column-combined")).toBe(false);
  });

  it("a Kết quả column of single figures is read as Số đạt, with no column-combined warning", () => {
    const r = combinedReport("Kết quả", (f) => f.achieved);
    expect(r.indicators["1.1"]).toMatchObject({ total: null, achieved: 45 });
    expect(r.issues.some((i) => i.rule === "column-combined")).toBe(false);
    expect(r.issues.some((i) => i.rule === "column-missing")).toBe(true);
  });
});
