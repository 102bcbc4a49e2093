import { execFileSync } from "node:child_process";
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import * as XLSX from "@e965/xlsx";
import ExcelJS from "exceljs";
import { strFromU8, unzipSync } from "fflate";
import { CATALOGUE_ROWS, INDICATORS_TABLE } from "../../src/domain/catalogue";
import { cellAddress } from "../../src/domain/model/grid";
import { IDENTITY_SHEET, parseIdentityRows } from "../../src/domain/model/identity";
import { buildUnitWorkbook, SHEET_GEOMETRY, type WorkbookLayout } from "../../src/domain/sheets";
import { TAM_DUONG_UNITS } from "../../src/domain/units";
import { unitFileNames, writeUnitTemplatesZip, writeWorkbookXlsx } from "../../src/io/write";
import { checkUnitWorkbook, targetsUsedText } from "../../src/domain/check";
import { readWorkbookFile } from "../../src/io/read";
import { fillTemplate, indicatorRow } from "../support/fill";
import { convertWithLibreOffice, requireProgram, SOFFICE } from "../support/programs";

const OPTS = {
  unitName: "Đảng ủy xã Bản Bo",
  unitCode: "BAN-BO",
  place: "Bản Bo",
  level: "co-so" as const,
  created: "2021-05-02",
};

let dir: string;
let layout: WorkbookLayout;
let bytes: Uint8Array;
let file: string;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), "write-test-"));
  layout = buildUnitWorkbook(OPTS);
  bytes = await writeWorkbookXlsx(layout);
  file = join(dir, "Dang-uy-xa-Ban-Bo.xlsx");
  writeFileSync(file, bytes);
});

afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** Reads a converted file; SheetJS's console notes about LibreOffice's ODS number styles are not test output. */
function readBack(path: string): XLSX.WorkBook {
  const original = console.error;
  const spy = jest.spyOn(console, "error").mockImplementation((...args: unknown[]) => {
    if (!String(args[0]).startsWith("ODS number format")) original(...args);
  });
  try {
    return XLSX.read(readFileSync(path), { type: "buffer" });
  } finally {
    spy.mockRestore();
  }
}

function identityOf(wb: XLSX.WorkBook): ReturnType<typeof parseIdentityRows> {
  const sheet = wb.Sheets[IDENTITY_SHEET];
  if (!sheet) return undefined;
  return parseIdentityRows(XLSX.utils.sheet_to_json<unknown[]>(sheet, { header: 1, raw: false, defval: "" }));
}

describe("the .xlsx file, read back with SheetJS", () => {
  test("has every label and formula of the layout, verbatim, in the same cells", () => {
    const wb = XLSX.read(bytes, { type: "array", cellFormula: true, sheetStubs: true });
    expect(wb.SheetNames).toEqual(["Văn bản", "Chỉ tiêu", "Mục tiêu", IDENTITY_SHEET]);
    let checked = 0;
    for (const sheet of layout.sheets) {
      const ws = wb.Sheets[sheet.name]!;
      for (const cell of sheet.cells) {
        const read = ws[cellAddress(cell.r, cell.c)] as XLSX.CellObject | undefined;
        if (cell.formula !== undefined) {
          expect(read?.f).toBe(cell.formula);
          checked++;
        } else if (cell.value !== null) {
          expect({ at: `${sheet.name}!${cellAddress(cell.r, cell.c)}`, v: read?.v, t: read?.t }).toEqual({
            at: `${sheet.name}!${cellAddress(cell.r, cell.c)}`,
            v: cell.value,
            t: typeof cell.value === "number" ? "n" : "s",
          });
          checked++;
        }
      }
    }
    expect(checked).toBeGreaterThan(100);
    const chiTieu = wb.Sheets["Chỉ tiêu"]!;
    INDICATORS_TABLE.columns.forEach((col, c) => {
      expect(chiTieu[cellAddress(SHEET_GEOMETRY.headerRow, c)]?.v).toBe(col.header);
    });
  });

  test("carries the identity in a very hidden sheet", () => {
    const wb = XLSX.read(bytes, { type: "array" });
    const hidden = wb.Workbook?.Sheets?.find((s) => s.name === IDENTITY_SHEET)?.Hidden;
    expect(hidden).toBe(2);
    expect(identityOf(wb)).toMatchObject({ kind: "unit-report", unitName: "Đảng ủy xã Bản Bo", unitCode: "BAN-BO", created: "2021-05-02" });
  });

  test("writes text that looks like a formula as text", async () => {
    const tricky = buildUnitWorkbook({ ...OPTS, unitName: '=HYPERLINK("http://x","y")', place: "+1" });
    const wb = XLSX.read(await writeWorkbookXlsx(tricky), { type: "array", cellFormula: true });
    const ws = wb.Sheets["Chỉ tiêu"]!;
    expect(ws["A2"]).toMatchObject({ t: "s", v: '=HYPERLINK("HTTP://X","Y")' });
    expect(ws["A2"]!.f).toBeUndefined();
    expect(identityOf(wb)?.unitName).toBe('=HYPERLINK("http://x","y")');
  });
});

describe("the .xlsx file's XML", () => {
  let parts: Record<string, string>;
  beforeAll(() => {
    const files = unzipSync(bytes);
    parts = Object.fromEntries(Object.entries(files).map(([k, v]) => [k, strFromU8(v)]));
  });

  test("has validation, protection without password, A4 landscape fitted to one page wide, footer", () => {
    for (const sheet of ["xl/worksheets/sheet1.xml", "xl/worksheets/sheet2.xml"]) {
      const xml = parts[sheet]!;
      expect(xml).toMatch(/<dataValidation [^>]*showErrorMessage="1"/);
      expect(xml).toMatch(/<sheetProtection [^>]*sheet="1"/);
      expect(xml).not.toMatch(/<sheetProtection [^>]*(password|hashValue)=/);
      expect(xml).toMatch(/<sheetProtection [^>]*formatCells="0"/);
      expect(xml).toMatch(/<pageSetup [^>]*paperSize="9"/);
      expect(xml).toMatch(/<pageSetup [^>]*fitToWidth="1"/);
      expect(xml).toMatch(/<pageSetup [^>]*fitToHeight="0"/);
      expect(xml).toMatch(/<pageSetUpPr fitToPage="1"\/>/);
      expect(xml).toContain("Trang &amp;P / &amp;N");
    }
    expect(parts["xl/worksheets/sheet1.xml"]).toMatch(/<sheetProtection [^>]*insertRows="0"/);
    expect(parts["xl/worksheets/sheet1.xml"]).toMatch(/<dataValidation type="date"[^>]*sqref="C9:C28"><formula1>42643<\/formula1><formula2>44196<\/formula2>/);
    expect(parts["xl/worksheets/sheet2.xml"]).toMatch(/<dataValidation type="whole" operator="greaterThanOrEqual"[^>]*sqref="D9:D31"/);
    expect(parts["xl/worksheets/sheet2.xml"]).toMatch(/<cfRule type="expression"[^>]*><formula>AND\(ISNUMBER\(F10\),ISNUMBER\(G10\),ROUND\(F10,2\)&lt;ROUND\(G10\*100,6\)\)<\/formula>/);
  });

  test("an untouched template is judged by Đề án 241's targets", () => {
    const check = checkUnitWorkbook(readWorkbookFile(bytes, "mau.xlsx"), "mau.xlsx");
    expect(check.targets).toMatchObject({ source: "de-an-241", sheet: "Mục tiêu", changed: [], issues: [] });
    expect(targetsUsedText(check.targets)).toMatch(/^Mục tiêu đánh giá: theo Đề án 241/);
  });

  test("repeats the table header on every printed page and hides the identity sheet", () => {
    const wb = parts["xl/workbook.xml"]!;
    expect(wb).toContain(`<definedName name="_xlnm.Print_Titles" localSheetId="0">&apos;Văn bản&apos;!$8:$8</definedName>`);
    expect(wb).toContain(`<definedName name="_xlnm.Print_Titles" localSheetId="1">&apos;Chỉ tiêu&apos;!$8:$8</definedName>`);
    expect(wb).toMatch(new RegExp(`name="${IDENTITY_SHEET}" state="veryHidden"`));
  });
});

describe("writeUnitTemplatesZip", () => {
  test("zips one workbook per unit under its file name, reporting progress", async () => {
    const units = TAM_DUONG_UNITS.filter((u) => ["BAN-BO", "PHONG-NOI-VU", "TT-CHINH-TRI"].includes(u.code ?? ""));
    const progress: [number, number][] = [];
    const zip = await writeUnitTemplatesZip(units, { created: "2021-05-03", onProgress: (d, t) => progress.push([d, t]) });
    const files = unzipSync(zip);
    expect(Object.keys(files).sort()).toEqual(["Dang-uy-xa-Ban-Bo.xlsx", "Phong-Noi-vu.xlsx", "Trung-tam-Chinh-tri.xlsx"]);
    expect(progress).toEqual([
      [1, 3],
      [2, 3],
      [3, 3],
    ]);
    const noiVu = XLSX.read(files["Phong-Noi-vu.xlsx"]!, { type: "array" });
    expect(identityOf(noiVu)).toMatchObject({ unitName: "Phòng Nội vụ", unitCode: "PHONG-NOI-VU", level: "huyen", superior: "UBND HUYỆN TAM ĐƯỜNG" });
    expect(noiVu.Sheets["Chỉ tiêu"]!["A2"]?.v).toBe("PHÒNG NỘI VỤ");
  });

  test("keeps file names unique", () => {
    expect(unitFileNames([{ name: "Chi bộ A", level: "co-so" }, { name: "Chi bo A", level: "co-so" }])).toEqual([
      "Chi-bo-A.xlsx",
      "Chi-bo-A-2.xlsx",
    ]);
  });
});

const d = SOFFICE ? describe : describe.skip;

d("with LibreOffice", () => {
  const firstIndicatorRow = SHEET_GEOMETRY.firstDataRow + CATALOGUE_ROWS.findIndex((r) => r.kind === "indicator");

  test("computes Tỷ lệ (%) = 75 from Tổng số 40 and Số đã đạt 30, and no error for a text pasted over a figure", async () => {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer);
    const ws = wb.getWorksheet("Chỉ tiêu")!;
    const x = firstIndicatorRow + 1;
    ws.getCell(`D${x}`).value = 40;
    ws.getCell(`E${x}`).value = 30;
    ws.getCell(`D${x + 1}`).value = 0;
    // A dash or a note pasted over a figure (pasting passes the cell's validation).
    ws.getCell(`D${x + 2}`).value = "-";
    ws.getCell(`E${x + 2}`).value = 5;
    ws.getCell(`D${x + 3}`).value = 40;
    ws.getCell(`E${x + 3}`).value = "chưa thống kê";
    const filled = join(dir, "filled.xlsx");
    writeFileSync(filled, Buffer.from(await wb.xlsx.writeBuffer()));
    for (const format of ["ods", "xlsx"]) {
      const out = join(dir, `recalc-${format}`);
      mkdirSync(out, { recursive: true });
      const converted = convertWithLibreOffice(filled, format, out);
      const back = readBack(converted);
      const sheet = back.Sheets["Chỉ tiêu"]!;
      expect(sheet[`F${x}`]?.v).toBe(75);
      // Tổng số 0 leaves the ratio blank rather than an error.
      expect([undefined, ""]).toContain(sheet[`F${x + 1}`]?.v);
      // A text in a figure cell leaves it blank too, never #VALUE!.
      expect(sheet[`F${x + 2}`]?.t).not.toBe("e");
      expect([undefined, ""]).toContain(sheet[`F${x + 2}`]?.v);
      expect(sheet[`F${x + 3}`]?.t).not.toBe("e");
      expect([undefined, ""]).toContain(sheet[`F${x + 3}`]?.v);
    }
  });

  test.each(["xlsx", "ods", "xls"])(
    "shows the Mục tiêu sheet's targets in Chỉ tiêu, and a changed one is what the check judges by (.%s)",
    async (format) => {
      const x11 = indicatorRow("1.1") + 1;
      const x13 = indicatorRow("1.3") + 1;
      const x5 = indicatorRow("5") + 1;
      const filled = join(dir, `targets-${format}.xlsx`);
      writeFileSync(filled, await fillTemplate(bytes, { indicators: { "1.1": [100, 85], "1.3": [100, 96] }, targets: { "1.1": 0.8 } }));
      const out = join(dir, `targets-${format}`);
      mkdirSync(out, { recursive: true });
      const converted = convertWithLibreOffice(filled, format, out);
      const back = XLSX.read(readFileSync(converted), { type: "buffer" });
      const sheet = back.Sheets["Chỉ tiêu"]!;
      expect(sheet[`G${x11}`]?.w).toBe("80%");
      expect(sheet[`G${x13}`]?.w).toBe("Trên 95%");
      expect(sheet[`G${x5}`]?.w).toBe("Ít nhất 01");
      const check = checkUnitWorkbook(readWorkbookFile(new Uint8Array(readFileSync(converted)), `targets.${format}`), `targets.${format}`);
      expect(check.targets.source).toBe("workbook");
      expect(check.targets.changed).toEqual([{ id: "1.1", target: { op: ">=", value: 80 }, official: { op: ">=", value: 100 } }]);
      expect(check.targets.issues).toEqual([]);
      // 85 of 100 meets the unit's 80% but not Đề án 241's 100%; 96 of 100 is above 95%.
      expect(check.results.find((r) => r.id === "1.1")?.met).toBe(true);
      expect(check.results.find((r) => r.id === "1.3")?.met).toBe(true);
      expect(targetsUsedText(check.targets)).toContain("1.1: 80% (Đề án 241: 100%)");
    },
  );

  test.each(["xls", "ods"])("keeps the identity when saved as .%s", (format) => {
    const out = join(dir, `identity-${format}`);
    mkdirSync(out, { recursive: true });
    const converted = convertWithLibreOffice(file, format, out);
    const back = readBack(converted);
    expect(identityOf(back)).toMatchObject({
      kind: "unit-report",
      unitName: "Đảng ủy xã Bản Bo",
      unitCode: "BAN-BO",
      level: "co-so",
      superior: "ĐẢNG BỘ HUYỆN TAM ĐƯỜNG",
      created: "2021-05-02",
    });
  });

  const pdftotext = requireProgram(["pdftotext"], "poppler-utils (Debian: poppler-utils) to read printed PDFs");
  const dp = pdftotext ? describe : describe.skip;

  dp("printed to PDF", () => {
    async function printSheet(name: string): Promise<{ pages: number; page: (n: number) => string }> {
      const only: WorkbookLayout = { sheets: layout.sheets.filter((s) => s.name === name) };
      const out = join(dir, `pdf-${only.sheets[0]!.name.replace(/\W/g, "")}-${Date.now()}`);
      mkdirSync(out, { recursive: true });
      const xlsx = join(out, "sheet.xlsx");
      writeFileSync(xlsx, await writeWorkbookXlsx(only));
      const pdf = convertWithLibreOffice(xlsx, "pdf", out);
      const page = (n: number): string =>
        execFileSync(pdftotext!, ["-f", String(n), "-l", String(n), pdf, "-"], { encoding: "utf8" }).replace(/\s+/g, " ");
      const all = execFileSync(pdftotext!, [pdf, "-"], { encoding: "utf8" });
      return { pages: all.split("\f").filter((p) => p.trim() !== "").length, page };
    }

    test("Chỉ tiêu fits one page wide, with the header repeated on the next page", async () => {
      const { pages, page } = await printSheet("Chỉ tiêu");
      expect(pages).toBeGreaterThanOrEqual(1);
      expect(pages).toBeLessThanOrEqual(3);
      const first = page(1);
      expect(first).toContain("Tỷ lệ (%)");
      expect(first).toContain("Mục tiêu 01");
      expect(first).toContain("100% cán bộ lãnh đạo");
      expect(first).toContain("KẾT QUẢ THỰC HIỆN CÁC MỤC TIÊU CỦA ĐỀ ÁN 241");
      expect(first).toContain("Trang 1 /");
      if (pages > 1) {
        expect(page(2)).toContain("Nội dung của chỉ tiêu");
        expect(page(2)).toContain("Tỷ lệ (%)");
      }
    });

    test("Văn bản fits one page wide", async () => {
      const { pages, page } = await printSheet("Văn bản");
      expect(pages).toBeLessThanOrEqual(3);
      const first = page(1);
      for (const h of ["Stt", "Ký hiệu văn bản", "Trích yếu nội dung", "Đơn vị ban hành"]) expect(first).toContain(h);
      expect(first).toContain("ĐẢNG CỘNG SẢN VIỆT NAM");
    });
  });
});
