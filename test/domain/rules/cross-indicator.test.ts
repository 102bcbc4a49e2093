/**
 * Checks across indicators: Tổng số of the indicators that count the same
 * households, villages or communes agree within one unit's report, and a
 * commune counts itself once. Read from real sheets, with real cell addresses.
 */
import { indicatorById, INDICATORS } from "../../../src/domain/catalogue";
import { IDENTITY_SHEET, identityRows, TEMPLATE_ID, TEMPLATE_VERSION } from "../../../src/domain/model/identity";
import { readUnitReport } from "../../../src/domain/read";
import { COMMUNE_INDICATORS, isCommuneUnit, TOTALS_GROUPS } from "../../../src/domain/rules";
import { goodFigures, headerBlock, INDICATOR_HEADER, indicatorBody, type Figures } from "../../fixtures/official";
import { specToGrid } from "../../fixtures/sheet-spec";

/**
 * One sheet "Chỉ tiêu": the header block (rows 1–4), the table's header (row 5), the official rows from row 6:
 * 1.3 on row 9, 2 on row 11, 3.1 on 13, 3.2 on 14, 4.1 on 16, 4.2 on 17, 4.4 on 19, 4.5 on 20, 4.6 on 21.
 * Tổng số is column D, Số đã đạt tiêu chuẩn column E.
 */
function report(unit: string, figures: Record<string, Figures>) {
  const rows = [...headerBlock(unit), INDICATOR_HEADER, ...indicatorBody(figures)];
  return readUnitReport(specToGrid({ sheets: [{ name: "Chỉ tiêu", rows }] }), "bao-cao.xlsx");
}

const COMMUNE = "ĐẢNG ỦY XÃ BẢN BO";
const OFFICE = "PHÒNG VĂN HÓA - THÔNG TIN";

function crossIssues(r: ReturnType<typeof report>) {
  return r.issues.filter((i) => i.rule === "totals-differ" || i.rule === "commune-count");
}

describe("the groups are data that agree with the catalogue", () => {
  it.each(TOTALS_GROUPS.map((g) => [g.noun, g] as const))("every indicator counted in %s carries that ĐVT", (_noun, group) => {
    expect(group.indicators.length).toBeGreaterThanOrEqual(2);
    for (const id of group.indicators) expect(indicatorById(id)?.dvt).toBe(group.dvt);
  });

  it("groups every indicator of those units of measure that counts a share of all of them", () => {
    // Indicator 5 ("Có 01 - 02 xã…", ĐVT "Xã") has a count target, not a share: it is left out on purpose.
    const grouped = new Set(TOTALS_GROUPS.flatMap((g) => g.indicators));
    const sameUnits = INDICATORS.filter((i) => TOTALS_GROUPS.some((g) => g.dvt === i.dvt) && i.target.op !== "count>=");
    expect(sameUnits.map((i) => i.id).sort()).toEqual([...grouped].sort());
    expect(TOTALS_GROUPS.map((g) => g.indicators)).toEqual([["1.3", "3.1", "3.2", "4.1"], ["4.2", "4.5", "4.6"], ["2", "4.4"]]);
    expect(COMMUNE_INDICATORS).toEqual(["2", "4.4"]);
  });
});

describe("totals-differ", () => {
  it("is silent when the totals agree", () => {
    expect(crossIssues(report(COMMUNE, goodFigures()))).toEqual([]);
  });

  it("names the household indicators, their totals and cells, at the one that differs", () => {
    const r = report(COMMUNE, { ...goodFigures(), "3.2": { total: 2300, achieved: 2100 } });
    const found = crossIssues(r);
    expect(found).toHaveLength(1);
    const issue = found[0]!;
    expect(issue).toMatchObject({ rule: "totals-differ", severity: "warning", sheet: "Chỉ tiêu", cell: "D14", indicator: "3.2" });
    expect(r.indicators["3.2"]!.cells.total).toBe("D14");
    expect(issue.params).toMatchObject({
      noun: "hộ",
      expected: 2350,
      totals: [
        { indicator: "1.3", total: 2350, cell: "D9" },
        { indicator: "3.1", total: 2350, cell: "D13" },
        { indicator: "3.2", total: 2300, cell: "D14" },
        { indicator: "4.1", total: 2350, cell: "D16" },
      ],
    });
    expect(issue.message).toContain("tính theo hộ");
    expect(issue.message).toContain("chỉ tiêu 3.2 ghi 2.300 (ô D14)");
    expect(issue.message).toContain("chỉ tiêu 1.3 ghi 2.350 (ô D9)");
  });

  it("checks the villages, and each group on its own", () => {
    const r = report(COMMUNE, { ...goodFigures(), "4.5": { total: 50, achieved: 45 }, "4.6": { total: 50, achieved: 40 } });
    const found = crossIssues(r);
    expect(found.map((i) => [i.rule, i.indicator, i.cell])).toEqual([["totals-differ", "4.2", "D17"]]);
    expect(found[0]!.params).toMatchObject({ noun: "thôn, bản", expected: 50 });
    expect(found[0]!.message).toContain("chỉ tiêu 4.2 ghi 52 (ô D17), chỉ tiêu 4.5 ghi 50 (ô D20), chỉ tiêu 4.6 ghi 50 (ô D21)");
  });

  it("checks the communes in an office's report, and takes the first on a tie", () => {
    const r = report(OFFICE, { "2": { total: 14, achieved: 12 }, "4.4": { total: 13, achieved: 13 } });
    const found = crossIssues(r);
    expect(found.map((i) => [i.rule, i.indicator, i.cell])).toEqual([["totals-differ", "4.4", "D19"]]);
    expect(found[0]!.params).toMatchObject({ noun: "xã, thị trấn", expected: 14 });
  });

  it("compares only the totals given, and leaves out figures already in doubt", () => {
    // 1.3 blank, 3.1 with an error, 4.1 with a note: only 3.2 is left, nothing to compare.
    const r = report(COMMUNE, {
      "3.1": { total: 10, achieved: 11 },
      "3.2": { total: 2350, achieved: 2100 },
      "4.1": { total: 100, achieved: "chưa thống kê" },
    });
    expect(crossIssues(r)).toEqual([]);
    expect(r.issues.map((i) => i.rule)).toEqual(expect.arrayContaining(["achieved-exceeds-total", "not-reported-note"]));
  });
});

describe("commune-count", () => {
  it("warns when a commune counts more than one commune in 2 or 4.4, at the cell", () => {
    const r = report(COMMUNE, { ...goodFigures(), "2": { total: 14, achieved: 14 }, "4.4": { total: 14, achieved: 13 } });
    const found = crossIssues(r).filter((i) => i.rule === "commune-count");
    expect(found.map((i) => [i.indicator, i.cell, i.severity])).toEqual([
      ["2", "D11", "warning"],
      ["4.4", "D19", "warning"],
    ]);
    expect(found[0]!.params).toMatchObject({ unit: COMMUNE, column: "Tổng số", value: 14, dvt: "xã, thị trấn" });
    expect(found[0]!.message).toContain("Chỉ tiêu 2: ĐẢNG ỦY XÃ BẢN BO là đơn vị cấp xã");
    // The two agree with each other: no totals-differ.
    expect(crossIssues(r).filter((i) => i.rule === "totals-differ")).toEqual([]);
  });

  it("reads Số đã đạt when Tổng số is blank", () => {
    const r = report(COMMUNE, { ...goodFigures(), "4.4": { achieved: 3 } });
    expect(crossIssues(r).map((i) => [i.rule, i.cell, (i.params as { column: string }).column])).toEqual([["commune-count", "E19", "Số đã đạt tiêu chuẩn"]]);
  });

  it("is silent for one commune, and for a unit that is not a commune", () => {
    expect(crossIssues(report(COMMUNE, { "2": { total: 1, achieved: 1 }, "4.4": { total: 1, achieved: 0 } }))).toEqual([]);
    expect(crossIssues(report(OFFICE, { "2": { total: 14, achieved: 14 }, "4.4": { total: 14, achieved: 13 } }))).toEqual([]);
  });

  it("knows a commune by its name", () => {
    for (const name of ["Đảng ủy xã Bản Bo", "ĐẢNG ỦY THỊ TRẤN TAM ĐƯỜNG", "Đảng bộ xã Nà Tăm", "UBND xã Bình Lư", "Xã Hồ Thầu"]) {
      expect(isCommuneUnit(name)).toBe(true);
    }
    for (const name of ["Phòng Văn hóa - Thông tin", "Huyện ủy Tam Đường", "Chi bộ Trường THCS xã Bản Bo", "Đài Truyền thanh - Truyền hình", "xa"]) {
      expect(isCommuneUnit(name)).toBe(false);
    }
  });
});

describe("a summary workbook", () => {
  it("is not checked across indicators: its sums are over units that report different indicators", () => {
    const identity = identityRows({
      kind: "summary",
      template: TEMPLATE_ID,
      version: TEMPLATE_VERSION,
      unitName: "HUYỆN ỦY TAM ĐƯỜNG",
      level: "huyen",
      created: "2021-07-01",
    });
    const rows = [...headerBlock("HUYỆN ỦY TAM ĐƯỜNG"), INDICATOR_HEADER, ...indicatorBody({ ...goodFigures(), "3.2": { total: 2000, achieved: 1900 } })];
    const sheets = [
      { name: "Chỉ tiêu", rows },
      { name: IDENTITY_SHEET, rows: identity },
    ];
    const summary = readUnitReport(specToGrid({ sheets }), "tong-hop.xlsx");
    expect(summary.identity?.kind).toBe("summary");
    expect(crossIssues(summary)).toEqual([]);
    // The same figures in a unit's report are checked.
    expect(crossIssues(report(OFFICE, { ...goodFigures(), "3.2": { total: 2000, achieved: 1900 } })).map((i) => i.rule)).toEqual(["totals-differ"]);
  });
});
