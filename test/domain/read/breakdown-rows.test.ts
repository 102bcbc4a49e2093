/**
 * An indicator broken down under its own row, by village or by chi bộ ("- Thôn Nà Tăm", "+ Chi bộ bản
 * Bo", "a) …", the mark in the text or in Stt), after a note or not, typed in LibreOffice and saved as
 * .xlsx, .ods and .xls. The rows are that indicator's breakdown: never summed, and no warning a row
 * (each was an unknown row). An indicator whose own row is left blank, its figures only in its
 * breakdown, is said once; a unit's own indicator marked "-" under it stays an unknown row.
 */
import { mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { readUnitReport } from "../../../src/domain/read";
import { readWorkbook } from "../../../src/io/read";
import { indicatorRow, writeFilledUnit } from "../../support/fill";
import { editWithLibreOffice, type LibreOfficeEdit } from "../../support/libreoffice-edit";
import { SOFFICE } from "../../support/programs";

const CHI_TIEU = 1;
const FIGURES: Record<string, [number, number]> = { "1.1": [45, 45], "1.2": [1219, 1183], "3.1": [2100, 2000], "4.2": [20, 17] };

const withOffice = SOFFICE ? describe : describe.skip;

/** A row typed under an indicator: its mark in Stt (column A) or before its text, and its figures. */
function typed(row: number, mark: string, inStt: boolean, text: string, total: number, achieved: number): LibreOfficeEdit[] {
  return [
    ...(inStt ? [{ op: "text", sheet: CHI_TIEU, cell: `A${row}`, text: mark } as const] : []),
    { op: "text", sheet: CHI_TIEU, cell: `B${row}`, text: inStt ? text : `${mark} ${text}` },
    { op: "enter", sheet: CHI_TIEU, cell: `D${row}`, input: String(total) },
    { op: "enter", sheet: CHI_TIEU, cell: `E${row}`, input: String(achieved) },
  ];
}

withOffice("an indicator broken down under its own row", () => {
  const dir = mkdtempSync(join(tmpdir(), "breakdown-"));
  let filled: string;
  beforeAll(async () => {
    filled = await writeFilledUnit(dir, { indicators: FIGURES, dateLine: "Bản Bo, ngày 05 tháng 6 năm 2021" });
  });

  const read = (file: string) => readUnitReport(readWorkbook(new Uint8Array(readFileSync(file)), file), file);
  // One-based rows of the template, the lowest first so each insert leaves the rows above it where they were.
  const below = (id: string): number => indicatorRow(id) + 2;

  it.each([
    ["xlsx", false],
    ["ods", true],
    ["xls", false],
  ] as const)("reads them as the indicator's, not as unknown rows (.%s, marks in Stt: %s)", (format, inStt) => {
    const under42 = below("4.2");
    const under41 = below("4.1");
    const under12 = below("1.2");
    const out = editWithLibreOffice(filled, join(dir, `breakdown-${format}.${format}`), format, [
      { op: "insertRows", sheet: CHI_TIEU, row: under42, count: 2 },
      ...typed(under42, "+", inStt, "Chi bộ thôn Nà Tăm", 10, 8),
      ...typed(under42 + 1, "a)", inStt, "Chi bộ bản Bo", 10, 9),
      // 4.1's own row left blank: its figures only by village.
      { op: "insertRows", sheet: CHI_TIEU, row: under41, count: 2 },
      ...typed(under41, "*", inStt, "Thôn Nà Tăm", 150, 130),
      ...typed(under41 + 1, "*", inStt, "Bản Bo", 160, 140),
      // A note, then 1.2 by village, then a unit's own indicator under it.
      { op: "insertRows", sheet: CHI_TIEU, row: under12, count: 4 },
      { op: "text", sheet: CHI_TIEU, cell: `B${under12}`, text: "Ghi chú: chia theo thôn, bản" },
      ...typed(under12 + 1, "-", inStt, "Thôn Nà Tăm", 600, 580),
      ...typed(under12 + 2, "-", inStt, "Bản Bo", 619, 603),
      ...typed(under12 + 3, "-", inStt, "Số đảng viên mới được học tập", 12, 12),
    ]);
    const r = read(out);
    const figures = Object.fromEntries(Object.entries(r.indicators).filter(([, e]) => e.total !== null).map(([id, e]) => [id, [e.total, e.achieved]]));
    expect(figures).toEqual(FIGURES);
    expect(r.indicators["4.1"]).toMatchObject({ total: null, achieved: null });
    const row41 = indicatorRow("4.1") + 1 + 4;
    expect(r.issues.filter((i) => i.sheet === "Chỉ tiêu").map((i) => [i.rule, i.cell, i.indicator ?? null])).toEqual([
      ["unknown-row", `B${under12 + 3}`, null],
      ["breakdown-only", `B${row41}`, "4.1"],
      // The rows under 1.2 and 4.2, said once as information (4.1's are breakdown-only's).
      ["breakdown-rows", `B${under12 + 1}`, null],
    ]);
    const only = r.issues.find((i) => i.rule === "breakdown-only")!;
    expect(only.message).toContain(`dòng ${row41 + 1}–${row41 + 2}: "Thôn Nà Tăm", "Bản Bo"`);
  }, 300_000);
});
