/**
 * Types of the Đề án 241 catalogue. The catalogue itself is plain data
 * (see indicators.ts, tables.ts, outline.ts, period.ts).
 */

/**
 * How an indicator's result is compared with its target.
 * - ">=": the ratio (percent) must be at least `value` ("100%", "85%").
 * - ">": the ratio must be strictly above `value` ("Trên 95%", "trên 80%").
 * - "count>=": the number achieved (Số đã đạt tiêu chuẩn) must be at least
 *   `value` ("Có 01 - 02 xã": at least one xã).
 */
export type TargetOp = ">=" | ">" | "count>=";

export interface Target {
  readonly op: TargetOp;
  readonly value: number;
}

/** A group row of the table ("Mục tiêu 01" …) or the sub-heading row 6.2. */
export interface IndicatorGroup {
  /** The Stt as printed in the table ("1" … "6", or "6.2"). */
  readonly stt: string;
  /** The label as printed ("Mục tiêu 01", "Trình độ lý luận chính trị"). */
  readonly label: string;
  /** For a sub-heading, the Stt of the group it belongs to. */
  readonly parent?: string;
}

export interface Indicator {
  /** Stable id: "1.1" … "6.1", "2", "5", "6.2.1", "6.2.2". */
  readonly id: string;
  /** The Stt as printed in the official table ("1.1", or "-"). */
  readonly stt: string;
  /** The Stt of the group row ("1" … "6"). */
  readonly group: string;
  /** The Stt of the sub-heading it stands under, if any ("6.2"). */
  readonly subgroup?: string;
  /** The text of "Nội dung của chỉ tiêu", verbatim. */
  readonly text: string;
  /** The unit of measure (ĐVT), verbatim. */
  readonly dvt: string;
  /** The target, parsed from the text. */
  readonly target: Target;
}

/** A row of the official table, in printed order. */
export type CatalogueRow =
  | { readonly kind: "group"; readonly group: IndicatorGroup }
  | { readonly kind: "indicator"; readonly indicator: Indicator };

/** A map from indicator id to target: the default is Đề án 241's own. */
export type TargetSet = Readonly<Record<string, Target>>;
