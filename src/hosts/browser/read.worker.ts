/**
 * The read worker: parses workbook files off the task pane's UI thread, a
 * batch at a time, reporting progress before each and sending each file's
 * source as soon as it is read, with the app's own use cases; and, in a worker
 * of its own, merges the sources the page handed over and writes the summary
 * workbook (app/summarise.ts, io/write: the CLI's own use case and writer);
 * and makes units' feedback files and their .zip (app/feedback.ts, as the CLI
 * makes them).
 * They load with import() on the first request, or when the page asks ahead of it ("warm"), so
 * the worker itself starts small.
 */
import "../../taskpane/polyfills";
import type { MergeSource } from "../../domain/merge";
import type { WorkerRequest, WorkerResponse } from "./protocol";

interface WorkerScope {
  onmessage: ((event: MessageEvent<WorkerRequest>) => void) | null;
  postMessage(message: WorkerResponse, transfer?: Transferable[]): void;
}

const scope = self as unknown as WorkerScope;

/** The summary's files sent in one message (each message is read by the page in one turn). */
const FILES_PER_MESSAGE = 100;

/** The merge and the summary writer, loaded once (as soon as sources come, before the merge is asked for). */
let loading: Promise<[typeof import("../../app/summarise"), typeof import("../../io/write")]> | undefined;
const mergeModules = () => (loading ??= Promise.all([import("../../app/summarise"), import("../../io/write")]));
/** The readers, loaded once (on the first file, or ahead of it when the page asks). */
let reading: Promise<typeof import("../../app/sources")> | undefined;
const readModules = () => (reading ??= import("../../app/sources"));

/**
 * The merge and the writer loaded, and run once on an empty merge (nothing sent back): their code is
 * compiled before the first real merge, which the user waits for. Once per worker, however often asked.
 */
let warmed: Promise<void> | undefined;
const warmMerge = (): Promise<void> =>
  (warmed ??= mergeModules().then(async ([{ summarise }, { writeWorkbookXlsx }]) => {
    await writeWorkbookXlsx(summarise([], { units: [] }, { unitName: "", superior: "", place: "", level: "huyen", date: "2021-01-01" }).layout);
  }));

/** The buffer of bytes made here, to move to the page. */
const movable = (bytes: Uint8Array): Transferable[] => (bytes.buffer instanceof ArrayBuffer ? [bytes.buffer] : []);

/** The sources the page asked to keep, by its numbers: those of its latest merge. */
const kept = new Map<number, MergeSource>();

/** The sources of a merge, in order; the others are let go. Runs as the request arrives (before any await). */
function sourcesOf(ids: readonly number[]): MergeSource[] | { missing: number } {
  const out: MergeSource[] = [];
  for (const id of ids) {
    const source = kept.get(id);
    if (!source) return { missing: id };
    out.push(source);
  }
  const wanted = new Set(ids);
  for (const id of [...kept.keys()]) if (!wanted.has(id)) kept.delete(id);
  return out;
}

async function handle(request: Exclude<WorkerRequest, { kind: "keep" | "warm" }>, sources: MergeSource[] | { missing: number } | null): Promise<void> {
  try {
    if (request.kind === "summarise") {
      // The app's merge use case, as the CLI runs it, and the summary workbook written here: the page only shows it.
      if (!sources || !Array.isArray(sources)) throw new Error(`Trình tổng hợp không còn giữ tệp số ${sources?.missing ?? "?"}.`);
      const [{ summarise }, { writeWorkbookXlsx }] = await mergeModules();
      const run = summarise(sources, request.options, request.layout);
      // The page shows the summary while the workbook is written.
      const { files } = run.summary;
      for (let k = 0; k < files.length; k += FILES_PER_MESSAGE) scope.postMessage({ id: request.id, kind: "summarised", files: files.slice(k, k + FILES_PER_MESSAGE) });
      scope.postMessage({ id: request.id, kind: "summarised", summary: { ...run.summary, files: [] } });
      scope.postMessage({ id: request.id, kind: "summarised", layout: run.layout });
      const xlsx = await writeWorkbookXlsx(run.layout);
      // The workbook's bytes are moved to the page, not copied.
      scope.postMessage({ id: request.id, kind: "summarise-done", xlsx }, movable(xlsx));
    } else if (request.kind === "read") {
      // Each file hashed and read here (the page hashes nothing), its source sent as soon as it is read.
      const { readSource } = await readModules();
      const total = request.files.length;
      for (const [k, file] of request.files.entries()) {
        scope.postMessage({ id: request.id, kind: "progress", done: k, total, item: file.name });
        scope.postMessage({ id: request.id, kind: "read-one", k, source: await readSource(file) });
      }
      if (total > 0) scope.postMessage({ id: request.id, kind: "progress", done: total, total, item: request.files[total - 1]!.name });
      scope.postMessage({ id: request.id, kind: "read-done", sources: [] });
    } else if (request.kind === "feedback") {
      // The app's feedback use case, as the CLI and the page's own thread run it; the bytes made are moved to the page.
      const feedback = await import("../../app/feedback");
      if ("outputs" in request) {
        const zip = feedback.feedbackZip(request.outputs);
        scope.postMessage({ id: request.id, kind: "feedback-done", zip }, movable(zip));
      } else {
        const output = await feedback.feedbackFile(request.file, request.finding);
        scope.postMessage({ id: request.id, kind: "feedback-done", output }, movable(output.bytes));
      }
    } else if (request.kind === "expand") {
      // The readers of messages and archives load here, only when such a file comes.
      const expanded = await (await import("../../app/containers")).expandOne(request.file);
      scope.postMessage({ id: request.id, kind: "expand-done", expanded });
    } else if (request.kind === "targets") {
      const targets = (await import("../../app/read-targets")).readTargets(request.file);
      scope.postMessage({ id: request.id, kind: "targets-done", targets });
    } else {
      const result = (await import("../../app/check")).checkFile(request.file);
      scope.postMessage({ id: request.id, kind: "check-done", result });
    }
  } catch (error) {
    // Reported to the page, which shows it with the file name; never dropped here.
    const code = typeof (error as { code?: unknown }).code === "string" ? (error as { code: string }).code : null;
    scope.postMessage({ id: request.id, kind: "failed", message: error instanceof Error ? error.message : String(error), code });
  }
}

scope.onmessage = (event) => {
  const request = event.data;
  if (request.kind === "keep") {
    for (const [id, source] of request.sources) kept.set(id, source);
    // The merge's modules load while the files are still being read.
    void mergeModules();
    return;
  }
  if (request.kind === "warm") {
    // A failure to load shows when the modules are asked for by a request, which reports it.
    (request.what === "merge" ? warmMerge() : readModules()).catch(() => undefined);
    return;
  }
  // Taken now, in the order the requests came (a later merge may let some of these go).
  void handle(request, request.kind === "summarise" ? sourcesOf(request.ids) : null);
};
