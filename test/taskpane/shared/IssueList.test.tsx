/** @jest-environment jsdom */
import { render, screen, within } from "@testing-library/react";
import { FluentProvider, webLightTheme } from "@fluentui/react-components";
import { IssueList, byCell, cellPosition, groupBySheet, type ListedIssue } from "../../../src/taskpane/shared/IssueList";

const at = (sheet: string | null, cell: string | null, severity: ListedIssue["severity"] = "error"): ListedIssue => ({
  rule: "r",
  severity,
  sheet,
  cell,
  message: `${sheet ?? "tệp"}!${cell ?? "-"} ${severity}`,
});

describe("issues in the order of their cells", () => {
  it("reads a cell's row and column, ranges by their first cell", () => {
    expect(cellPosition("E12")).toEqual([12, 5]);
    expect(cellPosition("$AA$3")).toEqual([3, 27]);
    expect(cellPosition("B10:D12")).toEqual([10, 2]);
    expect(cellPosition(null)).toBeNull();
  });

  it("sorts by sheet (the whole file first), then row, then column; errors before warnings in one cell", () => {
    const issues = [
      at("Chỉ tiêu", "E19"),
      at("Chỉ tiêu", "B12", "warning"),
      at("Văn bản", "C9"),
      at("Chỉ tiêu", "D12"),
      at("Chỉ tiêu", "AA2"),
      at("Chỉ tiêu", "B12"),
      at("Chỉ tiêu", null, "warning"),
      at(null, null),
      at("Chỉ tiêu", "E9"),
    ];
    const groups = groupBySheet(issues);
    expect(groups.map((g) => g.sheet)).toEqual(["", "Chỉ tiêu", "Văn bản"]);
    expect(groups[1]!.issues.map((i) => `${i.cell ?? "-"} ${i.severity}`)).toEqual([
      "- warning",
      "AA2 error",
      "E9 error",
      "B12 error",
      "B12 warning",
      "D12 error",
      "E19 error",
    ]);
    expect(byCell(at("S", "A10"), at("S", "A9"))).toBeGreaterThan(0);
  });

  it("shows them in that order", () => {
    render(
      <FluentProvider theme={webLightTheme}>
        <IssueList issues={[at("Chỉ tiêu", "E19"), at("Chỉ tiêu", "C3", "warning"), at("Chỉ tiêu", "C20")]} />
      </FluentProvider>,
    );
    const items = within(screen.getByRole("region", { name: "Trang tính Chỉ tiêu" })).getAllByRole("listitem");
    expect(items.map((li) => li.textContent?.match(/[A-Z]+\d+/)?.[0])).toEqual(["C3", "E19", "C20"]);
  });
});

describe("a note of information among the issues", () => {
  it("comes after the errors and warnings of its cell, with its own word and count, not counted as a warning", () => {
    const issues = [at("Chỉ tiêu", "B19", "info"), at("Chỉ tiêu", "B19", "warning"), at("Chỉ tiêu", "B19")];
    expect(groupBySheet(issues)[0]!.issues.map((i) => i.severity)).toEqual(["error", "warning", "info"]);
    render(
      <FluentProvider theme={webLightTheme}>
        <IssueList issues={issues} />
      </FluentProvider>,
    );
    const region = screen.getByRole("region", { name: "Trang tính Chỉ tiêu" });
    expect(region.textContent).toContain("1 lỗi");
    expect(region.textContent).toContain("1 cảnh báo");
    expect(region.textContent).toContain("1 thông tin");
    const items = within(region).getAllByRole("listitem");
    expect(items[2]!.getAttribute("data-severity")).toBe("info");
    expect(items[2]!.textContent).toContain("Thông tin");
  });
});
