/**
 * Layouts units make: the two tables side by side on one sheet (each read by its own columns), a
 * documents code column headed just "Văn bản"; and one such sheet written to .xlsx and read back
 * through the reading facade.
 */
import ExcelJS from "exceljs";
import { strFromU8, strToU8, unzipSync, zipSync } from "fflate";
import { INDICATORS } from "../../src/domain/catalogue";
import { documentRole, readUnitReport } from "../../src/domain/read";
import type { UnitReport } from "../../src/domain/model/report";
import { foldText } from "../../src/domain/text";
import { readWorkbook } from "../../src/io/read";
import { DOCUMENT_HEADER, GOOD_FIGURES, goodFigures, headerBlock, INDICATOR_HEADER, indicatorBody, SAMPLE_DOCUMENTS } from "../fixtures/official";
import type { SheetSpec, SpecCell } from "../fixtures/sheet-spec";
import { specToGrid } from "../fixtures/sheet-spec";

const IND: SpecCell[][] = [INDICATOR_HEADER as SpecCell[], ...indicatorBody(goodFigures())];
const DOC: SpecCell[][] = [DOCUMENT_HEADER as SpecCell[], ...SAMPLE_DOCUMENTS];

/** Two blocks of rows side by side: `left` padded to `width` columns, `gap` empty columns, then `right` from row `offset`. */
function beside(left: SpecCell[][], right: SpecCell[][], width: number, gap: number, offset = 0): SpecCell[][] {
  const rows: SpecCell[][] = [];
  for (let r = 0; r < Math.max(left.length, right.length + offset); r++) {
    const l = left[r] ?? [];
    const padded = [...l, ...Array<SpecCell>(width - l.length).fill(null), ...Array<SpecCell>(gap).fill(null)];
    const rr = r - offset >= 0 ? (right[r - offset] ?? []) : [];
    rows.push([...padded, ...rr]);
  }
  return rows;
}

function sheet(rows: SpecCell[][]): SheetSpec {
  return { name: "Báo cáo", rows: [...headerBlock("ĐẢNG ỦY XÃ BẢN BO"), ...rows] };
}

function read(spec: SheetSpec): UnitReport {
  return readUnitReport(specToGrid({ sheets: [spec] }), "ban-bo.xlsx");
}

function expectBothTables(r: UnitReport, docCodeColumn: string): void {
  expect(r.issues).toEqual([]);
  for (const [id, f] of Object.entries(GOOD_FIGURES)) expect(r.indicators[id]).toMatchObject({ total: f.total, achieved: f.achieved });
  expect(Object.keys(r.indicators)).toHaveLength(INDICATORS.length);
  expect(r.documents.map((d) => d.code?.canonical)).toEqual(["15-NQ/ĐU", "22-KH/ĐU", "27/KH-UBND"]);
  expect(r.documents.map((d) => d.date)).toEqual(["2016-10-12", "2017-03-07", "2018-01-15"]);
  for (const d of r.documents) expect(d.cell[0]).toBe(docCodeColumn);
}

describe("the two tables side by side", () => {
  const layouts: [string, SpecCell[][], string][] = [
    ["indicators left, a gap, documents right", beside(IND, DOC, 6, 1), "I"],
    ["indicators left, documents right with no gap", beside(IND, DOC, 6, 0), "H"],
    ["documents left, a gap, indicators right", beside(DOC, IND, 5, 1), "B"],
    ["documents left, indicators right with no gap", beside(DOC, IND, 5, 0), "B"],
    ["documents right, their header two rows lower", beside(IND, DOC, 6, 1, 2), "I"],
    ["indicators right, their header three rows lower", beside(DOC, IND, 5, 1, 3), "B"],
  ];
  it.each(layouts)("%s: each table read by its own columns", (_name, rows, codeColumn) => {
    expectBothTables(read(sheet(rows)), codeColumn);
  });

  it("a documents table longer than the indicator table beside it gives no unknown rows", () => {
    const many: SpecCell[][] = [DOCUMENT_HEADER as SpecCell[]];
    for (let k = 0; k < 40; k++) many.push([k + 1, `${k + 1}-KH/ĐU`, "15/01/2018", `Kế hoạch số ${k + 1}`, "Đảng ủy xã"]);
    const r = read(sheet(beside(IND, many, 6, 1)));
    expect(r.issues).toEqual([]);
    expect(r.documents).toHaveLength(40);
    expect(r.indicators["6.2.2"]).toMatchObject({ total: 8, achieved: 6 });
  });

  it("stacked tables are read as before", () => {
    const r = read(sheet([...DOC, [], ...IND]));
    expectBothTables(r, "B");
  });
});

describe("a documents code column headed in few words", () => {
  it.each([["Văn bản"], ["Số văn bản"], ["Số, ký hiệu"], ["SỐ, KÝ HIỆU"]])("%p is the code column", (header) => {
    expect(documentRole(foldText(header))).toBe("code");
    const doc: SpecCell[][] = [["Stt", header, "Ngày ban hành", "Trích yếu nội dung", "Đơn vị ban hành"], ...SAMPLE_DOCUMENTS];
    expectBothTables(read(sheet([...doc, [], ...IND])), "B");
  });
});

async function xlsxOf(spec: SheetSpec): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet(spec.name);
  spec.rows.forEach((row, r) =>
    row.forEach((cell, c) => {
      if (cell !== null && cell !== undefined) ws.getCell(r + 1, c + 1).value = cell as ExcelJS.CellValue;
    }),
  );
  return new Uint8Array(await wb.xlsx.writeBuffer());
}

describe("through a real .xlsx and the reading facade", () => {
  it("reads tables side by side from the file", async () => {
    const bytes = await xlsxOf(sheet(beside(DOC, IND, 5, 1)));
    const r = readUnitReport(readWorkbook(bytes, "ban-bo.xlsx"), "ban-bo.xlsx");
    expectBothTables(r, "B");
  });

  it("a stored number written 0x10 is refused like the text 0x10", async () => {
    const figures = { ...goodFigures(), "2": { total: 987654, achieved: 4 } };
    const rows = [...DOC, [], INDICATOR_HEADER as SpecCell[], ...indicatorBody(figures)];
    const files = unzipSync(await xlsxOf(sheet(rows)));
    const path = "xl/worksheets/sheet1.xml";
    const xml = strFromU8(files[path]!);
    expect(xml).toContain("<v>987654</v>");
    files[path] = strToU8(xml.replace("<v>987654</v>", "<v>0x10</v>"));
    const fromFile = readUnitReport(readWorkbook(zipSync(files), "a.xlsx"), "a.xlsx");
    const typed = read(sheet([...DOC, [], INDICATOR_HEADER as SpecCell[], ...indicatorBody({ ...goodFigures(), "2": { total: "0x10", achieved: 4 } })]));
    const issueOf = (r: UnitReport) => r.issues.filter((i) => i.indicator === "2").map((i) => [i.rule, i.severity, i.cell, i.params]);
    expect(issueOf(fromFile)).toEqual([["not-a-number", "error", expect.stringMatching(/^D\d+$/), expect.objectContaining({ text: "0x10", reason: "hexadecimal" })]]);
    expect(issueOf(fromFile)).toEqual(issueOf(typed));
    expect(fromFile.indicators["2"]!.total).toBeNull();
  });
});
