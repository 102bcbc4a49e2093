/**
 * A format-neutral description of a printed sheet: cells, styles, merges,
 * widths, validation, conditional formats, protection and page setup.
 *
 * One layout feeds every renderer (the .xlsx file writer and the Office.js
 * writer), so the two cannot drift. Rows and columns are zero-based; ranges
 * are A1 text ("D9:D31").
 */
import type { WorkbookIdentity } from "./identity";

export type HorizontalAlign = "left" | "center" | "right";
export type VerticalAlign = "top" | "middle" | "bottom";

export interface FontStyle {
  readonly name: string;
  /** Points. */
  readonly size: number;
  readonly bold?: boolean;
  readonly italic?: boolean;
  readonly underline?: boolean;
}

export interface CellStyle {
  readonly font: FontStyle;
  readonly horizontal?: HorizontalAlign;
  readonly vertical?: VerticalAlign;
  readonly wrap?: boolean;
  /** Thin border on all four sides (table cells). */
  readonly border?: boolean;
  /** Excel number format code ("0.00", "dd/mm/yyyy", "@" for text). */
  readonly numberFormat?: string;
  /** false for cells the unit fills in; labels and formulas stay locked. */
  readonly locked: boolean;
  /** Background colour as RRGGBB, when any. */
  readonly fill?: string;
}

export interface LayoutCell {
  readonly r: number;
  readonly c: number;
  /**
   * The constant value. Text is always written as text, never as a formula.
   * For a formula cell, the result it is known to compute (written as the
   * cached result, so readers that do not calculate see it), or null when the
   * spreadsheet must compute it.
   */
  readonly value: string | number | null;
  /** A formula without the leading "=". */
  readonly formula?: string;
  /** Key into SheetLayout.styles. */
  readonly style: string;
}

export type ValidationType = "whole" | "decimal" | "date" | "custom";
export type ValidationOperator =
  | "between"
  | "notBetween"
  | "equal"
  | "notEqual"
  | "greaterThan"
  | "greaterThanOrEqual"
  | "lessThan"
  | "lessThanOrEqual";

export interface DataValidationRule {
  /** The cells it applies to ("D9:D31"); formulas are relative to the top-left cell. */
  readonly range: string;
  readonly type: ValidationType;
  /** Absent for "custom". */
  readonly operator?: ValidationOperator;
  /**
   * Numbers for whole/decimal, ISO dates (YYYY-MM-DD) for date, one formula
   * without "=" for custom.
   */
  readonly formulae: ReadonlyArray<string | number>;
  readonly allowBlank: boolean;
  readonly prompt: { readonly title: string; readonly text: string };
  readonly error: { readonly title: string; readonly text: string };
}

export interface ConditionalFormatRule {
  /** The cells it applies to; the formula is relative to the top-left cell. */
  readonly range: string;
  /** A formula without "=", true where the cell is marked. */
  readonly formula: string;
  /** Background colour as RRGGBB. */
  readonly fill: string;
  /** What the mark means (shown in documentation and tests). */
  readonly meaning: string;
}

export interface SheetProtection {
  readonly allowFormatCells: boolean;
  readonly allowFormatColumns: boolean;
  readonly allowFormatRows: boolean;
  readonly allowInsertRows: boolean;
  readonly allowDeleteRows: boolean;
  readonly allowSelectLockedCells: boolean;
  readonly allowSelectUnlockedCells: boolean;
}

export interface PageMargins {
  /** Inches. */
  readonly left: number;
  readonly right: number;
  readonly top: number;
  readonly bottom: number;
  readonly header: number;
  readonly footer: number;
}

export interface PageSetup {
  readonly paper: "A4";
  readonly orientation: "portrait" | "landscape";
  /** Pages wide (1); not used when `scale` is given. */
  readonly fitToWidth: number;
  /** Pages tall; 0 = as many as needed; not used when `scale` is given. */
  readonly fitToHeight: number;
  /**
   * Printed at this percentage of the real size, on as many pages as needed,
   * instead of being fitted to `fitToWidth` × `fitToHeight` pages.
   */
  readonly scale?: number;
  readonly margins: PageMargins;
  /** Rows repeated at the top of every printed page, "8:8". */
  readonly printTitleRows?: string;
  /** Columns repeated at the left of every printed page, "A:B". */
  readonly printTitleColumns?: string;
  /** Zero-based rows that start a new printed page (manual page breaks above them). */
  readonly rowBreaks?: readonly number[];
  /** Zero-based columns that start a new printed page (manual page breaks left of them). */
  readonly columnBreaks?: readonly number[];
  readonly horizontalCentered: boolean;
  /** Centre footer text with Excel's codes (&P page, &N pages). */
  readonly footer: string;
}

export interface SheetLayout {
  readonly name: string;
  readonly visibility: "visible" | "veryHidden";
  /** Every written cell (labels, formulas, and empty styled input cells). */
  readonly cells: readonly LayoutCell[];
  readonly styles: Readonly<Record<string, CellStyle>>;
  /** Merged ranges ("A1:B1"). */
  readonly merges: readonly string[];
  /** Widths in characters of the default font, column A first. */
  readonly columnWidths: readonly number[];
  /** Row heights in points by zero-based row; rows not listed keep the default. */
  readonly rowHeights: Readonly<Record<number, number>>;
  readonly dataValidations: readonly DataValidationRule[];
  readonly conditionalFormats: readonly ConditionalFormatRule[];
  /** Sheet protection without a password; absent = not protected. */
  readonly protection?: SheetProtection;
  readonly pageSetup?: PageSetup;
  /** The ranges the unit fills in (unlocked). */
  readonly inputRanges: readonly string[];
}

export interface WorkbookLayout {
  readonly sheets: readonly SheetLayout[];
  /** The identity written in the hidden identity sheet (which is also among `sheets`). */
  readonly identity?: WorkbookIdentity;
}
