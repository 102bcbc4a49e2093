/**
 * An indicator broken down by village under its own row, each line repeating the indicator's words with the
 * village's name ("- Bản văn hóa Nà Tăm" under 4.2 "80% thôn, bản đạt tiêu chuẩn văn hóa"): the words match the
 * indicator, yet the lines are its breakdown, never summed and no warning. Each was an unknown row, and when the
 * indicator's own row was worded loosely a second copy of it (an error), its figures then taken from a village's line.
 * Rows inserted into the template filled in Excel, and in LibreOffice (saved as .ods). A unit that marks each of its
 * indicators "-", wording them without a name, still has them read as the indicators they are.
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
const FIGURES: Record<string, [number, number]> = { "1.1": [45, 45], "1.2": [1219, 1183], "3.1": [2100, 2000], "4.2": [20, 17], "4.4": [1, 1], "4.5": [20, 15] };
/** One-based: 4.2's own row, and the first row under it. */
const ROW_42 = indicatorRow("4.2") + 1;
const UNDER_42 = ROW_42 + 1;

const read = (file: string) => readUnitReport(readWorkbook(new Uint8Array(readFileSync(file)), file), file);
const figures = (r: ReturnType<typeof read>) =>
  Object.fromEntries(Object.entries(r.indicators).filter(([, e]) => e.total !== null).map(([id, e]) => [id, [e.total, e.achieved]]));
const sheetIssues = (r: ReturnType<typeof read>) => r.issues.filter((i) => i.sheet === INDICATORS_TABLE.sheetName).map((i) => [i.rule, i.cell, i.indicator ?? null]);

type Line = [stt: string | null, text: string, total: number, achieved: number];

/** The template filled, then in Excel: 4.2's own row worded `own` (or left), its figures kept or cleared, and `lines` inserted under it. */
async function insertedInExcel(dir: string, name: string, lines: Line[], own?: { text?: string; blank?: boolean }): Promise<string> {
  const filled = await writeFilledUnit(dir, { indicators: FIGURES, dateLine: "Bản Bo, ngày 05 tháng 6 năm 2021" });
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(filled);
  const ws = wb.getWorksheet(INDICATORS_TABLE.sheetName)!;
  if (own?.text !== undefined) ws.getCell(ROW_42, 2).value = own.text;
  if (own?.blank) for (const c of [4, 5]) ws.getCell(ROW_42, c).value = null;
  ws.spliceRows(UNDER_42, 0, ...lines.map(([stt, text, total, achieved]) => [stt, text, null, total, achieved]));
  const out = join(dir, name);
  writeFileSync(out, new Uint8Array(await wb.xlsx.writeBuffer()));
  return out;
}

const VILLAGES: Line[] = [
  [null, "- Bản văn hóa Nà Tăm", 10, 8],
  [null, "- Bản văn hóa Bản Bo", 6, 5],
  [null, "- Ban van hoa Na Ngay 2", 4, 4],
];

describe("an indicator's breakdown whose lines repeat its words with a village's name, in Excel", () => {
  const dir = mkdtempSync(join(tmpdir(), "breakdown-named-"));

  it("is the indicator's breakdown, under its own row as the template words it", async () => {
    const r = read(await insertedInExcel(dir, "plain.xlsx", VILLAGES));
    expect(figures(r)).toEqual(FIGURES);
    // Said once, as information: the rows were read as 4.2's breakdown and not summed.
    expect(sheetIssues(r)).toEqual([["breakdown-rows", `B${UNDER_42}`, null]]);
    expect(r.issues.find((i) => i.rule === "breakdown-rows")!.message).toContain(
      `3 dòng được coi là chi tiết của chỉ tiêu 4.2 (theo thôn, bản, chi bộ, cơ quan…), không cộng vào tổng: B${UNDER_42} "Bản văn hóa Nà Tăm", B${UNDER_42 + 1} "Bản văn hóa Bản Bo", B${UNDER_42 + 2} "Ban van hoa Na Ngay 2".`,
    );
  });

  it("is the indicator's breakdown, marked in Stt, the indicator's words whole", async () => {
    const r = read(
      await insertedInExcel(dir, "stt.xlsx", [
        ["+", "Thôn, bản Nà Tăm đạt tiêu chuẩn văn hóa", 10, 8],
        ["a)", "Tổ 3 đạt tiêu chuẩn văn hóa", 10, 9],
      ]),
    );
    expect(figures(r)).toEqual(FIGURES);
    expect(sheetIssues(r)).toEqual([["breakdown-rows", `B${UNDER_42}`, null]]);
  });

  it("is no second copy of an indicator whose own row is worded loosely, and leaves its figures its own row's", async () => {
    for (const [name, text] of [["loose.xlsx", "Thôn, bản văn hóa"], ["short.xlsx", "Thôn bản VH"]]) {
      const r = read(await insertedInExcel(dir, name!, VILLAGES, { text }));
      expect(figures(r)).toEqual(FIGURES);
      expect(sheetIssues(r)).toEqual([
        ["label-changed", `B${ROW_42}`, "4.2"],
        ["breakdown-rows", `B${UNDER_42}`, null],
      ]);
    }
  });

  it("says once that the indicator's figures are only in its breakdown", async () => {
    const r = read(await insertedInExcel(dir, "blank.xlsx", VILLAGES, { blank: true }));
    const { "4.2": _, ...others } = FIGURES;
    expect(figures(r)).toEqual(others);
    expect(sheetIssues(r)).toEqual([["breakdown-only", `B${ROW_42}`, "4.2"]]);
  });

  it("reads a unit's indicators each marked \"-\" and named without a place as those indicators", async () => {
    const filled = await writeFilledUnit(dir, { indicators: FIGURES });
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(filled);
    const ws = wb.getWorksheet(INDICATORS_TABLE.sheetName)!;
    const worded: Record<string, string> = {
      "4.1": "- Hộ gia đình đạt tiêu chuẩn văn hóa",
      "4.2": "- Thôn, bản văn hóa",
      "4.3": "- Cơ quan, đơn vị, trường học đạt chuẩn văn hóa",
      "4.4": "- Xã, thị trấn có nhà văn hóa",
      "4.5": "- Thôn, bản có nhà VH",
      "4.6": "- Bản có đội văn nghệ",
    };
    for (const [id, text] of Object.entries(worded)) {
      ws.getCell(indicatorRow(id) + 1, 1).value = null;
      ws.getCell(indicatorRow(id) + 1, 2).value = text;
    }
    const out = join(dir, "marked.xlsx");
    writeFileSync(out, new Uint8Array(await wb.xlsx.writeBuffer()));
    const r = read(out);
    expect(figures(r)).toEqual(FIGURES);
    expect(sheetIssues(r).filter(([rule]) => rule !== "label-changed")).toEqual([]);
    expect(sheetIssues(r).map(([, , id]) => id)).toEqual(Object.keys(worded));
  });
});

const withOffice = SOFFICE ? describe : describe.skip;

withOffice("an indicator's breakdown whose lines repeat its words with a village's name, in LibreOffice", () => {
  it("is the indicator's breakdown (.ods, marks in Stt, the indicator's own row worded loosely)", async () => {
    const dir = mkdtempSync(join(tmpdir(), "breakdown-named-lo-"));
    const filled = await writeFilledUnit(dir, { indicators: FIGURES, dateLine: "Bản Bo, ngày 05 tháng 6 năm 2021" });
    const line = (row: number, mark: string, text: string, total: number, achieved: number): LibreOfficeEdit[] => [
      { op: "text", sheet: CHI_TIEU, cell: `A${row}`, text: mark },
      { op: "text", sheet: CHI_TIEU, cell: `B${row}`, text },
      { op: "enter", sheet: CHI_TIEU, cell: `D${row}`, input: String(total) },
      { op: "enter", sheet: CHI_TIEU, cell: `E${row}`, input: String(achieved) },
    ];
    const out = editWithLibreOffice(filled, join(dir, "breakdown.ods"), "ods", [
      { op: "text", sheet: CHI_TIEU, cell: `B${ROW_42}`, text: "Thôn, bản văn hóa" },
      { op: "insertRows", sheet: CHI_TIEU, row: UNDER_42, count: 2 },
      ...line(UNDER_42, "-", "Bản văn hóa Nà Tăm", 10, 8),
      ...line(UNDER_42 + 1, "-", "Bản văn hóa Bản Bo", 10, 9),
    ]);
    const r = read(out);
    expect(figures(r)).toEqual(FIGURES);
    expect(sheetIssues(r)).toEqual([
      ["label-changed", `B${ROW_42}`, "4.2"],
      ["breakdown-rows", `B${UNDER_42}`, null],
    ]);
  }, 300_000);
});
