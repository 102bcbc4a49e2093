/**
 * Every unit of the default list gets a template that the reader reads back
 * clean: no errors before anything is filled in, the unit from the identity,
 * and, once filled, exactly the figures typed.
 */
import { INDICATORS } from "../../src/domain/catalogue";
import { buildUnitWorkbook } from "../../src/domain/sheets";
import { readUnitReport } from "../../src/domain/read";
import { defaultPlace, headerFormatOf, TAM_DUONG_UNITS } from "../../src/domain/units";
import { readWorkbookFast } from "../../src/io/read/lean";
import { writeWorkbookXlsx } from "../../src/io/write";
import { fillTemplate } from "../support/fill";

describe.each(TAM_DUONG_UNITS.map((u) => [u.name, u] as const))("template for %s", (_name, unit) => {
  let template: Uint8Array;
  beforeAll(async () => {
    template = await writeWorkbookXlsx(
      buildUnitWorkbook({
        unitName: unit.name,
        ...(unit.code !== undefined ? { unitCode: unit.code } : {}),
        ...(unit.superior !== undefined ? { superior: unit.superior } : {}),
        format: headerFormatOf(unit),
        place: defaultPlace(unit),
        level: unit.level,
        created: "2021-05-01",
      }),
    );
  });

  it("reads back blank with no errors, and the unit from its identity", () => {
    const report = readUnitReport(readWorkbookFast(template, "mau.xlsx"), "mau.xlsx");
    expect(report.issues.filter((i) => i.severity === "error")).toEqual([]);
    expect(report.issues.map((i) => i.rule)).toEqual(["nothing-filled"]);
    expect(report.unit).toMatchObject({ name: unit.name, source: "identity" });
    expect(report.documents).toEqual([]);
  });

  it("reads back filled with exactly the figures typed", async () => {
    const figures = Object.fromEntries(INDICATORS.map((i, k) => [i.id, [50 + k, 40 + k] as const]));
    const filled = await fillTemplate(template, { indicators: figures });
    const report = readUnitReport(readWorkbookFast(filled, "mau.xlsx"), "mau.xlsx");
    expect(report.issues.filter((i) => i.severity === "error")).toEqual([]);
    for (const [id, [total, achieved]] of Object.entries(figures)) {
      expect(report.indicators[id]).toMatchObject({ total, achieved });
    }
  });
});
