/** @jest-environment jsdom */
import { act, fireEvent, screen, waitFor, within } from "@testing-library/react";
import { Cancelled } from "../../../../src/app/cancel";
import type { InputFile, Progress } from "../../../../src/app/usecases";
import type { DroppedEntry, DroppedFileEntry, DroppedFolderEntry } from "../../../../src/taskpane/shared/dropped";
import { MergeTab } from "../../../../src/taskpane/tabs/merge/MergeTab";
import { EXCEL, STANDALONE, captureDownloads, fakeFiles, fakeWorkbook, readAs, renderWith, source } from "../../fakes";
import { savesSettled } from "../../../../src/taskpane/tabs/merge/saved-session";

afterEach(() => jest.restoreAllMocks());
// The tab keeps its work in the browser's storage: each test starts without one.
// A save a test started may still be packing after it ended: done before the storage is emptied, so it writes no session into the next test.
beforeEach(async () => {
  await savesSettled();
  localStorage.clear();
});

const SOURCES = [
  source("ban-bo.xlsx", "Đảng ủy xã Bản Bo", "2021-06-18"),
  source("nung-nang-1.xlsx", "Đảng ủy xã Nùng Nàng", "2021-06-15"),
  source("nung-nang-2.xlsx", "Đảng ủy xã Nùng Nàng", "2021-06-22"),
  source("la.xlsx", "Chi bộ Trạm Y tế", "2021-06-30"),
  { file: "hong.xlsx", sha256: "f".repeat(64), error: { code: "corrupt" as const, message: "Không đọc được tệp hong.xlsx: tệp bị hỏng." } },
];

function card(file: string): HTMLElement {
  const found = screen.getAllByTestId("file-status").find((el) => el.getAttribute("data-file") === file);
  if (!found) throw new Error(`no card for ${file}`);
  return found;
}

async function loadSamples() {
  const files = fakeFiles();
  files.sampleFiles.mockResolvedValue(SOURCES.map((s) => ({ name: s.file, bytes: new Uint8Array([1]) })));
  files.readFiles.mockImplementation(async (inputs: readonly InputFile[], onProgress?: (p: Progress) => void) => {
    inputs.forEach((f, i) => onProgress?.({ done: i, total: inputs.length, item: f.name }));
    return Promise.all(SOURCES.map((s, i) => (inputs[i] ? readAs(inputs[i], s) : s)));
  });
  return files;
}

/**
 * The tab with a reader that reads each file into a source of its own name (its digest the file's), and
 * `choose`: picks files (name, byte) through the file input and waits until they are read; the files handed to reading.
 */
function chooser() {
  const files = fakeFiles();
  files.readFiles.mockImplementation(async (inputs: readonly InputFile[]) => Promise.all(inputs.map((f) => readAs(f, source(f.name, "Đảng ủy xã Bản Bo", "2021-06-18")))));
  renderWith(<MergeTab />, STANDALONE, { files });
  const input = screen.getByLabelText("Chọn các tệp của đơn vị…") as HTMLInputElement;
  const choose = async (...picked: [string, number][]): Promise<readonly InputFile[]> => {
    const calls = files.readFiles.mock.calls.length;
    await act(async () => {
      fireEvent.change(input, { target: { files: picked.map(([name, byte]) => new File([new Uint8Array([byte])], name)) } });
    });
    await waitFor(() => expect(files.readFiles.mock.calls.length).toBe(calls + 1));
    await waitFor(() => expect((screen.getByRole("button", { name: "Dùng thử với dữ liệu mẫu" }) as HTMLButtonElement).disabled).toBe(false));
    return files.readFiles.mock.calls.at(-1)![0] as readonly InputFile[];
  };
  return { files, choose };
}

describe("Tổng hợp tab", () => {
  it("shows each file's status with its reason, then re-runs the merge with the user's assignment and preference", async () => {
    const files = await loadSamples();
    renderWith(<MergeTab />, STANDALONE, { files });
    expect(screen.getByTestId("empty")).toBeTruthy();
    fireEvent.click(screen.getByRole("button", { name: "Dùng thử với dữ liệu mẫu" }));
    await screen.findByTestId("file-statuses");

    expect(card("ban-bo.xlsx").getAttribute("data-status")).toBe("merged");
    expect(card("nung-nang-1.xlsx").getAttribute("data-status")).toBe("superseded");
    expect(card("nung-nang-1.xlsx").textContent).toContain("Bị thay thế");
    expect(card("nung-nang-2.xlsx").getAttribute("data-status")).toBe("merged");
    expect(card("hong.xlsx").getAttribute("data-status")).toBe("rejected");
    // The card is named by the file: its reason says why without naming it again.
    expect(card("hong.xlsx").textContent).toContain("Lý do: Không đọc được: tệp bị hỏng.");
    expect(card("hong.xlsx").textContent!.split("hong.xlsx")).toHaveLength(2);
    expect(card("la.xlsx").textContent).toContain("(ngoài danh sách)");
    expect(card("la.xlsx").textContent).toContain("(nộp muộn)");
    // 2 of the 19 units of the default list have sent.
    expect(screen.getByTestId("units-received").textContent).toContain("Đã nhận 2/19 đơn vị");
    expect(screen.getByTestId("missing-units").textContent).toContain("Đảng ủy xã Bình Lư");

    // Assign the unlisted file to a unit of the list: the merge runs again with the assignment.
    const before = files.summarise.mock.calls.length;
    fireEvent.change(within(card("la.xlsx")).getByRole("combobox"), { target: { value: "Đảng ủy xã Bình Lư" } });
    await waitFor(() => expect(files.summarise.mock.calls.length).toBeGreaterThan(before));
    const options = files.summarise.mock.calls.at(-1)![1];
    expect(options.assignments).toEqual({ "la.xlsx": "Đảng ủy xã Bình Lư" });
    await waitFor(() => expect(screen.getByTestId("units-received").textContent).toContain("Đã nhận 3/19 đơn vị"));
    expect(screen.getByTestId("missing-units").textContent).not.toContain("Đảng ủy xã Bình Lư");

    // Reverse the superseded choice.
    fireEvent.click(within(card("nung-nang-1.xlsx")).getByRole("button", { name: "Dùng tệp này" }));
    await waitFor(() => expect(card("nung-nang-1.xlsx").getAttribute("data-status")).toBe("merged"));
    expect(files.summarise.mock.calls.at(-1)![1].preferred).toEqual({ "Đảng ủy xã Nùng Nàng": "nung-nang-1.xlsx" });
    expect(card("nung-nang-2.xlsx").getAttribute("data-status")).toBe("superseded");
  });

  it("starts the merge's workers once the page is idle, and again after a merge for the next files", async () => {
    const files = await loadSamples();
    files.prepareMerge = jest.fn();
    renderWith(<MergeTab />, STANDALONE, { files });
    // Not while the tab is first drawn: when the page is idle.
    expect(files.prepareMerge).not.toHaveBeenCalled();
    await waitFor(() => expect(files.prepareMerge).toHaveBeenCalledTimes(1));
    fireEvent.click(screen.getByRole("button", { name: "Dùng thử với dữ liệu mẫu" }));
    await screen.findByTestId("file-statuses");
    await waitFor(() => expect(files.prepareMerge).toHaveBeenCalledTimes(2));
  });

  it("passes the edited deadline to the merge", async () => {
    const files = await loadSamples();
    renderWith(<MergeTab />, STANDALONE, { files });
    fireEvent.click(screen.getByRole("button", { name: "Dùng thử với dữ liệu mẫu" }));
    await screen.findByTestId("file-statuses");
    expect(files.summarise.mock.calls.at(-1)![1].deadline).toBe("2021-06-25");
    const date = within(screen.getByTestId("deadline")).getByRole("textbox") as HTMLInputElement;
    expect(date.value).toBe("25/6/2021");
    // Typed as digits, spaced day/month/year (never the browser's month-first order).
    fireEvent.change(date, { target: { value: "01072021" } });
    expect(date.value).toBe("01/07/2021");
    expect(screen.getByTestId("deadline").textContent).toContain("Hạn nộp: ngày 01 tháng 7 năm 2021");
    await waitFor(() => expect(files.summarise.mock.calls.at(-1)![1].deadline).toBe("2021-07-01"));
    await waitFor(() => expect(card("la.xlsx").textContent).not.toContain("(nộp muộn)"));
  });

  it("downloads the summary, and inside Excel writes it into the workbook with the units of the “Đơn vị” sheet", async () => {
    const files = await loadSamples();
    const workbook = fakeWorkbook();
    workbook.readUnits.mockResolvedValue([{ name: "Đảng ủy xã Bản Bo", level: "co-so" }]);
    workbook.writeSummary.mockResolvedValue({
      replaced: [],
      copies: ["Tổng hợp chỉ tiêu (cũ)"],
      skipped: [],
      renamed: [{ name: "Chi tiết đơn vị", renameTo: "Chi tiết đơn vị (cũ 03-12-2026)" }],
    });
    const downloads = captureDownloads();
    renderWith(<MergeTab />, EXCEL, { files, workbook });
    await screen.findByText(/trang tính “Đơn vị” của sổ làm việc \(1 đơn vị\)/);
    fireEvent.click(screen.getByRole("button", { name: "Dùng thử với dữ liệu mẫu" }));
    await screen.findByTestId("file-statuses");
    expect(files.summarise.mock.calls.at(-1)![1].units).toEqual([{ name: "Đảng ủy xã Bản Bo", level: "co-so" }]);

    fireEvent.click(screen.getByRole("button", { name: "Tải bảng tổng hợp (.xlsx)" }));
    await waitFor(() => expect(downloads).toHaveLength(1));
    expect(downloads[0]).toMatch(/^Tong-hop-De-an-241-\d{4}-\d{2}-\d{2}\.xlsx$/);
    const run = await files.summarise.mock.results.at(-1)!.value;
    expect(files.writeXlsx).toHaveBeenCalledWith(run.layout);

    fireEvent.click(screen.getByRole("button", { name: "Ghi vào sổ làm việc" }));
    await waitFor(() => expect(workbook.writeSummary).toHaveBeenCalledTimes(1));
    const done = (await screen.findByTestId("done")).textContent;
    expect(done).toContain("Tổng hợp chỉ tiêu (cũ)");
    // A sheet of the user's own with a summary sheet's name is kept, and the user is told under which name.
    expect(done).toContain("“Chi tiết đơn vị” → “Chi tiết đơn vị (cũ 03-12-2026)”");
  });

  it("a failure to read is shown with its reason, not swallowed", async () => {
    const files = fakeFiles();
    files.sampleFiles.mockRejectedValue(new Error("Không tải được tệp mẫu Dang-uy-xa-Ban-Bo.xlsx: máy chủ trả lời 404."));
    renderWith(<MergeTab />, STANDALONE, { files });
    fireEvent.click(screen.getByRole("button", { name: "Dùng thử với dữ liệu mẫu" }));
    const bar = await screen.findByTestId("error-bar");
    expect(bar.textContent).toContain("máy chủ trả lời 404");
  });

  it("shows per-file progress with counts while reading, and “Hủy” aborts the reading", async () => {
    const files = fakeFiles();
    files.sampleFiles.mockResolvedValue(SOURCES.map((s) => ({ name: s.file, bytes: new Uint8Array([1]) })));
    let signal: AbortSignal | undefined;
    files.readFiles.mockImplementation(
      (inputs: readonly InputFile[], onProgress?: (p: Progress) => void, abort?: AbortSignal) =>
        new Promise((_resolve, reject) => {
          signal = abort;
          onProgress?.({ done: 2, total: inputs.length, item: inputs[2]!.name });
          abort?.addEventListener("abort", () => reject(Object.assign(new Error("Đã hủy."), { name: "CancelledError" })));
        }),
    );
    renderWith(<MergeTab />, STANDALONE, { files });
    fireEvent.click(screen.getByRole("button", { name: "Dùng thử với dữ liệu mẫu" }));
    // Progress is shown a few times a second: the count reaches the tab within the interval.
    await waitFor(() => expect(screen.getByTestId("progress").textContent).toContain("Đang đọc 3/5: nung-nang-2.xlsx"));
    fireEvent.click(screen.getByRole("button", { name: "Hủy" }));
    expect(signal?.aborted).toBe(true);
    expect((await screen.findByTestId("done")).textContent).toContain("Đã hủy đọc tệp");
    expect(screen.queryByTestId("progress")).toBeNull();
    expect(screen.queryByTestId("error-bar")).toBeNull();
  });

  /** readFiles that reports the first file and waits until “Hủy”, then rejects as the use cases do. */
  function readUntilCancelled(files: ReturnType<typeof fakeFiles>) {
    files.readFiles.mockImplementationOnce(
      (inputs: readonly InputFile[], onProgress?: (p: Progress) => void, abort?: AbortSignal) =>
        new Promise((_resolve, reject) => {
          onProgress?.({ done: 0, total: inputs.length, item: inputs[0]?.name ?? "" });
          abort?.addEventListener("abort", () => reject(new Cancelled()));
        }),
    );
  }

  it("cancelling the first reading says that no file was added, as the empty list does", async () => {
    const files = fakeFiles();
    files.sampleFiles.mockResolvedValue(SOURCES.map((s) => ({ name: s.file, bytes: new Uint8Array([1]) })));
    readUntilCancelled(files);
    renderWith(<MergeTab />, STANDALONE, { files });
    fireEvent.click(screen.getByRole("button", { name: "Dùng thử với dữ liệu mẫu" }));
    await screen.findByTestId("progress");
    fireEvent.click(screen.getByRole("button", { name: "Hủy" }));
    const done = await screen.findByTestId("done");
    expect(done.textContent).toBe("Đã hủy đọc tệp; chưa thêm tệp nào.");
    expect(done.textContent).not.toContain("vẫn được giữ");
    expect(screen.getByTestId("empty").textContent).toContain("Chưa có tệp nào.");
    expect(screen.queryByTestId("file-statuses")).toBeNull();
    expect(screen.queryByTestId("error-bar")).toBeNull();
  });

  it("reads two files chosen together under one name, each under a name of its own; the very same file is not read again", async () => {
    const files = await loadSamples();
    renderWith(<MergeTab />, STANDALONE, { files });
    fireEvent.click(screen.getByRole("button", { name: "Dùng thử với dữ liệu mẫu" }));
    await screen.findByTestId("file-statuses");
    const input = screen.getByLabelText("Chọn các tệp của đơn vị…") as HTMLInputElement;
    const same = (byte: number) => new File([new Uint8Array([byte])], "Bao cao.xlsx");
    // The sample's ban-bo.xlsx again (the same bytes), beside two files under one name.
    fireEvent.change(input, { target: { files: [same(1), same(2), new File([new Uint8Array([1])], SOURCES[0]!.file)] } });
    await waitFor(() => expect(files.readFiles).toHaveBeenCalledTimes(2));
    const asked = files.readFiles.mock.calls[1]![0] as readonly InputFile[];
    expect(asked.map((f) => [f.name, f.bytes[0]])).toEqual([
      ["Bao cao.xlsx", 1],
      ["Bao cao (2).xlsx", 2],
    ]);
    expect((await screen.findByTestId("done")).textContent).toBe("1 tệp đã có trong danh sách nên không đọc lại.");
  });

  it("hashes before reading only a file that could be one chosen before; the others' digests come from their reading", async () => {
    const { choose } = chooser();
    const chosen = async (...picked: [string, number][]) => (await choose(...picked)).map((f) => [f.name, f.sha256 !== undefined]);
    // Names new to the list: handed to reading without a digest (reading hashes them); one given twice is hashed first.
    expect(await chosen(["Xa A.xlsx", 1], ["Xa B.xlsx", 2], ["Xa B.xlsx", 3])).toEqual([
      ["Xa A.xlsx", false],
      ["Xa B.xlsx", true],
      ["Xa B (2).xlsx", true],
    ]);
    // Chosen again: known by the digest its reading gave, so not read again; a new file beside it is not hashed first.
    expect(await chosen(["Xa A.xlsx", 1], ["Xa C.xlsx", 4])).toEqual([["Xa C.xlsx", false]]);
    expect(screen.getByTestId("done").textContent).toBe("1 tệp đã có trong danh sách nên không đọc lại.");
    // A corrected file under a name read before: hashed first (its digest handed on), and read.
    expect(await chosen(["Xa A.xlsx", 5])).toEqual([["Xa A (2).xlsx", true]]);
  });

  it("a real file named as one made up for another is read (not taken for it), and a file of a known name with other bytes too", async () => {
    const { choose: chooseFiles } = chooser();
    const choose = async (...picked: [string, number][]) => (await chooseFiles(...picked)).map((f) => [f.name, f.bytes[0]]);
    expect(await choose(["Bao cao.xlsx", 1], ["Bao cao.xlsx", 2])).toEqual([
      ["Bao cao.xlsx", 1],
      ["Bao cao (2).xlsx", 2],
    ]);
    // A unit's own file named "Bao cao (2).xlsx": read, under a name no file in the list has.
    expect(await choose(["Bao cao (2).xlsx", 3])).toEqual([["Bao cao (2) (2).xlsx", 3]]);
    expect(screen.queryByTestId("done")).toBeNull();
    // The three again: none is read.
    expect(await choose(["Bao cao.xlsx", 2], ["Bao cao (2).xlsx", 3], ["Bao cao.xlsx", 1])).toEqual([]);
    expect(screen.getByTestId("done").textContent).toBe("3 tệp đã có trong danh sách nên không đọc lại.");
    // A corrected file sent under a name already read: read.
    expect(await choose(["Bao cao.xlsx", 4])).toEqual([["Bao cao (3).xlsx", 4]]);
    await waitFor(() =>
      expect(screen.getAllByTestId("file-status").map((c) => c.getAttribute("data-file"))).toEqual([
        "Bao cao.xlsx",
        "Bao cao (2).xlsx",
        "Bao cao (2) (2).xlsx",
        "Bao cao (3).xlsx",
      ]),
    );
  });

  it("where the browser gives no folder entries (an old webview), a folder dropped among files is left out and said in Vietnamese; the files beside it are read", async () => {
    const files = fakeFiles();
    files.readFiles.mockImplementation(async (inputs: readonly InputFile[]) => Promise.all(inputs.map((f) => readAs(f, source(f.name, "Đảng ủy xã Bản Bo", "2021-06-18")))));
    renderWith(<MergeTab />, STANDALONE, { files });
    // What Chromium gives for a folder dropped: an entry whose bytes cannot be read.
    const folder = new File([], "Bao cao cac xa");
    Object.defineProperty(folder, "arrayBuffer", {
      value: () => Promise.reject(new DOMException("A requested file or directory could not be found at the time an operation was processed.", "NotFoundError")),
    });
    fireEvent.drop(screen.getByTestId("merge-drop"), { dataTransfer: { files: [folder, new File([new Uint8Array([1])], "ban-bo.xlsx")] } });
    await waitFor(() => expect(files.readFiles).toHaveBeenCalledTimes(1));
    expect((files.readFiles.mock.calls[0]![0] as readonly InputFile[]).map((f) => f.name)).toEqual(["ban-bo.xlsx"]);
    const bar = await screen.findByTestId("error-bar");
    expect(bar.textContent).toContain("Bỏ qua mục không đọc được");
    expect(bar.textContent).toContain("Không đọc được “Bao cao cac xa” từ máy tính: đây là một thư mục");
    expect(bar.textContent).not.toContain("NotFoundError");
    expect(bar.textContent).not.toContain("could not be found");
    await waitFor(() => expect(screen.getAllByTestId("file-status").map((c) => c.getAttribute("data-file"))).toEqual(["ban-bo.xlsx"]));
  });

  it("a folder dropped is read with its subfolders, each file named by its path there; what is not read is said; the entries are taken within the drop event", async () => {
    const files = fakeFiles();
    files.readFiles.mockImplementation(async (inputs: readonly InputFile[]) => Promise.all(inputs.map((f) => readAs(f, source(f.name, "Đảng ủy xã Bản Bo", "2021-06-18")))));
    renderWith(<MergeTab />, STANDALONE, { files });
    // Entries as Chromium gives them: each answers later, a folder's reader a batch at a time until an empty one.
    const later = <T,>(value: T, ok: (v: T) => void) => setTimeout(() => ok(value), 0);
    const file = (name: string, byte: number): DroppedFileEntry => ({ name, isFile: true, isDirectory: false, file: (ok) => later(new File([new Uint8Array([byte])], name), ok) });
    const folder = (name: string, entries: DroppedEntry[]): DroppedFolderEntry => {
      return {
        name,
        isFile: false,
        isDirectory: true,
        createReader: () => {
          let at = 0;
          return { readEntries: (ok) => later(entries.slice(at, (at += 1)), ok) };
        },
      };
    };
    const dropped = folder("Bao cao cac xa", [
      folder("Xa B", [file("bao-cao.xlsx", 2)]),
      folder("Xa A", [file("bao-cao.xlsx", 1), file("cong-van.pdf", 9)]),
      file("~$bao-cao.xlsx", 9),
    ]);
    const beside = new File([new Uint8Array([3])], "ban-bo.xlsx");
    // The drop's items can be read only while its event runs.
    let during = true;
    const item = (entry: unknown, asFile: File) => ({
      kind: "file",
      getAsFile: () => (during ? asFile : null),
      webkitGetAsEntry: () => {
        if (!during) throw new Error("The drop event is over.");
        return entry;
      },
    });
    const folderFile = new File([], "Bao cao cac xa");
    fireEvent.drop(screen.getByTestId("merge-drop"), {
      dataTransfer: { files: [folderFile, beside], items: [item(dropped, folderFile), item(file("ban-bo.xlsx", 3), beside)] },
    });
    during = false;
    await waitFor(() => expect(files.readFiles).toHaveBeenCalledTimes(1));
    const read = files.readFiles.mock.calls[0]![0] as readonly InputFile[];
    expect(read.map((f) => [f.name, f.bytes[0]])).toEqual([
      ["Bao cao cac xa/Xa A/bao-cao.xlsx", 1],
      ["Bao cao cac xa/Xa B/bao-cao.xlsx", 2],
      ["ban-bo.xlsx", 3],
    ]);
    const bar = await screen.findByTestId("error-bar");
    expect(bar.textContent).toContain("Bỏ qua một số mục trong thư mục");
    expect(bar.textContent).toContain("1 tệp trong thư mục không phải bảng tính, thư điện tử hay tệp nén nên không đọc: “Bao cao cac xa/Xa A/cong-van.pdf”.");
    expect(bar.textContent).not.toContain("~$");
    await waitFor(() =>
      expect(screen.getAllByTestId("file-status").map((c) => c.getAttribute("data-file"))).toEqual(["Bao cao cac xa/Xa A/bao-cao.xlsx", "Bao cao cac xa/Xa B/bao-cao.xlsx", "ban-bo.xlsx"]),
    );
  });

  it("“Hủy” while a folder dropped is walked stops the walk: no file after it is taken, nothing is read, and the tab says it was cancelled", async () => {
    const files = fakeFiles();
    files.readFiles.mockImplementation(async (inputs: readonly InputFile[]) => Promise.all(inputs.map((f) => readAs(f, source(f.name, "Đảng ủy xã Bản Bo", "2021-06-18")))));
    renderWith(<MergeTab />, STANDALONE, { files });
    // The first file is taken from the computer when the test says (a slow disk); the walk is under way meanwhile.
    const asked: string[] = [];
    let release: () => void = () => undefined;
    const file = (name: string): DroppedFileEntry => ({
      name,
      isFile: true,
      isDirectory: false,
      file: (ok) => {
        asked.push(name);
        const give = () => ok(new File([new Uint8Array([1])], name));
        if (asked.length === 1) release = give;
        else setTimeout(give, 0);
      },
    });
    const folder: DroppedFolderEntry = {
      name: "Bao cao cac xa",
      isFile: false,
      isDirectory: true,
      createReader: () => {
        let at = 0;
        const entries = [file("a.xlsx"), file("b.xlsx"), file("c.xlsx")];
        return { readEntries: (ok) => setTimeout(() => ok(entries.slice(at, (at += 3))), 0) };
      },
    };
    const folderFile = new File([], "Bao cao cac xa");
    fireEvent.drop(screen.getByTestId("merge-drop"), {
      dataTransfer: { files: [folderFile], items: [{ kind: "file", getAsFile: () => folderFile, webkitGetAsEntry: () => folder }] },
    });
    await waitFor(() => expect(asked).toEqual(["a.xlsx"]));
    // Before any file is read, the walk is said, with its "Hủy".
    expect(screen.getByTestId("progress").textContent).toContain("Đang đọc thư mục…");
    fireEvent.click(within(screen.getByTestId("progress")).getByRole("button", { name: "Hủy" }));
    release();
    expect((await screen.findByTestId("done")).textContent).toBe("Đã hủy đọc tệp; chưa thêm tệp nào.");
    expect(asked).toEqual(["a.xlsx"]);
    expect(files.readFiles).not.toHaveBeenCalled();
    expect(screen.queryByTestId("file-statuses")).toBeNull();
    expect(screen.queryByTestId("error-bar")).toBeNull();
  });

  it("files dropped while a reading runs are not taken, and the zone says so (to a screen reader too) instead of losing them without a word", async () => {
    const files = await loadSamples();
    renderWith(<MergeTab />, STANDALONE, { files });
    readUntilCancelled(files);
    fireEvent.click(screen.getByRole("button", { name: "Dùng thử với dữ liệu mẫu" }));
    await screen.findByTestId("progress");
    const zone = screen.getByTestId("merge-drop");
    fireEvent.drop(zone, { dataTransfer: { files: [new File([new Uint8Array([7])], "muon.xlsx")] } });
    expect(within(zone).getByTestId("drop-refused").textContent).toBe("Chưa nhận các tệp vừa thả vào vì đang bận việc trước; hãy thả lại khi việc đó xong.");
    expect(within(zone).getByRole("status").textContent).toBe("Chưa nhận các tệp vừa thả vào vì đang bận việc trước; hãy thả lại khi việc đó xong.");
    fireEvent.click(screen.getByRole("button", { name: "Hủy" }));
    await screen.findByTestId("done");
    // Dropped again once free: taken, and the note goes.
    fireEvent.drop(zone, { dataTransfer: { files: [new File([new Uint8Array([7])], "muon.xlsx")] } });
    await waitFor(() => expect(files.readFiles).toHaveBeenCalledTimes(2));
    expect((files.readFiles.mock.calls[1]![0] as readonly InputFile[]).map((f) => f.name)).toEqual(["muon.xlsx"]);
    expect(within(zone).queryByTestId("drop-refused")).toBeNull();
  });

  it("cancelling a later reading keeps the files read before, and says so", async () => {
    const files = await loadSamples();
    renderWith(<MergeTab />, STANDALONE, { files });
    fireEvent.click(screen.getByRole("button", { name: "Dùng thử với dữ liệu mẫu" }));
    await screen.findByTestId("file-statuses");
    readUntilCancelled(files);
    const input = screen.getByLabelText("Chọn các tệp của đơn vị…") as HTMLInputElement;
    fireEvent.change(input, { target: { files: [new File([new Uint8Array([1])], "moi.xlsx")] } });
    // "Hủy" is there from the start; the counts follow.
    await waitFor(() => expect(screen.getByTestId("progress").textContent).toContain("Đang đọc 1/1: moi.xlsx"));
    fireEvent.click(screen.getByRole("button", { name: "Hủy" }));
    expect((await screen.findByTestId("done")).textContent).toBe("Đã hủy đọc tệp; các tệp đọc trước đó vẫn được giữ.");
    expect(screen.getAllByTestId("file-status")).toHaveLength(SOURCES.length);
    expect(screen.queryByTestId("empty")).toBeNull();
  });

  it("shows the reading's progress and “Hủy” right under the buttons that started it, above the lists and fields", async () => {
    const files = await loadSamples();
    renderWith(<MergeTab />, STANDALONE, { files });
    fireEvent.click(screen.getByRole("button", { name: "Dùng thử với dữ liệu mẫu" }));
    await screen.findByTestId("file-statuses");
    readUntilCancelled(files);
    fireEvent.click(screen.getByRole("button", { name: "Dùng thử với dữ liệu mẫu" }));
    const progress = await screen.findByTestId("progress");
    const follows = (a: Node, b: Node) => (a.compareDocumentPosition(b) & Node.DOCUMENT_POSITION_FOLLOWING) !== 0;
    const sample = screen.getByRole("button", { name: "Dùng thử với dữ liệu mẫu" });
    // Next to the buttons that started it: the element after their row.
    expect(sample.parentElement!.nextElementSibling).toBe(progress);
    expect(within(progress).getByRole("button", { name: "Hủy" })).toBeTruthy();
    for (const below of ["units-source", "targets-source", "file-statuses", "missing-units"]) {
      expect(follows(progress, screen.getByTestId(below))).toBe(true);
    }
    fireEvent.click(within(progress).getByRole("button", { name: "Hủy" }));
    await screen.findByTestId("done");
  });

  it("shows the summary's work under the summary's buttons", async () => {
    const files = await loadSamples();
    let finish: (bytes: Uint8Array) => void = () => undefined;
    files.writeXlsx.mockImplementationOnce(() => new Promise<Uint8Array>((resolve) => (finish = resolve)));
    const downloads = captureDownloads();
    renderWith(<MergeTab />, STANDALONE, { files });
    fireEvent.click(screen.getByRole("button", { name: "Dùng thử với dữ liệu mẫu" }));
    await screen.findByTestId("file-statuses");
    fireEvent.click(screen.getByRole("button", { name: "Tải bảng tổng hợp (.xlsx)" }));
    const output = screen.getByTestId("summary-output");
    expect(within(output).getByText("Đang tạo bảng tổng hợp…")).toBeTruthy();
    expect((within(output).getByRole("button", { name: "Dự thảo báo cáo (.docx)" }) as HTMLButtonElement).disabled).toBe(true);
    finish(new Uint8Array([3]));
    await waitFor(() => expect(downloads).toHaveLength(1));
    expect(within(output).queryByText("Đang tạo bảng tổng hợp…")).toBeNull();
  });
});
