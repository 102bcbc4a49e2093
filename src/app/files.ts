/**
 * FileUseCases for the task pane and the standalone page, from ports: where
 * files are read and checked (`FileWork`: in this thread by default; the
 * page's Web Worker in src/hosts/browser/file-use-cases.ts), the clock, and
 * where the sample files come from. Every heavy module (the readers, the
 * .xlsx and .docx writers) is loaded with import() so it lands in a lazy chunk.
 */
import type { TargetsUsed } from "../domain/check";
import type { WorkbookGrid } from "../domain/model/grid";
import type { WorkbookLayout } from "../domain/model/layout";
import type { MergeOptions, MergeSource, Summary } from "../domain/merge";
import { PATH_JOIN } from "../domain/merge/types";
import type { SummaryLayoutOptions } from "../domain/sheets/summary";
import type { Unit } from "../domain/units";
import { isCancelled, throwIfCancelled } from "./cancel";
import { systemClock, today, type Clock } from "./clock";
import { FileReadError } from "./errors";
import type { PortableExpansion } from "./containers";
import type { FeedbackFinding, FeedbackOutput } from "./feedback";
import { FILE_TIME_LIMIT_MS } from "./limits";
import type { FileReaderPort } from "./read-files";
import type { CheckResult, DraftOptions, FileUseCases, InputFile, MergeRun, Progress, TemplateRequest } from "./usecases";

export { FileReadError };
export { Cancelled } from "./cancel";

/** Where files are read, checked and searched for targets. */
export interface FileWork {
  /** Reads one workbook file by meaning and checks it; rejects with FileReadError. */
  checkFile(file: InputFile): Promise<CheckResult>;
  /** The targets a file sets; rejects with FileReadError. */
  readTargetsFile(file: InputFile): Promise<TargetsUsed>;
  /** A reader for the files of one merge (closed when the merge's reading ends). */
  mergeReader(): FileReaderPort;
  /**
   * Opens an email message or archive (default: in this thread); "timeout" when stopped past `limitMs`;
   * "unavailable" when the place it is opened in cannot be started or fails before answering (it is then opened in this thread).
   */
  expandContainer?(file: InputFile, limitMs: number): Promise<PortableExpansion | Unavailable | "timeout">;
  /**
   * Makes a unit's feedback file with app/feedback.ts (default: in this thread); "timeout" when stopped past `limitMs`;
   * "unavailable" when the place it is made in cannot be started or fails (the file is then made in this thread, the file's bytes still whole).
   */
  feedbackFile?(
    file: InputFile,
    finding: FeedbackFinding,
    limitMs: number,
    options: { readonly signal?: AbortSignal; readonly moved?: boolean },
  ): Promise<FeedbackOutput | Unavailable | "timeout">;
  /** The .zip of feedback files with app/feedback.ts (default: in this thread); "unavailable" as for feedbackFile. */
  feedbackZip?(outputs: readonly FeedbackOutput[]): Promise<Uint8Array | Unavailable>;
}

/** A FileWork's answer when the place it works in (a worker) cannot be started or failed: the work is done in this thread instead. */
export type Unavailable = "unavailable";

/** The error of a file (or a message or archive) stopped past the time limit for one file. */
async function timedOut(name: string, limitMs: number): Promise<FileReadError> {
  const { timeoutMessage } = await import("../domain/rules/messages");
  return new FileReadError(name, "timeout", timeoutMessage(name, limitMs));
}

export interface FilePorts {
  /** Default: in this thread (inProcessWork). */
  readonly work?: FileWork;
  readonly clock?: Clock;
  /** The bundled sample files (default: fetched from the page's address). */
  readonly sampleFiles?: () => Promise<InputFile[]>;
  /** Time limit for reading one file (default FILE_TIME_LIMIT_MS). */
  readonly fileTimeLimitMs?: number;
}

/** Reading and checking in this thread (no Worker: jsdom, Node; and inside the worker itself). */
export function inProcessWork(): FileWork {
  return {
    async checkFile(file) {
      return (await import("./check")).checkFile(file);
    },
    async readTargetsFile(file) {
      return (await import("./read-targets")).readTargets(file);
    },
    mergeReader() {
      let loaded: Promise<FileReaderPort> | undefined;
      return {
        async read(file, options) {
          loaded ??= import("./read-files").then((m) => m.inProcessReader());
          return (await loaded).read(file, options);
        },
      };
    },
  };
}

export function fileUseCases(ports: FilePorts = {}): FileUseCases {
  const work = ports.work ?? inProcessWork();
  const clock = ports.clock ?? systemClock;

  const unitLayout = async (request: TemplateRequest): Promise<WorkbookLayout> => (await import("./templates")).unitLayout(request, clock);
  const writeXlsx = async (layout: WorkbookLayout): Promise<Uint8Array> => (await import("../io/write")).writeWorkbookXlsx(layout);

  return {
    unitLayout,
    writeXlsx,

    async unitTemplate(request) {
      return writeXlsx(await unitLayout(request));
    },

    async unitTemplatesZip(units: readonly Unit[], opts, onProgress?: (p: Progress) => void, signal?: AbortSignal) {
      return (await import("./templates")).unitTemplatesZip(units, {
        ...(opts.superior ? { superior: opts.superior } : {}),
        clock,
        ...(onProgress ? { onProgress } : {}),
        ...(signal ? { signal } : {}),
      });
    },

    checkFile: (file: InputFile): Promise<CheckResult> => work.checkFile(file),

    readTargetsFile: (file: InputFile): Promise<TargetsUsed> => work.readTargetsFile(file),

    async targetsOfGrid(grid: WorkbookGrid): Promise<TargetsUsed> {
      return (await import("../domain/check")).targetsOfWorkbook(grid);
    },

    async checkGrid(grid: WorkbookGrid, name: string): Promise<CheckResult> {
      return (await import("./check")).checkGrid(grid, name);
    },

    async readFiles(files, onProgress, signal, onSkipped): Promise<MergeSource[]> {
      // One request per file, each under a time limit where the reader can stop one (a worker).
      const { readFiles } = await import("./read-files");
      // Email messages and archives: opened into the spreadsheets inside (their readers load only then).
      const { expandContainers, hasContainers, refusedContainer, skippedNotice, withOrigins } = await import("./containers");
      const { messageFor, timeoutMessage } = await import("../domain/rules/messages");
      if (!hasContainers(files)) return readFiles(work.mergeReader(), files, { onProgress, signal, limitMs: ports.fileTimeLimitMs });
      const limitMs = ports.fileTimeLimitMs ?? FILE_TIME_LIMIT_MS;
      const inWorker = work.expandContainer?.bind(work);
      const expanded = await expandContainers(
        files,
        {},
        undefined,
        inWorker
          ? async (file) => {
              const name = file.name;
              let answer: Awaited<ReturnType<typeof inWorker>>;
              try {
                answer = await inWorker(file, limitMs);
              } catch (error) {
                // A message or archive that breaks the worker opening it: refused with the reason, as a file
                // that breaks its reader is (never opened again on the page); the other files are still read.
                if (isCancelled(error)) throw error;
                return refusedContainer(file, "corrupt", messageFor("corrupt", { file: name, detail: error instanceof Error ? error.message : String(error) }));
              }
              // A message or archive that hangs its reader: stopped, and refused as a whole.
              if (answer === "timeout") return refusedContainer({ name, bytes: new Uint8Array(0) }, "timeout", timeoutMessage(name, limitMs));
              // No worker could be made: opened here.
              return answer === "unavailable" ? (await import("./containers")).expandOne(file) : answer;
            }
          : undefined,
      );
      if (expanded.skipped.length > 0) onSkipped?.(expanded.skipped.map((s) => ({ path: `${s.container}${PATH_JOIN}${s.path}`, reason: skippedNotice(s) })));
      return readFiles(withOrigins(work.mergeReader(), expanded), expanded.files, { onProgress, signal, limitMs: ports.fileTimeLimitMs });
    },

    async entriesOf(container, paths) {
      const limitMs = ports.fileTimeLimitMs ?? FILE_TIME_LIMIT_MS;
      // A copy goes to be opened: the bytes given stay the caller's (kept to open again).
      const copy = { ...container, bytes: container.bytes.slice() };
      // A message or archive a merge opened once already: when the worker opening it again cannot be
      // made or fails (its script blocked or broken), it is opened here.
      const answer = work.expandContainer
        ? await work.expandContainer(copy, limitMs).catch((error: unknown): Unavailable => {
            if (isCancelled(error)) throw error;
            return "unavailable";
          })
        : "unavailable";
      if (answer === "timeout") throw await timedOut(container.name, limitMs);
      const expansion = answer === "unavailable" ? await (await import("./containers")).expandOne(copy) : answer;
      const wanted = new Set(paths);
      const out = new Map<string, InputFile>();
      for (const entry of expansion.entries) {
        const path = entry.origin?.path;
        if (path !== undefined && entry.refused === undefined && wanted.has(path) && !out.has(path)) out.set(path, entry.file);
      }
      return out;
    },

    async feedbackFile(file, finding, options = {}) {
      throwIfCancelled(options.signal);
      const limitMs = ports.fileTimeLimitMs ?? FILE_TIME_LIMIT_MS;
      const output = work.feedbackFile ? await work.feedbackFile(file, finding, limitMs, options) : "unavailable";
      if (output === "timeout") throw await timedOut(file.name, limitMs);
      if (output !== "unavailable") return output;
      // Made here, between two turns of the page (no worker, or one that cannot be started or failed).
      throwIfCancelled(options.signal);
      return (await import("./feedback")).feedbackFile(file, finding, clock);
    },

    async feedbackZip(outputs) {
      const { feedbackZipFileName } = await import("../domain/feedback");
      const answer = work.feedbackZip ? await work.feedbackZip(outputs) : "unavailable";
      const bytes = answer === "unavailable" ? (await import("./feedback")).feedbackZip(outputs) : answer;
      return { name: feedbackZipFileName(today(clock)), bytes };
    },

    async summarise(sources, mergeOptions: MergeOptions, layout: SummaryLayoutOptions): Promise<MergeRun> {
      // The merge itself only: the file readers stay out of the page.
      return (await import("./summarise")).summarise(sources, mergeOptions, layout);
    },

    async reportDraft(summary: Summary, draftOptions: DraftOptions): Promise<Uint8Array> {
      // The docx writer is the heaviest library of all: it loads only when a draft is asked for.
      return (await import("./report")).writeReportDraft(summary, draftOptions);
    },

    async sampleFiles(): Promise<InputFile[]> {
      return ports.sampleFiles ? ports.sampleFiles() : (await import("./sample")).fetchSampleFiles();
    },
  };
}

/**
 * A unit list chosen by the user (standalone page): a .csv (UTF-8) or a
 * workbook whose "Đơn vị" sheet, else first visible sheet, names the units in
 * its first column or its "Tên đơn vị" column. Units of the built-in Tam
 * Đường list keep their code, header format and superior line. Rejects with a
 * Vietnamese reason naming the file when nothing usable is in it.
 */
export async function readUnitsList(file: InputFile): Promise<{ units: Unit[]; warnings: string[] }> {
  const list = (await import("./read-units")).readUnitList(file);
  return { units: list.units, warnings: list.issues.map((i) => `${i.cell}: ${i.message}`) };
}
