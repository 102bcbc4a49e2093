/**
 * Texts longer than a cell may hold, cut where they are read. Excel keeps at most 32,767
 * characters in a cell and every output cuts a longer text there; a file may still hold one of
 * millions (a CSV or a web page has no limit, a hostile .xlsx ignores it). Nothing is read from
 * the rest, and whole it is harmful: the engine's regular expressions run out of stack on a text
 * of some millions of characters, and it would be kept in memory with the report. So the grid
 * keeps the first EXCEL_CELL_TEXT characters of such a text (never half of a surrogate pair) and
 * its full length, which the `text-cut` warning names.
 */
import { EXCEL_CELL_TEXT, type GridCell, type GridSheet, type WorkbookGrid } from "../../domain/model/grid";

function cut(text: string): string {
  const head = text.slice(0, EXCEL_CELL_TEXT);
  const last = head.charCodeAt(head.length - 1);
  // A copy of its own (a slice may keep the whole text alive).
  return (" " + (last >= 0xd800 && last <= 0xdbff ? head.slice(0, -1) : head)).slice(1);
}

function cellCut(cell: GridCell): GridCell {
  const { v, w } = cell;
  const longV = typeof v === "string" && v.length > EXCEL_CELL_TEXT;
  const longW = w !== undefined && w.length > EXCEL_CELL_TEXT;
  if (!longV && !longW) return cell;
  return {
    ...cell,
    ...(longV ? { v: cut(v), fullLength: v.length } : {}),
    ...(longW ? { w: cut(w) } : {}),
  };
}

function isLong(cell: GridCell | undefined): boolean {
  return cell !== undefined && ((typeof cell.v === "string" && cell.v.length > EXCEL_CELL_TEXT) || (cell.w !== undefined && cell.w.length > EXCEL_CELL_TEXT));
}

function sheetCut(sheet: GridSheet): GridSheet {
  if (!sheet.rows.some((row) => row?.some(isLong))) return sheet;
  return { ...sheet, rows: sheet.rows.map((row) => (row?.some(isLong) ? row.map((cell) => (cell === undefined ? cell : cellCut(cell))) : row)) };
}

/** The grid with every text longer than a cell may hold cut to EXCEL_CELL_TEXT characters (the same grid when none is). */
export function withLongTextsCut(grid: WorkbookGrid): WorkbookGrid {
  const sheets = grid.sheets.map(sheetCut);
  return sheets.every((s, k) => s === grid.sheets[k]) ? grid : { ...grid, sheets };
}
