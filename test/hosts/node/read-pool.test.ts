/**
 * The CLI reads files in a worker thread under a time limit per file: within
 * the limit it gives what the reader gives; past it the file is stopped and
 * rejected with rule "timeout", naming the file, and the next file still goes.
 */
import { Cancelled } from "../../../src/app/cancel";
import { readSource } from "../../../src/app/sources";
import { buildUnitWorkbook } from "../../../src/domain/sheets";
import { readFiles } from "../../../src/app/read-files";
import { READ_WORKERS_MAX, readSourcesWithTimeLimit, readWorkerCount, readWorkerWaiting, startReadWorker, workerThreadReader } from "../../../src/hosts/node/read-pool";
import { writeWorkbookXlsx } from "../../../src/io/write";
import { fillTemplate } from "../../support/fill";

describe("reading under a time limit (CLI)", () => {
  let files: { name: string; bytes: Uint8Array }[];
  beforeAll(async () => {
    const template = await writeWorkbookXlsx(buildUnitWorkbook({ unitName: "Đảng ủy xã Hồ Thầu", place: "Hồ Thầu", level: "co-so", created: "2021-05-01" }));
    files = [
      { name: "ho-thau.xlsx", bytes: await fillTemplate(template, { indicators: { "1.1": [10, 9] } }) },
      { name: "rac.xlsx", bytes: new Uint8Array([1, 2, 3, 4, 5, 6]) },
    ];
  });

  it("gives, within the limit, exactly what the reader gives on the main thread", async () => {
    const progress: string[] = [];
    const sources = await readSourcesWithTimeLimit(files, { onProgress: (d, t, f) => progress.push(`${d}/${t} ${f}`) });
    const direct = await Promise.all(files.map((f) => readSource(f)));
    expect(sources).toEqual(direct);
    expect(sources[0]!.report!.indicators["1.1"]).toMatchObject({ total: 10, achieved: 9 });
    expect(sources[1]!.error?.code).toBe("not-a-workbook");
    expect(progress).toEqual(["1/2 ho-thau.xlsx", "2/2 rac.xlsx"]);
  }, 60_000);

  it("stops every file that runs past the limit, with the reason, and goes on to the next", async () => {
    // No worker can even start within 5 ms: each file runs past the limit.
    const sources = await readSourcesWithTimeLimit(files, { limitMs: 5 });
    expect(sources.map((s) => [s.file, s.error?.code])).toEqual([
      ["ho-thau.xlsx", "timeout"],
      ["rac.xlsx", "timeout"],
    ]);
    expect(sources[0]!.error!.message).toContain("ho-thau.xlsx");
    expect(sources[0]!.sha256).toMatch(/^[0-9a-f]{64}$/);
  }, 60_000);

  it("stops between files when the user cancels, with Cancelled", async () => {
    const controller = new AbortController();
    const progress: string[] = [];
    const run = readSourcesWithTimeLimit(files, {
      onProgress: (d, t, f) => {
        progress.push(`${d}/${t} ${f}`);
        controller.abort();
      },
      signal: controller.signal,
    });
    await expect(run).rejects.toBeInstanceOf(Cancelled);
    expect(progress).toEqual(["1/2 ho-thau.xlsx"]);
  }, 60_000);
});

describe("reading with several worker threads (CLI)", () => {
  it("takes as many workers as the machine has cores, at most READ_WORKERS_MAX, at least one", () => {
    expect([0, 1, 2, 3, 8, 64].map((cores) => readWorkerCount(cores))).toEqual([1, 1, 2, 3, READ_WORKERS_MAX, READ_WORKERS_MAX]);
    expect(READ_WORKERS_MAX).toBe(4);
    expect(workerThreadReader({ workers: 3 }).concurrency).toBe(3);
    expect(workerThreadReader().concurrency).toBe(readWorkerCount());
  });

  it("gives with two workers exactly what the reader gives on the main thread, in the files' order, with progress in order", async () => {
    const template = await writeWorkbookXlsx(buildUnitWorkbook({ unitName: "Đảng ủy xã Bình Lư", place: "Bình Lư", level: "co-so", created: "2021-05-01" }));
    const fills = await Promise.all(Array.from({ length: 13 }, (_, j) => fillTemplate(template, { indicators: { "1.1": [j + 10, j] } })));
    const many = Array.from({ length: 1000 }, (_, i) => ({ name: `tep-${String(i).padStart(4, "0")}.xlsx`, bytes: i % 10 === 3 ? new Uint8Array([9, 9, 9]) : fills[i % 13]! }));
    const progress: string[] = [];
    const sources = await readFiles(workerThreadReader({ workers: 2 }), many, { onRead: (p) => progress.push(`${p.done}/${p.total} ${p.item}`) });
    const direct = await Promise.all(many.map((f) => readSource(f)));
    expect(sources).toEqual(direct);
    expect(sources[20]!.report!.indicators["1.1"]).toMatchObject({ total: 17, achieved: 7 });
    expect(sources[13]!.error?.code).toBe("not-a-workbook");
    expect(sources[993]!.error?.code).toBe("not-a-workbook");
    expect(progress).toEqual(many.map((f, i) => `${i + 1}/1000 ${f.name}`));
  }, 120_000);
});

describe("the read worker started ahead (CLI)", () => {
  it("is the worker that reads the first batch, and only one is waiting at a time", async () => {
    const template = await writeWorkbookXlsx(buildUnitWorkbook({ unitName: "Đảng ủy xã Sơn Bình", place: "Sơn Bình", level: "co-so", created: "2021-05-01" }));
    const files = [{ name: "son-binh.xlsx", bytes: await fillTemplate(template, { indicators: { "1.1": [7, 7] } }) }];
    expect(readWorkerWaiting()).toBe(false);
    const ahead = startReadWorker();
    expect(readWorkerWaiting()).toBe(true);
    expect(startReadWorker()).toBe(ahead);
    const ended = new Promise<boolean>((resolve) => ahead.once("exit", () => resolve(true)));
    const sources = await readSourcesWithTimeLimit(files);
    expect(sources[0]!.report!.indicators["1.1"]).toMatchObject({ total: 7, achieved: 7 });
    // Taken by the reader, and ended with it: none is left waiting.
    expect(readWorkerWaiting()).toBe(false);
    await expect(Promise.race([ended, new Promise((r) => setTimeout(() => r(false), 5_000))])).resolves.toBe(true);
  }, 60_000);
});
