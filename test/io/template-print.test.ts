/**
 * The unit's template as the unit meets it: where to type is shaded, the
 * date line prompts for the date, each office signs with its own title; printed
 * through LibreOffice, "Mục tiêu 05" stays on the page of its row; filled outside
 * the tool (openpyxl writes the cells, LibreOffice saves the file, as a unit
 * without the add-in would) it is read back with its date and figures.
 */
import { execFileSync, spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { CATALOGUE_ROWS, INDICATORS, INDICATORS_TABLE } from "../../src/domain/catalogue";
import { cellAddress, parseRange } from "../../src/domain/model/grid";
import { readUnitReport } from "../../src/domain/read";
import { buildUnitWorkbook, INPUT_FILL, SHEET_GEOMETRY, type WorkbookLayout } from "../../src/domain/sheets";
import { buildSummaryWorkbook } from "../../src/domain/sheets/summary";
import { mergeReports } from "../../src/domain/merge";
import { DEFAULT_SIGNER, defaultPlace, headerFormatOf, signerOf, TAM_DUONG_UNITS } from "../../src/domain/units";
import { readWorkbookFile } from "../../src/io/read";
import { writeWorkbookXlsx } from "../../src/io/write";
import { convertWithLibreOffice, PYTHON_OPENPYXL, readWithOpenpyxl, requireProgram, SOFFICE } from "../support/programs";

const STATION = TAM_DUONG_UNITS.find((u) => u.name.startsWith("Đài"))!;

function template(unit = STATION): WorkbookLayout {
  return buildUnitWorkbook({
    unitName: unit.name,
    ...(unit.superior !== undefined ? { superior: unit.superior } : {}),
    format: headerFormatOf(unit),
    place: defaultPlace(unit),
    level: unit.level,
    created: "2021-05-01",
  });
}

describe("where to type", () => {
  test("every cell the unit types in is shaded and unlocked; no other cell carries the shade", () => {
    for (const sheet of template().sheets.filter((s) => s.visibility === "visible")) {
      const input = sheet.inputRanges.map((r) => parseRange(r)!);
      const inInput = (r: number, c: number) => input.some((g) => r >= g.s.r && r <= g.e.r && c >= g.s.c && c <= g.e.c);
      for (const cell of sheet.cells) {
        const style = sheet.styles[cell.style]!;
        expect({ sheet: sheet.name, at: cellAddress(cell.r, cell.c), shaded: style.fill === INPUT_FILL }).toEqual({
          sheet: sheet.name,
          at: cellAddress(cell.r, cell.c),
          shaded: !style.locked,
        });
        if (inInput(cell.r, cell.c)) expect({ at: cellAddress(cell.r, cell.c), locked: style.locked }).toEqual({ at: cellAddress(cell.r, cell.c), locked: false });
      }
      // The sheets stay protected as before, their input cells open.
      expect(sheet.protection).toBeDefined();
    }
  });

  test("a summary, typed in by nobody, has no shaded cell", () => {
    const layout = buildSummaryWorkbook(mergeReports([], { units: TAM_DUONG_UNITS }), {
      unitName: "Huyện ủy Tam Đường",
      superior: "ĐẢNG BỘ TỈNH LAI CHÂU",
      place: "Tam Đường",
      level: "huyen",
      date: "2021-06-30",
    });
    for (const sheet of layout.sheets) for (const cell of sheet.cells) expect(sheet.styles[cell.style]!.fill).not.toBe(INPUT_FILL);
  });

  test("the date line prompts for the report's date", () => {
    for (const sheet of template().sheets.filter((s) => s.name === INDICATORS_TABLE.sheetName || s.name === "Văn bản")) {
      const line = sheet.cells.find((c) => c.r === 2 && typeof c.value === "string" && c.value.includes("ngày"))!;
      const rule = sheet.dataValidations.find((v) => v.range.startsWith(cellAddress(2, line.c)))!;
      expect(rule.prompt.title).toBe("Ngày báo cáo");
      expect(rule.prompt.text).toContain("Tam Đường, ngày 20 tháng 6 năm 2021");
      expect(sheet.styles[line.style]).toMatchObject({ locked: false, fill: INPUT_FILL });
    }
  });

  test("each office signs with its own title: the radio-television station's director, not a generic head", () => {
    const signature = (layout: WorkbookLayout) =>
      layout.sheets.find((s) => s.name === INDICATORS_TABLE.sheetName)!.cells.find((c) => c.style === "signature")!.value as string;
    expect(signature(template()).split("\n")[0]).toBe("GIÁM ĐỐC");
    expect(signerOf("Đài Truyền thanh - Truyền hình").title).toBe("GIÁM ĐỐC");
    expect(signerOf("Trung tâm Chính trị").title).toBe("GIÁM ĐỐC");
    expect(signerOf("Phòng Nội vụ").title).toBe("TRƯỞNG PHÒNG");
    expect(signerOf("Đảng uỷ xã Bản Bo")).toEqual({ onBehalf: "T/M BAN CHẤP HÀNH", title: "BÍ THƯ" });
    expect(signerOf("Chi bộ thôn Nà Khum")).toEqual({ onBehalf: "T/M CHI BỘ", title: "BÍ THƯ" });
    expect(signerOf("Ủy ban MTTQ huyện").title).toBe("CHỦ TỊCH");
    // Every office of the district's list has a title of its kind.
    for (const unit of TAM_DUONG_UNITS) expect({ unit: unit.name, signer: signerOf(unit.name) }).not.toEqual({ unit: unit.name, signer: DEFAULT_SIGNER });
    expect(signerOf("Cơ quan khác").title).toBe(DEFAULT_SIGNER.title);
  });
});

const pdftotext = SOFFICE ? requireProgram(["pdftotext"], "poppler-utils (Debian: poppler-utils) to read printed PDFs") : null;
const d = SOFFICE && pdftotext && PYTHON_OPENPYXL ? describe : describe.skip;

d("the template through LibreOffice and openpyxl", () => {
  let dir = "";
  let xlsx = "";
  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), "template-print-"));
    xlsx = join(dir, "dai-tt-th.xlsx");
    writeFileSync(xlsx, await writeWorkbookXlsx(template()));
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  test("printed, Mục tiêu 05's heading is on the page of its row; the signer's title is printed", () => {
    const pdf = convertWithLibreOffice(xlsx, "pdf", dir);
    const pages = execFileSync(pdftotext!, ["-layout", pdf, "-"], { encoding: "utf8" }).split("\f");
    const five = CATALOGUE_ROWS.find((r) => r.kind === "indicator" && r.indicator.id === "5")!;
    const text = five.kind === "indicator" ? five.indicator.text.slice(0, 30) : "";
    const headingPages = pages.flatMap((p, i) => (/\bMục tiêu 05\b/.test(p) && p.includes("Tỷ lệ") ? [i] : []));
    expect(headingPages.length).toBeGreaterThan(0);
    for (const i of headingPages) expect(pages[i]).toContain(text);
    expect(pages.join("\n")).toContain("GIÁM ĐỐC");
    expect(pages.join("\n")).not.toContain("THỦ TRƯỞNG CƠ QUAN");
  }, 180_000);

  test("openpyxl keeps the shade, the open cells and every rule, the date line's prompt included", () => {
    const sheets = readWithOpenpyxl(xlsx);
    const indicators = sheets.find((s) => s.name === INDICATORS_TABLE.sheetName)!;
    const layout = template().sheets.find((s) => s.name === INDICATORS_TABLE.sheetName)!;
    expect(indicators.dataValidations.map((v) => v.sqref).sort()).toEqual(layout.dataValidations.map((v) => v.range).sort());
    expect(indicators.dataValidations.find((v) => v.promptTitle === "Ngày báo cáo")).toMatchObject({ type: "custom", errorStyle: "stop" });
    const r = spawnSync(
      PYTHON_OPENPYXL!,
      [
        "-W",
        "error",
        "-c",
        `import sys, openpyxl\nws = openpyxl.load_workbook(sys.argv[1])[sys.argv[2]]\nc = ws[sys.argv[3]]\nprint(c.fill.fgColor.rgb, c.protection.locked)`,
        xlsx,
        INDICATORS_TABLE.sheetName,
        cellAddress(SHEET_GEOMETRY.firstDataRow + 1, 3),
      ],
      { encoding: "utf8" },
    );
    expect(r.stdout.trim()).toBe(`FF${INPUT_FILL} False`);
  });

  test("filled outside the tool (openpyxl, then saved by LibreOffice), it is read with its date and figures", () => {
    const layout = template().sheets.find((s) => s.name === INDICATORS_TABLE.sheetName)!;
    const line = layout.cells.find((c) => c.r === 2 && typeof c.value === "string" && c.value.includes("ngày"))!;
    const rows = new Map<string, number>();
    CATALOGUE_ROWS.forEach((row, k) => {
      if (row.kind === "indicator") rows.set(row.indicator.id, SHEET_GEOMETRY.firstDataRow + k);
    });
    const figures = INDICATORS.map((i, k) => [i.id, 80 + k, 70 + k] as const);
    const script = [
      "import sys, openpyxl",
      "wb = openpyxl.load_workbook(sys.argv[1])",
      `ws = wb[${JSON.stringify(INDICATORS_TABLE.sheetName)}]`,
      `ws[${JSON.stringify(cellAddress(line.r, line.c))}] = "Tam Đường, ngày 20 tháng 6 năm 2021"`,
      ...figures.flatMap(([id, total, achieved]) => [
        `ws["${cellAddress(rows.get(id)!, 3)}"] = ${total}`,
        `ws["${cellAddress(rows.get(id)!, 4)}"] = ${achieved}`,
      ]),
      "wb.save(sys.argv[2])",
    ].join("\n");
    const typed = join(dir, "da-dien.xlsx");
    const r = spawnSync(PYTHON_OPENPYXL!, ["-W", "error", "-c", script, xlsx, typed], { encoding: "utf8" });
    expect(r.stderr.trim()).toBe("");
    for (const format of ["xlsx", "ods"]) {
      const saved = convertWithLibreOffice(typed, format, join(dir, format));
      const report = readUnitReport(readWorkbookFile(new Uint8Array(readFileSync(saved)), `da-dien.${format}`), `da-dien.${format}`);
      expect({ format, date: report.reportDate }).toEqual({ format, date: "2021-06-20" });
      expect(report.issues.filter((i) => i.severity === "error")).toEqual([]);
      for (const [id, total, achieved] of figures) expect(report.indicators[id]).toMatchObject({ total, achieved });
    }
  }, 180_000);
});
