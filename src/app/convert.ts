/**
 * "Convert": a workbook typed with the legacy Vietnamese fonts (TCVN3/ABC,
 * VNI) written again with its text in Unicode. Read through the reading facade,
 * decoded as every reader decodes it (domain/legacy), and written as a plain
 * .xlsx with the same sheets and the values the file shows: formatting,
 * formulas (their results are kept), comments and column widths are not carried over.
 */
import { cellAddress, type GridRange, type GridSheet, type WorkbookGrid } from "../domain/model/grid";
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

/** The most cells the merged areas of one converted sheet cover in all (ExcelJS makes an object of each). */
const MERGED_CELLS_MOST = 100_000;
/** The most merged areas of one converted sheet (ExcelJS checks each against every one before it). */
const MERGES_MOST = 10_000;

/**
 * The merged areas a copy of the sheet can carry: each cut to the rows and columns the sheet has
 * cells in (an area past them merges nothing read), of more than one cell, over no area kept before
 * it (Excel never writes such; ExcelJS refuses them) and within MERGED_CELLS_MOST cells and MERGES_MOST areas in all. A
 * file merging A2:XFD1048576 (17 billion cells) or the same area twenty thousand times is no report
 * laid out by hand: what is past the bound is left out, so the copy is written in a moment.
 */
function mergesToKeep(sheet: GridSheet): GridRange[] {
  const lastRow = sheet.rows.length - 1;
  let lastCol = -1;
  for (const row of sheet.rows) if (row && row.length - 1 > lastCol) lastCol = row.length - 1;
  const covered = new Set<number>();
  const kept: GridRange[] = [];
  let room = MERGED_CELLS_MOST;
  // The cells looked at in all, kept or not: areas that each overlap one kept only at their last cell cost no more.
  let work = 4 * MERGED_CELLS_MOST;
  for (const m of sheet.merges) {
    if (kept.length === MERGES_MOST) break;
    const r1 = Math.max(0, m.s.r);
    const c1 = Math.max(0, m.s.c);
    const r2 = Math.min(m.e.r, lastRow);
    const c2 = Math.min(m.e.c, lastCol);
    if (r2 < r1 || c2 < c1 || (r1 === r2 && c1 === c2)) continue;
    const cells = (r2 - r1 + 1) * (c2 - c1 + 1);
    if (cells > room || cells > work) continue;
    work -= cells;
    let free = true;
    for (let r = r1; r <= r2 && free; r++) for (let c = c1; c <= c2 && free; c++) free = !covered.has(r * 16384 + c);
    if (!free) continue;
    for (let r = r1; r <= r2; r++) for (let c = c1; c <= c2; c++) covered.add(r * 16384 + c);
    room -= cells;
    kept.push({ s: { r: r1, c: c1 }, e: { r: r2, c: c2 } });
  }
  return kept;
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
    merges: mergesToKeep(sheet).map((m) => `${cellAddress(m.s.r, m.s.c)}:${cellAddress(m.e.r, m.e.c)}`),
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
