/**
 * Where the sheets of a layout go in a workbook that already has sheets: which
 * existing sheets clash with them (Excel compares sheet names without case)
 * and the names they are kept under ("Chỉ tiêu (cũ 28-11-2026)", at most 31
 * characters). Pure: the date comes from the caller.
 */
import { IDENTITY_SHEET } from "../model/identity";
import type { WorkbookLayout } from "../model/layout";

/** A sheet name as Excel compares it (without case). */
export const foldName = (name: string): string => name.toLocaleLowerCase("vi");

export interface InsertConflict {
  /** The existing sheet with the name of a sheet to insert. */
  readonly name: string;
  /** What it is renamed to when the user confirms ("Chỉ tiêu (cũ 28-11-2026)"). */
  readonly renameTo: string;
}

export interface InsertPlan {
  readonly conflicts: readonly InsertConflict[];
  /** True when the workbook already has an identity sheet, which is replaced (it holds no user data). */
  readonly replacesIdentity: boolean;
}

const MAX_SHEET_NAME = 31;

function dateSuffix(d: Date): string {
  return `${String(d.getDate()).padStart(2, "0")}-${String(d.getMonth() + 1).padStart(2, "0")}-${d.getFullYear()}`;
}

/** Which existing sheets would clash with the layout's sheets, and the names they would be kept under. */
export function planInsert(existingNames: readonly string[], layout: Pick<WorkbookLayout, "sheets">, today: Date): InsertPlan {
  const taken = new Set(existingNames.map((n) => foldName(n)));
  for (const s of layout.sheets) taken.add(foldName(s.name));
  const existing = new Set(existingNames.map((n) => foldName(n)));
  const conflicts: InsertConflict[] = [];
  for (const sheet of layout.sheets) {
    if (sheet.name === IDENTITY_SHEET || !existing.has(foldName(sheet.name))) continue;
    const actual = existingNames.find((n) => foldName(n) === foldName(sheet.name))!;
    let renameTo = "";
    for (let n = 1; ; n++) {
      const suffix = ` (cũ ${dateSuffix(today)}${n > 1 ? ` ${n}` : ""})`;
      renameTo = actual.slice(0, MAX_SHEET_NAME - suffix.length).trimEnd() + suffix;
      if (!taken.has(foldName(renameTo))) break;
    }
    taken.add(foldName(renameTo));
    conflicts.push({ name: actual, renameTo });
  }
  return {
    conflicts,
    replacesIdentity: existingNames.some((n) => foldName(n) === foldName(IDENTITY_SHEET)),
  };
}
