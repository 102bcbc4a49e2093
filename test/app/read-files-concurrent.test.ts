/**
 * The one loop with a port that reads several batches at once (several workers): the batches are
 * even and in flight at most `concurrency` at a time, the sources come back in the files' order and
 * the progress file by file in order, exactly as with one batch at a time, however the batches
 * finish; a stop (Cancelled) lets every batch in flight end before the loop gives up. And a batch
 * where some files are answered without reading (refused entries, origins) keeps every file's
 * progress in order.
 */
import { Cancelled } from "../../src/app/cancel";
import { withOrigins } from "../../src/app/containers";
import { readBatchAnswering, readFiles, type FileReaderPort } from "../../src/app/read-files";
import type { InputFile } from "../../src/app/sources";
import type { Progress } from "../../src/app/usecases";
import type { MergeSource } from "../../src/domain/merge";

const file = (name: string): InputFile => ({ name, bytes: new Uint8Array([1, 2, 3]), lastModified: "2021-06-20T08:00:00.000Z" });
const files = (n: number) => Array.from({ length: n }, (_, i) => file(`f${String(i).padStart(4, "0")}.xlsx`));
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** A port reading batches at once, each file after a delay that makes later batches finish first; "cham" files time out. */
function port(concurrency: number, batchSize: number) {
  const log = { batches: [] as string[][], inFlight: 0, most: 0, closed: 0 };
  const reader: FileReaderPort = {
    read: () => Promise.reject(new Error("asked one file at a time")),
    batchSize,
    concurrency,
    async readBatch(batch, { onRead, signal }) {
      log.batches.push(batch.map((f) => f.name));
      log.inFlight++;
      log.most = Math.max(log.most, log.inFlight);
      try {
        const out: (MergeSource | { failed: "timeout" })[] = [];
        // The first batches are the slowest: the lanes finish out of order.
        const delay = Math.max(0, 6 - log.batches.length);
        for (const [k, f] of batch.entries()) {
          await sleep(delay);
          if (signal?.aborted) throw new Cancelled();
          out.push(f.name.includes("cham") ? { failed: "timeout" } : { file: f.name, sha256: "0" });
          onRead(k);
        }
        return out;
      } finally {
        log.inFlight--;
      }
    },
    close: () => {
      log.closed++;
    },
  };
  return { reader, log };
}

async function run(reader: FileReaderPort, list: readonly InputFile[], hooks: { signal?: AbortSignal; onProgress?: (p: Progress) => void } = {}) {
  const progress: string[] = [];
  const read: string[] = [];
  const sources = await readFiles(reader, list, {
    ...hooks,
    onProgress: (p) => {
      progress.push(`${p.done}/${p.total} ${p.item}`);
      hooks.onProgress?.(p);
    },
    onRead: (p) => read.push(`${p.done}/${p.total} ${p.item}`),
    limitMs: 30_000,
  });
  return { sources, progress, read };
}

describe("readFiles with several batches at once", () => {
  it("gives the same sources and the same progress, in the files' order, as one batch at a time", async () => {
    const list = files(1500);
    list[37] = file("cham.xlsx");
    const one = port(1, 32);
    const several = port(3, 32);
    const a = await run(one.reader, list);
    const b = await run(several.reader, list);
    expect(b.sources).toEqual(a.sources);
    expect(b.progress).toEqual(a.progress);
    expect(b.read).toEqual(a.read);
    expect(b.read).toEqual(list.map((f, i) => `${i + 1}/1500 ${f.name}`));
    expect(b.sources.map((s) => s.file)).toEqual(list.map((f) => f.name));
    expect(b.sources[37]!.error?.code).toBe("timeout");
    // One batch at a time: batches of the port's size, one in flight.
    expect(one.log.batches.map((x) => x.length)).toEqual([...Array<number>(46).fill(32), 28]);
    expect(one.log.most).toBe(1);
    // Three lanes: about as many batches for each, three in flight, each file asked once.
    expect(several.log.batches.map((x) => x.length)).toEqual([...Array<number>(46).fill(32), 28]);
    expect(several.log.most).toBe(3);
    expect(several.log.batches.flat().sort()).toEqual(list.map((f) => f.name).sort());
    expect(several.log.closed).toBe(1);
  });

  it("starts a second lane only for enough files", async () => {
    const small = port(4, 32);
    await run(small.reader, files(999));
    expect(small.log.batches.map((x) => x.length)).toEqual([...Array<number>(31).fill(32), 7]);
    expect(small.log.most).toBe(1);
    const some = port(4, 32);
    await run(some.reader, files(1010));
    expect(some.log.batches.map((x) => x.length)).toEqual([...Array<number>(31).fill(32), 18]);
    expect(some.log.most).toBe(2);
  });

  it("stops with Cancelled, every batch in flight ended first, and closes the port", async () => {
    const { reader, log } = port(3, 32);
    const controller = new AbortController();
    const run1 = run(reader, files(200), { signal: controller.signal, onProgress: (p) => p.done === 10 && controller.abort() });
    await expect(run1).rejects.toBeInstanceOf(Cancelled);
    expect(log.inFlight).toBe(0);
    expect(log.closed).toBe(1);
    // No batch was started after the stop.
    expect(log.batches.length).toBeLessThanOrEqual(3);
  });
});

describe("a batch with files answered without reading", () => {
  it("sends the others to the reader together, every file's progress in order", async () => {
    const refused: MergeSource = { file: "b.xlsx", sha256: "1", error: { code: "too-large", message: "quá lớn" } };
    const asked: string[][] = [];
    const read: number[] = [];
    const list = [file("a.xlsx"), file("b.xlsx"), file("c.xlsx")];
    const out = await readBatchAnswering(
      async (batch, { onRead }) => {
        asked.push(batch.map((f) => f.name));
        return batch.map((f, k) => (onRead(k), { file: f.name, sha256: "0" }));
      },
      list,
      { limitMs: 1000, onRead: (k) => read.push(k) },
      (f) => (f.name === "b.xlsx" ? refused : undefined),
    );
    expect(asked).toEqual([["a.xlsx", "c.xlsx"]]);
    expect(read).toEqual([0, 1, 2]);
    expect(out).toEqual([{ file: "a.xlsx", sha256: "0" }, refused, { file: "c.xlsx", sha256: "0" }]);
  });

  it("keeps batches and lanes through withOrigins: each source read gets its origin, a refused entry is answered, a failed one keeps its origin", async () => {
    const list = files(1000);
    const origin = { kind: "zip" as const, container: "nop.zip", path: "a/f0001.xlsx" };
    const refusedEntry: MergeSource = { file: "f0002.xlsx", sha256: "2", error: { code: "too-large", message: "quá lớn" }, origin };
    const cham = file("cham.xlsx");
    list[3] = cham;
    const { reader, log } = port(2, 32);
    const wrapped = withOrigins(reader, {
      origins: new Map([
        [list[1]!, origin],
        [cham, { ...origin, path: "a/cham.xlsx" }],
      ]),
      refused: new Map([[list[2]!, refusedEntry]]),
    });
    expect(wrapped.batchSize).toBe(32);
    expect(wrapped.concurrency).toBe(2);
    const { sources, read } = await run(wrapped, list);
    expect(log.most).toBe(2);
    expect(log.batches.flat()).not.toContain("f0002.xlsx");
    expect(read).toEqual(list.map((f, i) => `${i + 1}/1000 ${f.name}`));
    expect(sources[0]).toEqual({ file: "f0000.xlsx", sha256: "0" });
    expect(sources[1]).toEqual({ file: "f0001.xlsx", sha256: "0", origin });
    expect(sources[2]).toBe(refusedEntry);
    expect(sources[3]).toMatchObject({ file: "cham.xlsx", error: { code: "timeout" }, origin: { path: "a/cham.xlsx" }, sha256: expect.stringMatching(/^[0-9a-f]{64}$/) });
  });
});
