/**
 * Web pages named .xls (web systems' exports, Excel's "Save as Web Page")
 * read by the bounded HTML table reader: character references, line breaks,
 * spans as merged cells, numbers by the file's convention, hostile spans.
 */
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import * as XLSX from "@e965/xlsx";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { readUnitReport } from "../../src/domain/read";
import type { GridCell, WorkbookGrid } from "../../src/domain/model/grid";
import { readWorkbook, readWorkbookFile, WorkbookReadError } from "../../src/io/read";
import { decodeEntities } from "../../src/io/read/entities";
import { declaredCharset, isHtml, readHtmlFile } from "../../src/io/read/html";
import { UNIT } from "../fixtures/csv/make-csv";
import { COLSPAN_BOMB, makeHtmlFixtures } from "../fixtures/html/make-html";
import { DOCUMENT_HEADER, goodFigures, headerBlock, INDICATOR_HEADER, indicatorBody } from "../fixtures/official";
import { convertWithLibreOffice, SOFFICE } from "../support/programs";

const utf8 = (s: string): Uint8Array => new TextEncoder().encode(s);
const page = (body: string): Uint8Array => utf8(`<html><head><meta charset="utf-8"></head><body>${body}</body></html>`);
const cells = (grid: WorkbookGrid): (GridCell | undefined)[][] => grid.sheets[0]!.rows.map((r) => [...(r ?? [])]);
const texts = (grid: WorkbookGrid): unknown[][] => cells(grid).map((r) => r.map((c) => c?.v));

describe("character references", () => {
  it("decodes named (Latin-1, Latin Extended, punctuation), decimal and hex references", () => {
    expect(decodeEntities("&#212;ng &Ocirc;ng &ocirc;ng &#x1EA0;&#7841; &#272;&#x111; &Dstrok;&dstrok; &Abreve;&abreve; &Itilde;&utilde;")).toBe(
      "Ông Ông ông Ạạ Đđ Đđ Ăă Ĩũ",
    );
    expect(decodeEntities("a&nbsp;b &amp; c &lt;d&gt; &quot;e&quot; &apos;f&apos; &ndash;&mdash;&hellip;&ldquo;&rdquo;&euro;")).toBe('a\u00a0b & c <d> "e" \'f\' –—…“”€');
    expect(decodeEntities("&yuml;&THORN;&szlig;&iexcl;")).toBe("ÿÞß¡");
  });

  it("follows HTML5 for references without a semicolon, unknown names, C1 numbers and numbers out of range", () => {
    expect(decodeEntities("&copy2021 &amp &nbspx")).toBe("©2021 & \u00a0x");
    expect(decodeEntities("R&D &foo; a & b &#;")).toBe("R&D &foo; a & b &#;");
    expect(decodeEntities("&#150;&#128;&#0;&#xD800;&#99999999999;")).toBe("–€\ufffd\ufffd\ufffd");
  });
});

describe("HTML tables", () => {
  it("is recognised by its content, whatever the name; an XML spreadsheet is not", () => {
    expect(isHtml(utf8("\ufeff  <!-- xuất --><!DOCTYPE html><html><table></table></html>"))).toBe(true);
    expect(isHtml(utf8('<html xmlns:x="urn:schemas-microsoft-com:office:excel"><body><TABLE>'))).toBe(true);
    expect(isHtml(utf8("<html><body>không có bảng</body></html>"))).toBe(false);
    expect(isHtml(utf8('<?xml version="1.0"?><Workbook xmlns="urn:schemas-microsoft-com:office:spreadsheet"><Table>'))).toBe(false);
    expect(declaredCharset(utf8('<META HTTP-EQUIV="Content-Type" CONTENT="text/html; charset=windows-1258">'))).toBe("windows-1258");
    expect(declaredCharset(utf8("<meta charset='utf-8'>"))).toBe("utf-8");
  });

  it("reads cells with references decoded, <br> as a new line, white space collapsed, scripts and comments skipped", () => {
    const grid = readWorkbook(
      page(`<script>var t = "<table><tr><td>không</td></tr></table>";</script><!-- <table><tr><td>cũ</td></tr></table> -->
      <h3>B&Aacute;O C&Aacute;O</h3>
      <table><caption>Bi&#7875;u 01</caption>
      <tr><th>Stt</th><th>N&#7897;i dung
        c&#7911;a ch&#7881; ti&ecirc;u</th></tr>
      <tr><td>1.1</td><td>&#272;&#7843;ng &#7911;y x&atilde; B&#7843;n Bo<br>Tam &#272;&#432;&#7901;ng<br/></td></tr>
      <tr><td> </td><td><p>d&ograve;ng 1</p><p>d&ograve;ng 2</p></td></tr>
      </table><p>N&#417;i nh&#7853;n:</p>`),
      "web.xls",
    );
    expect(grid.sheets.map((s) => s.name)).toEqual(["web"]);
    expect(texts(grid)).toEqual([
      ["BÁO CÁO"],
      ["Biểu 01"],
      ["Stt", "Nội dung của chỉ tiêu"],
      ["1.1", "Đảng ủy xã Bản Bo\nTam Đường"],
      [undefined, "dòng 1\ndòng 2"],
      ["Nơi nhận:"],
    ]);
  });

  it("lays out colspan and rowspan as merged cells, by HTML's table rules", () => {
    const grid = readWorkbook(
      page(`<table>
        <tr><td rowspan=2>Stt</td><td rowspan="2">Nội dung</td><td colspan=2>Kết quả</td></tr>
        <tr><td>Tổng số</td><td>Số đạt</td></tr>
        <tr><td>1</td><td>a</td><td>3</td><td>2</td></tr>
      </table>`),
      "spans.xls",
    );
    expect(texts(grid)).toEqual([
      ["Stt", "Nội dung", "Kết quả"],
      [undefined, undefined, "Tổng số", "Số đạt"],
      ["1", "a", "3", "2"],
    ]);
    expect(grid.sheets[0]!.merges).toEqual([
      { s: { r: 0, c: 0 }, e: { r: 1, c: 0 } },
      { s: { r: 0, c: 1 }, e: { r: 1, c: 1 } },
      { s: { r: 0, c: 2 }, e: { r: 0, c: 3 } },
    ]);
  });

  it("takes Excel's x:num where the cell shows a number, its percent and formula; keeps dates and text as shown", () => {
    const grid = readWorkbook(
      page(`<table><tr>
        <td x:num="1219">1.219</td><td x:num="0.9705" style='mso-number-format:Percent'>97,05%</td>
        <td x:num="44352" x:fmla="=DATE(2021,6,5)">05/06/2021</td><td x:num>1.252</td><td x:str>1,252</td></tr></table>`),
      "excel.xls",
    );
    expect(cells(grid)[0]).toEqual([
      { v: 1219, w: "1.219" },
      { v: 0.9705, w: "97,05%", z: "0.00%" },
      { v: "05/06/2021", f: "DATE(2021,6,5)" },
      { v: "1.252" },
      { v: "1,252" },
    ]);
  });

  it("keeps '100,00' as text for the domain (100; SheetJS read 10000), and reads '1.252' as 1252 and '1,500' as 1.5 in a file settled Vietnamese", () => {
    const bytes = page("<table><tr><td>Tổng số</td><td>100,00</td><td>1.252</td><td>1,500</td></tr></table>");
    expect(texts(readWorkbook(bytes, "he-thong.xls"))[0]).toEqual(["Tổng số", "100,00", 1252, 1.5]);
  });

  it("reads a page declared Windows-1258 (combining tone marks) as NFC text", () => {
    const head = utf8('<html><head><meta http-equiv="Content-Type" content="text/html; charset=windows-1258"></head><body><table><tr><td>');
    // "Bản Giang" with the hook above as a combining byte (0xD2), "Đ" 0xD0.
    const body = Uint8Array.from([0x42, 0x61, 0xd2, 0x6e, 0x20, 0x47, 0x69, 0x61, 0x6e, 0x67, 0x20, 0xd0]);
    const tail = utf8("</td></tr></table></body></html>");
    const grid = readWorkbook(Uint8Array.from([...head, ...body, ...tail]), "1258.xls");
    expect(texts(grid)).toEqual([["Bản Giang Đ"]]);
  });

  // How long these take is measured by `npm run bench` (bench/hostile-memory.ts), not asserted here.
  it("reads the 200-byte colspan bomb, spans clamped to Excel's columns and the table's rows", () => {
    expect(COLSPAN_BOMB.length).toBeLessThanOrEqual(200);
    const grid = readWorkbook(utf8(COLSPAN_BOMB), "colspan.xls");
    const merges = grid.sheets[0]!.merges;
    expect(merges[0]).toEqual({ s: { r: 0, c: 0 }, e: { r: 1, c: 999 } });
    expect(Math.max(...merges.map((m) => m.e.c))).toBeLessThan(16_384);
    expect(Math.max(...merges.map((m) => m.e.r))).toBe(1);
  });

  it("refuses pages whose spans cover more cells than the limit", () => {
    const rows = Array.from({ length: 2500 }, () => "<tr><td colspan=1000>x</td></tr>").join("");
    expect(() => readWorkbook(page(`<table>${rows}</table>`), "to.xls")).toThrow(expect.objectContaining({ code: "too-many-cells" }) as WorkbookReadError);
    const many = `<table><tr>${"<td rowspan=65534 colspan=1000>x</td>".repeat(50)}</tr>${"<tr><td>y</td></tr>".repeat(20000)}</table>`;
    expect(() => readWorkbook(page(many), "to2.xls")).toThrow(expect.objectContaining({ code: "too-many-cells" }) as WorkbookReadError);
  });

  it("keeps at most the row limit over all the page's tables", () => {
    const table = `<table>${"<tr><td>a</td></tr>".repeat(4)}</table>`;
    const grid = readHtmlFile(page(table + table + table), "dai.xls", { maxRows: 6 });
    expect(texts(grid)).toEqual(Array.from({ length: 6 }, () => ["a"]));
  });

  it("reads or refuses hostile markup with a reason, never an engine error", () => {
    for (const body of ["<".repeat(100_000), "<a ".repeat(100_000), `<td x="${"a".repeat(500_000)}`, "&#".repeat(100_000), "<!--".repeat(100_000)]) {
      try {
        readHtmlFile(utf8(`<html><table><tr><td>${body}`), "x.xls");
      } catch (error) {
        expect(error).toBeInstanceOf(WorkbookReadError);
      }
    }
  });

  it("goes through the facade instead of SheetJS", () => {
    const bytes = page("<table><tr><td>&#212;ng</td><td>100,00</td></tr></table>");
    expect(texts(readWorkbook(bytes, "a.xls"))[0]).toEqual(["Ông", "100,00"]);
    // SheetJS, which read such pages before, leaves the reference and reads 100,00 as 10000.
    const old = texts(readWorkbookFile(bytes, "a.xls"));
    expect(old.flat()).not.toContain("Ông");
  });
});

describe("web pages as units send them (.xls)", () => {
  const dir = mkdtempSync(join(tmpdir(), "html-"));
  beforeAll(() => makeHtmlFixtures(dir));

  it.each(["excel-web-page.xls", "web-system-1258.xls"])("%s: unit, date, figures and documents", (name) => {
    const report = readUnitReport(readWorkbook(new Uint8Array(readFileSync(join(dir, name))), name), name);
    expect(report.unit).toMatchObject({ name: UNIT, source: "header" });
    expect(report.reportDate).toBe("2021-06-05");
    expect(report.indicators["1.1"]).toMatchObject({ total: 45, achieved: 45 });
    expect(report.indicators["1.2"]).toMatchObject({ total: 1219, achieved: 1183, typedRatio: 97.05 });
    expect(report.indicators["4.2"]).toMatchObject({ total: 52, achieved: 44 });
    expect(Object.keys(report.indicators)).toHaveLength(16);
    expect(report.documents.map((d) => [d.code?.canonical, d.date, d.summary])).toEqual([
      ["15-NQ/ĐU", "2016-10-12", "Nghị quyết về nâng cao chất lượng công tác tư tưởng"],
      ["22-KH/ĐU", "2017-03-07", "Kế hoạch thực hiện Đề án 241 năm 2017"],
      ["27/KH-UBND", "2018-01-15", "Kế hoạch tuyên truyền năm 2018"],
    ]);
    expect(report.issues).toEqual([]);
  });
});

describe("a web system's table named .xls, without a whole page around it", () => {
  it.each([
    ["<div>", "</div>"],
    ['<div class="grid"><span>Báo cáo</span>', "</div>"],
    ["<center>", "</center>"],
  ])("a table inside %p (ASP.NET's GridView export) is read as a web page", (open, close) => {
    const rows = [[...INDICATOR_HEADER], ...indicatorBody(goodFigures())].map((r) => `<tr>${r.map((v) => `<td>${v ?? ""}</td>`).join("")}</tr>`);
    const bytes = new TextEncoder().encode(`${open}<table>${rows.join("")}</table>${close}`);
    const report = readUnitReport(readWorkbook(bytes, "bao-cao.xls"), "bao-cao.xls");
    expect(report.indicators["1.1"]).toMatchObject({ total: goodFigures()["1.1"]!.total, achieved: goodFigures()["1.1"]!.achieved });
  });
});

describe("a unit's workbook of two sheets saved as a web page by LibreOffice", () => {
  // LibreOffice writes each sheet's table under a heading of its own ("Sheet 2: Chỉ tiêu"), in one page; the
  // documents table of the first sheet must end there, not run on into the second sheet's header block.
  const withOffice = SOFFICE ? it : it.skip;
  withOffice("reads both tables, the documents table ending at the second sheet's heading", () => {
    const dir = mkdtempSync(join(tmpdir(), "lo-html-"));
    const documents = [...headerBlock("ĐẢNG ỦY XÃ BẢN BO", "Bản Bo, ngày 20 tháng 6 năm 2021"), ["CÁC VĂN BẢN LÃNH ĐẠO, CHỈ ĐẠO TRIỂN KHAI THỰC HIỆN ĐỀ ÁN 241"], [], [...DOCUMENT_HEADER], [1, "15-NQ/ĐU", "12/10/2016", "Nghị quyết về công tác tư tưởng", "Đảng ủy xã"], [2, "22-KH/ĐU", "05/03/2018", "Kế hoạch thực hiện Đề án 241", "Đảng ủy xã"]];
    const indicators = [...headerBlock("ĐẢNG ỦY XÃ BẢN BO", "Bản Bo, ngày 20 tháng 6 năm 2021"), ["KẾT QUẢ THỰC HIỆN CÁC MỤC TIÊU CỦA ĐỀ ÁN 241"], [], [...INDICATOR_HEADER], ...indicatorBody(goodFigures())];
    const book = XLSX.utils.book_new();
    XLSX.utils.book_append_sheet(book, XLSX.utils.aoa_to_sheet(documents), "Văn bản");
    XLSX.utils.book_append_sheet(book, XLSX.utils.aoa_to_sheet(indicators), "Chỉ tiêu");
    const source = join(dir, "ban-bo.xlsx");
    writeFileSync(source, XLSX.write(book, { type: "buffer", bookType: "xlsx" }) as Buffer);
    const page = convertWithLibreOffice(source, "html", dir);
    const html = readFileSync(page, "utf8");
    expect(html).toMatch(/Sheet 2: <em>Chỉ tiêu<\/em>/);
    const report = readUnitReport(readWorkbook(new Uint8Array(readFileSync(page)), "ban-bo.html"), "ban-bo.html");
    expect(report.documents.map((d) => d.code?.canonical)).toEqual(["15-NQ/ĐU", "22-KH/ĐU"]);
    expect(report.issues.filter((i) => i.rule.startsWith("document-"))).toEqual([]);
    expect(report.indicators["1.1"]).toMatchObject({ total: goodFigures()["1.1"]!.total, achieved: goodFigures()["1.1"]!.achieved });
  }, 120_000);
});
