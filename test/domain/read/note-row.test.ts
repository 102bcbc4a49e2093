/**
 * A note typed on a row of its own inside the indicator table ("Ghi chú: …" under the indicator it
 * explains), in LibreOffice: a row inserted, the note typed, saved as .xlsx, .ods and .xls. The
 * template's own note under the table still ends it.
 */
import { filledForEditing, PLAN_DOCUMENTS, readUnitFile } from "../../support/edited-unit";
import { indicatorRow } from "../../support/fill";
import { SOFFICE } from "../../support/programs";

const CHI_TIEU = 1;
const FIGURES: Record<string, [number, number]> = { "1.1": [45, 45], "1.2": [1219, 1183], "3.1": [2100, 2000], "4.2": [20, 17], "6.2.2": [3, 1] };

const withOffice = SOFFICE ? describe : describe.skip;

withOffice("a note on its own row inside the indicator table", () => {
  const unit = filledForEditing("note-row", { indicators: FIGURES });

  it.each([
    ["xlsx", "B", "Ghi chú: 36 đồng chí ốm đau, đi làm ăn xa chưa được học tập"],
    ["ods", "B", "Lưu ý: số liệu tính đến 31/12/2020"],
    ["xls", "A", "Ghi chú: 36 đồng chí chưa học tập"],
  ] as const)("reads the indicators after it (.%s, note in column %s)", (format, column, note) => {
    // The row under 1.2 (one-based: 1.2's zero-based row + 2).
    const row = indicatorRow("1.2") + 2;
    const out = unit.edit(`note-${format}.${format}`, format, [
      { op: "insertRows", sheet: CHI_TIEU, row, count: 1 },
      { op: "text", sheet: CHI_TIEU, cell: `${column}${row}`, text: note },
    ]);
    const r = readUnitFile(out);
    const read_ = Object.fromEntries(Object.entries(r.indicators).filter(([, e]) => e.total !== null).map(([id, e]) => [id, [e.total, e.achieved]]));
    expect(read_).toEqual(FIGURES);
    expect(r.issues.filter((i) => i.rule === "indicator-missing")).toEqual([]);
  }, 300_000);
});

/**
 * The same in the documents table: a note typed on a row of its own between documents ("Ghi chú: …" in a
 * cell, or merged across the table, with its rest on the row under it), in LibreOffice. The documents
 * below it were lost without a word; a note under the last document still ends the table.
 */
withOffice("a note on its own row inside the documents table", () => {
  const VAN_BAN = 0;
  const unit = filledForEditing("note-row-docs", { documents: PLAN_DOCUMENTS });
  // The template's first document row is 9 (one-based): the note goes under the first document.
  const NOTE_ROW = 10;

  it.each([
    ["xlsx", [{ op: "text", sheet: VAN_BAN, cell: `B${NOTE_ROW}`, text: "Ghi chú: văn bản dưới đây ban hành lại năm 2018" }]],
    [
      "ods",
      [
        { op: "text", sheet: VAN_BAN, cell: `A${NOTE_ROW}`, text: "Ghi chú: các văn bản dưới đây do Đảng ủy xã ban hành" },
        { op: "merge", sheet: VAN_BAN, range: `A${NOTE_ROW}:E${NOTE_ROW}` },
        { op: "text", sheet: VAN_BAN, cell: `B${NOTE_ROW + 1}`, text: "- Văn bản số 05 thay thế văn bản năm 2016" },
      ],
    ],
    ["xls", [{ op: "text", sheet: VAN_BAN, cell: `A${NOTE_ROW}`, text: "Lưu ý: đơn vị chưa có văn bản năm 2016" }]],
  ] as const)("reads the documents below it (.%s)", (format, typed) => {
    const rows = typed.length > 1 ? 2 : 1;
    const out = unit.edit(`note-docs-${format}.${format}`, format, [
      { op: "insertRows", sheet: VAN_BAN, row: NOTE_ROW, count: rows },
      ...typed,
      // A note under the last document, and the table's end.
      { op: "text", sheet: VAN_BAN, cell: `A${NOTE_ROW + rows + 2}`, text: "Ghi chú: đơn vị đã gửi kèm bản chụp các văn bản" },
    ]);
    const r = readUnitFile(out);
    expect(r.documents.map((d) => [d.code?.canonical, d.date, d.summary, d.issuer])).toEqual(
      PLAN_DOCUMENTS.map((d) => [d.code, d.date.split("/").reverse().map((x) => x.padStart(2, "0")).join("-"), d.summary, d.issuer]),
    );
    expect(r.issues.filter((i) => i.sheet === "Văn bản")).toEqual([]);
  }, 300_000);

  // The table's own note under the last document, its rest typed on the rows under it: a line naming a document
  // in the code column, a date alone in the date column. No document follows: they are the note's, as before.
  it.each(["xlsx", "ods"] as const)("ends the table at a note under the last document, whatever its rest names (.%s)", (format) => {
    const out = unit.edit(`note-last-${format}.${format}`, format, [
      { op: "text", sheet: VAN_BAN, cell: "A12", text: "Ghi chú: các văn bản sau đã hết hiệu lực" },
      { op: "text", sheet: VAN_BAN, cell: "B13", text: "- Kế hoạch số 02-KH/ĐU ngày 05/01/2016" },
      { op: "text", sheet: VAN_BAN, cell: "B14", text: "Kế hoạch 07-KH/ĐU đang dự thảo" },
      { op: "text", sheet: VAN_BAN, cell: "A15", text: "Số liệu tính đến ngày:" },
      { op: "text", sheet: VAN_BAN, cell: "C15", text: "31/12/2020" },
    ]);
    const r = readUnitFile(out);
    expect(r.documents.map((d) => d.code?.canonical)).toEqual(PLAN_DOCUMENTS.map((d) => d.code));
    expect(r.issues.filter((i) => i.sheet === "Văn bản")).toEqual([]);
  }, 300_000);
});
