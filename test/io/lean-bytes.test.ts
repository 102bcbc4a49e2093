/**
 * The lean reader reads a worksheet's XML one character per byte (ISO-8859-1 under Node,
 * windows-1252 through TextDecoder elsewhere) and makes UTF-8 text only of what it reads out of
 * it: a cell's value, an inline string, a formula. Whatever a sheet holds, it must read the texts
 * a UTF-8 reading gives: the same sheet with every character past ASCII written as a character
 * reference (a sheet of ASCII alone) is the reference, and so are texts written out here.
 */
import fc from "fast-check";
import { strToU8 } from "fflate";
import type { WorkbookGrid } from "../../src/domain/model/grid";
import { DEFAULT_LIMITS, scanZip } from "../../src/io/read";
import { readLeanXlsx } from "../../src/io/read/lean/xlsx";
import { oneRowSheet as sheet, sheetWorkbook as workbook } from "../support/sheet-workbook";

/** Every character past ASCII written as a character reference: the same sheet in ASCII alone. */
function asReferences(xml: string): string {
  return Array.from(xml, (ch) => (ch.codePointAt(0)! > 0x7f ? `&#x${ch.codePointAt(0)!.toString(16)};` : ch)).join("");
}

type Reader = typeof readLeanXlsx;
const read = (reader: Reader, bytes: Uint8Array): WorkbookGrid => reader(scanZip(workbook(bytes), "a.xlsx", DEFAULT_LIMITS, () => true).kept, DEFAULT_LIMITS);

/** windows-1252 as the Encoding Standard has it (browsers' TextDecoder "latin1"): bytes 0x80–0x9F are other characters. */
const CP1252_HIGH = "\u20ac\u0081\u201a\u0192\u201e\u2026\u2020\u2021\u02c6\u2030\u0160\u2039\u0152\u008d\u017d\u008f\u0090\u2018\u2019\u201c\u201d\u2022\u2013\u2014\u02dc\u2122\u0161\u203a\u0153\u009d\u017e\u0178";

/** Node's TextDecoder, but "latin1" decoded as browsers decode it (Node's gives bytes 0x80–0x9F as themselves). */
class BrowserTextDecoder extends TextDecoder {
  private readonly standard: boolean;
  constructor(label?: string, options?: TextDecoderOptions) {
    super(label, options);
    this.standard = this.encoding === "windows-1252";
  }
  override decode(input?: AllowSharedBufferSource, options?: TextDecodeOptions): string {
    if (!this.standard || !(input instanceof Uint8Array)) return super.decode(input, options);
    return Array.from(input, (b) => (b >= 0x80 && b <= 0x9f ? CP1252_HIGH[b - 0x80]! : String.fromCharCode(b))).join("");
  }
}

/** The reader as a browser has it: no Buffer, and TextDecoder's "latin1", which is windows-1252. */
function readerWithoutBuffer(): Reader {
  const global = globalThis as { Buffer?: unknown };
  const saved = global.Buffer;
  let reader: Reader | undefined;
  jest.isolateModules(() => {
    global.Buffer = undefined;
    try {
      // eslint-disable-next-line @typescript-eslint/no-require-imports -- a second copy of the module, loaded without Buffer
      reader = (require("../../src/io/read/lean/xlsx") as { readLeanXlsx: Reader }).readLeanXlsx;
    } finally {
      global.Buffer = saved;
    }
  });
  return (entries, limits) => {
    const node = globalThis.TextDecoder;
    globalThis.TextDecoder = BrowserTextDecoder;
    try {
      return reader!(entries, limits);
    } finally {
      globalThis.TextDecoder = node;
    }
  };
}

const READERS: [string, Reader][] = [
  ["under Node (ISO-8859-1 through Buffer)", readLeanXlsx],
  ["elsewhere (windows-1252 through TextDecoder)", readerWithoutBuffer()],
];

describe.each(READERS)("a worksheet read one character per byte, %s", (_how, reader) => {
  it("gives every text read out of it as UTF-8 reads it: values, inline strings, formulas, errors, dates that do not parse", () => {
    const cells = [
      // "à" ends in the byte 0xA0, a no-break space one byte at a time, which trimming would drop.
      '<c r="A1" t="str"><v>Số đã đạt à</v></c>',
      // "ệ" (E1 BB 87) and "€" (E2 82 AC) hold bytes that windows-1252 gives other characters ("‡", "‚").
      '<c r="B1" t="inlineStr"><is><r><t>Kiểm tra việc </t></r><r><t>thực hiện €</t></r></is></c>',
      "<c r=\"C1\"><f>'Mục tiêu'!C5*100</f><v>95</v></c>",
      '<c r="D1"><v>12 cái</v></c>',
      '<c r="E1"><v>à</v></c>',
      '<c r="F1" t="e"><v>#GIÁ TRỊ!</v></c>',
      '<c r="G1" t="d"><v>ngày 5/6</v></c>',
      // A number cell of a no-break space alone (C2 A0) holds nothing.
      '<c r="H1"><v>\u00a0</v></c>',
      '<c r="I1" t="str"><v>Đ &amp; đ 😀</v></c>',
    ];
    for (const p of ["", "x"]) {
      const row = read(reader, strToU8(sheet(cells, p))).sheets[0]!.rows[0]!;
      expect(row.map((cell) => cell?.v)).toEqual(["Số đã đạt à", "Kiểm tra việc thực hiện €", 95, "12 cái", "à", "#GIÁ TRỊ!", "ngày 5/6", undefined, "Đ & đ 😀"]);
      expect(row[2]?.f).toBe("'Mục tiêu'!C5*100");
    }
  });

  it("gives a byte that is no UTF-8 the replacement character, as a UTF-8 reading does", () => {
    const [before, after] = sheet(['<c r="A1" t="str"><v>a|b</v></c>', '<c r="B1" t="str"><v>Tổng</v></c>']).split("|");
    const bytes = new Uint8Array([...strToU8(before!), 0xff, 0xc3, ...strToU8(after!)]);
    expect(read(reader, bytes).sheets[0]!.rows[0]!.map((cell) => cell?.v)).toEqual(["a\ufffd\ufffdb", "Tổng"]);
  });

  it("keeps a zero-width no-break space (U+FEFF) that opens a cell's value or formula, as a UTF-8 reading of the sheet does", () => {
    const cells = ['<c r="A1" t="str"><f>B1</f><v>\ufeff15-NQ/ĐU</v></c>', '<c r="B1"><v>\ufeff45</v></c>', '<c r="C1"><f>\ufeffB1</f><v>1</v></c>', '<c r="D1" t="e"><v>\ufeff#N/A</v></c>'];
    const row = read(reader, strToU8(sheet(cells))).sheets[0]!.rows[0]!;
    expect(row.map((cell) => cell?.v)).toEqual(["\ufeff15-NQ/ĐU", "\ufeff45", 1, "\ufeff#N/A"]);
    expect(row[2]?.f).toBe("\ufeffB1");
  });

  it("reads a reference or merge written with a no-break space around it as a UTF-8 reading does", () => {
    const xml = sheet(['<c r="B1\u00a0" t="str" ><v>x</v></c>']).replace("</sheetData>", '</sheetData><mergeCells count="1"><mergeCell ref="B1:C1\u00a0"/></mergeCells>');
    const [read1] = read(reader, strToU8(xml)).sheets;
    expect(read1!.rows[0]!.map((cell) => cell?.v)).toEqual([undefined, "x"]);
    expect(read1!.merges).toEqual([{ s: { r: 0, c: 1 }, e: { r: 0, c: 2 } }]);
    expect(read(reader, strToU8(xml))).toEqual(read(reader, strToU8(asReferences(xml))));
  });

  it("reads any text as the same sheet written in ASCII alone (its characters as references)", () => {
    const text = fc
      .array(fc.constantFrom("a", "Z", " ", "1", "đ", "Ơ", "ệ", "à", "\u00a0", "\ufeff", "€", "‡", "ÿ", "Ā", "😀", "中", "&amp;", "&lt;"), { minLength: 1, maxLength: 12 })
      .map((parts) => parts.join(""));
    const cell = fc.oneof(
      text.map((v) => `<c r="A1" t="str"><v>${v}</v></c>`),
      text.map((v) => `<c r="A1" t="inlineStr"><is><t>${v}</t></is></c>`),
      fc.tuple(text, text).map(([a, b]) => `<c r="A1" t="inlineStr"><is><r><t>${a}</t></r><r><t>${b}</t></r></is></c>`),
      text.map((v) => `<c r="A1" t="e"><v>${v}</v></c>`),
      text.map((f) => `<c r="A1" t="str"><f>${f}</f><v>x</v></c>`),
      // A number cell holding text: what is blank once trimmed is nothing, as written or as references alike.
      text.filter((v) => v.replace(/&\w+;/g, "x").trim() !== "").map((v) => `<c r="A1"><v>x${v}</v></c>`),
    );
    fc.assert(
      fc.property(fc.array(cell, { minLength: 1, maxLength: 4 }), fc.constantFrom("", "x"), (cells, p) => {
        const placed = cells.map((c, i) => c.replace('r="A1"', `r="${String.fromCharCode(65 + i)}1"`));
        const xml = sheet(placed, p);
        expect(read(reader, strToU8(xml))).toEqual(read(reader, strToU8(asReferences(xml))));
      }),
      { numRuns: 300 },
    );
  });
});
