/**
 * What the adapter writes into a cell is what the .xlsx writers write
 * (io/write/safe-cell.ts): text cut to the 32,767 characters a cell holds,
 * without bidirectional overrides or the control characters a file cannot
 * carry. A unit's document summary read from a CSV or a web page can be
 * longer than a cell; Excel refuses such a write (office-client/responder.ts).
 */
import { cellAddress, type GridSheet } from "../../../src/domain/model/grid";
import { writeSummaryLayout } from "../../../src/hosts/excel/summary";
import { readOpenWorkbook } from "../../../src/hosts/excel/read-workbook";
import { readWorkbookFile } from "../../../src/io/read";
import { writeWorkbookXlsx } from "../../../src/io/write";
import { CELL_TEXT_LIMIT, OfficeHarness } from "./office-client";
import { summaryLayout } from "./summary-layout";

const TODAY = new Date(2026, 11, 3);

/** The text cells of a sheet, as "A1 <text>". */
function texts(sheet: GridSheet | undefined): string[] {
  const out: string[] = [];
  sheet?.rows.forEach((row, r) =>
    row?.forEach((cell, c) => {
      if (typeof cell?.v === "string" && cell.v !== "" && cell.f === undefined) out.push(`${cellAddress(r, c)} ${cell.v}`);
    }),
  );
  return out;
}

describe("cell text on Microsoft's client", () => {
  test("Excel refuses a text longer than a cell holds", async () => {
    const h = new OfficeHarness();
    h.book.addSheet("Sheet1");
    const context = h.context();
    context.workbook.worksheets.getItem("Sheet1").getRange("A1").values = [["x".repeat(CELL_TEXT_LIMIT + 1)]];
    await expect(context.sync()).rejects.toMatchObject({ code: "InvalidArgument" });
    context.workbook.worksheets.getItem("Sheet1").getRange("A1").values = [["x".repeat(CELL_TEXT_LIMIT)]];
    await context.sync();
    expect(h.book.sheet("Sheet1").cell(0, 0)?.value).toHaveLength(CELL_TEXT_LIMIT);
  });

  test("a summary with a document summary longer than a cell, and one with a right-to-left override, is written as its .xlsx file holds it", async () => {
    const long = `Kế hoạch ${"thực hiện Đề án 241 ".repeat(2_200)}`;
    expect(long.length).toBeGreaterThan(CELL_TEXT_LIMIT);
    const layout = summaryLayout(2, "2021-06-26", [long, "Nghị quyết \u202Ecủa Đảng ủy", "Ghi chú\u0007 cuối"]);
    const h = new OfficeHarness();
    h.book.addSheet("Sheet1");
    await h.run((context) => writeSummaryLayout(context, layout, { apiVersion: 14, today: TODAY }));
    expect(h.unsupported).toEqual([]);
    const live = await h.run((context) => readOpenWorkbook(context, { apiVersion: 14 }));
    const file = readWorkbookFile(await writeWorkbookXlsx(layout), "tong-hop.xlsx");
    const name = "Tổng hợp văn bản";
    const written = texts(live.sheets.find((s) => s.name === name));
    expect(written).toEqual(texts(file.sheets.find((s) => s.name === name)));
    expect(written.some((t) => t.endsWith(" Nghị quyết của Đảng ủy"))).toBe(true);
    expect(written.some((t) => t.endsWith(" Ghi chú cuối"))).toBe(true);
    const cut = written.find((t) => t.includes(" Kế hoạch thực hiện"))!;
    expect(cut.slice(cut.indexOf(" ") + 1)).toBe(long.slice(0, CELL_TEXT_LIMIT));
  });
});
