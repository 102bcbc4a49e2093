/**
 * A converted copy keeps the merged areas a sheet can hold: an area is cut to
 * the cells the sheet has, and an area over one already kept, or past the
 * bound, is left out. Before, ExcelJS was asked to merge what the file said:
 * a file of a few kilobytes merging A200:XFD1048576 took the process past
 * 4 GB, and two overlapping areas stopped the conversion with ExcelJS's
 * "Cannot merge already merged cells".
 */
import { strToU8, zipSync } from "fflate";
import { convertLegacyFile, gridLayout } from "../../src/app/convert";
import type { GridRange, WorkbookGrid } from "../../src/domain/model/grid";
import { readWorkbook } from "../../src/io/read";

const range = (r1: number, c1: number, r2: number, c2: number): GridRange => ({ s: { r: r1, c: c1 }, e: { r: r2, c: c2 } });

const rows = Array.from({ length: 12 }, (_, r) => Array.from({ length: 6 }, (_, c) => ({ v: `Bản ${r}-${c}` })));

function grid(merges: GridRange[]): WorkbookGrid {
  return { sheets: [{ name: "Chỉ tiêu", visibility: "visible", rows, merges }] };
}

const CT = `<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/></Types>`;
const RELS = `<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>`;
const WB = `<?xml version="1.0"?><workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets><sheet name="S" sheetId="1" r:id="rId1"/></sheets></workbook>`;
const WB_RELS = `<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/></Relationships>`;

/** An .xlsx of a few cells whose sheet merges what `merges` says. */
function xlsx(merges: string[]): Uint8Array {
  const cells = rows.map((row, r) => `<row r="${r + 1}">${row.map((cell, c) => `<c r="${String.fromCharCode(65 + c)}${r + 1}" t="inlineStr"><is><t>${cell.v}</t></is></c>`).join("")}</row>`).join("");
  const sheet = `<?xml version="1.0"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>${cells}</sheetData><mergeCells>${merges.map((m) => `<mergeCell ref="${m}"/>`).join("")}</mergeCells></worksheet>`;
  return zipSync({ "[Content_Types].xml": strToU8(CT), "_rels/.rels": strToU8(RELS), "xl/workbook.xml": strToU8(WB), "xl/_rels/workbook.xml.rels": strToU8(WB_RELS), "xl/worksheets/sheet1.xml": strToU8(sheet) });
}

describe("the merged areas of a converted copy", () => {
  it("keeps a sheet's own merges as they are", () => {
    expect(gridLayout(grid([range(0, 0, 0, 5), range(3, 1, 4, 2)])).sheets[0]!.merges).toEqual(["A1:F1", "B4:C5"]);
  });

  it("cuts an area to the sheet's cells, and leaves out one over an area kept, one of a single cell and one outside the cells", () => {
    const merges = gridLayout(grid([range(1, 0, 1_048_575, 16_383), range(0, 0, 1, 1), range(0, 0, 0, 0), range(500, 500, 600, 600)])).sheets[0]!.merges;
    expect(merges).toEqual(["A2:F12"]);
  });

  // Before, it took the process past 4 GB (or stopped on ExcelJS's "Cannot merge already merged cells").
  it("converts a file merging A2:XFD1048576 and overlapping areas", async () => {
    const bytes = xlsx(["A1:C1", "A2:XFD1048576", "B1:D3", ...Array.from({ length: 20_000 }, (_, k) => `A${k + 20}:XFD${k + 20}`)]);
    const result = await convertLegacyFile({ name: "bao-cao.xlsx", bytes });
    const back = readWorkbook(result.bytes, "ban-sao.xlsx").sheets[0]!;
    expect(back.merges).toEqual([range(0, 0, 0, 2), range(1, 0, 11, 5)]);
    expect(back.rows[0]![0]!.v).toBe("Bản 0-0");
  }, 60_000);
});

describe("the merged areas of a converted copy, at scale", () => {
  it("keeps at most 10,000 areas of a sheet, and looks at a bounded number of cells", () => {
    const wide = [Array.from({ length: 300 }, (_, c) => ({ v: c }))];
    const tall = Array.from({ length: 30_000 }, () => [{ v: 1 }, { v: 2 }]);
    const pairs = Array.from({ length: 30_000 }, (_, r) => range(r, 0, r, 1));
    expect(gridLayout({ sheets: [{ name: "S", visibility: "visible", rows: tall, merges: pairs }] }).sheets[0]!.merges).toHaveLength(10_000);
    // Areas of 90,000 cells, each over the one kept only at its last cell.
    const rows300 = Array.from({ length: 300 }, () => wide[0]!);
    const last = range(299, 298, 299, 299);
    const big = Array.from({ length: 20_000 }, () => range(0, 0, 299, 299));
    // 20,000 areas of 90,000 cells each, were each cell looked at, would outlast the test's time limit.
    const merges = gridLayout({ sheets: [{ name: "S", visibility: "visible", rows: rows300, merges: [last, ...big] }] }).sheets[0]!.merges;
    expect(merges).toEqual(["KM300:KN300"]);
  });
});
