import type { Target } from "./types";

/**
 * Whether figures meet a target; null when they cannot tell ("chưa đủ số liệu").
 * A ratio target compares Số đã đạt / Tổng số × 100 with the value (≥ for
 * "X%", > for "Trên X%"); a count target compares Số đã đạt alone.
 */
export function meetsTarget(target: Target, total: number | null, achieved: number | null): boolean | null {
  if (target.op === "count>=") return achieved === null ? null : achieved >= target.value;
  if (total === null || achieved === null || total <= 0) return null;
  const ratio = (achieved / total) * 100;
  return target.op === ">=" ? ratio >= target.value - 1e-9 : ratio > target.value + 1e-9;
}
