/**
 * The summary's district totals and ratios are formulas carrying the merge's
 * figures: both writers store the formula and its cached result; openpyxl
 * sees the formulas; LibreOffice, recalculating a copy without the cached
 * results, computes the same values; after a unit's figure is changed the
 * total and the ratio follow; the summary still reads back the same.
 */
import { spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { INDICATORS } from "../../src/domain/catalogue";
import { mergeReports, type MergeSource, type Summary } from "../../src/domain/merge";
import { readSummaryWorkbook } from "../../src/domain/merge/read-summary";
import { cellAddress } from "../../src/domain/model/grid";
import type { IndicatorEntry, UnitReport } from "../../src/domain/model/report";
import type { LayoutCell, WorkbookLayout } from "../../src/domain/sheets";
import { buildSummaryWorkbook, SUMMARY_SHEETS } from "../../src/domain/sheets/summary";
import { districtFigures } from "../../src/domain/sheets/summary-formulas";
import type { Unit } from "../../src/domain/units";
import { readWorkbookFile } from "../../src/io/read";
import { writeLeanXlsx } from "../../src/io/write/lean";
import { writeWorkbookXlsxExcelJS } from "../../src/io/write/xlsx";
import { convertWithLibreOffice, PYTHON_OPENPYXL, readWithOpenpyxl, SOFFICE } from "../support/programs";

function entry(total: number | null, achieved: number | null): IndicatorEntry {
  return { total, achieved, typedRatio: null, sheet: "Chỉ tiêu", row: 10, cells: { total: "D10", achieved: "E10", ratio: "F10" }, label: "" };
}

/**
 * 20 units: unit 3 gives no Số đạt for 1.1 (so its Tổng số is not counted), unit 5 gives only
 * Số đạt of 5 (a count target: counted), unit 7 nothing for 2, and nobody gives 6.2.2.
 */
function summary(): Summary {
  const units: Unit[] = Array.from({ length: 20 }, (_, k) => ({ name: `Chi bộ số ${k + 1}`, level: "co-so" as const }));
  const sources: MergeSource[] = units.map((u, k) => {
    const indicators: Record<string, IndicatorEntry> = {};
    INDICATORS.forEach((i, j) => {
      if (i.id === "6.2.2") return;
      if (i.id === "2" && k === 6) return;
      const total = 37 + 13 * k + 7 * j;
      const achieved = Math.floor((total * (60 + ((k * 7 + j * 3) % 41))) / 100);
      if (i.id === "1.1" && k === 2) indicators[i.id] = entry(total, null);
      else if (i.id === "5" && k === 4) indicators[i.id] = entry(null, 1);
      else indicators[i.id] = entry(total, achieved);
    });
    const report: UnitReport = { fileName: `${u.name}.xlsx`, unit: { name: u.name, source: "header" }, reportDate: "2021-06-20", indicators, documents: [], issues: [] };
    return { file: report.fileName, sha256: String(k).padStart(64, "0"), report };
  });
  return mergeReports(sources, { units });
}

const DISTRICT = { unitName: "Huyện ủy Tam Đường", superior: "ĐẢNG BỘ TỈNH LAI CHÂU", place: "Tam Đường", level: "huyen", date: "2021-06-30" } as const;

function sheetOf(layout: WorkbookLayout, name: string) {
  return layout.sheets.find((s) => s.name === name)!;
}

/** The indicator rows' D, E, F cells of "Tổng hợp chỉ tiêu" by indicator id. */
function figureCells(layout: WorkbookLayout): Map<string, { total: LayoutCell; achieved: LayoutCell; ratio: LayoutCell }> {
  const sheet = sheetOf(layout, SUMMARY_SHEETS.indicators);
  const at = (r: number, c: number) => sheet.cells.find((x) => x.r === r && x.c === c)!;
  const out = new Map<string, { total: LayoutCell; achieved: LayoutCell; ratio: LayoutCell }>();
  for (const cell of sheet.cells) {
    if (cell.c !== 0 || typeof cell.value !== "string") continue;
    const indicator = INDICATORS.find((i) => i.stt === cell.value && String(at(cell.r, 1)?.value).startsWith(i.text));
    if (indicator && !out.has(indicator.id)) out.set(indicator.id, { total: at(cell.r, 3), achieved: at(cell.r, 4), ratio: at(cell.r, 5) });
  }
  return out;
}

describe("the summary's totals and ratios as formulas", () => {
  const merged = summary();
  const layout = buildSummaryWorkbook(merged, DISTRICT);
  const cells = figureCells(layout);

  test("every indicator's ratio is a formula, and its totals are wherever the merge has them; text is never a formula", () => {
    expect(cells.size).toBe(INDICATORS.length);
    for (const s of merged.indicators) {
      const c = cells.get(s.id)!;
      expect(c.ratio.formula).toMatch(/^IF\(AND\(ISNUMBER\(D\d+\),ISNUMBER\(E\d+\)\)/);
      expect(c.ratio.value).toBe(s.ratio ?? "");
      if (s.total === null) expect([c.total.value, c.total.formula]).toEqual([null, undefined]);
      else expect(c.total).toMatchObject({ value: s.total, formula: expect.stringContaining("SUMIFS('Chi tiết đơn vị'!") });
      if (s.achieved !== null) expect(c.achieved).toMatchObject({ value: s.achieved, formula: expect.stringContaining("SUMIFS(") });
    }
    // Unit 3's 1.1 and unit 5's Tổng số of 5 are not counted, as the merge does not count them.
    const u = merged.perUnit;
    expect(merged.indicators.find((i) => i.id === "1.1")!.total).toBe(
      u.reduce((n, x, k) => n + (k === 2 ? 0 : x.values["1.1"]!.total!), 0),
    );
    expect(districtFigures([{ total: 5, achieved: null }, { total: 3, achieved: 2 }], ">=")).toEqual({ total: 3, achieved: 2 });
    expect(districtFigures([{ total: null, achieved: 1 }, { total: 3, achieved: 2 }], "count>=")).toEqual({ total: 3, achieved: 3 });
    for (const sheet of layout.sheets) {
      for (const cell of sheet.cells) if (cell.formula !== undefined) expect(typeof cell.value === "number" || cell.value === "" || cell.value === null).toBe(true);
    }
  });

  test("a figure taken from one unit is summed over that unit's columns only", () => {
    const units = merged.perUnit.map((u) => ({ name: u.unit, level: "co-so" as const }));
    const sources: MergeSource[] = merged.perUnit.map((u, k) => ({
      file: u.file,
      sha256: String(k).padStart(64, "0"),
      report: {
        fileName: u.file,
        unit: { name: u.unit, source: "header" },
        reportDate: "2021-06-20",
        indicators: Object.fromEntries(Object.entries(u.values).map(([id, v]) => [id, entry(v.total, v.achieved)])),
        documents: [],
        issues: [],
      },
    }));
    const one = mergeReports(sources, { units, aggregation: { "6.1": { kind: "unit", unit: "Chi bộ số 4" } } });
    const c = figureCells(buildSummaryWorkbook(one, DISTRICT)).get("6.1")!;
    expect(c.total.value).toBe(merged.perUnit[3]!.values["6.1"]!.total);
    // Unit 4 is the fourth pair: columns I and J of "Chi tiết đơn vị".
    expect(c.total.formula).toContain("'Chi tiết đơn vị'!I");
    expect(c.total.formula).not.toContain("'Chi tiết đơn vị'!C");
  });

  test("both writers store the formulas with their cached results, read back as the merge's figures", async () => {
    for (const bytes of [writeLeanXlsx(layout)!, await writeWorkbookXlsxExcelJS(layout)]) {
      const grid = readWorkbookFile(bytes, "tong-hop.xlsx");
      const sheet = grid.sheets.find((s) => s.name === SUMMARY_SHEETS.indicators)!;
      for (const s of merged.indicators) {
        const c = cells.get(s.id)!;
        const ratio = sheet.rows[c.ratio.r]![c.ratio.c]!;
        expect(ratio.f).toBe(c.ratio.formula);
        expect(ratio.v ?? "").toBe(s.ratio ?? "");
        if (s.total !== null) expect(sheet.rows[c.total.r]![c.total.c]).toMatchObject({ f: c.total.formula, v: s.total });
      }
      const read = readSummaryWorkbook(grid)!;
      expect(read.issues.filter((i) => i.severity === "error")).toEqual([]);
      expect(read.summary.indicators.map((i) => [i.id, i.total, i.achieved, i.ratio])).toEqual(
        merged.indicators.map((i) => [i.id, i.total, i.achieved, i.ratio]),
      );
    }
  });

  const d = SOFFICE && PYTHON_OPENPYXL ? describe : describe.skip;
  d("in openpyxl and LibreOffice", () => {
    let dir = "";
    beforeAll(() => {
      dir = mkdtempSync(join(tmpdir(), "summary-formulas-"));
    });
    afterAll(() => rmSync(dir, { recursive: true, force: true }));

    /** Runs a Python script with openpyxl on `input`, saving to `output` (openpyxl keeps formulas and drops cached results). */
    function python(script: string, input: string, output: string): void {
      const r = spawnSync(PYTHON_OPENPYXL!, ["-W", "error", "-c", script, input, output], { encoding: "utf8" });
      if (r.status !== 0 || r.stderr.trim() !== "") throw new Error(r.stderr);
    }

    /** Values LibreOffice computed for the figure cells, after converting to .xlsx. */
    function recalculated(path: string, outDir: string) {
      const grid = readWorkbookFile(new Uint8Array(readFileSync(convertWithLibreOffice(path, "xlsx", outDir))), "lo.xlsx");
      const sheet = grid.sheets.find((s) => s.name === SUMMARY_SHEETS.indicators)!;
      const v = (cell: LayoutCell) => sheet.rows[cell.r]?.[cell.c]?.v ?? null;
      return new Map([...cells].map(([id, c]) => [id, { total: v(c.total), achieved: v(c.achieved), ratio: v(c.ratio) }]));
    }

    test("openpyxl opens each writer's file without a warning and sees the formulas", async () => {
      for (const [name, bytes] of [["lean", writeLeanXlsx(layout)!], ["exceljs", await writeWorkbookXlsxExcelJS(layout)]] as const) {
        const sheets = readWithOpenpyxl(bytes);
        const s = sheets.find((x) => x.name === SUMMARY_SHEETS.indicators)!;
        const c = cells.get("1.1")!;
        expect({ name, total: s.cells[cellAddress(c.total.r, c.total.c)], ratio: s.cells[cellAddress(c.ratio.r, c.ratio.c)] }).toEqual({
          name,
          total: `=${c.total.formula!}`,
          ratio: `=${c.ratio.formula!}`,
        });
      }
    });

    test("LibreOffice computes from the formulas what the cached results say", async () => {
      const written = join(dir, "tong-hop.xlsx");
      writeFileSync(written, writeLeanXlsx(layout)!);
      // openpyxl saves the formulas without their results: LibreOffice must compute them.
      const bare = join(dir, "khong-ket-qua.xlsx");
      python("import sys, openpyxl\nwb = openpyxl.load_workbook(sys.argv[1])\nwb.save(sys.argv[2])", written, bare);
      const computed = recalculated(bare, join(dir, "lo1"));
      for (const s of merged.indicators) {
        expect({ id: s.id, ...computed.get(s.id)! }).toEqual({
          id: s.id,
          total: s.total,
          achieved: s.achieved,
          // No ratio: the formula's empty text.
          ratio: s.ratio ?? "",
        });
      }
    }, 180_000);

    test("changing a unit's figure in Chi tiết đơn vị and recalculating updates the total and the ratio", () => {
      const written = join(dir, "tong-hop-2.xlsx");
      writeFileSync(written, writeLeanXlsx(layout)!);
      const changed = join(dir, "da-sua.xlsx");
      const perUnit = sheetOf(layout, SUMMARY_SHEETS.perUnit);
      // Unit 2 (columns E, F) on 1.2's row; and unit 3's missing Số đạt of 1.1 given, so its Tổng số now counts.
      const row12 = perUnit.cells.find((c) => c.c === 0 && c.value === "1.2")!.r;
      const row11 = perUnit.cells.find((c) => c.c === 0 && c.value === "1.1")!.r;
      const before12 = merged.perUnit[1]!.values["1.2"]!;
      const before11 = merged.perUnit[2]!.values["1.1"]!;
      const script = [
        "import sys, openpyxl",
        "wb = openpyxl.load_workbook(sys.argv[1])",
        `ws = wb[${JSON.stringify(SUMMARY_SHEETS.perUnit)}]`,
        `ws["${cellAddress(row12, 4)}"] = ${before12.total! + 1000}`,
        `ws["${cellAddress(row12, 5)}"] = ${before12.achieved! + 1000}`,
        `ws["${cellAddress(row11, 7)}"] = 5`,
        "wb.save(sys.argv[2])",
      ].join("\n");
      python(script, written, changed);
      const computed = recalculated(changed, join(dir, "lo2"));
      const s12 = merged.indicators.find((i) => i.id === "1.2")!;
      const total12 = s12.total! + 1000;
      const achieved12 = s12.achieved! + 1000;
      expect(computed.get("1.2")).toEqual({ total: total12, achieved: achieved12, ratio: Math.round((achieved12 * 10000) / total12) / 100 });
      const s11 = merged.indicators.find((i) => i.id === "1.1")!;
      expect(computed.get("1.1")).toMatchObject({ total: s11.total! + before11.total!, achieved: s11.achieved! + 5 });
      // Nothing else moved.
      expect(computed.get("3.1")).toEqual({ total: merged.indicators.find((i) => i.id === "3.1")!.total, achieved: merged.indicators.find((i) => i.id === "3.1")!.achieved, ratio: merged.indicators.find((i) => i.id === "3.1")!.ratio });
    }, 180_000);
  });
});
