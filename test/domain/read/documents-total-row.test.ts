/**
 * A count written under the documents ("Tổng cộng | 5 văn bản", "Cộng | 05 văn bản", "Tổng cộng có 3
 * văn bản", "Tổng: 03 VB"), typed in LibreOffice in the Stt cell and one other or in one cell alone, saved
 * as .xlsx and .ods: no document. Each was read as one, with a code not understood and no date (an error).
 */
import { mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { readUnitReport } from "../../../src/domain/read";
import { readWorkbook } from "../../../src/io/read";
import { writeFilledUnit } from "../../support/fill";
import { editWithLibreOffice, type LibreOfficeEdit } from "../../support/libreoffice-edit";
import { SOFFICE } from "../../support/programs";

const VAN_BAN = 0;
const withOffice = SOFFICE ? describe : describe.skip;

withOffice("a total row under the documents", () => {
  const dir = mkdtempSync(join(tmpdir(), "docs-total-"));
  const DOCUMENTS = [
    { code: "241-ĐA/TU", date: "30/9/2016", summary: "Đề án nâng cao hiệu quả công tác tư tưởng", issuer: "Tỉnh ủy" },
    { code: "05-KH/ĐU", date: "10/3/2017", summary: "Kế hoạch thực hiện Đề án 241", issuer: "Đảng ủy xã" },
    { code: "06-KH/ĐU", date: "15/4/2017", summary: "Kế hoạch tuyên truyền Đề án 241", issuer: "Đảng ủy xã" },
  ];
  let filled: string;
  beforeAll(async () => {
    filled = await writeFilledUnit(dir, { documents: DOCUMENTS, dateLine: "Bản Bo, ngày 05 tháng 6 năm 2021" });
  });
  const read = (file: string) => readUnitReport(readWorkbook(new Uint8Array(readFileSync(file)), file), file);
  // The row under the last document (one-based).
  const ROW = 12;
  const text = (cell: string, typed: string): LibreOfficeEdit => ({ op: "text", sheet: VAN_BAN, cell: `${cell}${ROW}`, text: typed });

  it.each([
    ["xlsx", "Stt and code", [text("A", "Tổng cộng"), text("B", "5 văn bản")]],
    ["ods", "Stt and summary", [text("A", "Cộng"), text("D", "05 văn bản")]],
    ["xlsx", "the code cell", [text("B", "Tổng cộng có 3 văn bản")]],
    ["ods", "the summary cell", [text("D", "Tổng: 03 VB")]],
  ] as const)("is no document (.%s, in %s)", (format, where, typed) => {
    const out = editWithLibreOffice(filled, join(dir, `total-${where.replace(/ /g, "-")}.${format}`), format, typed);
    const r = read(out);
    expect(r.documents.map((d) => d.code?.canonical)).toEqual(DOCUMENTS.map((d) => d.code));
    expect(r.issues.filter((i) => i.sheet === "Văn bản")).toEqual([]);
  }, 300_000);
});
