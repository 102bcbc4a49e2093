/**
 * Recognising the header rows of the two tables, whatever their wording,
 * case, Unicode form, line breaks, and whether they span two rows.
 */
import { EXCEL_CELL_TEXT } from "../model/grid";
import { foldText } from "../text";
import { textCache, type TextCache } from "../cache";
import type { SheetView } from "./sheet";

/** combined: one column for both figures, written achieved/total ("Số đạt/Tổng số", cells "45/50"). */
export type IndicatorRole = "stt" | "text" | "dvt" | "total" | "achieved" | "ratio" | "combined";
export type DocumentRole = "stt" | "code" | "date" | "summary" | "issuer";
export type TableKind = "indicators" | "documents";

/** A column of a table: the first and last sheet column the header spans. */
export interface ColumnSpan {
  readonly c: number;
  readonly c2: number;
}

export interface TableHeader<R extends string> {
  readonly kind: TableKind;
  readonly sheetIndex: number;
  /** First and last header row (zero-based). */
  readonly row: number;
  readonly lastRow: number;
  readonly columns: Readonly<Partial<Record<R, ColumnSpan>>>;
  /** Number of roles found (how sure we are). */
  readonly score: number;
  /** Columns whose header text was not understood, taken for a role by their place in the official table. */
  readonly guessed?: readonly GuessedColumn[];
  /**
   * The sheet columns the table stands in (first and last): those of its roles, or the part of the
   * row it was given when another table stands beside it on the same rows.
   */
  readonly bounds: ColumnSpan;
  /** The part of the row the table was limited to, when another table stands beside it. */
  readonly within?: ColumnSpan;
}

export interface GuessedColumn {
  readonly role: "total" | "achieved";
  /** Zero-based column and header row of the text. */
  readonly c: number;
  readonly r: number;
  readonly text: string;
}

const YEAR = /(^|\s)(19|20)\d\d($|\s)/;

/** Abbreviations of the figure columns: "T.SỐ", "TS", "SL"; "TL", "T.Lệ (%)". */
const TOTAL_SHORT = /^(ts|tso|sl)$/;
const RATIO_SHORT = /^(tl|tle)%?$/;

const STT = /^(stt|tt|so tt|so thu tu|thu tu|s tt|so tt ?|số tt)$/;

/** The role of an indicator-table header text (folded), or null. */
export function indicatorRole(folded: string): IndicatorRole | "other" | null {
  const f = folded.trim();
  if (f === "") return null;
  const compact = f.replace(/\s+/g, "");
  if (STT.test(f) || compact === "stt" || compact === "tt") return "stt";
  if (/\b(ty le|ti le|phan tram)\b/.test(f) || f === "%" || /^% /.test(f) || RATIO_SHORT.test(compact)) return "ratio";
  if (/^(dvt|donvitinh|dvtinh|donvi|dv|dvi|dvtinh)$/.test(compact) || /^don vi tinh\b/.test(f)) return "dvt";
  if (/\bghi chu\b/.test(f)) return "other";
  if (/\bnoi dung\b/.test(f) || /\bten chi tieu\b/.test(f)) return "text";
  // "Số đạt trên tổng số", "Đạt/Tổng" (the "/" is folded to a space; classify sees it).
  if (/\b(dat|ket qua)\b.*\btren\b.*\btong\b/.test(f)) return "combined";
  if (/\b(can dat|phai dat|muc tieu|ke hoach|de an|chi tieu giao)\b/.test(f)) return "other";
  if (/\bchi tieu\b/.test(f)) return "text";
  if (/^tong\b/.test(f) || /\btong so\b/.test(f) || f === "so luong" || TOTAL_SHORT.test(compact)) return "total";
  if (/\bdat\b/.test(f) || /\bket qua\b/.test(f) || /\bthuc hien\b/.test(f)) return "achieved";
  return null;
}

/** The role of a documents-table header text (folded), or null. */
export function documentRole(folded: string): DocumentRole | "other" | null {
  const f = folded.trim();
  if (f === "") return null;
  const compact = f.replace(/\s+/g, "");
  if (STT.test(f) || compact === "stt" || compact === "tt") return "stt";
  if (/\b(ky hieu|ki hieu|so hieu|so van ban|so ky hieu|so ki hieu)\b/.test(f) || f === "so" || f === "so van ban" || f === "van ban") {
    return "code";
  }
  // "Số, ngày văn bản": the code with its date in one column.
  if (/^so (va |ngay )?ngay\b/.test(f)) return "code";
  if (/\b(don vi|co quan|noi|cap|to chuc)\s+ban hanh\b/.test(f) || /^(don vi|co quan|noi ban hanh|cap ban hanh)$/.test(f)) {
    return "issuer";
  }
  if (/\bngay\b/.test(f) || /\bthoi gian\b/.test(f) || /\bthoi diem\b/.test(f)) return "date";
  if (/\b(trich yeu|noi dung|ten van ban|tieu de)\b/.test(f) || f === "ten") return "summary";
  if (/\bghi chu\b/.test(f) || /\bloai van ban\b/.test(f)) return "other";
  return null;
}

const REQUIRED: Record<TableKind, (roles: { has(role: string): boolean; readonly size: number }) => boolean> = {
  indicators: (r) => r.has("text") && (r.has("total") || r.has("achieved") || r.has("combined")) && r.size >= 3,
  documents: (r) => (r.has("code") && (r.has("date") || r.has("summary"))) || (r.has("summary") && r.has("date") && r.has("issuer")),
};

/** Header texts recur in every workbook (and every row is tried as a header): roles are worked out once per text. */
const ROLE_CACHE: Record<TableKind, TextCache<string | null>> = { indicators: textCache(10_000), documents: textCache(10_000) };

/**
 * Figures, numberings and dates ("1.219", "6.2.1", "20/6/2021"): folded they are digits and spaces
 * alone, which no header wording matches. They differ from file to file, so they would only fill
 * the cache.
 */
const ONLY_FIGURES = /^[\d\s.,/-]*$/;

/** Whether a text may be figures alone: it starts as ONLY_FIGURES allows (a label starts with a letter: no test needed). */
function mayBeFigures(text: string): boolean {
  const c = text.charCodeAt(0);
  return (c >= 48 && c <= 57) || c === 32 || c === 44 || c === 45 || c === 46 || c === 47 || (c >= 9 && c <= 13) || c > 127;
}

function classify(kind: TableKind, text: string): string | null {
  // A text longer than a cell of Excel holds heads no column.
  if (text === "" || text.length > EXCEL_CELL_TEXT || (mayBeFigures(text) && ONLY_FIGURES.test(text))) return null;
  const cache = ROLE_CACHE[kind];
  let role = cache.get(text);
  if (role === undefined) {
    const f = foldText(text);
    role = kind === "indicators" ? indicatorRole(f) : documentRole(f);
    // "Số đạt/Tổng số", "Tổng số/Số đạt": both figures in one column.
    if (kind === "indicators" && (role === "total" || role === "achieved") && /\//.test(text) && /\bdat\b/.test(f) && /\btong\b/.test(f)) {
      role = "combined";
    }
    cache.set(text, role);
  }
  return role;
}

/** Roles of "top below" texts (a header over two rows), by the two texts: no string to build and hash per lookup. */
const PAIR_CACHE: Record<TableKind, TextCache<Map<string, string | null>>> = { indicators: textCache(20_000), documents: textCache(20_000) };

function classifyPair(kind: TableKind, top: string, below: string): string | null {
  const cache = PAIR_CACHE[kind];
  let byBelow = cache.get(top);
  let role = byBelow?.get(below);
  if (role === undefined) {
    role = classify(kind, `${top} ${below}`);
    if (!byBelow) {
      byBelow = new Map();
      cache.set(top, byBelow, top.length);
    }
    byBelow.set(below, role);
    cache.grow(below);
  }
  return role;
}

/**
 * A column under a figure's header split by year that holds the whole period: "Cộng", "Tổng cộng",
 * "Cả giai đoạn", "2016 - 2020" (folded).
 */
const WHOLE_PERIOD = /^(cong|tong|tong cong|tong so|luy ke|ca giai doan|toan giai doan)$|\b2016\s*(den\s*)?2020\b/;

/** Whether the text under a figure's header names the whole period's column (see WHOLE_PERIOD). */
function isWholePeriod(text: string): boolean {
  return text !== "" && WHOLE_PERIOD.test(foldText(text).trim());
}

/** Whether the row under a merged header cell holds a year in one of its columns ("Năm 2016", 2016): a split by year. */
function yearsUnder(view: SheetView, r: number, c1: number, c2: number): boolean {
  for (let c = c1; c <= Math.min(c2, c1 + 30); c++) {
    const v = view.cell(r, c)?.v;
    if (typeof v === "number" ? Number.isInteger(v) && v >= 2000 && v <= 2030 : YEAR.test(foldText(view.text(r, c)))) return true;
  }
  return false;
}

/**
 * The roles the cells of `row` (and `row + 1` when twoRows) would have as a header. A role met
 * again under one header split by year is the first column's, unless a later one holds the whole
 * period ("Cộng"): that one is read.
 */
function rolesAt(view: SheetView, kind: TableKind, row: number, twoRows: boolean, within?: ColumnSpan): Map<string, ColumnSpan> {
  const roles = new Map<string, ColumnSpan>();
  const whole = new Set<string>();
  forEachRole(view, kind, row, twoRows, within, (role, c, c2) => {
    if (role === "other") return false;
    if (!roles.has(role)) roles.set(role, { c, c2 });
    else if (twoRows && !whole.has(role) && view.sameMerge(row, c, row, roles.get(role)!.c) && isWholePeriod(view.text(row + 1, c))) {
      roles.set(role, { c, c2 });
      whole.add(role);
    }
    return false;
  });
  return roles;
}

/**
 * Whether the row under a one-row header holds the sub-columns of a figure's merged header cell
 * ("Số đã đạt tiêu chuẩn" over "Năm 2016 | … | Năm 2020 | Cộng"): two texts or more, none a
 * figure but a year. Then the header is over two rows, though the second adds no role.
 */
function splitBelow(view: SheetView, row: number, roles: ReadonlyMap<string, ColumnSpan>): boolean {
  for (const role of ["total", "achieved"]) {
    const span = roles.get(role);
    if (!span || span.c2 === span.c) continue;
    let texts = 0;
    for (let c = span.c; c <= span.c2; c++) {
      const v = view.cell(row + 1, c)?.v;
      const year = typeof v === "number" && Number.isInteger(v) && v >= 2000 && v <= 2030;
      if (typeof v !== "string" && !year) continue;
      const t = view.text(row + 1, c);
      if (year || (t !== "" && !ONLY_FIGURES.test(t))) texts++;
    }
    if (texts >= 2) return true;
  }
  return false;
}

/** Whether `row` (with `row + 1` when twoRows) has cells of at least two roles (rolesAt(…).size >= 2), without building them. */
function hasTwoRoles(view: SheetView, kind: TableKind, row: number, twoRows: boolean, within?: ColumnSpan): boolean {
  let first: string | undefined;
  const width = roleWidth(view, within);
  const end = { c2: 0 };
  for (let c = within?.c ?? 0; c < width; c++) {
    const role = cellRole(view, kind, row, twoRows, c, end);
    if (!role || role === "other") continue;
    if (first === undefined) first = role;
    else if (role !== first) return true;
  }
  return false;
}

/**
 * Every column of a header that has the given role, the first (the one read) included: a table
 * with a Tổng số per year has several.
 */
export function columnsWithRole(view: SheetView, header: TableHeader<string>, role: string): ColumnSpan[] {
  const out: ColumnSpan[] = [];
  forEachRole(view, header.kind, header.row, header.lastRow > header.row, header.within, (r, c, c2) => {
    if (r === role && !out.some((o) => c <= o.c2 && c2 >= o.c)) out.push({ c, c2 });
    return false;
  });
  return out;
}

function forEachRole(
  view: SheetView,
  kind: TableKind,
  row: number,
  twoRows: boolean,
  within: ColumnSpan | undefined,
  /** Each role found, with its columns; answers true to stop there. */
  found: (role: string, c: number, c2: number) => boolean,
): void {
  const width = roleWidth(view, within);
  const end = { c2: 0 };
  for (let c = within?.c ?? 0; c < width; c++) {
    const role = cellRole(view, kind, row, twoRows, c, end);
    if (role && found(role, c, end.c2)) return;
  }
}

/** The columns forEachRole looks at end before this one. */
function roleWidth(view: SheetView, within: ColumnSpan | undefined): number {
  return Math.min(view.width, 200, within ? within.c2 + 1 : Number.POSITIVE_INFINITY);
}

/** The role of column c of a header at `row` (over `row + 1` too when twoRows), or null; `end.c2` is set to its last column (its merged area's). */
function cellRole(view: SheetView, kind: TableKind, row: number, twoRows: boolean, c: number, end: { c2: number }): string | null {
  // view.shownText and view.sameMerge, with each merge looked up once.
  let span = view.merge(row, c);
  const top = span ? view.text(span.s.r, span.s.c) : view.text(row, c);
  let role: string | null;
  const next = twoRows ? view.merge(row + 1, c) : undefined;
  const below = twoRows && !(span !== undefined && span === next) ? (next ? view.text(next.s.r, next.s.c) : view.text(row + 1, c)) : "";
  if (below !== "") {
    // "Cộng" or "Tổng cộng" under a figure's header split by year ("Năm 2016 | … | Cộng") is that figure's;
    // under a header split otherwise ("Kết quả" over "Tổng cộng | Số đạt") it is the Tổng số, as ever.
    const own = span !== undefined && span.e.c > span.s.c && isWholePeriod(below) && yearsUnder(view, row + 1, span.s.c, span.e.c) ? null : classify(kind, below);
    role = own ?? classifyPair(kind, top, below);
    span = next;
  } else {
    role = classify(kind, top);
  }
  end.c2 = span ? Math.max(c, span.e.c) : c;
  return role;
}

/**
 * The official indicator table runs Nội dung, ĐVT, Tổng số, Số đã đạt, Tỷ lệ. A header whose
 * Tổng số or Số đã đạt is worded past recognition ("Số người, hộ, xã", "Được hưởng") still has
 * its column there: a column with a header text of no known role, standing exactly where the
 * missing one belongs next to those found, is taken for it (and said so).
 */
function guessByPosition(view: SheetView, row: number, twoRows: boolean, roles: Map<string, ColumnSpan>): GuessedColumn[] {
  const text = roles.get("text");
  if (!text || (roles.has("total") && roles.has("achieved")) || roles.has("combined")) return [];
  const total = roles.get("total");
  const achieved = roles.get("achieved");
  const ratio = roles.get("ratio");
  if (!total && !achieved && !ratio) return [];
  let floor = text.c2;
  for (const span of roles.values()) if (span.c < (achieved ?? total ?? ratio)!.c && span.c2 > floor) floor = span.c2;
  const taken = (c: number): boolean => [...roles.values()].some((span) => c >= span.c && c <= span.c2);
  const unknownAt = (c: number): { c: number; r: number; text: string } | undefined => {
    if (c <= floor || taken(c)) return undefined;
    for (const r of twoRows ? [row + 1, row] : [row]) {
      const t = view.shownText(r, c);
      // A year over a column ("Năm 2016 | Năm 2020") is another table's shape, not a renamed figure.
      if (t !== "") return classify("indicators", t) === null && !YEAR.test(foldText(t)) ? { c, r, text: t } : undefined;
    }
    return undefined;
  };
  const out: GuessedColumn[] = [];
  if (achieved && !total) {
    const at = unknownAt(achieved.c - 1);
    if (at) out.push({ role: "total", ...at });
  } else if (total && !achieved) {
    const at = unknownAt(total.c2 + 1);
    if (at && (!ratio || at.c < ratio.c)) out.push({ role: "achieved", ...at });
  } else if (ratio && !total && !achieved) {
    const first = unknownAt(ratio.c - 2);
    const second = unknownAt(ratio.c - 1);
    if (first && second) out.push({ role: "total", ...first }, { role: "achieved", ...second });
  }
  return out;
}

/** The roles of a header at `row`, with columns guessed by position, when they make a header of this kind. */
function completeHeader(
  view: SheetView,
  kind: TableKind,
  row: number,
  twoRows: boolean,
  roles: Map<string, ColumnSpan>,
): { roles: Map<string, ColumnSpan>; guessed: GuessedColumn[] } | undefined {
  if (kind === "indicators" && roles.size >= 2 && roles.has("text") && !(roles.has("total") && roles.has("achieved"))) {
    const guessed = guessByPosition(view, row, twoRows, roles);
    if (guessed.length > 0) {
      const all = new Map(roles);
      for (const g of guessed) all.set(g.role, { c: g.c, c2: g.c });
      if (REQUIRED[kind](all)) return { roles: all, guessed };
    }
  }
  return REQUIRED[kind](roles) ? { roles, guessed: [] } : undefined;
}

/** Finds every header of the given kind in a sheet. */
export function findHeaders<R extends string>(
  view: SheetView,
  sheetIndex: number,
  kind: TableKind,
  within?: ColumnSpan,
  rows?: { readonly from: number; readonly to: number },
): TableHeader<R>[] {
  const found: TableHeader<R>[] = [];
  for (let r = rows?.from ?? 0; r < Math.min(view.height, rows ? rows.to + 1 : view.height); r++) {
    // Cells of this row, or merged areas reaching into it from above, must be at least 2.
    if (view.textCount(r) < 2 && !view.inTallMerge(r)) continue;
    // Most rows hold fewer than two roles (a header needs at least two): no roles built for them.
    const twoRoles = hasTwoRoles(view, kind, r, false, within);
    const oneRoles = twoRoles ? rolesAt(view, kind, r, false, within) : undefined;
    const one = oneRoles ? completeHeader(view, kind, r, false, oneRoles) : undefined;
    // A header over two rows has at least two roles in its top row, or merged cells there.
    const mayBeTwo = r + 1 < view.height && (twoRoles || view.mergeStartsIn(r));
    const two = mayBeTwo && hasTwoRoles(view, kind, r, true, within) ? completeHeader(view, kind, r, true, rolesAt(view, kind, r, true, within)) : undefined;
    const isTwo = two !== undefined && (!one || two.roles.size > one.roles.size || splitBelow(view, r, one.roles));
    const pick = isTwo ? two : one;
    if (!pick) continue;
    found.push({
      kind,
      sheetIndex,
      row: r,
      lastRow: isTwo ? r + 1 : r,
      columns: Object.fromEntries(pick.roles) as Partial<Record<R, ColumnSpan>>,
      // A guessed column counts for less than a recognised one.
      score: pick.roles.size - pick.guessed.length / 2,
      ...(pick.guessed.length > 0 ? { guessed: pick.guessed } : {}),
      bounds: within ?? extent(pick.roles.values()),
      ...(within ? { within } : {}),
    });
    r = isTwo ? r + 1 : r;
  }
  return found;
}

/** The first and last column of a set of column spans. */
function extent(spans: Iterable<ColumnSpan>): ColumnSpan {
  let c = Number.POSITIVE_INFINITY;
  let c2 = -1;
  for (const s of spans) {
    if (s.c < c) c = s.c;
    if (s.c2 > c2) c2 = s.c2;
  }
  return c2 < 0 ? { c: 0, c2: 0 } : { c, c2 };
}

/** The roles only a table of each kind has: figures for the indicators, code, date and issuer for the documents. */
const OWN: Record<TableKind, readonly string[]> = {
  indicators: ["dvt", "total", "achieved", "ratio", "combined"],
  documents: ["code", "date", "issuer"],
};

function ownSpans(header: TableHeader<string>): ColumnSpan[] {
  const cols = header.columns as Readonly<Record<string, ColumnSpan | undefined>>;
  return OWN[header.kind].map((role) => cols[role]).filter((s): s is ColumnSpan => s !== undefined);
}

/** The header text of a column (either row of a header over two rows). */
function headerText(view: SheetView, header: TableHeader<string>, c: number): string {
  return view.shownText(header.row, c) || (header.lastRow > header.row ? view.shownText(header.lastRow, c) : "");
}

/**
 * Two tables side by side on the same header row(s): where the one on the left ends. Its columns
 * run to the last of its own roles, and on over columns that are its kind's and not the other's
 * ("Trích yếu" after "Đơn vị ban hành"); the table on the right starts after them. Undefined when
 * the two sets of own columns interleave (one table read under two headers, not two tables).
 */
export function sideBySide(
  view: SheetView,
  a: TableHeader<string>,
  b: TableHeader<string>,
): { readonly left: TableHeader<string>; readonly right: TableHeader<string>; readonly leftBounds: ColumnSpan; readonly rightBounds: ColumnSpan } | undefined {
  const ownA = ownSpans(a);
  const ownB = ownSpans(b);
  if (ownA.length === 0 || ownB.length === 0) return undefined;
  const ea = extent(ownA);
  const eb = extent(ownB);
  const [left, right, el, er] = ea.c2 < eb.c ? [a, b, ea, eb] : eb.c2 < ea.c ? [b, a, eb, ea] : [undefined, undefined, ea, eb];
  if (!left || !right) return undefined;
  let end = el.c2;
  for (let c = end + 1; c < er.c; c++) {
    const text = headerText(view, left, c);
    if (text === "") break;
    const mine = classify(left.kind, text);
    const theirs = classify(right.kind, text);
    if (mine === null || mine === "other" || (theirs !== null && theirs !== "other")) break;
    end = c;
  }
  const width = Math.min(view.width, 200);
  return { left, right, leftBounds: { c: 0, c2: end }, rightBounds: { c: end + 1, c2: Math.max(end + 1, width - 1) } };
}
