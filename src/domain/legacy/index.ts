/**
 * Workbooks typed with legacy Vietnamese fonts (TCVN3/ABC such as .VnTime, VNI
 * such as VNI-Times): their text cells decoded to Unicode before anything reads
 * the grid by meaning, and the first cell decoded named for the warning.
 */
import { cellAddress, type GridCell, type GridSheet, type WorkbookGrid } from "../model/grid";
import { decodeAlsoUnicode, detectLegacyText, type LegacyEncoding } from "./detect";

export { detectLegacyText, encodeLegacy, LEGACY_ENCODINGS, type LegacyEncoding } from "./detect";
export { decodeTcvn3, encodeTcvn3, TCVN3_CODES } from "./tcvn3";
export { decodeVni, encodeVni } from "./vni";
export { isVietnameseSyllable } from "./syllable";

/** The first cell decoded: where, what it held and what it became. */
export interface LegacyFound {
  readonly encoding: LegacyEncoding;
  readonly sheet: string;
  /** A1 address. */
  readonly cell: string;
  /** The text as stored, shortened. */
  readonly sample: string;
  /** The same text in Unicode, shortened. */
  readonly converted: string;
}

export interface LegacyDecoded {
  /** The grid with its legacy text cells in Unicode (the same object when there were none). */
  readonly grid: WorkbookGrid;
  readonly found: LegacyFound | null;
  /** Cells decoded, by encoding. */
  readonly cells: Readonly<Record<LegacyEncoding, number>>;
}

const SAMPLE_LENGTH = 60;
const shorten = (text: string): string => (text.length > SAMPLE_LENGTH ? `${text.slice(0, SAMPLE_LENGTH - 1)}…` : text);

type Decode = (text: string) => { encoding: LegacyEncoding; text: string } | null;

function decodeCell(cell: GridCell, decode: Decode): { cell: GridCell; encoding: LegacyEncoding; from: string; to: string } | null {
  if (typeof cell.v !== "string") return null;
  const read = decode(cell.v);
  if (!read) return null;
  const w = cell.w === undefined ? undefined : cell.w === cell.v ? read.text : (decode(cell.w)?.text ?? cell.w);
  return { cell: { ...cell, v: read.text, ...(w !== undefined ? { w } : {}) }, encoding: read.encoding, from: cell.v, to: read.text };
}

/** Vietnamese letters beyond Latin-1 (ă, đ, ơ, ạ…): a cell with one is Unicode. */
const UNICODE_VIETNAMESE = /[\u0102-\u01b0\u1ea0-\u1ef9]/;

interface Pass {
  readonly grid: WorkbookGrid;
  readonly found: LegacyFound | null;
  readonly cells: Record<LegacyEncoding, number>;
  /** Text cells typed in Unicode Vietnamese. */
  readonly unicode: number;
}

function decodeGrid(grid: WorkbookGrid, decode: Decode): Pass {
  const cells: Record<LegacyEncoding, number> = { TCVN3: 0, VNI: 0 };
  let unicode = 0;
  let found: LegacyFound | null = null;
  let changed = false;
  const sheets = grid.sheets.map((sheet): GridSheet => {
    let rows: (ReadonlyArray<GridCell | undefined> | undefined)[] | null = null;
    sheet.rows.forEach((row, r) => {
      if (!row) return;
      let out: (GridCell | undefined)[] | null = null;
      row.forEach((cell, c) => {
        if (!cell) return;
        const read = decodeCell(cell, decode);
        if (!read) {
          if (typeof cell.v === "string" && UNICODE_VIETNAMESE.test(cell.v)) unicode++;
          return;
        }
        cells[read.encoding]++;
        found ??= { encoding: read.encoding, sheet: sheet.name, cell: cellAddress(r, c), sample: shorten(read.from), converted: shorten(read.to) };
        out ??= [...row];
        out[c] = read.cell;
      });
      if (out) {
        rows ??= [...sheet.rows];
        rows[r] = out;
      }
    });
    if (!rows) return sheet;
    changed = true;
    return { ...sheet, rows };
  });
  return { grid: changed ? { ...grid, sheets } : grid, found, cells, unicode };
}

function decodeUncached(grid: WorkbookGrid): LegacyDecoded {
  const sure = decodeGrid(grid, (text) => detectLegacyText(text));
  const { TCVN3, VNI } = sure.cells;
  if (TCVN3 + VNI === 0) return { grid, found: null, cells: sure.cells };
  // Read again in the workbook's encoding: a short text that reads in both ("öi a") takes it,
  // and, in a workbook typed in one encoding more than in Unicode, so does a text that reads
  // as Unicode Vietnamese too ("Hé", TCVN3 for "Hộ").
  const main: LegacyEncoding = VNI > TCVN3 ? "VNI" : "TCVN3";
  const alsoUnicode = Math.min(TCVN3, VNI) === 0 && sure.cells[main] > sure.unicode;
  const all = decodeGrid(grid, (text) => {
    const read = detectLegacyText(text, main);
    if (read || !alsoUnicode) return read;
    const decoded = decodeAlsoUnicode(text, main);
    return decoded === null ? null : { encoding: main, text: decoded };
  });
  return { grid: all.grid, found: all.found, cells: all.cells };
}

/** Grids already decoded, and the grids they were decoded into: a grid is decoded once however many readers ask. */
const decoded = new WeakMap<WorkbookGrid, LegacyDecoded>();

/**
 * The grid with every text cell typed in TCVN3 or VNI decoded to Unicode (see
 * ./detect.ts for when a text counts as such), and the first such cell. Pure;
 * remembered by grid, so the unit reader, the targets reader and the unit-list
 * reader share one decoding, and asking again with the decoded grid gives the same answer.
 */
export function decodeLegacyText(grid: WorkbookGrid): LegacyDecoded {
  let result = decoded.get(grid);
  if (!result) {
    result = decodeUncached(grid);
    decoded.set(grid, result);
    decoded.set(result.grid, result);
  }
  return result;
}
