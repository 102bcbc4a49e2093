/**
 * The page's side of the read worker: requests in flight, progress and each
 * file's source routed to the caller, a time limit per request (per file of a
 * batch; the worker is ended past it and a new one takes the next request),
 * and a stop on abort (the worker is terminated). A file to check is handed
 * over in the transfer list; files to merge are copied (kept to read again).
 * The merge and its summary workbook are made in a worker of their own
 * (workerSummariser), the page handing each read source over once. Units'
 * feedback files and their .zip are made in another (workerWork's
 * feedbackFile, feedbackZip).
 */
import { Cancelled, isCancelled } from "../../app/cancel";
import { FileReadError } from "../../app/errors";
import type { FeedbackFinding, FeedbackOutput } from "../../app/feedback";
import type { FileWork } from "../../app/files";
import type { FileReaderPort, ReadFailure } from "../../app/read-files";
import type { FileResult, MergeOptions, MergeSource, Summary } from "../../domain/merge";
import type { WorkbookLayout } from "../../domain/model/layout";
import type { SummaryLayoutOptions } from "../../domain/sheets/summary";
import type { InputFile, MergeRun, Progress } from "../../app/usecases";
import type { WorkerRequest, WorkerResponse } from "./protocol";

/** The worker was ended because a file took longer than its time limit. */
class TimeLimitError extends Error {
  override readonly name = "TimeLimitError";
}

type Summarised = Extract<WorkerResponse, { kind: "summarised" }>;

type RequestBody =
  | { kind: "read"; files: readonly InputFile[] }
  | { kind: "check" | "targets" | "expand"; file: InputFile }
  | { kind: "summarise"; ids: readonly number[]; options: MergeOptions; layout: SummaryLayoutOptions }
  /** `moved`: the page no longer needs the file's bytes (handed over, not copied; not sent). */
  | { kind: "feedback"; file: InputFile; finding: FeedbackFinding; moved: boolean }
  | { kind: "feedback"; outputs: readonly FeedbackOutput[] };

/** The buffers of `views`, each once (a buffer listed twice cannot be transferred). */
function buffersOf(views: readonly Uint8Array[]): Transferable[] {
  const out = new Set<ArrayBuffer>();
  for (const v of views) if (v.buffer instanceof ArrayBuffer) out.add(v.buffer);
  return [...out];
}

/** A read worker and the requests in flight to it; a new worker is made after it is terminated. */
export class ReadWorkerClient {
  private worker: Worker | null = null;
  private nextId = 1;
  private readonly pending = new Map<
    number,
    {
      resolve: (r: WorkerResponse) => void;
      reject: (e: Error) => void;
      onProgress?: (p: Progress) => void;
      onSource?: (k: number, source: MergeSource) => void;
      onSummarised?: (message: Summarised) => void;
    }
  >();

  /** Counts the workers made: a new one holds nothing an earlier one was given. */
  generation = 0;

  /** The worker has answered: its script loaded, so bytes may be moved to it (one that fails to load would lose them). */
  private answered = false;

  /** Whether the worker made last has answered anything: its script runs (a failure after that is the file's). */
  get hasAnswered(): boolean {
    return this.answered;
  }

  constructor(private readonly make: () => Promise<Worker>) {}

  /** The worker being made, which every request meanwhile waits for (one worker, not one each). */
  private making: Promise<Worker> | null = null;

  /** The worker, made when there is none. */
  async get(): Promise<Worker> {
    if (this.worker) return this.worker;
    this.making ??= this.start().finally(() => (this.making = null));
    return this.making;
  }

  private async start(): Promise<Worker> {
    const worker = await this.make();
    this.generation++;
    this.answered = false;
    worker.onmessage = (event: MessageEvent<WorkerResponse>) => {
      const message = event.data;
      if (this.worker === worker) this.answered = true;
      const entry = this.pending.get(message.id);
      if (!entry) return;
      if (message.kind === "progress") entry.onProgress?.({ done: message.done, total: message.total, item: message.item });
      else if (message.kind === "read-one") entry.onSource?.(message.k, message.source);
      else if (message.kind === "summarised") entry.onSummarised?.(message);
      else {
        this.pending.delete(message.id);
        entry.resolve(message);
      }
    };
    worker.onerror = (event: ErrorEvent) => {
      event.preventDefault();
      this.fail(new Error(`Trình đọc tệp gặp lỗi: ${(event.message || "không rõ nguyên nhân").replace(/[.\s]+$/, "")}.`));
    };
    this.worker = worker;
    return worker;
  }

  /** Ends the worker (pending requests are rejected as cancelled). */
  close(): void {
    if (this.worker || this.pending.size > 0) this.fail(new Cancelled());
  }

  private fail(error: Error): void {
    this.worker?.terminate();
    this.worker = null;
    for (const entry of this.pending.values()) entry.reject(error);
    this.pending.clear();
  }

  /**
   * Like request, but ends the worker and answers "timeout" when no answer comes within `limitMs`
   * (for a batch: within `limitMs` of the last file's source, `onSource`).
   */
  async requestWithin(
    limitMs: number,
    body: RequestBody,
    onProgress?: (p: Progress) => void,
    signal?: AbortSignal,
    onSource?: (k: number, source: MergeSource) => void,
  ): Promise<WorkerResponse | "timeout"> {
    let timer: ReturnType<typeof setTimeout> | undefined;
    let expire: () => void = () => undefined;
    const arm = () => {
      clearTimeout(timer);
      timer = setTimeout(() => expire(), limitMs);
    };
    const timedOut = new Promise<"timeout">((resolve) => {
      expire = () => resolve("timeout");
      arm();
    });
    const answer = this.request(
      body,
      onProgress,
      signal,
      onSource
        ? (k, source) => {
            arm();
            onSource(k, source);
          }
        : undefined,
    );
    try {
      const first = await Promise.race([answer, timedOut]);
      if (first === "timeout") {
        this.fail(new TimeLimitError());
        await answer.catch((error: unknown) => {
          if (!(error instanceof TimeLimitError)) throw error;
        });
      }
      return first;
    } finally {
      clearTimeout(timer);
    }
  }

  async request(
    body: RequestBody,
    onProgress?: (p: Progress) => void,
    signal?: AbortSignal,
    onSource?: (k: number, source: MergeSource) => void,
    onSummarised?: (message: Summarised) => void,
  ): Promise<WorkerResponse> {
    if (signal?.aborted) throw new Cancelled();
    const worker = await this.get();
    if (signal?.aborted) {
      this.close();
      throw new Cancelled();
    }
    const id = this.nextId++;
    // A file to read for a merge is copied (its bytes are kept to read it again after a stop, or to
    // take the digest of one the worker could not answer for), as is a message or an archive to open
    // (the page keeps it, to open it again for the feedback of a file inside), and a unit's file to
    // make its feedback from unless the page lets go of it (`moved`: one taken out of a message or an
    // archive again, not the file the page keeps); one to check or read targets from is moved, as are
    // the feedback files to zip. Feedback is moved only to a worker that has answered: one whose script
    // fails to load would take the bytes the page then makes the files from itself.
    let request: WorkerRequest;
    let transfer: Transferable[] = [];
    if (body.kind === "feedback" && "file" in body) {
      const { moved, ...rest } = body;
      request = { id, ...rest };
      if (moved && this.answered) transfer = buffersOf([body.file.bytes]);
    } else {
      request = { id, ...body } as WorkerRequest;
      if (body.kind === "check" || body.kind === "targets") transfer = buffersOf([body.file.bytes]);
      else if (body.kind === "feedback" && this.answered) transfer = buffersOf(body.outputs.map((o) => o.bytes));
    }
    return new Promise<WorkerResponse>((resolve, reject) => {
      const onAbort = () => this.fail(new Cancelled());
      signal?.addEventListener("abort", onAbort, { once: true });
      const done = <T>(settle: (v: T) => void) => (v: T) => {
        signal?.removeEventListener("abort", onAbort);
        settle(v);
      };
      this.pending.set(id, {
        resolve: done(resolve),
        reject: done(reject),
        ...(onProgress ? { onProgress } : {}),
        ...(onSource ? { onSource } : {}),
        ...(onSummarised ? { onSummarised } : {}),
      });
      worker.postMessage(request, transfer);
    });
  }
}

function failure(response: WorkerResponse, fileName: string): never {
  if (response.kind === "failed") throw new FileReadError(fileName, response.code, response.message);
  throw new Error(`Trình đọc tệp trả lời không đúng (${response.kind}).`);
}

/** Files a merge's worker is given at once. */
export const BROWSER_BATCH = 16;

/**
 * A merge's reader in its own worker (cancelling it stops nothing else), a batch of files per
 * request: each file hashed and read there and its source sent back as soon as it is read, each
 * under the time limit. A file past it ends the worker and is rejected; the files after it go to a
 * new worker. The worker ends with the merge's reading.
 */
export function workerReader(make: () => Promise<Worker>): FileReaderPort {
  const client = new ReadWorkerClient(make);
  const readBatch: NonNullable<FileReaderPort["readBatch"]> = async (files, { limitMs, signal, onRead }) => {
    const out: (MergeSource | ReadFailure)[] = [];
    let reported = 0;
    const reportTo = (end: number) => {
      for (; reported < end; reported++) onRead(reported);
    };
    let response: WorkerResponse | "timeout";
    try {
      response = await client.requestWithin(limitMs, { kind: "read", files }, undefined, signal, (k, source) => {
        out[k] = source;
        reportTo(k + 1);
      });
    } catch (error) {
      // A worker that breaks while reading a file, its script running (it had answered), breaks on that file:
      // the file is rejected with the reason and the files after it go to a new worker, as past the time limit.
      // One that never answered (its script cannot load) fails the merge.
      if (isCancelled(error) || !client.hasAnswered) throw error;
      const at = out.length;
      out.push({ failed: "crashed", detail: error instanceof Error ? error.message : String(error) });
      reportTo(at + 1);
      if (at + 1 < files.length) out.push(...(await readBatch(files.slice(at + 1), { limitMs, signal, onRead: (k) => reportTo(at + 2 + k) })));
      return out;
    }
    if (response !== "timeout") {
      if (response.kind !== "read-done") return failure(response, files[out.length]?.name ?? files[0]!.name);
      const sources = response.sources.length === files.length ? response.sources : out;
      if (sources.length !== files.length) throw new Error("Trình đọc tệp trả lời thiếu tệp.");
      reportTo(files.length);
      return sources;
    }
    // The file it was reading is past its limit; the files after it go to a new worker.
    const at = out.length;
    out.push({ failed: "timeout" });
    reportTo(at + 1);
    if (at + 1 < files.length) {
      const rest = await readBatch(files.slice(at + 1), { limitMs, signal, onRead: (k) => reportTo(at + 2 + k) });
      out.push(...rest);
    }
    return out;
  };
  return {
    read: async (file, { limitMs, signal }) => (await readBatch([file], { limitMs, signal, onRead: () => undefined }))[0]!,
    readBatch,
    batchSize: BROWSER_BATCH,
    close: () => client.close(),
  };
}

/**
 * Checks and targets in one long-lived worker, units' feedback files in another; each merge gets its own (workerReader), started
 * ahead by prepareMerge when the page asks: made, and its readers loading, before files are chosen.
 */
export function workerWork(make: () => Promise<Worker>): FileWork & { prepareMerge(): void } {
  const client = new ReadWorkerClient(make);
  /** Units' feedback files, in a worker of their own (a stop ends it, not the checks'). */
  const feedback = new ReadWorkerClient(make);
  /**
   * The feedback worker could not be started or failed (its script blocked or broken, an error event):
   * from then on the page makes the files itself, as where there is no worker.
   */
  let feedbackLost = false;
  /**
   * "unavailable" for a request its worker failed (not a stop: "Hủy" stays a stop) while the page still
   * holds every byte it sent, else the failure itself (bytes moved to a worker that died are gone with it).
   */
  const unavailable = (error: unknown, sent: readonly Uint8Array[], sizes: readonly number[]): "unavailable" => {
    if (isCancelled(error)) throw error;
    feedbackLost = true;
    if (sent.some((bytes, k) => bytes.byteLength !== sizes[k])) throw error;
    return "unavailable";
  };
  /** The worker started ahead; `take` stops watching it for a failure to load, and answers false when it failed already. */
  let ahead: Promise<{ readonly worker: Worker; readonly take: () => boolean }> | null = null;
  return {
    prepareMerge() {
      if (ahead) return;
      const started = make().then((worker) => {
        // A worker whose script fails before a merge takes it is let go: the merge makes a new one
        // (whose failure then reaches the merge), instead of waiting the time limit for an answer.
        let failed = false;
        const broken = (): void => {
          failed = true;
          worker.terminate();
          if (ahead === started) ahead = null;
        };
        worker.addEventListener("error", broken);
        worker.postMessage({ id: 0, kind: "warm", what: "read" } satisfies WorkerRequest);
        const take = (): boolean => {
          worker.removeEventListener("error", broken);
          return !failed;
        };
        return { worker, take };
      });
      ahead = started;
      // One that cannot start is made again by the merge (below).
      started.catch(() => {
        if (ahead === started) ahead = null;
      });
    },
    async checkFile(file) {
      const response = await client.request({ kind: "check", file });
      return response.kind === "check-done" ? response.result : failure(response, file.name);
    },
    async readTargetsFile(file) {
      const response = await client.request({ kind: "targets", file });
      return response.kind === "targets-done" ? response.targets : failure(response, file.name);
    },
    mergeReader: () => {
      let first = ahead;
      ahead = null;
      return workerReader(() => {
        if (!first) return make();
        const worker = first.then(
          ({ worker, take }) => (take() ? worker : make()),
          () => make(),
        );
        first = null;
        return worker;
      });
    },
    async feedbackFile(file, finding, limitMs, { signal, moved }) {
      if (feedbackLost) return "unavailable";
      // A stop ("Hủy") ends the worker, the file being made dropped; one past the time limit too.
      const size = file.bytes.byteLength;
      let response: WorkerResponse | "timeout";
      try {
        response = await feedback.requestWithin(limitMs, { kind: "feedback", file, finding, moved: moved === true }, undefined, signal);
      } catch (error) {
        return unavailable(error, [file.bytes], [size]);
      }
      if (response === "timeout") return "timeout";
      return response.kind === "feedback-done" && "output" in response ? response.output : failure(response, file.name);
    },
    async feedbackZip(outputs) {
      if (feedbackLost) return "unavailable";
      const sent = outputs.map((o) => o.bytes);
      const sizes = sent.map((bytes) => bytes.byteLength);
      let response: WorkerResponse;
      try {
        response = await feedback.request({ kind: "feedback", outputs });
      } catch (error) {
        return unavailable(error, sent, sizes);
      }
      if (response.kind === "feedback-done" && "zip" in response) return response.zip;
      throw new Error(response.kind === "failed" ? response.message : `Trình tạo tệp góp ý trả lời không đúng (${response.kind}).`);
    },
    async expandContainer(file, limitMs) {
      // A worker of its own, ended past the time limit (a message or archive that hangs its parser).
      const own = new ReadWorkerClient(make);
      try {
        let response: WorkerResponse | "timeout";
        try {
          response = await own.requestWithin(limitMs, { kind: "expand", file });
        } catch (error) {
          // No worker could be made here: the page opens it (sent as a copy, still whole). One that was
          // made and failed (its script, or this message or archive, broke it) is a failure, as ever: a
          // file that breaks the worker is never opened again on the page.
          if (isCancelled(error) || own.generation > 0) throw error;
          return "unavailable";
        }
        if (response === "timeout") return "timeout";
        if (response.kind === "expand-done") return response.expanded;
        return failure(response, file.name);
      } finally {
        own.close();
      }
    },
  };
}

/** Sources handed to the merge's worker in one message (a few milliseconds of the page's time each). */
export const KEEP_CHUNK = 64;

/** Lets the page draw and answer the user between two messages. */
const yieldToPage = (): Promise<void> => new Promise((resolve) => setTimeout(resolve, 0));

export interface WorkerSummariser {
  /** Hands sources over ahead of the merge (as they are read); the next merge lets go of those it does not name. */
  keep(sources: readonly MergeSource[]): void;
  summarise(sources: readonly MergeSource[], options: MergeOptions, layout: SummaryLayoutOptions): Promise<MergeRun>;
  /** The .xlsx the worker writes for a run's layout (after the run is answered), when that layout is one of its runs'. */
  written(layout: WorkbookLayout): Promise<Uint8Array> | undefined;
  /** Starts the worker and loads the merge and the writer in it, ahead of the first sources. */
  prepare(): void;
}

/**
 * The merge (app/summarise.ts, as the CLI runs it) and its summary workbook written as .xlsx, in a
 * worker of their own. Each source is handed over once (as it is read, see `keep`, else a few at a
 * time with the page free between them), under a number; a merge names its sources by number, and the worker keeps those of the latest
 * merge only. The summary and the layout come back as soon as they are made (the layout for writing
 * into the open workbook), then the .xlsx, moved, not copied: downloading the summary takes it as it is.
 */
export function workerSummariser(make: () => Promise<Worker>): WorkerSummariser {
  const client = new ReadWorkerClient(make);
  const numbers = new WeakMap<MergeSource, number>();
  let next = 1;
  const numberOf = (source: MergeSource): number => {
    let n = numbers.get(source);
    if (n === undefined) numbers.set(source, (n = next++));
    return n;
  };
  // What the worker of `heldBy` holds, as of the last message sent to it.
  let held = new Set<number>();
  let heldBy = 0;
  const written = new WeakMap<WorkbookLayout, Promise<Uint8Array>>();
  /** The worker, and `held` emptied when it is a new one. */
  const worker = async (): Promise<Worker> => {
    const w = await client.get();
    if (client.generation !== heldBy) {
      held = new Set();
      heldBy = client.generation;
    }
    return w;
  };
  const post = (w: Worker, sources: readonly MergeSource[]): void => {
    const fresh = sources.filter((s) => !held.has(numberOf(s))).map((s) => [numberOf(s), s] as const);
    if (fresh.length === 0) return;
    w.postMessage({ id: 0, kind: "keep", sources: fresh } satisfies WorkerRequest, []);
    for (const [n] of fresh) held.add(n);
  };

  return {
    prepare() {
      void worker()
        .then((w) => w.postMessage({ id: 0, kind: "warm", what: "merge" } satisfies WorkerRequest))
        .catch(() => undefined);
    },
    keep(sources) {
      void worker()
        .then((w) => post(w, sources))
        // A worker that cannot start now is started again by the merge, which hands everything over then.
        .catch(() => undefined);
    },
    async summarise(sources, options, layout) {
      const ids = sources.map(numberOf);
      // What the worker does not hold yet, a chunk at a time with the page free between chunks.
      for (let k = 0; ; ) {
        const w = await worker();
        const chunk: MergeSource[] = [];
        for (; k < sources.length && chunk.length < KEEP_CHUNK; k++) if (!held.has(ids[k]!)) chunk.push(sources[k]!);
        post(w, chunk);
        if (k >= sources.length) break;
        if (chunk.length > 0) await yieldToPage();
      }
      // The worker lets go of the sources not in this merge.
      held = new Set(ids);
      let answer: (run: { summary: Summary; layout: WorkbookLayout }) => void = () => undefined;
      const summarised = new Promise<{ summary: Summary; layout: WorkbookLayout }>((resolve) => (answer = resolve));
      let summary: Summary | undefined;
      const files: FileResult[] = [];
      const take = (message: Summarised): void => {
        if ("files" in message) files.push(...message.files);
        else if ("summary" in message) summary = { ...message.summary, files };
        else if (summary) answer({ summary, layout: message.layout });
      };
      // The summary first; the workbook follows, while the page shows it.
      const xlsx = client.request({ kind: "summarise", ids, options, layout }, undefined, undefined, undefined, take).then((response) => {
        if (response.kind === "summarise-done") return response.xlsx;
        throw new Error(response.kind === "failed" ? response.message : `Trình tổng hợp trả lời không đúng (${response.kind}).`);
      });
      // Waited for by a download only (which writes it here if the worker could not).
      xlsx.catch(() => undefined);
      const run = await Promise.race([summarised, xlsx.then(() => null)]);
      if (run === null) throw new Error("Trình tổng hợp không trả lời bảng tổng hợp.");
      written.set(run.layout, xlsx);
      return { sources, summary: run.summary, layout: run.layout };
    },
    written: (layout) => written.get(layout),
  };
}
