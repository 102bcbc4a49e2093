/**
 * "Read unit list": the units a district expects, from a file a user gives
 * (the CLI's --units, the page's "Danh sách đơn vị": a .csv or a workbook whose
 * "Đơn vị" sheet, else first visible sheet, names them) or from a sheet
 * already read (the open workbook's "Đơn vị" sheet in Excel). A unit of the
 * built-in Tam Đường list keeps its code, header format and superior line
 * unless the list gives them: every surface gets the same units from the
 * same list. Reading a list from a file's bytes is in ./read-units.ts (it
 * loads the readers; this module stays light for the Excel host).
 */
import { decodeLegacyText } from "../domain/legacy";
import type { GridSheet, WorkbookGrid } from "../domain/model/grid";
import { UNITS_SHEET_NAME } from "../domain/sheets";
import { foldText } from "../domain/text";
import { matchUnit, parseUnitsGrid, TAM_DUONG_UNITS, type Unit } from "../domain/units";
import type { Issue } from "../domain/model/issues";

export interface UnitList {
  readonly units: Unit[];
  /** What was not right in the list (duplicates, an unknown level), with the cell. */
  readonly issues: readonly Issue[];
  /** The sheet the units were read from. */
  readonly sheet: string;
}

/** The sheet of a workbook that holds the unit list: "Đơn vị", else the first visible sheet, else the first. */
export function unitsSheetOf(typed: WorkbookGrid): GridSheet | undefined {
  const grid = decodeLegacyText(typed).grid; // a list typed with a legacy font (TCVN3, VNI) is read in Unicode
  return (
    grid.sheets.find((s) => foldText(s.name) === foldText(UNITS_SHEET_NAME)) ??
    grid.sheets.find((s) => s.visibility === "visible" && !s.name.startsWith("_")) ??
    grid.sheets[0]
  );
}

/** The units of a unit-list sheet, with what the built-in list knows of each. */
export function unitsFromSheet(sheet: GridSheet, known: readonly Unit[] = TAM_DUONG_UNITS): UnitList {
  const parsed = parseUnitsGrid(sheet);
  const units = parsed.units.map((u) => {
    const k = matchUnit(u.name, known);
    if (!k) return u;
    return {
      ...u,
      ...(u.code === undefined && k.code !== undefined ? { code: k.code } : {}),
      ...(k.format ? { format: k.format } : {}),
      ...(k.superior ? { superior: k.superior } : {}),
    };
  });
  return { units, issues: parsed.issues, sheet: sheet.name };
}
