/**
 * Merging the unit reports that came back into the district's summary:
 * which file stands for which unit, which one wins when a unit sent two,
 * totals and ratios from the sums, documents listed once, who has and has
 * not sent, and every value left out with its unit, file, cell and reason.
 * Each phase is its own module; mergeReports runs them in order.
 */
import { DEADLINES, DEFAULT_TARGETS, meetsTarget } from "../catalogue";
import { aggregateIndicators, unitFigures } from "./aggregate";
import { completeness, judgeTimeliness, unitStatuses } from "./completeness";
import { mergeDocuments } from "./documents";
import { chooseWinners, setAsideIncluded } from "./duplicates";
import { rejectOtherSummaries } from "./foreign";
import { placeSources, type Placed } from "./place";
import { fileResults, rejectUnusable } from "./status";
import type { MergeOptions, MergeSource, Summary } from "./types";
import { versionChanges } from "./versions";

export { meetsTarget };
export { indicatorVerdict, round2, SUM } from "./aggregate";
export { changesText, diffReports, versionText, type DocumentRef, type FigureChange, type VersionChanges } from "./versions";
export type {
  AggregationRule,
  AggregationRules,
  FileResult,
  FileStatus,
  IndicatorSummary,
  MergedDocument,
  MergeOptions,
  MergeSource,
  RejectedValue,
  Summary,
  TimelinessBy,
  UnitState,
  UnitStatus,
  UnitValues,
} from "./types";

/** Merges the reports. Pure: the same sources and options give the same summary. */
export function mergeReports(sources: readonly MergeSource[], options: MergeOptions): Summary {
  const deadline = options.deadline ?? DEADLINES.sendToDistrict;
  const targets = options.targets ?? DEFAULT_TARGETS;
  const targetsSource = options.targetsSource ?? (options.targets === undefined ? "de-an-241" : "");
  const placed = placeSources(sources, options);

  // Each file's verdict: rejected, set aside for the summary that counts it, merged or superseded.
  const { verdicts, groups: readable } = rejectUnusable(placed);
  const otherSummaries = rejectOtherSummaries(placed, readable, verdicts, options);
  const { groups, extraIssues } = setAsideIncluded(placed, readable, verdicts);
  for (const [source, issue] of otherSummaries) extraIssues.set(source, issue);
  chooseWinners(groups, verdicts, options.preferred);
  const changes = versionChanges(groups, verdicts);
  const files = judgeTimeliness(fileResults(placed, verdicts, extraIssues, deadline), placed, options.received, deadline).map((f, k) => {
    const c = changes.get(placed[k]!.source);
    return c ? { ...f, changes: c } : f;
  });

  // Figures and documents of the merged files: the listed units in the list's order (as "Tình hình nộp báo
  // cáo" has them), then the others in file order.
  const order = new Map(options.units.map((u, i) => [u, i]));
  const rank = (p: Placed): number => (p.listUnit !== undefined ? (order.get(p.listUnit) ?? options.units.length) : options.units.length);
  const merged = placed
    .filter((p) => verdicts.get(p.source)?.status === "merged")
    .map((p, i) => ({ p, i }))
    .sort((a, b) => rank(a.p) - rank(b.p) || a.i - b.i)
    .map(({ p }) => p);
  const { perUnit, rejectedValues, usable } = unitFigures(merged);
  const indicators = aggregateIndicators(usable, targets, options);
  const documents = mergeDocuments(merged);

  // Who has sent.
  const units = unitStatuses(options.units, files);
  const { unlisted, expected, received, missing, rate } = completeness(options.units, units, files, (k) => extraIssues.has(placed[k]!.source));
  return {
    deadline,
    files,
    indicators,
    perUnit,
    documents,
    rejectedValues,
    units,
    unlisted,
    expected,
    received,
    missing,
    rate,
    targetsSource,
  };
}
