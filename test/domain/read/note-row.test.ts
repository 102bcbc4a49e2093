/**
 * A note typed on a row of its own inside the indicator table ("Ghi chú: …" under the indicator it
 * explains), in LibreOffice: a row inserted, the note typed, saved as .xlsx, .ods and .xls. The
 * template's own note under the table still ends it.
 */
import { mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { readUnitReport } from "../../../src/domain/read";
import { readWorkbook } from "../../../src/io/read";
import { indicatorRow, writeFilledUnit } from "../../support/fill";
import { editWithLibreOffice } from "../../support/libreoffice-edit";
import { SOFFICE } from "../../support/programs";

const CHI_TIEU = 1;
const FIGURES: Record<string, [number, number]> = { "1.1": [45, 45], "1.2": [1219, 1183], "3.1": [2100, 2000], "4.2": [20, 17], "6.2.2": [3, 1] };

const withOffice = SOFFICE ? describe : describe.skip;

withOffice("a note on its own row inside the indicator table", () => {
  const dir = mkdtempSync(join(tmpdir(), "note-row-"));
  let filled: string;
  beforeAll(async () => {
    filled = await writeFilledUnit(dir, { indicators: FIGURES, dateLine: "Bản Bo, ngày 05 tháng 6 năm 2021" });
  });

  const read = (file: string) => readUnitReport(readWorkbook(new Uint8Array(readFileSync(file)), file), file);

  it.each([
    ["xlsx", "B", "Ghi chú: 36 đồng chí ốm đau, đi làm ăn xa chưa được học tập"],
    ["ods", "B", "Lưu ý: số liệu tính đến 31/12/2020"],
    ["xls", "A", "Ghi chú: 36 đồng chí chưa học tập"],
  ] as const)("reads the indicators after it (.%s, note in column %s)", (format, column, note) => {
    // The row under 1.2 (one-based: 1.2's zero-based row + 2).
    const row = indicatorRow("1.2") + 2;
    const out = editWithLibreOffice(filled, join(dir, `note-${format}.${format}`), format, [
      { op: "insertRows", sheet: CHI_TIEU, row, count: 1 },
      { op: "text", sheet: CHI_TIEU, cell: `${column}${row}`, text: note },
    ]);
    const r = read(out);
    const read_ = Object.fromEntries(Object.entries(r.indicators).filter(([, e]) => e.total !== null).map(([id, e]) => [id, [e.total, e.achieved]]));
    expect(read_).toEqual(FIGURES);
    expect(r.issues.filter((i) => i.rule === "indicator-missing")).toEqual([]);
  }, 300_000);
});
