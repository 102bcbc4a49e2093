/**
 * The CLI's read worker (a Node worker thread): reads one file at a time for
 * the main thread, which ends it when a file runs past the time limit.
 */
import { parentPort } from "node:worker_threads";
import { readSource, type InputFile } from "../../app/sources";

parentPort?.on("message", (file: InputFile) => {
  readSource(file).then(
    (source) => parentPort?.postMessage({ ok: true, source }),
    (error: unknown) => parentPort?.postMessage({ ok: false, message: error instanceof Error ? error.message : String(error) }),
  );
});
