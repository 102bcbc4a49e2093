/**
 * A district summary written by the merge reads back as the same Summary:
 * from the .xlsx as written, with rows and columns inserted around its
 * tables, and after LibreOffice re-saves it as .ods and .xls.
 */
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { readSource } from "../../src/app/sources";
import type { GridCell, GridSheet, WorkbookGrid } from "../../src/domain/model/grid";
import { IDENTITY_SHEET } from "../../src/domain/model/identity";
import { buildUnitWorkbook } from "../../src/domain/sheets";
import { mergeReports, type MergeSource, type Summary } from "../../src/domain/merge";
import { buildSummaryWorkbook } from "../../src/domain/sheets/summary";
import { readSummaryWorkbook } from "../../src/domain/merge/read-summary";
import { TAM_DUONG_UNITS } from "../../src/domain/units";
import { readWorkbookFile } from "../../src/io/read";
import { writeWorkbookXlsx } from "../../src/io/write";
import { fillTemplate, type Fill } from "../support/fill";
import { convertWithLibreOffice, SOFFICE } from "../support/programs";

async function unitFile(unitName: string, fill: Fill): Promise<Uint8Array> {
  const template = await writeWorkbookXlsx(buildUnitWorkbook({ unitName, place: "Tam Đường", level: "co-so", created: "2021-05-01" }));
  return fillTemplate(template, fill);
}

const SHARED_DOC = { code: "Số 241-ĐA/TU", date: new Date(Date.UTC(2016, 8, 30)), summary: "Đề án nâng cao hiệu quả công tác tư tưởng", issuer: "Tỉnh ủy Lai Châu" };
const DISTRICT = { unitName: "Huyện ủy Tam Đường", superior: "ĐẢNG BỘ TỈNH LAI CHÂU", place: "Tam Đường", level: "huyen", date: "2021-07-01" } as const;

async function sources(): Promise<MergeSource[]> {
  const files: Array<[string, Uint8Array, string]> = [
    [
      "Ban Bo.xlsx",
      await unitFile("Đảng ủy xã Bản Bo", {
        // 6.1 with nobody to count: "Không có đối tượng" on the summary, read back as such.
        indicators: { "1.1": [100, 95], "1.2": [200, 200], "3.1": [600, 570], "4.1": [50, 40], "5": [null, 1], "6.1": [0, 0] },
        documents: [
          { code: "Số 15-KH/ĐU", date: new Date(Date.UTC(2017, 2, 10)), summary: "Kế hoạch thực hiện Đề án 241", issuer: "Đảng ủy xã Bản Bo" },
          SHARED_DOC,
        ],
        dateLine: "Bản Bo, ngày 20 tháng 6 năm 2021",
      }),
      "2021-06-20T08:00:00.000Z",
    ],
    [
      "Ban Giang - ban dau.xlsx",
      await unitFile("Đảng ủy xã Bản Giang", { indicators: { "1.1": [50, 10] }, dateLine: "Bản Giang, ngày 10 tháng 6 năm 2021" }),
      "2021-06-10T08:00:00.000Z",
    ],
    [
      "Ban Giang - sua lai.xlsx",
      await unitFile("Đảng ủy xã Bản Giang", {
        indicators: { "1.1": [50, 50], "3.1": [300, 240] },
        documents: [SHARED_DOC],
        dateLine: "Bản Giang, ngày 22 tháng 6 năm 2021",
      }),
      "2021-06-22T08:00:00.000Z",
    ],
    [
      "Binh Lu.xlsx",
      await unitFile("Đảng ủy xã Bình Lư", {
        indicators: { "1.1": [30, 30], "1.2": [100, 120], "3.1": [400, 380], "4.1": [10, 10] },
        documents: [
          { code: "20-NQ/ĐU", date: new Date(Date.UTC(2018, 0, 5)), summary: "Nghị quyết về công tác tư tưởng", issuer: "Đảng ủy xã Bình Lư" },
          // Written without its day: kept as the month it names, in the summary and read back from it.
          { code: "45-CV/ĐU", date: "tháng 3/2017", summary: "Triển khai học tập chuyên đề", issuer: "Đảng ủy xã Bình Lư" },
        ],
        dateLine: "Bình Lư, ngày 30 tháng 6 năm 2021",
      }),
      "2021-06-30T08:00:00.000Z",
    ],
    [
      "Truong THCS.xlsx",
      await unitFile("Chi bộ Trường THCS Thị trấn", { indicators: { "1.1": [20, 20] }, dateLine: "Tam Đường, ngày 15 tháng 6 năm 2021" }),
      "2021-06-15T08:00:00.000Z",
    ],
    ["Ban Hon.xlsx", new Uint8Array([0x50, 0x4b, 0x03, 0x04, 1, 2, 3, 4, 5, 6, 7, 8, 9]), "2021-06-18T08:00:00.000Z"],
  ];
  const out: MergeSource[] = [];
  for (const [name, bytes, lastModified] of files) out.push(await readSource({ name, bytes, lastModified }));
  return out;
}

/** The parts of a Summary a summary workbook holds, for comparing. */
function comparable(s: Summary): unknown {
  return {
    deadline: s.deadline,
    targetsSource: s.targetsSource,
    indicators: s.indicators.map((i) => ({
      id: i.id,
      total: i.total,
      achieved: i.achieved,
      ratio: i.ratio,
      met: i.met,
      target: i.target,
      aggregation: i.aggregation,
      reportedBy: i.reportedBy,
    })),
    units: s.units.map((u) => ({
      unit: u.unit,
      state: u.state,
      file: u.file,
      sha256: u.sha256,
      date: u.date,
      onTime: u.onTime,
      errors: u.errors,
      warnings: u.warnings,
      otherFiles: u.otherFiles,
    })),
    expected: s.expected,
    received: s.received,
    missing: s.missing,
    rate: s.rate,
    unlisted: s.unlisted,
    documents: s.documents,
    rejectedValues: s.rejectedValues.map((v) => ({ ...v, rule: undefined })),
    files: s.files.map((f) => ({
      file: f.file,
      sha256: f.sha256,
      unit: f.unit,
      onList: f.onList,
      status: f.status,
      reason: f.reason,
      date: f.date,
      errors: f.errors,
      warnings: f.warnings,
      onTime: f.onTime,
    })),
    perUnit: s.perUnit.map((u) => ({
      unit: u.unit,
      file: u.file,
      values: Object.fromEntries(Object.entries(u.values).filter(([, v]) => v.total !== null || v.achieved !== null)),
    })),
  };
}

/** The grid with `rows` blank rows above and `cols` blank columns left of every visible sheet's content. */
function shifted(grid: WorkbookGrid, rows: number, cols: number): WorkbookGrid {
  const shift = (sheet: GridSheet): GridSheet => {
    if (sheet.name === IDENTITY_SHEET) return sheet;
    const pad: Array<GridCell | undefined> = Array.from({ length: cols }, () => undefined);
    return {
      ...sheet,
      rows: [...Array.from({ length: rows }, () => undefined), ...sheet.rows.map((row) => (row ? [...pad, ...row] : row))],
      merges: sheet.merges.map((m) => ({ s: { r: m.s.r + rows, c: m.s.c + cols }, e: { r: m.e.r + rows, c: m.e.c + cols } })),
    };
  };
  return { ...grid, sheets: grid.sheets.map(shift) };
}

describe("readSummaryWorkbook", () => {
  const dir = mkdtempSync(join(tmpdir(), "read-summary-"));
  const path = join(dir, "Tong hop Tam Duong.xlsx");
  let original: Summary;
  let bytes: Uint8Array;

  beforeAll(async () => {
    original = mergeReports(await sources(), {
      units: TAM_DUONG_UNITS,
      targets: { "3.1": { op: ">=", value: 90 } },
      targetsSource: "muc-tieu-huyen.xlsx",
      aggregation: { "4.1": { kind: "unit", unit: "Đảng ủy xã Bản Bo" } },
    });
    bytes = await writeWorkbookXlsx(buildSummaryWorkbook(original, DISTRICT));
    writeFileSync(path, bytes);
  }, 60_000);

  it("starts from a summary with every kind of content", () => {
    // The comparisons below are only worth something if there is something to compare.
    expect(original.received).toEqual(["Đảng ủy xã Bản Bo", "Đảng ủy xã Bản Giang", "Đảng ủy xã Bình Lư"]);
    expect(original.units.find((u) => u.unit === "Đảng ủy xã Bản Hon")?.state).toBe("rejected");
    expect(original.units.find((u) => u.unit === "Đảng ủy xã Bản Giang")?.otherFiles).toEqual(["Ban Giang - ban dau.xlsx"]);
    expect(original.unlisted).toEqual(["Truong THCS.xlsx"]);
    expect(original.rejectedValues.length).toBeGreaterThan(0);
    expect(original.documents.find((d) => d.code === SHARED_DOC.code)?.units).toHaveLength(2);
    // A month of issue, placed among the dated documents by its first day.
    expect(original.documents.map((d) => [d.code, d.date ?? d.dateSpan?.text])).toEqual([
      ["Số 241-ĐA/TU", "2016-09-30"],
      ["45-CV/ĐU", "tháng 3/2017"],
      ["Số 15-KH/ĐU", "2017-03-10"],
      ["20-NQ/ĐU", "2018-01-05"],
    ]);
    expect(original.indicators.find((i) => i.id === "3.1")).toMatchObject({ target: { op: ">=", value: 90 }, met: true });
    expect(original.indicators.find((i) => i.id === "4.1")).toMatchObject({ total: 50, achieved: 40, aggregation: { kind: "unit" } });
    expect(original.indicators.find((i) => i.id === "6.1")).toMatchObject({ total: 0, achieved: 0, ratio: null, met: null });
  });

  it("reads the written .xlsx back as the same summary", () => {
    const read = readSummaryWorkbook(readWorkbookFile(new Uint8Array(readFileSync(path)), "Tong hop Tam Duong.xlsx"));
    expect(read).toBeDefined();
    expect(read!.issues).toEqual([]);
    expect(read!.identity).toMatchObject({ kind: "summary", unitName: DISTRICT.unitName, level: "huyen" });
    expect(comparable(read!.summary)).toEqual(comparable(original));
  });

  it("reads the tables by their headers, wherever rows and columns were inserted", () => {
    const grid = shifted(readWorkbookFile(bytes, "x.xlsx"), 3, 2);
    const read = readSummaryWorkbook(grid);
    expect(read!.issues.filter((i) => i.severity === "error")).toEqual([]);
    expect(comparable(read!.summary)).toEqual(comparable(original));
  });

  it("reads a summary written with the month's leading zero (\"Hạn nộp: 25/06/2021\"), as earlier versions wrote it", () => {
    const grid = readWorkbookFile(bytes, "x.xlsx");
    let rewritten = 0;
    const zeroed = (text: string): string =>
      text.replace(/(Hạn nộp: )(\d{2})\/(\d{1,2})\/(\d{4})/gu, (_, head: string, d: string, m: string, y: string) => (rewritten++, `${head}${d}/${m.padStart(2, "0")}/${y}`));
    const old: WorkbookGrid = {
      ...grid,
      sheets: grid.sheets.map((sheet) => ({
        ...sheet,
        rows: sheet.rows.map((row) => row?.map((cell) => (cell && typeof cell.v === "string" ? { ...cell, v: zeroed(cell.v) } : cell))),
      })),
    };
    expect(rewritten).toBeGreaterThan(0);
    const read = readSummaryWorkbook(old);
    expect(read!.summary.deadline).toBe(original.deadline);
    expect(comparable(read!.summary)).toEqual(comparable(original));
  });

  it("is not fooled by a unit's report (not a summary)", async () => {
    const unit = await unitFile("Đảng ủy xã Bản Bo", { indicators: { "1.1": [10, 10] } });
    expect(readSummaryWorkbook(readWorkbookFile(unit, "Ban Bo.xlsx"))).toBeUndefined();
  });

  it("says it cannot use a summary whose status table is gone", async () => {
    const layout = buildSummaryWorkbook(original, DISTRICT);
    const cut = await writeWorkbookXlsx({ ...layout, sheets: layout.sheets.filter((s) => s.name !== "Tình hình nộp báo cáo") });
    const read = readSummaryWorkbook(readWorkbookFile(cut, "cut.xlsx"));
    expect(read!.issues.filter((i) => i.severity === "error").map((i) => i.rule)).toEqual(["summary.table-missing"]);
    // The figures are still there; the units cannot be told.
    expect(read!.summary.indicators.find((i) => i.id === "1.1")?.total).toBe(original.indicators.find((i) => i.id === "1.1")?.total);
    expect(read!.summary.expected).toEqual([]);
  });

  const d = SOFFICE ? describe : describe.skip;
  d("after LibreOffice re-saves it", () => {
    for (const format of ["ods", "xls"] as const) {
      it(`reads the .${format} as the same summary`, () => {
        const out = mkdtempSync(join(tmpdir(), `read-summary-${format}-`));
        const converted = convertWithLibreOffice(path, format, out);
        const read = readSummaryWorkbook(readWorkbookFile(new Uint8Array(readFileSync(converted)), `summary.${format}`));
        expect(read).toBeDefined();
        expect(read!.issues.filter((i) => i.severity === "error")).toEqual([]);
        expect(comparable(read!.summary)).toEqual(comparable(original));
      }, 120_000);
    }
  });
});
