/**
 * A small mutable helper the sheet builders use to collect cells, merges and
 * row heights before freezing them into a SheetLayout.
 */
import { cellAddress } from "../model/grid";
import type { CellStyle, LayoutCell } from "../model/layout";

export const FONT = "Times New Roman";
export const BODY_SIZE = 13;
export const TITLE_SIZE = 14;

/** Height in points of one line of 13 pt Times New Roman, and the cell padding. */
const LINE_HEIGHT = 17;
const PADDING = 4;

/** Zero-based rectangle to "A1:B2". */
export function rangeAddress(r1: number, c1: number, r2: number, c2: number): string {
  const a = cellAddress(r1, c1);
  const b = cellAddress(r2, c2);
  return a === b ? a : `${a}:${b}`;
}

/**
 * How many lines a text takes in a cell `widthChars` wide (greedy word wrap).
 * Column widths count characters of the default 11 pt font; a 13 pt Times
 * New Roman character takes about 0.9 of them (1.0 in bold), rounded up for safety.
 */
export function lineCount(text: string, widthChars: number, style: CellStyle): number {
  const perChar = (style.font.bold ? 1.0 : 0.9) * (style.font.size / BODY_SIZE);
  const capacity = Math.max(4, Math.floor((widthChars - 1) / perChar));
  let lines = 0;
  for (const paragraph of text.split("\n")) {
    let line = 0;
    lines++;
    for (const word of paragraph.split(/\s+/).filter((w) => w !== "")) {
      const len = word.length;
      if (line === 0) line = len;
      else if (line + 1 + len <= capacity) line += 1 + len;
      else {
        lines++;
        line = len;
      }
      while (line > capacity) {
        lines++;
        line -= capacity;
      }
    }
  }
  return Math.max(1, lines);
}

export function heightFor(lines: number, size = BODY_SIZE): number {
  return Math.ceil((lines * LINE_HEIGHT * size) / BODY_SIZE + PADDING);
}

/**
 * The tallest a row of Excel is, in points ("Excel specifications and limits": row height 409
 * points): a text that needs more (a document summary of thousands of characters) is cut there
 * when shown, as in Excel, instead of a height Excel does not take.
 */
export const MAX_ROW_HEIGHT = 409;

export class SheetBuilder {
  /** The cells by row, each row's by column (a cell set again replaces the one before). */
  private readonly rows: (LayoutCell | undefined)[][] = [];
  readonly merges: string[] = [];
  readonly rowHeights: Record<number, number> = {};

  constructor(
    readonly styles: Readonly<Record<string, CellStyle>>,
    readonly columnWidths: readonly number[],
  ) {}

  set(r: number, c: number, value: string | number | null, style: string, formula?: string): void {
    if (!(style in this.styles)) throw new Error(`Unknown style ${style}`);
    if (!(Number.isInteger(r) && Number.isInteger(c) && r >= 0 && c >= 0)) throw new Error(`Not a cell: ${r},${c}`);
    (this.rows[r] ??= [])[c] = formula !== undefined ? { r, c, value, style, formula } : { r, c, value, style };
  }

  /** Writes `value` in the top-left cell, styles every cell of the block (for borders) and merges it. */
  block(r1: number, c1: number, r2: number, c2: number, value: string | number | null, style: string): void {
    for (let r = r1; r <= r2; r++) for (let c = c1; c <= c2; c++) this.set(r, c, r === r1 && c === c1 ? value : null, style);
    if (r1 !== r2 || c1 !== c2) this.merges.push(rangeAddress(r1, c1, r2, c2));
  }

  width(c1: number, c2: number): number {
    let w = 0;
    for (let c = c1; c <= c2; c++) w += this.columnWidths[c] ?? 9;
    return w;
  }

  /** Raises row r's height to fit `text` across columns c1..c2 in `style`, up to the most a row of Excel has (MAX_ROW_HEIGHT). */
  fit(r: number, c1: number, c2: number, text: string, style: string): void {
    const s = this.styles[style]!;
    const h = heightFor(s.wrap ? lineCount(text, this.width(c1, c2), s) : 1, s.font.size);
    this.rowHeights[r] = Math.min(MAX_ROW_HEIGHT, Math.max(this.rowHeights[r] ?? 0, h));
  }

  setHeight(r: number, points: number): void {
    this.rowHeights[r] = Math.min(MAX_ROW_HEIGHT, points);
  }

  /** Every cell, row by row and left to right. */
  list(): LayoutCell[] {
    const out: LayoutCell[] = [];
    for (const row of this.rows) {
      if (row === undefined) continue;
      for (const cell of row) if (cell !== undefined) out.push(cell);
    }
    return out;
  }
}
