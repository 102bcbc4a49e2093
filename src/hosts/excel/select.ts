/** Shows one cell to the user: activates its sheet and selects it, in one sync. */
import type { CellRef } from "../../app/usecases";

export async function selectCell(context: Excel.RequestContext, ref: CellRef): Promise<void> {
  const ws = context.workbook.worksheets.getItem(ref.sheet);
  ws.activate();
  ws.getRange(ref.cell).select();
  await context.sync();
}
