/**
 * The merge as one use case for the CLI, the standalone page and the task
 * pane: files in, summary and summary workbook out, with progress and a way
 * to stop.
 */
import { mergeReports, type MergeOptions, type MergeSource, type Summary } from "../domain/merge";
import { buildSummaryWorkbook, type SummaryLayoutOptions } from "../domain/sheets/summary";
import type { WorkbookLayout } from "../domain/model/layout";
import { indicatorById, targetLabel } from "../domain/catalogue";
import { sameTarget, targetsNote } from "../domain/targets";
import { readSource, type InputFile } from "./sources";
import type { ReadLimits } from "../io/read";

export interface MergeProgress {
  readonly done: number;
  readonly total: number;
  readonly file: string;
}

export interface MergeRun {
  readonly sources: readonly MergeSource[];
  readonly summary: Summary;
  readonly layout: WorkbookLayout;
}

export class Cancelled extends Error {
  override readonly name = "Cancelled";
  constructor() {
    super("Đã hủy.");
  }
}

/** Reads every file (one at a time, so memory stays bounded), then merges. */
export async function readSources(
  files: readonly InputFile[],
  hooks: { onProgress?: (p: MergeProgress) => void; signal?: AbortSignal; limits?: Partial<ReadLimits> } = {},
): Promise<MergeSource[]> {
  const sources: MergeSource[] = [];
  for (const [i, file] of files.entries()) {
    if (hooks.signal?.aborted) throw new Cancelled();
    sources.push(await readSource(file, hooks.limits));
    hooks.onProgress?.({ done: i + 1, total: files.length, file: file.name });
  }
  return sources;
}

export function summarise(sources: readonly MergeSource[], options: MergeOptions, layout: SummaryLayoutOptions): MergeRun {
  const summary = mergeReports(sources, options);
  return { sources, summary, layout: buildSummaryWorkbook(summary, layout) };
}

/** The JSON the CLI prints for a merge (documented in README). */
export function mergeJson(run: MergeRun): unknown {
  const { summary } = run;
  return {
    files: summary.files.map((f, k) => ({
      file: f.file,
      unit: f.unit,
      date: f.date,
      status: f.status,
      reason: f.reason,
      sha256: f.sha256,
      on_list: f.onList,
      issues: f.issues.map(issueJson),
      // The unit's own "Mục tiêu" sheet: targets that differ from Đề án 241's, and what falls short of them.
      own_targets: (run.sources[k]?.ownTargets ?? []).map((t) => ({ id: t.id, target: t.target, label: targetLabel(t.target) })),
      unmet: f.status === "merged" ? (summary.perUnit.find((u) => u.file === f.file)?.unmet ?? []) : [],
    })),
    units: { expected: summary.expected, received: summary.received, missing: summary.missing, unlisted: summary.unlisted, rate: summary.rate },
    indicators: summary.indicators.map((i) => ({
      id: i.id,
      total: i.total,
      achieved: i.achieved,
      ratio: i.ratio,
      met: i.met,
      reported_by: i.reportedBy,
      target: i.target,
    })),
    documents: summary.documents.map((d) => ({ unit: d.units.join("; "), units: d.units, code: d.code, date: d.date, summary: d.summary, issuer: d.issuer })),
    rejected_values: summary.rejectedValues,
    targets: {
      source: summary.targetsSource ?? "de-an-241",
      note: targetsNote(summary.targetsSource),
      changed: summary.indicators.flatMap((i) => {
        const official = indicatorById(i.id)!.target;
        return sameTarget(i.target, official) ? [] : [{ id: i.id, target: i.target, label: targetLabel(i.target), official: targetLabel(official) }];
      }),
    },
  };
}

export function issueJson(i: { severity: string; rule: string; sheet: string | null; cell: string | null; indicator?: string; message: string }): unknown {
  return { severity: i.severity, rule: i.rule, sheet: i.sheet, cell: i.cell, indicator: i.indicator ?? null, message: i.message };
}

