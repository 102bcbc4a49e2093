/**
 * Renders a WorkbookLayout into the open workbook through Office.js: the same
 * layout the .xlsx writer uses, so the live sheets and the file cannot drift.
 *
 * Two syncs for a template: one to read the existing sheet names, one to write everything (values as 2-D blocks, formulas,
 * formats, merges, widths, validation, conditional formats, page layout, protection); a larger layout is written in
 * requests of a few megabytes (batches.ts), one sync each. Features the
 * host's ExcelApi version lacks are skipped with a Vietnamese notice.
 */
import { systemClock } from "../../app/clock";
import { cellAddress, columnLetters, MAX_COLUMNS } from "../../domain/model/grid";
import { IDENTITY_SHEET } from "../../domain/model/identity";
import type { CellStyle, DataValidationRule, LayoutCell, SheetLayout, WorkbookLayout } from "../../domain/sheets";
import { foldName, planInsert, type InsertConflict } from "../../domain/sheets/plan-insert";
import { MAX_VALIDATION_TEXT, MAX_VALIDATION_TITLE, safeCellValue, safeTextUpTo } from "../../io/write/safe-cell";
import { WriteAttempts } from "./attempts";
import { renderInBatches } from "./batches";


export interface InsertOptions {
  /** The host's highest ExcelApi minor version (see highestExcelApi): 1.8 → 8. */
  readonly apiVersion: number;
  /** The user agreed to keep the existing sheets of the same names under new names. */
  readonly renameExisting?: boolean;
  /** The date of the "(cũ …)" suffix (default today). */
  readonly today?: Date;
  /** This call's attempts (an attempt run again after a cell edit takes out what the one before added). */
  readonly attempts?: WriteAttempts;
}

export interface InsertResult {
  /** Vietnamese notices of features this Excel could not apply. */
  readonly skipped: string[];
  readonly renamed: readonly InsertConflict[];
}

/** Sheets of the same names exist and the user has not agreed to keep them under new names. */
export class LayoutConflictError extends Error {
  override readonly name = "LayoutConflictError";
  constructor(readonly conflicts: readonly InsertConflict[]) {
    super(
      `Sổ làm việc đã có trang tính ${conflicts.map((c) => `"${c.name}"`).join(", ")}. ` +
        "Hãy xác nhận để giữ các trang cũ dưới tên mới trước khi chèn mẫu.",
    );
  }
}

export const SKIPPED_VALIDATION =
  "Phiên bản Excel này chưa hỗ trợ kiểm tra dữ liệu nhập (ExcelApi 1.8): các quy tắc kiểm tra số liệu và ngày tháng chưa được đặt.";
export const SKIPPED_PAGE_LAYOUT =
  "Phiên bản Excel này chưa hỗ trợ thiết lập trang in (ExcelApi 1.9): khổ A4, hướng giấy, dòng tiêu đề lặp lại và số trang chưa được đặt — hãy đặt trong thẻ Bố trí Trang trước khi in.";
export const SKIPPED_CONDITIONAL =
  "Phiên bản Excel này chưa hỗ trợ định dạng có điều kiện (ExcelApi 1.6): ô tỷ lệ chưa đạt mục tiêu sẽ không được tô màu.";
export const SKIPPED_PROTECTION =
  "Phiên bản Excel này chưa hỗ trợ bảo vệ trang tính (ExcelApi 1.2): các ô nhãn chưa được khóa.";

/** Column width in points of a width in characters of the default font (7 px per character, 5 px padding). */
export function widthToPoints(chars: number): number {
  return Math.round((chars * 7 + 5) * 0.75 * 100) / 100;
}

const HORIZONTAL = { left: "Left", center: "Center", right: "Right" } as const;
const VERTICAL = { top: "Top", middle: "Center", bottom: "Bottom" } as const;
const OPERATOR = {
  between: "Between",
  notBetween: "NotBetween",
  equal: "EqualTo",
  notEqual: "NotEqualTo",
  greaterThan: "GreaterThan",
  greaterThanOrEqual: "GreaterThanOrEqualTo",
  lessThan: "LessThan",
  lessThanOrEqual: "LessThanOrEqualTo",
} as const;

/**
 * A cell Excel must be told is text: a string constant (a formula cell's
 * value is its known result, which Excel computes itself: never written). Written to a cell of
 * any other number format, Excel reads it as if typed ("1.1" and "01" become
 * numbers, "100%" a percentage, "2021-05-02" a date, "=…", "+…", "-…" a
 * formula), so its cell gets the text format "@" before the value, in the
 * same request.
 */
export function isTextCell(cell: LayoutCell): boolean {
  return cell.formula === undefined && typeof cell.value === "string" && cell.value !== "";
}

function matrix<T>(rows: number, cols: number, value: T): T[][] {
  return Array.from({ length: rows }, () => Array.from({ length: cols }, () => value));
}

/** The number formats of a style run: "@" for its text cells, the style's format elsewhere; undefined when neither applies. */
export function runFormats(run: StyleRun, style: CellStyle, text: ReadonlySet<number>): string[][] | undefined {
  let any = style.numberFormat !== undefined;
  const rows: string[][] = [];
  for (let r = run.r1; r <= run.r2; r++) {
    const row: string[] = [];
    for (let c = run.c1; c <= run.c2; c++) {
      const isText = text.has(r * MAX_COLUMNS + c);
      any ||= isText;
      row.push(isText ? "@" : (style.numberFormat ?? "General"));
    }
    rows.push(row);
  }
  return any ? rows : undefined;
}

export interface StyleRun {
  readonly r1: number;
  r2: number;
  readonly c1: number;
  c2: number;
  readonly style: string;
}

/**
 * Rectangles of cells with the same style, the unit formats are applied in:
 * consecutive cells of a row, then the same columns on consecutive rows.
 * Cells must come in row order (as SheetBuilder.list gives them).
 */
export function styleRuns(cells: readonly LayoutCell[]): StyleRun[] {
  const rows: StyleRun[] = [];
  for (const cell of cells) {
    const last = rows[rows.length - 1];
    if (last && last.r1 === cell.r && last.c2 === cell.c - 1 && last.style === cell.style) last.c2 = cell.c;
    else rows.push({ r1: cell.r, r2: cell.r, c1: cell.c, c2: cell.c, style: cell.style });
  }
  const runs: StyleRun[] = [];
  const open = new Map<string, StyleRun>();
  for (const run of rows) {
    const key = `${run.c1}:${run.c2}:${run.style}`;
    const above = open.get(key);
    if (above && above.r2 === run.r1 - 1) above.r2 = run.r1;
    else {
      runs.push(run);
      open.set(key, run);
    }
  }
  return runs;
}

function applyStyle(range: Excel.Range, style: CellStyle, rows: number, cols: number, numberFormat: string[][] | undefined): void {
  const f = range.format;
  f.font.name = style.font.name;
  f.font.size = style.font.size;
  f.font.bold = style.font.bold === true;
  f.font.italic = style.font.italic === true;
  f.font.underline = style.font.underline ? "Single" : "None";
  if (style.horizontal) f.horizontalAlignment = HORIZONTAL[style.horizontal];
  if (style.vertical) f.verticalAlignment = VERTICAL[style.vertical];
  f.wrapText = style.wrap === true;
  if (style.border) {
    const edges: ("EdgeTop" | "EdgeBottom" | "EdgeLeft" | "EdgeRight" | "InsideVertical" | "InsideHorizontal")[] = ["EdgeTop", "EdgeBottom", "EdgeLeft", "EdgeRight"];
    if (cols > 1) edges.push("InsideVertical");
    if (rows > 1) edges.push("InsideHorizontal");
    for (const edge of edges) {
      const border = f.borders.getItem(edge);
      border.style = "Continuous";
      border.weight = "Thin";
      border.color = "#000000";
    }
  }
  if (style.fill) f.fill.color = `#${style.fill}`;
  if (numberFormat) range.numberFormat = numberFormat;
  f.protection.locked = style.locked;
}

function validationRule(rule: DataValidationRule): Excel.DataValidationRule {
  if (rule.type === "custom") return { custom: { formula: `=${String(rule.formulae[0])}` } };
  const operator = OPERATOR[rule.operator ?? "between"];
  if (rule.type === "date") {
    // DATE(y,m,d) reads the same in every locale, unlike a typed date.
    const date = (iso: string | number): string => {
      const [y, m, d] = String(iso).split("-").map(Number);
      return `=DATE(${y},${m},${d})`;
    };
    return {
      date: {
        formula1: date(rule.formulae[0]!),
        ...(rule.formulae[1] !== undefined ? { formula2: date(rule.formulae[1]) } : {}),
        operator,
      },
    };
  }
  const basic = {
    formula1: rule.formulae[0] as number | string,
    ...(rule.formulae[1] !== undefined ? { formula2: rule.formulae[1] as number | string } : {}),
    operator,
  };
  return rule.type === "whole" ? { wholeNumber: basic } : { decimal: basic };
}

/**
 * Queues the rendering of one sheet (or, for chunked writes, of a part of one:
 * a layout holding only some rows' cells) on an existing worksheet.
 */
export function renderSheet(ws: Excel.Worksheet, layout: SheetLayout, apiVersion: number, skipped: Set<string>): void {
  layout.columnWidths.forEach((w, c) => {
    const col = columnLetters(c);
    ws.getRange(`${col}:${col}`).format.columnWidth = widthToPoints(w);
  });
  for (const [row, height] of Object.entries(layout.rowHeights)) {
    const x = Number(row) + 1;
    ws.getRange(`${x}:${x}`).format.rowHeight = height;
  }
  // Formats first: every text cell's "@" must be in place before its value is written.
  const text = new Set(layout.cells.filter(isTextCell).map((c) => c.r * MAX_COLUMNS + c.c));
  for (const run of styleRuns(layout.cells)) {
    const style = layout.styles[run.style];
    if (!style) continue;
    const single = run.r1 === run.r2 && run.c1 === run.c2;
    const range = ws.getRange(
      single ? cellAddress(run.r1, run.c1) : `${cellAddress(run.r1, run.c1)}:${cellAddress(run.r2, run.c2)}`,
    );
    applyStyle(range, style, run.r2 - run.r1 + 1, run.c2 - run.c1 + 1, runFormats(run, style, text));
  }
  for (const cell of layout.cells) {
    // A text cell without a style (none in the builders' layouts) still gets its "@".
    if (!layout.styles[cell.style] && isTextCell(cell)) ws.getRange(cellAddress(cell.r, cell.c)).numberFormat = [["@"]];
  }
  // Constants as one 2-D block from the first row written; null leaves a cell alone (formula cells are written next).
  // Each value as the .xlsx writers write it (safe-cell.ts): text cut to the 32,767 characters a cell holds (Excel
  // refuses a longer one) and cleaned of bidirectional overrides and control characters; a number not finite left out.
  if (layout.cells.length > 0) {
    const top = layout.cells.reduce((m, c) => Math.min(m, c.r), Infinity);
    const rows = layout.cells.reduce((m, c) => Math.max(m, c.r), 0) + 1 - top;
    const cols = layout.cells.reduce((m, c) => Math.max(m, c.c), 0) + 1;
    const values: (string | number | null)[][] = matrix(rows, cols, null);
    for (const cell of layout.cells) if (cell.formula === undefined && cell.value !== null) values[cell.r - top]![cell.c] = safeCellValue(cell.value);
    ws.getRange(`${cellAddress(top, 0)}:${cellAddress(top + rows - 1, cols - 1)}`).values = values as unknown as string[][];
  }
  // Formulas by runs down a column.
  const formulaCells = layout.cells.filter((c) => c.formula !== undefined).sort((a, b) => a.c - b.c || a.r - b.r);
  for (let i = 0; i < formulaCells.length; ) {
    const start = formulaCells[i]!;
    let j = i + 1;
    while (j < formulaCells.length && formulaCells[j]!.c === start.c && formulaCells[j]!.r === formulaCells[j - 1]!.r + 1) j++;
    const run = formulaCells.slice(i, j);
    const end = run[run.length - 1]!;
    ws.getRange(`${cellAddress(start.r, start.c)}:${cellAddress(end.r, end.c)}`).formulas = run.map((c) => [
      `=${c.formula!}`,
    ]);
    i = j;
  }
  for (const merge of layout.merges) ws.getRange(merge).merge(false);

  if (layout.dataValidations.length > 0) {
    if (apiVersion >= 8) {
      for (const rule of layout.dataValidations) {
        const dv = ws.getRange(rule.range).dataValidation;
        dv.ignoreBlanks = rule.allowBlank;
        dv.rule = validationRule(rule);
        // Titles and messages within Excel's limits, as the .xlsx writer cuts them.
        dv.prompt = {
          showPrompt: true,
          title: safeTextUpTo(rule.prompt.title, MAX_VALIDATION_TITLE),
          message: safeTextUpTo(rule.prompt.text, MAX_VALIDATION_TEXT),
        };
        dv.errorAlert = {
          showAlert: true,
          style: "Stop",
          title: safeTextUpTo(rule.error.title, MAX_VALIDATION_TITLE),
          message: safeTextUpTo(rule.error.text, MAX_VALIDATION_TEXT),
        };
      }
    } else skipped.add(SKIPPED_VALIDATION);
  }
  if (layout.conditionalFormats.length > 0) {
    if (apiVersion >= 6) {
      for (const cf of layout.conditionalFormats) {
        const format = ws.getRange(cf.range).conditionalFormats.add("Custom");
        format.custom.rule.formula = `=${cf.formula}`;
        format.custom.format.fill.color = `#${cf.fill}`;
      }
    } else skipped.add(SKIPPED_CONDITIONAL);
  }
  if (layout.pageSetup) {
    if (apiVersion >= 9) {
      const page = layout.pageSetup;
      const pl = ws.pageLayout;
      pl.paperSize = "A4";
      pl.orientation = page.orientation === "landscape" ? "Landscape" : "Portrait";
      // Both counts together: horizontalFitToPages alone is known not to apply on Excel for
      // Windows (office-js issue 1860). Pages tall 0 is "as many as needed" (Automatic).
      // A sheet printed at a scale is on as many pages as needed, each as readable as the sheet.
      pl.zoom =
        page.scale !== undefined
          ? { scale: page.scale }
          : { horizontalFitToPages: page.fitToWidth, verticalFitToPages: page.fitToHeight };
      pl.leftMargin = page.margins.left * 72;
      pl.rightMargin = page.margins.right * 72;
      pl.topMargin = page.margins.top * 72;
      pl.bottomMargin = page.margins.bottom * 72;
      pl.headerMargin = page.margins.header * 72;
      pl.footerMargin = page.margins.footer * 72;
      pl.centerHorizontally = page.horizontalCentered;
      if (page.printTitleRows) {
        const [a, b] = page.printTitleRows.split(":");
        pl.setPrintTitleRows(`$${a}:$${b ?? a}`);
      }
      if (page.printTitleColumns) {
        const [a, b] = page.printTitleColumns.split(":");
        pl.setPrintTitleColumns(`$${a}:$${b ?? a}`);
      }
      // Manual page breaks: above a row, left of a column.
      for (const r of page.rowBreaks ?? []) if (r > 0) ws.horizontalPageBreaks.add(cellAddress(r, 0));
      for (const c of page.columnBreaks ?? []) if (c > 0) ws.verticalPageBreaks.add(cellAddress(0, c));
      pl.headersFooters.defaultForAllPages.centerFooter = `&"Times New Roman,Italic"&11${page.footer}`;
    } else skipped.add(SKIPPED_PAGE_LAYOUT);
  }
  if (layout.visibility === "veryHidden") ws.visibility = "VeryHidden";
  if (layout.protection) {
    if (apiVersion >= 2) {
      const p = layout.protection;
      ws.protection.protect({
        allowFormatCells: p.allowFormatCells,
        allowFormatColumns: p.allowFormatColumns,
        allowFormatRows: p.allowFormatRows,
        allowInsertRows: p.allowInsertRows,
        allowDeleteRows: p.allowDeleteRows,
        selectionMode: p.allowSelectLockedCells ? "Normal" : p.allowSelectUnlockedCells ? "Unlocked" : "None",
      });
    } else skipped.add(SKIPPED_PROTECTION);
  }
}

/**
 * Inserts the layout's sheets into the workbook. Existing sheets of the same
 * names are never deleted: without `renameExisting` a LayoutConflictError is
 * thrown (the task pane asks the user), with it they are renamed
 * "<name> (cũ <date>)". An existing identity sheet is replaced.
 */
export async function insertLayout(
  context: Excel.RequestContext,
  layout: WorkbookLayout,
  options: InsertOptions,
): Promise<InsertResult> {
  const worksheets = context.workbook.worksheets;
  worksheets.load("items/name");
  await context.sync();
  // Plan from what is there now: sheets a failed earlier insert left are the user's to keep, like any other
  // (they may have been filled in since), so they clash and are kept under a dated name when confirmed;
  // but those an attempt of this same call added are taken out (attempts.ts).
  const attempts = options.attempts ?? new WriteAttempts();
  const inBook = worksheets.items.map((w) => w.name);
  const existing = attempts.others(inBook);
  const plan = planInsert(existing, layout, options.today ?? systemClock.now());
  if (plan.conflicts.length > 0 && options.renameExisting !== true) throw new LayoutConflictError(plan.conflicts);
  attempts.takeOutLeftovers(worksheets, inBook);
  for (const c of plan.conflicts) worksheets.getItem(c.name).name = c.renameTo;
  const oldIdentity = existing.find((n) => foldName(n) === foldName(IDENTITY_SHEET));
  if (oldIdentity !== undefined && layout.sheets.some((s) => s.name === IDENTITY_SHEET)) {
    const old = worksheets.getItem(oldIdentity);
    old.visibility = "Hidden";
    old.delete();
  }
  const skipped = new Set<string>();
  // Every sheet exists before any is written, so formulas between them (Chỉ tiêu → Mục tiêu) find their sheet.
  const added = layout.sheets.map((sheet) => ({ layout: sheet, ws: worksheets.add(sheet.name) }));
  // The first request of the writes carries the adds, renames and deletes above.
  let first = true;
  const sync = async (): Promise<void> => {
    await context.sync();
    if (first) attempts.applied(layout.sheets.map((s) => s.name), { renamed: plan.conflicts });
    first = false;
  };
  // Row blocks a few megabytes at a time (a large sheet, such as a Unicode copy of a legacy-font one, would pass Excel on the web's 5 MB).
  await renderInBatches(added, { apiVersion: options.apiVersion, skipped, sync });
  added.find((a) => a.layout.visibility === "visible")?.ws.activate();
  await sync();
  return { skipped: [...skipped], renamed: attempts.renamed };
}
