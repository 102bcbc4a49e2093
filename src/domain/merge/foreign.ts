/**
 * Summaries this merge does not take: a summary written for another district
 * (its units are none of the list's, or, without a list, its place is not the
 * place of the reports beside it), or a summary of a level above the one this
 * merge sums (a province's summary given to a district). It is rejected with
 * the reason, never summed; nor is the merging body's own earlier summary
 * ("summary-own"). The district's own units' summaries (a listed unit's, or
 * one counting listed units) still roll up.
 */
import type { Issue } from "../model/issues";
import type { UnitLevel } from "../model/identity";
import { vnDate } from "../format";
import { makeIssue, messageWithoutFile } from "../rules/messages";
import { matchUnit, type Unit } from "../units";
import { placeOf } from "./duplicates";
import type { Placed } from "./place";
import type { UnitGroups, Verdicts } from "./status";
import type { MergeOptions, MergeSource } from "./types";

const RANK: Readonly<Record<UnitLevel, number>> = { "co-so": 0, huyen: 1, tinh: 2 };
const LEVEL_NAME: Readonly<Record<UnitLevel, string>> = { "co-so": "cấp cơ sở", huyen: "cấp huyện", tinh: "cấp tỉnh" };

/** The place most reports beside the summaries belong to (their identity's superior body), if any. */
function ourPlace(placed: readonly Placed[]): string | undefined {
  const counts = new Map<string, number>();
  for (const p of placed) {
    const identity = p.source.report?.identity;
    if (identity?.kind !== "unit-report" || identity.superior === undefined) continue;
    const place = placeOf(identity.superior);
    if (place !== "") counts.set(place, (counts.get(place) ?? 0) + 1);
  }
  let best: string | undefined;
  let bestCount = 0;
  for (const [place, n] of counts) {
    if (n > bestCount) {
      best = place;
      bestCount = n;
    }
  }
  return best;
}

/** The highest level of the list and its first unit at that level (undefined for an empty list). */
function topLevel(units: MergeOptions["units"]): { rank: number; first: Unit | undefined } | undefined {
  if (units.length === 0) return undefined;
  let rank = -Infinity;
  for (const u of units) rank = Math.max(rank, RANK[u.level] ?? 0);
  return { rank, first: units.find((u) => RANK[u.level] === rank) };
}

/** Why this merge does not take the summary of `p`, or null when it does; `top`: the list's highest level. */
function whyNotTaken(p: Placed, options: MergeOptions, place: string | undefined, top: ReturnType<typeof topLevel>): string | null {
  const identity = p.source.report!.identity!;
  if (p.onList) return null;
  const units = options.units;
  if (units.length > 0 && top !== undefined) {
    if ((RANK[identity.level] ?? 0) > top.rank + 1) {
      return `${LEVEL_NAME[identity.level]}, cấp trên của các đơn vị trong danh sách (${LEVEL_NAME[top.first!.level]})`;
    }
    const included = p.source.includedUnits ?? [];
    if (included.some((name) => matchUnit(name, units) !== undefined)) return null;
    return included.length > 0
      ? `các đơn vị được tổng hợp trong đó (${included.slice(0, 5).join(", ")}${included.length > 5 ? ", …" : ""}) không có trong danh sách đơn vị: bảng tổng hợp của huyện (đơn vị) khác`
      : "đơn vị này và các đơn vị trong đó không có trong danh sách đơn vị: bảng tổng hợp của huyện (đơn vị) khác";
  }
  if (place === undefined) return null;
  if (placeOf(identity.unitName) === place || (identity.superior !== undefined && placeOf(identity.superior) === place)) return null;
  return "không thuộc cùng huyện với các báo cáo khác được tổng hợp";
}

/**
 * Whether a summary is the merging body's own, made earlier (its output left in the folder merged
 * again): the same level and the same place ("HUYỆN ỦY TAM ĐƯỜNG", "Huyện ủy Tam Đường"), and not a
 * unit of the list. A unit's summary of the same place (Đảng ủy thị trấn Tam Đường's) is of a level below.
 */
function isOwn(p: Placed, self: MergeOptions["self"]): boolean {
  const identity = p.source.report?.identity;
  if (self === undefined || identity === undefined || p.onList) return false;
  const place = placeOf(self.name);
  return place !== "" && identity.level === self.level && placeOf(identity.unitName) === place;
}

/**
 * The units that sent a report of their own among the files (not a summary), as a list names can
 * be matched in: the merging body's earlier summary adds nothing when every unit it counted is here.
 */
function unitsWithOwnFile(placed: readonly Placed[], verdicts: Verdicts): { readonly name: string }[] {
  const out: { name: string }[] = [];
  for (const p of placed) {
    if (verdicts.get(p.source) !== undefined || p.source.report === undefined || p.source.report.identity?.kind === "summary") continue;
    const name = p.unit ?? p.source.report.unit.name;
    if (name) out.push({ name });
  }
  return out;
}

/**
 * Rejects the summaries this merge does not take (verdict "rejected", a "summary-other-district"
 * issue) and removes them from the groups, before any file is set aside for a summary.
 */
export function rejectOtherSummaries(
  placed: readonly Placed[],
  groups: UnitGroups,
  verdicts: Verdicts,
  options: MergeOptions,
): Map<MergeSource, Issue> {
  const issues = new Map<MergeSource, Issue>();
  const place = ourPlace(placed);
  let top: ReturnType<typeof topLevel> | null = null;
  let sent: { readonly name: string }[] | undefined;
  const rejected = new Set<Placed>();
  for (const p of placed) {
    if (verdicts.get(p.source) !== undefined || p.source.report?.identity?.kind !== "summary") continue;
    // The merging body's own earlier summary, when every unit it counted sent its own file here (a folder merged
    // again with its output in it): the units' files are summed, not the summary. (One counting a unit with no
    // file here still rolls up, as a summary carried forward.)
    const counted = p.source.includedUnits ?? [];
    if (isOwn(p, options.self) && counted.length > 0 && counted.every((name) => matchUnit(name, (sent ??= unitsWithOwnFile(placed, verdicts))) !== undefined)) {
      const identity = p.source.report.identity;
      const issue = makeIssue("summary-own", {}, { file: p.source.file, summaryUnit: identity.unitName, date: vnDate(identity.created) });
      verdicts.set(p.source, { status: "rejected", reason: messageWithoutFile(issue) });
      issues.set(p.source, issue);
      rejected.add(p);
      continue;
    }
    top ??= topLevel(options.units);
    const why = whyNotTaken(p, options, place, top);
    if (why === null) continue;
    const summaryUnit = p.source.report.identity.unitName;
    const issue = makeIssue("summary-other-district", {}, { file: p.source.file, summaryUnit, reason: why });
    verdicts.set(p.source, { status: "rejected", reason: messageWithoutFile(issue) });
    issues.set(p.source, issue);
    rejected.add(p);
  }
  // The rejected summaries out of their units' groups, each group gone over once.
  for (const key of new Set([...rejected].map((p) => p.key))) {
    const list = groups.get(key)?.filter((q) => !rejected.has(q));
    if (list === undefined) continue;
    if (list.length > 0) groups.set(key, list);
    else groups.delete(key);
  }
  return issues;
}
