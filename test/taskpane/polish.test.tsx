/** @jest-environment jsdom */
/**
 * The pane's small things (issue 17, item 15) where jsdom can see them: the
 * help link, the unit list described by kind, the unit field's Vietnamese
 * button following a loaded list, and focus on the result after the sample.
 * Chromium checks the rest (test/e2e/polish.test.ts).
 */
import { act, fireEvent, render, screen, waitFor, within } from "@testing-library/react";
import { FluentProvider, webLightTheme } from "@fluentui/react-components";
import { evaluate } from "../../src/domain/rules/evaluate";
import { targetsOfWorkbook } from "../../src/domain/check";
import { App } from "../../src/taskpane/App";
import { ServicesProvider, servicesFor } from "../../src/taskpane/services";
import { describeOrigin } from "../../src/taskpane/shared/units";
import { CheckTab } from "../../src/taskpane/tabs/check/CheckTab";
import { GenerateTab } from "../../src/taskpane/tabs/generate/GenerateTab";
import { STANDALONE, fakeFiles, fillJsdomGaps, renderWith, report } from "./fakes";

fillJsdomGaps();

describe("task pane polish", () => {
  it("links to the help page from the header, in a new window", () => {
    render(
      <FluentProvider theme={webLightTheme}>
        <ServicesProvider services={servicesFor(STANDALONE)}>
          <App />
        </ServicesProvider>
      </FluentProvider>,
    );
    const link = screen.getByRole("link", { name: "Hướng dẫn" });
    expect([link.getAttribute("href"), link.getAttribute("target"), link.getAttribute("rel")]).toEqual(["help.html", "_blank", "noopener noreferrer"]);
    expect(link.closest("header")).not.toBeNull();
  });

  it("describes the built-in unit list by kind", () => {
    expect(describeOrigin({ kind: "default" }, 19)).toBe(
      "Danh sách đơn vị: danh sách có sẵn của huyện Tam Đường (19 đơn vị: 13 xã, 1 thị trấn và 5 cơ quan nêu trong Công văn).",
    );
  });

  it("names the unit field's button in Vietnamese, and a loaded list takes over the field", async () => {
    renderWith(<GenerateTab />, STANDALONE, { files: fakeFiles() });
    const combo = screen.getByRole("combobox", { name: /Đơn vị báo cáo/ }) as HTMLInputElement;
    expect(combo.value).toBe("Đảng ủy xã Bản Bo");
    expect(screen.getByRole("button", { name: "Mở danh sách đơn vị báo cáo" })).toBeTruthy();
    expect(document.querySelector('[aria-label^="Open"]')).toBeNull();

    const csv = new File(["Tên đơn vị\nChi bộ Trường THPT Tam Đường\nChi bộ Trạm Y tế\n"], "don-vi.csv", { type: "text/csv" });
    fireEvent.change(screen.getByLabelText("Chọn tệp danh sách đơn vị"), { target: { files: [csv] } });
    await screen.findByText("Danh sách đơn vị: tệp don-vi.csv (2 đơn vị).");
    await waitFor(() => expect(combo.value).toBe("Chi bộ Trường THPT Tam Đường"));
    fireEvent.click(screen.getByRole("button", { name: "Mở danh sách đơn vị báo cáo" }));
    const options = within(await screen.findByRole("listbox")).getAllByRole("option");
    expect(options.map((o) => o.textContent)).toEqual(["Chi bộ Trường THPT Tam Đường", "Chi bộ Trạm Y tế"]);

    // Back to the built-in list: the field returns to its first unit.
    const builtIn = screen.getByRole("button", { name: "Dùng danh sách có sẵn" });
    builtIn.focus();
    fireEvent.click(builtIn);
    await waitFor(() => expect(combo.value).toBe("Đảng ủy xã Bản Bo"));
    // The button goes away with the file's list: focus goes to the one that stays, not to the page.
    expect(screen.queryByRole("button", { name: "Dùng danh sách có sẵn" })).toBeNull();
    await waitFor(() => expect(document.activeElement).toBe(screen.getByRole("button", { name: "Dùng danh sách đơn vị khác (.csv, .xlsx)…" })));
  });

  it("a unit typed by hand is kept when another list is loaded", async () => {
    renderWith(<GenerateTab />, STANDALONE, { files: fakeFiles() });
    const combo = screen.getByRole("combobox", { name: /Đơn vị báo cáo/ }) as HTMLInputElement;
    fireEvent.change(combo, { target: { value: "Chi bộ Tự Gõ" } });
    const csv = new File(["Tên đơn vị\nChi bộ Trường THPT Tam Đường\n"], "don-vi.csv", { type: "text/csv" });
    fireEvent.change(screen.getByLabelText("Chọn tệp danh sách đơn vị"), { target: { files: [csv] } });
    await screen.findByText("Danh sách đơn vị: tệp don-vi.csv (1 đơn vị).");
    expect(combo.value).toBe("Chi bộ Tự Gõ");
  });

  it("a unit list with no unit says why, naming the file once", async () => {
    renderWith(<GenerateTab />, STANDALONE, { files: fakeFiles() });
    const csv = new File(["Tên đơn vị\n\n"], "rong.csv", { type: "text/csv" });
    fireEvent.change(screen.getByLabelText("Chọn tệp danh sách đơn vị"), { target: { files: [csv] } });
    const bar = await screen.findByTestId("error-bar");
    expect(bar.textContent).toContain("Danh sách đơn vị rong.csv không có đơn vị nào");
    expect(bar.textContent!.split("rong.csv")).toHaveLength(2);
  });

  it("after “Dùng thử với dữ liệu mẫu” on Kiểm tra, focus is on the result's heading", async () => {
    const files = fakeFiles();
    files.sampleFiles.mockResolvedValue([{ name: "Dang-uy-xa-Ho-Thau.xlsx", bytes: new Uint8Array([1]) }]);
    const r = report("Dang-uy-xa-Ho-Thau.xlsx", "Đảng ủy xã Hồ Thầu", "2021-06-20");
    files.checkFile.mockResolvedValue({ report: r, results: evaluate(r), targets: targetsOfWorkbook({ sheets: [] }) });
    renderWith(<CheckTab />, STANDALONE, { files });
    const sample = screen.getByRole("button", { name: "Dùng thử với dữ liệu mẫu" });
    sample.focus();
    await act(async () => {
      fireEvent.click(sample);
    });
    const heading = await screen.findByRole("heading", { name: "Kết quả: Dang-uy-xa-Ho-Thau.xlsx" });
    await waitFor(() => expect(document.activeElement).toBe(heading));
    expect(heading.getAttribute("tabindex")).toBe("-1");
  });
});
