/**
 * CSV files as Vietnamese offices write them: separator, encoding and number
 * convention from the file itself; Excel's and LibreOffice's exports of a
 * filled report read with the right unit, figures and documents.
 */
import { mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { readUnitReport } from "../../src/domain/read";
import type { GridCell } from "../../src/domain/model/grid";
import { readWorkbook, WorkbookReadError } from "../../src/io/read";
import { guessSeparator } from "../../src/io/read/csv";
import { decodeText, legacyEncoding, numberByConvention, numberConvention } from "../../src/io/read/text";
import { encodeWindows1258, makeCsvFixtures, UNIT } from "../fixtures/csv/make-csv";
import { DOCUMENT_HEADER } from "../fixtures/official";
import { withPaneTextDecoder } from "../support/pane-decoder";
import { SOFFICE } from "../support/programs";

const utf8 = (s: string): Uint8Array => new TextEncoder().encode(s);
const values = (bytes: Uint8Array, name = "a.csv"): (GridCell["v"] | undefined)[][] =>
  readWorkbook(bytes, name).sheets[0]!.rows.map((row) => (row ?? []).map((c) => c?.v));

describe("CSV: separator and quotes", () => {
  it.each([
    ["Stt;Nội dung;Tổng số\n1.1;Cán bộ, đảng viên;45\n", ";"],
    ["Stt,Nội dung,Tổng số\n1.1,\"Cán bộ; đảng viên\",45\n", ","],
    ["Stt\tNội dung\tTổng số\n1.1\tCán bộ, đảng viên; chi bộ\t45\n", "\t"],
  ])("guesses the separator of %p", (text, sep) => {
    expect(guessSeparator(text)).toBe(sep);
    expect(values(utf8(text))[1]).toEqual(["1.1", expect.stringContaining("Cán bộ"), "45"]);
  });

  it("keeps quoted separators, doubled quotes and line breaks inside a cell; obeys Excel's sep= line", () => {
    const text = 'sep=;\r\nA;B\r\n"x;y";"nói ""có""\r\ndòng hai"\r\n;\r\n';
    expect(values(utf8(text))).toEqual([["A", "B"], ["x;y", 'nói "có"\r\ndòng hai'], [undefined, undefined]]);
  });

  it("reads the padded title lines Excel writes above a table", () => {
    expect(guessSeparator("BÁO CÁO;;;\nĐơn vị: xã Bản Bo;;;\nStt;Nội dung;Tổng số;Tỷ lệ\n1,1;a, b;3;4\n")).toBe(";");
  });
});

describe("CSV: encoding", () => {
  const text = "Đảng ủy xã Bản Giang;Người;Hộ gia đình đạt tiêu chuẩn văn hóa\n";

  it("reads UTF-8 with and without a byte order mark, and UTF-16 with one", () => {
    expect(values(utf8(`\ufeff${text}`))[0]![0]).toBe("Đảng ủy xã Bản Giang");
    expect(values(utf8(text))[0]![2]).toBe("Hộ gia đình đạt tiêu chuẩn văn hóa");
    const utf16 = Uint8Array.from([0xff, 0xfe, ...[...text].flatMap((ch) => [ch.charCodeAt(0) & 0xff, ch.charCodeAt(0) >> 8])]);
    expect(values(utf16, "unicode.txt")[0]).toEqual(["Đảng ủy xã Bản Giang", "Người", "Hộ gia đình đạt tiêu chuẩn văn hóa"]);
  });

  it("reads UTF-16 without a byte order mark, little- and big-endian, as some systems' \"Unicode\" exports are", () => {
    const le = new Uint8Array(Buffer.from(text.repeat(3), "utf16le"));
    const be = new Uint8Array(le.length);
    for (let i = 0; i < le.length; i += 2) [be[i], be[i + 1]] = [le[i + 1]!, le[i]!];
    for (const bytes of [le, be]) expect(values(bytes, "unicode.csv")[0]).toEqual(["Đảng ủy xã Bản Giang", "Người", "Hộ gia đình đạt tiêu chuẩn văn hóa"]);
  });

  it("reads Windows-1258 (combining tone marks) as NFC text", () => {
    const bytes = encodeWindows1258(text);
    expect(bytes.some((b) => b === 0xec || b === 0xd2 || b === 0xf2)).toBe(true); // tone marks as combining bytes
    expect(legacyEncoding(bytes)).toBe("windows-1258");
    const row = values(bytes)[0]!;
    expect(row).toEqual(["Đảng ủy xã Bản Giang", "Người", "Hộ gia đình đạt tiêu chuẩn văn hóa"]);
    expect((row[0] as string).normalize("NFC")).toBe(row[0]);
  });

  it("reads Windows-1258 CSV and web pages where TextDecoder is the pane's polyfill (EdgeHTML 18 has no decoder of its own)", () => {
    const csv = encodeWindows1258(text);
    const page = Uint8Array.from([
      ...utf8('<html><head><meta charset="windows-1258"></head><body><table><tr><td>'),
      ...encodeWindows1258("Đảng ủy xã Bản Giang"),
      ...utf8("</td></tr></table></body></html>"),
    ]);
    const everyByte = Uint8Array.from({ length: 256 }, (_, i) => i);
    const node = new TextDecoder("windows-1258").decode(everyByte);
    withPaneTextDecoder(() => {
      // The polyfill's Windows-1258 (for libraries that ask TextDecoder for it) is Node's, byte for byte.
      expect(new TextDecoder("windows-1258").decode(everyByte)).toBe(node);
      expect(new TextDecoder("x-cp1258").encoding).toBe("windows-1258");
      expect(values(csv)[0]).toEqual(["Đảng ủy xã Bản Giang", "Người", "Hộ gia đình đạt tiêu chuẩn văn hóa"]);
      expect(values(page, "he-thong.xls")[0]).toEqual(["Đảng ủy xã Bản Giang"]);
    });
  });

  it("keeps TCVN3 (ABC) bytes as Windows-1252 text, byte for byte, for the domain to convert", () => {
    // "Đảng ủy" in TCVN3: § ¶ n g   ñ y  (0xA7 0xB6 0x6E 0x67 0x20 0xF1 0x79)
    const bytes = Uint8Array.from([0xa7, 0xb6, 0x6e, 0x67, 0x20, 0xf1, 0x79, 0x3b, 0x31, 0x0a]);
    expect(legacyEncoding(bytes)).toBe("windows-1252");
    expect(values(bytes)[0]).toEqual(["\u00a7\u00b6ng \u00f1y", "1"]);
    expect(decodeText(bytes).encoding).toBe("windows-1252");
  });
});

describe("CSV: number convention from the file's own values", () => {
  it("settles Vietnamese by '96,43' or '1.252.000', English by '1,252.5' or '1,252,000', neither when both appear", () => {
    expect(numberConvention(["Stt", "1.1", "96,43"])).toBe("vi");
    expect(numberConvention(["1.252.000"])).toBe("vi");
    expect(numberConvention(["1,252.5"])).toBe("en");
    expect(numberConvention(["1,252,000"])).toBe("en");
    // Ratios as an English spreadsheet saves them settle it; numberings do not.
    expect(numberConvention(["Stt", "1.1", "1,219", "97.62"])).toBe("en");
    expect(numberConvention(["1,219", "100.00"])).toBe("en");
    expect(numberConvention(["1,219", "0.95"])).toBe("en");
    expect(numberConvention(["1.1", "4.5", "6.2.1", "1,219"])).toBeUndefined();
    // A Vietnamese file whose counts have dots between thousands and whose ratios were typed with a dot: not English.
    expect(numberConvention(["1.219", "2.350", "97.05", "97.87"])).toBeUndefined();
    expect(numberConvention(["96,43", "97.62"])).toBe("vi");
    expect(numberConvention(["1.252", "1,252", "4.2", "97.5"])).toBeUndefined();
    expect(numberConvention(["96,43", "1,252.5"])).toBeUndefined();
    expect(numberByConvention("1.252", "vi")).toBe(1252);
    expect(numberByConvention("-1.252", "en")).toBe(-1.252);
    expect(numberByConvention("1,252", "en")).toBe(1252);
    expect(numberByConvention("4.2", "en")).toBeUndefined();
  });

  function read(rows: string[][]) {
    const text = ["Stt;Nội dung của chỉ tiêu;ĐVT;Tổng số;Số đã đạt tiêu chuẩn;Tỷ lệ (%)", ...rows.map((r) => r.join(";"))].join("\n");
    return readUnitReport(readWorkbook(utf8(text), "a.csv"), "a.csv");
  }
  const ROW_12 = "100% cán bộ, đảng viên được học tập, quán triệt các nghị quyết của đảng";
  const ROW_13 = "100% quần chúng nhân dân được tuyên truyền, quán triệt các chủ trương, chính sách, pháp luật";

  it("reads '1.252' as 1252 in a file whose other values are '96,43', and by default", () => {
    const settled = read([["1.2", ROW_12, "Người", "1.252", "1.200", "95,85"]]);
    expect(settled.indicators["1.2"]).toMatchObject({ total: 1252, achieved: 1200, typedRatio: 95.85 });
    const unsettled = read([["1.2", ROW_12, "Người", "1.252", "1.200", ""]]);
    expect(unsettled.indicators["1.2"]).toMatchObject({ total: 1252, achieved: 1200 });
  });

  it("keeps '1,252' ambiguous when nothing settles the convention, and reads it by the convention when the file settles it", () => {
    const unsettled = read([["1.2", ROW_12, "Người", "1,252", "1200", ""]]);
    expect(unsettled.issues.find((i) => i.rule === "ambiguous-number")).toMatchObject({ indicator: "1.2" });
    const english = read([
      ["1.2", ROW_12, "Người", "1,252", "1,200", ""],
      ["1.3", ROW_13, "Người", "2,350", '"2,300.0"', ""],
    ]);
    expect(english.issues.filter((i) => i.rule === "ambiguous-number")).toEqual([]);
    expect(english.indicators["1.2"]).toMatchObject({ total: 1252, achieved: 1200 });
  });

  it("reads a file's dates month first when they show it (\"12/25/2018\"), day first otherwise", () => {
    const docs = (dates: string[]) => {
      const text = [DOCUMENT_HEADER.join(";"), ...dates.map((d, i) => `${i + 1};${i + 15}-KH/ĐU;${d};Kế hoạch số ${i + 1};Đảng ủy xã`)].join("\n");
      return readUnitReport(readWorkbook(utf8(text), "van-ban.csv"), "van-ban.csv").documents.map((d) => d.date);
    };
    expect(docs(["3/10/2017", "12/25/2018"])).toEqual(["2017-03-10", "2018-12-25"]);
    expect(docs(["3/10/2017", "25/12/2018"])).toEqual(["2017-10-03", "2018-12-25"]);
    expect(docs(["3/10/2017", "7/4/2018"])).toEqual(["2017-10-03", "2018-04-07"]);
    // The year in two digits, as LibreOffice shows a date typed in an English locale ("MM/DD/YY").
    expect(docs(["10/12/16", "03/07/17", "01/15/18"])).toEqual(["2016-10-12", "2017-03-07", "2018-01-15"]);
    expect(docs(["10/12/16", "15/01/18"])).toEqual(["2016-12-10", "2018-01-15"]);
    expect(docs(["10/12/16", "01/15/18", "15/01/18"])).toEqual(["2016-12-10", null, "2018-01-15"]);
  });

  it("stops a file with too many cells", () => {
    const big = utf8(Array.from({ length: 200 }, () => "a;b;c;d;e").join("\n"));
    expect(() => readWorkbook(big, "lon.csv", { maxCells: 500 })).toThrow(expect.objectContaining({ code: "too-many-cells" }) as WorkbookReadError);
    expect(readWorkbook(big, "vua.csv", { maxCells: 1000 }).sheets[0]!.rows).toHaveLength(200);
  });

  // How long it takes is measured by `npm run bench` (bench/hostile-memory.ts), not asserted here.
  it("reads a long unclosed quote", () => {
    const bytes = utf8(`a;"${"x;".repeat(2_000_000)}`);
    expect(values(bytes)[0]![0]).toBe("a");
  });
});

describe("CSV files saved by Excel (vi-VN) and LibreOffice", () => {
  const dir = mkdtempSync(join(tmpdir(), "csv-"));
  let names: string[] = [];
  beforeAll(async () => {
    names = await makeCsvFixtures(dir);
  }, 120_000);

  it("has LibreOffice's exports when LibreOffice is installed", () => {
    expect(names.length).toBe(SOFFICE ? 4 : 2);
    if (SOFFICE) {
      // LibreOffice wrote Windows-1258 with combining tone marks ("Ả" as A + hook, 0x41 0xD2).
      const lo1258 = readFileSync(join(dir, "lo-1258", "lo-1258.csv"));
      expect(lo1258.includes(Buffer.from([0x41, 0xd2]))).toBe(true);
      // In a vi-VN locale it wrote the formatted numbers as shown: "." thousands, "," decimals.
      expect(readFileSync(join(dir, "lo-utf8", "lo-utf8.csv"), "utf8")).toContain(";1.219;1.183;97,05");
    }
  });

  it.each(["excel-vi-utf8.csv", "excel-vi-1258.csv", join("lo-utf8", "lo-utf8.csv"), join("lo-1258", "lo-1258.csv")])(
    "%s: unit, date, figures and documents",
    (name) => {
      if (!names.includes(name)) return; // LibreOffice's exports only where it is installed (CI requires it).
      const report = readUnitReport(readWorkbook(new Uint8Array(readFileSync(join(dir, name))), name), name);
      expect(report.unit).toMatchObject({ name: UNIT, source: "header" });
      expect(report.reportDate).toBe("2021-06-05");
      expect(report.indicators["1.2"]).toMatchObject({ total: 1219, achieved: 1183, typedRatio: 97.05 });
      expect(report.indicators["4.2"]).toMatchObject({ total: 52, achieved: 44 });
      expect(Object.keys(report.indicators)).toHaveLength(16);
      expect(report.documents.map((d) => [d.code?.canonical, d.date])).toEqual([
        ["15-NQ/ĐU", "2016-10-12"],
        ["22-KH/ĐU", "2017-03-07"],
        ["27/KH-UBND", "2018-01-15"],
      ]);
      expect(report.issues.filter((i) => i.severity === "error")).toEqual([]);
      // LibreOffice 7.4 writes "ý" in Windows-1258 as "y" + grave: "quản lý" comes back "quản lỳ".
      const changed = report.issues.filter((i) => i.rule === "label-changed");
      if (name.startsWith("lo-1258")) for (const i of changed) expect((i.params as { found: string }).found).toContain("ỳ");
      else expect(changed).toEqual([]);
    },
  );
});

describe("text separated by tabs, named .xls (a web system's export, Excel's \"Unicode Text\")", () => {
  const table = [DOCUMENT_HEADER.join("\t"), ["1", "15-NQ/ĐU", "12/10/2016", "Nghị quyết về công tác tư tưởng", "Đảng ủy xã"].join("\t")].join("\r\n") + "\r\n";
  it.each([
    ["UTF-16 with its byte order mark", (t: string) => new Uint8Array([0xff, 0xfe, ...new Uint8Array(Uint16Array.from(t, (c) => c.charCodeAt(0)).buffer)])],
    ["UTF-8", (t: string) => new TextEncoder().encode(t)],
  ])("in %s is read as the table it is", (_name, encode) => {
    const report = readUnitReport(readWorkbook(encode(table), "bao-cao.xls"), "bao-cao.xls");
    expect(report.documents.map((d) => [d.code?.canonical, d.date])).toEqual([["15-NQ/ĐU", "2016-10-12"]]);
  });

  it.each([
    ["a binary file", new Uint8Array([0x25, 0x50, 0x44, 0x46, 0x2d, 0x31, 0x0a, 0x00, 0x01, 0x02])],
    ["rich text (Word)", new TextEncoder().encode("{\\rtf1\\ansi{\\fonttbl{\\f0 Times New Roman;}}\n\\f0 Báo cáo, số liệu\n}")],
    ["SYLK", new TextEncoder().encode("ID;PCALCOOO32\nP;PGeneral\nC;X1;Y1;K\"Stt\"\nE\n")],
    ["a note of one line", new TextEncoder().encode("Gửi Ban Tuyên giáo, báo cáo đính kèm.")],
  ])("%s named .xls is still refused as no workbook", (_name, bytes) => {
    expect(() => readWorkbook(bytes, "bao-cao.xls")).toThrow(expect.objectContaining({ code: "not-a-workbook" }));
  });
});
