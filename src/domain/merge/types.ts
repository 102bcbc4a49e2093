/** What the merge takes and what it gives: the sources, the options and the summary. */
import type { Target, TargetSet } from "../catalogue";
import type { Issue, ReadErrorCode } from "../model/issues";
import type { UnitLevel } from "../model/identity";
import type { UnitReport } from "../model/report";
import type { Unit } from "../units";
import type { DateSpan } from "../values/date";
import type { VersionChanges } from "./versions";

/** How an indicator's district figure is made from the units' figures. */
export type AggregationRule =
  | { readonly kind: "sum" }
  /** Take the figure of one named unit (an office that holds the district's number). */
  | { readonly kind: "unit"; readonly unit: string };

/** Per indicator id; indicators not listed are summed. */
export type AggregationRules = Readonly<Record<string, AggregationRule>>;

/** How a file inside a message or an archive is named after it, and nested names joined: "thư.eml › Báo cáo.xlsx". */
export const PATH_JOIN = " › ";

/**
 * Where a file came from when it arrived inside an email message or an
 * archive ("kind" "file" for a file given as is). Nested containers are
 * joined in `path` with " › ".
 */
export interface SourceOrigin {
  readonly kind: "file" | "email" | "zip" | "rar";
  /** The name of the outermost container given (the .eml, .msg, .zip or .rar). */
  readonly container?: string;
  /** The message's subject, when the file was an attachment. */
  readonly subject?: string;
  /** The message's sender ("Name <address>" or the address), when the file was an attachment. */
  readonly from?: string;
  /** ISO date-time the message was sent (its Date header, else the received header). */
  readonly date?: string;
  /** The file's path inside the container(s). */
  readonly path?: string;
}

/** One file given to the merge: its report, or why it could not be read. */
export interface MergeSource {
  readonly file: string;
  /** SHA-256 of the file's bytes, hex. */
  readonly sha256: string;
  /** Last-modified time of the file, ISO, when known. */
  readonly fileTime?: string;
  readonly report?: UnitReport;
  /** Why the file could not be read at all (then there is no report). */
  readonly error?: { readonly code: ReadErrorCode; readonly message: string };
  /**
   * For a summary workbook: the units whose figures it counted (its "Tình hình
   * nộp báo cáo" sheet), so that their own files, given beside it, are not
   * counted twice, whether or not they carry an identity.
   */
  readonly includedUnits?: readonly string[];
  /** The targets the unit's own "Mục tiêu" sheet sets where they differ from Đề án 241's. */
  readonly ownTargets?: readonly { readonly id: string; readonly target: Target }[];
  /** ISO date the district received the file, as staff entered it; judges timeliness over the report's own date. */
  readonly received?: string;
  /** Where the file came from when it arrived inside a message or an archive. */
  readonly origin?: SourceOrigin;
}

export interface MergeOptions {
  /** The units expected to report (the "Đơn vị" sheet or --units). */
  readonly units: readonly Unit[];
  /** ISO date; reports dated after it are late. Default: the letter's 25/6/2021. */
  readonly deadline?: string;
  /** The unit's own targets over Đề án 241's (indicators not set keep Đề án 241's target). */
  readonly targets?: TargetSet;
  /** Where `targets` came from: "de-an-241", or the file that set them (named on the summary). */
  readonly targetsSource?: "de-an-241" | string;
  readonly aggregation?: AggregationRules;
  /** File name → unit name, chosen by the user for files the merge could not place. */
  readonly assignments?: Readonly<Record<string, string>>;
  /** Unit name → file name the user prefers when the unit sent several. */
  readonly preferred?: Readonly<Record<string, string>>;
  /** File name → ISO date the file was received, entered by staff (over the source's own `received`). */
  readonly received?: Readonly<Record<string, string>>;
  /** The body making this merge: its own earlier summary among the files is not summed again (rule "summary-own"). */
  readonly self?: { readonly name: string; readonly level: UnitLevel };
}

/**
 * Which date judged a file on time or late: the received date staff entered, the date of the email
 * the file was attached to (its arrival), or the one typed on the report.
 */
export type TimelinessBy = "report-date" | "received" | "email";

export type FileStatus = "merged" | "superseded" | "rejected";

export interface FileResult {
  readonly file: string;
  readonly sha256: string;
  /** The unit as matched on the list, else as the file named it; null when nothing named it. */
  readonly unit: string | null;
  /** Whether `unit` is on the list. */
  readonly onList: boolean;
  /** Where the unit's name came from ("sender": the address an emailed file came from is the unit's on the list). */
  readonly unitSource: "identity" | "header" | "file-name" | "assigned" | "sender" | null;
  readonly date: string | null;
  readonly status: FileStatus;
  /** Why a file was rejected or superseded (Vietnamese); null when merged. */
  readonly reason: string | null;
  readonly issues: readonly Issue[];
  readonly errors: number;
  readonly warnings: number;
  /** true/false against the deadline by the received date when entered, else the report's date; null when neither. */
  readonly onTime: boolean | null;
  /** The date `onTime` was judged by, and which one it is (absent in a summary read back). */
  readonly timeliness?: { readonly date: string; readonly by: TimelinessBy } | null;
  /** For a unit's merged file, how it differs from each earlier version it replaces (absent when it replaces none). */
  readonly changes?: readonly VersionChanges[];
  /** Where the file came from when it arrived inside an email message or an archive. */
  readonly origin?: SourceOrigin;
}

export interface IndicatorSummary {
  readonly id: string;
  readonly total: number | null;
  readonly achieved: number | null;
  /** Percent from the sums, 2 decimals; null when not computable. */
  readonly ratio: number | null;
  readonly met: boolean | null;
  readonly target: Target;
  readonly aggregation: AggregationRule;
  /** How many units' figures went into it. */
  readonly reportedBy: number;
  /** The units' values of it left out for an error (file, sheet, cell), when any. */
  readonly rejected?: readonly RejectedValue[];
}

export interface UnitValues {
  readonly unit: string;
  readonly file: string;
  readonly values: Readonly<Record<string, { readonly total: number | null; readonly achieved: number | null }>>;
  /** The unit's own targets where they differ from Đề án 241's (its "Mục tiêu" sheet). */
  readonly ownTargets: readonly { readonly id: string; readonly target: Target }[];
  /** The indicators whose figures fall short of the unit's own targets (Đề án 241's where it sets none), in catalogue order. */
  readonly unmet: readonly string[];
}

export interface MergedDocument {
  readonly code: string | null;
  readonly date: string | null;
  /** A date written without its day ("tháng 3/2017", "Quý II/2018"): the days it names and the text; date is then null. */
  readonly dateSpan?: DateSpan;
  readonly summary: string | null;
  readonly issuer: string | null;
  /** Every unit that listed it, in the order of the files. */
  readonly units: readonly string[];
}

export interface RejectedValue {
  readonly unit: string;
  readonly file: string;
  readonly sheet: string | null;
  readonly cell: string | null;
  readonly indicator: string | null;
  readonly rule: string;
  readonly reason: string;
}

export type UnitState = "received" | "missing" | "rejected";

export interface UnitStatus {
  readonly unit: string;
  readonly code?: string;
  readonly state: UnitState;
  /** The file that counts (merged), when any. */
  readonly file: string | null;
  readonly sha256: string | null;
  readonly date: string | null;
  readonly onTime: boolean | null;
  readonly errors: number;
  readonly warnings: number;
  /** Other files of the unit: superseded or rejected ones. */
  readonly otherFiles: readonly string[];
}

export interface Summary {
  readonly deadline: string;
  readonly files: readonly FileResult[];
  readonly indicators: readonly IndicatorSummary[];
  readonly perUnit: readonly UnitValues[];
  readonly documents: readonly MergedDocument[];
  readonly rejectedValues: readonly RejectedValue[];
  readonly units: readonly UnitStatus[];
  /** Files whose unit is not on the list (merged all the same, shown so the user can assign them). */
  readonly unlisted: readonly string[];
  readonly expected: readonly string[];
  readonly received: readonly string[];
  readonly missing: readonly string[];
  /** received ÷ expected in percent, never above 100; null when nothing is expected. */
  readonly rate: number | null;
  /** Which targets the results were judged against: "de-an-241" or the file that set them. */
  readonly targetsSource?: "de-an-241" | string;
}
