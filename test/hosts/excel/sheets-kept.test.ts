/**
 * What a user made is never lost, and every request stays within Excel on the web's limits, on
 * Microsoft's client (office-client/): sheets a failed insert left, then filled in or put back by
 * the user, survive later writes; a large Unicode copy of a legacy-font sheet is written in
 * requests under 5 MB; the unit list is read in bounded blocks; Excel's refusals reach the user in
 * Vietnamese.
 */
import { encodeTcvn3 } from "../../../src/domain/legacy";
import { buildUnitWorkbook } from "../../../src/domain/sheets";
import { readUnitsGrid } from "../../../src/hosts/excel/units";
import { createWorkbookUseCases } from "../../../src/hosts/excel/workbook-services";
import { convertOpenWorkbook } from "../../../src/taskpane/tabs/check/convert/convert-sheets";
import { failOnce, OfficeHarness } from "./office-client";
import { summaryLayout } from "./summary-layout";

const TODAY = new Date(2026, 11, 3);
const UNIT = { unitName: "Đảng ủy xã Bản Bo", unitCode: "01", place: "Bản Bo", level: "co-so", created: "2021-05-02" } as const;

describe("the user's sheets are kept; requests stay within limits", () => {
  test("sheets a failed insert left, then filled in by the user, survive a later summary write", async () => {
    const h = new OfficeHarness({ fault: failOnce((a) => a.kind === "method" && a.name === "Activate") });
    h.book.addSheet("Sheet1");
    const services = createWorkbookUseCases({ apiVersion: 14, run: h.run, today: () => TODAY });
    // The insert fails at its very last step: every sheet is there and whole, the user sees an error.
    await expect(services.insertLayout(buildUnitWorkbook(UNIT), { renameExisting: false })).rejects.toBeDefined();
    // The sheets look complete; the user types the unit's figures into them over the next days.
    await h.run(async (context) => {
      context.workbook.worksheets.getItem("Chỉ tiêu").getRange("D10").values = [["120"]];
      await context.sync();
    });
    expect(h.book.sheet("Chỉ tiêu").cell(9, 3)?.value).toBe(120);
    // Later, an unrelated operation: "Ghi vào sổ làm việc" of a merge.
    await services.writeSummary(summaryLayout(3));
    // Expected: the user's filled-in "Chỉ tiêu" is still there (nothing but the summary's own sheets touched).
    expect(h.book.find("Chỉ tiêu")?.cell(9, 3)?.value).toBe(120);
  });

  test("after a failed insert the user puts things back by hand; the next insert keeps their sheet", async () => {
    const h = new OfficeHarness({ fault: failOnce((a) => a.kind === "method" && a.name === "Activate") });
    h.book.addSheet("Sheet1");
    h.book.addSheet("Chỉ tiêu").type(0, 0, "Số liệu của tôi");
    const services = createWorkbookUseCases({ apiVersion: 14, run: h.run, today: () => TODAY });
    const layout = buildUnitWorkbook(UNIT);
    await expect(services.insertLayout(layout, { renameExisting: true })).rejects.toBeDefined();
    // Recovery by hand: delete the new sheets, give the user's sheet its name back.
    await h.run(async (context) => {
      const ws = context.workbook.worksheets;
      for (const name of ["Văn bản", "Chỉ tiêu", "Mục tiêu"]) ws.getItem(name).delete();
      ws.getItem("Chỉ tiêu (cũ 03-12-2026)").name = "Chỉ tiêu";
      await context.sync();
    });
    expect(h.book.sheet("Chỉ tiêu").cell(0, 0)?.value).toBe("Số liệu của tôi");
    // Insert again: Excel should ask (a conflict) or keep the user's sheet under a "(cũ …)" name.
    await services.insertLayout(layout, { renameExisting: false }).catch(() => undefined);
    const kept = h.book.sheets.filter((s) => [...s.used()].some(([, , c]) => c.value === "Số liệu của tôi"));
    expect(kept).toHaveLength(1);
  });

  test("a Unicode copy of a large legacy-font sheet is written in requests under 5 MB", async () => {
    const h = new OfficeHarness();
    const sheet = h.book.addSheet("Danh sách");
    for (let r = 0; r < 50_000; r++) {
      sheet.type(r, 0, encodeTcvn3(`Đảng viên số ${r + 1} thuộc Chi bộ thôn Bản Bo`));
      sheet.type(r, 1, encodeTcvn3("Hoàn thành tốt nhiệm vụ"));
      sheet.type(r, 2, r + 1);
    }
    const services = createWorkbookUseCases({ apiVersion: 14, run: h.run, today: () => TODAY });
    // Reading the sheet is fine (bounded requests); the write of the copy is one request.
    const outcome = await convertOpenWorkbook(services).then(
      () => "ok",
      (e: Error) => e.message,
    );
    expect(Math.max(...h.responder.requestBytes)).toBeLessThan(5 * 1024 * 1024);
    expect(outcome).toBe("ok");
    expect(h.book.find("Danh sách (Unicode)")).toBeDefined();
  });

  test("the \"Đơn vị\" sheet is read in bounded blocks: a stray cell far down does not make it fail", async () => {
    const h = new OfficeHarness();
    const units = h.book.addSheet("Đơn vị");
    ["Tên đơn vị", "Mã", "Cấp", "Thư điện tử"].forEach((t, c) => units.type(0, c, t));
    units.type(1, 0, "Đảng ủy xã Bản Bo");
    units.type(2, 0, "Chi bộ Trường THCS Bình Lư");
    // A note someone typed far below and to the right (or a value left by a paste).
    units.type(80_000, 25, "ghi chú");
    const services = createWorkbookUseCases({ apiVersion: 14, run: h.run, today: () => TODAY });
    const result = await services.readUnits().then(
      (u) => ({ ok: true as const, names: u?.map((x) => x.name) }),
      (e: Error) => ({ ok: false as const, message: e.message }),
    );
    expect(result).toEqual({ ok: true, names: ["Đảng ủy xã Bản Bo", "Chi bộ Trường THCS Bình Lư"] });
    // Only the list's first 16 columns are read, near the top as far down.
    units.type(1, 30, "ghi chú bên phải");
    const grid = await h.run((context) => readUnitsGrid(context));
    expect(Math.max(...(grid?.rows ?? []).map((row) => (row ? row.length : 0)))).toBeLessThanOrEqual(16);
  });

  test("selecting an issue's cell on a hidden sheet: no English error reaches the user", async () => {
    const h = new OfficeHarness();
    h.book.addSheet("Sheet1");
    const hidden = h.book.addSheet("Chỉ tiêu");
    hidden.type(9, 3, 120);
    hidden.visibility = "Hidden";
    const services = createWorkbookUseCases({ apiVersion: 14, run: h.run, today: () => TODAY });
    const message = await services.selectCell({ sheet: "Chỉ tiêu", cell: "D10" }).then(
      () => "ok",
      (e: Error) => e.message,
    );
    // Expected: the cell shown (or a Vietnamese explanation that the sheet is hidden), not "Lỗi Excel: <English>".
    expect(message).not.toMatch(/^Lỗi Excel: /);
  });
});
