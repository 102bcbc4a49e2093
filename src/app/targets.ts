/**
 * Which targets a merge judges the district's figures by: a targets file the
 * user picked (the pane's "Tệp mục tiêu", the CLI's --targets) wins over the
 * open workbook's "Mục tiêu" sheet; either counts only when it changes a
 * target of Đề án 241. Null means Đề án 241's own targets. (Reading a
 * targets file is read-targets.ts, kept apart so the pane loads the readers
 * only when a file is picked.)
 */
import type { TargetsUsed } from "../domain/check";
import type { TargetSet } from "../domain/catalogue";

/** What the merge's targets are named by when they come from the open workbook. */
export const OPEN_WORKBOOK_TARGETS = "sổ làm việc đang mở";

export interface ChosenTargets {
  readonly used: TargetsUsed;
  /** The file name, or OPEN_WORKBOOK_TARGETS. */
  readonly source: string;
}

export function chooseTargets(picked: { readonly name: string; readonly used: TargetsUsed } | null | undefined, workbook: TargetsUsed | null | undefined): ChosenTargets | null {
  if (picked) return picked.used.source === "workbook" ? { used: picked.used, source: picked.name } : null;
  if (workbook?.source === "workbook") return { used: workbook, source: OPEN_WORKBOOK_TARGETS };
  return null;
}

/** The merge options the chosen targets give (none for Đề án 241's). */
export function targetsOptions(chosen: ChosenTargets | null): { targets?: TargetSet; targetsSource?: string } {
  return chosen ? { targets: chosen.used.targets, targetsSource: chosen.source } : {};
}
