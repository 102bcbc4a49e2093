/**
 * The lean reader's quick paths must read what its element-by-element
 * paths and the general reader read: sheets whose tags carry namespace
 * prefixes, inline and rich strings, entities, rows and cells without
 * references; and the guarded unzip must give the same bytes and the same
 * refusals with and without Node's native inflater.
 */
import fc from "fast-check";
import { strFromU8, strToU8, unzipSync, zipSync } from "fflate";
import { readWorkbookFast } from "../../src/io/read/lean";
import { readLeanXlsx } from "../../src/io/read/lean/xlsx";
import { decodeXml } from "../../src/io/read/lean/xml";
import { SPREADSHEET_MAIN, sheetWorkbook } from "../support/sheet-workbook";
import { DEFAULT_LIMITS, readWorkbookFile, scanZip, WorkbookReadError } from "../../src/io/read";

const MAIN = SPREADSHEET_MAIN;
const REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";

/** The XML of a sheet, with every SpreadsheetML tag given the prefix `p` ("" for none). */
function sheetXml(p: string): string {
  const t = (name: string): string => (p ? `${p}:${name}` : name);
  const ns = p ? `xmlns:${p}="${MAIN}"` : `xmlns="${MAIN}"`;
  return (
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<${t("worksheet")} ${ns} xmlns:r="${REL}"><${t("sheetData")}>` +
    `<${t("row")} r="1"><${t("c")} r="A1" t="s"><${t("v")}>0</${t("v")}></${t("c")}><${t("c")} r="B1" t="s"><${t("v")}>1</${t("v")}></${t("c")}></${t("row")}>` +
    // A row and cells without references, an inline rich string, a number, a formula with entities.
    `<${t("row")}><${t("c")} t="inlineStr"><${t("is")}><${t("r")}><${t("t")}>Tổng </${t("t")}></${t("r")}><${t("r")}><${t("t")}>số &amp; đạt</${t("t")}></${t("r")}></${t("is")}></${t("c")}>` +
    `<${t("c")}><${t("v")}>1219</${t("v")}></${t("c")}><${t("c")} s="1" t="str"><${t("f")}>IF(B2&gt;0,&quot;x&quot;,&quot;&quot;)</${t("f")}><${t("v")}>x</${t("v")}></${t("c")}></${t("row")}>` +
    `<${t("row")} r="5"><${t("c")} r="C5" s="1"><${t("v")}>44368</${t("v")}></${t("c")}><${t("c")} r="D5" t="b"><${t("v")}>1</${t("v")}></${t("c")}>` +
    `<${t("c")} r="E5" t="str"><${t("v")}>a&lt;b</${t("v")}></${t("c")}><${t("c")} r="F5"/></${t("row")}>` +
    `</${t("sheetData")}><${t("mergeCells")} count="1"><${t("mergeCell")} ref="A1:B1"/></${t("mergeCells")}></${t("worksheet")}>`
  );
}

/** The sheet with two shared strings (one rich, with a phonetic run) and a date style. */
function workbook(sheet: string): Uint8Array {
  return sheetWorkbook(sheet, {
    sharedStrings: `<?xml version="1.0" encoding="UTF-8"?><sst xmlns="${MAIN}" count="2" uniqueCount="2"><si><t xml:space="preserve"> Nội dung &quot;chỉ tiêu&quot; </t></si><si><r><t>Đơn vị</t></r><r><t> tính</t></r><rPh sb="0" eb="1"><t>x</t></rPh></si></sst>`,
    styles: `<?xml version="1.0" encoding="UTF-8"?><styleSheet xmlns="${MAIN}"><numFmts count="1"><numFmt numFmtId="164" formatCode="dd/mm/yyyy"/></numFmts><cellXfs count="2"><xf numFmtId="0"/><xf numFmtId="164"/></cellXfs></styleSheet>`,
  });
}

describe("the lean reader's quick paths", () => {
  it("reads a sheet with prefixed tags as it reads the same sheet without them, and as the general reader does", () => {
    const lean = (bytes: Uint8Array) => readLeanXlsx(scanZip(bytes, "a.xlsx", DEFAULT_LIMITS, () => true).kept, DEFAULT_LIMITS);
    const plain = lean(workbook(sheetXml("")));
    expect(lean(workbook(sheetXml("x")))).toEqual(plain);
    expect(readWorkbookFast(workbook(sheetXml("x")), "b.xlsx")).toEqual(plain);
    const rows = plain.sheets[0]!.rows;
    expect(rows[0]?.[0]?.v).toBe(' Nội dung "chỉ tiêu" ');
    expect(rows[0]?.[1]?.v).toBe("Đơn vị tính");
    expect(rows[1]?.[0]?.v).toBe("Tổng số & đạt");
    expect(rows[1]?.[1]?.v).toBe(1219);
    expect(rows[1]?.[2]).toEqual({ v: "x", f: 'IF(B2>0,"x","")' });
    expect((rows[4]?.[2]?.v as Date).toISOString().slice(0, 10)).toBe("2021-06-21");
    expect(rows[4]?.[4]?.v).toBe("a<b");
    expect(plain.sheets[0]!.merges).toEqual([{ s: { r: 0, c: 0 }, e: { r: 0, c: 1 } }]);
    // The general reader reads the same values.
    const general = readWorkbookFile(workbook(sheetXml("")), "a.xlsx").sheets[0]!.rows;
    for (const [r, row] of rows.entries()) {
      for (const [c, cell] of (row ?? []).entries()) {
        if (cell) expect({ r, c, v: general[r]?.[c]?.v, f: general[r]?.[c]?.f }).toEqual({ r, c, v: cell.v, f: cell.f });
      }
    }
  });

  it("reads a cell written as Excel writes it (one match) as it reads the same cell written otherwise (element by element)", () => {
    const lean = (bytes: Uint8Array) => readLeanXlsx(scanZip(bytes, "a.xlsx", DEFAULT_LIMITS, () => true).kept, DEFAULT_LIMITS);
    const column = fc.constantFrom("A", "B", "Z", "AA", "XFD", "XFE", "ZZZ", "ABCD");
    const value = fc.constantFrom("0", "1", "1219", "-2.5", "1e3", "0x10", "", " 7 ", "a&amp;b", "#N/A", "44368", "true");
    const cell = fc.record({
      col: column,
      row: fc.constantFrom(1, 2, 3, 1048576, 1048577, 12345678),
      s: fc.option(fc.constantFrom("0", "1"), { nil: undefined }),
      t: fc.option(fc.constantFrom("n", "s", "str", "b", "e", "inlineStr", "d", "x", "inlineStrX"), { nil: undefined }),
      f: fc.option(fc.constantFrom("", "SUM(A1:A2)", "IF(B2&gt;0,&quot;x&quot;,&quot;&quot;)"), { nil: undefined }),
      v: fc.option(value, { nil: undefined }),
    });
    const write = (cells: { col: string; row: number; s?: string; t?: string; f?: string; v?: string }[], otherwise: boolean): string => {
      const body = cells
        .map((c) => {
          const attrs = `r="${c.col}${c.row}"${c.s !== undefined ? ` s="${c.s}"` : ""}${c.t !== undefined ? ` t="${c.t}"` : ""}${otherwise ? " " : ""}`;
          const inner = `${c.f !== undefined ? `<f>${c.f}</f>` : ""}${c.v !== undefined ? `<v>${c.t === "s" && /^\d+$/.test(c.v) ? String(Number(c.v) % 2) : c.v}</v>` : ""}`;
          return inner === "" && c.v === undefined && c.f === undefined ? `<c ${attrs}/>` : `<c ${attrs}>${inner}</c>`;
        })
        .join("");
      return `<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="${MAIN}" xmlns:r="${REL}"><sheetData><row r="2">${body}</row></sheetData></worksheet>`;
    };
    const outcome = (xml: string): unknown => {
      try {
        return [lean(workbook(xml)), readWorkbookFast(workbook(xml), "a.xlsx")];
      } catch (error) {
        return `throws ${(error as Error).name}: ${(error as Error).message}`;
      }
    };
    fc.assert(
      fc.property(fc.array(cell, { minLength: 1, maxLength: 6 }), (cells) => {
        expect(outcome(write(cells, false))).toEqual(outcome(write(cells, true)));
      }),
      { numRuns: 400 },
    );
  });

  it("reads styles, strings and sheets kept in parts it usually leaves closed (document properties, theme)", () => {
    const parts = unzipSync(workbook(sheetXml("")));
    const moved: Record<string, Uint8Array> = { ...parts, "docProps/kieu.xml": parts["xl/styles.xml"]!, "xl/theme/chuoi.xml": parts["xl/sharedStrings.xml"]! };
    delete moved["xl/styles.xml"];
    delete moved["xl/sharedStrings.xml"];
    moved["xl/_rels/workbook.xml.rels"] = strToU8(
      strFromU8(parts["xl/_rels/workbook.xml.rels"]!).replace('Target="styles.xml"', 'Target="../docProps/kieu.xml"').replace('Target="sharedStrings.xml"', 'Target="theme/chuoi.xml"'),
    );
    const rows = readWorkbookFast(zipSync(moved), "a.xlsx").sheets[0]!.rows;
    expect(rows[0]?.[0]?.v).toBe(' Nội dung "chỉ tiêu" ');
    expect((rows[4]?.[2]?.v as Date).toISOString().slice(0, 10)).toBe("2021-06-21");
  });

  it("decodes entities and _xHHHH_ escapes as the regular expressions do", () => {
    const NAMED: Record<string, string> = { amp: "&", lt: "<", gt: ">", quot: '"', apos: "'" };
    const reference = (text: string): string =>
      text
        .replace(/&(#x[0-9a-fA-F]+|#\d+|[a-zA-Z]+);/g, (whole, name: string) => {
          if (name.startsWith("#x")) return String.fromCodePoint(parseInt(name.slice(2), 16));
          if (name.startsWith("#")) return String.fromCodePoint(parseInt(name.slice(1), 10));
          return NAMED[name] ?? whole;
        })
        .replace(/_x([0-9a-fA-F]{4})_/g, (_w, hex: string) => String.fromCharCode(parseInt(hex, 16)));
    const outcome = (f: () => string): string => {
      try {
        return f();
      } catch (error) {
        return `throws ${(error as Error).name}`;
      }
    };
    const piece = fc.constantFrom("&", ";", "#", "x", "X", "amp", "lt", "quot", "41", "1F600", "_x0041_", "_x", "đ", " ", "&amp;", "&#x41;", "&#65;", "&foo;", "&#;", "&#x;", "9");
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 12 }), (parts) => {
        const text = parts.join("");
        expect(outcome(() => decodeXml(text))).toBe(outcome(() => reference(text)));
      }),
      { numRuns: 20_000 },
    );
    expect(decodeXml("a &amp;lt; b &#x1F600; _x000A_")).toBe("a &lt; b 😀 \n");
  });

  it("unzips the same bytes, and refuses the same files, with and without Node's native inflater", () => {
    const bytes = workbook(sheetXml(""));
    const all = (): boolean => true;
    const native = scanZip(bytes, "a.xlsx", DEFAULT_LIMITS, all);
    const original = process.getBuiltinModule;
    let scanWithout: typeof scanZip | undefined;
    process.getBuiltinModule = ((id: string) => (id === "node:zlib" ? undefined : original.call(process, id))) as typeof original;
    try {
      jest.isolateModules(() => {
        scanWithout = (jest.requireActual("../../src/io/read/zip") as typeof import("../../src/io/read/zip")).scanZip;
      });
    } finally {
      process.getBuiltinModule = original;
    }
    const js = scanWithout!(bytes, "a.xlsx", DEFAULT_LIMITS, all);
    expect([...native.kept.keys()]).toEqual([...js.kept.keys()]);
    for (const [name, data] of native.kept) expect(Buffer.from(data).equals(Buffer.from(js.kept.get(name)!))).toBe(true);
    expect(readLeanXlsx(native.kept, DEFAULT_LIMITS)).toEqual(readLeanXlsx(js.kept, DEFAULT_LIMITS));

    // An entry that inflates to more than it declares, and one whose data is broken: the same refusal either way.
    const lying = zipSync({ "xl/workbook.xml": new Uint8Array(5000) }, { level: 6 });
    // Declared size 5000 → 100 (central directory at the end, local header at the start).
    const view = new DataView(lying.buffer, lying.byteOffset, lying.byteLength);
    const cd = lying.length - 22 - (46 + "xl/workbook.xml".length);
    view.setUint32(cd + 24, 100, true);
    view.setUint32(22, 100, true);
    const broken = zipSync({ "xl/workbook.xml": strToU8("<workbook>".repeat(200)) }, { level: 6 });
    // A reserved block type (BFINAL 1, BTYPE 11) where the compressed data starts.
    broken[30 + "xl/workbook.xml".length] = 0x07;
    for (const file of [lying, broken]) {
      const refusal = (scan: typeof scanZip): unknown => {
        try {
          scan(file, "x.xlsx", DEFAULT_LIMITS, all);
          return "read";
        } catch (error) {
          // The module loaded without the native inflater has its own WorkbookReadError class: compare by name.
          const e = error as WorkbookReadError;
          return e.name === "WorkbookReadError" ? { code: e.code, message: e.message } : String(error);
        }
      };
      const a = refusal(scanZip);
      expect(a).toEqual(refusal(scanWithout!));
      expect(a).toMatchObject({ code: expect.stringMatching(/zip-bomb|corrupt/) as unknown as string });
    }
  });

  it("inflates a template's part once for the files that carry it byte for byte, and never gives a file another's bytes", () => {
    const styles = (fill: string): string => `<styleSheet xmlns="${MAIN}"><fills count="1"><fill><patternFill patternType="${fill}"/></fill></fills></styleSheet>`.repeat(20);
    const one = zipSync({ "xl/styles.xml": strToU8(styles("solid")) }, { level: 6 });
    // Another part of the same length, the same name and (here) the same compressed size: only its bytes tell it apart.
    const other = zipSync({ "xl/styles.xml": strToU8(styles("solie")) }, { level: 6 });
    expect(other.length).toBe(one.length);
    const all = (): boolean => true;
    const stylesOf = (file: Uint8Array): string => strFromU8(scanZip(file, "a.xlsx", DEFAULT_LIMITS, all).kept.get("xl/styles.xml")!);
    for (let round = 0; round < 2; round++) {
      expect(stylesOf(one)).toBe(styles("solid"));
      expect(stylesOf(other)).toBe(styles("solie"));
    }
    // The same compressed bytes declaring a smaller size are inflated and refused, as ever.
    const lying = one.slice();
    const view = new DataView(lying.buffer, lying.byteOffset, lying.byteLength);
    const cd = lying.length - 22 - (46 + "xl/styles.xml".length);
    view.setUint32(cd + 24, 100, true);
    view.setUint32(22, 100, true);
    expect(() => scanZip(lying, "x.xlsx", DEFAULT_LIMITS, all)).toThrow(expect.objectContaining({ code: "zip-bomb" }) as unknown as Error);
  });
});
