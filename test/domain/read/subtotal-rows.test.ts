/**
 * A subtotal a unit adds under a group of the indicator table, in its middle ("Cộng mục 4", "Cộng (4)", "Tổng cộng
 * phần IV"), its figures the group's sums: no indicator and never summed, and no warning (each was an unknown row,
 * said to be a row that matches no indicator). "Cộng 4" alone (a count) and a unit's own row stay unknown rows, and a
 * marked row under a subtotal is no breakdown of the indicator above it. Tables as a grid; typed from scratch with
 * openpyxl (its sums as formulas, stored without results); and rows inserted into the template in LibreOffice.
 */
import { mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { indicatorById, INDICATORS_TABLE } from "../../../src/domain/catalogue";
import { readUnitReport } from "../../../src/domain/read";
import { readWorkbook } from "../../../src/io/read";
import { GOOD_FIGURES } from "../../fixtures/official";
import { specToGrid } from "../../fixtures/sheet-spec";
import { rowOfText, unitTable, type PlainRow } from "../../fixtures/unit-table";
import { indicatorRow, writeFilledUnit } from "../../support/fill";
import { editWithLibreOffice } from "../../support/libreoffice-edit";
import { writeRowsWithOpenpyxl } from "../../support/openpyxl-rows";
import { PYTHON_OPENPYXL, SOFFICE } from "../../support/programs";

const SHEET = INDICATORS_TABLE.sheetName;
const read = (rows: PlainRow[]) => readUnitReport(specToGrid({ sheets: [{ name: SHEET, rows }] }), "ban-bo.xlsx");
type Report = ReturnType<typeof read>;
const issuesOf = (r: Report) => r.issues.filter((i) => i.sheet === SHEET).map((i) => [i.rule, i.cell]);
const figures = (r: Report) => Object.fromEntries(Object.entries(r.indicators).map(([id, e]) => [id, [e.total, e.achieved]]));
const GOOD = Object.fromEntries(Object.entries(GOOD_FIGURES).map(([id, f]) => [id, [f.total, f.achieved]]));
const sum = (ids: string[], role: "total" | "achieved") => ids.reduce((n, id) => n + GOOD_FIGURES[id]![role], 0);
const GROUP_4 = ["4.1", "4.2", "4.3", "4.4", "4.5", "4.6"];
const subtotal = (words: string, stt: string | null = null): PlainRow => [stt, words, null, sum(GROUP_4, "total"), sum(GROUP_4, "achieved"), null];

describe("a subtotal of a group in the middle of the indicator table", () => {
  it.each(["Cộng mục 4", "Cộng (4)", "Tổng cộng phần IV", "Cộng mục tiêu 04:", "TỔNG CỘNG (IV)", "Cong muc 4"])("is no indicator and no unknown row (%s)", (words) => {
    const r = read(unitTable({ "4.6": [subtotal(words)] }));
    expect(figures(r)).toEqual(GOOD);
    expect(issuesOf(r)).toEqual([]);
  });

  it("is no indicator with its first words in Stt", () => {
    const r = read(unitTable({ "4.6": [subtotal("mục 4", "Cộng")] }));
    expect(figures(r)).toEqual(GOOD);
    expect(issuesOf(r)).toEqual([]);
  });

  it("is read so under every group of the table", () => {
    const lastOf: Record<string, string[]> = { "1.3": ["1.1", "1.2", "1.3"], "3.2": ["3.1", "3.2"], "4.6": GROUP_4, "6.2.2": ["6.1", "6.2.1", "6.2.2"] };
    const group: Record<string, string> = { "1.3": "1", "3.2": "3", "4.6": "4", "6.2.2": "6" };
    const under = Object.fromEntries(
      Object.entries(lastOf).map(([id, ids]) => [id, [[null, `Cộng mục ${group[id]}`, null, sum(ids, "total"), sum(ids, "achieved"), null]] as PlainRow[]]),
    );
    const r = read(unitTable(under));
    expect(figures(r)).toEqual(GOOD);
    expect(issuesOf(r)).toEqual([]);
  });

  it("leaves \"Cộng 4\" (a count) and a unit's own row unknown rows", () => {
    const rows = unitTable({ "4.6": [subtotal("Cộng 4"), subtotal("Cộng số bản đạt chuẩn mục 4")] });
    const r = read(rows);
    expect(figures(r)).toEqual(GOOD);
    expect(issuesOf(r)).toEqual([
      ["unknown-row", `B${rowOfText(rows, "Cộng 4")}`],
      ["unknown-row", `B${rowOfText(rows, "Cộng số bản đạt chuẩn mục 4")}`],
    ]);
  });

  it("ends the breakdown of the indicator above it", () => {
    const rows = unitTable({ "4.6": [subtotal("Cộng mục 4"), [null, "- Thôn Nà Tăm", null, 5, 4, null]] });
    const r = read(rows);
    expect(issuesOf(r)).toEqual([["unknown-row", `B${rowOfText(rows, "- Thôn Nà Tăm")}`]]);
  });

  it("never takes an indicator's own row, whatever its place", () => {
    // The letter's rows each followed by a subtotal: every indicator read, with its figures.
    const under = Object.fromEntries(Object.keys(GOOD_FIGURES).map((id) => [id, [subtotal(`Cộng mục ${indicatorById(id)!.group}`)]]));
    const r = read(unitTable(under));
    expect(figures(r)).toEqual(GOOD);
    expect(issuesOf(r)).toEqual([]);
  });
});

const withOpenpyxl = PYTHON_OPENPYXL ? describe : describe.skip;

withOpenpyxl("a subtotal typed with openpyxl, its sums as formulas", () => {
  it("is no indicator and no unknown row", () => {
    const dir = mkdtempSync(join(tmpdir(), "subtotal-openpyxl-"));
    const plain = unitTable({ "4.6": [subtotal("Cộng mục 4")] });
    const at = rowOfText(plain, "Cộng mục 4");
    const first = rowOfText(plain, indicatorById("4.1")!.text);
    const rows = plain.map((row, k) => (k + 1 === at ? [null, "Cộng mục 4", null, `=SUM(D${first}:D${at - 1})`, `=SUM(E${first}:E${at - 1})`, null] : row));
    const bytes = writeRowsWithOpenpyxl(dir, "ban-bo.xlsx", SHEET, rows);
    const r = readUnitReport(readWorkbook(bytes, "ban-bo.xlsx"), "ban-bo.xlsx");
    expect(figures(r)).toEqual(GOOD);
    expect(issuesOf(r)).toEqual([]);
  });
});

const withOffice = SOFFICE ? describe : describe.skip;

withOffice("a subtotal inserted into the template in LibreOffice", () => {
  it.each(["xlsx", "ods"] as const)("is no indicator and no unknown row (.%s)", async (format) => {
    const dir = mkdtempSync(join(tmpdir(), "subtotal-lo-"));
    const indicators = Object.fromEntries(Object.entries(GOOD_FIGURES).map(([id, f]) => [id, [f.total, f.achieved] as [number, number]]));
    const filled = await writeFilledUnit(dir, { indicators, dateLine: "Bản Bo, ngày 05 tháng 6 năm 2021" });
    // One-based: the row under 4.6, and 4.1's.
    const row = indicatorRow("4.6") + 2;
    const first = indicatorRow("4.1") + 1;
    const out = editWithLibreOffice(filled, join(dir, `subtotal.${format}`), format, [
      { op: "insertRows", sheet: 1, row, count: 1 },
      { op: "text", sheet: 1, cell: `B${row}`, text: "Cộng (4)" },
      { op: "enter", sheet: 1, cell: `D${row}`, input: `=SUM(D${first}:D${row - 1})` },
      { op: "enter", sheet: 1, cell: `E${row}`, input: `=SUM(E${first}:E${row - 1})` },
    ]);
    const r = readUnitReport(readWorkbook(new Uint8Array(readFileSync(out)), out), out);
    expect(figures(r)).toEqual(GOOD);
    expect(issuesOf(r)).toEqual([]);
  }, 300_000);
});
