/**
 * The CLI's read worker (a Node worker thread): reads one file, or a batch of files one after
 * another (each answered as soon as it is read), for the main thread (or checks one, for validate),
 * which ends it when a file runs past the time limit.
 */
import { parentPort } from "node:worker_threads";
import { validateFile } from "../../app/check";
import { readSource, type InputFile } from "../../app/sources";
import type { BatchReply, WorkerTask } from "./read-pool";

/** A batch: each file read in turn, its source sent as soon as it is read. */
async function readBatch(files: readonly InputFile[]): Promise<void> {
  for (const [k, file] of files.entries()) {
    try {
      parentPort?.postMessage({ k, ok: true, source: await readSource(file) } satisfies BatchReply);
    } catch (error) {
      parentPort?.postMessage({ k, ok: false, message: error instanceof Error ? error.message : String(error) } satisfies BatchReply);
    }
  }
}

parentPort?.on("message", (task: WorkerTask) => {
  if ("task" in task && task.task === "batch") {
    void readBatch(task.files);
    return;
  }
  if ("task" in task && task.task === "expand") {
    // A message or an archive: its readers load here, only when one comes (require: the worker may run from the TypeScript sources, where import() is not available).
    /* eslint-disable @typescript-eslint/no-require-imports */
    const containers = require("../../io/read/containers/index") as typeof import("../../io/read/containers/index");
    containers.useContainerReaders((require("../../io/read/containers/readers") as typeof import("../../io/read/containers/readers")).CONTAINER_READERS);
    const { expandOne } = require("../../app/containers") as typeof import("../../app/containers");
    /* eslint-enable @typescript-eslint/no-require-imports */
    expandOne(task.file).then(
        (expanded) => parentPort?.postMessage({ ok: true, expanded }),
        (error: unknown) => parentPort?.postMessage({ ok: false, message: error instanceof Error ? error.message : String(error) }),
      );
    return;
  }
  if ("task" in task) {
    try {
      parentPort?.postMessage({ ok: true, check: validateFile(task.file, task.display) });
    } catch (error) {
      parentPort?.postMessage({ ok: false, message: error instanceof Error ? error.message : String(error) });
    }
    return;
  }
  const file: InputFile = task;
  readSource(file).then(
    (source) => parentPort?.postMessage({ ok: true, source }),
    (error: unknown) => parentPort?.postMessage({ ok: false, message: error instanceof Error ? error.message : String(error) }),
  );
});
