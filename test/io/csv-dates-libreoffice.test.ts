/**
 * A unit's report saved as CSV by LibreOffice in an English (en-US) locale writes its dates month first, as the
 * locale shows them: a date cell in Excel's short date format (as Excel stores a date typed) as "1/15/2018", one in
 * LibreOffice's own en-US format (as it stores a date typed there) as "01/15/18". The file's dates are read month
 * first when one of them shows it (a second number past 12); "10/12/16" was read as 10 December and "01/15/18" was
 * an invalid date. Saved in a Vietnamese locale, the same workbook's dates are day first and read so.
 * The workbooks are written by openpyxl.
 */
import { execFileSync } from "node:child_process";
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { readUnitReport } from "../../src/domain/read";
import { readWorkbook } from "../../src/io/read";
import { convertInLocale, reportRows, UNIT } from "../fixtures/csv/make-csv";
import type { SpecCell } from "../fixtures/sheet-spec";
import { PYTHON_OPENPYXL, SOFFICE } from "../support/programs";

/** openpyxl's name of Excel's built-in short date (number format 14, shown as the computer's locale writes dates). */
const EXCEL_SHORT_DATE = "mm-dd-yy";
/** The format LibreOffice in an en-US locale gives a date typed in a cell. */
const LIBREOFFICE_EN_DATE = "MM/DD/YY";

const DATES = ["2016-10-12", "2017-03-07", "2018-01-15"];

/** Writes the rows with openpyxl: a cell {date, z} as a date cell in format z, {v, z} as a number in format z. */
const WRITE = `
import datetime, json, sys, openpyxl
rows = json.load(open(sys.argv[1], encoding="utf-8"))
wb = openpyxl.Workbook()
ws = wb.active
ws.title = "Báo cáo"
for r, row in enumerate(rows, start=1):
    for c, cell in enumerate(row, start=1):
        if cell is None:
            continue
        if isinstance(cell, dict):
            v = datetime.datetime.fromisoformat(cell["date"]) if "date" in cell else cell["v"]
            ws.cell(r, c, v).number_format = cell["z"]
        else:
            ws.cell(r, c, cell)
wb.save(sys.argv[2])
`;

/** The report with its documents' dates as date cells in `format`. */
function workbook(dir: string, name: string, format: string): string {
  const rows = reportRows(UNIT, true).map((row) => [...row]);
  const first = rows.findIndex((row) => row[1] === "15-NQ/ĐU");
  DATES.forEach((iso, k) => (rows[first + k]![2] = { date: iso, z: format } as unknown as SpecCell));
  const json = join(dir, `${name}.json`);
  writeFileSync(json, JSON.stringify(rows.map((row) => row.map((cell) => (cell === undefined ? null : cell)))));
  const xlsx = join(dir, `${name}.xlsx`);
  execFileSync(PYTHON_OPENPYXL!, ["-c", WRITE, json, xlsx], { stdio: "pipe" });
  return xlsx;
}

/** LibreOffice's CSV of the workbook in `locale`: UTF-8, the separator its users have (",", or ";" where "," is the decimal mark). */
function csv(xlsx: string, locale: string, separator: number): string {
  const out = join(xlsx.replace(/\.xlsx$/, ""), locale);
  mkdirSync(out, { recursive: true });
  convertInLocale(xlsx, `csv:Text - txt - csv (StarCalc):${separator},34,76,1`, out, locale);
  return join(out, xlsx.replace(/^.*\//, "").replace(/\.xlsx$/, ".csv"));
}

const withPrograms = SOFFICE && PYTHON_OPENPYXL ? describe : describe.skip;

withPrograms("dates in a CSV saved by LibreOffice", () => {
  const dir = mkdtempSync(join(tmpdir(), "csv-dates-"));
  const read = (file: string) => readUnitReport(readWorkbook(new Uint8Array(readFileSync(file)), file), file);

  it.each([
    ["Excel's short date", EXCEL_SHORT_DATE, "1/15/2018"],
    ["LibreOffice's en-US date", LIBREOFFICE_EN_DATE, "01/15/18"],
  ])("reads an en-US export month first (%s)", (_, format, shown) => {
    const file = csv(workbook(dir, format === EXCEL_SHORT_DATE ? "excel" : "libreoffice", format), "en_US.UTF-8", 44);
    // What LibreOffice wrote: the dates month first, as en-US shows them.
    expect(readFileSync(file, "utf8")).toContain(`,${shown},`);
    const r = read(file);
    expect(r.documents.map((d) => d.date)).toEqual(DATES);
    expect(r.indicators["1.2"]).toMatchObject({ total: 1219, achieved: 1183 });
    expect(r.issues.filter((i) => i.severity === "error")).toEqual([]);
  }, 120_000);

  it("reads a vi-VN export day first", () => {
    const file = csv(workbook(dir, "excel-vi", EXCEL_SHORT_DATE), "vi_VN.UTF-8", 59);
    expect(readFileSync(file, "utf8")).toContain(";15/01/2018;");
    const r = read(file);
    expect(r.documents.map((d) => d.date)).toEqual(DATES);
    expect(r.indicators["1.2"]).toMatchObject({ total: 1219, achieved: 1183 });
    expect(r.issues.filter((i) => i.severity === "error")).toEqual([]);
  }, 120_000);
});
