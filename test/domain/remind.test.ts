/** Reminders: who is reminded, their addresses in Bcc, the Vietnamese subject and body, the mailto: link, the letter's model. */
import { mergeReports, type MergeSource } from "../../src/domain/merge";
import type { UnitReport } from "../../src/domain/model/report";
import { buildRemindLetter, buildReminder, mailtoHref, REMIND_LETTER, unitsToRemind } from "../../src/domain/remind";
import type { Unit } from "../../src/domain/units";

const UNITS: Unit[] = [
  { name: "Đảng ủy xã Bản Bo", level: "co-so", email: "banbo@laichau.gov.vn" },
  { name: "Đảng ủy xã Bản Giang", level: "co-so", email: "BanGiang@laichau.gov.vn; vp+bg@gmail.com" },
  { name: "Phòng Nội vụ", level: "huyen", email: "noivu@laichau.gov.vn" },
  { name: "Trung tâm Chính trị", level: "huyen" },
];

function report(unit: string): UnitReport {
  return {
    fileName: `${unit}.xlsx`,
    unit: { name: unit, source: "header" },
    reportDate: "2021-06-20",
    indicators: {
      "1.1": { total: 10, achieved: 9, typedRatio: null, sheet: "Chỉ tiêu", row: 10, cells: { total: "D10", achieved: "E10", ratio: "F10" }, label: "" },
    },
    documents: [],
    issues: [],
  };
}

const SOURCES: MergeSource[] = [
  { file: "ban-bo.xlsx", sha256: "a".repeat(64), report: report("Đảng ủy xã Bản Bo") },
  { file: "Phong-Noi-vu.xlsx", sha256: "b".repeat(64), error: { code: "corrupt", message: "Tệp Phong-Noi-vu.xlsx bị hỏng, không mở được." } },
];

/** The fields of a mailto: link, decoded. */
function decodeMailto(href: string): { to: string; fields: Record<string, string> } {
  expect(href.startsWith("mailto:")).toBe(true);
  const [to, query = ""] = href.slice("mailto:".length).split("?");
  const fields: Record<string, string> = {};
  for (const part of query.split("&")) {
    const eq = part.indexOf("=");
    fields[part.slice(0, eq)] = decodeURIComponent(part.slice(eq + 1));
  }
  return { to: to!, fields };
}

describe("buildReminder", () => {
  const summary = mergeReports(SOURCES, { units: UNITS });
  const reminder = buildReminder({ units: UNITS, outcome: summary, deadline: "2021-06-30" });

  it("reminds the units not received, and says which sent a rejected file and why", () => {
    expect(reminder.units.map((u) => [u.unit, u.state])).toEqual([
      ["Đảng ủy xã Bản Giang", "missing"],
      ["Phòng Nội vụ", "rejected"],
      ["Trung tâm Chính trị", "missing"],
    ]);
    expect(reminder.units[1]!.rejected).toEqual([{ file: "Phong-Noi-vu.xlsx", reason: "Tệp Phong-Noi-vu.xlsx bị hỏng, không mở được" }]);
  });

  it("puts every address once in Bcc and lists the units without one", () => {
    expect(reminder.bcc).toEqual(["BanGiang@laichau.gov.vn", "vp+bg@gmail.com", "noivu@laichau.gov.vn"]);
    expect(reminder.noAddress).toEqual(["Trung tâm Chính trị"]);
  });

  it("names the deadline in words and what is missing per unit", () => {
    expect(reminder.subject).toBe("Đôn đốc gửi báo cáo tổng kết Đề án 241 trước ngày 30 tháng 6 năm 2021");
    const lines = reminder.body.split("\n");
    expect(lines).toContain("1. Đảng ủy xã Bản Giang: chưa gửi báo cáo.");
    expect(lines).toContain(
      '2. Phòng Nội vụ: đã gửi nhưng tệp "Phong-Noi-vu.xlsx" không sử dụng được (Tệp Phong-Noi-vu.xlsx bị hỏng, không mở được); đề nghị sửa và gửi lại.',
    );
    expect(lines).toContain("3. Trung tâm Chính trị: chưa gửi báo cáo.");
    expect(reminder.body).toContain("Công văn số 232-CV/HU");
    expect(reminder.body).toContain("trước ngày 25 tháng 6 năm 2021.");
    expect(reminder.body).toContain("trước ngày 30 tháng 6 năm 2021 (hạn mới)");
    expect(reminder.body).toContain("btghu.tamduong@laichau.gov.vn");
    expect(reminder.body).not.toContain("Bản Bo");
  });

  it("asks by the letter's deadline when no new one is given", () => {
    const r = buildReminder({ units: UNITS, outcome: summary });
    expect(r.deadline).toBe("2021-06-25");
    expect(r.subject).toContain("trước ngày 25 tháng 6 năm 2021");
    expect(r.body).not.toContain("hạn mới");
  });

  it("reminds every unit of the list when nothing was merged yet", () => {
    const r = buildReminder({ units: UNITS, outcome: null });
    expect(r.units.map((u) => u.unit)).toEqual(UNITS.map((u) => u.name));
    expect(r.units.every((u) => u.state === "missing")).toBe(true);
  });

  it("has no link when every unit has sent", () => {
    const all = buildReminder({ units: UNITS.slice(0, 1), outcome: summary });
    expect(all.units).toEqual([]);
    expect(all.mailto).toBeNull();
  });

  it("matches the received units by name without case or diacritics", () => {
    expect(unitsToRemind(UNITS, { received: ["ĐẢNG ỦY XÃ BẢN GIANG"], files: [] }).map((u) => u.unit)).not.toContain("Đảng ủy xã Bản Giang");
  });
});

describe("mailtoHref", () => {
  it("encodes per RFC 6068: Bcc, UTF-8 percent-encoding, %20 for spaces, %0D%0A for line breaks", () => {
    const href = mailtoHref(["a@x.vn", "vp+bg@gmail.com"], "Đôn đốc báo cáo", "Dòng một\nDòng & hai = ?");
    expect(href).toBe(
      "mailto:?bcc=a@x.vn,vp%2Bbg@gmail.com&subject=%C4%90%C3%B4n%20%C4%91%E1%BB%91c%20b%C3%A1o%20c%C3%A1o&body=D%C3%B2ng%20m%E1%BB%99t%0D%0AD%C3%B2ng%20%26%20hai%20%3D%20%3F",
    );
    expect(href).not.toMatch(/[\s+]|[^\x21-\x7e]/);
  });

  it("round-trips the reminder's addresses, subject and body", () => {
    const r = buildReminder({ units: UNITS, outcome: null, deadline: "2021-07-05" });
    const { to, fields } = decodeMailto(r.mailto!);
    expect(to).toBe("");
    expect(fields.bcc!.split(",")).toEqual(r.bcc);
    expect(fields.subject).toBe(r.subject);
    expect(fields.body).toBe(r.body.replace(/\n/g, "\r\n"));
  });

  it("writes the subject in NFC whatever the input's normalisation", () => {
    expect(mailtoHref([], "Đ\u00f4n", "")).toBe(mailtoHref([], "Đo\u0302n", ""));
  });
});

describe("buildRemindLetter", () => {
  const reminder = buildReminder({ units: UNITS, outcome: mergeReports(SOURCES, { units: UNITS }), deadline: "2021-06-30" });
  const letter = buildRemindLetter(reminder);
  const text = JSON.stringify(letter);

  it("has the Party's header, number, subject line and a date line to fill", () => {
    const header = letter.blocks[0]!;
    expect(header.kind).toBe("columns");
    if (header.kind !== "columns") return;
    const lines = header.columns.map((c) => c.lines.map((l) => l.map((r) => r.text).join("")));
    expect(lines[0]).toEqual(["HUYỆN ỦY TAM ĐƯỜNG", "BAN TUYÊN GIÁO", "*", "Số …-CV/BTGHU", "V/v đôn đốc báo cáo tổng kết thực hiện Đề án 241"]);
    expect(lines[1]).toEqual(["ĐẢNG CỘNG SẢN VIỆT NAM", "Tam Đường, ngày …… tháng …… năm ………"]);
  });

  it("addresses the units, lists them with what is missing, names the new deadline, Nơi nhận and the signer", () => {
    expect(text).toContain("Kính gửi:");
    expect(text).toContain("- Đảng ủy xã Bản Giang;");
    expect(text).toContain("- Trung tâm Chính trị.");
    const table = letter.blocks.find((b) => b.kind === "table");
    expect(table && table.kind === "table" ? table.rows.map((r) => r.cells.slice(0, 2)) : []).toEqual([
      ["1", "Đảng ủy xã Bản Giang"],
      ["2", "Phòng Nội vụ"],
      ["3", "Trung tâm Chính trị"],
    ]);
    expect(text).toContain("trước ngày 30 tháng 6 năm 2021");
    expect(text).toContain("Nơi nhận:");
    expect(text).toContain(REMIND_LETTER.signer);
  });

  it("addresses many units as the list below", () => {
    const many = Array.from({ length: REMIND_LETTER.addresseesListed + 1 }, (_, k): Unit => ({ name: `Chi bộ số ${k + 1}`, level: "co-so" }));
    const t = JSON.stringify(buildRemindLetter(buildReminder({ units: many, outcome: null })));
    expect(t).toContain("có tên tại danh sách dưới đây");
    expect(t).not.toContain("- Chi bộ số 1;");
  });
});
