import type { ReadErrorCode } from "../../domain/model/issues";
import { messageFor } from "../../domain/rules/messages";

/** A file that cannot be read at all: a stable code and a Vietnamese message naming the file and the reason. */
export class WorkbookReadError extends Error {
  override readonly name = "WorkbookReadError";
  readonly code: ReadErrorCode;
  readonly fileName: string;
  readonly params: Readonly<Record<string, string | number | null>>;

  constructor(code: ReadErrorCode, fileName: string, params: Readonly<Record<string, string | number | null>> = {}) {
    const all = { file: fileName, ...params };
    super(messageFor(code, all));
    this.code = code;
    this.fileName = fileName;
    this.params = all;
  }
}

export interface ReadLimits {
  /** Largest file accepted, in bytes. */
  readonly maxFileBytes: number;
  /** Largest total of inflated bytes over all zip entries. */
  readonly maxInflatedBytes: number;
  /** Largest inflated size of one zip entry. */
  readonly maxEntryBytes: number;
  /** Most zip entries. */
  readonly maxEntries: number;
  /** Rows read per sheet. */
  readonly maxRows: number;
  /** Cells over the whole workbook. */
  readonly maxCells: number;
  /** Most inflated bytes per compressed byte, for entries inflating past 4 MB. */
  readonly maxCompressionRatio: number;
}

/** Excel's sheet: 16,384 columns (A to XFD) by 1,048,576 rows. A cell outside it is refused wherever it is met. */
export const EXCEL_COLUMNS = 16_384;
export const EXCEL_ROWS = 1_048_576;

export const DEFAULT_LIMITS: ReadLimits = {
  maxFileBytes: 20 * 1024 * 1024,
  maxInflatedBytes: 200 * 1024 * 1024,
  maxEntryBytes: 100 * 1024 * 1024,
  maxEntries: 10000,
  maxRows: 50000,
  maxCells: 2_000_000,
  maxCompressionRatio: 200,
};

/**
 * Why a compressed entry did not inflate, for a reason's detail. The inflater's own text (zlib's,
 * fflate's, unrar's) is English and technical, and cannot tell damage from a cut: damaged data
 * often ends as "unexpected EOF". So one plain phrase for both.
 */
export const INFLATE_FAILED = "dữ liệu nén bị hỏng hoặc không trọn vẹn";

/**
 * What a library's failure on a broken file says, in parentheses for a reason's detail: its message,
 * unless it is the JavaScript engine's own ("Cannot read properties of undefined …"), which tells a
 * user nothing; then empty.
 */
export function failureDetail(error: unknown): string {
  if (error instanceof TypeError || error instanceof RangeError || error instanceof ReferenceError) return "";
  const text = error instanceof Error ? error.message : String(error);
  return text === "" ? "" : ` (${text})`;
}
