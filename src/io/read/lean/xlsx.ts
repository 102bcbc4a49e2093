/**
 * A lean reader for .xlsx/.xlsm: the zip's workbook, shared strings, styles
 * (to tell dates) and worksheets straight into cell grids. It keeps values,
 * formulas, merges and sheet visibility: what the domain reader needs, and
 * nothing it does not. Macros and other parts are never looked at.
 *
 * Anything it does not understand makes it throw LeanUnsupported, so the
 * caller falls back to the general reader.
 */
import type { CellValue, GridCell, GridRange, GridSheet, WorkbookGrid } from "../../../domain/model/grid";
import { parseRange } from "../../../domain/model/grid";
import { textCache } from "../../../domain/cache";
import { BUILTIN_DATE_FORMATS, BUILTIN_PERCENT_FORMATS, isDateFormat, isPercentFormat, serialToDate } from "../../../domain/number-format";
import { monthOnlyFormat } from "../../../domain/values/date";

export { isDateFormat, serialToDate };
import { isXmlNumber } from "./sheet-check";
import { EXCEL_COLUMNS as COLUMNS, EXCEL_ROWS as ROWS } from "../errors";
import { attribute, attributes, attributeValue, decodeXml, elements, findElementIn, FOUND, nextElement, PREFIXED, textOf, type ElementAt } from "./xml";
import { sameBytes } from "../bytes";
import { detached, ownText } from "../own-text";

/*
 * The per-cell paths call these through module-local references: under CommonJS
 * transpilation (tsx, ts-jest) a call through an imported binding first goes through the
 * module's export getter, which shows in profiles of loops run for every cell.
 */
const findEl = findElementIn;
const attr = attribute;
const decode = decodeXml;
const runText = textOf;
const toDate = serialToDate;
const isNumber = isXmlNumber;
const FOUND_IT = FOUND;
const PREFIXED_TAG = PREFIXED;
const EXCEL_COLUMNS = COLUMNS;
const EXCEL_ROWS = ROWS;

export class LeanUnsupported extends Error {
  override readonly name = "LeanUnsupported";
}

export interface LeanLimits {
  /** Most rows read per sheet. */
  readonly maxRows: number;
  /** Most cells (cell tags, with or without a value) in the sheets read, in the whole workbook. */
  readonly maxCells: number;
}

/**
 * What the caller does when a sheet needs a closer look (each may throw to refuse the file):
 *  - `tooManyCells(cells)`: the sheets read hold more than maxCells cell tags;
 *  - `outside(part)`: a cell or row of that worksheet part has a reference that is not a plain one
 *    inside Excel's sheet (the caller checks the part's bytes);
 *  - `rowsCut()`: a sheet went on past maxRows, so its later cells were not counted here.
 * Without them, too many cells is LeanUnsupported and the others are not looked at.
 */
export interface LeanChecks {
  tooManyCells(cells: number): never;
  outside(part: string): void;
  rowsCut(): void;
}

const NO_CHECKS: LeanChecks = {
  tooManyCells: () => {
    throw new LeanUnsupported("too many cells");
  },
  outside: () => undefined,
  rowsCut: () => undefined,
};

/** Cell tags met so far against the limit, and what the sheet being read needs looked at. */
interface Tally {
  cells: number;
  readonly max: number;
  readonly checks: LeanChecks;
  /** The sheet being read has a reference that is not plainly inside Excel's sheet. */
  odd: boolean;
  /** A sheet went on past maxRows. */
  cut: boolean;
}

function countCell(tally: Tally): void {
  if (++tally.cells > tally.max) tally.checks.tooManyCells(tally.cells);
}

/** Entry name → bytes, as an unzip produced them (the reader only looks parts up by name). */
export type ZipEntries = Pick<ReadonlyMap<string, Uint8Array>, "get">;

let decoder: TextDecoder | undefined;

function text(entries: ZipEntries, path: string): string | undefined {
  const bytes = entries.get(path);
  decoder ??= new TextDecoder("utf-8");
  return bytes ? decoder.decode(bytes) : undefined;
}

/** Node's Buffer, when running under Node (found without an import, so browser bundles leave it out). */
const nodeBuffer = (globalThis as { Buffer?: { from(buffer: ArrayBufferLike, offset: number, length: number): { toString(encoding: "latin1"): string } } }).Buffer;
let byteDecoder: TextDecoder | undefined;

/**
 * A worksheet's XML one character per byte: ISO-8859-1 under Node, windows-1252 elsewhere (TextDecoder's
 * "latin1"), which keeps every byte below 0x80 as itself and gives every other byte one character above
 * 0x7F. Its markup is ASCII, so every tag, attribute and position is found as in the UTF-8 text, and
 * a string of one byte a character is made and searched several times faster than the UTF-8 text of
 * a sheet holding any Vietnamese (a formula naming "Mục tiêu", a prompt). The texts read out of it (a
 * cell's value, an inline string, a formula) are made UTF-8 text by utf8Of.
 */
function byteText(entries: ZipEntries, path: string): string | undefined {
  const bytes = entries.get(path);
  if (!bytes) return undefined;
  if (nodeBuffer) return nodeBuffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString("latin1");
  byteDecoder ??= new TextDecoder("latin1");
  return byteDecoder.decode(bytes);
}

const NOT_ASCII = /[\u0080-\uffff]/;
/** windows-1252's characters for bytes 0x80–0x9F that are not those code points ("€" for 0x80), back to their bytes. */
let cp1252Bytes: Map<number, number> | undefined;

function cp1252Byte(ch: number): number {
  if (!cp1252Bytes) {
    const chars = new TextDecoder("latin1").decode(Uint8Array.from({ length: 32 }, (_, i) => 0x80 + i));
    cp1252Bytes = new Map(Array.from(chars, (c, i) => [c.charCodeAt(0), 0x80 + i]));
  }
  return cp1252Bytes.get(ch) ?? 0x3f;
}

/** UTF-8 for the pieces of a worksheet: a U+FEFF opening a piece is the piece's own character (a byte order mark only opens a whole part). */
let pieceDecoder: TextDecoder | undefined;

/** A piece of a worksheet read by byteText as the UTF-8 text its bytes hold (itself when it is all ASCII). */
function utf8Of(piece: string): string {
  if (!NOT_ASCII.test(piece)) return piece;
  const bytes = new Uint8Array(piece.length);
  for (let i = 0; i < piece.length; i++) {
    const ch = piece.charCodeAt(i);
    bytes[i] = ch < 0x100 ? ch : cp1252Byte(ch);
  }
  pieceDecoder ??= new TextDecoder("utf-8", { ignoreBOM: true });
  return pieceDecoder.decode(bytes);
}

function resolvePath(base: string, target: string): string {
  if (target.startsWith("/")) return target.slice(1);
  const parts = base.split("/").slice(0, -1);
  for (const seg of target.split("/")) {
    if (seg === "..") parts.pop();
    else if (seg !== ".") parts.push(seg);
  }
  return parts.join("/");
}

/** Parts longer than this are read each time, never kept. */
const LONGEST_KEPT = 64 * 1024;

/**
 * Formulas as written (the template's recur in every file), one character a byte (byteText), decoded:
 * kept as the domain's text caches keep theirs (let go between files when long).
 */
const FORMULAS = textCache<string>(1024);

function decodedFormula(formula: string): string {
  let value = FORMULAS.get(formula);
  if (value === undefined) {
    value = detached(decode(utf8Of(formula)));
    FORMULAS.set(detached(formula), value);
  }
  return value;
}

/**
 * What is read from a part that comes out of the same template in every unit's file (styles,
 * relationships), kept by the part's bytes: a part with the same path and the same bytes as one
 * read before is neither decoded nor read again. Bounded; cleared whole when full.
 */
class BytesCache<T> {
  private readonly map = new Map<string, { readonly bytes: Uint8Array; readonly value: T }[]>();
  private size = 0;
  constructor(private readonly max = 64) {}
  get(path: string, bytes: Uint8Array, read: (xml: string) => T): T {
    const key = `${path}\u0000${bytes.length}`;
    const seen = this.map.get(key);
    if (seen) for (const s of seen) if (sameBytes(s.bytes, bytes)) return s.value;
    decoder ??= new TextDecoder("utf-8");
    const value = read(decoder.decode(bytes));
    if (bytes.length > LONGEST_KEPT) return value;
    if (this.size >= this.max) {
      this.map.clear();
      this.size = 0;
    }
    const list = this.map.get(key) ?? [];
    // A copy: the part may be a view into the whole file (a stored entry).
    list.push({ bytes: bytes.slice(), value });
    this.map.set(key, list);
    this.size++;
    return value;
  }
}

/** A part's relationships: targets by id (external ones left out), and the workbook's shared strings and styles parts. */
interface Relationships {
  readonly targets: ReadonlyMap<string, string>;
  readonly sharedStrings?: string;
  readonly styles?: string;
}

const RELATIONSHIPS = new BytesCache<Relationships>();
const DATE_STYLES = new BytesCache<readonly StyleKind[]>();

function relationships(entries: ZipEntries, partPath: string): Relationships {
  const slash = partPath.lastIndexOf("/");
  const relsPath = `${partPath.slice(0, slash + 1)}_rels/${partPath.slice(slash + 1)}.rels`;
  const bytes = entries.get(relsPath);
  if (!bytes || bytes.length === 0) return { targets: new Map<string, string>() };
  return RELATIONSHIPS.get(`${partPath}\u0000${relsPath}`, bytes, (xml) => readRelationships(xml, partPath));
}

function readRelationships(xml: string, partPath: string): Relationships {
  const targets = new Map<string, string>();
  let sharedStrings: string | undefined;
  let styles: string | undefined;
  for (const el of elements(xml, "Relationship")) {
    const a = attributes(el.attrs);
    const id = a.get("Id");
    const target = a.get("Target");
    if (id && target && a.get("TargetMode") !== "External") targets.set(id, resolvePath(partPath, target));
    // The shared strings and styles parts: the last of each type, external or not.
    const type = a.get("Type") ?? "";
    if (!target) continue;
    if (type.endsWith("/sharedStrings")) sharedStrings = resolvePath(partPath, target);
    if (type.endsWith("/styles")) styles = resolvePath(partPath, target);
  }
  return { targets, ...(sharedStrings !== undefined ? { sharedStrings } : {}), ...(styles !== undefined ? { styles } : {}) };
}


/**
 * What a cell format (by index) means for its numbers: true for a date; the format code for a
 * percentage (kept as the cell's `z`, as the general reader does); `monthOf` for a date shown as its
 * month ("mmm-yy", built-in 17, which "9/2016" typed in a General cell gets), its code kept as `z` so
 * the month is read as the span it shows, not its first day; false otherwise.
 */
type StyleKind = boolean | string | { readonly monthOf: string };

/** Excel's built-in 17, "mmm-yy", the one built-in date format without a day. */
const BUILTIN_MONTH_FORMAT = "mmm-yy";

function styleKind(id: number, code: string | undefined): StyleKind {
  // Excel's format codes are at most 255 characters; a longer one is left to the general reader.
  if (code !== undefined && code.length > 255) throw new LeanUnsupported("format code too long");
  if (code !== undefined) return isDateFormat(code) ? (monthOnlyFormat(code) ? { monthOf: code } : true) : isPercentFormat(code) ? code : false;
  if (id === 17) return { monthOf: BUILTIN_MONTH_FORMAT };
  return BUILTIN_DATE_FORMATS.has(id) ? true : (BUILTIN_PERCENT_FORMATS.get(id) ?? false);
}

function dateStyles(entries: ZipEntries, stylesPath: string | undefined): readonly StyleKind[] {
  const bytes = stylesPath ? entries.get(stylesPath) : undefined;
  if (!bytes || bytes.length === 0) return [];
  return DATE_STYLES.get(stylesPath!, bytes, (xml) => dateStylesByPosition(xml) ?? dateStylesByElement(xml));
}

/** dateStylesByElement for a styles part without namespace prefixes, by positions; undefined at a prefix. */
function dateStylesByPosition(xml: string): StyleKind[] | undefined {
  const custom = new Map<number, string>();
  const part = element();
  const el = element();
  let found = findEl(xml, "numFmts", 0, xml.length, part);
  if (found === PREFIXED_TAG) return undefined;
  if (found === FOUND_IT) {
    for (let at = part.innerStart; (found = findEl(xml, "numFmt", at, part.innerEnd, el)) === FOUND_IT; at = el.end) {
      const a = attributes(xml.slice(el.attrsStart, el.attrsEnd));
      custom.set(Number(a.get("numFmtId")), a.get("formatCode") ?? "");
    }
    if (found === PREFIXED_TAG) return undefined;
  }
  found = findEl(xml, "cellXfs", 0, xml.length, part);
  if (found === PREFIXED_TAG) return undefined;
  const out: StyleKind[] = [];
  if (found !== FOUND_IT) return out;
  for (let at = part.innerStart; (found = findEl(xml, "xf", at, part.innerEnd, el)) === FOUND_IT; at = el.end) {
    const id = Number(attributeValue(xml.slice(el.attrsStart, el.attrsEnd), "numFmtId") ?? 0);
    out.push(styleKind(id, custom.get(id)));
  }
  return found === PREFIXED_TAG ? undefined : out;
}

/** Which cell formats (by index) show dates: custom number formats by their code, built-in ones by id. */
function dateStylesByElement(xml: string): StyleKind[] {
  const custom = new Map<number, string>();
  const numFmts = nextElement(xml, "numFmts", 0);
  if (numFmts) {
    for (const el of elements(numFmts.inner, "numFmt")) {
      const a = attributes(el.attrs);
      custom.set(Number(a.get("numFmtId")), a.get("formatCode") ?? "");
    }
  }
  const xfs = nextElement(xml, "cellXfs", 0);
  const out: StyleKind[] = [];
  if (!xfs) return out;
  for (const el of elements(xfs.inner, "xf")) {
    const id = Number(attributeValue(el.attrs, "numFmtId") ?? 0);
    out.push(styleKind(id, custom.get(id)));
  }
  return out;
}

/**
 * The shared strings met before, each as one string: a label every unit's file repeats is then the
 * very string the reading's caches were keyed with, found by identity rather than compared again.
 * Only the strings of a report-sized part are kept (a template's file holds a few hundred): a part
 * of thousands is a file's own data, which would only fill the cache.
 */
const SHARED = textCache<string>(20_000);
const SHARED_MOST_PER_FILE = 2_000;

/** A shared string of its own: the one met before with the same text, else a copy, kept. */
function sharedString(text: string): string {
  let own = SHARED.get(text);
  if (own === undefined) {
    own = ownText(text);
    SHARED.set(own, own, own.length);
  }
  return own;
}

/** The shared strings of a part as strings of their own (see SHARED). */
function ownStrings(texts: string[]): string[] {
  const own = texts.length <= SHARED_MOST_PER_FILE ? sharedString : ownText;
  for (let i = 0; i < texts.length; i++) texts[i] = own(texts[i]!);
  return texts;
}

function sharedStrings(entries: ZipEntries, path: string | undefined): string[] {
  const xml = path ? text(entries, path) : undefined;
  if (!xml) return [];
  const out: string[] = [];
  const si = element();
  let found: number;
  for (let at = 0; (found = findElementIn(xml, "si", at, xml.length, si)) === FOUND_IT; at = si.end) {
    out.push(textOf(xml.slice(si.innerStart, si.innerEnd)));
  }
  if (found !== PREFIXED_TAG) return ownStrings(out);
  out.length = 0;
  for (const el of elements(xml, "si")) out.push(textOf(el.inner));
  return ownStrings(out);
}

function readSheet(
  xml: string,
  name: string,
  visibility: GridSheet["visibility"],
  strings: readonly string[],
  dates: readonly StyleKind[],
  date1904: boolean,
  limits: LeanLimits,
  tally: Tally,
): GridSheet {
  const rows: Array<Array<GridCell | undefined> | undefined> = [];
  const data = nextElement(xml, "sheetData", 0);
  if (data) {
    const cells = new CellReader(strings, dates, date1904);
    const counted = tally.cells;
    if (!readRows(data.inner, cells, limits, rows, tally)) {
      // Prefixed tags: start again element by element.
      tally.cells = counted;
      rows.length = 0;
      readRowsPrefixed(data.inner, cells, limits, rows, tally);
    }
  }
  // Merges follow the cells: look after them, unless the name turns up earlier (then from the start, as always).
  const mergesFrom = data && xml.lastIndexOf("mergeCells", data.end) < 0 ? data.end : 0;
  const mergeCells = nextElement(xml, "mergeCells", mergesFrom);
  const merges = mergeCells ? readMerges(utf8Of(mergeCells.inner)) : [];
  return { name, visibility, rows, merges };
}

/** The merged ranges of a mergeCells element's content; a reference that is not a range inside the sheet is left out (it merges nothing the reader could use). */
function readMerges(inner: string): GridRange[] {
  const merges: GridRange[] = [];
  for (const m of elements(inner, "mergeCell")) {
    const ref = attributeValue(m.attrs, "ref");
    const range = ref ? parseRange(ref) : undefined;
    if (range) merges.push(range);
  }
  return merges;
}


/** Zero-based row of a row's "r"; one that is not a row number ("0", "x") gives the row after the previous one. */
function rowIndex(ra: string | undefined, lastRow: number, tally: Tally): number {
  const n = ra !== undefined ? Number(ra) : NaN;
  if (ra !== undefined && !(Number.isInteger(n) && n >= 1 && n <= EXCEL_ROWS)) tally.odd = true;
  return Number.isInteger(n) && n >= 1 ? n - 1 : lastRow + 1;
}

/** Positions of a plain reference ("AB12", inside Excel's sheet) packed as column × ROW_SPAN + row, zero-based; -1 for any other. */
const ROW_SPAN = 2 ** 21;
function plainReference(ref: string): number {
  const n = ref.length;
  let c = 0;
  let i = 0;
  for (; i < n && i < 4; i++) {
    const ch = ref.charCodeAt(i);
    if (ch < 65 || ch > 90) break;
    c = c * 26 + (ch - 64);
  }
  if (i === 0 || c > EXCEL_COLUMNS || n - i > 7 || i === n) return -1;
  let r = 0;
  for (let j = i; j < n; j++) {
    const ch = ref.charCodeAt(j);
    if (ch < 48 || ch > 57) return -1;
    r = r * 10 + (ch - 48);
  }
  return r < 1 || r > EXCEL_ROWS ? -1 : (c - 1) * ROW_SPAN + (r - 1);
}

/**
 * Zero-based column of a cell reference; plain "AB12" is read directly, anything else as
 * parseRange reads it; a reference parseRange cannot read ("0", "A0:", "") gives `next`, the
 * column after the previous cell, as a cell without a reference would.
 */
function columnOf(ref: string, next: number): number {
  let c = 0;
  let i = 0;
  for (; i < ref.length; i++) {
    const ch = ref.charCodeAt(i);
    if (ch < 65 || ch > 90) break;
    c = c * 26 + (ch - 64);
  }
  let digits = 0;
  for (let j = i; j < ref.length; j++) {
    const ch = ref.charCodeAt(j);
    if (ch < 48 || ch > 57) return parseRange(ref)?.s.c ?? next;
    digits++;
  }
  return i === 0 || digits === 0 ? (parseRange(ref)?.s.c ?? next) : c - 1;
}

/** Zero-based row of a cell reference ("AB12" → 11); `fallback` when it names no row. */
function rowOf(ref: string, fallback: number): number {
  let i = 0;
  while (i < ref.length) {
    const ch = ref.charCodeAt(i);
    if (ch >= 48 && ch <= 57) break;
    i++;
  }
  if (i === ref.length) return fallback;
  let r = 0;
  for (let j = i; j < ref.length; j++) {
    const ch = ref.charCodeAt(j);
    if (ch < 48 || ch > 57) return parseRange(ref)?.s.r ?? fallback;
    r = r * 10 + (ch - 48);
  }
  return r >= 1 ? r - 1 : fallback;
}

const ISO_CELL_DATE = /^\s*(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(?:[.,]\d+)?)?)?(?:Z|[+-]\d{2}(?::?\d{2})?)?\s*$/i;

/**
 * The date of an ISO 8601 cell (t="d": Excel's Strict Open XML, openpyxl's iso_dates) as the day
 * and time written, held in UTC like every date read. A spreadsheet's dates have no time zone:
 * "2016-10-12T00:00:00" is the 12th wherever the file is read (JavaScript's own parser reads it in
 * the local zone, the 11th in Việt Nam), and a zone or offset written after it is left aside.
 * Anything else, a time alone or a day that does not exist, is no date.
 */
function isoCellDate(text: string): Date | undefined {
  const m = ISO_CELL_DATE.exec(text);
  if (!m) return undefined;
  const [y, mo, d, h, mi, s] = m.slice(1, 7).map((part) => (part === undefined ? 0 : Number(part)));
  const date = new Date(Date.UTC(y!, mo! - 1, d!, h, mi, s));
  date.setUTCFullYear(y!);
  if (date.getUTCMonth() !== mo! - 1 || date.getUTCDate() !== d || h! > 23 || mi! > 59 || s! > 59) return undefined;
  return date;
}

/** Turns one cell's type, raw value and formula into a GridCell, counting it against the cell budget. */
class CellReader {
  constructor(
    private readonly strings: readonly string[],
    private readonly dates: readonly StyleKind[],
    private readonly date1904: boolean,
  ) {}

  /**
   * `style` is the s attribute as a number (0 without one), `type` the t attribute ("n" without one), `raw` the <v> text (undefined without one), `inline` the <is> inner XML of an inline string;
   * `raw`, `inline` and `formula` as byteText reads them, one character a byte.
   */
  cell(style: number, type: string, raw: string | undefined, inline: string | undefined, formula: string | undefined): GridCell | undefined {
    let v: CellValue | undefined;
    let z: string | undefined;
    if (type === "inlineStr") {
      v = inline !== undefined ? ownText(runText(utf8Of(inline))) : "";
    } else if (raw !== undefined) {
      switch (type) {
        case "s": {
          const s = this.strings[Number(raw)];
          if (s === undefined) throw new LeanUnsupported(`shared string ${raw} missing`);
          v = s;
          break;
        }
        case "str":
          v = ownText(decode(utf8Of(raw)));
          break;
        case "b":
          v = raw === "1";
          break;
        case "e":
          v = ownText(decode(utf8Of(raw)));
          break;
        case "d": {
          // A date that does not parse stays the text written (never an invalid Date).
          const text = decode(utf8Of(raw));
          v = isoCellDate(text) ?? ownText(text);
          // Shown as its month ("mm/yyyy"), as a serial in that format is: the month is read as the span it shows.
          const kind = this.dates[style];
          if (v instanceof Date && typeof kind === "object") z = kind.monthOf;
          break;
        }
        case "n": {
          const n = isNumber(raw) ? Number(raw) : NaN;
          if (!Number.isFinite(n)) {
            const text = utf8Of(raw);
            if (text.trim() === "") break;
            // Not a number as SpreadsheetML writes one ("0x10", "Infinity", ""): kept as the text written,
            // which the domain refuses at its cell (SheetJS reads it so too: sheet-check.ts marks it as text).
            v = ownText(decode(text));
            break;
          }
          const kind = this.dates[style];
          // A serial below 1 (a time of day, or 0) in a date format is no date: it stays the number.
          const isDate = kind === true || typeof kind === "object";
          v = isDate && n >= 1 ? toDate(n, this.date1904) : n;
          if (typeof kind === "string") z = kind;
          else if (typeof kind === "object" && n >= 1) z = kind.monthOf;
          break;
        }
        default:
          throw new LeanUnsupported(`cell type ${type}`);
      }
    }
    const f = formula !== undefined && formula !== "" ? decodedFormula(formula) : undefined;
    if (v === undefined && f === undefined) return undefined;
    if (v === "" && f === undefined) return undefined;
    const cell: GridCell = f !== undefined ? (v !== undefined ? { v, f } : { f }) : { v: v! };
    return z !== undefined ? { ...cell, z } : cell;
  }
}

/** Where plainCell found a cell's parts (-1: no such part). */
interface PlainCell {
  col: number;
  row: number;
  style: number;
  type: string;
  fStart: number;
  fEnd: number;
  vStart: number;
  vEnd: number;
}

function isAsciiLetter(ch: number): boolean {
  return (ch >= 65 && ch <= 90) || (ch >= 97 && ch <= 122);
}

/** A cell type as written between start and end, the usual ones without a new string. */
function typeName(xml: string, start: number, end: number): string {
  const n = end - start;
  const ch = xml.charCodeAt(start);
  if (n === 1) {
    if (ch === 115) return "s";
    if (ch === 110) return "n";
    if (ch === 98) return "b";
    if (ch === 101) return "e";
    if (ch === 100) return "d";
  } else if (n === 3 && xml.startsWith("str", start)) return "str";
  else if (n === 9 && xml.startsWith("inlineStr", start)) return "inlineStr";
  return xml.slice(start, end);
}

/**
 * A cell at xml[at] in the form Excel, LibreOffice and ExcelJS write, that is what
 * /<c r="([A-Z]{1,3})([1-9][0-9]{0,6})"(?: s="([0-9]{1,9})")?(?: t="([A-Za-z]{1,9})")?(?:\/>|>(?:<f>([^<]*)<\/f>)?(?:<v>([^<]*)<\/v>)?<\/c>)/y
 * matches: r, then s and t if any, then nothing or an unattributed <f> and <v> holding no markup.
 * Fills `out` and answers the index just past the cell, or -1 for any other form (read element by
 * element then). What it reads, the general path reads the same way (a property test holds them to it).
 */
function plainCell(xml: string, at: number, out: PlainCell): number {
  if (!xml.startsWith('<c r="', at)) return -1;
  let i = at + 6;
  let ch = xml.charCodeAt(i);
  let col = 0;
  let n = 0;
  while (ch >= 65 && ch <= 90) {
    if (++n > 3) return -1;
    col = col * 26 + (ch - 64);
    ch = xml.charCodeAt(++i);
  }
  if (n === 0 || ch < 49 || ch > 57) return -1;
  let row = 0;
  n = 0;
  while (ch >= 48 && ch <= 57) {
    if (++n > 7) return -1;
    row = row * 10 + (ch - 48);
    ch = xml.charCodeAt(++i);
  }
  if (ch !== 34) return -1;
  i++;
  let style = 0;
  if (xml.startsWith(' s="', i)) {
    i += 4;
    ch = xml.charCodeAt(i);
    n = 0;
    while (ch >= 48 && ch <= 57) {
      if (++n > 9) return -1;
      style = style * 10 + (ch - 48);
      ch = xml.charCodeAt(++i);
    }
    if (n === 0 || ch !== 34) return -1;
    i++;
  }
  let type = "n";
  if (xml.startsWith(' t="', i)) {
    i += 4;
    const start = i;
    ch = xml.charCodeAt(i);
    while (isAsciiLetter(ch)) {
      if (i - start >= 9) return -1;
      ch = xml.charCodeAt(++i);
    }
    if (i === start || ch !== 34) return -1;
    type = typeName(xml, start, i);
    i++;
  }
  out.col = col;
  out.row = row;
  out.style = style;
  out.type = type;
  out.fStart = out.fEnd = out.vStart = out.vEnd = -1;
  ch = xml.charCodeAt(i);
  if (ch === 47) return xml.charCodeAt(i + 1) === 62 ? i + 2 : -1;
  if (ch !== 62) return -1;
  i++;
  if (xml.startsWith("<f>", i)) {
    const lt = xml.indexOf("<", i + 3);
    if (lt < 0 || !xml.startsWith("</f>", lt)) return -1;
    out.fStart = i + 3;
    out.fEnd = lt;
    i = lt + 4;
  }
  if (xml.startsWith("<v>", i)) {
    const lt = xml.indexOf("<", i + 3);
    if (lt < 0 || !xml.startsWith("</v>", lt)) return -1;
    out.vStart = i + 3;
    out.vEnd = lt;
    i = lt + 4;
  }
  return xml.startsWith("</c>", i) ? i + 4 : -1;
}

function element(): ElementAt {
  return { attrsStart: 0, attrsEnd: 0, innerStart: 0, innerEnd: 0, end: 0 };
}

/**
 * The rows of a sheetData read by positions (the common case). Answers false, leaving
 * `rows` and the budget to be reset, when it meets namespace prefixes.
 */
function readRows(xml: string, cells: CellReader, limits: LeanLimits, rows: Array<Array<GridCell | undefined> | undefined>, tally: Tally): boolean {
  const rowEl = element();
  const cEl = element();
  const plain: PlainCell = { col: 0, row: 0, style: 0, type: "n", fStart: -1, fEnd: -1, vStart: -1, vEnd: -1 };
  const part = element();
  const end = xml.length;
  let lastRow = -1;
  let at = 0;
  let found: number;
  while ((found = findEl(xml, "row", at, end, rowEl)) === FOUND_IT) {
    at = rowEl.end;
    const ra = attr(utf8Of(xml.slice(rowEl.attrsStart, rowEl.attrsEnd)), "r");
    const r = rowIndex(ra, lastRow, tally);
    lastRow = r;
    if (r >= limits.maxRows) {
      tally.cut = true;
      break;
    }
    let lastCol = -1;
    let row: Array<GridCell | undefined> | undefined;
    let ci = rowEl.innerStart;
    const rowEnd = rowEl.innerEnd;
    for (;;) {
      // A cell as Excel, LibreOffice and ExcelJS write it, read in one pass; anything else below.
      const plainEnd = ci < rowEnd ? plainCell(xml, ci, plain) : -1;
      if (plainEnd >= 0 && plain.col <= EXCEL_COLUMNS && plain.row <= EXCEL_ROWS) {
        ci = plainEnd;
        countCell(tally);
        lastCol = plain.col - 1;
        if (plain.fStart < 0 && plain.vStart < 0) continue;
        const formula = plain.fStart >= 0 ? xml.slice(plain.fStart, plain.fEnd) : undefined;
        const raw = plain.vStart >= 0 ? xml.slice(plain.vStart, plain.vEnd) : undefined;
        const cell = cells.cell(plain.style, plain.type, raw, undefined, formula);
        if (cell === undefined) continue;
        row = putCell(rows, row, r, plain.row - 1, plain.col - 1, cell, limits.maxRows);
        continue;
      }
      if ((found = findEl(xml, "c", ci, rowEnd, cEl)) !== FOUND_IT) break;
      ci = cEl.end;
      countCell(tally);
      const attrs = utf8Of(xml.slice(cEl.attrsStart, cEl.attrsEnd));
      const ref = attr(attrs, "r");
      let col = lastCol + 1;
      // The cell's own reference says its row, as Excel (and SheetJS) read it, even inside another <row>.
      let cr = r;
      if (ref !== undefined) {
        const at = plainReference(ref);
        if (at >= 0) {
          col = Math.floor(at / ROW_SPAN);
          cr = at - col * ROW_SPAN;
        } else {
          tally.odd = true;
          col = columnOf(ref, lastCol + 1);
          cr = rowOf(ref, r);
        }
      }
      lastCol = col;
      const s = cEl.innerStart;
      const e = cEl.innerEnd;
      // A styled blank (no value, formula or inline string) gives no cell, whatever its type.
      if (e === s) continue;
      const type = attr(attrs, "t") ?? "n";
      let raw: string | undefined;
      let formula: string | undefined;
      let inline: string | undefined;
      if ((found = findEl(xml, "f", s, e, part)) === FOUND_IT) formula = xml.slice(part.innerStart, part.innerEnd);
      else if (found === PREFIXED_TAG) return false;
      if ((found = findEl(xml, "v", s, e, part)) === FOUND_IT) raw = xml.slice(part.innerStart, part.innerEnd);
      else if (found === PREFIXED_TAG) return false;
      if (type === "inlineStr") {
        if ((found = findEl(xml, "is", s, e, part)) === FOUND_IT) inline = xml.slice(part.innerStart, part.innerEnd);
        else if (found === PREFIXED_TAG) return false;
      }
      const cell = cells.cell(type === "n" ? Number(attr(attrs, "s") ?? 0) : 0, type, raw, inline, formula);
      if (cell === undefined) continue;
      row = putCell(rows, row, r, cr, col, cell, limits.maxRows);
    }
    if (found === PREFIXED_TAG) return false;
    if (row) rows[r] = row;
  }
  return found !== PREFIXED_TAG;
}

/**
 * Puts a cell where its own reference says: in the row being read, or in another
 * row when the reference names one (as Excel and SheetJS read a cell placed inside
 * another <row>). Returns the array of the row being read.
 */
function putCell(
  rows: Array<Array<GridCell | undefined> | undefined>,
  row: Array<GridCell | undefined> | undefined,
  r: number,
  cr: number,
  col: number,
  cell: GridCell,
  maxRows: number,
): Array<GridCell | undefined> | undefined {
  if (cr !== r) {
    if (cr < maxRows) (rows[cr] ??= [])[col] = cell;
    return row;
  }
  const out = row ?? rows[r] ?? [];
  out[col] = cell;
  return out;
}

/** The rows of a sheetData whose tags carry namespace prefixes, element by element. */
function readRowsPrefixed(xml: string, cells: CellReader, limits: LeanLimits, rows: Array<Array<GridCell | undefined> | undefined>, tally: Tally): void {
  let lastRow = -1;
  for (const rowEl of elements(xml, "row")) {
    const ra = attribute(utf8Of(rowEl.attrs), "r");
    const r = rowIndex(ra, lastRow, tally);
    lastRow = r;
    if (r >= limits.maxRows) {
      tally.cut = true;
      break;
    }
    let lastCol = -1;
    let row: Array<GridCell | undefined> | undefined;
    for (const c of elements(rowEl.inner, "c")) {
      countCell(tally);
      const attrs = utf8Of(c.attrs);
      const ref = attribute(attrs, "r");
      if (ref !== undefined && plainReference(ref) < 0) tally.odd = true;
      const col = ref !== undefined ? columnOf(ref, lastCol + 1) : lastCol + 1;
      lastCol = col;
      // The cell's own reference says its row, as Excel (and SheetJS) read it, even inside another <row>.
      const cr = ref !== undefined ? rowOf(ref, r) : r;
      const fEl = c.inner ? nextElement(c.inner, "f", 0) : undefined;
      const vEl = c.inner ? nextElement(c.inner, "v", 0) : undefined;
      const type = attribute(attrs, "t") ?? "n";
      const isEl = type === "inlineStr" ? nextElement(c.inner, "is", 0) : undefined;
      const cell = cells.cell(type === "n" ? Number(attribute(attrs, "s") ?? 0) : 0, type, vEl?.inner, isEl?.inner, fEl?.inner);
      if (cell === undefined) continue;
      row = putCell(rows, row, r, cr, col, cell, limits.maxRows);
    }
    if (row) rows[r] = row;
  }
}

/** Reads an unzipped .xlsx into grids. Throws LeanUnsupported for anything unusual. */
export function readLeanXlsx(entries: ZipEntries, limits: LeanLimits, checks: LeanChecks = NO_CHECKS): WorkbookGrid {
  const rootRels = relationships(entries, "");
  let workbookPath = "xl/workbook.xml";
  for (const target of rootRels.targets.values()) if (target.endsWith("workbook.xml")) workbookPath = target;
  const wbBytes = entries.get(workbookPath);
  if (!wbBytes || wbBytes.length === 0) throw new LeanUnsupported("no workbook part");
  const workbook = WORKBOOKS.get(workbookPath, wbBytes, readWorkbookPart);
  const workbookRels = relationships(entries, workbookPath);
  const rels = workbookRels.targets;
  const strings = sharedStrings(entries, workbookRels.sharedStrings);
  const dates = dateStyles(entries, workbookRels.styles);
  const sheets: GridSheet[] = [];
  const tally: Tally = { cells: 0, max: limits.maxCells, checks, odd: false, cut: false };
  for (const { name, id, visibility } of workbook.sheets) {
    const path = id ? rels.get(id) : undefined;
    if (!path) throw new LeanUnsupported(`sheet ${name} has no part`);
    const xml = byteText(entries, path);
    if (xml === undefined) throw new LeanUnsupported(`sheet part ${path} missing`);
    if (!/<(\w+:)?worksheet[\s>]/.test(xml.slice(0, 2000))) throw new LeanUnsupported(`${path} is not a worksheet`);
    tally.odd = false;
    sheets.push(readSheet(xml, name, visibility, strings, dates, workbook.date1904, limits, tally));
    if (tally.odd) checks.outside(path);
  }
  if (tally.cut) checks.rowsCut();
  return { sheets, names: Object.assign(Object.create(null) as Record<string, string>, workbook.names) };
}

/** What the reader takes from the workbook part: the 1904 date system, the sheets in order, the workbook-level defined names. */
interface WorkbookPart {
  readonly date1904: boolean;
  readonly sheets: readonly { readonly name: string; readonly id: string | undefined; readonly visibility: GridSheet["visibility"] }[];
  readonly names: Readonly<Record<string, string>>;
}

/** Workbook parts, kept by their bytes (every unit's file from the template has the same one). */
const WORKBOOKS = new BytesCache<WorkbookPart>();

function readWorkbookPart(wbXml: string): WorkbookPart {
  const pr = nextElement(wbXml, "workbookPr", 0);
  const date1904Attr = pr ? attributes(pr.attrs).get("date1904") : undefined;
  const date1904 = date1904Attr === "1" || date1904Attr === "true";
  const sheetsEl = nextElement(wbXml, "sheets", 0);
  if (!sheetsEl) throw new LeanUnsupported("no sheets");
  const sheets: WorkbookPart["sheets"][number][] = [];
  for (const el of elements(sheetsEl.inner, "sheet")) {
    const a = attributes(el.attrs);
    const name = a.get("name") ?? "";
    const id = a.get("r:id") ?? [...a.entries()].find(([k]) => k.endsWith(":id"))?.[1];
    const state = a.get("state");
    const visibility = state === "hidden" ? "hidden" : state === "veryHidden" ? "veryHidden" : "visible";
    sheets.push({ name: name.normalize("NFC"), id, visibility });
  }
  const names = Object.create(null) as Record<string, string>;
  const definedNames = nextElement(wbXml, "definedNames", 0);
  if (definedNames) {
    for (const dn of elements(definedNames.inner, "definedName")) {
      const a = attributes(dn.attrs);
      const n = a.get("name");
      if (n && a.get("localSheetId") === undefined && Object.prototype.hasOwnProperty.call(names, n) === false) {
        names[n] = decodeXml(dn.inner);
      }
    }
  }
  return { date1904, sheets, names };
}
