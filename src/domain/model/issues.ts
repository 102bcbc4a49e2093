/**
 * Validation issues: a stable rule code, a severity, where (sheet, A1 cell,
 * indicator) and the parameters the rule found. The Vietnamese message is
 * produced from rule + params in one place (src/domain/rules/messages.ts).
 */

/** Problems reading a file at all (it cannot be read). */
export type ReadErrorCode =
  | "too-large"
  | "zip-bomb"
  | "encrypted"
  | "not-a-workbook"
  | "corrupt"
  | "too-many-cells"
  | "empty"
  /** The file could not be opened (missing, no permission). */
  | "not-found"
  /** Reading took longer than the time limit for one file (the task pane stops it). */
  | "timeout";

export type ErrorRule =
  | "not-a-number"
  | "negative"
  | "not-whole"
  | "ambiguous-number"
  | "achieved-exceeds-total"
  | "ratio-mismatch"
  | "ratio-without-numbers"
  | "duplicate-indicator"
  | "document-missing-code"
  | "document-missing-date"
  | "document-date-out-of-period"
  | "invalid-date"
  | "no-tables";

export type WarningRule =
  | "indicator-missing"
  | "unknown-row"
  | "label-changed"
  | "code-unrecognised"
  | "duplicate-document"
  | "nothing-filled"
  | "indicators-table-missing"
  | "documents-table-missing"
  /** A figure column whose header was not understood, taken for Tổng số / Số đã đạt by its place. */
  | "column-by-position"
  /** The indicator table has no Tổng số or no Số đã đạt tiêu chuẩn column. */
  | "column-missing"
  /** The indicator table has several Tổng số (or Số đã đạt) columns, one per year say; the first is read. */
  | "column-repeated"
  /** A further copy of the indicator table, with other figures, was not read. */
  | "table-ignored"
  /** A unit's report arrived beside a summary that already counts it (the summary's level is higher). */
  | "included-in-summary";

export type RuleCode = ErrorRule | WarningRule | ReadErrorCode;

export type Severity = "error" | "warning";

export type IssueParams = Readonly<Record<string, string | number | null>>;

export interface Issue {
  readonly rule: RuleCode;
  readonly severity: Severity;
  readonly sheet: string | null;
  /** A1 address, e.g. "E12". */
  readonly cell: string | null;
  /** The indicator id the issue is about, when it is about one. */
  readonly indicator?: string;
  readonly params: IssueParams;
  readonly message: string;
}

const WARNINGS: ReadonlySet<RuleCode> = new Set<WarningRule>([
  "indicator-missing",
  "unknown-row",
  "label-changed",
  "code-unrecognised",
  "duplicate-document",
  "nothing-filled",
  "indicators-table-missing",
  "documents-table-missing",
  "column-by-position",
  "column-missing",
  "column-repeated",
  "table-ignored",
  "included-in-summary",
]);

/** The severity every rule has. */
export function severityOf(rule: RuleCode): Severity {
  return WARNINGS.has(rule) ? "warning" : "error";
}

export function hasErrors(issues: readonly Issue[]): boolean {
  return issues.some((i) => i.severity === "error");
}
