/**
 * The page's side of the read worker, with a stand-in Worker that answers
 * like src/hosts/browser/read.worker.ts: progress reaches the caller, the bytes are
 * handed over in the transfer list, a failure names the file, and aborting
 * terminates the worker (a new one is made for the next request).
 */
import { zipSync } from "fflate";
import { Cancelled } from "../../../src/app/cancel";
import { FileReadError } from "../../../src/app/errors";
import { createFileUseCases } from "../../../src/hosts/browser/file-use-cases";
import type { WorkerRequest, WorkerResponse } from "../../../src/hosts/browser/protocol";

class StandInWorker {
  onmessage: ((event: MessageEvent<WorkerResponse>) => void) | null = null;
  onerror: ((event: ErrorEvent) => void) | null = null;
  terminated = false;
  readonly transfers: Transferable[][] = [];
  /** The kinds of request it was sent ("warm:read", "warm:merge" for the modules it was asked to load ahead). */
  readonly kinds = new Set<string>();
  private readonly errorListeners = new Set<(event: ErrorEvent) => void>();
  /** Its script failed to load: it answers nothing. */
  private dead = false;
  constructor(private readonly answer: (request: WorkerRequest, post: (r: WorkerResponse) => void) => void) {}
  addEventListener(type: string, listener: (event: ErrorEvent) => void): void {
    if (type === "error") this.errorListeners.add(listener);
  }
  removeEventListener(type: string, listener: (event: ErrorEvent) => void): void {
    if (type === "error") this.errorListeners.delete(listener);
  }
  /** As a worker that breaks (out of memory, an error it did not catch): an error event, then silence. */
  crash(): void {
    this.dead = true;
    const event = { message: "Out of memory", preventDefault: () => undefined } as unknown as ErrorEvent;
    for (const listener of this.errorListeners) listener(event);
    this.onerror?.(event);
  }
  /** As a worker whose script cannot be loaded: an error event, then silence. */
  failToLoad(): void {
    this.dead = true;
    const event = { message: "script failed to load", preventDefault: () => undefined } as unknown as ErrorEvent;
    for (const listener of this.errorListeners) listener(event);
    this.onerror?.(event);
  }
  postMessage(request: WorkerRequest, transfer: Transferable[]): void {
    if (this.dead) return;
    this.kinds.add(request.kind === "warm" ? `warm:${request.what}` : request.kind);
    if (request.kind === "keep" || request.kind === "warm") return;
    this.transfers.push(transfer);
    setTimeout(() => this.answer(request, (r) => this.onmessage?.({ data: r } as MessageEvent<WorkerResponse>)), 0);
  }
  terminate(): void {
    this.terminated = true;
  }
}

const file = (name: string) => ({ name, bytes: new Uint8Array([1, 2, 3]) });

/** The workers a merge's files were read in (the merge itself has a worker of its own, handed the sources as they are read). */
const readers = (workers: readonly StandInWorker[]) => workers.filter((w) => w.kinds.has("read"));

/** Makes stand-in workers, kept in `workers`, that answer a read with every file's source. */
function readingWorkers(workers: StandInWorker[]): () => Promise<Worker> {
  return async () => {
    const w = new StandInWorker((request, post) => {
      if (request.kind === "read") post({ id: request.id, kind: "read-done", sources: request.files.map((f) => ({ file: f.name, sha256: "0" })) });
    });
    workers.push(w);
    return w as unknown as Worker;
  };
}

describe("read worker client", () => {
  it("routes progress, sends the files as one batch, and returns the sources", async () => {
    const workers: StandInWorker[] = [];
    const files = createFileUseCases({
      makeWorker: async () => {
        const w = new StandInWorker((request, post) => {
          if (request.kind !== "read") return;
          request.files.forEach((f, i) => post({ id: request.id, kind: "progress", done: i, total: request.files.length, item: f.name }));
          post({ id: request.id, kind: "read-done", sources: request.files.map((f) => ({ file: f.name, sha256: "0" })) });
        });
        workers.push(w);
        return w as unknown as Worker;
      },
    });
    const inputs = [file("a.xlsx"), file("b.xlsx")];
    const progress: string[] = [];
    const sources = await files.readFiles(inputs, (p) => progress.push(`${p.done}/${p.total} ${p.item}`));
    expect(sources.map((s) => s.file)).toEqual(["a.xlsx", "b.xlsx"]);
    expect(progress).toEqual(["0/2 a.xlsx", "1/2 b.xlsx", "2/2 b.xlsx"]);
    expect(readers(workers)).toHaveLength(1);
    // One request for the batch (each file under the time limit); the bytes are copied, kept to read a file again after a stop.
    expect(workers[0]!.transfers).toEqual([[]]);
    expect(inputs[0]!.bytes).toEqual(new Uint8Array([1, 2, 3]));
    // A merge's reading worker ends with it.
    expect(workers[0]!.terminated).toBe(true);
  });

  it("stops a file that runs past the time limit, rejects it with the reason, and reads the rest in a new worker", async () => {
    const workers: StandInWorker[] = [];
    const files = createFileUseCases({
      fileTimeLimitMs: 50,
      makeWorker: async () => {
        const w = new StandInWorker((request, post) => {
          if (request.kind !== "read") return;
          // Each file answered as it is read; "slow.xlsx" never answers, like a parser stuck on a hostile file.
          for (const [k, f] of request.files.entries()) {
            if (f.name === "slow.xlsx") return;
            post({ id: request.id, kind: "read-one", k, source: { file: f.name, sha256: "0" } });
          }
          post({ id: request.id, kind: "read-done", sources: [] });
        });
        workers.push(w);
        return w as unknown as Worker;
      },
    });
    const sources = await files.readFiles([file("a.xlsx"), file("slow.xlsx"), file("b.xlsx")]);
    expect(sources.map((s) => [s.file, s.error?.code ?? "ok"])).toEqual([
      ["a.xlsx", "ok"],
      ["slow.xlsx", "timeout"],
      ["b.xlsx", "ok"],
    ]);
    expect(sources[1]!.error!.message).toContain("slow.xlsx");
    expect(sources[1]!.sha256).toMatch(/^[0-9a-f]{64}$/);
    expect(readers(workers)).toHaveLength(2);
    expect(workers[0]!.terminated).toBe(true);
  });

  it("rejects a file that breaks the worker reading it with the reason, and reads the rest in a new worker", async () => {
    const workers: StandInWorker[] = [];
    const files = createFileUseCases({
      makeWorker: async () => {
        const w = new StandInWorker((request, post) => {
          if (request.kind !== "read") return;
          for (const [k, f] of request.files.entries()) {
            post({ id: request.id, kind: "progress", done: k, total: request.files.length, item: f.name });
            if (f.name === "vo.xlsx") return w.crash();
            post({ id: request.id, kind: "read-one", k, source: { file: f.name, sha256: "0" } });
          }
          post({ id: request.id, kind: "read-done", sources: [] });
        });
        workers.push(w);
        return w as unknown as Worker;
      },
    });
    const sources = await files.readFiles([file("a.xlsx"), file("vo.xlsx"), file("b.xlsx")]);
    expect(sources.map((s) => [s.file, s.error?.code ?? "ok", s.error?.message])).toEqual([
      ["a.xlsx", "ok", undefined],
      ["vo.xlsx", "corrupt", "Không đọc được tệp vo.xlsx: tệp bị hỏng hoặc không đúng định dạng (Trình đọc tệp gặp lỗi: Out of memory.)."],
      ["b.xlsx", "ok", undefined],
    ]);
    expect(readers(workers)).toHaveLength(2);
  });

  it("reads a merge's files in batches, each file's source taken as it comes, so a stop loses only the file past its limit", async () => {
    const requests: string[][] = [];
    const files = createFileUseCases({
      fileTimeLimitMs: 50,
      makeWorker: async () =>
        new StandInWorker((request, post) => {
          if (request.kind !== "read") return;
          requests.push(request.files.map((f) => f.name));
          for (const [k, f] of request.files.entries()) {
            if (f.name === "slow.xlsx") return;
            post({ id: request.id, kind: "progress", done: k, total: request.files.length, item: f.name });
            post({ id: request.id, kind: "read-one", k, source: { file: f.name, sha256: "0" } });
          }
          post({ id: request.id, kind: "read-done", sources: [] });
        }) as unknown as Worker,
    });
    const names = Array.from({ length: 20 }, (_, i) => (i === 5 ? "slow.xlsx" : `f${i}.xlsx`));
    const read: string[] = [];
    const sources = await files.readFiles(names.map(file), (p) => read.push(`${p.done} ${p.item}`));
    expect(sources.map((s) => s.error?.code ?? s.file)).toEqual(names.map((n) => (n === "slow.xlsx" ? "timeout" : n)));
    // 16 at a time; after the stop, the rest of the batch in a new worker, then the next batch.
    expect(requests).toEqual([names.slice(0, 16), names.slice(6, 16), names.slice(16)]);
    expect(read).toEqual([...names.map((n, i) => `${i} ${n}`), "20 f19.xlsx"]);
  });

  it("rejects a check with the worker's message naming the file", async () => {
    const files = createFileUseCases({
      makeWorker: async () =>
        new StandInWorker((request, post) =>
          post({ id: request.id, kind: "failed", code: "corrupt", message: "Không đọc được tệp x.xlsx: tệp bị hỏng." }),
        ) as unknown as Worker,
    });
    const promise = files.checkFile(file("x.xlsx"));
    await expect(promise).rejects.toBeInstanceOf(FileReadError);
    await expect(promise).rejects.toThrow("Không đọc được tệp x.xlsx: tệp bị hỏng.");
  });

  it("reads a targets file in the worker: the request and the answer carry the file and its targets", async () => {
    const requests: WorkerRequest[] = [];
    const files = createFileUseCases({
      makeWorker: async () =>
        new StandInWorker((request, post) => {
          requests.push(request);
          if (request.kind !== "targets") return;
          if (request.file.name === "hong.xlsx") post({ id: request.id, kind: "failed", code: "corrupt", message: "Không đọc được tệp hong.xlsx: tệp bị hỏng." });
          else post({ id: request.id, kind: "targets-done", targets: { source: "workbook", sheet: "Mục tiêu", targets: { "1.1": { op: ">=", value: 80 } }, changed: [], issues: [] } });
        }) as unknown as Worker,
    });
    const used = await files.readTargetsFile(file("ke-hoach.xlsx"));
    expect(requests.map((r) => [r.kind, "file" in r ? r.file.name : ""])).toEqual([["targets", "ke-hoach.xlsx"]]);
    expect(used.targets["1.1"]).toEqual({ op: ">=", value: 80 });
    const bad = files.readTargetsFile(file("hong.xlsx"));
    await expect(bad).rejects.toBeInstanceOf(FileReadError);
    await expect(bad).rejects.toThrow("Không đọc được tệp hong.xlsx: tệp bị hỏng.");
  });

  it("terminates the worker on abort and starts a new one for the next request", async () => {
    const workers: StandInWorker[] = [];
    const files = createFileUseCases({
      makeWorker: async () => {
        // Never answers the first request; answers later ones.
        const w = new StandInWorker((request, post) => {
          if (readers(workers).length > 1 && request.kind === "read") {
            post({ id: request.id, kind: "read-done", sources: request.files.map((f) => ({ file: f.name, sha256: "0" })) });
          }
        });
        workers.push(w);
        return w as unknown as Worker;
      },
    });
    const controller = new AbortController();
    const stuck = files.readFiles([file("a.xlsx")], undefined, controller.signal);
    await new Promise((resolve) => setTimeout(resolve, 5));
    controller.abort();
    await expect(stuck).rejects.toBeInstanceOf(Cancelled);
    expect(workers[0]!.terminated).toBe(true);
    await expect(files.readFiles([file("b.xlsx")])).resolves.toEqual([{ file: "b.xlsx", sha256: "0" }]);
    expect(readers(workers)).toHaveLength(2);
  });

  it("starts a merge's workers ahead (prepareMerge): the files chosen next are read in the one already loading its readers", async () => {
    const workers: StandInWorker[] = [];
    const files = createFileUseCases({
      makeWorker: readingWorkers(workers),
    });
    files.prepareMerge!();
    files.prepareMerge!();
    await new Promise((resolve) => setTimeout(resolve, 5));
    // One for reading (its readers loading) and one for the merge (the merge and the writer loading); asked twice, started once.
    expect(workers.map((w) => [...w.kinds])).toEqual([["warm:read"], ["warm:merge"]]);
    await expect(files.readFiles([file("a.xlsx"), file("b.xlsx")])).resolves.toHaveLength(2);
    expect(workers).toHaveLength(2);
    expect([...workers[0]!.kinds]).toEqual(["warm:read", "read"]);
    expect(workers[0]!.terminated).toBe(true);
    // The next merge, not prepared, makes a worker of its own.
    await expect(files.readFiles([file("c.xlsx")])).resolves.toHaveLength(1);
    expect(readers(workers)).toHaveLength(2);
  });

  it("reads the files when the worker started ahead could not start", async () => {
    let made = 0;
    const workers: StandInWorker[] = [];
    const reading = readingWorkers(workers);
    const files = createFileUseCases({
      makeWorker: async () => {
        if (made++ === 0) throw new Error("no worker now");
        return reading();
      },
    });
    files.prepareMerge!();
    await new Promise((resolve) => setTimeout(resolve, 5));
    await expect(files.readFiles([file("a.xlsx")])).resolves.toEqual([{ file: "a.xlsx", sha256: "0" }]);
    expect(readers(workers)).toHaveLength(1);
  });

  it("lets go of a worker started ahead whose script fails before the files come, and reads them in a new one", async () => {
    const workers: StandInWorker[] = [];
    const files = createFileUseCases({
      fileTimeLimitMs: 300,
      makeWorker: readingWorkers(workers),
    });
    files.prepareMerge!();
    await new Promise((resolve) => setTimeout(resolve, 5));
    const ahead = workers.find((w) => w.kinds.has("warm:read"))!;
    ahead.failToLoad();
    expect(ahead.terminated).toBe(true);
    // Read, not stopped past the time limit by a worker that will never answer.
    await expect(files.readFiles([file("a.xlsx")])).resolves.toEqual([{ file: "a.xlsx", sha256: "0" }]);
    expect(readers(workers)).toHaveLength(1);
    expect(readers(workers)[0]).not.toBe(ahead);
  });

  it("opens a message in the worker from a copy: the page keeps the message's bytes, to take a unit's file out of it again for its feedback", async () => {
    const workers: StandInWorker[] = [];
    const files = createFileUseCases({
      makeWorker: async () => {
        const w = new StandInWorker((request, post) => {
          if (request.kind === "expand") {
            const entry = { name: `${request.file.name} › a.xlsx`, bytes: new Uint8Array([9]) };
            post({ id: request.id, kind: "expand-done", expanded: { entries: [{ file: entry, origin: { kind: "email", container: request.file.name, path: "a.xlsx" } }], skipped: [] } });
          }
          if (request.kind === "read") post({ id: request.id, kind: "read-done", sources: request.files.map((f) => ({ file: f.name, sha256: "0" })) });
        });
        workers.push(w);
        return w as unknown as Worker;
      },
    });
    const message = file("thu.eml");
    const sources = await files.readFiles([message]);
    expect(sources.map((s) => s.file)).toEqual(["thu.eml › a.xlsx"]);
    // Not moved to the worker: still the page's, whole.
    expect(message.bytes).toEqual(new Uint8Array([1, 2, 3]));
    expect(workers.flatMap((w) => w.transfers).flat().filter((t) => t === message.bytes.buffer)).toHaveLength(0);
    const entries = await files.entriesOf(message, ["a.xlsx", "b.xlsx"]);
    expect([...entries.keys()]).toEqual(["a.xlsx"]);
    expect(entries.get("a.xlsx")!.bytes).toEqual(new Uint8Array([9]));
    expect(message.bytes).toEqual(new Uint8Array([1, 2, 3]));
  });

  it("opens an archive on the page when no worker can be made for it, for the merge and for a unit's feedback", async () => {
    // The read worker can be made; none for opening a message or archive (made one each, first).
    let makes = 0;
    const files = createFileUseCases({
      makeWorker: async () => {
        makes++;
        if (makes !== 2) throw new Error("Worker blocked");
        const w = new StandInWorker((request, post) => {
          if (request.kind === "read") post({ id: request.id, kind: "read-done", sources: request.files.map((f) => ({ file: f.name, sha256: "0" })) });
        });
        return w as unknown as Worker;
      },
    });
    const archive = { name: "goi.zip", bytes: zipSync({ "xa/a.xlsx": new Uint8Array([9]) }) };
    const sources = await files.readFiles([archive]);
    expect(sources.map((s) => [s.file, s.error])).toEqual([["goi.zip › xa/a.xlsx", undefined]]);
    const entries = await files.entriesOf(archive, ["xa/a.xlsx"]);
    expect(entries.get("xa/a.xlsx")!.bytes).toEqual(new Uint8Array([9]));
  });

  it("refuses a message or archive whose worker breaks while a merge opens it, never opening it on the page; opened again for feedback, it is", async () => {
    const workers: StandInWorker[] = [];
    const files = createFileUseCases({
      makeWorker: async () => {
        const w = new StandInWorker((request, post) => {
          if (request.kind === "expand") w.failToLoad();
          if (request.kind === "read") post({ id: request.id, kind: "read-done", sources: request.files.map((f) => ({ file: f.name, sha256: "0" })) });
        });
        workers.push(w);
        return w as unknown as Worker;
      },
    });
    const archive = { name: "goi.zip", bytes: zipSync({ "xa/a.xlsx": new Uint8Array([9]) }) };
    const sources = await files.readFiles([archive, { name: "b.xlsx", bytes: new Uint8Array([1]) }]);
    expect(sources.map((s) => [s.file, s.error?.code, s.error?.message])).toEqual([
      ["goi.zip", "corrupt", "Không đọc được tệp goi.zip: tệp bị hỏng hoặc không đúng định dạng (Trình đọc tệp gặp lỗi: script failed to load.)."],
      ["b.xlsx", undefined, undefined],
    ]);
    expect(workers.filter((w) => w.kinds.has("expand"))).toHaveLength(1);
    // One a merge opened before (a unit's file in it to make feedback from): its worker failing, the page opens it.
    expect((await files.entriesOf(archive, ["xa/a.xlsx"])).get("xa/a.xlsx")!.bytes).toEqual(new Uint8Array([9]));
    expect(workers.filter((w) => w.kinds.has("expand"))).toHaveLength(2);
  });

  it("makes a unit's feedback file in a worker of its own: one past the time limit is stopped with its reason, and “Hủy” ends the worker", async () => {
    const workers: StandInWorker[] = [];
    const files = createFileUseCases({
      fileTimeLimitMs: 50,
      makeWorker: async () => {
        // Never answers a feedback request, like a writer stuck on a hostile file.
        const w = new StandInWorker(() => undefined);
        workers.push(w);
        return w as unknown as Worker;
      },
    });
    const finding = { issues: [], unit: null };
    const late = files.feedbackFile(file("cham.xlsx"), finding);
    await expect(late).rejects.toBeInstanceOf(FileReadError);
    await expect(late).rejects.toThrow("Không đọc được tệp cham.xlsx: đọc quá 0 giây nên đã dừng");
    expect(workers.filter((w) => w.kinds.has("feedback")).map((w) => w.terminated)).toEqual([true]);

    const controller = new AbortController();
    const stopped = files.feedbackFile(file("a.xlsx"), finding, { signal: controller.signal });
    await new Promise((resolve) => setTimeout(resolve, 5));
    controller.abort();
    await expect(stopped).rejects.toBeInstanceOf(Cancelled);
    expect(workers.filter((w) => w.kinds.has("feedback")).map((w) => w.terminated)).toEqual([true, true]);
    // The page's file is sent as a copy (it keeps it); so is one it lets go of, to a worker that has not answered yet.
    expect(workers.filter((w) => w.kinds.has("feedback")).map((w) => w.transfers)).toEqual([[[]], [[]]]);
    await expect(files.feedbackFile(file("b.xlsx"), finding, { moved: true })).rejects.toBeInstanceOf(FileReadError);
    expect(workers.at(-1)!.transfers).toEqual([[]]);
  });

  it("moves a feedback file the page lets go of only to a worker that has answered, whose script has loaded", async () => {
    const workers: StandInWorker[] = [];
    const files = createFileUseCases({
      makeWorker: async () => {
        const w = new StandInWorker((request, post) => {
          if (request.kind === "feedback" && "file" in request) post({ id: request.id, kind: "feedback-done", output: { name: "g.xlsx", bytes: new Uint8Array([7]), source: request.file.name, unit: null, notes: 0, errors: 0, warnings: 0, method: "package" } });
        });
        workers.push(w);
        return w as unknown as Worker;
      },
    });
    const finding = { issues: [], unit: null };
    await files.feedbackFile(file("a.xlsx"), finding, { moved: true });
    const second = file("b.xlsx");
    await files.feedbackFile(second, finding, { moved: true });
    expect(workers.map((w) => w.transfers)).toEqual([[[], [second.bytes.buffer]]]);
  });
});
