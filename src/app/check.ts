/**
 * Kiểm tra / validate: one unit's workbook read by meaning and judged against
 * the targets its "Mục tiêu" sheet sets (Đề án 241's otherwise). Read through
 * the reading facade, the same way a merge reads it.
 */
import { checkUnitWorkbook } from "../domain/check";
import type { WorkbookGrid } from "../domain/model/grid";
import type { Issue } from "../domain/model/issues";
import { makeIssue } from "../domain/rules";
import { readWorkbook, WorkbookReadError } from "../io/read";
import { readOrFail } from "./errors";
import type { InputFile } from "./sources";
import type { CheckResult } from "./usecases";

/** Checks grids already read (the open workbook, or a file's). */
export function checkGrid(grid: WorkbookGrid, name: string): CheckResult {
  return checkUnitWorkbook(grid, name);
}

/** Reads and checks one file; a file that cannot be read throws FileReadError (Vietnamese message naming the file). */
export function checkFile(file: InputFile): CheckResult {
  return checkGrid(readOrFail(file.name, () => readWorkbook(file.bytes, file.name)), file.name);
}

/** One file's check for the CLI: the result, or the issue that says why the file could not be read. */
export type FileCheck = ({ readonly file: string } & Partial<CheckResult>) & { readonly readError?: Issue };

/** Checks the file, named `display` in what is shown; a file that cannot be read gives its read error. */
export function validateFile(file: InputFile, display: string): FileCheck {
  try {
    const check = checkGrid(readWorkbook(file.bytes, file.name), file.name);
    return { file: display, report: check.report, results: check.results, targets: check.targets };
  } catch (error) {
    if (error instanceof WorkbookReadError) {
      return { file: display, readError: makeIssue(error.code, {}, { ...error.params, file: display }) };
    }
    throw error;
  }
}

/** A file that could not even be opened (`detail` says why: missing, a folder, no permission). */
export function unopenedFile(display: string, detail: string): FileCheck {
  return { file: display, readError: makeIssue("not-found", {}, { file: display, detail }) };
}
