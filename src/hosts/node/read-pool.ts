/**
 * Reading emailed files for the CLI under a time limit per file: files are
 * read one at a time in a worker thread; a file that runs past the limit is
 * stopped by ending the worker (a new one takes the next file) and becomes a
 * rejected source with rule "timeout". The other limits (size, inflated
 * bytes, cells) are enforced inside the reader itself.
 */
import { existsSync } from "node:fs";
import { join } from "node:path";
import { Worker } from "node:worker_threads";
import { sha256Hex, type InputFile } from "../../app/sources";
import type { MergeSource } from "../../domain/merge";
import { messageFor } from "../../domain/rules/messages";

/** How long one file may take to read. */
export const CLI_FILE_TIME_LIMIT_MS = 60_000;

type Reply = { ok: true; source: MergeSource } | { ok: false; message: string };

/** The worker script: the bundled one next to the built CLI, else the sources through tsx. */
function workerPath(): string {
  const bundled = join(__dirname, "read-worker.cjs");
  return existsSync(bundled) ? bundled : join(__dirname, "..", "..", "..", "bin", "read-worker.cjs");
}

export async function readSourcesWithTimeLimit(
  files: readonly InputFile[],
  options: { limitMs?: number; onProgress?: (done: number, total: number, file: string) => void } = {},
): Promise<MergeSource[]> {
  const limitMs = options.limitMs ?? CLI_FILE_TIME_LIMIT_MS;
  const sources: MergeSource[] = [];
  let worker: Worker | null = null;
  try {
    for (const [i, file] of files.entries()) {
      const w: Worker = (worker ??= new Worker(workerPath()));
      let timer: ReturnType<typeof setTimeout> | undefined;
      const reply = await new Promise<Reply | "timeout" | Error>((resolve) => {
        const onMessage = (m: Reply) => done(m);
        const onError = (e: Error) => done(e);
        const onExit = (code: number) => done(new Error(`luồng đọc tệp dừng bất thường (mã ${code})`));
        const done = (r: Reply | "timeout" | Error) => {
          clearTimeout(timer);
          w.off("message", onMessage).off("error", onError).off("exit", onExit);
          resolve(r);
        };
        timer = setTimeout(() => done("timeout"), limitMs);
        w.on("message", onMessage).on("error", onError).on("exit", onExit);
        w.postMessage(file);
      });
      if (reply === "timeout" || reply instanceof Error) {
        await w.terminate();
        worker = null;
      }
      // The worker hashes the files it reads; the digest is only worked out here for the files it could not answer for.
      const base = async (): Promise<{ file: string; sha256: string; fileTime?: string }> => ({
        file: file.name,
        sha256: await sha256Hex(file.bytes),
        ...(file.lastModified !== undefined ? { fileTime: file.lastModified } : {}),
      });
      if (reply === "timeout") {
        sources.push({ ...(await base()), error: { code: "timeout", message: messageFor("timeout", { file: file.name, seconds: Math.round(limitMs / 1000) }) } });
      } else if (reply instanceof Error || !reply.ok) {
        const detail = reply instanceof Error ? reply.message : reply.message;
        sources.push({ ...(await base()), error: { code: "corrupt", message: messageFor("corrupt", { file: file.name, detail }) } });
      } else {
        sources.push(reply.source);
      }
      options.onProgress?.(i + 1, files.length, file.name);
    }
    return sources;
  } finally {
    await worker?.terminate();
  }
}
