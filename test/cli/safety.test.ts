/**
 * The CLI probed with hostile or unlucky inputs: it never overwrites an input,
 * never prints a stack trace (one Vietnamese line, exit 1; the trace under
 * --debug), reads only regular files of a folder (skipping the rest, with the
 * reason, in the text and the JSON), refuses a file too large before reading it,
 * stops a file past the time limit in validate too, prints names that cannot
 * drive the terminal, and says identical files are identical.
 */
import { spawnSync } from "node:child_process";
import { closeSync, existsSync, linkSync, mkdirSync, mkdtempSync, openSync, readFileSync, rmSync, symlinkSync, truncateSync, writeFileSync } from "node:fs";
import { execFileSync } from "node:child_process";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { strFromU8, strToU8, unzipSync, zipSync } from "fflate";
import { main } from "../../src/cli/main";
import * as reading from "../../src/io/read";
import { buildUnitWorkbook } from "../../src/domain/sheets";
import { writeWorkbookXlsx } from "../../src/io/write";
import { capture } from "../support/cli";
import { fillTemplate } from "../support/fill";

const MB = 1024 * 1024;
const ROOT = join(__dirname, "..", "..");

interface MergeJson {
  files: Array<{ file: string; status: string; reason: string | null; issues: Array<{ rule: string; message: string }> }>;
  skipped: Array<{ path: string; reason: string }>;
}

describe("the CLI with hostile or unlucky inputs", () => {
  const dir = mkdtempSync(join(tmpdir(), "cli-safety-"));
  let unit: Uint8Array;
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  beforeAll(async () => {
    const template = await writeWorkbookXlsx(buildUnitWorkbook({ unitName: "Đảng ủy xã Bản Bo", place: "Bản Bo", level: "co-so", created: "2021-05-01" }));
    unit = await fillTemplate(template, { indicators: { "1.1": [10, 9] }, dateLine: "Bản Bo, ngày 20 tháng 6 năm 2021" });
    writeFileSync(join(dir, "ban-bo.xlsx"), unit);
  });

  describe("outputs", () => {
    it("refuses --out or --json that is an input (by path, or by a hard link), and leaves the input as it was", async () => {
      const same = capture(dir);
      expect(await main(["merge", "ban-bo.xlsx", "--out", "ban-bo.xlsx"], same.io)).toBe(1);
      expect(same.err()).toContain(`Không ghi đè tệp đầu vào: --out ${join(dir, "ban-bo.xlsx")} chính là tệp đang được đọc`);
      linkSync(join(dir, "ban-bo.xlsx"), join(dir, "cung-tep.json"));
      const linked = capture(dir);
      expect(await main(["merge", dir + "/ban-bo.xlsx", "--out", "a.xlsx", "--json", "cung-tep.json"], linked.io)).toBe(1);
      expect(linked.err()).toContain("--json");
      linkSync(join(dir, "ban-bo.xlsx"), join(dir, "cung-tep.docx"));
      const report = capture(dir);
      expect(await main(["report", "ban-bo.xlsx", "--out", "./cung-tep.docx"], report.io)).toBe(1);
      expect(report.err()).toContain("Không ghi đè tệp đầu vào");
      rmSync(join(dir, "cung-tep.docx"));
      expect(new Uint8Array(readFileSync(join(dir, "ban-bo.xlsx")))).toEqual(unit);
      expect(existsSync(join(dir, "a.xlsx"))).toBe(false);
      rmSync(join(dir, "cung-tep.json"));
    }, 60_000);

    it("refuses a --json that names a unit's workbook in the folder merged, and leaves the workbook as it was", async () => {
      mkdirSync(join(dir, "thu-muc"));
      writeFileSync(join(dir, "thu-muc", "ban-bo.xlsx"), unit);
      const c = capture(dir);
      expect(await main(["merge", "thu-muc", "--out", "b.xlsx", "--json", "thu-muc/ban-bo.xlsx"], c.io)).toBe(1);
      expect(c.err()).toContain(`Không ghi đè tệp đầu vào: --json ${join(dir, "thu-muc", "ban-bo.xlsx")}`);
      expect(new Uint8Array(readFileSync(join(dir, "thu-muc", "ban-bo.xlsx")))).toEqual(unit);
      expect(existsSync(join(dir, "b.xlsx"))).toBe(false);
      rmSync(join(dir, "thu-muc"), { recursive: true });
    }, 60_000);

    it("says in one line which path cannot be written and why, exit 1 (a missing folder, a folder in the way)", async () => {
      const missing = capture(dir);
      expect(await main(["merge", "ban-bo.xlsx", "--out", "khong-co/tong-hop.xlsx"], missing.io)).toBe(1);
      expect(missing.err()).toContain(`Không ghi được ${join(dir, "khong-co/tong-hop.xlsx")} (--out): thư mục chứa tệp không tồn tại (${join(dir, "khong-co")}).\n`);
      expect(missing.err()).not.toMatch(/\n\s+at /);
      mkdirSync(join(dir, "thu-muc.docx"));
      const folder = capture(dir);
      expect(await main(["report", "ban-bo.xlsx", "--out", "thu-muc.docx"], folder.io)).toBe(1);
      expect(folder.err()).toContain(`Không ghi được ${join(dir, "thu-muc.docx")} (--out): đây là một thư mục.`);
      const template = capture(dir);
      expect(await main(["template", "--unit", "Đảng ủy xã Bản Bo", "--out", "khong-co/mau.xlsx"], template.io)).toBe(1);
      expect(template.err()).toContain("thư mục chứa tệp không tồn tại");
      const converted = capture(dir);
      expect(await main(["convert", "ban-bo.xlsx", "--out", "khong-co/unicode.xlsx"], converted.io)).toBe(1);
      expect(converted.err()).toBe(`Không ghi được ${join(dir, "khong-co/unicode.xlsx")} (--out): thư mục chứa tệp không tồn tại (${join(dir, "khong-co")}).\n`);
    }, 60_000);

    describe("an output that cannot be written is refused before a single file is read", () => {
      const inbox = join(dir, "thu-den");
      beforeAll(() => {
        mkdirSync(inbox);
        writeFileSync(join(inbox, "ban-bo.xlsx"), unit);
        writeFileSync(join(inbox, "ban-bo-2.xlsx"), unit);
        writeFileSync(join(dir, "la-tep"), "một tệp, không phải thư mục");
      });

      it.each([
        ["--out in a folder that does not exist", ["--out", "khong-co/tong-hop.xlsx"], `${join(dir, "khong-co", "tong-hop.xlsx")} (--out): thư mục chứa tệp không tồn tại (${join(dir, "khong-co")})`],
        ["--out in a file taken for a folder", ["--out", "la-tep/tong-hop.xlsx"], `${join(dir, "la-tep", "tong-hop.xlsx")} (--out): một phần của đường dẫn không phải là thư mục (${join(dir, "la-tep")} là một tệp)`],
        ["--json in a folder that does not exist", ["--out", "tong-hop-moi.xlsx", "--json", "khong-co/tong-hop.json"], `${join(dir, "khong-co", "tong-hop.json")} (--json): thư mục chứa tệp không tồn tại (${join(dir, "khong-co")})`],
        ["--json that is a folder", ["--out", "tong-hop-moi.xlsx", "--json", "thu-den"], `${inbox} (--json): đây là một thư mục`],
      ])("merge: %s", async (_, options, said) => {
        const c = capture(dir);
        expect(await main(["merge", "thu-den", ...options], c.io)).toBe(1);
        expect(c.err()).toBe(`Không ghi được ${said}.\n`);
        expect(c.err()).not.toContain("[1/");
        expect(existsSync(join(dir, "tong-hop-moi.xlsx"))).toBe(false);
      });

      it.each([
        ["--deadline", "2021-13-45", "--deadline phải có dạng"],
        ["--take", "9.9=Đảng ủy xã Bản Bo", '--take: không có chỉ tiêu "9.9"'],
      ])("merge: a %s mistyped is a usage error (exit 2) even when --out cannot be written", async (option, value, said) => {
        const c = capture(dir);
        expect(await main(["merge", "thu-den", "--out", "khong-co/tong-hop.xlsx", option, value], c.io)).toBe(2);
        expect(c.err()).toContain(said);
        expect(c.err()).not.toContain("Không ghi được");
      });

      it("report and feedback: the draft's folder, the feedback folder and the JSON's folder", async () => {
        const report = capture(dir);
        expect(await main(["report", "thu-den", "--out", "khong-co/du-thao.docx"], report.io)).toBe(1);
        expect(report.err()).toBe(`Không ghi được ${join(dir, "khong-co", "du-thao.docx")} (--out): thư mục chứa tệp không tồn tại (${join(dir, "khong-co")}).\n`);
        // A feedback folder not made yet is made, inside a folder that exists or not; one inside a file cannot be.
        const feedback = capture(dir);
        expect(await main(["feedback", "thu-den", "--out", "la-tep/gop-y/moi"], feedback.io)).toBe(1);
        expect(feedback.err()).toBe(
          `Không ghi được ${join(dir, "la-tep", "gop-y", "moi")} (--out): một phần của đường dẫn không phải là thư mục (${join(dir, "la-tep")} là một tệp).\n`,
        );
        const file = capture(dir);
        expect(await main(["feedback", "thu-den", "--out", "la-tep"], file.io)).toBe(1);
        expect(file.err()).toBe(`Không ghi được ${join(dir, "la-tep")} (--out): đây là một tệp, không phải thư mục.\n`);
        const json = capture(dir);
        expect(await main(["feedback", "thu-den", "--out", "gop-y-moi", "--json", "khong-co/gop-y.json"], json.io)).toBe(1);
        expect(json.err()).toBe(`Không ghi được ${join(dir, "khong-co", "gop-y.json")} (--json): thư mục chứa tệp không tồn tại (${join(dir, "khong-co")}).\n`);
        expect(json.err()).not.toContain("[1/");
        expect(existsSync(join(dir, "gop-y-moi"))).toBe(false);
      });
    });

    it("template and remind: where the output goes is looked at before the unit list is read or anything made", async () => {
      const missing = (name: string) => `${join(dir, "khong-co", name)} (--out): thư mục chứa tệp không tồn tại (${join(dir, "khong-co")})`;
      const inFile = (name: string) => `${join(dir, "tep-thuong", name)} (--out): một phần của đường dẫn không phải là thư mục (${join(dir, "tep-thuong")} là một tệp)`;
      writeFileSync(join(dir, "tep-thuong"), "một tệp, không phải thư mục");
      mkdirSync(join(dir, "thu-muc-mau.xlsx"));
      for (const [args, said] of [
        [["template", "--unit", "Đảng ủy xã Bản Bo", "--out", "khong-co/mau.xlsx"], missing("mau.xlsx")],
        [["template", "--unit", "Đảng ủy xã Bản Bo", "--out", "thu-muc-mau.xlsx"], `${join(dir, "thu-muc-mau.xlsx")} (--out): đây là một thư mục`],
        // A unit list that cannot be read is not even looked at: the output is said first.
        [["template", "--units", "khong-co.csv", "--out", "khong-co/mau.zip"], missing("mau.zip")],
        [["template", "--units", "default", "--out", "tep-thuong/mau"], inFile("mau")],
        [["template", "--units", "default", "--out", "tep-thuong"], `${join(dir, "tep-thuong")} (--out): đây là một tệp, không phải thư mục`],
        [["remind", "--json", "khong-co.json", "--out", "khong-co/don-doc.docx"], missing("don-doc.docx")],
        [["remind", "--out", "tep-thuong/don-doc.docx"], inFile("don-doc.docx")],
      ] as const) {
        const c = capture(dir);
        expect(await main([...args], c.io)).toBe(1);
        expect(c.err()).toBe(`Không ghi được ${said}.\n`);
        expect(c.out()).toBe("");
      }
      expect(existsSync(join(dir, "khong-co"))).toBe(false);
      rmSync(join(dir, "tep-thuong"));
      rmSync(join(dir, "thu-muc-mau.xlsx"), { recursive: true });
    }, 60_000);

    it("refuses an --out of another kind than the command writes, before reading anything (exit 2)", async () => {
      for (const [args, kind] of [
        [["merge", "ban-bo.xlsx", "--out", "tong-hop.csv"], ".xlsx"],
        [["report", "ban-bo.xlsx", "--out", "du-thao.pdf"], ".docx"],
        [["remind", "--out", "nhac.txt"], ".docx"],
      ] as const) {
        const c = capture(dir);
        expect(await main([...args], c.io)).toBe(2);
        expect(c.err()).toContain(`--out phải là tệp ${kind}`);
      }
      expect(existsSync(join(dir, "tong-hop.csv"))).toBe(false);
    });

    it("says the summary was written when only --json could not be (its folder taken away while the files were read)", async () => {
      mkdirSync(join(dir, "se-xoa"));
      const c = capture(dir);
      const io = {
        ...c.io,
        stderr: (t: string) => {
          if (t.startsWith("[1/")) rmSync(join(dir, "se-xoa"), { recursive: true });
          c.io.stderr(t);
        },
      };
      expect(await main(["merge", "ban-bo.xlsx", "--out", "tong-hop.xlsx", "--json", "se-xoa/tong-hop.json"], io)).toBe(1);
      expect(c.err()).toContain(
        `Đã ghi tệp tổng hợp ${join(dir, "tong-hop.xlsx")}, nhưng không ghi được ${join(dir, "se-xoa/tong-hop.json")}: thư mục chứa tệp không tồn tại.`,
      );
      expect(readFileSync(join(dir, "tong-hop.xlsx")).length).toBeGreaterThan(1000);
    }, 60_000);
  });

  describe("errors nobody expected", () => {
    const throwingOnce = () => {
      const c = capture(dir);
      let thrown = false;
      const io = {
        ...c.io,
        stdout: (t: string) => {
          if (!thrown) {
            thrown = true;
            throw new TypeError("Cannot read properties of undefined (reading 'x')");
          }
          c.io.stdout(t);
        },
      };
      return { c, io };
    };

    it("are one Vietnamese line and exit 1, with no stack trace", async () => {
      const { c, io } = throwingOnce();
      expect(await main(["catalogue"], io)).toBe(1);
      expect(c.err()).toBe(
        "Lỗi không mong muốn: Cannot read properties of undefined (reading 'x'); hãy báo lại cho người quản lý công cụ, kèm lệnh đã chạy.\n",
      );
    });

    it("show the trace under --debug, a flag of every command", async () => {
      const { c, io } = throwingOnce();
      expect(await main(["catalogue", "--debug"], io)).toBe(1);
      expect(c.err()).toMatch(/^Lỗi không mong muốn: .*\nTypeError: Cannot read properties[^\n]*\n\s+at /);
    });

    it("are one line through the installed command too", () => {
      const run = spawnSync(process.execPath, [join(ROOT, "bin/de-an-241.js"), "merge", "ban-bo.xlsx", "--out", join(dir, "khong-co", "x.xlsx")], {
        cwd: dir,
        encoding: "utf8",
      });
      expect(run.status).toBe(1);
      expect(run.stderr).toContain("Không ghi được");
      expect(run.stderr).not.toMatch(/\n\s+at /);
    }, 60_000);

    it("do not come from a cell whose reference is not an address (report): the file is refused with its reason, the draft is written", async () => {
      const zip = unzipSync(unit);
      const sheet = Object.keys(zip).find((n) => n.startsWith("xl/worksheets/sheet"))!;
      zip[sheet] = strToU8(strFromU8(zip[sheet]!).replace(/ r="A(\d+)"/, ' r="A"').replace(/<row r="(\d+)"/, '<row r="0"'));
      writeFileSync(join(dir, "o-la.xlsx"), zipSync(zip));
      const c = capture(dir);
      expect(await main(["report", "o-la.xlsx", "--out", "du-thao.docx"], c.io)).toBe(0);
      // The reader refuses a cell outside any sheet (a reference of "0") rather than guess where it goes.
      expect(c.err()).toContain("Bị loại: o-la.xlsx");
      expect(c.err()).toContain("nằm ngoài giới hạn 16384 cột × 1048576 dòng");
      expect(c.err()).not.toMatch(/\n\s+at |Lỗi không mong muốn/);
      expect(readFileSync(join(dir, "du-thao.docx")).length).toBeGreaterThan(1000);
    }, 60_000);
  });

  describe("a folder of hostile entries", () => {
    const folder = join(dir, "hop-thu");
    const escName = "Bản Bo \u001b[31mđỏ\u202e.xlsx";
    let json: MergeJson;
    let code: number;
    let c: ReturnType<typeof capture>;

    beforeAll(async () => {
      mkdirSync(folder);
      writeFileSync(join(folder, "ban-bo.xlsx"), unit);
      writeFileSync(join(folder, "ban-bo (1).xlsx"), unit);
      writeFileSync(join(folder, escName), unit);
      execFileSync("mkfifo", [join(folder, "pipe.xlsx")]);
      mkdirSync(join(folder, "sub.xlsx"));
      symlinkSync(join(folder, "da-xoa.xlsx"), join(folder, "hong.xlsx"));
      writeFileSync(Buffer.concat([Buffer.from(join(folder, "caf")), Buffer.from([0xe9]), Buffer.from(".xlsx")]), unit);
      const big = join(folder, "lon.xlsx");
      closeSync(openSync(big, "w"));
      truncateSync(big, 2500 * MB);
      c = capture(dir);
      code = await main(["merge", "hop-thu", "--out", "tong-hop.xlsx", "--json", "tong-hop.json"], c.io);
      json = JSON.parse(readFileSync(join(dir, "tong-hop.json"), "utf8")) as MergeJson;
    }, 120_000);

    it("merges the regular files and lists every other entry as skipped, with the reason, in the JSON and the text", () => {
      expect(code).toBe(0);
      expect(json.skipped).toEqual([
        { path: "hop-thu/caf\\xe9.xlsx", reason: "tên tệp không phải UTF-8 nên không đọc" },
        { path: "hop-thu/hong.xlsx", reason: "liên kết tượng trưng hỏng (không có tệp đích)" },
        { path: "hop-thu/pipe.xlsx", reason: "không phải tệp thường (ống dẫn có tên, FIFO)" },
        { path: "hop-thu/sub.xlsx", reason: "đây là thư mục, không phải tệp" },
      ]);
      for (const s of json.skipped) expect(c.out()).toContain(`  Bỏ qua: ${s.path}: ${s.reason}`);
      expect(json.files.map((f) => f.file).sort()).toEqual(["Bản Bo \u001b[31mđỏ\u202e.xlsx", "ban-bo (1).xlsx", "ban-bo.xlsx", "lon.xlsx"].sort());
    });

    it("refuses the 2.5 GB file as too large, in megabytes, without reading it", () => {
      const big = json.files.find((f) => f.file === "lon.xlsx")!;
      expect(big.status).toBe("rejected");
      expect(big.issues.map((i) => i.rule)).toEqual(["too-large"]);
      // The line names the file; the reason says why, without naming it again. The issue stands alone and names it.
      expect(big.reason).toBe("Không đọc được: tệp quá lớn (2.500 MB, tối đa 20 MB).");
      expect(big.issues[0]!.message).toBe("Không đọc được tệp lon.xlsx: tệp quá lớn (2.500 MB, tối đa 20 MB).");
      expect(c.out()).toContain("Bị loại: lon.xlsx: Không đọc được: tệp quá lớn (2.500 MB, tối đa 20 MB).");
    });

    it("says a file sent again with the same bytes is identical, not lost on a later date", () => {
      const superseded = json.files.filter((f) => f.status === "superseded");
      expect(superseded).toHaveLength(2);
      for (const f of superseded) {
        expect(f.reason).toMatch(/^Tệp giống hệt tệp ".+" \(trùng nội dung đến từng byte\); số liệu chỉ được tính một lần\.$/);
        expect(f.reason).not.toContain("muộn hơn");
      }
    });

    it("prints the name with an escape sequence and a right-to-left override escaped; the JSON keeps it", () => {
      const printed = c.out() + c.err();
      for (const ch of ["\u001b", "\u202e"]) expect(printed).not.toContain(ch);
      expect(c.err()).toContain("Bản Bo \\u001b[31mđỏ\\u202e.xlsx");
      expect(json.files.some((f) => f.file === escName)).toBe(true);
    });
  });

  describe("report", () => {
    it("reads a single file in a worker thread under the time limit too, and says it was stopped", async () => {
      // Nothing is parsed on this thread, where no time limit could stop it.
      const onThisThread = jest.spyOn(reading, "readWorkbook");
      try {
        const c = capture(dir);
        expect(await main(["report", "ban-bo.xlsx", "--out", "gioi-han.docx"], { ...c.io, fileTimeLimitMs: 5 })).toBe(0);
        expect(c.err()).toContain("Bị loại: ban-bo.xlsx: Không đọc được: đọc quá");
        expect(c.out()).toContain("Số liệu tổng hợp từ 0/1 tệp");
        expect(onThisThread).not.toHaveBeenCalled();
      } finally {
        onThisThread.mockRestore();
      }
    }, 60_000);
  });

  describe("validate", () => {
    it("refuses a 2.5 GB sparse file as too large without reading it, and does not block on a pipe (exit 2)", async () => {
      const big = join(dir, "rat-lon.xlsx");
      closeSync(openSync(big, "w"));
      truncateSync(big, 2500 * MB);
      execFileSync("mkfifo", [join(dir, "ong.xlsx")]);
      const c = capture(dir);
      expect(await main(["validate", "rat-lon.xlsx", "ong.xlsx", "--json"], c.io)).toBe(2);
      const files = (JSON.parse(c.out()) as { files: Array<{ file: string; issues: Array<{ rule: string; message: string }> }> }).files;
      expect(files[0]!.issues).toEqual([expect.objectContaining({ rule: "too-large", message: "Không đọc được tệp rat-lon.xlsx: tệp quá lớn (2.500 MB, tối đa 20 MB)." })]);
      expect(files[1]!.issues).toEqual([expect.objectContaining({ rule: "not-found", message: "Không mở được tệp ong.xlsx: không phải tệp thường (ống dẫn có tên, FIFO)." })]);
    }, 60_000);

    it("stops a file that runs past the time limit with the timeout rule (exit 2)", async () => {
      const c = capture(dir);
      const io = { ...c.io, fileTimeLimitMs: 5 };
      expect(await main(["validate", "ban-bo.xlsx", "--json"], io)).toBe(2);
      const files = (JSON.parse(c.out()) as { files: Array<{ file: string; issues: Array<{ rule: string; message: string }> }> }).files;
      expect(files[0]!.issues.map((i) => i.rule)).toEqual(["timeout"]);
      expect(files[0]!.issues[0]!.message).toContain("ban-bo.xlsx");
      // Within the default limit the same file is checked.
      expect(await main(["validate", "ban-bo.xlsx"], capture(dir).io)).toBe(0);
    }, 60_000);

    it("prints a hostile file name escaped, and keeps it in the JSON", async () => {
      const name = "x\u001b]0;pwned\u0007\u202eslx.xlsx";
      writeFileSync(join(dir, name), "không phải bảng tính");
      const text = capture(dir);
      expect(await main(["validate", name], text.io)).toBe(2);
      expect(text.out()).toContain("Tệp: x\\u001b]0;pwned\\u0007\\u202eslx.xlsx");
      for (const ch of ["\u0007", "\u001b", "\u202e"]) expect(text.out()).not.toContain(ch);
      const json = capture(dir);
      await main(["validate", name, "--json"], json.io);
      expect((JSON.parse(json.out()) as { files: Array<{ file: string }> }).files[0]!.file).toBe(name);
    }, 60_000);
  });
});

describe("merge given nothing it can read, or a date that is not one", () => {
  const dir = mkdtempSync(join(tmpdir(), "merge-nothing-"));

  it("says why each entry was not read", async () => {
    execFileSync("mkfifo", [join(dir, "ong.xlsx")]);
    const c = capture(dir);
    expect(await main(["merge", "ong.xlsx", "--out", "tong-hop.xlsx"], c.io)).toBe(1);
    expect(c.err()).toContain("Không có tệp bảng tính nào để tổng hợp");
    expect(c.err()).toContain("  Bỏ qua: ong.xlsx: không phải tệp thường (ống dẫn có tên, FIFO)");
  }, 60_000);

  it("refuses a --date that is not a day before reading anything (exit 2), and takes 05/7/2021 and today", async () => {
    writeFileSync(join(dir, "ban-bo.xlsx"), await writeWorkbookXlsx(buildUnitWorkbook({ unitName: "Đảng ủy xã Bản Bo", place: "Bản Bo", level: "co-so", created: "2021-05-01" })));
    for (const bad of ["bogus", "31/02/2021"]) {
      const c = capture(dir);
      expect(await main(["merge", "ban-bo.xlsx", "--out", "tong-hop.xlsx", "--date", bad], c.io)).toBe(2);
      expect(c.err()).toContain(`--date "${bad}" không phải là ngày`);
    }
    const c = capture(dir);
    expect(await main(["merge", "ban-bo.xlsx", "--out", "tong-hop.xlsx", "--date", "05/7/2021", "--json", "-"], c.io)).toBe(0);
    const summary = reading.readWorkbook(new Uint8Array(readFileSync(join(dir, "tong-hop.xlsx"))), "tong-hop.xlsx");
    const texts = summary.sheets.flatMap((s) => s.rows.flatMap((r) => (r ?? []).map((cell) => String(cell?.v ?? ""))));
    expect(texts.some((t) => t.includes("ngày 05 tháng 7 năm 2021"))).toBe(true);
    expect(await main(["merge", "ban-bo.xlsx", "--out", "tong-hop.xlsx", "--date", "today"], capture(dir).io)).toBe(0);
  }, 60_000);
});
