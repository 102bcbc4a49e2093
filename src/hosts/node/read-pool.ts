/**
 * Reading emailed files for the CLI under a time limit per file: the app's
 * one loop (src/app/read-files.ts) with a reader port that reads each file
 * in a worker thread; a file that runs past the limit is stopped by ending
 * the worker (a new one takes the next file) and becomes a rejected source
 * with rule "timeout". The other limits (size, inflated bytes, cells) are
 * enforced inside the reader itself.
 */
import { existsSync } from "node:fs";
import { join } from "node:path";
import { Worker } from "node:worker_threads";
import { Cancelled } from "../../app/cancel";
import { readFiles, type FileReaderPort } from "../../app/read-files";
import type { InputFile } from "../../app/sources";
import type { MergeSource } from "../../domain/merge";

export { FILE_TIME_LIMIT_MS } from "../../app/limits";

type Reply = { ok: true; source: MergeSource } | { ok: false; message: string };

/** The worker script: the bundled one next to the built CLI, else the sources through tsx. */
function workerPath(): string {
  const bundled = join(__dirname, "read-worker.cjs");
  return existsSync(bundled) ? bundled : join(__dirname, "..", "..", "..", "bin", "read-worker.cjs");
}

/** Reads each file in a worker thread, ended past the time limit (or when the signal aborts). */
export function workerThreadReader(): FileReaderPort {
  let worker: Worker | null = null;
  return {
    async read(file, { limitMs, signal }) {
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
        w.postMessage(file);
      });
      if (typeof reply === "string" || reply instanceof Error) {
        await w.terminate();
        worker = null;
      }
      if (reply === "cancelled") throw new Cancelled();
      if (reply === "timeout") return { failed: "timeout" };
      if (reply instanceof Error || !reply.ok) return { failed: "crashed", detail: reply.message };
      return reply.source;
    },
    async close() {
      await worker?.terminate();
      worker = null;
    },
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
