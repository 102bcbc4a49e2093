/** @jest-environment jsdom */
/** The "Tổng hợp" tab as district staff use it: cards, dates typed day/month/year, figures with errors, and the work kept across a reload. */
import { act, fireEvent, screen, waitFor, within } from "@testing-library/react";
import type { InputFile, Progress } from "../../../../src/app/usecases";
import type { Issue } from "../../../../src/domain/model/issues";
import type { MergeSource } from "../../../../src/domain/merge";
import { INDICATORS } from "../../../../src/domain/catalogue";
import { MergeTab } from "../../../../src/taskpane/tabs/merge/MergeTab";
import { maskDay } from "../../../../src/taskpane/tabs/merge/DayField";
import { SESSION_KEY } from "../../../../src/taskpane/tabs/merge/saved-session";
import { STANDALONE, captureDownloads, fakeFiles, renderWith, report, source } from "../../fakes";
import { savesSettled } from "../../../../src/taskpane/tabs/merge/saved-session";

afterEach(() => jest.restoreAllMocks());
// A save a test started may still be packing after it ended: done before the storage is emptied, so it writes no session into the next test.
beforeEach(async () => {
  await savesSettled();
  localStorage.clear();
});

function errorAt(cell: string, indicator: string): Issue {
  return {
    rule: "not-a-number",
    severity: "error",
    sheet: "Chỉ tiêu",
    cell,
    indicator,
    params: { column: "Tổng số", text: "abc", indicator },
    message: `Tổng số không phải là số (${cell})`,
  };
}

const NINE_ERRORS: Issue[] = Array.from({ length: 9 }, (_, k) => errorAt(`D${10 + k}`, "1.1"));

const SOURCES: MergeSource[] = [
  { ...source("ban-bo.xlsx", "Đảng ủy xã Bản Bo", "2021-06-18") },
  {
    file: "ban-giang.xlsx",
    sha256: "b".repeat(64),
    report: report("ban-giang.xlsx", "Đảng ủy xã Bản Giang", "2021-06-20", {
      indicators: { "1.1": { total: 5, achieved: 5, typedRatio: null, sheet: "Chỉ tiêu", row: 10, cells: { total: "D10", achieved: "E10", ratio: "F10" }, label: "" } },
      issues: NINE_ERRORS,
    }),
  },
  source("nung-nang-1.xlsx", "Đảng ủy xã Nùng Nàng", "2021-06-22"),
  source("nung-nang-2.xlsx", "Đảng ủy xã Nùng Nàng", "2021-06-22"),
  source("binh-lu.xlsx", "Đảng ủy xã Bình Lư", "2021-06-30"),
];

function card(file: string): HTMLElement {
  const found = screen.getAllByTestId("file-status").find((el) => el.getAttribute("data-file") === file);
  if (!found) throw new Error(`no card for ${file}`);
  return found;
}

function filesWith(sources: MergeSource[] = SOURCES) {
  const files = fakeFiles();
  files.sampleFiles.mockResolvedValue(sources.map((s) => ({ name: s.file, bytes: new Uint8Array([1]) })));
  files.readFiles.mockImplementation(async (inputs: readonly InputFile[], onProgress?: (p: Progress) => void) => {
    inputs.forEach((f, i) => onProgress?.({ done: i, total: inputs.length, item: f.name }));
    return sources;
  });
  return files;
}

async function loadSamples(files = filesWith()) {
  const view = renderWith(<MergeTab />, STANDALONE, { files });
  fireEvent.click(screen.getByRole("button", { name: "Dùng thử với dữ liệu mẫu" }));
  await screen.findByTestId("file-statuses");
  return { files, view };
}

const lastOptions = (files: ReturnType<typeof fakeFiles>) => files.summarise.mock.calls.at(-1)![1];

describe("file cards", () => {
  it("a file with errors is not shown as a clean one: counts on every card, lateness in a warning colour, its issues one click away", async () => {
    await loadSamples();
    // Clean and merged: green. Nine errors, merged all the same: not green, and the count says so.
    expect(within(card("ban-bo.xlsx")).getByTestId("file-badge").getAttribute("data-tone")).toBe("success");
    expect(within(card("ban-giang.xlsx")).getByTestId("file-badge").getAttribute("data-tone")).toBe("warning");
    expect(within(card("ban-giang.xlsx")).getByTestId("file-errors").textContent).toBe("9 lỗi");
    expect(within(card("ban-bo.xlsx")).getByTestId("file-errors").textContent).toBe("0 lỗi");
    expect(within(card("ban-bo.xlsx")).getByTestId("file-warnings").textContent).toBe("0 cảnh báo");
    // Late: a badge of its own, and the timeliness line says by which date.
    expect(within(card("binh-lu.xlsx")).getByTestId("file-late").textContent).toBe("Nộp muộn");
    expect(card("binh-lu.xlsx").getAttribute("data-late")).toBe("true");
    expect(within(card("binh-lu.xlsx")).getByTestId("file-timeliness").textContent).toBe("Muộn (theo ngày ghi trên báo cáo, 30/6/2021)");
    expect(within(card("ban-bo.xlsx")).getByTestId("file-timeliness").textContent).toBe("Đúng hạn (theo ngày ghi trên báo cáo, 18/6/2021)");
    expect(within(card("ban-bo.xlsx")).queryByTestId("file-late")).toBeNull();

    // The card opens to its issues: a real button, saying whether it is open and what it opens.
    const toggle = within(card("ban-giang.xlsx")).getByRole("button", { name: "Xem lỗi và cảnh báo (9)" });
    expect(toggle.tagName).toBe("BUTTON");
    expect(toggle.getAttribute("aria-expanded")).toBe("false");
    expect(within(card("ban-giang.xlsx")).queryByTestId("issues")).toBeNull();
    fireEvent.click(toggle);
    expect(toggle.getAttribute("aria-expanded")).toBe("true");
    const region = document.getElementById(toggle.getAttribute("aria-controls")!)!;
    expect(within(region).getByTestId("issues").textContent).toContain("Tổng số không phải là số (D14)");
    expect(within(region).getAllByText("Lỗi")).toHaveLength(9);
    fireEvent.click(within(card("ban-giang.xlsx")).getByRole("button", { name: "Ẩn lỗi và cảnh báo" }));
    expect(within(card("ban-giang.xlsx")).queryByTestId("issues")).toBeNull();
    // A clean file has nothing to open.
    expect(within(card("ban-bo.xlsx")).queryByRole("button", { name: /Xem lỗi/ })).toBeNull();
  });

  it("two files of one unit with the same date: the card says so and which one was kept", async () => {
    await loadSamples();
    expect(card("nung-nang-1.xlsx").getAttribute("data-status")).toBe("superseded");
    expect(card("nung-nang-1.xlsx").textContent).toContain("hai tệp cùng ghi ngày báo cáo 22/6/2021; dùng tệp đưa vào sau cùng");
    expect(card("nung-nang-1.xlsx").textContent).not.toContain("muộn hơn");
  });

  it("a received date entered on a card judges its timeliness; a date that is not one is said so and not used", async () => {
    const { files } = await loadSamples();
    const field = within(card("ban-bo.xlsx")).getByTestId("file-received");
    const input = within(field).getByRole("textbox") as HTMLInputElement;
    fireEvent.change(input, { target: { value: "28062021" } });
    expect(input.value).toBe("28/06/2021");
    expect(field.textContent).toContain("Ngày nhận: ngày 28 tháng 6 năm 2021");
    await waitFor(() => expect(lastOptions(files).received).toEqual({ "ban-bo.xlsx": "2021-06-28" }));
    await waitFor(() =>
      expect(within(card("ban-bo.xlsx")).getByTestId("file-timeliness").textContent).toBe("Muộn (theo ngày nhận do cán bộ nhập, 28/6/2021)"),
    );
    expect(within(card("ban-bo.xlsx")).getByTestId("file-late")).toBeTruthy();
    // Late by the received date, not by the report's own (18/06/2021): nothing said beside the latter.
    expect(card("ban-bo.xlsx").textContent).toContain("Ngày ghi trên báo cáo: 18/6/2021");
    expect(card("ban-bo.xlsx").textContent).not.toContain("(nộp muộn)");

    fireEvent.change(input, { target: { value: "31/02/2021" } });
    expect(field.textContent).toContain("Không phải một ngày có thật: hãy nhập ngày/tháng/năm");
    await waitFor(() => expect(lastOptions(files).received).toEqual({}));
    await waitFor(() =>
      expect(within(card("ban-bo.xlsx")).getByTestId("file-timeliness").textContent).toBe("Đúng hạn (theo ngày ghi trên báo cáo, 18/6/2021)"),
    );
  });
});

describe("the deadline", () => {
  it("is typed day/month/year, said back in words, and a text that is not a day is said so and not used", async () => {
    const { files } = await loadSamples();
    const field = screen.getByTestId("deadline");
    const input = within(field).getByRole("textbox") as HTMLInputElement;
    expect(input.getAttribute("type")).toBe("text");
    expect(field.textContent).toContain("Hạn nộp: ngày 25 tháng 6 năm 2021");
    fireEvent.change(input, { target: { value: "01/07/2021" } });
    await waitFor(() => expect(lastOptions(files).deadline).toBe("2021-07-01"));
    // Month-first, as an English browser would show it: not a day here, and the last deadline stays in use.
    fireEvent.change(input, { target: { value: "06/25/2021" } });
    expect(field.textContent).toContain("Không phải một ngày có thật");
    expect(field.textContent).toContain("Đang dùng hạn 01/7/2021.");
    expect(field.textContent).not.toContain("Hạn nộp: ngày");
    await new Promise((r) => setTimeout(r, 20));
    expect(lastOptions(files).deadline).toBe("2021-07-01");
  });

  it("spaces digits as they are typed, and leaves text the user spaced", () => {
    expect(["0", "01", "010", "0107", "01072", "01072021"].map(maskDay)).toEqual(["0", "01", "01/0", "01/07", "01/07/2", "01/07/2021"]);
    expect(maskDay("01/07/")).toBe("01/07");
    expect(maskDay("1/7/2021")).toBe("1/7/2021");
    expect(maskDay("2021-07-01")).toBe("2021-07-01");
  });
});

describe("figures given but rejected", () => {
  it("show “Số liệu có lỗi” with the unit, file and cells in the results table", async () => {
    await loadSamples();
    const row = screen.getByTestId("summary-table").querySelector('[data-indicator="1.1"]')!;
    expect(row.textContent).toContain("Số liệu có lỗi");
    expect(row.textContent).not.toContain("Chưa đủ số liệu");
    const cells = screen.getAllByTestId("rejected-cells")[0]!.textContent!;
    expect(cells).toContain("Đảng ủy xã Bản Giang (ban-giang.xlsx, Chỉ tiêu!D10)");
    expect(cells).toContain("ban-giang.xlsx, Chỉ tiêu!D18");
    // Indicators nobody gave stay "Chưa đủ số liệu".
    expect(screen.getByTestId("summary-table").querySelector('[data-indicator="4.1"]')!.textContent).toContain("Chưa đủ số liệu");
  });

  it("are counted in a notice that a screen reader is told of, through a polite live region there from the start", async () => {
    renderWith(<MergeTab />, STANDALONE, { files: filesWith() });
    const live = screen.getByTestId("rejected-values-live");
    expect(live.getAttribute("aria-live")).toBe("polite");
    expect(live.textContent).toBe("");
    fireEvent.click(screen.getByRole("button", { name: "Dùng thử với dữ liệu mẫu" }));
    const notice = await screen.findByTestId("rejected-values");
    expect(notice.textContent).toContain("9 số liệu không được cộng");
    expect(live.textContent).toBe("9 số liệu không được cộng vì sai quy tắc (xem trang “Số liệu bị loại” trong bảng tổng hợp).");
  });

  it("shows every indicator's whole text, the longest too (it wraps on a row of its own)", async () => {
    await loadSamples();
    const table = screen.getByTestId("summary-table").textContent!;
    const longest = [...INDICATORS].sort((a, b) => b.text.length - a.text.length)[0]!;
    expect(longest.text.length).toBeGreaterThan(90);
    for (const i of INDICATORS) expect(table).toContain(i.text);
    expect(table).not.toContain("…");
  });
});

describe("the work kept in the browser", () => {
  it("a new render of the tab resumes the files and choices, says so, and “Bắt đầu lại” forgets them", async () => {
    const { files, view } = await loadSamples();
    fireEvent.click(within(card("nung-nang-1.xlsx")).getByRole("button", { name: "Dùng tệp này" }));
    fireEvent.change(within(screen.getByTestId("deadline")).getByRole("textbox"), { target: { value: "01/07/2021" } });
    fireEvent.change(within(within(card("ban-bo.xlsx")).getByTestId("file-received")).getByRole("textbox"), { target: { value: "26/06/2021" } });
    await waitFor(() => expect(card("nung-nang-1.xlsx").getAttribute("data-status")).toBe("merged"));
    await waitFor(() => expect(lastOptions(files).received).toEqual({ "ban-bo.xlsx": "2021-06-26" }));
    // Stored (after the compressor has loaded) compactly: not the sources' JSON as is.
    await waitFor(() => expect(localStorage.getItem(SESSION_KEY)).toContain("26/06/2021"));
    const stored = localStorage.getItem(SESSION_KEY)!;
    expect(stored).not.toContain("Đảng ủy xã Bản Giang");
    expect(stored.length).toBeLessThan(JSON.stringify(SOURCES).length);
    view.unmount();

    // The pane reloads: nothing is read again.
    const again = fakeFiles();
    renderWith(<MergeTab />, STANDALONE, { files: again });
    expect((await screen.findByTestId("session-restored")).textContent).toContain("Đã khôi phục phiên làm việc trước (5 tệp).");
    await screen.findByTestId("file-statuses");
    expect(again.readFiles).not.toHaveBeenCalled();
    expect(screen.getAllByTestId("file-status").map((c) => c.getAttribute("data-file"))).toEqual(SOURCES.map((s) => s.file));
    await waitFor(() => expect(card("nung-nang-1.xlsx").getAttribute("data-status")).toBe("merged"));
    expect(lastOptions(again)).toMatchObject({
      deadline: "2021-07-01",
      preferred: { "Đảng ủy xã Nùng Nàng": "nung-nang-1.xlsx" },
      received: { "ban-bo.xlsx": "2021-06-26" },
    });
    expect((within(screen.getByTestId("deadline")).getByRole("textbox") as HTMLInputElement).value).toBe("01/07/2021");
    expect((within(within(card("ban-bo.xlsx")).getByTestId("file-received")).getByRole("textbox") as HTMLInputElement).value).toBe("26/06/2021");
    expect(card("nung-nang-1.xlsx").getAttribute("data-status")).toBe("merged");

    fireEvent.click(screen.getByRole("button", { name: "Bắt đầu lại" }));
    expect(screen.queryByTestId("session-restored")).toBeNull();
    expect(screen.queryByTestId("file-statuses")).toBeNull();
    expect(screen.getByTestId("empty")).toBeTruthy();
    expect((within(screen.getByTestId("deadline")).getByRole("textbox") as HTMLInputElement).value).toBe("25/6/2021");
    await waitFor(() => expect(localStorage.getItem(SESSION_KEY)).toBeNull());
  });

  it("says the session was taken up again to a screen reader too, in a polite live region there before the note", async () => {
    const { view } = await loadSamples();
    await waitFor(() => expect(localStorage.getItem(SESSION_KEY)).not.toBeNull());
    view.unmount();

    renderWith(<MergeTab />, STANDALONE, { files: fakeFiles() });
    // Rendered silent with the tab, before the session is read back (a region added with its text is often not read).
    const live = screen.getByTestId("session-restored-live");
    expect(live.getAttribute("aria-live")).toBe("polite");
    expect(live.getAttribute("role")).toBe("status");
    expect(live.textContent).toBe("");
    await screen.findByTestId("session-restored");
    expect(screen.getByTestId("session-restored-live")).toBe(live);
    expect(live.textContent).toBe("Đã khôi phục phiên làm việc trước (5 tệp).");
    // The note closed, the region stays, silent.
    fireEvent.click(screen.getByRole("button", { name: "Đóng" }));
    expect(screen.queryByTestId("session-restored")).toBeNull();
    expect(screen.getByTestId("session-restored-live")).toBe(live);
    expect(live.textContent).toBe("");
    // The list cleared, every save of this test is over (they run one after another) before the next test.
    fireEvent.click(screen.getByRole("button", { name: "Xóa danh sách tệp" }));
    await waitFor(() => expect(localStorage.getItem(SESSION_KEY)).toBeNull());
  });

  it("after a reload, the files as chosen are known: the same file again is not read, a real file named as a made-up one is", async () => {
    const perName = () => {
      const files = fakeFiles();
      files.readFiles.mockImplementation(async (inputs: readonly InputFile[]) => inputs.map((f) => source(f.name, "Đảng ủy xã Bản Bo", "2021-06-18")));
      return files;
    };
    const choose = (...picked: [string, number][]) =>
      fireEvent.change(screen.getByLabelText("Chọn các tệp của đơn vị…"), {
        target: { files: picked.map(([name, byte]) => new File([new Uint8Array([byte])], name)) },
      });
    const first = perName();
    const view = renderWith(<MergeTab />, STANDALONE, { files: first });
    choose(["Bao cao.xlsx", 1], ["Bao cao.xlsx", 2]);
    await waitFor(() => expect(screen.getAllByTestId("file-status")).toHaveLength(2));
    await waitFor(() => expect(localStorage.getItem(SESSION_KEY)).toContain("chosenAs"));
    view.unmount();

    const again = perName();
    renderWith(<MergeTab />, STANDALONE, { files: again });
    await screen.findByTestId("session-restored");
    choose(["Bao cao.xlsx", 2], ["Bao cao (2).xlsx", 3]);
    await waitFor(() => expect(again.readFiles).toHaveBeenCalledTimes(1));
    expect((again.readFiles.mock.calls[0]![0] as readonly InputFile[]).map((f) => [f.name, f.bytes[0]])).toEqual([["Bao cao (2) (2).xlsx", 3]]);
    expect((await screen.findByTestId("done")).textContent).toBe("1 tệp đã có trong danh sách nên không đọc lại.");
  });

  it("when the browser's storage is full, says that a reload would lose the files", async () => {
    jest.spyOn(Storage.prototype, "setItem").mockImplementation(() => {
      throw new DOMException("The quota has been exceeded.", "QuotaExceededError");
    });
    renderWith(<MergeTab />, STANDALONE, { files: filesWith() });
    // The live region is there, silent, before there is anything to say (one added with its text is often not read).
    expect(screen.getByTestId("session-storage-live").textContent).toBe("");
    fireEvent.click(screen.getByRole("button", { name: "Dùng thử với dữ liệu mẫu" }));
    const note = await screen.findByTestId("session-storage");
    expect(note.textContent).toContain("Không lưu được phiên làm việc vào trình duyệt vì bộ nhớ của trình duyệt đã đầy");
    // Said to a screen reader too, in a polite live region.
    const live = screen.getByTestId("session-storage-live");
    expect(live.getAttribute("aria-live")).toBe("polite");
    expect(live.textContent).toBe(note.textContent);
    // The summary is still there to download.
    expect(screen.getByRole("button", { name: "Tải bảng tổng hợp (.xlsx)" })).toBeTruthy();
  });

  it("asks before the page is left while the summary of the latest changes is not taken away", async () => {
    const leave = () => {
      const event = new Event("beforeunload", { cancelable: true });
      window.dispatchEvent(event);
      return event.defaultPrevented;
    };
    expect(leave()).toBe(false);
    const { files } = await loadSamples();
    await waitFor(() => expect(leave()).toBe(true));
    const downloads = captureDownloads();
    fireEvent.click(screen.getByRole("button", { name: "Tải bảng tổng hợp (.xlsx)" }));
    await waitFor(() => expect(downloads).toHaveLength(1));
    await waitFor(() => expect(leave()).toBe(false));
    // A change after the download is work not taken away again.
    const calls = files.summarise.mock.calls.length;
    fireEvent.click(within(card("nung-nang-1.xlsx")).getByRole("button", { name: "Dùng tệp này" }));
    await waitFor(() => expect(files.summarise.mock.calls.length).toBeGreaterThan(calls));
    await waitFor(() => expect(leave()).toBe(true));
    await act(async () => undefined);
  });
});
