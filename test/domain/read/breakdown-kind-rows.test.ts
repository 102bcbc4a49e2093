/**
 * An indicator broken down by kind rather than by place, under its own row: the lines name some of the kinds its label
 * lists in the label's words ("a) Cơ quan, đơn vị", "b) Trường học", "- Cơ quan đạt tiêu chuẩn văn hóa" under 4.3
 * "100% cơ quan, đơn vị, trường học đạt tiêu chuẩn văn hóa"; "- Thị trấn có nhà văn hóa" under 4.4). They name no
 * place, and each was an unknown row (a warning; the figures were the indicator's own row's all the same): they are its
 * breakdown, never summed and no warning (breakdown-only when the indicator's own row is blank). A line naming
 * every kind is the label itself, a second copy of the indicator. Rows inserted into the template filled in Excel, and
 * in LibreOffice (saved as .ods).
 */
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import ExcelJS from "exceljs";
import { INDICATORS_TABLE } from "../../../src/domain/catalogue";
import { readUnitReport } from "../../../src/domain/read";
import { readWorkbook } from "../../../src/io/read";
import { indicatorRow, writeFilledUnit } from "../../support/fill";
import { editWithLibreOffice, type LibreOfficeEdit } from "../../support/libreoffice-edit";
import { SOFFICE } from "../../support/programs";

const CHI_TIEU = 1;
const FIGURES: Record<string, [number, number]> = { "1.1": [45, 45], "4.2": [20, 17], "4.3": [12, 11], "4.4": [1, 1], "4.5": [20, 15] };
/** One-based: 4.3's own row, and the first row under it. */
const ROW_43 = indicatorRow("4.3") + 1;
const UNDER_43 = ROW_43 + 1;

const read = (file: string) => readUnitReport(readWorkbook(new Uint8Array(readFileSync(file)), file), file);
const figures = (r: ReturnType<typeof read>) =>
  Object.fromEntries(Object.entries(r.indicators).filter(([, e]) => e.total !== null).map(([id, e]) => [id, [e.total, e.achieved]]));
const sheetIssues = (r: ReturnType<typeof read>) => r.issues.filter((i) => i.sheet === INDICATORS_TABLE.sheetName).map((i) => [i.rule, i.cell, i.indicator ?? null]);

type Line = [stt: string | null, text: string, total: number, achieved: number];

/** The template filled, then in Excel: `lines` inserted under the row of indicator `id`, its figures kept or cleared. */
async function insertedInExcel(dir: string, name: string, lines: Line[], id = "4.3", blank = false): Promise<string> {
  const filled = await writeFilledUnit(dir, { indicators: FIGURES, dateLine: "Bản Bo, ngày 05 tháng 6 năm 2021" });
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(filled);
  const ws = wb.getWorksheet(INDICATORS_TABLE.sheetName)!;
  if (blank) for (const c of [4, 5]) ws.getCell(indicatorRow(id) + 1, c).value = null;
  ws.spliceRows(indicatorRow(id) + 2, 0, ...lines.map(([stt, text, total, achieved]) => [stt, text, null, total, achieved]));
  const out = join(dir, name);
  writeFileSync(out, new Uint8Array(await wb.xlsx.writeBuffer()));
  return out;
}

describe("an indicator's breakdown by the kinds its label lists, in Excel", () => {
  const dir = mkdtempSync(join(tmpdir(), "breakdown-kind-"));

  it("is the indicator's breakdown, marked before the text or in Stt", async () => {
    const r = read(
      await insertedInExcel(dir, "kinds.xlsx", [
        [null, "a) Cơ quan, đơn vị", 8, 7],
        [null, "b) Trường học", 4, 4],
        [null, "- Cơ quan đạt tiêu chuẩn văn hóa", 8, 7],
        ["+", "Trường học đạt chuẩn văn hóa", 4, 4],
      ]),
    );
    expect(figures(r)).toEqual(FIGURES);
    expect(sheetIssues(r)).toEqual([["breakdown-rows", `B${UNDER_43}`, null]]);
  });

  it("is the indicator's breakdown under 4.4 (xã, thị trấn)", async () => {
    const r = read(
      await insertedInExcel(dir, "communes.xlsx", [
        [null, "- Xã có nhà văn hóa", 0, 0],
        [null, "- Thị trấn có nhà văn hóa", 1, 1],
      ], "4.4"),
    );
    expect(figures(r)).toEqual(FIGURES);
    expect(sheetIssues(r)).toEqual([["breakdown-rows", `B${indicatorRow("4.4") + 2}`, null]]);
  });

  it("leaves a line naming every kind a second copy of the indicator", async () => {
    const r = read(await insertedInExcel(dir, "label.xlsx", [[null, "- Cơ quan, đơn vị, trường học đạt chuẩn văn hóa", 12, 11]]));
    expect(sheetIssues(r)).toEqual([["duplicate-indicator", `B${UNDER_43}`, "4.3"]]);
  });

  it("says once that the indicator's figures are only in its breakdown", async () => {
    const r = read(
      await insertedInExcel(dir, "blank.xlsx", [
        [null, "a) Cơ quan, đơn vị", 8, 7],
        [null, "b) Trường học", 4, 4],
      ], "4.3", true),
    );
    const { "4.3": _, ...others } = FIGURES;
    expect(figures(r)).toEqual(others);
    expect(sheetIssues(r)).toEqual([["breakdown-only", `B${ROW_43}`, "4.3"]]);
  });
});

const withOffice = SOFFICE ? describe : describe.skip;

withOffice("an indicator's breakdown by the kinds its label lists, in LibreOffice", () => {
  it("is the indicator's breakdown (.ods, marks before the text and in Stt)", async () => {
    const dir = mkdtempSync(join(tmpdir(), "breakdown-kind-lo-"));
    const filled = await writeFilledUnit(dir, { indicators: FIGURES, dateLine: "Bản Bo, ngày 05 tháng 6 năm 2021" });
    const line = (row: number, mark: string, text: string, total: number, achieved: number): LibreOfficeEdit[] => [
      ...(mark === "" ? [] : [{ op: "text", sheet: CHI_TIEU, cell: `A${row}`, text: mark } as const]),
      { op: "text", sheet: CHI_TIEU, cell: `B${row}`, text },
      { op: "enter", sheet: CHI_TIEU, cell: `D${row}`, input: String(total) },
      { op: "enter", sheet: CHI_TIEU, cell: `E${row}`, input: String(achieved) },
    ];
    const out = editWithLibreOffice(filled, join(dir, "kinds.ods"), "ods", [
      { op: "insertRows", sheet: CHI_TIEU, row: UNDER_43, count: 2 },
      ...line(UNDER_43, "", "a) Cơ quan, đơn vị", 8, 7),
      ...line(UNDER_43 + 1, "-", "Trường học", 4, 4),
    ]);
    const r = read(out);
    expect(figures(r)).toEqual(FIGURES);
    expect(sheetIssues(r)).toEqual([["breakdown-rows", `B${UNDER_43}`, null]]);
  }, 300_000);
});
