/**
 * A file named twice is read once, known by its identity on its disk. On Windows, Node gives a
 * file's 64-bit index as a plain number unless asked for a bigint: two files of nearby indexes
 * whose high bits are set (an NTFS record reused many times) come out with the same number. Two
 * such files named on the command line must both be read; a file named twice, still once.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { expandInputs } from "../../../src/hosts/node/files";

/** Node's own fs module, whose statSync the walk calls (spied on to give the indexes a Windows disk gives). */
const fs = jest.requireActual<typeof import("node:fs")>("node:fs");

describe("files known by their identity on the disk", () => {
  const dir = mkdtempSync(join(tmpdir(), "identity-"));
  const folder = join(dir, "bao-cao");
  const a = join(folder, "ban-bo.xlsx");
  const b = join(folder, "na-tam.xlsx");
  // Indexes 2^60 + 1 and 2^60 + 2: distinct, and the same number once made a double.
  const INDEX = new Map<string, bigint>([
    [a, 2n ** 60n + 1n],
    [b, 2n ** 60n + 2n],
  ]);
  const realStat = fs.statSync;
  let spy: jest.SpyInstance;

  beforeAll(() => {
    mkdirSync(folder);
    writeFileSync(a, "a");
    writeFileSync(b, "b");
    spy = jest.spyOn(fs, "statSync").mockImplementation(((path: string, options?: { bigint?: boolean }) => {
      const stat = realStat(path, options as never) as unknown as { ino: number | bigint };
      const index = INDEX.get(String(path));
      if (index !== undefined) Object.defineProperty(stat, "ino", { value: options?.bigint ? index : Number(index) });
      return stat;
    }) as typeof fs.statSync);
  });
  afterAll(() => {
    spy.mockRestore();
    rmSync(dir, { recursive: true, force: true });
  });

  it("reads two files whose indexes differ only past a double's precision", () => {
    expect(expandInputs([a, b], dir).files).toEqual([a, b]);
    expect(expandInputs([folder, a, b], dir).files).toEqual([a, b]);
  });

  it("still reads a file named twice, or named and in a folder named, once", () => {
    expect(expandInputs([a, a], dir).files).toEqual([a]);
    expect(expandInputs([a, folder], dir).files).toEqual([a, b]);
  });
});
