/**
 * The figures: each merged unit's usable values (a value with an error is
 * left out and listed with its reason), then the district's figure of each
 * indicator, summed (or one unit's, by rule), its ratio from the sums and its
 * verdict against the target.
 */
import { INDICATORS, indicatorById, meetsTarget, ratioPercent, shownRatio, type Target, type TargetSet } from "../catalogue";
import { verdictState, type VerdictState } from "../format";
import { foldText } from "../text";
import { matchUnit } from "../units";
import type { Placed } from "./place";
import type { AggregationRule, IndicatorSummary, MergeOptions, RejectedValue, UnitValues } from "./types";

export const SUM: AggregationRule = { kind: "sum" };

/** A value to two decimals, as the sheets show it (shownRatio). */
export function round2(value: number): number {
  return shownRatio(value);
}

interface Figures {
  total: number | null;
  achieved: number | null;
  /** The unit's values of the indicator left out for an error (then total and achieved are null). */
  rejected?: readonly RejectedValue[];
}

/** Unit → indicator id → the unit's figures that can be counted (or, with `rejected`, the values that could not). */
export type UsableFigures = Map<string, Map<string, Figures>>;

/** The merged files' figures, in file order: per unit, the values left out, and what can be counted. */
export function unitFigures(merged: readonly Placed[]): { perUnit: UnitValues[]; rejectedValues: RejectedValue[]; usable: UsableFigures } {
  const rejectedValues: RejectedValue[] = [];
  const perUnit: UnitValues[] = [];
  const usable: UsableFigures = new Map();
  // The values left out so far, by file name (each file's own looked up without going over every file's).
  const rejectedByFile = new Map<string, RejectedValue[]>();
  for (const p of merged) {
    const report = p.source.report!;
    const unit = p.unit ?? report.unit.name;
    const values: Record<string, Figures> = {};
    const good = new Map<string, Figures>();
    for (const issue of report.issues) {
      if (issue.severity !== "error") continue;
      if (issue.indicator === undefined && !issue.rule.startsWith("document")) continue;
      const value: RejectedValue = {
        unit,
        file: p.source.file,
        sheet: issue.sheet,
        cell: issue.cell,
        indicator: issue.indicator ?? null,
        rule: issue.rule,
        reason: issue.message,
      };
      rejectedValues.push(value);
      const ofFile = rejectedByFile.get(value.file);
      if (ofFile) ofFile.push(value);
      else rejectedByFile.set(value.file, [value]);
    }
    for (const indicator of INDICATORS) {
      const entry = report.indicators[indicator.id];
      if (!entry) continue;
      const hasError = report.issues.some((i) => i.indicator === indicator.id && i.severity === "error");
      values[indicator.id] = { total: hasError ? null : entry.total, achieved: hasError ? null : entry.achieved };
      if (!hasError && (entry.total !== null || entry.achieved !== null)) {
        good.set(indicator.id, { total: entry.total, achieved: entry.achieved });
      } else if (hasError) {
        const rejected = (rejectedByFile.get(p.source.file) ?? []).filter((v) => v.indicator === indicator.id);
        good.set(indicator.id, { total: null, achieved: null, rejected });
      }
    }
    usable.set(unit, good);
    const ownTargets = p.source.ownTargets ?? [];
    const unitTarget = (id: string): Target => ownTargets.find((t) => t.id === id)?.target ?? indicatorById(id)!.target;
    const unmet = INDICATORS.filter((i) => {
      const v = good.get(i.id);
      return v !== undefined && meetsTarget(unitTarget(i.id), v.total, v.achieved) === false;
    }).map((i) => i.id);
    perUnit.push({ unit, file: p.source.file, values, ownTargets, unmet });
  }
  return { perUnit, rejectedValues, usable };
}

/** The district's figure of every indicator, in catalogue order, judged against `targets` (Đề án 241's where not set). */
export function aggregateIndicators(
  usable: UsableFigures,
  targets: TargetSet,
  options: Pick<MergeOptions, "aggregation" | "units">,
): IndicatorSummary[] {
  return INDICATORS.map((indicator) => {
    const target = targets[indicator.id] ?? indicator.target;
    const aggregation = options.aggregation?.[indicator.id] ?? SUM;
    let total: number | null = null;
    let achieved: number | null = null;
    let reportedBy = 0;
    const rejected: RejectedValue[] = [];
    const add = (v: Figures): void => {
      if (v.rejected) rejected.push(...v.rejected);
      // A ratio needs both numbers from the same unit; a count target needs only Số đã đạt.
      const pair = v.total !== null && v.achieved !== null;
      if (!pair && !(target.op === "count>=" && v.achieved !== null)) return;
      if (v.total !== null) total = (total ?? 0) + v.total;
      if (v.achieved !== null) achieved = (achieved ?? 0) + v.achieved;
      reportedBy++;
    };
    if (aggregation.kind === "unit") {
      // Take one unit: only the named unit's figures count.
      const key = foldText(matchUnit(aggregation.unit, options.units)?.name ?? aggregation.unit);
      for (const [unit, values] of usable) {
        if (foldText(unit) !== key) continue;
        const v = values.get(indicator.id);
        if (v) add(v);
      }
    } else {
      for (const values of usable.values()) {
        const v = values.get(indicator.id);
        if (v) add(v);
      }
    }
    const t = total as number | null;
    const a = achieved as number | null;
    const ratio = t !== null && a !== null && t > 0 ? round2(ratioPercent(t, a)) : null;
    return {
      id: indicator.id,
      total: t,
      achieved: a,
      ratio,
      met: meetsTarget(target, t, a),
      target,
      aggregation,
      reportedBy,
      ...(rejected.length > 0 ? { rejected } : {}),
    };
  });
}

/**
 * What the summary says of an indicator: met or not from the sums, "rejected"
 * when nothing could be counted but figures were given and left out for an
 * error ("Số liệu có lỗi"), else not enough figures.
 */
export function indicatorVerdict(i: Pick<IndicatorSummary, "met" | "rejected" | "total">): VerdictState {
  return verdictState(i);
}
