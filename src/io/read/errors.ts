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
 * What a library's failure on a broken file means, by the words of its message, said in
 * Vietnamese (undefined when it cannot be told). The libraries (SheetJS, unrar, the mail and
 * Outlook readers) speak English ("XLS Record 0x14 Truncated", "File read error", "Maximum header
 * size of 262144 bytes exceeded"), and the JavaScript engine's own failures ("Cannot read
 * properties of undefined …") tell a user nothing: neither text reaches a reason.
 */
const LIBRARY_FAILURES: readonly (readonly [RegExp, string])[] = [
  [/truncat|underflow|unexpected end|end of (data|file|input|stream)|\beof\b|read error|too short|short read/i, "dữ liệu bị cắt cụt"],
  [/header size|too (large|long|big|many)|exceed/i, "có phần lớn bất thường"],
  [/cannot find|not found|missing|no such/i, "thiếu một phần của tệp"],
  [/damaged|corrupt|checksum|crc/i, "dữ liệu bị hỏng"],
  [/unsupported|not supported|unknown|unexpected|expect|bad|invalid|mismatch|malformed|illegal|wrong/i, "có phần không đọc được"],
];

export function libraryFailure(error: unknown): string | undefined {
  if (error instanceof TypeError || error instanceof RangeError || error instanceof ReferenceError) return undefined;
  const text = error instanceof Error ? error.message : String(error);
  return LIBRARY_FAILURES.find(([words]) => words.test(text))?.[1];
}

/** libraryFailure in parentheses, for a reason's detail ("" when it cannot be told). */
export function failureDetail(error: unknown): string {
  const said = libraryFailure(error);
  return said === undefined ? "" : ` (${said})`;
}
