/**
 * A unit's feedback file: a copy of its own workbook with a note on each
 * problem cell, the problem cells shaded, and a "Góp ý" sheet listing the
 * issues (the plan comes from src/domain/feedback).
 *
 * An .xlsx (or .xlsm) is edited at the package level: the original OOXML parts
 * are copied byte for byte except the few this adds to or touches — the
 * styles part (fills and cell formats appended, none changed), the `s`
 * attribute of the problem cells (to a copy of their own format with the
 * shade), the sheets' relationships (a comments part and its VML drawing,
 * or the notes appended to the ones the sheet has), the workbook's sheet list
 * and relationships (the new sheet, last, so no sheet index moves) and the
 * content types. Values, formulas, data validations, conditional formats,
 * protection, defined names, drawings and every other sheet stay as they
 * were. (A round trip through ExcelJS was not used: it rewrites every part
 * and drops what it does not model, such as some validation lists, form
 * controls, images' anchors and extension lists.)
 *
 * Anything this editor does not understand (a prefixed SpreadsheetML
 * namespace, Strict OOXML, rows without numbers, a sheet with a legacy
 * drawing that is not a notes drawing) makes it decline; the file is then
 * written as other kinds are: an .xlsx made from the cells as read (values,
 * cached results of formulas, merged areas, dates), with the same notes and
 * sheet, and the sheet saying so.
 */
import { strFromU8, strToU8, unzipSync, zipSync } from "fflate";
import type { FeedbackNote, FeedbackPlan } from "../../domain/feedback";
import { FEEDBACK_AUTHOR, FEEDBACK_FILLS } from "../../domain/feedback";
import { cellAddress, parseAddress, type WorkbookGrid } from "../../domain/model/grid";
import type { CellStyle, LayoutCell, SheetLayout, WorkbookLayout } from "../../domain/model/layout";
import { xmlEscape } from "./lean";
import { safeCellValue } from "./safe-cell";
import { writeWorkbookXlsx } from "./index";

const MAIN_NS = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
const DOC_REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
const PKG_REL_NS = "http://schemas.openxmlformats.org/package/2006/relationships";
const REL = {
  officeDocument: `${DOC_REL}/officeDocument`,
  worksheet: `${DOC_REL}/worksheet`,
  styles: `${DOC_REL}/styles`,
  comments: `${DOC_REL}/comments`,
  vml: `${DOC_REL}/vmlDrawing`,
};
const CT = {
  worksheet: "application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml",
  comments: "application/vnd.openxmlformats-officedocument.spreadsheetml.comments+xml",
  vml: "application/vnd.openxmlformats-officedocument.vmlDrawing",
  macroWorkbook: "application/vnd.ms-excel.sheet.macroEnabled.main+xml",
};

/** The package editor cannot edit this file safely; it is written from its cells instead. */
export class FeedbackDecline extends Error {}

function decline(why: string): never {
  throw new FeedbackDecline(why);
}

/** What was written: the bytes, the extension they need, and how they were made. */
export interface FeedbackFile {
  readonly bytes: Uint8Array;
  readonly extension: "xlsx" | "xlsm";
  /** "package": the unit's own .xlsx with notes added; "converted": an .xlsx made from the cells as read. */
  readonly method: "package" | "converted";
  /** Why the package editor declined, when an .xlsx was converted all the same. */
  readonly declined?: string;
}

export interface FeedbackSource {
  readonly name: string;
  readonly bytes: Uint8Array;
  /** The grids as read (the converted file is made from them). */
  readonly grid: WorkbookGrid;
}

/** Whether the bytes are an OOXML package (a zip with [Content_Types].xml), the kind edited in place. */
export function isOoxmlPackage(bytes: Uint8Array): boolean {
  if (bytes.length < 4 || bytes[0] !== 0x50 || bytes[1] !== 0x4b) return false;
  // The central directory names every entry; look for the content types part's name.
  const tail = strFromU8(bytes.subarray(Math.max(0, bytes.length - 1_000_000)), true);
  return tail.includes("[Content_Types].xml");
}

/**
 * The feedback file of one unit's workbook. `plan` makes the plan; it is told
 * the kind of the file when the workbook is made from its cells ("xls", "ods"…).
 */
export async function writeFeedbackFile(source: FeedbackSource, plan: (convertedFrom?: string) => FeedbackPlan): Promise<FeedbackFile> {
  let declined: string | undefined;
  if (isOoxmlPackage(source.bytes)) {
    try {
      const p = plan();
      const edited = editPackage(source.bytes, p);
      return { bytes: edited.bytes, extension: edited.macros ? "xlsm" : "xlsx", method: "package" };
    } catch (error) {
      if (!(error instanceof FeedbackDecline)) throw error;
      declined = error.message;
    }
  }
  const kind = kindOf(source.name);
  const p = plan(kind);
  const { layout, renamed } = gridLayout(source.grid);
  const base = await writeWorkbookXlsx(layout);
  const notes = p.notes.flatMap((n) => (renamed.has(n.sheet) ? [{ ...n, sheet: renamed.get(n.sheet)! }] : []));
  const edited = editPackage(base, { ...p, notes });
  return { bytes: edited.bytes, extension: "xlsx", method: "converted", ...(declined !== undefined ? { declined } : {}) };
}

/** The file's kind by its extension ("xls", "ods", "csv", "html"…), "tệp" when it has none. */
function kindOf(name: string): string {
  const m = /\.([A-Za-z0-9]{1,6})$/.exec(name);
  return m ? m[1]!.toLowerCase() : "tệp";
}

// ---------------------------------------------------------------------------
// The package editor.

type Parts = Record<string, Uint8Array>;

interface Rel {
  readonly id: string;
  readonly type: string;
  readonly target: string;
  readonly external: boolean;
}

const ATTR = /([A-Za-z_][\w:.-]*)\s*=\s*(?:"([^"]*)"|'([^']*)')/g;

function attrs(tag: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const m of tag.matchAll(ATTR)) out[m[1]!] = m[2] ?? m[3] ?? "";
  return out;
}

function unescapeXml(text: string): string {
  return text.replace(/&(amp|lt|gt|quot|apos|#x[0-9a-fA-F]+|#\d+);/g, (_m, e: string) => {
    if (e === "amp") return "&";
    if (e === "lt") return "<";
    if (e === "gt") return ">";
    if (e === "quot") return '"';
    if (e === "apos") return "'";
    return String.fromCodePoint(e[1] === "x" ? parseInt(e.slice(2), 16) : parseInt(e.slice(1), 10));
  });
}

/** Sets (or adds) an attribute in an opening tag `<name …>` or `<name …/>`. */
function setAttr(tag: string, name: string, value: string): string {
  const re = new RegExp(`(\\s${name.replace(/[.:]/g, "\\$&")}\\s*=\\s*)("[^"]*"|'[^']*')`);
  if (re.test(tag)) return tag.replace(re, `$1"${value}"`);
  return tag.replace(/\s*(\/?)>$/, ` ${name}="${value}"$1>`);
}

function removeAttr(tag: string, name: string): string {
  return tag.replace(new RegExp(`\\s${name}\\s*=\\s*("[^"]*"|'[^']*')`), "");
}

function dirOf(part: string): string {
  const k = part.lastIndexOf("/");
  return k < 0 ? "" : part.slice(0, k);
}

function relsPathOf(part: string): string {
  const dir = dirOf(part);
  const base = part.slice(part.lastIndexOf("/") + 1);
  return `${dir === "" ? "" : `${dir}/`}_rels/${base}.rels`;
}

/** The part a relationship's target names, from the part that holds the relationship. */
function resolveTarget(fromPart: string, target: string): string {
  const path = target.startsWith("/") ? target.slice(1) : `${dirOf(fromPart) === "" ? "" : `${dirOf(fromPart)}/`}${target}`;
  const out: string[] = [];
  for (const seg of decodeURI(path).split("/")) {
    if (seg === "..") out.pop();
    else if (seg !== "." && seg !== "") out.push(seg);
  }
  return out.join("/");
}

/** The target of `toPart` relative to the folder of `fromPart`. */
function relativeTarget(fromPart: string, toPart: string): string {
  const from = dirOf(fromPart).split("/").filter((s) => s !== "");
  const to = toPart.split("/");
  let k = 0;
  while (k < from.length && k < to.length - 1 && from[k] === to[k]) k++;
  return [...from.slice(k).map(() => ".."), ...to.slice(k)].join("/");
}

class Package {
  private readonly texts = new Map<string, string>();
  constructor(readonly parts: Parts) {}

  has(path: string): boolean {
    return path in this.parts;
  }

  text(path: string): string {
    let t = this.texts.get(path);
    if (t === undefined) {
      const bytes = this.parts[path];
      if (!bytes) decline(`thiếu phần ${path}`);
      t = strFromU8(bytes);
      if (t.charCodeAt(0) === 0xfeff) t = t.slice(1);
      this.texts.set(path, t);
    }
    return t;
  }

  set(path: string, text: string): void {
    this.texts.set(path, text);
    this.parts[path] = strToU8(text);
  }

  rels(part: string): Rel[] {
    const path = relsPathOf(part);
    if (!this.has(path)) return [];
    return [...this.text(path).matchAll(/<(?:\w+:)?Relationship\b[^>]*>/g)].map((m) => {
      const a = attrs(m[0]);
      return { id: a.Id ?? "", type: a.Type ?? "", target: unescapeXml(a.Target ?? ""), external: a.TargetMode === "External" };
    });
  }

  /** Adds a relationship from `part` to `toPart`; returns its id. */
  addRel(part: string, type: string, toPart: string, idStem: string): string {
    const path = relsPathOf(part);
    const existing = this.rels(part);
    const ids = new Set(existing.map((r) => r.id));
    let id = idStem;
    for (let n = 1; ids.has(id); n++) id = `${idStem}${n}`;
    const rel = `<Relationship Id="${id}" Type="${type}" Target="${xmlEscape(relativeTarget(part, toPart))}"/>`;
    if (!this.has(path)) {
      this.set(path, `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="${PKG_REL_NS}">${rel}</Relationships>`);
    } else {
      const text = this.text(path);
      if (/<Relationships\b[^>]*\/>/.test(text)) this.set(path, text.replace(/<Relationships\b([^>]*)\/>/, `<Relationships$1>${rel}</Relationships>`));
      else if (text.includes("</Relationships>")) this.set(path, text.replace("</Relationships>", `${rel}</Relationships>`));
      else decline(`không hiểu ${path}`);
    }
    return id;
  }

  /** A part name not taken: `${stem}${n}${ext}`. */
  freshPart(stem: string, ext: string): string {
    const taken = new Set(Object.keys(this.parts).map((p) => p.toLowerCase()));
    let n = 1;
    while (taken.has(`${stem}${n}${ext}`.toLowerCase())) n++;
    return `${stem}${n}${ext}`;
  }

  contentTypeOverride(part: string, type: string): void {
    const text = this.text("[Content_Types].xml");
    if (new RegExp(`PartName\\s*=\\s*"/${part.replace(/[.[\]]/g, "\\$&")}"`, "i").test(text)) return;
    this.set("[Content_Types].xml", text.replace("</Types>", `<Override PartName="/${xmlEscape(part)}" ContentType="${type}"/></Types>`));
  }

  contentTypeDefault(ext: string, type: string): void {
    const text = this.text("[Content_Types].xml");
    if (new RegExp(`<Default\\b[^>]*Extension\\s*=\\s*"${ext}"`, "i").test(text)) return;
    this.set("[Content_Types].xml", text.replace("<Override", `<Default Extension="${ext}" ContentType="${type}"/><Override`));
  }
}

/** The root element's opening tag; declines a prefixed SpreadsheetML root or Strict OOXML. */
function root(xml: string, local: string, part: string): string {
  const m = new RegExp(`<([A-Za-z_][\\w.-]*:)?${local}\\b[^>]*>`).exec(xml);
  if (!m) decline(`${part} không có <${local}>`);
  if (m[1] !== undefined) decline(`${part} dùng tiền tố không gian tên`);
  if (!m[0].includes(`xmlns="${MAIN_NS}"`)) decline(`${part} không theo SpreadsheetML chuyển tiếp (transitional)`);
  return m[0];
}

interface WorkbookInfo {
  readonly path: string;
  readonly sheets: readonly { name: string; sheetId: number; part: string | null }[];
  readonly relPrefix: string;
  readonly macros: boolean;
}

function workbookInfo(pkg: Package): WorkbookInfo {
  if (!pkg.has("[Content_Types].xml")) decline("không có [Content_Types].xml");
  const office = pkg.rels("").find((r) => r.type === REL.officeDocument);
  if (!office) decline("không tìm thấy sổ làm việc trong gói");
  const path = resolveTarget("", office.target);
  const xml = pkg.text(path);
  const rootTag = root(xml, "workbook", path);
  const prefix = Object.entries(attrs(rootTag)).find(([k, v]) => k.startsWith("xmlns:") && v === DOC_REL)?.[0].slice(6);
  if (prefix === undefined) decline("sổ làm việc không khai báo không gian tên quan hệ");
  const rels = pkg.rels(path);
  const sheetsXml = /<sheets\b[^>]*>([\s\S]*?)<\/sheets>/.exec(xml);
  if (!sheetsXml) decline("sổ làm việc không có danh sách trang");
  const sheets = [...sheetsXml[1]!.matchAll(/<sheet\b[^>]*>/g)].map((m) => {
    const a = attrs(m[0]);
    const rel = rels.find((r) => r.id === a[`${prefix}:id`]);
    return {
      name: unescapeXml(a.name ?? ""),
      sheetId: Number(a.sheetId ?? 0),
      part: rel && rel.type === REL.worksheet && !rel.external ? resolveTarget(path, rel.target) : null,
    };
  });
  const types = pkg.text("[Content_Types].xml");
  const macros = types.includes(CT.macroWorkbook);
  return { path, sheets, relPrefix: prefix, macros };
}

// --- Styles -------------------------------------------------------------------

/** Appends children to a counted container (`<fills count="2">…</fills>`); returns the index of the first appended. */
function appendCounted(xml: string, container: string, child: string, items: readonly string[]): { xml: string; first: number } {
  const re = new RegExp(`<${container}\\b([^>]*?)(/>|>([\\s\\S]*?)</${container}>)`);
  const m = re.exec(xml);
  if (!m) decline(`bảng kiểu không có <${container}>`);
  const inner = m[3] ?? "";
  const first = [...inner.matchAll(new RegExp(`<${child}[\\s/>]`, "g"))].length;
  const open = setAttr(`<${container}${m[1]}>`, "count", String(first + items.length));
  return { xml: xml.slice(0, m.index) + `${open}${inner}${items.join("")}</${container}>` + xml.slice(m.index + m[0].length), first };
}

/** The `<xf>` elements of cellXfs, as written. */
function cellXfs(xml: string): string[] {
  const m = /<cellXfs\b[^>]*>([\s\S]*?)<\/cellXfs>/.exec(xml);
  if (!m) decline("bảng kiểu không có cellXfs");
  return [...m[1]!.matchAll(/<xf\b[^>]*?(?:\/>|>[\s\S]*?<\/xf>)/g)].map((x) => x[0]);
}

const FILL = (rgb: string) => `<fill><patternFill patternType="solid"><fgColor rgb="FF${rgb}"/><bgColor indexed="64"/></patternFill></fill>`;

/** What the styles part gains: shaded copies of the problem cells' formats, and the "Góp ý" sheet's formats. */
class StyleEditor {
  private xml: string;
  private readonly xfs: string[];
  private readonly added: string[] = [];
  private readonly shaded = new Map<string, number>();
  private fillIds: Record<string, number> = {};
  private readonly baseCount: number;

  constructor(
    private readonly pkg: Package,
    private readonly path: string,
  ) {
    this.xml = pkg.text(path);
    root(this.xml, "styleSheet", path);
    this.xfs = cellXfs(this.xml);
    this.baseCount = this.xfs.length;
  }

  /** Adds fills (RRGGBB); their ids are then known by colour. */
  addFills(colours: readonly string[]): void {
    const fresh = colours.filter((c) => !(c in this.fillIds));
    if (fresh.length === 0) return;
    const { xml, first } = appendCounted(this.xml, "fills", "fill", fresh.map(FILL));
    this.xml = xml;
    fresh.forEach((c, k) => (this.fillIds[c] = first + k));
  }

  /** The index of a copy of cell format `xf` with the fill of `colour`. */
  shade(xf: number, colour: string): number {
    const key = `${xf}|${colour}`;
    const known = this.shaded.get(key);
    if (known !== undefined) return known;
    this.addFills([colour]);
    const original = this.xfs[xf] ?? this.xfs[0];
    if (original === undefined) decline("bảng kiểu không có định dạng ô nào");
    const open = /^<xf\b[^>]*?(\/?)>/.exec(original)![0];
    let tag = setAttr(open, "fillId", String(this.fillIds[colour]!));
    tag = setAttr(tag, "applyFill", "1");
    const index = this.baseCount + this.added.length;
    this.added.push(tag + original.slice(open.length));
    this.shaded.set(key, index);
    return index;
  }

  /** Cell formats for the "Góp ý" sheet's styles, by style name. */
  sheetStyles(styles: Readonly<Record<string, CellStyle>>): Record<string, number> {
    const entries = Object.entries(styles);
    const fontKey = (s: CellStyle) => `${s.font.name}|${s.font.size}|${s.font.bold ? 1 : 0}|${s.font.italic ? 1 : 0}|${s.font.underline ? 1 : 0}`;
    const fontKeys = [...new Set(entries.map(([, s]) => fontKey(s)))];
    const fonts = fontKeys.map((k) => {
      const [name, size, b, i, u] = k.split("|");
      return `<font>${b === "1" ? "<b/>" : ""}${i === "1" ? "<i/>" : ""}${u === "1" ? "<u/>" : ""}<sz val="${size}"/><name val="${xmlEscape(name!)}"/><family val="1"/></font>`;
    });
    const f = appendCounted(this.xml, "fonts", "font", fonts);
    this.xml = f.xml;
    const b = appendCounted(this.xml, "borders", "border", [
      '<border><left style="thin"><color auto="1"/></left><right style="thin"><color auto="1"/></right><top style="thin"><color auto="1"/></top><bottom style="thin"><color auto="1"/></bottom><diagonal/></border>',
    ]);
    this.xml = b.xml;
    this.addFills(entries.flatMap(([, s]) => (s.fill ? [s.fill] : [])));
    const out: Record<string, number> = {};
    for (const [name, s] of entries) {
      const fontId = f.first + fontKeys.indexOf(fontKey(s));
      const numFmtId = s.numberFormat === "@" ? 49 : 0;
      const fillId = s.fill ? this.fillIds[s.fill]! : 0;
      const borderId = s.border ? b.first : 0;
      const align = [
        s.horizontal ? ` horizontal="${s.horizontal}"` : "",
        s.vertical ? ` vertical="${s.vertical === "middle" ? "center" : s.vertical}"` : "",
        s.wrap ? ' wrapText="1"' : "",
      ].join("");
      out[name] = this.baseCount + this.added.length;
      this.added.push(
        `<xf numFmtId="${numFmtId}" fontId="${fontId}" fillId="${fillId}" borderId="${borderId}" xfId="0" applyNumberFormat="1" applyFont="1" applyFill="1" applyBorder="1" applyAlignment="1"><alignment${align}/></xf>`,
      );
    }
    return out;
  }

  save(): void {
    if (this.added.length === 0) {
      this.pkg.set(this.path, this.xml);
      return;
    }
    this.pkg.set(this.path, appendCounted(this.xml, "cellXfs", "xf", this.added).xml);
  }
}

// --- Cells of a sheet ---------------------------------------------------------

/** Style index of a cell not written in the sheet: its row's (when custom), else its column's, else 0. */
function implicitStyle(rowTag: string | undefined, cols: readonly { min: number; max: number; style: number }[], c: number): number {
  if (rowTag !== undefined) {
    const a = attrs(rowTag);
    if (a.customFormat === "1" || a.customFormat === "true") return Number(a.s ?? 0);
  }
  return cols.find((col) => c + 1 >= col.min && c + 1 <= col.max)?.style ?? 0;
}

/** Gives each noted cell a shaded copy of its own format, writing an empty cell where there is none. */
function shadeCells(xml: string, notes: readonly FeedbackNote[], styles: StyleEditor, part: string): string {
  const byRow = new Map<number, FeedbackNote[]>();
  for (const n of notes) byRow.set(n.r, [...(byRow.get(n.r) ?? []), n]);
  const cols = [...(/<cols\b[^>]*>([\s\S]*?)<\/cols>/.exec(xml)?.[1] ?? "").matchAll(/<col\b[^>]*>/g)].map((m) => {
    const a = attrs(m[0]);
    return { min: Number(a.min ?? 0), max: Number(a.max ?? 0), style: Number(a.style ?? 0) };
  });
  const sd = /<sheetData\b[^>]*?(?:\/>|>([\s\S]*?)<\/sheetData>)/.exec(xml);
  if (!sd) decline(`${part} không có sheetData`);
  const inner = sd[1] ?? "";
  const rows: { r: number; text: string }[] = [];
  for (const m of inner.matchAll(/<row\b[^>]*?(?:\/>|>[\s\S]*?<\/row>)/g)) {
    const open = /^<row\b[^>]*>/.exec(m[0])![0];
    const r = Number(attrs(open).r);
    if (!Number.isInteger(r) || r < 1) decline(`${part} có hàng không ghi số hàng`);
    rows.push({ r, text: m[0] });
  }
  const cellTag = (n: FeedbackNote, s: number) => `<c r="${n.cell}" s="${s}"/>`;
  const fixRow = (rowText: string, wanted: readonly FeedbackNote[]): string => {
    const open = /^<row\b[^>]*>/.exec(rowText)![0];
    const selfClosing = open.endsWith("/>");
    const body = selfClosing ? "" : rowText.slice(open.length, rowText.length - "</row>".length);
    const left = new Map(wanted.map((n) => [n.c, n]));
    const cells: { c: number; text: string }[] = [];
    for (const m of body.matchAll(/<c\b[^>]*?(?:\/>|>[\s\S]*?<\/c>)/g)) {
      const cOpen = /^<c\b[^>]*>/.exec(m[0])![0];
      const ref = attrs(cOpen).r;
      if (ref === undefined) decline(`${part} có ô không ghi địa chỉ`);
      const c = parseAddress(ref).c;
      const note = left.get(c);
      if (note === undefined) {
        cells.push({ c, text: m[0] });
        continue;
      }
      left.delete(c);
      const s = styles.shade(Number(attrs(cOpen).s ?? 0), FEEDBACK_FILLS[note.severity]);
      cells.push({ c, text: setAttr(cOpen, "s", String(s)) + m[0].slice(cOpen.length) });
    }
    const others = body.replace(/<c\b[^>]*?(?:\/>|>[\s\S]*?<\/c>)/g, "");
    for (const n of left.values()) cells.push({ c: n.c, text: cellTag(n, styles.shade(implicitStyle(open, cols, n.c), FEEDBACK_FILLS[n.severity])) });
    cells.sort((a, b) => a.c - b.c);
    // "spans" is a hint of the row's columns; a cell added outside it is safer without it.
    const newOpen = removeAttr(selfClosing ? open.replace(/\s*\/>$/, ">") : open, "spans");
    return `${newOpen}${cells.map((x) => x.text).join("")}${others}</row>`;
  };
  const out = rows.map((row) => {
    const wanted = byRow.get(row.r - 1);
    if (!wanted) return row;
    byRow.delete(row.r - 1);
    return { r: row.r, text: fixRow(row.text, wanted) };
  });
  for (const [r, wanted] of byRow) {
    const sorted = [...wanted].sort((a, b) => a.c - b.c);
    out.push({ r: r + 1, text: `<row r="${r + 1}">${sorted.map((n) => cellTag(n, styles.shade(implicitStyle(undefined, cols, n.c), FEEDBACK_FILLS[n.severity]))).join("")}</row>` });
  }
  out.sort((a, b) => a.r - b.r);
  // Anything between rows other than rows (nothing, in files seen) is kept after them.
  const rest = inner.replace(/<row\b[^>]*?(?:\/>|>[\s\S]*?<\/row>)/g, "");
  const openTag = /^<sheetData\b[^>]*?(?=\/?>)/.exec(sd[0])![0];
  return xml.slice(0, sd.index) + `${openTag}>${out.map((x) => x.text).join("")}${rest}</sheetData>` + xml.slice(sd.index + sd[0].length);
}

// --- Notes --------------------------------------------------------------------

/** The text of a note as rich text: the severity word in bold, then the messages. */
function noteRuns(text: string): string {
  const rPr = (bold: boolean) => `<rPr>${bold ? "<b/>" : ""}<sz val="9"/><color indexed="81"/><rFont val="Tahoma"/><family val="2"/></rPr>`;
  const lines = text.split("\n");
  return lines
    .map((line, k) => {
      const colon = line.indexOf(": ");
      const head = colon > 0 ? line.slice(0, colon + 1) : "";
      const tail = colon > 0 ? line.slice(colon + 1) : line;
      const nl = k < lines.length - 1 ? "\n" : "";
      return `${head !== "" ? `<r>${rPr(true)}<t>${xmlEscape(head)}</t></r>` : ""}<r>${rPr(false)}<t xml:space="preserve">${xmlEscape(tail + nl)}</t></r>`;
    })
    .join("");
}

function commentXml(note: FeedbackNote, authorId: number): string {
  return `<comment ref="${note.cell}" authorId="${authorId}"><text>${noteRuns(note.text)}</text></comment>`;
}

/** A note's box: hidden until the cell is pointed at, beside it, sized to the text. */
function vmlShape(note: FeedbackNote, id: number): string {
  const lines = Math.min(20, note.text.split("\n").reduce((n, l) => n + Math.ceil(Math.max(1, l.length) / 45), 0));
  return (
    `<v:shape id="_x0000_s${id}" type="#_x0000_t202" style="position:absolute;margin-left:60pt;margin-top:2pt;width:240pt;height:${24 + lines * 12}pt;z-index:${id};visibility:hidden" fillcolor="#ffffe1" o:insetmode="auto">` +
    '<v:fill color2="#ffffe1"/><v:shadow on="t" color="black" obscured="t"/><v:path o:connecttype="none"/>' +
    '<v:textbox style="mso-direction-alt:auto"><div style="text-align:left"></div></v:textbox>' +
    `<x:ClientData ObjectType="Note"><x:MoveWithCells/><x:SizeWithCells/><x:Anchor>${note.c + 1}, 15, ${Math.max(0, note.r - 1)}, 2, ${note.c + 5}, 15, ${note.r + 3 + Math.ceil(lines / 2)}, 16</x:Anchor>` +
    `<x:AutoFill>False</x:AutoFill><x:Row>${note.r}</x:Row><x:Column>${note.c}</x:Column></x:ClientData></v:shape>`
  );
}

const VML_HEAD = (idmap: number) =>
  '<xml xmlns:v="urn:schemas-microsoft-com:vml" xmlns:o="urn:schemas-microsoft-com:office:office" xmlns:x="urn:schemas-microsoft-com:office:excel">' +
  `<o:shapelayout v:ext="edit"><o:idmap v:ext="edit" data="${idmap}"/></o:shapelayout>` +
  '<v:shapetype id="_x0000_t202" coordsize="21600,21600" o:spt="202" path="m,l,21600r21600,l21600,xe"><v:stroke joinstyle="miter"/><v:path gradientshapeok="t" o:connecttype="rect"/></v:shapetype>';

/** The next free VML drawing id block (o:idmap data) in the package. */
function nextIdmap(pkg: Package): number {
  let max = 0;
  for (const path of Object.keys(pkg.parts)) {
    if (!path.toLowerCase().endsWith(".vml")) continue;
    for (const m of pkg.text(path).matchAll(/data\s*=\s*"([\d,\s]+)"/g)) for (const n of m[1]!.split(/[,\s]+/)) max = Math.max(max, Number(n) || 0);
  }
  return max + 1;
}

/** Where <legacyDrawing> goes in a worksheet: before the first of these, else before </worksheet>. */
const AFTER_LEGACY_DRAWING = ["legacyDrawingHF", "drawingHF", "picture", "oleObjects", "controls", "webPublishItems", "tableParts", "extLst"];

function insertLegacyDrawing(xml: string, relPrefix: string, id: string): string {
  let at = xml.lastIndexOf("</worksheet>");
  for (const name of AFTER_LEGACY_DRAWING) {
    const k = xml.search(new RegExp(`<${name}\\b`));
    if (k >= 0 && k < at) at = k;
  }
  return `${xml.slice(0, at)}<legacyDrawing ${relPrefix}:id="${id}"/>${xml.slice(at)}`;
}

/** The prefix the worksheet binds to the relationships namespace, declared on its root when it has none. */
function relPrefixOf(xml: string, rootTag: string): { xml: string; prefix: string } {
  const declared = Object.entries(attrs(rootTag)).find(([k, v]) => k.startsWith("xmlns:") && v === DOC_REL)?.[0].slice(6);
  if (declared !== undefined) return { xml, prefix: declared };
  let prefix = "r";
  for (let n = 2; new RegExp(`xmlns:${prefix}\\s*=`).test(rootTag); n++) prefix = `r${n}`;
  return { xml: xml.replace(rootTag, setAttr(rootTag, `xmlns:${prefix}`, DOC_REL)), prefix };
}

function addNotes(pkg: Package, part: string, notes: readonly FeedbackNote[]): void {
  let xml = pkg.text(part);
  const rootTag = root(xml, "worksheet", part);
  const rels = pkg.rels(part);
  const commentsRel = rels.find((r) => r.type === REL.comments);
  const vmlRel = rels.find((r) => r.type === REL.vml);
  if (commentsRel) {
    // The sheet has notes already: ours are added to them, none of theirs replaced.
    if (!vmlRel) decline(`${part} có ghi chú nhưng không có hình vẽ ghi chú`);
    const commentsPath = resolveTarget(part, commentsRel.target);
    const vmlPath = resolveTarget(part, vmlRel.target);
    let comments = pkg.text(commentsPath);
    root(comments, "comments", commentsPath);
    const taken = new Set([...comments.matchAll(/<comment\b[^>]*\bref\s*=\s*"([^"]+)"/g)].map((m) => m[1]!.toUpperCase()));
    const fresh = notes.filter((n) => !taken.has(n.cell));
    const authorCount = [...comments.matchAll(/<author[\s>]/g)].length;
    if (/<authors\s*\/>/.test(comments)) comments = comments.replace(/<authors\s*\/>/, `<authors><author>${xmlEscape(FEEDBACK_AUTHOR)}</author></authors>`);
    else comments = comments.replace("</authors>", `<author>${xmlEscape(FEEDBACK_AUTHOR)}</author></authors>`);
    const list = fresh.map((n) => commentXml(n, authorCount)).join("");
    if (/<commentList\s*\/>/.test(comments)) comments = comments.replace(/<commentList\s*\/>/, `<commentList>${list}</commentList>`);
    else if (comments.includes("</commentList>")) comments = comments.replace("</commentList>", `${list}</commentList>`);
    else decline(`${commentsPath} không có commentList`);
    pkg.set(commentsPath, comments);
    const vml = pkg.text(vmlPath);
    if (!vml.includes("_x0000_t202")) decline(`${vmlPath} không phải hình vẽ ghi chú`);
    let next = Math.max(0, ...[...vml.matchAll(/_x0000_s(\d+)/g)].map((m) => Number(m[1]))) + 1;
    const shapes = fresh.map((n) => vmlShape(n, next++)).join("");
    const close = vml.lastIndexOf("</xml>");
    if (close < 0) decline(`${vmlPath} không đóng thẻ xml`);
    pkg.set(vmlPath, vml.slice(0, close) + shapes + vml.slice(close));
    return;
  }
  if (vmlRel || /<legacyDrawing\b/.test(xml)) decline(`${part} có hình vẽ cũ (legacyDrawing) không phải ghi chú`);
  const commentsPath = pkg.freshPart("xl/comments", ".xml");
  const vmlPath = pkg.freshPart("xl/drawings/vmlDrawing", ".vml");
  pkg.set(
    commentsPath,
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<comments xmlns="${MAIN_NS}"><authors><author>${xmlEscape(FEEDBACK_AUTHOR)}</author></authors><commentList>${notes.map((n) => commentXml(n, 0)).join("")}</commentList></comments>`,
  );
  const idmap = nextIdmap(pkg);
  pkg.set(vmlPath, `${VML_HEAD(idmap)}${notes.map((n, k) => vmlShape(n, idmap * 1024 + k + 1)).join("")}</xml>`);
  pkg.addRel(part, REL.comments, commentsPath, "rIdGopYComments");
  const vmlId = pkg.addRel(part, REL.vml, vmlPath, "rIdGopYNotes");
  const withPrefix = relPrefixOf(xml, rootTag);
  xml = insertLegacyDrawing(withPrefix.xml, withPrefix.prefix, vmlId);
  pkg.set(part, xml);
  pkg.contentTypeOverride(commentsPath, CT.comments);
  pkg.contentTypeDefault("vml", CT.vml);
}

// --- The "Góp ý" sheet ----------------------------------------------------------

function sheetXml(layout: SheetLayout, xf: Readonly<Record<string, number>>): string {
  const byRow = new Map<number, LayoutCell[]>();
  for (const cell of layout.cells) byRow.set(cell.r, [...(byRow.get(cell.r) ?? []), cell]);
  const rows = [...byRow.keys()].sort((a, b) => a - b).map((r) => {
    const h = layout.rowHeights[r];
    const cells = byRow.get(r)!.sort((a, b) => a.c - b.c).map((cell) => {
      const ref = cellAddress(cell.r, cell.c);
      const s = xf[cell.style] ?? 0;
      const value = safeCellValue(cell.value);
      if (value === null) return `<c r="${ref}" s="${s}"/>`;
      if (typeof value === "number") return `<c r="${ref}" s="${s}"><v>${value}</v></c>`;
      return `<c r="${ref}" s="${s}" t="inlineStr"><is><t xml:space="preserve">${xmlEscape(value)}</t></is></c>`;
    });
    return `<row r="${r + 1}"${h !== undefined ? ` ht="${h}" customHeight="1"` : ""}>${cells.join("")}</row>`;
  });
  const cols = layout.columnWidths.map((w, k) => `<col min="${k + 1}" max="${k + 1}" width="${w}" customWidth="1"/>`).join("");
  const merges = layout.merges.length > 0 ? `<mergeCells count="${layout.merges.length}">${layout.merges.map((m) => `<mergeCell ref="${m}"/>`).join("")}</mergeCells>` : "";
  const page = layout.pageSetup;
  const m = page?.margins;
  return (
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<worksheet xmlns="${MAIN_NS}" xmlns:r="${DOC_REL}">` +
    `<sheetPr><pageSetUpPr fitToPage="1"/></sheetPr><sheetViews><sheetView workbookViewId="0"/></sheetViews><sheetFormatPr defaultRowHeight="15"/>` +
    `<cols>${cols}</cols><sheetData>${rows.join("")}</sheetData>${merges}` +
    (page ? `<printOptions${page.horizontalCentered ? ' horizontalCentered="1"' : ""}/>` : "") +
    (m ? `<pageMargins left="${m.left}" right="${m.right}" top="${m.top}" bottom="${m.bottom}" header="${m.header}" footer="${m.footer}"/>` : "") +
    (page ? `<pageSetup paperSize="9" orientation="${page.orientation}" fitToWidth="${page.fitToWidth}" fitToHeight="${page.fitToHeight}"/>` : "") +
    (page?.footer ? `<headerFooter><oddFooter>${xmlEscape(`&C${page.footer}`)}</oddFooter></headerFooter>` : "") +
    `</worksheet>`
  );
}

/** Quotes a sheet name for a reference ('Góp ý'!$7:$7). */
function quoted(name: string): string {
  return `'${name.replace(/'/g, "''")}'`;
}

function addSheet(pkg: Package, wb: WorkbookInfo, layout: SheetLayout, xf: Readonly<Record<string, number>>): void {
  const part = pkg.freshPart("xl/worksheets/sheet", ".xml");
  pkg.set(part, sheetXml(layout, xf));
  pkg.contentTypeOverride(part, CT.worksheet);
  const id = pkg.addRel(wb.path, REL.worksheet, part, "rIdGopY");
  let xml = pkg.text(wb.path);
  const sheetId = Math.max(0, ...wb.sheets.map((s) => s.sheetId)) + 1;
  xml = xml.replace("</sheets>", `<sheet name="${xmlEscape(layout.name)}" sheetId="${sheetId}" ${wb.relPrefix}:id="${id}"/></sheets>`);
  const titles = layout.pageSetup?.printTitleRows;
  if (titles !== undefined) {
    const [a, b] = titles.split(":");
    const name = `<definedName name="_xlnm.Print_Titles" localSheetId="${wb.sheets.length}">${xmlEscape(`${quoted(layout.name)}!$${a}:$${b}`)}</definedName>`;
    if (/<definedNames\s*\/>/.test(xml)) xml = xml.replace(/<definedNames\s*\/>/, `<definedNames>${name}</definedNames>`);
    else if (xml.includes("</definedNames>")) xml = xml.replace("</definedNames>", `${name}</definedNames>`);
    else {
      const after = ["</externalReferences>", "</functionGroups>", "</sheets>"].find((t) => xml.includes(t))!;
      xml = xml.replace(after, `${after}<definedNames>${name}</definedNames>`);
    }
  }
  pkg.set(wb.path, xml);
}

/** Adds the plan to an OOXML package. Throws FeedbackDecline when the package is beyond this editor. */
export function editPackage(bytes: Uint8Array, plan: FeedbackPlan): { bytes: Uint8Array; macros: boolean } {
  let parts: Parts;
  try {
    parts = unzipSync(bytes);
  } catch (error) {
    decline(`không mở được gói: ${error instanceof Error ? error.message : String(error)}`);
  }
  const pkg = new Package(parts);
  const wb = workbookInfo(pkg);
  const stylesRel = pkg.rels(wb.path).find((r) => r.type === REL.styles);
  if (!stylesRel) decline("sổ làm việc không có bảng kiểu");
  const styles = new StyleEditor(pkg, resolveTarget(wb.path, stylesRel.target));
  const bySheet = new Map<string, FeedbackNote[]>();
  for (const n of plan.notes) bySheet.set(n.sheet, [...(bySheet.get(n.sheet) ?? []), n]);
  for (const [sheet, notes] of bySheet) {
    const part = wb.sheets.find((s) => s.name === sheet)?.part;
    if (part === null || part === undefined) continue;
    root(pkg.text(part), "worksheet", part);
    pkg.set(part, shadeCells(pkg.text(part), notes, styles, part));
    addNotes(pkg, part, notes);
  }
  const xf = styles.sheetStyles(plan.sheet.styles);
  styles.save();
  addSheet(pkg, wb, plan.sheet, xf);
  return { bytes: zipSync(pkg.parts, { level: 6 }), macros: wb.macros };
}

// --- Other kinds: an .xlsx from the cells as read -----------------------------

const EXCEL_EPOCH = Date.UTC(1899, 11, 30);
const BAD_SHEET_CHARS = /[[\]:*?/\\]/g;

const GRID_STYLES: Readonly<Record<string, CellStyle>> = {
  v: { font: { name: "Times New Roman", size: 12 }, vertical: "top", locked: true },
  d: { font: { name: "Times New Roman", size: 12 }, vertical: "top", numberFormat: "dd/mm/yyyy", locked: true },
};

/** The workbook of the cells as read: values (a formula's cached result), dates, merged areas; sheet names Excel can hold. */
export function gridLayout(grid: WorkbookGrid): { layout: WorkbookLayout; renamed: Map<string, string> } {
  const renamed = new Map<string, string>();
  const used = new Set<string>();
  const sheets = grid.sheets.map((sheet): SheetLayout => {
    let name = sheet.name.replace(BAD_SHEET_CHARS, " ").replace(/^'+|'+$/g, "").trim().slice(0, 31) || "Trang";
    for (let n = 2; used.has(name.toLowerCase()); n++) name = `${name.slice(0, 27)} (${n})`;
    used.add(name.toLowerCase());
    renamed.set(sheet.name, name);
    const cells: LayoutCell[] = [];
    const widths: number[] = [];
    sheet.rows.forEach((row, r) =>
      row?.forEach((cell, c) => {
        const v = cell?.v;
        if (v === undefined || v === null || v === "") return;
        let value: string | number;
        let style = "v";
        if (v instanceof Date) {
          value = (v.getTime() - EXCEL_EPOCH) / 86_400_000;
          style = "d";
        } else if (typeof v === "boolean") value = v ? "TRUE" : "FALSE";
        else value = v;
        cells.push({ r, c, value, style });
        const len = String(cell?.w ?? value).length;
        widths[c] = Math.max(widths[c] ?? 8, Math.min(60, len + 2));
      }),
    );
    const columnWidths = Array.from({ length: widths.length }, (_, c) => widths[c] ?? 8);
    return {
      name,
      visibility: sheet.visibility === "visible" ? "visible" : "veryHidden",
      cells,
      styles: GRID_STYLES,
      merges: sheet.merges.filter((m) => m.s.r !== m.e.r || m.s.c !== m.e.c).map((m) => `${cellAddress(m.s.r, m.s.c)}:${cellAddress(m.e.r, m.e.c)}`),
      columnWidths,
      rowHeights: {},
      dataValidations: [],
      conditionalFormats: [],
      inputRanges: [],
    };
  });
  if (sheets.length === 0) {
    sheets.push({ name: "Trang 1", visibility: "visible", cells: [], styles: GRID_STYLES, merges: [], columnWidths: [], rowHeights: {}, dataValidations: [], conditionalFormats: [], inputRanges: [] });
  } else if (sheets.every((s) => s.visibility !== "visible")) sheets[0] = { ...sheets[0]!, visibility: "visible" };
  return { layout: { sheets }, renamed };
}
