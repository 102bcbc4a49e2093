/** The "Đơn vị" sheet: the district's list of units. */
import type { SheetLayout } from "../model/layout";
import { levelLabel, type Unit } from "../units";
import { rangeAddress, SheetBuilder } from "./builder";
import { PAGE, SHEET_STYLES } from "./styles";

export const UNITS_SHEET_NAME = "Đơn vị";
export const UNITS_HEADERS = ["Tên đơn vị", "Mã", "Cấp", "Thư điện tử"] as const;

/** The district's unit list: one row per unit under "Tên đơn vị, Mã, Cấp, Email". */
export function buildUnitsSheet(units: readonly Unit[]): SheetLayout {
  const widths = [45, 22, 10, 34];
  const b = new SheetBuilder(SHEET_STYLES, widths);
  UNITS_HEADERS.forEach((h, c) => b.set(0, c, h, "th"));
  units.forEach((u, i) => {
    const r = i + 1;
    b.set(r, 0, u.name, "inputText");
    b.set(r, 1, u.code ?? null, "inputTextCenter");
    b.set(r, 2, levelLabel(u.level), "inputTextCenter");
    b.set(r, 3, u.email ?? null, "inputText");
  });
  return {
    name: UNITS_SHEET_NAME,
    visibility: "visible",
    cells: b.list(),
    styles: SHEET_STYLES,
    merges: [],
    columnWidths: widths,
    rowHeights: {},
    dataValidations: [],
    conditionalFormats: [],
    pageSetup: { ...PAGE, orientation: "portrait", printTitleRows: "1:1" },
    inputRanges: units.length > 0 ? [rangeAddress(1, 0, units.length, 3)] : [],
  };
}
