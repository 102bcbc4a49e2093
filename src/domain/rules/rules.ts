/**
 * The rules: turning the cells read from a unit's tables into figures and
 * documents, with an issue for everything that is wrong or doubtful.
 */
import { INDICATORS_TABLE, indicatorById, ratioPercent, REPORTING_PERIOD } from "../catalogue";
import { cellAddress, type CellRef } from "../model/grid";
import type { Issue } from "../model/issues";
import type { DocumentEntry, IndicatorEntry } from "../model/report";
import { cleanText, foldText } from "../text";
import { findDateInText, parseDateValue, type DateSpan } from "../values/date";
import { codeKey, codeOpeningSummary, parseDocumentCode } from "../values/code";
import { isWhole, MAX_FIGURE, parseCountValue, parseRatioValue, ratioAgrees } from "../values/number";
import { cellText } from "../values/cell";
import { formatNumber, vnDate } from "../format";
import { makeIssue } from "./messages";

/** An indicator row as the reader found it (its cells, before their values are checked). */
export interface IndicatorCellsRead {
  readonly id: string;
  readonly sheet: string;
  /** Zero-based row. */
  readonly r: number;
  readonly label: string;
  readonly total: CellRef | null;
  readonly achieved: CellRef | null;
  readonly ratio: CellRef | null;
}

/** The figure columns' headers, verbatim from the letter's table. */
export const COLUMN = {
  total: INDICATORS_TABLE.columns[3].header,
  achieved: INDICATORS_TABLE.columns[4].header,
  ratio: INDICATORS_TABLE.columns[5].header,
};

function round(n: number, digits: number): number {
  const f = Math.pow(10, digits);
  return Math.round(n * f) / f;
}

/** Reads one count cell; returns the value (null when blank or unusable) and any issue. */
function readCount(
  ref: CellRef | null,
  column: "total" | "achieved",
  at: { sheet: string; indicator: string },
  issues: Issue[],
): number | null {
  if (!ref || !ref.cell) return null;
  const cell = ref.cell;
  const where = { sheet: at.sheet, cell: cellAddress(ref.r, ref.c), indicator: at.indicator };
  const params = { column: COLUMN[column], dvt: indicatorById(at.indicator)?.dvt ?? null };
  const parsed = parseCountValue(cell.v);
  switch (parsed.kind) {
    case "blank":
      if (ref.uncalculated !== undefined) issues.push(makeIssue("formula-not-calculated", where, { ...params, formula: ref.uncalculated }));
      return null;
    case "invalid": {
      // "95%" typed in a count column: said to be a ratio.
      const reason = parsed.reason ?? (/^\s*[\d.,]+\s*%\s*$/.test(parsed.text) ? ("percent" as const) : undefined);
      issues.push(makeIssue("not-a-number", where, { ...params, text: parsed.text, ...(reason ? { reason } : {}) }));
      return null;
    }
    case "note":
      issues.push(makeIssue("not-reported-note", where, { ...params, text: parsed.text }));
      return null;
    case "out-of-range":
      issues.push(makeIssue("number-out-of-range", where, { ...params, text: parsed.text, reason: parsed.reason, limit: MAX_FIGURE }));
      return null;
    case "ambiguous": {
      const [a, b] = parsed.readings;
      issues.push(
        makeIssue("ambiguous-number", where, {
          ...params,
          text: parsed.text,
          readingA: formatNumber(a!),
          readingB: formatNumber(b!),
          example: String(b),
        }),
      );
      return null;
    }
    case "number": {
      if (parsed.value < 0) {
        issues.push(makeIssue("negative", where, { ...params, value: parsed.value }));
        return null;
      }
      if (!isWhole(parsed.value)) {
        // As the unit wrote it: the text, or the text a number was read from ("1,190" in a Vietnamese CSV, read as
        // 1,19), when it says that number the Vietnamese way; else the number (a program's "#,##0" shows 1219,5 as "1,220").
        const text = typeof cell.v === "string" ? cleanText(cell.v) : writtenAs(cell.w, parsed.value) ?? formatNumber(parsed.value);
        issues.push(makeIssue("not-whole", where, { ...params, value: parsed.value, text }));
        return null;
      }
      return Math.round(parsed.value);
    }
  }
}

/** A cell's shown text when, read the Vietnamese way ("." between thousands, "," before decimals), it is `value`. */
function writtenAs(shown: string | undefined, value: number): string | undefined {
  const t = shown?.trim();
  if (!t || !/^[+-]?[\d.,]+$/.test(t)) return undefined;
  return Number(t.replace(/\./g, "").replace(",", ".")) === value ? cleanText(t) : undefined;
}

/** What Excel and LibreOffice show for a formula that fails, as a CSV or web page keeps it. */
const FORMULA_ERROR = /^(?:#VALUE!|#DIV\/0!|#N\/A|#REF!|#NAME\?|#NUM!|#NULL!|Err:\d{3}|#GETTING_DATA|#SPILL!|#CALC!)$/;

export interface IndicatorResult {
  readonly entry: IndicatorEntry;
  readonly issues: Issue[];
}

/** Reads and checks one indicator row. */
export function checkIndicator(row: IndicatorCellsRead): IndicatorResult {
  const issues: Issue[] = [];
  const at = { sheet: row.sheet, indicator: row.id };
  const total = readCount(row.total, "total", at, issues);
  const achieved = readCount(row.achieved, "achieved", at, issues);
  const totalBad = issues.some((i) => i.cell === (row.total ? cellAddress(row.total.r, row.total.c) : null));
  const achievedBad = issues.some((i) => i.cell === (row.achieved ? cellAddress(row.achieved.r, row.achieved.c) : null));
  let typedRatio: number | null = null;
  const ratioCell = row.ratio?.cell;
  const ratioAddress = row.ratio ? cellAddress(row.ratio.r, row.ratio.c) : null;
  // A formula in Tỷ lệ is computed, not typed (and .xls may store "" results as 0): never trusted; nor is
  // the error a formula showed when the file was saved as text ("#VALUE!", "#DIV/0!" in a CSV).
  if (ratioCell && ratioCell.f === undefined && !(typeof ratioCell.v === "string" && FORMULA_ERROR.test(ratioCell.v.trim()))) {
    const parsed = parseRatioValue(ratioCell.v, ratioCell.z);
    const where = { sheet: row.sheet, cell: ratioAddress, indicator: row.id };
    if (parsed.kind === "invalid") {
      const reason = parsed.reason === "hexadecimal" ? { reason: parsed.reason } : {};
      issues.push(makeIssue("not-a-number", where, { column: COLUMN.ratio, text: parsed.text ?? "", ...reason }));
    } else if (parsed.kind === "note") {
      issues.push(makeIssue("not-reported-note", where, { column: COLUMN.ratio, text: parsed.text ?? "" }));
    } else if (parsed.kind === "out-of-range") {
      const reason = parsed.reason === "too-large" ? "too-large" : "not-finite";
      issues.push(makeIssue("number-out-of-range", where, { column: COLUMN.ratio, text: parsed.text ?? "", reason, limit: MAX_FIGURE }));
    } else if (parsed.kind === "number") {
      const percent = parsed.percent!;
      const decimals = parsed.decimals ?? 0;
      if (percent < 0) {
        issues.push(makeIssue("negative", where, { column: COLUMN.ratio, value: percent }));
      } else if (total !== null && achieved !== null) {
        if (total > 0) {
          const computed = ratioPercent(total, achieved);
          if (ratioAgrees(percent, decimals, computed)) {
            typedRatio = percent;
          } else if (parsed.maybeFraction && ratioAgrees(percent * 100, Math.max(0, decimals - 2), computed)) {
            typedRatio = round(percent * 100, 10);
          } else {
            issues.push(
              makeIssue("ratio-mismatch", where, {
                // "0,95" may mean 95% (a fraction, as Excel stores a percentage): said both ways.
                typed: parsed.maybeFraction ? `${formatNumber(percent)} (tức ${formatNumber(round(percent * 100, 10))}%)` : `${formatNumber(percent)}%`,
                computed: formatNumber(round(computed, 2)),
                total,
                achieved,
              }),
            );
          }
        } else {
          typedRatio = percent;
        }
      } else if (!totalBad && !achievedBad) {
        const missing =
          total === null && achieved === null ? "Tổng số và Số đã đạt tiêu chuẩn" : total === null ? "Tổng số" : "Số đã đạt tiêu chuẩn";
        issues.push(makeIssue("ratio-without-numbers", where, { typed: formatNumber(percent), missing }));
      } else {
        typedRatio = percent;
      }
    }
  }
  if (total !== null && achieved !== null && achieved > total) {
    issues.push(
      makeIssue(
        "achieved-exceeds-total",
        { sheet: row.sheet, cell: row.achieved ? cellAddress(row.achieved.r, row.achieved.c) : null, indicator: row.id },
        { total, achieved },
      ),
    );
  }
  return {
    entry: {
      total,
      achieved,
      typedRatio,
      sheet: row.sheet,
      row: row.r + 1,
      label: row.label,
      cells: {
        total: row.total ? cellAddress(row.total.r, row.total.c) : null,
        achieved: row.achieved ? cellAddress(row.achieved.r, row.achieved.c) : null,
        ratio: ratioAddress,
      },
    },
    issues,
  };
}

/** A document row as the reader found it (its cells, before their values are checked). */
export interface DocumentCellsRead {
  readonly sheet: string;
  readonly r: number;
  readonly code: CellRef | null;
  readonly date: CellRef | null;
  readonly summary: CellRef | null;
  readonly issuer: CellRef | null;
  readonly stt: CellRef | null;
}

function textOf(ref: CellRef | null): string | null {
  if (!ref) return null;
  const t = cellText(ref.cell);
  return t === "" ? null : t;
}

/** Reads and checks the document rows. */
export function checkDocuments(rows: readonly DocumentCellsRead[]): { documents: DocumentEntry[]; issues: Issue[] } {
  const issues: Issue[] = [];
  const documents: DocumentEntry[] = [];
  const seen = new Map<string, number>();
  for (const row of rows) {
    const summary = textOf(row.summary);
    // No code written, but the summary opens with it ("Kế hoạch số 22-KH/ĐU …").
    const fromSummary = textOf(row.code) === null && summary !== null ? codeOpeningSummary(summary) : null;
    const codeText = fromSummary ? fromSummary.canonical : textOf(row.code);
    const issuer = textOf(row.issuer);
    const anchor = (fromSummary ? row.summary : row.code) ?? row.code ?? row.summary ?? row.stt ?? row.date ?? row.issuer;
    const cell = anchor ? cellAddress(anchor.r, anchor.c) : cellAddress(row.r, 0);
    const rowNo = row.r + 1;
    const parsedCode = codeText === null ? { kind: "blank" as const } : parseDocumentCode(codeText);
    const code = parsedCode.kind === "code" ? parsedCode.code : null;
    if (parsedCode.kind === "blank") {
      issues.push(makeIssue("document-missing-code", { sheet: row.sheet, cell }, { row: rowNo, summary: summary ?? issuer ?? "" }));
    } else if (parsedCode.kind === "unrecognised") {
      issues.push(makeIssue("code-unrecognised", { sheet: row.sheet, cell }, { row: rowNo, text: parsedCode.text }));
    }
    const codeLabel = code?.canonical ?? codeText ?? "";
    let date: string | null = null;
    const dateCell = row.date?.cell;
    const dateAddress = row.date ? cellAddress(row.date.r, row.date.c) : cell;
    const parsedDate = parseDateValue(dateCell?.v, dateCell?.z);
    let dateSpan: DateSpan | undefined;
    if (parsedDate.kind === "date") {
      date = parsedDate.iso;
    } else if (parsedDate.kind === "span") {
      // No day is invented: the span is kept, and judged against the period as a whole.
      dateSpan = parsedDate.span;
      const { from, to, text } = dateSpan;
      const period = { from: vnDate(REPORTING_PERIOD.from), to: vnDate(REPORTING_PERIOD.to) };
      if (to < REPORTING_PERIOD.from || from > REPORTING_PERIOD.to) {
        issues.push(makeIssue("document-date-out-of-period", { sheet: row.sheet, cell: dateAddress }, { row: rowNo, code: codeLabel, date: text, ...period }));
      } else if (from < REPORTING_PERIOD.from || to > REPORTING_PERIOD.to) {
        issues.push(makeIssue("document-date-partial-edge", { sheet: row.sheet, cell: dateAddress }, { row: rowNo, code: codeLabel, text, ...period }));
      }
    } else if (parsedDate.kind === "invalid") {
      issues.push(makeIssue("invalid-date", { sheet: row.sheet, cell: dateAddress }, { row: rowNo, code: codeLabel, text: parsedDate.text }));
    } else {
      // The date may be written with the code ("26-KH/TU ngày 07/4/2021") or in the summary.
      const inText = [codeText, summary].map((t) => (t ? findDateInText(t) : null)).find((d) => d !== null && d !== "invalid");
      if (inText) date = inText;
      else issues.push(makeIssue("document-missing-date", { sheet: row.sheet, cell: dateAddress }, { row: rowNo, code: codeLabel }));
    }
    if (date !== null && (date < REPORTING_PERIOD.from || date > REPORTING_PERIOD.to)) {
      issues.push(
        makeIssue(
          "document-date-out-of-period",
          { sheet: row.sheet, cell: dateAddress },
          { row: rowNo, code: codeLabel, date: vnDate(date), from: vnDate(REPORTING_PERIOD.from), to: vnDate(REPORTING_PERIOD.to) },
        ),
      );
    }
    if (code) {
      // The same code from two issuers is two documents (a summary lists each unit's "12-KH/ĐU").
      const key = `${codeKey(code)}|${date ?? dateSpan?.from ?? ""}|${foldText(issuer ?? "")}`;
      const first = seen.get(key);
      if (first !== undefined) {
        issues.push(makeIssue("duplicate-document", { sheet: row.sheet, cell }, { code: code.canonical, row: rowNo, firstRow: first }));
      } else {
        seen.set(key, rowNo);
      }
    }
    documents.push({ codeText, code, date, ...(dateSpan ? { dateSpan } : {}), summary, issuer, sheet: row.sheet, row: rowNo, cell });
  }
  return { documents, issues };
}
