/** @jest-environment jsdom */
/**
 * The Kiểm tra tab on the real use cases: the Office.js adapter (against the
 * recording fake of the Excel API) reads the open workbook, the real reader
 * checks it, the issue list shows the error, and clicking it selects the cell
 * in the workbook; the targets of the workbook's "Mục tiêu" sheet are the
 * ones judged by, and a target that cannot be read selects its cell too.
 */
import { fireEvent, screen, waitFor, within } from "@testing-library/react";
import { createFileUseCases } from "../../../../src/hosts/browser/file-use-cases";
import { buildUnitWorkbook, targetsSheetRows } from "../../../../src/domain/sheets";
import { createWorkbookUseCases } from "../../../../src/hosts/excel/workbook-services";
import { CheckTab } from "../../../../src/taskpane/tabs/check/CheckTab";
import { FakeWorkbook } from "../../../hosts/excel/fake-excel";
import { loadLayout } from "../../../hosts/excel/layout-book";
import { indicatorRow } from "../../../support/fill";
import { EXCEL, fillJsdomGaps, renderWith } from "../../fakes";

fillJsdomGaps();

describe("Kiểm tra tab on the Office.js adapter", () => {
  it("checks the open workbook, lists the error at its cell, and selects that cell when clicked", async () => {
    const book = new FakeWorkbook([]);
    loadLayout(book, buildUnitWorkbook({ unitName: "Đảng ủy xã Giang Ma", place: "Giang Ma", level: "co-so", created: "2021-05-01" }));
    const sheet = book.sheet("Chỉ tiêu");
    const row = indicatorRow("1.2") + 1;
    sheet.put(`D${row}`, { value: 100 });
    sheet.put(`E${row}`, { value: 120 });
    const ok = indicatorRow("1.1") + 1;
    sheet.put(`D${ok}`, { value: 40 });
    sheet.put(`E${ok}`, { value: 40 });

    const workbook = createWorkbookUseCases({ apiVersion: 14, run: book.run });
    const files = createFileUseCases({ makeWorker: null });
    renderWith(<CheckTab />, EXCEL, { files, workbook });

    fireEvent.click(screen.getByRole("button", { name: "Kiểm tra sổ làm việc đang mở" }));
    const issues = await screen.findByTestId("issues");
    const chiTieu = within(issues).getByRole("region", { name: "Trang tính Chỉ tiêu" });
    expect(within(chiTieu).getByText("1 lỗi")).toBeTruthy();
    expect(chiTieu.textContent).toContain("1.2");

    const cell = `E${row}`;
    fireEvent.click(within(chiTieu).getByRole("button", { name: `Chọn ô ${cell} trên trang tính Chỉ tiêu` }));
    await waitFor(() => expect(book.selected).toEqual({ sheet: "Chỉ tiêu", address: cell }));
    expect(book.active).toBe("Chỉ tiêu");
  });

  it("judges by the open workbook's “Mục tiêu” sheet, says so, and a target that cannot be read is a warning that selects its cell", async () => {
    const book = new FakeWorkbook([]);
    loadLayout(book, buildUnitWorkbook({ unitName: "Đảng ủy xã Giang Ma", place: "Giang Ma", level: "co-so", created: "2021-05-01" }));
    const figures = book.sheet("Chỉ tiêu");
    const r11 = indicatorRow("1.1") + 1;
    figures.put(`D${r11}`, { value: 100 });
    figures.put(`E${r11}`, { value: 85 });
    const workbook = createWorkbookUseCases({ apiVersion: 14, run: book.run });
    const files = createFileUseCases({ makeWorker: null });
    renderWith(<CheckTab />, EXCEL, { files, workbook });

    // As generated, the sheet repeats Đề án 241's targets: 85% of 1.1 is short of 100%.
    fireEvent.click(screen.getByRole("button", { name: "Kiểm tra sổ làm việc đang mở" }));
    await screen.findByTestId("targets-used");
    expect(screen.getByTestId("targets-used").textContent).toMatch(/^Mục tiêu đánh giá: theo Đề án 241/);
    const result = (id: string) => screen.getByTestId("results-table").querySelector(`[data-indicator="${id}"]`)!.lastElementChild!.textContent;
    expect(result("1.1")).toBe("Chưa đạt");

    // The unit lowers 1.1 to 80% and types a target for 4.2 that cannot be read.
    const targets = book.sheet("Mục tiêu");
    const rows = targetsSheetRows();
    targets.put(`E${rows.get("1.1")! + 1}`, { value: 0.8 });
    const bad = `E${rows.get("4.2")! + 1}`;
    targets.put(bad, { value: "hầu hết", numberFormat: "@" });
    fireEvent.click(screen.getByRole("button", { name: "Kiểm tra sổ làm việc đang mở" }));
    await waitFor(() => expect(screen.getByTestId("targets-used").textContent).toContain("1.1: 80% (Đề án 241: 100%)"));
    expect(result("1.1")).toBe("Đạt");

    const issues = screen.getByTestId("issues");
    const sheet = within(issues).getByRole("region", { name: "Trang tính Mục tiêu" });
    expect(sheet.textContent).toContain("Chỉ tiêu 4.2");
    fireEvent.click(within(sheet).getByRole("button", { name: `Chọn ô ${bad} trên trang tính Mục tiêu` }));
    await waitFor(() => expect(book.selected).toEqual({ sheet: "Mục tiêu", address: bad }));
  });
});
