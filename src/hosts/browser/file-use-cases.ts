/**
 * The task pane's and the standalone page's FileUseCases: the app's use
 * cases (src/app/files.ts) given this host's ports — reading in a Web Worker
 * where the page has one (a batch of files per request, each hashed and read
 * there under the time limit; a stop on abort ends the worker), and the merge
 * with its summary workbook written in another (the page only shows the
 * summary and saves the bytes), else on the main thread (jsdom, Node); the
 * sample files fetched from the page's address.
 */
import { fileUseCases, inProcessWork, type FileWork } from "../../app/files";
import type { ReadFailure } from "../../app/read-files";
import type { InputFile } from "../../app/sources";
import type { MergeSource } from "../../domain/merge";
import { fetchSampleFiles } from "../../app/sample";
import type { FileUseCases } from "../../app/usecases";
import { workerSummariser, workerWork, type WorkerSummariser } from "./worker-client";

export { FILE_TIME_LIMIT_MS } from "../../app/limits";

export interface FileUseCaseOptions {
  /**
   * Makes the read worker; null to read on the main thread. Default: the
   * bundled worker where `Worker` exists, else null.
   */
  readonly makeWorker?: (() => Promise<Worker>) | null;
  /** Where the sample files are served from (default: the page's address). */
  readonly sampleBase?: string;
  /** Time limit for reading one file in the worker (default FILE_TIME_LIMIT_MS). */
  readonly fileTimeLimitMs?: number;
}

/** Each source read for a merge is handed to the merge's worker as it comes, while the other files are read. */
function handingOver(work: FileWork, merging: WorkerSummariser): FileWork {
  const keep = (outcomes: readonly (MergeSource | ReadFailure)[]): void =>
    merging.keep(outcomes.filter((o): o is MergeSource => !("failed" in o)));
  return {
    ...work,
    mergeReader() {
      const reader = work.mergeReader();
      const readBatch = reader.readBatch?.bind(reader);
      return {
        ...reader,
        read: async (file, limits) => {
          const outcome = await reader.read(file, limits);
          keep([outcome]);
          return outcome;
        },
        ...(readBatch
          ? {
              readBatch: async (batch: readonly InputFile[], limits: Parameters<typeof readBatch>[1]) => {
                const outcomes = await readBatch(batch, limits);
                keep(outcomes);
                return outcomes;
              },
            }
          : {}),
      };
    },
  };
}

function defaultMakeWorker(): (() => Promise<Worker>) | null {
  if (typeof Worker === "undefined") return null;
  return async () => (await import("./spawn")).spawnReadWorker();
}

export function createFileUseCases(options: FileUseCaseOptions = {}): FileUseCases {
  const make = options.makeWorker === undefined ? defaultMakeWorker() : options.makeWorker;
  const merging = make ? workerSummariser(make) : null;
  const reading = make ? workerWork(make) : null;
  const files = fileUseCases({
    work: reading && merging ? handingOver(reading, merging) : inProcessWork(),
    sampleFiles: () => fetchSampleFiles(options.sampleBase),
    ...(options.fileTimeLimitMs !== undefined ? { fileTimeLimitMs: options.fileTimeLimitMs } : {}),
  });
  if (!merging || !reading) return files;
  return {
    ...files,
    prepareMerge: () => {
      reading.prepareMerge();
      merging.prepare();
    },
    summarise: (sources, mergeOptions, layout) => merging.summarise(sources, mergeOptions, layout),
    // A merge's summary workbook is written after it, in the worker (here, if the worker could not).
    writeXlsx: async (layout) => {
      const written = merging.written(layout);
      return written ? written.catch(() => files.writeXlsx(layout)) : files.writeXlsx(layout);
    },
  };
}
