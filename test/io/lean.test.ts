/**
 * The lean .xlsx path must read exactly what the general reader reads: the
 * same unit report (figures, documents, issues, unit, date) on every fixture,
 * on files written by ExcelJS and by LibreOffice, and on generated templates.
 */
import { mkdtempSync, readdirSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { zipSync } from "fflate";
import * as XLSX from "@e965/xlsx";
import { targetsOfWorkbook } from "../../src/domain/check";
import { readUnitReport } from "../../src/domain/read";
import { buildUnitWorkbook } from "../../src/domain/sheets";
import { readWorkbookFast } from "../../src/io/read/lean";
import { isDateFormat, readLeanXlsx, serialToDate } from "../../src/io/read/lean/xlsx";
import { DEFAULT_LIMITS, readWorkbookFile, scanZip, WorkbookReadError } from "../../src/io/read";
import { writeWorkbookXlsx } from "../../src/io/write";
import { convertAll, ensureFixtures } from "../fixtures/make-fixtures";
import { fillTemplate } from "../support/fill";
import { SOFFICE } from "../support/programs";

/** The lean reader alone, without the fallback: throws LeanUnsupported where it would fall back. */
function leanOnly(bytes: Uint8Array, name: string) {
  const kept = scanZip(bytes, name, DEFAULT_LIMITS, () => true).kept;
  return readLeanXlsx(kept, { maxRows: DEFAULT_LIMITS.maxRows, maxCells: DEFAULT_LIMITS.maxCells });
}

function bothReports(bytes: Uint8Array, name: string) {
  expect(() => leanOnly(bytes, name)).not.toThrow();
  const fastGrid = readWorkbookFast(bytes, name);
  const generalGrid = readWorkbookFile(bytes, name);
  // The targets of the workbook's own "Mục tiêu" sheet too (its numbers are read through their formats).
  expect({ name, targets: targetsOfWorkbook(fastGrid) }).toEqual({ name, targets: targetsOfWorkbook(generalGrid) });
  return {
    fast: readUnitReport(fastGrid, name),
    general: readUnitReport(generalGrid, name),
  };
}

describe("lean .xlsx reader, against the general reader", () => {
  let corpus: string;
  beforeAll(async () => {
    corpus = await ensureFixtures();
  }, 300_000);

  it("reads every corpus .xlsx (written by ExcelJS) into the same report", () => {
    const files = readdirSync(corpus).filter((f) => f.endsWith(".xlsx"));
    expect(files.length).toBeGreaterThanOrEqual(8);
    for (const file of files) {
      const { fast, general } = bothReports(new Uint8Array(readFileSync(join(corpus, file))), file);
      expect({ file, report: fast }).toEqual({ file, report: general });
    }
  });

  const withOffice = SOFFICE ? it : it.skip;
  withOffice("reads the corpus re-saved as .xlsx by LibreOffice into the same report", () => {
    const out = mkdtempSync(join(tmpdir(), "lean-lo-"));
    const ods = readdirSync(corpus).filter((f) => f.endsWith(".ods")).map((f) => join(corpus, f));
    convertAll(ods, "xlsx", out);
    const files = readdirSync(out).filter((f) => f.endsWith(".xlsx"));
    expect(files).toHaveLength(ods.length);
    for (const file of files) {
      const { fast, general } = bothReports(new Uint8Array(readFileSync(join(out, file))), file);
      expect({ file, report: fast }).toEqual({ file, report: general });
    }
  }, 300_000);

  it("reads a filled generated template into the same report, with the figures and dates", async () => {
    const template = await writeWorkbookXlsx(buildUnitWorkbook({ unitName: "Đảng ủy xã Nà Tăm", place: "Nà Tăm", level: "co-so", created: "2021-05-01" }));
    const filled = await fillTemplate(template, {
      indicators: { "1.1": [1219, 1183], "4.2": ["1.234", "1.000"] },
      documents: [{ code: "Số 26-KH/TU", date: new Date(Date.UTC(2020, 3, 7)), summary: "Kế hoạch", issuer: "Tỉnh ủy" }],
      dateLine: "Nà Tăm, ngày 05 tháng 6 năm 2021",
      targets: { "1.1": 0.9, "1.3": 0.97, "5": 2 },
    });
    const { fast, general } = bothReports(filled, "na-tam.xlsx");
    expect(targetsOfWorkbook(readWorkbookFast(filled, "na-tam.xlsx")).changed.map((c) => [c.id, c.target])).toEqual([
      ["1.1", { op: ">=", value: 90 }],
      ["1.3", { op: ">", value: 97 }],
      ["5", { op: "count>=", value: 2 }],
    ]);
    expect(fast).toEqual(general);
    expect(fast.indicators["1.1"]).toMatchObject({ total: 1219, achieved: 1183 });
    expect(fast.indicators["4.2"]).toMatchObject({ total: 1234, achieved: 1000 });
    expect(fast.documents[0]).toMatchObject({ date: "2020-04-07" });
    expect(fast.reportDate).toBe("2021-06-05");
  });

  it("falls back to the general reader for what it does not handle, and keeps the guards", () => {
    // Not a zip: the general reader answers (and refuses it).
    expect(() => readWorkbookFast(new Uint8Array([1, 2, 3, 4, 5]), "x.xlsx")).toThrow(WorkbookReadError);
    // A zip bomb is stopped by the same guard.
    const bomb = zipSync({ "xl/workbook.xml": new Uint8Array(1024 * 1024) }, { level: 1 });
    expect(() => readWorkbookFast(bomb, "bom.xlsx", { maxInflatedBytes: 64 * 1024 })).toThrow(
      expect.objectContaining({ code: "zip-bomb" }) as unknown as Error,
    );
  });

  it.each([
    ["dd/mm/yyyy", true],
    ["d\\-m\\-yy", true],
    ["[$-42A]dd/mm/yyyy", true],
    ["#,##0", false],
    ["0.00", false],
    ['"ngày"\\ 0', false],
    ["General", false],
    ["[h]:mm", true],
  ])("isDateFormat(%p) is %p", (code, expected) => {
    expect(isDateFormat(code)).toBe(expected);
  });

  it("converts serials in both date systems", () => {
    expect(serialToDate(44368, false).toISOString().slice(0, 10)).toBe("2021-06-21");
    expect(serialToDate(42906, true).toISOString().slice(0, 10)).toBe("2021-06-21");
  });
});

describe("lean .xlsx reader and the general reader on hostile cell layouts: the same grid", () => {
  const WB = `<?xml version="1.0"?><workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets><sheet name="S" sheetId="1" r:id="rId1"/></sheets></workbook>`;
  const WB_RELS = `<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/></Relationships>`;
  const CT = `<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/></Types>`;
  const enc = new TextEncoder();
  const file = (data: string): Uint8Array =>
    zipSync({
      "[Content_Types].xml": enc.encode(CT),
      "xl/workbook.xml": enc.encode(WB),
      "xl/_rels/workbook.xml.rels": enc.encode(WB_RELS),
      "xl/worksheets/sheet1.xml": enc.encode(
        `<?xml version="1.0"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:x="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>${data}</sheetData></worksheet>`,
      ),
    });
  const cells = (grid: ReturnType<typeof readWorkbookFile>): Array<[number, number, unknown]> =>
    grid.sheets.flatMap((s) => s.rows.flatMap((row, r) => (row ?? []).flatMap((c, col) => (c?.v !== undefined ? [[r, col, c.v] as [number, number, unknown]] : []))));

  it.each([
    ["a cell inside another row", `<row r="40"><c r="D10"><v>5</v></c><c r="E40"><v>6</v></c></row><row r="10"><c r="A10"><v>7</v></c></row>`, [[9, 0, 7], [9, 3, 5], [39, 4, 6]]],
    ["a row given twice", `<row r="2"><c r="A2"><v>1</v></c></row><row r="2"><c r="B2"><v>2</v></c></row>`, [[1, 0, 1], [1, 1, 2]]],
    ["numbers that are not numbers", `<row r="1"><c r="A1"><v>0x10</v></c><c r="B1"><v>1e3</v></c><c r="C1"><v></v></c><c r="D1"><v>-.5</v></c></row>`, [[0, 0, "0x10"], [0, 1, 1000], [0, 3, -0.5]]],
    ["cells without references", `<row><c><v>1</v></c><c><v>2</v></c></row><row><c r="C2"><v>3</v></c><c><v>4</v></c></row>`, [[0, 0, 1], [0, 1, 2], [1, 2, 3], [1, 3, 4]]],
    ["prefixed tags", `<x:row r="3"><x:c r="B3"><x:v>0x1</x:v></x:c><x:c r="C3"><x:v>9</x:v></x:c></x:row>`, [[2, 1, "0x1"], [2, 2, 9]]],
    // SheetJS read a value of white space alone as NaN, shown to the unit as "NaN": both readers leave it blank.
    ["a value of white space alone", `<row r="1"><c r="A1"><v>\n</v></c><c r="B1"><v>7</v></c><c r="C1"><v> </v></c></row>`, [[0, 1, 7]]],
  ])("%s", (_what, data, expected) => {
    const bytes = file(data);
    const sorted = (list: Array<[number, number, unknown]>) => [...list].sort((a, b) => a[0] - b[0] || a[1] - b[1]);
    expect(sorted(cells(readWorkbookFast(bytes, "x.xlsx")))).toEqual(expected);
    expect(sorted(cells(readWorkbookFile(bytes, "x.xlsx")))).toEqual(expected);
  });
});

describe("a date written as ISO 8601 text in the cell (t=\"d\": Excel's Strict Open XML, openpyxl's iso_dates)", () => {
  // A spreadsheet's dates have no time zone: the day and time written are the date, in any zone the
  // file is read in (the CLI test test/cli/iso-dates.test.ts reads such files in Asia/Ho_Chi_Minh).
  it("is the day and time written, an offset left aside; a time alone or a day that does not exist stays text", () => {
    const values = ["2016-10-12", "2016-10-12T00:00:00", "2016-10-12T00:00:00.000", "2016-10-12T00:00:00Z", "2016-10-12T00:00:00+07:00", "2016-10-12T23:30:00-05:00", "2016-02-30", "13:45:30"];
    const data = `<row r="1">${values.map((v, i) => `<c r="${String.fromCharCode(65 + i)}1" t="d"><v>${v}</v></c>`).join("")}</row>`;
    const xml = `<?xml version="1.0"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>${data}</sheetData></worksheet>`;
    const WB = `<?xml version="1.0"?><workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets><sheet name="S" sheetId="1" r:id="rId1"/></sheets></workbook>`;
    const RELS = `<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/></Relationships>`;
    const enc = new TextEncoder();
    const grid = readLeanXlsx(new Map([["xl/workbook.xml", enc.encode(WB)], ["xl/_rels/workbook.xml.rels", enc.encode(RELS)], ["xl/worksheets/sheet1.xml", enc.encode(xml)]]), {
      maxRows: DEFAULT_LIMITS.maxRows,
      maxCells: DEFAULT_LIMITS.maxCells,
    });
    expect(grid.sheets[0]!.rows[0]!.map((c) => (c?.v instanceof Date ? c.v.toISOString() : c?.v))).toEqual([
      "2016-10-12T00:00:00.000Z",
      "2016-10-12T00:00:00.000Z",
      "2016-10-12T00:00:00.000Z",
      "2016-10-12T00:00:00.000Z",
      "2016-10-12T00:00:00.000Z",
      "2016-10-12T23:30:00.000Z",
      "2016-02-30",
      "13:45:30",
    ]);
  });
});

describe("a document's date shown as its month", () => {
  // "9/2016" typed into a General cell: Excel keeps the 1st of the month with the built-in format 17
  // ("mmm-yy"); a unit may also format the cell "mm/yyyy". The month is the span shown, as SheetJS reads it.
  it("is read as the month's span from an .xlsx, built-in mmm-yy or custom mm/yyyy", () => {
    const rows: unknown[][] = [["Stt", "Ký hiệu văn bản", "Ngày, tháng ban hành", "Trích yếu nội dung", "Đơn vị ban hành"]];
    const sheet = XLSX.utils.aoa_to_sheet(rows);
    const serial = (y: number, m: number): number => (Date.UTC(y, m - 1, 1) - Date.UTC(1899, 11, 30)) / 86_400_000;
    XLSX.utils.sheet_add_aoa(sheet, [[1, "01-NQ/ĐU", { t: "n", v: serial(2016, 9), z: "mmm-yy" }, "Nghị quyết", "Đảng ủy xã"], [2, "02-KH/ĐU", { t: "n", v: serial(2017, 3), z: "mm/yyyy" }, "Kế hoạch", "Đảng ủy xã"], [3, "03-KH/ĐU", { t: "n", v: serial(2018, 5), z: "dd/mm/yyyy" }, "Kế hoạch", "Đảng ủy xã"]], { origin: "A2" });
    const book = XLSX.utils.book_new();
    XLSX.utils.book_append_sheet(book, sheet, "Văn bản");
    const bytes = new Uint8Array(XLSX.write(book, { type: "array", bookType: "xlsx" }) as ArrayBuffer);
    const fast = readWorkbookFast(bytes, "thang.xlsx");
    const report = readUnitReport(fast, "thang.xlsx");
    expect(report.documents.map((d) => [d.date, d.dateSpan?.from ?? null, d.dateSpan?.to ?? null])).toEqual([
      [null, "2016-09-01", "2016-09-30"],
      [null, "2017-03-01", "2017-03-31"],
      ["2018-05-01", null, null],
    ]);
    // Only partly inside the period (from 30/9/2016): a warning, not an error.
    expect(report.issues.filter((i) => i.rule.startsWith("document-date")).map((i) => [i.rule, i.severity])).toEqual([["document-date-partial-edge", "warning"]]);
  });
});
