/**
 * Each file's verdict: rejected when it cannot be used at all, else merged or
 * superseded (decided in duplicates.ts); then the file's line of the summary.
 */
import type { Issue } from "../model/issues";
import type { UnitReport } from "../model/report";
import { messageWithoutFile, readFailureIssue, readFailureReason } from "../rules/messages";
import type { Placed } from "./place";
import type { FileResult, FileStatus, MergeSource } from "./types";

export interface Verdict {
  readonly status: FileStatus;
  /** Why a file was rejected or superseded (Vietnamese); null when merged. */
  readonly reason: string | null;
}

/** The verdict of every file, by its source, filled in phase by phase. */
export type Verdicts = Map<MergeSource, Verdict>;

/** The placed files of each unit (by the unit's key), in file order. */
export type UnitGroups = Map<string, Placed[]>;

/** Why a file cannot be used at all, said where the file is named already (its line of the summary); null when it can be. */
function fileIsUnusable(report: UnitReport): string | null {
  const fatal = report.issues.find((i): i is Issue<"no-tables" | "not-de-an-241" | "unit-list-file"> => i.rule === "no-tables" || i.rule === "not-de-an-241" || i.rule === "unit-list-file");
  return fatal ? messageWithoutFile(fatal) : null;
}

/** Rejects the files that could not be read or hold no table; groups the others by unit. */
export function rejectUnusable(placed: readonly Placed[]): { verdicts: Verdicts; groups: UnitGroups } {
  const verdicts: Verdicts = new Map();
  const groups: UnitGroups = new Map();
  for (const p of placed) {
    if (p.source.error || !p.source.report) {
      const error = p.source.error;
      verdicts.set(p.source, { status: "rejected", reason: error ? readFailureReason(error.code, p.source.file, error.message) : "Không đọc được tệp." });
      continue;
    }
    const unusable = fileIsUnusable(p.source.report);
    if (unusable) {
      verdicts.set(p.source, { status: "rejected", reason: unusable });
      continue;
    }
    const list = groups.get(p.key) ?? [];
    list.push(p);
    groups.set(p.key, list);
  }
  return { verdicts, groups };
}

function count(issues: readonly Issue[], severity: Issue["severity"]): number {
  return issues.filter((i) => i.severity === severity).length;
}

/** Every file's line: its unit, verdict, issues (with any the merge added) and whether it came on time. */
export function fileResults(
  placed: readonly Placed[],
  verdicts: Verdicts,
  extraIssues: ReadonlyMap<MergeSource, Issue>,
  deadline: string,
): FileResult[] {
  const onTimeOf = (date: string | null): boolean | null => (date === null ? null : date <= deadline);
  return placed.map((p) => {
    const s = verdicts.get(p.source)!;
    const error = p.source.error;
    const extra = extraIssues.get(p.source);
    const issues: readonly Issue[] =
      (p.source.report ? [...p.source.report.issues, ...(extra ? [extra] : [])] : undefined) ??
      (error ? [readFailureIssue(error.code, p.source.file, error.message), ...(p.note ? [p.note] : [])] : []);
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
}
