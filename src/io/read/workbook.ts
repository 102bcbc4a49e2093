/**
 * File → grids: reads .xlsx/.xlsm/.xls/.ods (and the HTML/XML "Excel" files
 * some systems export) with SheetJS, after guarding against oversized,
 * zip-bomb, encrypted and non-workbook input.
 */
import type * as SheetJs from "@e965/xlsx";
import type { CellValue, GridCell, GridRange, GridSheet, WorkbookGrid } from "../../domain/model/grid";
import { DEFAULT_LIMITS, EXCEL_COLUMNS, EXCEL_ROWS, libraryFailure, WorkbookReadError, type ReadLimits } from "./errors";
import { oddNumberStyle, OdsRefused, scanOdsContent, type OdsScan } from "./lean/ods";
import { markNonNumbers, referenceOutsideExcel } from "./lean/sheet-check";
import { biffInfo, guardCfb, shortFormulaRecord, textFromCp1258 } from "./cfb";
import { repack, scanZip } from "./zip";
import { HTML_START } from "./html";
import { SPREADSHEET_KINDS_TEXT } from "./formats";

/** A file that is none of the kinds read: the message names them (from the one list) and what the file is, when known. */
function notAWorkbook(fileName: string, detail: string | undefined): WorkbookReadError {
  return new WorkbookReadError("not-a-workbook", fileName, { kinds: SPREADSHEET_KINDS_TEXT, ...(detail !== undefined ? { detail } : {}) });
}

declare const require: (id: string) => unknown;
let sheetJsLoaded: typeof SheetJs | undefined;
/**
 * SheetJS, loaded the first time a file needs it (.xls, .ods, XML spreadsheets, an .xlsx the lean
 * reader hands on): a merge of plain .xlsx files never loads it.
 */
function sheetJs(): typeof SheetJs {
  return (sheetJsLoaded ??= require("@e965/xlsx") as typeof SheetJs);
}

type Kind = "zip" | "cfb" | "xml" | "fods" | "html" | "csv";

function startsWith(bytes: Uint8Array, sig: readonly number[]): boolean {
  return sig.every((b, i) => bytes[i] === b);
}

function headText(bytes: Uint8Array, n = 4096): string {
  return new TextDecoder("utf-8", { fatal: false }).decode(bytes.subarray(0, n)).replace(/^\ufeff/, "").trimStart().toLowerCase();
}

function detectKind(bytes: Uint8Array, fileName: string): Kind | undefined {
  if (startsWith(bytes, [0x50, 0x4b, 0x03, 0x04]) || startsWith(bytes, [0x50, 0x4b, 0x05, 0x06])) return "zip";
  if (startsWith(bytes, [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1])) return "cfb";
  const head = headText(bytes);
  if (head.startsWith("<?xml") && head.includes("urn:schemas-microsoft-com:office:spreadsheet")) return "xml";
  // LibreOffice's "Flat XML ODF Spreadsheet" (.fods): the parts of an .ods in one XML document, unzipped.
  if (isFlatOdf(head) && head.includes("application/vnd.oasis.opendocument.spreadsheet")) return "fods";
  if (HTML_START.test(head) && /<table/.test(headText(bytes, 1 << 20))) return "html";
  if (/\.csv$/i.test(fileName) && !head.includes("\u0000")) return "csv";
  return undefined;
}

/** Whether the (lower-cased) head of a file is a flat OpenDocument: one XML whose root is office:document. */
function isFlatOdf(head: string): boolean {
  return /^(<\?xml[^>]*>\s*)?(<!--[\s\S]*?-->\s*)*<[\w.-]*:?document\b/.test(head) && head.includes("urn:oasis:names:tc:opendocument:xmlns:office:1.0");
}

/** BIFF FILEPASS record (0x002F) in the workbook globals of an .xls stream. */
function biffHasFilePass(stream: Uint8Array): boolean {
  let p = 0;
  while (p + 4 <= stream.length) {
    const type = stream[p]! | (stream[p + 1]! << 8);
    const len = stream[p + 2]! | (stream[p + 3]! << 8);
    if (type === 0x002f) return true;
    if (type === 0x000a) return false; // EOF of the globals
    p += 4 + len;
  }
  return false;
}

/**
 * Checks a compound file with our own bounded parser (cfb.ts) before SheetJS parses it: its
 * structure, encryption and that it holds a workbook. Returns whether its 8-bit text is in code page 1258.
 */
function checkCfb(bytes: Uint8Array, fileName: string, limits: ReadLimits): { readonly cp1258: boolean } {
  const { streams } = guardCfb(bytes, fileName, limits);
  const names = streams.map((f) => f.name);
  if (names.includes("EncryptionInfo") || names.includes("EncryptedPackage")) throw new WorkbookReadError("encrypted", fileName);
  const book = streams.find((f) => f.path === "Workbook" || f.path === "Book") ?? streams.find((f) => f.name === "Workbook" || f.name === "Book");
  if (!book) {
    const word = names.includes("WordDocument");
    throw notAWorkbook(fileName, word ? "tệp Word" : "tệp Office không chứa bảng tính");
  }
  if (biffHasFilePass(book.bytes)) throw new WorkbookReadError("encrypted", fileName);
  const short = shortFormulaRecord(book.bytes);
  if (short) {
    const record = `0x${short.type.toString(16).toUpperCase().padStart(4, "0")}`;
    throw new WorkbookReadError("corrupt", fileName, { detail: `bản ghi công thức (${record}) ở byte ${short.at} của bảng tính ngắn hơn công thức nó khai báo` });
  }
  const info = biffInfo(book.bytes);
  return { cp1258: info.codePage === 1258 && info.version < 0x0600 };
}

/** The parts of an .xlsx/.xlsm SheetJS may need: package, workbook and sheet parts (no pictures, embedded files, macros). */
function isOoxmlPart(name: string): boolean {
  if (name === "[Content_Types].xml" || name === "_rels/.rels") return true;
  if (name.startsWith("docProps/")) return name.endsWith(".xml") && name.indexOf("/", 9) < 0;
  if (!name.startsWith("xl/")) return false;
  if (/^xl\/(media|embeddings|activeX|printerSettings|ctrlProps|externalLinks)\//i.test(name) || /vbaProject/i.test(name)) return false;
  return name.endsWith(".xml") || name.endsWith(".rels") || name.endsWith(".bin");
}

const ODS_PARTS = new Set(["mimetype", "META-INF/manifest.xml", "content.xml", "styles.xml", "meta.xml"]);
/** Parts of an .xlsx the lean reader never reads (it hands a file on when a sheet or its strings or styles would be one). */
const LEAN_SKIPS = /^(\[Content_Types\]\.xml$|docProps\/|xl\/(theme|drawings|charts|diagrams|customXml)\/|xl\/(calcChain|connections|metadata|persons\/person)\.xml$)/i;
/** Parts checked as worksheets: any XML part, since the relationships may put a worksheet anywhere. */
const WORKSHEET = /\.xml$/;

/** A zip read once, by the guard: its kind and the parts a reader may have, inflated and counted under the limits. */
export interface GuardedZip {
  readonly kind: "ods" | "ooxml";
  readonly parts: ReadonlyMap<string, Uint8Array>;
  /** For an .ods: what the scan of content.xml found. */
  readonly ods?: OdsScan;
  /**
   * For an .xlsx opened for the lean reader (guardZip's `deferSheetChecks`): its cell count and
   * references are left to the reader, these parts were left closed, and the file is kept to open
   * it whole (for SheetJS, or a reader that needs a closed part).
   */
  readonly forLean?: { readonly closed: ReadonlySet<string>; readonly bytes: Uint8Array };
}

const decoder = new TextDecoder();
const encoder = new TextEncoder();

/**
 * Opens a zip container under the limits (zip.ts: one parser, ambiguity refused, entries,
 * inflated bytes, ratio and cells counted as they inflate) and keeps only the parts a reader
 * needs; nested archives are never followed. Refuses encrypted packages, non-workbooks, cells
 * outside Excel's sheet and broken or oversized .ods content.
 */
export function guardZip(
  bytes: Uint8Array,
  fileName: string,
  limits: ReadLimits,
  /**
   * Leave an .xlsx's cell count and cell references to the reader (the lean reader checks the
   * sheets it reads as it reads them); readGuardedZip makes both checks before SheetJS reads it.
   */
  deferSheetChecks = false,
): GuardedZip {
  const handedOn = (name: string): boolean => ODS_PARTS.has(name) || isOoxmlPart(name);
  // For the lean reader, parts no reader of cells looks at (theme, document properties, drawings)
  // are checked by their declared sizes alone; readGuardedZip opens the zip again for SheetJS.
  const inflated = deferSheetChecks ? (name: string): boolean => handedOn(name) && !LEAN_SKIPS.test(name) : handedOn;
  // Cells counted as they inflate, as always, when the parts are large enough to hold too many (a bomb of empty cells stops early).
  const scan = scanZip(bytes, fileName, limits, inflated, inflated, deferSheetChecks ? { atLeastBytes: 4 * limits.maxCells } : true);
  const names = new Set(scan.entries.map((e) => e.name));
  const manifest = scan.texts.get("META-INF/manifest.xml");
  if (manifest && manifest.indexOf("encryption-data") >= 0) throw new WorkbookReadError("encrypted", fileName);
  const mimetype = scan.texts.get("mimetype")?.trim();
  const isOds = mimetype === "application/vnd.oasis.opendocument.spreadsheet" || (names.has("content.xml") && !mimetype?.includes("text"));
  const isOoxml = names.has("xl/workbook.xml") || names.has("xl/workbook.bin");
  if (!isOds && !isOoxml) {
    const detail = names.has("word/document.xml")
      ? "tệp Word"
      : names.has("ppt/presentation.xml")
        ? "tệp PowerPoint"
        : mimetype?.includes("text")
          ? "tệp văn bản OpenDocument"
          : "tệp nén không chứa bảng tính";
    throw notAWorkbook(fileName, detail);
  }
  const parts = new Map<string, Uint8Array>();
  if (isOoxml) {
    for (const [name, data] of scan.kept) if (isOoxmlPart(name)) parts.set(name, data);
    if (deferSheetChecks) {
      const closed = new Set(scan.entries.filter((e) => !parts.has(e.name) && isOoxmlPart(e.name)).map((e) => e.name));
      return { kind: "ooxml", parts, forLean: { closed, bytes } };
    }
    checkReferences(parts, fileName);
    return { kind: "ooxml", parts };
  }
  for (const [name, data] of scan.kept) if (ODS_PARTS.has(name)) parts.set(name, data);
  const content = parts.get("content.xml");
  if (!content) throw new WorkbookReadError("corrupt", fileName, { detail: "thiếu phần nội dung content.xml" });
  const contentXml = decoder.decode(content);
  for (const [part, xml] of [["content.xml", contentXml], ["styles.xml", decoder.decode(parts.get("styles.xml") ?? new Uint8Array(0))]] as const) {
    const odd = oddNumberStyle(xml);
    if (odd !== undefined) throw new WorkbookReadError("corrupt", fileName, { detail: `định dạng số ở phần "${part}" ghi số chữ số bất thường (${odd})` });
  }
  try {
    return { kind: "ods", parts, ods: scanOdsContent(contentXml, limits.maxCells) };
  } catch (error) {
    if (!(error instanceof OdsRefused)) throw error;
    if (error.code === "too-many-cells") throw new WorkbookReadError("too-many-cells", fileName, { cells: error.cells, limit: limits.maxCells });
    throw new WorkbookReadError("corrupt", fileName, { detail: error.detail });
  }
}

/** Refuses a package with a cell or row reference outside Excel's sheet in any XML part (a worksheet may be any of them). */
function checkReferences(parts: ReadonlyMap<string, Uint8Array>, fileName: string): void {
  for (const [name, data] of parts) {
    if (!WORKSHEET.test(name)) continue;
    const outside = referenceOutsideExcel(data);
    if (outside !== undefined) throw outsideExcel(fileName, name, outside);
  }
}

/** The error for a cell reference outside Excel's sheet, in a part. */
export function outsideExcel(fileName: string, part: string, reference: string): WorkbookReadError {
  return new WorkbookReadError("corrupt", fileName, {
    detail: `ô "${reference}" ở phần "${part}" nằm ngoài giới hạn ${EXCEL_COLUMNS} cột × ${EXCEL_ROWS} dòng của bảng tính`,
  });
}

/** The clean archive SheetJS reads: the guarded parts, numbers it would misread marked as text. */
function sheetJsArchive(zip: GuardedZip): Uint8Array {
  if (zip.kind === "ods") return repack(zip.parts);
  const parts = new Map<string, Uint8Array>();
  for (const [name, data] of zip.parts) {
    if (WORKSHEET.test(name)) {
      const xml = decoder.decode(data);
      const marked = markNonNumbers(xml);
      parts.set(name, marked === xml ? data : encoder.encode(marked));
    } else parts.set(name, data);
  }
  return repack(parts);
}

/** Excel serial → Date (UTC midnight-based), in the 1900 or 1904 date system. */
function serialToDate(serial: number, date1904: boolean): Date {
  return new Date(Date.UTC(1899, 11, 30) + (serial + (date1904 ? 1462 : 0)) * 86400000);
}

function toGridCell(cell: SheetJs.CellObject, date1904: boolean): GridCell | undefined {
  const out: { v?: CellValue; f?: string; w?: string; z?: string } = {};
  if (cell.f !== undefined && cell.f !== "") out.f = String(cell.f);
  if (typeof cell.w === "string") out.w = cell.w;
  if (typeof cell.z === "string") out.z = cell.z;
  switch (cell.t) {
    case "n": {
      const v = cell.v as number;
      // A serial below 1 (a time of day, or 0) in a date format is no date: it stays the number, as in the lean reader.
      // An empty or blank <v> (SheetJS's NaN) is no value, as in the lean reader.
      if (typeof v === "number" && !Number.isNaN(v)) out.v = out.z && v >= 1 && sheetJs().SSF.is_date(out.z) ? serialToDate(v, date1904) : v;
      break;
    }
    case "s":
    case "str" as string:
      if (cell.v !== undefined) out.v = String(cell.v);
      break;
    case "b":
      out.v = Boolean(cell.v);
      break;
    case "d":
      if (cell.v instanceof Date && Number.isNaN(cell.v.getTime())) {
        // A date that does not parse stays the text shown (never an invalid Date).
        out.v = typeof cell.w === "string" ? cell.w : "";
        if (out.v === "") delete out.v;
      } else if (cell.v instanceof Date) {
        // SheetJS builds local-time dates; carry the same wall-clock day as UTC.
        const d = cell.v;
        out.v = new Date(Date.UTC(d.getFullYear(), d.getMonth(), d.getDate(), d.getHours(), d.getMinutes(), d.getSeconds()));
      } else if (typeof cell.v === "string") out.v = cell.v;
      break;
    case "e":
      out.v = typeof cell.w === "string" ? cell.w : "#ERROR!";
      break;
    default:
      break;
  }
  if (out.v === undefined && out.f === undefined) return undefined;
  return out;
}

/** Looks a sheet up by name without trusting the prototype chain (a sheet may be named "__proto__"). */
function sheetByName(wb: SheetJs.WorkBook, name: string): SheetJs.WorkSheet | undefined {
  if (Object.prototype.hasOwnProperty.call(wb.Sheets, name)) return wb.Sheets[name];
  if (name === "__proto__") {
    // Assigning Sheets["__proto__"] replaces the object's prototype: the sheet lives there.
    const proto = Object.getPrototypeOf(wb.Sheets) as unknown;
    if (proto && proto !== Object.prototype && typeof proto === "object") {
      const ws = proto as SheetJs.WorkSheet;
      if (Object.prototype.hasOwnProperty.call(ws, "!ref") || Object.prototype.hasOwnProperty.call(ws, "!data")) return ws;
    }
  }
  return undefined;
}

function visibilityOf(wb: SheetJs.WorkBook, index: number): GridSheet["visibility"] {
  const hidden = wb.Workbook?.Sheets?.[index]?.Hidden;
  return hidden === 1 ? "hidden" : hidden === 2 ? "veryHidden" : "visible";
}

/**
 * The first cell SheetJS placed outside Excel's sheet, as "row R, column C" (undefined when none):
 * a reference it reads otherwise than the checks before it ("A1:XFD1048576" for a cell's r has
 * put a cell at row 11,048,576), which the domain would walk row by row.
 */
function cellOutsideExcel(ws: SheetJs.WorkSheet | undefined): string | undefined {
  const data = (ws?.["!data"] ?? []) as (SheetJs.CellObject[] | undefined)[];
  if (data.length > EXCEL_ROWS) return `ở dòng ${data.length}`;
  for (let r = 0; r < data.length; r++) {
    const row = data[r];
    if (row && row.length > EXCEL_COLUMNS) return `ở dòng ${r + 1}, cột ${row.length}`;
  }
  return undefined;
}

function toGridSheet(ws: SheetJs.WorkSheet | undefined, name: string, visibility: GridSheet["visibility"], date1904: boolean): { sheet: GridSheet; cells: number } {
  const rows: (GridCell | undefined)[][] = [];
  let cells = 0;
  const data = (ws?.["!data"] ?? []) as (SheetJs.CellObject[] | undefined)[];
  for (let r = 0; r < data.length; r++) {
    const src = data[r];
    if (!src) continue;
    const row: (GridCell | undefined)[] = [];
    for (let c = 0; c < src.length; c++) {
      const cell = src[c];
      if (!cell) continue;
      const g = toGridCell(cell, date1904);
      if (g) {
        row[c] = g;
        cells++;
      }
    }
    rows[r] = row;
  }
  const merges: GridRange[] = (ws?.["!merges"] ?? []).map((m) => ({ s: { r: m.s.r, c: m.s.c }, e: { r: m.e.r, c: m.e.c } }));
  return { sheet: { name, visibility, rows, merges }, cells };
}

/** What a file that is no workbook is, when it can be told: what a unit sends by mistake, and what to ask for instead. */
function notAWorkbookDetail(bytes: Uint8Array, fileName: string): string | undefined {
  if (startsWith(bytes, [0x25, 0x50, 0x44, 0x46])) return "tệp PDF";
  // A flat OpenDocument other than a spreadsheet: LibreOffice Writer's .fodt, Impress's .fodp.
  if (isFlatOdf(headText(bytes))) return "tệp OpenDocument không chứa bảng tính";
  const base = fileName.replace(/^.*[\\/]/, "");
  // Excel's owner file beside an open workbook: a few hundred bytes holding the user's name.
  if (base.startsWith("~$") && bytes.length < 4096) return `tệp tạm Excel tạo ra khi sổ làm việc đang mở; hãy dùng tệp "${base.slice(2)}"`;
  // "Save as Web Page" of a workbook of several sheets: the page is a frame, the sheets are in the "…_files" folder beside it.
  const head = new TextDecoder("utf-8").decode(bytes.subarray(0, 4096));
  if (/Excel Workbook Frameset|<frameset\b/i.test(head)) {
    return 'trang khung của Excel ("Lưu thành trang web"): các trang tính nằm trong thư mục "…_files" đi kèm, không có trong tệp này; đề nghị đơn vị gửi tệp .xlsx';
  }
  return undefined;
}

/**
 * Reads a workbook file. Throws WorkbookReadError (code + Vietnamese message naming the file)
 * when the file is too large, a zip bomb, encrypted, not a workbook, corrupt, too big in cells, or empty.
 */
export function readWorkbookFile(bytes: Uint8Array, fileName: string, limits: Partial<ReadLimits> = {}): WorkbookGrid {
  const lim: ReadLimits = { ...DEFAULT_LIMITS, ...limits };
  if (bytes.length > lim.maxFileBytes) {
    throw new WorkbookReadError("too-large", fileName, { size: bytes.length, limit: lim.maxFileBytes });
  }
  if (bytes.length === 0) throw new WorkbookReadError("empty-file", fileName);
  const kind = detectKind(bytes, fileName);
  if (!kind) {
    const detail = notAWorkbookDetail(bytes, fileName);
    throw notAWorkbook(fileName, detail);
  }
  if (kind === "zip") return readGuardedZip(guardZip(bytes, fileName, lim), fileName, lim);
  if (kind === "cfb") {
    const { cp1258 } = checkCfb(bytes, fileName, lim);
    const grid = readWithSheetJs(bytes, fileName, lim, new Set<string>());
    return cp1258 ? mapTexts(grid, textFromCp1258) : grid;
  }
  if (kind === "xml") checkXmlSpreadsheet(bytes, fileName);
  if (kind === "fods") return readWithSheetJs(bytes, fileName, lim, scanFlatOds(bytes, fileName, lim).hidden);
  return readWithSheetJs(bytes, fileName, lim, new Set<string>());
}

/**
 * An XML spreadsheet (Excel 2003) places rows and cells by number (ss:Index) and merges by count
 * (ss:MergeAcross, ss:MergeDown): a number past Excel's sheet held SheetJS for a minute and took
 * gigabytes ("MergeAcross=99999999"). Refused before it reads, as a cell outside the sheet is in an .xlsx.
 */
function checkXmlSpreadsheet(bytes: Uint8Array, fileName: string): void {
  const text = new TextDecoder("utf-8").decode(bytes);
  const PLACED = /<(?:\w+:)?(Row|Cell)\b[^>]*?\b(?:\w+:)?(Index|MergeAcross|MergeDown)\s*=\s*["']\s*(\d+)/g;
  for (let m = PLACED.exec(text); m !== null; m = PLACED.exec(text)) {
    const [, element, attribute, digits] = m;
    const across = element === "Cell" && attribute !== "MergeDown";
    const limit = across ? EXCEL_COLUMNS : EXCEL_ROWS;
    if (digits!.length > 8 || Number(digits) > limit) {
      throw new WorkbookReadError("corrupt", fileName, {
        detail: `${element === "Row" ? "dòng" : "ô"} có ${attribute}="${digits!.length > 12 ? `${digits!.slice(0, 12)}…` : digits}" vượt quá giới hạn ${EXCEL_COLUMNS} cột × ${EXCEL_ROWS} dòng của bảng tính`,
      });
    }
  }
}

/**
 * A flat .fods goes through the scan an .ods's content.xml gets before SheetJS reads it: tags that
 * nest, the cells counted with a hard stop, every cell inside Excel's sheet, the hidden sheets found.
 */
function scanFlatOds(bytes: Uint8Array, fileName: string, limits: ReadLimits): OdsScan {
  const xml = decoder.decode(bytes);
  // Its number styles too, as an .ods's content.xml and styles.xml (oddNumberStyle).
  const odd = oddNumberStyle(xml);
  if (odd !== undefined) throw new WorkbookReadError("corrupt", fileName, { detail: `định dạng số trong tệp ghi số chữ số bất thường (${odd})` });
  try {
    return scanOdsContent(xml, limits.maxCells, "nội dung tệp");
  } catch (error) {
    if (!(error instanceof OdsRefused)) throw error;
    if (error.code === "too-many-cells") throw new WorkbookReadError("too-many-cells", fileName, { cells: error.cells, limit: limits.maxCells });
    throw new WorkbookReadError("corrupt", fileName, { detail: error.detail });
  }
}

/** The grid with every text (sheet names, text cells and what they show) passed through `map`. */
function mapTexts(grid: WorkbookGrid, map: (text: string) => string): WorkbookGrid {
  const sheets = grid.sheets.map((sheet) => ({
    ...sheet,
    name: map(sheet.name),
    rows: sheet.rows.map((row) =>
      row?.map((cell) => {
        if (!cell) return cell;
        const out: GridCell = { ...cell, ...(typeof cell.v === "string" ? { v: map(cell.v) } : {}), ...(cell.w !== undefined ? { w: map(cell.w) } : {}) };
        return out;
      }),
    ),
  }));
  return { ...grid, sheets };
}

/** Reads a zip the guard opened, with SheetJS, from a clean archive of its parts (never the raw file). */
export function readGuardedZip(zip: GuardedZip, fileName: string, limits: ReadLimits): WorkbookGrid {
  // Opened for the lean reader: opened again whole, every part counted and checked.
  if (zip.forLean) return readGuardedZip(guardZip(zip.forLean.bytes, fileName, limits), fileName, limits);
  return readWithSheetJs(sheetJsArchive(zip), fileName, limits, zip.ods?.hidden ?? new Set<string>());
}

function readWithSheetJs(bytes: Uint8Array, fileName: string, lim: ReadLimits, odsHidden: ReadonlySet<string>): WorkbookGrid {
  let wb: SheetJs.WorkBook;
  // SheetJS reports some harmless format quirks with console.error; keep them off the user's screen.
  const consoleError = console.error;
  console.error = () => undefined;
  try {
    wb = sheetJs().read(bytes, {
      type: "array",
      cellFormula: true,
      cellNF: true,
      cellDates: false,
      cellHTML: false,
      // Stubs keep formula cells that have no saved result (files written by libraries without a calculation engine).
      sheetStubs: true,
      sheetRows: lim.maxRows,
      dense: true,
      WTF: false,
    });
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    if (/password|encrypt/i.test(message)) throw new WorkbookReadError("encrypted", fileName);
    const said = libraryFailure(error);
    throw new WorkbookReadError("corrupt", fileName, said === undefined ? {} : { detail: said });
  } finally {
    console.error = consoleError;
  }
  const date1904 = Boolean(wb.Workbook?.WBProps?.date1904);
  const sheets: GridSheet[] = [];
  let cells = 0;
  (wb.SheetNames ?? []).forEach((name, index) => {
    const ws = sheetByName(wb, name);
    const far = cellOutsideExcel(ws);
    if (far !== undefined) {
      throw new WorkbookReadError("corrupt", fileName, { detail: `trang "${name}" có ô ${far}, nằm ngoài giới hạn ${EXCEL_COLUMNS} cột × ${EXCEL_ROWS} dòng của bảng tính` });
    }
    const { sheet, cells: n } = toGridSheet(
      ws,
      name,
      odsHidden.has(name) ? "hidden" : visibilityOf(wb, index),
      date1904,
    );
    cells += n;
    if (cells > lim.maxCells) throw new WorkbookReadError("too-many-cells", fileName, { cells, limit: lim.maxCells });
    sheets.push(sheet);
  });
  if (sheets.length === 0 || cells === 0) throw new WorkbookReadError("empty", fileName);
  const names: Record<string, string> = {};
  for (const n of wb.Workbook?.Names ?? []) {
    if (n.Sheet === undefined && typeof n.Name === "string" && typeof n.Ref === "string" && n.Name !== "__proto__") names[n.Name] = n.Ref;
  }
  return { sheets, ...(Object.keys(names).length > 0 ? { names } : {}) };
}
