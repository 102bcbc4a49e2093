/** What changed in a corrected file: the figures and documents that differ from the version it replaces. */
import { mergeReports, type MergeSource } from "../../src/domain/merge";
import { changesText, diffReports, versionText } from "../../src/domain/merge/versions";
import type { DocumentEntry, IndicatorEntry, UnitReport } from "../../src/domain/model/report";
import { buildSummaryWorkbook, SUMMARY_SHEETS } from "../../src/domain/sheets/summary";
import type { Unit } from "../../src/domain/units";

const UNITS: Unit[] = [
  { name: "Đảng ủy xã Bản Bo", level: "co-so" },
  { name: "Đảng ủy xã Bản Giang", level: "co-so" },
];

function entry(total: number | null, achieved: number | null): IndicatorEntry {
  return { total, achieved, typedRatio: null, sheet: "Chỉ tiêu", row: 10, cells: { total: "D10", achieved: "E10", ratio: "F10" }, label: "" };
}

function doc(code: string | null, date: string | null, summary: string): DocumentEntry {
  return { codeText: code, code: null, date, summary, issuer: null, sheet: "Văn bản", row: 8, cell: "B8" };
}

function report(values: Record<string, [number | null, number | null]>, documents: DocumentEntry[], reportDate: string | null): UnitReport {
  return {
    fileName: "x.xlsx",
    unit: { name: "Đảng ủy xã Bản Bo", source: "header" },
    reportDate,
    indicators: Object.fromEntries(Object.entries(values).map(([id, [t, a]]) => [id, entry(t, a)])),
    documents,
    issues: [],
  };
}

const OLD = report(
  { "1.1": [45, 45], "1.3": [7600, 7500] },
  [doc("12-KH/ĐU", "2018-03-05", "Kế hoạch thực hiện"), doc("15-NQ/ĐU", "2016-10-12", "Nghị quyết")],
  "2021-06-10",
);
const NEW = report(
  { "1.1": [45, 45], "1.3": [7685, 7660], "4.2": [12, null] },
  [doc("12-kh/đu", "2018-03-05", "Kế hoạch thực hiện"), doc("20-CT/ĐU", "2019-01-02", "Chỉ thị")],
  "2021-06-20",
);

const source = (file: string, r: UnitReport, sha = file): MergeSource => ({ file, sha256: sha.padEnd(64, "0").slice(0, 64), report: r });

describe("diffReports", () => {
  it("lists the figures and documents that differ, in catalogue order, and nothing else", () => {
    const d = diffReports(OLD, NEW);
    expect(d.figures).toEqual([
      { id: "1.3", column: "total", from: 7600, to: 7685 },
      { id: "1.3", column: "achieved", from: 7500, to: 7660 },
      { id: "4.2", column: "total", from: null, to: 12 },
    ]);
    // The same code written in other case is the same document.
    expect(d.documentsAdded).toEqual([{ code: "20-CT/ĐU", date: "2019-01-02", summary: "Chỉ thị" }]);
    expect(d.documentsRemoved).toEqual([{ code: "15-NQ/ĐU", date: "2016-10-12", summary: "Nghị quyết" }]);
  });

  it("says it in Vietnamese, with the numbers as Vietnamese write them", () => {
    expect(changesText(diffReports(OLD, NEW))).toBe(
      "1.3 Tổng số: 7.600 → 7.685; 1.3 Số đã đạt: 7.500 → 7.660; 4.2 Tổng số: trống → 12; " +
        "văn bản mới: 20-CT/ĐU (02/01/2019); văn bản bỏ: 15-NQ/ĐU (12/10/2016)",
    );
    expect(changesText(diffReports(OLD, OLD))).toBe("không khác về số liệu và văn bản");
  });
});

describe("a unit's new version in the merge", () => {
  it("carries what changed on the merged file, for the file it replaces, and the sources sheet lists it", () => {
    const s = mergeReports([source("ban-bo-1.xlsx", OLD), source("ban-bo-2.xlsx", NEW)], { units: UNITS });
    const [first, second] = s.files;
    expect(first!.status).toBe("superseded");
    expect(first!.changes).toBeUndefined();
    expect(second!.status).toBe("merged");
    expect(second!.changes).toHaveLength(1);
    expect(second!.changes![0]!.replaces).toBe("ban-bo-1.xlsx");
    expect(versionText(second!.changes![0]!)).toMatch(/^So với tệp "ban-bo-1\.xlsx": 1\.3 Tổng số: 7\.600 → 7\.685;/);
    const layout = buildSummaryWorkbook(s, { unitName: "Huyện ủy Tam Đường", superior: "ĐẢNG BỘ TỈNH LAI CHÂU", place: "Tam Đường", level: "huyen", date: "2021-07-01" });
    const files = layout.sheets.find((x) => x.name === SUMMARY_SHEETS.files)!;
    const texts = files.cells.map((c) => c.value).filter((v): v is string => typeof v === "string");
    expect(texts.some((t) => t.includes('So với tệp "ban-bo-1.xlsx": 1.3 Tổng số: 7.600 → 7.685'))).toBe(true);
  });

  it("says nothing for the same bytes sent twice, nor for a unit that sent one file", () => {
    const s = mergeReports(
      [source("a.xlsx", OLD, "same"), source("b.xlsx", OLD, "same"), source("c.xlsx", { ...NEW, unit: { name: "Đảng ủy xã Bản Giang", source: "header" } })],
      { units: UNITS },
    );
    expect(s.files.every((f) => f.changes === undefined)).toBe(true);
  });

  it("compares the file the user chose with the later one it then replaces", () => {
    const s = mergeReports([source("ban-bo-1.xlsx", OLD), source("ban-bo-2.xlsx", NEW)], { units: UNITS, preferred: { "Đảng ủy xã Bản Bo": "ban-bo-1.xlsx" } });
    const kept = s.files.find((f) => f.status === "merged")!;
    expect(kept.file).toBe("ban-bo-1.xlsx");
    expect(kept.changes![0]!.figures[0]).toEqual({ id: "1.3", column: "total", from: 7685, to: 7600 });
  });
});
