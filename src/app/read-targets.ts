/**
 * "Read targets": the targets a file sets on its "Mục tiêu" sheet, for the
 * CLI's --targets and the pane's "Tệp mục tiêu".
 */
import { targetsOfWorkbook, type TargetsUsed } from "../domain/check";
import { findTargetsSheet, parseTargetsSheet, TARGETS_SHEET_NAME } from "../domain/targets";
import { isCsvName, readWorkbook } from "../io/read";
import { readOrFail } from "./errors";
import type { InputFile } from "./sources";

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
  // A .csv is the "Mục tiêu" sheet: read as one, then located as every CSV is, by its own sheet (named after the file).
  const csv = isCsvName(file.name) ? read.sheets[0]?.name : undefined;
  const grid = csv !== undefined ? { ...read, sheets: read.sheets.map((s) => ({ ...s, name: TARGETS_SHEET_NAME })) } : read;
  const used = csv !== undefined ? locatedIn(targetsOfWorkbook(grid), csv) : targetsOfWorkbook(grid);
  const sheet = findTargetsSheet(grid);
  const problem = !sheet
    ? `Tệp mục tiêu ${file.name} không có trang "${TARGETS_SHEET_NAME}" (cột Chỉ tiêu, Nội dung, Mục tiêu).`
    : Object.keys(parseTargetsSheet(sheet).targets).length === 0
      ? `Tệp mục tiêu ${file.name} không đặt mục tiêu nào đọc được (trang "${TARGETS_SHEET_NAME}": cột Chỉ tiêu, Nội dung, Mục tiêu).`
      : null;
  return { used, problem };
}

/** What was read of the "Mục tiêu" sheet said of `sheet`, the CSV's own, which has no sheet of that name. */
function locatedIn(used: TargetsUsed, sheet: string): TargetsUsed {
  const own = (at: string | null) => (at === TARGETS_SHEET_NAME ? sheet : at);
  return { ...used, sheet: own(used.sheet), issues: used.issues.map((i) => ({ ...i, sheet: own(i.sheet) })) };
}

/** The targets of a file (see readTargetsFile). */
export function readTargets(file: InputFile): TargetsUsed {
  return readTargetsFile(file).used;
}
