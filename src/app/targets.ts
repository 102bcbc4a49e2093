/**
 * Which targets a merge judges the district's figures by: a targets file the
 * user picked (the pane's "Tệp mục tiêu", the CLI's --targets) wins over the
 * open workbook's "Mục tiêu" sheet; either counts only when it changes a
 * target of Đề án 241. Null means Đề án 241's own targets.
 */
import { targetsOfWorkbook, type TargetsUsed } from "../domain/check";
import type { TargetSet } from "../domain/catalogue";
import { findTargetsSheet, parseTargetsSheet, TARGETS_SHEET_NAME } from "../domain/targets";
import { isCsvName, readWorkbook } from "../io/read";
import { readOrFail } from "./errors";
import type { InputFile } from "./sources";

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

/** A targets file read: its targets, and why it cannot be used (null when it can). */
export interface TargetsRead {
  readonly used: TargetsUsed;
  /** It has no "Mục tiêu" sheet, or sets no target that can be read. */
  readonly problem: string | null;
}

/**
 * The targets a file sets on its "Mục tiêu" sheet over Đề án 241's (source
 * "de-an-241" with sheet null when it has none); a .csv is that sheet. For
 * the CLI's --targets and the pane's "Tệp mục tiêu". Throws FileReadError
 * when the file cannot be read.
 */
export function readTargetsFile(file: InputFile): TargetsRead {
  const read = readOrFail(file.name, () => readWorkbook(file.bytes, file.name));
  const grid = isCsvName(file.name) ? { ...read, sheets: read.sheets.map((s) => ({ ...s, name: TARGETS_SHEET_NAME })) } : read;
  const used = targetsOfWorkbook(grid);
  const sheet = findTargetsSheet(grid);
  const problem = !sheet
    ? `Tệp mục tiêu ${file.name} không có trang "${TARGETS_SHEET_NAME}" (cột Chỉ tiêu, Nội dung, Mục tiêu).`
    : Object.keys(parseTargetsSheet(sheet).targets).length === 0
      ? `Tệp mục tiêu ${file.name} không đặt mục tiêu nào đọc được (trang "${TARGETS_SHEET_NAME}": cột Chỉ tiêu, Nội dung, Mục tiêu).`
      : null;
  return { used, problem };
}

/** The targets of a file (see readTargetsFile). */
export function readTargets(file: InputFile): TargetsUsed {
  return readTargetsFile(file).used;
}
