/** @jest-environment jsdom */
import { FluentProvider, webLightTheme } from "@fluentui/react-components";
import { fireEvent, render, screen, waitFor } from "@testing-library/react";
import { mergeReports, type MergeSource } from "../../../../../src/domain/merge";
import type { Reminder } from "../../../../../src/domain/remind";
import type { Unit } from "../../../../../src/domain/units";
import { letterFileName, type RemindActions } from "../../../../../src/taskpane/tabs/merge/remind/actions";
import { RemindUnits } from "../../../../../src/taskpane/tabs/merge/remind/RemindUnits";
import { source } from "../../../fakes";

const UNITS: Unit[] = [
  { name: "Đảng ủy xã Bản Bo", level: "co-so", email: "banbo@laichau.gov.vn" },
  { name: "Đảng ủy xã Bình Lư", level: "co-so", email: "binhlu@laichau.gov.vn" },
  { name: "Phòng Nội vụ", level: "huyen", email: "noivu@laichau.gov.vn" },
  { name: "Trung tâm Chính trị", level: "huyen" },
];

const SOURCES: MergeSource[] = [
  source("ban-bo.xlsx", "Đảng ủy xã Bản Bo", "2021-06-18"),
  { file: "Phong-Noi-vu.xlsx", sha256: "f".repeat(64), error: { code: "corrupt", message: "Không đọc được tệp Phong-Noi-vu.xlsx: tệp bị hỏng." } },
];

function fakeActions(copied = true) {
  const calls = { copied: [] as string[], letters: [] as Reminder[] };
  const actions: RemindActions = {
    copyText: jest.fn(async (text: string) => {
      calls.copied.push(text);
      return copied;
    }),
    saveLetter: jest.fn(async (r: Reminder) => {
      calls.letters.push(r);
      return letterFileName("2021-06-28");
    }),
  };
  return { actions, calls };
}

function show(sources: readonly MergeSource[], actions: RemindActions) {
  const summary = mergeReports(sources, { units: UNITS, deadline: "2021-06-25" });
  return render(
    <FluentProvider theme={webLightTheme}>
      <RemindUnits summary={summary} units={UNITS} actions={actions} />
    </FluentProvider>,
  );
}

describe("Nhắc đơn vị", () => {
  it("links a mailto: with the addresses in Bcc, the subject and the body shown, and copies that body", async () => {
    const { actions, calls } = fakeActions();
    show(SOURCES, actions);
    const link = screen.getByRole("link", { name: "Soạn thư nhắc" });
    const href = link.getAttribute("href")!;
    expect(href.startsWith("mailto:?bcc=binhlu@laichau.gov.vn,noivu@laichau.gov.vn&subject=")).toBe(true);
    const body = (screen.getByTestId("remind-body") as HTMLTextAreaElement).value;
    expect(decodeURIComponent(/[?&]body=([^&]*)/.exec(href)![1]!)).toBe(body.replace(/\n/g, "\r\n"));
    expect(body).toContain("1. Đảng ủy xã Bình Lư: chưa gửi báo cáo.");
    expect(body).toContain('2. Phòng Nội vụ: đã gửi nhưng tệp "Phong-Noi-vu.xlsx" không sử dụng được');
    expect(screen.getByTestId("remind-bcc").textContent).toBe("Gửi (Bcc): binhlu@laichau.gov.vn, noivu@laichau.gov.vn");
    expect(screen.getByTestId("remind-no-address").textContent).toContain("Trung tâm Chính trị");

    fireEvent.click(screen.getByRole("button", { name: "Sao chép nội dung" }));
    await waitFor(() => expect(screen.getByTestId("remind-status").textContent).toBe("Đã sao chép nội dung thư."));
    expect(calls.copied).toEqual([body]);
  });

  it("names a new deadline typed in the text, the link and the letter", async () => {
    const { actions, calls } = fakeActions();
    show(SOURCES, actions);
    expect(screen.getByTestId("remind-subject").textContent).toContain("trước ngày 25 tháng 6 năm 2021");
    fireEvent.change(screen.getByRole("textbox", { name: /Hạn nộp nêu trong thư nhắc/ }), { target: { value: "05/07/2021" } });
    expect(screen.getByTestId("remind-subject").textContent).toBe("Tiêu đề: Đôn đốc gửi báo cáo tổng kết Đề án 241 trước ngày 05 tháng 7 năm 2021");
    expect(decodeURIComponent(screen.getByRole("link", { name: "Soạn thư nhắc" }).getAttribute("href")!)).toContain("trước ngày 05 tháng 7 năm 2021 (hạn mới)");

    fireEvent.click(screen.getByRole("button", { name: "Tải công văn đôn đốc (.docx)" }));
    await waitFor(() => expect(screen.getByTestId("remind-status").textContent).toContain("Đã tạo tệp Cong-van-don-doc-De-an-241-2021-06-28.docx"));
    expect(calls.letters.map((r) => [r.deadline, r.units.length])).toEqual([["2021-07-05", 3]]);
  });

  it("says how to copy by hand when the clipboard refuses", async () => {
    const { actions } = fakeActions(false);
    show(SOURCES, actions);
    fireEvent.click(screen.getByRole("button", { name: "Sao chép nội dung" }));
    await waitFor(() => expect(screen.getByTestId("remind-status").textContent).toContain("Không sao chép được"));
  });

  it("shows nothing when every unit has sent", () => {
    const all = UNITS.map((u, k) => source(`f${k}.xlsx`, u.name, "2021-06-18"));
    const { actions } = fakeActions();
    show(all, actions);
    expect(screen.queryByTestId("remind")).toBeNull();
  });
});
