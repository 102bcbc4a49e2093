import type { Target } from "./types";

/**
 * A ratio in percent as every output shows it, to two decimals: the figure a verdict is judged on,
 * so that "85,00%" is never "chưa đạt 85%" beside it (2.000/2.353 = 84,998…% shows, and counts, as 85,00%).
 */
export function shownRatio(percent: number): number {
  return Math.round(percent * 100) / 100;
}

/**
 * Whether figures meet a target; null when they cannot tell ("chưa đủ số liệu").
 * A ratio target compares Số đã đạt / Tổng số × 100, as shown (shownRatio), with
 * the value (≥ for "X%", > for "Trên X%"); a count target compares Số đã đạt alone.
 */
export function meetsTarget(target: Target, total: number | null, achieved: number | null): boolean | null {
  if (target.op === "count>=") return achieved === null ? null : achieved >= target.value;
  if (total === null || achieved === null || total <= 0) return null;
  const ratio = shownRatio((achieved / total) * 100);
  return target.op === ">=" ? ratio >= target.value - 1e-9 : ratio > target.value + 1e-9;
}
