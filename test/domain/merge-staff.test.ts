/** What district staff read of a merge: why one of two files won, figures with errors, on time by which date, the files' own sheet. */
import { mergeJson } from "../../src/app/merge";
import type { Issue } from "../../src/domain/model/issues";
import type { IndicatorEntry, UnitReport } from "../../src/domain/model/report";
import { indicatorVerdict, mergeReports, type MergeSource } from "../../src/domain/merge";
import { supersededWhyText, type SupersededWhy } from "../../src/domain/merge/duplicates";
import { readSummaryWorkbook } from "../../src/domain/merge/read-summary";
import { verdictLabel } from "../../src/domain/format";
import { buildSummaryWorkbook, SUMMARY_SHEETS } from "../../src/domain/sheets/summary";
import type { SheetLayout } from "../../src/domain/model/layout";
import { readWorkbookFile } from "../../src/io/read";
import { writeWorkbookXlsx } from "../../src/io/write";
import type { Unit } from "../../src/domain/units";

const UNITS: Unit[] = [
  { name: "Đảng ủy xã Bản Bo", level: "co-so" },
  { name: "Đảng ủy xã Bản Giang", level: "co-so" },
];

function entry(total: number | null, achieved: number | null, row = 10): IndicatorEntry {
  return { total, achieved, typedRatio: null, sheet: "Chỉ tiêu", row, cells: { total: `D${row}`, achieved: `E${row}`, ratio: `F${row}` }, label: "" };
}

function report(unit: string, date: string | null, values: Record<string, [number | null, number | null]> = {}, issues: Issue[] = []): UnitReport {
  return {
    fileName: `${unit}.xlsx`,
    unit: { name: unit, source: "header" },
    reportDate: date,
    indicators: Object.fromEntries(Object.entries(values).map(([id, [t, a]]) => [id, entry(t, a)])),
    documents: [],
    issues,
  };
}

function source(file: string, r: UnitReport, more: Partial<MergeSource> = {}): MergeSource {
  return { file, sha256: file.padEnd(64, "0").slice(0, 64), report: r, ...more };
}

function errorAt(indicator: string, cell: string): Issue {
  return {
    rule: "not-a-number",
    severity: "error",
    sheet: "Chỉ tiêu",
    cell,
    indicator,
    params: { column: "Tổng số", text: "abc", indicator },
    message: "Tổng số không phải là số",
  };
}

const OPTS = { units: UNITS };
const LAYOUT = { unitName: "Huyện ủy Tam Đường", superior: "ĐẢNG BỘ TỈNH LAI CHÂU", place: "Tam Đường", level: "huyen" as const, date: "2021-06-30" };

function texts(sheet: SheetLayout | undefined): string[] {
  return (sheet?.cells ?? []).map((c) => (typeof c.value === "string" ? c.value : "")).filter((t) => t !== "");
}

describe("two files of one unit", () => {
  const reasonOf = (sources: MergeSource[], file: string, preferred?: Record<string, string>) =>
    mergeReports(sources, { ...OPTS, ...(preferred ? { preferred } : {}) }).files.find((f) => f.file === file)!;

  it("with the same report date, says so and keeps the one saved last, by its file time", () => {
    const f = reasonOf(
      [
        source("ban-bo-sua.xlsx", report("Đảng ủy xã Bản Bo", "2021-06-20"), { fileTime: "2021-06-22T08:00:00.000Z" }),
        source("ban-bo.xlsx", report("Đảng ủy xã Bản Bo", "2021-06-20"), { fileTime: "2021-06-21T08:00:00.000Z" }),
      ],
      "ban-bo.xlsx",
    );
    expect(f.status).toBe("superseded");
    expect(f.reason).toBe(
      'Đơn vị đã gửi tệp khác: "ban-bo-sua.xlsx" được dùng (hai tệp cùng ghi ngày báo cáo 20/6/2021; dùng tệp được sửa sau cùng, theo thời gian lưu tệp).',
    );
    expect(f.reason).not.toContain("muộn hơn");
  });

  it("with the same report date and no file times, keeps the one given last and says why", () => {
    const sources = [source("a.xlsx", report("Đảng ủy xã Bản Bo", "2021-06-20")), source("b.xlsx", report("Đảng ủy xã Bản Bo", "2021-06-20"))];
    const f = reasonOf(sources, "a.xlsx");
    expect(f.reason).toContain('"b.xlsx" được dùng (hai tệp cùng ghi ngày báo cáo 20/6/2021; dùng tệp đưa vào sau cùng)');
    // Neither dated: said as such.
    const undated = reasonOf([source("a.xlsx", report("Đảng ủy xã Bản Bo", null)), source("b.xlsx", report("Đảng ủy xã Bản Bo", null))], "a.xlsx");
    expect(undated.reason).toContain("cả hai tệp đều không ghi ngày báo cáo; dùng tệp đưa vào sau cùng).");
  });

  it("says why within one pair of brackets, every reason", () => {
    // Every reason, by its type: one left out does not compile.
    const whys: Record<SupersededWhy, true> = {
      named: true,
      preferred: true,
      complete: true,
      "more-complete": true,
      filled: true,
      "later-date": true,
      "later-email": true,
      "same-date-later-modified": true,
      "same-date-added-last": true,
      "later-modified": true,
      dated: true,
    };
    for (const why of Object.keys(whys) as SupersededWhy[]) {
      for (const date of ["2021-06-20", null]) expect([why, supersededWhyText(why, date)]).toEqual([why, expect.not.stringMatching(/[()]/)]);
    }
  });

  it("with different dates, the later date; the user's choice said as the user's", () => {
    const sources = [source("cu.xlsx", report("Đảng ủy xã Bản Bo", "2021-06-15")), source("moi.xlsx", report("Đảng ủy xã Bản Bo", "2021-06-20"))];
    expect(reasonOf(sources, "cu.xlsx").reason).toContain("(tệp có ngày báo cáo muộn hơn)");
    expect(reasonOf(sources, "moi.xlsx", { "Đảng ủy xã Bản Bo": "cu.xlsx" }).reason).toContain('"cu.xlsx" được dùng (người dùng chọn)');
  });
});

describe("figures given but rejected", () => {
  it("are “Số liệu có lỗi” with their cells, on the summary sheet too, and read back without a doubt", async () => {
    const s = mergeReports(
      [source("ban-bo.xlsx", report("Đảng ủy xã Bản Bo", "2021-06-20", { "1.1": [10, 10], "1.2": [5, 5] }, [errorAt("1.1", "D10")]))],
      OPTS,
    );
    const i11 = s.indicators.find((i) => i.id === "1.1")!;
    expect(i11.met).toBeNull();
    expect(i11.rejected).toEqual([expect.objectContaining({ file: "ban-bo.xlsx", sheet: "Chỉ tiêu", cell: "D10", indicator: "1.1" })]);
    expect(verdictLabel(indicatorVerdict(i11))).toBe("Số liệu có lỗi");
    // An indicator nobody gave stays "Chưa đủ số liệu"; one with good figures is judged.
    expect(verdictLabel(indicatorVerdict(s.indicators.find((i) => i.id === "4.1")!))).toBe("Chưa đủ số liệu");
    expect(indicatorVerdict(s.indicators.find((i) => i.id === "1.2")!)).toBe(true);

    const layout = buildSummaryWorkbook(s, LAYOUT);
    const sheet = layout.sheets.find((x) => x.name === SUMMARY_SHEETS.indicators)!;
    expect(texts(sheet)).toContain("Số liệu có lỗi");
    expect(texts(sheet)).toContain("Chỉ tiêu 1.1 – Số liệu có lỗi: Đảng ủy xã Bản Bo (ban-bo.xlsx, Chỉ tiêu!D10).");

    const back = readSummaryWorkbook(readWorkbookFile(await writeWorkbookXlsx(layout), "tong-hop.xlsx"));
    expect(back).toBeDefined();
    expect(back!.summary.indicators.find((i) => i.id === "1.1")?.met).toBeNull();
    expect(back!.issues.filter((x) => x.rule === "summary.verdict-differs")).toEqual([]);
  });

  it("a unit's figures with errors beside another's good ones: judged on the good ones, the rejected ones still named", () => {
    const s = mergeReports(
      [
        source("ban-bo.xlsx", report("Đảng ủy xã Bản Bo", "2021-06-20", { "1.1": [10, 10] }, [errorAt("1.1", "D10")])),
        source("ban-giang.xlsx", report("Đảng ủy xã Bản Giang", "2021-06-20", { "1.1": [10, 10] })),
      ],
      OPTS,
    );
    const i11 = s.indicators.find((i) => i.id === "1.1")!;
    expect(i11).toMatchObject({ total: 10, achieved: 10, met: true, reportedBy: 1 });
    expect(i11.rejected?.map((v) => v.file)).toEqual(["ban-bo.xlsx"]);
    expect(indicatorVerdict(i11)).toBe(true);
  });
});

describe("on time or late", () => {
  const sources = [
    source("ban-bo.xlsx", report("Đảng ủy xã Bản Bo", "2021-06-20")),
    source("ban-giang.xlsx", report("Đảng ủy xã Bản Giang", "2021-06-20")),
    source("khong-ngay.xlsx", report("Đảng ủy xã Bản Giang", null)),
  ];

  it("by the received date staff entered when given, else the report's own date, and says which", () => {
    const s = mergeReports(sources, { ...OPTS, deadline: "2021-06-25", received: { "ban-giang.xlsx": "2021-06-28" } });
    const byFile = (file: string) => s.files.find((f) => f.file === file)!;
    expect(byFile("ban-bo.xlsx")).toMatchObject({ onTime: true, timeliness: { date: "2021-06-20", by: "report-date" } });
    expect(byFile("ban-giang.xlsx")).toMatchObject({ onTime: false, timeliness: { date: "2021-06-28", by: "received" } });
    expect(byFile("khong-ngay.xlsx")).toMatchObject({ onTime: null, timeliness: null });
    // The unit's line follows its merged file.
    expect(s.units.find((u) => u.unit === "Đảng ủy xã Bản Giang")?.onTime).toBe(false);

    // The source's own received date counts too; the options' entry wins over it.
    const own = mergeReports([source("ban-bo.xlsx", report("Đảng ủy xã Bản Bo", "2021-06-20"), { received: "2021-06-30" })], { ...OPTS, deadline: "2021-06-25" });
    expect(own.files[0]).toMatchObject({ onTime: false, timeliness: { by: "received" } });
    const over = mergeReports([source("ban-bo.xlsx", report("Đảng ủy xã Bản Bo", "2021-06-20"), { received: "2021-06-30" })], {
      ...OPTS,
      deadline: "2021-06-25",
      received: { "ban-bo.xlsx": "2021-06-24" },
    });
    expect(over.files[0]!.onTime).toBe(true);

    // The JSON says per file which date was used (fields added; the old ones stay).
    const json = mergeJson({ sources, summary: s, layout: buildSummaryWorkbook(s, LAYOUT) }) as { files: Record<string, unknown>[] };
    expect(json.files.map((f) => [f.file, f.timeliness_date_source, f.on_time])).toEqual([
      ["ban-bo.xlsx", "report_date", true],
      ["ban-giang.xlsx", "received", false],
      ["khong-ngay.xlsx", null, null],
    ]);
    expect(Object.keys(json.files[0]!)).toEqual(expect.arrayContaining(["file", "unit", "date", "status", "reason", "sha256", "on_list", "issues"]));

    // The files' sheet says which date judged each file.
    const files = buildSummaryWorkbook(s, LAYOUT).sheets.find((x) => x.name === SUMMARY_SHEETS.files);
    expect(texts(files)).toContain("Đúng hạn (theo ngày ghi trên báo cáo: 20/6/2021)");
    expect(texts(files)).toContain("Muộn (theo ngày nhận do cán bộ nhập: 28/6/2021)");
  });
});

describe("the files received", () => {
  it("are on a sheet of their own, with their heading row as its print titles; the status sheet keeps only the units", () => {
    const s = mergeReports([source("ban-bo.xlsx", report("Đảng ủy xã Bản Bo", "2021-06-20"))], OPTS);
    const layout = buildSummaryWorkbook(s, LAYOUT);
    const status = layout.sheets.find((x) => x.name === SUMMARY_SHEETS.status)!;
    const files = layout.sheets.find((x) => x.name === SUMMARY_SHEETS.files)!;
    expect(texts(status)).not.toContain("CÁC TỆP ĐÃ NHẬN");
    expect(texts(status)).not.toContain("SHA-256");
    expect(texts(files)).toContain("CÁC TỆP ĐÃ NHẬN");
    const sha = files.cells.find((c) => c.value === "SHA-256")!;
    expect(files.pageSetup?.printTitleRows).toBe(`${sha.r + 1}:${sha.r + 1}`);
    expect(layout.sheets.map((x) => x.name).indexOf(SUMMARY_SHEETS.files)).toBe(layout.sheets.map((x) => x.name).indexOf(SUMMARY_SHEETS.status) + 1);
  });
});
