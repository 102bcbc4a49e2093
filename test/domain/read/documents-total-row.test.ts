/**
 * A count written under the documents ("Tổng cộng | 5 văn bản", "Cộng | 05 văn bản", "Tổng cộng có 3
 * văn bản", "Tổng: 03 VB"), typed in LibreOffice in the Stt cell and one other or in one cell alone, saved
 * as .xlsx and .ods: no document. Each was read as one, with a code not understood and no date (an error).
 */
import { filledForEditing, PLAN_DOCUMENTS, readUnitFile } from "../../support/edited-unit";
import type { LibreOfficeEdit } from "../../support/libreoffice-edit";
import { SOFFICE } from "../../support/programs";

const VAN_BAN = 0;
const withOffice = SOFFICE ? describe : describe.skip;

withOffice("a total row under the documents", () => {
  const unit = filledForEditing("docs-total", { documents: PLAN_DOCUMENTS });
  // The row under the last document (one-based).
  const ROW = 12;
  const text = (cell: string, typed: string): LibreOfficeEdit => ({ op: "text", sheet: VAN_BAN, cell: `${cell}${ROW}`, text: typed });

  it.each([
    ["xlsx", "Stt and code", [text("A", "Tổng cộng"), text("B", "5 văn bản")]],
    ["ods", "Stt and summary", [text("A", "Cộng"), text("D", "05 văn bản")]],
    ["xlsx", "the code cell", [text("B", "Tổng cộng có 3 văn bản")]],
    ["ods", "the summary cell", [text("D", "Tổng: 03 VB")]],
  ] as const)("is no document (.%s, in %s)", (format, where, typed) => {
    const r = readUnitFile(unit.edit(`total-${where.replace(/ /g, "-")}.${format}`, format, typed));
    expect(r.documents.map((d) => d.code?.canonical)).toEqual(PLAN_DOCUMENTS.map((d) => d.code));
    expect(r.issues.filter((i) => i.sheet === "Văn bản")).toEqual([]);
  }, 300_000);
});
