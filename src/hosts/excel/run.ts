/**
 * The one door to Excel: every workbook operation goes through `runExcel`.
 * An operation takes the request context, queues its work and syncs as few
 * times as it can; this wrapper turns Office.js failures into ExcelError with
 * a Vietnamese message. While the user is editing a cell, Excel refuses
 * requests; from ExcelApi 1.11 the batch asks Excel to wait until the edit
 * ends (`delayForCellEdit`), and where it cannot (older sets, or a host
 * without the DelayForCellEdit feature, where the client leaves the flag
 * off) the batch is run again a few times before the user is told.
 */

export type ExcelOperation<T> = (context: Excel.RequestContext) => Promise<T>;

export class ExcelError extends Error {
  override readonly name = "ExcelError";
  constructor(
    message: string,
    /** The Office.js error code (e.g. "InvalidArgument"), when there is one. */
    readonly code: string | undefined,
    override readonly cause?: unknown,
  ) {
    super(message);
  }
}

const MESSAGES: Readonly<Record<string, string>> = {
  InvalidOperationInCellEditMode:
    "Excel đang ở chế độ sửa ô. Hãy nhấn Enter hoặc Esc để thoát khỏi ô đang sửa rồi thử lại.",
  ItemAlreadyExists: "Đã có một trang tính trùng tên trong sổ làm việc.",
  ItemNotFound: "Không tìm thấy trang tính hoặc vùng ô cần dùng (có thể đã bị xóa hoặc đổi tên).",
  AccessDenied: "Excel không cho phép thao tác này (sổ làm việc hoặc trang tính có thể đang được bảo vệ).",
  InvalidArgument: "Excel từ chối dữ liệu được ghi (tham số không hợp lệ).",
  RequestPayloadSizeLimitExceeded: "Khối dữ liệu gửi tới Excel quá lớn cho một lần ghi.",
  GeneralException: "Excel gặp lỗi khi thực hiện thao tác.",
  ApiNotFound: "Phiên bản Excel này không hỗ trợ thao tác cần dùng.",
  InvalidOperation: "Excel không thực hiện được thao tác này trên sổ làm việc hiện tại (trang tính có thể đang ẩn, bị bảo vệ hoặc đang được dùng).",
  InvalidReference: "Không tìm thấy vùng ô cần dùng (có thể đã bị xóa, đổi tên hoặc dời chỗ).",
  ResponsePayloadSizeLimitExceeded: "Khối dữ liệu Excel trả về quá lớn cho một lần đọc.",
  RangeExceedsLimit: "Vùng ô cần dùng vượt giới hạn của Excel.",
  OperationCellsExceedLimit: "Thao tác chạm tới quá nhiều ô cùng lúc, vượt giới hạn của Excel.",
  MemoryLimitReached: "Excel đã dùng hết bộ nhớ cho thao tác này. Hãy đóng bớt sổ làm việc rồi thử lại.",
  InsertDeleteConflict: "Excel không chèn hoặc xóa được vì đụng vùng ô khác (bảng, vùng gộp ô).",
  MergedRangeConflict: "Excel không thực hiện được vì đụng vùng gộp ô.",
  ServiceNotAvailable: "Dịch vụ Excel tạm thời không phản hồi. Hãy thử lại sau ít phút.",
  RequestAborted: "Yêu cầu tới Excel bị ngắt giữa chừng. Hãy thử lại.",
  ActivityLimitReached: "Excel đang nhận quá nhiều yêu cầu. Hãy chờ một lát rồi thử lại.",
  UnsupportedOperation: "Phiên bản Excel này không hỗ trợ thao tác cần dùng.",
  NotImplemented: "Phiên bản Excel này không hỗ trợ thao tác cần dùng.",
  InactiveWorkbook: "Sổ làm việc không còn mở hoặc không còn được chọn. Hãy mở lại rồi thử lại.",
};

/** A Vietnamese message for an Office.js error code. */
export function excelErrorMessage(code: string | undefined, fallback: string): string {
  return (code !== undefined ? MESSAGES[code] : undefined) ?? `Lỗi Excel: ${fallback}`;
}

function errorCode(error: unknown): string | undefined {
  if (typeof error === "object" && error !== null && "code" in error) {
    const code = (error as { code: unknown }).code;
    return typeof code === "string" ? code : undefined;
  }
  return undefined;
}

/** The ExcelApi minor version of Excel.run's `delayForCellEdit`. */
export const DELAY_FOR_CELL_EDIT = 11;

/** An Excel.run: the batch, with Excel.run's options when there are any. */
export type ExcelRun = <T>(batch: (context: Excel.RequestContext) => Promise<T>, options?: Excel.RunOptions) => Promise<T>;

const excelRun: ExcelRun = (batch, options) => (options ? Excel.run(options, batch) : Excel.run(batch));

export interface RunOptions {
  /** The host's highest ExcelApi minor version: from 1.11 a batch waits out a cell edit (0 when unknown). */
  readonly apiVersion?: number;
  /** How many times to retry while Excel is in cell-edit mode. */
  readonly retries?: number;
  /** Milliseconds between retries. */
  readonly retryDelayMs?: number;
  /** The Excel.run to use (tests pass a recording fake). */
  readonly run?: ExcelRun;
}

export async function runExcel<T>(operation: ExcelOperation<T>, options: RunOptions = {}): Promise<T> {
  const retries = options.retries ?? 3;
  const delay = options.retryDelayMs ?? 700;
  const run = options.run ?? excelRun;
  const runOptions: Excel.RunOptions | undefined = (options.apiVersion ?? 0) >= DELAY_FOR_CELL_EDIT ? { delayForCellEdit: true } : undefined;
  for (let attempt = 0; ; attempt++) {
    try {
      return await (runOptions ? run(operation, runOptions) : run(operation));
    } catch (error) {
      const code = errorCode(error);
      if (code === "InvalidOperationInCellEditMode" && attempt < retries) {
        await new Promise((resolve) => setTimeout(resolve, delay));
        continue;
      }
      if (error instanceof ExcelError) throw error;
      const text = error instanceof Error ? error.message : String(error);
      throw new ExcelError(excelErrorMessage(code, text), code, error);
    }
  }
}

/** The highest "ExcelApi 1.n" this host supports (0 outside Excel). */
export function highestExcelApi(isSetSupported: (name: string, version: string) => boolean, max = 20): number {
  let best = 0;
  for (let minor = 1; minor <= max; minor++) {
    if (isSetSupported("ExcelApi", `1.${minor}`)) best = minor;
    else break;
  }
  return best;
}
