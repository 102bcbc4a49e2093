import type { ListedIssue } from "../../../../src/taskpane/shared/IssueList";
import { errorCells } from "../../../../src/taskpane/tabs/check/useCheckSession";

const issue = (severity: ListedIssue["severity"], sheet: string | null, cell: string | null): ListedIssue => ({
  rule: "r",
  severity,
  sheet,
  cell,
  message: "…",
});

describe("the cells “Tô màu ô lỗi” colours", () => {
  it("are the errors' cells, each once, in the order listed; warnings and issues without a cell are left alone", () => {
    expect(
      errorCells([
        issue("error", "Chỉ tiêu", "E19"),
        issue("warning", "Chỉ tiêu", "B12"),
        issue("error", "Văn bản", "C9"),
        issue("error", "Chỉ tiêu", "E19"),
        issue("error", null, null),
      ]),
    ).toEqual([
      { sheet: "Chỉ tiêu", cell: "E19" },
      { sheet: "Văn bản", cell: "C9" },
    ]);
  });
});
