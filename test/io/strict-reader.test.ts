/**
 * Every file the tool writes opens in a strict reader and in LibreOffice:
 * openpyxl (Python, run with `-W error` so that a warning about an unknown or
 * invalid value fails too) loads it and reads every cell, and LibreOffice
 * headless converts it. The unit template (ExcelJS), every entry of the
 * ".zip of all units", the summary through both writers, and a layout with
 * cells no spreadsheet can hold as given (Infinity, NaN, control characters,
 * bidirectional overrides, text over Excel's limit), written as safe-cell.ts says.
 */
import { createHash } from "node:crypto";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import * as XLSX from "@e965/xlsx";
import { strFromU8, unzipSync } from "fflate";
import { readSources } from "../../src/app/read-files";
import { summarise } from "../../src/app/summarise";
import { INDICATORS } from "../../src/domain/catalogue";
import { cellAddress } from "../../src/domain/model/grid";
import { IDENTITY_SHEET } from "../../src/domain/model/identity";
import { buildUnitWorkbook, type CellStyle, type SheetLayout, type WorkbookLayout } from "../../src/domain/sheets";
import { TAM_DUONG_UNITS, type Unit } from "../../src/domain/units";
import { unitFileNames, writeUnitTemplatesZip, writeWorkbookXlsx } from "../../src/io/write";
import { writeLeanXlsx } from "../../src/io/write/lean";
import {
  MAX_CELL_TEXT,
  MAX_VALIDATION_TEXT,
  MAX_VALIDATION_TITLE,
  safeCellText,
  safeCellValue,
  safeText,
  safeTextUpTo,
} from "../../src/io/write/safe-cell";
import { LEAN_WRITER_MIN_CELLS, writeWorkbookXlsxExcelJS } from "../../src/io/write/xlsx";
import { fillTemplate } from "../support/fill";
import { convertAllWithLibreOffice, PYTHON_OPENPYXL, readWithOpenpyxl, SOFFICE, type OpenpyxlSheet } from "../support/programs";

const CREATED = "2021-05-01";

let dir: string;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), "strict-reader-"));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** Writes the bytes under `name` in the test folder and returns the path. */
function save(name: string, bytes: Uint8Array): string {
  const path = join(dir, name);
  writeFileSync(path, bytes);
  return path;
}

/** Whether ExcelJS wrote the file (its worksheets declare x14ac; the lean writer's do not). */
function writtenByExcelJS(bytes: Uint8Array): boolean {
  return strFromU8(unzipSync(bytes)["xl/worksheets/sheet1.xml"]!).includes("x14ac");
}

/** Every value the layout writes, by sheet and address, as a reader gives it back. */
function layoutValues(layout: WorkbookLayout): Record<string, Record<string, string | number>> {
  const out: Record<string, Record<string, string | number>> = {};
  for (const sheet of layout.sheets) {
    const covered = new Set<string>();
    for (const m of sheet.merges) {
      const [a, b] = m.split(":");
      const s = XLSX.utils.decode_cell(a!);
      const e = XLSX.utils.decode_cell(b ?? a!);
      for (let r = s.r; r <= e.r; r++) for (let c = s.c; c <= e.c; c++) if (r !== s.r || c !== s.c) covered.add(cellAddress(r, c));
    }
    const cells: Record<string, string | number> = {};
    for (const cell of sheet.cells) {
      const at = cellAddress(cell.r, cell.c);
      if (covered.has(at)) continue;
      if (cell.formula !== undefined) cells[at] = `=${cell.formula}`;
      else if (cell.value !== null) cells[at] = cell.value;
    }
    out[sheet.name] = brief(cells);
  }
  return out;
}

/** Long text as its length, start and digest, so that a failure does not print 32,767 characters. */
function brief<T>(cells: Readonly<Record<string, T>>): Record<string, T | string> {
  return Object.fromEntries(
    Object.entries(cells).map(([at, v]) =>
      typeof v === "string" && v.length > 200 ? [at, `${v.slice(0, 10)}… (${v.length} characters, ${createHash("sha256").update(v).digest("hex").slice(0, 16)})`] : [at, v],
    ),
  );
}

/** The cells of ranges given as "A1:B2 D4" (openpyxl's sqref) or a list of A1 ranges. */
function rangeCells(ranges: readonly string[]): string[] {
  const out: string[] = [];
  for (const range of ranges.flatMap((r) => r.split(" ")).filter((r) => r !== "")) {
    const { s, e } = XLSX.utils.decode_range(range);
    for (let r = s.r; r <= e.r; r++) for (let c = s.c; c <= e.c; c++) out.push(cellAddress(r, c));
  }
  return out.sort();
}

/** What openpyxl read, by sheet and address. */
function readValues(sheets: readonly OpenpyxlSheet[]): Record<string, Record<string, unknown>> {
  return Object.fromEntries(sheets.map((s) => [s.name, brief(s.cells)]));
}

/** A summary layout from `n` filled unit workbooks, each with `documents` documents. */
async function summaryLayout(n: number, documents: number): Promise<WorkbookLayout> {
  const units: Unit[] = Array.from({ length: n }, (_, i) => ({ name: `Chi bộ số ${i + 1}`, level: "co-so" }));
  const files: { name: string; bytes: Uint8Array }[] = [];
  for (const [i, unit] of units.entries()) {
    const indicators = Object.fromEntries(INDICATORS.map((ind, k) => [ind.id, [100 + ((i + k) % 50), 90 + ((i * k) % 10)] as const]));
    const template = await writeWorkbookXlsx(buildUnitWorkbook({ unitName: unit.name, place: "Tam Đường", level: "co-so", created: CREATED }));
    files.push({
      name: `don-vi-${i + 1}.xlsx`,
      bytes: await fillTemplate(template, {
        indicators,
        documents: Array.from({ length: documents }, (_, k) => ({
          code: `${i + 1}.${k + 1}-KH/ĐU`,
          date: new Date(Date.UTC(2018, k % 12, 1 + (k % 28))),
          summary: `Kế hoạch số ${k + 1} <thực hiện> & "Đề án 241"`,
          issuer: unit.name,
        })),
        dateLine: "Tam Đường, ngày 20 tháng 6 năm 2021",
      }),
    });
  }
  const run = summarise(await readSources(files), { units }, { unitName: "Huyện ủy Tam Đường", superior: "ĐẢNG BỘ TỈNH LAI CHÂU", place: "Tam Đường", level: "huyen", date: "2021-07-01" });
  return run.layout;
}

const cellCount = (layout: WorkbookLayout): number => layout.sheets.reduce((n, s) => n + s.cells.length, 0);

describe("the cell rule (safe-cell.ts)", () => {
  it("writes a number that is not finite as an empty cell, and keeps every other value", () => {
    expect(safeCellValue(Infinity)).toBeNull();
    expect(safeCellValue(-Infinity)).toBeNull();
    expect(safeCellValue(NaN)).toBeNull();
    expect(safeCellValue(-0.125)).toBe(-0.125);
    expect(safeCellValue(1e21)).toBe(1e21);
    expect(safeCellValue(null)).toBeNull();
    expect(safeCellValue("Đảng bộ")).toBe("Đảng bộ");
  });

  it("drops bidirectional controls and control characters other than tab, line feed and carriage return", () => {
    expect(safeText("a\u0000b\u0001c\u0008d\u000Be\u000Cf\u001Fg\u007Fh")).toBe("abcdefgh");
    expect(safeText("dòng 1\r\ndòng 2\tcột")).toBe("dòng 1\r\ndòng 2\tcột");
    expect(safeText("\u202Aa\u202Bb\u202Cc\u202Dd\u202Ee\u2066f\u2067g\u2068h\u2069")).toBe("abcdefgh");
    // Marks that are not overrides or isolates stay (U+200E, U+200F).
    expect(safeText("a\u200Eb\u200Fc")).toBe("a\u200Eb\u200Fc");
    expect(safeText("x\uFFFEy\uFFFF")).toBe("xy");
  });

  it("cuts text to Excel's 32,767 characters, never between the halves of a surrogate pair", () => {
    expect(MAX_CELL_TEXT).toBe(32_767);
    expect(safeCellText("a".repeat(40_000))).toBe("a".repeat(32_767));
    expect(safeCellText("a".repeat(32_767))).toHaveLength(32_767);
    expect(safeCellText(`${"a".repeat(32_766)}😀b`)).toBe("a".repeat(32_766));
    expect(safeCellText(`${"\u0001".repeat(10)}${"a".repeat(32_767)}`)).toBe("a".repeat(32_767));
    // A data validation's titles and messages: Excel's 32 and 255.
    expect([MAX_VALIDATION_TITLE, MAX_VALIDATION_TEXT]).toEqual([32, 255]);
    expect(safeTextUpTo(`\u202E${"ư".repeat(300)}`, MAX_VALIDATION_TEXT)).toBe("ư".repeat(255));
    // safeText alone does not cut (the report draft's paragraphs).
    expect(safeText("a".repeat(40_000))).toHaveLength(40_000);
  });
});

const withOpenpyxl = PYTHON_OPENPYXL ? describe : describe.skip;
const withOffice = SOFFICE ? it : it.skip;

withOpenpyxl("opened by openpyxl (-W error) and by LibreOffice", () => {
  describe("the unit template (ExcelJS)", () => {
    const layout = buildUnitWorkbook({ unitName: "Đảng ủy xã Bản Bo", unitCode: "BAN-BO", place: "Bản Bo", level: "co-so", created: CREATED });
    let bytes: Uint8Array;
    let read: OpenpyxlSheet[];
    beforeAll(async () => {
      bytes = await writeWorkbookXlsx(layout);
      read = readWithOpenpyxl(save("mau.xlsx", bytes));
    });

    it("opens with every sheet, every value and every data validation, stopping wrong entries", () => {
      expect(writtenByExcelJS(bytes)).toBe(true);
      expect(read.map((s) => s.name)).toEqual(layout.sheets.map((s) => s.name));
      expect(read.find((s) => s.name === IDENTITY_SHEET)?.state).toBe("veryHidden");
      expect(readValues(read)).toEqual(layoutValues(layout));
      for (const sheet of layout.sheets) {
        const got = read.find((s) => s.name === sheet.name)!;
        // ExcelJS writes rules alike but for their cells as one: compare the cells each kind of rule covers
        // ("between" is the schema's default operator, which a file may leave out).
        const kinds = (rules: ReadonlyArray<{ type: string | null; operator?: string | null }>, ranges: (k: number) => string[]) =>
          rules.flatMap((rule, k) => rangeCells(ranges(k)).map((at) => `${at} ${rule.type} ${rule.operator ?? "between"}`)).sort();
        expect(kinds(got.dataValidations, (k) => [got.dataValidations[k]!.sqref])).toEqual(kinds(sheet.dataValidations, (k) => [sheet.dataValidations[k]!.range]));
        expect(got.conditionalFormats).toBe(sheet.conditionalFormats.length);
        expect(got.protected).toBe(sheet.protection !== undefined);
        if (sheet.pageSetup) expect({ orientation: got.orientation, paperSize: got.paperSize }).toEqual({ orientation: sheet.pageSetup.orientation, paperSize: 9 });
      }
      const validations = read.flatMap((s) => s.dataValidations);
      expect(validations.length).toBeGreaterThan(3);
      expect(new Set(validations.map((v) => v.errorStyle))).toEqual(new Set(["stop"]));
      // Titles and messages as the layout gives them (all within Excel's 32 and 255 characters).
      const texts = (v: { promptTitle: string | null; prompt: string | null; errorTitle: string | null; error: string | null }) => JSON.stringify([v.promptTitle, v.prompt, v.errorTitle, v.error]);
      expect(new Set(validations.map(texts))).toEqual(
        new Set(layout.sheets.flatMap((s) => s.dataValidations.map((d) => texts({ promptTitle: d.prompt.title, prompt: d.prompt.text, errorTitle: d.error.title, error: d.error.text })))),
      );
      expect(new Set(validations.map((v) => v.type))).toEqual(new Set(layout.sheets.flatMap((s) => s.dataValidations.map((d) => d.type))));
    });

    withOffice(
      "is converted by LibreOffice",
      () => {
        const [ods] = convertAllWithLibreOffice([join(dir, "mau.xlsx")], "ods", join(dir, "mau-ods"));
        const wb = XLSX.read(readFileSync(ods!), { type: "buffer" });
        expect(wb.SheetNames).toEqual(layout.sheets.map((s) => s.name));
      },
      180_000,
    );
  });

  describe('the ".zip of all units"', () => {
    let entries: Record<string, Uint8Array>;
    beforeAll(async () => {
      entries = unzipSync(await writeUnitTemplatesZip(TAM_DUONG_UNITS, { created: CREATED }));
    }, 120_000);

    it("has one workbook per unit, each opened by openpyxl with its data validations stopping wrong entries", () => {
      expect(Object.keys(entries)).toEqual(unitFileNames(TAM_DUONG_UNITS));
      for (const [name, bytes] of Object.entries(entries)) {
        const read = readWithOpenpyxl(save(name, bytes));
        expect({ name, sheets: read.map((s) => s.name) }).toEqual({ name, sheets: ["Văn bản", "Chỉ tiêu", "Mục tiêu", IDENTITY_SHEET] });
        const styles = read.flatMap((s) => s.dataValidations.map((v) => v.errorStyle));
        expect(styles.length).toBeGreaterThan(3);
        expect(new Set(styles)).toEqual(new Set(["stop"]));
      }
    }, 120_000);

    withOffice(
      "every workbook is converted by LibreOffice",
      () => {
        const names = Object.keys(entries);
        const paths = names.map((name) => save(name, entries[name]!));
        const out = convertAllWithLibreOffice(paths, "ods", join(dir, "zip-ods"));
        expect(out).toHaveLength(TAM_DUONG_UNITS.length);
        for (const ods of out) expect(XLSX.read(readFileSync(ods), { type: "buffer" }).SheetNames).toContain("Chỉ tiêu");
      },
      600_000,
    );
  });

  describe("the summary workbook, through both writers", () => {
    let small: WorkbookLayout;
    let large: WorkbookLayout;
    const files: Record<string, string> = {};
    beforeAll(async () => {
      small = await summaryLayout(3, 2);
      large = await summaryLayout(10, 170);
    }, 300_000);

    it("is small enough for ExcelJS or large enough for the lean writer, as writeWorkbookXlsx chooses", async () => {
      expect(cellCount(small)).toBeLessThan(LEAN_WRITER_MIN_CELLS);
      expect(cellCount(large)).toBeGreaterThanOrEqual(LEAN_WRITER_MIN_CELLS);
      expect(writtenByExcelJS(await writeWorkbookXlsx(small))).toBe(true);
      expect(writtenByExcelJS(await writeWorkbookXlsx(large))).toBe(false);
    }, 120_000);

    it.each([
      ["small", "ExcelJS"],
      ["small", "lean"],
      ["large", "ExcelJS"],
      ["large", "lean"],
    ] as const)(
      "the %s summary written by the %s writer opens in openpyxl with every value",
      async (size, writer) => {
        const layout = size === "small" ? small : large;
        const bytes = writer === "lean" ? writeLeanXlsx(layout) : await writeWorkbookXlsxExcelJS(layout);
        expect(bytes).toBeDefined();
        const path = save(`tong-hop-${size}-${writer}.xlsx`, bytes!);
        files[`${size}-${writer}`] = path;
        const read = readWithOpenpyxl(path);
        expect(read.map((s) => s.name)).toEqual(layout.sheets.map((s) => s.name));
        expect(readValues(read)).toEqual(layoutValues(layout));
        for (const s of read) {
          const sheet = layout.sheets.find((l) => l.name === s.name)!;
          if (sheet.pageSetup) expect({ orientation: s.orientation, paperSize: s.paperSize }).toEqual({ orientation: sheet.pageSetup.orientation, paperSize: 9 });
          expect(s.state).toBe(sheet.visibility);
        }
      },
      120_000,
    );

    withOffice(
      "every one is converted by LibreOffice",
      () => {
        const paths = Object.values(files);
        expect(paths).toHaveLength(4);
        const out = convertAllWithLibreOffice(paths, "ods", join(dir, "summary-ods"));
        for (const ods of out) expect(XLSX.read(readFileSync(ods), { type: "buffer" }).SheetNames).toEqual(small.sheets.map((s) => s.name));
      },
      600_000,
    );
  });

  describe("cells no spreadsheet can hold as given", () => {
    const font = { name: "Times New Roman", size: 13 };
    const STYLES: Record<string, CellStyle> = { plain: { font, locked: true }, num: { font, numberFormat: "0.00", border: true, locked: true } };
    const long = "Đ".repeat(40_000);
    const astral = `${"a".repeat(32_766)}😀tail`;
    const cells: SheetLayout["cells"][number][] = [
      { r: 0, c: 0, value: "Giá trị", style: "plain" },
      { r: 1, c: 0, value: Infinity, style: "num" },
      { r: 1, c: 1, value: -Infinity, style: "num" },
      { r: 1, c: 2, value: NaN, style: "num" },
      { r: 1, c: 3, value: 12.5, style: "num" },
      { r: 2, c: 0, value: "a\u0001b\u0007c\u001Fd", style: "plain" },
      { r: 2, c: 1, value: "\u202Eđảo\u202C \u2066tách\u2069 \u202Ax\u202By\u202Dz\u2067w\u2068v", style: "plain" },
      { r: 2, c: 2, value: "dòng 1\ndòng 2\tcột", style: "plain" },
      { r: 2, c: 3, value: "\u0001\u0002", style: "plain" },
      { r: 3, c: 0, value: long, style: "plain" },
      { r: 3, c: 1, value: astral, style: "plain" },
    ];
    const sheet: SheetLayout = {
      name: "Ô khó",
      visibility: "visible",
      cells,
      styles: STYLES,
      merges: [],
      columnWidths: [12, 12, 12, 12],
      rowHeights: {},
      dataValidations: [],
      conditionalFormats: [],
      inputRanges: [],
    };
    const layout: WorkbookLayout = { sheets: [sheet] };
    /** What each writer must write, by address; the cells absent are written empty. */
    const EXPECTED: Record<string, string | number> = {
      A1: "Giá trị",
      D2: 12.5,
      A3: "abcd",
      B3: "đảo tách xyzwv",
      C3: "dòng 1\ndòng 2\tcột",
      D3: "",
      A4: "Đ".repeat(32_767),
      B4: "a".repeat(32_766),
    };
    const paths: string[] = [];

    it.each(["ExcelJS", "lean"] as const)(
      "the %s writer writes them empty, cleaned or cut, and openpyxl opens the file",
      async (writer) => {
        const bytes = writer === "lean" ? writeLeanXlsx(layout) : await writeWorkbookXlsxExcelJS(layout);
        expect(bytes).toBeDefined();
        expect(writtenByExcelJS(bytes!)).toBe(writer === "ExcelJS");
        const xml = strFromU8(unzipSync(bytes!)["xl/worksheets/sheet1.xml"]!);
        expect(xml).not.toMatch(/Infinity|NaN/);
        const path = save(`o-kho-${writer}.xlsx`, bytes!);
        paths.push(path);
        const read = readWithOpenpyxl(path);
        expect(read).toHaveLength(1);
        expect(brief(read[0]!.cells)).toEqual(brief(EXPECTED));
        expect(read[0]!.cells).toEqual(EXPECTED);
      },
      120_000,
    );

    withOffice(
      "LibreOffice converts both files, and what it saves holds the same values",
      () => {
        expect(paths).toHaveLength(2);
        const out = convertAllWithLibreOffice(paths, "xlsx", join(dir, "o-kho-lo"));
        // LibreOffice writes no cell for the empty text; the cells written empty stay empty (never 0).
        const expected = Object.fromEntries(Object.entries(EXPECTED).filter(([, v]) => v !== ""));
        for (const saved of out) {
          const read = readWithOpenpyxl(saved);
          expect(read.map((s) => s.name)).toEqual(["Ô khó"]);
          const values = Object.fromEntries(Object.entries(read[0]!.cells).filter(([, v]) => v !== ""));
          expect(brief(values)).toEqual(brief(expected));
          expect(values).toEqual(expected);
        }
      },
      300_000,
    );
  });
});
