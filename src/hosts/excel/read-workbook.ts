/**
 * Reads the open workbook into plain cell grids (src/domain/model/grid.ts), the same
 * model the file readers produce, so the domain reader checks the open
 * workbook exactly as it checks a file.
 *
 * Syncs, bounded whatever the workbook holds:
 *  1. the sheets' names and visibility;
 *  2. for every sheet at once: its used range's address and, within a window
 *     of the top-left cells (the window's share of READ_CELLS_PER_SYNC), the
 *     values, formulas and number formats; the merged areas (ExcelApi 1.13).
 *     When Excel refuses this sync it is made again without the merged areas
 *     (Excel refuses them for a range holding more than 512), then with
 *     windows a quarter as tall each time (a response over 5 MB: long
 *     texts); each sheet's merged areas are then read afterwards, one range
 *     per request, halving a range Excel refuses (for a sheet of n merged
 *     areas, about 4·n/512 requests).
 * A unit's workbook fits in the windows, so it is read in 2 syncs. Cells of a
 * large sheet outside its window are read afterwards in row blocks, as many
 * blocks per sync as fit in READ_CELLS_PER_SYNC cells and in RESPONSE_BYTES of
 * response as estimated from the sheet's cells read so far (values and
 * formulas of text cells both carry the text: 100,000 cells of 40-letter
 * Vietnamese texts are about 10 MB, over Excel on the web's 5 MB limit); a
 * refused response is read again in smaller blocks. For short values that is
 * 2 + ceil(cells / READ_CELLS_PER_SYNC) syncs at most for sheets narrower
 * than a block's row budget (every real
 * sheet). The date system is taken to be 1900 (Excel's default). More than
 * MAX_READ_CELLS cells is refused with a Vietnamese message.
 */
import { cellAddress, parseRange, type CellValue, type GridCell, type GridRange, type GridSheet, type WorkbookGrid } from "../../domain/model/grid";
import { DEFAULT_LIMITS } from "../../io/read/errors";
import { isDateFormat, serialToDate } from "../../domain/number-format";

/** Cells loaded per sync at most (values, formulas and number formats of short values: about 30 bytes a cell, ~3 MB). */
export const READ_CELLS_PER_SYNC = 100_000;
/** The most cells read from the open workbook: the same limit as for files. */
export const MAX_READ_CELLS = DEFAULT_LIMITS.maxCells;
/** Response bytes aimed at per sync (Excel on the web refuses responses over 5 MB). */
export const RESPONSE_BYTES = 3_000_000;
/** Columns of the first-sync window (a unit's sheets use about ten). */
export const WINDOW_COLUMNS = 52;

export class WorkbookTooLargeError extends Error {
  override readonly name = "WorkbookTooLargeError";
  constructor(readonly cells: number) {
    super(
      `Sổ làm việc đang mở có ${cells.toLocaleString("vi-VN")} ô trong vùng dữ liệu, vượt giới hạn ` +
        `${MAX_READ_CELLS.toLocaleString("vi-VN")} ô có thể đọc. Hãy xóa các trang tính không cần thiết ` +
        "hoặc kiểm tra bằng tệp đã lưu.",
    );
  }
}

export interface ReadWorkbookOptions {
  /** The host's highest ExcelApi minor version (merged areas need 1.13). */
  readonly apiVersion: number;
  readonly cellsPerSync?: number;
  readonly maxCells?: number;
  /** Only the sheets this accepts (by name); default every sheet. */
  readonly sheets?: (name: string) => boolean;
  /** Only the first this many columns of each sheet (a list read by its first columns); default every column. */
  readonly columns?: number;
}

interface Rect {
  readonly r1: number;
  readonly c1: number;
  readonly r2: number;
  readonly c2: number;
}

const cellsOf = (r: Rect): number => (r.r2 - r.r1 + 1) * (r.c2 - r.c1 + 1);

/** The rectangle of a range address as Office.js gives it ("'Chỉ tiêu'!A1:F31", "Sheet1!B2", "Sheet1!1:1"). */
export function addressRect(address: string): Rect {
  const range = parseRange(address);
  if (!range) throw new Error(`Địa chỉ vùng ô không hợp lệ: ${address}`);
  return { r1: range.s.r, c1: range.s.c, r2: range.e.r, c2: range.e.c };
}

/**
 * The areas of a multi-area address ("Sheet1!A1:B4, Sheet1!D1:D4"), split at
 * the commas outside quoted sheet names ("'Chỉ tiêu, 2021'!A1:B2, …").
 */
export function splitAreas(address: string): string[] {
  const parts: string[] = [];
  let quoted = false;
  let start = 0;
  for (let i = 0; i < address.length; i++) {
    const ch = address[i];
    if (ch === "'") quoted = !quoted; // a doubled quote inside a name toggles twice
    else if (ch === "," && !quoted) {
      parts.push(address.slice(start, i).trim());
      start = i + 1;
    }
  }
  parts.push(address.slice(start).trim());
  return parts.filter((p) => p !== "");
}

/** The merged areas of a RangeAreas address; areas that do not parse are left out. */
export function mergedAreas(address: string): GridRange[] {
  const out: GridRange[] = [];
  for (const part of splitAreas(address)) {
    const range = parseRange(part);
    if (range) out.push(range);
  }
  return out;
}

function a1(rect: Rect): string {
  return `${cellAddress(rect.r1, rect.c1)}:${cellAddress(rect.r2, rect.c2)}`;
}

const VISIBILITY: Readonly<Record<string, GridSheet["visibility"]>> = {
  Visible: "visible",
  Hidden: "hidden",
  VeryHidden: "veryHidden",
};

/** One cell as the domain sees it; undefined for an empty cell. */
export function gridCell(value: unknown, formula: unknown, format: unknown): GridCell | undefined {
  const z = typeof format === "string" && format !== "" && format !== "General" ? format : undefined;
  const f = typeof formula === "string" && formula.startsWith("=") && formula !== value ? formula.slice(1) : undefined;
  let v: CellValue | undefined;
  if (typeof value === "number") v = z !== undefined && isDateFormat(z) ? serialToDate(value, false) : value;
  else if (typeof value === "string" || typeof value === "boolean") v = value;
  if (v === "") v = undefined;
  if (v === undefined && f === undefined) return undefined;
  return { ...(v !== undefined ? { v } : {}), ...(f !== undefined ? { f } : {}), ...(z !== undefined ? { z } : {}) };
}

/** The UTF-8 length of a text, counted without TextEncoder (which EdgeHTML webviews lack). */
function utf8Length(text: string): number {
  let n = 0;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code < 0x80) n += 1;
    else if (code < 0x800) n += 2;
    else if (code >= 0xd800 && code <= 0xdbff && (text.charCodeAt(i + 1) & 0xfc00) === 0xdc00) {
      n += 4;
      i++;
    } else n += 3;
  }
  return n;
}

/** The UTF-8 bytes of a loaded matrix as it came in the response. */
function responseBytes(matrix: unknown): number {
  return utf8Length(JSON.stringify(matrix));
}

class SheetCells {
  readonly rows: Array<Array<GridCell | undefined> | undefined> = [];
  /** Puts the loaded cells; returns about how many bytes of response they took. */
  put(range: Excel.Range): number {
    if (range.isNullObject) return 0;
    const at = addressRect(range.address);
    const values = range.values;
    const formulas = range.formulas;
    const formats = range.numberFormat;
    const bytes = responseBytes(values) + responseBytes(formulas) + responseBytes(formats);
    values.forEach((row, i) =>
      row.forEach((value, j) => {
        const cell = gridCell(value, formulas[i]?.[j], formats[i]?.[j]);
        if (cell === undefined) return;
        const r = at.r1 + i;
        (this.rows[r] ??= [])[at.c1 + j] = cell;
      }),
    );
    return bytes;
  }
}

/** Row blocks of `rect`, none over `cells` cells (at least one row each). */
function rowBlocks(rect: Rect, cells: number): Rect[] {
  const width = rect.c2 - rect.c1 + 1;
  const step = Math.max(1, Math.floor(cells / width));
  const out: Rect[] = [];
  for (let r = rect.r1; r <= rect.r2; r += step) out.push({ ...rect, r1: r, r2: Math.min(rect.r2, r + step - 1) });
  return out;
}

/** The parts of `used` outside `window` (both inside the sheet): below it, then right of it. */
function outside(used: Rect, window: Rect): Rect[] {
  const out: Rect[] = [];
  if (used.r2 > window.r2) out.push({ r1: Math.max(used.r1, window.r2 + 1), c1: used.c1, r2: used.r2, c2: used.c2 });
  const top = used.r1;
  const bottom = Math.min(used.r2, window.r2);
  if (used.c2 > window.c2 && top <= bottom) out.push({ r1: top, c1: Math.max(used.c1, window.c2 + 1), r2: bottom, c2: used.c2 });
  return out;
}

function mergesOf(areas: Excel.RangeAreas | undefined): GridRange[] {
  if (!areas || areas.isNullObject || areas.address === "") return [];
  return mergedAreas(areas.address);
}

/**
 * The merged areas of a sheet's used range, read in requests of one range
 * each: a range Excel refuses (more than 512 merged areas) is halved, by rows
 * while it has more than one, and read again. An area crossing two halves is
 * returned by both and kept once.
 */
async function readMergesInParts(context: Excel.RequestContext, ws: Excel.Worksheet, used: Rect): Promise<GridRange[]> {
  const found = new Map<string, GridRange>();
  const pending: Rect[] = [used];
  while (pending.length > 0) {
    const rect = pending.pop()!;
    const areas = ws.getRange(a1(rect)).getMergedAreasOrNullObject();
    areas.load("address");
    try {
      await context.sync();
    } catch (error) {
      const halves = halve(rect);
      if (!halves) throw error;
      pending.push(...halves);
      continue;
    }
    for (const m of mergesOf(areas)) found.set(`${m.s.r},${m.s.c},${m.e.r},${m.e.c}`, m);
  }
  return [...found.values()].sort((a, b) => a.s.r - b.s.r || a.s.c - b.s.c);
}

/** Two halves of a rectangle (by rows, else by columns); undefined for one cell. */
function halve(rect: Rect): [Rect, Rect] | undefined {
  if (rect.r2 > rect.r1) {
    const mid = Math.floor((rect.r1 + rect.r2) / 2);
    return [{ ...rect, r2: mid }, { ...rect, r1: mid + 1 }];
  }
  if (rect.c2 > rect.c1) {
    const mid = Math.floor((rect.c1 + rect.c2) / 2);
    return [{ ...rect, c2: mid }, { ...rect, c1: mid + 1 }];
  }
  return undefined;
}

const CELL_PROPERTIES = "address,values,formulas,numberFormat";

interface SheetParts {
  readonly ws: Excel.Worksheet;
  readonly used: Excel.Range;
  readonly head: Excel.Range | undefined;
  readonly merged: Excel.RangeAreas | undefined;
}

export async function readOpenWorkbook(context: Excel.RequestContext, options: ReadWorkbookOptions): Promise<WorkbookGrid> {
  const perSync = options.cellsPerSync ?? READ_CELLS_PER_SYNC;
  const maxCells = options.maxCells ?? MAX_READ_CELLS;
  const worksheets = context.workbook.worksheets;
  worksheets.load("items/name,items/visibility");
  await context.sync(); // 1

  const wanted = options.sheets;
  const sheets = wanted ? worksheets.items.filter((ws) => wanted(ws.name)) : worksheets.items;
  if (sheets.length === 0) return { sheets: [] };
  const clip = (rect: Rect): Rect => (options.columns !== undefined ? { ...rect, c2: Math.min(rect.c2, options.columns - 1) } : rect);
  const share = Math.max(WINDOW_COLUMNS, Math.floor(perSync / Math.max(1, sheets.length)));
  const windowColumns = Math.min(WINDOW_COLUMNS, options.columns ?? WINDOW_COLUMNS);
  let window: Rect = { r1: 0, c1: 0, r2: Math.max(1, Math.floor(share / windowColumns)) - 1, c2: windowColumns - 1 };
  const queue = (merges: boolean, head: Rect): SheetParts[] =>
    sheets.map((ws) => {
      const used = ws.getUsedRangeOrNullObject(true);
      used.load("address");
      let headCells: Excel.Range | undefined;
      if (head.r2 >= 0) {
        headCells = ws.getRange(a1(head)).getUsedRangeOrNullObject(true);
        headCells.load(CELL_PROPERTIES);
      }
      let merged: Excel.RangeAreas | undefined;
      if (merges) {
        merged = ws.getRange().getMergedAreasOrNullObject();
        merged.load("address");
      }
      return { ws, used, head: headCells, merged };
    });
  // Sync 2, made again without what Excel refused: the merged areas (a sheet with more than 512), then
  // with windows a quarter as tall each time (a response over 5 MB, with long texts), then none;
  // what is left out is read afterwards.
  let withMerges = options.apiVersion >= 13;
  let parts = queue(withMerges, window);
  for (;;) {
    try {
      await context.sync(); // 2
      break;
    } catch (error) {
      if (withMerges) withMerges = false;
      else if (window.r2 >= 0) window = { ...window, r2: window.r2 > 0 ? Math.floor((window.r2 + 1) / 4) - 1 : -1 };
      else throw error;
      parts = queue(withMerges, window);
    }
  }
  const mergesInParts = options.apiVersion >= 13 && !withMerges;

  const cells = parts.map(() => new SheetCells());
  let total = 0;
  // Response bytes per cell of each sheet: assumed RESPONSE_BYTES / perSync until its cells are read.
  const rate = parts.map(() => RESPONSE_BYTES / perSync);
  const rest: { sheet: number; rect: Rect }[] = [];
  parts.forEach((p, i) => {
    if (p.used.isNullObject) return;
    const used = clip(addressRect(p.used.address));
    if (used.c1 > used.c2) return;
    total += cellsOf(used);
    if (p.head && !p.head.isNullObject) {
      const bytes = cells[i]!.put(p.head);
      if (bytes > 0) rate[i] = Math.max(1, bytes / cellsOf(addressRect(p.head.address)));
    }
    for (const rect of outside(used, window)) rest.push({ sheet: i, rect });
  });
  if (total > maxCells) throw new WorkbookTooLargeError(total);

  // The rest in row blocks, each sync holding at most `perSync` cells and RESPONSE_BYTES as each
  // sheet's cells read so far estimate; a sheet's estimate is doubled when Excel refuses a response.
  const queue2 = [...rest];
  while (queue2.length > 0) {
    const batch: { sheet: number; rect: Rect; range: Excel.Range }[] = [];
    let loadCells = 0;
    let loadBytes = 0;
    while (queue2.length > 0) {
      const { sheet, rect } = queue2[0]!;
      const width = rect.c2 - rect.c1 + 1;
      const room = Math.min(perSync - loadCells, Math.floor((RESPONSE_BYTES - loadBytes) / rate[sheet]!));
      if (room < width && batch.length > 0) break;
      const [block] = rowBlocks(rect, Math.max(room, width));
      if (block!.r2 < rect.r2) queue2[0] = { sheet, rect: { ...rect, r1: block!.r2 + 1 } };
      else queue2.shift();
      const range = parts[sheet]!.ws.getRange(a1(block!)).getUsedRangeOrNullObject(true);
      range.load(CELL_PROPERTIES);
      batch.push({ sheet, rect: block!, range });
      loadCells += cellsOf(block!);
      loadBytes += cellsOf(block!) * rate[sheet]!;
    }
    try {
      await context.sync();
    } catch (error) {
      if (batch.length === 1 && batch[0]!.rect.r1 === batch[0]!.rect.r2) throw error;
      for (const sheet of new Set(batch.map((b) => b.sheet))) rate[sheet] = rate[sheet]! * 2;
      queue2.unshift(...batch.map(({ sheet, rect }) => ({ sheet, rect })));
      continue;
    }
    const seen = new Map<number, { bytes: number; cells: number }>();
    for (const b of batch) {
      const bytes = cells[b.sheet]!.put(b.range);
      const s = seen.get(b.sheet) ?? { bytes: 0, cells: 0 };
      seen.set(b.sheet, { bytes: s.bytes + bytes, cells: s.cells + cellsOf(b.rect) });
    }
    for (const [sheet, s] of seen) if (s.bytes > 0) rate[sheet] = Math.max(1, s.bytes / s.cells);
  }

  const merges: GridRange[][] = [];
  for (const p of parts) {
    merges.push(mergesInParts && !p.used.isNullObject ? await readMergesInParts(context, p.ws, addressRect(p.used.address)) : mergesOf(p.merged));
  }

  return {
    sheets: parts.map((p, i) => ({
      name: p.ws.name,
      visibility: VISIBILITY[p.ws.visibility] ?? "visible",
      rows: cells[i]!.rows,
      merges: merges[i]!,
    })),
  };
}
