import fc from "fast-check";
import { CATALOGUE_ROWS, INDICATORS } from "../../src/domain/catalogue";
import { documentRole, indicatorRole, readUnitReport } from "../../src/domain/read";
import type { UnitReport } from "../../src/domain/model/report";
import { foldText } from "../../src/domain/text";
import { goodFigures, GOOD_FIGURES, headerBlock, indicatorBody, INDICATOR_HEADER } from "../fixtures/official";
import type { SheetSpec, SpecCell } from "../fixtures/sheet-spec";
import { specToGrid } from "../fixtures/sheet-spec";

describe("header wordings", () => {
  const indicator: [string, string][] = [
    ["STT", "stt"], ["TT", "stt"], ["Số TT", "stt"], ["Nội dung của chỉ tiêu", "text"], ["Nội dung chỉ tiêu", "text"],
    ["Chỉ tiêu", "text"], ["NỘI DUNG", "text"], ["ĐVT", "dvt"], ["Đơn vị\ntính", "dvt"], ["Đ.V.T", "dvt"],
    ["Tổng số", "total"], ["Tổng", "total"], ["Số đã đạt tiêu chuẩn", "achieved"], ["Số đạt", "achieved"],
    ["Đã đạt", "achieved"], ["Số lượng đạt", "achieved"], ["Tỷ lệ (%)", "ratio"], ["Tỉ lệ", "ratio"], ["Tỷ lệ %", "ratio"],
    ["%", "ratio"], ["Ghi chú", "other"], ["Mục tiêu", "other"], ["T.SỐ", "total"], ["TS", "total"], ["SL", "total"],
    ["TL%", "ratio"], ["T.Lệ (%)", "ratio"],
  ];
  it.each(indicator)("indicator table: %p → %s", (text, role) => {
    expect(indicatorRole(foldText(text))).toBe(role);
    expect(indicatorRole(foldText(text.normalize("NFD").toUpperCase()))).toBe(role);
  });
  const documents: [string, string][] = [
    ["Ký hiệu văn bản", "code"], ["Số, ký hiệu", "code"], ["Số ký hiệu văn bản", "code"], ["Ngày, tháng ban hành", "date"],
    ["Ngày ban hành", "date"], ["Trích yếu nội dung", "summary"], ["Trích yếu", "summary"], ["Đơn vị ban hành", "issuer"],
    ["Cơ quan ban hành", "issuer"], ["Stt", "stt"], ["Số, ngày văn bản", "code"], ["Số và ngày ban hành", "code"],
  ];
  it.each(documents)("documents table: %p → %s", (text, role) => {
    expect(documentRole(foldText(text))).toBe(role);
  });

  it("a text longer than a cell of Excel holds heads no column: its column is taken by its place, and said so", () => {
    const read = (total: string): UnitReport =>
      readUnitReport(specToGrid({ sheets: [{ name: "S", rows: [INDICATOR_HEADER.map((h) => (h === "Tổng số" ? total : h)), ...indicatorBody(goodFigures())] }] }), "bao-cao.xlsx");
    const byPosition = (r: UnitReport): string[] => r.issues.filter((i) => i.rule === "column-by-position").map((i) => i.cell ?? "");
    const fits = `Tổng số ${"x".repeat(32_767 - 8)}`;
    expect(byPosition(read(fits))).toEqual([]);
    expect(byPosition(read(`${fits}x`))).toEqual(["D1"]);
    expect(read(`${fits}x`).indicators["1.1"]).toEqual(read(fits).indicators["1.1"]);
  });
});

describe("matching rows to indicators", () => {
  function readBody(rows: SpecCell[][]): UnitReport {
    return readUnitReport(specToGrid({ sheets: [{ name: "S", rows: [INDICATOR_HEADER, ...rows] }] }), "a.xlsx");
  }
  const variants: [string, string][] = [
    ["1.1", "Cán bộ lãnh đạo quản lý từ huyện đến cơ sở được bồi dưỡng cập nhật kiến thức"],
    ["1.2", "CB, ĐV được học tập, quán triệt các Nghị quyết của Đảng"],
    ["1.3", "Quần chúng nhân dân được tuyên truyền chủ trương, chính sách, pháp luật"],
    ["2", "Xã, thị trấn có trạm truyền thanh và cụm loa hoạt động ổn định"],
    ["3.1", "Hộ dân được nghe Đài TNVN và xem THVN (Đài Tiếng nói Việt Nam)"],
    ["4.1", "Hộ gia đình đạt tiêu chuẩn văn hoá"],
    ["4.2", "Thôn, bản đạt tiêu chuẩn văn hóa"],
    ["4.4", "Xã có nhà văn hóa"],
    ["4.5", "Bản có nhà văn hóa"],
    ["4.6", "Bản có đội văn nghệ"],
    ["5", "Số xã biên soạn, phát hành lịch sử Đảng bộ"],
    ["6.1", "CB, GV, CV Ban Tuyên giáo, TTBDCT có trình độ đại học trở lên"],
    ["6.2.1", "Cán bộ Ban Tuyên giáo huyện có trình độ trung cấp lý luận chính trị trở lên"],
    ["6.2.2", "Cán bộ, chuyên viên BTG, Trung tâm BDCT có trình độ cao cấp lý luận"],
  ];
  it.each(variants)("%s from %p", (id, text) => {
    const r = readBody([["-", text, "", 10, 5, null]]);
    expect(Object.keys(r.indicators)).toEqual([id]);
    expect(r.indicators[id]).toMatchObject({ total: 10, achieved: 5 });
  });

  it("takes a row whose text is its indicator's own cut short by its numbered Stt, and says the label changed", () => {
    const cut: SpecCell[][] = [
      ["1.3", "Quần chúng ND được tuyên truyền, quán triệt CT, CS", "Hộ", 1240, 1197, null],
      ["3.1", "Hộ được nghe đài", "Hộ", 2350, 2300, null],
      ["6.1", "CB có trình độ ĐH", "Người", 8, 8, null],
    ];
    const r = readBody(cut);
    expect(Object.fromEntries(Object.entries(r.indicators).map(([id, e]) => [id, [e.total, e.achieved]]))).toEqual({ "1.3": [1240, 1197], "3.1": [2350, 2300], "6.1": [8, 8] });
    expect(r.issues.filter((i) => i.rule === "label-changed").map((i) => i.indicator)).toEqual(["1.3", "3.1", "6.1"]);
    expect(r.issues.filter((i) => i.rule === "unknown-row")).toEqual([]);
    // The same texts without their Stt, or under another indicator's Stt, are not enough.
    for (const stt of ["", "1.1"]) {
      const other = readBody(cut.map(([, ...rest]) => [stt, ...rest]));
      expect(other.indicators).toEqual({});
    }
  });

  it("takes 'Hộ GĐVH' under Stt 4.1 (the initials of its key phrase 'gia đình văn hóa'), and says the label changed", () => {
    for (const text of ["Hộ GĐVH", "Hộ đạt GĐVH"]) {
      const r = readBody([["4.1", text, "Hộ", 1200, 1050, null]]);
      expect(r.indicators["4.1"]).toMatchObject({ total: 1200, achieved: 1050 });
      expect(r.issues.filter((i) => i.rule === "label-changed").map((i) => i.indicator)).toEqual(["4.1"]);
    }
    expect(readBody([["", "Hộ GĐVH", "Hộ", 1200, 1050, null]]).indicators).toEqual({});
  });

  it.each([
    ["- Trung cấp", "- Cao cấp"],
    ["- Trung cấp LLCT trở lên", "- Cao cấp LLCT"],
    ["Trung cấp", "Cao cấp lý luận chính trị"],
  ])("reads the two rows under '6.2 Trình độ lý luận chính trị' worded briefly (%p, %p) as 6.2.1 and 6.2.2", (first, second) => {
    const r = readBody([
      ["6.2", "Trình độ lý luận chính trị", null, null, null, null],
      ["", first, "Người", 4, 3, null],
      ["", second, "Người", 4, 2, null],
    ]);
    expect(Object.fromEntries(Object.entries(r.indicators).map(([id, e]) => [id, [e.total, e.achieved]]))).toEqual({ "6.2.1": [4, 3], "6.2.2": [4, 2] });
    expect(r.issues.filter((i) => i.rule === "unknown-row")).toEqual([]);
    // Not under that heading, such brief words are not enough.
    expect(readBody([["", "Cao cấp", "Người", 4, 2, null]]).indicators).toEqual({});
  });

  it("reads labels cut short and said so ('…'), each as the indicator whose label starts so, without voiding a neighbour", () => {
    const figures = goodFigures();
    const body = indicatorBody(figures).map((row) => {
      const text = row[1];
      return typeof text === "string" && text.length > 30 && row[3] !== null ? [row[0]!, `${text.slice(0, 30)}…`, ...row.slice(2)] : row;
    });
    const r = readUnitReport(specToGrid({ sheets: [{ name: "S", rows: [INDICATOR_HEADER, ...body] }] }), "a.xlsx");
    expect(Object.keys(r.indicators).sort()).toEqual(Object.keys(figures).sort());
    for (const [id, f] of Object.entries(figures)) expect(r.indicators[id]).toMatchObject({ total: f.total, achieved: f.achieved });
    expect(r.issues.filter((i) => ["unknown-row", "duplicate-indicator", "indicator-missing"].includes(i.rule))).toEqual([]);
  });

  it("a row agreeing with an indicator far less than the indicator's own row is left unread, not a duplicate voiding it", () => {
    const body = indicatorBody(goodFigures());
    const at = body.findIndex((row) => row[0] === "4.4");
    body.splice(at + 1, 0, ["-", "Xã có nhà văn hóa cộng đồng mới xây", "Xã", 1, 1, null]);
    const r = readUnitReport(specToGrid({ sheets: [{ name: "S", rows: [INDICATOR_HEADER, ...body] }] }), "a.xlsx");
    expect(r.indicators["4.4"]).toMatchObject({ total: goodFigures()["4.4"]!.total });
    expect(r.issues.filter((i) => i.rule === "duplicate-indicator")).toEqual([]);
    expect(r.issues.filter((i) => i.rule === "unknown-row")).toHaveLength(1);
  });

  it("reads figures typed on the row of a group that has one indicator (Mục tiêu 02, 05) as that indicator's, and says so", () => {
    const figures = goodFigures();
    delete figures["2"];
    delete figures["5"];
    const onGroup = (row: SpecCell[]): SpecCell[] =>
      row[1] === "Mục tiêu 02" ? [row[0]!, row[1], null, 1, 1, null] : row[1] === "Mục tiêu 05" ? [row[0]!, row[1], null, 14, 2, null] : row;
    const r = readUnitReport(specToGrid({ sheets: [{ name: "S", rows: [INDICATOR_HEADER, ...indicatorBody(figures).map(onGroup)] }] }), "a.xlsx");
    expect([r.indicators["2"], r.indicators["5"]].map((e) => [e?.total, e?.achieved])).toEqual([[1, 1], [14, 2]]);
    expect(r.issues.filter((i) => i.rule === "figures-on-group-row").map((i) => [i.indicator, i.cell])).toEqual([["2", "B6"], ["5", "B18"]]);
    expect(r.issues.map((i) => i.rule)).not.toContain("unknown-row");
    // The indicator's own row filled too: that row is read, and the group's row is not.
    const both = readUnitReport(specToGrid({ sheets: [{ name: "S", rows: [INDICATOR_HEADER, ...indicatorBody(goodFigures()).map(onGroup)] }] }), "a.xlsx");
    expect(both.indicators["5"]).toMatchObject({ total: GOOD_FIGURES["5"]!.total, achieved: GOOD_FIGURES["5"]!.achieved });
    expect(both.issues.filter((i) => i.rule === "unknown-row").map((i) => i.cell)).toEqual(["B6", "B18"]);
    // A group of several indicators (Mục tiêu 01) does not say whose its figures are.
    const many = readBody([["1", "Mục tiêu 01", null, 45, 45, null]]);
    expect(many.indicators).toEqual({});
  });

  it("tells the four '-' rows apart by their text, in any order", () => {
    const dashes = INDICATORS.filter((i) => i.stt === "-");
    const rows = [...dashes].reverse().map((i, k): SpecCell[] => ["-", i.text, i.dvt, 100 + k, 50 + k, null]);
    const r = readBody(rows);
    [...dashes].reverse().forEach((i, k) => expect(r.indicators[i.id]).toMatchObject({ total: 100 + k, achieved: 50 + k }));
  });

  it("recognises group rows and the 6.2 sub-heading", () => {
    const r = readBody([
      ["1", "Mục tiêu 01"], ["2", "MỤC TIÊU 02"], [null, "Mục tiêu 3"], ["6.2", "Trình độ lý luận chính trị"], ["", "Trình độ LLCT".replace("LLCT", "lý luận chính trị")],
    ]);
    expect(r.issues.filter((i) => i.rule === "unknown-row")).toEqual([]);
  });
});

/** The official table as a sheet, placed and dressed as the property test says. */
function dressedSheet(opts: { order: number[]; blanks: number[]; offsetRow: number; offsetCol: number; nfd: boolean; upper: boolean; name: string }): SheetSpec {
  const indicatorRows = INDICATORS.map((i): SpecCell[] => {
    const f = GOOD_FIGURES[i.id]!;
    return [i.stt, i.text, i.dvt, f.total, f.achieved, null];
  });
  const groups = CATALOGUE_ROWS.filter((r) => r.kind === "group").map((r): SpecCell[] => (r.kind === "group" ? [r.group.stt, r.group.label] : []));
  const body: SpecCell[][] = [];
  const all = [...indicatorRows, ...groups];
  opts.order.forEach((k, n) => {
    body.push(all[k % all.length]!);
    for (let b = 0; b < (opts.blanks[n] ?? 0); b++) body.push([]);
  });
  const dress = (v: SpecCell): SpecCell => {
    if (typeof v !== "string") return v;
    let s = opts.nfd ? v.normalize("NFD") : v;
    if (opts.upper) s = s.toUpperCase();
    return s;
  };
  const pad = (row: SpecCell[]): SpecCell[] => [...Array<SpecCell>(opts.offsetCol).fill(null), ...row.map(dress)];
  const rows: SpecCell[][] = [
    ...headerBlock("ĐẢNG ỦY XÃ BẢN GIANG").map((r) => r.map(dress)),
    ...Array.from({ length: opts.offsetRow }, () => []),
    pad(INDICATOR_HEADER as SpecCell[]),
    ...body.map(pad),
  ];
  return { name: opts.name, rows };
}

function essence(r: UnitReport): unknown {
  return {
    unit: foldText(r.unit.name),
    date: r.reportDate,
    values: Object.fromEntries(Object.entries(r.indicators).map(([id, e]) => [id, [e.total, e.achieved]]).sort()),
    rules: r.issues.map((i) => `${i.rule}|${i.indicator ?? ""}`).sort(),
  };
}

describe("reading does not depend on order, blank rows, sheet names, Unicode form, case or position (property)", () => {
  const n = INDICATORS.length + 7;
  const base = readUnitReport(
    specToGrid({ sheets: [dressedSheet({ order: Array.from({ length: n }, (_, k) => k), blanks: [], offsetRow: 0, offsetCol: 0, nfd: false, upper: false, name: "Sheet1" })] }),
    "a.xlsx",
  );

  it("reads the plain table fully", () => {
    expect(Object.keys(base.indicators).sort()).toEqual(INDICATORS.map((i) => i.id).sort());
  });

  it("holds for random dressings", () => {
    fc.assert(
      fc.property(
        fc.shuffledSubarray(Array.from({ length: n }, (_, k) => k), { minLength: n, maxLength: n }),
        fc.array(fc.integer({ min: 0, max: 3 }), { minLength: n, maxLength: n }),
        fc.integer({ min: 0, max: 30 }),
        fc.integer({ min: 0, max: 8 }),
        fc.boolean(),
        fc.boolean(),
        fc.string({ minLength: 1, maxLength: 20 }).filter((s) => s.trim() !== ""),
        (order, blanks, offsetRow, offsetCol, nfd, upper, name) => {
          const sheet = dressedSheet({ order, blanks, offsetRow, offsetCol, nfd, upper, name });
          const r = readUnitReport(specToGrid({ sheets: [sheet] }), "a.xlsx");
          // Upper-casing changes the labels' case only: label-changed ignores case.
          expect(essence(r)).toEqual(essence(base));
        },
      ),
      { numRuns: 60 },
    );
  });
});

describe("figure columns worded past recognition, and tables split across pages", () => {
  const top = headerBlock("ĐẢNG ỦY XÃ BẢN GIANG");
  const read = (sheets: SheetSpec[]): UnitReport => readUnitReport(specToGrid({ sheets }), "a.xlsx");
  const figures = (r: UnitReport): Record<string, [number | null, number | null]> =>
    Object.fromEntries(Object.entries(r.indicators).map(([id, e]) => [id, [e.total, e.achieved]]));
  const allGood = Object.fromEntries(Object.entries(GOOD_FIGURES).map(([id, f]) => [id, [f.total, f.achieved]]));
  const rulesOf = (r: UnitReport): string[] => r.issues.map((i) => i.rule).filter((rule) => rule !== "documents-table-missing");

  it("takes unrecognised figure headers by their place, and says so at their cells", () => {
    const header = ["TT", "Nội dung", "ĐVT", "Số người, hộ, xã", "Số được hưởng", "Tỷ lệ"];
    const r = read([{ name: "S", rows: [...top, header, ...indicatorBody(goodFigures())] }]);
    expect(figures(r)).toEqual(allGood);
    const guesses = r.issues.filter((i) => i.rule === "column-by-position");
    expect(guesses.map((i) => [i.cell, i.severity, i.params.role])).toEqual([
      ["D5", "warning", "Tổng số"],
      ["E5", "warning", "Số đã đạt tiêu chuẩn"],
    ]);
    expect(guesses[0]!.message).toContain("Số người, hộ, xã");
    expect(rulesOf(r).sort()).toEqual(["column-by-position", "column-by-position"]);
  });

  it("does not take year columns, a note or a target column for figures", () => {
    const years = read([{ name: "S", rows: [...top, ["TT", "Nội dung", "ĐVT", "Năm 2016", "Năm 2020", "Tỷ lệ"], ...indicatorBody(goodFigures())] }]);
    expect(years.indicators).toEqual({});
    expect(years.issues.map((i) => i.rule)).toEqual(["no-tables"]);
    const target = read([{ name: "S", rows: [...top, ["TT", "Nội dung", "ĐVT", "Mục tiêu", "Số đạt", "Tỷ lệ"], ...indicatorBody(goodFigures())] }]);
    expect(target.indicators["1.2"]!.total).toBeNull();
    expect(target.issues.find((i) => i.rule === "column-missing")?.params.role).toBe("Tổng số");
  });

  it("says which column it read when there is a Tổng số and a Số đạt per year", () => {
    const top2 = ["TT", "Nội dung", "ĐVT", "Năm 2016", null, "Năm 2020", null];
    const below = [null, null, null, "Tổng số", "Số đạt", "Tổng số", "Số đạt"];
    const body = indicatorBody(goodFigures()).map((row) => [row[0], row[1], row[2], row[3], row[4], row[3], row[4]]);
    const r = readUnitReport(
      specToGrid({ sheets: [{ name: "S", rows: [...top, top2, below, ...body], merges: ["D5:E5", "F5:G5", "A5:A6", "B5:B6", "C5:C6"] }] }),
      "a.xlsx",
    );
    expect(r.indicators["1.2"]).toMatchObject({ total: 1219, achieved: 1183, cells: { total: "D9", achieved: "E9" } });
    const repeated = r.issues.filter((i) => i.rule === "column-repeated");
    expect(repeated.map((i) => [i.params.role, i.params.columns, i.params.used, i.cell])).toEqual([
      ["Tổng số", "D, F", "D", "D5"],
      ["Số đã đạt tiêu chuẩn", "E, G", "E", "E5"],
    ]);
    expect(rulesOf(read([{ name: "S", rows: [...top, INDICATOR_HEADER, ...indicatorBody(goodFigures())] }]))).toEqual([]);
  });

  it("names a missing Tổng số column instead of reading blanks in silence", () => {
    const body = indicatorBody(goodFigures()).map((row) => [row[0], row[1], row[2], row[4]]);
    const r = read([{ name: "S", rows: [...top, ["TT", "Nội dung", "ĐVT", "Kết quả"], ...body] }]);
    expect(r.indicators["1.2"]).toMatchObject({ total: null, achieved: 1183 });
    const missing = r.issues.filter((i) => i.rule === "column-missing");
    expect(missing).toHaveLength(1);
    expect(missing[0]).toMatchObject({ severity: "warning", sheet: "S", cell: "B5" });
    expect(missing[0]!.message).toContain('"Kết quả"');
  });

  it("reads the rest of a table whose header repeats after a page break, column numbers and all", () => {
    const body = indicatorBody(goodFigures());
    const numbers = ["(1)", "(2)", "(3)", "(4)", "(5)", "(6)"];
    const r = read([{ name: "S", rows: [...top, INDICATOR_HEADER, ...body.slice(0, 9), [], numbers, INDICATOR_HEADER, numbers, ...body.slice(9)] }]);
    expect(figures(r)).toEqual(allGood);
    expect(rulesOf(r)).toEqual([]);
  });

  it("reads a table continued on the next sheet", () => {
    const body = indicatorBody(goodFigures());
    const r = read([
      { name: "Trang 1", rows: [...top, INDICATOR_HEADER, ...body.slice(0, 12)] },
      { name: "Trang 2", rows: [INDICATOR_HEADER, ...body.slice(12)] },
    ]);
    expect(figures(r)).toEqual(allGood);
    expect(rulesOf(r)).toEqual([]);
    expect(r.indicators["6.2.2"]!.sheet).toBe("Trang 2");
  });

  it("never mixes in an old copy of the table: a further table counts only if it names none of the indicators read", () => {
    const old = indicatorBody(Object.fromEntries(Object.keys(GOOD_FIGURES).map((id) => [id, { total: 9, achieved: 1 }])));
    const current = indicatorBody(goodFigures()).slice(0, 6);
    const r = read([
      { name: "2021", rows: [...top, INDICATOR_HEADER, ...current] },
      { name: "2016", rows: [INDICATOR_HEADER, ...old] },
    ]);
    expect(r.indicators["1.2"]).toMatchObject({ total: 1219, achieved: 1183 });
    expect(r.indicators["4.1"]).toBeUndefined();
    expect(r.issues.filter((i) => i.rule === "indicator-missing").length).toBeGreaterThan(5);
    expect(r.issues.find((i) => i.rule === "table-ignored")).toMatchObject({ sheet: "2016", cell: "B1", params: { usedSheet: "2021" } });
  });

  it("takes a marked row under an indicator for its breakdown only when it names a village or a body, marks and all", () => {
    const body = indicatorBody(goodFigures());
    const at = body.findIndex((row) => row[0] === "1.2") + 1;
    const own: SpecCell[][] = [
      ["-", "Tổ chức học tập cho đảng viên mới", null, 30, 30, null],
      ["-", "Trường hợp chưa học tập do ốm", null, 36, null, null],
      ["-", "Ban hành kế hoạch học tập", null, 3, 3, null],
      ["-", "Đối với đảng viên cao tuổi", null, 5, 5, null],
    ];
    const villages: SpecCell[][] = [
      ["-", "Thôn Nà Tăm", null, 600, 580, null],
      ["-", "Tổ 3", null, 10, 10, null],
      ["-", "Thon Na Cai", null, 9, 9, null],
    ];
    const r = read([{ name: "Chỉ tiêu", rows: [...top, INDICATOR_HEADER, ...body.slice(0, at), ...villages, ...own, ...body.slice(at)] }]);
    expect(figures(r)).toEqual(allGood);
    const unknown = r.issues.filter((i) => i.rule === "unknown-row").map((i) => (i.params as { text: string }).text);
    expect(unknown).toEqual(own.map((row) => row[1]));
  });

  it("reads at most 200 further copies of the table: a header row written a thousand times is not a thousand tables", () => {
    const draft = goodFigures();
    draft["1.2"] = { total: 1219, achieved: 1100 };
    const copy = [INDICATOR_HEADER, ...indicatorBody(draft)];
    const r = read([{ name: "Chỉ tiêu", rows: [...top, INDICATOR_HEADER, ...indicatorBody(goodFigures()), ...Array.from({ length: 1_000 }, () => copy).flat()] }]);
    expect(figures(r)).toEqual(allGood);
    expect(r.issues.filter((i) => i.rule === "table-ignored")).toHaveLength(200);
  });

  it("says when a second copy of the table with other figures was not read, and is quiet about an identical copy", () => {
    const figuresNow = goodFigures();
    const draft = goodFigures();
    draft["1.2"] = { total: 1219, achieved: 1100 };
    draft["4.1"] = { total: 2350, achieved: 2000 };
    const sheets = (second: ReturnType<typeof goodFigures>): SheetSpec[] => [
      { name: "Chỉ tiêu", rows: [...top, INDICATOR_HEADER, ...indicatorBody(figuresNow)] },
      { name: "Chỉ tiêu (2)", rows: [...top, INDICATOR_HEADER, ...indicatorBody(second)] },
    ];
    const differing = read(sheets(draft));
    expect(figures(differing)).toEqual(allGood);
    const ignored = differing.issues.filter((i) => i.rule === "table-ignored");
    expect(ignored).toHaveLength(1);
    expect(ignored[0]).toMatchObject({ severity: "warning", sheet: "Chỉ tiêu (2)", cell: "B5", params: { indicators: "1.2, 4.1", usedSheet: "Chỉ tiêu" } });
    expect(ignored[0]!.message).toContain('"Chỉ tiêu (2)"');
    expect(rulesOf(read(sheets(goodFigures())))).toEqual([]);
  });
});

describe("a header over two rows under a merged cell", () => {
  const ind = (id: string) => INDICATORS.find((i) => i.id === id)!;
  const FIGS: Record<string, [number, number]> = { "1.1": [45, 44], "1.2": [1219, 1183], "1.3": [500, 480] };
  const read = (top: string, a: string, b: string): UnitReport =>
    readUnitReport(
      specToGrid({
        sheets: [
          {
            name: "Chỉ tiêu",
            rows: [
              ...headerBlock("ĐẢNG ỦY XÃ BẢN BO"),
              ["STT", "Nội dung chỉ tiêu", "ĐVT", top, null],
              [null, null, null, a, b],
              ...["1.1", "1.2", "1.3"].map((id): SpecCell[] => [id, ind(id).text, ind(id).dvt, ...FIGS[id]!]),
            ],
            merges: ["D5:E5", "A5:A6", "B5:B6", "C5:C6"],
          },
        ],
      }),
      "a.xlsx",
    );

  it.each([
    ["Kết quả", "Tổng cộng", "Số đạt"],
    ["Kết quả", "Tổng", "Đạt"],
    ["Số liệu", "Tổng", "Đạt"],
    ["Chỉ tiêu", "Tổng số", "Đạt"],
    ["Số lượng", "Tổng số", "Số đã đạt"],
  ])("reads %s over %s | %s as Tổng số and Số đã đạt (a \"Tổng\" there is no year's sum)", (top, a, b) => {
    const r = read(top, a, b);
    expect(["1.1", "1.2", "1.3"].map((id) => [r.indicators[id]?.total, r.indicators[id]?.achieved])).toEqual([
      [45, 44],
      [1219, 1183],
      [500, 480],
    ]);
    expect(r.issues.filter((i) => i.rule.startsWith("column-"))).toEqual([]);
  });
});

describe("documents typed by hand", () => {
  const header = ["STT", "Số, ký hiệu", "Ngày ban hành", "Trích yếu", "Đơn vị ban hành"];
  const read = (rows: SpecCell[][], head: SpecCell[] = header): UnitReport =>
    readUnitReport(specToGrid({ sheets: [{ name: "S", rows: [...headerBlock("ĐẢNG ỦY XÃ BẢN BO"), head, ...rows] }] }), "a.xlsx");

  it("takes a row with its own number typed in Stt for a document, whatever case its summary starts in", () => {
    const r = read([
      [1, "05-KH/ĐU", "10/3/2017", "Kế hoạch thực hiện Đề án 241", "Đảng ủy xã"],
      [2, null, null, "kế hoạch tuyên truyền (chưa có số)", null],
    ]);
    expect(r.documents.map((d) => d.summary)).toEqual(["Kế hoạch thực hiện Đề án 241", "kế hoạch tuyên truyền (chưa có số)"]);
  });

  it("keeps a whole code typed under Số with its symbol repeated under Ký hiệu", () => {
    const r = read(
      [
        [1, "15-NQ/ĐU", "NQ/ĐU", "30/9/2016", "Nghị quyết thực hiện Đề án 241", "Đảng ủy xã"],
        [2, "05-KH/ĐU", "KH", "10/3/2017", "Kế hoạch thực hiện Đề án 241", "Đảng ủy xã"],
      ],
      ["STT", "Số", "Ký hiệu", "Ngày ban hành", "Trích yếu", "Đơn vị ban hành"],
    );
    expect(r.documents.map((d) => d.code?.canonical)).toEqual(["15-NQ/ĐU", "05-KH/ĐU"]);
    expect(r.issues.filter((i) => i.rule === "code-unrecognised")).toEqual([]);
  });
});

describe("two units' reports in one workbook", () => {
  const rulesOf = (r: UnitReport): string[] => r.issues.map((i) => i.rule).filter((rule) => rule !== "documents-table-missing");
  it("says that the second sheet's table is another unit's and is not merged, instead of taking it for a copy of the first", () => {
    const other = goodFigures();
    other["1.2"] = { total: 800, achieved: 790 };
    const r = readUnitReport(
      specToGrid({
        sheets: [
          { name: "Bản Bo", rows: [...headerBlock("ĐẢNG ỦY XÃ BẢN BO"), INDICATOR_HEADER, ...indicatorBody(goodFigures())] },
          { name: "Sơn Bình", rows: [...headerBlock("ĐẢNG ỦY XÃ SƠN BÌNH"), INDICATOR_HEADER, ...indicatorBody(other)] },
        ],
      }),
      "bao-cao.xlsx",
    );
    expect(r.unit.name).toBe("ĐẢNG ỦY XÃ BẢN BO");
    expect(r.indicators["1.2"]).toMatchObject({ total: 1219, achieved: 1183 });
    expect(rulesOf(r)).toEqual(["table-other-unit"]);
    const issue = r.issues[0]!;
    expect(issue).toMatchObject({ severity: "warning", sheet: "Sơn Bình", params: { other: "ĐẢNG ỦY XÃ SƠN BÌNH", unit: "ĐẢNG ỦY XÃ BẢN BO", usedSheet: "Bản Bo" } });
    expect(issue.message).toContain("Mỗi đơn vị cần gửi báo cáo của mình trong một tệp riêng");
  });

  it("keeps calling a copy under the same unit's header a second table of the unit", () => {
    const draft = goodFigures();
    draft["1.2"] = { total: 1219, achieved: 1100 };
    const r = readUnitReport(
      specToGrid({
        sheets: [
          { name: "Chỉ tiêu", rows: [...headerBlock("ĐẢNG ỦY XÃ BẢN BO"), INDICATOR_HEADER, ...indicatorBody(goodFigures())] },
          { name: "Chỉ tiêu (2)", rows: [...headerBlock("Đảng bộ xã Bản Bo"), INDICATOR_HEADER, ...indicatorBody(draft)] },
        ],
      }),
      "bao-cao.xlsx",
    );
    expect(rulesOf(r)).toEqual(["table-ignored"]);
  });
});

describe("the unit and the report date, however the top of the sheet is written", () => {
  const read = (top: SpecCell[][]): UnitReport =>
    readUnitReport(specToGrid({ sheets: [{ name: "S", rows: [...top, [], INDICATOR_HEADER, ...indicatorBody(goodFigures())] }] }), "bao-cao.xlsx");
  const cases: [string, SpecCell[][], string, string | null][] = [
    [
      "a State office's heading under its People's Committee",
      [["UBND HUYỆN TAM ĐƯỜNG", null, null, "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"], ["PHÒNG VĂN HÓA VÀ THÔNG TIN", null, null, "Độc lập - Tự do - Hạnh phúc"], [null, null, null, "Tam Đường, ngày 15 tháng 6 năm 2021"]],
      "PHÒNG VĂN HÓA VÀ THÔNG TIN",
      "2021-06-15",
    ],
    [
      "the Youth Union's heading, the star under the left block",
      [["HUYỆN ĐOÀN TAM ĐƯỜNG", null, null, "ĐOÀN TNCS HỒ CHÍ MINH"], ["***"], [null, null, null, "Tam Đường, ngày 15 tháng 6 năm 2021"]],
      "HUYỆN ĐOÀN TAM ĐƯỜNG",
      "2021-06-15",
    ],
    ["a date written with slashes", [["ĐẢNG BỘ HUYỆN TAM ĐƯỜNG", null, null, "ĐẢNG CỘNG SẢN VIỆT NAM"], ["ĐẢNG ỦY XÃ BẢN BO", null, null, "Bản Bo, ngày 15/6/2021"]], "ĐẢNG ỦY XÃ BẢN BO", "2021-06-15"],
    ["a date line without its comma", [["ĐẢNG ỦY XÃ BẢN BO", null, null, "Bản Bo ngày 15 tháng 6 năm 2021"]], "ĐẢNG ỦY XÃ BẢN BO", "2021-06-15"],
    ["\"Đơn vị: …\" and \"Ngày báo cáo: …\" above the table", [["BIỂU TỔNG HỢP KẾT QUẢ"], ["Đơn vị báo cáo: Chi bộ Trường THPT Tam Đường"], ["Ngày báo cáo: 10/6/2021"]], "Chi bộ Trường THPT Tam Đường", "2021-06-10"],
    [
      "\"Ngày báo cáo:\" with the date in the cell beside it, the date line left blank",
      [["ĐẢNG ỦY XÃ KHUN HÁ", null, null, "Khun Há, ngày …… tháng …… năm ………"], [], ["Ngày báo cáo:", null, new Date(Date.UTC(2021, 5, 30))]],
      "ĐẢNG ỦY XÃ KHUN HÁ",
      "2021-06-30",
    ],
    ["\"Ngày lập biểu:\" with the date typed beside it", [["ĐẢNG ỦY XÃ KHUN HÁ"], ["Ngày lập biểu:", "09/6/2021"]], "ĐẢNG ỦY XÃ KHUN HÁ", "2021-06-09"],
    [
      "a note's \"tính đến ngày …\" is not the report's date",
      [["ĐẢNG ỦY XÃ BẢN BO", null, null, "Bản Bo, ngày … tháng 6 năm 2021"], ["Số liệu tính đến ngày 31 tháng 12 năm 2020"]],
      "ĐẢNG ỦY XÃ BẢN BO",
      null,
    ],
  ];
  it.each(cases)("%s", (_name, top, unit, date) => {
    const r = read(top);
    expect([r.unit.name, r.unit.source, r.reportDate]).toEqual([unit, "header", date]);
  });

  it("reads \"Ngày báo cáo:\" with its date beside it under the table, where the table's last rows run on; never a date of a row of the table", () => {
    const rows: SpecCell[][] = [
      ...headerBlock("ĐẢNG ỦY XÃ KHUN HÁ", "Khun Há, ngày …… tháng …… năm ………"),
      INDICATOR_HEADER as SpecCell[],
      ...indicatorBody(goodFigures()),
      [null, "Ngày báo cáo:", new Date(Date.UTC(2021, 5, 30))],
    ];
    expect(readUnitReport(specToGrid({ sheets: [{ name: "S", rows }] }), "a.xlsx").reportDate).toBe("2021-06-30");
    const noted = rows.slice(0, -1).concat([[null, "Ghi chú: số liệu tính đến ngày 15/6/2021"]]);
    expect(readUnitReport(specToGrid({ sheets: [{ name: "S", rows: noted }] }), "a.xlsx").reportDate).toBeNull();
  });
});

describe("documents whose code is not in a column of its own", () => {
  const read = (header: SpecCell[], docs: SpecCell[][]): UnitReport =>
    readUnitReport(specToGrid({ sheets: [{ name: "S", rows: [...headerBlock("ĐẢNG ỦY XÃ BẢN BO"), header, ...docs] }] }), "a.xlsx");
  const summary = (r: UnitReport): [string | null, string | null][] => r.documents.map((d) => [d.code?.canonical ?? null, d.date]);

  it("reads \"Số, ngày văn bản\" as the code, with its date", () => {
    const r = read(["STT", "Số, ngày văn bản", "Trích yếu", "Cơ quan ban hành"], [
      [1, "Số 15-NQ/ĐU, ngày 12/10/2016", "Nghị quyết về công tác tư tưởng", "Đảng ủy xã"],
      [2, "22-KH/ĐU ngày 07/3/2017", "Kế hoạch thực hiện", "Đảng ủy xã"],
    ]);
    expect(summary(r)).toEqual([["15-NQ/ĐU", "2016-10-12"], ["22-KH/ĐU", "2017-03-07"]]);
    expect(r.issues.filter((i) => i.rule.startsWith("document-"))).toEqual([]);
  });

  it("takes the code a summary opens with, never one it cites", () => {
    const r = read(["STT", "Tên văn bản", "Cơ quan ban hành", "Ngày ban hành"], [
      [1, "Nghị quyết số 15-NQ/ĐU về công tác tư tưởng", "Đảng ủy xã", "12/10/2016"],
      [2, "Kế hoạch số 22-KH/ĐU ngày 07/3/2017 thực hiện Đề án", "Đảng ủy xã", null],
      [3, "Kế hoạch thực hiện Nghị quyết số 05-NQ/TU của Tỉnh ủy", "Đảng ủy xã", "15/01/2018"],
    ]);
    expect(summary(r)).toEqual([["15-NQ/ĐU", "2016-10-12"], ["22-KH/ĐU", "2017-03-07"], [null, "2018-01-15"]]);
    expect(r.issues.filter((i) => i.rule.startsWith("document-")).map((i) => [i.rule, i.cell])).toEqual([["document-missing-code", "B8"]]);
  });

  it("takes a summary run onto the row under its document for the rest of it, and a row of its own still for a document", () => {
    const header = ["STT", "Số, ký hiệu", "Ngày ban hành", "Trích yếu", "Đơn vị ban hành"];
    const r = read(header, [
      [1, "15-NQ/ĐU", "12/10/2016", "Nghị quyết về nâng cao chất lượng công tác tư tưởng", "Đảng ủy xã"],
      [null, null, null, "giai đoạn 2016 - 2020", null],
      [2, "22-KH/ĐU", "07/3/2017", "Kế hoạch thực hiện Đề án 241 năm 2017", "Đảng ủy xã"],
      [3, null, null, "Kế hoạch tuyên truyền năm 2018", null],
    ]);
    expect(r.documents.map((d) => d.summary)).toEqual([
      "Nghị quyết về nâng cao chất lượng công tác tư tưởng giai đoạn 2016 - 2020",
      "Kế hoạch thực hiện Đề án 241 năm 2017",
      "Kế hoạch tuyên truyền năm 2018",
    ]);
    expect(r.issues.filter((i) => i.rule.startsWith("document-")).map((i) => [i.rule, i.cell])).toEqual([
      ["document-missing-code", "B9"],
      ["document-missing-date", "C9"],
    ]);
  });

  it("counts the same code from two issuers as two documents, and from one issuer as a duplicate", () => {
    const header = ["STT", "Số, ký hiệu", "Ngày ban hành", "Trích yếu", "Đơn vị ban hành"];
    const row = (n: number, issuer: string): SpecCell[] => [n, "12-KH/ĐU", "15/11/2016", "Kế hoạch thực hiện Đề án 241", issuer];
    const two = read(header, [row(1, "Đảng ủy xã Bản Bo"), row(2, "Đảng ủy xã Bình Lư")]);
    expect(two.issues.filter((i) => i.rule === "duplicate-document")).toEqual([]);
    const same = read(header, [row(1, "Đảng ủy xã Bản Bo"), row(2, "Đảng ủy xã Bản Bo")]);
    expect(same.issues.filter((i) => i.rule === "duplicate-document").map((i) => i.cell)).toEqual(["B7"]);
  });
});
