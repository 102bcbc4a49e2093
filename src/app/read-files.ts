/**
 * The one loop over the files of a merge, for every surface: one file at a
 * time, or a small batch at a time for a port that reads several in one
 * exchange (so memory stays bounded), progress before each file and once at the
 * end, a stop between files when the user cancels (`Cancelled`), and a time
 * limit per file. Where a file is read is a port: in this process
 * (`inProcessReader`), in the page's Web Worker (src/hosts/browser) or in a
 * Node worker thread (src/hosts/node); the last two stop a file that runs
 * past the limit. A file that cannot be read becomes a source with an error
 * (code and Vietnamese message naming the file), never an exception.
 */
import type { MergeSource } from "../domain/merge";
import { messageFor } from "../domain/rules/messages";
import type { ReadLimits } from "../io/read";
import { throwIfCancelled } from "./cancel";
import { FILE_TIME_LIMIT_MS } from "./limits";
import { readSource, sha256Hex, type InputFile } from "./sources";
import type { Progress } from "./usecases";

export { FILE_TIME_LIMIT_MS };

/** A file the port could not answer for: stopped past the time limit, or its reader failed. */
export type ReadFailure = { readonly failed: "timeout" } | { readonly failed: "crashed"; readonly detail: string };

/** Where the files of one merge are read. */
export interface FileReaderPort {
  /** Reads one file; rejects with Cancelled when the signal aborts. */
  read(file: InputFile, options: { readonly limitMs: number; readonly signal?: AbortSignal | undefined }): Promise<MergeSource | ReadFailure>;
  /** The port hands the bytes away (a transfer to a worker): their digest is taken before. */
  readonly transfersBytes?: boolean;
  /**
   * Reads several files in one exchange, with the same time limit for each file; `onRead(k)` as the
   * k-th is done (in order). Rejects with Cancelled when the signal aborts. Without it, `read` is asked file by file.
   */
  readBatch?(
    files: readonly InputFile[],
    options: { readonly limitMs: number; readonly signal?: AbortSignal | undefined; readonly onRead: (k: number) => void },
  ): Promise<(MergeSource | ReadFailure)[]>;
  /** How many files (at most) `readBatch` is given at once. */
  readonly batchSize?: number;
  /** Ends what the port holds (a worker), once the loop is done. */
  close?(): void | Promise<void>;
}

export interface ReadHooks {
  /** Before each file (done = files before it), and once at the end (done = total). */
  readonly onProgress?: (p: Progress) => void;
  /** After each file is read (done = files read so far, item = that file). */
  readonly onRead?: (p: Progress) => void;
  readonly signal?: AbortSignal | undefined;
  /** Time limit for one file (default FILE_TIME_LIMIT_MS). */
  readonly limitMs?: number | undefined;
}

/** Reads in this process (no time limit can stop a synchronous parser here). */
export function inProcessReader(limits: Partial<ReadLimits> = {}): FileReaderPort {
  return { read: (file) => readSource(file, limits) };
}

function failedSource(file: InputFile, failure: ReadFailure, sha256: string, limitMs: number): MergeSource {
  const error =
    failure.failed === "timeout"
      ? { code: "timeout" as const, message: messageFor("timeout", { file: file.name, seconds: Math.round(limitMs / 1000) }) }
      : { code: "corrupt" as const, message: messageFor("corrupt", { file: file.name, detail: failure.detail }) };
  return { file: file.name, sha256, ...(file.lastModified !== undefined ? { fileTime: file.lastModified } : {}), error };
}

/** Batches for `readBatch`: at most `size` files and about BATCH_BYTES bytes each (a larger file goes alone). */
const BATCH_BYTES = 16 * 1024 * 1024;

function batches(files: readonly InputFile[], size: number): (readonly InputFile[])[] {
  const out: InputFile[][] = [];
  let current: InputFile[] = [];
  let bytes = 0;
  for (const file of files) {
    if (current.length > 0 && (current.length >= size || bytes + file.bytes.length > BATCH_BYTES)) {
      out.push(current);
      current = [];
      bytes = 0;
    }
    current.push(file);
    bytes += file.bytes.length;
  }
  if (current.length > 0) out.push(current);
  return out;
}

export async function readFiles(reader: FileReaderPort, files: readonly InputFile[], hooks: ReadHooks = {}): Promise<MergeSource[]> {
  const limitMs = hooks.limitMs ?? FILE_TIME_LIMIT_MS;
  const sources: MergeSource[] = [];
  const record = async (file: InputFile, outcome: MergeSource | ReadFailure, digest: string | undefined): Promise<void> => {
    sources.push("failed" in outcome ? failedSource(file, outcome, digest ?? (await sha256Hex(file.bytes)), limitMs) : outcome);
  };
  try {
    if (reader.readBatch && (reader.batchSize ?? 1) > 1) {
      for (const batch of batches(files, reader.batchSize!)) {
        const first = sources.length;
        throwIfCancelled(hooks.signal);
        hooks.onProgress?.({ done: first, total: files.length, item: batch[0]!.name });
        throwIfCancelled(hooks.signal);
        const digests = reader.transfersBytes ? await Promise.all(batch.map((f) => sha256Hex(f.bytes))) : undefined;
        // Progress as each file of the batch is read: after it, and before the next one.
        const onRead = (k: number): void => {
          hooks.onRead?.({ done: first + k + 1, total: files.length, item: batch[k]!.name });
          if (k + 1 < batch.length) hooks.onProgress?.({ done: first + k + 1, total: files.length, item: batch[k + 1]!.name });
        };
        const outcomes = await reader.readBatch(batch, { limitMs, signal: hooks.signal, onRead });
        for (const [k, outcome] of outcomes.entries()) await record(batch[k]!, outcome, digests?.[k]);
      }
    } else {
      for (const [i, file] of files.entries()) {
        throwIfCancelled(hooks.signal);
        hooks.onProgress?.({ done: i, total: files.length, item: file.name });
        throwIfCancelled(hooks.signal);
        const digest = reader.transfersBytes ? await sha256Hex(file.bytes) : undefined;
        await record(file, await reader.read(file, { limitMs, signal: hooks.signal }), digest);
        hooks.onRead?.({ done: i + 1, total: files.length, item: file.name });
      }
    }
    throwIfCancelled(hooks.signal);
    if (files.length > 0) hooks.onProgress?.({ done: files.length, total: files.length, item: files[files.length - 1]!.name });
    return sources;
  } finally {
    await reader.close?.();
  }
}

export interface MergeProgress {
  readonly done: number;
  readonly total: number;
  readonly file: string;
}

/** Reads every file in this process; `onProgress` after each file. */
export async function readSources(
  files: readonly InputFile[],
  hooks: { onProgress?: (p: MergeProgress) => void; signal?: AbortSignal; limits?: Partial<ReadLimits> } = {},
): Promise<MergeSource[]> {
  return readFiles(inProcessReader(hooks.limits), files, {
    signal: hooks.signal,
    ...(hooks.onProgress ? { onRead: (p: Progress) => hooks.onProgress!({ done: p.done, total: p.total, file: p.item }) } : {}),
  });
}
