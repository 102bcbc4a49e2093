/**
 * Kiểm tra / validate: one unit's workbook read by meaning and judged against
 * the targets its "Mục tiêu" sheet sets (Đề án 241's otherwise). Read through
 * the reading facade, the same way a merge reads it.
 */
import { checkUnitWorkbook, type TargetsUsed } from "../domain/check";
import type { WorkbookGrid } from "../domain/model/grid";
import type { Issue } from "../domain/model/issues";
import { evaluate, makeIssue } from "../domain/rules";
import { readWorkbook, WorkbookReadError } from "../io/read";
import { throwIfCancelled } from "./cancel";
import { readOrFail } from "./errors";
import { FILE_TIME_LIMIT_MS } from "./limits";
import type { ReadFailure, ReadHooks } from "./read-files";
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

/**
 * A file's check judged again by the targets of a plan given beside the files (the CLI's validate
 * --targets), as a merge judges its sums by them: the unit's own "Mục tiêu" sheet is then not used.
 * A file that could not be read is left as it is.
 */
export function judgedBy(check: FileCheck, targets: TargetsUsed): FileCheck {
  if (!check.report) return check;
  return { ...check, results: evaluate(check.report, targets.targets), targets };
}

/** A file that could not even be opened (`detail` says why: missing, a folder, no permission). */
export function unopenedFile(display: string, detail: string): FileCheck {
  return { file: display, readError: makeIssue("not-found", {}, { file: display, detail }) };
}

/** Where validate checks its files: in this process, or (the CLI) in a worker thread stopped past the time limit. */
export interface FileCheckPort {
  /** Checks one file, named `display` in what is shown; rejects with Cancelled when the signal aborts. */
  check(file: InputFile, display: string, options: { readonly limitMs: number; readonly signal?: AbortSignal | undefined }): Promise<FileCheck | ReadFailure>;
  /** Ends what the port holds (a worker), once the loop is done. */
  close?(): void | Promise<void>;
}

/** Checks in this process (no time limit can stop a synchronous parser here). */
export function inProcessChecker(): FileCheckPort {
  return { check: (file, display) => Promise.resolve(validateFile(file, display)) };
}

/**
 * Checks the files one at a time through the port, under the time limit per file
 * (FILE_TIME_LIMIT_MS unless given), the way a merge reads them: a file stopped past
 * the limit gives the "timeout" rule, one whose reader failed gives "corrupt".
 */
export async function checkFiles(
  port: FileCheckPort,
  files: readonly { readonly file: InputFile; readonly display: string }[],
  hooks: Pick<ReadHooks, "limitMs" | "signal"> = {},
): Promise<FileCheck[]> {
  const limitMs = hooks.limitMs ?? FILE_TIME_LIMIT_MS;
  const checks: FileCheck[] = [];
  try {
    for (const { file, display } of files) {
      throwIfCancelled(hooks.signal);
      const outcome = await port.check(file, display, { limitMs, signal: hooks.signal });
      if (!("failed" in outcome)) checks.push(outcome);
      else if (outcome.failed === "timeout") {
        checks.push({ file: display, readError: makeIssue("timeout", {}, { file: display, seconds: Math.round(limitMs / 1000) }) });
      } else checks.push({ file: display, readError: makeIssue("corrupt", {}, { file: display, detail: outcome.detail }) });
    }
    return checks;
  } finally {
    await port.close?.();
  }
}
