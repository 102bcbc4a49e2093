/**
 * The reading work itself, the same in the worker and on the main thread
 * (where there is no Worker: jsdom, Node). Heavy modules load with import().
 */
import type { InputFile } from "../../app/sources";
import type { CheckResult } from "../../app/usecases";
import type { TargetsUsed } from "../../domain/check";
import type { WorkbookGrid } from "../../domain/model/grid";
import type { MergeSource } from "../../domain/merge";

/** Reads the files one by one; `onProgress(done, total, item)` before each file and once at the end. */
export async function readAll(
  files: readonly InputFile[],
  onProgress: (done: number, total: number, item: string) => void,
  aborted: () => boolean = () => false,
): Promise<MergeSource[]> {
  const { readSource } = await import("../../app/sources");
  const sources: MergeSource[] = [];
  for (const [i, file] of files.entries()) {
    if (aborted()) break;
    onProgress(i, files.length, file.name);
    sources.push(await readSource(file));
  }
  if (files.length > 0) onProgress(sources.length, files.length, files[files.length - 1]!.name);
  return sources;
}

/** Reads a unit's workbook by meaning and judges it against the targets its "Mục tiêu" sheet sets (Đề án 241's otherwise). */
export async function checkGrid(grid: WorkbookGrid, name: string): Promise<CheckResult> {
  const { checkUnitWorkbook } = await import("../../domain/check");
  return checkUnitWorkbook(grid, name);
}

/** Reads and checks one file; a file that cannot be read rejects with WorkbookReadError (Vietnamese message naming the file). */
export async function checkBytes(file: InputFile): Promise<CheckResult> {
  const { readWorkbookFile } = await import("../../io/read");
  return checkGrid(readWorkbookFile(file.bytes, file.name), file.name);
}

/** The targets one file sets on its "Mục tiêu" sheet; a file that cannot be read rejects with WorkbookReadError. */
export async function targetsOfBytes(file: InputFile): Promise<TargetsUsed> {
  const [{ readWorkbookFile }, { targetsOfWorkbook }] = await Promise.all([import("../../io/read"), import("../../domain/check")]);
  return targetsOfWorkbook(readWorkbookFile(file.bytes, file.name));
}
