/**
 * The one list of what the tool reads, for every surface: the CLI's folder
 * walk, the pane's file pickers and drop zones, and the messages that name
 * the accepted kinds. A new format is added here and in the reading facade
 * (src/io/read/index.ts), nowhere else.
 */

/** Spreadsheet files (the reader also recognises web pages, XML spreadsheets and flat .fods saved under these names). */
const SPREADSHEET_EXTENSIONS: readonly string[] = [".xlsx", ".xlsm", ".xls", ".ods"];

/** Web pages saved under their own name (a web system's export, Excel's "Save as Web Page"): read by the HTML reader. */
export const WEB_PAGE_EXTENSIONS: readonly string[] = [".htm", ".html"];

/** LibreOffice's "Flat XML ODF Spreadsheet": an .ods in one XML document, read as an .ods is. */
const FLAT_ODS_EXTENSIONS: readonly string[] = [".fods"];

/** A workbook saved as a template (Excel's .xltx/.xltm, LibreOffice's .ots): the same parts as the workbook, read as it is. */
const TEMPLATE_EXTENSIONS: readonly string[] = [".xltx", ".xltm", ".ots"];

/** CSV files a unit may send (a .txt is read only when named on its own, see isSpreadsheetName). */
const CSV_EXTENSIONS: readonly string[] = [".csv"];

/** Workbook files a unit may send. */
export const WORKBOOK_EXTENSIONS: readonly string[] = [...SPREADSHEET_EXTENSIONS, ...FLAT_ODS_EXTENSIONS, ...TEMPLATE_EXTENSIONS, ...WEB_PAGE_EXTENSIONS];

/** Files that can hold a unit list or a targets sheet: the workbooks, and CSV / plain text. */
export const LIST_EXTENSIONS: readonly string[] = [...WORKBOOK_EXTENSIONS, ".csv", ".txt"];

const MIME_TYPES = [
  "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
  "application/vnd.ms-excel",
  "application/vnd.oasis.opendocument.spreadsheet",
  "application/vnd.oasis.opendocument.spreadsheet-flat-xml",
  "text/html",
];

/** The `accept` attribute of a file input for unit workbooks. */
export const WORKBOOK_ACCEPT = [...WORKBOOK_EXTENSIONS, ...MIME_TYPES].join(",");

/** The `accept` attribute of a file input for one unit's spreadsheet read as it is (Kiểm tra, the fonts' conversion): the workbooks and CSV (isSpreadsheetName). */
export const SPREADSHEET_ACCEPT = [WORKBOOK_ACCEPT, ...CSV_EXTENSIONS, "text/csv"].join(",");

/** The `accept` attribute of a file input for unit lists and targets files. */
export const LIST_ACCEPT = [...LIST_EXTENSIONS, "text/csv", ...MIME_TYPES].join(",");

/** Email messages, opened into the spreadsheets attached (io/read/containers). */
const MESSAGE_EXTENSIONS: readonly string[] = [".eml", ".msg"];

/** Archives, opened into the spreadsheets inside (io/read/containers). */
const ARCHIVE_EXTENSIONS: readonly string[] = [".zip", ".rar"];

/** Email messages and archives of attachments, opened into the spreadsheets inside (io/read/containers). */
export const CONTAINER_EXTENSIONS: readonly string[] = [...MESSAGE_EXTENSIONS, ...ARCHIVE_EXTENSIONS];

const CONTAINER_MIME_TYPES = ["message/rfc822", "application/vnd.ms-outlook", "application/zip", "application/x-zip-compressed", "application/vnd.rar", "application/x-rar-compressed"];

/** The `accept` attribute of a file input for the files of a merge: workbooks, CSV, messages and archives. */
export const MERGE_ACCEPT = [SPREADSHEET_ACCEPT, ...CONTAINER_EXTENSIONS, ...CONTAINER_MIME_TYPES].join(",");

/** Whether a file name is an email message or an archive the tool opens. */
export function isContainerFileName(name: string): boolean {
  return CONTAINER_EXTENSIONS.includes(extensionOf(name));
}

/** Whether a file in a folder given to a merge, a check or a report is read: a spreadsheet, or a message or archive holding spreadsheets. */
export function isInputName(name: string): boolean {
  return isSpreadsheetName(name) || isContainerFileName(name);
}

/** What a folder holds for the system or an open program (Excel's "~$" owner file, a hidden file, Thumbs.db), never a unit's file: passed over without a word. */
export function isHousekeepingName(name: string): boolean {
  const lower = name.toLowerCase();
  return name.startsWith("~$") || name.startsWith(".") || lower === "thumbs.db" || lower === "desktop.ini";
}

/**
 * Whether a name is a spreadsheet a unit may send: the workbooks, and CSV (.csv only: a .txt beside
 * them, in a folder or a message, is more often a note than a report; named on its own it is read).
 */
export function isSpreadsheetName(name: string): boolean {
  return isWorkbookName(name) || CSV_EXTENSIONS.includes(extensionOf(name));
}

/** The spreadsheets (isSpreadsheetName) other than web pages, and the web pages, named in Vietnamese for messages. */
const SPREADSHEETS_NAMED = `bảng tính (${[...WORKBOOK_EXTENSIONS.filter((e) => !WEB_PAGE_EXTENSIONS.includes(e)), ...CSV_EXTENSIONS].join(", ")})`;
const WEB_PAGES_NAMED = `trang web (${WEB_PAGE_EXTENSIONS.join(", ")})`;

/** Every spreadsheet read (isSpreadsheetName): "bảng tính (.xlsx, …, .csv) hoặc trang web (.htm, .html)". For convert, which opens no message or archive. */
export const SPREADSHEET_KINDS_TEXT = `${SPREADSHEETS_NAMED} hoặc ${WEB_PAGES_NAMED}`;

/**
 * Everything a folder's walk reads (isInputName): "bảng tính (.xlsx, …, .csv), trang web (.htm, .html), thư điện tử
 * (.eml, .msg) hoặc tệp nén (.zip, .rar)". For the messages of a merge, a check, a report and feedback.
 */
export const INPUT_KINDS_TEXT = `${SPREADSHEETS_NAMED}, ${WEB_PAGES_NAMED}, thư điện tử (${MESSAGE_EXTENSIONS.join(", ")}) hoặc tệp nén (${ARCHIVE_EXTENSIONS.join(", ")})`;

function extensionOf(name: string): string {
  const dot = name.lastIndexOf(".");
  return dot < 0 ? "" : name.slice(dot).toLowerCase();
}

/** Whether a file name is one of the workbooks a unit may send. */
export function isWorkbookName(name: string): boolean {
  return WORKBOOK_EXTENSIONS.includes(extensionOf(name));
}

/** Whether a file name is read as CSV text rather than as a workbook. */
export function isCsvName(name: string): boolean {
  return [".csv", ".txt"].includes(extensionOf(name));
}
