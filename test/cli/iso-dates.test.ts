/**
 * Dates written as ISO 8601 text in the cell (t="d"), as openpyxl writes them with `iso_dates` and
 * Excel's "Strict Open XML Spreadsheet" writes every date: "2016-10-12T00:00:00" is the 12th of
 * October wherever the file is read. The CLI runs in a Node process of its own whose time zone is
 * Asia/Ho_Chi_Minh (UTC+7), where JavaScript's own reading of that text is the 11th.
 */
import { execFileSync, spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { strFromU8, strToU8, unzipSync, zipSync } from "fflate";
import { GOOD_FIGURES } from "../fixtures/official";
import type { ValidateJson } from "../support/cli";
import { writeGoodUnit } from "../support/fill";
import { PYTHON_OPENPYXL } from "../support/programs";

const MAIN = join(__dirname, "..", "..", "src", "cli", "main.ts");

/** `de-an-241 validate FILE --json` in a process of its own in `zone`. */
function validateIn(zone: string, file: string): ValidateJson {
  const run = spawnSync(process.execPath, ["--import", "tsx", MAIN, "validate", file, "--json"], { env: { ...process.env, TZ: zone }, encoding: "utf8" });
  if (run.stdout === "") throw new Error(run.stderr);
  return JSON.parse(run.stdout) as ValidateJson;
}

/**
 * Bản Bo's filled template saved by openpyxl with ISO dates; the third document's date shown as its
 * month ("mm/yyyy"), as a unit that knows only the month types it.
 */
const OPENPYXL_ISO = `
import sys, datetime, openpyxl
wb = openpyxl.load_workbook(sys.argv[1])
ws = wb["Văn bản"]
ws["B11"] = "05-CT/ĐU"
ws["C11"] = datetime.datetime(2018, 5, 1)
ws["C11"].number_format = "mm/yyyy"
ws["D11"] = "Chỉ thị về công tác tuyên truyền"
ws["E11"] = "Đảng ủy xã"
wb.iso_dates = True
wb.save(sys.argv[2])
`;

/** The package as Excel's Strict writer names it: the ISO/IEC 29500 Strict namespaces and relationship types. */
function asStrict(bytes: Uint8Array): Uint8Array {
  const parts = unzipSync(bytes);
  const out: Record<string, Uint8Array> = {};
  for (const [name, data] of Object.entries(parts)) {
    if (!/\.(xml|rels)$/.test(name)) {
      out[name] = data;
      continue;
    }
    const xml = strFromU8(data)
      .split("http://schemas.openxmlformats.org/spreadsheetml/2006/main")
      .join("http://purl.oclc.org/ooxml/spreadsheetml/main")
      .split("http://schemas.openxmlformats.org/officeDocument/2006/relationships")
      .join("http://purl.oclc.org/ooxml/officeDocument/relationships");
    out[name] = strToU8(name === "xl/workbook.xml" ? xml.replace("<workbookPr", '<workbookPr dateCompatibility="0"') : xml);
  }
  return zipSync(out);
}

const run = PYTHON_OPENPYXL ? it : it.skip;

describe("dates written as ISO 8601 text in the cell, read in Việt Nam's time zone", () => {
  const dir = mkdtempSync(join(tmpdir(), "iso-dates-"));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  run("openpyxl's iso_dates and Excel's Strict Open XML: each document keeps the day (or month) written", async () => {
    const filled = await writeGoodUnit(dir);
    const iso = join(dir, "ban-bo-iso.xlsx");
    execFileSync(PYTHON_OPENPYXL!, ["-c", OPENPYXL_ISO, filled, iso], { stdio: "pipe" });
    // The dates are ISO text in the cells, as the test means them to be.
    const sheet1 = strFromU8(unzipSync(new Uint8Array(readFileSync(iso)))["xl/worksheets/sheet1.xml"]!);
    expect(sheet1).toMatch(/<c r="C9"[^>]*t="d"[^>]*><v>2016-10-12T00:00:00<\/v>/);
    const strict = join(dir, "ban-bo-strict.xlsx");
    writeFileSync(strict, asStrict(new Uint8Array(readFileSync(iso))));

    for (const file of [iso, strict]) {
      const [report] = validateIn("Asia/Ho_Chi_Minh", file).files;
      expect([file, report!.unit]).toEqual([file, "Đảng ủy xã Bản Bo"]);
      expect(report!.documents.map((d) => [d.code, d.date, d.dateSpan && [d.dateSpan.from, d.dateSpan.to]])).toEqual([
        ["15-NQ/ĐU", "2016-10-12", null],
        ["22-KH/ĐU", "2017-03-07", null],
        ["05-CT/ĐU", null, ["2018-05-01", "2018-05-31"]],
      ]);
      for (const [id, f] of Object.entries(GOOD_FIGURES)) {
        const read = report!.indicators.find((i) => i.id === id);
        expect([id, read?.total, read?.achieved]).toEqual([id, f.total, f.achieved]);
      }
      expect(report!.issues.filter((i) => i.severity === "error")).toEqual([]);
    }
  }, 120_000);
});
