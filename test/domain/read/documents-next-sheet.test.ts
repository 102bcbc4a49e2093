/**
 * The documents table continued on a sheet of its own: the "Văn bản" sheet copied in LibreOffice
 * (Move or Copy Sheet…), its documents deleted there and the rest of the list typed under the copied
 * header, saved as .xlsx and .ods. Those documents were lost without a word. A copy of the sheet left
 * as it is (the same documents) is not read twice.
 */
import { filledForEditing, PLAN_DOCUMENTS, readUnitFile } from "../../support/edited-unit";
import { SOFFICE } from "../../support/programs";

const VAN_BAN = 0;
const NEXT = 1;
const withOffice = SOFFICE ? describe : describe.skip;

withOffice("the documents table continued on another sheet", () => {
  const unit = filledForEditing("docs-next-sheet", { documents: PLAN_DOCUMENTS.slice(0, 2) });
  const listOf = (file: string) => readUnitFile(file).documents.map((d) => [d.code?.canonical, d.date, d.sheet, d.cell]);

  it.each(["xlsx", "ods"] as const)("reads the rest of the list on the next sheet (.%s)", (format) => {
    const out = unit.edit(`next.${format}`, format, [
      { op: "copySheet", sheet: VAN_BAN, name: "Văn bản (tiếp)" },
      { op: "deleteRows", sheet: NEXT, row: 9, count: 2 },
      { op: "text", sheet: NEXT, cell: "B9", text: "07-CV/ĐU" },
      { op: "text", sheet: NEXT, cell: "C9", text: "02/5/2018" },
      { op: "text", sheet: NEXT, cell: "D9", text: "Công văn đôn đốc triển khai Đề án 241" },
      { op: "text", sheet: NEXT, cell: "E9", text: "Đảng ủy xã" },
      { op: "text", sheet: NEXT, cell: "B10", text: "15-NQ/ĐU" },
      { op: "text", sheet: NEXT, cell: "C10", text: "20/12/2019" },
      { op: "text", sheet: NEXT, cell: "D10", text: "Nghị quyết về công tác tư tưởng năm 2020" },
      { op: "text", sheet: NEXT, cell: "E10", text: "Đảng ủy xã" },
    ]);
    expect(listOf(out)).toEqual([
      ["241-ĐA/TU", "2016-09-30", "Văn bản", "B9"],
      ["05-KH/ĐU", "2017-03-10", "Văn bản", "B10"],
      ["07-CV/ĐU", "2018-05-02", "Văn bản (tiếp)", "B9"],
      ["15-NQ/ĐU", "2019-12-20", "Văn bản (tiếp)", "B10"],
    ]);
    expect(readUnitFile(out).issues.filter((i) => i.rule.startsWith("document") || i.rule === "duplicate-document")).toEqual([]);
  }, 300_000);

  it("does not read a copy of the sheet left as it is", () => {
    const out = unit.edit("copy.xlsx", "xlsx", [{ op: "copySheet", sheet: VAN_BAN, name: "Văn bản (2)" }]);
    expect(listOf(out)).toEqual([
      ["241-ĐA/TU", "2016-09-30", "Văn bản", "B9"],
      ["05-KH/ĐU", "2017-03-10", "Văn bản", "B10"],
    ]);
    expect(readUnitFile(out).issues.filter((i) => i.rule === "duplicate-document")).toEqual([]);
  }, 300_000);
});
