/**
 * Reading the rows under a header: indicator rows matched to the catalogue,
 * and document rows.
 */
import { INDICATORS, indicatorById } from "../catalogue";
import { cellAddress, columnLetters, type CellRef, type GridCell } from "../model/grid";
import type { Issue } from "../model/issues";
import { cleanText, foldText } from "../text";
import { textCache } from "../cache";
import { makeIssue } from "../rules/messages";
import { COLUMN, type DocumentCellsRead, type IndicatorCellsRead } from "../rules/rules";
import { cellText } from "../values/cell";
import { DOCUMENT_TYPE_NAMES, parseDocumentCode, type CodeParse, type DocumentCode } from "../values/code";
import { formulaResult } from "../values/formula";
import { parseDateValue } from "../values/date";
import { isBlankText, parseCombinedFigures, parseCountValue } from "../values/number";
import { columnsWithRole, type ColumnSpan, type DocumentRole, type IndicatorRole, type TableHeader } from "./headers";
import {
  groupOf,
  isSubgroup,
  MATCH_MARGIN,
  MATCH_THRESHOLD,
  normaliseStt,
  scoreIndicators,
  splitLeadingStt,
  type IndicatorScore,
} from "./match";
import { type SheetView } from "./sheet";

/** Texts that end a table: notes, the "Nơi nhận" block, signatures, the other table's title. */
const STOP =
  /^(ghi chu|luu y|noi nhan|t m|tm|k t|kt|nguoi lap|nguoi tong hop|nguoi bao cao|xac nhan|bi thu|pho bi thu|thu truong|truong ban|pho truong ban|truong phong|pho truong phong|giam doc|pho giam doc|chu tich|pho chu tich|chanh van phong|truong dai|lanh dao don vi|cac van ban lanh dao|ket qua thuc hien cac muc tieu)\b/;

/** A signature's name blank ("………", "......") with no figures: the end of a table's page. */
const NAME_BLANK = /(…{3,}|\.{5,})/;

/** "Tam Đường, ngày 05 tháng 6 năm 2021": the date line of the signature block. */
const PLACE_DATE = /^[^,\d]{2,40},\s*ngày\b.*\btháng\b.*\bnăm\b/iu;

/** The texts of a row within a table's columns (the whole row without bounds). */
function textsWithin(view: SheetView, r: number, within?: ColumnSpan): { c: number; text: string }[] {
  const texts = view.rowTexts(r);
  return within ? texts.filter((t) => t.c >= within.c && t.c <= within.c2) : texts;
}

/**
 * The heading of another page: the right-hand line of a header block ("ĐẢNG CỘNG SẢN VIỆT NAM"), a cell of its own,
 * or the line a web page saved from a workbook puts before each sheet's table ("Sheet 2: Chỉ tiêu", LibreOffice).
 */
const NEXT_PAGE = /^(dang cong san viet nam|cong hoa xa hoi chu nghia viet nam)$/;
const SHEET_HEADING = /^(sheet|trang tinh|bang tinh) \d+ \S/;

export function isStopRow(view: SheetView, r: number, within?: ColumnSpan): boolean {
  const texts = textsWithin(view, r, within);
  const first = texts[0];
  if (first === undefined) return false;
  const folded = foldText(first.text);
  if (STOP.test(folded)) return true;
  if (texts.some((t) => NEXT_PAGE.test(foldText(t.text)))) return true;
  if (texts.length !== 1) return false;
  const only = first.text.normalize("NFC");
  return PLACE_DATE.test(only) || (NAME_BLANK.test(only) && !/\d/.test(only)) || SHEET_HEADING.test(folded);
}

/**
 * An empty cell inside a merged area that starts on a row above: the area's own cell, which shows its
 * value on this row too (the cell a note about it belongs on). Other cells as they are.
 */
function shownAbove(view: SheetView, ref: CellRef | null): CellRef | null {
  if (!ref || hasContent(ref.cell)) return ref;
  const area = view.merge(ref.r, ref.c);
  if (!area || area.s.r >= ref.r) return ref;
  const cell = view.cell(area.s.r, area.s.c);
  return hasContent(cell) ? { r: area.s.r, c: area.s.c, cell } : ref;
}

/** The first non-empty cell of a column span in a row (a header over two columns may have its data in either). */
function pick(view: SheetView, r: number, span: ColumnSpan | undefined): CellRef | null {
  if (!span) return null;
  for (let c = span.c; c <= span.c2; c++) {
    const cell = view.cell(r, c);
    if (hasContent(cell)) return { r, c, cell };
  }
  return { r, c: span.c, cell: view.cell(r, span.c) };
}

/**
 * A figure cell with a formula: its result worked out here when the formula is simple enough (see
 * evaluateFormula), since programs that write formulas without calculating them store none
 * (openpyxl) or 0 (XlsxWriter, Spreadsheet::WriteExcel); else the stored result stays, and a cell
 * with none says so (uncalculated).
 */
function workedOut(view: SheetView, ref: CellRef | null): CellRef | null {
  const cell = ref?.cell;
  if (!ref || !cell || cell.f === undefined) return ref;
  const v = formulaResult(cell.f, (r, c) => view.sheet.rows[r]?.[c]);
  if (v !== undefined) return v === cell.v ? ref : { ...ref, cell: { ...cell, v } };
  return cell.v === undefined ? { ...ref, uncalculated: cell.f } : ref;
}

function hasContent(cell: GridCell | undefined): boolean {
  if (!cell) return false;
  if (cell.v === undefined) return cell.f !== undefined;
  return !(typeof cell.v === "string" && cleanText(cell.v) === "");
}

function hasValue(ref: CellRef | null): boolean {
  if (!ref || !ref.cell) return false;
  const v = ref.cell.v;
  if (v === undefined) return false;
  if (typeof v === "string") return !isBlankText(v);
  return true;
}

/** A row of column numbers under a header: "(1) (2) (3)", "A B 1 2 3 4=3/2". */
const NUMBERING_ITEM = "\\(?[0-9A-Za-z]{1,2}\\)?";
const NUMBERING_CELL = new RegExp(`^${NUMBERING_ITEM}(\\s*[=/*x+\\-:]\\s*${NUMBERING_ITEM})*$`);

function isNumberingRow(view: SheetView, r: number, within?: ColumnSpan): boolean {
  if (view.textCount(r) < 3) return false;
  const texts = textsWithin(view, r, within);
  return texts.length >= 3 && texts.every((x) => NUMBERING_CELL.test(x.text));
}

/**
 * A row of column numbers inside a table body (a header repeated at a page break): stricter than
 * under a header, as a row of figures with no text ("2 | 14 | 14") has the same shape. Its
 * first three cells count up: (1) (2) (3), 1 2 3 or A B C.
 */
function isNumberingRowInBody(view: SheetView, r: number, within?: ColumnSpan): boolean {
  if (!isNumberingRow(view, r, within)) return false;
  const first = textsWithin(view, r, within).slice(0, 3).map((x) => x.text.replace(/[()]/g, "").toUpperCase());
  const codes = first.map((t) => (/^\d+$/.test(t) ? Number(t) : t.length === 1 ? t.charCodeAt(0) : NaN));
  return codes[1] === codes[0]! + 1 && codes[2] === codes[1]! + 1;
}

/** A note ("Ghi chú: …", "Lưu ý: …"), folded: a stop row a unit may also type inside its table, under the row it explains. */
const NOTE = /^(ghi chu|luu y)\b/;

/**
 * Whether a note at row `r` stands inside its table: a row below it, before `end` and before the
 * next stop row, holds more of the table. In the indicator table, a figure (a number) in Tổng số or
 * Số đã đạt; in the documents table, a document's code or date in its own column. Under the
 * table's own note there is only the signature.
 */
function tableGoesOn(view: SheetView, header: TableHeader<string>, r: number, end: number): boolean {
  const first = textsWithin(view, r, header.within)[0];
  if (first === undefined || !NOTE.test(foldText(first.text))) return false;
  for (let below = r + 1; below < end; below++) {
    if (isStopRow(view, below, header.within)) return false;
    if (header.kind === "indicators" ? hasFigure(view, header as TableHeader<IndicatorRole>, below) : isDocumentRow(view, header as TableHeader<DocumentRole>, below)) {
      return true;
    }
  }
  return false;
}

function hasFigure(view: SheetView, header: TableHeader<IndicatorRole>, r: number): boolean {
  const cols = header.columns;
  for (const span of [cols.total, cols.achieved]) {
    if (span) for (let c = span.c; c <= span.c2; c++) if (typeof view.cell(r, c)?.v === "number") return true;
  }
  return false;
}

/** Whether a row of the documents table names a document: a code under Số, ký hiệu, or a date under Ngày ban hành. */
function isDocumentLine(view: SheetView, header: TableHeader<DocumentRole>, r: number): boolean {
  const cols = header.columns;
  const code = pick(view, r, cols.code);
  if (code?.cell && parseDocumentCode(cellText(code.cell)).kind === "code") return true;
  const date = pick(view, r, cols.date);
  const v = date?.cell?.v;
  if (v === undefined) return false;
  const parsed = parseDateValue(v, date?.cell?.z);
  return parsed.kind === "date" || (parsed.kind === "span" && typeof v === "string");
}

/**
 * Whether a row below a note is a document written as the table's are, so that the table goes on past
 * the note: a code under Số, ký hiệu, or a date under Ngày ban hành with that cell left empty, and
 * another of its cells filled. A line of the note typed on its own (one naming a document,
 * "- Kế hoạch số 02-KH/ĐU ngày 05/01/2016", or a date alone) is the note's, as the signature is.
 */
function isDocumentRow(view: SheetView, header: TableHeader<DocumentRole>, r: number): boolean {
  const cols = header.columns;
  const filled = [cols.code, cols.date, cols.summary, cols.issuer].filter((span) => hasContent(pick(view, r, span)?.cell)).length;
  if (filled < 2 || !isDocumentLine(view, header, r)) return false;
  const code = pick(view, r, cols.code)?.cell;
  return !hasContent(code) || parseDocumentCode(cellText(code)).kind === "code";
}

/**
 * The rest of a note passed over inside the documents table: the rows under it that hold one text
 * and name no document ("- Văn bản số 05 ban hành lại năm 2018"), up to the next document. A text
 * alone under Trích yếu, the note standing left of that column, is no rest of it: a document whose
 * summary alone is written (read, and its missing code and date said, as without the note above),
 * or a heading ("II. Văn bản của chi bộ").
 */
function noteGoesOn(view: SheetView, header: TableHeader<string>, r: number, noteColumn: number): boolean {
  if (header.kind !== "documents") return false;
  const texts = textsWithin(view, r, header.within);
  if (texts.length !== 1) return false;
  const summary = (header as TableHeader<DocumentRole>).columns.summary;
  if (summary && noteColumn < summary.c && texts[0]!.c >= summary.c && texts[0]!.c <= summary.c2) return false;
  return !isDocumentLine(view, header as TableHeader<DocumentRole>, r);
}

/**
 * The body rows of a table under its header, up to row `end` (exclusive): the
 * "(1) (2) (3)" numbering row under the header and repeated ones are passed
 * over; a stop row (the note, the signature) ends the table there, unless it
 * is a note with more of the table below it (passed over too, with the rest of
 * the note in the documents table).
 */
function bodyRows(view: SheetView, header: TableHeader<string>, end: number): { rows: number[]; end: number } {
  const within = header.within;
  let start = header.lastRow + 1;
  if (start < end && isNumberingRow(view, start, within)) start++;
  const rows: number[] = [];
  for (let r = start; r < end; r++) {
    if (isStopRow(view, r, within)) {
      if (!tableGoesOn(view, header, r, end)) return { rows, end: r };
      const noteColumn = textsWithin(view, r, within)[0]!.c;
      while (r + 1 < end && noteGoesOn(view, header, r + 1, noteColumn)) r++;
      continue;
    }
    if (!isNumberingRowInBody(view, r, within)) rows.push(r);
  }
  return { rows, end };
}

interface Candidate {
  readonly r: number;
  readonly stt: string;
  readonly label: string;
  readonly scores: IndicatorScore[];
  readonly refs: { total: CellRef | null; achieved: CellRef | null; ratio: CellRef | null };
  readonly hasValues: boolean;
  /** A group's row ("Mục tiêu 02") holding the figures of the group's only indicator: the group as shown. */
  readonly group?: string;
}

/** The indicator of a group that has only one ("Mục tiêu 02" → 2, "Mục tiêu 05" → 5), by the group's Stt. */
const ONLY_IN_GROUP: ReadonlyMap<string, string> = new Map(
  [...new Set(INDICATORS.map((i) => i.group))].flatMap((g) => {
    const members = INDICATORS.filter((i) => i.group === g);
    return members.length === 1 ? [[g, members[0]!.id] as const] : [];
  }),
);

/** Reads the indicator table under `header`, up to row `end` (exclusive). */
export function readIndicatorRows(
  view: SheetView,
  header: TableHeader<IndicatorRole>,
  end: number,
): { rows: IndicatorCellsRead[]; issues: Issue[]; end: number; combined: boolean; breakdownLines: BreakdownRowRead[] } {
  const sheet = view.sheet.name;
  const cols = header.columns;
  const issues: Issue[] = [];
  const candidates: Candidate[] = [];
  const textSpan = cols.text!;
  const combined = combinedColumn(view, header);
  let combinedUsed = false;
  const body = bodyRows(view, header, end);
  // Under the sub-heading "6.2 Trình độ lý luận chính trị": its two rows are worded briefly there ("- Trung cấp", "- Cao cấp").
  let underSubgroup = false;
  // The row of the indicator read last, and the rows of breakdowns under indicators ("- Thôn Nà Tăm").
  let parent: Candidate | undefined;
  const breakdowns = new Map<Candidate, Breakdown>();
  // A total row read last: the table's foot unless a row of the table follows it.
  let total: { r: number; text: string } | undefined;
  for (const r of body.rows) {
    const sttRef = pick(view, r, cols.stt);
    let stt = sttRef ? normaliseStt(cellText(sttRef.cell)) : "";
    let label = "";
    for (let c = textSpan.c; c <= textSpan.c2 && label === ""; c++) label = cellText(view.cell(r, c));
    if (label === "" && !cols.stt) {
      // Text typed in a column left of the table (a copy that lost the header's alignment).
      for (let c = textSpan.c - 1; c >= (header.within?.c ?? 0) && label === ""; c--) label = cellText(view.cell(r, c));
    }
    const part = breakdownPart(stt, label);
    const mark = part === undefined ? "" : breakdownMark(stt, label, part);
    const lead = splitLeadingStt(label);
    if (lead.stt !== "") {
      if (stt === "") stt = lead.stt;
      label = lead.text;
    }
    // A formula in Tỷ lệ is never taken (see checkIndicator): only the counts' are worked out.
    let refs = { total: workedOut(view, pick(view, r, cols.total)), achieved: workedOut(view, pick(view, r, cols.achieved)), ratio: pick(view, r, cols.ratio) };
    if (combined) {
      const ref = pick(view, r, combined.span);
      const parts = ref?.cell ? parseCombinedFigures(ref.cell.v) : null;
      if (ref && parts) {
        combinedUsed = true;
        const [first, second] = combined.totalFirst ? [parts.total, parts.achieved] : [parts.achieved, parts.total];
        refs = { ...refs, achieved: { r, c: ref.c, cell: { v: first } }, total: { r, c: ref.c, cell: { v: second } } };
      } else if (!cols.achieved && !cols.total) {
        // A single figure under "Số đạt/Tổng số" is the number achieved.
        refs = { ...refs, achieved: ref };
      }
    }
    const hasValues = hasValue(refs.total) || hasValue(refs.achieved) || (hasValue(refs.ratio) && refs.ratio?.cell?.f === undefined);
    if (label === "" && stt === "" && !hasValues) continue;
    if (total !== undefined) {
      // A row of the table under a total row: that row was no foot of the table, and is read as any row the letter lacks.
      issues.push(makeIssue("unknown-row", { sheet, cell: cellAddress(total.r, textSpan.c) }, { row: total.r + 1, text: total.text }));
      total = undefined;
    }
    const group = groupOf(label, stt);
    if (group !== undefined || (/^\d/.test(stt) && !stt.startsWith("6.2"))) underSubgroup = false;
    if (group !== undefined) parent = undefined;
    if (group !== undefined && !hasValues) continue;
    const only = group !== undefined ? ONLY_IN_GROUP.get(group) : undefined;
    if (only !== undefined) {
      // Figures typed on the group's own row: its only indicator's, taken last (a row of the indicator's own wins).
      parent = { r, stt, label, scores: [{ id: only, score: MATCH_THRESHOLD }], refs, hasValues, group: label || stt };
      candidates.push(parent);
      continue;
    }
    const matchText = label.replace(/^mục tiêu\s*(số\s*)?0*\d+\s*[:.\-–]\s*/iu, "");
    const scores = matchText === "" ? [] : scoreIndicators(matchText, stt);
    if (label === "" && stt !== "") {
      // No text: the Stt alone says which indicator it is, when it is an official Stt.
      const byStt = INDICATORS.find((i) => i.stt === stt && i.stt !== "-");
      if (byStt) scores.push({ id: byStt.id, score: 1 });
    }
    if ((scores[0]?.score ?? 0) < MATCH_THRESHOLD && underSubgroup && subgroupRow(scores)) scores[0] = { id: scores[0]!.id, score: MATCH_THRESHOLD };
    // A row of the breakdown whose words come close to its indicator's ("- Bản văn hóa Nà Tăm" under 4.2) is the breakdown still.
    const matched = (scores[0]?.score ?? 0) >= MATCH_THRESHOLD;
    if (matched && parent !== undefined && part !== undefined && breaksDown(part, scores, parent)) {
      addBreakdownLine(breakdowns, parent, { r, text: part, mark, total: refs.total, achieved: refs.achieved }, hasValues);
      continue;
    }
    if (!matched) {
      if (!hasValues && (isSubgroup(label) || stt === "6.2")) {
        underSubgroup = true;
        parent = undefined;
        continue;
      }
      // A row of the breakdown of the indicator above it (by village, by chi bộ): that indicator's, never summed.
      if (parent !== undefined && part !== undefined) {
        addBreakdownLine(breakdowns, parent, { r, text: part, mark, total: refs.total, achieved: refs.achieved }, hasValues);
        continue;
      }
      // A subtotal of a group in the middle of the table ("Cộng mục 4", "Cộng (4)", "Tổng cộng phần IV"): no indicator, never summed.
      if (isSubtotal(stt, label)) {
        parent = undefined;
        continue;
      }
      if (hasValues || (stt !== "" && stt !== "-" && label !== "" && /^\d/.test(stt))) {
        parent = undefined;
        if (hasValues && TOTAL_WORDS.test(foldText(stt === "" ? label : `${stt} ${label}`))) {
          // A total row ("Tổng cộng", its figures a column's sum): no indicator, passed over when nothing follows it.
          total = { r, text: label || stt };
          continue;
        }
        issues.push(
          makeIssue("unknown-row", { sheet, cell: cellAddress(r, textSpan.c) }, { row: r + 1, text: label || stt || rowSummary(view, r, header.within) }),
        );
      }
      continue;
    }
    parent = { r, stt, label, scores, refs, hasValues };
    candidates.push(parent);
  }

  // An indicator whose figures are on its group's row: its own row, left blank, gives way.
  const onGroupRow = new Set(candidates.filter((c) => c.group !== undefined).map((c) => c.scores[0]!.id));
  const read = onGroupRow.size === 0 ? candidates : candidates.filter((c) => c.group !== undefined || c.hasValues || !onGroupRow.has(c.scores[0]!.id));

  // Assign rows to indicators, best matches first; a row only takes an indicator close to its best. A unit's own
  // numbered row ("1.4") never takes an indicator whose own Stt ("1.2") another row of the table carries.
  const sttsGiven = new Set(read.map((c) => c.stt));
  const pairs: { cand: Candidate; id: string; score: number }[] = [];
  for (const cand of read) {
    const best = cand.scores[0]!.score;
    const own = isOwnNumber(cand.stt);
    for (const s of cand.scores) {
      if (own && sttsGiven.has(indicatorById(s.id)!.stt)) continue;
      if (s.score >= MATCH_THRESHOLD && s.score >= best - MATCH_MARGIN) pairs.push({ cand, id: s.id, score: s.score });
    }
  }
  pairs.sort((a, b) => b.score - a.score || a.cand.r - b.cand.r);
  const byRow = new Map<Candidate, string>();
  const byId = new Map<string, Candidate>();
  for (const p of pairs) {
    if (byRow.has(p.cand) || byId.has(p.id)) continue;
    byRow.set(p.cand, p.id);
    byId.set(p.id, p.cand);
  }
  settleContested(read, pairs, byRow, byId);
  const rows: IndicatorCellsRead[] = [];
  const breakdownLines: BreakdownRowRead[] = [];
  for (const cand of read) {
    const id = byRow.get(cand);
    if (id === undefined) {
      const bestId = cand.scores[0]!.id;
      const first = byId.get(bestId);
      // A row numbered as no indicator of the letter is ("1.4", "4.7", "6.3": a unit's own indicator added under a
      // group), whose words come close to one already read, is that unit's own row, not a second copy of it.
      // A row whose text agrees with that indicator far less than the row that took it is no second copy of it either
      // (a label cut short, another indicator's worded loosely): it is left unread rather than void the indicator.
      // Under the indicator's own Stt it is a second copy whatever its words.
      const firstScore = first?.scores.find((x) => x.id === bestId)?.score ?? 0;
      const sameStt = cand.stt !== "" && cand.stt !== "-" && cand.stt === indicatorById(bestId)!.stt;
      if (first && cand.group === undefined && !isOwnNumber(cand.stt) && (sameStt || cand.scores[0]!.score >= firstScore - DUPLICATE_MARGIN)) {
        issues.push(
          makeIssue(
            "duplicate-indicator",
            { sheet, cell: cellAddress(cand.r, textSpan.c), indicator: bestId },
            { row: cand.r + 1, firstRow: first.r + 1 },
          ),
        );
      } else {
        issues.push(makeIssue("unknown-row", { sheet, cell: cellAddress(cand.r, textSpan.c) }, { row: cand.r + 1, text: cand.label }));
      }
      continue;
    }
    rows.push({ id, sheet, r: cand.r, label: cand.label, ...cand.refs });
    const breakdown = breakdowns.get(cand);
    if (breakdown?.hasValues && !cand.hasValues) {
      const texts = breakdown.lines.map((line) => line.text);
      issues.push(
        makeIssue(
          "breakdown-only",
          { sheet, cell: cellAddress(cand.r, textSpan.c), indicator: id },
          {
            row: cand.r + 1,
            rows: rowsSpan(breakdown),
            texts: texts.slice(0, 5).map((t) => `"${t}"`).join(", ") + (texts.length > 5 ? ", …" : ""),
          },
        ),
      );
    } else if (breakdown !== undefined) {
      // Said once for the file (see breakdownRowsIssue): breakdown-only above names its rows already.
      for (const line of breakdown.lines) breakdownLines.push({ sheet, r: line.r, c: textSpan.c, text: line.text, indicator: id });
      if (breakdown.hasValues) issues.push(...breakdownSumIssues(sheet, id, cand, breakdown));
    }
    const official = indicatorById(id)!.text;
    if (cand.group !== undefined) {
      issues.push(makeIssue("figures-on-group-row", { sheet, cell: cellAddress(cand.r, textSpan.c), indicator: id }, { row: cand.r + 1, group: cand.group }));
    } else if (cand.label !== "" && labelKey(cand.label) !== labelKey(official)) {
      issues.push(
        makeIssue("label-changed", { sheet, cell: cellAddress(cand.r, textSpan.c), indicator: id }, { found: cand.label, official }),
      );
    }
  }
  rows.sort((a, b) => a.r - b.r);
  if (combined && combinedUsed) {
    issues.push(
      makeIssue("column-combined", { sheet, cell: cellAddress(combined.r, combined.span.c) }, { column: columnLetters(combined.span.c), text: combined.text }),
    );
  }
  return { rows, issues, end: body.end, combined: combinedUsed, breakdownLines };
}

/** The most rows left without an indicator that settleContested looks at (see there). */
const MOST_CONTESTED = 20;

/** Each indicator's place in the letter's table, which a unit's table keeps. */
const ORDER: ReadonlyMap<string, number> = new Map(INDICATORS.map((i, k) => [i.id, k]));

/**
 * Two rows that contend for one indicator, the first taken by the row that agrees with it best and the other left
 * without one: the row that took it gives it up for another indicator it agrees with nearly as well (within
 * MATCH_MARGIN) and that no row took, when both rows then stand in the letter's order among the rows read around
 * them, and the two agree with their indicators more than the one row did alone. "- Xã Bản Bo có nhà văn hóa" (4.4,
 * its village's name taken for "bản") over "- Bản có nhà VH" (4.5), between 4.3 and 4.6: the first took 4.5, the
 * second was a second copy of it and 4.4 was missing. Run only on rows left without an indicator.
 */
function settleContested(
  read: readonly Candidate[],
  pairs: readonly { cand: Candidate; id: string; score: number }[],
  byRow: Map<Candidate, string>,
  byId: Map<string, Candidate>,
): void {
  if (byRow.size === read.length) return;
  const left = read.filter((c) => !byRow.has(c) && c.group === undefined);
  // Two or a few rows contending is a unit's wording; many rows left over are copies of rows (a table pasted again,
  // a row repeated by the thousand in a hostile file), which no swap mends: not looked at, so the work stays small.
  if (left.length > MOST_CONTESTED) return;
  const ofRow = new Map<Candidate, { cand: Candidate; id: string; score: number }[]>();
  for (const p of pairs) {
    const list = ofRow.get(p.cand);
    if (list) list.push(p);
    else ofRow.set(p.cand, [p]);
  }
  const scoreOf = (cand: Candidate, id: string): number | undefined => ofRow.get(cand)?.find((p) => p.id === id)?.score;
  // Whether a row's indicator comes after the indicators of the rows read above it and before those below (its nearest).
  const inOrder = (cand: Candidate, id: string, given: (c: Candidate) => string | undefined): boolean => {
    const at = read.indexOf(cand);
    const k = ORDER.get(id)!;
    for (let i = at - 1; i >= 0; i--) {
      const other = given(read[i]!);
      if (other !== undefined) {
        if (ORDER.get(other)! >= k) return false;
        break;
      }
    }
    for (let i = at + 1; i < read.length; i++) {
      const other = given(read[i]!);
      if (other !== undefined) return ORDER.get(other)! > k;
    }
    return true;
  };
  for (const cand of left) {
    let best: { holder: Candidate; id: string; other: string; gain: number } | undefined;
    for (const p of ofRow.get(cand) ?? []) {
      const holder = byId.get(p.id);
      if (holder === undefined || holder.group !== undefined) continue;
      const held = scoreOf(holder, p.id)!;
      for (const q of ofRow.get(holder) ?? []) {
        if (byId.has(q.id)) continue;
        const gain = q.score + p.score - held;
        if (gain <= 0 || (best !== undefined && gain <= best.gain)) continue;
        const given = (c: Candidate): string | undefined => (c === cand ? p.id : c === holder ? q.id : byRow.get(c));
        if (inOrder(cand, p.id, given) && inOrder(holder, q.id, given)) best = { holder, id: p.id, other: q.id, gain };
      }
    }
    if (best === undefined) continue;
    byRow.set(best.holder, best.other);
    byId.set(best.other, best.holder);
    byRow.set(cand, best.id);
    byId.set(best.id, cand);
  }
}

/** A line of an indicator's breakdown: its row, its text, its mark ("-", "+", "a)", "trong đó") and its figures. */
interface BreakdownLine {
  readonly r: number;
  readonly text: string;
  readonly mark: string;
  readonly total: CellRef | null;
  readonly achieved: CellRef | null;
}

/** The lines of an indicator's breakdown under its row, and whether any has figures. */
interface Breakdown {
  readonly lines: BreakdownLine[];
  hasValues: boolean;
}

function addBreakdownLine(breakdowns: Map<Candidate, Breakdown>, parent: Candidate, line: BreakdownLine, hasValues: boolean): void {
  const seen = breakdowns.get(parent);
  if (seen === undefined) breakdowns.set(parent, { lines: [line], hasValues });
  else {
    seen.lines.push(line);
    seen.hasValues ||= hasValues;
  }
}

/** The one-based rows of a breakdown: "14", "14–16". */
function rowsSpan(breakdown: Breakdown): string {
  const first = breakdown.lines[0]!.r + 1;
  const last = breakdown.lines[breakdown.lines.length - 1]!.r + 1;
  return first === last ? String(first) : `${first}–${last}`;
}

/** A row read as a line of an indicator's breakdown, never summed: where it is, its text, and the indicator it was put under. */
export interface BreakdownRowRead {
  readonly sheet: string;
  readonly r: number;
  readonly c: number;
  readonly text: string;
  readonly indicator: string;
}

/** The most rows breakdown-rows names; the others are counted. */
const MOST_BREAKDOWN_ROWS_NAMED = 8;
/** The most characters of a row's text breakdown-rows quotes. */
const BREAKDOWN_TEXT_SHOWN = 60;

/**
 * The rows of a file read as breakdowns of the indicator above them ("- Thôn Nà Tăm", "- Cơ quan đạt chuẩn an toàn về
 * an ninh trật tự" under 4.3), said once for the whole file: they are never summed, and a row a unit meant as a figure
 * of its own would otherwise be passed over without a word. Undefined when there is none.
 */
export function breakdownRowsIssue(lines: readonly BreakdownRowRead[]): Issue | undefined {
  const first = lines[0];
  if (first === undefined) return undefined;
  const indicators = [...new Set(lines.map((line) => line.indicator))];
  const byIndicator = new Map<string, string[]>();
  for (const line of lines.slice(0, MOST_BREAKDOWN_ROWS_NAMED)) {
    const text = line.text.length > BREAKDOWN_TEXT_SHOWN ? `${line.text.slice(0, BREAKDOWN_TEXT_SHOWN - 1).trimEnd()}…` : line.text;
    const at = `${line.sheet === first.sheet ? "" : `${line.sheet}!`}${cellAddress(line.r, line.c)}`;
    const list = byIndicator.get(line.indicator) ?? [];
    list.push(`${at} "${text}"`);
    byIndicator.set(line.indicator, list);
  }
  const named = indicators.length === 1 ? [...byIndicator.values()][0]!.join(", ") : [...byIndicator].map(([id, list]) => `chỉ tiêu ${id}: ${list.join(", ")}`).join("; ");
  const more = lines.length - MOST_BREAKDOWN_ROWS_NAMED;
  return makeIssue(
    "breakdown-rows",
    { sheet: first.sheet, cell: cellAddress(first.r, first.c) },
    { count: lines.length, indicators: indicators.join(", "), rows: more > 0 ? `${named} và ${more} dòng khác` : named },
  );
}

/** A figure of Tổng số or Số đã đạt as the sums compare it: a number, null when blank, undefined when it cannot be compared. */
function countOf(ref: CellRef | null): number | null | undefined {
  if (ref === null || ref.uncalculated !== undefined) return undefined;
  const parsed = parseCountValue(ref.cell?.v);
  if (parsed.kind === "blank") return null;
  return parsed.kind === "number" && parsed.value >= 0 ? parsed.value : undefined;
}

/** The kinds of places and bodies the lines of a breakdown open with, one class each (villages, communes, party cells, bodies). */
const LINE_CLASSES: readonly [RegExp, string][] = [
  [/^(?:thon|ban|xom|lang|ap|buon|khu|khoi|to|to dan pho)\b/, "village"],
  [/^(?:xa|phuong|thi tran)\b/, "commune"],
  [/^(?:chi bo|dang bo)\b/, "party"],
  [/^(?:truong|co quan|don vi|cum|doi)\b/, "body"],
];

/** A line by time or by round rather than by place, folded ("Năm 2017", "Đợt 1", "Lớp 2", "Quý III"): one person may be in several. */
const BY_TIME_OR_ROUND = /\b(?:nam|quy|thang|dot|lop|khoa|ky|lan|giai doan|hoi nghi)\b|\b(?:19|20)\d\d\b/;

/**
 * Whether the lines of a breakdown are parts of the indicator that do not overlap, so that their sum is at most the
 * indicator's: one mark for all of them (a second mark is a breakdown nested in another, "- Xã A" over "+ Thôn 1"), at
 * most one "Trong đó" line (two are subsets that may overlap: "trong đó nữ", "trong đó dân tộc thiểu số"), no line
 * by time or by round ("- Năm 2017", "- Đợt 1": the same people learn again each year), and the places of one kind
 * (villages, or communes, or chi bộ, or bodies: a list by village then by chi bộ counts the same people twice).
 */
function disjointParts(lines: readonly BreakdownLine[]): boolean {
  const mark = lines[0]!.mark;
  if (lines.some((line) => line.mark !== mark)) return false;
  if (mark === IN_WHICH_MARK) return lines.length === 1;
  let kind: string | undefined;
  for (const line of lines) {
    const folded = foldText(line.text);
    if (BY_TIME_OR_ROUND.test(folded)) return false;
    const found = LINE_CLASSES.find(([re]) => re.test(folded))?.[1];
    if (found === undefined) continue;
    if (kind !== undefined && found !== kind) return false;
    kind = found;
  }
  return true;
}

/**
 * Whether the lines of a breakdown share out every kind the indicator's label lists, each kind named once ("a) Cơ quan,
 * đơn vị" and "b) Trường học" under 4.3; "- Xã …" and "- Thị trấn …" under 4.4): then they make up the whole indicator,
 * and their sum is its figure. A breakdown by village or by chi bộ may leave some out, and is never taken as whole.
 */
function sharesOutKinds(lines: readonly BreakdownLine[], id: string): boolean {
  const label = LABEL_KINDS.get(id);
  if (label === undefined || label.kinds.size === 0 || lines.length < 2) return false;
  const named = new Set<string>();
  for (const line of lines) {
    if (!namesKindOf(line.text, id)) return false;
    for (const w of contentWords(foldText(line.text))) {
      if (!label.kinds.has(w)) continue;
      if (named.has(w)) return false;
      named.add(w);
    }
  }
  return named.size === label.kinds.size;
}

/**
 * What a breakdown's sum says of the indicator's figure (`value`, null when blank): "empty" when the figure is blank
 * and every line has one (`whole`), "exceeds" when the sum is over it, "differs" when every line has one, the sum is
 * not the figure and the lines share out the label's kinds (`sharesOut`); else nothing.
 */
function sumVerdict(sum: number, value: number | null, whole: boolean, sharesOut: () => boolean): "empty" | "exceeds" | "differs" | undefined {
  if (value === null) return whole ? "empty" : undefined;
  const slack = 1e-9 * Math.max(1, value);
  if (sum > value + slack) return "exceeds";
  return whole && Math.abs(sum - value) > slack && sharesOut() ? "differs" : undefined;
}

/**
 * The figures of an indicator's breakdown against the indicator's own, Tổng số and Số đã đạt each, when the lines are
 * parts that do not overlap (disjointParts) and each of their figures is a number or blank: a sum over the
 * indicator's figure is wrong whatever the breakdown leaves out; a sum that differs from it is said only when the
 * lines share out every kind the label lists (sharesOutKinds); the indicator's cell left blank while every line has a
 * figure is said too (its row wholly blank is breakdown-only's). The figures read stay the indicator's row's.
 */
function breakdownSumIssues(sheet: string, id: string, cand: Candidate, breakdown: Breakdown): Issue[] {
  const lines = breakdown.lines;
  if (!disjointParts(lines)) return [];
  const out: Issue[] = [];
  for (const role of ["total", "achieved"] as const) {
    const own = cand.refs[role];
    const value = countOf(own);
    if (own === null || value === undefined) continue;
    let sum = 0;
    let given = 0;
    let comparable = true;
    for (const line of lines) {
      const part = countOf(line[role]);
      if (part === undefined) comparable = false;
      else if (part !== null) {
        sum += part;
        given++;
      }
    }
    if (!comparable || given === 0) continue;
    const kind = sumVerdict(sum, value, given === lines.length, () => sharesOutKinds(lines, id));
    if (kind === undefined) continue;
    out.push(
      makeIssue(
        "breakdown-sum",
        { sheet, cell: cellAddress(own.r, own.c), indicator: id },
        { kind, column: COLUMN[role], sum, value, row: cand.r + 1, rows: rowsSpan(breakdown) },
      ),
    );
  }
  return out;
}

/** The marks a breakdown's rows open with, in Stt or before the text: "-", "+", "*", "•", "a)", "b.". */
const BREAKDOWN_STT = /^(?:[-–—−+*•·]|[a-zđ][).]?)$/u;
const BREAKDOWN_LEAD = /^\s*(?:[-–—−+*•·]\s*|[a-zđ][).]\s*)(\S.*)$/su;
/** A breakdown's row by its words: a village, a body, a place ("Thôn Nà Tăm", "Chi bộ bản Bo", "Tổ 3"), folded; or "Trong đó: …". */
const BREAKDOWN_WORDS = /^(?:thon|ban|xom|lang|ap|buon|khu|khoi|to|to dan pho|chi bo|dang bo|xa|phuong|thi tran|truong|co quan|don vi|cum|doi)\b/;
/**
 * The same words as written with their marks (lower case): folded, "Tổ chức", "Trường hợp", "Ban hành",
 * "Đối với" and "Xã hội" would read as "tổ", "trường", "bản", "đội" and "xã". A text typed without any
 * mark is matched folded.
 */
const BREAKDOWN_WORDS_MARKED =
  /^(?:thôn|bản|xóm|làng|ấp|buôn|khu|khối|tổ(?! chức)|chi bộ|đảng bộ|xã(?! hội)|phường|thị trấn|trường(?! hợp)|cơ quan|đơn vị|cụm|đội)(?![\p{L}\p{M}])/u;
const IN_WHICH = /^trong do\b/;
/** The mark of a "Trong đó: …" line, whatever is written before it. */
const IN_WHICH_MARK = "trong đó";

/** The mark of a breakdown's line, one for each way of writing it: "-" (or "–", "—"), "+", "*", "a)" for any letter, "trong đó". */
function breakdownMark(stt: string, label: string, part: string): string {
  if (IN_WHICH.test(foldText(part))) return IN_WHICH_MARK;
  const s = stt.trim();
  const m = BREAKDOWN_STT.test(s) ? s : (/^\s*([-–—−+*•·]|[a-zđ][).])/u.exec(label)?.[1] ?? "");
  return /^[a-zđ]/u.test(m) ? "a)" : /^[-–—−]$/u.test(m) ? "-" : m;
}

/**
 * The text of a row that is a line of the breakdown of the indicator above it, by village, by chi bộ:
 * a mark in Stt or before its text ("- Thôn Nà Tăm", "+ Chi bộ bản Bo", "a) Bản Bo") and a place or
 * a body named (its words, or a name in capitals: "Nà Tăm"), or "Trong đó: …". Undefined for any
 * other row (a unit's own indicator, "- Số đảng viên mới được học tập", stays a row of its own).
 */
function breakdownPart(stt: string, label: string): string | undefined {
  let text: string | undefined;
  if (BREAKDOWN_STT.test(stt.trim())) text = label.trim();
  else if (stt.trim() === "") text = BREAKDOWN_LEAD.exec(label)?.[1]?.trim();
  // Most rows (an indicator's own, numbered) end here, without folding their text.
  if (text === undefined) return /^\s*trong/i.test(label) && IN_WHICH.test(foldText(label)) ? label.trim() : undefined;
  const folded = foldText(text);
  if (folded === "") return undefined;
  if (IN_WHICH.test(folded)) return text;
  const written = cleanText(text).normalize("NFC").toLowerCase();
  // eslint-disable-next-line no-control-regex -- ASCII alone: a text typed without marks
  if (/^[\x00-\x7f]*$/.test(written) ? BREAKDOWN_WORDS.test(folded) : BREAKDOWN_WORDS_MARKED.test(written)) return text;
  // A proper name: a few words, each in capitals or a number ("Nà Tăm", "Nà Ngay 2").
  const words = cleanText(text).split(" ");
  return words.length <= 6 && words.every((w) => /^(?:\p{Lu}|\d)/u.test(w)) ? text : undefined;
}

/**
 * The words of the letter's indicators and of the breakdown's places and bodies, in lower case as written, and
 * folded for a text typed without marks: a word of a row's text that is none of them, in capitals, is a name
 * ("Nà Tăm", "Bo"); "Văn hóa", "Đảng", "Việt Nam", "Bộ" are no names.
 */
const WORDS_OF_LETTER = [
  ...INDICATORS.map((i) => i.text),
  "thôn bản xóm làng ấp buôn khu khối tổ dân phố số chi bộ đảng bộ xã phường thị trấn trường cơ quan đơn vị cụm đội trong đó hoá",
];
const WORD_SPLIT = /[^\p{L}\p{M}\p{N}%]+/u;
const COMMON_WORDS: ReadonlySet<string> = new Set(WORDS_OF_LETTER.flatMap((text) => cleanText(text).toLowerCase().split(WORD_SPLIT)));
const COMMON_FOLDED: ReadonlySet<string> = new Set(WORDS_OF_LETTER.flatMap((text) => foldText(text).split(" ")));

/**
 * Whether a marked row under an indicator (see breakdownPart), whose words match an indicator of the letter, is a
 * line of that indicator's breakdown all the same, its words agreeing with the indicator above it as well as with
 * any other: it names a place or a body by its own name (a word in capitals or a number after its first word, none
 * of the letter's words: "Bản văn hóa Nà Tăm", "Thôn, bản Nà Tăm đạt tiêu chuẩn văn hóa", "Tổ 3"), or it names some
 * of the kinds the indicator's label lists in the label's own words (see namesKindOf). The official label itself, or
 * another indicator's worded without a name ("- Bản có nhà văn hóa" under 4.4, a unit marking each of its
 * indicators "-"), names no place and stays that indicator. Run only on rows marked so and matched.
 */
function breaksDown(part: string, scores: readonly IndicatorScore[], parent: Candidate): boolean {
  const own = parent.scores[0]?.id;
  const best = scores[0]!.score;
  const agrees = scores.find((s) => s.id === own);
  if (own === undefined || agrees === undefined || agrees.score < MATCH_THRESHOLD || agrees.score < best - MATCH_MARGIN) return false;
  const text = cleanText(part);
  // eslint-disable-next-line no-control-regex -- ASCII alone: a text typed without marks
  const unmarked = /^[\x00-\x7f]*$/.test(text);
  const named = text
    .split(WORD_SPLIT)
    .filter((w) => w !== "")
    .slice(1)
    .some((w) => /^(?:\p{Lu}\p{Ll}|\p{Lu}$|\d+$)/u.test(w) && !(unmarked ? COMMON_FOLDED.has(w.toLowerCase()) : COMMON_WORDS.has(w.toLowerCase())));
  return named || namesKindOf(text, own);
}

/**
 * Of each indicator, the words of its official label (folded, targets aside), and the words of the kinds of places and
 * bodies it lists (folded: "cơ quan", "đơn vị", "trường" of 4.3 "100% cơ quan, đơn vị, trường học đạt tiêu chuẩn văn
 * hóa"; "xã", "thị trấn" of 4.4), found as breakdownPart finds them.
 */
const LABEL_KINDS: ReadonlyMap<string, { words: ReadonlySet<string>; kinds: ReadonlySet<string> }> = new Map(
  INDICATORS.map((i) => {
    const written = cleanText(i.text).normalize("NFC").toLowerCase().split(WORD_SPLIT).filter((w) => w !== "");
    const kinds = written.flatMap((_, k) => {
      const m = BREAKDOWN_WORDS_MARKED.exec(written.slice(k).join(" "));
      return m ? foldText(m[0]).split(" ") : [];
    });
    return [i.id, { words: new Set(contentWords(foldText(i.text))), kinds: new Set(kinds) }];
  }),
);

/** The words of a folded text, its numbers and percentages ("100%", "01") aside. */
function contentWords(folded: string): string[] {
  return folded.split(" ").filter((w) => w !== "" && !/^\d+%?$/.test(w));
}

/**
 * Whether a row's text names some, not all, of the kinds the indicator's label lists, in the label's own words: each
 * of its words a word of the label, one of the label's kinds among them and another missing ("a) Cơ quan, đơn vị",
 * "b) Trường học", "- Cơ quan đạt tiêu chuẩn văn hóa" under 4.3). A text naming every kind ("- Cơ quan, đơn vị,
 * trường học đạt chuẩn văn hóa") is the label itself, and a word of its own (another indicator's "bản", "VH") makes
 * it no part of it.
 */
function namesKindOf(text: string, id: string): boolean {
  const label = LABEL_KINDS.get(id);
  if (label === undefined || label.kinds.size === 0) return false;
  const words = contentWords(foldText(text));
  if (words.length === 0 || !words.every((w) => label.words.has(w))) return false;
  const named = new Set(words.filter((w) => label.kinds.has(w)));
  return named.size > 0 && named.size < label.kinds.size;
}

/**
 * Whether a row under the sub-heading 6.2 is one of its two indicators, worded briefly: its text
 * agrees with 6.2.1 or 6.2.2 clearly more than with the other (the words "trung cấp", "cao cấp").
 */
function subgroupRow(scores: readonly { id: string; score: number }[]): boolean {
  const [best, next] = scores;
  return best !== undefined && best.id.startsWith("6.2.") && best.score >= SUBGROUP_FLOOR && best.score - (next?.score ?? 0) >= SUBGROUP_MARGIN;
}
const SUBGROUP_FLOOR = 0.35;
const SUBGROUP_MARGIN = 0.15;

/** A group's numbering in a table ("I", "II", "IV", "A", "b)"). */
const GROUP_STT = /^(?:[ivx]{1,4}|[a-e])[.)]?$/i;
/** A heading of the documents table with its group's Roman numeral, in capitals, written before its words: "II. Văn bản của chi bộ". */
const NUMBERED_HEADING = /^[IVX]{1,4}\s*[.):]\s*\S/;
/**
 * A table's total row by its words, and nothing else, folded: under the documents a count ("Cộng: 4 văn bản",
 * "Tổng cộng", "Tổng số 12", "Tổng cộng có 5 văn bản", "Tổng: 03 VB", "Tổng số văn bản: 03"), at the foot of the
 * indicators a column's sum ("Tổng cộng", "Cộng", "Tổng số"); "Cộng" only with its count or alone ("Công văn" folds
 * to "cong van" and is no count), "Tổng số" with nothing more than a count ("Tổng số đảng viên …" is a row of its own).
 */
const TOTAL_WORDS = /^(?:tong(?: cong| so)?(?: (?:co|so|la|gom|van ban|vb|\d+))*|cong(?: (?:co|la|gom))?(?: \d+(?: (?:van ban|vb))?)?)$/;

/**
 * A subtotal of a group by its words, folded: a total's word, then a group named by a word ("mục", "mục tiêu", "phần",
 * "nhóm") and its number, or by a Roman numeral ("Cộng mục 4", "Tổng cộng phần IV", "Cộng mục tiêu 04", "Cộng IV").
 */
const SUBTOTAL_NAMED = /^(?:tong cong|tong so|tong|cong)(?: (?:cua|theo))? (?:(?:muc tieu|muc|phan|nhom)(?: so)? (?:0?[1-6]|i{1,3}|iv|vi?)|i{1,3}|iv|vi?)$/;
/** The same with the group's number in brackets, as written: "Cộng (4)", "Tổng cộng (IV):" ("Cộng 4" alone is a count). */
const SUBTOTAL_BRACKETED = /^\s*(?:tổng cộng|tổng số|tổng|cộng)\s*\(\s*(?:0?[1-6]|i{1,3}|iv|vi?)\s*\)\s*:?\s*$/iu;

/** A row's words with what is typed in its Stt before them, a number there aside (the template numbers every row). */
function withStt(stt: string, text: string): string {
  return stt === "" || /^\d+$/.test(stt) ? text : `${stt} ${text}`;
}

/**
 * Whether a row that took no indicator is the subtotal of a group, in the middle of the indicator table or at its foot:
 * a total's word and the group it sums, and nothing else, in the text or with its first words in Stt.
 */
function isSubtotal(stt: string, label: string): boolean {
  const text = withStt(stt, label);
  if (!/^\s*(?:t|c)/iu.test(text)) return false;
  return SUBTOTAL_NAMED.test(foldText(text)) || SUBTOTAL_BRACKETED.test(text.normalize("NFC"));
}
/** A date in a text ("ngày 26/4/2021", "12/10/2016"): such a row is a document. */
const DATE_IN_TEXT = /\d{1,2}\s*[/.-]\s*\d{1,2}\s*[/.-]\s*\d{2,4}|\bngày\s+\d/iu;

/**
 * A row of the documents table that heads a group of them ("I | Văn bản của cấp trên", "II | Văn bản của
 * Đảng ủy xã") or counts them ("Cộng: 4 văn bản", "Tổng cộng | 5 văn bản"): one text, no date; a group's
 * Stt, or a total's words, in Stt and one cell or in one cell alone (a number in Stt aside).
 */
function isDocumentHeading(row: DocumentCellsRead): boolean {
  if (row.date && hasContent(row.date.cell)) return false;
  const texts = [row.code, row.summary, row.issuer].flatMap((ref) => (ref && hasContent(ref.cell) ? [cellText(ref.cell)] : [])).filter((t) => t !== "");
  if (texts.length !== 1) return false;
  const text = texts[0]!;
  // A text naming a document (its code, its date: "Kế hoạch số 22-KH/ĐU …", "Công văn … ngày 26/4/2021") is one.
  if (parseDocumentCode(text).kind === "code" || DATE_IN_TEXT.test(text)) return false;
  const stt = row.stt ? cellText(row.stt.cell) : "";
  // A group's Roman numeral typed in the text itself ("II. Văn bản của chi bộ"), in Stt or not.
  if (NUMBERED_HEADING.test(text)) return true;
  // A number in Stt (the template's own formula numbers every row written in) is no part of a total's words.
  return GROUP_STT.test(stt) || TOTAL_WORDS.test(foldText(withStt(stt, text)));
}

/** How much less than the row that took an indicator another row may agree with it and still be a second copy of it. */
const DUPLICATE_MARGIN = 0.3;

/** The official Stt numbers of the letter's table ("1.1" … "6.1"), and the numbers of its "-" rows a unit may write ("6.2.1"). */
const OFFICIAL_STT = new Set(INDICATORS.flatMap((i) => [i.stt, i.id]));

/** Whether an Stt is a numbered one ("1.4", "4.7.1") that no indicator of the letter carries. */
function isOwnNumber(stt: string): boolean {
  return /^\d+(\.\d+)+$/.test(stt) && !OFFICIAL_STT.has(stt);
}

/**
 * The column that may hold both figures as achieved/total ("45/50"): one headed so ("Số đạt/Tổng
 * số"), or the only figure column of a table without Tổng số or without Số đã đạt ("Kết quả").
 * A table with both columns never reads a cell that way ("45/50" there stays an error).
 */
function combinedColumn(view: SheetView, header: TableHeader<IndicatorRole>): { span: ColumnSpan; r: number; text: string; totalFirst: boolean } | undefined {
  const cols = header.columns;
  const span = cols.combined ?? (cols.total && cols.achieved ? undefined : (cols.achieved ?? cols.total));
  if (!span) return undefined;
  // The header text of the column: its lower row in a header over two rows, else its only one.
  const below = header.lastRow > header.row ? view.shownText(header.lastRow, span.c) : "";
  const r = below !== "" ? header.lastRow : header.row;
  const text = below !== "" ? below : view.shownText(header.row, span.c);
  const f = foldText(text);
  const tong = f.search(/\btong\b/);
  const dat = f.search(/\bdat\b/);
  return { span, r, text, totalFirst: cols.combined !== undefined && tong >= 0 && dat >= 0 && tong < dat };
}

/** Official and typed labels recur in every unit's workbook: keys are worked out once per text. */
const LABEL_KEYS = textCache<string>(10_000);

/** Compares labels up to case, spaces, Unicode form and trailing punctuation. */
export function labelKey(text: string): string {
  let key = LABEL_KEYS.get(text);
  if (key === undefined) {
    key = labelKeyUncached(text);
    LABEL_KEYS.set(text, key);
  }
  return key;
}

function labelKeyUncached(text: string): string {
  return cleanText(text)
    .toLowerCase()
    .replace(/\s*([,;:.])\s*/g, "$1 ")
    .replace(/[\s.;:,]+$/, "")
    .trim();
}

/** The header of a document's number alone ("Số", "Số VB"), folded: its symbol is in the next column ("Ký hiệu"). */
const NUMBER_HEADER = /^so( vb| van ban)?$/;
const SYMBOL_HEADER = /^(ky|ki) hieu( van ban)?$/;

/**
 * The documents table's code kept in two columns, as registers keep it: "Số" then "Ký hiệu" next to
 * it ("15" | "NQ/ĐU"). Both are headed as the code; the first alone was read.
 */
function splitCodeColumns(view: SheetView, header: TableHeader<DocumentRole>): { number: ColumnSpan; symbol: ColumnSpan } | undefined {
  const number = header.columns.code;
  if (!number) return undefined;
  const textOf = (c: number): string => foldText(view.shownText(header.lastRow, c) || view.shownText(header.row, c)).trim();
  if (!NUMBER_HEADER.test(textOf(number.c))) return undefined;
  const symbol = columnsWithRole(view, header, "code").find((span) => span.c === number.c2 + 1);
  return symbol && SYMBOL_HEADER.test(textOf(symbol.c)) ? { number, symbol } : undefined;
}

/**
 * A document's code from its number and symbol columns: "15" and "NQ/ĐU" make "15-NQ/ĐU" ("08" and
 * "-CV/ĐU", "08-CV/ĐU"); a symbol that has its number already ("26-KH/TU"), or has no number beside
 * it, is the code as it is. The cell is the number's when the two are joined.
 */
function joinedCode(view: SheetView, r: number, split: { number: ColumnSpan; symbol: ColumnSpan }): CellRef | null {
  const number = pick(view, r, split.number);
  const symbol = pick(view, r, split.symbol);
  const n = cellText(number?.cell);
  const k = cellText(symbol?.cell);
  if (k === "") return number;
  // The whole code under Số ("15-NQ/ĐU", the symbol repeated beside it): that one.
  if (/^\d+\s*[-/]\s*\S/.test(n)) return number;
  // No number, the whole code under Ký hiệu, or a number that is no number ("x"): the symbol's cell as written.
  if (!/^\d+$/.test(n) || /^\d/.test(k)) return symbol;
  const text = /^[-/]/.test(k) ? `${n}${k}` : `${n}-${k}`;
  return { ...number!, cell: { ...number!.cell, v: text } };
}

/** The lines of a cell's text (typed with Alt+Enter, or ";" between codes), blank lines left out. */
function linesOf(ref: CellRef | null, separators: RegExp): string[] {
  const v = ref?.cell?.v;
  if (typeof v !== "string") return [];
  return v
    .split(separators)
    .map((line) => cleanText(line))
    .filter((line) => line !== "");
}

/** Between codes in one cell: a line break, or ";". Between the lines of a date, summary or issuer: a line break. */
const CODE_SEPARATORS = /\r\n|[\r\n\u2028;]+/;
const LINE_BREAKS = /\r\n|[\r\n\u2028]+/;

/**
 * Several documents typed into one row, each on a line of its own in the code cell ("Số 05-KH/ĐU" and
 * "Số 06-KH/ĐU" with Alt+Enter, or "05-KH/ĐU; 06-KH/ĐU"): one document a code. A date, summary or
 * issuer cell gives each document its own line only when it has one line a code and its lines are
 * each such a value (see separateLines); otherwise (a date or an issuer for all of them, a summary or
 * an issuer wrapped over lines) it is each one's as written. Only the first code was read, the others lost.
 */
function stackedDocuments(row: DocumentCellsRead): DocumentCellsRead[] {
  const lines = linesOf(row.code, CODE_SEPARATORS);
  if (lines.length < 2) return [row];
  const parsed = lines.map((line) => parseDocumentCode(line));
  if (!parsed.every((p) => p.kind === "code")) return [row];
  const codes = parsed.map((p) => (p as Extract<CodeParse, { kind: "code" }>).code);
  // Each cell's lines once: the i-th document takes the i-th line of a cell whose lines are one value a code.
  const perCode = (ref: CellRef | null, role: "date" | "summary" | "issuer"): ((i: number) => CellRef | null) => {
    const cellLines = linesOf(ref, LINE_BREAKS);
    return ref && separateLines(role, cellLines, codes) ? (i) => ({ r: ref.r, c: ref.c, cell: { v: cellLines[i]! } }) : () => ref;
  };
  const date = perCode(row.date, "date");
  const summary = perCode(row.summary, "summary");
  const issuer = perCode(row.issuer, "issuer");
  return lines.map((code, i) => ({
    ...row,
    code: { r: row.code!.r, c: row.code!.c, cell: { v: code } },
    date: date(i),
    summary: summary(i),
    issuer: issuer(i),
  }));
}

/**
 * Whether a cell's lines are one value for each of the codes, in order, rather than one value
 * written over several lines: as many lines as codes, and each line such a value on its own. A
 * date, each a date. An issuer, each naming a body ("Tỉnh ủy", "Đảng ủy xã"), and when the codes
 * all name one issuer ("05-KH/ĐU", "06-KH/ĐU") the same name each time: "Ban Thường vụ" over
 * "Đảng ủy xã" is one issuer written on two lines. A summary, each opening as a summary does (the
 * kind of its own code, "V/v", a verb in capitals: "Kế hoạch …", "Tuyên truyền …"), never going on
 * from the line above ("Kế hoạch thực hiện" over "Đề án 241 …", "… giai đoạn" over "2016 - 2020").
 */
function separateLines(role: "date" | "summary" | "issuer", lines: readonly string[], codes: readonly DocumentCode[]): boolean {
  if (lines.length !== codes.length) return false;
  switch (role) {
    case "date":
      return lines.every((line) => {
        const parsed = parseDateValue(line);
        return parsed.kind === "date" || parsed.kind === "span";
      });
    case "issuer": {
      if (!lines.every((line) => ISSUER_LINE.test(foldText(line)))) return false;
      const oneIssuer = codes.every((code) => code.issuer === codes[0]!.issuer);
      return !oneIssuer || lines.every((line) => foldText(line) === foldText(lines[0]!));
    }
    case "summary":
      return lines.every((line, i) => opensSummary(line, codes[i]!));
  }
}

/** A body that issues documents, as a line of the issuer cell names it (folded): "Tỉnh ủy", "Đảng ủy xã", "UBND huyện", "BTV Huyện ủy". */
const ISSUER_LINE =
  /^(?:(?:ban thuong vu|btv|bch|ban chap hanh|thuong truc|ban|van phong|uy ban nhan dan|ubnd|hdnd|hoi dong nhan dan|dang uy|dang bo|chi bo|chi uy|tinh uy|huyen uy|thanh uy|thi uy|quan uy|tu|hu|du|cb|so|phong|trung tam|ttbdct|mat tran|mttq|hoi|doan|bo|chinh phu|thu tuong|bch trung uong|trung uong|tw|ban chi dao|bcd)\b).{0,80}$/;

/** The words a summary opens with for each kind of document, folded. */
const KIND_OPENING: Readonly<Record<string, string>> = Object.fromEntries(Object.entries(DOCUMENT_TYPE_NAMES).map(([type, name]) => [type, foldText(name)]));
const ANY_KIND_OPENING = new RegExp(`^(?:${Object.values(KIND_OPENING).join("|")})\\b`);
/** What a summary without its kind opens with: "V/v …", "Về việc …", or a verb ("Triển khai …", "Tuyên truyền …"). */
const SUMMARY_VERB =
  /^(?:v v|ve viec|trien khai|tuyen truyen|thuc hien|to chuc|hoc tap|quan triet|tang cuong|day manh|nang cao|tong ket|so ket|danh gia|kiem tra|giam sat|ban hanh|phan cong|thanh lap|kien toan|boi duong|xay dung|phe duyet|dieu chinh|bo sung|cong nhan)\b/;

/** Whether a line opens a summary of its own, for a document of code `code`. */
function opensSummary(line: string, code: DocumentCode): boolean {
  const first = line.charAt(0);
  if (first === "" || first === first.toLowerCase()) return false;
  const folded = foldText(line);
  const own = KIND_OPENING[code.type];
  if (own !== undefined && (folded === own || folded.startsWith(`${own} `))) return true;
  // Another kind's words ("Đề án 241" under a Kế hoạch's code): the rest of the line above.
  if (ANY_KIND_OPENING.test(folded)) return false;
  return SUMMARY_VERB.test(folded);
}

/** Reads the documents table under `header`, up to row `end` (exclusive). */
export function readDocumentRows(view: SheetView, header: TableHeader<DocumentRole>, end: number): { rows: DocumentCellsRead[]; end: number } {
  const sheet = view.sheet.name;
  const cols = header.columns;
  const out: DocumentCellsRead[] = [];
  const body = bodyRows(view, header, end);
  const split = splitCodeColumns(view, header);
  for (const r of body.rows) {
    const row: DocumentCellsRead = {
      sheet,
      r,
      stt: pick(view, r, cols.stt),
      code: split ? joinedCode(view, r, split) : pick(view, r, cols.code),
      date: pick(view, r, cols.date),
      summary: pick(view, r, cols.summary),
      issuer: pick(view, r, cols.issuer),
    };
    if (![row.code, row.date, row.summary, row.issuer].some((ref) => ref && hasContent(ref.cell) && cellText(ref.cell) !== "")) continue;
    // A single text spread across the row (a title or note merged over the table) is not a document.
    const merged = view.merge(r, (cols.stt ?? cols.code ?? cols.summary)!.c);
    if (merged && merged.e.c - merged.s.c >= 2) continue;
    if (isDocumentHeading(row)) continue;
    // A summary run onto the row under its document ("giai đoạn 2016 - 2020" alone there) is the rest of it.
    const previous = out[out.length - 1];
    if (previous && previous.r === r - 1 && continuesSummary(row)) {
      out[out.length - 1] = { ...previous, summary: joinedSummary(previous.summary, row.summary!) };
      continue;
    }
    // A date or an issuer merged down over several documents (issued the same day, by the same body) is each one's.
    out.push(...stackedDocuments({ ...row, date: shownAbove(view, row.date), issuer: shownAbove(view, row.issuer) }));
  }
  return { rows: out, end: body.end };
}

/**
 * Whether a row holds nothing but the rest of the summary above it: no code, date or issuer of its
 * own, no number typed in its Stt, and a summary that goes on in lower case ("giai đoạn 2016 - 2020"), as a document's own
 * summary never starts ("Kế hoạch …", "Nghị quyết …").
 */
function continuesSummary(row: DocumentCellsRead): boolean {
  if ([row.code, row.date, row.issuer].some((ref) => ref && hasContent(ref.cell) && cellText(ref.cell) !== "")) return false;
  // A number typed in Stt makes the row a document of its own (the template's Stt, a formula, numbers every row).
  if (row.stt && row.stt.cell?.f === undefined && cellText(row.stt.cell) !== "") return false;
  const text = row.summary ? cellText(row.summary.cell).trim() : "";
  const first = text.charAt(0);
  return first !== "" && first === first.toLowerCase() && first !== first.toUpperCase();
}

/** The summary of a document with the rest of it from the row below, in the summary's own cell. */
function joinedSummary(summary: CellRef | null, rest: CellRef): CellRef {
  if (!summary || cellText(summary.cell) === "") return rest;
  return { ...summary, cell: { v: `${cellText(summary.cell).trimEnd()} ${cellText(rest.cell).trim()}` } };
}

/** The texts of a row joined, for messages. */
function rowSummary(view: SheetView, r: number, within?: ColumnSpan): string {
  return textsWithin(view, r, within)
    .map((x) => x.text)
    .join(" | ")
    .slice(0, 120);
}
