/**
 * Makes inserting sheets safe to run again after a failure. Excel applies a
 * request's actions up to the one that fails and keeps them (no rollback), so
 * a failed insert can leave some new sheets half written. Each sheet added is
 * noted, in the same request right after it, in a document setting that the
 * request's last action deletes: a setting still present when the next
 * insert starts names the sheets a failed one left ("leftovers"). The next
 * insert plans without them (so it does not keep them as "(cũ …)" copies of
 * its own sheets), sets them aside under temporary names and deletes them
 * once its own sheets exist.
 */
import { IDENTITY_SHEET } from "../../domain/model/identity";
import { foldName } from "../../domain/sheets/plan-insert";

/** The document setting naming the sheets an unfinished insert added. */
export const PENDING_SETTING = "de-an-241.pending-sheets";

export { foldName } from "../../domain/sheets/plan-insert";

/** Queues the read of the setting (with the sheet names, in the operation's first sync). */
export function loadPending(context: Excel.RequestContext): Excel.Setting {
  const setting = context.workbook.settings.getItemOrNullObject(PENDING_SETTING);
  setting.load("value");
  return setting;
}

/** The existing sheets (actual names) a failed insert left, by the loaded setting. */
export function leftovers(setting: Excel.Setting, existing: readonly string[]): string[] {
  if (setting.isNullObject) return [];
  let names: unknown;
  try {
    names = typeof setting.value === "string" ? JSON.parse(setting.value) : setting.value;
  } catch {
    return [];
  }
  if (!Array.isArray(names)) return [];
  const noted = new Set(names.filter((n): n is string => typeof n === "string").map(foldName));
  return existing.filter((n) => noted.has(foldName(n)));
}

export class PendingSheets {
  private readonly names: string[] = [];
  private aside: string[] = [];
  constructor(private readonly context: Excel.RequestContext) {}

  /** Notes a sheet this insert has just added (or set aside). */
  note(name: string): void {
    this.names.push(name);
    this.context.workbook.settings.add(PENDING_SETTING, JSON.stringify(this.names));
  }

  /**
   * Renames the leftovers to temporary names no sheet has (`taken`, folded,
   * is every name in use or about to be), freeing their names; `deleteAside`
   * deletes them.
   */
  setAside(leftoverNames: readonly string[], taken: Set<string>): void {
    const worksheets = this.context.workbook.worksheets;
    let n = 0;
    for (const name of leftoverNames) {
      let temp = "";
      do temp = `${IDENTITY_SHEET}_xoa_${++n}`;
      while (taken.has(foldName(temp)));
      taken.add(foldName(temp));
      worksheets.getItem(name).name = temp;
      this.note(temp);
      this.aside.push(temp);
    }
  }

  /** Deletes the sheets set aside (once the new sheets exist, so a visible sheet always remains). */
  deleteAside(): void {
    for (const name of this.aside) {
      const ws = this.context.workbook.worksheets.getItem(name);
      ws.visibility = "Hidden";
      ws.delete();
    }
    this.aside = [];
  }

  /** The insert is complete: the last action of its last request. */
  done(): void {
    if (this.names.length > 0) this.context.workbook.settings.getItem(PENDING_SETTING).delete();
  }
}
