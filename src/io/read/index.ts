/**
 * The reading facade: every use case reads a file through `readWorkbook`,
 * which picks the reader by the file's kind in this one place — CSV / plain
 * text through ./csv.ts, web pages saved as "Excel" (whatever their name)
 * through ./html.ts, an .xlsx/.xlsm through the lean SpreadsheetML reader
 * (./lean, which hands anything it does not fully understand to SheetJS), and
 * everything else (.xls, .ods, the XML "Excel" files some systems export)
 * through SheetJS (./workbook.ts). Kiểm tra/validate and Tổng
 * hợp/merge therefore read one file the same way.
 */
import type { WorkbookGrid } from "../../domain/model/grid";
import { WorkbookReadError, type ReadLimits } from "./errors";
import { readCsvFile } from "./csv";
import { isHtml, readHtmlFile } from "./html";
import { isCsvName } from "./formats";
import { readWorkbookFast } from "./lean";
import { withLongTextsCut } from "./cell-text";

export { readWorkbookFile } from "./workbook";
export { WorkbookReadError, DEFAULT_LIMITS, type ReadLimits } from "./errors";
export { scanZip, listZip } from "./zip";
export { csvSheet, readCsvFile } from "./csv";
export { readHtmlFile } from "./html";
export * from "./formats";

function startsAsZip(bytes: Uint8Array): boolean {
  return bytes.length > 4 && bytes[0] === 0x50 && bytes[1] === 0x4b && bytes[2] === 0x03 && bytes[3] === 0x04;
}

/**
 * Reads a file a user gave (by its bytes and name) as grids. Throws
 * WorkbookReadError (code + Vietnamese message naming the file) when it cannot.
 */
export function readWorkbook(bytes: Uint8Array, fileName: string, limits: Partial<ReadLimits> = {}): WorkbookGrid {
  return withLongTextsCut(readAnyFormat(bytes, fileName, limits));
}

function readAnyFormat(bytes: Uint8Array, fileName: string, limits: Partial<ReadLimits>): WorkbookGrid {
  if (bytes.length === 0) throw new WorkbookReadError("empty-file", fileName);
  if (isCsvName(fileName)) return readCsvFile(bytes, fileName, limits);
  // A zip (what most files are) cannot be a web page: its first bytes are "PK\x03\x04", not "<".
  if (!startsAsZip(bytes) && isHtml(bytes)) return readHtmlFile(bytes, fileName, limits);
  // Text separated by tabs (or commas, semicolons) that a web system or Excel's "Unicode Text" names .xls.
  if (isDelimitedText(bytes)) return readCsvFile(bytes, fileName, limits);
  return readWorkbookFast(bytes, fileName, limits);
}

/**
 * Whether a file is plain text in lines of separated fields: UTF-16 with its byte order mark, or
 * 8-bit text with no NUL byte in its first 4 KB, whose first two lines hold as many tabs, ";" or ",".
 * A workbook (zip, compound file), a web page, an XML spreadsheet, rich text or SYLK never is.
 */
function isDelimitedText(bytes: Uint8Array): boolean {
  if (bytes.length < 4) return false;
  const utf16 = (bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff);
  const head = bytes.subarray(0, 4096);
  if (!utf16 && head.includes(0)) return false;
  const text = utf16
    ? new TextDecoder(bytes[0] === 0xff ? "utf-16le" : "utf-16be").decode(head.subarray(2))
    : new TextDecoder("utf-8", { fatal: false }).decode(head).replace(/^\ufeff/, "");
  // Markup, a Word document in rich text, a SYLK file: none is a table of separated fields.
  if (/^\s*</.test(text) || text.startsWith("{\\rtf") || text.startsWith("ID;")) return false;
  // Two lines at least, the second with as many of the first line's separator.
  const [first, second] = text.split(/\r\n|\r|\n/);
  if (first === undefined || second === undefined) return false;
  return ["\t", ";", ","].some((sep) => {
    const fields = first.split(sep).length;
    return fields > 1 && second.split(sep).length === fields;
  });
}
