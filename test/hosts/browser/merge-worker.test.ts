/**
 * The merge in the page's worker: the worker module itself (read.worker.ts,
 * run here with a stand-in for its global scope) keeps the sources it is
 * handed, merges those a request names with the app's own use case (the
 * same summary and layout as in this thread), writes the summary workbook and
 * moves its bytes to the page; it lets go of sources a merge no longer names.
 * And the page's side (createFileUseCases): each source read is handed over
 * once, a merge names the sources by number, and downloading the summary
 * takes the workbook the worker wrote.
 */
import * as XLSX from "@e965/xlsx";
import { unitWorkbook } from "../../../bench/corpus";
import { readSource } from "../../../src/app/sources";
import * as summariseModule from "../../../src/app/summarise";
import { summarise } from "../../../src/app/summarise";
import type { MergeSource, Summary } from "../../../src/domain/merge";
import type { WorkbookLayout } from "../../../src/domain/model/layout";
import { createFileUseCases } from "../../../src/hosts/browser/file-use-cases";
import type { WorkerRequest, WorkerResponse } from "../../../src/hosts/browser/protocol";

const LAYOUT = { unitName: "Huyện ủy Tam Đường", superior: "ĐẢNG BỘ TỈNH LAI CHÂU", place: "Tam Đường", level: "huyen" as const, date: "2021-07-01" };

describe("the merge in the worker (read.worker.ts)", () => {
  const posted: { message: WorkerResponse; transfer: Transferable[] | undefined }[] = [];
  let send: (request: WorkerRequest) => void;

  beforeAll(async () => {
    const scope = {
      onmessage: null as ((event: { data: WorkerRequest }) => void) | null,
      postMessage: (message: WorkerResponse, transfer?: Transferable[]) => posted.push({ message, transfer }),
    };
    (globalThis as { self?: unknown }).self = scope;
    await import("../../../src/hosts/browser/read.worker");
    send = (request) => scope.onmessage!({ data: request });
  });
  afterAll(() => {
    delete (globalThis as { self?: unknown }).self;
  });

  /** The answer to request `id` of that kind (or its failure). */
  const answer = async (id: number, kind: WorkerResponse["kind"]): Promise<{ message: WorkerResponse; transfer: Transferable[] | undefined }> => {
    for (let i = 0; i < 500; i++) {
      const found = posted.find((p) => p.message.id === id && (p.message.kind === kind || p.message.kind === "failed"));
      if (found) return found;
      await new Promise((resolve) => setTimeout(resolve, 10));
    }
    throw new Error(`no answer to request ${id}`);
  };

  it("asked to warm up, runs the merge and the writer once on nothing, however often asked, and answers nothing", async () => {
    const spy = jest.spyOn(summariseModule, "summarise");
    const before = posted.length;
    send({ id: 0, kind: "warm", what: "merge" });
    send({ id: 0, kind: "warm", what: "read" });
    send({ id: 0, kind: "warm", what: "merge" });
    for (let i = 0; i < 500 && spy.mock.calls.length === 0; i++) await new Promise((resolve) => setTimeout(resolve, 10));
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(spy).toHaveBeenCalledTimes(1);
    expect(spy.mock.calls[0]![0]).toEqual([]);
    expect(posted).toHaveLength(before);
    spy.mockRestore();
  });

  it("merges the kept sources named, as this thread does, and moves the .xlsx to the page; sources no longer named are let go", async () => {
    const sources: MergeSource[] = [];
    for (let i = 0; i < 3; i++) sources.push(await readSource({ name: `don-vi-${i + 1}.xlsx`, bytes: await unitWorkbook(i) }));
    const options = { units: [{ name: "Chi bộ số 0000001", level: "co-so" as const }], deadline: "2021-06-25" };

    send({ id: 0, kind: "keep", sources: sources.map((s, k) => [k + 1, s] as const) });
    send({ id: 1, kind: "summarise", ids: [1, 2, 3], options, layout: LAYOUT });
    const summarised = (await answer(1, "summarised")).message;
    const here = summarise(sources, options, LAYOUT);
    // The files first, then the rest of the summary.
    expect(summarised.kind === "summarised" && "files" in summarised ? summarised.files : summarised).toEqual(here.summary.files);
    const rest = posted[posted.findIndex((p) => p.message === summarised) + 1]!.message;
    if (rest.kind !== "summarised" || !("summary" in rest)) throw new Error(`answered ${rest.kind}`);
    expect({ ...rest.summary, files: here.summary.files }).toEqual(here.summary);
    // The layout in a message of its own, next.
    const next = posted[posted.findIndex((p) => p.message === rest) + 1]!.message;
    expect(next.kind === "summarised" && "layout" in next ? next.layout : next).toEqual(here.layout);
    // Then the workbook: its bytes are in the transfer list (moved, not copied), after the summary, and it opens.
    const done = await answer(1, "summarise-done");
    if (done.message.kind !== "summarise-done") throw new Error(`answered ${done.message.kind}`);
    expect(posted.findIndex((p) => p.message === done.message)).toBeGreaterThan(posted.findIndex((p) => p.message === next));
    expect(done.transfer).toEqual([done.message.xlsx.buffer]);
    const wb = XLSX.read(done.message.xlsx, { type: "array" });
    expect(wb.SheetNames).toEqual(here.layout.sheets.map((s) => s.name));

    // A merge of two of them lets the third go: a later merge naming it is refused with a reason.
    send({ id: 2, kind: "summarise", ids: [2, 1], options, layout: LAYOUT });
    const two = (await answer(2, "summarised")).message;
    expect(two.kind === "summarised" && "files" in two ? two.files.map((f) => f.file) : two).toEqual(["don-vi-2.xlsx", "don-vi-1.xlsx"]);
    send({ id: 3, kind: "summarise", ids: [1, 2, 3], options, layout: LAYOUT });
    const refused = (await answer(3, "summarised")).message;
    expect(refused.kind).toBe("failed");
    expect(refused.kind === "failed" ? refused.message : "").toContain("không còn giữ tệp số 3");
  }, 60_000);
});

class StandInWorker {
  onmessage: ((event: MessageEvent<WorkerResponse>) => void) | null = null;
  onerror: ((event: ErrorEvent) => void) | null = null;
  readonly requests: WorkerRequest[] = [];
  terminated = false;
  constructor(private readonly answer: (request: WorkerRequest, post: (r: WorkerResponse) => void) => void) {}
  postMessage(request: WorkerRequest): void {
    this.requests.push(request);
    setTimeout(() => this.answer(request, (r) => this.onmessage?.({ data: r } as MessageEvent<WorkerResponse>)), 0);
  }
  terminate(): void {
    this.terminated = true;
  }
}

describe("the page's side of the merge worker", () => {
  it("hands each source read over once, names them by number in each merge, and the download takes the workbook the worker wrote", async () => {
    const workers: StandInWorker[] = [];
    const xlsx = new Uint8Array([0x50, 0x4b, 9]);
    const layout = { sheets: [], styles: [] } as unknown as WorkbookLayout;
    const files = createFileUseCases({
      makeWorker: async () => {
        const w = new StandInWorker((request, post) => {
          if (request.kind === "read") {
            request.files.forEach((f, k) => post({ id: request.id, kind: "read-one", k, source: { file: f.name, sha256: String(k) } }));
            post({ id: request.id, kind: "read-done", sources: [] });
          } else if (request.kind === "summarise") {
            // The summary's files in slices, then the rest, then the layout.
            post({ id: request.id, kind: "summarised", files: [{ file: "a.xlsx" }] as unknown as Summary["files"] });
            post({ id: request.id, kind: "summarised", files: [{ file: "b.xlsx" }] as unknown as Summary["files"] });
            post({ id: request.id, kind: "summarised", summary: { files: [], received: ["A"] } as unknown as Summary });
            post({ id: request.id, kind: "summarised", layout });
            // The workbook comes after the summary.
            setTimeout(() => post({ id: request.id, kind: "summarise-done", xlsx }), 20);
          }
        });
        workers.push(w);
        return w as unknown as Worker;
      },
    });
    const read = await files.readFiles([
      { name: "a.xlsx", bytes: new Uint8Array([1]) },
      { name: "b.xlsx", bytes: new Uint8Array([2]) },
    ]);
    await new Promise((resolve) => setTimeout(resolve, 10));
    const merger = workers.find((w) => w.requests.some((r) => r.kind === "keep"))!;
    const kept = () => merger.requests.flatMap((r) => (r.kind === "keep" ? r.sources.map(([n, s]) => `${n}:${s.file}`) : []));
    // Handed over as they were read, before any merge.
    expect(kept()).toEqual(["1:a.xlsx", "2:b.xlsx"]);

    const options = { units: [] };
    const run = await files.summarise(read, options, LAYOUT);
    await files.summarise([read[1]!, read[0]!], options, LAYOUT);
    const merges = merger.requests.filter((r) => r.kind === "summarise");
    expect(merges.map((r) => (r.kind === "summarise" ? r.ids : []))).toEqual([
      [1, 2],
      [2, 1],
    ]);
    // Nothing handed over twice.
    expect(kept()).toEqual(["1:a.xlsx", "2:b.xlsx"]);
    expect(run.sources).toBe(read);
    expect(run.summary.files.map((f) => f.file)).toEqual(["a.xlsx", "b.xlsx"]);
    expect(run.summary.received).toEqual(["A"]);

    // A source the worker was never given (resumed from the browser's storage) is handed over with its merge.
    const resumed: MergeSource = { file: "c.xlsx", sha256: "c" };
    await files.summarise([...read, resumed], options, LAYOUT);
    expect(kept()).toEqual(["1:a.xlsx", "2:b.xlsx", "3:c.xlsx"]);

    // The download is the workbook the worker wrote for that run (it waits for it when asked before it came).
    await expect(files.writeXlsx(run.layout)).resolves.toBe(xlsx);
  });

  it("writes the summary workbook in the page when the worker could not write it", async () => {
    // A real summary layout, as the worker would answer it.
    const source = await readSource({ name: "a.xlsx", bytes: await unitWorkbook(0) });
    const made = summarise([source], { units: [] }, LAYOUT);
    const files = createFileUseCases({
      makeWorker: async () =>
        new StandInWorker((request, post) => {
          if (request.kind === "read") {
            post({ id: request.id, kind: "read-done", sources: [] });
          } else if (request.kind === "summarise") {
            post({ id: request.id, kind: "summarised", files: made.summary.files });
            post({ id: request.id, kind: "summarised", summary: { ...made.summary, files: [] } });
            post({ id: request.id, kind: "summarised", layout: made.layout });
            // The summary came; writing its workbook failed in the worker.
            post({ id: request.id, kind: "failed", message: "hết bộ nhớ", code: null });
          }
        }) as unknown as Worker,
    });
    const run = await files.summarise([source], { units: [] }, LAYOUT);
    expect(run.summary.files.map((f) => f.file)).toEqual(["a.xlsx"]);
    const xlsx = await files.writeXlsx(run.layout);
    // Written here instead, from the layout the worker answered: the summary's sheets, as the worker would have written them.
    const book = XLSX.read(xlsx, { type: "array" });
    expect(book.SheetNames).toEqual(made.layout.sheets.map((sheet) => sheet.name));
  });

  it("hands everything over again to a new worker after the last one failed", async () => {
    const workers: StandInWorker[] = [];
    let fail = true;
    const files = createFileUseCases({
      makeWorker: async () => {
        const w: StandInWorker = new StandInWorker((request, post) => {
          if (request.kind !== "summarise") return;
          if (fail) {
            fail = false;
            w.onerror?.({ message: "hỏng", preventDefault: () => undefined } as ErrorEvent);
            return;
          }
          post({ id: request.id, kind: "summarised", summary: { files: [] } as unknown as Summary });
          post({ id: request.id, kind: "summarised", layout: { sheets: [] } as unknown as WorkbookLayout });
          post({ id: request.id, kind: "summarise-done", xlsx: new Uint8Array(1) });
        });
        workers.push(w);
        return w as unknown as Worker;
      },
    });
    const sources: MergeSource[] = [{ file: "a.xlsx", sha256: "a" }];
    await expect(files.summarise(sources, { units: [] }, LAYOUT)).rejects.toThrow("hỏng");
    await files.summarise(sources, { units: [] }, LAYOUT);
    expect(workers).toHaveLength(2);
    expect(workers[0]!.terminated).toBe(true);
    // The new worker holds nothing: the source is handed over again.
    expect(workers[1]!.requests.map((r) => r.kind)).toEqual(["keep", "summarise"]);
  });
});
