/**
 * The task pane's and the standalone page's FileUseCases: the app's use
 * cases (src/app/files.ts) given this host's ports — reading in a Web Worker
 * where the page has one (a batch of files per request, each hashed and read
 * there under the time limit; a stop on abort ends the worker), and the merge
 * with its summary workbook written in another (the page only shows the
 * summary and saves the bytes), else on the main thread (jsdom, Node); the
 * sample files fetched from the page's address.
 */
import { fileUseCases, inProcessWork } from "../../app/files";
import { fetchSampleFiles } from "../../app/sample";
import type { FileUseCases } from "../../app/usecases";
import { workerSummariser, workerWork } from "./worker-client";

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

function defaultMakeWorker(): (() => Promise<Worker>) | null {
  if (typeof Worker === "undefined") return null;
  return async () => (await import("./spawn")).spawnReadWorker();
}

export function createFileUseCases(options: FileUseCaseOptions = {}): FileUseCases {
  const make = options.makeWorker === undefined ? defaultMakeWorker() : options.makeWorker;
  const files = fileUseCases({
    work: make ? workerWork(make) : inProcessWork(),
    sampleFiles: () => fetchSampleFiles(options.sampleBase),
    ...(options.fileTimeLimitMs !== undefined ? { fileTimeLimitMs: options.fileTimeLimitMs } : {}),
  });
  if (!make) return files;
  const merging = workerSummariser(make);
  return {
    ...files,
    summarise: (sources, mergeOptions, layout) => merging.summarise(sources, mergeOptions, layout),
    // A merge's summary workbook was written with it, in the worker.
    writeXlsx: async (layout) => merging.written(layout) ?? files.writeXlsx(layout),
  };
}
