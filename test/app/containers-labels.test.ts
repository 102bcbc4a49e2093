/**
 * A file from an email or an archive as the staff see it: its origin as a
 * label, and timeliness by the email's date in the cards' words.
 */
import { sourceLabel, vietnamDay } from "../../src/domain/merge/origin";
import { fileTimelinessLabel } from "../../src/domain/sheets/summary";
import { timelinessText } from "../../src/taskpane/tabs/merge/FileCard";

describe("where a file came from", () => {
  it("names the email (subject, sender, day in Việt Nam) or the archive, then the path", () => {
    const email = {
      kind: "email" as const,
      container: "thu.eml",
      subject: "Báo cáo Đề án 241",
      from: "Đảng ủy xã Bản Bo <dangybanbo@gmail.com>",
      // 23:30 UTC on 19/06 is 06:30 on 20/06 in Việt Nam.
      date: "2021-06-19T23:30:00.000Z",
      path: "Báo cáo.xlsx",
    };
    expect(sourceLabel("thu.eml › Báo cáo.xlsx", email)).toBe("Email «Báo cáo Đề án 241» từ Đảng ủy xã Bản Bo <dangybanbo@gmail.com>, 20/06/2021 › Báo cáo.xlsx");
    expect(sourceLabel("x", { kind: "zip", container: "tệp-nén.zip", path: "thư mục/Báo cáo.xlsx" })).toBe("tệp-nén.zip › thư mục/Báo cáo.xlsx");
    expect(sourceLabel("Báo cáo.xlsx", undefined)).toBe("Báo cáo.xlsx");
    expect(vietnamDay("2021-06-19T23:30:00.000Z")).toBe("2021-06-20");
  });

  it("says a file was judged by the email's date, in the cards and on the summary", () => {
    const f = { onTime: true, timeliness: { date: "2021-06-20", by: "email" as const } };
    expect(timelinessText(f)).toBe("Đúng hạn (nộp ngày 20/06/2021 theo thư điện tử)");
    expect(fileTimelinessLabel(f)).toBe("Đúng hạn (nộp ngày 20/06/2021 theo thư điện tử)");
    expect(timelinessText({ onTime: false, timeliness: { date: "2021-06-28", by: "email" } })).toBe("Muộn (nộp ngày 28/06/2021 theo thư điện tử)");
  });
});
