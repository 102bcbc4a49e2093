/** @jest-environment jsdom */
/**
 * The Tổng hợp tab's report draft and its targets: "Dự thảo báo cáo (.docx)"
 * on the real use case (the docx writer runs), a targets file picked and read
 * by the real reader, and inside Excel the open workbook's "Mục tiêu" sheet.
 */
import { fireEvent, screen, waitFor } from "@testing-library/react";
import ExcelJS from "exceljs";
import { strFromU8, unzipSync } from "fflate";
import { createFileUseCases } from "../../../../src/hosts/browser/file-use-cases";
import type { InputFile } from "../../../../src/app/usecases";
import { INDICATORS, PROGRAMME } from "../../../../src/domain/catalogue";
import { REPORT_OUTLINE } from "../../../../src/domain/catalogue/outline";
import type { GridSheet } from "../../../../src/domain/model/grid";
import type { MergeSource } from "../../../../src/domain/merge";
import { DRAFT_TITLE } from "../../../../src/domain/report-draft";
import { OPEN_WORKBOOK_TARGETS } from "../../../../src/app/targets";
import { MergeTab } from "../../../../src/taskpane/tabs/merge/MergeTab";
import { draftFileName } from "../../../../src/taskpane/tabs/merge/names";
import { EXCEL, STANDALONE, captureDownloads, fakeFiles, fakeWorkbook, renderWith, report, fillJsdomGaps } from "../../fakes";
import { savesSettled } from "../../../../src/taskpane/tabs/merge/saved-session";

fillJsdomGaps();

afterEach(() => jest.restoreAllMocks());
// The tab keeps its work in the browser's storage: each test starts without one.
// A save a test started may still be packing after it ended: done before the storage is emptied, so it writes no session into the next test.
beforeEach(async () => {
  await savesSettled();
  localStorage.clear();
});

const TEXT_11 = INDICATORS.find((i) => i.id === "1.1")!.text;

/** Two units' reports: 1.1 at 85/100 in all (below Đề án 241's 100%, above a plan's 80%). */
const SOURCES: MergeSource[] = [
  ["ban-bo.xlsx", "Đảng ủy xã Bản Bo", 60, 50],
  ["binh-lu.xlsx", "Đảng ủy xã Bình Lư", 40, 35],
].map(([file, unit, total, achieved]) => ({
  file: file as string,
  sha256: (file as string).padEnd(64, "0").slice(0, 64),
  report: report(file as string, unit as string, "2021-06-20", {
    indicators: {
      "1.1": {
        total: total as number,
        achieved: achieved as number,
        typedRatio: null,
        sheet: "Chỉ tiêu",
        row: 10,
        cells: { total: "D10", achieved: "E10", ratio: "F10" },
        label: TEXT_11,
      },
    },
  }),
}));

function withSamples(files: ReturnType<typeof fakeFiles>) {
  files.sampleFiles.mockResolvedValue(SOURCES.map((s) => ({ name: s.file, bytes: new Uint8Array([1]) })));
  files.readFiles.mockResolvedValue(SOURCES);
  return files;
}

async function loadSamples() {
  fireEvent.click(screen.getByRole("button", { name: "Dùng thử với dữ liệu mẫu" }));
  await screen.findByTestId("summary-table");
}

const row11 = () => screen.getByTestId("summary-table").querySelector('[data-indicator="1.1"]')!;

/** A workbook with only a "Mục tiêu" sheet: Chỉ tiêu | Nội dung | Mục tiêu, 1.1 at 80% and one row that cannot be read. */
async function targetsWorkbook(): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet("Mục tiêu");
  ws.addRow(["Chỉ tiêu", "Nội dung", "Mục tiêu"]);
  ws.addRow(["1.1", TEXT_11, "80%"]);
  ws.addRow(["4.2", INDICATORS.find((i) => i.id === "4.2")!.text, "nhiều"]);
  return new Uint8Array(await wb.xlsx.writeBuffer());
}

function pick(label: string, name: string, bytes: Uint8Array) {
  const input = screen.getByLabelText(label) as HTMLInputElement;
  fireEvent.change(input, { target: { files: [new File([bytes as Uint8Array<ArrayBuffer>], name)] } });
}

describe("Tổng hợp tab: report draft", () => {
  it("downloads a .docx draft made from the summary: a Word file with the title and the outline's headings", async () => {
    const real = createFileUseCases({ makeWorker: null });
    const files = withSamples(fakeFiles());
    files.reportDraft.mockImplementation(real.reportDraft);
    const downloads = captureDownloads();
    const blobs: Blob[] = [];
    (URL.createObjectURL as jest.Mock).mockImplementation((blob: Blob) => {
      blobs.push(blob);
      return "blob:test";
    });
    renderWith(<MergeTab />, STANDALONE, { files });
    await loadSamples();

    fireEvent.click(screen.getByRole("button", { name: "Dự thảo báo cáo (.docx)" }));
    // Fails at once with the error bar's text if the draft could not be made.
    await waitFor(() => expect(screen.queryByTestId("error-bar")?.textContent ?? downloads.length).toBe(1), { timeout: 20_000 });
    expect(downloads[0]).toBe(draftFileName(downloads[0]!.slice(-15, -5)));
    expect(downloads[0]).toMatch(/^Du-thao-bao-cao-De-an-241-\d{4}-\d{2}-\d{2}\.docx$/);
    expect(blobs[0]!.type).toBe("application/vnd.openxmlformats-officedocument.wordprocessingml.document");
    expect((await screen.findByTestId("done")).textContent).toContain(downloads[0]);

    // The draft was made from the summary on screen, with the letter's issuer; its number and date are left to fill in when signed.
    const [summary, options] = files.reportDraft.mock.calls[0]!;
    const run = await files.summarise.mock.results.at(-1)!.value;
    expect(summary).toBe(run.summary);
    expect(options).toMatchObject({ unitName: PROGRAMME.letter.issuer, superior: PROGRAMME.letter.superior, place: PROGRAMME.letter.place });
    expect(options.date).toBeUndefined();
    expect(options.number).toBeUndefined();

    const bytes: Uint8Array = await files.reportDraft.mock.results[0]!.value;
    expect(strFromU8(bytes.slice(0, 2))).toBe("PK");
    const document = strFromU8(unzipSync(bytes)["word/document.xml"]!);
    expect(document).toContain(DRAFT_TITLE);
    expect(DRAFT_TITLE).toBe("BÁO CÁO");
    expect(document).toContain(REPORT_OUTLINE.sections[1]!.text);
    expect(document).toContain(`${PROGRAMME.letter.place}, ngày … tháng … năm 20…`);
    expect(document).toContain("Số ……-BC/HU");
  }, 60_000);

  it("a draft that cannot be made is reported with its reason, not swallowed", async () => {
    const files = withSamples(fakeFiles());
    files.reportDraft.mockRejectedValue(new Error("Không tải được thư viện soạn văn bản."));
    const downloads = captureDownloads();
    renderWith(<MergeTab />, STANDALONE, { files });
    await loadSamples();
    fireEvent.click(screen.getByRole("button", { name: "Dự thảo báo cáo (.docx)" }));
    const bar = await screen.findByTestId("error-bar");
    expect(bar.textContent).toContain("Không tạo được dự thảo báo cáo");
    expect(bar.textContent).toContain("Không tải được thư viện soạn văn bản.");
    expect(downloads).toEqual([]);
  });

  it("inside Excel the draft downloads the same way", async () => {
    const files = withSamples(fakeFiles());
    const downloads = captureDownloads();
    renderWith(<MergeTab />, EXCEL, { files, workbook: fakeWorkbook() });
    await loadSamples();
    fireEvent.click(screen.getByRole("button", { name: "Dự thảo báo cáo (.docx)" }));
    await waitFor(() => expect(downloads).toHaveLength(1));
    expect(downloads[0]).toMatch(/\.docx$/);
    expect(files.reportDraft).toHaveBeenCalledTimes(1);
  });
});

describe("Tổng hợp tab: targets", () => {
  it("by default judges by Đề án 241's targets and says so", async () => {
    const files = withSamples(fakeFiles());
    renderWith(<MergeTab />, STANDALONE, { files });
    await loadSamples();
    expect(screen.getByTestId("summary-targets").textContent).toBe("Mục tiêu đánh giá: theo Đề án 241.");
    expect(files.summarise.mock.calls.at(-1)![1].targets).toBeUndefined();
    expect(row11().textContent).toContain("Chưa đạt");
    expect(row11().getAttribute("data-target-changed")).toBeNull();
  });

  it("a picked targets file (read by the real reader) changes the targets, the result and the line; removing it restores Đề án 241's", async () => {
    const real = createFileUseCases({ makeWorker: null });
    const files = withSamples(fakeFiles());
    files.readTargetsFile.mockImplementation(real.readTargetsFile);
    renderWith(<MergeTab />, STANDALONE, { files });
    await loadSamples();
    expect(row11().textContent).toContain("Chưa đạt");

    pick("Chọn tệp mục tiêu", "muc-tieu.xlsx", await targetsWorkbook());
    await waitFor(() => expect(screen.getByTestId("summary-targets").textContent).toContain("tệp muc-tieu.xlsx"));
    const options = files.summarise.mock.calls.at(-1)![1];
    expect(options.targetsSource).toBe("muc-tieu.xlsx");
    expect(options.targets?.["1.1"]).toEqual({ op: ">=", value: 80 });
    expect(screen.getByTestId("summary-targets").textContent).toContain("1.1: 80% (Đề án 241: 100%)");
    expect(row11().textContent).toContain("Đạt");
    expect(row11().textContent).not.toContain("Chưa đạt");
    expect(row11().getAttribute("data-target-changed")).toBe("true");
    expect(screen.getByTestId("targets-source").textContent).toContain("Đang dùng mục tiêu của tệp muc-tieu.xlsx: khác Đề án 241 ở 1 chỉ tiêu.");
    // The row that could not be read is shown with its cell.
    const issues = screen.getByTestId("targets-issues").textContent!;
    expect(issues).toContain("Mục tiêu!C3");
    expect(issues).toContain("Chỉ tiêu 4.2");

    fireEvent.click(screen.getByRole("button", { name: "Bỏ tệp mục tiêu" }));
    await waitFor(() => expect(screen.getByTestId("summary-targets").textContent).toBe("Mục tiêu đánh giá: theo Đề án 241."));
    expect(row11().textContent).toContain("Chưa đạt");
  });

  it("a targets file without a “Mục tiêu” sheet is refused with a clear message, and a file that cannot be read names its reason", async () => {
    const real = createFileUseCases({ makeWorker: null });
    const files = withSamples(fakeFiles());
    files.readTargetsFile.mockImplementation(real.readTargetsFile);
    renderWith(<MergeTab />, STANDALONE, { files });
    await loadSamples();

    const wb = new ExcelJS.Workbook();
    wb.addWorksheet("Trang 1").addRow(["không có mục tiêu"]);
    pick("Chọn tệp mục tiêu", "khac.xlsx", new Uint8Array(await wb.xlsx.writeBuffer()));
    const bar = await screen.findByTestId("error-bar");
    expect(bar.textContent).toContain("Không dùng được tệp mục tiêu khac.xlsx");
    expect(bar.textContent).toContain("không có trang “Mục tiêu”");
    // The file is named once, in the title.
    expect(bar.textContent!.split("khac.xlsx")).toHaveLength(2);
    expect(screen.getByTestId("summary-targets").textContent).toBe("Mục tiêu đánh giá: theo Đề án 241.");

    pick("Chọn tệp mục tiêu", "hong.xlsx", new Uint8Array([0x50, 0x4b, 3, 4, 9, 9, 9]));
    await waitFor(() => expect(screen.getByTestId("error-bar").textContent).toContain("Không đọc được tệp mục tiêu"));
    // The reason names the file ("Không đọc được tệp hong.xlsx: …"); the title does not name it again.
    expect(screen.getByTestId("error-bar").textContent!.split("hong.xlsx")).toHaveLength(2);
  });

  it("inside Excel uses the open workbook's “Mục tiêu” sheet, and a picked file overrides it", async () => {
    const files = withSamples(fakeFiles());
    const workbook = fakeWorkbook();
    const sheet: GridSheet = {
      name: "Mục tiêu",
      visibility: "visible",
      rows: [
        [{ v: "Chỉ tiêu" }, { v: "Nội dung" }, { v: "Mục tiêu" }],
        [{ v: "1.1" }, { v: TEXT_11 }, { v: 0.8, z: "0%", w: "80%" }],
      ],
      merges: [],
    };
    workbook.readWorkbook.mockResolvedValue({ sheets: [sheet] });
    renderWith(<MergeTab />, EXCEL, { files, workbook });
    await loadSamples();
    await waitFor(() => expect(files.summarise.mock.calls.at(-1)![1].targetsSource).toBe(OPEN_WORKBOOK_TARGETS));
    expect(files.targetsOfGrid).toHaveBeenCalledWith({ sheets: [sheet] });
    expect(files.summarise.mock.calls.at(-1)![1].targets?.["1.1"]).toEqual({ op: ">=", value: 80 });
    await waitFor(() => expect(screen.getByTestId("summary-targets").textContent).toContain(OPEN_WORKBOOK_TARGETS));
    expect(row11().textContent).not.toContain("Chưa đạt");
    expect(screen.getByTestId("targets-source").textContent).toContain("Đang dùng trang “Mục tiêu” của sổ làm việc đang mở");

    // A picked file wins over the workbook's sheet.
    files.readTargetsFile.mockImplementation(async (file: InputFile) => {
      const real = createFileUseCases({ makeWorker: null });
      return real.readTargetsFile(file);
    });
    pick("Chọn tệp mục tiêu", "ke-hoach.xlsx", await targetsWorkbook());
    await waitFor(() => expect(files.summarise.mock.calls.at(-1)![1].targetsSource).toBe("ke-hoach.xlsx"));
    await waitFor(() => expect(screen.getByTestId("summary-targets").textContent).toContain("tệp ke-hoach.xlsx"));
  });

  it("inside Excel a workbook that cannot be read is reported, and the merge goes on with Đề án 241's targets", async () => {
    const files = withSamples(fakeFiles());
    const workbook = fakeWorkbook();
    workbook.readWorkbook.mockRejectedValue(new Error("Sổ làm việc quá lớn để đọc."));
    renderWith(<MergeTab />, EXCEL, { files, workbook });
    await loadSamples();
    const bar = await screen.findByTestId("error-bar");
    expect(bar.textContent).toContain("Không đọc được trang “Mục tiêu” của sổ làm việc");
    expect(bar.textContent).toContain("Sổ làm việc quá lớn để đọc.");
    expect(screen.getByTestId("summary-targets").textContent).toBe("Mục tiêu đánh giá: theo Đề án 241.");
  });
});
