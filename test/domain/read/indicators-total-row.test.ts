/**
 * A total row a unit adds at the foot of the indicator table, under the last indicator ("Tổng cộng", "Cộng",
 * "Tổng số"), its figures the columns' sums: no indicator, and no warning (each was an unknown row whose
 * figures "were not summed"). Typed in Excel (the template filled, then edited) and in LibreOffice (saved as
 * .xlsx and .ods). A unit's own indicator worded "Tổng số …", a total row with an Stt, and a total row with
 * more of the table under it stay unknown rows.
 */
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import ExcelJS from "exceljs";
import { readUnitReport } from "../../../src/domain/read";
import { readWorkbook } from "../../../src/io/read";
import { INDICATORS_TABLE } from "../../../src/domain/catalogue";
import { indicatorRow, writeFilledUnit } from "../../support/fill";
import { editWithLibreOffice, type LibreOfficeEdit } from "../../support/libreoffice-edit";
import { SOFFICE } from "../../support/programs";

const CHI_TIEU = 1;
const FIGURES: Record<string, [number, number]> = { "1.1": [45, 45], "1.2": [1219, 1183], "3.1": [2100, 2000], "4.2": [20, 17] };
/** One-based: the first row of the template's table, and the empty row under its last indicator. */
const FIRST = indicatorRow("1.1") + 1;
const FOOT = indicatorRow("6.2.2") + 2;
const SUM_TOTAL = 45 + 1219 + 2100 + 20;
const SUM_ACHIEVED = 45 + 1183 + 2000 + 17;

const read = (file: string) => readUnitReport(readWorkbook(new Uint8Array(readFileSync(file)), file), file);
const figures = (r: ReturnType<typeof read>) =>
  Object.fromEntries(Object.entries(r.indicators).filter(([, e]) => e.total !== null).map(([id, e]) => [id, [e.total, e.achieved]]));
const sheetIssues = (r: ReturnType<typeof read>) => r.issues.filter((i) => i.sheet === INDICATORS_TABLE.sheetName).map((i) => [i.rule, i.cell]);

/**
 * The template filled, then rows typed under its last indicator in Excel (over the note under the table, the second):
 * (one-based row) → [Stt, text, Tổng số, Số đã đạt].
 */
async function typedInExcel(dir: string, name: string, rows: Record<number, [string | null, string, number, number]>): Promise<string> {
  const filled = await writeFilledUnit(dir, { indicators: FIGURES, dateLine: "Bản Bo, ngày 05 tháng 6 năm 2021" });
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(filled);
  const ws = wb.getWorksheet(INDICATORS_TABLE.sheetName)!;
  for (const [row, [stt, text, total, achieved]] of Object.entries(rows)) {
    // The note's row under the table, merged across it, written over.
    if (ws.getCell(Number(row), 1).isMerged) ws.unMergeCells(`A${row}:G${row}`);
    ws.getCell(Number(row), 1).value = stt;
    ws.getCell(Number(row), 2).value = text;
    ws.getCell(Number(row), 4).value = total;
    ws.getCell(Number(row), 5).value = achieved;
  }
  const out = join(dir, name);
  writeFileSync(out, new Uint8Array(await wb.xlsx.writeBuffer()));
  return out;
}

describe("a total row at the foot of the indicator table, typed in Excel", () => {
  const dir = mkdtempSync(join(tmpdir(), "indicators-total-"));

  it.each(["Tổng cộng", "TỔNG SỐ", "Cộng:"])("is no indicator and no unknown row (%s)", async (words) => {
    const r = read(await typedInExcel(dir, "total.xlsx", { [FOOT]: [null, words, SUM_TOTAL, SUM_ACHIEVED] }));
    expect(figures(r)).toEqual(FIGURES);
    expect(sheetIssues(r)).toEqual([]);
  });

  it("is no indicator with its words in Stt", async () => {
    const r = read(await typedInExcel(dir, "total-stt.xlsx", { [FOOT]: ["Tổng cộng", "", SUM_TOTAL, SUM_ACHIEVED] }));
    expect(figures(r)).toEqual(FIGURES);
    expect(sheetIssues(r)).toEqual([]);
  });

  it("leaves a unit's own indicator worded Tổng số … an unknown row", async () => {
    const r = read(await typedInExcel(dir, "own.xlsx", { [FOOT]: [null, "Tổng số đảng viên được học tập nghị quyết", 120, 118] }));
    expect(figures(r)).toEqual(FIGURES);
    expect(sheetIssues(r)).toEqual([["unknown-row", `B${FOOT}`]]);
  });

  it("leaves a total row with an Stt an unknown row", async () => {
    const r = read(await typedInExcel(dir, "numbered.xlsx", { [FOOT]: ["7", "Tổng cộng", SUM_TOTAL, SUM_ACHIEVED] }));
    expect(sheetIssues(r)).toEqual([["unknown-row", `B${FOOT}`]]);
  });

  it("leaves a total row with a row of the table under it an unknown row, as that row", async () => {
    const template = read(await typedInExcel(dir, "plain.xlsx", {}));
    expect(sheetIssues(template)).toEqual([]);
    const r = read(
      await typedInExcel(dir, "not-foot.xlsx", {
        [FOOT]: [null, "Tổng cộng", SUM_TOTAL, SUM_ACHIEVED],
        [FOOT + 1]: ["7", "Số đảng viên mới được kết nạp", 12, 12],
      }),
    );
    expect(figures(r)).toEqual(FIGURES);
    expect(sheetIssues(r)).toEqual([
      ["unknown-row", `B${FOOT}`],
      ["unknown-row", `B${FOOT + 1}`],
    ]);
  });
});

const withOffice = SOFFICE ? describe : describe.skip;

withOffice("a total row at the foot of the indicator table, typed in LibreOffice", () => {
  const dir = mkdtempSync(join(tmpdir(), "indicators-total-lo-"));
  let filled: string;
  beforeAll(async () => {
    filled = await writeFilledUnit(dir, { indicators: FIGURES, dateLine: "Bản Bo, ngày 05 tháng 6 năm 2021" });
  });
  const text = (cell: string, typed: string): LibreOfficeEdit => ({ op: "text", sheet: CHI_TIEU, cell, text: typed });
  const enter = (cell: string, input: string): LibreOfficeEdit => ({ op: "enter", sheet: CHI_TIEU, cell, input });

  it.each([
    // A row inserted under the last indicator, the sums as formulas.
    ["xlsx", [
      { op: "insertRows", sheet: CHI_TIEU, row: FOOT, count: 1 } as const,
      text(`B${FOOT}`, "Tổng cộng"),
      enter(`D${FOOT}`, `=SUM(D${FIRST}:D${FOOT - 1})`),
      enter(`E${FOOT}`, `=SUM(E${FIRST}:E${FOOT - 1})`),
    ]],
    // Typed in the empty row under the last indicator, its words in Stt merged over the text, the sums typed.
    ["ods", [
      text(`A${FOOT}`, "Cộng"),
      { op: "merge", sheet: CHI_TIEU, range: `A${FOOT}:C${FOOT}` } as const,
      enter(`D${FOOT}`, String(SUM_TOTAL)),
      enter(`E${FOOT}`, String(SUM_ACHIEVED)),
    ]],
  ] as const)("is no indicator and no unknown row (.%s)", (format, edits) => {
    const out = editWithLibreOffice(filled, join(dir, `total.${format}`), format, edits);
    const r = read(out);
    expect(figures(r)).toEqual(FIGURES);
    expect(sheetIssues(r)).toEqual([]);
  }, 300_000);
});
