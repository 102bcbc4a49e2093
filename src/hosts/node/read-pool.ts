/**
 * Reading emailed files for the CLI under a time limit per file: the app's
 * one loop (src/app/read-files.ts) with a reader port that reads the files
 * in batches on a few worker threads at once (by the machine's cores; the
 * loop keeps the sources and the progress in the files' order); a file that
 * runs past the limit is stopped by ending its worker (a new one takes the
 * next file) and becomes a rejected source with rule "timeout". The same worker checks files for validate. The other limits (size, inflated bytes, cells) are
 * enforced inside the reader itself.
 */
import { existsSync } from "node:fs";
import { availableParallelism } from "node:os";
import { join } from "node:path";
import { Worker } from "node:worker_threads";
import { Cancelled } from "../../app/cancel";
import type { FileCheck, FileCheckPort } from "../../app/check";
import { readFiles, type FileReaderPort, type ReadFailure } from "../../app/read-files";
import { refusedContainer, type PortableExpansion } from "../../app/containers";
import type { InputFile } from "../../app/sources";
import { messageFor } from "../../domain/rules/messages";
import type { MergeSource } from "../../domain/merge";

import { FILE_TIME_LIMIT_MS } from "../../app/limits";

export { FILE_TIME_LIMIT_MS };

type Done = { ok: true; source?: MergeSource; check?: FileCheck; expanded?: PortableExpansion };
type Reply = Done | { ok: false; message: string };
/** The worker's answer for the k-th file of a batch. */
export type BatchReply = { readonly k: number } & ({ ok: true; source: MergeSource } | { ok: false; message: string });

/** What the worker is asked: a file to read for a merge (the file itself), several (a batch), one to check, or a message or archive to open. */
export type WorkerTask =
  | InputFile
  | { readonly task: "check"; readonly file: InputFile; readonly display: string }
  | { readonly task: "batch"; readonly files: readonly InputFile[] }
  /** An email message or archive opened into the spreadsheets inside. */
  | { readonly task: "expand"; readonly file: InputFile };

/** Files a worker is given at once: fewer round trips, and a stop costs at most this many files read again. */
export const WORKER_BATCH = 32;

/** The worker script: the bundled one next to the built CLI, else the sources through tsx. */
function workerPath(): string {
  const bundled = join(__dirname, "read-worker.cjs");
  return existsSync(bundled) ? bundled : join(__dirname, "..", "..", "..", "bin", "read-worker.cjs");
}

/** What a batch needs of a worker slot (tests give their own). */
export interface BatchSlot {
  worker(): Pick<Worker, "on" | "off" | "postMessage">;
  end(): Promise<void>;
  run(task: InputFile, limitMs: number, signal: AbortSignal | undefined): Promise<Done | ReadFailure>;
}

/** A worker thread started ahead (startReadWorker), while the main thread still lists and opens the files. */
let started: { worker: Worker; exited: boolean; ignore: () => void } | undefined;

/**
 * Starts the first read worker now (its script loads while the files are listed and opened); the
 * next worker slot takes it. It holds the process open only once it is taken, so a command that
 * stops early still ends.
 */
export function startReadWorker(): Worker {
  if (started && !started.exited) return started.worker;
  // Not yet anyone's: a worker that fails to start is dropped and a new one made when needed.
  const ahead = { worker: new Worker(workerPath()), exited: false, ignore: () => undefined };
  ahead.worker.unref();
  ahead.worker.on("error", ahead.ignore).once("exit", () => (ahead.exited = true));
  started = ahead;
  return ahead.worker;
}

/** Whether a worker started ahead waits to be taken. */
export function readWorkerWaiting(): boolean {
  return started !== undefined && !started.exited;
}

/** A new worker, or the one started ahead. */
function newWorker(): Worker {
  const ahead = started;
  started = undefined;
  if (ahead && !ahead.exited) {
    ahead.worker.off("error", ahead.ignore).ref();
    return ahead.worker;
  }
  return new Worker(workerPath());
}

/** One worker thread, asked one task at a time; ended past the time limit (or when the signal aborts) and made again for the next. */
function workerSlot() {
  let worker: Worker | null = null;
  return {
    /** The slot's worker, made when there is none. */
    worker(): Worker {
      return (worker ??= newWorker());
    },
    /** Ends the worker (a new one is made for the next task). */
    async end(): Promise<void> {
      const w = worker;
      worker = null;
      await w?.terminate();
    },
    async run(task: WorkerTask, limitMs: number, signal: AbortSignal | undefined): Promise<Done | ReadFailure> {
      if (signal?.aborted) throw new Cancelled();
      const w: Worker = (worker ??= newWorker());
      let timer: ReturnType<typeof setTimeout> | undefined;
      const reply = await new Promise<Reply | "timeout" | "cancelled" | Error>((resolve) => {
        const onMessage = (m: Reply) => done(m);
        const onError = (e: Error) => done(e);
        const onExit = (code: number) => done(new Error(`luồng đọc tệp dừng bất thường (mã ${code})`));
        const onAbort = () => done("cancelled");
        const done = (r: Reply | "timeout" | "cancelled" | Error) => {
          clearTimeout(timer);
          signal?.removeEventListener("abort", onAbort);
          w.off("message", onMessage).off("error", onError).off("exit", onExit);
          resolve(r);
        };
        timer = setTimeout(() => done("timeout"), limitMs);
        signal?.addEventListener("abort", onAbort, { once: true });
        w.on("message", onMessage).on("error", onError).on("exit", onExit);
        w.postMessage(task);
      });
      if (typeof reply === "string" || reply instanceof Error) {
        await w.terminate();
        worker = null;
      }
      if (reply === "cancelled") throw new Cancelled();
      if (reply === "timeout") return { failed: "timeout" };
      if (reply instanceof Error || !reply.ok) return { failed: "crashed", detail: reply.message };
      return reply;
    },
    async close() {
      await worker?.terminate();
      worker = null;
    },
  };
}

/**
 * Reads a batch in the slot's worker: the files sent to it in one message, each file's source sent
 * back as it is read, each file under the time limit (the clock starts again at each answer). A file
 * past its limit, or a worker that fails, ends the worker: that file is answered so, and the files
 * after it are read again one at a time (each under its own limit), so only the slow file is rejected.
 */
export async function runBatch(
  slot: BatchSlot,
  files: readonly InputFile[],
  options: { readonly limitMs: number; readonly signal?: AbortSignal | undefined; readonly onRead: (k: number) => void },
): Promise<(MergeSource | ReadFailure)[]> {
  const { limitMs, signal, onRead } = options;
  if (signal?.aborted) throw new Cancelled();
  const w = slot.worker();
  const results: (MergeSource | ReadFailure)[] = [];
  let timer: ReturnType<typeof setTimeout> | undefined;
  const stop = await new Promise<"done" | "timeout" | "cancelled" | Error>((resolve) => {
    const arm = () => {
      clearTimeout(timer);
      timer = setTimeout(() => done("timeout"), limitMs);
    };
    const onMessage = (m: BatchReply) => {
      results[m.k] = m.ok ? m.source : { failed: "crashed", detail: m.message };
      onRead(m.k);
      if (results.length === files.length) done("done");
      else arm();
    };
    const onError = (e: Error) => done(e);
    const onExit = (code: number) => done(new Error(`luồng đọc tệp dừng bất thường (mã ${code})`));
    const onAbort = () => done("cancelled");
    const done = (r: "done" | "timeout" | "cancelled" | Error) => {
      clearTimeout(timer);
      signal?.removeEventListener("abort", onAbort);
      w.off("message", onMessage).off("error", onError).off("exit", onExit);
      resolve(r);
    };
    arm();
    signal?.addEventListener("abort", onAbort, { once: true });
    w.on("message", onMessage).on("error", onError).on("exit", onExit);
    // The bytes are copied, not moved: a file after a stop is read again from them.
    w.postMessage({ task: "batch", files } satisfies WorkerTask);
  });
  if (stop === "done") return results;
  await slot.end();
  if (stop === "cancelled") throw new Cancelled();
  // The file being read when it stopped, then the rest one at a time.
  const at = results.length;
  results.push(stop === "timeout" ? { failed: "timeout" } : { failed: "crashed", detail: stop.message });
  onRead(at);
  for (let k = at + 1; k < files.length; k++) {
    const reply = await slot.run(files[k]!, limitMs, signal);
    results.push("failed" in reply ? reply : reply.source!);
    onRead(k);
  }
  return results;
}

/** Worker threads a merge reads with at most (each costs its start-up and its memory; more gain little). */
export const READ_WORKERS_MAX = 4;

/**
 * How many worker threads (at most) read a merge's files on a machine with `cores`, at least one; the
 * app's loop gives a second one work only for enough files (LANE_MIN_FILES in src/app/read-files.ts).
 */
export function readWorkerCount(cores: number = availableParallelism()): number {
  return Math.max(1, Math.min(Math.floor(cores), READ_WORKERS_MAX));
}

/** Slots lent one task at a time: an idle one, or the first given back; the first slots first (a small job starts fewer workers). */
function slotPool<S>(slots: readonly S[]) {
  const idle = [...slots];
  const waiting: ((slot: S) => void)[] = [];
  return async <T>(task: (slot: S) => Promise<T>): Promise<T> => {
    const slot = idle.shift() ?? (await new Promise<S>((resolve) => waiting.push(resolve)));
    try {
      return await task(slot);
    } finally {
      const next = waiting.shift();
      if (next) next(slot);
      else idle.unshift(slot);
    }
  };
}

/**
 * Reads files in worker threads (`workers`, default readWorkerCount()), a batch at a time on each
 * (WORKER_BATCH files sent to one in one message), each file ended past the time limit (or all when
 * the signal aborts). The app's loop keeps as many batches in flight as there are workers, and puts
 * the sources and the progress in the files' order.
 */
export function workerThreadReader(options: { readonly batchSize?: number; readonly workers?: number } = {}): FileReaderPort {
  const slots = Array.from({ length: Math.max(1, options.workers ?? readWorkerCount()) }, () => workerSlot());
  const using = slotPool(slots);
  return {
    read: (file, { limitMs, signal }) =>
      using(async (slot) => {
        const reply = await slot.run(file, limitMs, signal);
        return "failed" in reply ? reply : reply.source!;
      }),
    readBatch: (files, opts) => using((slot) => runBatch(slot, files, opts)),
    batchSize: options.batchSize ?? WORKER_BATCH,
    concurrency: slots.length,
    close: async () => {
      await Promise.all(slots.map((slot) => slot.close()));
    },
  };
}

/** Checks each file (validate) in a worker thread, ended past the time limit (or when the signal aborts). */
export function workerThreadChecker(): FileCheckPort {
  const slot = workerSlot();
  return {
    async check(file, display, { limitMs, signal }) {
      const reply = await slot.run({ task: "check", file, display }, limitMs, signal);
      return "failed" in reply ? reply : reply.check!;
    },
    close: () => slot.close(),
  };
}

/**
 * Opens email messages and archives in a worker thread, one at a time, each stopped past the time
 * limit (a message or archive that hangs its reader) and then refused as a whole.
 */
export function workerThreadExpander(limitMs: number = FILE_TIME_LIMIT_MS): { open(file: InputFile): Promise<PortableExpansion>; close(): Promise<void> } {
  const slot = workerSlot();
  return {
    async open(file) {
      const reply = await slot.run({ task: "expand", file }, limitMs, undefined);
      if (!("failed" in reply)) return reply.expanded!;
      const message =
        reply.failed === "timeout"
          ? messageFor("timeout", { file: file.name, seconds: Math.round(limitMs / 1000) })
          : messageFor("container-unreadable", { file: file.name, detail: reply.detail });
      return refusedContainer(file, reply.failed === "timeout" ? "timeout" : "container-unreadable", message);
    },
    close: () => slot.close(),
  };
}

/** The files read in worker threads; `onProgress(done, total, file)` after each file. */
export async function readSourcesWithTimeLimit(
  files: readonly InputFile[],
  options: { limitMs?: number; onProgress?: (done: number, total: number, file: string) => void; signal?: AbortSignal } = {},
): Promise<MergeSource[]> {
  return readFiles(workerThreadReader(), files, {
    limitMs: options.limitMs,
    signal: options.signal,
    ...(options.onProgress ? { onRead: (p: { done: number; total: number; item: string }) => options.onProgress!(p.done, p.total, p.item) } : {}),
  });
}
