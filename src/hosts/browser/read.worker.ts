/**
 * The read worker: parses workbook files off the task pane's UI thread, a
 * batch at a time, reporting progress before each and sending each file's
 * source as soon as it is read, with the app's own use cases.
 * They load with import() on the first request, so the worker itself starts small.
 */
import "../../taskpane/polyfills";
import type { WorkerRequest, WorkerResponse } from "./protocol";

interface WorkerScope {
  onmessage: ((event: MessageEvent<WorkerRequest>) => void) | null;
  postMessage(message: WorkerResponse): void;
}

const scope = self as unknown as WorkerScope;

async function handle(request: WorkerRequest): Promise<void> {
  try {
    if (request.kind === "read") {
      // Each file hashed and read here (the page hashes nothing), its source sent as soon as it is read.
      const { readSource } = await import("../../app/sources");
      const total = request.files.length;
      for (const [k, file] of request.files.entries()) {
        scope.postMessage({ id: request.id, kind: "progress", done: k, total, item: file.name });
        scope.postMessage({ id: request.id, kind: "read-one", k, source: await readSource(file) });
      }
      if (total > 0) scope.postMessage({ id: request.id, kind: "progress", done: total, total, item: request.files[total - 1]!.name });
      scope.postMessage({ id: request.id, kind: "read-done", sources: [] });
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
  void handle(event.data);
};
