/**
 * Read sources in, summary and summary workbook out: the merge itself, for
 * every surface (cheap: the pane re-runs it when the user assigns a unit).
 * Only pure modules: the file readers stay out of whatever imports this.
 */
import { mergeReports, type MergeOptions, type MergeSource, type Summary } from "../domain/merge";
import { buildSummaryWorkbook, type SummaryLayoutOptions } from "../domain/sheets/summary";
import type { WorkbookLayout } from "../domain/model/layout";

export interface MergeRun {
  readonly sources: readonly MergeSource[];
  readonly summary: Summary;
  readonly layout: WorkbookLayout;
}

export function summarise(sources: readonly MergeSource[], options: MergeOptions, layout: SummaryLayoutOptions): MergeRun {
  // The body making the summary: its own earlier summary among the files is not summed again.
  const summary = mergeReports(sources, { self: { name: layout.unitName, level: layout.level }, ...options });
  return { sources, summary, layout: buildSummaryWorkbook(summary, layout) };
}
