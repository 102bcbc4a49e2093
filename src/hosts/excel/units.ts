/**
 * The district's unit list from the open workbook's "Đơn vị" sheet (found by
 * name, without regard to case or diacritics), as a grid: the app's "read
 * unit list" turns it into units, as it does a list in a .csv or .xlsx file.
 *
 * Two syncs: the sheet names, then that sheet's used range (none when there is
 * no such sheet). Looking the name up first, rather than reading through a
 * null object, keeps a missing sheet from failing the request.
 */
import { unitsFromSheet } from "../../app/units";
import type { GridCell, GridSheet } from "../../domain/model/grid";
import { UNITS_SHEET_NAME } from "../../domain/sheets";
import { foldText } from "../../domain/text";
import type { Unit } from "../../domain/units";
import { addressRect, gridCell } from "./read-workbook";

/** The "Đơn vị" sheet as a grid, or null when there is none. */
export async function readUnitsGrid(context: Excel.RequestContext): Promise<GridSheet | null> {
  const worksheets = context.workbook.worksheets;
  worksheets.load("items/name");
  await context.sync();
  const ws = worksheets.items.find((w) => foldText(w.name) === foldText(UNITS_SHEET_NAME));
  if (!ws) return null;
  const used = ws.getUsedRangeOrNullObject(true);
  used.load("address,values,formulas,numberFormat");
  await context.sync();
  const rows: Array<Array<GridCell | undefined> | undefined> = [];
  if (!used.isNullObject) {
    const at = addressRect(used.address);
    used.values.forEach((row, i) =>
      row.forEach((value, j) => {
        const cell = gridCell(value, used.formulas[i]?.[j], used.numberFormat[i]?.[j]);
        if (cell) (rows[at.r1 + i] ??= [])[at.c1 + j] = cell;
      }),
    );
  }
  return { name: ws.name, visibility: "visible", rows, merges: [] };
}

/** The "Đơn vị" sheet's units (with what the built-in list knows of each), or null when there is none. */
export async function readUnitsSheet(context: Excel.RequestContext): Promise<Unit[] | null> {
  const sheet = await readUnitsGrid(context);
  return sheet ? unitsFromSheet(sheet).units : null;
}
