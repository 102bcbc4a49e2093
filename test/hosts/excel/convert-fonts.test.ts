/**
 * "Chuyển phông sang Unicode" for the open workbook on Microsoft's own Excel
 * client (office-js, answered by the in-memory workbook of office-client/):
 * the sheets typed in TCVN3/VNI get Unicode copies beside them, the text
 * written as text (Excel does not turn it into numbers, dates or formulas),
 * the user's sheets untouched, in few runs and requests within Excel's limit.
 */
import { encodeTcvn3, encodeVni } from "../../../src/domain/legacy";
import { createWorkbookUseCases } from "../../../src/hosts/excel/workbook-services";
import { convertOpenWorkbook } from "../../../src/taskpane/tabs/check/convert/convert-sheets";
import { OfficeHarness, REQUEST_LIMIT } from "./office-client";

const TODAY = new Date(Date.UTC(2026, 11, 3));

describe("converting the open workbook on Microsoft's client", () => {
  it("adds Unicode copies, text as text, and leaves the user's sheets as they were", async () => {
    const h = new OfficeHarness();
    const figures = h.book.addSheet("Chỉ tiêu");
    figures.type(0, 0, encodeTcvn3("Đảng ủy xã Bản Bo"));
    figures.type(1, 0, encodeTcvn3("Ban Tuyên giáo Huyện ủy"));
    figures.type(1, 1, 45);
    figures.type(2, 0, encodeTcvn3("Tháng 3/2018"));
    h.book.addSheet("Văn bản").type(4, 2, encodeVni("Số liệu đến ngày 20 tháng 6 năm 2021"));
    h.book.addSheet("Ghi chú").type(0, 0, "Tiếng Việt đã là Unicode");
    const before = JSON.stringify(h.book.sheets.map((s) => [s.name, [...s.used()]]));

    const services = createWorkbookUseCases({ apiVersion: 14, run: h.run, today: () => TODAY });
    const runs = h.runs.length;
    const result = await convertOpenWorkbook(services);

    expect(result.pairs).toEqual([
      { from: "Chỉ tiêu", to: "Chỉ tiêu (Unicode)", cells: 3 },
      { from: "Văn bản", to: "Văn bản (Unicode)", cells: 1 },
    ]);
    expect(result.cells).toEqual({ TCVN3: 3, VNI: 1 });
    expect(h.unsupported).toEqual([]);
    expect(h.maxRequestBytes).toBeLessThan(REQUEST_LIMIT);
    // Reading (names, used ranges) and one write.
    expect(h.runs.length - runs).toBeLessThanOrEqual(3);
    expect(h.book.sheets.map((s) => s.name)).toEqual(["Chỉ tiêu", "Văn bản", "Ghi chú", "Chỉ tiêu (Unicode)", "Văn bản (Unicode)"]);
    expect(JSON.stringify(h.book.sheets.slice(0, 3).map((s) => [s.name, [...s.used()]]))).toBe(before);

    const copy = h.book.sheet("Chỉ tiêu (Unicode)");
    expect(copy.cell(0, 0)).toMatchObject({ value: "Đảng ủy xã Bản Bo", numberFormat: "@" });
    expect(copy.cell(1, 0)).toMatchObject({ value: "Ban Tuyên giáo Huyện ủy", numberFormat: "@" });
    expect(copy.cell(1, 1)?.value).toBe(45);
    // Text that Excel would take for a date if typed: kept as the text.
    expect(copy.cell(2, 0)).toMatchObject({ value: "Tháng 3/2018", numberFormat: "@" });
    expect(h.book.sheet("Văn bản (Unicode)").cell(4, 2)).toMatchObject({ value: "Số liệu đến ngày 20 tháng 6 năm 2021", numberFormat: "@" });

    // Read back through the adapter: the copies hold the Unicode text.
    const grid = await services.readWorkbook(["Chỉ tiêu (Unicode)"]);
    expect(grid.sheets.map((s) => s.name)).toEqual(["Chỉ tiêu (Unicode)"]);
    expect(grid.sheets[0]!.rows.map((r) => r?.[0]?.v)).toEqual(["Đảng ủy xã Bản Bo", "Ban Tuyên giáo Huyện ủy", "Tháng 3/2018"]);

    // Run again: a second copy under a free name, the first kept.
    const again = await convertOpenWorkbook(services);
    expect(again.pairs.map((p) => p.to)).toEqual(["Chỉ tiêu (Unicode 2)", "Văn bản (Unicode 2)"]);
    expect(h.book.sheet("Chỉ tiêu (Unicode)").cell(0, 0)?.value).toBe("Đảng ủy xã Bản Bo");
  });

  it("writes nothing to a workbook without legacy text", async () => {
    const h = new OfficeHarness();
    h.book.addSheet("Chỉ tiêu").type(0, 0, "Ban Tuyên giáo");
    const services = createWorkbookUseCases({ apiVersion: 14, run: h.run, today: () => TODAY });
    const result = await convertOpenWorkbook(services);
    expect(result.pairs).toEqual([]);
    expect(h.book.sheets.map((s) => s.name)).toEqual(["Chỉ tiêu"]);
  });
});
