/**
 * Checks across indicators, as validation rules in statistical systems (DHIS2's
 * "validation rules") compare data elements: within one unit's report, the
 * indicators that count the same things must agree. The rules are data:
 *
 * - TOTALS_GROUPS: indicators counted in the same unit of measure (the ĐVT of
 *   the letter's table) whose Tổng số is the same population — the unit's
 *   households, villages, communes — so a report gives them the same Tổng số.
 *   A difference is the warning `totals-differ`.
 * - COMMUNE_INDICATORS: indicators counted in communes; a commune-level unit
 *   (a xã's or thị trấn's party committee) is one commune, so more than 1 there
 *   is the warning `commune-count`.
 *
 * Indicator 5 ("Có 01 - 02 xã biên soạn …", ĐVT "Xã") counts communes too, but
 * its target is a number of communes, not a share of all of them, so its Tổng
 * số need not be the number of communes: it is in neither rule.
 */
import { indicatorById } from "../catalogue";
import type { Issue } from "../model/issues";
import type { IndicatorEntry } from "../model/report";
import { foldText } from "../text";
import { makeIssue } from "./messages";
import { COLUMN } from "./rules";

export interface TotalsGroup {
  /** What the indicators count, as a sentence names it ("hộ"). */
  readonly noun: string;
  /** The ĐVT every indicator of the group carries in the catalogue (checked by the tests). */
  readonly dvt: string;
  readonly indicators: readonly string[];
}

export const TOTALS_GROUPS: readonly TotalsGroup[] = [
  { noun: "hộ", dvt: "Hộ", indicators: ["1.3", "3.1", "3.2", "4.1"] },
  { noun: "thôn, bản", dvt: "Bản", indicators: ["4.2", "4.5", "4.6"] },
  { noun: "xã, thị trấn", dvt: "Xã, thị trấn", indicators: ["2", "4.4"] },
];

/** Indicators counted in communes: a commune-level unit reports at most 1 in them. */
export const COMMUNE_INDICATORS: readonly string[] = ["2", "4.4"];
/** The most a commune-level unit counts of itself. */
export const COMMUNES_OF_A_COMMUNE = 1;

/**
 * Whether a unit is a commune: the party committee (or people's committee) of one xã, thị trấn or phường
 * ("Đảng ủy xã Bản Bo", "ĐU thị trấn Tam Đường", "UBND xã Bình Lư"), or the xã itself.
 */
export function isCommuneUnit(name: string): boolean {
  const f = foldText(name).replace(/\s+/g, " ").trim();
  return /^(?:(?:dang uy|dang bo|du|ubnd|uy ban nhan dan)\s+)?(?:xa|thi tran|phuong)\s+\S/.test(f);
}

/**
 * Whether an indicator's figures are beyond doubt: no issue about it (an error, a note in a cell, its row
 * reworded…). A figure in doubt is left out of the checks across indicators: the unit is asked about it
 * first, and one doubt is not reported twice.
 */
function clean(id: string, issues: readonly Issue[]): boolean {
  return !issues.some((i) => i.indicator === id);
}

/** The `totals-differ` warnings of one report: one per group whose Tổng số disagree. */
export function totalsDifferIssues(indicators: Readonly<Record<string, IndicatorEntry>>, issues: readonly Issue[]): Issue[] {
  const out: Issue[] = [];
  for (const group of TOTALS_GROUPS) {
    const totals = group.indicators.flatMap((id) => {
      const entry = indicators[id];
      return !entry || entry.total === null || !clean(id, issues) ? [] : [{ indicator: id, total: entry.total, cell: entry.cells.total }];
    });
    if (totals.length < 2 || totals.every((t) => t.total === totals[0]!.total)) continue;
    // The value most of them give; on a tie, the first indicator's.
    const counts = new Map<number, number>();
    for (const t of totals) counts.set(t.total, (counts.get(t.total) ?? 0) + 1);
    const expected = totals.reduce((best, t) => (counts.get(t.total)! > counts.get(best)! ? t.total : best), totals[0]!.total);
    const first = totals.find((t) => t.total !== expected)!;
    const entry = indicators[first.indicator]!;
    out.push(makeIssue("totals-differ", { sheet: entry.sheet, cell: first.cell, indicator: first.indicator }, { noun: group.noun, totals, expected }));
  }
  return out;
}

/** The `commune-count` warnings: a commune-level unit counting more than one commune (Tổng số, else Số đã đạt). */
export function communeCountIssues(unitName: string, indicators: Readonly<Record<string, IndicatorEntry>>, issues: readonly Issue[]): Issue[] {
  if (!isCommuneUnit(unitName)) return [];
  const out: Issue[] = [];
  for (const id of COMMUNE_INDICATORS) {
    const entry = indicators[id];
    if (!entry || !clean(id, issues)) continue;
    const dvt = (indicatorById(id)?.dvt ?? "").toLocaleLowerCase("vi");
    const over = (v: number | null) => v !== null && v > COMMUNES_OF_A_COMMUNE;
    const found = over(entry.total)
      ? { column: COLUMN.total, value: entry.total!, cell: entry.cells.total }
      : entry.total === null && over(entry.achieved)
        ? { column: COLUMN.achieved, value: entry.achieved!, cell: entry.cells.achieved }
        : null;
    if (!found) continue;
    out.push(makeIssue("commune-count", { sheet: entry.sheet, cell: found.cell, indicator: id }, { unit: unitName, column: found.column, value: found.value, dvt }));
  }
  return out;
}

/**
 * Every check across indicators of one unit's report. A commune counting more than one commune is said
 * first, and that figure is then left out of the comparison of totals (one warning about it, not two).
 */
export function crossIndicatorIssues(unitName: string, indicators: Readonly<Record<string, IndicatorEntry>>, issues: readonly Issue[]): Issue[] {
  const communes = communeCountIssues(unitName, indicators, issues);
  return [...totalsDifferIssues(indicators, [...issues, ...communes]), ...communes];
}
