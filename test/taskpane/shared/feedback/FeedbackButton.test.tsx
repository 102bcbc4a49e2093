/** @jest-environment jsdom */
import { fireEvent, screen, waitFor } from "@testing-library/react";
import { mergeReports } from "../../../../src/domain/merge";
import type { Issue } from "../../../../src/domain/model/issues";
import type { UnitReport } from "../../../../src/domain/model/report";
import { makeIssue } from "../../../../src/domain/rules/messages";
import { TAM_DUONG_UNITS } from "../../../../src/domain/units";
import { FeedbackButton, feedbackAllLabel, feedbackItems, missingText } from "../../../../src/taskpane/shared/feedback/FeedbackButton";
import { forgetFiles, keepFiles } from "../../../../src/taskpane/shared/feedback/store";
import { FileCard } from "../../../../src/taskpane/tabs/merge/FileCard";
import { createFileUseCases } from "../../../../src/hosts/browser/file-use-cases";
import { STANDALONE, captureDownloads, fillJsdomGaps, renderWith } from "../../fakes";

// The readers and writers need what jsdom lacks (TextDecoder): loaded once it is filled in.
fillJsdomGaps();
let io: {
  checkFinding: typeof import("../../../../src/app/feedback").checkFinding;
  readWorkbook: typeof import("../../../../src/io/read").readWorkbook;
  writeUnitTemplate: typeof import("../../../../src/io/write").writeUnitTemplate;
  fillTemplate: typeof import("../../../support/fill").fillTemplate;
};
beforeAll(async () => {
  io = {
    checkFinding: (await import("../../../../src/app/feedback")).checkFinding,
    readWorkbook: (await import("../../../../src/io/read")).readWorkbook,
    writeUnitTemplate: (await import("../../../../src/io/write")).writeUnitTemplate,
    fillTemplate: (await import("../../../support/fill")).fillTemplate,
  };
});
afterEach(() => {
  jest.restoreAllMocks();
  forgetFiles();
});

async function unitFile(name: string) {
  const bytes = await io.fillTemplate(await io.writeUnitTemplate(TAM_DUONG_UNITS[0]!, { created: "2021-05-01" }), { indicators: { "1.3": [100, 120] } });
  return { name, bytes };
}

function renderButton(node: React.ReactElement) {
  return renderWith(node, STANDALONE, { files: createFileUseCases({ makeWorker: null }) });
}

describe("Tải tệp góp ý", () => {
  it("saves the feedback file of a unit's file under the unit's file name", async () => {
    const names = captureDownloads();
    const file = await unitFile("Ban Bo.xlsx");
    keepFiles([file]);
    const finding = io.checkFinding(io.readWorkbook(file.bytes, file.name), file.name);
    renderButton(<FeedbackButton items={[{ file: file.name, ...finding }]} />);
    fireEvent.click(screen.getByTestId("feedback-download"));
    await waitFor(() => expect(screen.getByTestId("feedback-status").textContent).toBe('Đã tạo "Ban Bo - góp ý.xlsx".'));
    expect(names).toEqual(["Ban Bo - góp ý.xlsx"]);
  });

  it("saves one .zip for several files, and says which ones it no longer holds", async () => {
    const names = captureDownloads();
    const a = await unitFile("a.xlsx");
    const b = await unitFile("b.xlsx");
    keepFiles([a, b]);
    const finding = io.checkFinding(io.readWorkbook(a.bytes, a.name), a.name);
    renderButton(
      <FeedbackButton
        items={[
          { file: "a.xlsx", ...finding },
          { file: "b.xlsx", ...finding },
          { file: "gone.xlsx", ...finding },
        ]}
      />,
    );
    fireEvent.click(screen.getByTestId("feedback-download"));
    await waitFor(() => expect(screen.getByTestId("feedback-status").textContent).toMatch(/gồm 2 tệp góp ý/));
    expect(names).toHaveLength(1);
    expect(names[0]).toMatch(/^Góp ý các đơn vị \d{4}-\d{2}-\d{2}\.zip$/);
    expect(screen.getByTestId("feedback-status").textContent).toContain(missingText(["gone.xlsx"]));
  });

  it("says why when the page no longer holds the file", async () => {
    const names = captureDownloads();
    renderButton(<FeedbackButton items={[{ file: "x.xlsx", unit: null, issues: [] }]} />);
    fireEvent.click(screen.getByTestId("feedback-download"));
    await waitFor(() => expect(screen.getByTestId("feedback-status").textContent).toBe(`Không tạo được tệp góp ý: ${missingText(["x.xlsx"])}`));
    expect(names).toEqual([]);
  });

  it("for all units, takes the files read that have an error or a warning, not those with information alone", () => {
    const issue = { rule: "negative", severity: "error", sheet: "Chỉ tiêu", cell: "D9", params: { column: "Tổng số", value: -1 }, message: "âm" } as const;
    // Rows read as a breakdown, said as information only: nothing for the unit to mend.
    const info = { rule: "breakdown-rows", severity: "info", sheet: "Chỉ tiêu", cell: "B19", params: { count: 1, indicators: "4.3", rows: "B19" }, message: "chi tiết" } as const;
    expect(
      feedbackItems([
        { file: "a", unit: "A", status: "merged", issues: [issue] },
        { file: "b", unit: "B", status: "merged", issues: [] },
        { file: "c", unit: null, status: "rejected", issues: [issue] },
        { file: "d", unit: "D", status: "merged", issues: [info] },
        { file: "e", unit: "E", status: "merged", issues: [info, issue] },
      ]).map((i) => i.file),
    ).toEqual(["a", "e"]);
  });

  it("names what the merge's button downloads: the one .xlsx for one unit, a .zip for several", () => {
    expect(feedbackAllLabel(1)).toBe("Tải tệp góp ý cho đơn vị có lỗi, cảnh báo (.xlsx)");
    expect(feedbackAllLabel(2)).toBe("Tải tệp góp ý cho các đơn vị có lỗi, cảnh báo (.zip)");
  });
});

describe("the file card of a corrected file", () => {
  const report = (file: string, total: number, reportDate: string): UnitReport => ({
    fileName: file,
    unit: { name: "Đảng ủy xã Bản Bo", source: "header" },
    reportDate,
    indicators: { "1.3": { total, achieved: 7000, typedRatio: null, sheet: "Chỉ tiêu", row: 12, cells: { total: "D12", achieved: "E12", ratio: "F12" }, label: "" } },
    documents: [],
    issues: [],
  });

  it("lists what differs from the version it replaces, and offers the unit's feedback file", () => {
    const summary = mergeReports(
      [
        { file: "ban-bo-1.xlsx", sha256: "1".repeat(64), report: report("ban-bo-1.xlsx", 7600, "2021-06-10") },
        { file: "ban-bo-2.xlsx", sha256: "2".repeat(64), report: report("ban-bo-2.xlsx", 7685, "2021-06-20") },
      ],
      { units: [{ name: "Đảng ủy xã Bản Bo", level: "co-so" }] },
    );
    const merged = summary.files.find((f) => f.status === "merged")!;
    renderButton(<FileCard result={merged} units={[]} assigned={undefined} received="" disabled={false} actions={{ assign: () => {}, prefer: () => {}, setReceived: () => {} }} />);
    expect(screen.getByTestId("file-changes").textContent).toBe('So với tệp "ban-bo-1.xlsx": 1.3 Tổng số: 7.600 → 7.685.');
    expect(screen.getByTestId("feedback-download").textContent).toBe("Tải tệp góp ý");
  });

  it("names what its list holds: information alone is not called errors and warnings", () => {
    const info = makeIssue("breakdown-rows", { sheet: "Chỉ tiêu", cell: "B19" }, { count: 1, indicators: "4.3", rows: 'B19 "- Cơ quan đạt chuẩn an toàn về an ninh trật tự"' });
    const warning = makeIssue("unknown-row", { sheet: "Chỉ tiêu", cell: "B30" }, { row: 30, text: "Số bản có đội văn nghệ" });
    const card = (issues: Issue[]) => {
      const summary = mergeReports([{ file: "ban-bo.xlsx", sha256: "1".repeat(64), report: { ...report("ban-bo.xlsx", 7600, "2021-06-10"), issues } }], {
        units: [{ name: "Đảng ủy xã Bản Bo", level: "co-so" }],
      });
      const merged = summary.files.find((f) => f.status === "merged")!;
      const view = renderButton(<FileCard result={merged} units={[]} assigned={undefined} received="" disabled={false} actions={{ assign: () => {}, prefer: () => {}, setReceived: () => {} }} />);
      const label = screen.getByRole("button", { name: /^Xem / }).textContent;
      view.unmount();
      return label;
    };
    expect(card([info])).toBe("Xem thông tin (1)");
    expect(card([info, warning])).toBe("Xem lỗi, cảnh báo và thông tin (2)");
    expect(card([warning])).toBe("Xem lỗi và cảnh báo (1)");
  });
});
