/**
 * The open workbook's use cases inside Excel (Office.js, src/excel/), loaded
 * only there; null on the standalone page.
 */
import type { WorkbookUseCases } from "../app/usecases";
import type { HostInfo } from "../hosts/excel/host";

export async function workbookUseCasesFor(info: HostInfo): Promise<WorkbookUseCases | null> {
  if (info.host !== "excel") return null;
  const { createWorkbookUseCases } = await import("../hosts/excel/workbook-services");
  return createWorkbookUseCases({ apiVersion: info.excelApi });
}
