/**
 * A workbook as plain cell grids: what every file reader produces and every
 * domain reader consumes. Knows nothing of file formats or Office.js.
 */

/** A cell's value as stored: text, number, boolean, or a date (already converted from a serial where the file said it is a date). */
export type CellValue = string | number | boolean | Date;

export interface GridCell {
  /** The stored value; for a formula, its cached result (absent when none was saved). */
  readonly v?: CellValue;
  /** The formula without "=", if the cell has one. */
  readonly f?: string;
  /** The text the file shows for the cell (number format applied), when known. */
  readonly w?: string;
  /** The number format code, when known. */
  readonly z?: string;
  /**
   * The length of the text the file holds, when it is longer than a cell may hold
   * (EXCEL_CELL_TEXT): `v` then keeps only its first EXCEL_CELL_TEXT characters.
   */
  readonly fullLength?: number;
}

/** A cell found at a zero-based row and column (undefined when the cell is empty). */
export interface CellRef {
  readonly r: number;
  readonly c: number;
  readonly cell: GridCell | undefined;
  /** The cell's formula, when the file holds no result for it and it could not be worked out here. */
  readonly uncalculated?: string;
}

/** A rectangle of cells, zero-based and inclusive. */
export interface GridRange {
  readonly s: { readonly r: number; readonly c: number };
  readonly e: { readonly r: number; readonly c: number };
}

export interface GridSheet {
  readonly name: string;
  /** "visible", "hidden" or "veryHidden". */
  readonly visibility: "visible" | "hidden" | "veryHidden";
  /** rows[r][c]; missing entries are empty cells. Zero-based. */
  readonly rows: ReadonlyArray<ReadonlyArray<GridCell | undefined> | undefined>;
  readonly merges: readonly GridRange[];
}

export interface WorkbookGrid {
  readonly sheets: readonly GridSheet[];
  /** Defined names (workbook scope), name → formula/reference text, when the format keeps them. */
  readonly names?: Readonly<Record<string, string>>;
}

/** Column letters by zero-based column, worked out once each. */
const COLUMN_LETTERS: string[] = [];

/** The letters of a zero-based column: 0 → "A", 26 → "AA". */
export function columnLetters(c: number): string {
  let col = COLUMN_LETTERS[c];
  if (col === undefined) {
    col = "";
    let n = c + 1;
    while (n > 0) {
      const m = (n - 1) % 26;
      col = String.fromCharCode(65 + m) + col;
      n = Math.floor((n - 1) / 26);
    }
    if (c < 16_384) COLUMN_LETTERS[c] = col;
  }
  return col;
}

/** "A1" address of a zero-based row and column. */
export function cellAddress(r: number, c: number): string {
  return `${columnLetters(c)}${r + 1}`;
}

/** Zero-based row and column of an "A1" address (absolute "$A$1" accepted). */
export function parseAddress(address: string): { r: number; c: number } {
  const m = /^\$?([A-Z]+)\$?(\d+)$/i.exec(address.trim());
  if (!m || Number(m[2]) < 1) throw new Error(`Not an A1 address: ${address}`);
  let c = 0;
  for (const ch of m[1]!.toUpperCase()) c = c * 26 + (ch.charCodeAt(0) - 64);
  return { r: Number(m[2]) - 1, c: c - 1 };
}

/** Excel's sheet size: 1,048,576 rows by 16,384 columns. */
export const MAX_ROWS = 1_048_576;
export const MAX_COLUMNS = 16_384;
/** Excel's limit on the characters of one cell. */
export const EXCEL_CELL_TEXT = 32_767;

function columnNumber(letters: string): number {
  let c = 0;
  for (const ch of letters.toUpperCase()) c = c * 26 + (ch.charCodeAt(0) - 64);
  return c - 1;
}

/**
 * The rectangle of an A1 range, corners ordered: "B2:C3", "B2", "$A$1:$B$2";
 * a sheet prefix ("'Chỉ tiêu'!A1:F31") is ignored; whole rows ("1:1") and
 * whole columns ("A:C") span the sheet. Undefined when the text is not a
 * range or lies outside Excel's sheet size.
 */
export function parseRange(ref: string): GridRange | undefined {
  const local = ref.slice(ref.lastIndexOf("!") + 1).trim();
  const m = /^\$?([A-Z]{0,3})\$?(\d{0,7})(?::\$?([A-Z]{0,3})\$?(\d{0,7}))?$/i.exec(local);
  if (!m) return undefined;
  const [, c1, r1, c2 = c1, r2 = r1] = m as unknown as [string, string, string, string | undefined, string | undefined];
  // Each end is a cell ("B2"), a whole row ("2") or a whole column ("B"), both ends of the same kind.
  const kind = (c: string, r: string): "cell" | "row" | "col" | null => (c && r ? "cell" : r ? "row" : c ? "col" : null);
  const k = kind(c1, r1);
  if (k === null || k !== kind(c2, r2)) return undefined;
  const rows = k === "col" ? [0, MAX_ROWS - 1] : [Number(r1) - 1, Number(r2) - 1];
  const cols = k === "row" ? [0, MAX_COLUMNS - 1] : [columnNumber(c1), columnNumber(c2)];
  const [ra, rb] = rows as [number, number];
  const [ca, cb] = cols as [number, number];
  if (Math.min(ra, rb) < 0 || Math.max(ra, rb) >= MAX_ROWS || Math.min(ca, cb) < 0 || Math.max(ca, cb) >= MAX_COLUMNS) return undefined;
  return { s: { r: Math.min(ra, rb), c: Math.min(ca, cb) }, e: { r: Math.max(ra, rb), c: Math.max(ca, cb) } };
}
