/**
 * Rows read as an indicator's breakdown are never summed. A row a unit meant as a figure of its own, opening with a
 * body's word ("- Cơ quan đạt chuẩn an toàn về an ninh trật tự" under 4.3), was passed over without a word: every
 * such row is said once for the file, as information (breakdown-rows). And the breakdown's figures against the
 * indicator's (breakdown-sum): a sum over the indicator's figure, a sum that differs from it when the lines share out
 * every kind the label lists, the indicator's cell blank while every line has a figure; the figures read stay the
 * indicator's row's. Tables as a grid, and typed from scratch with openpyxl.
 */
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { indicatorById, INDICATORS_TABLE } from "../../../src/domain/catalogue";
import { readUnitReport } from "../../../src/domain/read";
import { readWorkbook } from "../../../src/io/read";
import { GOOD_FIGURES } from "../../fixtures/official";
import { specToGrid } from "../../fixtures/sheet-spec";
import { rowOfText, unitTable, type PlainRow } from "../../fixtures/unit-table";
import { writeRowsWithOpenpyxl } from "../../support/openpyxl-rows";
import { PYTHON_OPENPYXL } from "../../support/programs";

const SHEET = INDICATORS_TABLE.sheetName;
const read = (rows: PlainRow[]) => readUnitReport(specToGrid({ sheets: [{ name: SHEET, rows }] }), "ban-bo.xlsx");
type Report = ReturnType<typeof read>;
const issuesOf = (r: Report) => r.issues.filter((i) => i.sheet === SHEET).map((i) => [i.rule, i.severity, i.cell, i.indicator ?? null]);
const figures = (r: Report) => Object.fromEntries(Object.entries(r.indicators).map(([id, e]) => [id, [e.total, e.achieved]]));
const GOOD = Object.fromEntries(Object.entries(GOOD_FIGURES).map(([id, f]) => [id, [f.total, f.achieved]]));
const messageOf = (r: Report, rule: string) => r.issues.filter((i) => i.rule === rule).map((i) => i.message);
const indicatorText = (id: string) => indicatorById(id)!.text;
/** The one-based row of an indicator's own row in a table. */
const own = (rows: PlainRow[], id: string) => rowOfText(rows, indicatorText(id));

describe("rows read as an indicator's breakdown are said once, as information", () => {
  it("names a row opening with a body's word under 4.3 that matches no indicator, its figures not summed", () => {
    const rows = unitTable({ "4.3": [["-", "Cơ quan đạt chuẩn an toàn về an ninh trật tự", "Cơ quan", 5, 5, null]] });
    const r = read(rows);
    expect(figures(r)).toEqual(GOOD);
    const under = own(rows, "4.3") + 1;
    expect(issuesOf(r)).toEqual([["breakdown-rows", "info", `B${under}`, null]]);
    expect(messageOf(r, "breakdown-rows")).toEqual([
      `1 dòng được coi là chi tiết của chỉ tiêu 4.3 (theo thôn, bản, chi bộ, cơ quan…), không cộng vào tổng: B${under} "Cơ quan đạt chuẩn an toàn về an ninh trật tự". ` +
        "Nếu dòng nào là một chỉ tiêu riêng hoặc cần được tổng hợp, đề nghị ghi số liệu của cả đơn vị ở dòng của chỉ tiêu.",
    ]);
  });

  it("says the rows under several indicators in one issue, the first ones named", () => {
    const villages: PlainRow[] = Array.from({ length: 9 }, (_, k) => [null, `- Thôn ${k + 1}`, null, 5, 4, null]);
    const rows = unitTable({ "4.2": villages, "4.3": [["+", "Trường Tiểu học Bản Bo", null, 3, 3, null]] });
    const r = read(rows);
    expect(figures(r)).toEqual(GOOD);
    const said = r.issues.filter((i) => i.rule === "breakdown-rows");
    expect(said).toHaveLength(1);
    expect(said[0]!.cell).toBe(`B${own(rows, "4.2") + 1}`);
    expect(said[0]!.message).toContain("10 dòng được coi là chi tiết của chỉ tiêu ở dòng trên nó");
    expect(said[0]!.message).toContain(`chỉ tiêu 4.2: B${own(rows, "4.2") + 1} "Thôn 1", `);
    expect(said[0]!.message).toContain(`"Thôn 8" và 2 dòng khác.`);
    // The whole list (a row past the first eight is counted, not named).
    expect(said[0]!.message).not.toContain("Thôn 9");
  });

  it("shortens a long text to its first words", () => {
    const long = "Trường Tiểu học Bản Bo đạt chuẩn xanh, sạch, đẹp, an toàn theo tiêu chí của ngành giáo dục huyện Tam Đường";
    const r = read(unitTable({ "4.3": [["+", long, null, 3, 3, null]] }));
    expect(messageOf(r, "breakdown-rows")[0]).toContain(`"${long.slice(0, 59).trimEnd()}…"`);
  });

  it("says nothing of the letter's own table, its indicators marked \"-\" included", () => {
    const r = read(unitTable({}));
    expect(issuesOf(r)).toEqual([]);
  });
});

describe("the breakdown's figures against the indicator's", () => {
  const villages = (a: [number, number], b: [number, number]): PlainRow[] => [
    [null, "- Thôn Nà Tăm", null, a[0], a[1], null],
    [null, "- Bản Bo", null, b[0], b[1], null],
  ];

  it("warns when the parts' Tổng số is over the indicator's, the figures read staying the indicator's", () => {
    const rows = unitTable({ "4.2": villages([30, 25], [30, 15]) });
    const r = read(rows);
    expect(figures(r)).toEqual(GOOD);
    const row = own(rows, "4.2");
    expect(issuesOf(r)).toEqual([
      ["breakdown-sum", "warning", `D${row}`, "4.2"],
      ["breakdown-rows", "info", `B${row + 1}`, null],
    ]);
    expect(messageOf(r, "breakdown-sum")).toEqual([
      `Chỉ tiêu 4.2: cộng cột "Tổng số" của các dòng chi tiết bên dưới (dòng ${row + 1}–${row + 2}) được 60, lớn hơn số ghi ở dòng của chỉ tiêu (52): ` +
        "phần không thể lớn hơn cả đơn vị. Số liệu được tổng hợp theo dòng của chỉ tiêu; đề nghị kiểm tra lại.",
    ]);
  });

  it("says nothing when villages sum to less than the indicator: some may be left out", () => {
    const r = read(unitTable({ "4.2": villages([30, 25], [10, 9]) }));
    expect(r.issues.filter((i) => i.rule === "breakdown-sum")).toEqual([]);
  });

  it("warns when lines sharing out every kind of the label sum to another figure, in both columns", () => {
    const rows = unitTable({ "4.3": [[null, "a) Cơ quan, đơn vị", null, 20, 20, null], [null, "b) Trường học", null, 10, 9, null]] });
    const r = read(rows);
    expect(figures(r)).toEqual(GOOD);
    const row = own(rows, "4.3");
    expect(issuesOf(r).filter(([rule]) => rule === "breakdown-sum")).toEqual([
      ["breakdown-sum", "warning", `D${row}`, "4.3"],
      ["breakdown-sum", "warning", `E${row}`, "4.3"],
    ]);
    expect(messageOf(r, "breakdown-sum")[1]).toContain('cộng cột "Số đã đạt tiêu chuẩn" của các dòng chi tiết bên dưới');
    expect(messageOf(r, "breakdown-sum")[1]).toContain("được 29, khác số ghi ở dòng của chỉ tiêu (38)");
    // The same lines summing to the indicator's figures: nothing to say of them.
    const agreeing = read(unitTable({ "4.3": [[null, "a) Cơ quan, đơn vị", null, 20, 20, null], [null, "b) Trường học", null, 18, 18, null]] }));
    expect(agreeing.issues.filter((i) => i.rule === "breakdown-sum")).toEqual([]);
  });

  it("warns when the indicator's Số đã đạt is blank and every line has one", () => {
    const rows = unitTable({ "4.2": villages([30, 25], [22, 19]) }, { "4.2": [52, null] });
    const r = read(rows);
    expect(figures(r)["4.2"]).toEqual([52, null]);
    const row = own(rows, "4.2");
    expect(issuesOf(r).filter(([rule]) => rule === "breakdown-sum")).toEqual([["breakdown-sum", "warning", `E${row}`, "4.2"]]);
    expect(messageOf(r, "breakdown-sum")[0]).toContain(`cột "Số đã đạt tiêu chuẩn" ở dòng của chỉ tiêu (dòng ${row}) để trống`);
    expect(messageOf(r, "breakdown-sum")[0]).toContain("cộng lại được 44");
  });

  it("leaves nested, overlapping or mixed breakdowns alone", () => {
    const cases: Record<string, PlainRow[]> = {
      nested: [[null, "- Thôn Nà Tăm", null, 40, 30, null], [null, "+ Bản Bo", null, 40, 30, null]],
      overlapping: [[null, "Trong đó: bản vùng cao", null, 40, 30, null], [null, "Trong đó: bản biên giới", null, 40, 30, null]],
      mixed: [[null, "- Thôn Nà Tăm", null, 40, 30, null], [null, "- Chi bộ bản Bo", null, 40, 30, null]],
    };
    // Under 1.2, by year and by round: the same party members learn again each year.
    const learning: Record<string, PlainRow[]> = {
      years: [[null, "- Năm 2017", null, 1200, 1180, null], [null, "- Năm 2018", null, 1210, 1190, null]],
      rounds: [[null, "- Đợt 1", null, 1200, 1180, null], [null, "- Đợt 2", null, 1210, 1190, null]],
    };
    for (const [name, lines] of Object.entries(learning)) {
      const r = read(unitTable({ "1.2": lines }));
      expect([name, r.issues.filter((i) => i.rule === "breakdown-sum")]).toEqual([name, []]);
      expect([name, r.issues.filter((i) => i.rule === "breakdown-rows").length]).toEqual([name, 1]);
    }
    for (const [name, lines] of Object.entries(cases)) {
      const r = read(unitTable({ "4.2": lines }));
      expect([name, r.issues.filter((i) => i.rule === "breakdown-sum")]).toEqual([name, []]);
      expect([name, figures(r)]).toEqual([name, GOOD]);
    }
  });

  it("warns when a single \"Trong đó\" line is over the indicator's figure", () => {
    const rows = unitTable({ "1.2": [[null, "Trong đó: đảng viên nữ", null, 1300, 1250, null]] });
    const r = read(rows);
    const row = own(rows, "1.2");
    expect(issuesOf(r).filter(([rule]) => rule === "breakdown-sum")).toEqual([
      ["breakdown-sum", "warning", `D${row}`, "1.2"],
      ["breakdown-sum", "warning", `E${row}`, "1.2"],
    ]);
  });
});

const withOpenpyxl = PYTHON_OPENPYXL ? describe : describe.skip;

withOpenpyxl("a unit's table typed with openpyxl, rows under its indicators", () => {
  it("says the rows read as breakdowns and warns of a breakdown over its indicator", () => {
    const dir = mkdtempSync(join(tmpdir(), "breakdown-said-"));
    const rows = unitTable({
      "4.2": [[null, "- Thôn Nà Tăm", null, 30, 25, null], [null, "- Bản Bo", null, 30, 15, null]],
      "4.3": [["-", "Cơ quan đạt chuẩn an toàn về an ninh trật tự", "Cơ quan", 5, 5, null]],
    });
    const bytes = writeRowsWithOpenpyxl(dir, "ban-bo.xlsx", SHEET, rows);
    const r = readUnitReport(readWorkbook(bytes, "ban-bo.xlsx"), "ban-bo.xlsx");
    expect(figures(r)).toEqual(GOOD);
    expect(issuesOf(r)).toEqual([
      ["breakdown-sum", "warning", `D${own(rows, "4.2")}`, "4.2"],
      ["breakdown-rows", "info", `B${own(rows, "4.2") + 1}`, null],
    ]);
    expect(messageOf(r, "breakdown-rows")[0]).toContain(`chỉ tiêu 4.3: B${own(rows, "4.3") + 1} "Cơ quan đạt chuẩn an toàn về an ninh trật tự"`);
  });
});
