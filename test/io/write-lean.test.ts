/**
 * The lean .xlsx writer must write what the ExcelJS renderer writes for the
 * same layout: the same values, formulas, text-as-text cells, styles (fonts,
 * borders, fills, alignment, number formats, locking), merges, widths,
 * heights, visibility and page setup — read back by ExcelJS and by SheetJS —
 * and LibreOffice must open it and compute the same results.
 */
import { mkdtempSync, writeFileSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import ExcelJS from "exceljs";
import { strFromU8, unzipSync } from "fflate";
import * as XLSX from "@e965/xlsx";
import { readSources } from "../../src/app/read-files";
import { summarise } from "../../src/app/summarise";
import { INDICATORS } from "../../src/domain/catalogue";
import { buildUnitWorkbook } from "../../src/domain/sheets";
import type { CellStyle, SheetLayout, WorkbookLayout } from "../../src/domain/sheets";
import type { Unit } from "../../src/domain/units";
import { readWorkbookFile } from "../../src/io/read";
import { writeWorkbookXlsx } from "../../src/io/write";
import { writeLeanXlsx, xmlEscape } from "../../src/io/write/lean";
import { LEAN_WRITER_MIN_CELLS, writeWorkbookXlsxExcelJS } from "../../src/io/write/xlsx";
import { fillTemplate } from "../support/fill";
import { convertWithLibreOffice, SOFFICE } from "../support/programs";

/** A summary layout from `n` filled unit workbooks (with documents, a text figure and an unlisted unit). */
async function summaryLayout(n: number): Promise<WorkbookLayout> {
  const units: Unit[] = Array.from({ length: n }, (_, i) => ({ name: `Chi bộ số ${i + 1}`, level: "co-so" }));
  const files: { name: string; bytes: Uint8Array }[] = [];
  for (const [i, unit] of units.entries()) {
    const indicators = Object.fromEntries(
      INDICATORS.map((ind, k) => [ind.id, [i === 1 && k === 0 ? "nhiều" : 100 + ((i + k) % 50), 90 + ((i * k) % 10)] as const]),
    );
    const template = await writeWorkbookXlsx(buildUnitWorkbook({ unitName: unit.name, place: "Tam Đường", level: "co-so", created: "2021-05-01" }));
    files.push({
      name: `don-vi-${i + 1}.xlsx`,
      bytes: await fillTemplate(template, {
        indicators,
        documents: [{ code: `${i + 1}-KH/ĐU`, date: new Date(Date.UTC(2018, i % 12, 1 + i)), summary: "Kế hoạch <thực hiện> & \"Đề án 241\"", issuer: unit.name }],
        dateLine: "Tam Đường, ngày 20 tháng 6 năm 2021",
      }),
    });
  }
  const sources = await readSources(files);
  const run = summarise(sources, { units: units.slice(0, n - 1) }, { unitName: "Huyện ủy Tam Đường", superior: "ĐẢNG BỘ TỈNH LAI CHÂU", place: "Tam Đường", level: "huyen", date: "2021-07-01" });
  return run.layout;
}

const font = { name: "Times New Roman", size: 13 };
const STYLES: Record<string, CellStyle> = {
  plain: { font, locked: true },
  th: { font: { ...font, bold: true }, horizontal: "center", vertical: "middle", wrap: true, border: true, locked: true, fill: "d9e1f2" },
  text: { font: { ...font, italic: true, underline: true }, numberFormat: "@", vertical: "top", locked: false },
  money: { font, numberFormat: "#,##0.00 \"đ\"", horizontal: "right", locked: true },
  date: { font, numberFormat: "dd/mm/yyyy", locked: true },
  pct: { font: { ...font, size: 11 }, numberFormat: "0.00", border: true, locked: true },
};

/** A layout with what the lean writer must get right beyond the summary. */
function edgeLayout(): WorkbookLayout {
  const cells: SheetLayout["cells"][number][] = [
    { r: 0, c: 0, value: "Tiêu đề gộp", style: "th" },
    { r: 0, c: 1, value: "bị che", style: "plain" },
    { r: 1, c: 0, value: "=SUM(A1:A3)", style: "text" },
    { r: 1, c: 1, value: "  khoảng trắng đầu và cuối  ", style: "text" },
    { r: 1, c: 2, value: "dòng 1\ndòng 2 & <thẻ> \"nháy\" 'đơn'", style: "text" },
    { r: 2, c: 0, value: 1234.5, style: "money" },
    { r: 2, c: 1, value: -0.125, style: "pct" },
    { r: 2, c: 2, value: 44378, style: "date" },
    { r: 2, c: 3, value: 1e21, style: "plain" },
    { r: 3, c: 0, value: null, formula: "IF(A3>0,B3*100/A3,\"\")", style: "pct" },
    { r: 3, c: 1, value: null, formula: "A3&\" đ\"", style: "nope" },
    { r: 3, c: 2, value: "", style: "plain" },
    { r: 4, c: 5, value: "ký tự\u0001điều khiển", style: "plain" },
    { r: 6, c: 2, value: "gộp dọc", style: "pct" },
    { r: 7, c: 2, value: 5, style: "th" },
  ];
  const sheet: SheetLayout = {
    name: "Bảng thử & <1>",
    visibility: "visible",
    cells,
    styles: STYLES,
    merges: ["A1:C1", "C7:C9", "E10:F11"],
    columnWidths: [7, 40.5, 12, 9],
    rowHeights: { 0: 30, 5: 12.75, 20: 40 },
    dataValidations: [],
    conditionalFormats: [],
    pageSetup: {
      paper: "A4",
      orientation: "portrait",
      fitToWidth: 1,
      fitToHeight: 0,
      margins: { left: 0.7, right: 0.5, top: 0.6, bottom: 0.6, header: 0.3, footer: 0.3 },
      printTitleRows: "2:3",
      horizontalCentered: false,
      footer: "Trang &P / &N",
    },
    inputRanges: [],
  };
  const hidden: SheetLayout = {
    name: "_an",
    visibility: "veryHidden",
    cells: [
      { r: 0, c: 0, value: "khóa", style: "plain" },
      { r: 0, c: 1, value: 7, style: "plain" },
    ],
    styles: STYLES,
    merges: [],
    columnWidths: [],
    rowHeights: {},
    dataValidations: [],
    conditionalFormats: [],
    inputRanges: [],
  };
  // Printed at a scale on as many pages as needed, with title columns, page breaks and formulas carrying their results.
  const printed: SheetLayout = {
    ...sheet,
    name: "In theo tỷ lệ",
    cells: [
      { r: 0, c: 0, value: "Chỉ tiêu", style: "th" },
      { r: 1, c: 0, value: 12, style: "plain" },
      { r: 1, c: 1, value: 30, style: "plain" },
      { r: 2, c: 0, value: 42, formula: "SUM(A2:B2)", style: "plain" },
      { r: 2, c: 1, value: "", formula: 'IF(A2>100,"nhiều","")', style: "pct" },
      { r: 2, c: 2, value: "ít", formula: 'IF(A2<100,"ít","")', style: "plain" },
    ],
    merges: [],
    pageSetup: { ...sheet.pageSetup!, orientation: "landscape", scale: 70, printTitleColumns: "A:B", printTitleRows: "1:1", rowBreaks: [2, 5], columnBreaks: [3, 7] },
  };
  return { sheets: [sheet, hidden, printed] };
}

/** The manual page breaks of each worksheet part, as written. */
function breaksXml(bytes: Uint8Array): string[] {
  const parts = unzipSync(bytes);
  return Object.keys(parts)
    .filter((n) => /^xl\/worksheets\/sheet\d+\.xml$/.test(n))
    .sort()
    .map((n) => (strFromU8(parts[n]!).match(/<(row|col)Breaks\b.*?<\/\1Breaks>/g) ?? []).join(""));
}

interface SheetDump {
  name: string;
  state: string;
  cells: Record<string, unknown>;
  merges: string[];
  widths: (number | undefined)[];
  heights: Record<number, number>;
  page: unknown;
  footer: string | undefined;
}

function styleDump(style: Partial<ExcelJS.Style>): unknown {
  return {
    font: style.font ? { name: style.font.name, size: style.font.size, bold: !!style.font.bold, italic: !!style.font.italic, underline: !!style.font.underline } : null,
    alignment: style.alignment ?? null,
    border: style.border ?? null,
    fill: style.fill ?? null,
    numFmt: style.numFmt ?? null,
    locked: style.protection?.locked ?? true,
  };
}

/** What ExcelJS reads back from a file, in plain data. */
async function excelDump(bytes: Uint8Array): Promise<{ sheets: SheetDump[]; fullCalcOnLoad: unknown }> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(Buffer.from(bytes) as unknown as ExcelJS.Buffer);
  const sheets = wb.worksheets.map((ws): SheetDump => {
    const cells: Record<string, unknown> = {};
    ws.eachRow({ includeEmpty: false }, (row) => {
      row.eachCell({ includeEmpty: true }, (cell) => {
        cells[cell.address] = { type: cell.type, value: cell.value ?? null, text: cell.type === ExcelJS.ValueType.Merge ? null : cell.text, style: styleDump(cell.style) };
      });
    });
    const heights: Record<number, number> = {};
    ws.eachRow({ includeEmpty: true }, (row, n) => {
      if (row.height !== undefined) heights[n] = row.height;
    });
    const widths = Array.from({ length: ws.columnCount }, (_, i) => ws.getColumn(i + 1).width);
    const ps = ws.pageSetup;
    return {
      name: ws.name,
      state: ws.state,
      cells,
      merges: [...((ws.model as unknown as { merges: string[] }).merges ?? [])].sort(),
      widths,
      heights,
      page: ws.state === "visible" ? { orientation: ps.orientation, fitToPage: ps.fitToPage, fitToWidth: ps.fitToWidth, fitToHeight: ps.fitToHeight, scale: ps.fitToPage ? null : ps.scale, margins: ps.margins, horizontalCentered: !!ps.horizontalCentered, printTitlesRow: ps.printTitlesRow, printTitlesColumn: ps.printTitlesColumn ?? null, paperSize: ps.paperSize } : null,
      footer: ws.headerFooter?.oddFooter,
    };
  });
  return { sheets, fullCalcOnLoad: wb.calcProperties.fullCalcOnLoad };
}

/** What SheetJS reads back: type, value, formula and number format of every cell, merges, visibility, names. */
function sheetJsDump(bytes: Uint8Array): unknown {
  const wb = XLSX.read(bytes, { type: "array", cellFormula: true, cellNF: true, cellStyles: true, sheetStubs: true });
  return {
    names: wb.SheetNames,
    hidden: (wb.Workbook?.Sheets ?? []).map((s) => s.Hidden ?? 0),
    definedNames: (wb.Workbook?.Names ?? []).map((n) => ({ name: n.Name, ref: n.Ref, sheet: n.Sheet })),
    sheets: wb.SheetNames.map((name) => {
      const ws = wb.Sheets[name]!;
      const cells: Record<string, unknown> = {};
      for (const [addr, cell] of Object.entries(ws)) {
        if (addr.startsWith("!")) continue;
        const c = cell as XLSX.CellObject;
        cells[addr] = { t: c.t, v: c.v ?? null, f: c.f ?? null, z: c.z ?? null };
      }
      return { cells, merges: (ws["!merges"] ?? []).map((m) => XLSX.utils.encode_range(m)).sort(), cols: (ws["!cols"] ?? []).map((c) => c?.width ?? null) };
    }),
  };
}

describe("the lean .xlsx writer, against the ExcelJS renderer", () => {
  let summary: WorkbookLayout;
  beforeAll(async () => {
    summary = await summaryLayout(12);
  }, 120_000);

  it("escapes XML text and drops characters XML cannot carry", () => {
    expect(xmlEscape(`a&b<c>"d'e`)).toBe("a&amp;b&lt;c&gt;&quot;d&apos;e");
    expect(xmlEscape("x\u0001y\u0008z\tw\n")).toBe("xyz\tw\n");
    expect(xmlEscape("Đảng bộ")).toBe("Đảng bộ");
  });

  it("writes a summary that ExcelJS reads back exactly as it reads the ExcelJS rendering", async () => {
    const lean = writeLeanXlsx(summary);
    expect(lean).toBeDefined();
    const [a, b] = await Promise.all([excelDump(lean!), excelDump(await writeWorkbookXlsxExcelJS(summary))]);
    expect(a.sheets.map((s) => s.name)).toEqual(summary.sheets.map((s) => s.name));
    expect(Object.keys(a.sheets[1]!.cells).length).toBeGreaterThan(100);
    expect(a).toEqual(b);
  }, 60_000);

  it("writes merges, odd text, formulas, heights and hidden sheets the way ExcelJS does", async () => {
    const layout = edgeLayout();
    const lean = writeLeanXlsx(layout)!;
    const [a, b] = await Promise.all([excelDump(lean), excelDump(await writeWorkbookXlsxExcelJS(layout))]);
    expect(a).toEqual(b);
    const cells = a.sheets[0]!.cells;
    // Text that looks like a formula stays text; covered cells of a merge take its style and lose their value.
    expect(cells.A2).toMatchObject({ type: ExcelJS.ValueType.String, value: "=SUM(A1:A3)" });
    expect(cells.B1).toMatchObject({ type: ExcelJS.ValueType.Merge });
    expect((cells.C8 as { style: unknown }).style).toEqual((cells.C7 as { style: unknown }).style);
    expect(cells.A4).toMatchObject({ value: { formula: 'IF(A3>0,B3*100/A3,"")' } });
    expect(a.sheets[1]!.state).toBe("veryHidden");
    // Formulas with their results; a scale, title columns and page breaks.
    const printed = a.sheets[2]!;
    expect(printed.cells.A3).toMatchObject({ value: { formula: "SUM(A2:B2)", result: 42 } });
    expect(printed.cells.C3).toMatchObject({ value: { formula: 'IF(A2<100,"ít","")', result: "ít" } });
    expect(printed.page).toMatchObject({ fitToPage: false, scale: 70, printTitlesColumn: "A:B", printTitlesRow: "1:1" });
    expect(breaksXml(lean)).toEqual(breaksXml(await writeWorkbookXlsxExcelJS(layout)));
    expect(breaksXml(lean)[2]).toBe(
      '<rowBreaks count="2" manualBreakCount="2"><brk id="2" max="16383" man="1"/><brk id="5" max="16383" man="1"/></rowBreaks>' +
        '<colBreaks count="2" manualBreakCount="2"><brk id="3" max="1048575" man="1"/><brk id="7" max="1048575" man="1"/></colBreaks>',
    );
  });

  it("writes cells no spreadsheet can hold as given (Infinity, NaN, control characters, over-long text) as the ExcelJS renderer does", async () => {
    const edge = edgeLayout();
    const first = edge.sheets[0]!;
    const odd: WorkbookLayout = {
      sheets: [
        {
          ...first,
          cells: [
            ...first.cells,
            { r: 11, c: 0, value: Infinity, style: "money" },
            { r: 11, c: 1, value: NaN, style: "pct" },
            { r: 11, c: 2, value: -Infinity, style: "plain" },
            { r: 12, c: 0, value: "\u202Eđảo\u202C\u0002 ngược", style: "plain" },
            { r: 12, c: 1, value: "x".repeat(40_000), style: "text" },
          ],
        },
        edge.sheets[1]!,
      ],
    };
    const lean = writeLeanXlsx(odd);
    expect(lean).toBeDefined();
    const [a, b] = await Promise.all([excelDump(lean!), excelDump(await writeWorkbookXlsxExcelJS(odd))]);
    expect(a).toEqual(b);
    const cells = a.sheets[0]!.cells as Record<string, { value: unknown }>;
    // Empty: no value at all (ExcelJS lists no row without values).
    expect([cells.A12?.value ?? null, cells.B12?.value ?? null, cells.C12?.value ?? null]).toEqual([null, null, null]);
    expect(cells.A13?.value).toBe("đảo ngược");
    expect((cells.B13?.value as string).length).toBe(32_767);
    expect(sheetJsDump(lean!)).toEqual(sheetJsDump(await writeWorkbookXlsxExcelJS(odd)));
  });

  it("is read by SheetJS exactly as the ExcelJS rendering is", async () => {
    const edge = edgeLayout();
    // Cells in any order give the same file.
    const shuffled: WorkbookLayout = { sheets: edge.sheets.map((s) => ({ ...s, cells: [...s.cells].reverse() })) };
    expect(await excelDump(writeLeanXlsx(shuffled)!)).toEqual(await excelDump(await writeWorkbookXlsxExcelJS(shuffled)));
    for (const layout of [summary, edge, shuffled]) {
      const lean = writeLeanXlsx(layout)!;
      expect(sheetJsDump(lean)).toEqual(sheetJsDump(await writeWorkbookXlsxExcelJS(layout)));
    }
  }, 60_000);

  it("leaves to ExcelJS what it does not write, and writeWorkbookXlsx picks it only for large layouts", async () => {
    const template = buildUnitWorkbook({ unitName: "Chi bộ số 1", place: "Tam Đường", level: "co-so", created: "2021-05-01" });
    // Data validation, protection: ExcelJS writes those.
    expect(writeLeanXlsx(template)).toBeUndefined();
    const overlapping = edgeLayout();
    expect(writeLeanXlsx({ sheets: [{ ...overlapping.sheets[0]!, merges: ["A1:B2", "B2:C3"] }] })).toBeUndefined();
    expect(writeLeanXlsx({ sheets: [{ ...overlapping.sheets[0]!, name: "a/b" }] })).toBeUndefined();
    const twice = overlapping.sheets[0]!;
    expect(writeLeanXlsx({ sheets: [{ ...twice, cells: [...twice.cells, { r: 2, c: 0, value: null, style: "plain" }] }] })).toBeUndefined();
    const cells = summary.sheets.reduce((n, s) => n + s.cells.length, 0);
    expect(cells).toBeLessThan(LEAN_WRITER_MIN_CELLS);
    // The general entry point gives the same workbook either way.
    expect(await excelDump(await writeWorkbookXlsx(summary))).toEqual(await excelDump(writeLeanXlsx(summary)!));
  });

  it("zips the same parts with fflate where Node's zlib is not at hand (browsers)", async () => {
    const layout = edgeLayout();
    const original = process.getBuiltinModule;
    let writeInBrowser: typeof writeLeanXlsx | undefined;
    process.getBuiltinModule = ((id: string) => (id === "node:zlib" ? undefined : original.call(process, id))) as typeof original;
    try {
      jest.isolateModules(() => {
        writeInBrowser = (jest.requireActual("../../src/io/write/lean") as typeof import("../../src/io/write/lean")).writeLeanXlsx;
      });
    } finally {
      process.getBuiltinModule = original;
    }
    const created = new Date(Date.UTC(2021, 6, 1));
    const a = writeInBrowser!(layout, created)!;
    const b = writeLeanXlsx(layout, created)!;
    expect(a).not.toEqual(b);
    expect(await excelDump(a)).toEqual(await excelDump(b));
    expect(sheetJsDump(a)).toEqual(sheetJsDump(b));
  });

  const d = SOFFICE ? describe : describe.skip;
  d("opened by LibreOffice", () => {
    it("computes the same results from the lean file as from the ExcelJS one", async () => {
      const dir = mkdtempSync(join(tmpdir(), "lean-write-"));
      const layout = edgeLayout();
      const leanPath = join(dir, "lean.xlsx");
      const refDir = join(dir, "ref");
      const leanDir = join(dir, "out");
      writeFileSync(leanPath, writeLeanXlsx(layout)!);
      const refPath = join(dir, "ref.xlsx");
      writeFileSync(refPath, await writeWorkbookXlsxExcelJS(layout));
      const fromLean = readWorkbookFile(new Uint8Array(readFileSync(convertWithLibreOffice(leanPath, "ods", leanDir))), "lean.ods");
      const fromRef = readWorkbookFile(new Uint8Array(readFileSync(convertWithLibreOffice(refPath, "ods", refDir))), "ref.ods");
      expect(fromLean).toEqual(fromRef);
      const sheet = fromLean.sheets[0]!;
      // The formula was computed: 1234.5 > 0, so B3 * 100 / A3.
      expect(sheet.rows[3]?.[0]?.v).toBeCloseTo((-0.125 * 100) / 1234.5, 10);
      expect(sheet.rows[1]?.[0]?.v).toBe("=SUM(A1:A3)");
    }, 180_000);
  });
});
