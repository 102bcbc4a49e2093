/**
 * Hostile files, made on the fly (never committed): each is read through readWorkbook and must get
 * its verdict (the rule), fast; where a file can be read, the lean .xlsx path and the SheetJS path
 * must give the same cells; and good files beside them must still merge.
 */
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { strToU8, unzipSync, zipSync } from "fflate";
import { main } from "../../src/cli/main";
import type { WorkbookGrid } from "../../src/domain/model/grid";
import { buildUnitWorkbook } from "../../src/domain/sheets";
import { readWorkbook, readWorkbookFile, WorkbookReadError } from "../../src/io/read";
import { scanOdsContent } from "../../src/io/read/lean/ods";
import { isXmlNumber, markNonNumbers, referenceOutsideExcel } from "../../src/io/read/lean/sheet-check";
import { attributes, attributeValue, textOf } from "../../src/io/read/lean/xml";
import { writeWorkbookXlsx } from "../../src/io/write";
import { capture } from "../support/cli";
import { fillTemplate } from "../support/fill";
import { convertWithLibreOffice, SOFFICE } from "../support/programs";

// ---------------------------------------------------------------- generators

const CT = `<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/></Types>`;
const RELS = `<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>`;
const WB = `<?xml version="1.0"?><workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets><sheet name="S" sheetId="1" r:id="rId1"/></sheets></workbook>`;
const WB_RELS = `<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/></Relationships>`;
const sheetXml = (data: string): string =>
  `<?xml version="1.0"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:x="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>${data}</sheetData></worksheet>`;

/** A one-sheet .xlsx whose sheetData is `data`; `extra` parts are added after it. */
function xlsx(data: string, extra: Record<string, Uint8Array> = {}, level: 0 | 1 | 6 = 6): Uint8Array {
  return zipSync(
    {
      "[Content_Types].xml": strToU8(CT),
      "_rels/.rels": strToU8(RELS),
      "xl/workbook.xml": strToU8(WB),
      "xl/_rels/workbook.xml.rels": strToU8(WB_RELS),
      "xl/worksheets/sheet1.xml": strToU8(sheetXml(data)),
      ...extra,
    },
    { level },
  );
}

const u16 = (b: Uint8Array, o: number): number => b[o]! | (b[o + 1]! << 8);
const u32 = (b: Uint8Array, o: number): number => (b[o]! | (b[o + 1]! << 8) | (b[o + 2]! << 16) | (b[o + 3]! << 24)) >>> 0;
const put16 = (b: Uint8Array, o: number, v: number): void => {
  b[o] = v & 0xff;
  b[o + 1] = (v >> 8) & 0xff;
};

/** Positions of each entry's local header and central directory record, by name (a well-formed zip). */
function layout(zip: Uint8Array): Map<string, { local: number; central: number }> {
  const eocd = zip.length - 22;
  const count = u16(zip, eocd + 10);
  let p = u32(zip, eocd + 16);
  const out = new Map<string, { local: number; central: number }>();
  for (let i = 0; i < count; i++) {
    const nameLen = u16(zip, p + 28);
    const name = new TextDecoder().decode(zip.subarray(p + 46, p + 46 + nameLen));
    out.set(name, { local: u32(zip, p + 42), central: p });
    p += 46 + nameLen + u16(zip, p + 30) + u16(zip, p + 32);
  }
  return out;
}

/** Renames an entry in both its local header and directory record (names of the same length). */
function rename(zip: Uint8Array, from: string, to: string): Uint8Array {
  const out = zip.slice();
  const at = layout(out).get(from)!;
  const bytes = strToU8(to);
  out.set(bytes, at.local + 30);
  out.set(bytes, at.central + 46);
  return out;
}

const SUM_24 = `<row r="1"><c r="A1" t="inlineStr"><is><t>Tổng</t></is></c><c r="B1"><v>24</v></c></row>`;
const SUM_777 = `<row r="1"><c r="A1" t="inlineStr"><is><t>Tổng</t></is></c><c r="B1"><v>777777</v></c></row>`;

/** The same part name twice: the first says 24, the second 777,777. */
function duplicateNames(): Uint8Array {
  return rename(xlsx(SUM_24, { "xl/worksheets/sheet9.xml": strToU8(sheetXml(SUM_777)) }), "xl/worksheets/sheet9.xml", "xl/worksheets/sheet1.xml");
}

/** A second end record in the comment of the first (SheetJS takes the last signature it finds). */
function twoEndRecords(): Uint8Array {
  const zip = xlsx(SUM_24);
  const end = zip.slice(zip.length - 22);
  const out = new Uint8Array(zip.length + 22);
  out.set(zip);
  out.set(end, zip.length);
  put16(out, zip.length - 22 + 20, 22);
  return out;
}

/** The directory says "stored", the local header "deflate": SheetJS inflated the stream unbounded. */
function methodMismatch(): Uint8Array {
  const zip = xlsx(SUM_24, {}, 6);
  const at = layout(zip).get("xl/worksheets/sheet1.xml")!;
  put16(zip, at.central + 10, 0);
  return zip;
}

function sizeMismatch(): Uint8Array {
  const zip = xlsx(SUM_24);
  const at = layout(zip).get("xl/worksheets/sheet1.xml")!;
  zip[at.local + 22] = (zip[at.local + 22]! + 1) & 0xff;
  return zip;
}

/** Every entry flagged encrypted (PKWARE), or method 99 (AES), in both headers. */
function encrypted(kind: "pkware" | "aes"): Uint8Array {
  const zip = xlsx(SUM_24);
  for (const at of layout(zip).values()) {
    if (kind === "pkware") {
      zip[at.local + 6]! |= 1;
      zip[at.central + 8]! |= 1;
    } else {
      put16(zip, at.local + 8, 99);
      put16(zip, at.central + 10, 99);
    }
  }
  return zip;
}

/** Apple Numbers' nested Index.zip holding a real workbook: never followed. */
function nestedIndexZip(): Uint8Array {
  return zipSync({ "Index.zip": xlsx(SUM_777, {}, 0) }, { level: 0 });
}

/**
 * `count` cells written with tags the old count missed ("<c>" and "<x:c "), stored (not compressed,
 * so the compression ratio does not stop it first): built from one block copied over.
 */
function manyCells(count: number): Uint8Array {
  const block = strToU8(`${"<c><v>1</v></c>".repeat(500)}${'<x:c t="n"><x:v>2</x:v></x:c>'.repeat(500)}`);
  const blocks = Math.ceil(count / 1000);
  const head = strToU8('<?xml version="1.0"?><worksheet xmlns:x="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData><row r="1">');
  const tail = strToU8("</row></sheetData></worksheet>");
  const sheet = new Uint8Array(head.length + blocks * block.length + tail.length);
  sheet.set(head);
  for (let i = 0; i < blocks; i++) sheet.set(block, head.length + i * block.length);
  sheet.set(tail, head.length + blocks * block.length);
  return zipSync(
    { "[Content_Types].xml": strToU8(CT), "_rels/.rels": strToU8(RELS), "xl/workbook.xml": strToU8(WB), "xl/_rels/workbook.xml.rels": strToU8(WB_RELS), "xl/worksheets/sheet1.xml": sheet },
    { level: 0 },
  );
}

const ODS_MANIFEST = `<?xml version="1.0" encoding="UTF-8"?><manifest:manifest xmlns:manifest="urn:oasis:names:tc:opendocument:xmlns:manifest:1.0" manifest:version="1.2"><manifest:file-entry manifest:full-path="/" manifest:media-type="application/vnd.oasis.opendocument.spreadsheet"/><manifest:file-entry manifest:full-path="content.xml" manifest:media-type="text/xml"/></manifest:manifest>`;
const odsContent = (styles: string, tables: string): string =>
  `<?xml version="1.0" encoding="UTF-8"?><office:document-content xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" xmlns:style="urn:oasis:names:tc:opendocument:xmlns:style:1.0" xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0" office:version="1.2"><office:automatic-styles>${styles}</office:automatic-styles><office:body><office:spreadsheet>${tables}</office:spreadsheet></office:body></office:document-content>`;

function ods(content: string | undefined, styles = ""): Uint8Array {
  const parts: Record<string, Uint8Array | [Uint8Array, { level: 0 }]> = {
    mimetype: [strToU8("application/vnd.oasis.opendocument.spreadsheet"), { level: 0 }],
    "META-INF/manifest.xml": strToU8(ODS_MANIFEST),
    "styles.xml": strToU8(
      `<?xml version="1.0" encoding="UTF-8"?><office:document-styles xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" office:version="1.2"><office:styles>${styles}</office:styles></office:document-styles>`,
    ),
  };
  if (content !== undefined) parts["content.xml"] = strToU8(content);
  return zipSync(parts, { level: 6 });
}

const ODS_CELL = (v: number): string => `<table:table-cell office:value-type="float" office:value="${v}"><text:p>${v}</text:p></table:table-cell>`;
/** A LibreOffice-like sheet: two figures, then the empty repeats LibreOffice pads rows and sheets with. */
const ODS_TABLE = (name: string, style = "ta1"): string =>
  `<table:table table:name="${name}" table:style-name="${style}"><table:table-column table:number-columns-repeated="16384"/><table:table-row>${ODS_CELL(24)}${ODS_CELL(1)}<table:table-cell table:number-columns-repeated="16382"/></table:table-row><table:table-row table:number-rows-repeated="1048575"><table:table-cell table:number-columns-repeated="16384"/></table:table-row></table:table>`;

/** 1,000,000 repeated rows of 16,384 repeated figures: 28 KB that SheetJS would build 16 billion cells from. */
function odsRepeatBomb(): Uint8Array {
  const row = `<table:table-row table:number-rows-repeated="1000000"><table:table-cell office:value-type="float" office:value="1" table:number-columns-repeated="16384"><text:p>1</text:p></table:table-cell></table:table-row>`;
  return ods(odsContent("", `<table:table table:name="S">${row}</table:table>`));
}

/** A figure past column 2^32 − 2, in .xlsx and in .ods. */
const farColumnXlsx = (): Uint8Array => xlsx(`<row r="1"><c r="A1"><v>1</v></c><c r="MWLQKWU1"><v>2</v></c></row>`);
const farColumnOds = (): Uint8Array =>
  ods(odsContent("", `<table:table table:name="S"><table:table-row><table:table-cell table:number-columns-repeated="4294967294"/>${ODS_CELL(2)}</table:table-row></table:table>`));

/** 60,000 table styles, one of them hiding the second sheet (the old regular expression took minutes). */
function odsManyStyles(): string {
  let styles = "";
  for (let i = 0; i < 60_000; i++) styles += `<style:style style:name="co${i}" style:family="table-column"><style:table-column-properties style:column-width="2cm"/></style:style>`;
  styles += `<style:style style:name="ta1" style:family="table"><style:table-properties table:display="true"/></style:style>`;
  styles += `<style:style style:name="ta2" style:family="table"><style:table-properties table:display="false"/></style:style>`;
  return odsContent(styles, ODS_TABLE("Hiện") + ODS_TABLE("Ẩn", "ta2"));
}

// ---------------------------------------------------------------- helpers

function verdict(bytes: Uint8Array, name: string, limits = {}): { code: string; message: string; ms: number } {
  const t0 = performance.now();
  try {
    readWorkbook(bytes, name, limits);
  } catch (error) {
    const ms = performance.now() - t0;
    if (error instanceof WorkbookReadError) return { code: error.code, message: error.message, ms };
    throw error;
  }
  return { code: "read", message: "", ms: performance.now() - t0 };
}

function column(c: number): string {
  let out = "";
  for (let n = c + 1; n > 0; n = Math.floor((n - 1) / 26)) out = String.fromCharCode(65 + ((n - 1) % 26)) + out;
  return out;
}

/** Cell values by A1 address (formulas left out), sheet by sheet: what the two paths must agree on. */
function values(grid: WorkbookGrid): Record<string, Record<string, unknown>> {
  const out: Record<string, Record<string, unknown>> = {};
  for (const sheet of grid.sheets) {
    const cells: Record<string, unknown> = {};
    sheet.rows.forEach((row, r) =>
      row?.forEach((cell, c) => {
        if (cell?.v !== undefined) cells[`${column(c)}${r + 1}`] = cell.v instanceof Date ? cell.v.toISOString() : cell.v;
      }),
    );
    out[sheet.name] = cells;
  }
  return out;
}

const FAST = 2000;

// ---------------------------------------------------------------- tests

describe("hostile containers get their verdict, fast", () => {
  const cases: Array<[string, () => Uint8Array, string, string]> = [
    ["the same part name twice", duplicateNames, "zip-ambiguous", "có hai lần"],
    ["two end records", twoEndRecords, "zip-ambiguous", "hai bản ghi kết thúc"],
    ["directory and local header disagreeing on the method", methodMismatch, "zip-ambiguous", "kiểu nén"],
    ["directory and local header disagreeing on the size", sizeMismatch, "zip-ambiguous", "dung lượng giải nén"],
    ["PKWARE-encrypted entries", () => encrypted("pkware"), "encrypted", ""],
    ["AES-encrypted entries (method 99)", () => encrypted("aes"), "encrypted", ""],
    ["a nested Index.zip (never followed)", nestedIndexZip, "not-a-workbook", ""],
    ["a cell past column XFD (.xlsx)", farColumnXlsx, "corrupt", "nằm ngoài giới hạn"],
  ];
  it.each(cases)("%s", (_what, make, rule, detail) => {
    const v = verdict(make(), "x.xlsx");
    expect(v.code).toBe(rule);
    if (detail) expect(v.message).toContain(detail);
    expect(v.message).toContain("x.xlsx");
    expect(v.ms).toBeLessThan(FAST);
  });

  // An XML spreadsheet (Excel 2003) places cells by number: numbers past the sheet held SheetJS a minute and took gigabytes.
  const xmlSheet = (row: string) =>
    strToU8(
      `<?xml version="1.0"?><Workbook xmlns="urn:schemas-microsoft-com:office:spreadsheet" xmlns:ss="urn:schemas-microsoft-com:office:spreadsheet">` +
        `<Worksheet ss:Name="Chỉ tiêu"><Table><Row><Cell><Data ss:Type="String">Tổng số</Data></Cell></Row>${row}</Table></Worksheet></Workbook>`,
    );
  it.each([
    ["a cell placed at column 1,000,000,000", '<Row><Cell ss:Index="1000000000"><Data ss:Type="Number">1</Data></Cell></Row>', 'Index="1000000000"'],
    ["a cell merged across 99,999,999 columns", '<Row><Cell ss:MergeAcross="99999999"><Data ss:Type="Number">1</Data></Cell></Row>', 'MergeAcross="99999999"'],
    ["a row placed past row 1,048,576", '<Row ss:Index="2000000"><Cell><Data ss:Type="Number">1</Data></Cell></Row>', 'Index="2000000"'],
  ])("an XML spreadsheet with %s is corrupt, at once", (_what, row, detail) => {
    const v = verdict(xmlSheet(row), "x.xml");
    expect(v.code).toBe("corrupt");
    expect(v.message).toContain(detail);
    expect(v.ms).toBeLessThan(FAST);
    // The same sheet with the cell where Excel can put it is read.
    const fine = readWorkbookFile(xmlSheet('<Row><Cell ss:Index="3" ss:MergeAcross="2"><Data ss:Type="Number">1</Data></Cell></Row>'), "x.xml");
    expect(fine.sheets[0]!.rows[1]?.[2]?.v).toBe(1);
  });

  it("refuses a cell the general reader places outside the sheet (a range for a cell's reference), which it would walk row by row", () => {
    // A cell of a type the lean reader leaves to SheetJS, which reads r="A1:XFD1048576" as row 11,048,576.
    const sheet = (ref: string): Uint8Array => xlsx(`<row r="1"><c r="A1" t="inlineStr"><is><t>Tổng</t></is></c><c r="${ref}" t="x"><v>24</v></c></row>`);
    const v = verdict(sheet("A1:XFD1048576"), "x.xlsx");
    expect(v.code).toBe("corrupt");
    expect(v.message).toContain('trang "S" có ô ở dòng 11048576, nằm ngoài giới hạn 16384 cột × 1048576 dòng');
    expect(values(readWorkbook(sheet("B1"), "x.xlsx")).S).toMatchObject({ A1: "Tổng" });
  });

  it("refuses an entry inflating past the compression ratio", () => {
    const v = verdict(xlsx(SUM_24, { "xl/worksheets/sheet2.xml": new Uint8Array(8 * 1024 * 1024) }), "nen.xlsx");
    expect(v.code).toBe("zip-bomb");
    expect(v.message).toContain("tỷ lệ nén vượt 1:200");
  });

  it("says why an ambiguous zip is not read, in Vietnamese", () => {
    expect(verdict(duplicateNames(), "hai-ban.xlsx").message).toContain(
      "tệp nén có cấu trúc mập mờ: tên mục \"xl/worksheets/sheet1.xml\" có hai lần; hai chương trình có thể đọc ra hai bảng tính khác nhau nên không đọc",
    );
  });

  it("reads the files these were made from (the verdicts come from the hostile part)", () => {
    expect(values(readWorkbook(xlsx(SUM_24), "x.xlsx")).S).toEqual({ A1: "Tổng", B1: 24 });
    // Zero padding after the end record (some mail programs add it) is no second record.
    const padded = new Uint8Array(xlsx(SUM_24).length + 512);
    padded.set(xlsx(SUM_24));
    expect(values(readWorkbook(padded, "x.xlsx")).S).toEqual({ A1: "Tổng", B1: 24 });
    expect(values(readWorkbook(ods(odsContent("", ODS_TABLE("S"))), "x.ods")).S).toEqual({ A1: 24, B1: 1 });
  });

  it("counts cells whatever their tag (<c>, <x:c>) and stops at the limit while inflating", () => {
    const bytes = manyCells(2_100_000);
    const v = verdict(bytes, "nhieu-o.xlsx", { maxFileBytes: bytes.length });
    expect(v.code).toBe("too-many-cells");
    expect(v.ms).toBeLessThan(5000);
    expect(verdict(manyCells(3000), "x.xlsx", { maxCells: 2000 }).code).toBe("too-many-cells");
    expect(verdict(manyCells(1000), "x.xlsx", { maxCells: 2000 }).code).toBe("read");
  });

  it("counts and checks a worksheet wherever the relationships put it", () => {
    const elsewhere = (data: string): Uint8Array =>
      zipSync({
        "[Content_Types].xml": strToU8(CT),
        "_rels/.rels": strToU8(RELS),
        "xl/workbook.xml": strToU8(WB),
        "xl/_rels/workbook.xml.rels": strToU8(WB_RELS.replace("worksheets/sheet1.xml", "../docProps/custom.xml")),
        "docProps/custom.xml": strToU8(sheetXml(data)),
      });
    expect(values(readWorkbook(elsewhere(SUM_24), "x.xlsx")).S).toEqual({ A1: "Tổng", B1: 24 });
    expect(verdict(elsewhere(`<row r="1">${"<c><v>1</v></c>".repeat(300)}</row>`), "x.xlsx", { maxCells: 200 }).code).toBe("too-many-cells");
    expect(verdict(elsewhere(`<row r="1"><c r="XFE1"><v>1</v></c></row>`), "x.xlsx").code).toBe("corrupt");
  });

  it("counts the cells of rows past the row limit and checks every reference of a sheet with an odd one", () => {
    // Rows past maxRows are not read, but their cells still count against the limit.
    const past = `<row r="1"><c r="A1"><v>1</v></c></row><row r="5"><c r="A5"><v>1</v></c>${"<c/>".repeat(300)}</row>`;
    expect(verdict(xlsx(past), "x.xlsx", { maxRows: 3, maxCells: 200 }).code).toBe("too-many-cells");
    expect(verdict(xlsx(past), "x.xlsx", { maxRows: 3, maxCells: 400 }).code).toBe("read");
    // Plain references first, then one past row 1,048,576 written in lower case: the sheet is looked at whole.
    const far = `<row r="1"><c r="A1"><v>1</v></c><c r="b1"><v>2</v></c></row><row r="2"><c r="C2"><v>3</v></c><c r="d1048577"><v>4</v></c></row>`;
    const v = verdict(xlsx(far), "x.xlsx");
    expect(v.code).toBe("corrupt");
    expect(v.message).toContain('ô "d1048577"');
    // A row number past the sheet's last row, on a row whose cells have no reference.
    expect(verdict(xlsx(`<row r="1048577"><c><v>1</v></c></row>`), "x.xlsx").code).toBe("corrupt");
    // The sheet's last row is inside (past the row limit, so not read: the file is empty, not broken).
    expect(verdict(xlsx(`<row r="1048576"><c><v>1</v></c></row>`), "x.xlsx").code).toBe("empty");
  });

  it("bounds .ods repeats before SheetJS builds them", () => {
    const bomb = odsRepeatBomb();
    expect(bomb.length).toBeLessThan(30_000);
    const v = verdict(bomb, "lap.ods");
    expect(v).toMatchObject({ code: "too-many-cells" });
    expect(v.ms).toBeLessThan(FAST);
    const far = verdict(farColumnOds(), "xa.ods");
    expect(far.code).toBe("corrupt");
    expect(far.message).toContain("nằm ngoài giới hạn");
    expect(far.ms).toBeLessThan(FAST);
  });

  it("refuses an .ods figure whose value is not a number (SheetJS would read 0x10 as 0), naming the cell", () => {
    const bad = `<table:table table:name="S"><table:table-row>${ODS_CELL(1)}<table:table-cell office:value-type="float" office:value="0x10"><text:p>16</text:p></table:table-cell></table:table-row></table:table>`;
    const v = verdict(ods(odsContent("", bad)), "so.ods");
    expect(v.code).toBe("corrupt");
    expect(v.message).toContain('ô B1 ghi giá trị số không hợp lệ "0x10"');
  });

  it("refuses an .ods number style counting digits by the million or below zero (SheetJS spelled each out, for minutes and gigabytes)", () => {
    const numberStyle = (counts: string): string =>
      `<number:number-style xmlns:number="urn:oasis:names:tc:opendocument:xmlns:datastyle:1.0" style:name="N2"><number:number ${counts}/></number:number-style>` +
      `<style:style style:name="ce1" style:family="table-cell" style:data-style-name="N2"/>`;
    const styled = `<table:table table:name="S"><table:table-row><table:table-cell table:style-name="ce1" office:value-type="float" office:value="24"><text:p>24,00</text:p></table:table-cell></table:table-row></table:table>`;
    const inContent = verdict(ods(odsContent(numberStyle('number:decimal-places="1000" number:min-integer-digits="1"'), styled)), "so.ods");
    expect(inContent.code).toBe("corrupt");
    expect(inContent.message).toContain('định dạng số ở phần "content.xml" ghi số chữ số bất thường (decimal-places="1000")');
    const inStyles = verdict(ods(odsContent("", styled), numberStyle('number:decimal-places="2" number:min-decimal-places="-99999999"')), "so.ods");
    expect(inStyles.code).toBe("corrupt");
    expect(inStyles.message).toContain('phần "styles.xml" ghi số chữ số bất thường (min-decimal-places="-99999999")');
    // The counts LibreOffice writes are read.
    expect(verdict(ods(odsContent(numberStyle('number:decimal-places="2" number:min-decimal-places="2" number:min-integer-digits="1"'), styled)), "so.ods").code).toBe("read");
    // A flat .fods holds its styles in its one XML: the same counts refused there.
    const flat = (counts: string): Uint8Array =>
      new TextEncoder().encode(
        `<?xml version="1.0" encoding="UTF-8"?><office:document xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" xmlns:style="urn:oasis:names:tc:opendocument:xmlns:style:1.0" xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0" xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" office:version="1.3" office:mimetype="application/vnd.oasis.opendocument.spreadsheet">` +
          `<office:automatic-styles>${numberStyle(counts)}</office:automatic-styles><office:body><office:spreadsheet>${styled}</office:spreadsheet></office:body></office:document>`,
      );
    const inFlat = verdict(flat('number:decimal-places="2" number:min-decimal-places="-99999999"'), "so.fods");
    expect(inFlat.code).toBe("corrupt");
    expect(inFlat.message).toContain('min-decimal-places="-99999999"');
    expect(verdict(flat('number:decimal-places="2" number:min-decimal-places="2"'), "so.fods").code).toBe("read");
  });

  it("calls a broken .ods corrupt, with a detail, not empty", () => {
    const missing = verdict(ods(undefined), "thieu.ods");
    expect(missing.code).toBe("corrupt");
    expect(missing.message).toContain("content.xml");
    const cut = odsContent("", ODS_TABLE("S"));
    const broken = verdict(ods(cut.slice(0, cut.length - 40)), "cut.ods");
    expect(broken.code).toBe("corrupt");
    expect(broken.message).toContain("content.xml");
    const crossed = verdict(ods(cut.replace("</table:table-row>", "</table:table>")), "lech.ods");
    expect(crossed.code).toBe("corrupt");
  });

  it("says in Vietnamese why an entry does not inflate (never the inflater's English)", () => {
    const good = xlsx(`<row r="1"><c r="A1" t="inlineStr"><is><t>${"Nội dung ".repeat(400)}</t></is></c></row>`);
    // The sheet's deflated data damaged in place (sizes and directory left as they were).
    const bytes = good.slice();
    const name = new TextEncoder().encode("xl/worksheets/sheet1.xml");
    let at = -1;
    for (let i = 0; i + 30 < bytes.length && at < 0; i++) {
      if (bytes[i] === 0x50 && bytes[i + 1] === 0x4b && bytes[i + 2] === 3 && bytes[i + 3] === 4 && name.every((b, k) => bytes[i + 30 + k] === b)) at = i;
    }
    expect(at).toBeGreaterThanOrEqual(0);
    const view = new DataView(bytes.buffer);
    const start = at + 30 + view.getUint16(at + 26, true) + view.getUint16(at + 28, true);
    const size = view.getUint32(at + 18, true);
    for (let k = start + 8; k < start + size - 4; k += 5) bytes[k] = bytes[k]! ^ 0x5a;
    const damaged = verdict(bytes, "hong.xlsx");
    expect(damaged.code).toBe("corrupt");
    expect(damaged.message).toContain('không giải nén được mục "xl/worksheets/sheet1.xml": dữ liệu nén bị hỏng hoặc không trọn vẹn');
    expect(damaged.message).not.toMatch(/invalid|distance|block|header|EOF/i);
  });
});

describe("the lean path and the SheetJS path read the same cells", () => {
  const both = (bytes: Uint8Array): { lean: unknown; general: unknown } => ({
    lean: values(readWorkbook(bytes, "x.xlsx")),
    general: values(readWorkbookFile(bytes, "x.xlsx")),
  });

  it("puts a cell where its own reference says, even inside another row (as Excel does)", () => {
    const { lean, general } = both(xlsx(`<row r="40"><c r="D10"><v>5</v></c><c r="E40"><v>6</v></c></row><row r="10"><c r="A10"><v>7</v></c></row>`));
    expect(lean).toEqual({ S: { D10: 5, E40: 6, A10: 7 } });
    expect(general).toEqual(lean);
  });

  it("keeps a figure that is not a number as the text written, never 16 or 0", () => {
    const { lean, general } = both(
      xlsx(`<row r="1"><c r="A1"><v>0x10</v></c><c r="B1"><v> 12 </v></c><c r="C1" t="n"><v>Infinity</v></c><c r="D1"><v>1e3</v></c><x:c r="E1"><x:v>0b1</x:v></x:c></row>`),
    );
    expect(lean).toEqual({ S: { A1: "0x10", B1: 12, C1: "Infinity", D1: 1000, E1: "0b1" } });
    expect(general).toEqual(lean);
  });

  it("gives no invalid date and no date from a serial below 1", () => {
    const styles = `<?xml version="1.0"?><styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><cellXfs count="2"><xf numFmtId="0"/><xf numFmtId="14"/></cellXfs></styleSheet>`;
    const rels = WB_RELS.replace(
      "</Relationships>",
      `<Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/></Relationships>`,
    );
    const bytes = xlsx(`<row r="1"><c r="A1" s="1"><v>0</v></c><c r="B1" s="1"><v>44000</v></c><c r="C1" t="d"><v>không phải ngày</v></c></row>`, {
      "xl/styles.xml": strToU8(styles),
      "xl/_rels/workbook.xml.rels": strToU8(rels),
    });
    const lean = values(readWorkbook(bytes, "x.xlsx"));
    expect(lean.S!.A1).toBe(0);
    expect(lean.S!.B1).toBe("2020-06-18T00:00:00.000Z");
    expect(lean.S!.C1).toBe("không phải ngày");
    expect(values(readWorkbookFile(bytes, "x.xlsx")).S!.A1).toBe(0);
  });
});

describe("regular expressions and scans over file content stay linear", () => {
  const timed = (fn: () => unknown): number => {
    const t0 = performance.now();
    fn();
    return performance.now() - t0;
  };

  it("reads attributes of a tag with a long run of name characters", () => {
    const tag = ` ${"a".repeat(200_000)} b="1"`;
    expect(timed(() => expect(attributes(tag).get("b")).toBe("1"))).toBeLessThan(FAST);
    expect(timed(() => expect(attributeValue(tag, "b")).toBe("1"))).toBeLessThan(FAST);
    expect(attributes(` a="x" c = 'y' d=z e="1`)).toEqual(new Map([["a", "x"], ["c", "y"]]));
  });

  it("drops phonetic runs without rescanning for unclosed ones", () => {
    const inner = `<r><t>Tổng</t></r><rPh><t>x</t></rPh>${"<rPh".repeat(100_000)}`;
    expect(timed(() => expect(textOf(inner)).toBe("Tổng"))).toBeLessThan(FAST);
  });

  it("finds hidden .ods sheets among 60,000 styles, and reads the file", () => {
    const content = odsManyStyles();
    expect(timed(() => expect([...scanOdsContent(content, 2_000_000).hidden]).toEqual(["Ẩn"]))).toBeLessThan(FAST);
    const grid = readWorkbook(ods(content), "kieu.ods");
    expect(grid.sheets.map((s) => [s.name, s.visibility])).toEqual([
      ["Hiện", "visible"],
      ["Ẩn", "hidden"],
    ]);
  });

  it("checks references and numbers of a large sheet in one pass", () => {
    const xml = sheetXml(`<row r="1">${'<c r="A1" t="n"><v>0x1</v></c>'.repeat(200_000)}</row>`);
    expect(timed(() => expect(markNonNumbers(xml)).toContain('<c r="A1" t="str"><v>0x1</v>'))).toBeLessThan(FAST);
    expect(timed(() => expect(referenceOutsideExcel(strToU8(xml))).toBeUndefined())).toBeLessThan(FAST);
    expect(referenceOutsideExcel(strToU8(' <c r="XFE1"/>'))).toBe("XFE1");
    expect(referenceOutsideExcel(strToU8(' <row r="1048577">'))).toBe("1048577");
    expect(referenceOutsideExcel(strToU8(' <c r="XFD1048576"/>'))).toBeUndefined();
    expect(timed(() => isXmlNumber(`${"1".repeat(1_000_000)}x`))).toBeLessThan(FAST);
  });
});

describe("a real LibreOffice .ods and the good files beside hostile ones", () => {
  const withOffice = SOFFICE ? it : it.skip;
  let dir = "";
  let good: Uint8Array;
  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), "hostile-"));
    const template = await writeWorkbookXlsx(buildUnitWorkbook({ unitName: "Đảng ủy xã Bản Bo", place: "Tam Đường", level: "co-so", created: "2021-05-01" }));
    good = await fillTemplate(template, { indicators: { "1.1": [100, 95] }, dateLine: "Bản Bo, ngày 20 tháng 6 năm 2021" });
  }, 60_000);

  withOffice(
    "reads the template saved as .ods by LibreOffice: its padding of empty repeated rows and columns is not counted",
    () => {
      writeFileSync(join(dir, "ban-bo.xlsx"), good);
      const odsPath = convertWithLibreOffice(join(dir, "ban-bo.xlsx"), "ods", join(dir, "ods"));
      const bytes = new Uint8Array(readFileSync(odsPath));
      const content = new TextDecoder().decode(unzipSync(bytes, { filter: (f) => f.name === "content.xml" })["content.xml"]!);
      // LibreOffice writes repeats (of empty cells and rows) that would be billions of cells if counted.
      expect(content).toMatch(/number-(rows|columns)-repeated="\d{3,}"/);
      const scan = scanOdsContent(content, 2_000_000);
      expect(scan.cells).toBeLessThan(20_000);
      // LibreOffice saves the results of the template's formulas too: every value of the .xlsx is there, the same.
      expect(values(readWorkbook(bytes, "ban-bo.ods"))).toMatchObject(values(readWorkbook(good, "ban-bo.xlsx")));
    },
    120_000,
  );

  it("validate gives each hostile file its rule; merge still merges the good file", async () => {
    const files: Record<string, Uint8Array> = {
      "Ban Bo.xlsx": good,
      "hai-ban.xlsx": duplicateNames(),
      "lech.xlsx": methodMismatch(),
      "mat-khau.xlsx": encrypted("aes"),
      "lap.ods": odsRepeatBomb(),
    };
    const out = join(dir, "in");
    mkdirSync(out, { recursive: true });
    for (const [name, bytes] of Object.entries(files)) writeFileSync(join(out, name), bytes);

    const v = capture(out);
    await main(["validate", "hai-ban.xlsx", "lap.ods", "--json"], v.io);
    const checked = JSON.parse(v.out()) as { files: Array<{ issues: Array<{ rule: string }> }> };
    expect(checked.files.map((f) => f.issues[0]?.rule)).toEqual(["zip-ambiguous", "too-many-cells"]);

    const m = capture(out);
    const t0 = performance.now();
    expect(await main(["merge", out, "--out", join(dir, "tong-hop.xlsx"), "--json", join(dir, "tong-hop.json"), "--date", "2021-07-01"], m.io)).toBe(0);
    expect(performance.now() - t0).toBeLessThan(30_000);
    const json = JSON.parse(readFileSync(join(dir, "tong-hop.json"), "utf8")) as {
      files: Array<{ file: string; status: string; issues: Array<{ rule: string }> }>;
      indicators: Array<{ id: string; total: number | null; achieved: number | null }>;
    };
    const byName = Object.fromEntries(json.files.map((f) => [f.file, f.status === "merged" ? "merged" : `${f.status}: ${f.issues[0]?.rule}`]));
    expect(byName).toEqual({
      "Ban Bo.xlsx": "merged",
      "hai-ban.xlsx": "rejected: zip-ambiguous",
      "lech.xlsx": "rejected: zip-ambiguous",
      "mat-khau.xlsx": "rejected: encrypted",
      "lap.ods": "rejected: too-many-cells",
    });
    expect(json.indicators.find((i) => i.id === "1.1")).toMatchObject({ total: 100, achieved: 95 });
  }, 60_000);
});
