/** @jest-environment jsdom */
/**
 * The Kiểm tra tab on the real use cases: the Office.js adapter (against the
 * recording fake of the Excel API) reads the open workbook, the real reader
 * checks it, the issue list shows the error, and clicking it selects the cell
 * in the workbook.
 */
import { fireEvent, screen, waitFor, within } from "@testing-library/react";
import { createFileUseCases } from "../../src/app/files";
import { buildUnitWorkbook } from "../../src/domain/layout";
import { createWorkbookUseCases } from "../../src/excel/workbook-services";
import { CheckTab } from "../../src/taskpane/tabs/CheckTab";
import { FakeWorkbook } from "../excel/fake-excel";
import { loadLayout } from "../excel/layout-book";
import { indicatorRow } from "../support/fill";
import { EXCEL, renderWith } from "./fakes";

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
});
