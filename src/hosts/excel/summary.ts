/**
 * Writes a district summary (buildSummaryWorkbook's layout) into the open
 * workbook, safely:
 *  - the sheets an earlier merge wrote are recognised by that merge's identity
 *    sheet (kind "summary", with the list of sheets it wrote); they are kept
 *    as dated copies ("Tổng hợp chỉ tiêu (cũ 28-11-2026)", shortened to 31
 *    characters) and new sheets take their names;
 *  - a sheet of the same name that no merge wrote (the user's own) is never
 *    replaced: it is kept under a new name the same way;
 *  - every other sheet is left alone, including a unit report's identity
 *    sheet (the summary's identity then goes in SUMMARY_IDENTITY_SHEET).
 *
 * Rendering is render-layout's (the same as the .xlsx writer's), cut into row
 * blocks whose estimated request size is at most BLOCK_BYTES, packed into
 * requests of at most BATCH_BYTES (Excel on the web refuses requests over
 * 5 MB). Syncs: 1 for the sheet names, 1 to read identity sheets when there
 * are any, then at most 1 + floor(estimated bytes / BLOCK_BYTES) for the
 * writes (every request but the last holds more than BLOCK_BYTES). Nothing is
 * synced per unit or per row: a district's summary of a few hundred units is
 * written in one request (2 syncs for the first summary, 3 for the next
 * ones); one of a thousand units, measured at about 4.7 MB in all against
 * Microsoft's client, in two requests of at most BATCH_BYTES estimated. A
 * failed write can be run again (see pending.ts).
 */
import { systemClock } from "../../app/clock";
import { IDENTITY_SHEET, parseIdentityRows, type WorkbookIdentity } from "../../domain/model/identity";
import type { LayoutCell, SheetLayout, WorkbookLayout } from "../../domain/sheets";
import { MAX_COLUMNS, parseRange } from "../../domain/model/grid";
import { foldName, type InsertConflict } from "../../domain/sheets/plan-insert";
import { NotASummaryError, planSummary } from "../../domain/sheets/plan-summary";
import { leftovers, loadPending, PendingSheets } from "./pending";
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

export interface WriteSummaryOptions {
  /** The host's highest ExcelApi minor version. */
  readonly apiVersion: number;
  /** The date of the "(cũ …)" suffix (default today). */
  readonly today?: Date;
  readonly blockBytes?: number;
  readonly batchBytes?: number;
}

export interface WriteSummaryResult {
  /** Sheets of an earlier merge that new sheets replaced (their old content is in `copies`). */
  readonly replaced: string[];
  /** The names the earlier merge's sheets are kept under. */
  readonly copies: string[];
  /** Vietnamese notices of features this Excel could not apply. */
  readonly skipped: string[];
  /** The user's own sheets that had a summary sheet's name, and the names they are kept under. */
  readonly renamed: InsertConflict[];
  /** How many syncs the write took (for tests and diagnostics). */
  readonly syncs: number;
}

const fold = foldName;

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

/** Writes the summary; see the module comment for what is replaced and the sync bound. */
export async function writeSummaryLayout(
  context: Excel.RequestContext,
  layout: WorkbookLayout,
  options: WriteSummaryOptions,
): Promise<WriteSummaryResult> {
  if (layout.identity?.kind !== "summary") throw new NotASummaryError();
  const blockBytes = options.blockBytes ?? BLOCK_BYTES;
  const batchBytes = Math.max(options.batchBytes ?? BATCH_BYTES, blockBytes);
  let syncs = 0;
  const sync = async (): Promise<void> => {
    syncs++;
    await context.sync();
  };

  const worksheets = context.workbook.worksheets;
  worksheets.load("items/name");
  const setting = loadPending(context);
  await sync();
  // Plan from what is there now, without the sheets a failed earlier write left half written.
  const all = worksheets.items.map((w) => w.name);
  const left = leftovers(setting, all);
  const existing = all.filter((n) => !left.includes(n));
  // Identity sheets: ours are named IDENTITY_SHEET or start with it.
  const candidates = existing.filter((n) => fold(n).startsWith(fold(IDENTITY_SHEET)));
  const identities: { sheet: string; identity: WorkbookIdentity }[] = [];
  if (candidates.length > 0) {
    const ranges = candidates.map((name) => {
      const range = worksheets.getItem(name).getRange("A1:B50");
      range.load("values");
      return { name, range };
    });
    await sync();
    for (const { name, range } of ranges) {
      const identity = parseIdentityRows(range.values);
      if (identity) identities.push({ sheet: name, identity });
    }
  }

  const plan = planSummary(existing, identities, layout, options.today ?? systemClock.now());
  const pending = new PendingSheets(context);
  const taken = new Set([...all, ...plan.sheets.map((s) => s.name), ...plan.renames.map((r) => r.renameTo)].map(fold));
  pending.setAside(left, taken);
  for (const r of plan.renames) worksheets.getItem(r.name).name = r.renameTo;
  for (const name of plan.deletes) {
    const old = worksheets.getItem(name);
    old.visibility = "Hidden";
    old.delete();
  }
  const added = plan.sheets.map((s) => {
    const ws = worksheets.add(s.name);
    pending.note(s.name);
    return ws;
  });
  pending.deleteAside();
  const skipped = new Set<string>();
  let load = 0;
  for (const [i, sheet] of plan.sheets.entries()) {
    for (const part of splitSheet(sheet, blockBytes)) {
      if (load > 0 && load + part.bytes > batchBytes) {
        await sync();
        load = 0;
      }
      renderSheet(added[i]!, part.layout, options.apiVersion, skipped);
      load += part.bytes;
    }
  }
  const first = plan.sheets.findIndex((s) => s.visibility === "visible");
  if (first >= 0) added[first]!.activate();
  pending.done();
  await sync();
  return {
    replaced: plan.replaced,
    copies: plan.copies,
    skipped: [...skipped],
    renamed: plan.renamed,
    syncs,
  };
}
