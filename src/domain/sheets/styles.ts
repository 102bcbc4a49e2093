/**
 * What the sheets of a unit's template share: the cell styles by name, the
 * geometry of the two table sheets, the page setup and the protection.
 */
import type { Target } from "../catalogue";
import type { CellStyle, PageSetup, SheetLayout, SheetProtection } from "../model/layout";
import { BODY_SIZE, FONT, rangeAddress, type SheetBuilder, TITLE_SIZE } from "./builder";

/** Where the parts of the two table sheets are (zero-based rows), for renderers, readers and tests. */
export const SHEET_GEOMETRY = {
  /** The table's header row. */
  headerRow: 7,
  /** The first data row. */
  firstDataRow: 8,
  titleRow: 4,
  attachRow: 5,
  /** Rows repeated on every printed page. */
  printTitleRows: "8:8",
} as const;

/** Number formats of a target cell, by the kind of target: the number is the target, the format shows the comparison. */
export const TARGET_FORMATS: Readonly<Record<Target["op"], string>> = {
  ">=": "0%",
  ">": '"Trên "0%',
  "count>=": '"Ít nhất "00',
};

/** Light red fill of a result short of its target. */
export const SHORT_FILL = "FFC7CE";

/** Light yellow fill of the cells a unit types in (every unlocked style): where to type, at a glance and printed. */
export const INPUT_FILL = "FFF2CC";

const font = (extra: Partial<CellStyle["font"]> = {}): CellStyle["font"] => ({ name: FONT, size: BODY_SIZE, ...extra });

/** A style the unit does not type in: locked, without the input fill. */
export function lockedStyle(style: CellStyle): CellStyle {
  const { fill, ...rest } = style;
  return { ...rest, ...(fill !== undefined && fill !== INPUT_FILL ? { fill } : {}), locked: true };
}

/** Every unlocked style gets the input fill. */
function shadeInputs(styles: Record<string, CellStyle>): Readonly<Record<string, CellStyle>> {
  return Object.fromEntries(Object.entries(styles).map(([k, v]) => [k, v.locked ? v : { ...v, fill: INPUT_FILL }]));
}

export const SHEET_STYLES: Readonly<Record<string, CellStyle>> = shadeInputs({
  plain: { font: font(), locked: true },
  headLeft: { font: font(), horizontal: "center", vertical: "middle", wrap: true, locked: true },
  headUnit: { font: font({ bold: true }), horizontal: "center", vertical: "middle", wrap: true, locked: true },
  headRight: { font: font({ bold: true }), horizontal: "center", vertical: "middle", locked: true },
  headRightUnderline: { font: font({ bold: true, underline: true }), horizontal: "center", vertical: "middle", locked: true },
  dateLine: { font: font({ italic: true }), horizontal: "center", vertical: "middle", numberFormat: "@", locked: false },
  title: { font: font({ size: TITLE_SIZE, bold: true }), horizontal: "center", vertical: "middle", wrap: true, locked: true },
  attach: { font: font({ italic: true }), horizontal: "center", vertical: "middle", numberFormat: "@", locked: false },
  th: { font: font({ bold: true }), horizontal: "center", vertical: "middle", wrap: true, border: true, locked: true },
  groupStt: { font: font({ bold: true }), horizontal: "center", vertical: "middle", border: true, locked: true },
  groupText: { font: font({ bold: true }), horizontal: "left", vertical: "middle", wrap: true, border: true, locked: true },
  cellCenter: { font: font(), horizontal: "center", vertical: "middle", wrap: true, border: true, locked: true },
  cellText: { font: font(), horizontal: "left", vertical: "middle", wrap: true, border: true, locked: true },
  inputInt: { font: font(), horizontal: "center", vertical: "middle", border: true, numberFormat: "#,##0", locked: false },
  ratio: { font: font(), horizontal: "center", vertical: "middle", border: true, numberFormat: "0.00", locked: true },
  inputText: { font: font(), horizontal: "left", vertical: "middle", wrap: true, border: true, numberFormat: "@", locked: false },
  inputTextCenter: { font: font(), horizontal: "center", vertical: "middle", wrap: true, border: true, numberFormat: "@", locked: false },
  inputDate: { font: font(), horizontal: "center", vertical: "middle", border: true, numberFormat: "dd/mm/yyyy", locked: false },
  note: { font: font({ italic: true }), horizontal: "left", vertical: "top", wrap: true, locked: true },
  signature: { font: font({ bold: true }), horizontal: "center", vertical: "top", wrap: true, numberFormat: "@", locked: false },
  // Targets: a ratio target is a percentage (0.9 shown "90%"), a count target a whole number; the format prints the comparison.
  targetAtLeast: { font: font(), horizontal: "center", vertical: "middle", border: true, numberFormat: TARGET_FORMATS[">="], locked: false },
  targetAbove: { font: font(), horizontal: "center", vertical: "middle", border: true, numberFormat: TARGET_FORMATS[">"], locked: false },
  targetCount: { font: font(), horizontal: "center", vertical: "middle", border: true, numberFormat: TARGET_FORMATS["count>="], locked: false },
  shownAtLeast: { font: font(), horizontal: "center", vertical: "middle", border: true, numberFormat: TARGET_FORMATS[">="], locked: true },
  shownAbove: { font: font(), horizontal: "center", vertical: "middle", border: true, numberFormat: TARGET_FORMATS[">"], locked: true },
  shownCount: { font: font(), horizontal: "center", vertical: "middle", border: true, numberFormat: TARGET_FORMATS["count>="], locked: true },
});

const PROTECTION = (allowInsertRows: boolean): SheetProtection => ({
  allowFormatCells: true,
  allowFormatColumns: true,
  allowFormatRows: true,
  allowInsertRows,
  allowDeleteRows: false,
  allowSelectLockedCells: true,
  allowSelectUnlockedCells: true,
});

/** A visible, protected sheet from what a builder holds, plus its sheet-specific parts. */
export function protectedSheet(
  name: string,
  b: SheetBuilder,
  parts: Pick<SheetLayout, "dataValidations" | "conditionalFormats" | "pageSetup" | "inputRanges"> & { allowInsertRows: boolean },
): SheetLayout {
  const { allowInsertRows, ...rest } = parts;
  return {
    name,
    visibility: "visible",
    cells: b.list(),
    styles: SHEET_STYLES,
    merges: b.merges,
    columnWidths: b.columnWidths,
    rowHeights: b.rowHeights,
    protection: PROTECTION(allowInsertRows),
    ...rest,
  };
}

export const PAGE: PageSetup = {
  paper: "A4",
  orientation: "landscape",
  fitToWidth: 1,
  fitToHeight: 0,
  margins: { left: 0.7, right: 0.6, top: 0.6, bottom: 0.6, header: 0.3, footer: 0.3 },
  printTitleRows: SHEET_GEOMETRY.printTitleRows,
  horizontalCentered: true,
  footer: "Trang &P / &N",
};

/** The A1 range of column `c` over the rows of `range`. */
export function rowsOf(range: { first: number; last: number }, c: number): string {
  return rangeAddress(range.first, c, range.last, c);
}
