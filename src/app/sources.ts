/**
 * One emailed file in, one merge source out: its SHA-256, the grids read from
 * it under the limits for untrusted files, and the unit report read from
 * those grids. A file that cannot be read becomes a source with an error
 * (code and Vietnamese message naming the file), never an exception.
 */
import type { MergeSource } from "../domain/merge";
import { targetsOfWorkbook } from "../domain/check";
import { readSummaryWorkbook } from "../domain/merge/read-summary";
import { readUnitReport } from "../domain/read";
import { readWorkbook, WorkbookReadError, type ReadLimits } from "../io/read";
import { digestOf, sha256Hex } from "./digest";

export { digestOf, sha256Hex };

export interface InputFile {
  readonly name: string;
  readonly bytes: Uint8Array;
  /** Last-modified time, ISO, when known. */
  readonly lastModified?: string;
  /** SHA-256 of `bytes`, hex, when it was already taken (the task pane hashes a file chosen again before reading it). */
  readonly sha256?: string;
}

export async function readSource(file: InputFile, limits: Partial<ReadLimits> = {}): Promise<MergeSource> {
  const sha256 = await digestOf(file);
  const base = { file: file.name, sha256, ...(file.lastModified !== undefined ? { fileTime: file.lastModified } : {}) };
  try {
    const grid = readWorkbook(file.bytes, file.name, limits);
    const report = readUnitReport(grid, file.name);
    if (report.identity?.kind === "summary") {
      // The units it counted, so their own files given beside it are counted once.
      const included = readSummaryWorkbook(grid)?.summary.received;
      return { ...base, report, ...(included !== undefined ? { includedUnits: included } : {}) };
    }
    const own = targetsOfWorkbook(grid).changed;
    return { ...base, report, ...(own.length > 0 ? { ownTargets: own.map(({ id, target }) => ({ id, target })) } : {}) };
  } catch (error) {
    if (error instanceof WorkbookReadError) return { ...base, error: { code: error.code, message: error.message } };
    throw error;
  }
}
