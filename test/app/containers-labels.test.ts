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
    expect(sourceLabel("thu.eml › Báo cáo.xlsx", email)).toBe("Email «Báo cáo Đề án 241» từ Đảng ủy xã Bản Bo <dangybanbo@gmail.com>, 20/6/2021 › Báo cáo.xlsx");
    expect(sourceLabel("x", { kind: "zip", container: "tệp-nén.zip", path: "thư mục/Báo cáo.xlsx" })).toBe("tệp-nén.zip › thư mục/Báo cáo.xlsx");
    expect(sourceLabel("Báo cáo.xlsx", undefined)).toBe("Báo cáo.xlsx");
    expect(vietnamDay("2021-06-19T23:30:00.000Z")).toBe("2021-06-20");
  });

  it("says a file was judged by the email's date, in the cards and on the summary", () => {
    const f = { onTime: true, timeliness: { date: "2021-06-20", by: "email" as const } };
    expect(timelinessText(f)).toBe("Đúng hạn (nộp ngày 20/6/2021 theo thư điện tử)");
    expect(fileTimelinessLabel(f)).toBe("Đúng hạn (nộp ngày 20/6/2021 theo thư điện tử)");
    expect(timelinessText({ onTime: false, timeliness: { date: "2021-06-28", by: "email" } })).toBe("Muộn (nộp ngày 28/6/2021 theo thư điện tử)");
  });
});

describe("versions of one unit ordered by arrival", () => {
  it("keeps, of two files with the same report date, the one whose email came later, whatever the order given", async () => {
    const { buildUnitWorkbook } = await import("../../src/domain/sheets");
    const { writeWorkbookXlsx } = await import("../../src/io/write");
    const { fillTemplate } = await import("../support/fill");
    const { readSource } = await import("../../src/app/sources");
    const { mergeReports } = await import("../../src/domain/merge");
    const { TAM_DUONG_UNITS } = await import("../../src/domain/units");
    const template = await writeWorkbookXlsx(buildUnitWorkbook({ unitName: "Đảng ủy xã Bản Bo", place: "Tam Đường", level: "co-so", created: "2021-05-01" }));
    const fill = (n: number) => fillTemplate(template, { indicators: { "1.1": [n, n] }, dateLine: "Bản Bo, ngày 20 tháng 6 năm 2021" });
    const later = { ...(await readSource({ name: "thu-2.eml › Báo cáo.xlsx", bytes: await fill(12) })), origin: { kind: "email" as const, container: "thu-2.eml", date: "2021-06-22T01:00:00.000Z", path: "Báo cáo.xlsx" } };
    const earlier = { ...(await readSource({ name: "thu-1.eml › Báo cáo.xlsx", bytes: await fill(10) })), origin: { kind: "email" as const, container: "thu-1.eml", date: "2021-06-21T01:00:00.000Z", path: "Báo cáo.xlsx" } };
    const summary = mergeReports([later, earlier], { units: TAM_DUONG_UNITS });
    const status = Object.fromEntries(summary.files.map((f) => [f.file, f.status]));
    expect(status).toEqual({ "thu-2.eml › Báo cáo.xlsx": "merged", "thu-1.eml › Báo cáo.xlsx": "superseded" });
    expect(summary.files.find((f) => f.status === "superseded")!.reason).toContain("theo ngày giờ của thư điện tử");
  });
});

describe("a file from a message that its reader stopped", () => {
  it("is rejected with the time limit's reason and keeps its origin", async () => {
    const { withOrigins } = await import("../../src/app/containers");
    const file = { name: "thu.eml › Báo cáo.xlsx", bytes: new Uint8Array([1, 2, 3]) };
    const origin = { kind: "email" as const, container: "thu.eml", subject: "Báo cáo", path: "Báo cáo.xlsx" };
    const reader = withOrigins({ read: async () => ({ failed: "timeout" as const }) }, { origins: new Map([[file, origin]]), refused: new Map() });
    const source = await reader.read(file, { limitMs: 60_000 });
    expect(source).toMatchObject({ file: file.name, error: { code: "timeout" }, origin });
    expect("error" in source && source.error!.message).toContain("60 giây");
  });
});
