/** The very hidden sheet that says what a workbook is (template, version, unit). */
import { IDENTITY_SHEET } from "../model/identity";
import type { SheetLayout } from "../model/layout";
import { SheetBuilder } from "./builder";
import { SHEET_STYLES } from "./styles";

/** The identity sheet: very hidden, key/value rows as text. */
export function buildIdentitySheet(rows: readonly (readonly string[])[]): SheetLayout {
  const b = new SheetBuilder(SHEET_STYLES, [16, 40]);
  rows.forEach((row, r) => row.forEach((v, c) => b.set(r, c, v === "" ? null : v, "plain")));
  return {
    name: IDENTITY_SHEET,
    visibility: "veryHidden",
    cells: b.list(),
    styles: SHEET_STYLES,
    merges: [],
    columnWidths: [16, 40],
    rowHeights: {},
    dataValidations: [],
    conditionalFormats: [],
    inputRanges: [],
  };
}
