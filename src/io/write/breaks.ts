/** Manual page breaks left of columns, as both .xlsx writers put them in a worksheet (ExcelJS itself writes none). */
import { MAX_COLUMNS, MAX_ROWS } from "../../domain/model/grid";

/** The <colBreaks> element of the zero-based columns that start a printed page; "" for none. */
export function colBreaksXml(columns: readonly number[]): string {
  const ids = [...new Set(columns.filter((c) => c > 0 && c < MAX_COLUMNS))].sort((a, b) => a - b);
  if (ids.length === 0) return "";
  return `<colBreaks count="${ids.length}" manualBreakCount="${ids.length}">${ids.map((c) => `<brk id="${c}" max="${MAX_ROWS - 1}" man="1"/>`).join("")}</colBreaks>`;
}
