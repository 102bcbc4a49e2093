/**
 * The two official tables of Công văn 232-CV/HU: titles and columns verbatim,
 * in the document's order.
 */

export interface TableColumn {
  /** Stable key used by layouts, readers and JSON output. */
  readonly key: string;
  /** The header as printed in the document, verbatim. */
  readonly header: string;
}

/** "CÁC VĂN BẢN LÃNH ĐẠO, CHỈ ĐẠO TRIỂN KHAI THỰC ĐỀ ÁN 241" */
export const DOCUMENTS_TABLE = {
  id: "van-ban",
  sheetName: "Văn bản",
  /** The title as it should read. */
  title: "CÁC VĂN BẢN LÃNH ĐẠO, CHỈ ĐẠO TRIỂN KHAI THỰC HIỆN ĐỀ ÁN 241",
  /** The title as the letter prints it (it drops "HIỆN"); readers accept both. */
  titleAsPrinted: "CÁC VĂN BẢN LÃNH ĐẠO, CHỈ ĐẠO TRIỂN KHAI THỰC ĐỀ ÁN 241",
  columns: [
    { key: "stt", header: "Stt" },
    { key: "code", header: "Ký hiệu văn bản" },
    { key: "date", header: "Ngày, tháng ban hành" },
    { key: "summary", header: "Trích yếu nội dung" },
    { key: "issuer", header: "Đơn vị ban hành" },
  ],
} as const satisfies { id: string; sheetName: string; title: string; titleAsPrinted: string; columns: readonly TableColumn[] };

/** "KẾT QUẢ THỰC HIỆN CÁC MỤC TIÊU CỦA ĐỀ ÁN 241" */
export const INDICATORS_TABLE = {
  id: "chi-tieu",
  sheetName: "Chỉ tiêu",
  title: "KẾT QUẢ THỰC HIỆN CÁC MỤC TIÊU CỦA ĐỀ ÁN 241",
  titleAsPrinted: "KẾT QUẢ THỰC HIỆN CÁC MỤC TIÊU CỦA ĐỀ ÁN 241",
  columns: [
    { key: "stt", header: "Stt" },
    { key: "text", header: "Nội dung của chỉ tiêu" },
    { key: "dvt", header: "ĐVT" },
    { key: "total", header: "Tổng số" },
    { key: "achieved", header: "Số đã đạt tiêu chuẩn" },
    { key: "ratio", header: "Tỷ lệ (%)" },
  ],
} as const satisfies { id: string; sheetName: string; title: string; titleAsPrinted: string; columns: readonly TableColumn[] };

/** The table's closing note, verbatim. */
export const INDICATORS_TABLE_NOTE =
  "Các chi, đảng bộ cơ sở, căn cứ các mục tiêu trong kế hoạch thực hiện Đề án của cấp mình để đánh giá kết quả.";

export type DocumentsColumnKey = (typeof DOCUMENTS_TABLE.columns)[number]["key"];
export type IndicatorsColumnKey = (typeof INDICATORS_TABLE.columns)[number]["key"];

/** The sheet where a unit or district sets the targets of its own plan (the note above: "căn cứ các mục tiêu trong kế hoạch … của cấp mình"). */
export const TARGETS_SHEET_NAME = "Mục tiêu";
