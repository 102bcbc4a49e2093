/**
 * A unit's template filled, then edited in LibreOffice the way clerks split a figure column by
 * year: columns inserted after "Số đã đạt tiêu chuẩn", its header cell merged over them, a row
 * inserted under the header with "Năm 2016 … Năm 2020 | Cộng", and saved as .xlsx, .ods and .xls.
 */
import { filledForEditing, readUnitFile } from "../../support/edited-unit";
import { indicatorRow } from "../../support/fill";
import type { LibreOfficeEdit } from "../../support/libreoffice-edit";
import { SOFFICE } from "../../support/programs";

const CHI_TIEU = 1;

/** The split: five years and their sum under a merged "Số đã đạt tiêu chuẩn" (or "Tổng số"), one header row more. */
function splitByYear(column: "D" | "E", withSum: boolean): LibreOfficeEdit[] {
  const headerRow = indicatorRow("1.1") - 1; // one-based: two rows above 1.1, whose zero-based row it is
  const firstCol = column === "D" ? 4 : 5;
  const letters = "ABCDEFGHIJKLMNOP";
  const count = withSum ? 6 : 5;
  const edits: LibreOfficeEdit[] = [
    { op: "insertRows", sheet: CHI_TIEU, row: headerRow + 1, count: 1 },
    { op: "insertColumns", sheet: CHI_TIEU, column: firstCol + 1, count: count - 1 },
    { op: "merge", sheet: CHI_TIEU, range: `${column}${headerRow}:${letters[firstCol - 1 + count - 1]}${headerRow}` },
  ];
  ["Năm 2016", "Năm 2017", "Năm 2018", "Năm 2019", "Năm 2020", ...(withSum ? ["Cộng"] : [])].forEach((text, k) =>
    edits.push({ op: "text", sheet: CHI_TIEU, cell: `${letters[firstCol - 1 + k]}${headerRow + 1}`, text }),
  );
  // 1.1 and 1.2 split by year; 4.2 keeps its figure in the first year's column. The sum column adds them up.
  const years: Record<string, number[]> = { "1.1": [9, 9, 9, 9, 9], "1.2": [200, 200, 200, 200, 383], "4.2": [] };
  for (const [id, figures] of Object.entries(years)) {
    const row = indicatorRow(id) + 2; // one-based, after the inserted row
    figures.forEach((n, k) => edits.push({ op: "enter", sheet: CHI_TIEU, cell: `${letters[firstCol - 1 + k]}${row}`, input: String(n) }));
    if (withSum) {
      const sum = `${letters[firstCol - 1 + 5]}${row}`;
      edits.push({ op: "enter", sheet: CHI_TIEU, cell: sum, input: `=SUM(${letters[firstCol - 1]}${row}:${letters[firstCol - 1 + 4]}${row})` });
    }
  }
  return edits;
}

const withOffice = SOFFICE ? describe : describe.skip;

withOffice("a figure column split by year under its merged header, in LibreOffice", () => {
  const unit = filledForEditing("split-years", { indicators: { "1.1": [45, 45], "1.2": [1219, 1183], "4.2": [20, 17] } });

  it.each(["xlsx", "ods", "xls"] as const)("reads Số đã đạt from the Cộng column, not the first year (.%s)", (format) => {
    const out = unit.edit(`achieved-sum.${format}`, format, splitByYear("E", true));
    const r = readUnitFile(out);
    expect(r.indicators["1.1"]).toMatchObject({ total: 45, achieved: 45 });
    expect(r.indicators["1.2"]).toMatchObject({ total: 1219, achieved: 1183 });
    expect(r.indicators["4.2"]).toMatchObject({ total: 20, achieved: 17 });
    // The row of years is the header's, not a row of the table.
    expect(r.issues.filter((i) => i.rule === "unknown-row")).toEqual([]);
  }, 300_000);

  it("reads Tổng số from the Cộng column when Tổng số is the one split", () => {
    const out = unit.edit("total-sum.ods", "ods", splitByYear("D", true));
    const r = readUnitFile(out);
    // 1.1: the years add up to 45; 1.2: to 1183 (the Cộng column), while Số đã đạt stays 1183.
    expect(r.indicators["1.1"]).toMatchObject({ total: 45, achieved: 45 });
    expect(r.indicators["1.2"]).toMatchObject({ total: 1183, achieved: 1183 });
    expect(r.issues.filter((i) => i.rule === "unknown-row")).toEqual([]);
  }, 300_000);

  it("says which year's column it read when the years have no sum", () => {
    const out = unit.edit("achieved-years.xlsx", "xlsx", splitByYear("E", false));
    const r = readUnitFile(out);
    const repeated = r.issues.filter((i) => i.rule === "column-repeated");
    expect(repeated.map((i) => [i.params.role, i.params.used])).toEqual([["Số đã đạt tiêu chuẩn", "E"]]);
    expect(r.issues.filter((i) => i.rule === "unknown-row")).toEqual([]);
  }, 300_000);
});
