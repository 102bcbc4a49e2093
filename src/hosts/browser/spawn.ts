/** Starts the bundled read worker (webpack emits it as its own chunk). Browser only. */
export function spawnReadWorker(): Worker {
  return new Worker(new URL("./read.worker.ts", import.meta.url), { name: "doc-tep" });
}
