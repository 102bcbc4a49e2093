/**
 * Text longer than one cell may hold. Excel keeps at most 32,767 characters in
 * a cell, and every output (the summary, a converted workbook) cuts a longer
 * text there (io/write/safe-cell.ts). The cut is said, never silent: a
 * `text-cut` warning names the file and the cell of each such text in the
 * tables read.
 */
import { cellAddress, EXCEL_CELL_TEXT, type WorkbookGrid } from "../model/grid";
import type { Issue } from "../model/issues";
import { makeIssue } from "../rules/messages";

/**
 * A `text-cut` warning for each text cell longer than Excel's limit in the given rows of each
 * sheet (by sheet index; every row of every sheet when `rows` is undefined).
 */
export function longTextIssues(grid: WorkbookGrid, fileName: string, rows?: ReadonlyMap<number, ReadonlySet<number>>): Issue[] {
  const out: Issue[] = [];
  grid.sheets.forEach((sheet, index) => {
    const only = rows?.get(index);
    if (rows && !only) return;
    sheet.rows.forEach((row, r) => {
      if (!row || (only && !only.has(r))) return;
      row.forEach((cell, c) => {
        const v = cell?.v;
        if (typeof v !== "string") return;
        // A reader keeps only a cell's worth of a longer text, and says how long it was.
        const length = Math.max(v.length, cell?.fullLength ?? 0);
        if (length <= EXCEL_CELL_TEXT) return;
        const at = cellAddress(r, c);
        out.push(makeIssue("text-cut", { sheet: sheet.name, cell: at }, { file: fileName, sheet: sheet.name, cell: at, length, limit: EXCEL_CELL_TEXT }));
      });
    });
  });
  return out;
}
