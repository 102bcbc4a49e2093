/**
 * A note of information (rows read as a breakdown, never summed) in the feedback to a unit: its own word and a light
 * blue shade, never counted as a warning, and a cell with a warning too is shaded as the warning.
 */
import { countsText, FEEDBACK_FILLS, feedbackNotes, planFeedback } from "../../../src/domain/feedback";
import { makeIssue } from "../../../src/domain/rules/messages";

const info = makeIssue("breakdown-rows", { sheet: "Chỉ tiêu", cell: "B19" }, { count: 1, indicators: "4.3", rows: 'B19 "Cơ quan đạt chuẩn an toàn về an ninh trật tự"' });
const warning = makeIssue("unknown-row", { sheet: "Chỉ tiêu", cell: "B19" }, { row: 19, text: "Cộng" });

describe("a note of information in the feedback", () => {
  it("is counted apart from warnings", () => {
    expect(countsText([info])).toBe("0 lỗi, 0 cảnh báo, 1 thông tin");
    expect(countsText([warning])).toBe("0 lỗi, 1 cảnh báo");
  });

  it("is a light blue note of its own, and gives way to a warning in the same cell", () => {
    expect(feedbackNotes([info], ["Chỉ tiêu"])).toEqual([expect.objectContaining({ cell: "B19", severity: "info", text: expect.stringMatching(/^Thông tin: 1 dòng/) })]);
    expect(feedbackNotes([info, warning], ["Chỉ tiêu"])).toEqual([expect.objectContaining({ cell: "B19", severity: "warning" })]);
    expect(FEEDBACK_FILLS.info).not.toBe(FEEDBACK_FILLS.warning);
  });

  it("is named in the sheet's opening line with its shade", () => {
    const plan = planFeedback({ issues: [info], sheetNames: ["Chỉ tiêu"], unit: "Đảng ủy xã Bản Bo", file: "ban-bo.xlsx", date: "2021-06-05" });
    const texts = plan.sheet.cells.map((c) => String(c.value));
    expect(texts.some((t) => t.includes("Có 0 lỗi, 0 cảnh báo, 1 thông tin.") && t.includes("xanh nhạt: thông tin"))).toBe(true);
    expect(texts).toContain("Thông tin");
  });
});
