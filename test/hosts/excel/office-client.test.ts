/**
 * The Excel adapter on Microsoft's own Excel client (office-js), answered by
 * an in-memory workbook that refuses what Excel refuses (office-client/).
 */
import { buildUnitWorkbook } from "../../../src/domain/sheets";
import { IDENTITY_SHEET } from "../../../src/domain/model/identity";
import { insertLayout } from "../../../src/hosts/excel/render-layout";
import { readOpenWorkbook } from "../../../src/hosts/excel/read-workbook";
import { OfficeHarness } from "./office-client";

const UNIT = { unitName: "Đảng ủy xã Bản Bo", unitCode: "01", place: "Bản Bo", level: "co-so", created: "2021-05-02" } as const;

describe("the harness", () => {
  test("answers Microsoft's client: sheets added, loaded and renamed; errors at sync with the code", async () => {
    const h = new OfficeHarness();
    h.book.addSheet("Sheet1");
    const context = h.context();
    const added = context.workbook.worksheets.add("Chỉ tiêu");
    added.getRange("A1:B1").values = [["1.1", "x"]];
    await context.sync();
    const sheets = context.workbook.worksheets;
    sheets.load("items/name");
    await context.sync();
    expect(sheets.items.map((s) => s.name)).toEqual(["Sheet1", "Chỉ tiêu"]);
    expect(h.book.sheet("Chỉ tiêu").cell(0, 0)?.value).toBe(1.1);
    context.workbook.worksheets.add("chỉ TIÊU");
    await expect(context.sync()).rejects.toMatchObject({ code: "ItemAlreadyExists" });
    expect(h.unsupported).toEqual([]);
  });
});

describe("insert and read", () => {
  test("inserts the unit's sheets and reads them back", async () => {
    const h = new OfficeHarness();
    h.book.addSheet("Sheet1");
    const layout = buildUnitWorkbook(UNIT);
    await h.run((context) => insertLayout(context, layout, { apiVersion: 14 }));
    expect(h.unsupported).toEqual([]);
    const grid = await h.run((context) => readOpenWorkbook(context, { apiVersion: 14 }));
    expect(grid.sheets.map((s) => s.name)).toEqual(["Sheet1", ...layout.sheets.map((s) => s.name)]);
    expect(grid.sheets.find((s) => s.name === IDENTITY_SHEET)?.visibility).toBe("veryHidden");
  });
});

