/**
 * Renders a WorkbookLayout to an .xlsx file with ExcelJS. Text is written as
 * text (ExcelJS never turns a string into a formula); formulas only come
 * from the layout's `formula` field, with the layout's value as their cached
 * result when it has one. What a cell holds passes safe-cell.ts:
 * no Infinity or NaN, no bidirectional or XML-invalid control characters,
 * nothing over Excel's limits.
 */
import ExcelJS from "exceljs";
import { strFromU8, strToU8, unzipSync, zipSync } from "fflate";
import { cellAddress, MAX_COLUMNS } from "../../domain/model/grid";
import type {
  CellStyle,
  DataValidationRule,
  PageSetup,
  SheetLayout,
  SheetProtection,
  WorkbookLayout,
} from "../../domain/sheets";
import { colBreaksXml } from "./breaks";
import { writeLeanXlsx } from "./lean";
import { MAX_VALIDATION_TEXT, MAX_VALIDATION_TITLE, safeCellValue, safeText, safeTextUpTo } from "./safe-cell";

const ARGB = (rgb: string): string => `FF${rgb.toUpperCase()}`;
const THIN = { style: "thin" as const, color: { argb: "FF000000" } };

function excelStyle(style: CellStyle): Partial<ExcelJS.Style> {
  return {
    font: {
      name: style.font.name,
      size: style.font.size,
      ...(style.font.bold ? { bold: true } : {}),
      ...(style.font.italic ? { italic: true } : {}),
      ...(style.font.underline ? { underline: true } : {}),
    },
    alignment: {
      ...(style.horizontal ? { horizontal: style.horizontal } : {}),
      ...(style.vertical ? { vertical: style.vertical } : {}),
      ...(style.wrap ? { wrapText: true } : {}),
    },
    ...(style.border ? { border: { top: THIN, left: THIN, bottom: THIN, right: THIN } } : {}),
    ...(style.numberFormat ? { numFmt: style.numberFormat } : {}),
    ...(style.fill
      ? { fill: { type: "pattern" as const, pattern: "solid" as const, fgColor: { argb: ARGB(style.fill) } } }
      : {}),
    protection: { locked: style.locked },
  };
}

/** An ISO date as the Date ExcelJS turns into a date serial. */
function isoToDate(iso: string): Date {
  const [y, m, d] = iso.split("-").map(Number);
  return new Date(Date.UTC(y!, m! - 1, d!));
}

function validation(rule: DataValidationRule): ExcelJS.DataValidation {
  const formulae =
    rule.type === "date" ? rule.formulae.map((f) => isoToDate(String(f))) : rule.formulae.map((f) => f);
  return {
    type: rule.type,
    ...(rule.operator ? { operator: rule.operator } : {}),
    allowBlank: rule.allowBlank,
    formulae,
    showInputMessage: true,
    promptTitle: safeTextUpTo(rule.prompt.title, MAX_VALIDATION_TITLE),
    prompt: safeTextUpTo(rule.prompt.text, MAX_VALIDATION_TEXT),
    showErrorMessage: true,
    // The schema's ST_DataValidationErrorStyle knows "stop", "warning" and "information":
    // "stop" refuses the value (ExcelJS's documentation says "error", which strict readers refuse).
    errorStyle: "stop",
    errorTitle: safeTextUpTo(rule.error.title, MAX_VALIDATION_TITLE),
    error: safeTextUpTo(rule.error.text, MAX_VALIDATION_TEXT),
  } as ExcelJS.DataValidation;
}

function pageSetup(ws: ExcelJS.Worksheet, page: PageSetup): void {
  ws.pageSetup = {
    ...ws.pageSetup,
    paperSize: 9,
    orientation: page.orientation,
    fitToPage: page.scale === undefined,
    fitToWidth: page.fitToWidth,
    fitToHeight: page.fitToHeight,
    ...(page.scale !== undefined ? { scale: page.scale } : {}),
    horizontalCentered: page.horizontalCentered,
    margins: { ...page.margins },
    ...(page.printTitleRows ? { printTitlesRow: page.printTitleRows } : {}),
    ...(page.printTitleColumns ? { printTitlesColumn: page.printTitleColumns } : {}),
  };
  ws.headerFooter = {
    ...ws.headerFooter,
    oddFooter: `&C&"Times New Roman,Italic"&11${safeText(page.footer)}`,
  };
  // A break above zero-based row r is ExcelJS's break after its row r (1-based), across every column.
  for (const r of page.rowBreaks ?? []) if (r > 0) ws.getRow(r).addPageBreak(1, MAX_COLUMNS);
}

/** Puts each sheet's column breaks into ExcelJS's file, where the schema places them (after rowBreaks, else headerFooter). */
function addColumnBreaks(bytes: Uint8Array, layout: WorkbookLayout): Uint8Array {
  const breaks = layout.sheets.map((s) => colBreaksXml(s.pageSetup?.columnBreaks ?? []));
  if (breaks.every((b) => b === "")) return bytes;
  const parts = unzipSync(bytes);
  breaks.forEach((xml, i) => {
    if (xml === "") return;
    const name = `xl/worksheets/sheet${i + 1}.xml`;
    const sheet = strFromU8(parts[name]!);
    const at = sheet.includes("</rowBreaks>") ? sheet.indexOf("</rowBreaks>") + "</rowBreaks>".length : sheet.indexOf("</headerFooter>") + "</headerFooter>".length;
    if (at < "</headerFooter>".length) throw new Error(`No place for the column breaks of ${layout.sheets[i]!.name}`);
    parts[name] = strToU8(sheet.slice(0, at) + xml + sheet.slice(at));
  });
  return zipSync(parts, { level: 6 });
}

function protectionOptions(p: SheetProtection): Partial<ExcelJS.WorksheetProtection> {
  return {
    formatCells: p.allowFormatCells,
    formatColumns: p.allowFormatColumns,
    formatRows: p.allowFormatRows,
    insertRows: p.allowInsertRows,
    deleteRows: p.allowDeleteRows,
    selectLockedCells: p.allowSelectLockedCells,
    selectUnlockedCells: p.allowSelectUnlockedCells,
  };
}

async function renderSheet(wb: ExcelJS.Workbook, layout: SheetLayout): Promise<void> {
  const ws = wb.addWorksheet(layout.name);
  ws.state = layout.visibility === "veryHidden" ? "veryHidden" : "visible";
  layout.columnWidths.forEach((w, i) => {
    ws.getColumn(i + 1).width = w;
  });
  for (const [row, height] of Object.entries(layout.rowHeights)) ws.getRow(Number(row) + 1).height = height;
  const styles = new Map(Object.entries(layout.styles).map(([k, s]) => [k, excelStyle(s)]));
  for (const cell of layout.cells) {
    const target = ws.getCell(cell.r + 1, cell.c + 1);
    target.style = styles.get(cell.style) ?? {};
    if (cell.formula !== undefined) {
      // The result the layout knows the formula computes goes with it, for readers that do not calculate.
      const result = safeCellValue(cell.value);
      target.value = { formula: safeText(cell.formula), ...(result !== null ? { result } : {}) } as ExcelJS.CellFormulaValue;
    } else {
      // Infinity and NaN leave the cell empty; text is cut to Excel's limit and cleaned (safe-cell.ts).
      const value = safeCellValue(cell.value);
      if (value !== null) target.value = value;
    }
  }
  for (const merge of layout.merges) ws.mergeCells(merge);
  const dv = (ws as unknown as { dataValidations: { add(range: string, v: ExcelJS.DataValidation): void } })
    .dataValidations;
  for (const rule of layout.dataValidations) dv.add(rule.range, validation(rule));
  layout.conditionalFormats.forEach((cf, i) => {
    ws.addConditionalFormatting({
      ref: cf.range,
      rules: [
        {
          type: "expression",
          priority: i + 1,
          formulae: [cf.formula],
          style: { fill: { type: "pattern", pattern: "solid", bgColor: { argb: ARGB(cf.fill) } } },
        },
      ],
    });
  });
  if (layout.pageSetup) pageSetup(ws, layout.pageSetup);
  if (layout.protection) await ws.protect("", protectionOptions(layout.protection));
  if (layout.visibility === "visible") ws.views = [{ state: "normal", activeCell: cellAddress(0, 0) }];
}

/** Layouts with at least this many cells (the district summary) go through the lean writer. */
export const LEAN_WRITER_MIN_CELLS = 10_000;

/** The .xlsx file of a workbook layout. */
export async function writeWorkbookXlsx(layout: WorkbookLayout): Promise<Uint8Array> {
  if (layout.sheets.reduce((n, s) => n + s.cells.length, 0) >= LEAN_WRITER_MIN_CELLS) {
    const lean = writeLeanXlsx(layout);
    if (lean) return lean;
  }
  return writeWorkbookXlsxExcelJS(layout);
}

/** The .xlsx file of a workbook layout, rendered by ExcelJS (every layout; the reference for the lean writer). */
export async function writeWorkbookXlsxExcelJS(layout: WorkbookLayout): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  wb.creator = "de-an-241";
  wb.created = new Date();
  // Not every formula carries its result (a template's have none): make every spreadsheet program compute them on opening.
  wb.calcProperties = { ...wb.calcProperties, fullCalcOnLoad: true };
  for (const sheet of layout.sheets) await renderSheet(wb, sheet);
  const buffer = await wb.xlsx.writeBuffer();
  return addColumnBreaks(new Uint8Array(buffer as ArrayBuffer), layout);
}
