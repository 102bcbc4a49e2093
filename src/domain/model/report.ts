/**
 * What was read from one unit's workbook: the unit, the report date, the
 * indicator figures and the documents, with the issues found.
 */
import type { WorkbookIdentity, UnitLevel } from "./identity";
import type { Issue } from "./issues";
import type { DocumentCode } from "../values/code";

export interface UnitInfo {
  readonly name: string;
  /** Where the name came from: the generated identity sheet, the header block, or the file name. */
  readonly source: "identity" | "header" | "file-name";
  readonly code?: string;
  readonly level?: UnitLevel;
}

export interface IndicatorCells {
  readonly total: string | null;
  readonly achieved: string | null;
  readonly ratio: string | null;
}

export interface IndicatorEntry {
  /** Tổng số; null when blank (not reported) or unusable (see issues). */
  readonly total: number | null;
  /** Số đã đạt tiêu chuẩn; null when blank or unusable. */
  readonly achieved: number | null;
  /** Tỷ lệ as typed (percent), null when blank, computed by a formula, or unusable. */
  readonly typedRatio: number | null;
  readonly sheet: string;
  /** One-based row number of the indicator's row. */
  readonly row: number;
  /** A1 addresses of the three cells (null when the table has no such column). */
  readonly cells: IndicatorCells;
  /** The text of the row as the unit wrote it. */
  readonly label: string;
}

export interface DocumentEntry {
  /** The code as written, cleaned; null when blank. */
  readonly codeText: string | null;
  /** The parsed code, when recognised. */
  readonly code: DocumentCode | null;
  /** ISO date of issue, null when blank, invalid or written without its day (see dateSpan). */
  readonly date: string | null;
  /** A date written without its day ("tháng 3/2018", "Quý I/2018", "năm 2018"): the days it names (ISO) and the text. */
  readonly dateSpan?: { readonly from: string; readonly to: string; readonly text: string };
  readonly summary: string | null;
  /** "Đơn vị ban hành" as written. */
  readonly issuer: string | null;
  readonly sheet: string;
  readonly row: number;
  /** A1 address of the code cell (or of the row's first cell when there is no code column). */
  readonly cell: string;
}

export interface UnitReport {
  readonly fileName: string;
  readonly unit: UnitInfo;
  readonly identity?: WorkbookIdentity;
  /** ISO date of the report ("…, ngày … tháng … năm …"), null when blank or absent. */
  readonly reportDate: string | null;
  readonly indicators: Readonly<Record<string, IndicatorEntry>>;
  readonly documents: readonly DocumentEntry[];
  readonly issues: readonly Issue[];
}
