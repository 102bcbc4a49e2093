/**
 * Shows one cell to the user: activates its sheet and selects it, in one sync. A hidden sheet
 * cannot be activated (Excel refuses with InvalidOperation); unhiding the user's sheet is not ours
 * to do, so the user is told which sheet to unhide (one more sync, only after such a refusal).
 */
import type { CellRef } from "../../app/usecases";
import { ExcelError } from "./run";

export async function selectCell(context: Excel.RequestContext, ref: CellRef): Promise<void> {
  const ws = context.workbook.worksheets.getItem(ref.sheet);
  ws.activate();
  ws.getRange(ref.cell).select();
  try {
    await context.sync();
  } catch (error) {
    if ((error as { code?: unknown } | null)?.code !== "InvalidOperation") throw error;
    const sheet = context.workbook.worksheets.getItemOrNullObject(ref.sheet);
    sheet.load("visibility");
    await context.sync();
    if (sheet.isNullObject || sheet.visibility === "Visible") throw error;
    throw new ExcelError(
      `Trang tính "${ref.sheet}" đang bị ẩn nên không chọn được ô ${ref.cell}. Hãy bỏ ẩn trang đó (nhấp chuột phải vào tên một trang tính › Bỏ ẩn) rồi chọn lại.`,
      "InvalidOperation",
      error,
    );
  }
}
