/** @jest-environment jsdom */
import { screen } from "@testing-library/react";
import { INPUT_KINDS_TEXT, LIST_ACCEPT, SPREADSHEET_ACCEPT, SPREADSHEET_KINDS_TEXT, WORKBOOK_ACCEPT } from "../../../src/io/read/formats";
import { HostNotices } from "../../../src/taskpane/HostNotices";
import { CheckTab } from "../../../src/taskpane/tabs/check/CheckTab";
import { MergeTab } from "../../../src/taskpane/tabs/merge/MergeTab";
import { FileDrop } from "../../../src/taskpane/shared/FileDrop";
import { UnitsSource } from "../../../src/taskpane/shared/units";
import { STANDALONE, fakeFiles, renderWith } from "../fakes";

describe("the file pickers accept the kinds the reader reads", () => {
  it("unit workbooks: WORKBOOK_ACCEPT; unit lists: LIST_ACCEPT (CSV and text too)", () => {
    renderWith(
      <>
        <FileDrop label="Chọn tệp…" hint="" onFiles={() => undefined} />
        <UnitsSource />
      </>,
      STANDALONE,
      { files: fakeFiles() },
    );
    const workbooks = screen.getByLabelText("Chọn tệp…").getAttribute("accept")!;
    const lists = screen.getByLabelText("Chọn tệp danh sách đơn vị").getAttribute("accept")!;
    expect(workbooks).toBe(WORKBOOK_ACCEPT);
    expect(lists).toBe(LIST_ACCEPT);
    for (const kind of [".xlsx", ".xlsm", ".xls", ".ods"]) expect(workbooks.split(",")).toContain(kind);
    for (const kind of [".csv", ".txt", ".xlsx", ".xls", ".ods"]) expect(lists.split(",")).toContain(kind);
    expect(workbooks.split(",")).not.toContain(".csv");
  });
});

describe("each place that takes files names what it reads, from the one list, and its picker accepts it", () => {
  const hintOf = (testId: string) => screen.getByTestId(testId).textContent ?? "";
  const acceptOf = (testId: string) => screen.getByTestId(testId).querySelector("input[type=file]")!.getAttribute("accept")!.split(",");

  it("Kiểm tra and the fonts' conversion: every spreadsheet read as it is (CSV, .fods, web pages too), no message or archive", () => {
    renderWith(<CheckTab />, STANDALONE, { files: fakeFiles() });
    for (const testId of ["check-drop", "convert-drop"]) {
      expect(hintOf(testId)).toContain(SPREADSHEET_KINDS_TEXT);
      for (const kind of [".xlsx", ".xls", ".ods", ".fods", ".csv", ".htm"]) {
        expect(hintOf(testId)).toContain(kind);
        expect(acceptOf(testId)).toContain(kind);
      }
      expect(acceptOf(testId).join(",")).toBe(SPREADSHEET_ACCEPT);
      expect(hintOf(testId)).not.toContain(".eml");
    }
    // The tab's introduction lists no kinds of its own.
    expect(screen.getByText(/^Rà soát số liệu/).textContent).not.toMatch(/\.xlsx|\.ods/);
  });

  it("Tổng hợp: every spreadsheet, and messages and archives opened into the spreadsheets inside", () => {
    renderWith(<MergeTab />, STANDALONE, { files: fakeFiles() });
    expect(hintOf("merge-drop")).toContain(INPUT_KINDS_TEXT);
    for (const kind of [".xlsx", ".fods", ".csv", ".htm", ".eml", ".msg", ".zip", ".rar"]) {
      expect(hintOf("merge-drop")).toContain(kind);
      expect(acceptOf("merge-drop")).toContain(kind);
    }
  });

  it("the standalone notice lists no kinds of its own", () => {
    renderWith(<HostNotices />, STANDALONE, { files: fakeFiles() });
    expect(screen.getByTestId("standalone-notice").textContent).not.toMatch(/\.xlsx|\.xls|\.ods/);
  });
});
