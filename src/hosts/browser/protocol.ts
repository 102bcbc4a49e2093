/**
 * Messages between the task pane and the read worker. Everything in them is
 * structured-cloneable: plain objects, strings, numbers, Uint8Arrays.
 *
 * The merge itself runs in a worker too: the page hands it each read source
 * once ("keep", under a number of the page's choosing), then asks for the
 * merge of the sources by number ("summarise"); the worker keeps the sources
 * of the latest merge only.
 *
 * Feedback to units is made in a worker as well ("feedback"): a unit's
 * feedback file from its own file and what was found in it, or the .zip of
 * feedback files made before.
 */
import type { PortableExpansion } from "../../app/containers";
import type { FeedbackFinding, FeedbackOutput } from "../../app/feedback";
import type { InputFile } from "../../app/sources";
import type { CheckResult } from "../../app/usecases";
import type { TargetsUsed } from "../../domain/check";
import type { FileResult, MergeOptions, MergeSource, Summary } from "../../domain/merge";
import type { WorkbookLayout } from "../../domain/model/layout";
import type { SummaryLayoutOptions } from "../../domain/sheets/summary";

export type WorkerRequest =
  | { readonly id: number; readonly kind: "read"; readonly files: readonly InputFile[] }
  | { readonly id: number; readonly kind: "check"; readonly file: InputFile }
  /** The targets a file sets on its "Mục tiêu" sheet. */
  | { readonly id: number; readonly kind: "targets"; readonly file: InputFile }
  /** An email message or archive opened into the spreadsheets inside. */
  | { readonly id: number; readonly kind: "expand"; readonly file: InputFile }
  /** The feedback file of a unit's file (app/feedback.ts), answered "feedback-done" with `output`. */
  | { readonly id: number; readonly kind: "feedback"; readonly file: InputFile; readonly finding: FeedbackFinding }
  /** The .zip of these feedback files (their bytes handed over), answered "feedback-done" with `zip`. */
  | { readonly id: number; readonly kind: "feedback"; readonly outputs: readonly FeedbackOutput[] }
  /** Load the modules for reading files ("read") or for merging and writing the summary ("merge") ahead of the first request (no answer). */
  | { readonly id: number; readonly kind: "warm"; readonly what: "read" | "merge" }
  /** Sources to keep for the merges to come, each under its number (no answer). */
  | { readonly id: number; readonly kind: "keep"; readonly sources: readonly (readonly [number, MergeSource])[] }
  /**
   * The merge of the kept sources `ids` (in that order), answered at once ("summarised"), and its
   * summary workbook written as .xlsx ("summarise-done"); sources not in `ids` are let go.
   */
  | {
      readonly id: number;
      readonly kind: "summarise";
      readonly ids: readonly number[];
      readonly options: MergeOptions;
      readonly layout: SummaryLayoutOptions;
    };

export type WorkerResponse =
  | { readonly id: number; readonly kind: "progress"; readonly done: number; readonly total: number; readonly item: string }
  /** The k-th file of a "read" request, as soon as it is read. */
  | { readonly id: number; readonly kind: "read-one"; readonly k: number; readonly source: MergeSource }
  /** A "read" request done: its sources, or none when each was sent already ("read-one"). */
  | { readonly id: number; readonly kind: "read-done"; readonly sources: MergeSource[] }
  | { readonly id: number; readonly kind: "check-done"; readonly result: CheckResult }
  | { readonly id: number; readonly kind: "targets-done"; readonly targets: TargetsUsed }
  | { readonly id: number; readonly kind: "expand-done"; readonly expanded: PortableExpansion }
  /**
   * A "summarise" request's summary, then its workbook's layout, as soon as they are made, in several
   * messages so the page reads each in a turn of its own: the summary's files a slice at a time (in
   * order), the rest of the summary (its `files` empty), the layout; the workbook follows.
   */
  | { readonly id: number; readonly kind: "summarised"; readonly files: readonly FileResult[] }
  | { readonly id: number; readonly kind: "summarised"; readonly summary: Summary }
  | { readonly id: number; readonly kind: "summarised"; readonly layout: WorkbookLayout }
  /** A "summarise" request done: the summary workbook as .xlsx (its bytes transferred). */
  | { readonly id: number; readonly kind: "summarise-done"; readonly xlsx: Uint8Array }
  /** A "feedback" request done: the feedback file, or the .zip (its bytes transferred). */
  | { readonly id: number; readonly kind: "feedback-done"; readonly output: FeedbackOutput }
  | { readonly id: number; readonly kind: "feedback-done"; readonly zip: Uint8Array }
  /** The file could not be read (Vietnamese message naming it) or the worker itself failed. */
  | { readonly id: number; readonly kind: "failed"; readonly message: string; readonly code: string | null };
