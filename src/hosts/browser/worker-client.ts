/**
 * The page's side of the read worker: requests in flight, progress routed
 * to the caller, the bytes handed over in the transfer list, a time limit
 * per request (the worker is ended past it and a new one takes the next
 * request), and a stop on abort (the worker is terminated).
 */
import { Cancelled } from "../../app/cancel";
import { FileReadError } from "../../app/errors";
import type { FileWork } from "../../app/files";
import type { FileReaderPort } from "../../app/read-files";
import type { InputFile, Progress } from "../../app/usecases";
import type { WorkerRequest, WorkerResponse } from "./protocol";

/** The worker was ended because a file took longer than its time limit. */
class TimeLimitError extends Error {
  override readonly name = "TimeLimitError";
}

type RequestBody = { kind: "read"; files: readonly InputFile[] } | { kind: "check" | "targets" | "expand"; file: InputFile };

/** A read worker and the requests in flight to it; a new worker is made after it is terminated. */
export class ReadWorkerClient {
  private worker: Worker | null = null;
  private nextId = 1;
  private readonly pending = new Map<
    number,
    { resolve: (r: WorkerResponse) => void; reject: (e: Error) => void; onProgress?: (p: Progress) => void }
  >();

  constructor(private readonly make: () => Promise<Worker>) {}

  private async get(): Promise<Worker> {
    if (this.worker) return this.worker;
    const worker = await this.make();
    worker.onmessage = (event: MessageEvent<WorkerResponse>) => {
      const message = event.data;
      const entry = this.pending.get(message.id);
      if (!entry) return;
      if (message.kind === "progress") entry.onProgress?.({ done: message.done, total: message.total, item: message.item });
      else {
        this.pending.delete(message.id);
        entry.resolve(message);
      }
    };
    worker.onerror = (event: ErrorEvent) => {
      event.preventDefault();
      this.fail(new Error(`Trình đọc tệp gặp lỗi: ${event.message || "không rõ nguyên nhân"}.`));
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

  /** Like request, but ends the worker and answers "timeout" when no answer comes within `limitMs`. */
  async requestWithin(limitMs: number, body: RequestBody, onProgress?: (p: Progress) => void, signal?: AbortSignal): Promise<WorkerResponse | "timeout"> {
    let timer: ReturnType<typeof setTimeout> | undefined;
    const timedOut = new Promise<"timeout">((resolve) => {
      timer = setTimeout(() => resolve("timeout"), limitMs);
    });
    const answer = this.request(body, onProgress, signal);
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

  async request(body: RequestBody, onProgress?: (p: Progress) => void, signal?: AbortSignal): Promise<WorkerResponse> {
    if (signal?.aborted) throw new Cancelled();
    const worker = await this.get();
    if (signal?.aborted) {
      this.close();
      throw new Cancelled();
    }
    const id = this.nextId++;
    const request = { id, ...body } as WorkerRequest;
    const files = body.kind === "read" ? body.files : [body.file];
    const transfer: Transferable[] = [];
    for (const f of files) {
      const buffer = f.bytes.buffer;
      if (buffer instanceof ArrayBuffer && !transfer.includes(buffer)) transfer.push(buffer);
    }
    return new Promise<WorkerResponse>((resolve, reject) => {
      const onAbort = () => this.fail(new Cancelled());
      signal?.addEventListener("abort", onAbort, { once: true });
      const done = <T>(settle: (v: T) => void) => (v: T) => {
        signal?.removeEventListener("abort", onAbort);
        settle(v);
      };
      this.pending.set(id, { resolve: done(resolve), reject: done(reject), ...(onProgress ? { onProgress } : {}) });
      worker.postMessage(request, transfer);
    });
  }
}

function failure(response: WorkerResponse, fileName: string): never {
  if (response.kind === "failed") throw new FileReadError(fileName, response.code, response.message);
  throw new Error(`Trình đọc tệp trả lời không đúng (${response.kind}).`);
}

/** A merge's reader in its own worker (cancelling it stops nothing else); the worker ends with the merge's reading. */
export function workerReader(make: () => Promise<Worker>): FileReaderPort {
  const client = new ReadWorkerClient(make);
  return {
    transfersBytes: true,
    async read(file, { limitMs, signal }) {
      const response = await client.requestWithin(limitMs, { kind: "read", files: [file] }, undefined, signal);
      if (response === "timeout") return { failed: "timeout" };
      if (response.kind === "read-done" && response.sources.length === 1) return response.sources[0]!;
      return failure(response, file.name);
    },
    close: () => client.close(),
  };
}

/** Checks and targets in one long-lived worker; each merge gets its own (workerReader). */
export function workerWork(make: () => Promise<Worker>): FileWork {
  const client = new ReadWorkerClient(make);
  return {
    async checkFile(file) {
      const response = await client.request({ kind: "check", file });
      return response.kind === "check-done" ? response.result : failure(response, file.name);
    },
    async readTargetsFile(file) {
      const response = await client.request({ kind: "targets", file });
      return response.kind === "targets-done" ? response.targets : failure(response, file.name);
    },
    mergeReader: () => workerReader(make),
    async expandContainer(file, limitMs) {
      // A worker of its own, ended past the time limit (a message or archive that hangs its parser).
      const own = new ReadWorkerClient(make);
      try {
        const response = await own.requestWithin(limitMs, { kind: "expand", file });
        if (response === "timeout") return "timeout";
        if (response.kind === "expand-done") return response.expanded;
        return failure(response, file.name);
      } finally {
        own.close();
      }
    },
  };
}
