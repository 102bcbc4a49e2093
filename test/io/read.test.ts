import * as XLSX from "@e965/xlsx";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { strToU8, zipSync } from "fflate";
import { readUnitReport } from "../../src/domain/read";
import { readWorkbook, readWorkbookFile, WorkbookReadError } from "../../src/io/read";
import { SPREADSHEET_KINDS_TEXT } from "../../src/io/read/formats";
import { CORPUS } from "../fixtures/corpus";
import { expectReport } from "../fixtures/expect";
import { ensureFixtures, FORMATS, writeSpecXlsx } from "../fixtures/make-fixtures";

function readError(fn: () => unknown): WorkbookReadError {
  try {
    fn();
  } catch (error) {
    if (error instanceof WorkbookReadError) return error;
    throw error;
  }
  throw new Error("expected a WorkbookReadError");
}

describe("the fixture corpus read from files", () => {
  let dir = "";
  beforeAll(async () => {
    dir = await ensureFixtures();
  });
  const cases = CORPUS.flatMap((f) => FORMATS.map((ext) => [`${f.name}.${ext}`, f, ext] as const));
  it.each(cases)("%s", (file, fixture) => {
    const grid = readWorkbookFile(new Uint8Array(readFileSync(join(dir, file))), file);
    expectReport(readUnitReport(grid, `${fixture.name}.xlsx`), fixture.expect);
  });

  it.each(FORMATS)("keeps the hidden sheet hidden and finds the sheet named __proto__ (%s)", (ext) => {
    const grid = readWorkbookFile(new Uint8Array(readFileSync(join(dir, `merged-nfd.${ext}`))), `merged-nfd.${ext}`);
    expect(grid.sheets.map((s) => [s.name, s.visibility])).toEqual([
      ["Bản cũ", "hidden"],
      ["__proto__", "visible"],
    ]);
    expect(grid.sheets[1]!.rows.length).toBeGreaterThan(20);
    expect(grid.sheets[1]!.merges.length).toBeGreaterThan(3);
  });
});

describe("guards against untrusted files", () => {
  it("rejects a file over the size limit before parsing", () => {
    const e = readError(() => readWorkbookFile(new Uint8Array(2048), "big.xlsx", { maxFileBytes: 1024 }));
    expect(e.code).toBe("too-large");
    expect(e.message).toContain("big.xlsx");
  });

  it("rejects a zip whose entry inflates past the limit (default limits)", () => {
    const bomb = zipSync({ "[Content_Types].xml": strToU8("<Types/>"), "xl/workbook.xml": new Uint8Array(101 * 1024 * 1024) }, { level: 9 });
    expect(bomb.length).toBeLessThan(1024 * 1024);
    const e = readError(() => readWorkbookFile(bomb, "bomb.xlsx"));
    expect(e.code).toBe("zip-bomb");
    expect(e.message).toContain("bomb.xlsx");
  });

  it("rejects a zip that inflates past the total limit", () => {
    const files: Record<string, Uint8Array> = { "xl/workbook.xml": strToU8("<workbook/>") };
    for (let i = 0; i < 5; i++) files[`xl/media/image${i}.bin`] = new Uint8Array(1024 * 1024);
    const zip = zipSync(files, { level: 9 });
    const e = readError(() => readWorkbookFile(zip, "many.xlsx", { maxInflatedBytes: 3 * 1024 * 1024 }));
    expect(e.code).toBe("zip-bomb");
  });

  it("catches a zip whose directory lies about the sizes", () => {
    const zip = zipSync({ "xl/workbook.xml": new Uint8Array(5 * 1024 * 1024) }, { level: 9 });
    // Rewrite the declared uncompressed size (central directory and local header) to 1000 bytes.
    const view = new DataView(zip.buffer, zip.byteOffset, zip.byteLength);
    for (let i = 0; i + 4 <= zip.length; i++) {
      const sig = view.getUint32(i, true);
      if (sig === 0x02014b50) view.setUint32(i + 24, 1000, true);
      if (sig === 0x04034b50) view.setUint32(i + 22, 1000, true);
    }
    const e = readError(() => readWorkbookFile(zip, "liar.xlsx"));
    expect(e.code).toBe("zip-bomb");
    expect(e.message).toContain("liar.xlsx");
  });

  it("detects an encrypted Office file (EncryptionInfo / EncryptedPackage streams)", () => {
    const cfb = XLSX.CFB.utils.cfb_new();
    XLSX.CFB.utils.cfb_add(cfb, "/EncryptionInfo", new Uint8Array([4, 0, 4, 0, 0x40, 0, 0, 0]));
    XLSX.CFB.utils.cfb_add(cfb, "/EncryptedPackage", new Uint8Array(4096));
    const bytes = new Uint8Array(XLSX.CFB.write(cfb, { type: "array" }) as ArrayLike<number>);
    const e = readError(() => readWorkbookFile(bytes, "mat-khau.xlsx"));
    expect(e.code).toBe("encrypted");
    expect(e.message).toContain("mật khẩu");
  });

  it("detects an encrypted .ods (manifest with encryption data)", () => {
    const zip = zipSync({
      mimetype: strToU8("application/vnd.oasis.opendocument.spreadsheet"),
      "content.xml": strToU8("x"),
      "META-INF/manifest.xml": strToU8('<manifest:file-entry><manifest:encryption-data manifest:checksum="x"/></manifest:file-entry>'),
    });
    expect(readError(() => readWorkbookFile(zip, "a.ods")).code).toBe("encrypted");
  });

  it.each([
    ["a text file", strToU8("Xin chào, đây là báo cáo"), "bao-cao.xlsx"],
    ["a PDF", strToU8("%PDF-1.4\n..."), "bao-cao.xls"],
    ["a Word document", zipSync({ "[Content_Types].xml": strToU8("<Types/>"), "word/document.xml": strToU8("<w:document/>") }), "bao-cao.xlsx"],
  ])("not a workbook: %s", (_name, bytes, file) => {
    const e = readError(() => readWorkbookFile(bytes, file));
    expect(e.code).toBe("not-a-workbook");
    expect(e.message).toContain(file);
    // It names every kind the reader reads, from the one list (not only .xlsx, .xls, .ods).
    expect(e.message).toContain(`đây không phải là ${SPREADSHEET_KINDS_TEXT}`);
    for (const kind of [".xlsx", ".xls", ".ods", ".fods", ".csv", ".htm"]) expect(e.message).toContain(kind);
  });

  it("says what a file sent by mistake is: Excel's owner file, the frame page of \"Save as Web Page\", a PDF", () => {
    const owner = readError(() => readWorkbookFile(strToU8("\u0007Nguyen Van A                                   "), "~$Bao cao Ban Bo.xlsx"));
    expect(owner.code).toBe("not-a-workbook");
    expect(owner.message).toContain('tệp tạm Excel tạo ra khi sổ làm việc đang mở; hãy dùng tệp "Bao cao Ban Bo.xlsx"');
    const frame = `<html xmlns:x="urn:schemas-microsoft-com:office:excel"><head><meta name="Excel Workbook Frameset"><meta name=ProgId content=Excel.Sheet></head><frameset rows="*,39"><frame src="Bao%20cao_files/sheet001.htm"></frameset></html>`;
    const page = readError(() => readWorkbookFile(strToU8(frame), "Bao cao.htm"));
    expect(page.code).toBe("not-a-workbook");
    expect(page.message).toContain('các trang tính nằm trong thư mục "…_files" đi kèm');
    expect(readError(() => readWorkbookFile(strToU8("%PDF-1.4\n..."), "bao-cao.xls")).message).toContain("(tệp PDF)");
  });

  it("says the sizes of a zip past its limits in kilobytes or megabytes, as people read them", () => {
    const big = zipSync({ "xl/workbook.xml": new Uint8Array(300_000).fill(32), "[Content_Types].xml": strToU8("<Types/>") });
    const entry = readError(() => readWorkbookFile(big, "nen.xlsx", { maxEntryBytes: 2 * 1_048_576 + 1, maxInflatedBytes: 3 * 1_048_576 }));
    expect(entry.code).not.toBe("zip-bomb");
    const tooBig = readError(() => readWorkbookFile(big, "nen.xlsx", { maxEntryBytes: 100_000 }));
    expect(tooBig.message).toContain('mục "xl/workbook.xml" khai báo 293,0 KB khi giải nén, tối đa 97,7 KB');
    const total = readError(() => readWorkbookFile(big, "nen.xlsx", { maxInflatedBytes: 1_048_576 / 8 }));
    expect(total.message).toContain("tổng dung lượng khai báo khi giải nén vượt 128 KB");
    expect(`${tooBig.message} ${total.message}`).not.toMatch(/\d{4,} byte/);
  });

  it.each(["rong.xlsx", "rong.xls", "rong.ods", "rong.csv", "rong.htm"])("an empty file (%s) is said to be empty, likely broken on its way through email", (file) => {
    const expected = `Không đọc được tệp ${file}. Tệp rỗng (0 byte), có thể bị hỏng khi tải về từ thư điện tử; đề nghị đơn vị gửi lại.`;
    for (const read of [readWorkbookFile, readWorkbook]) {
      const e = readError(() => read(new Uint8Array(0), file));
      expect({ code: e.code, message: e.message }).toEqual({ code: "empty-file", message: expected });
    }
  });

  it("reports a corrupt zip", () => {
    const zip = zipSync({ "xl/workbook.xml": strToU8("<workbook>".repeat(1000)) });
    const broken = zip.slice(0, Math.floor(zip.length / 2));
    expect(["corrupt", "not-a-workbook"]).toContain(readError(() => readWorkbookFile(broken, "hong.xlsx")).code);
  });

  it("rejects a workbook with too many cells", async () => {
    const rows = Array.from({ length: 200 }, (_, r) => Array.from({ length: 10 }, (_, c) => r * 10 + c));
    const bytes = await writeSpecXlsx({ sheets: [{ name: "S", rows }] });
    expect(readError(() => readWorkbookFile(bytes, "nhieu.xlsx", { maxCells: 1000 })).code).toBe("too-many-cells");
    expect(readWorkbookFile(bytes, "nhieu.xlsx").sheets[0]!.rows.length).toBe(200);
  });

  it("reports an empty workbook", async () => {
    const bytes = await writeSpecXlsx({ sheets: [{ name: "S", rows: [] }] });
    expect(readError(() => readWorkbookFile(bytes, "trong.xlsx")).code).toBe("empty");
  });
});

describe("cell values", () => {
  it("converts dates to UTC dates, keeps formulas and number formats", async () => {
    const bytes = await writeSpecXlsx({
      sheets: [{ name: "S", rows: [[new Date(Date.UTC(2021, 3, 7)), { v: 0.974, z: "0.0%" }, { f: "1+1" }, "1.234"]] }],
    });
    const row = readWorkbookFile(bytes, "a.xlsx").sheets[0]!.rows[0]!;
    expect((row[0]!.v as Date).toISOString()).toBe("2021-04-07T00:00:00.000Z");
    expect(row[1]).toMatchObject({ v: 0.974, z: "0.0%" });
    expect(row[2]!.f).toBe("1+1");
    expect(row[3]!.v).toBe("1.234");
  });
});
