/**
 * Reading emailed files for the CLI under a time limit per file: the app's
 * one loop (src/app/read-files.ts) with a reader port that reads each file
 * in a worker thread; a file that runs past the limit is stopped by ending
 * the worker (a new one takes the next file) and becomes a rejected source
 * with rule "timeout". The same worker checks files for validate. The other limits (size, inflated bytes, cells) are
 * enforced inside the reader itself.
 */
import { existsSync } from "node:fs";
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

/** What the worker is asked: a file to read for a merge (the file itself), or one to check. */
export type WorkerTask =
  | InputFile
  | { readonly task: "check"; readonly file: InputFile; readonly display: string }
  /** An email message or archive opened into the spreadsheets inside. */
  | { readonly task: "expand"; readonly file: InputFile };

/** The worker script: the bundled one next to the built CLI, else the sources through tsx. */
function workerPath(): string {
  const bundled = join(__dirname, "read-worker.cjs");
  return existsSync(bundled) ? bundled : join(__dirname, "..", "..", "..", "bin", "read-worker.cjs");
}

/** One worker thread, asked one task at a time; ended past the time limit (or when the signal aborts) and made again for the next. */
function workerSlot() {
  let worker: Worker | null = null;
  return {
    async run(task: WorkerTask, limitMs: number, signal: AbortSignal | undefined): Promise<Done | ReadFailure> {
      if (signal?.aborted) throw new Cancelled();
      const w: Worker = (worker ??= new Worker(workerPath()));
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

/** Reads each file in a worker thread, ended past the time limit (or when the signal aborts). */
export function workerThreadReader(): FileReaderPort {
  const slot = workerSlot();
  return {
    async read(file, { limitMs, signal }) {
      const reply = await slot.run(file, limitMs, signal);
      return "failed" in reply ? reply : reply.source!;
    },
    close: () => slot.close(),
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
