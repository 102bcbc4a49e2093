/**
 * The district's unit list from the open workbook's "Đơn vị" sheet (found by
 * name, without regard to case or diacritics), as a grid: the app's "read
 * unit list" turns it into units, as it does a list in a .csv or .xlsx file.
 *
 * Read as the open workbook is read for a check (read-workbook.ts), limited to
 * that sheet: in blocks whose responses stay under Excel on the web's limit,
 * so a stray note far below the list costs more syncs, never a refused
 * response.
 */
import { unitsFromSheet } from "../../app/units";
import type { GridSheet } from "../../domain/model/grid";
import { UNITS_SHEET_NAME } from "../../domain/sheets";
import { foldText } from "../../domain/text";
import type { Unit } from "../../domain/units";
import { readOpenWorkbook } from "./read-workbook";

/** The columns of "Đơn vị" read: its list (name, code, level, email and a few more) is in the first ones. */
const LIST_COLUMNS = 16;

/** The "Đơn vị" sheet as a grid, or null when there is none. */
export async function readUnitsGrid(context: Excel.RequestContext): Promise<GridSheet | null> {
  // Merged areas are not needed for a list (apiVersion 0 leaves them out), nor columns past its own few.
  const book = await readOpenWorkbook(context, { apiVersion: 0, columns: LIST_COLUMNS, sheets: (name) => foldText(name) === foldText(UNITS_SHEET_NAME) });
  const sheet = book.sheets[0];
  return sheet ? { ...sheet, visibility: "visible" } : null;
}

/** The "Đơn vị" sheet's units (with what the built-in list knows of each), or null when there is none. */
export async function readUnitsSheet(context: Excel.RequestContext): Promise<Unit[] | null> {
  const sheet = await readUnitsGrid(context);
  return sheet ? unitsFromSheet(sheet).units : null;
}
