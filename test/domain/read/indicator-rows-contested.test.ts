/**
 * Two indicator rows that contend for one indicator: a unit words 4.4 "100% xã, thị trấn có nhà văn hóa" with its
 * commune's name, "- Xã Bản Bo có nhà văn hóa" (the name's "Bản" reads as 4.5's "bản"), and 4.5 "trên 80% bản có nhà
 * văn hóa" briefly, "- Bản có nhà VH". The first row agrees with 4.5 more than with 4.4, and took it: 4.4's figures were
 * read as 4.5's, 4.5's own row was a second copy of it (an error) and 4.4 was missing. The rows stand in the letter's
 * order between 4.3 and 4.6: the first is 4.4, the second 4.5. A true second copy of an indicator stays one. Rows
 * worded in the template filled in Excel, and in LibreOffice (saved as .ods, the mark in Stt).
 */
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import ExcelJS from "exceljs";
import { INDICATORS_TABLE } from "../../../src/domain/catalogue";
import { readUnitReport } from "../../../src/domain/read";
import { readWorkbook } from "../../../src/io/read";
import { indicatorRow, writeFilledUnit } from "../../support/fill";
import { editWithLibreOffice } from "../../support/libreoffice-edit";
import { SOFFICE } from "../../support/programs";

const CHI_TIEU = 1;
const FIGURES: Record<string, [number, number]> = { "1.1": [45, 45], "4.3": [12, 11], "4.4": [1, 1], "4.5": [20, 15], "4.6": [20, 12] };
/** One-based rows of 4.4 and 4.5. */
const ROW_44 = indicatorRow("4.4") + 1;
const ROW_45 = indicatorRow("4.5") + 1;

const read = (file: string) => readUnitReport(readWorkbook(new Uint8Array(readFileSync(file)), file), file);
const figures = (r: ReturnType<typeof read>) =>
  Object.fromEntries(Object.entries(r.indicators).filter(([, e]) => e.total !== null).map(([id, e]) => [id, [e.total, e.achieved]]));
const sheetIssues = (r: ReturnType<typeof read>) => r.issues.filter((i) => i.sheet === INDICATORS_TABLE.sheetName).map((i) => [i.rule, i.cell, i.indicator ?? null]);

/** The template filled, then in Excel: rows (one-based) given their Stt and text. */
async function wordedInExcel(dir: string, name: string, worded: Record<number, [stt: string | null, text: string]>): Promise<string> {
  const filled = await writeFilledUnit(dir, { indicators: FIGURES, dateLine: "Bản Bo, ngày 05 tháng 6 năm 2021" });
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(filled);
  const ws = wb.getWorksheet(INDICATORS_TABLE.sheetName)!;
  for (const [row, [stt, text]] of Object.entries(worded)) {
    ws.getCell(Number(row), 1).value = stt;
    ws.getCell(Number(row), 2).value = text;
  }
  const out = join(dir, name);
  writeFileSync(out, new Uint8Array(await wb.xlsx.writeBuffer()));
  return out;
}

describe("two indicator rows contending for one indicator, in Excel", () => {
  const dir = mkdtempSync(join(tmpdir(), "indicator-contested-"));

  it("reads each as the indicator the letter's order puts there", async () => {
    const r = read(
      await wordedInExcel(dir, "contested.xlsx", {
        [ROW_44]: [null, "- Xã Bản Bo có nhà văn hóa"],
        [ROW_45]: [null, "- Bản có nhà VH"],
      }),
    );
    expect(figures(r)).toEqual(FIGURES);
    expect(sheetIssues(r)).toEqual([
      ["label-changed", `B${ROW_44}`, "4.4"],
      ["label-changed", `B${ROW_45}`, "4.5"],
    ]);
  });

  it("leaves a second copy of an indicator one, its own row and the others read", async () => {
    const r = read(await wordedInExcel(dir, "copy.xlsx", { [ROW_45]: [null, "- Xã, thị trấn có nhà văn hóa"] }));
    expect(sheetIssues(r).filter(([rule]) => rule !== "label-changed")).toEqual([
      ["duplicate-indicator", `B${ROW_45}`, "4.4"],
      ["indicator-missing", null, "4.5"],
    ]);
  });
});

const withOffice = SOFFICE ? describe : describe.skip;

withOffice("two indicator rows contending for one indicator, in LibreOffice", () => {
  it("reads each as the indicator the letter's order puts there (.ods, marked in Stt)", async () => {
    const dir = mkdtempSync(join(tmpdir(), "indicator-contested-lo-"));
    const filled = await writeFilledUnit(dir, { indicators: FIGURES, dateLine: "Bản Bo, ngày 05 tháng 6 năm 2021" });
    const out = editWithLibreOffice(filled, join(dir, "contested.ods"), "ods", [
      { op: "text", sheet: CHI_TIEU, cell: `A${ROW_44}`, text: "-" },
      { op: "text", sheet: CHI_TIEU, cell: `B${ROW_44}`, text: "Xã Bản Bo có nhà văn hóa" },
      { op: "text", sheet: CHI_TIEU, cell: `A${ROW_45}`, text: "-" },
      { op: "text", sheet: CHI_TIEU, cell: `B${ROW_45}`, text: "Bản có nhà VH" },
    ]);
    const r = read(out);
    expect(figures(r)).toEqual(FIGURES);
    expect(sheetIssues(r)).toEqual([
      ["label-changed", `B${ROW_44}`, "4.4"],
      ["label-changed", `B${ROW_45}`, "4.5"],
    ]);
  }, 300_000);
});
