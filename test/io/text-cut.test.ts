/**
 * A text longer than Excel's 32,767 characters is cut where it is written,
 * and the cut is said: a `text-cut` warning naming the file and the cell, in
 * validate, in the merge's JSON and issues, never silent.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { main } from "../../src/cli/main";
import type { WorkbookGrid } from "../../src/domain/model/grid";
import { EXCEL_CELL_TEXT } from "../../src/domain/model/grid";
import { longTextIssues } from "../../src/domain/read/long-text";
import { buildUnitWorkbook, SHEET_GEOMETRY } from "../../src/domain/sheets";
import { readWorkbook } from "../../src/io/read";
import { writeWorkbookXlsx } from "../../src/io/write";
import { MAX_CELL_TEXT } from "../../src/io/write/safe-cell";
import { readSource } from "../../src/app/sources";
import { capture } from "../support/cli";
import { fillTemplate } from "../support/fill";
import { excelCsvUtf8, reportRows } from "../fixtures/csv/make-csv";

interface IssueJson {
  rule: string;
  severity: string;
  sheet: string | null;
  cell: string | null;
  message: string;
}

describe("text cut at 32,767 characters", () => {
  const dir = mkdtempSync(join(tmpdir(), "text-cut-"));
  const long = `Kế hoạch ${"triển khai ".repeat(10_000)}`;
  // The documents table's first data row (one-based), column D: Trích yếu.
  const cell = `D${SHEET_GEOMETRY.firstDataRow + 1}`;
  beforeAll(async () => {
    const template = await writeWorkbookXlsx(buildUnitWorkbook({ unitName: "Đảng ủy xã Bản Bo", place: "Tam Đường", level: "co-so", created: "2021-05-01" }));
    const filled = await fillTemplate(template, {
      indicators: { "1.1": [100, 95] },
      documents: [{ code: "15-NQ/ĐU", date: "12/10/2016", summary: long, issuer: "Đảng ủy xã Bản Bo" }],
      dateLine: "Bản Bo, ngày 20 tháng 6 năm 2021",
    });
    writeFileSync(join(dir, "ban-bo.xlsx"), filled);
  }, 60_000);
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it("is the writers' limit", () => {
    expect(EXCEL_CELL_TEXT).toBe(32_767);
    expect(MAX_CELL_TEXT).toBe(EXCEL_CELL_TEXT);
  });

  it("names each text cell of the tables read that is longer, and no other", () => {
    const grid: WorkbookGrid = {
      sheets: [
        { name: "A", visibility: "visible", merges: [], rows: [[{ v: "x".repeat(32_768) }, { v: "x".repeat(32_767) }], [undefined, { v: "y".repeat(40_000) }]] },
        { name: "B", visibility: "visible", merges: [], rows: [[{ v: "z".repeat(50_000) }]] },
      ],
    };
    expect(longTextIssues(grid, "f.xlsx").map((i) => [i.rule, i.severity, i.sheet, i.cell])).toEqual([
      ["text-cut", "warning", "A", "A1"],
      ["text-cut", "warning", "A", "B2"],
      ["text-cut", "warning", "B", "A1"],
    ]);
    // Only the rows of the tables read, when given.
    expect(longTextIssues(grid, "f.xlsx", new Map([[0, new Set([1])]])).map((i) => `${i.sheet}!${i.cell}`)).toEqual(["A!B2"]);
  });

  it("validate warns at the cell, naming the file; merge says it in the file's issues and cuts the text it writes", async () => {
    expect(long.length).toBeGreaterThan(100_000);
    const v = capture(dir);
    await main(["validate", "ban-bo.xlsx", "--json"], v.io);
    const file = (JSON.parse(v.out()) as { files: { issues: IssueJson[] }[] }).files[0]!;
    const cut = file.issues.filter((i) => i.rule === "text-cut");
    expect(cut).toEqual([expect.objectContaining({ severity: "warning", sheet: "Văn bản", cell })]);
    expect(cut[0]!.message).toContain(`Văn bản!${cell} của tệp ban-bo.xlsx`);
    expect(cut[0]!.message).toContain(`${long.length.toLocaleString("vi-VN")} ký tự`);

    const m = capture(dir);
    expect(await main(["merge", "ban-bo.xlsx", "--out", join(dir, "tong-hop.xlsx"), "--json", join(dir, "tong-hop.json")], m.io)).toBe(0);
    const json = JSON.parse(readFileSync(join(dir, "tong-hop.json"), "utf8")) as { files: { file: string; status: string; issues: IssueJson[] }[] };
    const merged = json.files.find((f) => f.file === "ban-bo.xlsx")!;
    expect(merged.status).toBe("merged");
    expect(merged.issues.filter((i) => i.rule === "text-cut").map((i) => [i.sheet, i.cell])).toEqual([["Văn bản", cell]]);
    // What the summary holds of the text: its first 32,767 characters (the space they end on trimmed, as of any text read).
    const summary = readWorkbook(new Uint8Array(readFileSync(join(dir, "tong-hop.xlsx"))), "tong-hop.xlsx");
    const texts = summary.sheets.flatMap((s) => s.rows.flatMap((r) => (r ?? []).map((c) => c?.v))).filter((t): t is string => typeof t === "string");
    expect(texts.some((t) => t.length > EXCEL_CELL_TEXT)).toBe(false);
    expect(texts).toContain(long.slice(0, EXCEL_CELL_TEXT).trimEnd());
  }, 120_000);

  it("reads a file with a text of millions of characters in a table's row: the cell keeps Excel's worth, the warning its length", async () => {
    // A note of 8 million dashes typed beside an indicator's figures (no spreadsheet keeps it; a CSV may hold it).
    const note = `Ghi chú: ${"-".repeat(8_000_000)}`;
    const rows = reportRows();
    const at = rows.findIndex((r) => r[0] === "1.1");
    expect(at).toBeGreaterThan(0);
    rows[at] = [...rows[at]!, note];
    const bytes = excelCsvUtf8(rows);
    const source = await readSource({ name: "ghi-chu.csv", bytes });
    expect(source.error).toBeUndefined();
    const cut = source.report!.issues.filter((i) => i.rule === "text-cut");
    expect(cut).toHaveLength(1);
    expect(cut[0]!.message).toContain(`${note.length.toLocaleString("vi-VN")} ký tự`);
    const grid = readWorkbook(bytes, "ghi-chu.csv");
    const cell = grid.sheets[0]!.rows[at]![rows[at]!.length - 1]!;
    expect(cell).toMatchObject({ v: note.slice(0, EXCEL_CELL_TEXT), fullLength: note.length });
  });
});
