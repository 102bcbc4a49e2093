/** @jest-environment jsdom */
/**
 * "Chuyển phông sang Unicode" in the Kiểm tra tab. Inside Excel (the Office.js
 * adapter on the recording fake): the open workbook's sheets typed in TCVN3
 * or VNI get Unicode copies beside them, written in one run as text, and the
 * user's sheets are left as they were. Anywhere: a picked file is converted
 * by the convert use case and downloaded as a new .xlsx. Keyboard: the
 * actions are buttons reached by Tab, with their Vietnamese names.
 */
import { act, fireEvent, screen, waitFor, within } from "@testing-library/react";
import * as XLSX from "@e965/xlsx";
import axe from "axe-core";
import { encodeTcvn3, encodeVni } from "../../../../src/domain/legacy";
import { createFileUseCases } from "../../../../src/hosts/browser/file-use-cases";
import { createWorkbookUseCases } from "../../../../src/hosts/excel/workbook-services";
import { CheckTab } from "../../../../src/taskpane/tabs/check/CheckTab";
import { convertedFileName } from "../../../../src/taskpane/tabs/check/convert/useConvertFonts";
import { unicodeSheetName } from "../../../../src/taskpane/tabs/check/convert/convert-sheets";
import { FakeWorkbook } from "../../../hosts/excel/fake-excel";
import { EXCEL, fillJsdomGaps, renderWith, STANDALONE } from "../../fakes";

fillJsdomGaps();

const UNIT = "Đảng ủy xã Bản Bo";
const LINE = "Ban Tuyên giáo Huyện ủy Tam Đường";
const NOTE = "Số liệu đến ngày 20 tháng 6 năm 2021";

describe("Chuyển phông sang Unicode", () => {
  it("names each copy “<sheet> (Unicode)”, free and within Excel's 31 characters", () => {
    expect(unicodeSheetName("Chỉ tiêu", ["Chỉ tiêu"])).toBe("Chỉ tiêu (Unicode)");
    expect(unicodeSheetName("Chỉ tiêu", ["Chỉ tiêu", "chỉ tiêu (unicode)"])).toBe("Chỉ tiêu (Unicode 2)");
    const long = unicodeSheetName("Kết quả thực hiện các mục tiêu Đề án", []);
    expect(long.length).toBeLessThanOrEqual(31);
    expect(long.endsWith(" (Unicode)")).toBe(true);
    expect(convertedFileName("bao-cao.vntime.xls")).toBe("bao-cao.vntime-unicode.xlsx");
  });

  it("inside Excel: adds Unicode copies of the sheets typed in TCVN3/VNI, in one run, as text; the user's sheets are untouched", async () => {
    const book = new FakeWorkbook(["Chỉ tiêu", "Văn bản", "Ghi chú", "Chỉ tiêu (Unicode)"]);
    const figures = book.sheet("Chỉ tiêu");
    figures.put("A1", { value: encodeTcvn3(UNIT) });
    figures.put("A2", { value: encodeTcvn3(LINE) });
    figures.put("B2", { value: 45 });
    figures.put("C2", { value: "=B2*2", formula: "=B2*2" });
    book.sheet("Văn bản").put("B3", { value: encodeVni(NOTE) });
    book.sheet("Ghi chú").put("A1", { value: "Tiếng Việt đã là Unicode" });
    const before = JSON.stringify(book.sheets.map((s) => [s.name, [...s.cells]]));

    const workbook = createWorkbookUseCases({ apiVersion: 14, run: book.run });
    renderWith(<CheckTab />, EXCEL, { files: createFileUseCases({ makeWorker: null }), workbook });
    const section = screen.getByRole("region", { name: "Chuyển phông sang Unicode" });
    const runsBefore = book.contexts.length;
    fireEvent.click(within(section).getByRole("button", { name: "Chuyển phông sổ làm việc đang mở" }));
    const done = await within(section).findByTestId("done", {}, { timeout: 10_000 });

    expect(done.textContent).toContain("Đã thêm 2 trang chữ Unicode: “Chỉ tiêu (Unicode 2)”, “Văn bản (Unicode)”");
    expect(done.textContent).toContain("TCVN3 (ABC) 2 ô, VNI 1 ô");
    expect(done.textContent).toContain("Các trang gốc giữ nguyên.");
    // The user's sheets, and the earlier copy, are as they were.
    expect(JSON.stringify(book.sheets.filter((s) => !["Chỉ tiêu (Unicode 2)", "Văn bản (Unicode)"].includes(s.name)).map((s) => [s.name, [...s.cells]]))).toBe(before);
    const copy = book.sheet("Chỉ tiêu (Unicode 2)");
    expect(copy.at("A1")).toMatchObject({ value: UNIT, numberFormat: "@" });
    expect(copy.at("A2")).toMatchObject({ value: LINE, numberFormat: "@" });
    expect(copy.at("B2")?.value).toBe(45);
    expect(book.sheet("Văn bản (Unicode)").at("B3")).toMatchObject({ value: NOTE, numberFormat: "@" });
    expect(book.sheets.map((s) => s.name)).not.toContain("Ghi chú (Unicode)");
    // Reading (sheet names, used ranges) and writing: three runs, each with few syncs.
    const runs = book.contexts.slice(runsBefore);
    expect(runs.length).toBeLessThanOrEqual(3);
    for (const run of runs) expect(run.syncs.length).toBeLessThanOrEqual(4);
  }, 30_000);

  it("inside Excel: a workbook without legacy text is left as it is, and says so", async () => {
    const book = new FakeWorkbook(["Chỉ tiêu"]);
    book.sheet("Chỉ tiêu").put("A1", { value: "Ban Tuyên giáo" });
    const workbook = createWorkbookUseCases({ apiVersion: 14, run: book.run });
    renderWith(<CheckTab />, EXCEL, { files: createFileUseCases({ makeWorker: null }), workbook });
    const section = screen.getByRole("region", { name: "Chuyển phông sang Unicode" });
    fireEvent.click(within(section).getByRole("button", { name: "Chuyển phông sổ làm việc đang mở" }));
    expect((await within(section).findByTestId("done", {}, { timeout: 10_000 })).textContent).toContain("không có gì cần chuyển");
    expect(book.sheets.map((s) => s.name)).toEqual(["Chỉ tiêu"]);
  });

  it("a picked file is converted and downloaded as a new .xlsx with the text in Unicode", async () => {
    const wb = XLSX.utils.book_new();
    XLSX.utils.book_append_sheet(wb, XLSX.utils.aoa_to_sheet([[encodeTcvn3(UNIT)], [encodeVni(LINE), 45]]), "Chỉ tiêu");
    const bytes = new Uint8Array(XLSX.write(wb, { type: "array", bookType: "xlsx" }) as ArrayBuffer);
    const blobs: { name: string; blob: Blob }[] = [];
    let last: Blob | undefined;
    URL.createObjectURL = jest.fn((b: Blob) => {
      last = b;
      return "blob:test";
    });
    URL.revokeObjectURL = jest.fn();
    const click = jest.spyOn(HTMLAnchorElement.prototype, "click").mockImplementation(function (this: HTMLAnchorElement) {
      blobs.push({ name: this.download, blob: last! });
    });
    try {
      renderWith(<CheckTab />, STANDALONE, { files: createFileUseCases({ makeWorker: null }), workbook: null });
      const section = screen.getByRole("region", { name: "Chuyển phông sang Unicode" });
      expect(within(section).queryByRole("button", { name: "Chuyển phông sổ làm việc đang mở" })).toBeNull();
      const input = within(section).getByLabelText("Chọn tệp cần chuyển phông…");
      await act(async () => {
        fireEvent.change(input, { target: { files: [new File([bytes], "bao-cao.xlsx")] } });
      });
      const done = await within(section).findByTestId("done", {}, { timeout: 10_000 });
      expect(done.textContent).toContain("Đã tải về bao-cao-unicode.xlsx (TCVN3 (ABC) 1 ô, VNI 1 ô được chuyển sang Unicode)");
      expect(blobs.map((b) => b.name)).toEqual(["bao-cao-unicode.xlsx"]);
      const out = await new Promise<Uint8Array>((resolve, reject) => {
        const reader = new FileReader();
        reader.onload = () => resolve(new Uint8Array(reader.result as ArrayBuffer));
        reader.onerror = () => reject(reader.error);
        reader.readAsArrayBuffer(blobs[0]!.blob);
      });
      // After fillJsdomGaps: the reader needs TextDecoder when it loads.
      const { readWorkbook } = await import("../../../../src/io/read");
      const grid = readWorkbook(out, "bao-cao-unicode.xlsx");
      expect(grid.sheets[0]!.rows.map((r) => r?.[0]?.v)).toEqual([UNIT, LINE]);
      expect(grid.sheets[0]!.rows[1]![1]!.v).toBe(45);
    } finally {
      click.mockRestore();
    }
  }, 30_000);

  it("a file that cannot be read says why, in Vietnamese", async () => {
    renderWith(<CheckTab />, STANDALONE, { files: createFileUseCases({ makeWorker: null }), workbook: null });
    const section = screen.getByRole("region", { name: "Chuyển phông sang Unicode" });
    await act(async () => {
      fireEvent.change(within(section).getByLabelText("Chọn tệp cần chuyển phông…"), { target: { files: [new File([new Uint8Array([1, 2, 3])], "hong.xlsx")] } });
    });
    await waitFor(() => expect(section.textContent).toContain("Không chuyển phông được tệp"));
    // Named once: in the reason ("Không đọc được tệp hong.xlsx: …"), not again in the title.
    expect(section.textContent).toContain("Không đọc được tệp hong.xlsx");
    expect(section.textContent!.split("hong.xlsx")).toHaveLength(2);
  });

  it("is used from the keyboard: its actions are buttons in the tab order, with their names, and axe finds nothing", async () => {
    const book = new FakeWorkbook(["Chỉ tiêu"]);
    renderWith(<CheckTab />, EXCEL, { files: createFileUseCases({ makeWorker: null }), workbook: createWorkbookUseCases({ apiVersion: 14, run: book.run }) });
    const section = screen.getByRole("region", { name: "Chuyển phông sang Unicode" });
    expect(within(section).getByRole("heading", { name: "Chuyển phông sang Unicode" })).toBeTruthy();
    for (const name of ["Chuyển phông sổ làm việc đang mở", "Chọn tệp cần chuyển phông…"]) {
      const button = within(section).getByRole("button", { name });
      expect(button.tagName).toBe("BUTTON");
      expect(button.getAttribute("tabindex")).not.toBe("-1");
      button.focus();
      expect(document.activeElement).toBe(button);
    }
    // jsdom draws nothing: colour contrast is checked in the browser tests, not here.
    const results = await axe.run(section, { rules: { "color-contrast": { enabled: false } } });
    expect(results.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`)).toEqual([]);
  });
});
