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
 * Microsoft's client, in two requests of at most BATCH_BYTES estimated
 * (batches.ts). A failed write can be run again: what it left is kept as
 * dated copies like any earlier sheet, never deleted (within one call, an
 * attempt run again after a cell edit refused it takes out what the attempt
 * before it added: attempts.ts).
 */
import { systemClock } from "../../app/clock";
import { IDENTITY_SHEET, parseIdentityRows, type WorkbookIdentity } from "../../domain/model/identity";
import type { WorkbookLayout } from "../../domain/sheets";
import { foldName, type InsertConflict } from "../../domain/sheets/plan-insert";
import { NotASummaryError, planSummary } from "../../domain/sheets/plan-summary";
import { renderInBatches } from "./batches";
import { WriteAttempts } from "./attempts";


export interface WriteSummaryOptions {
  /** The host's highest ExcelApi minor version. */
  readonly apiVersion: number;
  /** The date of the "(cũ …)" suffix (default today). */
  readonly today?: Date;
  readonly blockBytes?: number;
  readonly batchBytes?: number;
  /** This call's attempts (an attempt run again after a cell edit takes out what the one before added). */
  readonly attempts?: WriteAttempts;
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

/** Writes the summary; see the module comment for what is replaced and the sync bound. */
export async function writeSummaryLayout(
  context: Excel.RequestContext,
  layout: WorkbookLayout,
  options: WriteSummaryOptions,
): Promise<WriteSummaryResult> {
  if (layout.identity?.kind !== "summary") throw new NotASummaryError();
  let syncs = 0;
  const sync = async (): Promise<void> => {
    syncs++;
    await context.sync();
  };

  const worksheets = context.workbook.worksheets;
  worksheets.load("items/name");
  await sync();
  // Plan from what is there now: sheets a failed earlier write left are kept like any other (never deleted),
  // but those an attempt of this same call added are taken out (attempts.ts).
  const attempts = options.attempts ?? new WriteAttempts();
  const inBook = worksheets.items.map((w) => w.name);
  const existing = attempts.others(inBook);
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
  attempts.takeOutLeftovers(worksheets, inBook);
  for (const r of plan.renames) worksheets.getItem(r.name).name = r.renameTo;
  for (const name of plan.deletes) {
    const old = worksheets.getItem(name);
    old.visibility = "Hidden";
    old.delete();
  }
  const added = plan.sheets.map((s) => worksheets.add(s.name));
  const skipped = new Set<string>();
  // The first request of the writes carries the adds, renames and deletes above.
  let first = true;
  const syncWrites = async (): Promise<void> => {
    await sync();
    if (first) attempts.applied(plan.sheets.map((s) => s.name), { renamed: plan.renamed, copies: plan.copies, replaced: plan.replaced });
    first = false;
  };
  await renderInBatches(
    plan.sheets.map((sheet, i) => ({ ws: added[i]!, layout: sheet })),
    { apiVersion: options.apiVersion, skipped, sync: syncWrites, ...(options.blockBytes !== undefined ? { blockBytes: options.blockBytes } : {}), ...(options.batchBytes !== undefined ? { batchBytes: options.batchBytes } : {}) },
  );
  const shown = plan.sheets.findIndex((s) => s.visibility === "visible");
  if (shown >= 0) added[shown]!.activate();
  await syncWrites();
  return {
    replaced: attempts.replaced,
    copies: attempts.copies,
    skipped: [...skipped],
    renamed: attempts.renamed,
    syncs,
  };
}
