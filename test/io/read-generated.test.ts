/** Reading the template this tool generates (src/io/write), blank and then filled in at the cells the reader reports. */
import ExcelJS from "exceljs";
import { INDICATORS } from "../../src/domain/catalogue";
import { readUnitReport } from "../../src/domain/read";
import { evaluate } from "../../src/domain/rules";
import { TAM_DUONG_UNITS } from "../../src/domain/units";
import { readWorkbookFile } from "../../src/io/read";
import { writeUnitTemplate } from "../../src/io/write";

describe("the generated template", () => {
  const unit = TAM_DUONG_UNITS[0]!;

  it("reads back blank: unit from the identity, every indicator row found, nothing filled", async () => {
    const bytes = await writeUnitTemplate(unit, { created: "2021-05-01" });
    const report = readUnitReport(readWorkbookFile(bytes, "mau.xlsx"), "mau.xlsx");
    expect(report.unit).toMatchObject({ name: unit.name, source: "identity" });
    expect(Object.keys(report.indicators).sort()).toEqual(INDICATORS.map((i) => i.id).sort());
    expect(report.issues.map((i) => i.rule)).toEqual(["nothing-filled"]);
  });

  it("reads the figures typed at the cells the reader names", async () => {
    const bytes = await writeUnitTemplate(unit, { created: "2021-05-01" });
    const blank = readUnitReport(readWorkbookFile(bytes, "mau.xlsx"), "mau.xlsx");
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(Buffer.from(bytes) as never);
    INDICATORS.forEach((indicator, k) => {
      const entry = blank.indicators[indicator.id]!;
      const ws = wb.getWorksheet(entry.sheet)!;
      ws.getCell(entry.cells.total!).value = 100 + k;
      ws.getCell(entry.cells.achieved!).value = 90 + k;
    });
    const filled = new Uint8Array((await wb.xlsx.writeBuffer()) as ArrayBuffer);
    const report = readUnitReport(readWorkbookFile(filled, "mau.xlsx"), "mau.xlsx");
    expect(report.issues.filter((i) => i.severity === "error")).toEqual([]);
    INDICATORS.forEach((indicator, k) => {
      expect(report.indicators[indicator.id]).toMatchObject({ total: 100 + k, achieved: 90 + k });
    });
    expect(evaluate(report).find((x) => x.id === "1.1")!.ratio).toBeCloseTo(90, 9);
  });
});
