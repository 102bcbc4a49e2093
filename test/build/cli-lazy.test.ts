/**
 * The built CLI (scripts/build-cli.js) keeps SheetJS, ExcelJS and docx in bundles of their own
 * (dist/cli/vendor) and loads each only when the command needs it: a merge of .xlsx files loads
 * none of them, in the main thread or in its read worker; writing a template loads ExcelJS.
 */
import { spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import * as XLSX from "@e965/xlsx";
import { buildUnitWorkbook } from "../../src/domain/sheets";
import { writeWorkbookXlsx } from "../../src/io/write";
import { msgWithAttachment, writeEml } from "../fixtures/containers/make-containers";
import { REPO } from "../support/build";

const CLI = join(REPO, "dist", "cli", "de-an-241.cjs");

/** Runs the built CLI; returns the vendor bundles loaded by any of its threads. */
function loadedBy(dir: string, args: readonly string[]): string[] {
  const log = join(dir, `loaded-${Math.random().toString(36).slice(2)}.txt`);
  writeFileSync(log, "");
  const r = spawnSync(process.execPath, ["-r", join(dir, "record.cjs"), CLI, ...args], { cwd: dir, env: { ...process.env, LOADED_LOG: log }, encoding: "utf8" });
  expect(r.stderr).not.toContain("Lỗi không mong muốn");
  expect(r.status).toBe(0);
  return [...new Set(readFileSync(log, "utf8").split("\n").filter((l) => l !== ""))].sort();
}

describe("the built CLI loads the heavy libraries only when needed", () => {
  let dir: string;
  beforeAll(async () => {
    const build = spawnSync(process.execPath, [join(REPO, "scripts", "build-cli.js")], { encoding: "utf8" });
    expect(build.status).toBe(0);
    dir = mkdtempSync(join(tmpdir(), "de-an-241-cli-lazy-"));
    // Records each vendor bundle as any thread (the main one or a read worker) asks for it.
    writeFileSync(
      join(dir, "record.cjs"),
      `const M = require("node:module"); const load = M._load;
       M._load = function (request, ...rest) {
         if (/[\\\\/]vendor[\\\\/]/.test(request)) require("node:fs").appendFileSync(process.env.LOADED_LOG, require("node:path").basename(request) + "\\n");
         return load.call(this, request, ...rest);
       };`,
    );
    writeFileSync(join(dir, "ban-bo.xlsx"), await writeWorkbookXlsx(buildUnitWorkbook({ unitName: "Đảng ủy xã Bản Bo", place: "Bản Bo", level: "co-so", created: "2021-05-01" })));
    writeFileSync(join(dir, "units.csv"), "Tên đơn vị\nĐảng ủy xã Bản Bo\n");
    const sheet = XLSX.utils.aoa_to_sheet([["Tên đơn vị"], ["Đảng ủy xã Bản Bo"]]);
    const book = XLSX.utils.book_new();
    XLSX.utils.book_append_sheet(book, sheet, "Đơn vị");
    writeFileSync(join(dir, "don-vi.xls"), XLSX.write(book, { type: "buffer", bookType: "biff8" }) as Buffer);
  }, 120_000);
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it("opens an email message with the MIME reader's bundle only, and an Outlook message with its own", () => {
    const book = new Uint8Array(readFileSync(join(dir, "ban-bo.xlsx")));
    const eml = writeEml({
      style: "gmail",
      subject: "Báo cáo Đề án 241",
      from: "Đảng ủy xã Bản Bo <dangbo.banbo@example.vn>",
      date: "Sun, 20 Jun 2021 09:15:02 +0700",
      attachments: [{ name: "Báo cáo xã Bản Bo.xlsx", bytes: book }],
    });
    writeFileSync(join(dir, "thu.eml"), eml);
    expect(loadedBy(dir, ["merge", "thu.eml", "--units", "units.csv", "--out", "tong-hop-eml.xlsx", "--json", "eml.json"])).toEqual(["postal-mime.cjs"]);
    const fromEml = JSON.parse(readFileSync(join(dir, "eml.json"), "utf8")) as { files: { status: string; origin: { kind: string; subject?: string } }[] };
    expect(fromEml.files.map((f) => [f.status, f.origin.kind, f.origin.subject])).toEqual([["merged", "email", "Báo cáo Đề án 241"]]);

    const msg = msgWithAttachment(new Uint8Array(readFileSync(join(__dirname, "../fixtures/containers/attachmentFiles.msg"))), 1, "Báo cáo xã Bản Bo.xlsx", book);
    writeFileSync(join(dir, "thu.msg"), msg);
    expect(loadedBy(dir, ["merge", "thu.msg", "--units", "units.csv", "--out", "tong-hop-msg.xlsx", "--json", "msg.json"])).toEqual(["msgreader.cjs"]);
    const fromMsg = JSON.parse(readFileSync(join(dir, "msg.json"), "utf8")) as { files: { status: string; origin: { kind: string } }[] };
    expect(fromMsg.files.filter((f) => f.status === "merged").map((f) => f.origin.kind)).toEqual(["email"]);
  }, 60_000);

  it("keeps them out of the CLI and worker bundles", () => {
    expect(statSync(CLI).size).toBeLessThan(1024 * 1024);
    expect(statSync(join(REPO, "dist", "cli", "read-worker.cjs")).size).toBeLessThan(1024 * 1024);
    for (const name of ["xlsx", "exceljs", "docx"]) expect(statSync(join(REPO, "dist", "cli", "vendor", `${name}.cjs`)).size).toBeGreaterThan(100 * 1024);
  });

  it("merges .xlsx files with a CSV unit list without loading any of them", () => {
    expect(loadedBy(dir, ["merge", "ban-bo.xlsx", "--units", "units.csv", "--out", "tong-hop.xlsx"])).toEqual([]);
    expect(statSync(join(dir, "tong-hop.xlsx")).size).toBeGreaterThan(0);
    // An .xls among them: its read worker loads SheetJS.
    expect(loadedBy(dir, ["merge", "ban-bo.xlsx", "don-vi.xls", "--units", "units.csv", "--out", "tong-hop.xlsx"])).toEqual(["xlsx.cjs"]);
  }, 60_000);

  it("loads ExcelJS to write a template, and SheetJS to read an .xls", () => {
    expect(loadedBy(dir, ["template", "--unit", "Đảng ủy xã Bản Bo", "--out", "mau.xlsx"])).toEqual(["exceljs.cjs"]);
    expect(loadedBy(dir, ["convert", "don-vi.xls", "--out", "don-vi.xlsx"])).toEqual(["exceljs.cjs", "xlsx.cjs"]);
  }, 60_000);
});
