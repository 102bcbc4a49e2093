/** Helpers to look at a GridSheet as text: cell text, merged cells, row widths. */
import { type GridCell, type GridRange, type GridSheet } from "../model/grid";
import { cleanText } from "../text";
import { cellText, valueText } from "../values/cell";

/** Text with line breaks kept (for header blocks written in one cell). */
export function cellLines(cell: GridCell | undefined): string[] {
  if (!cell || cell.v === undefined) return [];
  const text = valueText(cell.v);
  // One line (the usual case): no splitting.
  if (text.indexOf("\n") < 0 && text.indexOf("\r") < 0) {
    const line = cleanText(text);
    return line === "" ? [] : [line];
  }
  return text
    .split(/\r\n|\r|\n/)
    .map((l) => cleanText(l))
    .filter((l) => l !== "");
}

/**
 * The most cells of merged areas a sheet's index holds (each area counted up to 201 × 201 cells).
 * A report's merges are a few hundred cells; a sheet of 50,000 rows with a merged pair in each, 100,000.
 */
const MERGE_INDEX_MOST = 1_000_000;

/** Index of merged ranges by their cells, for quick lookup. */
export class SheetView {
  readonly sheet: GridSheet;
  private readonly mergeIndex = new Map<number, GridRange>();
  /** Cleaned cell texts, worked out once per cell (every row is looked at several times). */
  private readonly texts: (string[] | undefined)[] = [];
  private readonly counts: number[] = [];
  readonly width: number;
  readonly height: number;
  /** Per row below the height: merged areas over more than one row covering it, and merged areas starting in it. */
  private mergeRows: { covering: Int32Array; starting: Uint8Array } | undefined;

  constructor(sheet: GridSheet) {
    this.sheet = sheet;
    let width = 0;
    for (const row of sheet.rows) if (row && row.length > width) width = row.length;
    this.height = sheet.rows.length;
    let room = MERGE_INDEX_MOST;
    for (const m of sheet.merges) {
      // Index only the merges that matter (bounded area), so a huge merge cannot blow memory.
      const rows = Math.min(m.e.r, m.s.r + 200);
      const cols = Math.min(m.e.c, m.s.c + 200);
      // And only so many cells in all: a file that declares merges past that (overlapping ones, or
      // whole rows by the hundred thousand) is not a report laid out by hand; the rest are not indexed.
      const cells = (rows - m.s.r + 1) * (cols - m.s.c + 1);
      if (!(cells > 0 && cells <= room)) continue;
      room -= cells;
      for (let r = m.s.r; r <= rows; r++) for (let c = m.s.c; c <= cols; c++) this.mergeIndex.set(r * 65536 + c, m);
      if (m.e.c + 1 > width) width = Math.min(m.e.c + 1, m.s.c + 201);
    }
    this.width = width;
  }

  cell(r: number, c: number): GridCell | undefined {
    return this.sheet.rows[r]?.[c];
  }

  merge(r: number, c: number): GridRange | undefined {
    return this.mergeIndex.get(r * 65536 + c);
  }

  /** The text shown at (r, c): a merged area shows its top-left cell's text. */
  shownText(r: number, c: number): string {
    const m = this.merge(r, c);
    return m ? this.text(m.s.r, m.s.c) : this.text(r, c);
  }

  /** The cleaned text of the cell's own value (cached). */
  text(r: number, c: number): string {
    let row = this.texts[r];
    if (row === undefined) {
      row = [];
      this.texts[r] = row;
    }
    let t = row[c];
    if (t === undefined) {
      t = cellText(this.cell(r, c));
      row[c] = t;
    }
    return t;
  }

  /** Whether (r, c) lies in the same merged area as (r2, c2). */
  sameMerge(r: number, c: number, r2: number, c2: number): boolean {
    const a = this.merge(r, c);
    return a !== undefined && a === this.merge(r2, c2);
  }

  private mergeRowIndex(): { covering: Int32Array; starting: Uint8Array } {
    if (this.mergeRows) return this.mergeRows;
    const h = this.height;
    const covering = new Int32Array(h + 1);
    const starting = new Uint8Array(h);
    for (const m of this.sheet.merges) {
      if (m.s.r < h && m.s.r >= 0 && (m.e.r > m.s.r || m.e.c > m.s.c)) starting[m.s.r] = 1;
      if (m.e.r > m.s.r) {
        // Counted over [max(0, s.r), min(e.r, h - 1)] by differences.
        const from = Math.max(0, m.s.r);
        const to = Math.min(m.e.r, h - 1);
        if (from <= to) {
          covering[from]!++;
          covering[to + 1]!--;
        }
      }
    }
    for (let r = 1; r <= h; r++) covering[r]! += covering[r - 1]!;
    this.mergeRows = { covering, starting };
    return this.mergeRows;
  }

  /** Whether a merged area over more than one row covers row r (r below the height). */
  inTallMerge(r: number): boolean {
    return r >= 0 && r < this.height && this.mergeRowIndex().covering[r]! > 0;
  }

  /** Whether a merged area of more than one cell starts in row r (r below the height). */
  mergeStartsIn(r: number): boolean {
    return r >= 0 && r < this.height && this.mergeRowIndex().starting[r] === 1;
  }

  rowLength(r: number): number {
    return this.sheet.rows[r]?.length ?? 0;
  }

  /** How many cells of a row have text (rowTexts(r).length), counted once per row. */
  textCount(r: number): number {
    let n = this.counts[r];
    if (n === undefined) {
      n = 0;
      const row = this.sheet.rows[r];
      if (row) for (let c = 0; c < row.length; c++) if (row[c] !== undefined && this.text(r, c) !== "") n++;
      this.counts[r] = n;
    }
    return n;
  }

  /** Non-empty cells of a row (texts), own cells only. */
  rowTexts(r: number): { c: number; text: string }[] {
    const row = this.sheet.rows[r];
    const out: { c: number; text: string }[] = [];
    if (!row) return out;
    for (let c = 0; c < row.length; c++) {
      const t = row[c] === undefined ? "" : this.text(r, c);
      if (t !== "") out.push({ c, text: t });
    }
    return out;
  }
}
