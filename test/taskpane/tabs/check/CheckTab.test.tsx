/** @jest-environment jsdom */
import { act, fireEvent, screen, waitFor, within } from "@testing-library/react";
import type { CheckResult } from "../../../../src/app/usecases";
import { targetsOfWorkbook } from "../../../../src/domain/check";
import type { Issue } from "../../../../src/domain/model/issues";
import { evaluate } from "../../../../src/domain/rules/evaluate";
import { CheckTab } from "../../../../src/taskpane/tabs/check/CheckTab";
import { EXCEL, STANDALONE, fakeFiles, fakeWorkbook, renderWith, report } from "../../fakes";

const issue = (severity: Issue["severity"], sheet: string, cell: string, message: string, indicator?: string): Issue => ({
  ...(severity === "error"
    ? { rule: "achieved-exceeds-total" as const, params: { total: 1, achieved: 2 } }
    : { rule: "label-changed" as const, params: { found: "", official: "" } }),
  severity,
  sheet,
  cell,
  ...(indicator ? { indicator } : {}),
  message,
});

function result(): CheckResult {
  const r = report("so.xlsx", "Đảng ủy xã Hồ Thầu", "2021-06-20", {
    indicators: {
      "1.1": { total: 24, achieved: 24, typedRatio: null, sheet: "Chỉ tiêu", row: 10, cells: { total: "D10", achieved: "E10", ratio: "F10" }, label: "" },
      "4.1": { total: 950, achieved: 1020, typedRatio: null, sheet: "Chỉ tiêu", row: 19, cells: { total: "D19", achieved: "E19", ratio: "F19" }, label: "" },
    },
    issues: [
      issue("warning", "Chỉ tiêu", "B12", "Chỉ tiêu 1.3: nội dung đã bị sửa.", "1.3"),
      issue("error", "Chỉ tiêu", "E19", "Chỉ tiêu 4.1: số đã đạt (1.020) lớn hơn tổng số (950).", "4.1"),
      issue("error", "Văn bản", "C9", "Văn bản ở dòng 9 chưa ghi ngày, tháng ban hành."),
    ],
  });
  return { report: r, results: evaluate(r), targets: targetsOfWorkbook({ sheets: [] }) };
}

describe("Kiểm tra tab", () => {
  it("inside Excel checks the open workbook, groups issues by sheet with counts, selects a cell, colours and clears error cells", async () => {
    const files = fakeFiles();
    const workbook = fakeWorkbook();
    const grid = { sheets: [] };
    workbook.readWorkbook.mockResolvedValue(grid);
    files.checkGrid.mockResolvedValue(result());
    renderWith(<CheckTab />, EXCEL, { files, workbook });

    expect(screen.getByTestId("empty")).toBeTruthy();
    fireEvent.click(screen.getByRole("button", { name: "Kiểm tra sổ làm việc đang mở" }));
    const issues = await screen.findByTestId("issues");
    expect(files.checkGrid).toHaveBeenCalledWith(grid, "Sổ làm việc đang mở");

    const sheets = within(issues).getAllByRole("region");
    expect(sheets.map((s) => s.getAttribute("aria-label"))).toEqual(["Trang tính Chỉ tiêu", "Trang tính Văn bản"]);
    const first = within(sheets[0]!);
    expect(first.getByText("1 lỗi")).toBeTruthy();
    expect(first.getByText("1 cảnh báo")).toBeTruthy();
    // In the order of their cells within a sheet (row, then column): B12's warning before E19's error.
    expect([...sheets[0]!.querySelectorAll("li")].map((li) => li.getAttribute("data-severity"))).toEqual(["warning", "error"]);
    expect(within(sheets[1]!).getByText("0 cảnh báo")).toBeTruthy();

    fireEvent.click(screen.getByRole("button", { name: "Chọn ô E19 trên trang tính Chỉ tiêu" }));
    await waitFor(() => expect(workbook.selectCell).toHaveBeenCalledWith({ sheet: "Chỉ tiêu", cell: "E19" }));

    fireEvent.click(screen.getByRole("button", { name: "Tô màu ô lỗi" }));
    await waitFor(() => expect(workbook.highlight).toHaveBeenCalledTimes(1));
    expect(workbook.highlight.mock.calls[0]![0]).toEqual([
      { sheet: "Chỉ tiêu", cell: "E19" },
      { sheet: "Văn bản", cell: "C9" },
    ]);
    fireEvent.click(screen.getByRole("button", { name: "Bỏ tô màu" }));
    await waitFor(() => expect(workbook.clearHighlight).toHaveBeenCalledTimes(1));

    // The Đạt/Chưa đạt table: 4.1 has an error, so it cannot be judged; 1.1 is met.
    const table = screen.getByTestId("results-table");
    const row41 = table.querySelector('[data-indicator="4.1"]')!;
    expect(row41.textContent).toContain("Chưa đủ số liệu");
    const row11 = table.querySelector('[data-indicator="1.1"]')!;
    expect(row11.textContent).toContain("Đạt");
    expect(row11.textContent).toContain("100%");
  });

  it("the marks can still be taken off once the errors are corrected (the workbook keeps them until then)", async () => {
    const files = fakeFiles();
    const workbook = fakeWorkbook();
    workbook.readWorkbook.mockResolvedValue({ sheets: [] });
    files.checkGrid.mockResolvedValue(result());
    renderWith(<CheckTab />, EXCEL, { files, workbook });
    fireEvent.click(screen.getByRole("button", { name: "Kiểm tra sổ làm việc đang mở" }));
    fireEvent.click(await screen.findByRole("button", { name: "Tô màu ô lỗi" }));
    await waitFor(() => expect(workbook.highlight).toHaveBeenCalledTimes(1));

    // The user corrects the cells and checks again: no error left (a warning), the marked cells still shaded.
    const corrected = result();
    files.checkGrid.mockResolvedValue({ ...corrected, report: { ...corrected.report, issues: corrected.report.issues.filter((i) => i.severity !== "error") } });
    fireEvent.click(screen.getByRole("button", { name: "Kiểm tra sổ làm việc đang mở" }));
    await screen.findByText("Không có lỗi; có cảnh báo nên xem lại.");
    expect(screen.queryByRole("button", { name: "Tô màu ô lỗi" })).toBeNull();
    fireEvent.click(screen.getByRole("button", { name: "Bỏ tô màu" }));
    await waitFor(() => expect(workbook.clearHighlight).toHaveBeenCalledTimes(1));
  });

  it("a check that finds nothing says so, also where the webview has no ResizeObserver (EdgeHTML 18, as jsdom here)", async () => {
    expect((globalThis as { ResizeObserver?: unknown }).ResizeObserver).toBeUndefined();
    const files = fakeFiles();
    const workbook = fakeWorkbook();
    workbook.readWorkbook.mockResolvedValue({ sheets: [] });
    const clean = report("so.xlsx", "Đảng ủy xã Hồ Thầu", "2021-06-20");
    files.checkGrid.mockResolvedValue({ report: clean, results: evaluate(clean), targets: targetsOfWorkbook({ sheets: [] }) });
    renderWith(<CheckTab />, EXCEL, { files, workbook });
    fireEvent.click(screen.getByRole("button", { name: "Kiểm tra sổ làm việc đang mở" }));
    expect(await screen.findByText("Không có lỗi hay cảnh báo nào.")).toBeTruthy();
  });

  it("re-checks the open workbook about a second after it changes while the switch is on", async () => {
    jest.useFakeTimers();
    try {
      const files = fakeFiles();
      const workbook = fakeWorkbook();
      let changed: (() => void) | undefined;
      const off = jest.fn(async () => undefined);
      workbook.onChanged.mockImplementation(async (callback: () => void) => {
        changed = callback;
        return off;
      });
      files.checkGrid.mockResolvedValue(result());
      renderWith(<CheckTab />, EXCEL, { files, workbook });
      await act(async () => {
        fireEvent.click(screen.getByRole("switch"));
      });
      expect(workbook.onChanged).toHaveBeenCalledTimes(1);
      act(() => {
        changed!();
        changed!();
      });
      await act(async () => {
        jest.advanceTimersByTime(500);
      });
      expect(workbook.readWorkbook).not.toHaveBeenCalled();
      await act(async () => {
        jest.advanceTimersByTime(600);
      });
      expect(workbook.readWorkbook).toHaveBeenCalledTimes(1);
      await act(async () => {
        fireEvent.click(screen.getByRole("switch"));
      });
      expect(off).toHaveBeenCalledTimes(1);
    } finally {
      jest.useRealTimers();
    }
  });

  it("where this Excel does not tell of changes, says so on screen and to a screen reader, in a polite live region there from the start", async () => {
    const workbook = fakeWorkbook();
    workbook.onChanged.mockResolvedValue(null);
    renderWith(<CheckTab />, EXCEL, { files: fakeFiles(), workbook });
    const live = screen.getByTestId("check-notice-live");
    expect(live.getAttribute("aria-live")).toBe("polite");
    expect(live.getAttribute("role")).toBe("status");
    expect(live.textContent).toBe("");
    await act(async () => {
      fireEvent.click(screen.getByRole("switch"));
    });
    const notice = await screen.findByTestId("check-notice");
    expect(notice.textContent).toBe("Phiên bản Excel này không báo khi sổ làm việc thay đổi; hãy bấm “Kiểm tra sổ làm việc đang mở” sau khi sửa.");
    expect(screen.getByTestId("check-notice-live")).toBe(live);
    expect(live.textContent).toBe(notice.textContent);
    // The switch went back off.
    expect((screen.getByRole("switch") as HTMLInputElement).checked).toBe(false);
  });

  it("standalone: a file that cannot be read is reported with its name and reason", async () => {
    const files = fakeFiles();
    files.checkFile.mockRejectedValue(new Error("Không đọc được tệp hong.xlsx: tệp bị hỏng hoặc không đúng định dạng (zip)."));
    renderWith(<CheckTab />, STANDALONE, { files });
    expect(screen.queryByRole("button", { name: "Kiểm tra sổ làm việc đang mở" })).toBeNull();
    const input = screen.getByLabelText("Chọn tệp để kiểm tra…") as HTMLInputElement;
    const file = new File([new Uint8Array([1, 2, 3])], "hong.xlsx");
    fireEvent.change(input, { target: { files: [file] } });
    const bar = await screen.findByTestId("error-bar");
    // The reason names the file; the title does not name it again.
    expect(bar.textContent).toBe("Không kiểm tra được tệpKhông đọc được tệp hong.xlsx: tệp bị hỏng hoặc không đúng định dạng (zip).Đóng");
    expect(bar.textContent!.split("hong.xlsx")).toHaveLength(2);
    expect(files.checkFile.mock.calls[0]![0].name).toBe("hong.xlsx");
    // A reason that does not name the file: the title names it.
    files.checkFile.mockRejectedValue(new Error("Trình đọc tệp trả lời không đúng (summarised)."));
    fireEvent.change(input, { target: { files: [new File([new Uint8Array([1])], "khac.xlsx")] } });
    await waitFor(() => expect(screen.getByTestId("error-bar").textContent).toContain("Không kiểm tra được tệp khac.xlsx"));
    expect(screen.getByTestId("error-bar").textContent!.split("khac.xlsx")).toHaveLength(2);
    // Standalone issues are not buttons: there is no workbook to select in.
    expect(screen.queryByRole("button", { name: /Chọn ô/ })).toBeNull();
  });
});
