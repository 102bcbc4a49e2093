/**
 * Issues: a stable rule code, a severity, where (sheet, A1 cell, indicator)
 * and the parameters the rule found. Every rule has its own parameter type
 * (IssueParamsByRule) and one severity (SEVERITY); its Vietnamese message is
 * built from rule + params in one place (src/domain/rules/messages.ts).
 * A rule added here without a severity or a message does not compile.
 */

/**
 * Parameters of the rules that point at an indicator's cell: the message opens
 * with "Chỉ tiêu <indicator>" (makeIssue fills indicator from where the issue is).
 */
interface AtIndicator {
  readonly indicator?: string;
}

/** A count cell's column, and the indicator's unit (người, hộ…) when it has one. */
interface FigureColumn extends AtIndicator {
  readonly column: string;
  readonly dvt?: string | null;
}

/** Rules on a unit's report: the indicator table, the documents table, the file as a whole. */
export interface UnitReportParams {
  /** reason: "hexadecimal" when the text is a number in base 16 ("0x10"). */
  /** reason "percent": a ratio ("95%") typed where a count belongs. */
  readonly "not-a-number": FigureColumn & { readonly text: string; readonly reason?: "hexadecimal" | "percent" };
  readonly negative: FigureColumn & { readonly value: number };
  readonly "not-whole": FigureColumn & { readonly value: number; readonly text?: string };
  readonly "ambiguous-number": FigureColumn & {
    readonly text: string;
    /** The two readings, formatted ("1.234" or "1,234"). */
    readonly readingA: string;
    readonly readingB: string;
    /** The number written without separators. */
    readonly example: string;
  };
  readonly "achieved-exceeds-total": AtIndicator & { readonly total: number; readonly achieved: number };
  /** typed and computed are percentages, formatted. */
  /** `typed` as the unit wrote it, with its meaning: "95%", "0,95 (tức 95%)". */
  readonly "ratio-mismatch": AtIndicator & { readonly typed: string; readonly computed: string; readonly total: number; readonly achieved: number };
  /** missing names the count column(s) left blank. */
  readonly "ratio-without-numbers": AtIndicator & { readonly typed: string; readonly missing: string };
  /** Rows are one-based. */
  readonly "duplicate-indicator": AtIndicator & { readonly row: number; readonly firstRow: number };
  readonly "document-missing-code": { readonly row: number; readonly summary: string };
  /** code is "" when the document has none. */
  readonly "document-missing-date": { readonly row: number; readonly code: string };
  /** Dates as d/m/yyyy. */
  readonly "document-date-out-of-period": {
    readonly row: number;
    readonly code: string;
    readonly date: string;
    readonly from: string;
    readonly to: string;
  };
  readonly "invalid-date": { readonly row: number; readonly code: string; readonly text: string };
  readonly "no-tables": { readonly file: string };
  readonly "indicator-missing": { readonly indicator: string; readonly official: string };
  readonly "unknown-row": { readonly row: number; readonly text: string };
  readonly "label-changed": AtIndicator & { readonly found: string; readonly official: string };
  /** A figure cell with a formula the file holds no result for, too complex to work out here: not counted. */
  readonly "formula-not-calculated": FigureColumn & { readonly formula: string };
  /** Figures typed on a group's row ("Mục tiêu 02") whose group has one indicator: read as that indicator's. */
  readonly "figures-on-group-row": AtIndicator & { readonly row: number; readonly group: string };
  /**
   * An indicator's own row left blank, its figures typed only on the rows of its breakdown under it
   * (by village, by chi bộ: "- Thôn Nà Tăm"), which are never summed: the rows ("13–14") and their texts.
   */
  readonly "breakdown-only": AtIndicator & { readonly row: number; readonly rows: string; readonly texts: string };
  /**
   * Rows read as breakdowns of the indicator above them, never summed, said once for the file: how many, the
   * indicators they were put under ("4.2, 4.3"), and the rows named (cell and text, shortened), by indicator.
   */
  readonly "breakdown-rows": { readonly count: number; readonly indicators: string; readonly rows: string };
  /**
   * The figures of an indicator's breakdown against its own row's, in one column: their sum over the indicator's
   * ("exceeds"), different from it when the lines share out every kind the label lists ("differs"), or the
   * indicator's cell blank while every line has a figure ("empty", value null). Rows are one-based ("14–16").
   */
  readonly "breakdown-sum": AtIndicator & {
    readonly kind: "exceeds" | "differs" | "empty";
    readonly column: string;
    readonly sum: number;
    readonly value: number | null;
    readonly row: number;
    readonly rows: string;
  };
  readonly "code-unrecognised": { readonly row: number; readonly text: string };
  readonly "duplicate-document": { readonly code: string; readonly row: number; readonly firstRow: number };
  /** A unit's report with figures whose date line is left blank. */
  readonly "report-date-missing": { readonly file: string };
  readonly "nothing-filled": { readonly file: string };
  readonly "indicators-table-missing": { readonly file: string };
  readonly "documents-table-missing": { readonly file: string };
  /** A figure column whose header was not understood, taken for Tổng số / Số đã đạt by its place. */
  readonly "column-by-position": { readonly column: string; readonly text: string; readonly role: string };
  /**
   * The indicator table has no Tổng số or no Số đã đạt tiêu chuẩn column; countedOnly lists the
   * indicators still summed (by count), null when none is.
   */
  readonly "column-missing": {
    readonly sheet: string;
    readonly role: string;
    readonly row: number;
    readonly headers: string;
    readonly countedOnly: string | null;
  };
  /** The indicator table has several Tổng số (or Số đã đạt) columns, one per year say; the first is read. */
  readonly "column-repeated": { readonly role: string; readonly columns: string; readonly used: string };
  /** A further copy of the indicator table, with other figures, was not read. */
  readonly "table-ignored": {
    readonly sheet: string;
    readonly row: number;
    readonly usedSheet: string;
    readonly usedRow: number;
    readonly indicators: string;
  };
  /**
   * A further indicator table stands on a sheet whose header block names another unit (two units'
   * reports in one workbook): the file is taken for `unit`'s, `other`'s figures are not read.
   */
  readonly "table-other-unit": {
    readonly sheet: string;
    readonly row: number;
    readonly other: string;
    readonly unit: string;
    readonly usedSheet: string;
  };
  /** A unit's report arrived beside a summary that already counts it (the summary's level is higher). */
  readonly "included-in-summary": { readonly file: string; readonly unit: string; readonly summary: string; readonly summaryUnit: string };
  // Legacy Vietnamese fonts (TCVN3/ABC, VNI).
  /** Text typed with a legacy font was decoded to Unicode; sample and converted: the first cell decoded, before and after. */
  readonly "legacy-encoding": {
    readonly encoding: "TCVN3" | "VNI";
    readonly sheet: string;
    readonly cell: string;
    readonly sample: string;
    readonly converted: string;
  };
  // Figures, notes, dates and unit names as units write them.
  /** A note meaning "not reported" ("x", "không có", "(chưa thống kê)") in a figure cell: neither 0 nor an error. */
  readonly "not-reported-note": FigureColumn & { readonly text: string };
  /** A figure beyond `limit` (too-large) or not finite (not-finite): refused, never summed. */
  readonly "number-out-of-range": FigureColumn & { readonly text: string; readonly reason: "too-large" | "not-finite"; readonly limit: number };
  /** One result column holds achieved/total ("45/50"); column: its letter, text: its header. */
  readonly "column-combined": { readonly column: string; readonly text: string };
  /** A partial date ("tháng 3/2018", "Quý I/2018") whose span runs over an edge of the reporting period; dates d/m/yyyy. */
  readonly "document-date-partial-edge": {
    readonly row: number;
    readonly code: string;
    readonly text: string;
    readonly from: string;
    readonly to: string;
  };
  /** A file given to a list unit by a name that is not the unit's own (an abbreviation, an alias, the kind of body left out). */
  readonly "unit-matched-loosely": { readonly text: string; readonly unit: string };
  /** A name that fits several list units equally; the file is left unassigned. units: the names, "; "-separated. */
  readonly "unit-ambiguous": { readonly text: string; readonly units: string };
  // The sender as a hint: the unit told by the address an emailed file came from.
  /** A file whose content names no list unit, given to the unit whose address on the list sent it; text: the name the file carries, when any. */
  readonly "unit-from-sender": { readonly address: string; readonly unit: string; readonly text?: string };
  /** The file is a unit list (a "Tên đơn vị" column beside a list's others), not a unit's report: no unit is given it. */
  readonly "unit-list-file": { readonly file: string; readonly units: number };
  // Reports that are not Đề án 241's, and summaries of another district or level.
  /** The file is another programme's report: its rows' texts disagree with the catalogue, or its title names another programme. */
  readonly "not-de-an-241": {
    readonly file: string;
    /** The report's title as found, or null when it has none. */
    readonly title: string | null;
    /** Rows of the table whose texts are not Đề án 241's indicators, and rows that are. */
    readonly unknownRows: number;
    readonly matchedRows: number;
  };
  /** A summary of units this merge does not take (another district's, or of another level): never summed. */
  readonly "summary-other-district": { readonly file: string; readonly summaryUnit: string; readonly reason: string };
  /** The merging body's own earlier summary, found among the files (a folder merged again with its output in it). */
  readonly "summary-own": { readonly file: string; readonly summaryUnit: string; readonly date: string };
  // Checks across indicators (src/domain/rules/cross-indicator.ts).
  /**
   * Indicators counted in the same unit of measure (households, villages, communes) give different Tổng số in one
   * report. noun: what they count ("hộ"); totals: every such indicator with a Tổng số, in the group's order, with its
   * cell; expected: the Tổng số most of them give (the first one's on a tie). The issue is at the first that differs.
   */
  readonly "totals-differ": AtIndicator & {
    readonly noun: string;
    readonly totals: ReadonlyArray<{ readonly indicator: string; readonly total: number; readonly cell: string | null }>;
    readonly expected: number;
  };
  /** A commune-level unit (unit: its name) counts more than one commune in an indicator counted in communes. */
  readonly "commune-count": AtIndicator & { readonly unit: string; readonly column: string; readonly value: number; readonly dvt: string };
  // Text longer than a cell may hold.
  /** A text cell of a table read is longer than Excel's 32,767 characters: outputs keep its first `limit` characters. */
  readonly "text-cut": { readonly file: string; readonly sheet: string; readonly cell: string; readonly length: number; readonly limit: number };
}

/** Problems reading a file at all (it cannot be read). */
export interface ReadErrorParams {
  readonly "too-large": { readonly file: string; readonly size: number; readonly limit: number };
  readonly "zip-bomb": { readonly file: string; readonly detail: string };
  readonly encrypted: { readonly file: string };
  /** kinds: what the reader reads, named by io/read/formats.ts (the domain knows no file formats). */
  readonly "not-a-workbook": { readonly file: string; readonly kinds: string; readonly detail?: string };
  /** detail: what was wrong, when it says something to the user (a library's own failure is not shown). */
  readonly corrupt: { readonly file: string; readonly detail?: string };
  readonly "too-many-cells": { readonly file: string; readonly cells: number; readonly limit: number };
  readonly empty: { readonly file: string };
  /** Reading took longer than the time limit for one file (the task pane stops it). */
  readonly timeout: { readonly file: string; readonly seconds: number };
  /** The file could not be opened (missing, no permission). */
  readonly "not-found": { readonly file: string; readonly detail?: string };
  // Container guard (zip read once, by one parser).
  /** A zip whose structure two programs could read differently (two end records, directory and local header disagreeing, a name twice). */
  readonly "zip-ambiguous": { readonly file: string; readonly detail: string };
  // A file of no bytes (often an attachment broken on its way through email).
  readonly "empty-file": { readonly file: string };
  // Compound file (.xls, CFB/OLE2) bounds, checked before SheetJS parses it.
  /** A compound file whose structure is out of bounds or inconsistent (sector size, chains, directory, stream sizes). */
  readonly "cfb-malformed": { readonly file: string; readonly detail: string };
  // Email messages and archives of attachments (containers of the units' files).
  /** A message or an archive that cannot be opened (file: the container, or its path inside the one given). */
  readonly "container-unreadable": { readonly file: string; readonly detail: string };
  /** An archive with a password (its files, or its list of files, encrypted). */
  readonly "container-encrypted": { readonly file: string };
  /** An archive or message nested deeper than `depth` levels. */
  readonly "container-too-deep": { readonly file: string; readonly depth: number };
  /** An attachment or archive entry that is not a spreadsheet (listed as skipped, not read). */
  readonly "attachment-skipped": { readonly file: string; readonly container: string };
}

/** A unit's own targets: the "Mục tiêu" sheet. Rows are one-based. */
export interface TargetSheetParams {
  /** A row whose target cannot be read; count: the indicator takes a number of units, not a percentage. */
  readonly "targets.unparsed": { readonly indicator: string; readonly text: string; readonly count: boolean };
  /** text: the row's indicator id, else its content. */
  readonly "targets.unknown-indicator": { readonly row: number; readonly text: string };
  readonly "targets.duplicate": { readonly indicator: string; readonly firstRow: number; readonly row: number };
  /** sheetName: the name the sheet should have. */
  readonly "targets.sheet-missing": { readonly sheetName: string };
}

/** Reading a summary workbook back. */
export interface SummaryReadParams {
  /**
   * The summary cannot be used: a table is not found (columns: what it holds, as the message shows it),
   * or the indicators sheet has no table that can be read.
   */
  readonly "summary.table-missing": { readonly table: string; readonly columns: string } | { readonly unreadableSheet: string };
  /** A part left empty: a table not found, or the indicators sheet without its Mục tiêu and Số đơn vị báo cáo columns. */
  readonly "summary.part-missing": { readonly table: string; readonly columns?: string } | { readonly sheetWithoutExtra: string };
  readonly "summary.indicator-missing": { readonly indicator: string; readonly sheet: string };
  /** problem: the message of the unit-report issue the figure had. */
  readonly "summary.value-unreadable": { readonly indicator: string; readonly problem: string };
  readonly "summary.target-unreadable": { readonly indicator: string; readonly text: string };
  readonly "summary.verdict-differs": { readonly indicator: string };
  /** A file's Trạng thái, or a unit's Tình trạng, not understood. */
  readonly "summary.state-unknown": { readonly of: "file" | "unit"; readonly text: string };
  readonly "summary.deadline-missing": Readonly<Record<string, never>>;
  readonly "summary.targets-note-missing": Readonly<Record<string, never>>;
}

/** Reading a unit list ("Đơn vị" sheet or CSV). Rows are one-based. */
export interface UnitListParams {
  readonly "units.empty": { readonly row: number };
  readonly "units.duplicate": { readonly name: string; readonly firstRow: number; readonly row: number };
  readonly "units.level": { readonly text: string };
}

/** Every rule and the parameters it reports. */
export interface IssueParamsByRule extends UnitReportParams, ReadErrorParams, TargetSheetParams, SummaryReadParams, UnitListParams {}

export type RuleCode = keyof IssueParamsByRule;

export type ReadErrorCode = keyof ReadErrorParams;

/** "info": something the reading did that the unit should know of (rows read as a breakdown), nothing wrong in itself. */
export type Severity = "error" | "warning" | "info";

/** An issue of one rule (R), or, by default, of any rule: narrowing on `rule` gives its params. */
export type Issue<R extends RuleCode = RuleCode> = {
  readonly [K in R]: {
    readonly rule: K;
    readonly severity: Severity;
    readonly sheet: string | null;
    /** A1 address, e.g. "E12". */
    readonly cell: string | null;
    /** The indicator id the issue is about, when it is about one. */
    readonly indicator?: string;
    readonly params: IssueParamsByRule[K];
    readonly message: string;
  };
}[R];

/** The severity of every rule. */
export const SEVERITY: { readonly [K in RuleCode]: Severity } = {
  "not-a-number": "error",
  negative: "error",
  "not-whole": "error",
  "ambiguous-number": "error",
  "achieved-exceeds-total": "error",
  "ratio-mismatch": "error",
  "ratio-without-numbers": "error",
  "duplicate-indicator": "error",
  "document-missing-code": "error",
  "document-missing-date": "error",
  "document-date-out-of-period": "error",
  "invalid-date": "error",
  "no-tables": "error",
  "indicator-missing": "warning",
  "unknown-row": "warning",
  "label-changed": "warning",
  "figures-on-group-row": "warning",
  "breakdown-only": "warning",
  "breakdown-rows": "info",
  "breakdown-sum": "warning",
  "formula-not-calculated": "warning",
  "code-unrecognised": "warning",
  "duplicate-document": "warning",
  "nothing-filled": "warning",
  "report-date-missing": "warning",
  "indicators-table-missing": "warning",
  "documents-table-missing": "warning",
  "column-by-position": "warning",
  "column-missing": "warning",
  "column-repeated": "warning",
  "table-ignored": "warning",
  "table-other-unit": "warning",
  "included-in-summary": "warning",
  // Legacy Vietnamese fonts (TCVN3/ABC, VNI).
  "legacy-encoding": "warning",
  // Figures, notes, dates and unit names as units write them.
  "not-reported-note": "warning",
  "number-out-of-range": "error",
  "column-combined": "warning",
  "document-date-partial-edge": "warning",
  "unit-matched-loosely": "warning",
  "unit-ambiguous": "warning",
  // The sender as a hint.
  "unit-from-sender": "warning",
  // Reports that are not Đề án 241's, and summaries of another district or level.
  "unit-list-file": "error",
  "not-de-an-241": "error",
  "summary-other-district": "error",
  "summary-own": "warning",
  // Checks across indicators.
  "totals-differ": "warning",
  "commune-count": "warning",
  // Text longer than a cell may hold.
  "text-cut": "warning",
  "too-large": "error",
  "zip-bomb": "error",
  encrypted: "error",
  "not-a-workbook": "error",
  corrupt: "error",
  "too-many-cells": "error",
  empty: "error",
  timeout: "error",
  "not-found": "error",
  // Container guard (zip read once, by one parser).
  "zip-ambiguous": "error",
  // A file of no bytes (often an attachment broken on its way through email).
  "empty-file": "error",
  // Compound file (.xls, CFB/OLE2) bounds, checked before SheetJS parses it.
  "cfb-malformed": "error",
  // Email messages and archives of attachments (containers of the units' files).
  "container-unreadable": "error",
  "container-encrypted": "error",
  "container-too-deep": "error",
  "attachment-skipped": "warning",
  "targets.unparsed": "warning",
  "targets.unknown-indicator": "warning",
  "targets.duplicate": "warning",
  "targets.sheet-missing": "warning",
  // The summary cannot be used as it is.
  "summary.table-missing": "error",
  // A part of the summary was left empty, or read with a doubt.
  "summary.part-missing": "warning",
  "summary.indicator-missing": "warning",
  "summary.value-unreadable": "warning",
  "summary.target-unreadable": "warning",
  "summary.verdict-differs": "warning",
  "summary.state-unknown": "warning",
  "summary.deadline-missing": "warning",
  "summary.targets-note-missing": "warning",
  "units.empty": "warning",
  "units.duplicate": "warning",
  "units.level": "warning",
};

/** The severity every rule has. */
export function severityOf(rule: RuleCode): Severity {
  return SEVERITY[rule];
}

/** Whether an issue is of the given rule (its params then have that rule's type). */
export function isRule<R extends RuleCode>(issue: Issue, rule: R): issue is Extract<Issue, { readonly rule: R }> {
  return issue.rule === rule;
}

export function hasErrors(issues: readonly Issue[]): boolean {
  return issues.some((i) => i.severity === "error");
}
