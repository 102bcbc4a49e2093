/**
 * The summary's computed cells as formulas that carry their results: the
 * district's Tổng số and Số đã đạt tiêu chuẩn of each indicator, summed over
 * the units' columns of "Chi tiết đơn vị", and the Tỷ lệ (%) from them. A
 * staffer who corrects a unit's figure there, or a total, and recalculates
 * sees the total and the ratio follow; a reader that does not calculate reads
 * the cached results, which are the merge's own figures.
 *
 * The formulas follow the merge's rule (aggregate.ts): a unit counts in an
 * indicator when it gave both figures (for a count target, Số đã đạt alone
 * is enough for Số đã đạt); a figure the merge took from one unit is summed
 * over that unit's columns only. Where what the formula would compute from
 * the written figures differs from the merge's figure (two files of one
 * unit both merged, say), the figure is written as a value, never a formula
 * that would change it on opening.
 */
import type { TargetOp } from "../catalogue";
import { cellAddress, columnLetters } from "../model/grid";
import { foldText } from "../text";
import type { IndicatorSummary, UnitValues } from "../merge/index";

/** The sub-headers of each unit's two columns in "Chi tiết đơn vị". */
export const PER_UNIT_TOTAL = "Tổng số";
export const PER_UNIT_ACHIEVED = "Số đạt";

/** Where the units' figures are in "Chi tiết đơn vị" (zero-based). */
export interface PerUnitGeometry {
  readonly sheet: string;
  /** The row of the "Tổng số | Số đạt" sub-headers. */
  readonly subHeaderRow: number;
  /** The row of each indicator, by id. */
  readonly rows: ReadonlyMap<string, number>;
  /** The column of the first unit's Tổng số; each unit takes two columns. */
  readonly firstColumn: number;
  readonly units: readonly UnitValues[];
}

interface Figures {
  readonly total: number | null;
  readonly achieved: number | null;
}

/** What the formulas compute from the units' written figures (the merge's rule). */
export function districtFigures(values: ReadonlyArray<Figures | undefined>, op: TargetOp): Figures {
  let total: number | null = null;
  let achieved: number | null = null;
  for (const v of values) {
    if (!v) continue;
    const pair = v.total !== null && v.achieved !== null;
    if (pair) total = (total ?? 0) + v.total!;
    if (pair || (op === "count>=" && v.achieved !== null)) achieved = (achieved ?? 0) + v.achieved!;
  }
  return { total, achieved };
}

const quoted = (sheet: string): string => `'${sheet.replace(/'/g, "''")}'`;

/** "'Sheet'!C10:AM10" of zero-based columns c1..c2 on row r, absolute when asked. */
function rowRange(sheet: string, r: number, c1: number, c2: number, absolute = false): string {
  const d = absolute ? "$" : "";
  return `${quoted(sheet)}!${d}${columnLetters(c1)}${d}${r + 1}:${d}${columnLetters(c2)}${d}${r + 1}`;
}

/** The text of a SUMIFS/COUNTIFS criterion. */
const criterion = (text: string): string => `"${text.replace(/"/g, '""')}"`;

export interface DistrictFormulas {
  /** Formula (without "=") and cached result of Tổng số; undefined = write the figure as a value. */
  readonly total?: { readonly formula: string; readonly value: number };
  readonly achieved?: { readonly formula: string; readonly value: number };
}

/**
 * The formulas of an indicator's district Tổng số and Số đã đạt, over the units' columns of
 * "Chi tiết đơn vị": empty text while no unit counts, else SUMIFS over the Tổng số (Số đạt)
 * columns of the units whose other figure is there too. Undefined parts are written as values
 * (an empty cell where the merge has no figure).
 */
export function districtFormulas(s: IndicatorSummary, geometry: PerUnitGeometry): DistrictFormulas {
  const row = geometry.rows.get(s.id);
  if (row === undefined || geometry.units.length === 0) return {};
  let first = 0;
  let last = geometry.units.length - 1;
  if (s.aggregation.kind === "unit") {
    const key = foldText(s.aggregation.unit);
    const k = geometry.units.findIndex((u) => foldText(u.unit) === key);
    if (k < 0 || geometry.units.findIndex((u, j) => j > k && foldText(u.unit) === key) >= 0) return {};
    first = last = k;
  }
  const expected = districtFigures(
    geometry.units.slice(first, last + 1).map((u) => u.values[s.id]),
    s.target.op,
  );
  const c0 = geometry.firstColumn + 2 * first;
  const c1 = geometry.firstColumn + 2 * last;
  const { sheet, subHeaderRow: h } = geometry;
  // Equal ranges one column apart: at each Tổng số column of tRow, aRow holds the same unit's Số đạt.
  const tHead = rowRange(sheet, h, c0, c1, true);
  const aHead = rowRange(sheet, h, c0 + 1, c1 + 1, true);
  const tRow = rowRange(sheet, row, c0, c1);
  const aRow = rowRange(sheet, row, c0 + 1, c1 + 1);
  const T = criterion(PER_UNIT_TOTAL);
  const A = criterion(PER_UNIT_ACHIEVED);
  const pairs = `COUNTIFS(${tHead},${T},${tRow},"<>",${aRow},"<>")=0`;
  const total = `IF(${pairs},"",SUMIFS(${tRow},${tHead},${T},${aRow},"<>"))`;
  const achieved =
    s.target.op === "count>="
      ? `IF(COUNTIFS(${aHead},${A},${aRow},"<>")=0,"",SUMIFS(${aRow},${aHead},${A}))`
      : `IF(${pairs},"",SUMIFS(${aRow},${aHead},${A},${tRow},"<>"))`;
  // A figure the merge has not (no unit counts) stays an empty cell: a formula's empty text would
  // come back as 0 from a summary LibreOffice saved as .xls.
  return {
    ...(s.total !== null && expected.total === s.total ? { total: { formula: total, value: s.total } } : {}),
    ...(s.achieved !== null && expected.achieved === s.achieved ? { achieved: { formula: achieved, value: s.achieved } } : {}),
  };
}

/** Tỷ lệ (%) of a row from its Tổng số and Số đã đạt cells (zero-based r, columns), rounded to 2 decimals as the merge does. */
export function ratioFormula(r: number, totalColumn: number, achievedColumn: number): string {
  const t = cellAddress(r, totalColumn);
  const a = cellAddress(r, achievedColumn);
  return `IF(AND(ISNUMBER(${t}),ISNUMBER(${a})),IF(${t}>0,ROUND(${a}*100/${t},2),""),"")`;
}
