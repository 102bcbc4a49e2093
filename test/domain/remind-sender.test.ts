/** The sender as a hint: a file whose content names no list unit goes to the unit whose address on the list sent it. */
import { mergeReports, type MergeSource } from "../../src/domain/merge";
import type { UnitReport } from "../../src/domain/model/report";
import { emailAddresses, senderAddress, unitBySender, type Unit } from "../../src/domain/units";

const UNITS: Unit[] = [
  { name: "Đảng ủy xã Bản Bo", level: "co-so", email: "DangUy.BanBo@LaiChau.gov.vn" },
  { name: "Đảng ủy xã Bản Giang", level: "co-so", email: "bangiang@laichau.gov.vn; vp.bangiang@gmail.com" },
  { name: "Phòng Nội vụ", level: "huyen" },
];

function report(name: string, source: UnitReport["unit"]["source"], fileName = "Bao-cao.xlsx"): UnitReport {
  return {
    fileName,
    unit: { name, source },
    reportDate: "2021-06-20",
    indicators: {
      "1.1": { total: 10, achieved: 9, typedRatio: null, sheet: "Chỉ tiêu", row: 10, cells: { total: "D10", achieved: "E10", ratio: "F10" }, label: "" },
    },
    documents: [],
    issues: [],
  };
}

function emailed(file: string, r: UnitReport | undefined, from: string): MergeSource {
  return {
    file,
    sha256: file.padEnd(64, "0").slice(0, 64),
    ...(r ? { report: r } : { error: { code: "corrupt" as const, message: `Tệp ${file} bị hỏng.` } }),
    origin: { kind: "email", container: "thu.eml", subject: "Báo cáo Đề án 241", from, date: "2021-06-20T08:00:00Z", path: file },
  };
}

describe("addresses", () => {
  it("reads the address part of a sender and the addresses of a list cell", () => {
    expect(senderAddress('"Đảng ủy xã Bản Bo" <DANGUY.banbo@laichau.gov.vn>')).toBe("danguy.banbo@laichau.gov.vn");
    expect(senderAddress("bangiang@laichau.gov.vn")).toBe("bangiang@laichau.gov.vn");
    expect(senderAddress("Bản Bo")).toBeNull();
    expect(senderAddress(undefined)).toBeNull();
    expect(emailAddresses("a@x.vn; b@y.vn, mailto:c@z.vn <d@w.vn> không-phải-địa-chỉ a@X.vn x@y?cc=z@w.vn")).toEqual(["a@x.vn", "b@y.vn", "c@z.vn", "d@w.vn"]);
  });

  it("finds the one unit with the sender's address, case-insensitively, never a shared one", () => {
    expect(unitBySender("Văn phòng <VP.BanGiang@gmail.com>", UNITS)?.unit.name).toBe("Đảng ủy xã Bản Giang");
    expect(unitBySender("someone@else.vn", UNITS)).toBeUndefined();
    const shared = [...UNITS, { name: "Chi bộ Bản Bo", level: "co-so" as const, email: "danguy.banbo@laichau.gov.vn" }];
    expect(unitBySender("danguy.banbo@laichau.gov.vn", shared)).toBeUndefined();
  });
});

describe("mergeReports with the sender as a hint", () => {
  it("gives a file that names no unit to the unit whose address sent it, with a warning naming the address and the unit", () => {
    const s = mergeReports([emailed("Bao-cao.xlsx", report("Bao cao", "file-name"), "Đảng ủy xã Bản Bo <dangUy.banbo@laichau.gov.vn>")], { units: UNITS });
    const f = s.files[0]!;
    expect(f).toMatchObject({ unit: "Đảng ủy xã Bản Bo", onList: true, unitSource: "sender", status: "merged" });
    const hint = f.issues.find((i) => i.rule === "unit-from-sender")!;
    expect(hint.severity).toBe("warning");
    expect(hint.message).toContain("danguy.banbo@laichau.gov.vn");
    expect(hint.message).toContain('"Đảng ủy xã Bản Bo"');
    expect(hint.message).toContain("Không đọc được tên đơn vị");
    expect(s.received).toEqual(["Đảng ủy xã Bản Bo"]);
    expect(s.missing).toEqual(["Đảng ủy xã Bản Giang", "Phòng Nội vụ"]);
  });

  it("names the off-list name the file carried", () => {
    const s = mergeReports([emailed("x.xlsx", report("Đảng ủy Bản Gjang", "header"), "bangiang@laichau.gov.vn")], { units: UNITS });
    expect(s.files[0]).toMatchObject({ unit: "Đảng ủy xã Bản Giang", unitSource: "sender" });
    expect(s.files[0]!.issues.find((i) => i.rule === "unit-from-sender")!.message).toContain('Tên đơn vị "Đảng ủy Bản Gjang" trong tệp không có trong danh sách');
  });

  it("keeps the unit the content names over the sender's", () => {
    const s = mergeReports([emailed("x.xlsx", report("Đảng ủy xã Bản Giang", "header"), "danguy.banbo@laichau.gov.vn")], { units: UNITS });
    expect(s.files[0]).toMatchObject({ unit: "Đảng ủy xã Bản Giang", unitSource: "header" });
    expect(s.files[0]!.issues.some((i) => i.rule === "unit-from-sender")).toBe(false);
  });

  it("marks the sender's unit as having sent a rejected file", () => {
    const s = mergeReports([emailed("hong.xlsx", undefined, "danguy.banbo@laichau.gov.vn")], { units: UNITS });
    expect(s.files[0]).toMatchObject({ unit: "Đảng ủy xã Bản Bo", unitSource: "sender", status: "rejected" });
    expect(s.units.find((u) => u.unit === "Đảng ủy xã Bản Bo")!.state).toBe("rejected");
    expect(s.files[0]!.issues.map((i) => i.rule)).toEqual(["corrupt", "unit-from-sender"]);
    expect(s.files[0]!.warnings).toBe(1);
  });

  it("leaves a file from an unknown address, or without an origin, off the list", () => {
    const unknown = mergeReports([emailed("Bao-cao.xlsx", report("Bao cao", "file-name"), "ai.do@gmail.com")], { units: UNITS });
    expect(unknown.files[0]).toMatchObject({ onList: false, unitSource: "file-name" });
    const plain = mergeReports([{ file: "Bao-cao.xlsx", sha256: "0".repeat(64), report: report("Bao cao", "file-name") }], { units: UNITS });
    expect(plain.files[0]).toMatchObject({ onList: false, unitSource: "file-name" });
  });
});
