/** Unit names as people write them, matched to the list without ever taking the wrong unit. */
import type { GridSheet } from "../../src/domain/model/grid";
import type { UnitReport } from "../../src/domain/model/report";
import { mergeReports } from "../../src/domain/merge";
import { place } from "../../src/domain/merge/place";
import { unitFromFileName, unitFromHeader } from "../../src/domain/read/unit";
import { matchUnit, matchUnitDetailed, parseUnitsGrid, TAM_DUONG_UNITS, UNIT_ABBREVIATIONS, type Unit } from "../../src/domain/units";

const WITH_OFFICES: readonly Unit[] = [
  ...TAM_DUONG_UNITS,
  { name: "Hội Liên hiệp Phụ nữ huyện (Hội Phụ nữ)", level: "huyen" },
  { name: "Ủy ban Mặt trận Tổ quốc huyện", level: "huyen" },
  { name: "Hội Nông dân huyện", level: "huyen" },
  { name: "Hội Cựu chiến binh huyện", level: "huyen" },
  { name: "Huyện đoàn", level: "huyen", aliases: ["Đoàn Thanh niên huyện", "ĐTN huyện"] },
  { name: "Chi bộ Công an huyện", level: "huyen" },
  { name: "UBND xã Bản Giang", level: "co-so" },
];

describe("unit names as written", () => {
  const cases: [string, string, "exact" | "loose"][] = [
    ["DANG UY XA NA TAM", "Đảng ủy xã Nà Tăm", "exact"],
    ["đảng ủy xã nà tăm", "Đảng ủy xã Nà Tăm", "exact"],
    ["Đảng ủy xã Nà Tăm".normalize("NFD"), "Đảng ủy xã Nà Tăm", "exact"],
    ["ĐU xã Nà Tăm", "Đảng ủy xã Nà Tăm", "loose"],
    ["Đ.U xã Bản Hon", "Đảng ủy xã Bản Hon", "loose"],
    ["Đ/U xã Thèn Sin", "Đảng ủy xã Thèn Sin", "loose"],
    ["ĐB xã Sơn Bình", "Đảng ủy xã Sơn Bình", "loose"],
    ["ĐẢNG BỘ XÃ KHUN HÁ", "Đảng ủy xã Khun Há", "loose"],
    ["BCH Đảng bộ xã Hồ Thầu", "Đảng ủy xã Hồ Thầu", "loose"],
    ["ĐẢNG ỦY XÃ BẢN BO HUYỆN TAM ĐƯỜNG", "Đảng ủy xã Bản Bo", "loose"],
    ["ĐU TT Tam Đường", "Đảng ủy thị trấn Tam Đường", "loose"],
    ["Phòng TC-KH", "Phòng Tài chính - Kế hoạch", "loose"],
    ["Phòng Văn hóa và Thông tin huyện", "Phòng Văn hóa - Thông tin", "loose"],
    ["Đài TT-TH huyện Tam Đường", "Đài Truyền thanh - Truyền hình", "loose"],
    ["HỘI PHỤ NỮ HUYỆN TAM ĐƯỜNG", "Hội Liên hiệp Phụ nữ huyện (Hội Phụ nữ)", "loose"],
    ["HLHPN huyện", "Hội Liên hiệp Phụ nữ huyện (Hội Phụ nữ)", "loose"],
    ["Hội Phụ nữ", "Hội Liên hiệp Phụ nữ huyện (Hội Phụ nữ)", "exact"],
    ["Hội Liên hiệp Phụ nữ huyện", "Hội Liên hiệp Phụ nữ huyện (Hội Phụ nữ)", "exact"],
    ["UB MTTQ huyện Tam Đường", "Ủy ban Mặt trận Tổ quốc huyện", "loose"],
    ["HND huyện", "Hội Nông dân huyện", "loose"],
    ["HCCB huyện Tam Đường", "Hội Cựu chiến binh huyện", "loose"],
    ["Đoàn Thanh niên huyện", "Huyện đoàn", "exact"],
    ["ĐTN huyện", "Huyện đoàn", "exact"],
    ["CB Công an huyện", "Chi bộ Công an huyện", "loose"],
    ["UBND xã Bản Giang", "UBND xã Bản Giang", "exact"],
    ["Ủy ban nhân dân xã Bản Giang", "UBND xã Bản Giang", "loose"],
  ];
  it.each(cases)("%p → %p (%s)", (text, unit, kind) => {
    const m = matchUnitDetailed(text, WITH_OFFICES);
    expect(m).toMatchObject({ kind, unit: { name: unit } });
    expect(matchUnit(text, WITH_OFFICES)?.name).toBe(unit);
  });

  const never: [string, string][] = [
    ["Đảng ủy xã Bản Bo", "Đảng ủy xã Bản Hon"],
    ["Bản Bo", "Đảng ủy xã Bản Hon"],
    ["ĐU xã Bản Hon", "Đảng ủy xã Bản Bo"],
    ["Đảng ủy xã Giang Ma", "Đảng ủy xã Bản Giang"],
    ["Đảng ủy xã Sơn Bình", "Đảng ủy xã Bình Lư"],
  ];
  it.each(never)("%p is never %p", (text, wrong) => {
    const m = matchUnitDetailed(text, WITH_OFFICES);
    expect(m.kind === "exact" || m.kind === "loose" ? m.unit.name : undefined).not.toBe(wrong);
  });

  it.each([["Bản Bô"], ["Ban Bo Ho"], ["Đảng ủy xã"], ["Huyện ủy Tam Đường"], ["ĐẢNG BỘ HUYỆN TAM ĐƯỜNG"], ["UBND huyện"], ["Bản"]])(
    "%p matches nothing",
    (text) => {
      // "Bản Bô" folds to "ban bo": it is Bản Bo; the others name no entry.
      const m = matchUnitDetailed(text, WITH_OFFICES);
      if (text === "Bản Bô") expect(m).toMatchObject({ kind: "loose", unit: { name: "Đảng ủy xã Bản Bo" } });
      else expect(m.kind).toBe("none");
    },
  );

  it("leaves a name that fits two entries unassigned, naming both", () => {
    const list: Unit[] = [
      { name: "Đảng ủy xã Bản Bo", level: "co-so" },
      { name: "Chi bộ Bản Bo", level: "co-so" },
    ];
    const m = matchUnitDetailed("Bản Bo", list);
    expect(m.kind).toBe("ambiguous");
    expect(m.kind === "ambiguous" && m.units.map((u) => u.name)).toEqual(["Đảng ủy xã Bản Bo", "Chi bộ Bản Bo"]);
    expect(matchUnit("Bản Bo", list)).toBeUndefined();
    // Its full name still says which.
    expect(matchUnitDetailed("Chi bộ Bản Bo", list)).toMatchObject({ kind: "exact", unit: { name: "Chi bộ Bản Bo" } });
  });

  it("keeps the abbreviations as data, folded", () => {
    for (const [abbr, meanings] of Object.entries(UNIT_ABBREVIATIONS)) {
      expect(abbr).toMatch(/^[a-z]+$/);
      for (const m of meanings) expect(m).toMatch(/^[a-z ]+$/);
    }
    expect(UNIT_ABBREVIATIONS.du).toEqual(["dang uy"]);
  });
});

function grid(rows: (string | undefined)[][]): GridSheet {
  return { name: "Đơn vị", visibility: "visible", rows: rows.map((r) => r.map((v) => (v === undefined ? undefined : { v }))), merges: [] };
}

describe("the units file's other names", () => {
  it.each([["Tên khác"], ["Tên gọi khác"], ["TÊN GỌI KHÁC"]])("reads the %p column, several names separated by ;", (header) => {
    const parsed = parseUnitsGrid(
      grid([
        ["Tên đơn vị", "Mã", "Cấp", header],
        ["Hội Liên hiệp Phụ nữ huyện", "HPN", "Huyện", "Hội Phụ nữ; HLHPN huyện ;"],
        ["Đảng ủy xã Bản Bo", "BAN-BO", "Cơ sở", ""],
      ]),
    );
    expect(parsed.issues).toEqual([]);
    expect(parsed.units[0]).toEqual({ name: "Hội Liên hiệp Phụ nữ huyện", code: "HPN", level: "huyen", aliases: ["Hội Phụ nữ", "HLHPN huyện"] });
    expect(parsed.units[1]).not.toHaveProperty("aliases");
    expect(matchUnitDetailed("HỘI PHỤ NỮ HUYỆN TAM ĐƯỜNG", parsed.units)).toMatchObject({ kind: "loose", unit: { code: "HPN" } });
  });
});

function source(file: string, unitName: string, source: "header" | "file-name" = "header") {
  const report: UnitReport = { fileName: file, unit: { name: unitName, source }, reportDate: null, indicators: {}, documents: [], issues: [] };
  return { file, sha256: "0", report };
}

describe("placing a file by the unit it names", () => {
  it("an exact name: placed, no issue", () => {
    const p = place(source("a.xlsx", "ĐẢNG ỦY XÃ NÀ TĂM"), { units: TAM_DUONG_UNITS });
    expect(p).toMatchObject({ unit: "Đảng ủy xã Nà Tăm", onList: true });
    expect(p.source.report!.issues).toEqual([]);
  });

  it("a loose name: placed, with unit-matched-loosely on the file's issues naming both", () => {
    const p = place(source("a.xlsx", "ĐU xã Nà Tăm"), { units: TAM_DUONG_UNITS });
    expect(p).toMatchObject({ unit: "Đảng ủy xã Nà Tăm", onList: true, unitSource: "header" });
    expect(p.source.report!.issues).toEqual([
      expect.objectContaining({ rule: "unit-matched-loosely", severity: "warning", params: { text: "ĐU xã Nà Tăm", unit: "Đảng ủy xã Nà Tăm" } }),
    ]);
  });

  it("an ambiguous name: not placed, unit-ambiguous names both entries", () => {
    const units: Unit[] = [
      { name: "Đảng ủy xã Bản Bo", level: "co-so" },
      { name: "Chi bộ Bản Bo", level: "co-so" },
    ];
    const p = place(source("bao-cao.xlsx", "Bản Bo"), { units });
    expect(p.onList).toBe(false);
    expect(p.source.report!.issues).toEqual([
      expect.objectContaining({ rule: "unit-ambiguous", params: { text: "Bản Bo", units: "Đảng ủy xã Bản Bo; Chi bộ Bản Bo" } }),
    ]);
  });

  it.each([
    ["Báo cáo Đề án 241 xã Bản Bo.xlsx"],
    ["BC DA241 - Bản Bo.xlsx"],
    ["Bao cao xa Ban Bo.xlsx"],
    ["Kết quả thực hiện ĐA 241 Bản Bo (2).xls"],
    ["So lieu Ban Bo 2021.ods"],
  ])("a file named %p, with no name inside: placed by its file name, the report's words left out", (file) => {
    const p = place(source(file, unitFromFileName(file), "file-name"), { units: TAM_DUONG_UNITS });
    expect(p).toMatchObject({ unit: "Đảng ủy xã Bản Bo", onList: true, unitSource: "file-name" });
  });

  it("a file named only for the report stays unplaced, under its own name", () => {
    expect(unitFromFileName("Báo cáo.xlsx")).toBe("Báo cáo");
    // A corrected file's version words and day go; a name's own words that look like them stay.
    expect(["Tả Lèng (sửa).xls", "Tả Lèng - bản sửa lần 2.xls", "BC 241 Tả Lèng ngày 20.6.2021.xls", "Tả Lèng ngày 20-6.xlsx", "Tả Lèng 20.6.2021.xlsx"].map(unitFromFileName)).toEqual(
      ["Tả Lèng", "Tả Lèng", "Tả Lèng", "Tả Lèng", "Tả Lèng"],
    );
    expect(["Trường Mầm non 1-6.xlsx", "Phường 2-9.xlsx", "Xã Bản Mới.xlsx", "Chi bộ thôn Nà Ngay.xlsx"].map(unitFromFileName)).toEqual([
      "Trường Mầm non 1-6",
      "Phường 2-9",
      "Xã Bản Mới",
      "Chi bộ thôn Nà Ngay",
    ]);
    expect(place(source("Báo cáo.xlsx", unitFromFileName("Báo cáo.xlsx"), "file-name"), { units: TAM_DUONG_UNITS }).onList).toBe(false);
  });

  it("version words that may end a unit's name are cut only where they clearly mark a version, or where what is left is a unit of the list", () => {
    // "Bản Sửa" may be a village's name: bare at the end, "bản sửa" and "sửa" stay; in brackets, after a dash or before "lần 2" they go.
    expect(
      ["Xã Bản Sửa.xlsx", "Chi bộ thôn Nà Sửa.csv", "Tả Lèng bản sửa.xlsx", "Nùng Nàng bổ sung.xls", "Bản Sửa (sửa).xlsx", "Xã Bản Sửa - bản sửa lần 2.xlsx", "Tả Lèng (bản sửa).xlsx", "Tả Lèng - sửa.xlsx", "Tả Lèng sửa lần 3.xlsx"].map(
        (f) => unitFromFileName(f),
      ),
    ).toEqual(["Xã Bản Sửa", "Chi bộ thôn Nà Sửa", "Tả Lèng bản sửa", "Nùng Nàng", "Bản Sửa", "Xã Bản Sửa", "Tả Lèng", "Tả Lèng", "Tả Lèng"]);
    // Bare version words go when the rest names a unit of the list.
    for (const [file, unit] of [
      ["Tả Lèng bản sửa.xlsx", "Đảng ủy xã Tả Lèng"],
      ["Nùng Nàng bổ sung.xls", "Đảng ủy xã Nùng Nàng"],
      ["Bản Hon gửi lại.xlsx", "Đảng ủy xã Bản Hon"],
    ] as const) {
      expect(place(source(file, unitFromFileName(file), "file-name"), { units: TAM_DUONG_UNITS })).toMatchObject({ unit, onList: true, unitSource: "file-name" });
    }
    const withBanSua: Unit[] = [...TAM_DUONG_UNITS, { name: "Chi bộ thôn Bản Sửa", level: "co-so" }];
    expect(place(source("Chi bộ thôn Bản Sửa (sửa).csv", unitFromFileName("Chi bộ thôn Bản Sửa (sửa).csv"), "file-name"), { units: withBanSua })).toMatchObject({
      unit: "Chi bộ thôn Bản Sửa",
      onList: true,
    });
    // Two units off the list, each named by its file, keep their names (they were "Xã" and "Xã Nà").
    const summary = mergeReports(
      ["Xã Bản Sửa.xlsx", "Xã Nà Sửa.xlsx"].map((f) => source(f, unitFromFileName(f), "file-name")),
      { units: TAM_DUONG_UNITS },
    );
    expect(summary.files.map((f) => [f.unit, f.status])).toEqual([
      ["Xã Bản Sửa", "merged"],
      ["Xã Nà Sửa", "merged"],
    ]);
    expect(summary.unlisted).toEqual(["Xã Bản Sửa.xlsx", "Xã Nà Sửa.xlsx"]);
    // "bổ sung", "gửi lại", "đã sửa" end no unit's name: a unit off the list and its correction are one unit.
    const corrected = mergeReports(
      ["Phòng Văn hóa.xlsx", "Phòng Văn hóa bổ sung.xlsx", "Trạm Y tế gửi lại.xlsx"].map((f) => source(f, unitFromFileName(f), "file-name")),
      { units: TAM_DUONG_UNITS },
    );
    expect(new Set(corrected.files.map((f) => f.unit))).toEqual(new Set(["Phòng Văn hóa", "Trạm Y tế"]));
    expect(corrected.files.filter((f) => f.status === "merged")).toHaveLength(2);
  });

  it("never the neighbour: Bản Bo's file is not Bản Hon's", () => {
    const p = place(source("x.xlsx", "Đảng ủy xã Bản Bo"), { units: TAM_DUONG_UNITS.filter((u) => u.name !== "Đảng ủy xã Bản Bo") });
    expect(p.onList).toBe(false);
    expect(p.unit).toBe("Đảng ủy xã Bản Bo");
  });
});

describe("an abbreviated unit line in the top-left corner", () => {
  it.each([["ĐU xã Nà Tăm"], ["Đ.U XÃ NÀ TĂM"], ["HLHPN huyện Tam Đường"]])("%p is read as the unit's name", (line) => {
    const sheet: GridSheet = {
      name: "S",
      visibility: "visible",
      rows: [[{ v: line }], [{ v: "BÁO CÁO" }]],
      merges: [],
    };
    expect(unitFromHeader(sheet)).toBe(line);
  });
});

describe("the header block's unit line", () => {
  const block = (...lines: (string | undefined)[]): GridSheet => ({
    name: "Văn bản",
    visibility: "visible",
    rows: [
      ...lines.map((text, r) => [text !== undefined ? { v: text } : undefined, undefined, undefined, r === 0 ? { v: "ĐẢNG CỘNG SẢN VIỆT NAM" } : undefined]),
      [undefined],
      [{ v: "CÁC VĂN BẢN LÃNH ĐẠO, CHỈ ĐẠO TRIỂN KHAI THỰC HIỆN ĐỀ ÁN 241" }],
    ],
    merges: [],
  });

  it("left blank under the superior body: no unit is read from it (the superior is not the unit)", () => {
    expect(unitFromHeader(block("ĐẢNG BỘ HUYỆN TAM ĐƯỜNG", undefined, "*"))).toBeUndefined();
  });

  it("left blank, with the name given below the star as 'Tên đơn vị: …': that name, without its label", () => {
    expect(unitFromHeader(block("ĐẢNG BỘ HUYỆN TAM ĐƯỜNG", undefined, "*", "Tên đơn vị: Đảng ủy xã Giang Ma"))).toBe("Đảng ủy xã Giang Ma");
  });

  it("written 'Đơn vị: …' in the unit line's place: the name without its label", () => {
    expect(unitFromHeader(block("ĐẢNG BỘ HUYỆN TAM ĐƯỜNG", "Đơn vị: Đảng ủy xã Hồ Thầu", "*"))).toBe("Đảng ủy xã Hồ Thầu");
  });

  it("the district committee's own report: its line under the province's is the unit", () => {
    expect(unitFromHeader(block("ĐẢNG BỘ TỈNH LAI CHÂU", "HUYỆN ỦY TAM ĐƯỜNG", "*"))).toBe("HUYỆN ỦY TAM ĐƯỜNG");
  });

  it("a unit line alone over the star is the unit, a committee's too (its own report)", () => {
    expect(unitFromHeader(block("ĐẢNG ỦY XÃ BẢN BO", "*"))).toBe("ĐẢNG ỦY XÃ BẢN BO");
    expect(unitFromHeader(block("HUYỆN ỦY TAM ĐƯỜNG", undefined, "*"))).toBe("HUYỆN ỦY TAM ĐƯỜNG");
    expect(unitFromHeader(block("THỊ ỦY MƯỜNG LAY", undefined, "*"))).toBe("THỊ ỦY MƯỜNG LAY");
  });

  it.each([["BC DA241 - Nà Tăm.xlsx", "Đảng ủy xã Nà Tăm"], ["Bao cao de an 241 xa Khun Ha.xlsx", "Đảng ủy xã Khun Há"]])(
    "a file whose header names no unit, named %p, is placed by its name without the report's words",
    (file, unit) => {
      const name = unitFromHeader(block("ĐẢNG BỘ HUYỆN TAM ĐƯỜNG", undefined, "*")) ?? unitFromFileName(file);
      expect(place(source(file, name, "file-name"), { units: TAM_DUONG_UNITS })).toMatchObject({ unit, onList: true });
    },
  );

  it("a file whose header reads as another name is still placed by its file name, cleaned of the report's words", () => {
    expect(place(source("BC DA241 - Nà Tăm.xlsx", "Báo cáo tổng hợp", "header"), { units: TAM_DUONG_UNITS })).toMatchObject({
      unit: "Đảng ủy xã Nà Tăm",
      onList: true,
      unitSource: "file-name",
    });
  });
});
