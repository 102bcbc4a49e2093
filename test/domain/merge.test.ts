import { INDICATORS } from "../../src/domain/catalogue";
import type { Issue } from "../../src/domain/model/issues";
import { formatRatio, verdictLabel } from "../../src/domain/format";
import { indicatorVerdict, meetsTarget, mergeReports, type MergeSource } from "../../src/domain/merge";
import { buildSummaryWorkbook, SUMMARY_SHEETS } from "../../src/domain/sheets/summary";
import type { DocumentEntry, IndicatorEntry, UnitReport } from "../../src/domain/model/report";
import { parseDocumentCode } from "../../src/domain/values/code";
import type { Unit } from "../../src/domain/units";

const UNITS: Unit[] = [
  { name: "Đảng ủy xã Bản Bo", level: "co-so" },
  { name: "Đảng ủy xã Bản Giang", level: "co-so" },
  { name: "Phòng Văn hóa - Thông tin", level: "huyen" },
];

function entry(total: number | null, achieved: number | null, row = 10): IndicatorEntry {
  return {
    total,
    achieved,
    typedRatio: null,
    sheet: "Chỉ tiêu",
    row,
    cells: { total: `D${row}`, achieved: `E${row}`, ratio: `F${row}` },
    label: "",
  };
}

function report(unit: string, values: Record<string, [number | null, number | null]>, extra: Partial<UnitReport> = {}): UnitReport {
  return {
    fileName: `${unit}.xlsx`,
    unit: { name: unit, source: "header" },
    reportDate: null,
    indicators: Object.fromEntries(Object.entries(values).map(([id, [t, a]]) => [id, entry(t, a)])),
    documents: [],
    issues: [],
    ...extra,
  };
}

function source(file: string, r?: UnitReport, more: Partial<MergeSource> = {}): MergeSource {
  return { file, sha256: file.padEnd(64, "0").slice(0, 64), ...(r ? { report: r } : {}), ...more };
}

const ERROR_ON_1_1: Issue = {
  rule: "not-a-number",
  severity: "error",
  sheet: "Chỉ tiêu",
  cell: "D10",
  indicator: "1.1",
  params: { column: "Tổng số", text: "abc", indicator: "1.1" },
  message: "Tổng số không phải là số",
};

describe("mergeReports", () => {
  it("sums figures and computes the ratio from the sums, never by averaging ratios", () => {
    const s = mergeReports(
      [source("a.xlsx", report("Bản Bo", { "1.1": [10, 10] })), source("b.xlsx", report("Bản Giang", { "1.1": [90, 45] }))],
      { units: UNITS },
    );
    const i = s.indicators.find((x) => x.id === "1.1")!;
    expect(i).toMatchObject({ total: 100, achieved: 55, ratio: 55, reportedBy: 2, met: false });
    // The average of the two ratios (100% and 50%) would be 75%.
    expect(i.ratio).not.toBe(75);
  });

  it("keeps blank distinct from zero, and counts a unit only when it gave both numbers of a ratio", () => {
    const s = mergeReports(
      [source("a.xlsx", report("Bản Bo", { "1.2": [0, 0], "1.3": [50, null] })), source("b.xlsx", report("Bản Giang", { "1.3": [50, 50] }))],
      { units: UNITS },
    );
    expect(s.indicators.find((x) => x.id === "1.2")).toMatchObject({ total: 0, achieved: 0, ratio: null, met: null, reportedBy: 1 });
    expect(s.indicators.find((x) => x.id === "1.3")).toMatchObject({ total: 50, achieved: 50, reportedBy: 1 });
    expect(s.indicators.find((x) => x.id === "4.1")).toMatchObject({ total: null, achieved: null, reportedBy: 0 });
  });

  it("judges a count target on Số đã đạt alone", () => {
    const s = mergeReports([source("a.xlsx", report("Bản Bo", { "5": [null, 1] }))], { units: UNITS });
    expect(s.indicators.find((x) => x.id === "5")).toMatchObject({ achieved: 1, met: true, reportedBy: 1 });
  });

  it.each([
    [{ op: ">=" as const, value: 100 }, 100, 100, true],
    [{ op: ">=" as const, value: 85 }, 100, 84, false],
    [{ op: ">" as const, value: 95 }, 100, 95, false],
    [{ op: ">" as const, value: 95 }, 1000, 951, true],
    [{ op: "count>=" as const, value: 1 }, null, 0, false],
    [{ op: "count>=" as const, value: 1 }, null, null, null],
    [{ op: ">=" as const, value: 100 }, 0, 0, null],
    // Judged on the ratio as shown, to two decimals: 2.000/2.353 shows 85,00%, 21.375/22.499 shows 95,00%, 19.999/20.000 shows 100,00%.
    [{ op: ">=" as const, value: 85 }, 2353, 2000, true],
    [{ op: ">" as const, value: 95 }, 22499, 21375, false],
    [{ op: ">=" as const, value: 100 }, 20000, 19999, true],
    [{ op: ">=" as const, value: 85 }, 2354, 2000, false],
    // 13.999/20.000 is 69,995%, which Excel's ROUND (and "0.00") make 70,00, though 13999/20000*100 is 69.99499999999999 in a double.
    [{ op: ">=" as const, value: 70 }, 20000, 13999, true],
  ])("meetsTarget(%j, %p, %p) is %p", (target, total, achieved, expected) => {
    expect(meetsTarget(target, total, achieved)).toBe(expected);
  });

  it("never prints a ratio that reads as reaching its target beside \"Chưa đạt\", nor the reverse", () => {
    for (const [target, total, achieved] of [
      [{ op: ">=" as const, value: 85 }, 2353, 2000],
      [{ op: ">" as const, value: 95 }, 22499, 21375],
      [{ op: ">" as const, value: 95 }, 2000, 1900],
      [{ op: ">=" as const, value: 80 }, 10, 8],
      [{ op: ">=" as const, value: 70 }, 20000, 13999],
    ] as const) {
      const shown = Number(formatRatio((achieved / total) * 100).replace("%", "").replace(",", "."));
      const reads = target.op === ">=" ? shown >= target.value : shown > target.value;
      expect([target, total, achieved, meetsTarget(target, total, achieved)]).toEqual([target, total, achieved, reads]);
    }
  });

  it("leaves out values with errors and lists them with unit, file, cell and reason", () => {
    const s = mergeReports(
      [
        source("a.xlsx", report("Bản Bo", { "1.1": [10, 5] }, { issues: [ERROR_ON_1_1] })),
        source("b.xlsx", report("Bản Giang", { "1.1": [20, 20] })),
      ],
      { units: UNITS },
    );
    expect(s.indicators.find((x) => x.id === "1.1")).toMatchObject({ total: 20, achieved: 20, reportedBy: 1 });
    expect(s.rejectedValues).toEqual([
      expect.objectContaining({ unit: "Đảng ủy xã Bản Bo", file: "a.xlsx", cell: "D10", indicator: "1.1", rule: "not-a-number" }),
    ]);
  });

  it("lets the later report win when a unit sent two files, by report date, else by file time; the user can reverse it", () => {
    const early = source("cu.xlsx", report("Bản Bo", { "1.1": [10, 1] }, { reportDate: "2021-06-01" }), { fileTime: "2021-06-30T00:00:00Z" });
    const late = source("moi.xlsx", report("Bản Bo", { "1.1": [10, 9] }, { reportDate: "2021-06-20" }), { fileTime: "2021-06-21T00:00:00Z" });
    const s = mergeReports([late, early], { units: UNITS });
    expect(s.files.map((f) => [f.file, f.status])).toEqual([["moi.xlsx", "merged"], ["cu.xlsx", "superseded"]]);
    expect(s.indicators.find((x) => x.id === "1.1")!.achieved).toBe(9);

    const undated = [
      source("1.xlsx", report("Bản Bo", { "1.1": [10, 1] }), { fileTime: "2021-06-02T00:00:00Z" }),
      source("2.xlsx", report("Bản Bo", { "1.1": [10, 2] }), { fileTime: "2021-06-01T00:00:00Z" }),
    ];
    expect(mergeReports(undated, { units: UNITS }).files.map((f) => f.status)).toEqual(["merged", "superseded"]);

    const reversed = mergeReports([late, early], { units: UNITS, preferred: { "Đảng ủy xã Bản Bo": "cu.xlsx" } });
    expect(reversed.files.map((f) => [f.file, f.status])).toEqual([["moi.xlsx", "superseded"], ["cu.xlsx", "merged"]]);
    expect(reversed.indicators.find((x) => x.id === "1.1")!.achieved).toBe(1);
  });

  it("never sets aside a file naming the unit for a later one naming another kind of body (a chi bộ's: perhaps another unit's)", () => {
    const own = source("Dang-uy-xa-Ban-Bo.xlsx", report("Đảng ủy xã Bản Bo", { "1.1": [20, 20] }, { reportDate: "2021-06-20" }));
    const chiBo = source("chi-bo-ban-bo.xlsx", report("CHI BỘ BẢN BO", { "1.1": [5, 5] }, { reportDate: "2021-06-22" }));
    const s = mergeReports([own, chiBo], { units: UNITS });
    expect(s.files.map((f) => [f.file, f.unit, f.status])).toEqual([
      ["Dang-uy-xa-Ban-Bo.xlsx", "Đảng ủy xã Bản Bo", "merged"],
      ["chi-bo-ban-bo.xlsx", "Đảng ủy xã Bản Bo", "superseded"],
    ]);
    expect(s.files[1]!.reason).toContain("khác loại với đơn vị trong danh sách, như chi bộ với đảng ủy, có thể là của đơn vị khác");
    // The unit's later correction naming it otherwise ("ĐẢNG BỘ XÃ BẢN BO", matched loosely) wins by its date, as ever.
    const correction = source("ban-bo-bo-sung.xlsx", report("ĐẢNG BỘ XÃ BẢN BO", { "1.1": [50, 50] }, { reportDate: "2021-06-22" }));
    const corrected = mergeReports([own, correction], { units: UNITS });
    expect(corrected.files.map((f) => [f.file, f.status])).toEqual([
      ["Dang-uy-xa-Ban-Bo.xlsx", "superseded"],
      ["ban-bo-bo-sung.xlsx", "merged"],
    ]);
    expect(corrected.files[1]!.issues.map((i) => i.rule)).toContain("unit-matched-loosely");
    // Of the chi bộ's file dated earlier than the unit's own, the reason is the date.
    const earlier = source("chi-bo-cu.xlsx", report("CHI BỘ BẢN BO", { "1.1": [5, 5] }, { reportDate: "2021-06-01" }));
    expect(mergeReports([own, earlier], { units: UNITS }).files[1]!.reason).toContain("ngày báo cáo muộn hơn");
    expect(s.indicators.find((x) => x.id === "1.1")).toMatchObject({ total: 20, achieved: 20 });
    // Of two files whose names both only come close, the later one still wins.
    const closeToo = source("du-ban-bo.xlsx", report("ĐU xã Bản Bo", { "1.1": [30, 30] }, { reportDate: "2021-06-25" }));
    expect(mergeReports([chiBo, closeToo], { units: UNITS }).files.map((f) => [f.file, f.status])).toEqual([
      ["chi-bo-ban-bo.xlsx", "superseded"],
      ["du-ban-bo.xlsx", "merged"],
    ]);
  });

  it("lists each commune's own documents apart (every Đảng ủy numbers from 01) and a provincial one once, however its issuer is written", () => {
    const doc = (codeText: string, date: string, summary: string, issuer: string | null, row: number): DocumentEntry => ({
      codeText,
      code: ((p) => (p.kind === "code" ? p.code : null))(parseDocumentCode(codeText)),
      date,
      summary,
      issuer,
      sheet: "Văn bản",
      row,
      cell: `B${row}`,
    });
    const units = ["Bản Bo", "Bản Giang", "Phòng Văn hóa - Thông tin"];
    const issuers = ["Tỉnh ủy Lai Châu", "Tỉnh ủy", null];
    const files = units.map((u, k) =>
      source(`${k}.xlsx`, report(u, { "1.1": [10, 9] }, { documents: [doc("Số 241-ĐA/TU", "2016-09-30", "Đề án 241", issuers[k]!, 9), doc("01-NQ/ĐU", `2016-1${k}-12`, `Nghị quyết của ${u}`, null, 10)] })),
    );
    const s = mergeReports(files, { units: UNITS });
    expect(s.documents.map((d) => [d.code, d.date, d.units])).toEqual([
      ["Số 241-ĐA/TU", "2016-09-30", ["Đảng ủy xã Bản Bo", "Đảng ủy xã Bản Giang", "Phòng Văn hóa - Thông tin"]],
      ["01-NQ/ĐU", "2016-10-12", ["Đảng ủy xã Bản Bo"]],
      ["01-NQ/ĐU", "2016-11-12", ["Đảng ủy xã Bản Giang"]],
      ["01-NQ/ĐU", "2016-12-12", ["Phòng Văn hóa - Thông tin"]],
    ]);
    // The district's plans of two terms, both numbered 01: two documents; the same plan from two units: one.
    const terms = mergeReports(
      [source("a.xlsx", report("Bản Bo", { "1.1": [1, 1] }, { documents: [doc("01-KH/HU", "2016-10-01", "Kế hoạch", "Huyện ủy", 9), doc("01-KH/HU", "2020-10-01", "Kế hoạch", "Huyện ủy", 10)] })), source("b.xlsx", report("Bản Giang", { "1.1": [1, 1] }, { documents: [doc("01-KH/HU", "2016-10-01", "Kế hoạch", "Huyện ủy Tam Đường", 9)] }))],
      { units: UNITS },
    );
    expect(terms.documents.map((d) => [d.code, d.date, d.units.length])).toEqual([
      ["01-KH/HU", "2016-10-01", 2],
      ["01-KH/HU", "2020-10-01", 1],
    ]);
    // Bodies every commune has: told by the issuer written; an undated entry joins the one dated; a code not read, as written.
    const undated = (codeText: string, summary: string, issuer: string | null, row: number): DocumentEntry => ({ ...doc(codeText, "2016-01-01", summary, issuer, row), date: null });
    const bodies = mergeReports(
      [
        source("a.xlsx", report("Bản Bo", { "1.1": [1, 1] }, { documents: [doc("27/KH-UBND", "2018-01-15", "Kế hoạch", "UBND xã Bản Bo", 9), doc("01-NQ/CB", "2017-02-01", "Nghị quyết", "Chi bộ bản Nà Tăm 1", 10), doc("01-NQ/CB", "2017-03-01", "Nghị quyết", "Chi bộ bản Nà Tăm 2", 11), doc("Số 241-ĐA/TU", "2016-09-30", "Đề án 241", null, 12), doc("Đề án 241", "2016-09-30", "Đề án", "Tỉnh ủy", 13)] })),
        source("b.xlsx", report("Bản Giang", { "1.1": [1, 1] }, { documents: [doc("27/KH-UBND", "2018-03-15", "Kế hoạch", "UBND xã Bản Giang", 9), undated("Số 241-ĐA/TU", "Đề án 241", "Tỉnh ủy", 10), doc("Đề án 241", "2016-09-30", "Đề án", "Tỉnh ủy", 11)] })),
      ],
      { units: UNITS },
    );
    // A summary read back lists its communes' own documents under the district: each kept, by its day.
    const district = mergeReports([source("tong-hop.xlsx", report("Bản Bo", { "1.1": [1, 1] }, { documents: [doc("01-NQ/ĐU", "2016-10-12", "Nghị quyết", null, 9), doc("01-NQ/ĐU", "2016-11-20", "Nghị quyết", null, 10)] }))], { units: UNITS });
    expect(district.documents.map((d) => d.date)).toEqual(["2016-10-12", "2016-11-20"]);
    expect(bodies.documents.map((d) => [d.code, d.issuer, d.units.length])).toEqual([
      ["Đề án 241", "Tỉnh ủy", 2],
      ["Số 241-ĐA/TU", null, 2],
      ["01-NQ/CB", "Chi bộ bản Nà Tăm 1", 1],
      ["01-NQ/CB", "Chi bộ bản Nà Tăm 2", 1],
      ["27/KH-UBND", "UBND xã Bản Bo", 1],
      ["27/KH-UBND", "UBND xã Bản Giang", 1],
    ]);
  });

  it("keeps a unit's whole report over a later file that lacks a table (a one-sheet CSV), and says what a file set aside held", () => {
    const lacks = (rule: "indicators-table-missing" | "documents-table-missing", file: string): Issue => ({
      rule,
      severity: "warning",
      sheet: null,
      cell: null,
      params: { file },
      message: rule,
    }) as Issue;
    const whole = source("Ban Bo.xlsx", report("Bản Bo", { "1.1": [10, 9] }, { reportDate: "2021-06-05" }), { fileTime: "2021-06-05T08:00:00Z" });
    const figuresOnly = source("Ban Bo - Chi tieu.csv", report("Bản Bo", { "1.1": [10, 9] }, { reportDate: "2021-06-05", issues: [lacks("documents-table-missing", "csv")] }), {
      fileTime: "2021-06-05T09:00:00Z",
    });
    const s = mergeReports([whole, figuresOnly], { units: UNITS });
    expect(s.files.map((f) => [f.file, f.status])).toEqual([["Ban Bo.xlsx", "merged"], ["Ban Bo - Chi tieu.csv", "superseded"]]);
    expect(s.files[1]!.reason).toContain("tệp có đủ hai bảng của báo cáo");

    // Two one-sheet CSVs: the figures are kept, and the documents the other held are said to be left out.
    const docsOnly = source("Ban Bo - Van ban.csv", report("Bản Bo", {}, { reportDate: "2021-06-05", issues: [lacks("indicators-table-missing", "csv")] }), {
      fileTime: "2021-06-05T10:00:00Z",
    });
    const two = mergeReports([figuresOnly, docsOnly], { units: UNITS });
    expect(two.files.map((f) => [f.file, f.status])).toEqual([["Ban Bo - Chi tieu.csv", "merged"], ["Ban Bo - Van ban.csv", "superseded"]]);
    expect(two.indicators.find((x) => x.id === "1.1")!.achieved).toBe(9);
    expect(two.files[1]!.reason).toContain('không có bảng "Các văn bản lãnh đạo, chỉ đạo" mà tệp này có');

    // A blank template is no more complete than a filled one-table file.
    const blank = source("Ban Bo mau.xlsx", report("Bản Bo", {}, { issues: [lacks("nothing-filled" as never, "mau")] }), { fileTime: "2021-06-01T08:00:00Z" });
    const filled = mergeReports([blank, figuresOnly], { units: UNITS });
    expect(filled.files.map((f) => [f.file, f.status])).toEqual([["Ban Bo mau.xlsx", "superseded"], ["Ban Bo - Chi tieu.csv", "merged"]]);
    expect(filled.indicators.find((x) => x.id === "1.1")!.achieved).toBe(9);
    expect(filled.files[0]!.reason).toBe('Đơn vị đã gửi tệp khác: "Ban Bo - Chi tieu.csv" được dùng (tệp này chưa ghi số liệu hay văn bản nào).');

    // A later report date wins whatever it holds (a correction sent as a one-sheet CSV); the documents it lacks are said
    // to be left out, and its changes compare only the figures, both files having them.
    const correction = source("Ban Bo sua.csv", report("Bản Bo", { "1.1": [10, 10] }, { reportDate: "2021-06-20", issues: [lacks("documents-table-missing", "csv")] }));
    const withDocs = source("Ban Bo.xlsx", report("Bản Bo", { "1.1": [10, 9] }, { reportDate: "2021-06-05", documents: [{ codeText: "15-NQ/ĐU", code: null, date: "2016-10-12", summary: "Nghị quyết", issuer: "Đảng ủy", sheet: "Văn bản", row: 9, cell: "B9" }] }));
    const corrected = mergeReports([withDocs, correction], { units: UNITS });
    expect(corrected.files.map((f) => [f.file, f.status])).toEqual([["Ban Bo.xlsx", "superseded"], ["Ban Bo sua.csv", "merged"]]);
    expect(corrected.files[0]!.reason).toContain("tệp có ngày báo cáo muộn hơn");
    expect(corrected.files[0]!.reason).toContain('không có bảng "Các văn bản lãnh đạo, chỉ đạo" mà tệp này có');
    expect(corrected.files[1]!.changes).toEqual([{ replaces: "Ban Bo.xlsx", figures: [{ id: "1.1", column: "achieved", from: 9, to: 10 }], documentsAdded: [], documentsRemoved: [] }]);
  });

  it("gives each unit's figures in the list's order, whatever the files' order; units off the list after them", () => {
    const s = mergeReports(
      [
        source("z.xlsx", report("Chi bộ Thôn 5", { "1.1": [3, 3] })),
        source("b.xlsx", report("Phòng Văn hóa - Thông tin", { "1.1": [2, 2] })),
        source("a.xlsx", report("Bản Giang", { "1.1": [5, 4] })),
        source("c.xlsx", report("Bản Bo", { "1.1": [10, 9] })),
      ],
      { units: UNITS },
    );
    expect(s.perUnit.map((u) => u.unit)).toEqual(["Đảng ủy xã Bản Bo", "Đảng ủy xã Bản Giang", "Phòng Văn hóa - Thông tin", "Chi bộ Thôn 5"]);
  });

  it("shows files of units not on the list, and lets the user assign them", () => {
    const stray = source("lạ.xlsx", report("Chi bộ Thôn 5", { "1.1": [3, 3] }));
    const s = mergeReports([stray], { units: UNITS });
    expect(s.files[0]).toMatchObject({ status: "merged", onList: false, unit: "Chi bộ Thôn 5" });
    expect(s.unlisted).toEqual(["lạ.xlsx"]);
    expect(s.received).toEqual([]);
    const assigned = mergeReports([stray], { units: UNITS, assignments: { "lạ.xlsx": "Bản Giang" } });
    expect(assigned.files[0]).toMatchObject({ onList: true, unit: "Đảng ủy xã Bản Giang", unitSource: "assigned" });
    expect(assigned.received).toEqual(["Đảng ủy xã Bản Giang"]);
  });

  it("takes one named unit's figure where the aggregation rule says so", () => {
    const s = mergeReports(
      [
        source("a.xlsx", report("Bản Bo", { "3.1": [100, 100] })),
        source("vh.xlsx", report("Phòng Văn hóa - Thông tin", { "3.1": [5000, 4900] })),
      ],
      { units: UNITS, aggregation: { "3.1": { kind: "unit", unit: "Phòng Văn hóa - Thông tin" } } },
    );
    expect(s.indicators.find((x) => x.id === "3.1")).toMatchObject({ total: 5000, achieved: 4900, ratio: 98, reportedBy: 1 });
  });

  it("judges on time by the report's date, and never reports a rate above 100%", () => {
    const s = mergeReports(
      [
        source("a.xlsx", report("Bản Bo", {}, { reportDate: "2021-06-25" })),
        source("b.xlsx", report("Bản Giang", {}, { reportDate: "2021-06-26" })),
        source("c.xlsx", report("Phòng Văn hóa - Thông tin", {})),
        source("d.xlsx", report("Chi bộ khác", {})),
      ],
      { units: UNITS },
    );
    expect(s.units.map((u) => [u.unit, u.state, u.onTime])).toEqual([
      ["Đảng ủy xã Bản Bo", "received", true],
      ["Đảng ủy xã Bản Giang", "received", false],
      ["Phòng Văn hóa - Thông tin", "received", null],
    ]);
    expect(s.rate).toBe(100);
  });

  it("rejects unreadable files with their reason and counts the unit as not received", () => {
    const s = mergeReports(
      [source("Ban Bo.xlsx", undefined, { error: { code: "corrupt", message: "Tệp Ban Bo.xlsx bị hỏng" } })],
      { units: UNITS },
    );
    expect(s.files[0]).toMatchObject({ status: "rejected", reason: "Tệp Ban Bo.xlsx bị hỏng", unit: "Đảng ủy xã Bản Bo", errors: 1 });
    expect(s.units[0]).toMatchObject({ state: "rejected" });
    expect(s.missing).toContain("Đảng ủy xã Bản Bo");
  });
});

describe("buildSummaryWorkbook", () => {
  const s = mergeReports(
    [source("a.xlsx", report("Bản Bo", { "1.1": [10, 10] }, { documents: [{ codeText: "=1+1", code: null, date: "2018-01-01", summary: "@SUM(A1)", issuer: "-x", sheet: "Văn bản", row: 9, cell: "B9" }] }))],
    { units: UNITS },
  );
  const wb = buildSummaryWorkbook(s, { unitName: "Huyện ủy Tam Đường", superior: "ĐẢNG BỘ TỈNH LAI CHÂU", place: "Tam Đường", level: "huyen", date: "2021-07-01" });

  it("has the summary sheets and an identity of kind summary", () => {
    expect(wb.sheets.map((x) => x.name)).toEqual([...Object.values(SUMMARY_SHEETS), "_de_an_241"]);
    expect(wb.identity?.kind).toBe("summary");
  });

  it("keeps the official columns first, in order, on Tổng hợp chỉ tiêu, with one row per indicator", () => {
    const sheet = wb.sheets[0]!;
    const header = sheet.cells.filter((c) => c.style === "th").map((c) => c.value);
    expect(header.slice(0, 6)).toEqual(["Stt", "Nội dung của chỉ tiêu", "ĐVT", "Tổng số", "Số đã đạt tiêu chuẩn", "Tỷ lệ (%)"]);
    for (const i of INDICATORS) expect(sheet.cells.some((c) => c.value === i.text)).toBe(true);
  });

  it("writes text from files as text cells (number format @), never formulas", () => {
    const docs = wb.sheets.find((x) => x.name === SUMMARY_SHEETS.documents)!;
    for (const value of ["=1+1", "@SUM(A1)", "-x"]) {
      const cell = docs.cells.find((c) => c.value === value)!;
      expect(cell.formula).toBeUndefined();
      expect(docs.styles[cell.style]!.numberFormat).toBe("@");
    }
    // The only formulas are the district's Tổng số, Số đã đạt and Tỷ lệ (D, E, F of "Tổng hợp chỉ tiêu"), each with a
    // number (or, for no ratio, empty text) as its result; no text is ever a formula.
    const formulas = wb.sheets.flatMap((sh) => sh.cells.filter((c) => c.formula !== undefined).map((c) => ({ sheet: sh.name, c })));
    expect(formulas.length).toBeGreaterThan(0);
    for (const { sheet, c } of formulas) {
      expect({ sheet, inFigureColumns: [3, 4, 5].includes(c.c) }).toEqual({ sheet: SUMMARY_SHEETS.indicators, inFigureColumns: true });
      expect(typeof c.value === "number" || c.value === "").toBe(true);
    }
  });

  it("says an indicator whose Tổng số is 0 has nothing to count (\"Không có đối tượng\"), not that figures are missing", () => {
    const zero = mergeReports([source("a.xlsx", report("Bản Bo", { "6.1": [0, 0], "1.1": [10, 10] }))], { units: UNITS });
    const i61 = zero.indicators.find((x) => x.id === "6.1")!;
    expect(i61).toMatchObject({ total: 0, achieved: 0, ratio: null, met: null });
    expect(verdictLabel(indicatorVerdict(i61))).toBe("Không có đối tượng");
    expect(verdictLabel(indicatorVerdict(zero.indicators.find((x) => x.id === "1.2")!))).toBe("Chưa đủ số liệu");
    const sheet = buildSummaryWorkbook(zero, { unitName: "Huyện ủy Tam Đường", superior: "ĐẢNG BỘ TỈNH LAI CHÂU", place: "Tam Đường", level: "huyen", date: "2021-07-01" }).sheets[0]!;
    expect(sheet.cells.some((c) => c.value === "Không có đối tượng")).toBe(true);
  });

  it("shows every ratio with two decimals, a ratio short of its target shaded as well", () => {
    const short = mergeReports([source("a.xlsx", report("Bản Bo", { "1.1": [10, 8], "1.2": [10, 10] }))], { units: UNITS });
    const sheet = buildSummaryWorkbook(short, { unitName: "Huyện ủy Tam Đường", superior: "ĐẢNG BỘ TỈNH LAI CHÂU", place: "Tam Đường", level: "huyen", date: "2021-07-01" }).sheets[0]!;
    const ratios = sheet.cells.filter((c) => c.c === 5 && typeof c.value === "number");
    expect(ratios.map((c) => c.value)).toEqual([80, 100]);
    expect(ratios.map((c) => sheet.styles[c.style]!.numberFormat)).toEqual(["0.00", "0.00"]);
    expect(ratios.map((c) => sheet.styles[c.style]!.fill !== undefined)).toEqual([true, false]);
  });
});
