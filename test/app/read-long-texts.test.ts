/**
 * What one file leaves behind for the next: a worker reads file after file, and the reading's
 * caches (texts worked out, formulas decoded) must not keep a file's long texts after it.
 */
import { oneSheetXlsx } from "../support/one-sheet-xlsx";
import { readSource } from "../../src/app/sources";
import { cachedTexts, LONGEST_CACHED } from "../../src/domain/cache";
import { readWorkbook } from "../../src/io/read";

/** A workbook of rows holding two texts each and a formula, as `text(r)` and `formula(r)` give them. */
function xlsx(rows: number, text: (r: number) => string, formula: (r: number) => string): Uint8Array {
  const strings = Array.from({ length: rows }, (_, r) => text(r));
  const sheet = strings
    .map((_, r) => `<row r="${r + 1}"><c r="A${r + 1}" t="s"><v>${r}</v></c><c r="B${r + 1}" t="s"><v>${r}</v></c><c r="C${r + 1}"><f>${formula(r)}</f><v>1</v></c></row>`)
    .join("");
  return oneSheetXlsx(strings, sheet);
}

describe("a file's long texts", () => {
  it("are let go when the next report is read: its notes, and the formulas decoded while its cells were read", async () => {
    const long = (r: number) => `Ghi chú ${r}: ${"Số liệu được tổng hợp từ các chi bộ trực thuộc. ".repeat(100)}`;
    const longFormula = (r: number) => `SUM(${Array.from({ length: 900 }, (_, k) => `A${r + k + 1}`).join(",")})`;
    expect(long(0).length).toBeGreaterThan(LONGEST_CACHED);
    expect(longFormula(0).length).toBeGreaterThan(LONGEST_CACHED);

    const plainFile = xlsx(40, (r) => `Chi bộ ${r}`, (r) => `A${r + 1}*2`);
    const read = async (bytes: Uint8Array) => {
      const source = await readSource({ name: "bao-cao.xlsx", bytes });
      expect(source.error).toBeUndefined();
      return cachedTexts().holdingLong;
    };
    const notes = await read(xlsx(40, long, (r) => `A${r + 1}*2`));
    expect(notes).toBeGreaterThan(0);
    expect(await read(plainFile)).toBe(0);
    // Formulas decoded while the cells are read: kept until the report is read, then let go the same way.
    readWorkbook(xlsx(40, (r) => `Chi bộ ${r}`, longFormula), "cong-thuc.xlsx");
    expect(cachedTexts().holdingLong).toBe(1);
    expect(await read(plainFile)).toBe(0);
  });
});
