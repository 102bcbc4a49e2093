/**
 * Merging the unit reports that came back into the district's summary:
 * which file stands for which unit, which one wins when a unit sent two,
 * totals and ratios from the sums, documents listed once, who has and has
 * not sent, and every value left out with its unit, file, cell and reason.
 */
import { DEADLINES, DEFAULT_TARGETS, INDICATORS, indicatorById, meetsTarget, type Target, type TargetSet } from "../catalogue";

export { meetsTarget };
import type { Issue, ReadErrorCode } from "../model/issues";
import { makeIssue, readFailureIssue } from "../rules/messages";
import type { UnitReport } from "../model/report";
import { foldText } from "../text";
import { matchUnit, type Unit } from "../units";

/** How an indicator's district figure is made from the units' figures. */
export type AggregationRule =
  | { readonly kind: "sum" }
  /** Take the figure of one named unit (an office that holds the district's number). */
  | { readonly kind: "unit"; readonly unit: string };

/** Per indicator id; indicators not listed are summed. */
export type AggregationRules = Readonly<Record<string, AggregationRule>>;

export const SUM: AggregationRule = { kind: "sum" };

/** One file given to the merge: its report, or why it could not be read. */
export interface MergeSource {
  readonly file: string;
  /** SHA-256 of the file's bytes, hex. */
  readonly sha256: string;
  /** Last-modified time of the file, ISO, when known. */
  readonly fileTime?: string;
  readonly report?: UnitReport;
  /** Why the file could not be read at all (then there is no report). */
  readonly error?: { readonly code: ReadErrorCode; readonly message: string };
  /**
   * For a summary workbook: the units whose figures it counted (its "Tình hình
   * nộp báo cáo" sheet), so that their own files, given beside it, are not
   * counted twice, whether or not they carry an identity.
   */
  readonly includedUnits?: readonly string[];
  /** The targets the unit's own "Mục tiêu" sheet sets where they differ from Đề án 241's. */
  readonly ownTargets?: readonly { readonly id: string; readonly target: Target }[];
}

export interface MergeOptions {
  /** The units expected to report (the "Đơn vị" sheet or --units). */
  readonly units: readonly Unit[];
  /** ISO date; reports dated after it are late. Default: the letter's 25/6/2021. */
  readonly deadline?: string;
  /** The unit's own targets over Đề án 241's (indicators not set keep Đề án 241's target). */
  readonly targets?: TargetSet;
  /** Where `targets` came from: "de-an-241", or the file that set them (named on the summary). */
  readonly targetsSource?: "de-an-241" | string;
  readonly aggregation?: AggregationRules;
  /** File name → unit name, chosen by the user for files the merge could not place. */
  readonly assignments?: Readonly<Record<string, string>>;
  /** Unit name → file name the user prefers when the unit sent several. */
  readonly preferred?: Readonly<Record<string, string>>;
}

export type FileStatus = "merged" | "superseded" | "rejected";

export interface FileResult {
  readonly file: string;
  readonly sha256: string;
  /** The unit as matched on the list, else as the file named it; null when nothing named it. */
  readonly unit: string | null;
  /** Whether `unit` is on the list. */
  readonly onList: boolean;
  /** Where the unit's name came from. */
  readonly unitSource: "identity" | "header" | "file-name" | "assigned" | null;
  readonly date: string | null;
  readonly status: FileStatus;
  /** Why a file was rejected or superseded (Vietnamese); null when merged. */
  readonly reason: string | null;
  readonly issues: readonly Issue[];
  readonly errors: number;
  readonly warnings: number;
  /** true/false against the deadline by the report's date; null when it has no date. */
  readonly onTime: boolean | null;
}

export interface IndicatorSummary {
  readonly id: string;
  readonly total: number | null;
  readonly achieved: number | null;
  /** Percent from the sums, 2 decimals; null when not computable. */
  readonly ratio: number | null;
  readonly met: boolean | null;
  readonly target: Target;
  readonly aggregation: AggregationRule;
  /** How many units' figures went into it. */
  readonly reportedBy: number;
}

export interface UnitValues {
  readonly unit: string;
  readonly file: string;
  readonly values: Readonly<Record<string, { readonly total: number | null; readonly achieved: number | null }>>;
  /** The unit's own targets where they differ from Đề án 241's (its "Mục tiêu" sheet). */
  readonly ownTargets: readonly { readonly id: string; readonly target: Target }[];
  /** The indicators whose figures fall short of the unit's own targets (Đề án 241's where it sets none), in catalogue order. */
  readonly unmet: readonly string[];
}

export interface MergedDocument {
  readonly code: string | null;
  readonly date: string | null;
  readonly summary: string | null;
  readonly issuer: string | null;
  /** Every unit that listed it, in the order of the files. */
  readonly units: readonly string[];
}

export interface RejectedValue {
  readonly unit: string;
  readonly file: string;
  readonly sheet: string | null;
  readonly cell: string | null;
  readonly indicator: string | null;
  readonly rule: string;
  readonly reason: string;
}

export type UnitState = "received" | "missing" | "rejected";

export interface UnitStatus {
  readonly unit: string;
  readonly code?: string;
  readonly state: UnitState;
  /** The file that counts (merged), when any. */
  readonly file: string | null;
  readonly sha256: string | null;
  readonly date: string | null;
  readonly onTime: boolean | null;
  readonly errors: number;
  readonly warnings: number;
  /** Other files of the unit: superseded or rejected ones. */
  readonly otherFiles: readonly string[];
}

export interface Summary {
  readonly deadline: string;
  readonly files: readonly FileResult[];
  readonly indicators: readonly IndicatorSummary[];
  readonly perUnit: readonly UnitValues[];
  readonly documents: readonly MergedDocument[];
  readonly rejectedValues: readonly RejectedValue[];
  readonly units: readonly UnitStatus[];
  /** Files whose unit is not on the list (merged all the same, shown so the user can assign them). */
  readonly unlisted: readonly string[];
  readonly expected: readonly string[];
  readonly received: readonly string[];
  readonly missing: readonly string[];
  /** received ÷ expected in percent, never above 100; null when nothing is expected. */
  readonly rate: number | null;
  /** Which targets the results were judged against: "de-an-241" or the file that set them. */
  readonly targetsSource?: "de-an-241" | string;
}

export function round2(value: number): number {
  return Math.round((value + Number.EPSILON) * 100) / 100;
}

interface Placed {
  readonly source: MergeSource;
  readonly key: string;
  readonly unit: string | null;
  readonly onList: boolean;
  readonly unitSource: FileResult["unitSource"];
  readonly listUnit?: Unit;
}

function place(source: MergeSource, options: MergeOptions): Placed {
  const assigned = options.assignments?.[source.file];
  if (assigned !== undefined) {
    const listUnit = matchUnit(assigned, options.units);
    const name = listUnit?.name ?? assigned;
    return { source, key: foldText(name), unit: name, onList: listUnit !== undefined, unitSource: "assigned", ...(listUnit ? { listUnit } : {}) };
  }
  const report = source.report;
  const candidates: Array<{ name: string; from: FileResult["unitSource"] }> = [];
  if (report) {
    candidates.push({ name: report.unit.name, from: report.unit.source });
    if (report.identity?.unitCode) {
      const byCode = options.units.find((u) => u.code !== undefined && foldText(u.code) === foldText(report.identity!.unitCode!));
      if (byCode) return { source, key: foldText(byCode.name), unit: byCode.name, onList: true, unitSource: "identity", listUnit: byCode };
    }
  }
  const base = source.file.replace(/^.*[\\/]/, "").replace(/\.[^.]+$/, "").replace(/[-_]+/g, " ");
  candidates.push({ name: base, from: "file-name" });
  for (const c of candidates) {
    const listUnit = matchUnit(c.name, options.units);
    if (listUnit) return { source, key: foldText(listUnit.name), unit: listUnit.name, onList: true, unitSource: c.from, listUnit };
  }
  if (report) {
    return { source, key: `?${foldText(report.unit.name)}`, unit: report.unit.name, onList: false, unitSource: report.unit.source };
  }
  return { source, key: `!${source.file}`, unit: null, onList: false, unitSource: null };
}

/** The place a body's name is about: "ĐẢNG BỘ HUYỆN TAM ĐƯỜNG" and "Huyện ủy Tam Đường" are both "tam duong". */
function placeOf(name: string): string {
  return foldText(name)
    .replace(/^(ban thuong vu |ban chap hanh )?(dang bo|dang uy|huyen uy|thanh uy|thi uy|tinh uy|ubnd|uy ban nhan dan)\s+/, "")
    .replace(/^(huyen|thanh pho|thi xa|tinh|xa|thi tran|phuong)\s+/, "");
}

function samePlace(a: string, b: string): boolean {
  const pa = placeOf(a);
  return pa !== "" && pa === placeOf(b);
}

function count(issues: readonly Issue[], severity: Issue["severity"]): number {
  return issues.filter((i) => i.severity === severity).length;
}

function fileIsUnusable(report: UnitReport): string | null {
  const fatal = report.issues.find((i) => i.rule === "no-tables");
  return fatal ? fatal.message : null;
}

function later(a: Placed, b: Placed): number {
  // Positive when a is later than b.
  const da = a.source.report?.reportDate ?? "";
  const db = b.source.report?.reportDate ?? "";
  if (da !== db && da !== "" && db !== "") return da < db ? -1 : 1;
  const ta = a.source.fileTime ?? "";
  const tb = b.source.fileTime ?? "";
  if (ta !== tb) return ta < tb ? -1 : 1;
  if (da !== db) return da === "" ? -1 : 1;
  return 0;
}

/** Merges the reports. Pure: the same sources and options give the same summary. */
export function mergeReports(sources: readonly MergeSource[], options: MergeOptions): Summary {
  const deadline = options.deadline ?? DEADLINES.sendToDistrict;
  const targets = options.targets ?? DEFAULT_TARGETS;
  const targetsSource = options.targetsSource ?? (options.targets === undefined ? "de-an-241" : "");
  const placed = sources.map((s) => place(s, options));

  // Decide each file's status.
  const status = new Map<MergeSource, { status: FileStatus; reason: string | null }>();
  const groups = new Map<string, Placed[]>();
  for (const p of placed) {
    if (p.source.error || !p.source.report) {
      status.set(p.source, { status: "rejected", reason: p.source.error?.message ?? "Không đọc được tệp." });
      continue;
    }
    const unusable = fileIsUnusable(p.source.report);
    if (unusable) {
      status.set(p.source, { status: "rejected", reason: unusable });
      continue;
    }
    const list = groups.get(p.key) ?? [];
    list.push(p);
    groups.set(p.key, list);
  }
  // A unit's report beside the summary of the body above it (which already counts it) is counted once, through the summary.
  const extraIssues = new Map<MergeSource, Issue>();
  const summaries = placed.filter((p) => status.get(p.source) === undefined && p.source.report?.identity?.kind === "summary");
  const includedIn = (p: Placed): Placed | undefined => {
    const identity = p.source.report?.identity;
    if (identity?.kind === "summary") return undefined;
    // By the identity's superior body ("ĐẢNG BỘ HUYỆN TAM ĐƯỜNG" is the summary of Huyện ủy Tam Đường)…
    if (identity?.superior !== undefined) {
      const above = summaries.find((sum) => samePlace(sum.source.report!.identity!.unitName, identity.superior!));
      if (above) return above;
    }
    // …or by name among the units a summary counted (a file typed by hand has no identity).
    const names = [p.source.report?.unit.name, p.unit].filter((n): n is string => n !== undefined && n !== null && n !== "");
    return summaries.find((sum) => {
      const included = (sum.source.includedUnits ?? []).map((name) => ({ name }));
      return names.some((n) => matchUnit(n, included) !== undefined);
    });
  };
  for (const [key, list] of [...groups]) {
    const kept = list.filter((p) => {
      const above = includedIn(p);
      if (!above) return true;
      status.set(p.source, {
        status: "superseded",
        reason: `Đã có trong bảng tổng hợp của ${above.unit ?? above.source.report!.identity!.unitName} (tệp "${above.source.file}").`,
      });
      extraIssues.set(
        p.source,
        makeIssue("included-in-summary", {}, { file: p.source.file, unit: p.unit ?? p.source.report?.unit.name ?? "", summary: above.source.file, summaryUnit: above.unit ?? "" }),
      );
      return false;
    });
    if (kept.length === 0) groups.delete(key);
    else groups.set(key, kept);
  }

  const winners = new Map<string, Placed>();
  for (const [key, list] of groups) {
    const preferredFile = list[0]!.unit !== null ? options.preferred?.[list[0]!.unit] : undefined;
    let winner = preferredFile !== undefined ? list.find((p) => p.source.file === preferredFile) : undefined;
    if (!winner) {
      winner = list[0]!;
      for (const p of list.slice(1)) if (later(p, winner) >= 0) winner = p;
    }
    winners.set(key, winner);
    for (const p of list) {
      if (p === winner) status.set(p.source, { status: "merged", reason: null });
      else {
        const why = preferredFile !== undefined && winner.source.file === preferredFile ? "người dùng chọn" : "tệp có ngày báo cáo muộn hơn";
        status.set(p.source, {
          status: "superseded",
          reason: `Đơn vị đã gửi tệp khác: "${winner.source.file}" được dùng (${why}).`,
        });
      }
    }
  }

  const onTimeOf = (date: string | null): boolean | null => (date === null ? null : date <= deadline);
  const files: FileResult[] = placed.map((p) => {
    const s = status.get(p.source)!;
    const error = p.source.error;
    const extra = extraIssues.get(p.source);
    const issues: readonly Issue[] =
      (p.source.report ? [...p.source.report.issues, ...(extra ? [extra] : [])] : undefined) ??
      (error ? [readFailureIssue(error.code, p.source.file, error.message)] : []);
    const date = p.source.report?.reportDate ?? null;
    return {
      file: p.source.file,
      sha256: p.source.sha256,
      unit: p.unit,
      onList: p.onList,
      unitSource: p.unitSource,
      date,
      status: s.status,
      reason: s.reason,
      issues,
      errors: count(issues, "error"),
      warnings: count(issues, "warning"),
      onTime: onTimeOf(date),
    };
  });

  // Figures of the merged files, in file order.
  const merged = placed.filter((p) => status.get(p.source)?.status === "merged");
  const rejectedValues: RejectedValue[] = [];
  const perUnit: UnitValues[] = [];
  const usable = new Map<string, Map<string, { total: number | null; achieved: number | null }>>(); // unit → id → values
  for (const p of merged) {
    const report = p.source.report!;
    const unit = p.unit ?? report.unit.name;
    const values: Record<string, { total: number | null; achieved: number | null }> = {};
    const good = new Map<string, { total: number | null; achieved: number | null }>();
    for (const issue of report.issues) {
      if (issue.severity !== "error") continue;
      if (issue.indicator === undefined && !issue.rule.startsWith("document")) continue;
      rejectedValues.push({
        unit,
        file: p.source.file,
        sheet: issue.sheet,
        cell: issue.cell,
        indicator: issue.indicator ?? null,
        rule: issue.rule,
        reason: issue.message,
      });
    }
    for (const indicator of INDICATORS) {
      const entry = report.indicators[indicator.id];
      if (!entry) continue;
      const hasError = report.issues.some((i) => i.indicator === indicator.id && i.severity === "error");
      values[indicator.id] = { total: hasError ? null : entry.total, achieved: hasError ? null : entry.achieved };
      if (!hasError && (entry.total !== null || entry.achieved !== null)) {
        good.set(indicator.id, { total: entry.total, achieved: entry.achieved });
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

  const indicators: IndicatorSummary[] = INDICATORS.map((indicator) => {
    const target = targets[indicator.id] ?? indicator.target;
    const aggregation = options.aggregation?.[indicator.id] ?? SUM;
    let total: number | null = null;
    let achieved: number | null = null;
    let reportedBy = 0;
    const add = (v: { total: number | null; achieved: number | null }): void => {
      // A ratio needs both numbers from the same unit; a count target needs only Số đã đạt.
      const pair = v.total !== null && v.achieved !== null;
      if (!pair && !(target.op === "count>=" && v.achieved !== null)) return;
      if (v.total !== null) total = (total ?? 0) + v.total;
      if (v.achieved !== null) achieved = (achieved ?? 0) + v.achieved;
      reportedBy++;
    };
    if (aggregation.kind === "unit") {
      const key = foldText(matchUnit(aggregation.unit, options.units)?.name ?? aggregation.unit);
      for (const [unit, values] of usable) if (foldText(unit) === key) { const v = values.get(indicator.id); if (v) add(v); }
    } else {
      for (const values of usable.values()) {
        const v = values.get(indicator.id);
        if (v) add(v);
      }
    }
    const t = total as number | null;
    const a = achieved as number | null;
    const ratio = t !== null && a !== null && t > 0 ? round2((a / t) * 100) : null;
    return { id: indicator.id, total: t, achieved: a, ratio, met: meetsTarget(target, t, a), target, aggregation, reportedBy };
  });

  // Documents: the same code and issuer once, with every unit that sent it.
  const docs = new Map<string, { doc: MergedDocument; units: string[] }>();
  for (const p of merged) {
    const unit = p.unit ?? p.source.report!.unit.name;
    for (const d of p.source.report!.documents) {
      const codeKey = d.code ? foldText(`${d.code.number} ${d.code.type} ${d.code.issuer}`) : foldText(d.codeText ?? "");
      const key = codeKey !== "" ? `${codeKey}|${foldText(d.issuer ?? "")}` : `#${foldText(d.summary ?? "")}|${d.date ?? ""}`;
      const existing = docs.get(key);
      if (existing) {
        if (!existing.units.includes(unit)) existing.units.push(unit);
        continue;
      }
      const units = [unit];
      docs.set(key, { doc: { code: d.codeText, date: d.date, summary: d.summary, issuer: d.issuer, units }, units });
    }
  }
  const documents = [...docs.values()]
    .map((d) => d.doc)
    .sort((a, b) => (a.date ?? "9999") .localeCompare(b.date ?? "9999") || (a.code ?? "").localeCompare(b.code ?? "", "vi"));

  // Who has sent.
  const units: UnitStatus[] = options.units.map((u) => {
    const key = foldText(u.name);
    const mine = files.filter((f) => f.unit !== null && foldText(f.unit) === key);
    const winner = mine.find((f) => f.status === "merged");
    const state: UnitState = winner ? "received" : mine.some((f) => f.status === "rejected") ? "rejected" : "missing";
    return {
      unit: u.name,
      ...(u.code !== undefined ? { code: u.code } : {}),
      state,
      file: winner?.file ?? null,
      sha256: winner?.sha256 ?? null,
      date: winner?.date ?? null,
      onTime: winner?.onTime ?? null,
      errors: winner?.errors ?? mine.reduce((n, f) => n + f.errors, 0),
      warnings: winner?.warnings ?? 0,
      otherFiles: mine.filter((f) => f !== winner).map((f) => f.file),
    };
  });
  const expected = options.units.map((u) => u.name);
  const received = units.filter((u) => u.state === "received").map((u) => u.unit);
  const missing = units.filter((u) => u.state !== "received").map((u) => u.unit);
  // A file already counted through a summary needs no unit of the list.
  const unlisted = files.filter((f, k) => !f.onList && f.status !== "rejected" && !extraIssues.has(placed[k]!.source)).map((f) => f.file);
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
    rate: expected.length === 0 ? null : round2(Math.min(100, (received.length / expected.length) * 100)),
    targetsSource,
  };
}
