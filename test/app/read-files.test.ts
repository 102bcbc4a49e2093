/**
 * The one loop over a merge's files, with a stand-in reader port: progress
 * before each file and at the end, the per-file outcome turned into a source
 * (a file stopped past the time limit, or whose reader failed, is rejected
 * naming it), a stop between files with Cancelled, and the port closed at the end.
 */
import { Cancelled } from "../../src/app/cancel";
import { FILE_TIME_LIMIT_MS } from "../../src/app/limits";
import { readFiles, type FileReaderPort } from "../../src/app/read-files";
import type { Progress } from "../../src/app/usecases";

const file = (name: string) => ({ name, bytes: new Uint8Array([1, 2, 3]), lastModified: "2021-06-20T08:00:00.000Z" });

function port(answer: (name: string) => ReturnType<FileReaderPort["read"]>): FileReaderPort & { closed: number; limits: number[] } {
  const p = {
    closed: 0,
    limits: [] as number[],
    read: (f: { name: string }, options: { limitMs: number }) => {
      p.limits.push(options.limitMs);
      return answer(f.name);
    },
    close: () => {
      p.closed++;
    },
  };
  return p;
}

describe("readFiles", () => {
  it("reads one file after another with progress; a timeout and a failed reader become rejected sources naming the file", async () => {
    const reader = port(async (name) =>
      name === "cham.xlsx" ? { failed: "timeout" } : name === "vo.xlsx" ? { failed: "crashed", detail: "luồng đọc tệp dừng bất thường (mã 1)" } : { file: name, sha256: "0" },
    );
    const progress: string[] = [];
    const read: string[] = [];
    const sources = await readFiles(reader, [file("a.xlsx"), file("cham.xlsx"), file("vo.xlsx")], {
      onProgress: (p: Progress) => progress.push(`${p.done}/${p.total} ${p.item}`),
      onRead: (p: Progress) => read.push(`${p.done}/${p.total} ${p.item}`),
      limitMs: 30_000,
    });
    expect(progress).toEqual(["0/3 a.xlsx", "1/3 cham.xlsx", "2/3 vo.xlsx", "3/3 vo.xlsx"]);
    expect(read).toEqual(["1/3 a.xlsx", "2/3 cham.xlsx", "3/3 vo.xlsx"]);
    expect(sources.map((s) => [s.file, s.error?.code ?? "ok"])).toEqual([
      ["a.xlsx", "ok"],
      ["cham.xlsx", "timeout"],
      ["vo.xlsx", "corrupt"],
    ]);
    expect(sources[1]!.error!.message).toContain("cham.xlsx");
    expect(sources[1]!.error!.message).toContain("30");
    expect(sources[1]).toMatchObject({ fileTime: "2021-06-20T08:00:00.000Z", sha256: expect.stringMatching(/^[0-9a-f]{64}$/) });
    expect(sources[2]!.error!.message).toContain("vo.xlsx");
    expect(reader.limits).toEqual([30_000, 30_000, 30_000]);
    expect(reader.closed).toBe(1);
  });

  it("has one time limit by default, and stops between files with Cancelled, closing the port", async () => {
    const reader = port(async (name) => ({ file: name, sha256: "0" }));
    const controller = new AbortController();
    const run = readFiles(reader, [file("a.xlsx"), file("b.xlsx"), file("c.xlsx")], {
      onProgress: (p) => p.done === 1 && controller.abort(),
      signal: controller.signal,
    });
    await expect(run).rejects.toBeInstanceOf(Cancelled);
    expect(reader.limits).toEqual([FILE_TIME_LIMIT_MS]);
    expect(FILE_TIME_LIMIT_MS).toBe(60_000);
    expect(reader.closed).toBe(1);
  });

  it("gives a port that reads several files at once batches of its size, with the same progress, outcomes and sources", async () => {
    const batches: string[][] = [];
    const reader: FileReaderPort = {
      read: () => Promise.reject(new Error("asked one file at a time")),
      batchSize: 2,
      async readBatch(files, { limitMs, onRead }) {
        batches.push(files.map((f) => `${f.name}@${limitMs}`));
        return files.map((f, k) => {
          onRead(k);
          return f.name === "cham.xlsx" ? { failed: "timeout" as const } : { file: f.name, sha256: "0" };
        });
      },
    };
    const progress: string[] = [];
    const read: string[] = [];
    const sources = await readFiles(reader, [file("a.xlsx"), file("cham.xlsx"), file("c.xlsx")], {
      onProgress: (p: Progress) => progress.push(`${p.done}/${p.total} ${p.item}`),
      onRead: (p: Progress) => read.push(`${p.done}/${p.total} ${p.item}`),
      limitMs: 30_000,
    });
    expect(batches).toEqual([["a.xlsx@30000", "cham.xlsx@30000"], ["c.xlsx@30000"]]);
    expect(progress).toEqual(["0/3 a.xlsx", "1/3 cham.xlsx", "2/3 c.xlsx", "3/3 c.xlsx"]);
    expect(read).toEqual(["1/3 a.xlsx", "2/3 cham.xlsx", "3/3 c.xlsx"]);
    expect(sources.map((s) => [s.file, s.error?.code ?? "ok"])).toEqual([
      ["a.xlsx", "ok"],
      ["cham.xlsx", "timeout"],
      ["c.xlsx", "ok"],
    ]);
    expect(sources[1]!.error!.message).toContain("cham.xlsx");
  });
});

describe("a file that carries its digest (taken before reading)", () => {
  const carried = "c".repeat(64);

  it("is not hashed again: its source, read or refused, and a stopped file's, give the digest it carries", async () => {
    const { readSource, sha256Hex } = await import("../../src/app/sources");
    const bytes = new Uint8Array([1, 2, 3]);
    expect(await sha256Hex(bytes)).not.toBe(carried);
    expect((await readSource({ name: "hong.xlsx", bytes, sha256: carried })).sha256).toBe(carried);
    expect((await readSource({ name: "hong.xlsx", bytes })).sha256).toBe(await sha256Hex(bytes));
    const reader = { ...port(async () => ({ failed: "timeout" as const })), transfersBytes: true };
    const [stopped] = await readFiles(reader, [{ ...file("cham.xlsx"), sha256: carried }], { limitMs: 30_000 });
    expect(stopped!.sha256).toBe(carried);
  });
});
