import {
  CATALOGUE_ROWS,
  DOCUMENTS_TABLE,
  INDICATORS,
  INDICATORS_TABLE,
  INDICATORS_TABLE_NOTE,
} from "../../src/domain/catalogue";
import { targetLabel } from "../../src/domain/format";
import { cellAddress, parseAddress, type WorkbookGrid } from "../../src/domain/model/grid";
import { IDENTITY_MARKER, IDENTITY_SHEET, parseIdentityRows, TEMPLATE_ID, TEMPLATE_VERSION } from "../../src/domain/model/identity";
import { readUnitReport } from "../../src/domain/read";
import {
  SheetBuilder,
  buildDocumentsSheet,
  buildIndicatorsSheet,
  buildTargetsSheet,
  buildUnitsSheet,
  buildUnitWorkbook,
  dateLine,
  DEFAULT_DOCUMENT_ROWS,
  EXTRA_TARGET_HEADER,
  lineCount,
  SHEET_GEOMETRY,
  SHEET_STYLES,
  linkedTargetFormula,
  shortOfTargetFormula,
  TARGET_FORMATS,
  targetCellValue,
  TARGETS_GEOMETRY,
  TARGETS_HEADERS,
  TARGETS_SHEET_NAME,
  targetsSheetRows,
  upperVi,
  type LayoutCell,
  type SheetLayout,
} from "../../src/domain/sheets";
import { TAM_DUONG_UNITS } from "../../src/domain/units";

const OPTS = { unitName: "Đảng ủy xã Bản Bo", unitCode: "BAN-BO", place: "Bản Bo", level: "co-so" as const };

function at(sheet: SheetLayout, address: string): LayoutCell | undefined {
  const { r, c } = parseAddress(address);
  return sheet.cells.find((x) => x.r === r && x.c === c);
}

function row(sheet: SheetLayout, r: number): (string | number | null)[] {
  const cells = sheet.cells.filter((x) => x.r === r).sort((a, b) => a.c - b.c);
  return cells.map((x) => x.value);
}

function inRange(address: string, range: string): boolean {
  const [a, b] = range.split(":");
  const s = parseAddress(a!);
  const e = parseAddress(b ?? a!);
  const p = parseAddress(address);
  return p.r >= s.r && p.r <= e.r && p.c >= s.c && p.c <= e.c;
}

describe("Chỉ tiêu sheet", () => {
  const sheet = buildIndicatorsSheet(OPTS);
  const first = SHEET_GEOMETRY.firstDataRow;

  test("is named as the document's table and titled verbatim", () => {
    expect(sheet.name).toBe("Chỉ tiêu");
    expect(at(sheet, cellAddress(SHEET_GEOMETRY.titleRow, 0))?.value).toBe(INDICATORS_TABLE.title);
    expect(at(sheet, cellAddress(SHEET_GEOMETRY.attachRow, 0))?.value).toMatch(/^\(Kèm theo Báo cáo số …/);
  });

  test("has the official columns verbatim and in order, the extra column to the right of Tỷ lệ (%)", () => {
    const headers = row(sheet, SHEET_GEOMETRY.headerRow);
    expect(headers).toEqual([
      "Stt",
      "Nội dung của chỉ tiêu",
      "ĐVT",
      "Tổng số",
      "Số đã đạt tiêu chuẩn",
      "Tỷ lệ (%)",
      EXTRA_TARGET_HEADER,
    ]);
    expect(headers.slice(0, 6)).toEqual(INDICATORS_TABLE.columns.map((c) => c.header));
  });

  test("lists the catalogue rows in printed order with Stt, text and ĐVT verbatim", () => {
    CATALOGUE_ROWS.forEach((entry, i) => {
      const r = first + i;
      const stt = at(sheet, cellAddress(r, 0));
      const text = at(sheet, cellAddress(r, 1));
      if (entry.kind === "group") {
        expect(stt?.value).toBe(entry.group.stt);
        expect(text?.value).toBe(entry.group.label);
        const bold = entry.group.parent === undefined;
        expect(SHEET_STYLES[stt!.style]!.font.bold === true).toBe(bold);
        expect(SHEET_STYLES[text!.style]!.font.bold === true).toBe(bold);
      } else {
        expect(stt?.value).toBe(entry.indicator.stt);
        expect(text?.value).toBe(entry.indicator.text);
        expect(at(sheet, cellAddress(r, 2))?.value).toBe(entry.indicator.dvt);
        // The target shown is the "Mục tiêu" sheet's, printed with the comparison by its number format.
        const shown = at(sheet, cellAddress(r, 6));
        expect(shown?.formula).toBe(linkedTargetFormula(entry.indicator.target, targetsSheetRows().get(entry.indicator.id)!));
        expect(SHEET_STYLES[shown!.style]!.numberFormat).toBe(TARGET_FORMATS[entry.indicator.target.op]);
      }
    });
    const labels = sheet.cells.map((c) => c.value);
    expect(labels).toContain("Mục tiêu 01");
    expect(labels).toContain("Trình độ lý luận chính trị");
    for (const i of INDICATORS) expect(labels).toContain(i.text);
  });

  test("computes Tỷ lệ (%) by formula, blank while Tổng số is blank, 0 or not a number, shown with two decimals", () => {
    CATALOGUE_ROWS.forEach((entry, i) => {
      const r = first + i;
      const cell = at(sheet, cellAddress(r, 5));
      if (entry.kind === "indicator") {
        const x = r + 1;
        expect(cell?.formula).toBe(`IFERROR(IF(OR(D${x}="",D${x}=0,E${x}=""),"",E${x}*100/D${x}),"")`);
        expect(SHEET_STYLES[cell!.style]!.numberFormat).toBe("0.00");
        expect(SHEET_STYLES[cell!.style]!.locked).toBe(true);
      } else {
        expect(cell?.formula).toBeUndefined();
      }
    });
  });

  test("validates Tổng số and Số đã đạt over the table body, with Vietnamese prompts and errors", () => {
    const last = first + CATALOGUE_ROWS.length;
    const total = sheet.dataValidations.find((v) => v.range.startsWith("D"));
    const achieved = sheet.dataValidations.find((v) => v.range.startsWith("E"));
    expect(total).toMatchObject({ range: `D${first + 1}:D${last}`, type: "whole", operator: "greaterThanOrEqual", formulae: [0] });
    expect(achieved).toMatchObject({ range: `E${first + 1}:E${last}`, type: "custom" });
    expect(String(achieved!.formulae[0])).toContain(`E${first + 1}<=D${first + 1}`);
    for (const v of sheet.dataValidations) {
      expect(v.error.text).toMatch(/[ốạấ]/);
      expect(v.prompt.text.length).toBeGreaterThan(10);
    }
  });

  test("marks a ratio short of its target with a light red fill, per the catalogue target", () => {
    const indicatorRows = CATALOGUE_ROWS.map((e, i) => ({ e, r: first + i })).filter((x) => x.e.kind === "indicator");
    expect(sheet.conditionalFormats).toHaveLength(indicatorRows.length);
    for (const { e, r } of indicatorRows) {
      if (e.kind !== "indicator") continue;
      const cf = sheet.conditionalFormats.find((c) => c.range === cellAddress(r, 5));
      expect(cf?.formula).toBe(shortOfTargetFormula(e.indicator.target, r + 1));
      expect(cf?.fill).toBe("FFC7CE");
    }
    expect(shortOfTargetFormula({ op: ">=", value: 85 }, 12)).toBe("AND(ISNUMBER(F12),ISNUMBER(G12),ROUND(F12,2)<ROUND(G12*100,6))");
    expect(shortOfTargetFormula({ op: ">", value: 95 }, 12)).toBe("AND(ISNUMBER(F12),ISNUMBER(G12),ROUND(F12,2)<=ROUND(G12*100,6))");
    expect(shortOfTargetFormula({ op: "count>=", value: 1 }, 12)).toBe("AND(ISNUMBER(E12),ISNUMBER(G12),E12<G12)");
  });

  test("unlocks exactly the input cells: every input range is unlocked, every label and formula locked", () => {
    for (const cell of sheet.cells) {
      const address = cellAddress(cell.r, cell.c);
      const input = sheet.inputRanges.some((r) => inRange(address, r));
      expect({ address, locked: SHEET_STYLES[cell.style]!.locked }).toEqual({ address, locked: !input });
    }
    expect(sheet.protection).toMatchObject({ allowFormatCells: true, allowFormatColumns: true, allowFormatRows: true });
  });

  test("prints on A4, one page wide, with the table header repeated and page numbers", () => {
    expect(sheet.pageSetup).toMatchObject({
      paper: "A4",
      fitToWidth: 1,
      fitToHeight: 0,
      printTitleRows: `${SHEET_GEOMETRY.headerRow + 1}:${SHEET_GEOMETRY.headerRow + 1}`,
      footer: "Trang &P / &N",
    });
    const m = sheet.pageSetup!.margins;
    for (const v of [m.left, m.right, m.top, m.bottom]) expect(v).toBeGreaterThanOrEqual(0.5);
    expect(sheet.columnWidths[1]).toBeGreaterThanOrEqual(55);
  });

  test("ends with the note and a signature block", () => {
    const values = sheet.cells.map((c) => c.value);
    expect(values).toContain(`Ghi chú: ${INDICATORS_TABLE_NOTE}`);
    const signature = sheet.cells.find((c) => typeof c.value === "string" && c.value.startsWith("T/M BAN CHẤP HÀNH\nBÍ THƯ\n"));
    expect(signature?.value).toMatch(/\n…+$/);
    expect(sheet.rowHeights[signature!.r]).toBeGreaterThan(100);
    const noteRow = sheet.cells.find((c) => c.value === `Ghi chú: ${INDICATORS_TABLE_NOTE}`)!.r;
    expect(noteRow).toBeGreaterThan(first + CATALOGUE_ROWS.length - 1);
  });

  test("every merge is a valid rectangle and every style exists", () => {
    for (const m of sheet.merges) expect(m).toMatch(/^[A-Z]+\d+:[A-Z]+\d+$/);
    for (const c of sheet.cells) expect(sheet.styles[c.style]).toBeDefined();
  });
});

describe("header block", () => {
  test("party header: superior, unit in bold capitals, *, ĐẢNG CỘNG SẢN VIỆT NAM bold underlined, italic date line", () => {
    const sheet = buildDocumentsSheet(OPTS);
    expect(at(sheet, "A1")?.value).toBe("ĐẢNG BỘ HUYỆN TAM ĐƯỜNG");
    const unit = at(sheet, "A2")!;
    expect(unit.value).toBe("ĐẢNG ỦY XÃ BẢN BO");
    expect(SHEET_STYLES[unit.style]!.font.bold).toBe(true);
    expect(at(sheet, "A3")?.value).toBe("*");
    const party = sheet.cells.find((c) => c.value === "ĐẢNG CỘNG SẢN VIỆT NAM")!;
    expect(party.r).toBe(0);
    expect(SHEET_STYLES[party.style]!.font).toMatchObject({ bold: true, underline: true });
    const date = sheet.cells.find((c) => typeof c.value === "string" && c.value.startsWith("Bản Bo, ngày"))!;
    expect(date.value).toBe("Bản Bo, ngày …… tháng …… năm ………");
    expect(SHEET_STYLES[date.style]!.font.italic).toBe(true);
  });

  test("the date line is filled from opts.date with the leading zeros of official documents", () => {
    expect(dateLine("Bản Bo", "2021-06-05")).toBe("Bản Bo, ngày 05 tháng 6 năm 2021");
    expect(dateLine("Tam Đường", "2021-02-15")).toBe("Tam Đường, ngày 15 tháng 02 năm 2021");
    expect(dateLine("Tam Đường", "2021-11-30")).toBe("Tam Đường, ngày 30 tháng 11 năm 2021");
    const sheet = buildIndicatorsSheet({ ...OPTS, date: "2021-06-05", superior: "ĐẢNG BỘ HUYỆN X" });
    expect(sheet.cells.map((c) => c.value)).toEqual(expect.arrayContaining(["Bản Bo, ngày 05 tháng 6 năm 2021", "ĐẢNG BỘ HUYỆN X"]));
  });

  test("a state office gets the state heading and its own signature", () => {
    const sheet = buildIndicatorsSheet({ unitName: "Phòng Nội vụ", place: "Tam Đường", level: "huyen", superior: "UBND HUYỆN TAM ĐƯỜNG" });
    const values = sheet.cells.map((c) => c.value);
    expect(values).toEqual(expect.arrayContaining(["CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Độc lập - Tự do - Hạnh phúc", "PHÒNG NỘI VỤ"]));
    expect(values.some((v) => typeof v === "string" && v.startsWith("TRƯỞNG PHÒNG\n"))).toBe(true);
    expect(values).not.toContain("ĐẢNG CỘNG SẢN VIỆT NAM");
  });

  test("capitals keep Vietnamese letters", () => {
    expect(upperVi("Đảng ủy thị trấn Tam Đường")).toBe("ĐẢNG ỦY THỊ TRẤN TAM ĐƯỜNG");
  });
});

describe("Văn bản sheet", () => {
  const sheet = buildDocumentsSheet(OPTS);
  const first = SHEET_GEOMETRY.firstDataRow;

  test("has the title and the official columns verbatim and in order", () => {
    expect(sheet.name).toBe("Văn bản");
    expect(at(sheet, cellAddress(SHEET_GEOMETRY.titleRow, 0))?.value).toBe(DOCUMENTS_TABLE.title);
    expect(row(sheet, SHEET_GEOMETRY.headerRow)).toEqual(DOCUMENTS_TABLE.columns.map((c) => c.header));
  });

  test("numbers documents automatically over at least 20 empty rows", () => {
    const formulas = sheet.cells.filter((c) => c.c === 0 && c.formula !== undefined);
    expect(formulas.length).toBeGreaterThanOrEqual(20);
    expect(formulas[0]).toMatchObject({ r: first, formula: `IF(COUNTA(B${first + 1}:E${first + 1})=0,"",ROW()-${first})` });
    expect(buildDocumentsSheet({ ...OPTS, documentRows: 5 }).cells.filter((c) => c.c === 0 && c.formula).length).toBe(20);
  });

  test("accepts dates of the reporting period only, and allows inserting rows", () => {
    const v = sheet.dataValidations.find((d) => d.type === "date")!;
    expect(v).toMatchObject({ operator: "between", formulae: ["2016-09-30", "2020-12-31"], range: `C${first + 1}:C${first + DEFAULT_DOCUMENT_ROWS}` });
    expect(v.error.text).toContain("30/9/2016");
    expect(sheet.protection?.allowInsertRows).toBe(true);
  });
});

describe("Mục tiêu sheet", () => {
  const sheet = buildTargetsSheet();

  test("lists every indicator with Đề án 241's target printed verbatim and an editable target beside it", () => {
    expect(sheet.name).toBe(TARGETS_SHEET_NAME);
    expect(row(sheet, TARGETS_GEOMETRY.headerRow)).toEqual([...TARGETS_HEADERS]);
    expect(sheet.cells.map((c) => c.value)).toContain(`Ghi chú: ${INDICATORS_TABLE_NOTE}`);
    const rows = targetsSheetRows();
    expect(rows.size).toBe(INDICATORS.length);
    for (const i of INDICATORS) {
      const r = rows.get(i.id)!;
      expect(at(sheet, cellAddress(r, 0))?.value).toBe(i.id);
      expect(at(sheet, cellAddress(r, 1))?.value).toBe(i.text);
      expect(at(sheet, cellAddress(r, 3))?.value).toBe(targetLabel(i.target));
      const input = at(sheet, cellAddress(r, 4))!;
      expect(input.value).toBe(targetCellValue(i.target));
      const style = SHEET_STYLES[input.style]!;
      expect(style.locked).toBe(false);
      expect(style.numberFormat).toBe(TARGET_FORMATS[i.target.op]);
      expect(sheet.inputRanges).toContain(cellAddress(r, 4));
      const rule = sheet.dataValidations.find((v) => v.range === cellAddress(r, 4));
      expect(rule?.type).toBe(i.target.op === "count>=" ? "whole" : "decimal");
    }
  });

  test("holds a ratio target as a fraction and a count as a whole number", () => {
    expect(targetCellValue({ op: ">=", value: 90 })).toBe(0.9);
    expect(targetCellValue({ op: ">", value: 95 })).toBe(0.95);
    expect(targetCellValue({ op: ">=", value: 85.5 })).toBe(0.855);
    expect(targetCellValue({ op: "count>=", value: 2 })).toBe(2);
  });

  test("the Chỉ tiêu sheet's Mục tiêu column points at its row, Đề án 241's target when it is blank", () => {
    const rows = targetsSheetRows();
    const row11 = rows.get("1.1")!;
    expect(linkedTargetFormula({ op: ">=", value: 100 }, row11)).toBe(
      `IF('Mục tiêu'!E${row11 + 1}="",1,'Mục tiêu'!E${row11 + 1})`,
    );
    const indicators = buildIndicatorsSheet(OPTS);
    CATALOGUE_ROWS.forEach((entry, k) => {
      if (entry.kind !== "indicator") return;
      const target = rows.get(entry.indicator.id)!;
      const formula = at(indicators, cellAddress(SHEET_GEOMETRY.firstDataRow + k, 6))?.formula ?? "";
      expect(formula).toContain(`'Mục tiêu'!E${target + 1}`);
      expect(at(sheet, cellAddress(target, 0))?.value).toBe(entry.indicator.id);
    });
  });
});

describe("workbook and units sheet", () => {
  test("buildUnitWorkbook has Văn bản, Chỉ tiêu, Mục tiêu and the very hidden identity", () => {
    const wb = buildUnitWorkbook({ ...OPTS, created: "2021-05-02" });
    expect(wb.sheets.map((s) => s.name)).toEqual(["Văn bản", "Chỉ tiêu", TARGETS_SHEET_NAME, IDENTITY_SHEET]);
    const identitySheet = wb.sheets[3]!;
    expect(identitySheet.visibility).toBe("veryHidden");
    const rows: string[][] = [];
    for (const c of identitySheet.cells) (rows[c.r] ??= [])[c.c] = String(c.value ?? "");
    expect(parseIdentityRows(rows)).toEqual({
      kind: "unit-report",
      template: TEMPLATE_ID,
      version: TEMPLATE_VERSION,
      unitName: "Đảng ủy xã Bản Bo",
      unitCode: "BAN-BO",
      level: "co-so",
      superior: "ĐẢNG BỘ HUYỆN TAM ĐƯỜNG",
      created: "2021-05-02",
    });
    expect(wb.identity?.unitName).toBe("Đảng ủy xã Bản Bo");
  });

  test("the identity is read when an empty row lies between its pairs (a row missing from the grid)", () => {
    const rows: { v: string }[][] = [];
    rows[0] = [{ v: IDENTITY_MARKER }];
    rows[1] = [{ v: "kind" }, { v: "unit-report" }];
    rows[3] = [{ v: "unitName" }, { v: "Đảng ủy xã Bản Bo" }];
    const grid: WorkbookGrid = { sheets: [{ name: IDENTITY_SHEET, visibility: "veryHidden", rows, merges: [] }] };
    expect(2 in grid.sheets[0]!.rows).toBe(false);
    expect(readUnitReport(grid, "ban-bo.xlsx").identity).toMatchObject({ kind: "unit-report", unitName: "Đảng ủy xã Bản Bo" });
  });

  test("buildUnitsSheet lists the units under Tên đơn vị, Mã, Cấp, Email", () => {
    const sheet = buildUnitsSheet(TAM_DUONG_UNITS);
    expect(sheet.name).toBe("Đơn vị");
    expect(row(sheet, 0)).toEqual(["Tên đơn vị", "Mã", "Cấp", "Thư điện tử"]);
    expect(at(sheet, "A2")?.value).toBe("Đảng ủy xã Bản Bo");
    expect(at(sheet, "C2")?.value).toBe("Cơ sở");
  });

  test("line estimate grows with text length and shrinks with width", () => {
    const style = SHEET_STYLES.cellText!;
    const text = INDICATORS[0]!.text;
    expect(lineCount(text, 62, style)).toBeLessThan(lineCount(text, 30, style));
    expect(lineCount("ngắn", 62, style)).toBe(1);
  });
});

describe("SheetBuilder", () => {
  const styles = { a: {}, b: {} } as unknown as ConstructorParameters<typeof SheetBuilder>[0];

  it("lists its cells row by row, left to right, whatever order they were set in, a cell set again replaced", () => {
    const b = new SheetBuilder(styles, []);
    b.set(3, 1, "d", "a");
    b.set(0, 2, "b", "a");
    b.block(1, 0, 1, 1, "c", "b");
    b.set(0, 0, "a", "a", "=1+1");
    b.set(3, 1, "d2", "b");
    expect(b.list()).toEqual([
      { r: 0, c: 0, value: "a", style: "a", formula: "=1+1" },
      { r: 0, c: 2, value: "b", style: "a" },
      { r: 1, c: 0, value: "c", style: "b" },
      { r: 1, c: 1, value: null, style: "b" },
      { r: 3, c: 1, value: "d2", style: "b" },
    ]);
    expect(b.merges).toEqual(["A2:B2"]);
  });

  it("raises a row to fit its text up to the 409 points a row of Excel has", () => {
    const wrapped = { wrap: true, font: { size: 13, bold: false } };
    const b = new SheetBuilder({ t: wrapped } as unknown as ConstructorParameters<typeof SheetBuilder>[0], [40]);
    b.fit(0, 0, 0, "Kế hoạch tuyên truyền", "t");
    b.fit(1, 0, 0, "Trích yếu rất dài ".repeat(400), "t");
    b.setHeight(2, 600);
    expect(b.rowHeights[0]).toBeLessThan(40);
    expect(b.rowHeights[1]).toBe(409);
    expect(b.rowHeights[2]).toBe(409);
  });

  it("refuses a style it does not have and a place that is not a cell", () => {
    const b = new SheetBuilder(styles, []);
    expect(() => b.set(0, 0, "x", "c")).toThrow("Unknown style c");
    expect(() => b.set(-1, 0, "x", "a")).toThrow("Not a cell");
    expect(() => b.set(0, 1.5, "x", "a")).toThrow("Not a cell");
  });
});
