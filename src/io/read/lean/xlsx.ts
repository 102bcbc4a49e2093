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
import { BUILTIN_DATE_FORMATS, BUILTIN_PERCENT_FORMATS, isDateFormat, isPercentFormat, serialToDate } from "../../../domain/number-format";

export { isDateFormat, serialToDate };
import { isXmlNumber } from "./sheet-check";
import { attribute, attributes, attributeValue, decodeXml, elements, findElementIn, FOUND, nextElement, PREFIXED, textOf, type ElementAt } from "./xml";

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

export class LeanUnsupported extends Error {
  override readonly name = "LeanUnsupported";
}

export interface LeanLimits {
  /** Most rows read per sheet. */
  readonly maxRows: number;
  /** Most cells read in the whole workbook. */
  readonly maxCells: number;
}

/** Entry name → bytes, as an unzip produced them. */
export type ZipEntries = ReadonlyMap<string, Uint8Array>;

let decoder: TextDecoder | undefined;

function text(entries: ZipEntries, path: string): string | undefined {
  const bytes = entries.get(path);
  decoder ??= new TextDecoder("utf-8");
  return bytes ? decoder.decode(bytes) : undefined;
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

/**
 * Parts that come out of the same template are the same text in every unit's file (styles,
 * relationships): what is read from them is kept by their text. Bounded; cleared whole when full.
 */
class PartCache<T> {
  private readonly map = new Map<string, T>();
  constructor(private readonly max = 64) {}
  get(key: string, read: () => T): T {
    let value = this.map.get(key);
    if (value === undefined) {
      if (this.map.size >= this.max) this.map.clear();
      value = read();
      this.map.set(key, value);
    }
    return value;
  }
}

const RELATIONSHIPS = new PartCache<ReadonlyMap<string, string>>();
const DATE_STYLES = new PartCache<readonly StyleKind[]>();
/** Formulas as written (the template's recur in every file), decoded. */
const FORMULAS = new PartCache<string>(1024);

function relationships(entries: ZipEntries, partPath: string): ReadonlyMap<string, string> {
  const slash = partPath.lastIndexOf("/");
  const relsPath = `${partPath.slice(0, slash + 1)}_rels/${partPath.slice(slash + 1)}.rels`;
  const xml = text(entries, relsPath);
  if (!xml) return new Map<string, string>();
  return RELATIONSHIPS.get(`${partPath}\u0000${xml}`, () => readRelationships(xml, partPath));
}

function readRelationships(xml: string, partPath: string): ReadonlyMap<string, string> {
  const map = new Map<string, string>();
  for (const el of elements(xml, "Relationship")) {
    const a = attributes(el.attrs);
    const id = a.get("Id");
    const target = a.get("Target");
    if (id && target && a.get("TargetMode") !== "External") map.set(id, resolvePath(partPath, target));
  }
  return map;
}


/**
 * What a cell format (by index) means for its numbers: true for a date, the
 * format code for a percentage (kept as the cell's `z`, as the general reader
 * does), false otherwise.
 */
type StyleKind = boolean | string;

function styleKind(id: number, code: string | undefined): StyleKind {
  // Excel's format codes are at most 255 characters; a longer one is left to the general reader.
  if (code !== undefined && code.length > 255) throw new LeanUnsupported("format code too long");
  if (code !== undefined) return isDateFormat(code) ? true : isPercentFormat(code) ? code : false;
  return BUILTIN_DATE_FORMATS.has(id) ? true : (BUILTIN_PERCENT_FORMATS.get(id) ?? false);
}

function dateStyles(entries: ZipEntries, stylesPath: string | undefined): readonly StyleKind[] {
  const xml = stylesPath ? text(entries, stylesPath) : undefined;
  if (!xml) return [];
  return DATE_STYLES.get(xml, () => dateStylesByPosition(xml) ?? dateStylesByElement(xml));
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

function sharedStrings(entries: ZipEntries, path: string | undefined): string[] {
  const xml = path ? text(entries, path) : undefined;
  if (!xml) return [];
  const out: string[] = [];
  const si = element();
  let found: number;
  for (let at = 0; (found = findElementIn(xml, "si", at, xml.length, si)) === FOUND_IT; at = si.end) {
    out.push(textOf(xml.slice(si.innerStart, si.innerEnd)));
  }
  if (found !== PREFIXED_TAG) return out;
  out.length = 0;
  for (const el of elements(xml, "si")) out.push(textOf(el.inner));
  return out;
}

function readSheet(
  xml: string,
  name: string,
  visibility: GridSheet["visibility"],
  strings: readonly string[],
  dates: readonly StyleKind[],
  date1904: boolean,
  limits: LeanLimits,
  budget: { cells: number },
): GridSheet {
  const rows: Array<Array<GridCell | undefined> | undefined> = [];
  const data = nextElement(xml, "sheetData", 0);
  if (data) {
    const cells = new CellReader(strings, dates, date1904, budget);
    const cellsLeft = budget.cells;
    if (!readRows(data.inner, cells, limits, rows)) {
      // Prefixed tags: start again element by element.
      budget.cells = cellsLeft;
      rows.length = 0;
      readRowsPrefixed(data.inner, cells, limits, rows);
    }
  }
  const merges: GridRange[] = [];
  // Merges follow the cells: look after them, unless the name turns up earlier (then from the start, as always).
  const mergesFrom = data && xml.lastIndexOf("mergeCells", data.end) < 0 ? data.end : 0;
  const mergeCells = nextElement(xml, "mergeCells", mergesFrom);
  if (mergeCells) {
    for (const m of elements(mergeCells.inner, "mergeCell")) {
      const ref = attributeValue(m.attrs, "ref");
      // A merge whose reference is not a range inside the sheet is not kept (it merges nothing the reader could use).
      const range = ref ? parseRange(ref) : undefined;
      if (range) merges.push(range);
    }
  }
  return { name, visibility, rows, merges };
}


/** Zero-based row of a row's "r"; one that is not a row number ("0", "x") gives the row after the previous one. */
function rowIndex(ra: string | undefined, lastRow: number): number {
  const n = ra !== undefined ? Number(ra) : NaN;
  return Number.isInteger(n) && n >= 1 ? n - 1 : lastRow + 1;
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

/** Turns one cell's type, raw value and formula into a GridCell, counting it against the cell budget. */
class CellReader {
  constructor(
    private readonly strings: readonly string[],
    private readonly dates: readonly StyleKind[],
    private readonly date1904: boolean,
    private readonly budget: { cells: number },
  ) {}

  /** `type` is the t attribute ("n" without one), `raw` the <v> text (undefined without one), `inline` the <is> inner XML of an inline string. */
  cell(attrs: string, type: string, raw: string | undefined, inline: string | undefined, formula: string | undefined): GridCell | undefined {
    let v: CellValue | undefined;
    let z: string | undefined;
    if (type === "inlineStr") {
      v = inline !== undefined ? runText(inline) : "";
    } else if (raw !== undefined) {
      switch (type) {
        case "s": {
          const s = this.strings[Number(raw)];
          if (s === undefined) throw new LeanUnsupported(`shared string ${raw} missing`);
          v = s;
          break;
        }
        case "str":
          v = decode(raw);
          break;
        case "b":
          v = raw === "1";
          break;
        case "e":
          v = decode(raw);
          break;
        case "d": {
          // A date that does not parse stays the text written (never an invalid Date).
          const text = decode(raw);
          const d = new Date(text);
          v = Number.isNaN(d.getTime()) ? text : d;
          break;
        }
        case "n": {
          const n = isNumber(raw) ? Number(raw) : NaN;
          if (raw.trim() === "") break;
          if (!Number.isFinite(n)) {
            // Not a number as SpreadsheetML writes one ("0x10", "Infinity", ""): kept as the text written,
            // which the domain refuses at its cell (SheetJS reads it so too: sheet-check.ts marks it as text).
            v = decode(raw);
            break;
          }
          const style = Number(attr(attrs, "s") ?? 0);
          const kind = this.dates[style];
          // A serial below 1 (a time of day, or 0) in a date format is no date: it stays the number.
          v = kind === true && n >= 1 ? toDate(n, this.date1904) : n;
          if (typeof kind === "string") z = kind;
          break;
        }
        default:
          throw new LeanUnsupported(`cell type ${type}`);
      }
    }
    const f = formula !== undefined && formula !== "" ? FORMULAS.get(formula, () => decode(formula)) : undefined;
    if (v === undefined && f === undefined) return undefined;
    if (v === "" && f === undefined) return undefined;
    if (--this.budget.cells < 0) throw new LeanUnsupported("too many cells");
    const cell: GridCell = f !== undefined ? (v !== undefined ? { v, f } : { f }) : { v: v! };
    return z !== undefined ? { ...cell, z } : cell;
  }
}

/** A number as SpreadsheetML stores it: decimal, with an optional exponent. */

function element(): ElementAt {
  return { attrsStart: 0, attrsEnd: 0, innerStart: 0, innerEnd: 0, end: 0 };
}

/**
 * The rows of a sheetData read by positions (the common case). Answers false, leaving
 * `rows` and the budget to be reset, when it meets namespace prefixes.
 */
function readRows(xml: string, cells: CellReader, limits: LeanLimits, rows: Array<Array<GridCell | undefined> | undefined>): boolean {
  const rowEl = element();
  const cEl = element();
  const part = element();
  const end = xml.length;
  let lastRow = -1;
  let at = 0;
  let found: number;
  while ((found = findEl(xml, "row", at, end, rowEl)) === FOUND_IT) {
    at = rowEl.end;
    const ra = attr(xml.slice(rowEl.attrsStart, rowEl.attrsEnd), "r");
    const r = rowIndex(ra, lastRow);
    lastRow = r;
    if (r >= limits.maxRows) break;
    let lastCol = -1;
    let row: Array<GridCell | undefined> | undefined;
    let ci = rowEl.innerStart;
    const rowEnd = rowEl.innerEnd;
    while ((found = findEl(xml, "c", ci, rowEnd, cEl)) === FOUND_IT) {
      ci = cEl.end;
      const attrs = xml.slice(cEl.attrsStart, cEl.attrsEnd);
      const ref = attr(attrs, "r");
      const col = ref !== undefined ? columnOf(ref, lastCol + 1) : lastCol + 1;
      lastCol = col;
      // The cell's own reference says its row, as Excel (and SheetJS) read it, even inside another <row>.
      const cr = ref !== undefined ? rowOf(ref, r) : r;
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
      const cell = cells.cell(attrs, type, raw, inline, formula);
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
function readRowsPrefixed(xml: string, cells: CellReader, limits: LeanLimits, rows: Array<Array<GridCell | undefined> | undefined>): void {
  let lastRow = -1;
  for (const rowEl of elements(xml, "row")) {
    const ra = attribute(rowEl.attrs, "r");
    const r = rowIndex(ra, lastRow);
    lastRow = r;
    if (r >= limits.maxRows) break;
    let lastCol = -1;
    let row: Array<GridCell | undefined> | undefined;
    for (const c of elements(rowEl.inner, "c")) {
      const ref = attribute(c.attrs, "r");
      const col = ref !== undefined ? columnOf(ref, lastCol + 1) : lastCol + 1;
      lastCol = col;
      // The cell's own reference says its row, as Excel (and SheetJS) read it, even inside another <row>.
      const cr = ref !== undefined ? rowOf(ref, r) : r;
      const fEl = c.inner ? nextElement(c.inner, "f", 0) : undefined;
      const vEl = c.inner ? nextElement(c.inner, "v", 0) : undefined;
      const type = attribute(c.attrs, "t") ?? "n";
      const isEl = type === "inlineStr" ? nextElement(c.inner, "is", 0) : undefined;
      const cell = cells.cell(c.attrs, type, vEl?.inner, isEl?.inner, fEl?.inner);
      if (cell === undefined) continue;
      row = putCell(rows, row, r, cr, col, cell, limits.maxRows);
    }
    if (row) rows[r] = row;
  }
}

/** Reads an unzipped .xlsx into grids. Throws LeanUnsupported for anything unusual. */
export function readLeanXlsx(entries: ZipEntries, limits: LeanLimits): WorkbookGrid {
  const rootRels = relationships(entries, "");
  let workbookPath = "xl/workbook.xml";
  for (const target of rootRels.values()) if (target.endsWith("workbook.xml")) workbookPath = target;
  const wbXml = text(entries, workbookPath);
  if (!wbXml) throw new LeanUnsupported("no workbook part");
  const rels = relationships(entries, workbookPath);
  const slash = workbookPath.lastIndexOf("/");
  const relsXml = text(entries, `${workbookPath.slice(0, slash + 1)}_rels/${workbookPath.slice(slash + 1)}.rels`) ?? "";
  let stringsPath: string | undefined;
  let stylesPath: string | undefined;
  for (const el of elements(relsXml, "Relationship")) {
    const a = attributes(el.attrs);
    const type = a.get("Type") ?? "";
    const target = a.get("Target");
    if (!target) continue;
    if (type.endsWith("/sharedStrings")) stringsPath = resolvePath(workbookPath, target);
    if (type.endsWith("/styles")) stylesPath = resolvePath(workbookPath, target);
  }
  const pr = nextElement(wbXml, "workbookPr", 0);
  const date1904Attr = pr ? attributes(pr.attrs).get("date1904") : undefined;
  const date1904 = date1904Attr === "1" || date1904Attr === "true";
  const strings = sharedStrings(entries, stringsPath);
  const dates = dateStyles(entries, stylesPath);
  const sheetsEl = nextElement(wbXml, "sheets", 0);
  if (!sheetsEl) throw new LeanUnsupported("no sheets");
  const sheets: GridSheet[] = [];
  const budget = { cells: limits.maxCells };
  for (const el of elements(sheetsEl.inner, "sheet")) {
    const a = attributes(el.attrs);
    const name = a.get("name") ?? "";
    const id = a.get("r:id") ?? [...a.entries()].find(([k]) => k.endsWith(":id"))?.[1];
    const path = id ? rels.get(id) : undefined;
    if (!path) throw new LeanUnsupported(`sheet ${name} has no part`);
    const xml = text(entries, path);
    if (xml === undefined) throw new LeanUnsupported(`sheet part ${path} missing`);
    if (!/<(\w+:)?worksheet[\s>]/.test(xml.slice(0, 2000))) throw new LeanUnsupported(`${path} is not a worksheet`);
    const state = a.get("state");
    const visibility = state === "hidden" ? "hidden" : state === "veryHidden" ? "veryHidden" : "visible";
    sheets.push(readSheet(xml, name.normalize("NFC"), visibility, strings, dates, date1904, limits, budget));
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
  return { sheets, names };
}
