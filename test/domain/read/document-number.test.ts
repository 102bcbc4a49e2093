/**
 * A documents table whose code is split into "Số" and "Ký hiệu", as document registers keep it: the
 * template filled, a column inserted before "Ký hiệu văn bản" in LibreOffice, headed "Số", the
 * numbers typed there and the symbols left in "Ký hiệu", saved as .xlsx, .ods and .xls.
 */
import { filledForEditing, readUnitFile } from "../../support/edited-unit";
import { SOFFICE } from "../../support/programs";

const VAN_BAN = 0;

const withOffice = SOFFICE ? describe : describe.skip;

withOffice("a document's number and symbol in two columns", () => {
  const unit = filledForEditing("doc-number", {
    documents: [
      { code: "NQ/ĐU", date: "12/10/2016", summary: "Nghị quyết về thực hiện Đề án 241", issuer: "Đảng ủy xã" },
      { code: "KH/ĐU", date: "03/3/2017", summary: "Kế hoạch thực hiện Đề án 241", issuer: "Đảng ủy xã" },
      { code: "26-KH/TU", date: "07/4/2017", summary: "Kế hoạch của Tỉnh ủy", issuer: "Tỉnh ủy" },
      { code: "-CV/ĐU", date: "15/5/2018", summary: "Công văn đôn đốc", issuer: "Đảng ủy xã" },
    ],
  });

  it.each(["xlsx", "ods", "xls"] as const)("reads the code as number and symbol together (.%s)", (format) => {
    const out = unit.edit(`split.${format}`, format, [
      { op: "insertColumns", sheet: VAN_BAN, column: 2, count: 1 },
      { op: "text", sheet: VAN_BAN, cell: "B8", text: "Số" },
      { op: "text", sheet: VAN_BAN, cell: "C8", text: "Ký hiệu" },
      { op: "enter", sheet: VAN_BAN, cell: "B9", input: "15" },
      { op: "text", sheet: VAN_BAN, cell: "B10", text: "22" },
      // The third: the whole code typed under Ký hiệu, its number under Số too; the fourth: "-CV/ĐU".
      { op: "enter", sheet: VAN_BAN, cell: "B11", input: "26" },
      { op: "enter", sheet: VAN_BAN, cell: "B12", input: "08" },
    ]);
    const r = readUnitFile(out);
    expect(r.documents.map((d) => [d.codeText, d.code?.number, d.code?.type, d.date])).toEqual([
      ["15-NQ/ĐU", "15", "NQ", "2016-10-12"],
      ["22-KH/ĐU", "22", "KH", "2017-03-03"],
      ["26-KH/TU", "26", "KH", "2017-04-07"],
      ["8-CV/ĐU", "8", "CV", "2018-05-15"],
    ]);
    expect(r.issues.filter((i) => i.rule === "code-unrecognised")).toEqual([]);
  }, 300_000);
});
