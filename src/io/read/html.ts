/**
 * Web pages saved as "Excel" (.xls/.htm/.html): the tables that web systems
 * export and that Excel writes with "Save as Web Page", as one grid.
 *
 * A small, bounded reader, not a browser: one linear scan of the text (every
 * search is indexOf or a character loop; the few regular expressions are
 * anchored with no nested or overlapping quantifiers), tables laid out by
 * HTML's rules for colspan and rowspan with spans clamped (HTML's 1000
 * columns / 65534 rows, Excel's 16,384 columns, the rows the table has) and
 * every cell a span covers counted against the cell limit. The page's text
 * outside tables (a title, "Đơn vị: …") becomes rows of one cell, in order.
 *
 * Cells: character references decoded (./entities.ts), white space collapsed
 * as a browser shows it, <br> and block tags as line breaks, NFC. Numbers stay
 * text for the domain to read, as in CSV, with the file's convention applied
 * (./text.ts); Excel's x:num attribute gives the number itself where the cell
 * shows one, and x:fmla the formula.
 */
import type { GridCell, GridRange, GridSheet, WorkbookGrid } from "../../domain/model/grid";
import { MAX_COLUMNS } from "../../domain/model/grid";
import { decodeEntities } from "./entities";
import { DEFAULT_LIMITS, WorkbookReadError, type ReadLimits } from "./errors";
import { applyConvention, decodeText, numberConvention, textsOf } from "./text";

/** HTML's own limits on spans. */
const MAX_COLSPAN = 1000;
const MAX_ROWSPAN = 65534;

/** Elements whose content is not text of the page. */
const RAW_TEXT = new Set(["script", "style", "title", "textarea", "xmp", "noscript", "noframes", "iframe", "template", "xml", "object"]);
/** Elements that break a line of text. */
const BLOCKS = new Set(["p", "div", "li", "ul", "ol", "h1", "h2", "h3", "h4", "h5", "h6", "center", "blockquote", "pre", "hr", "body", "dd", "dt", "dl", "address", "section", "article", "header", "footer", "form"]);

function asciiLower(s: string): string {
  let out = "";
  for (let i = 0; i < s.length; i++) {
    const ch = s.charCodeAt(i);
    out += ch >= 65 && ch <= 90 ? String.fromCharCode(ch + 32) : s[i]!;
  }
  return out;
}

function isSpace(ch: number): boolean {
  return ch === 32 || ch === 9 || ch === 10 || ch === 12 || ch === 13;
}

function isNameStart(ch: number): boolean {
  return (ch >= 65 && ch <= 90) || (ch >= 97 && ch <= 122);
}

/** The first 64 KB of the bytes as Latin-1 text (one character a byte). */
function headLatin1(bytes: Uint8Array, n = 65536): string {
  let s = "";
  const end = Math.min(bytes.length, n);
  for (let i = 0; i < end; i += 8192) s += String.fromCharCode(...bytes.subarray(i, Math.min(end, i + 8192)));
  return s;
}

/** Skips white space, comments, "<!…>" and "<?…?>" at `i` of the lower-cased head; returns where content starts. */
function skipProlog(head: string): number {
  let i = 0;
  for (;;) {
    while (i < head.length && isSpace(head.charCodeAt(i))) i++;
    if (head.startsWith("<!--", i)) {
      const end = head.indexOf("-->", i + 4);
      if (end < 0) return head.length;
      i = end + 3;
    } else if (head.startsWith("<?", i) || (head.startsWith("<!", i) && !head.startsWith("<!doctype", i))) {
      const end = head.indexOf(">", i + 2);
      if (end < 0) return head.length;
      i = end + 1;
    } else return i;
  }
}

/**
 * The first tag of a web page saved as a spreadsheet: a whole page, or a table as web systems write
 * it, alone or in a block (ASP.NET's GridView export starts "<div><table>").
 */
export const HTML_START = /^<(?:!doctype html|html|head|body|table|meta|style|title|div|center|form|span|font|p|h[1-6]|br|b)[\s>/]/;

/**
 * Whether the bytes are a web page holding a table: what it starts with (after a byte order mark,
 * white space, comments and an XML declaration) is HTML, and "<table" appears in it. An XML
 * spreadsheet ("<?xml …><Workbook …>") is not.
 */
export function isHtml(bytes: Uint8Array): boolean {
  if (bytes.length < 6) return false;
  let head: string;
  if ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff)) {
    head = new TextDecoder(bytes[0] === 0xff ? "utf-16le" : "utf-16be").decode(bytes.subarray(2, 8192));
  } else head = headLatin1(bytes, 4096);
  head = asciiLower(head.replace(/^\u00ef\u00bb\u00bf|^\ufeff/, ""));
  const start = skipProlog(head);
  if (!HTML_START.test(head.slice(start, start + 16))) return false;
  return hasTable(bytes);
}

/** "<table" anywhere in the bytes, in any case (UTF-16 pages: in their first 1 MB). */
function hasTable(bytes: Uint8Array): boolean {
  if ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff)) {
    return /<table/i.test(new TextDecoder(bytes[0] === 0xff ? "utf-16le" : "utf-16be").decode(bytes.subarray(0, 1 << 20)));
  }
  const t = [0x74, 0x61, 0x62, 0x6c, 0x65];
  for (let i = bytes.indexOf(0x3c); i >= 0 && i + 5 < bytes.length; i = bytes.indexOf(0x3c, i + 1)) {
    let k = 0;
    while (k < 5 && (bytes[i + 1 + k]! | 0x20) === t[k]) k++;
    if (k === 5) return true;
  }
  return false;
}

/** The charset a page declares in a <meta> of its first 64 KB, if any. */
export function declaredCharset(bytes: Uint8Array): string | undefined {
  const head = asciiLower(headLatin1(bytes));
  let i = head.indexOf("<meta");
  while (i >= 0) {
    const end = head.indexOf(">", i);
    if (end < 0) return undefined;
    const tag = head.slice(i, end);
    const at = tag.indexOf("charset");
    if (at >= 0) {
      let k = at + 7;
      while (k < tag.length && isSpace(tag.charCodeAt(k))) k++;
      if (tag[k] === "=") {
        k++;
        while (k < tag.length && (isSpace(tag.charCodeAt(k)) || tag[k] === '"' || tag[k] === "'")) k++;
        let e = k;
        while (e < tag.length && /[a-z0-9_.:-]/.test(tag[e]!)) e++;
        if (e > k) return tag.slice(k, e);
      }
    }
    i = head.indexOf("<meta", end);
  }
  return undefined;
}

interface Tag {
  readonly name: string;
  readonly end: boolean;
  readonly attrs: ReadonlyMap<string, string>;
  /** Where the text after the tag starts. */
  readonly next: number;
}

/** Reads the tag starting at `lt` ("<name …>" or "</name …>"); attribute values may hold ">" inside quotes. */
function readTag(s: string, lt: number): Tag {
  let i = lt + 1;
  const end = s[i] === "/";
  if (end) i++;
  const nameStart = i;
  while (i < s.length && !isSpace(s.charCodeAt(i)) && s[i] !== ">" && s[i] !== "/") i++;
  const name = asciiLower(s.slice(nameStart, i));
  const attrs = new Map<string, string>();
  for (;;) {
    while (i < s.length && (isSpace(s.charCodeAt(i)) || s[i] === "/")) i++;
    if (i >= s.length) return { name, end, attrs, next: s.length };
    if (s[i] === ">") return { name, end, attrs, next: i + 1 };
    const attrStart = i;
    while (i < s.length && !isSpace(s.charCodeAt(i)) && s[i] !== "=" && s[i] !== ">" && !(s[i] === "/" && s[i + 1] === ">")) i++;
    const attr = asciiLower(s.slice(attrStart, i));
    if (i === attrStart) {
      i++;
      continue;
    }
    while (i < s.length && isSpace(s.charCodeAt(i))) i++;
    let value = "";
    if (s[i] === "=") {
      i++;
      while (i < s.length && isSpace(s.charCodeAt(i))) i++;
      const q = s[i];
      if (q === '"' || q === "'") {
        const close = s.indexOf(q, i + 1);
        const stop = close < 0 ? s.length : close;
        value = s.slice(i + 1, stop);
        i = close < 0 ? s.length : close + 1;
      } else {
        const vStart = i;
        while (i < s.length && !isSpace(s.charCodeAt(i)) && s[i] !== ">") i++;
        value = s.slice(vStart, i);
      }
    }
    if (!attrs.has(attr)) attrs.set(attr, decodeEntities(value));
  }
}

/** Where the raw text element `name` opened before `from` ends: after its "</name", or the end of the text. */
function rawTextEnd(s: string, lower: (from: number, n: number) => string, name: string, from: number): number {
  const needle = `</${name}`;
  for (let i = s.indexOf("<", from); i >= 0; i = s.indexOf("<", i + 1)) {
    if (s[i + 1] === "/" && lower(i, needle.length) === needle) {
      const close = s.indexOf(">", i);
      return close < 0 ? s.length : close + 1;
    }
  }
  return s.length;
}

/** A cell's text as shown: white space collapsed, lines trimmed, blank lines at either end dropped. */
function shownText(raw: string): string {
  const lines = raw.split("\n").map((l) => l.replace(/ {2,}/g, " ").trim());
  let a = 0;
  let b = lines.length;
  while (a < b && lines[a] === "") a++;
  while (b > a && lines[b - 1] === "") b--;
  return lines.slice(a, b).join("\n").normalize("NFC");
}

/** Text between tags: references decoded, runs of HTML white space as one space. */
function textOf(chunk: string): string {
  return decodeEntities(chunk.replace(/[ \t\n\f\r]+/g, " "));
}

function spanOf(value: string | undefined, max: number, zero: number): number {
  if (value === undefined) return 1;
  const m = /^\s*(\d{1,10})/.exec(value);
  if (!m) return 1;
  const n = Number(m[1]);
  if (n === 0) return zero;
  return Math.min(n, max);
}

/** What a number format shows for a value as a dash (the accounting format's zero, "_(* \"-\"_)"). */
const DASH_SHOWN = /^[\s\u00a0]*[-–—−][\s\u00a0]*$/;

/** A cell that shows a number ("1.252", "96,43%", "(12)"): Excel's x:num then holds its value. */
function showsNumber(text: string): boolean {
  const t = text.replace(/[\s\u00a0]/g, "");
  return t.length > 0 && t.length <= 40 && /^[+\-−(]?[\d.,]+%?\)?$/.test(t) && /\d/.test(t);
}

interface OpenCell {
  readonly r: number;
  readonly c: number;
  readonly attrs: ReadonlyMap<string, string>;
  text: string;
}

interface Span {
  readonly r: number;
  readonly c: number;
  readonly rows: number;
  readonly cols: number;
}

class TableBuilder {
  readonly rows: (GridCell | undefined)[][] = [];
  readonly spans: Span[] = [];
  /** Per column: the first row no longer covered by a rowspan from above. */
  private readonly busyUntil: number[] = [];
  private r = -1;
  private c = 0;
  private rowOpen = false;
  cell: OpenCell | undefined;
  caption: string | undefined;

  constructor(
    readonly order: number,
    private readonly count: (n: number) => void,
    /** Takes one of the rows the page may have (the row limit is over all its tables); false when none is left. */
    private readonly takeRow: () => boolean,
  ) {}

  startRow(): void {
    this.endRow();
    this.r++;
    this.c = 0;
    this.rowOpen = true;
    // Rows past the limit are not kept (nor are any after them).
    if (this.rows.length === this.r && this.takeRow()) this.rows[this.r] = [];
  }

  endRow(): void {
    this.endCell();
    this.rowOpen = false;
  }

  startCell(attrs: ReadonlyMap<string, string>): void {
    this.endCell();
    if (!this.rowOpen) this.startRow();
    const r = this.r;
    let c = this.c;
    while (c < MAX_COLUMNS && (this.busyUntil[c] ?? 0) > r) {
      c++;
      this.count(1);
    }
    const cols = Math.min(spanOf(attrs.get("colspan"), MAX_COLSPAN, 1), MAX_COLUMNS - c);
    const rows = spanOf(attrs.get("rowspan"), MAX_ROWSPAN, MAX_ROWSPAN);
    this.c = c + Math.max(cols, 0);
    if (cols <= 0 || this.rows[r] === undefined) {
      // Past Excel's last column or the rows read: the cell's text is dropped.
      this.cell = { r: -1, c: -1, attrs, text: "" };
      return;
    }
    this.count(cols);
    if (rows > 1) for (let k = 0; k < cols; k++) this.busyUntil[c + k] = r + rows;
    if (rows > 1 || cols > 1) this.spans.push({ r, c, rows, cols });
    this.cell = { r, c, attrs, text: "" };
  }

  endCell(): void {
    const cell = this.cell;
    this.cell = undefined;
    if (!cell || cell.r < 0) return;
    const value = cellValue(cell);
    if (value) this.rows[cell.r]![cell.c] = value;
  }

  finish(): { rows: (GridCell | undefined)[][]; merges: GridRange[] } {
    this.endRow();
    const height = this.rows.length;
    const merges = this.spans
      .map((s): GridRange => ({ s: { r: s.r, c: s.c }, e: { r: Math.min(s.r + s.rows, height) - 1, c: s.c + s.cols - 1 } }))
      .filter((m) => m.e.r > m.s.r || m.e.c > m.s.c);
    const rows = this.caption ? [[{ v: this.caption }], ...this.rows] : this.rows;
    const shift = this.caption ? 1 : 0;
    return { rows, merges: merges.map((m) => ({ s: { r: m.s.r + shift, c: m.s.c }, e: { r: m.e.r + shift, c: m.e.c } })) };
  }
}

function cellValue(cell: OpenCell): GridCell | undefined {
  const text = shownText(cell.text);
  const fmla = cell.attrs.get("x:fmla");
  const f = fmla !== undefined && fmla.trim() !== "" ? fmla.trim().replace(/^=/, "") : undefined;
  // A zero an accounting format shows as "-" keeps its value in Excel's x:num or LibreOffice's sdval: it is
  // the 0 the .xlsx, .xls and .ods of the same workbook hold, not the "-" typed for "not reported".
  const shownAsDash = DASH_SHOWN.test(text);
  const num = cell.attrs.get("x:num") ?? (shownAsDash ? cell.attrs.get("sdval") : undefined);
  if (num !== undefined && num.trim() !== "" && (text === "" || showsNumber(text) || shownAsDash)) {
    const v = Number(num.trim());
    if (Number.isFinite(v)) {
      return { v, ...(text !== "" ? { w: text } : {}), ...(text.endsWith("%") ? { z: "0.00%" } : {}), ...(f !== undefined ? { f } : {}) };
    }
  }
  if (text === "") return f !== undefined ? { f } : undefined;
  return { v: text, ...(f !== undefined ? { f } : {}) };
}

type Block = { readonly order: number; readonly text: string } | { readonly order: number; readonly table: TableBuilder };

/** The page's tables and loose text lines as one sheet, in the order they appear. */
function pageSheet(s: string, sheetName: string, lim: ReadLimits, fileName: string): GridSheet {
  let cells = 0;
  const count = (n: number): void => {
    cells += n;
    if (cells > lim.maxCells) throw new WorkbookReadError("too-many-cells", fileName, { cells, limit: lim.maxCells });
  };
  const lower = (from: number, n: number): string => asciiLower(s.slice(from, from + n));
  const blocks: Block[] = [];
  const tables: TableBuilder[] = [];
  let rowsLeft = lim.maxRows;
  const takeRow = (): boolean => rowsLeft-- > 0;
  let order = 0;
  let line = "";
  let inCaption = false;
  const flushLine = (): void => {
    const text = shownText(line);
    line = "";
    if (text !== "") {
      blocks.push({ order: order++, text });
      count(1);
    }
  };
  const top = (): TableBuilder | undefined => tables[tables.length - 1];
  const addText = (text: string): void => {
    const t = top();
    if (t?.cell) t.cell.text += text;
    else if (t && inCaption) t.caption = (t.caption ?? "") + text;
    else if (!t) line += text;
    // Text inside a table but outside its cells is not shown in a cell: dropped.
  };
  /** <br> always breaks the line; a block's start or end only where a line has begun. */
  const lineBreak = (block: boolean): void => {
    const t = top();
    if (t?.cell) {
      if (!block || (t.cell.text.trim() !== "" && !t.cell.text.endsWith("\n"))) t.cell.text += "\n";
    } else if (!t) flushLine();
  };

  let i = 0;
  const n = s.length;
  while (i < n) {
    const lt = s.indexOf("<", i);
    if (lt < 0) {
      addText(textOf(s.slice(i)));
      break;
    }
    if (lt > i) addText(textOf(s.slice(i, lt)));
    if (s.startsWith("<!--", lt)) {
      const end = s.indexOf("-->", lt + 4);
      i = end < 0 ? n : end + 3;
      continue;
    }
    const next = s.charCodeAt(lt + 1);
    if (next === 33 /* ! */ || next === 63 /* ? */) {
      const end = s.indexOf(">", lt + 2);
      i = end < 0 ? n : end + 1;
      continue;
    }
    if (!(isNameStart(next) || (next === 47 /* / */ && isNameStart(s.charCodeAt(lt + 2))))) {
      addText("<");
      i = lt + 1;
      continue;
    }
    const tag = readTag(s, lt);
    i = tag.next;
    const name = tag.name;
    if (!tag.end && RAW_TEXT.has(name)) {
      i = rawTextEnd(s, lower, name, i);
      continue;
    }
    const t = top();
    switch (name) {
      case "table":
        if (tag.end) {
          if (t) {
            t.endRow();
            tables.pop();
            inCaption = false;
          }
        } else {
          if (!t) flushLine();
          const table = new TableBuilder(order++, count, takeRow);
          blocks.push({ order: table.order, table });
          tables.push(table);
        }
        break;
      case "caption":
        if (t) {
          if (!tag.end) t.endRow();
          inCaption = !tag.end;
        }
        break;
      case "tr":
        if (t) {
          if (tag.end) t.endRow();
          else t.startRow();
        }
        break;
      case "td":
      case "th":
        if (t) {
          if (tag.end) t.endCell();
          else t.startCell(tag.attrs);
        }
        break;
      case "thead":
      case "tbody":
      case "tfoot":
        if (t) t.endRow();
        break;
      case "br":
        lineBreak(false);
        break;
      default:
        if (BLOCKS.has(name)) lineBreak(true);
        break;
    }
  }
  flushLine();

  // Blocks in document order, each table's rows after the text above it.
  const rows: (GridCell | undefined)[][] = [];
  const merges: GridRange[] = [];
  for (const block of [...blocks].sort((a, b) => a.order - b.order)) {
    if (rows.length >= lim.maxRows) break;
    if ("text" in block) {
      rows.push([{ v: block.text }]);
      continue;
    }
    const built = block.table.finish();
    const offset = rows.length;
    for (const row of built.rows) rows.push(row ?? []);
    for (const m of built.merges) merges.push({ s: { r: m.s.r + offset, c: m.s.c }, e: { r: m.e.r + offset, c: m.e.c } });
  }
  if (rows.length > lim.maxRows) rows.length = lim.maxRows;
  applyConvention(rows, numberConvention(textsOf(rows)));
  return { name: sheetName, visibility: "visible", rows, merges: merges.filter((m) => m.s.r < rows.length) };
}

/** A web page saved as "Excel" as a one-sheet grid named after the file. */
export function readHtmlFile(bytes: Uint8Array, fileName: string, limits: Partial<ReadLimits> = {}): WorkbookGrid {
  const lim: ReadLimits = { ...DEFAULT_LIMITS, ...limits };
  if (bytes.length > lim.maxFileBytes) throw new WorkbookReadError("too-large", fileName, { size: bytes.length, limit: lim.maxFileBytes });
  const { text } = decodeText(bytes, declaredCharset(bytes));
  const base = fileName.replace(/^.*[\\/]/, "");
  const sheet = pageSheet(text, base.replace(/\.[^.]*$/, "") || base, lim, fileName);
  if (!sheet.rows.some((row) => row?.some((c) => c !== undefined))) throw new WorkbookReadError("empty", fileName);
  return { sheets: [sheet] };
}
