/** @jest-environment jsdom */
import { act, fireEvent, screen, waitFor, within } from "@testing-library/react";
import type { Progress } from "../../../../src/app/usecases";
import { TAM_DUONG_UNITS, type Unit } from "../../../../src/domain/units";
import { LayoutConflictError } from "../../../../src/hosts/excel/render-layout";
import { GenerateTab } from "../../../../src/taskpane/tabs/generate/GenerateTab";
import { EXCEL, STANDALONE, captureDownloads, fakeFiles, fakeWorkbook, renderWith } from "../../fakes";

afterEach(() => jest.restoreAllMocks());

describe("Tạo biểu mẫu tab", () => {
  it("asks before keeping existing sheets under new names, then inserts with renameExisting and shows what was skipped", async () => {
    const files = fakeFiles();
    const workbook = fakeWorkbook();
    workbook.insertLayout
      .mockRejectedValueOnce(new LayoutConflictError([{ name: "Chỉ tiêu", renameTo: "Chỉ tiêu (cũ 28-11-2026)" }]))
      .mockResolvedValueOnce({ skipped: ["Phiên bản Excel này chưa hỗ trợ thiết lập trang in (ExcelApi 1.9)."] });
    renderWith(<GenerateTab />, EXCEL, { files, workbook });
    // A polite live region is there from the start, empty.
    expect(screen.getByTestId("skipped-live").textContent).toBe("");

    fireEvent.click(screen.getByRole("button", { name: "Chèn vào sổ làm việc" }));
    const dialog = await screen.findByRole("dialog");
    expect(dialog.textContent).toContain("“Chỉ tiêu” → “Chỉ tiêu (cũ 28-11-2026)”");
    expect(workbook.insertLayout).toHaveBeenCalledTimes(1);
    expect(workbook.insertLayout.mock.calls[0]![1]).toEqual({ renameExisting: false });
    // The first layout was built for the default unit and place.
    expect(files.unitLayout.mock.calls[0]![0]).toMatchObject({ unitName: "Đảng ủy xã Bản Bo", place: "Bản Bo", superior: "ĐẢNG BỘ HUYỆN TAM ĐƯỜNG" });

    fireEvent.click(within(dialog).getByRole("button", { name: "Giữ trang cũ và chèn" }));
    await waitFor(() => expect(workbook.insertLayout).toHaveBeenCalledTimes(2));
    expect(workbook.insertLayout.mock.calls[1]![1]).toEqual({ renameExisting: true });
    expect((await screen.findByTestId("skipped")).textContent).toContain("ExcelApi 1.9");
    expect(screen.getByTestId("skipped-live").textContent).toBe("Chưa áp dụng được: Phiên bản Excel này chưa hỗ trợ thiết lập trang in (ExcelApi 1.9).");
    expect(screen.getByTestId("done").textContent).toContain("Đã chèn");
    await waitFor(() => expect(screen.queryByRole("dialog")).toBeNull());
  });

  it("cancelling the dialog inserts nothing", async () => {
    const files = fakeFiles();
    const workbook = fakeWorkbook();
    workbook.insertLayout.mockRejectedValueOnce(new LayoutConflictError([{ name: "Văn bản", renameTo: "Văn bản (cũ 28-11-2026)" }]));
    renderWith(<GenerateTab />, EXCEL, { files, workbook });
    fireEvent.click(screen.getByRole("button", { name: "Chèn vào sổ làm việc" }));
    const dialog = await screen.findByRole("dialog");
    fireEvent.click(within(dialog).getByRole("button", { name: "Hủy" }));
    await waitFor(() => expect(screen.queryByRole("dialog")).toBeNull());
    expect(workbook.insertLayout).toHaveBeenCalledTimes(1);
    expect(screen.queryByTestId("done")).toBeNull();
  });

  it("shows any other failure in a message bar with its reason", async () => {
    const files = fakeFiles();
    const workbook = fakeWorkbook();
    workbook.insertLayout.mockRejectedValueOnce(new Error("Sổ làm việc đang được bảo vệ."));
    renderWith(<GenerateTab />, EXCEL, { files, workbook });
    fireEvent.click(screen.getByRole("button", { name: "Chèn vào sổ làm việc" }));
    const bar = await screen.findByTestId("error-bar");
    expect(bar.textContent).toContain("Không chèn được biểu mẫu");
    expect(bar.textContent).toContain("Sổ làm việc đang được bảo vệ.");
  });

  it("uses the units of the workbook's “Đơn vị” sheet for the .zip inside Excel", async () => {
    const files = fakeFiles();
    const workbook = fakeWorkbook();
    const units = [
      { name: "Chi bộ Trường THPT Tam Đường", level: "co-so" as const },
      { name: "Đảng ủy xã Bản Bo", level: "co-so" as const },
    ];
    workbook.readUnits.mockResolvedValue(units);
    const downloads = captureDownloads();
    renderWith(<GenerateTab />, EXCEL, { files, workbook });
    expect(await screen.findByText(/trang tính “Đơn vị” của sổ làm việc \(2 đơn vị\)/)).toBeTruthy();
    await act(async () => {
      fireEvent.click(screen.getByRole("button", { name: "Tải biểu mẫu cho các đơn vị (.zip)" }));
    });
    await waitFor(() => expect(files.unitTemplatesZip).toHaveBeenCalledTimes(1));
    expect(files.unitTemplatesZip.mock.calls[0]![0]).toEqual(units);
    expect((await screen.findByTestId("done")).textContent).toContain("2 biểu mẫu");
    expect(downloads).toEqual(["Bieu-mau-De-an-241.zip"]);
  });

  it("standalone offers downloads only, and picking a unit sets its place and superior line", async () => {
    const files = fakeFiles();
    renderWith(<GenerateTab />, STANDALONE, { files });
    expect(screen.queryByRole("button", { name: "Chèn vào sổ làm việc" })).toBeNull();
    const unit = screen.getByRole("combobox");
    fireEvent.change(unit, { target: { value: "Phòng Nội vụ" } });
    const downloads = captureDownloads();
    fireEvent.click(screen.getByRole("button", { name: "Tải biểu mẫu (.xlsx)" }));
    await waitFor(() => expect(files.unitTemplate).toHaveBeenCalledTimes(1));
    expect(files.unitTemplate.mock.calls[0]![0]).toMatchObject({
      unitName: "Phòng Nội vụ",
      place: "Tam Đường",
      superior: "UBND HUYỆN TAM ĐƯỜNG",
      level: "huyen",
    });
    expect((await screen.findByTestId("done")).textContent).toContain("Phong-Noi-vu.xlsx");
    expect(downloads).toEqual(["Phong-Noi-vu.xlsx"]);
  });

  it("in an Excel older than ExcelApi 1.7 offers the .xlsx file instead of inserting", () => {
    const files = fakeFiles();
    const workbook = fakeWorkbook();
    renderWith(<GenerateTab />, { host: "excel", excelApi: 6, platform: "PC" }, { files, workbook });
    expect(screen.queryByRole("button", { name: "Chèn vào sổ làm việc" })).toBeNull();
    expect(screen.getByRole("button", { name: "Tải tệp .xlsx" })).toBeTruthy();
    expect(screen.getByText(/không chèn được biểu mẫu vào sổ làm việc \(cần ExcelApi 1\.7\)/)).toBeTruthy();
  });

  it("shows the .zip progress with counts and cancels it", async () => {
    const files = fakeFiles();
    let signal: AbortSignal | undefined;
    files.unitTemplatesZip.mockImplementation(
      (units: readonly Unit[], _options: unknown, onProgress?: (p: Progress) => void, abort?: AbortSignal) =>
        new Promise((_resolve, reject) => {
          signal = abort;
          onProgress?.({ done: 4, total: units.length, item: units[4]!.name });
          abort?.addEventListener("abort", () => reject(Object.assign(new Error("Đã hủy."), { name: "CancelledError" })));
        }),
    );
    const downloads = captureDownloads();
    renderWith(<GenerateTab />, STANDALONE, { files });
    fireEvent.click(screen.getByRole("button", { name: "Tải biểu mẫu cho các đơn vị (.zip)" }));
    expect((await screen.findByTestId("progress")).textContent).toContain(`Đang tạo biểu mẫu 5/19: ${TAM_DUONG_UNITS[4]!.name}`);
    fireEvent.click(screen.getByRole("button", { name: "Hủy" }));
    expect(signal?.aborted).toBe(true);
    expect((await screen.findByTestId("done")).textContent).toBe("Đã hủy tạo tệp .zip.");
    expect(downloads).toEqual([]);
  });

  it("fills the superior body from the unit's entry (the list's own, else the built-in list's), as the CLI does", async () => {
    const files = fakeFiles();
    const workbook = fakeWorkbook();
    workbook.readUnits.mockResolvedValue([
      { name: "Chi bộ Trường THPT Tam Đường", level: "co-so", superior: "ĐẢNG ỦY KHỐI CƠ QUAN" },
      { name: "Phòng Nội vụ", level: "huyen" },
    ]);
    renderWith(<GenerateTab />, EXCEL, { files, workbook });
    await screen.findByText(/trang tính “Đơn vị” của sổ làm việc \(2 đơn vị\)/);
    const superior = screen.getByLabelText("Cấp trên trực tiếp") as HTMLInputElement;
    const place = screen.getByLabelText("Địa danh ở dòng ngày tháng") as HTMLInputElement;
    expect(superior.value).toBe("ĐẢNG BỘ HUYỆN TAM ĐƯỜNG");
    expect(place.value).toBe("Bản Bo");

    fireEvent.change(screen.getByRole("combobox"), { target: { value: "Chi bộ Trường THPT Tam Đường" } });
    expect(superior.value).toBe("ĐẢNG ỦY KHỐI CƠ QUAN");
    expect(place.value).toBe("Tam Đường");
    fireEvent.change(screen.getByRole("combobox"), { target: { value: "Phòng Nội vụ" } });
    expect(superior.value).toBe("UBND HUYỆN TAM ĐƯỜNG");

    fireEvent.click(screen.getByRole("button", { name: "Chèn vào sổ làm việc" }));
    await waitFor(() => expect(workbook.insertLayout).toHaveBeenCalledTimes(1));
    expect(files.unitLayout.mock.calls[0]![0]).toEqual({
      superior: "UBND HUYỆN TAM ĐƯỜNG",
      unitName: "Phòng Nội vụ",
      unitCode: "PHONG-NOI-VU",
      place: "Tam Đường",
      level: "huyen",
    });

    // What the user typed wins over the defaults from then on.
    fireEvent.change(superior, { target: { value: "ĐẢNG ỦY KHỐI" } });
    fireEvent.change(screen.getByRole("combobox"), { target: { value: "Đảng ủy xã Bản Bo" } });
    expect(superior.value).toBe("ĐẢNG ỦY KHỐI");
    expect(place.value).toBe("Bản Bo");
  });
  it("after a download started from the keyboard, focus comes back to its button and the result is said in a live region there from the start", async () => {
    const files = fakeFiles();
    let finish: (bytes: Uint8Array) => void = () => undefined;
    files.unitTemplate.mockImplementation(() => new Promise<Uint8Array>((resolve) => (finish = resolve)));
    const downloads = captureDownloads();
    renderWith(<GenerateTab />, STANDALONE, { files });
    // Said politely, in an element present before there is anything to say (screen readers hear changes, not new regions).
    const live = screen.getByTestId("done-live");
    expect(live.getAttribute("role")).toBe("status");
    expect(live.textContent).toBe("");
    const button = screen.getByRole("button", { name: "Tải biểu mẫu (.xlsx)" });
    act(() => button.focus());
    fireEvent.click(button);
    await waitFor(() => expect(files.unitTemplate).toHaveBeenCalledTimes(1));
    // The button is disabled while the file is made: the browser takes focus off it, to the page.
    expect((button as HTMLButtonElement).disabled).toBe(true);
    // (jsdom keeps it there, and will not blur a disabled element: focus moves to an element that then goes away.)
    act(() => {
      const elsewhere = document.body.appendChild(document.createElement("button"));
      elsewhere.focus();
      elsewhere.remove();
    });
    expect(document.activeElement).toBe(document.body);
    await act(async () => finish(new Uint8Array([1])));
    await waitFor(() => expect(document.activeElement).toBe(button));
    expect(screen.getByTestId("done-live")).toBe(live);
    expect(live.textContent).toBe("Đã tạo tệp Dang-uy-xa-Ban-Bo.xlsx.");
    expect(downloads).toEqual(["Dang-uy-xa-Ban-Bo.xlsx"]);
  });
});
