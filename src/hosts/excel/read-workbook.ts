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
 * A unit's workbook fits in the windows, so it is read in 2 syncs. Cells of a
 * large sheet outside its window are read afterwards in row blocks, as many
 * blocks per sync as fit in READ_CELLS_PER_SYNC cells (a few MB of response,
 * under Excel on the web's 5 MB limit): 2 + ceil(cells / READ_CELLS_PER_SYNC)
 * syncs at most for sheets narrower than a block's row budget (every real
 * sheet). The date system is taken to be 1900 (Excel's default). More than
 * MAX_READ_CELLS cells is refused with a Vietnamese message.
 */
import { cellAddress, parseAddress, type CellValue, type GridCell, type GridRange, type GridSheet, type WorkbookGrid } from "../../domain/model/grid";
import { DEFAULT_LIMITS } from "../../io/read/errors";
import { isDateFormat, serialToDate } from "../../domain/number-format";

/** Cells loaded per sync (values, formulas and number formats: about 40 bytes a cell, ~4 MB). */
export const READ_CELLS_PER_SYNC = 100_000;
/** The most cells read from the open workbook: the same limit as for files. */
export const MAX_READ_CELLS = DEFAULT_LIMITS.maxCells;
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
}

interface Rect {
  readonly r1: number;
  readonly c1: number;
  readonly r2: number;
  readonly c2: number;
}

const cellsOf = (r: Rect): number => (r.r2 - r.r1 + 1) * (r.c2 - r.c1 + 1);

/** The rectangle of a range address as Office.js gives it ("'Chỉ tiêu'!A1:F31", "Sheet1!B2"). */
export function addressRect(address: string): Rect {
  const local = address.slice(address.lastIndexOf("!") + 1);
  const [a, b] = local.split(":");
  const s = parseAddress(a!);
  const e = parseAddress(b ?? a!);
  return { r1: s.r, c1: s.c, r2: e.r, c2: e.c };
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

class SheetCells {
  readonly rows: Array<Array<GridCell | undefined> | undefined> = [];
  put(range: Excel.Range): void {
    if (range.isNullObject) return;
    const at = addressRect(range.address);
    const values = range.values;
    const formulas = range.formulas;
    const formats = range.numberFormat;
    values.forEach((row, i) =>
      row.forEach((value, j) => {
        const cell = gridCell(value, formulas[i]?.[j], formats[i]?.[j]);
        if (cell === undefined) return;
        const r = at.r1 + i;
        (this.rows[r] ??= [])[at.c1 + j] = cell;
      }),
    );
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
  return areas.address.split(",").map((part) => {
    const r = addressRect(part.trim());
    return { s: { r: r.r1, c: r.c1 }, e: { r: r.r2, c: r.c2 } };
  });
}

const CELL_PROPERTIES = "address,values,formulas,numberFormat";

export async function readOpenWorkbook(context: Excel.RequestContext, options: ReadWorkbookOptions): Promise<WorkbookGrid> {
  const perSync = options.cellsPerSync ?? READ_CELLS_PER_SYNC;
  const maxCells = options.maxCells ?? MAX_READ_CELLS;
  const worksheets = context.workbook.worksheets;
  worksheets.load("items/name,items/visibility");
  await context.sync(); // 1

  const wanted = options.sheets;
  const sheets = wanted ? worksheets.items.filter((ws) => wanted(ws.name)) : worksheets.items;
  const share = Math.max(WINDOW_COLUMNS, Math.floor(perSync / Math.max(1, sheets.length)));
  const window: Rect = { r1: 0, c1: 0, r2: Math.max(1, Math.floor(share / WINDOW_COLUMNS)) - 1, c2: WINDOW_COLUMNS - 1 };
  const parts = sheets.map((ws) => {
    const used = ws.getUsedRangeOrNullObject(true);
    used.load("address");
    const head = ws.getRange(a1(window)).getUsedRangeOrNullObject(true);
    head.load(CELL_PROPERTIES);
    let merged: Excel.RangeAreas | undefined;
    if (options.apiVersion >= 13) {
      merged = ws.getRange().getMergedAreasOrNullObject();
      merged.load("address");
    }
    return { ws, used, head, merged };
  });
  await context.sync(); // 2

  const cells = parts.map(() => new SheetCells());
  let total = 0;
  const rest: { sheet: number; rect: Rect }[] = [];
  parts.forEach((p, i) => {
    if (p.used.isNullObject) return;
    const used = addressRect(p.used.address);
    total += cellsOf(used);
    cells[i]!.put(p.head);
    for (const rect of outside(used, window)) rest.push({ sheet: i, rect });
  });
  if (total > maxCells) throw new WorkbookTooLargeError(total);

  // The rest in row blocks filling each sync up to `perSync` cells.
  let pending: { sheet: number; range: Excel.Range }[] = [];
  let load = 0;
  const flush = async (): Promise<void> => {
    if (pending.length === 0) return;
    await context.sync();
    for (const p of pending) cells[p.sheet]!.put(p.range);
    pending = [];
    load = 0;
  };
  for (const { sheet, rect } of rest) {
    let remaining: Rect | undefined = rect;
    while (remaining) {
      const width = remaining.c2 - remaining.c1 + 1;
      const room = perSync - load;
      if (room < width && load > 0) {
        await flush();
        continue;
      }
      const [block] = rowBlocks(remaining, Math.max(room, width));
      const range = parts[sheet]!.ws.getRange(a1(block!)).getUsedRangeOrNullObject(true);
      range.load(CELL_PROPERTIES);
      pending.push({ sheet, range });
      load += cellsOf(block!);
      remaining = block!.r2 < remaining.r2 ? { ...remaining, r1: block!.r2 + 1 } : undefined;
    }
  }
  await flush();

  return {
    sheets: parts.map((p, i) => ({
      name: p.ws.name,
      visibility: VISIBILITY[p.ws.visibility] ?? "visible",
      rows: cells[i]!.rows,
      merges: mergesOf(p.merged),
    })),
  };
}
