/**
 * The use cases the task pane offers, as interfaces. The same components run
 * inside Excel and as a standalone page: file use cases work everywhere (heavy
 * parsers load lazily, parsing runs in a Web Worker where there is one);
 * workbook use cases exist only inside Excel and are backed by Office.js
 * (src/hosts/excel/). Tests pass fakes.
 */
import type { TargetsUsed } from "../domain/check";
import type { WorkbookGrid } from "../domain/model/grid";
import type { UnitLevel } from "../domain/model/identity";
import type { CellStyle, WorkbookLayout } from "../domain/model/layout";
import type { MergeOptions, MergeSource, Summary } from "../domain/merge";
import type { SummaryLayoutOptions } from "../domain/sheets/summary";
import type { InsertConflict } from "../domain/sheets/plan-insert";
import type { DraftOptions } from "../domain/report-draft";
import type { UnitReport } from "../domain/model/report";
import type { Unit } from "../domain/units";
import type { IndicatorResultRow } from "../domain/rules/evaluate";
import type { FeedbackFinding, FeedbackOutput } from "./feedback";
import type { MergeRun } from "./summarise";
import type { InputFile } from "./sources";

export type { DraftOptions, InputFile, MergeRun, TargetsUsed };

export interface Progress {
  readonly done: number;
  readonly total: number;
  /** What is being worked on (a file or unit name). */
  readonly item: string;
}

export interface TemplateRequest {
  readonly superior?: string;
  readonly unitName: string;
  readonly unitCode?: string;
  readonly place?: string;
  readonly level?: UnitLevel;
}

export interface CheckResult {
  readonly report: UnitReport;
  readonly results: readonly IndicatorResultRow[];
  /** The targets the results were judged against (the workbook's "Mục tiêu" sheet over Đề án 241's). */
  readonly targets: TargetsUsed;
}

export interface FileUseCases {
  /** The two official sheets (and identity) for one unit, as a layout every renderer takes. */
  unitLayout(request: TemplateRequest): Promise<WorkbookLayout>;
  /** One .xlsx template. */
  unitTemplate(request: TemplateRequest): Promise<Uint8Array>;
  /** One .xlsx per unit in a .zip, file names from unit names without diacritics. */
  unitTemplatesZip(
    units: readonly Unit[],
    options: { superior?: string },
    onProgress?: (p: Progress) => void,
    signal?: AbortSignal,
  ): Promise<Uint8Array>;
  /** Reads one workbook file by meaning and checks it. A file that cannot be read rejects with its Vietnamese reason. */
  checkFile(file: InputFile): Promise<CheckResult>;
  /** Checks grids already read (the open workbook). */
  checkGrid(grid: WorkbookGrid, name: string): Promise<CheckResult>;
  /** Reads files for a merge, one by one (off the UI thread where possible); unreadable files become sources with an error. */
  readFiles(
    files: readonly InputFile[],
    onProgress?: (p: Progress) => void,
    signal?: AbortSignal,
    /** Attachments and archive entries that are not spreadsheets: "thư.eml › ảnh.jpg", and a sentence that names it and says why, read alone in a notice (Vietnamese). */
    onSkipped?: (skipped: readonly { readonly path: string; readonly reason: string }[]) => void,
  ): Promise<MergeSource[]>;
  /**
   * Starts ahead what a merge will need (where files are read in workers: the workers, their code
   * loaded), so that reading begins as soon as files are chosen. Hosts that read in this thread have none.
   */
  prepareMerge?(): void;
  /**
   * The spreadsheets inside an email message or an archive given (`container`, as it was chosen), those
   * at `paths` inside it (a merge source's `origin.path`): opened again as a merge opens it (off the UI
   * thread where possible), by their path. A path the container no longer gives is absent.
   */
  entriesOf(container: InputFile, paths: readonly string[]): Promise<ReadonlyMap<string, InputFile>>;
  /**
   * The feedback file of one unit's file (app/feedback.ts: its own workbook with the problems marked),
   * off the UI thread where possible, under the time limit for one file. `moved`: the caller no longer
   * needs `file`'s bytes (they may be handed over, not copied). Rejects with Cancelled on `signal`
   * (the file being made is dropped) and with FileReadError for a file that cannot be read.
   */
  feedbackFile(file: InputFile, finding: FeedbackFinding, options?: { readonly signal?: AbortSignal; readonly moved?: boolean }): Promise<FeedbackOutput>;
  /** One .zip of feedback files (names made unique), dated; the outputs' bytes are handed over (not to be used after). */
  feedbackZip(outputs: readonly FeedbackOutput[]): Promise<{ readonly name: string; readonly bytes: Uint8Array }>;
  /** Merges read sources (cheap: re-run when the user assigns a unit or reverses a superseded choice). */
  summarise(sources: readonly MergeSource[], options: MergeOptions, layout: SummaryLayoutOptions): Promise<MergeRun>;
  writeXlsx(layout: WorkbookLayout): Promise<Uint8Array>;
  /** The draft of the district's report (.docx) following the letter's outline, with the summary's figures. */
  reportDraft(summary: Summary, options: DraftOptions): Promise<Uint8Array>;
  /**
   * The targets a workbook file sets on its "Mục tiêu" sheet over Đề án 241's
   * (source "de-an-241" with sheet null when it has none). A file that cannot
   * be read rejects with its Vietnamese reason.
   */
  readTargetsFile(file: InputFile): Promise<TargetsUsed>;
  /** The targets of grids already read (the open workbook). */
  targetsOfGrid(grid: WorkbookGrid): Promise<TargetsUsed>;
  /** The bundled sample unit workbooks ("Dùng thử với dữ liệu mẫu"). */
  sampleFiles(): Promise<InputFile[]>;
}

export interface CellRef {
  readonly sheet: string;
  /** A1 address. */
  readonly cell: string;
}

export interface WorkbookUseCases {
  /** Names of the sheets in the open workbook. */
  sheetNames(): Promise<string[]>;
  /**
   * Inserts the layout's sheets. Throws LayoutConflictError (src/hosts/excel/render-layout.ts)
   * when sheets of the same names exist and `renameExisting` is not set.
   */
  insertLayout(layout: WorkbookLayout, options: { renameExisting: boolean }): Promise<{ skipped: string[] }>;
  /** The open workbook's used ranges as grids (bounded number of syncs). */
  /** Only the sheets named (compared without case or diacritics) when `only` is given. */
  readWorkbook(only?: readonly string[]): Promise<WorkbookGrid>;
  /** The "Đơn vị" sheet's units, or null when there is none. */
  readUnits(): Promise<Unit[] | null>;
  selectCell(ref: CellRef): Promise<void>;
  /** Fills the cells; remembers each cell's own fill so clearHighlight restores it. */
  highlight(refs: readonly CellRef[], style?: Pick<CellStyle, "fill">): Promise<void>;
  clearHighlight(): Promise<void>;
  /** Calls back (debounced by the caller) when any worksheet changes; returns an unsubscribe. Null when unsupported. */
  onChanged(callback: () => void): Promise<(() => Promise<void>) | null>;
  /**
   * Writes a summary: replaces only sheets an earlier merge wrote (recognised by
   * the identity), keeps the previous summary as a dated copy, never touches other sheets.
   */
  /**
   * Writes the summary's sheets: an earlier summary's are kept as dated copies (`copies`), a sheet of
   * the user's own with a summary sheet's name is kept under a dated name (`renamed`).
   */
  writeSummary(layout: WorkbookLayout): Promise<{ replaced: string[]; copies: string[]; skipped: string[]; renamed: readonly InsertConflict[] }>;
}
