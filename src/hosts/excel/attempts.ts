/**
 * One write's attempts. Below ExcelApi 1.11 a batch refused because the user
 * is editing a cell is run again (runExcel); a write of several requests can
 * be refused after its first requests were applied. The attempt run again
 * must not take what the one before it added for the user's own sheets (kept
 * under dated names and reported as the user's): the sheets this same call
 * added seconds before, before it returned, are taken out first, and the
 * user's sheets it had already renamed are reported once, with the rest.
 * Only within one call: sheets a write that failed left are, to every later
 * call, sheets like any other, never deleted.
 */
import type { InsertConflict } from "../../domain/sheets/plan-insert";

export class WriteAttempts {
  /** Sheets an earlier attempt added, once the request adding them was applied. */
  private readonly added = new Set<string>();
  /** What earlier attempts did that the final result reports (sheets renamed, copies kept, sheets replaced). */
  readonly renamed: InsertConflict[] = [];
  readonly copies: string[] = [];
  readonly replaced: string[] = [];

  /** The sheets of the workbook now that no earlier attempt of this call added. */
  others(existing: readonly string[]): string[] {
    return existing.filter((name) => !this.added.has(name));
  }

  /**
   * Queues taking out the sheets an earlier attempt added that are in the workbook now (a very hidden
   * one made hidden first: Excel deletes no very hidden sheet). Queued with the new sheets' adds, so
   * one request does both or neither.
   */
  takeOutLeftovers(worksheets: Excel.WorksheetCollection, existing: readonly string[]): void {
    for (const name of existing) {
      if (!this.added.has(name)) continue;
      const sheet = worksheets.getItem(name);
      sheet.visibility = "Hidden";
      sheet.delete();
    }
  }

  /** The request adding `sheets` (and renaming, keeping, replacing as said) was applied. */
  applied(sheets: readonly string[], did: { renamed?: readonly InsertConflict[]; copies?: readonly string[]; replaced?: readonly string[] } = {}): void {
    // The earlier attempt's sheets went in the same request.
    this.added.clear();
    for (const name of sheets) this.added.add(name);
    this.renamed.push(...(did.renamed ?? []));
    this.copies.push(...(did.copies ?? []));
    this.replaced.push(...(did.replaced ?? []));
  }
}
