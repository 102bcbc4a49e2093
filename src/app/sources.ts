/**
 * One emailed file in, one merge source out: its SHA-256, the grids read from
 * it under the limits for untrusted files, and the unit report read from
 * those grids. A file that cannot be read becomes a source with an error
 * (code and Vietnamese message naming the file), never an exception.
 */
import type { MergeSource } from "../domain/merge";
import { readUnitReport } from "../domain/read";
import { readWorkbookFast } from "../io/lean";
import { WorkbookReadError, type ReadLimits } from "../io/read";

export interface InputFile {
  readonly name: string;
  readonly bytes: Uint8Array;
  /** Last-modified time, ISO, when known. */
  readonly lastModified?: string;
}

/** SHA-256 of the bytes as lowercase hex (Web Crypto: the same in Node 20 and browsers). */
export async function sha256Hex(bytes: Uint8Array): Promise<string> {
  const digest = await globalThis.crypto.subtle.digest("SHA-256", bytes as Uint8Array<ArrayBuffer>);
  return [...new Uint8Array(digest)].map((b) => b.toString(16).padStart(2, "0")).join("");
}

export async function readSource(file: InputFile, limits: Partial<ReadLimits> = {}): Promise<MergeSource> {
  const sha256 = await sha256Hex(file.bytes);
  const base = { file: file.name, sha256, ...(file.lastModified !== undefined ? { fileTime: file.lastModified } : {}) };
  try {
    const grid = readWorkbookFast(file.bytes, file.name, limits);
    return { ...base, report: readUnitReport(grid, file.name) };
  } catch (error) {
    if (error instanceof WorkbookReadError) return { ...base, error: { code: error.code, message: error.message } };
    throw error;
  }
}
