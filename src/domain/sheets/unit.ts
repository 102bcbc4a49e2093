/**
 * The official sheets of Công văn 232-CV/HU laid out as a unit's appendix to
 * its report: the header block of a Party document, the title, the table with
 * the document's columns verbatim and in order, the note, and the signature.
 */
import { vnLongDate } from "../format";
import {
  CATALOGUE_ROWS,
  DOCUMENTS_TABLE,
  INDICATORS_TABLE,
  INDICATORS_TABLE_NOTE,
  REPORTING_PERIOD,
  TARGETS_SHEET_NAME,
  targetLabel,
  type Target,
} from "../catalogue";
import { cellAddress } from "../model/grid";
import { IDENTITY_SHEET, identityRows, TEMPLATE_ID, TEMPLATE_VERSION, type UnitLevel } from "../model/identity";
import { DEFAULT_SUPERIOR, headerFormatOf, levelLabel, type HeaderFormat, type Unit } from "../units";
import { BODY_SIZE, FONT, heightFor, rangeAddress, SheetBuilder, TITLE_SIZE } from "./builder";
import type {
  CellStyle,
  ConditionalFormatRule,
  DataValidationRule,
  PageSetup,
  SheetLayout,
  SheetProtection,
  WorkbookLayout,
} from "../model/layout";

export interface SheetOptions {
  /** The superior body line ("ĐẢNG BỘ HUYỆN TAM ĐƯỜNG"). */
  readonly superior?: string;
  readonly unitName: string;
  readonly unitCode?: string;
  /** The place of the date line ("Bản Bo"). */
  readonly place: string;
  readonly level: UnitLevel;
  /** ISO date (YYYY-MM-DD) of the date line; absent = dotted blanks the unit fills in. */
  readonly date?: string;
  /** Party header (default for party bodies) or the state one (offices of the People's Committee). */
  readonly format?: HeaderFormat;
  /** Signature block lines; defaults follow the kind of unit ("T/M BAN CHẤP HÀNH" / "BÍ THƯ"). */
  readonly signature?: { readonly onBehalf: string; readonly title: string };
  /** Empty rows of the documents table (at least 20; default 30). */
  readonly documentRows?: number;
}

export interface UnitWorkbookOptions extends SheetOptions {
  /** ISO date the workbook is made, for the identity (the caller's clock: the domain has none). */
  readonly created: string;
}

/** Where the parts of the two table sheets are (zero-based rows), for renderers, readers and tests. */
export const SHEET_GEOMETRY = {
  /** The table's header row. */
  headerRow: 7,
  /** The first data row. */
  firstDataRow: 8,
  titleRow: 4,
  attachRow: 5,
  /** Rows repeated on every printed page. */
  printTitleRows: "8:8",
} as const;

export const EXTRA_TARGET_HEADER = "Mục tiêu";

export { TARGETS_SHEET_NAME };
export const TARGETS_SHEET_TITLE = "MỤC TIÊU ĐÁNH GIÁ KẾT QUẢ THỰC HIỆN ĐỀ ÁN 241";
export const TARGETS_HEADERS = ["Chỉ tiêu", "Nội dung", "Đơn vị tính", "Mục tiêu của Đề án 241", "Mục tiêu"] as const;
export const TARGETS_HELP =
  'Cột "Mục tiêu" ghi sẵn mục tiêu của Đề án 241. Đơn vị có kế hoạch đặt mục tiêu khác thì sửa số ở cột này (tỷ lệ ghi dạng 90%); ' +
  'trang "Chỉ tiêu" và phần kiểm tra sẽ đánh giá theo mục tiêu đã sửa. Để trống thì dùng mục tiêu của Đề án 241.';
/** Zero-based rows of the targets sheet: the header, then the catalogue rows in printed order. */
export const TARGETS_GEOMETRY = { titleRow: 0, noteRow: 1, helpRow: 2, headerRow: 4, firstDataRow: 5 } as const;

/** Number formats of a target cell, by the kind of target: the number is the target, the format shows the comparison. */
export const TARGET_FORMATS: Readonly<Record<Target["op"], string>> = {
  ">=": "0%",
  ">": '"Trên "0%',
  "count>=": '"Ít nhất "00',
};

/** A target as the number its cell holds: a ratio as a fraction (90% → 0.9), a count as itself. */
export function targetCellValue(target: Target): number {
  return target.op === "count>=" ? target.value : Math.round(target.value * 1e6) / 1e8;
}
export const DEFAULT_DOCUMENT_ROWS = 20;
export const ATTACH_LINE = "(Kèm theo Báo cáo số ………, ngày …… tháng …… năm ………)";
export const SIGNATURE_NAME_BLANK = "………………………………";
/** Light red fill of a result short of its target. */
export const SHORT_FILL = "FFC7CE";

const font = (extra: Partial<CellStyle["font"]> = {}): CellStyle["font"] => ({ name: FONT, size: BODY_SIZE, ...extra });

export const SHEET_STYLES: Readonly<Record<string, CellStyle>> = {
  plain: { font: font(), locked: true },
  headLeft: { font: font(), horizontal: "center", vertical: "middle", wrap: true, locked: true },
  headUnit: { font: font({ bold: true }), horizontal: "center", vertical: "middle", wrap: true, locked: true },
  headRight: { font: font({ bold: true }), horizontal: "center", vertical: "middle", locked: true },
  headRightUnderline: { font: font({ bold: true, underline: true }), horizontal: "center", vertical: "middle", locked: true },
  dateLine: { font: font({ italic: true }), horizontal: "center", vertical: "middle", numberFormat: "@", locked: false },
  title: { font: font({ size: TITLE_SIZE, bold: true }), horizontal: "center", vertical: "middle", wrap: true, locked: true },
  attach: { font: font({ italic: true }), horizontal: "center", vertical: "middle", numberFormat: "@", locked: false },
  th: { font: font({ bold: true }), horizontal: "center", vertical: "middle", wrap: true, border: true, locked: true },
  groupStt: { font: font({ bold: true }), horizontal: "center", vertical: "middle", border: true, locked: true },
  groupText: { font: font({ bold: true }), horizontal: "left", vertical: "middle", wrap: true, border: true, locked: true },
  cellCenter: { font: font(), horizontal: "center", vertical: "middle", wrap: true, border: true, locked: true },
  cellText: { font: font(), horizontal: "left", vertical: "middle", wrap: true, border: true, locked: true },
  inputInt: { font: font(), horizontal: "center", vertical: "middle", border: true, numberFormat: "#,##0", locked: false },
  ratio: { font: font(), horizontal: "center", vertical: "middle", border: true, numberFormat: "0.00", locked: true },
  inputText: { font: font(), horizontal: "left", vertical: "middle", wrap: true, border: true, numberFormat: "@", locked: false },
  inputTextCenter: { font: font(), horizontal: "center", vertical: "middle", wrap: true, border: true, numberFormat: "@", locked: false },
  inputDate: { font: font(), horizontal: "center", vertical: "middle", border: true, numberFormat: "dd/mm/yyyy", locked: false },
  note: { font: font({ italic: true }), horizontal: "left", vertical: "top", wrap: true, locked: true },
  signature: { font: font({ bold: true }), horizontal: "center", vertical: "top", wrap: true, numberFormat: "@", locked: false },
  // Targets: a ratio target is a percentage (0.9 shown "90%"), a count target a whole number; the format prints the comparison.
  targetAtLeast: { font: font(), horizontal: "center", vertical: "middle", border: true, numberFormat: TARGET_FORMATS[">="], locked: false },
  targetAbove: { font: font(), horizontal: "center", vertical: "middle", border: true, numberFormat: TARGET_FORMATS[">"], locked: false },
  targetCount: { font: font(), horizontal: "center", vertical: "middle", border: true, numberFormat: TARGET_FORMATS["count>="], locked: false },
  shownAtLeast: { font: font(), horizontal: "center", vertical: "middle", border: true, numberFormat: TARGET_FORMATS[">="], locked: true },
  shownAbove: { font: font(), horizontal: "center", vertical: "middle", border: true, numberFormat: TARGET_FORMATS[">"], locked: true },
  shownCount: { font: font(), horizontal: "center", vertical: "middle", border: true, numberFormat: TARGET_FORMATS["count>="], locked: true },
};

const PROTECTION = (allowInsertRows: boolean): SheetProtection => ({
  allowFormatCells: true,
  allowFormatColumns: true,
  allowFormatRows: true,
  allowInsertRows,
  allowDeleteRows: false,
  allowSelectLockedCells: true,
  allowSelectUnlockedCells: true,
});

/** A visible, protected sheet from what a builder holds, plus its sheet-specific parts. */
function protectedSheet(
  name: string,
  b: SheetBuilder,
  parts: Pick<SheetLayout, "dataValidations" | "conditionalFormats" | "pageSetup" | "inputRanges"> & { allowInsertRows: boolean },
): SheetLayout {
  const { allowInsertRows, ...rest } = parts;
  return {
    name,
    visibility: "visible",
    cells: b.list(),
    styles: SHEET_STYLES,
    merges: b.merges,
    columnWidths: b.columnWidths,
    rowHeights: b.rowHeights,
    protection: PROTECTION(allowInsertRows),
    ...rest,
  };
}

const PAGE: PageSetup = {
  paper: "A4",
  orientation: "landscape",
  fitToWidth: 1,
  fitToHeight: 0,
  margins: { left: 0.7, right: 0.6, top: 0.6, bottom: 0.6, header: 0.3, footer: 0.3 },
  printTitleRows: SHEET_GEOMETRY.printTitleRows,
  horizontalCentered: true,
  footer: "Trang &P / &N",
};

/** Capitals as Vietnamese writes them ("Đảng ủy xã Bản Bo" → "ĐẢNG ỦY XÃ BẢN BO"). */
export function upperVi(text: string): string {
  return text.normalize("NFC").toLocaleUpperCase("vi");
}

/** "Bản Bo, ngày 05 tháng 6 năm 2021" (day < 10 and months 1–2 with a leading zero), or dotted blanks. */
export function dateLine(place: string, iso?: string): string {
  return `${place}, ${vnLongDate(iso) ?? "ngày …… tháng …… năm ………"}`;
}

/** The signature block lines a unit uses by default. */
export function defaultSignature(unitName: string): { onBehalf: string; title: string } {
  const name = unitName.normalize("NFC").toLocaleLowerCase("vi").trim();
  if (name.startsWith("chi bộ")) return { onBehalf: "T/M CHI BỘ", title: "BÍ THƯ" };
  if (name.startsWith("đảng ủy") || name.startsWith("đảng uỷ") || name.startsWith("đảng bộ")) {
    return { onBehalf: "T/M BAN CHẤP HÀNH", title: "BÍ THƯ" };
  }
  if (name.startsWith("phòng")) return { onBehalf: "", title: "TRƯỞNG PHÒNG" };
  if (name.startsWith("trung tâm")) return { onBehalf: "", title: "GIÁM ĐỐC" };
  return { onBehalf: "", title: "THỦ TRƯỞNG CƠ QUAN" };
}

/**
 * The header block: left, the superior body, the unit's name in bold capitals
 * and "*"; right, "ĐẢNG CỘNG SẢN VIỆT NAM" (bold, underlined) and the date line
 * in italics. Offices of the People's Committee carry the state heading instead.
 */
function headerBlock(b: SheetBuilder, opts: SheetOptions, leftEnd: number, lastCol: number): void {
  const format = opts.format ?? headerFormatOf({ name: opts.unitName });
  const superior = opts.superior ?? DEFAULT_SUPERIOR;
  const unit = upperVi(opts.unitName);
  b.block(0, 0, 0, leftEnd, superior, "headLeft");
  b.block(1, 0, 1, leftEnd, unit, "headUnit");
  b.block(2, 0, 2, leftEnd, format === "party" ? "*" : null, "headLeft");
  if (format === "party") {
    b.block(0, leftEnd + 1, 0, lastCol, "ĐẢNG CỘNG SẢN VIỆT NAM", "headRightUnderline");
    b.block(1, leftEnd + 1, 1, lastCol, null, "plain");
  } else {
    b.block(0, leftEnd + 1, 0, lastCol, "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "headRight");
    b.block(1, leftEnd + 1, 1, lastCol, "Độc lập - Tự do - Hạnh phúc", "headRightUnderline");
  }
  b.block(2, leftEnd + 1, 2, lastCol, dateLine(opts.place, opts.date), "dateLine");
  b.fit(0, 0, leftEnd, superior, "headLeft");
  b.fit(1, 0, leftEnd, unit, "headUnit");
  b.fit(2, 0, leftEnd, "*", "headLeft");
  b.setHeight(3, heightFor(1));
}

function titleBlock(b: SheetBuilder, title: string, lastCol: number): void {
  b.block(SHEET_GEOMETRY.titleRow, 0, SHEET_GEOMETRY.titleRow, lastCol, title, "title");
  b.fit(SHEET_GEOMETRY.titleRow, 0, lastCol, title, "title");
  b.block(SHEET_GEOMETRY.attachRow, 0, SHEET_GEOMETRY.attachRow, lastCol, ATTACH_LINE, "attach");
  b.fit(SHEET_GEOMETRY.attachRow, 0, lastCol, ATTACH_LINE, "attach");
  b.setHeight(SHEET_GEOMETRY.attachRow + 1, 8);
}

function headerRow(b: SheetBuilder, headers: readonly string[]): void {
  const r = SHEET_GEOMETRY.headerRow;
  headers.forEach((h, c) => {
    b.set(r, c, h, "th");
    b.fit(r, c, c, h, "th");
  });
}

/** Blank lines between the title of the signer and the name (room for signature and seal). */
const SIGNATURE_GAP = 3;

/** The text of the signature block: "T/M BAN CHẤP HÀNH", "BÍ THƯ", room to sign, the name blank. */
export function signatureText(opts: Pick<SheetOptions, "signature" | "unitName">): string {
  const sig = opts.signature ?? defaultSignature(opts.unitName);
  return [...(sig.onBehalf !== "" ? [sig.onBehalf] : []), sig.title, ...Array<string>(SIGNATURE_GAP).fill(""), SIGNATURE_NAME_BLANK].join(
    "\n",
  );
}

/**
 * The signature block in one cell of one row at `r`, over columns c1..c2: a
 * row is never split across printed pages, so the block stays together.
 */
function signatureBlock(b: SheetBuilder, opts: SheetOptions, r: number, c1: number, c2: number): void {
  const text = signatureText(opts);
  b.block(r, c1, r, c2, text, "signature");
  b.setHeight(r, heightFor(text.split("\n").length));
}

function rowsOf(range: { first: number; last: number }, c: number): string {
  return rangeAddress(range.first, c, range.last, c);
}

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
  const from = REPORTING_PERIOD.from.split("-").reverse().join("/");
  const to = REPORTING_PERIOD.to.split("-").reverse().join("/");
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
  signatureBlock(b, opts, lastRow + 2, 4, 4);
  return protectedSheet(DOCUMENTS_TABLE.sheetName, b, {
    dataValidations,
    conditionalFormats: [],
    allowInsertRows: true,
    pageSetup: PAGE,
    inputRanges: [rangeAddress(first, 1, lastRow, 4), ...fillInRanges(2, last, lastRow + 2, 4, 4)],
  });
}

/** The cells the unit fills in around the table: the date line, the attachment line, the signature block. */
function fillInRanges(leftEnd: number, lastCol: number, sigRow: number, c1: number, c2: number): string[] {
  return [
    rangeAddress(2, leftEnd + 1, 2, lastCol),
    rangeAddress(SHEET_GEOMETRY.attachRow, 0, SHEET_GEOMETRY.attachRow, lastCol),
    rangeAddress(sigRow, c1, sigRow, c2),
  ];
}

/**
 * The formula (without "=") that is true when a result is short of the target
 * shown in G of row x (1-based): a ratio target is a fraction there (0.9), the
 * ratio in F a percentage (90), so G is scaled and rounded before comparing.
 */
export function shortOfTargetFormula(target: Target, x: number): string {
  const shown = `ROUND(G${x}*100,6)`;
  switch (target.op) {
    case ">=":
      return `AND(ISNUMBER(F${x}),ISNUMBER(G${x}),F${x}<${shown})`;
    case ">":
      return `AND(ISNUMBER(F${x}),ISNUMBER(G${x}),F${x}<=${shown})`;
    case "count>=":
      // A count target ("Có 01 - 02 xã") is judged on Số đã đạt tiêu chuẩn; the mark goes on the ratio cell of its row.
      return `AND(ISNUMBER(E${x}),ISNUMBER(G${x}),E${x}<G${x})`;
  }
}

/** A sheet name as a formula reference ("'Mục tiêu'"). */
function sheetRef(name: string): string {
  return `'${name.replace(/'/g, "''")}'`;
}

/** The zero-based row of each indicator on the targets sheet. */
export function targetsSheetRows(): ReadonlyMap<string, number> {
  const rows = new Map<string, number>();
  CATALOGUE_ROWS.forEach((row, k) => {
    if (row.kind === "indicator") rows.set(row.indicator.id, TARGETS_GEOMETRY.firstDataRow + k);
  });
  return rows;
}

/** The formula of the Mục tiêu column of "Chỉ tiêu": the targets sheet's cell, Đề án 241's target when it is blank. */
export function linkedTargetFormula(target: Target, targetsRow: number): string {
  const cell = `${sheetRef(TARGETS_SHEET_NAME)}!${cellAddress(targetsRow, 4)}`;
  return `IF(${cell}="",${targetCellValue(target)},${cell})`;
}

const TARGET_STYLE: Readonly<Record<Target["op"], { input: string; shown: string }>> = {
  ">=": { input: "targetAtLeast", shown: "shownAtLeast" },
  ">": { input: "targetAbove", shown: "shownAbove" },
  "count>=": { input: "targetCount", shown: "shownCount" },
};

/** Chỉ tiêu: "KẾT QUẢ THỰC HIỆN CÁC MỤC TIÊU CỦA ĐỀ ÁN 241", rows from the catalogue in printed order. */
export function buildIndicatorsSheet(opts: SheetOptions): SheetLayout {
  const widths = [7, 62, 15, 12, 14, 11, 12];
  const b = new SheetBuilder(SHEET_STYLES, widths);
  const last = widths.length - 1;
  headerBlock(b, opts, 1, last);
  titleBlock(b, INDICATORS_TABLE.title, last);
  headerRow(b, [...INDICATORS_TABLE.columns.map((c) => c.header), EXTRA_TARGET_HEADER]);
  const first = SHEET_GEOMETRY.firstDataRow;
  const targetRows = targetsSheetRows();
  const conditionalFormats: ConditionalFormatRule[] = [];
  const inputRanges: string[] = [];
  let run: { first: number; last: number } | undefined;
  const closeRun = () => {
    if (run) inputRanges.push(rangeAddress(run.first, 3, run.last, 4));
    run = undefined;
  };
  let r = first;
  for (const row of CATALOGUE_ROWS) {
    if (row.kind === "group") {
      closeRun();
      const top = row.group.parent === undefined;
      b.set(r, 0, row.group.stt, top ? "groupStt" : "cellCenter");
      b.set(r, 1, row.group.label, top ? "groupText" : "cellText");
      for (let c = 2; c <= last; c++) b.set(r, c, null, "cellCenter");
      b.fit(r, 1, 1, row.group.label, "groupText");
    } else {
      const i = row.indicator;
      const x = r + 1;
      b.set(r, 0, i.stt, "cellCenter");
      b.set(r, 1, i.text, "cellText");
      b.set(r, 2, i.dvt, "cellCenter");
      b.set(r, 3, null, "inputInt");
      b.set(r, 4, null, "inputInt");
      b.set(r, 5, null, "ratio", `IF(OR(D${x}="",D${x}=0,E${x}=""),"",E${x}*100/D${x})`);
      b.set(r, 6, null, TARGET_STYLE[i.target.op].shown, linkedTargetFormula(i.target, targetRows.get(i.id)!));
      b.fit(r, 1, 1, i.text, "cellText");
      b.fit(r, 2, 2, i.dvt, "cellCenter");
      conditionalFormats.push({
        range: cellAddress(r, 5),
        formula: shortOfTargetFormula(i.target, x),
        fill: SHORT_FILL,
        meaning: `Chưa đạt mục tiêu ở cột G (mặc định ${targetLabel(i.target)}, theo trang "${TARGETS_SHEET_NAME}") (chỉ tiêu ${i.id})`,
      });
      if (run) run.last = r;
      else run = { first: r, last: r };
    }
    r++;
  }
  closeRun();
  const lastRow = r - 1;
  const body = { first, last: lastRow };
  const dataValidations: DataValidationRule[] = [
    {
      range: rowsOf(body, 3),
      type: "whole",
      operator: "greaterThanOrEqual",
      formulae: [0],
      allowBlank: true,
      prompt: { title: "Tổng số", text: "Nhập số nguyên không âm (tổng số đối tượng của chỉ tiêu)." },
      error: { title: "Tổng số không hợp lệ", text: "Tổng số phải là số nguyên không âm (0, 1, 2, …)." },
    },
    {
      range: rowsOf(body, 4),
      type: "custom",
      formulae: [`AND(ISNUMBER(E${first + 1}),E${first + 1}=INT(E${first + 1}),E${first + 1}>=0,OR(D${first + 1}="",E${first + 1}<=D${first + 1}))`],
      allowBlank: true,
      prompt: { title: "Số đã đạt tiêu chuẩn", text: "Nhập số nguyên không âm, không lớn hơn Tổng số." },
      error: {
        title: "Số đã đạt không hợp lệ",
        text: "Số đã đạt tiêu chuẩn phải là số nguyên không âm và không được lớn hơn Tổng số.",
      },
    },
  ];
  const noteRow = lastRow + 2;
  const note = `Ghi chú: ${INDICATORS_TABLE_NOTE}`;
  b.block(noteRow, 0, noteRow, last, note, "note");
  b.fit(noteRow, 0, last, note, "note");
  signatureBlock(b, opts, noteRow + 2, 3, last);
  inputRanges.push(...fillInRanges(1, last, noteRow + 2, 3, last));
  return protectedSheet(INDICATORS_TABLE.sheetName, b, { dataValidations, conditionalFormats, allowInsertRows: false, pageSetup: PAGE, inputRanges });
}

/** "Mục tiêu": every indicator with Đề án 241's target and, beside it, the target the unit judges itself by. */
export function buildTargetsSheet(): SheetLayout {
  const widths = [10, 60, 15, 19, 14];
  const last = widths.length - 1;
  const b = new SheetBuilder(SHEET_STYLES, widths);
  const g = TARGETS_GEOMETRY;
  b.block(g.titleRow, 0, g.titleRow, last, TARGETS_SHEET_TITLE, "title");
  b.fit(g.titleRow, 0, last, TARGETS_SHEET_TITLE, "title");
  const note = `Ghi chú: ${INDICATORS_TABLE_NOTE}`;
  b.block(g.noteRow, 0, g.noteRow, last, note, "note");
  b.fit(g.noteRow, 0, last, note, "note");
  b.block(g.helpRow, 0, g.helpRow, last, TARGETS_HELP, "note");
  b.fit(g.helpRow, 0, last, TARGETS_HELP, "note");
  TARGETS_HEADERS.forEach((h, c) => {
    b.set(g.headerRow, c, h, "th");
    b.fit(g.headerRow, c, c, h, "th");
  });
  const rows = targetsSheetRows();
  const dataValidations: DataValidationRule[] = [];
  const inputRanges: string[] = [];
  CATALOGUE_ROWS.forEach((row, k) => {
    const r = g.firstDataRow + k;
    if (row.kind === "group") {
      const top = row.group.parent === undefined;
      b.set(r, 0, row.group.stt, top ? "groupStt" : "cellCenter");
      b.set(r, 1, row.group.label, top ? "groupText" : "cellText");
      for (let c = 2; c <= last; c++) b.set(r, c, null, "cellCenter");
      return;
    }
    const i = row.indicator;
    if (rows.get(i.id) !== r) throw new Error(`Targets sheet row of ${i.id} out of step`);
    b.set(r, 0, i.id, "cellCenter");
    b.set(r, 1, i.text, "cellText");
    b.set(r, 2, i.dvt, "cellCenter");
    b.set(r, 3, targetLabel(i.target), "cellCenter");
    b.set(r, 4, targetCellValue(i.target), TARGET_STYLE[i.target.op].input);
    b.fit(r, 1, 1, i.text, "cellText");
    const at = cellAddress(r, 4);
    inputRanges.push(at);
    dataValidations.push(
      i.target.op === "count>="
        ? {
            range: at,
            type: "whole",
            operator: "greaterThanOrEqual",
            formulae: [0],
            allowBlank: true,
            prompt: { title: "Mục tiêu", text: `Số đơn vị cần đạt (Đề án 241: ${targetLabel(i.target)}). Để trống thì dùng mục tiêu của Đề án 241.` },
            error: { title: "Mục tiêu không hợp lệ", text: "Mục tiêu của chỉ tiêu này là một số nguyên không âm (1, 2, …)." },
          }
        : {
            range: at,
            type: "decimal",
            operator: "between",
            formulae: [0, 1],
            allowBlank: true,
            prompt: { title: "Mục tiêu", text: `Tỷ lệ cần đạt, ví dụ 90% (Đề án 241: ${targetLabel(i.target)}). Để trống thì dùng mục tiêu của Đề án 241.` },
            error: { title: "Mục tiêu không hợp lệ", text: "Mục tiêu là tỷ lệ phần trăm từ 0% đến 100%, ví dụ 90%." },
          },
    );
  });
  return protectedSheet(TARGETS_SHEET_NAME, b, {
    dataValidations,
    conditionalFormats: [],
    allowInsertRows: false,
    pageSetup: { ...PAGE, orientation: "portrait", printTitleRows: `${g.headerRow + 1}:${g.headerRow + 1}` },
    inputRanges,
  });
}

export const UNITS_SHEET_NAME = "Đơn vị";
export const UNITS_HEADERS = ["Tên đơn vị", "Mã", "Cấp", "Email"] as const;

/** The district's unit list: one row per unit under "Tên đơn vị, Mã, Cấp, Email". */
export function buildUnitsSheet(units: readonly Unit[]): SheetLayout {
  const widths = [45, 22, 10, 34];
  const b = new SheetBuilder(SHEET_STYLES, widths);
  UNITS_HEADERS.forEach((h, c) => b.set(0, c, h, "th"));
  units.forEach((u, i) => {
    const r = i + 1;
    b.set(r, 0, u.name, "inputText");
    b.set(r, 1, u.code ?? null, "inputTextCenter");
    b.set(r, 2, levelLabel(u.level), "inputTextCenter");
    b.set(r, 3, u.email ?? null, "inputText");
  });
  return {
    name: UNITS_SHEET_NAME,
    visibility: "visible",
    cells: b.list(),
    styles: SHEET_STYLES,
    merges: [],
    columnWidths: widths,
    rowHeights: {},
    dataValidations: [],
    conditionalFormats: [],
    pageSetup: { ...PAGE, orientation: "portrait", printTitleRows: "1:1" },
    inputRanges: units.length > 0 ? [rangeAddress(1, 0, units.length, 3)] : [],
  };
}

/** The identity sheet: very hidden, key/value rows as text. */
export function buildIdentitySheet(rows: readonly (readonly string[])[]): SheetLayout {
  const b = new SheetBuilder(SHEET_STYLES, [16, 40]);
  rows.forEach((row, r) => row.forEach((v, c) => b.set(r, c, v === "" ? null : v, "plain")));
  return {
    name: IDENTITY_SHEET,
    visibility: "veryHidden",
    cells: b.list(),
    styles: SHEET_STYLES,
    merges: [],
    columnWidths: [16, 40],
    rowHeights: {},
    dataValidations: [],
    conditionalFormats: [],
    inputRanges: [],
  };
}

/** A unit's workbook: "Văn bản", "Chỉ tiêu", "Mục tiêu" and the very hidden identity sheet. */
export function buildUnitWorkbook(opts: UnitWorkbookOptions): WorkbookLayout {
  const identity = {
    kind: "unit-report" as const,
    template: TEMPLATE_ID,
    version: TEMPLATE_VERSION,
    unitName: opts.unitName,
    ...(opts.unitCode !== undefined && opts.unitCode !== "" ? { unitCode: opts.unitCode } : {}),
    level: opts.level,
    superior: opts.superior ?? DEFAULT_SUPERIOR,
    created: opts.created,
  };
  return {
    sheets: [buildDocumentsSheet(opts), buildIndicatorsSheet(opts), buildTargetsSheet(), buildIdentitySheet(identityRows(identity))],
    identity,
  };
}
