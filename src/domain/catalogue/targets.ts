import type { Target } from "./types";

/**
 * A ratio in percent as every output shows it, to two decimals: the figure a verdict is judged on,
 * so that "85,00%" is never "chưa đạt 85%" beside it (2.000/2.353 = 84,998…% shows, and counts, as 85,00%).
 */
export function shownRatio(percent: number): number {
  // Half away from zero on the value's 15 significant digits, as Excel's ROUND and "0.00" work: 13.999/20.000
  // is 69,995% to Excel (70,00), though the double JavaScript computes for it may be 69.99499999999999.
  const scaled = Number((percent * 100).toPrecision(15));
  return (Math.sign(scaled) * Math.round(Math.abs(scaled))) / 100;
}

/** Số đã đạt / Tổng số in percent, computed as the sheets' own formulas compute it (E × 100 / D). */
export function ratioPercent(total: number, achieved: number): number {
  return (achieved * 100) / total;
}

/**
 * Whether figures meet a target; null when they cannot tell ("chưa đủ số liệu").
 * A ratio target compares Số đã đạt / Tổng số × 100, as shown (shownRatio), with
 * the value (≥ for "X%", > for "Trên X%"); a count target compares Số đã đạt alone.
 */
export function meetsTarget(target: Target, total: number | null, achieved: number | null): boolean | null {
  if (target.op === "count>=") return achieved === null ? null : achieved >= target.value;
  if (total === null || achieved === null || total <= 0) return null;
  const ratio = shownRatio(ratioPercent(total, achieved));
  return target.op === ">=" ? ratio >= target.value - 1e-9 : ratio > target.value + 1e-9;
}
