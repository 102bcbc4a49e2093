/**
 * "Convert": a workbook typed with the legacy Vietnamese fonts (TCVN3/ABC,
 * VNI) written again with its text in Unicode. Read through the reading facade,
 * decoded as every reader decodes it (domain/legacy), and written as a plain
 * .xlsx with the same sheets and the values the file shows: formatting,
 * formulas (their results are kept), comments and column widths are not carried over.
 */
import { cellAddress, type GridSheet, type WorkbookGrid } from "../domain/model/grid";
import { decodeLegacyText, type LegacyEncoding, type LegacyFound } from "../domain/legacy";
import type { CellStyle, LayoutCell, SheetLayout, WorkbookLayout } from "../domain/sheets";
import { readWorkbook } from "../io/read";
import { writeWorkbookXlsx } from "../io/write";
import { readOrFail } from "./errors";
import type { InputFile } from "./sources";

export interface ConvertResult {
  /** The .xlsx written. */
  readonly bytes: Uint8Array;
  /** Text cells decoded, by encoding. */
  readonly cells: Readonly<Record<LegacyEncoding, number>>;
  /** The first cell decoded (null when the file had none). */
  readonly found: LegacyFound | null;
  readonly sheets: readonly string[];
}

const FONT = { name: "Times New Roman", size: 12 } as const;
const TEXT: CellStyle = { font: FONT, vertical: "top", locked: true };
const DATE_FORMAT = "dd/mm/yyyy";
/** Excel's serial of 1970-01-01 (the 1900 date system). */
const EPOCH_SERIAL = 25569;

function serialOf(date: Date): number {
  return date.getTime() / 86_400_000 + EPOCH_SERIAL;
}

/** A sheet of the grid as a layout: its values (a formula's result; the formula when no result was saved), number formats and merges. */
function sheetLayout(sheet: GridSheet): SheetLayout {
  const styles: Record<string, CellStyle> = { text: TEXT };
  const styleFor = (format: string | undefined): string => {
    if (format === undefined || format === "General") return "text";
    const key = `fmt:${format}`;
    styles[key] ??= { ...TEXT, numberFormat: format };
    return key;
  };
  const cells: LayoutCell[] = [];
  const widths: number[] = [];
  sheet.rows.forEach((row, r) => {
    row?.forEach((cell, c) => {
      if (!cell) return;
      const v = cell.v;
      let out: LayoutCell | null = null;
      if (typeof v === "string") out = { r, c, value: v, style: "text" };
      else if (typeof v === "number") out = { r, c, value: v, style: styleFor(cell.z) };
      else if (v instanceof Date) out = { r, c, value: serialOf(v), style: styleFor(cell.z ?? DATE_FORMAT) };
      else if (typeof v === "boolean") out = { r, c, value: null, formula: v ? "TRUE()" : "FALSE()", style: "text" };
      else if (cell.f !== undefined) out = { r, c, value: null, formula: cell.f, style: styleFor(cell.z) };
      if (!out) return;
      cells.push(out);
      const shown = (cell.w ?? (typeof v === "string" ? v : String(v ?? ""))).length;
      widths[c] = Math.max(widths[c] ?? 8, Math.min(60, shown + 2));
    });
  });
  return {
    name: sheet.name,
    // A hidden sheet stays hidden.
    visibility: sheet.visibility === "visible" ? "visible" : "veryHidden",
    cells,
    styles,
    merges: sheet.merges.map((m) => `${cellAddress(m.s.r, m.s.c)}:${cellAddress(m.e.r, m.e.c)}`),
    columnWidths: Array.from(widths, (w) => w ?? 8),
    rowHeights: {},
    dataValidations: [],
    conditionalFormats: [],
    inputRanges: [],
  };
}

/** The grid as a workbook layout: the same sheets, in the same order. */
export function gridLayout(grid: WorkbookGrid): WorkbookLayout {
  return { sheets: grid.sheets.map(sheetLayout) };
}

/**
 * Reads the file, decodes its legacy-font text cells to Unicode and writes the
 * result as .xlsx. Throws FileReadError (Vietnamese, naming the file) when the
 * file cannot be read.
 */
export async function convertLegacyFile(file: InputFile): Promise<ConvertResult> {
  const grid = readOrFail(file.name, () => readWorkbook(file.bytes, file.name));
  const decoded = decodeLegacyText(grid);
  const bytes = await writeWorkbookXlsx(gridLayout(decoded.grid));
  return { bytes, cells: decoded.cells, found: decoded.found, sheets: decoded.grid.sheets.map((s) => s.name) };
}
