/**
 * Inside the documents table, under a note typed on a row of its own ("Ghi chú: …" in Stt, or merged across the
 * table), a row with a text under Trích yếu alone: a document whose code and date are not written, read and said so
 * as it is with no note above it. It was taken for the rest of the note and lost without a word. A heading with its
 * Roman numeral in its text ("II. Văn bản của chi bộ", under Trích yếu or Ký hiệu) is a heading, with a note above it
 * or not: no document (it was one, its code and date said missing, with no note above it). The rest of a note typed
 * under it in the note's own columns stays the note's. In Excel (the template filled, then edited) and LibreOffice.
 */
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import ExcelJS from "exceljs";
import { DOCUMENTS_TABLE } from "../../../src/domain/catalogue";
import { DATE_LINE, filledForEditing, PLAN_DOCUMENTS, readUnitFile } from "../../support/edited-unit";
import { writeFilledUnit } from "../../support/fill";
import type { LibreOfficeEdit } from "../../support/libreoffice-edit";
import { SOFFICE } from "../../support/programs";

const VAN_BAN = 0;
const DOCUMENTS = PLAN_DOCUMENTS.slice(0, 2);
/** The template's documents are on rows 9 and 10 (one-based): the note on 11, the row under it 12, a document on 13. */
const NOTE = 11;
const UNDER = 12;
const LAST = { code: "07-KH/ĐU", date: "12/5/2019", summary: "Kế hoạch học tập chuyên đề năm 2019", issuer: "Đảng ủy xã" };
const LONE = "Kế hoạch tuyên truyền Đề án 241 năm 2019";

const read = readUnitFile;
const documents = (r: ReturnType<typeof read>) => r.documents.map((d) => [d.code?.canonical ?? null, d.summary]);
const sheetIssues = (r: ReturnType<typeof read>) => r.issues.filter((i) => i.sheet === DOCUMENTS_TABLE.sheetName).map((i) => [i.rule, i.cell]);
const BEFORE = DOCUMENTS.map((d) => [d.code, d.summary]);
const AFTER = [LAST.code, LAST.summary];

/** The template filled, then in Excel: `cells` typed (A1 → text) and a last document on row 13. */
async function typedInExcel(dir: string, name: string, cells: Record<string, string>): Promise<string> {
  const filled = await writeFilledUnit(dir, { documents: DOCUMENTS, dateLine: DATE_LINE });
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(filled);
  const ws = wb.getWorksheet(DOCUMENTS_TABLE.sheetName)!;
  for (const [cell, text] of Object.entries(cells)) ws.getCell(cell).value = text;
  [LAST.code, LAST.date, LAST.summary, LAST.issuer].forEach((v, k) => (ws.getCell(13, 2 + k).value = v));
  const out = join(dir, name);
  writeFileSync(out, new Uint8Array(await wb.xlsx.writeBuffer()));
  return out;
}

describe("a row under a note inside the documents table, in Excel", () => {
  const dir = mkdtempSync(join(tmpdir(), "note-then-summary-"));

  it.each(["Ghi chú: các văn bản sau ban hành bổ sung", "Lưu ý: văn bản dưới đây chưa có số"])(
    "with a summary alone is a document missing its code and date, as with no note (%s)",
    async (note) => {
      const without = read(await typedInExcel(dir, "no-note.xlsx", { [`D${UNDER}`]: LONE }));
      const under = read(await typedInExcel(dir, "note.xlsx", { [`A${NOTE}`]: note, [`D${UNDER}`]: LONE }));
      const expected = [...BEFORE, [null, LONE], AFTER];
      expect(documents(without)).toEqual(expected);
      expect(documents(under)).toEqual(expected);
      expect(sheetIssues(under)).toEqual(sheetIssues(without));
      expect(sheetIssues(under)).toEqual([
        ["document-missing-code", `B${UNDER}`],
        ["document-missing-date", `C${UNDER}`],
      ]);
    },
  );

  it.each([
    ["with no note", {}],
    ["under a note", { [`A${NOTE}`]: "Ghi chú: các văn bản sau ban hành bổ sung" }],
  ])("with a heading numbered in its text is no document (%s)", async (_, note) => {
    for (const column of ["B", "D"]) {
      const r = read(await typedInExcel(dir, `heading-${column}.xlsx`, { ...note, [`${column}${UNDER}`]: "II. Văn bản của chi bộ" }));
      expect(documents(r)).toEqual([...BEFORE, AFTER]);
      expect(sheetIssues(r)).toEqual([]);
    }
  });

  it("with the rest of the note in the note's own columns stays the note's", async () => {
    for (const [noteCell, restCell] of [[`A${NOTE}`, `B${UNDER}`], [`D${NOTE}`, `D${UNDER}`]]) {
      const r = read(
        await typedInExcel(dir, "rest.xlsx", { [noteCell!]: "Ghi chú: các văn bản sau ban hành bổ sung", [restCell!]: "- Văn bản số 05 thay thế văn bản năm 2016" }),
      );
      expect(documents(r)).toEqual([...BEFORE, AFTER]);
      expect(sheetIssues(r)).toEqual([]);
    }
  });
});

const withOffice = SOFFICE ? describe : describe.skip;

withOffice("a row under a note inside the documents table, in LibreOffice", () => {
  const unit = filledForEditing("note-then-summary-lo", { documents: DOCUMENTS });
  it("with a summary alone is a document missing its code and date (.xlsx, the note merged across the table)", () => {
    const text = (cell: string, typed: string): LibreOfficeEdit => ({ op: "text", sheet: VAN_BAN, cell, text: typed });
    // Rows inserted under the first document: the note, a summary alone, a heading; the second document under them.
    const out = unit.edit("note.xlsx", "xlsx", [
      { op: "insertRows", sheet: VAN_BAN, row: 10, count: 3 },
      text("A10", "Ghi chú: các văn bản sau ban hành bổ sung"),
      { op: "merge", sheet: VAN_BAN, range: "A10:E10" },
      text("D11", LONE),
      text("D12", "II. Văn bản của chi bộ"),
    ]);
    const r = read(out);
    expect(documents(r)).toEqual([BEFORE[0], [null, LONE], BEFORE[1]]);
    expect(sheetIssues(r)).toEqual([
      ["document-missing-code", "B11"],
      ["document-missing-date", "C11"],
    ]);
  }, 300_000);
});
