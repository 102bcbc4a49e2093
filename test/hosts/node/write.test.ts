/**
 * Every file the CLI writes is written atomically: a temporary file in the
 * same folder, flushed, renamed into place. A write that fails midway (a full
 * disk, a kill) leaves the previous file exactly as it was and no temporary
 * file behind; the error is one Vietnamese line naming the path and reason.
 */
import { linkSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, symlinkSync, writeFileSync, chmodSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { OutputError, outputClash, sameFile, writeFileAtomic, writeProblem } from "../../../src/hosts/node/write";

describe("writeFileAtomic", () => {
  let dir = "";
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), "write-atomic-"));
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it("writes a new file and replaces an old one, keeping its permissions, with nothing left beside it", () => {
    const path = join(dir, "tong-hop.xlsx");
    writeFileAtomic(path, new Uint8Array([1, 2, 3]));
    expect([...readFileSync(path)]).toEqual([1, 2, 3]);
    chmodSync(path, 0o640);
    writeFileAtomic(path, "văn bản");
    expect(readFileSync(path, "utf8")).toBe("văn bản");
    expect(statSync(path).mode & 0o777).toBe(0o640);
    expect(readdirSync(dir)).toEqual(["tong-hop.xlsx"]);
  });

  it("writes a file whose name is as long as the folder allows (its temporary name stays within it too)", () => {
    // 255 bytes: the most a name may have on Linux, macOS and Windows; 84 Vietnamese letters of 3 bytes each.
    for (const name of [`${"a".repeat(250)}.xlsx`, `${"Ữ".repeat(83)}.xlsx`]) {
      const path = join(dir, name);
      writeFileAtomic(path, "một");
      writeFileAtomic(path, "hai");
      expect(readFileSync(path, "utf8")).toBe("hai");
    }
    expect(readdirSync(dir).sort()).toEqual([`${"a".repeat(250)}.xlsx`, `${"Ữ".repeat(83)}.xlsx`]);
  });

  it("leaves the previous file intact and no temporary file when the write fails midway (a full disk)", () => {
    const path = join(dir, "tong-hop.xlsx");
    writeFileSync(path, "bản trước");
    let temp = "";
    const fail = () =>
      writeFileAtomic(path, new Uint8Array(1024 * 1024), {
        afterTempCreated: (t) => {
          temp = t;
          // The temporary file exists, in the same folder, when the disk fills up.
          expect(readdirSync(dir)).toHaveLength(2);
          throw Object.assign(new Error("no space left on device"), { code: "ENOSPC" });
        },
      });
    expect(fail).toThrow(OutputError);
    expect(fail).toThrow(`Không ghi được ${path}: ổ đĩa đã đầy.`);
    expect(temp.startsWith(join(dir, "."))).toBe(true);
    expect(readFileSync(path, "utf8")).toBe("bản trước");
    expect(readdirSync(dir)).toEqual(["tong-hop.xlsx"]);
  });

  it("names the path and the reason for a folder that does not exist and for a folder in the way", () => {
    const missing = join(dir, "khong-co", "a.xlsx");
    expect(() => writeFileAtomic(missing, "x")).toThrow(`Không ghi được ${missing}: thư mục chứa tệp không tồn tại.`);
    mkdirSync(join(dir, "thu-muc.xlsx"));
    expect(() => writeFileAtomic(join(dir, "thu-muc.xlsx"), "x")).toThrow(`Không ghi được ${join(dir, "thu-muc.xlsx")}: đây là một thư mục.`);
    expect(readdirSync(dir)).toEqual(["thu-muc.xlsx"]);
  });

  it("says why in Vietnamese for each file system error", () => {
    expect(writeProblem({ code: "EACCES" })).toBe("không có quyền ghi");
    expect(writeProblem({ code: "EPERM" })).toBe("không có quyền ghi");
    expect(writeProblem({ code: "EROFS" })).toBe("ổ đĩa chỉ cho đọc");
    expect(writeProblem({ code: "ENOSPC" })).toBe("ổ đĩa đã đầy");
    expect(writeProblem({ code: "EWHATEVER" })).toBe("lỗi hệ thống (EWHATEVER)");
  });
});

describe("an output that is an input", () => {
  const dir = mkdtempSync(join(tmpdir(), "write-clash-"));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it("is the same file by path, by a link to it, or by a hard link (same inode)", () => {
    const input = join(dir, "ban-bo.xlsx");
    writeFileSync(input, "x");
    symlinkSync(input, join(dir, "lien-ket.xlsx"));
    linkSync(input, join(dir, "cung-inode.xlsx"));
    writeFileSync(join(dir, "khac.xlsx"), "x");
    expect(sameFile(input, join(dir, ".", "ban-bo.xlsx"))).toBe(true);
    expect(sameFile(join(dir, "lien-ket.xlsx"), input)).toBe(true);
    expect(sameFile(join(dir, "cung-inode.xlsx"), input)).toBe(true);
    expect(sameFile(join(dir, "khac.xlsx"), input)).toBe(false);
    expect(sameFile(join(dir, "chua-co.xlsx"), input)).toBe(false);
  });

  it("is refused with a Vietnamese line naming the option, as are two outputs on one file", () => {
    const input = join(dir, "ban-bo.xlsx");
    expect(outputClash([{ option: "--out", path: join(dir, "cung-inode.xlsx") }], [input])).toBe(
      `Không ghi đè tệp đầu vào: --out ${join(dir, "cung-inode.xlsx")} chính là tệp đang được đọc (${input}); hãy chọn tên khác cho --out.`,
    );
    expect(
      outputClash(
        [
          { option: "--out", path: join(dir, "a.xlsx") },
          { option: "--json", path: join(dir, "a.xlsx") },
        ],
        [input],
      ),
    ).toContain("--out và --json cùng là");
    expect(outputClash([{ option: "--out", path: join(dir, "moi.xlsx") }], [input])).toBeUndefined();
  });
});
