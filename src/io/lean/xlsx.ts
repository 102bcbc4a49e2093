/**
 * A lean reader for .xlsx/.xlsm: the zip's workbook, shared strings, styles
 * (to tell dates) and worksheets straight into cell grids. It keeps values,
 * formulas, merges and sheet visibility: what the domain reader needs, and
 * nothing it does not. Macros and other parts are never looked at.
 *
 * Anything it does not understand makes it throw LeanUnsupported, so the
 * caller falls back to the general reader.
 */
import type { CellValue, GridCell, GridRange, GridSheet, WorkbookGrid } from "../../domain/grid";
import { parseAddress } from "../../domain/grid";
import { BUILTIN_DATE_FORMATS, isDateFormat, serialToDate } from "../../domain/number-format";

export { isDateFormat, serialToDate };
import { attribute, attributes, decodeXml, elements, nextElement, textOf } from "./xml";

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

function relationships(entries: ZipEntries, partPath: string): Map<string, string> {
  const slash = partPath.lastIndexOf("/");
  const relsPath = `${partPath.slice(0, slash + 1)}_rels/${partPath.slice(slash + 1)}.rels`;
  const xml = text(entries, relsPath);
  const map = new Map<string, string>();
  if (!xml) return map;
  for (const el of elements(xml, "Relationship")) {
    const a = attributes(el.attrs);
    const id = a.get("Id");
    const target = a.get("Target");
    if (id && target && a.get("TargetMode") !== "External") map.set(id, resolvePath(partPath, target));
  }
  return map;
}


function dateStyles(entries: ZipEntries, stylesPath: string | undefined): boolean[] {
  const xml = stylesPath ? text(entries, stylesPath) : undefined;
  if (!xml) return [];
  const custom = new Map<number, string>();
  const numFmts = nextElement(xml, "numFmts", 0);
  if (numFmts) {
    for (const el of elements(numFmts.inner, "numFmt")) {
      const a = attributes(el.attrs);
      custom.set(Number(a.get("numFmtId")), a.get("formatCode") ?? "");
    }
  }
  const xfs = nextElement(xml, "cellXfs", 0);
  const out: boolean[] = [];
  if (!xfs) return out;
  for (const el of elements(xfs.inner, "xf")) {
    const id = Number(attributes(el.attrs).get("numFmtId") ?? 0);
    const code = custom.get(id);
    out.push(code !== undefined ? isDateFormat(code) : BUILTIN_DATE_FORMATS.has(id));
  }
  return out;
}

function sharedStrings(entries: ZipEntries, path: string | undefined): string[] {
  const xml = path ? text(entries, path) : undefined;
  if (!xml) return [];
  const out: string[] = [];
  for (const si of elements(xml, "si")) out.push(textOf(si.inner));
  return out;
}

function parseRange(ref: string): GridRange {
  const [a, b] = ref.split(":");
  const s = parseAddress(a!);
  const e = b ? parseAddress(b) : s;
  return { s, e };
}

function readSheet(
  xml: string,
  name: string,
  visibility: GridSheet["visibility"],
  strings: readonly string[],
  dates: readonly boolean[],
  date1904: boolean,
  limits: LeanLimits,
  budget: { cells: number },
): GridSheet {
  const rows: Array<Array<GridCell | undefined> | undefined> = [];
  const data = nextElement(xml, "sheetData", 0);
  let lastRow = -1;
  if (data) {
    for (const rowEl of elements(data.inner, "row")) {
      const ra = attribute(rowEl.attrs, "r");
      const r = ra !== undefined ? Number(ra) - 1 : lastRow + 1;
      lastRow = r;
      if (r >= limits.maxRows) break;
      let lastCol = -1;
      let row: Array<GridCell | undefined> | undefined;
      for (const c of elements(rowEl.inner, "c")) {
        const ref = attribute(c.attrs, "r");
        const col = ref !== undefined ? parseAddress(ref).c : lastCol + 1;
        lastCol = col;
        const type = attribute(c.attrs, "t") ?? "n";
        const fEl = c.inner ? nextElement(c.inner, "f", 0) : undefined;
        const vEl = c.inner ? nextElement(c.inner, "v", 0) : undefined;
        let v: CellValue | undefined;
        if (type === "inlineStr") {
          const is = nextElement(c.inner, "is", 0);
          v = is ? textOf(is.inner) : "";
        } else if (vEl) {
          const raw = vEl.inner;
          switch (type) {
            case "s": {
              const s = strings[Number(raw)];
              if (s === undefined) throw new LeanUnsupported(`shared string ${raw} missing`);
              v = s;
              break;
            }
            case "str":
              v = decodeXml(raw);
              break;
            case "b":
              v = raw === "1";
              break;
            case "e":
              v = decodeXml(raw);
              break;
            case "d":
              v = new Date(decodeXml(raw));
              break;
            case "n": {
              const n = Number(raw);
              if (raw.trim() === "" || !Number.isFinite(n)) throw new LeanUnsupported(`bad number ${raw}`);
              const style = Number(attribute(c.attrs, "s") ?? 0);
              v = dates[style] ? serialToDate(n, date1904) : n;
              break;
            }
            default:
              throw new LeanUnsupported(`cell type ${type}`);
          }
        }
        const f = fEl && fEl.inner !== "" ? decodeXml(fEl.inner) : undefined;
        if (v === undefined && f === undefined) continue;
        if (v === "" && f === undefined) continue;
        if (--budget.cells < 0) throw new LeanUnsupported("too many cells");
        row ??= [];
        row[col] = f !== undefined ? (v !== undefined ? { v, f } : { f }) : { v: v! };
      }
      if (row) rows[r] = row;
    }
  }
  const merges: GridRange[] = [];
  const mergeCells = nextElement(xml, "mergeCells", 0);
  if (mergeCells) {
    for (const m of elements(mergeCells.inner, "mergeCell")) {
      const ref = attributes(m.attrs).get("ref");
      if (ref) merges.push(parseRange(ref));
    }
  }
  return { name, visibility, rows, merges };
}

/** Reads an unzipped .xlsx into grids. Throws LeanUnsupported for anything unusual. */
export function readLeanXlsx(entries: ZipEntries, limits: LeanLimits): WorkbookGrid {
  const rootRels = relationships(entries, "");
  let workbookPath = "xl/workbook.xml";
  for (const target of rootRels.values()) if (/workbook\.xml$/.test(target)) workbookPath = target;
  const wbXml = text(entries, workbookPath);
  if (!wbXml) throw new LeanUnsupported("no workbook part");
  const rels = relationships(entries, workbookPath);
  const relsXml = text(entries, workbookPath.replace(/[^/]+$/, "_rels/$&.rels")) ?? "";
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
