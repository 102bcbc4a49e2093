/**
 * The CLI's folder walk reads only regular files: a named pipe, a folder named
 * like a workbook, a broken link and a name that is not UTF-8 are skipped with
 * the reason (a pipe must not block). A file's size is checked before a byte is
 * read: a 2.5 GB sparse file is refused as too large, in megabytes.
 */
import { execFileSync } from "node:child_process";
import { createHash } from "node:crypto";
import { closeSync, mkdirSync, mkdtempSync, openSync, rmSync, symlinkSync, truncateSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { escapeNameBytes, expandInputs, hashFile, openInput, openInputs, openProblem, readInput } from "../../../src/hosts/node/files";

const MB = 1024 * 1024;
/** Node's own fs module, the object the walk's reads go through (spied on to show a file is not read). */
const fs = jest.requireActual<typeof import("node:fs")>("node:fs");

describe("the folder walk", () => {
  const dir = mkdtempSync(join(tmpdir(), "walk-"));
  const folder = join(dir, "bao-cao");
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  beforeAll(() => {
    mkdirSync(folder);
    writeFileSync(join(folder, "ban-bo.xlsx"), "x");
    writeFileSync(join(folder, "ghi-chu.txt"), "x");
    execFileSync("mkfifo", [join(folder, "pipe.xlsx")]);
    mkdirSync(join(folder, "sub.xlsx"));
    symlinkSync(join(folder, "khong-co.xlsx"), join(folder, "hong.xlsx"));
    symlinkSync(join(folder, "ban-bo.xlsx"), join(folder, "lien-ket.xlsx"));
    // "caf\xe9.xlsx": a Latin-1 name, not UTF-8.
    writeFileSync(Buffer.concat([Buffer.from(folder + "/caf"), Buffer.from([0xe9]), Buffer.from(".xlsx")]), "x");
  });

  it("takes regular files (and links to them), and skips every other entry with the reason", () => {
    const { files, missing, skipped } = expandInputs(["bao-cao"], dir);
    expect(files).toEqual([join(folder, "ban-bo.xlsx"), join(folder, "lien-ket.xlsx")]);
    expect(missing).toEqual([]);
    expect(skipped).toEqual([
      { path: join("bao-cao", "caf\\xe9.xlsx"), reason: "tên tệp không phải UTF-8 nên không đọc" },
      // What is not a spreadsheet, message or archive is named too, never passed over without a word.
      { path: join("bao-cao", "ghi-chu.txt"), reason: "không phải bảng tính, thư điện tử hay tệp nén nên không đọc" },
      { path: join("bao-cao", "hong.xlsx"), reason: "liên kết tượng trưng hỏng (không có tệp đích)" },
      { path: join("bao-cao", "pipe.xlsx"), reason: "không phải tệp thường (ống dẫn có tên, FIFO)" },
      { path: join("bao-cao", "sub.xlsx"), reason: "đây là thư mục, không phải tệp" },
    ]);
  });

  it("skips a pipe, a broken link or a device named on the command line too, and says what is missing", () => {
    const { files, missing, skipped } = expandInputs(["bao-cao/pipe.xlsx", "bao-cao/hong.xlsx", "/dev/null", "khong-co.xlsx"], dir);
    expect(files).toEqual([]);
    expect(missing).toEqual(["khong-co.xlsx"]);
    expect(skipped.map((s) => s.reason)).toEqual([
      "không phải tệp thường (ống dẫn có tên, FIFO)",
      "liên kết tượng trưng hỏng (không có tệp đích)",
      "không phải tệp thường (thiết bị)",
    ]);
  });

  it("reaches each file once, shown by the name it was first reached by; a folder named twice is walked once", () => {
    const again = join(".", "bao-cao", "..", "bao-cao");
    const { files, shown, skipped } = expandInputs(["bao-cao", join("bao-cao", "ban-bo.xlsx"), again, join(again, "ban-bo.xlsx")], dir);
    expect(files).toEqual([join(folder, "ban-bo.xlsx"), join(folder, "lien-ket.xlsx")]);
    expect(shown).toEqual([join("bao-cao", "ban-bo.xlsx"), join("bao-cao", "lien-ket.xlsx")]);
    // What the folder holds and does not read is listed once.
    expect(skipped.map((s) => s.path)).toEqual(["caf\\xe9.xlsx", "ghi-chu.txt", "hong.xlsx", "pipe.xlsx", "sub.xlsx"].map((n) => join("bao-cao", n)));
    // Named first (through a link), then inside the folder: shown as named, and neither name in the folder reads it again.
    const named = expandInputs([join("bao-cao", "lien-ket.xlsx"), "bao-cao"], dir);
    expect([named.files, named.shown]).toEqual([[join(folder, "lien-ket.xlsx")], [join("bao-cao", "lien-ket.xlsx")]]);
  });

  it("with openNamed, takes a file named that cannot be read as it is (once), for its opening to say why", () => {
    const named = ["bao-cao/pipe.xlsx", "bao-cao/hong.xlsx", "khong-co.xlsx", "bao-cao/pipe.xlsx", "bao-cao/ban-bo.xlsx"];
    const { files, shown, missing, skipped } = expandInputs(named, dir, [], { openNamed: true });
    expect(files).toEqual([join(folder, "pipe.xlsx"), join(folder, "hong.xlsx"), join(dir, "khong-co.xlsx"), join(folder, "ban-bo.xlsx")]);
    expect(shown).toEqual(["bao-cao/pipe.xlsx", "bao-cao/hong.xlsx", "khong-co.xlsx", "bao-cao/ban-bo.xlsx"]);
    expect([missing, skipped]).toEqual([[], []]);
  });

  it("does not block on a pipe that reached the reader (opened without waiting for a writer)", () => {
    expect(openInput(join(folder, "pipe.xlsx"))).toEqual({ refused: "not-found", detail: "không phải tệp thường (ống dẫn có tên, FIFO)" });
    expect(openInput(join(folder, "sub.xlsx"))).toEqual({ refused: "not-found", detail: "đây là thư mục, không phải tệp" });
  });

  it("shows a name's bytes that are not UTF-8 escaped, and keeps the rest", () => {
    expect(escapeNameBytes(Buffer.from("Bản Bo.xlsx"))).toBe("Bản Bo.xlsx");
    expect(escapeNameBytes(Uint8Array.from([0x61, 0xe9, 0x62, 0xc3]))).toBe("a\\xe9b\\xc3");
    expect(escapeNameBytes(Uint8Array.from([0xed, 0xa0, 0x80]))).toBe("\\xed\\xa0\\x80");
  });
});

describe("bounds before reading", () => {
  const dir = mkdtempSync(join(tmpdir(), "bounds-"));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it("refuses a 2.5 GB sparse file as too large, from its size, without reading it", () => {
    const big = join(dir, "lon.xlsx");
    closeSync(openSync(big, "w"));
    truncateSync(big, 2500 * MB);
    const reads = jest.spyOn(fs, "readSync");
    try {
      expect(openInput(big)).toEqual({ refused: "too-large", size: 2500 * MB, limit: 20 * MB });
      expect(reads).not.toHaveBeenCalled();
    } finally {
      reads.mockRestore();
    }
    expect(() => readInput(big)).toThrow("Không đọc được tệp lon.xlsx: tệp quá lớn (2.500 MB, tối đa 20 MB).");
    const { inputs, refused, skipped } = openInputs([big]);
    expect(skipped).toEqual([]);
    expect(inputs).toHaveLength(1);
    expect(inputs[0]!.bytes.length).toBe(0);
    expect(refused.get(inputs[0]!)).toMatchObject({ file: "lon.xlsx", error: { code: "too-large" } });
    // Its hash is real (read in blocks), not empty.
    expect(refused.get(inputs[0]!)!.sha256).toMatch(/^[0-9a-f]{64}$/);
  });

  it("hashes a large file in blocks, never reading it whole", () => {
    const path = join(dir, "khoi.xlsx");
    const bytes = new Uint8Array(3 * MB + 17).map((_, i) => (i * 31) & 0xff);
    writeFileSync(path, bytes);
    const reads = jest.spyOn(fs, "readSync");
    try {
      expect(hashFile(path)).toBe(createHash("sha256").update(bytes).digest("hex"));
      expect(reads.mock.calls.length).toBeGreaterThanOrEqual(4);
      for (const call of reads.mock.calls) expect((call[1] as Uint8Array).length).toBeLessThanOrEqual(MB);
    } finally {
      reads.mockRestore();
    }
    expect(hashFile(join(dir, "khong-co.xlsx"))).toBe("");
    const { inputs, refused } = openInputs([path], MB);
    expect(refused.get(inputs[0]!)).toMatchObject({ file: "khoi.xlsx", sha256: createHash("sha256").update(bytes).digest("hex"), error: { code: "too-large" } });
  });

  it("reads a file at the limit in full, and refuses one a byte over", () => {
    writeFileSync(join(dir, "vua.xlsx"), new Uint8Array(3 * MB + 5).fill(7));
    const opened = openInput(join(dir, "vua.xlsx"), "vua.xlsx", 3 * MB + 5);
    expect("file" in opened && opened.file.bytes.length).toBe(3 * MB + 5);
    expect("file" in opened && opened.file.bytes.every((b) => b === 7)).toBe(true);
    expect(openInput(join(dir, "vua.xlsx"), "vua.xlsx", 3 * MB + 4)).toMatchObject({ refused: "too-large", size: 3 * MB + 5 });
  });

  it("holds a file's bytes in a buffer of their own size (a small file does not keep a block of a megabyte)", () => {
    const bytes = new Uint8Array(16 * 1024 + 3).map((_, i) => i % 251);
    writeFileSync(join(dir, "nho.xlsx"), bytes);
    const opened = openInput(join(dir, "nho.xlsx"));
    if (!("file" in opened)) throw new Error("not read");
    expect(opened.file.bytes).toEqual(bytes);
    expect(opened.file.bytes.buffer.byteLength).toBe(bytes.length);
    writeFileSync(join(dir, "rong.xlsx"), new Uint8Array(0));
    const empty = openInput(join(dir, "rong.xlsx"));
    expect("file" in empty && empty.file.bytes.buffer.byteLength).toBe(0);
  });

  it("reads a file into one buffer of its own size, with no larger block made for it (a megabyte zeroed for each file had been)", () => {
    const bytes = new Uint8Array(17 * 1024 + 5).map((_, i) => i % 241);
    writeFileSync(join(dir, "thuong.xlsx"), bytes);
    writeFileSync(join(dir, "thuong-2.xlsx"), bytes.slice(0, 9000));
    const reads = jest.spyOn(fs, "readSync");
    try {
      const first = openInput(join(dir, "thuong.xlsx"));
      const second = openInput(join(dir, "thuong-2.xlsx"));
      if (!("file" in first) || !("file" in second)) throw new Error("not read");
      expect(first.file.bytes).toEqual(bytes);
      expect(second.file.bytes).toEqual(bytes.slice(0, 9000));
      const buffers = reads.mock.calls.map((call) => call[1] as Uint8Array);
      // Each file's bytes are read straight into the buffer it is held in.
      expect(buffers).toContain(first.file.bytes);
      expect(buffers).toContain(second.file.bytes);
      // Seeing each file end takes one small buffer, the same for every file.
      const others = buffers.filter((b) => b !== first.file.bytes && b !== second.file.bytes);
      expect(new Set(others).size).toBe(1);
      expect(others[0]!.length).toBeLessThanOrEqual(64 * 1024);
    } finally {
      reads.mockRestore();
    }
  });

  it("reads a file that has grown past the size it had when opened whole, within the limit", () => {
    const bytes = new Uint8Array(300 * 1024 + 7).map((_, i) => (i * 7) % 253);
    const path = join(dir, "dang-ghi.xlsx");
    writeFileSync(path, bytes);
    const realFstat = fs.fstatSync;
    // The size it had when opened, before the rest was written.
    const stat = jest.spyOn(fs, "fstatSync").mockImplementation(((fd: number) => Object.assign(realFstat(fd), { size: 1000 })) as typeof fs.fstatSync);
    try {
      const opened = openInput(path);
      if (!("file" in opened)) throw new Error("not read");
      expect(opened.file.bytes).toEqual(bytes);
      expect(openInput(path, "dang-ghi.xlsx", 200 * 1024)).toMatchObject({ refused: "too-large", limit: 200 * 1024 });
    } finally {
      stat.mockRestore();
    }
  });

  it("names the reason for each file system error (no permission, too large, gone)", () => {
    expect(openProblem({ code: "EACCES" })).toBe("không có quyền đọc");
    expect(openProblem({ code: "EPERM" })).toBe("không có quyền đọc");
    expect(openProblem({ code: "ENOENT" })).toBe("không tìm thấy tệp");
    expect(openProblem({ code: "ERR_FS_FILE_TOO_LARGE" })).toBe("tệp quá lớn");
    expect(openProblem({ code: "EIO" })).toBe("lỗi đọc ổ đĩa");
    expect(openInputs([join(dir, "da-xoa.xlsx")]).skipped).toEqual([{ path: join(dir, "da-xoa.xlsx"), reason: "không tìm thấy tệp" }]);
  });
});
