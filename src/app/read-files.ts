/**
 * The one loop over the files of a merge, for every surface: one file at a
 * time, or a small batch at a time for a port that reads several in one
 * exchange (so memory stays bounded), several batches at once for a port with
 * several workers (the sources and the progress still in the files' order),
 * progress before each file and once at the
 * end, a stop between files when the user cancels (`Cancelled`), and a time
 * limit per file. Where a file is read is a port: in this process
 * (`inProcessReader`), in the page's Web Worker (src/hosts/browser) or in a
 * Node worker thread (src/hosts/node); the last two stop a file that runs
 * past the limit. A file that cannot be read becomes a source with an error
 * (code and Vietnamese message naming the file), never an exception.
 */
import type { MergeSource } from "../domain/merge";
import { messageFor, timeoutMessage } from "../domain/rules/messages";
import type { ReadLimits } from "../io/read";
import { throwIfCancelled } from "./cancel";
import { FILE_TIME_LIMIT_MS } from "./limits";
import { digestOf, readSource, type InputFile } from "./sources";
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
  /**
   * How many batches may be read at once (several workers; default 1). The sources stay in the
   * files' order and the progress is still given file by file, in order.
   */
  readonly concurrency?: number;
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

/** The source of a file the port could not answer for: rejected with "timeout" or "corrupt", its reason in Vietnamese. */
export function failedSource(file: InputFile, failure: ReadFailure, sha256: string, limitMs: number): MergeSource {
  const error =
    failure.failed === "timeout"
      ? { code: "timeout" as const, message: timeoutMessage(file.name, limitMs) }
      : { code: "corrupt" as const, message: messageFor("corrupt", { file: file.name, detail: failure.detail }) };
  return { file: file.name, sha256, ...(file.lastModified !== undefined ? { fileTime: file.lastModified } : {}), error };
}

/** Batches for `readBatch`: at most `size` files and about BATCH_BYTES bytes each (a larger file goes alone). */
const BATCH_BYTES = 16 * 1024 * 1024;

function batches(files: readonly InputFile[], size: number): InputFile[][] {
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

/**
 * The fewest files a port's second (third, …) worker is given to read. A worker reads its first
 * hundred or so files at about half speed while its code warms up (a second worker thread costs
 * about 0.4 s of processor time more for 500 files), and the main thread needs a core too: on two
 * cores, measured whole, two workers were slower than one at 500 files and 16% faster at 2,000.
 */
const LANE_MIN_FILES = 500;

/**
 * A port's outcomes for `files`, read a batch at a time, with up to the port's `concurrency` batches
 * in flight (each lane taking the next batch when its own is done), in the files' order; `onRead(i)`
 * for each file in order (a file read early waits for the files before it to be read).
 */
async function readInBatches(
  reader: Pick<FileReaderPort, "readBatch" | "batchSize" | "concurrency" | "transfersBytes">,
  files: readonly InputFile[],
  options: { readonly limitMs: number; readonly signal: AbortSignal | undefined; readonly onRead: (i: number) => void },
): Promise<{ outcomes: (MergeSource | ReadFailure)[]; digests: (string | undefined)[] }> {
  const { limitMs, signal } = options;
  const most = reader.batchSize ?? 1;
  // Lanes (batches in flight) only for LANE_MIN_FILES files each.
  const width = Math.max(1, Math.min(Math.floor(reader.concurrency ?? 1), Math.floor(files.length / LANE_MIN_FILES)));
  // As many batches for each lane, of even size, so the lanes end together.
  const size = width > 1 ? Math.ceil(files.length / (width * Math.ceil(files.length / (width * most)))) : most;
  const all = batches(files, size);
  const outcomes: (MergeSource | ReadFailure)[] = new Array<MergeSource | ReadFailure>(files.length);
  const digests: (string | undefined)[] = new Array<string | undefined>(files.length);
  const read = new Uint8Array(files.length);
  let reported = 0;
  const report = (): void => {
    for (; reported < files.length && read[reported] === 1; reported++) options.onRead(reported);
  };
  let next = 0;
  let start = 0;
  const starts = all.map((b) => ((start += b.length), start - b.length));
  let failed = false;
  const lane = async (): Promise<void> => {
    while (next < all.length && !failed) {
      const b = next++;
      const batch = all[b]!;
      const first = starts[b]!;
      throwIfCancelled(signal);
      if (reader.transfersBytes) (await Promise.all(batch.map((f) => digestOf(f)))).forEach((d, k) => (digests[first + k] = d));
      throwIfCancelled(signal);
      const got = await reader.readBatch!(batch, {
        limitMs,
        signal,
        onRead: (k) => {
          read[first + k] = 1;
          report();
        },
      });
      got.forEach((outcome, k) => {
        outcomes[first + k] = outcome;
        read[first + k] = 1;
      });
      report();
    }
  };
  const lanes = Array.from({ length: width }, () =>
    lane().catch((error: unknown) => {
      failed = true;
      throw error;
    }),
  );
  // Every lane is let finish (a stop ends them all) before the first failure is given
  // (Promise.allSettled, which EdgeHTML 18 lacks, written out).
  const settled = await Promise.all(lanes.map((p) => p.then(() => ({ failed: false as const }), (reason: unknown) => ({ failed: true as const, reason }))));
  const rejected = settled.find((r) => r.failed);
  if (rejected) throw rejected.reason;
  return { outcomes, digests };
}

export async function readFiles(reader: FileReaderPort, files: readonly InputFile[], hooks: ReadHooks = {}): Promise<MergeSource[]> {
  const limitMs = hooks.limitMs ?? FILE_TIME_LIMIT_MS;
  const sources: MergeSource[] = [];
  const record = async (file: InputFile, outcome: MergeSource | ReadFailure, digest: string | undefined): Promise<void> => {
    sources.push("failed" in outcome ? failedSource(file, outcome, digest ?? (await digestOf(file)), limitMs) : outcome);
  };
  try {
    if (reader.readBatch && (reader.batchSize ?? 1) > 1) {
      throwIfCancelled(hooks.signal);
      if (files.length > 0) hooks.onProgress?.({ done: 0, total: files.length, item: files[0]!.name });
      // Progress as each file is read, in the files' order: after it, and before the next one.
      const onRead = (i: number): void => {
        hooks.onRead?.({ done: i + 1, total: files.length, item: files[i]!.name });
        if (i + 1 < files.length) hooks.onProgress?.({ done: i + 1, total: files.length, item: files[i + 1]!.name });
      };
      const { outcomes, digests } = await readInBatches(reader, files, { limitMs, signal: hooks.signal, onRead });
      for (const [i, outcome] of outcomes.entries()) await record(files[i]!, outcome, digests[i]);
    } else {
      for (const [i, file] of files.entries()) {
        throwIfCancelled(hooks.signal);
        hooks.onProgress?.({ done: i, total: files.length, item: file.name });
        throwIfCancelled(hooks.signal);
        const digest = reader.transfersBytes ? await digestOf(file) : undefined;
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

/**
 * A batch where some files are answered without reading (`answer` gives their source): the others
 * go to `readBatch` together, and every file's `onRead` comes in order (an answered one as soon as
 * the files before it are read).
 */
export async function readBatchAnswering(
  readBatch: NonNullable<FileReaderPort["readBatch"]>,
  files: readonly InputFile[],
  options: Parameters<NonNullable<FileReaderPort["readBatch"]>>[1],
  answer: (file: InputFile) => MergeSource | undefined,
): Promise<(MergeSource | ReadFailure)[]> {
  const answered = files.map(answer);
  const asked = files.flatMap((_, k) => (answered[k] === undefined ? [k] : []));
  let reported = 0;
  const reportTo = (end: number) => {
    for (; reported < end; reported++) options.onRead(reported);
  };
  const read = asked.length > 0 ? await readBatch(asked.map((k) => files[k]!), { ...options, onRead: (j) => reportTo(asked[j]! + 1) }) : [];
  reportTo(files.length);
  const out: (MergeSource | ReadFailure)[] = answered.map((a) => a!);
  asked.forEach((k, j) => (out[k] = read[j]!));
  return out;
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
