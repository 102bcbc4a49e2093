/**
 * Every unit's reply saved in a folder named after the unit, every file called "bao-cao.xlsx",
 * the workbooks naming no unit (no identity sheet, the header's unit line left blank): packed in
 * one archive and merged, each file is its folder's unit, and none supersedes the other.
 */
import { mkdirSync, mkdtempSync, readFileSync, utimesSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import ExcelJS from "exceljs";
import { zipSync } from "fflate";
import { main } from "../../src/cli/main";
import { IDENTITY_SHEET } from "../../src/domain/model/identity";
import { buildUnitWorkbook } from "../../src/domain/sheets";
import { foldText } from "../../src/domain/text";
import { writeWorkbookXlsx } from "../../src/io/write";
import { INFO_ZIP, PYTHON, writeEml, zipWithInfoZip } from "../fixtures/containers/make-containers";
import { capture } from "../support/cli";
import { fillTemplate, type Fill } from "../support/fill";

/** Bản Bo's template filled in, then every trace of the unit taken out: the identity sheet, and each cell naming it. */
async function anonymousReport(fill: Fill): Promise<Uint8Array> {
  const template = await writeWorkbookXlsx(buildUnitWorkbook({ unitName: "Đảng ủy xã Bản Bo", place: "Bản Bo", level: "co-so", created: "2021-05-01" }));
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(Buffer.from(await fillTemplate(template, fill)) as unknown as ExcelJS.Buffer);
  wb.removeWorksheet(wb.getWorksheet(IDENTITY_SHEET)!.id);
  wb.eachSheet((ws) =>
    ws.eachRow((row) =>
      row.eachCell((cell) => {
        if (typeof cell.value === "string" && foldText(cell.value).includes("ban bo")) cell.value = "";
      }),
    ),
  );
  return new Uint8Array(await wb.xlsx.writeBuffer());
}

interface FileJson {
  file: string;
  unit: string | null;
  status: string;
  on_list: boolean;
  issues: { rule: string }[];
}

describe("merge: an archive of units' folders, every file of one name", () => {
  let code: number;
  let files: FileJson[];
  let received: string[];

  beforeAll(async () => {
    const dir = mkdtempSync(join(tmpdir(), "unit-folders-"));
    const first = await anonymousReport({ indicators: { "1.1": [10, 9] }, dateLine: "ngày 20 tháng 6 năm 2021" });
    const second = await anonymousReport({ indicators: { "1.1": [20, 18] }, dateLine: "ngày 21 tháng 6 năm 2021" });
    writeFileSync(join(dir, "goi.zip"), zipSync({ "Xã Bản Giang/bao-cao.xlsx": first, "Xã Nà Tăm/bao-cao.xlsx": second }));
    const c = capture();
    code = await main(["merge", join(dir, "goi.zip"), "--out", join(dir, "out.xlsx"), "--json", join(dir, "out.json"), "--date", "2021-07-01"], c.io);
    const json = JSON.parse(readFileSync(join(dir, "out.json"), "utf8")) as { files: FileJson[]; units: { received: string[] } };
    files = json.files;
    received = json.units.received;
  }, 120_000);

  it("places each file by its folder, both merged", () => {
    expect(code).toBe(0);
    expect(files.map((f) => [f.file, f.unit, f.status, f.on_list])).toEqual([
      ["goi.zip › Xã Bản Giang/bao-cao.xlsx", "Đảng ủy xã Bản Giang", "merged", true],
      ["goi.zip › Xã Nà Tăm/bao-cao.xlsx", "Đảng ủy xã Nà Tăm", "merged", true],
    ]);
    expect(received).toEqual(["Đảng ủy xã Bản Giang", "Đảng ủy xã Nà Tăm"]);
  });

  it("says the folder's name was matched loosely, as a file's name would be", () => {
    for (const f of files) expect(f.issues.map((i) => i.rule)).toContain("unit-matched-loosely");
  });
});

/** Every cell's text of the summary workbook's sheets. */
async function cellsOf(path: string): Promise<string[]> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(path);
  const cells: string[] = [];
  wb.eachSheet((ws) => ws.eachRow((row) => row.eachCell((cell) => {
    if (typeof cell.value === "string") cells.push(cell.value);
  })));
  return cells;
}

describe("merge: two files off the list of one name, in two folders or two archives", () => {
  let dir: string;
  const run = async (args: string[]) => {
    const c = capture(dir);
    const code = await main(["merge", ...args, "--out", "out.xlsx", "--json", "out.json", "--date", "2021-07-01"], c.io);
    const json = JSON.parse(readFileSync(join(dir, "out.json"), "utf8")) as { files: FileJson[]; units: { unlisted: string[] }; indicators: { id: string; total: number | null }[] };
    return { code, json, out: c.out(), cells: await cellsOf(join(dir, "out.xlsx")) };
  };

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), "off-list-folders-"));
    const first = await anonymousReport({ indicators: { "1.1": [10, 9] }, dateLine: "ngày 20 tháng 6 năm 2021" });
    const second = await anonymousReport({ indicators: { "1.1": [20, 18] }, dateLine: "ngày 20 tháng 6 năm 2021" });
    for (const [folder, bytes] of [["a", first], ["b", second]] as const) {
      mkdirSync(join(dir, folder));
      writeFileSync(join(dir, folder, "bao-cao.xlsx"), bytes);
      writeFileSync(join(dir, folder, "goi.zip"), zipSync({ "bao-cao.xlsx": bytes }));
    }
    // One unit off the list, its file named after it, sent again and kept in another folder.
    for (const [folder, bytes] of [["Đợt 1", first], ["Gửi lại", second]] as const) {
      mkdirSync(join(dir, folder));
      writeFileSync(join(dir, folder, "Chi bộ Thôn 5.xlsx"), bytes);
    }
  }, 120_000);

  it("a file named after its unit, kept again in another folder: the unit's resend, its figures counted once", async () => {
    const { json } = await run(["Đợt 1/Chi bộ Thôn 5.xlsx", "Gửi lại/Chi bộ Thôn 5.xlsx"]);
    expect(json.files.map((f) => [f.file, f.unit, f.status])).toEqual([
      ["Đợt 1/Chi bộ Thôn 5.xlsx", "Chi bộ Thôn 5", "superseded"],
      ["Gửi lại/Chi bộ Thôn 5.xlsx", "Chi bộ Thôn 5", "merged"],
    ]);
    expect(json.indicators.find((i) => i.id === "1.1")!.total).toBe(20);
  });

  it("two folders: both merged, each named by its path, neither a later version of the other", async () => {
    const { code, json, out, cells } = await run(["a/bao-cao.xlsx", "b/bao-cao.xlsx"]);
    expect(code).toBe(0);
    expect(json.files.map((f) => [f.file, f.unit, f.status, f.on_list])).toEqual([
      ["a/bao-cao.xlsx", "a/bao-cao", "merged", false],
      ["b/bao-cao.xlsx", "b/bao-cao", "merged", false],
    ]);
    expect(json.units.unlisted).toEqual(["a/bao-cao.xlsx", "b/bao-cao.xlsx"]);
    expect(json.indicators.find((i) => i.id === "1.1")!.total).toBe(30);
    expect(out).toContain("2 tệp: 2 được tổng hợp, 0 bị thay thế");
    expect(cells).toEqual(expect.arrayContaining(["a/bao-cao.xlsx", "b/bao-cao.xlsx", "a/bao-cao", "b/bao-cao"]));
  });

  it("two archives of one name, each holding the file: both merged, named by the archive's path", async () => {
    const { json } = await run(["a/goi.zip", "b/goi.zip"]);
    expect(json.files.map((f) => [f.file, f.unit, f.status])).toEqual([
      ["a/goi.zip › bao-cao.xlsx", "a/goi.zip › bao-cao", "merged"],
      ["b/goi.zip › bao-cao.xlsx", "b/goi.zip › bao-cao", "merged"],
    ]);
    expect(json.indicators.find((i) => i.id === "1.1")!.total).toBe(30);
  });

  it("the same file named twice is read once", async () => {
    const { json } = await run(["a/bao-cao.xlsx", "./a/bao-cao.xlsx"]);
    expect(json.files.map((f) => [f.file, f.unit, f.status])).toEqual([["bao-cao.xlsx", "bao-cao", "merged"]]);
  });
});

const describeTools = PYTHON && INFO_ZIP ? describe : describe.skip;

describeTools("merge: a unit off the list resending its file, named after it, in a second message or archive", () => {
  let dir: string;
  const run = async (args: string[]) => {
    const c = capture(dir);
    const code = await main(["merge", ...args, "--out", "out.xlsx", "--json", "out.json", "--date", "2021-07-01"], c.io);
    const json = JSON.parse(readFileSync(join(dir, "out.json"), "utf8")) as { files: FileJson[]; units: { unlisted: string[] }; indicators: { id: string; total: number | null }[] };
    return { code, json, out: c.out(), total: json.indicators.find((i) => i.id === "1.1")!.total };
  };
  const at = (path: string, iso: string) => utimesSync(join(dir, path), new Date(iso), new Date(iso));

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), "off-list-resend-"));
    // The corrected workbook keeps the report's date: what was sent later decides.
    const first = await anonymousReport({ indicators: { "1.1": [10, 9] }, dateLine: "ngày 20 tháng 6 năm 2021" });
    const second = await anonymousReport({ indicators: { "1.1": [20, 18] }, dateLine: "ngày 20 tháng 6 năm 2021" });
    const mail = (bytes: Uint8Array, date: string, name = "Chi bộ Thôn 5.xlsx", from = "Chi bộ Thôn 5 <chibothon5@gmail.com>") =>
      writeEml({ style: "thunderbird", subject: "Báo cáo Đề án 241", from, date, attachments: [{ name, bytes }] });
    writeFileSync(join(dir, "thu-1.eml"), mail(first, "Sun, 20 Jun 2021 09:15:02 +0700"));
    writeFileSync(join(dir, "thu-2.eml"), mail(second, "Tue, 22 Jun 2021 10:00:00 +0700"));
    // Saved from the mail client in the other order: the messages' Date headers decide, not the files' times.
    at("thu-1.eml", "2021-06-23T08:00:00Z");
    at("thu-2.eml", "2021-06-22T08:00:00Z");
    writeFileSync(join(dir, "goi-1.zip"), zipWithInfoZip([{ path: "Chi bộ Thôn 5.xlsx", bytes: first }]));
    writeFileSync(join(dir, "goi-2.zip"), zipWithInfoZip([{ path: "Chi bộ Thôn 5.xlsx", bytes: second }]));
    at("goi-1.zip", "2021-06-20T08:00:00Z");
    at("goi-2.zip", "2021-06-22T08:00:00Z");
    writeFileSync(join(dir, "Chi bộ Thôn 5.xlsx"), first);
    at("Chi bộ Thôn 5.xlsx", "2021-06-20T08:00:00Z");
    writeFileSync(join(dir, "bao-cao-1.eml"), mail(first, "Sun, 20 Jun 2021 09:15:02 +0700", "bao-cao.xlsx"));
    writeFileSync(join(dir, "bao-cao-2.eml"), mail(second, "Tue, 22 Jun 2021 10:00:00 +0700", "bao-cao.xlsx"));
    // Excel's name for a new workbook, from two units.
    writeFileSync(join(dir, "tu-thon-5.eml"), mail(first, "Sun, 20 Jun 2021 09:15:02 +0700", "Book1.xlsx"));
    writeFileSync(join(dir, "tu-thon-6.eml"), mail(second, "Tue, 22 Jun 2021 10:00:00 +0700", "Book1.xlsx", "Chi bộ Thôn 6 <chibothon6@gmail.com>"));
    writeFileSync(join(dir, "don-vi.csv"), "Tên đơn vị\nĐảng ủy xã Bản Bo\nĐảng ủy xã Nà Tăm\n");
  }, 120_000);

  for (const units of [[], ["--units", "don-vi.csv"]]) {
    const list = units.length === 0 ? "the built-in list" : "a list without the unit";
    it(`two messages (${list}): the one sent later supersedes the first, its figures counted once`, async () => {
      const { code, json, out, total } = await run(["thu-2.eml", "thu-1.eml", ...units]);
      expect(code).toBe(0);
      expect(json.files.map((f) => [f.file, f.unit, f.status, f.on_list])).toEqual([
        ["thu-2.eml › Chi bộ Thôn 5.xlsx", "Chi bộ Thôn 5", "merged", false],
        ["thu-1.eml › Chi bộ Thôn 5.xlsx", "Chi bộ Thôn 5", "superseded", false],
      ]);
      expect(total).toBe(20);
      expect(out).toContain("2 tệp: 1 được tổng hợp, 1 bị thay thế");
    });

    it(`a file of one name from two senders (${list}): two units' files, both counted`, async () => {
      const { json, total } = await run(["tu-thon-5.eml", "tu-thon-6.eml", ...units]);
      expect(json.files.map((f) => [f.file, f.unit, f.status])).toEqual([
        ["tu-thon-5.eml › Book1.xlsx", "tu-thon-5.eml › Book1", "merged"],
        ["tu-thon-6.eml › Book1.xlsx", "tu-thon-6.eml › Book1", "merged"],
      ]);
      expect(total).toBe(30);
    });

    it(`two archives, and a file given as is beside a message (${list}): kept apart, as nothing says one sender sent both`, async () => {
      const zips = await run(["goi-1.zip", "goi-2.zip", ...units]);
      expect(zips.json.files.map((f) => [f.file, f.unit, f.status])).toEqual([
        ["goi-1.zip › Chi bộ Thôn 5.xlsx", "goi-1.zip › Chi bộ Thôn 5", "merged"],
        ["goi-2.zip › Chi bộ Thôn 5.xlsx", "goi-2.zip › Chi bộ Thôn 5", "merged"],
      ]);
      const mixed = await run(["Chi bộ Thôn 5.xlsx", "thu-2.eml", ...units]);
      expect(mixed.json.files.map((f) => [f.file, f.unit, f.status])).toEqual([
        ["Chi bộ Thôn 5.xlsx", "Chi bộ Thôn 5", "merged"],
        ["thu-2.eml › Chi bộ Thôn 5.xlsx", "thu-2.eml › Chi bộ Thôn 5", "merged"],
      ]);
    });
  }

  it("a file of a generic name in each of two messages: two entries, each named by its message", async () => {
    const { json, total } = await run(["bao-cao-1.eml", "bao-cao-2.eml"]);
    expect(json.files.map((f) => [f.file, f.unit, f.status])).toEqual([
      ["bao-cao-1.eml › bao-cao.xlsx", "bao-cao-1.eml › bao-cao", "merged"],
      ["bao-cao-2.eml › bao-cao.xlsx", "bao-cao-2.eml › bao-cao", "merged"],
    ]);
    expect(total).toBe(30);
  });
});
