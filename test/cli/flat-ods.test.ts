/**
 * LibreOffice's "Flat XML ODF Spreadsheet" (.fods): what a unit gets choosing that kind in
 * LibreOffice's "Save As", an .ods's parts in one XML document. Read as the .ods is (the same
 * scan before SheetJS, its hidden sheet kept hidden), in `validate` and in a folder's `merge`; a
 * flat text document (.fodt) is refused saying what it is, and a cut one saying it is cut. And a
 * report saved as a template (LibreOffice's .ots, Excel's .xltx), read from a folder as its workbook.
 */
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { main } from "../../src/cli/main";
import { readWorkbook } from "../../src/io/read";
import { capture, type ValidateJson } from "../support/cli";
import { GOOD_FIGURES } from "../fixtures/official";
import { writeFilledUnit, writeGoodUnit } from "../support/fill";
import { convertAllWithLibreOffice, SOFFICE } from "../support/programs";

const run = SOFFICE ? it : it.skip;

describe("flat OpenDocument spreadsheets (.fods) and templates saved by LibreOffice", () => {
  const dir = mkdtempSync(join(tmpdir(), "flat-ods-"));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  run("validate and merge read the unit's figures and documents as from its .ods; other flat documents are refused with their reason", async () => {
    const filled = await writeGoodUnit(dir);
    const note = join(dir, "ghi-chu.txt");
    writeFileSync(note, "Báo cáo gửi kèm\n");
    const [fods] = convertAllWithLibreOffice([filled], "fods", dir);
    const [ods] = convertAllWithLibreOffice([filled], "ods", dir);
    const [fodt] = convertAllWithLibreOffice([note], "fodt", dir);
    const flat = readFileSync(fods!, "utf8");
    expect(flat).toMatch(/^<\?xml[^>]*>\s*<office:document /);

    // The grid is the .ods's, the hidden sheet of the template's identity hidden.
    const grid = readWorkbook(new Uint8Array(readFileSync(fods!)), "ban-bo.fods");
    expect(grid).toEqual(readWorkbook(new Uint8Array(readFileSync(ods!)), "ban-bo.ods"));
    expect(grid.sheets.map((s) => s.visibility)).toContain("hidden");

    // A cut file (a broken download) and a text document saved flat, also under a spreadsheet's name.
    writeFileSync(join(dir, "cut.fods"), flat.slice(0, Math.floor(flat.length / 2)));
    copyFileSync(fodt!, join(dir, "ghi-chu.ods"));

    const c = capture(dir);
    expect(await main(["validate", "ban-bo.fods", "cut.fods", "ghi-chu.fodt", "ghi-chu.ods", "--json"], c.io)).toBe(2);
    const [read, cut, text, textAsOds] = (JSON.parse(c.out()) as ValidateJson).files;
    expect([read!.unit, read!.date]).toEqual(["Đảng ủy xã Bản Bo", "2021-06-20"]);
    for (const [id, f] of Object.entries(GOOD_FIGURES)) {
      const got = read!.indicators.find((i) => i.id === id);
      expect([id, got?.total, got?.achieved]).toEqual([id, f.total, f.achieved]);
    }
    expect(read!.documents.map((d) => [d.code, d.date])).toEqual([
      ["15-NQ/ĐU", "2016-10-12"],
      ["22-KH/ĐU", "2017-03-07"],
    ]);
    expect(read!.issues).toEqual([]);
    expect(cut!.issues.map((i) => [i.rule, i.message])).toEqual([["corrupt", expect.stringContaining("nội dung tệp bị cắt cụt")]]);
    for (const refused of [text!, textAsOds!]) {
      expect(refused.issues.map((i) => [i.rule, i.message])).toEqual([["not-a-workbook", expect.stringContaining("tệp OpenDocument không chứa bảng tính")]]);
    }

    // A folder's merge takes the .fods as it takes the .ods beside it.
    const folder = join(dir, "nhan-ve");
    mkdirSync(folder);
    copyFileSync(fods!, join(folder, "ban-bo.fods"));
    const m = capture(dir);
    expect(await main(["merge", "nhan-ve", "--out", "tong-hop.xlsx", "--json", "tong-hop.json"], m.io)).toBe(0);
    const json = JSON.parse(readFileSync(join(dir, "tong-hop.json"), "utf8")) as {
      files: Array<{ file: string; status: string }>;
      indicators: Array<{ id: string; total: number | null; achieved: number | null }>;
    };
    expect(json.files.map((f) => [f.file, f.status])).toEqual([["ban-bo.fods", "merged"]]);
    expect(json.indicators.find((i) => i.id === "1.2")).toMatchObject({ total: 1219, achieved: 1183 });
  }, 240_000);

  run("a folder's merge reads a report saved as a template (.ots, .xltx) as its workbook, not skipped as no spreadsheet", async () => {
    const folder = join(dir, "mau");
    mkdirSync(folder);
    const filled = await writeFilledUnit(folder, { indicators: { "1.2": [1219, 1183] }, dateLine: "Bản Bo, ngày 20 tháng 6 năm 2021" });
    const [ots] = convertAllWithLibreOffice([filled], "ots", folder);
    const [xltx] = convertAllWithLibreOffice([filled], "xltx:Calc MS Excel 2007 XML Template", folder);
    rmSync(filled);
    expect([ots, xltx].map((p) => p!.slice(folder.length + 1))).toEqual(["ban-bo.ots", "ban-bo.xltx"]);
    const m = capture(dir);
    expect(await main(["merge", "mau", "--out", "tong-hop-mau.xlsx", "--json", "tong-hop-mau.json"], m.io)).toBe(0);
    const json = JSON.parse(readFileSync(join(dir, "tong-hop-mau.json"), "utf8")) as {
      files: Array<{ file: string; status: string; unit: string | null }>;
      skipped?: unknown[];
    };
    expect(json.files.map((f) => [f.file, f.unit])).toEqual([
      ["ban-bo.ots", "Đảng ủy xã Bản Bo"],
      ["ban-bo.xltx", "Đảng ủy xã Bản Bo"],
    ]);
    expect(json.skipped ?? []).toEqual([]);
  }, 240_000);
});
