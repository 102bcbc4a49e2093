/**
 * Writing workbooks. ExcelJS (./xlsx.ts) loads only when a workbook is written
 * through it: the merge's summary goes through the lean writer at every size.
 */
import type { WorkbookLayout } from "../../domain/model/layout";
import { writeLeanXlsx } from "./lean";

export { unitFileNames, writeUnitTemplate, writeUnitTemplatesZip, type UnitTemplatesOptions } from "./zip";

/** The .xlsx file of a workbook layout (templates, conversions: ExcelJS below LEAN_WRITER_MIN_CELLS cells). */
export async function writeWorkbookXlsx(layout: WorkbookLayout): Promise<Uint8Array> {
  return (await import("./xlsx")).writeWorkbookXlsx(layout);
}

/**
 * The merge's summary workbook: the lean writer, whatever its size (a differential test holds it to
 * what ExcelJS writes); ExcelJS only for what the lean writer declines.
 */
export async function writeSummaryXlsx(layout: WorkbookLayout): Promise<Uint8Array> {
  return writeLeanXlsx(layout) ?? (await import("./xlsx")).writeWorkbookXlsxExcelJS(layout);
}
