/**
 * Pins the layout of a unit's workbook: every cell (address, style, value,
 * formula) of every sheet, the merges, validations, conditional formats,
 * widths, heights, protection, page setup and the style table, for one fixed
 * unit, against test/domain/golden/unit-workbook.json. A change to the sheets
 * shows up here as a diff; when it is meant, regenerate the file with
 *   UPDATE_GOLDEN=1 npx jest test/domain/sheets-golden.test.ts
 * and commit it with the change.
 */
import * as fs from "node:fs";
import * as path from "node:path";
import { cellAddress } from "../../src/domain/model/grid";
import { buildUnitWorkbook, type SheetLayout, type UnitWorkbookOptions } from "../../src/domain/sheets";

const GOLDEN = path.join(__dirname, "golden", "unit-workbook.json");

const UNIT: UnitWorkbookOptions = {
  unitName: "Đảng ủy xã Bản Bo",
  unitCode: "BB",
  place: "Bản Bo",
  level: "co-so",
  date: "2021-06-05",
  created: "2021-06-01",
};

/** "D9 inputInt", "A1 headLeft = \"ĐẢNG BỘ HUYỆN TAM ĐƯỜNG\"", "F9 ratio ƒ IF(…)". */
function cellLine(cell: SheetLayout["cells"][number]): string {
  const value = cell.value !== null ? ` = ${JSON.stringify(cell.value)}` : "";
  const formula = cell.formula !== undefined ? ` ƒ ${cell.formula}` : "";
  return `${cellAddress(cell.r, cell.c)} ${cell.style}${value}${formula}`;
}

function sheetDigest(sheet: SheetLayout) {
  return {
    name: sheet.name,
    visibility: sheet.visibility,
    cells: sheet.cells.map(cellLine),
    merges: sheet.merges,
    dataValidations: sheet.dataValidations,
    conditionalFormats: sheet.conditionalFormats,
    columnWidths: sheet.columnWidths,
    rowHeights: sheet.rowHeights,
    protection: sheet.protection ?? null,
    pageSetup: sheet.pageSetup ?? null,
    inputRanges: sheet.inputRanges,
  };
}

function digest() {
  const wb = buildUnitWorkbook(UNIT);
  return {
    identity: wb.identity,
    styles: wb.sheets[0]!.styles,
    sheets: wb.sheets.map(sheetDigest),
  };
}

describe("unit workbook layout (golden)", () => {
  const actual = JSON.parse(JSON.stringify(digest())) as ReturnType<typeof digest>;

  if (process.env.UPDATE_GOLDEN === "1") {
    it("writes the golden file", () => {
      fs.mkdirSync(path.dirname(GOLDEN), { recursive: true });
      fs.writeFileSync(GOLDEN, `${JSON.stringify(actual, null, 1)}\n`);
      expect(JSON.parse(fs.readFileSync(GOLDEN, "utf8"))).toEqual(actual);
    });
    return;
  }

  const golden = fs.existsSync(GOLDEN) ? (JSON.parse(fs.readFileSync(GOLDEN, "utf8")) as ReturnType<typeof digest>) : undefined;

  it("has a golden file (generate it with UPDATE_GOLDEN=1)", () => {
    expect(golden).toBeDefined();
  });

  it("shares one style table across its sheets", () => {
    for (const sheet of buildUnitWorkbook(UNIT).sheets) expect(sheet.styles).toEqual(actual.styles);
    expect(golden?.styles).toEqual(actual.styles);
  });

  it("keeps the identity", () => {
    expect(actual.identity).toEqual(golden?.identity);
  });

  it("keeps the same sheets in the same order", () => {
    expect(actual.sheets.map((s) => s.name)).toEqual(golden?.sheets.map((s) => s.name));
  });

  it.each(actual.sheets.map((s, k) => [s.name, k] as const))("keeps the layout of %s", (_name, k) => {
    expect(actual.sheets[k]).toEqual(golden?.sheets[k]);
  });
});
