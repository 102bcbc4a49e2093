/**
 * Writing layouts into the open workbook in requests Excel on the web takes
 * (it refuses a request over 5 MB): a sheet is cut into row blocks by the
 * estimated request bytes of rendering them, and the blocks are sent a few
 * at a time, one sync per batch. Used by every write of sheets: the
 * template insert, the Unicode copies of legacy-font sheets, the summary.
 */
import type { LayoutCell, SheetLayout } from "../../domain/sheets";
import { MAX_COLUMNS, parseRange } from "../../domain/model/grid";
import { isTextCell, renderSheet, runFormats, styleRuns } from "./render-layout";

/** Estimated request bytes of one row block of a sheet. */
export const BLOCK_BYTES = 2_000_000;
/**
 * Estimated request bytes of one sync. Through Excel.run the client adds a keep-reference action for
 * every range a batch makes, which the estimate does not count (measured about 1.21 × the estimate on a
 * summary of 1,000 units): 3.5 MB estimated stays under Excel on the web's 5 MB with room to spare.
 */
export const BATCH_BYTES = 3_500_000;

/**
 * Request bytes of the Office.js actions: each property set or call is an
 * action of about 100 bytes plus object paths of about 80. Measured against
 * Microsoft's client (test/hosts/excel/office-client), parts of a district
 * summary serialize to between 0.15 and 1.45 times these sums, so they are
 * counted MARGIN times: an estimate is then never below the measured size.
 */
const MARGIN = 1.6;

const COST = {
  styleRun: 4_000,
  cell: 6,
  formula: 120,
  formulaRun: 400,
  merge: 300,
  rowHeight: 300,
  columnWidth: 300,
  validation: 1_500,
  conditional: 1_000,
  pageSetup: 3_000,
  protection: 600,
  sheet: 600,
} as const;

/** The estimated request bytes of rendering the rows [from, to) of a sheet, row by row, for splitting. */
function rowCosts(sheet: SheetLayout): { rows: number[]; first: number; startAt: (r: number) => number; costs: Map<number, number> } {
  const cols = sheet.cells.reduce((m, c) => Math.max(m, c.c), 0) + 1;
  const costs = new Map<number, number>();
  const add = (r: number, bytes: number): void => {
    costs.set(r, (costs.get(r) ?? 0) + bytes * MARGIN);
  };
  const byRow = new Map<number, LayoutCell[]>();
  for (const cell of sheet.cells) {
    const list = byRow.get(cell.r) ?? [];
    list.push(cell);
    byRow.set(cell.r, list);
  }
  for (const [r, cells] of byRow) {
    add(r, cols * COST.cell);
    for (const cell of cells) {
      if (cell.formula !== undefined) add(r, COST.formula + cell.formula.length);
      else if (typeof cell.value === "string") add(r, JSON.stringify(cell.value).length);
      else if (typeof cell.value === "number") add(r, String(cell.value).length);
    }
    if (cells.some((c) => c.formula !== undefined)) add(r, COST.formulaRun);
  }
  // A style rectangle costs its actions once per block it appears in, and its number formats per cell.
  // Text cells are given "@" in their run's number formats, the other cells of such a run the style's format or "General".
  const text = new Set(sheet.cells.filter(isTextCell).map((c) => c.r * MAX_COLUMNS + c.c));
  const runs = styleRuns(sheet.cells);
  const open = new Map<number, number>();
  for (const run of runs) {
    add(run.r1, COST.styleRun);
    const style = sheet.styles[run.style];
    const formats = style ? runFormats(run, style, text) : undefined;
    formats?.forEach((row, i) => add(run.r1 + i, row.reduce((n, f) => n + JSON.stringify(f).length + 1, 0)));
    for (let r = run.r1 + 1; r <= run.r2; r++) open.set(r, (open.get(r) ?? 0) + COST.styleRun * MARGIN);
  }
  for (const merge of sheet.merges) add(mergeLastRow(merge), COST.merge);
  for (const row of Object.keys(sheet.rowHeights)) add(Number(row), COST.rowHeight);
  const rows = [...new Set([...costs.keys()])].sort((a, b) => a - b);
  const first =
    MARGIN *
    (COST.sheet +
    sheet.columnWidths.length * COST.columnWidth +
    sheet.dataValidations.length * COST.validation +
    sheet.conditionalFormats.length * COST.conditional +
    (sheet.pageSetup ? COST.pageSetup : 0) +
    (sheet.protection ? COST.protection : 0));
  return { rows, first, startAt: (r) => open.get(r) ?? 0, costs };
}

function mergeLastRow(merge: string): number {
  const range = parseRange(merge);
  if (!range) throw new Error(`Vùng gộp ô không hợp lệ: ${merge}`);
  return range.e.r;
}

export interface SheetPart {
  readonly layout: SheetLayout;
  readonly bytes: number;
}

/**
 * Cuts a sheet into row blocks of at most `blockBytes` estimated request
 * bytes (a single row over the limit is a block of its own). The first block
 * carries the column widths, validation, conditional formats and page setup;
 * the last the visibility and protection; each merge goes with its last row.
 */
export function splitSheet(sheet: SheetLayout, blockBytes: number = BLOCK_BYTES): SheetPart[] {
  const { rows, first, startAt, costs } = rowCosts(sheet);
  const ranges: { from: number; to: number; bytes: number }[] = [];
  let current: { from: number; to: number; bytes: number } | undefined;
  for (const r of rows) {
    const cost = costs.get(r) ?? 0;
    if (current && current.bytes + cost <= blockBytes) {
      current.to = r;
      current.bytes += cost;
    } else {
      current = { from: r, to: r, bytes: cost + startAt(r) + (ranges.length === 0 ? first : 0) };
      ranges.push(current);
    }
  }
  if (ranges.length === 0) ranges.push({ from: 0, to: -1, bytes: first });
  return ranges.map((range, i) => {
    const isFirst = i === 0;
    const isLast = i === ranges.length - 1;
    const inRange = (r: number): boolean => r >= range.from && r <= range.to;
    const { pageSetup, protection, ...rest } = sheet;
    const part: SheetLayout = {
      ...rest,
      visibility: isLast ? sheet.visibility : "visible",
      cells: sheet.cells.filter((c) => inRange(c.r)),
      merges: sheet.merges.filter((m) => inRange(mergeLastRow(m))),
      rowHeights: Object.fromEntries(Object.entries(sheet.rowHeights).filter(([r]) => inRange(Number(r)))),
      columnWidths: isFirst ? sheet.columnWidths : [],
      dataValidations: isFirst ? sheet.dataValidations : [],
      conditionalFormats: isFirst ? sheet.conditionalFormats : [],
      ...(isFirst && pageSetup ? { pageSetup } : {}),
      ...(isLast && protection ? { protection } : {}),
    };
    return { layout: part, bytes: range.bytes };
  });
}

/**
 * Renders each sheet into its worksheet (added, not yet synced), in row blocks of at most
 * `blockBytes` estimated, syncing whenever the next block would take the request past `batchBytes`;
 * what is left is for the caller's last sync (with its own last actions).
 */
export async function renderInBatches(
  sheets: readonly { readonly ws: Excel.Worksheet; readonly layout: SheetLayout }[],
  options: { readonly apiVersion: number; readonly skipped: Set<string>; readonly sync: () => Promise<void>; readonly blockBytes?: number; readonly batchBytes?: number },
): Promise<void> {
  const blockBytes = options.blockBytes ?? BLOCK_BYTES;
  const batchBytes = Math.max(options.batchBytes ?? BATCH_BYTES, blockBytes);
  let load = 0;
  for (const { ws, layout } of sheets) {
    for (const part of splitSheet(layout, blockBytes)) {
      if (load > 0 && load + part.bytes > batchBytes) {
        await options.sync();
        load = 0;
      }
      renderSheet(ws, part.layout, options.apiVersion, options.skipped);
      load += part.bytes;
    }
  }
}
