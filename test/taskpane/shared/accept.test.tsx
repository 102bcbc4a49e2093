/** @jest-environment jsdom */
import { screen } from "@testing-library/react";
import { LIST_ACCEPT, WORKBOOK_ACCEPT } from "../../../src/io/read/formats";
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
