/**
 * Below ExcelApi 1.11 a batch Excel refuses because the user is editing a cell is run again
 * (runExcel). A write of several requests can be refused after its first were applied: the attempt
 * run again takes out the sheets the one before it added, so the workbook ends as one clean write
 * leaves it, and the user's own sheets are renamed once and reported once. On Microsoft's client.
 */
import { createWorkbookUseCases } from "../../../src/hosts/excel/workbook-services";
import { OfficeHarness, type Workbook } from "./office-client";
import type { ActionInfo } from "./office-client/responder";
import { summaryLayout } from "./summary-layout";

const TODAY = new Date(2026, 11, 3);

/** A harness where the user starts editing a cell as the first action `matches` accepts is applied, and leaves it 40 ms later. */
function editingPartWay(matches: (a: ActionInfo) => boolean): OfficeHarness {
  let armed = true;
  const h: OfficeHarness = new OfficeHarness({
    fault: (a) => {
      if (armed && matches(a)) {
        armed = false;
        h.responder.startCellEdit();
        setTimeout(() => h.responder.endCellEdit(), 40);
      }
      return undefined;
    },
  });
  return h;
}

function names(book: Workbook): string[] {
  return book.sheets.map((s) => s.name);
}

describe("a write refused part-way while the user edits a cell (ExcelApi 1.10)", () => {
  test("the summary run again takes out the sheets its first attempt added: no dated copies of them, the user's sheet renamed once", async () => {
    // The request after the one that writes into "Chi tiết đơn vị" is refused.
    const h = editingPartWay((a) => a.kind === "set" && a.name === "Values" && a.target.includes("Chi tiết đơn vị"));
    h.book.addSheet("Sheet1");
    h.book.addSheet("Tổng hợp chỉ tiêu").type(0, 0, "Bảng của tôi");
    const clean = new OfficeHarness();
    clean.book.addSheet("Sheet1");
    clean.book.addSheet("Tổng hợp chỉ tiêu").type(0, 0, "Bảng của tôi");

    const layout = summaryLayout(1000);
    const result = await createWorkbookUseCases({ apiVersion: 10, run: h.run, today: () => TODAY }).writeSummary(layout);
    const expected = await createWorkbookUseCases({ apiVersion: 10, run: clean.run, today: () => TODAY }).writeSummary(layout);

    // It was refused, then run again.
    expect(h.responder.cellEdit.refused).toBeGreaterThan(0);
    expect(h.runs.length).toBeGreaterThan(1);
    expect(names(h.book)).toEqual(names(clean.book));
    expect(result).toEqual(expected);
    expect(result.renamed).toEqual([{ name: "Tổng hợp chỉ tiêu", renameTo: "Tổng hợp chỉ ti (cũ 03-12-2026)" }]);
    expect(h.book.sheet("Tổng hợp chỉ ti (cũ 03-12-2026)").cell(0, 0)?.value).toBe("Bảng của tôi");
    // Every sheet written whole, as in the clean write.
    for (const sheet of clean.book.sheets) {
      expect([...h.book.sheet(sheet.name).used()].length).toBe([...sheet.used()].length);
    }
  });

  test("an insert run again does not stop on its own half-written sheets as if they were the user's", async () => {
    // Sheets large enough for several requests (as a Unicode copy of a long sheet); the one after the first is refused.
    const h = editingPartWay((a) => a.kind === "set" && a.name === "Values" && a.target.includes("Chi tiết đơn vị"));
    h.book.addSheet("Sheet1");
    const layout = summaryLayout(1000);
    const services = createWorkbookUseCases({ apiVersion: 10, run: h.run, today: () => TODAY });
    await expect(services.insertLayout(layout, { renameExisting: false })).resolves.toEqual({ skipped: expect.any(Array) });
    expect(h.responder.cellEdit.refused).toBeGreaterThan(0);
    expect(names(h.book).sort()).toEqual(["Sheet1", ...layout.sheets.map((s) => s.name)].sort());
  });
});
