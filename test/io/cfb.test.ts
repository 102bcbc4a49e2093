/**
 * The compound file (.xls) is checked by our own bounded parser before SheetJS
 * parses it: crafted files (a FAT chain that loops, a stream claiming
 * gigabytes, a header naming more sectors than the file has, a directory tree
 * that loops, a sector size no writer uses) are refused with `cfb-malformed`
 * and the reason, fast; real .xls files (LibreOffice's, SheetJS's) still read.
 * Text of an Excel 95 file in code page 1258 reads as Unicode, whether or not
 * SheetJS's code-page tables are loaded (the task pane's build has none).
 */
import { execFileSync } from "node:child_process";
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import * as XLSX from "@e965/xlsx";
import * as cpexcel from "@e965/xlsx/dist/cpexcel.js";
import { main } from "../../src/cli/main";
import { readSourcesWithTimeLimit } from "../../src/hosts/node/read-pool";
import { buildUnitWorkbook } from "../../src/domain/sheets";
import { readWorkbook, WorkbookReadError } from "../../src/io/read";
import { biffInfo, guardCfb, textFromCp1258 } from "../../src/io/read/cfb";
import { CP1258_HIGH } from "../../src/io/read/cp1258";
import { DEFAULT_LIMITS, failureDetail } from "../../src/io/read/errors";
import { writeWorkbookXlsx } from "../../src/io/write";
import { encodeWindows1258 } from "../fixtures/csv/make-csv";
import { biff5, HOSTILE_CFB, sheetJsXls } from "../fixtures/hostile-cfb";
import { capture } from "../support/cli";
import { fillTemplate } from "../support/fill";
import { convertWithLibreOffice, SOFFICE, SSCONVERT } from "../support/programs";

const FAST = 2000;
function verdict(bytes: Uint8Array): { code: string; message: string; ms: number } {
  const t0 = performance.now();
  try {
    readWorkbook(bytes, "x.xls");
    return { code: "read", message: "", ms: performance.now() - t0 };
  } catch (error) {
    if (!(error instanceof WorkbookReadError)) throw error;
    return { code: error.code, message: error.message, ms: performance.now() - t0 };
  }
}

describe("compound files (.xls) checked before SheetJS", () => {
  const good = sheetJsXls();

  /** The workbook stream of a real .xls with a record inserted after its BOF. */
  const withRecord = (record: number[]): Uint8Array => {
    type Entry = { content: ArrayLike<number>; size: number };
    const CFB = XLSX.CFB as { read(b: Uint8Array, o: object): { FullPaths: string[]; FileIndex: Entry[] }; write(c: unknown, o: object): ArrayLike<number> };
    const cfb = CFB.read(good, { type: "array" });
    const at = cfb.FullPaths.findIndex((p) => p.endsWith("/Workbook"));
    const stream = Uint8Array.from(cfb.FileIndex[at]!.content);
    const bof = 4 + (stream[2]! | (stream[3]! << 8));
    const out = new Uint8Array(stream.length + record.length);
    out.set(stream.subarray(0, bof));
    out.set(record, bof);
    out.set(stream.subarray(bof), bof + record.length);
    cfb.FileIndex[at]!.content = out;
    cfb.FileIndex[at]!.size = out.length;
    return new Uint8Array(CFB.write(cfb, { type: "array" }));
  };

  it("refuses a formula record shorter than the formula it declares, which held the reader for ever", async () => {
    // A shared formula (SHRFMLA, 0x04BC) of 4 bytes, where its range, flags and the length of its tokens take 10.
    const short = withRecord([0xbc, 0x04, 4, 0, 0x00, 0x80, 0x00, 0xff]);
    // Read where a merge reads it: in a worker thread, stopped at the time limit when it does not finish.
    const [source] = await readSourcesWithTimeLimit([{ name: "cong-thuc.xls", bytes: short }], { limitMs: 20_000 });
    expect(source!.error?.code).toBe("corrupt");
    expect(source!.error?.message).toContain("bản ghi công thức (0x04BC) ở byte");
    expect(source!.error?.message).toContain("ngắn hơn công thức nó khai báo");
    // A whole one (its range, flags and no tokens) is not taken for short.
    expect(verdict(withRecord([0xbc, 0x04, 10, 0, 0, 0, 0, 0, 0, 0, 0, 1, 0, 0])).message).not.toContain("bản ghi công thức");
  }, 60_000);

  it("says why SheetJS could not read a record in Vietnamese, never in its English", () => {
    // A HEADER record (0x0014) declaring 65,535 bytes, past the end of the stream: SheetJS says "XLS Record 0x14 Truncated: … < 65535".
    const { code, message } = verdict(withRecord([0x14, 0x00, 0xff, 0xff]));
    expect(code).toBe("corrupt");
    expect(message).toBe("Không đọc được tệp x.xls: tệp bị hỏng hoặc không đúng định dạng (dữ liệu bị cắt cụt).");
    // What the other libraries say of a broken message or archive, in the same words.
    expect(failureDetail(new Error("File read error"))).toBe(" (dữ liệu bị cắt cụt)");
    expect(failureDetail(new Error("Archive header or data are damaged"))).toBe(" (dữ liệu bị hỏng)");
    expect(failureDetail(new Error("Maximum header size of 262144 bytes exceeded"))).toBe(" (có phần lớn bất thường)");
    expect(failureDetail(new Error("Cannot find file styles.xml in zip"))).toBe(" (thiếu một phần của tệp)");
    expect(failureDetail(new Error("Unexpected SupBook type: 3"))).toBe(" (có phần không đọc được)");
    expect(failureDetail(new Error("something else entirely"))).toBe("");
    expect(failureDetail(new TypeError("Cannot read properties of undefined (reading '0')"))).toBe("");
  });

  it("reads a real .xls and hands on its streams", () => {
    const { streams, sectorSize } = guardCfb(good, "x.xls", DEFAULT_LIMITS);
    expect(sectorSize).toBe(512);
    expect(streams.map((s) => s.path)).toContain("Workbook");
    expect(biffInfo(streams.find((s) => s.path === "Workbook")!.bytes).version).toBe(0x0600);
    const grid = readWorkbook(good, "x.xls");
    expect(grid.sheets[0]!.rows[400]!.map((c) => c?.v)).toEqual(["Dòng 400", 399]);
  });

  it.each(Object.keys(HOSTILE_CFB))("refuses a crafted file: %s, naming the reason, fast", (name) => {
    const { make, says } = HOSTILE_CFB[name]!;
    const { code, message, ms } = verdict(make(good));
    expect(code).toBe("cfb-malformed");
    expect(message).toContain("Không đọc được tệp x.xls: tệp .xls có cấu trúc bất thường");
    expect(message).toContain(says);
    expect(ms).toBeLessThan(FAST);
  });

  it("validate and merge give the crafted files their rule, and the good file beside them still merges", async () => {
    const dir = mkdtempSync(join(tmpdir(), "cfb-cli-"));
    try {
      const template = await writeWorkbookXlsx(buildUnitWorkbook({ unitName: "Đảng ủy xã Bản Bo", place: "Tam Đường", level: "co-so", created: "2021-05-01" }));
      writeFileSync(join(dir, "Ban Bo.xlsx"), await fillTemplate(template, { indicators: { "1.1": [100, 95] }, dateLine: "Bản Bo, ngày 20 tháng 6 năm 2021" }));
      writeFileSync(join(dir, "vong.xls"), HOSTILE_CFB["cyclic FAT"]!.make(good));
      writeFileSync(join(dir, "khong-lo.xls"), HOSTILE_CFB["huge stream size"]!.make(good));
      const v = capture(dir);
      expect(await main(["validate", "vong.xls", "khong-lo.xls", "--json"], v.io)).toBe(2);
      const checked = JSON.parse(v.out()) as { files: { issues: { rule: string; message: string }[] }[] };
      expect(checked.files.map((f) => f.issues.map((i) => i.rule))).toEqual([["cfb-malformed"], ["cfb-malformed"]]);
      expect(checked.files[0]!.issues[0]!.message).toContain("lặp vòng");
      const m = capture(dir);
      const t0 = performance.now();
      expect(await main(["merge", ".", "--out", join(dir, "tong-hop.xlsx"), "--json", join(dir, "tong-hop.json"), "--date", "2021-07-01"], m.io)).toBe(0);
      expect(performance.now() - t0).toBeLessThan(30_000);
      const json = JSON.parse(readFileSync(join(dir, "tong-hop.json"), "utf8")) as { files: { file: string; status: string; issues: { rule: string }[] }[] };
      expect(Object.fromEntries(json.files.map((f) => [f.file, f.status === "merged" ? "merged" : `${f.status}: ${f.issues[0]?.rule}`]))).toEqual({
        "Ban Bo.xlsx": "merged",
        "vong.xls": "rejected: cfb-malformed",
        "khong-lo.xls": "rejected: cfb-malformed",
      });
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }, 120_000);

  it("refuses a DIFAT chain that loops", () => {
    // 237 FAT sectors named: 109 in the header, the rest in DIFAT sectors; the first DIFAT sector points at itself.
    const sectors = 240;
    const file = new Uint8Array(512 * (sectors + 1));
    file.set(good.subarray(0, 0x4c));
    const view = new DataView(file.buffer);
    view.setUint32(0x2c, 237, true);
    view.setUint32(0x48, 3, true);
    view.setUint32(0x44, 5, true);
    view.setUint32(512 * 6 + 508, 5, true);
    expect(() => guardCfb(file, "x.xls", DEFAULT_LIMITS)).toThrow(/chuỗi DIFAT bị lặp vòng/);
    view.setUint32(512 * 6 + 508, 0xfffffffe, true);
    expect(() => guardCfb(file, "x.xls", DEFAULT_LIMITS)).toThrow(/chuỗi DIFAT ngắn hơn số cung FAT đã ghi/);
  });

  it("bounds the directory and the streams by the read limits", () => {
    expect(() => guardCfb(good, "x.xls", { ...DEFAULT_LIMITS, maxEntries: 1 })).toThrow(/hơn 1 mục/);
    expect(() => guardCfb(good, "x.xls", { ...DEFAULT_LIMITS, maxEntryBytes: 1000 })).toThrow(/quá giới hạn 1000/);
    expect(() => guardCfb(good.subarray(0, 300), "x.xls", DEFAULT_LIMITS)).toThrow(WorkbookReadError);
  });
});

// ------------------------------------------------- Excel 95 text in code page 1258

const VIETNAMESE = ["ĐẢNG ỦY XÃ BẢN BO", "Ban Tuyên giáo Huyện ủy", "Tiếng Việt: ăâđêôơư ỳỹỷỵ Ữ Ặ ₫"];

/** SheetJS without its code-page tables, as in the task pane's module build: one Latin-1 character per byte. */
const LATIN1_ONLY = {
  utils: {
    decode: (cp: number, data: ArrayLike<number>): string => {
      const bytes = Uint8Array.from(Array.from(data));
      if (cp === 1200) return new TextDecoder("utf-16le").decode(bytes);
      if (cp === 65001) return new TextDecoder().decode(bytes);
      return String.fromCharCode(...bytes);
    },
    encode: (): number[] => {
      throw new Error("not used");
    },
  },
};

describe("Excel 95 text in code page 1258", () => {
  const tables = cpexcel;
  afterEach(() => XLSX.set_cptable(tables));

  it("has Windows-1258's table for every byte (as Node's decoder has it)", () => {
    expect(CP1258_HIGH).toHaveLength(128);
    const decoder = new TextDecoder("windows-1258");
    for (let b = 0; b < 256; b++) expect(textFromCp1258(String.fromCharCode(b))).toBe(decoder.decode(Uint8Array.of(b)).normalize("NFC"));
  });

  it("decodes text left in Latin-1 and leaves decoded text alone", () => {
    const latin1 = String.fromCharCode(...encodeWindows1258("ĐẢNG ỦY XÃ BẢN BO"));
    expect(textFromCp1258(latin1)).toBe("ĐẢNG ỦY XÃ BẢN BO");
    for (const t of [...VIETNAMESE, "Tuyên giáo", "café", "€"]) expect(textFromCp1258(t)).toBe(t.normalize("NFC"));
  });

  it.each([
    ["with SheetJS's code-page tables", tables],
    ["without them (the task pane's build)", LATIN1_ONLY],
  ])("reads the text of a BIFF5 file in code page 1258 as Unicode, %s", (_, cptable) => {
    XLSX.set_cptable(cptable);
    const bytes = biff5("Chỉ tiêu", VIETNAMESE);
    const grid = readWorkbook(bytes, "excel95.xls");
    expect(grid.sheets.map((s) => s.name)).toEqual(["Chỉ tiêu"]);
    expect(grid.sheets[0]!.rows.map((r) => r?.[0]?.v)).toEqual(VIETNAMESE);
  });

  it("leaves a BIFF5 file in code page 1252 as SheetJS reads it", () => {
    XLSX.set_cptable(LATIN1_ONLY);
    const grid = readWorkbook(biff5("Sheet1", ["café crème"], 1252), "excel95.xls");
    expect(grid.sheets[0]!.rows[0]![0]!.v).toBe("café crème");
  });
});

// ------------------------------------------------- files made by real writers

// Gnumeric writes Excel 95 (BIFF7) files in the code page of its locale; LibreOffice 7 no longer writes Excel 95.

describe("real .xls files", () => {
  const dir = mkdtempSync(join(tmpdir(), "cfb-"));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  const withOffice = SOFFICE ? it : it.skip;
  const withGnumeric = SSCONVERT ? it : it.skip;

  withOffice(
    "a unit's report saved as .xls by LibreOffice reads as the .xlsx it came from, and validate agrees",
    async () => {
      const template = await writeWorkbookXlsx(buildUnitWorkbook({ unitName: "Đảng ủy xã Bản Bo", place: "Tam Đường", level: "co-so", created: "2021-05-01" }));
      const filled = await fillTemplate(template, { indicators: { "1.1": [100, 95] }, dateLine: "Bản Bo, ngày 20 tháng 6 năm 2021" });
      writeFileSync(join(dir, "ban-bo.xlsx"), filled);
      const xls = convertWithLibreOffice(join(dir, "ban-bo.xlsx"), "xls", join(dir, "xls"));
      const bytes = new Uint8Array(readFileSync(xls));
      expect(guardCfb(bytes, "ban-bo.xls", DEFAULT_LIMITS).streams.map((s) => s.path)).toContain("Workbook");
      const c = capture(join(dir, "xls"));
      await main(["validate", "ban-bo.xls", "--json"], c.io);
      const file = (JSON.parse(c.out()) as { files: { unit: string; indicators: { id: string; total: number | null; achieved: number | null }[] }[] }).files[0]!;
      expect(file.unit).toBe("Đảng ủy xã Bản Bo");
      expect(file.indicators.find((i) => i.id === "1.1")).toMatchObject({ total: 100, achieved: 95 });
    },
    120_000,
  );

  withGnumeric(
    "an Excel 95 file Gnumeric writes in a Vietnamese locale has code page 1258, and its text reads right in both builds",
    () => {
      /** A Vietnamese locale of our own (localedef), so the converter writes code page 1258 as it does on a Vietnamese desktop. */
      const locales = join(dir, "locale");
      mkdirSync(locales);
      execFileSync("localedef", ["-i", "vi_VN", "-f", "UTF-8", join(locales, "vi_VN.UTF-8")], { stdio: "pipe" });
      const source = join(dir, "vi.csv");
      writeFileSync(source, `${VIETNAMESE.map((t) => `"${t}"`).join("\n")}\n`);
      const out = (locale: string, name: string): Uint8Array => {
        const env = { ...process.env, LOCPATH: locales, LANG: locale, LC_ALL: locale };
        execFileSync(SSCONVERT!, ["-T", "Gnumeric_Excel:excel_biff7", source, join(dir, name)], { stdio: "pipe", env, timeout: 60_000 });
        return new Uint8Array(readFileSync(join(dir, name)));
      };
      const vietnamese = out("vi_VN.UTF-8", "vi95.xls");
      const book = guardCfb(vietnamese, "vi95.xls", DEFAULT_LIMITS).streams.find((s) => s.path === "Book")!;
      expect(biffInfo(book.bytes)).toEqual({ version: 0x0500, codePage: 1258 });
      // In the C locale the same converter writes code page 1252 (and loses the Vietnamese letters).
      const plain = guardCfb(out("C.UTF-8", "c95.xls"), "c95.xls", DEFAULT_LIMITS).streams.find((s) => s.path === "Book")!;
      expect(biffInfo(plain.bytes).codePage).toBe(1252);
      for (const cptable of [tables, LATIN1_ONLY]) {
        XLSX.set_cptable(cptable);
        const grid = readWorkbook(vietnamese, "vi95.xls");
        expect(grid.sheets[0]!.rows.map((r) => r?.[0]?.v)).toEqual(VIETNAMESE);
      }
      XLSX.set_cptable(tables);
    },
    120_000,
  );
  const tables = cpexcel;
});
