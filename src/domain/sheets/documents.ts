/** The "Văn bản" sheet: the documents that led and directed the work on Đề án 241. */
import { DOCUMENTS_TABLE, REPORTING_PERIOD } from "../catalogue";
import { vnDate } from "../format";
import type { DataValidationRule, SheetLayout } from "../model/layout";
import { rangeAddress, SheetBuilder } from "./builder";
import { dateLineValidation, fillInRanges, headerBlock, headerRow, signatureBlock, titleBlock } from "./header";
import { PAGE, protectedSheet, rowsOf, SHEET_GEOMETRY, SHEET_STYLES } from "./styles";
import type { SheetOptions } from "./unit";

export const DEFAULT_DOCUMENT_ROWS = 20;

/** Văn bản: "CÁC VĂN BẢN LÃNH ĐẠO, CHỈ ĐẠO TRIỂN KHAI THỰC HIỆN ĐỀ ÁN 241". */
export function buildDocumentsSheet(opts: SheetOptions): SheetLayout {
  const widths = [7, 22, 17, 62, 28];
  const b = new SheetBuilder(SHEET_STYLES, widths);
  const last = widths.length - 1;
  headerBlock(b, opts, 2, last);
  titleBlock(b, DOCUMENTS_TABLE.title, last);
  headerRow(
    b,
    DOCUMENTS_TABLE.columns.map((c) => c.header),
  );
  const count = Math.max(20, opts.documentRows ?? DEFAULT_DOCUMENT_ROWS);
  const first = SHEET_GEOMETRY.firstDataRow;
  const lastRow = first + count - 1;
  for (let r = first; r <= lastRow; r++) {
    const x = r + 1;
    // Stt numbers itself once anything is written on the row.
    b.set(r, 0, null, "cellCenter", `IF(COUNTA(B${x}:E${x})=0,"",ROW()-${first})`);
    b.set(r, 1, null, "inputTextCenter");
    b.set(r, 2, null, "inputDate");
    b.set(r, 3, null, "inputText");
    b.set(r, 4, null, "inputText");
    // No fixed height: the row grows with what the unit types.
  }
  const rows = { first, last: lastRow };
  const from = vnDate(REPORTING_PERIOD.from);
  const to = vnDate(REPORTING_PERIOD.to);
  const dataValidations: DataValidationRule[] = [
    {
      range: rowsOf(rows, 2),
      type: "date",
      operator: "between",
      formulae: [REPORTING_PERIOD.from, REPORTING_PERIOD.to],
      allowBlank: true,
      prompt: { title: "Ngày ban hành", text: `Nhập ngày dạng ngày/tháng/năm, từ ${from} đến ${to}.` },
      error: {
        title: "Ngày không hợp lệ",
        text: `Ngày ban hành phải là một ngày trong kỳ báo cáo của Đề án 241, từ ${from} đến ${to}.`,
      },
    },
  ];
  dataValidations.push(dateLineValidation(opts, 2, last));
  signatureBlock(b, opts, lastRow + 2, 4, 4);
  return protectedSheet(DOCUMENTS_TABLE.sheetName, b, {
    dataValidations,
    conditionalFormats: [],
    allowInsertRows: true,
    pageSetup: PAGE,
    inputRanges: [rangeAddress(first, 1, lastRow, 4), ...fillInRanges(2, last, lastRow + 2, 4, 4)],
  });
}
