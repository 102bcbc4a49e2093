import type { GridSheet } from "../../src/domain/model/grid";
import {
  defaultPlace,
  headerFormatOf,
  matchUnit,
  parseUnitsGrid,
  TAM_DUONG_UNITS,
  unitFileName,
} from "../../src/domain/units";

function grid(rows: (string | number | undefined)[][], name = "Đơn vị"): GridSheet {
  return {
    name,
    visibility: "visible",
    rows: rows.map((r) => r.map((v) => (v === undefined ? undefined : { v }))),
    merges: [],
  };
}

describe("the Tam Đường list", () => {
  test("has the party committees of the 13 xã, the thị trấn and the five offices the letter names", () => {
    const names = TAM_DUONG_UNITS.map((u) => u.name);
    const xa = ["Bản Bo", "Bản Giang", "Bản Hon", "Bình Lư", "Giang Ma", "Hồ Thầu", "Khun Há", "Nà Tăm", "Nùng Nàng", "Sơn Bình", "Sùng Phài", "Tả Lèng", "Thèn Sin"];
    expect(names.slice(0, 13)).toEqual(xa.map((x) => `Đảng ủy xã ${x}`));
    expect(names).toEqual(
      expect.arrayContaining([
        "Đảng ủy thị trấn Tam Đường",
        "Phòng Tài chính - Kế hoạch",
        "Phòng Nội vụ",
        "Đài Truyền thanh - Truyền hình",
        "Phòng Văn hóa - Thông tin",
        "Trung tâm Chính trị",
      ]),
    );
    expect(names).toHaveLength(19);
    const codes = TAM_DUONG_UNITS.map((u) => u.code);
    expect(new Set(codes).size).toBe(codes.length);
    expect(TAM_DUONG_UNITS[0]!.code).toBe("BAN-BO");
    expect(TAM_DUONG_UNITS.find((u) => u.name === "Phòng Nội vụ")!.code).toBe("PHONG-NOI-VU");
  });

  test("file names are unique, without diacritics and safe", () => {
    const files = TAM_DUONG_UNITS.map((u) => unitFileName(u));
    expect(files[0]).toBe("Dang-uy-xa-Ban-Bo.xlsx");
    expect(files).toContain("Dang-uy-thi-tran-Tam-Duong.xlsx");
    expect(files).toContain("Phong-Tai-chinh-Ke-hoach.xlsx");
    expect(new Set(files).size).toBe(files.length);
    for (const f of files) expect(f).toMatch(/^[A-Za-z0-9-]+\.xlsx$/);
    expect(unitFileName({ name: "../..//Chi bộ: Trường THCS  Bản Hon?" })).toBe("Chi-bo-Truong-THCS-Ban-Hon.xlsx");
    expect(unitFileName({ name: "***" })).toBe("don-vi.xlsx");
  });

  test("place and header format follow the kind of unit", () => {
    expect(defaultPlace({ name: "Đảng ủy xã Bản Bo" })).toBe("Bản Bo");
    expect(defaultPlace({ name: "Đảng ủy thị trấn Tam Đường" })).toBe("Tam Đường");
    expect(defaultPlace({ name: "Phòng Nội vụ" })).toBe("Tam Đường");
    expect(headerFormatOf({ name: "Đảng ủy xã Bản Bo" })).toBe("party");
    expect(headerFormatOf({ name: "Chi bộ Công an huyện" })).toBe("party");
    expect(headerFormatOf({ name: "Phòng Nội vụ" })).toBe("state");
    expect(headerFormatOf(TAM_DUONG_UNITS.find((u) => u.name === "Trung tâm Chính trị")!)).toBe("party");
  });
});

describe("matchUnit", () => {
  test("matches ignoring case and diacritics, then ignoring the leading kind of body", () => {
    expect(matchUnit("dang uy xa ban bo", TAM_DUONG_UNITS)?.name).toBe("Đảng ủy xã Bản Bo");
    expect(matchUnit("ĐẢNG ỦY XÃ BẢN BO", TAM_DUONG_UNITS)?.name).toBe("Đảng ủy xã Bản Bo");
    expect(matchUnit("Bản Bo", TAM_DUONG_UNITS)?.name).toBe("Đảng ủy xã Bản Bo");
    expect(matchUnit("Đảng bộ xã Bản Bo", TAM_DUONG_UNITS)?.name).toBe("Đảng ủy xã Bản Bo");
    expect(matchUnit("xã Thèn Sin", TAM_DUONG_UNITS)?.name).toBe("Đảng ủy xã Thèn Sin");
    expect(matchUnit("thị trấn Tam Đường", TAM_DUONG_UNITS)?.name).toBe("Đảng ủy thị trấn Tam Đường");
    expect(matchUnit("phong noi vu", TAM_DUONG_UNITS)?.name).toBe("Phòng Nội vụ");
  });

  test("does not guess: unknown or ambiguous names match nothing", () => {
    expect(matchUnit("Bản", TAM_DUONG_UNITS)).toBeUndefined();
    expect(matchUnit("", TAM_DUONG_UNITS)).toBeUndefined();
    expect(matchUnit("Ban Bo", [{ name: "Đảng ủy xã Bản Bo" }, { name: "Chi bộ Bản Bo" }])).toBeUndefined();
  });
});

describe("parseUnitsGrid", () => {
  test("reads a headed list by header meaning, in any column order", () => {
    const { units, issues } = parseUnitsGrid(
      grid([
        ["DANH SÁCH ĐƠN VỊ"],
        [],
        ["Email", "TÊN ĐƠN VỊ", "Cấp", "Mã"],
        ["a@x.vn", "Đảng ủy xã Bản Bo", "Cơ sở", "BAN-BO"],
        [undefined, "Phòng Nội vụ", "huyện", undefined],
        [],
      ]),
    );
    expect(issues).toEqual([]);
    expect(units).toEqual([
      { name: "Đảng ủy xã Bản Bo", code: "BAN-BO", level: "co-so", email: "a@x.vn" },
      { name: "Phòng Nội vụ", level: "huyen" },
    ]);
  });

  test("without a header, the first column is the name", () => {
    const { units } = parseUnitsGrid(grid([["Đảng ủy xã Bản Hon"], ["  Đảng ủy xã  Hồ Thầu "], [12345]]));
    expect(units.map((u) => u.name)).toEqual(["Đảng ủy xã Bản Hon", "Đảng ủy xã Hồ Thầu", "12345"]);
    expect(units.every((u) => u.level === "co-so")).toBe(true);
  });

  test("reports duplicates, unknown levels and rows without a name as issues with cells", () => {
    const { units, issues } = parseUnitsGrid(
      grid([
        ["Tên đơn vị", "Mã", "Cấp"],
        ["Đảng ủy xã Bản Bo", "BAN-BO", "Cơ sở"],
        ["dang uy xa ban bo", "X", "Cơ sở"],
        ["Phòng Nội vụ", "", "Trung ương"],
        ["", "Y", ""],
      ]),
    );
    expect(units.map((u) => u.name)).toEqual(["Đảng ủy xã Bản Bo", "Phòng Nội vụ"]);
    expect(issues.map((i) => [i.rule, i.cell])).toEqual([
      ["units.duplicate", "A3"],
      ["units.level", "C4"],
      ["units.empty", "A5"],
    ]);
    for (const i of issues) expect(i.sheet).toBe("Đơn vị");
  });
});
