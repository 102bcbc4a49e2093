/**
 * Results against the targets: the ratio computed from Tổng số and Số đã đạt
 * tiêu chuẩn, and whether the target is met (null: "chưa đủ số liệu").
 */
import { DEFAULT_TARGETS, INDICATORS, meetsTarget, ratioPercent, type TargetSet } from "../catalogue";
import type { UnitReport } from "../model/report";

export interface IndicatorResultRow {
  readonly id: string;
  readonly total: number | null;
  readonly achieved: number | null;
  /** Percent, computed from the numbers; null when not computable. */
  readonly ratio: number | null;
  /** true / false, or null when the figures are missing or have errors. */
  readonly met: boolean | null;
}

export function evaluate(report: UnitReport, targets: TargetSet = DEFAULT_TARGETS): IndicatorResultRow[] {
  return INDICATORS.map((indicator) => {
    const entry = report.indicators[indicator.id];
    const hasError = report.issues.some((i) => i.indicator === indicator.id && i.severity === "error");
    const total = entry?.total ?? null;
    const achieved = entry?.achieved ?? null;
    const ratio = !hasError && total !== null && achieved !== null && total > 0 ? ratioPercent(total, achieved) : null;
    const target = targets[indicator.id] ?? indicator.target;
    const met = hasError ? null : meetsTarget(target, total, achieved);
    return { id: indicator.id, total: hasError ? null : total, achieved: hasError ? null : achieved, ratio, met };
  });
}
