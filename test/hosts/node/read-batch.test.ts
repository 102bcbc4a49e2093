/**
 * A batch of files in the CLI's read worker: each file answered as it is read, each under the
 * time limit; a file past it ends the worker and is rejected, and only the files after it are
 * read again, one at a time. A stand-in worker plays the worker thread.
 */
import { EventEmitter } from "node:events";
import type { InputFile } from "../../../src/app/sources";
import type { MergeSource } from "../../../src/domain/merge";
import { withRefused } from "../../../src/hosts/node/files";
import { runBatch, type BatchSlot, type WorkerTask } from "../../../src/hosts/node/read-pool";

const file = (name: string): InputFile => ({ name, bytes: new Uint8Array([1, 2, 3]) });
const source = (name: string): MergeSource => ({ file: name, sha256: "0" });

/** A worker that answers the files of a batch in turn, and never answers the ones named `hang`. */
function slot(hang: ReadonlySet<string>) {
  const log: string[] = [];
  const make = () => {
    const w = new EventEmitter() as EventEmitter & { postMessage(task: WorkerTask): void };
    w.postMessage = (task) => {
      if (!("task" in task) || task.task !== "batch") throw new Error("a batch was expected");
      log.push(`batch ${task.files.map((f) => f.name).join(",")}`);
      void (async () => {
        for (const [k, f] of task.files.entries()) {
          if (hang.has(f.name)) return;
          await new Promise((r) => setTimeout(r, 1));
          w.emit("message", { k, ok: true, source: source(f.name) });
        }
      })();
    };
    return w;
  };
  let current: ReturnType<typeof make> | null = null;
  const s: BatchSlot = {
    worker: () => (current ??= make()) as unknown as ReturnType<BatchSlot["worker"]>,
    end: async () => {
      log.push("end");
      current = null;
    },
    run: async (f, limitMs) => {
      log.push(`one ${f.name}`);
      if (hang.has(f.name)) {
        await new Promise((r) => setTimeout(r, limitMs));
        return { failed: "timeout" };
      }
      return { ok: true, source: source(f.name) };
    },
  };
  return { slot: s, log };
}

describe("a batch in the read worker", () => {
  it("reads every file of the batch in one exchange, with each file's progress", async () => {
    const { slot: s, log } = slot(new Set());
    const read: number[] = [];
    const out = await runBatch(s, [file("a"), file("b"), file("c")], { limitMs: 1000, onRead: (k) => read.push(k) });
    expect(out).toEqual([source("a"), source("b"), source("c")]);
    expect(read).toEqual([0, 1, 2]);
    expect(log).toEqual(["batch a,b,c"]);
  });

  it("rejects only the file past its limit: the worker is ended and the files after it are read one at a time", async () => {
    const { slot: s, log } = slot(new Set(["b", "d"]));
    const read: number[] = [];
    const out = await runBatch(s, [file("a"), file("b"), file("c"), file("d"), file("e")], { limitMs: 200, onRead: (k) => read.push(k) });
    expect(out).toEqual([source("a"), { failed: "timeout" }, source("c"), { failed: "timeout" }, source("e")]);
    expect(read).toEqual([0, 1, 2, 3, 4]);
    expect(log).toEqual(["batch a,b,c,d,e", "end", "one c", "one d", "one e"]);
  });

  it("answers refused files itself and sends the others to the reader together, in order", async () => {
    const refusedFile = file("to-qua.xlsx");
    const refused = new Map([[refusedFile, { file: "to-qua.xlsx", sha256: "1", error: { code: "too-large" as const, message: "quá lớn" } } as MergeSource]]);
    const asked: string[][] = [];
    const reader = withRefused(
      {
        read: () => Promise.reject(new Error("one at a time")),
        batchSize: 8,
        async readBatch(files, { onRead }) {
          asked.push(files.map((f) => f.name));
          return files.map((f, k) => (onRead(k), source(f.name)));
        },
      },
      refused,
    );
    const read: number[] = [];
    const out = await reader.readBatch!([file("a"), refusedFile, file("c")], { limitMs: 1000, onRead: (k) => read.push(k) });
    expect(asked).toEqual([["a", "c"]]);
    expect(read).toEqual([0, 1, 2]);
    const first = await reader.readBatch!([refusedFile, refusedFile], { limitMs: 1000, onRead: (k) => read.push(k) });
    expect(first).toEqual([refused.get(refusedFile), refused.get(refusedFile)]);
    expect(asked).toHaveLength(1);
    expect(read).toEqual([0, 1, 2, 0, 1]);
    expect(out).toEqual([source("a"), refused.get(refusedFile), source("c")]);
    expect(reader.batchSize).toBe(8);
  });
});
