/**
 * Figures written as formulas by programs that do not calculate them: the result is worked out
 * when the formula is simple, and a cell with no result that cannot be worked out says so.
 */
import type { CellValue, GridCell } from "../../src/domain/model/grid";
import { parseAddress } from "../../src/domain/model/grid";
import { readUnitReport } from "../../src/domain/read";
import { evaluateFormula, formulaResult } from "../../src/domain/values/formula";
import { GOOD_FIGURES, goodFigures, INDICATOR_HEADER, indicatorBody } from "../fixtures/official";
import type { SpecCell } from "../fixtures/sheet-spec";
import { specToGrid } from "../fixtures/sheet-spec";

describe("evaluateFormula", () => {
  const cells: Record<string, GridCell> = {
    D9: { v: 1240 },
    D10: { v: 10 },
    D11: { f: "D9+D10" },
    D12: { v: "1.219" },
    D13: { f: "D13" },
    D14: { v: 0, f: "D9*2" },
  };
  const at = (r: number, c: number): GridCell | undefined =>
    Object.entries(cells).find(([ref]) => {
      const p = parseAddress(ref);
      return p.r === r && p.c === c;
    })?.[1];

  it.each<[string, number | undefined]>([
    ["D9", 1240],
    ["=$D$9", 1240],
    ["D9+D10*2", 1260],
    ["(D9-D10)/2", 615],
    ["-D9+7", -1233],
    ["SUM(D9:D11)", 2500],
    ["sum(D9, D10, 5)", 1255],
    ["D14", 2480],
    ["D1", 0],
    ["7+7", 14],
  ])("%s = %p", (formula, value) => {
    expect(evaluateFormula(formula, at)).toBe(value);
  });

  it.each([["D12+1"], ["D13"], ["ROUND(D9,0)"], ["D9/0"], ["'Trang 2'!D9"], ["A0"], ["D9+"], ["SUM(A1:Z1000)"], ["D9 D10"]])("%s is not worked out", (formula) => {
    expect(evaluateFormula(formula, at)).toBeUndefined();
  });

  it("shows one cell alone as it is: a number typed as text stays that text", () => {
    expect(formulaResult("=D12", at)).toBe("1.219");
    expect(formulaResult("D11", at)).toBe(1250);
    expect(formulaResult("D2", at)).toBe(0);
  });
});

describe("figures written as formulas", () => {
  function read(edit: (row: SpecCell[], households: number) => SpecCell[]) {
    const body = indicatorBody(goodFigures());
    const households = 2 + body.findIndex((row) => row[0] === "1.3");
    const rows = [INDICATOR_HEADER as SpecCell[], ...body.map((row) => edit(row, households))];
    return readUnitReport(specToGrid({ sheets: [{ name: "S", rows }] }), "bao-cao.xlsx");
  }
  const figures = (r: ReturnType<typeof read>, id: string): [number | null, number | null] => [r.indicators[id]?.total ?? null, r.indicators[id]?.achieved ?? null];
  const formula = (f: string, v?: CellValue): SpecCell => (v === undefined ? { f } : { f, v });

  it("are worked out when the file holds no result (openpyxl) or 0 (XlsxWriter, Spreadsheet::WriteExcel)", () => {
    for (const stored of [undefined, 0]) {
      const r = read((row, h) => (row[0] === "3.1" ? [row[0], row[1], row[2], formula(`D${h}`, stored), formula(`D${h}-50`, stored), null] : row));
      expect(figures(r, "3.1")).toEqual([GOOD_FIGURES["1.3"]!.total, GOOD_FIGURES["1.3"]!.total - 50]);
      expect(r.issues.filter((i) => i.severity === "error")).toEqual([]);
    }
  });

  it("keep what Excel stored for a formula too complex to work out, and say so when it stored nothing", () => {
    const stored = read((row) => (row[0] === "1.1" ? [row[0], row[1], row[2], formula('SUMIF(A1:A9,"x",D1:D9)', 45), 45, null] : row));
    expect(figures(stored, "1.1")).toEqual([45, 45]);
    expect(stored.issues.map((i) => i.rule)).not.toContain("formula-not-calculated");
    const none = read((row) => (row[0] === "1.1" ? [row[0], row[1], row[2], formula('SUMIF(A1:A9,"x",D1:D9)'), 45, null] : row));
    expect(figures(none, "1.1")).toEqual([null, 45]);
    expect(none.issues.filter((i) => i.rule === "formula-not-calculated").map((i) => [i.indicator, i.cell, i.severity])).toEqual([["1.1", "D3", "warning"]]);
  });
});
