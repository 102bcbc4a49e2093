/**
 * What writing a district summary into a workbook does to its sheets, from
 * the existing sheet names and the identities read from its identity sheets:
 *  - the sheets an earlier merge wrote (listed by its identity, kind
 *    "summary") are kept as dated copies and new sheets take their names;
 *  - a sheet of the same name that no merge wrote (the user's own) is kept
 *    under a new name the same way, never replaced;
 *  - the earlier merge's identity sheet is deleted; the new identity goes in
 *    IDENTITY_SHEET, or SUMMARY_IDENTITY_SHEET when IDENTITY_SHEET holds
 *    another identity (a unit report's).
 * Pure: the date comes from the caller.
 */
import { IDENTITY_SHEET, identityRows, type WorkbookIdentity } from "../model/identity";
import type { SheetLayout, WorkbookLayout } from "../model/layout";
import { foldName, planInsert, type InsertConflict } from "./plan-insert";
import { SUMMARY_SHEETS } from "./summary";
import { buildIdentitySheet } from "./identity";

/** Where a summary's identity goes when IDENTITY_SHEET holds another identity (a unit report's). */
export const SUMMARY_IDENTITY_SHEET = `${IDENTITY_SHEET}_tong_hop`;

export class NotASummaryError extends Error {
  override readonly name = "NotASummaryError";
  constructor() {
    super("Dữ liệu cần ghi không phải là bảng tổng hợp (thiếu thông tin nhận dạng loại “summary”).");
  }
}

const fold = foldName;

export interface SummaryPlan {
  readonly sheets: SheetLayout[];
  readonly renames: InsertConflict[];
  readonly deletes: string[];
  readonly replaced: string[];
  readonly copies: string[];
  readonly renamed: InsertConflict[];
}

/** What to rename, delete and add, from the existing sheets and the identities read from them. */
export function planSummary(
  existing: readonly string[],
  identities: ReadonlyArray<{ sheet: string; identity: WorkbookIdentity }>,
  layout: WorkbookLayout,
  today: Date,
): SummaryPlan {
  if (layout.identity?.kind !== "summary") throw new NotASummaryError();
  const previous = identities.filter((i) => i.identity.kind === "summary");
  const previousIds = new Set(previous.map((p) => fold(p.sheet)));
  const written = new Set(
    previous.flatMap((p) => p.identity.sheets ?? Object.values(SUMMARY_SHEETS)).map(fold).filter((n) => !previousIds.has(n)),
  );
  const names = new Set(existing.map(fold));
  const identitySheet =
    previous[0]?.sheet ?? (names.has(fold(IDENTITY_SHEET)) ? SUMMARY_IDENTITY_SHEET : IDENTITY_SHEET);
  const visible = layout.sheets.filter((s) => s.name !== IDENTITY_SHEET && s.visibility !== "veryHidden");
  const identity: WorkbookIdentity = { ...layout.identity, sheets: visible.map((s) => s.name) };
  const sheets = [...visible, { ...buildIdentitySheet(identityRows(identity)), name: identitySheet }];

  const earlier = existing.filter((n) => written.has(fold(n)));
  const newNames = new Set(sheets.map((s) => fold(s.name)));
  const deletes = existing.filter((n) => previousIds.has(fold(n)));
  const users = existing.filter((n) => newNames.has(fold(n)) && !written.has(fold(n)) && !previousIds.has(fold(n)));
  // planInsert finds the free "(cũ <date>)" names; it only reads the sheets' names.
  const keep = [...earlier, ...users];
  const pseudo = [...keep, ...sheets.map((s) => s.name).filter((n) => !keep.some((k) => fold(k) === fold(n)))];
  const plan = planInsert(
    existing,
    { sheets: pseudo.filter((n) => !previousIds.has(fold(n))).map((name) => ({ name }) as SheetLayout) },
    today,
  );
  const renames = [...plan.conflicts];
  const isEarlier = (n: string): boolean => written.has(fold(n));
  return {
    sheets,
    renames,
    deletes,
    replaced: earlier.filter((n) => newNames.has(fold(n))),
    copies: renames.filter((c) => isEarlier(c.name)).map((c) => c.renameTo),
    renamed: renames.filter((c) => !isEarlier(c.name)),
  };
}
