/** @jest-environment jsdom */
import { render, screen } from "@testing-library/react";
import { FluentProvider, webLightTheme } from "@fluentui/react-components";
import { ResultsTable, type ResultRow } from "../../../src/taskpane/shared/ResultsTable";

describe("the results table's verdicts", () => {
  it("says Đạt, Chưa đạt, Số liệu có lỗi, Không có đối tượng (Tổng số 0) and Chưa đủ số liệu", () => {
    const rows: ResultRow[] = [
      { id: "1.1", total: 40, achieved: 40, ratio: 100, met: true },
      { id: "1.2", total: 100, achieved: 80, ratio: 80, met: false },
      { id: "1.3", total: null, achieved: null, ratio: null, met: null, rejected: [{ unit: "Đảng ủy xã Bản Bo", file: "a.xlsx", sheet: "Chỉ tiêu", cell: "D12" }] },
      { id: "6.1", total: 0, achieved: 0, ratio: null, met: null },
      { id: "4.1", total: null, achieved: null, ratio: null, met: null },
    ];
    render(
      <FluentProvider theme={webLightTheme}>
        <ResultsTable rows={rows} caption="Kết quả" />
      </FluentProvider>,
    );
    const verdictOf = (id: string): string | null => {
      const row = document.querySelectorAll(`tr[data-indicator="${id}"]`);
      return row[row.length - 1]?.lastElementChild?.textContent ?? null;
    };
    expect(["1.1", "1.2", "1.3", "6.1", "4.1"].map(verdictOf)).toEqual(["Đạt", "Chưa đạt", "Số liệu có lỗi", "Không có đối tượng", "Chưa đủ số liệu"]);
    expect(screen.getByRole("table", { name: "Kết quả" })).toBeDefined();
  });
});
