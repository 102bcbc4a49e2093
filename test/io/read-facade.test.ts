/**
 * The reading facade picks the reader by the file's kind in one place: the
 * lean reader for .xlsx (SheetJS where it does not understand a file), SheetJS
 * for .xls/.ods, UTF-8 text for .csv. Kiểm tra and Tổng hợp read one file the
 * same way.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import * as XLSX from "@e965/xlsx";
import { checkFile } from "../../src/app/check";
import { readSource } from "../../src/app/sources";
import { readWorkbook, readWorkbookFile, WorkbookReadError } from "../../src/io/read";
import { readWorkbookFast } from "../../src/io/read/lean";
import { INPUT_KINDS_TEXT, isCsvName, isInputName, isSpreadsheetName, isWorkbookName, SPREADSHEET_KINDS_TEXT } from "../../src/io/read/formats";
import { REPO } from "../support/build";

const sample = (name: string) => new Uint8Array(readFileSync(join(REPO, "assets/samples", name)));

describe("readWorkbook", () => {
  it("reads an .xlsx the lean way, an .ods with SheetJS", () => {
    const bytes = sample("Dang-uy-xa-Ban-Bo.xlsx");
    expect(readWorkbook(bytes, "a.xlsx")).toEqual(readWorkbookFast(bytes, "a.xlsx"));
    const wb = XLSX.utils.book_new();
    XLSX.utils.book_append_sheet(wb, XLSX.utils.aoa_to_sheet([["Tên đơn vị"], ["Đảng ủy xã Bản Bo"]]), "Đơn vị");
    const ods = new Uint8Array(XLSX.write(wb, { type: "array", bookType: "ods" }) as ArrayBuffer);
    expect(readWorkbook(ods, "b.ods")).toEqual(readWorkbookFile(ods, "b.ods"));
  });

  it("reads a .csv as UTF-8 text, one sheet named after the file, and keeps the size limit", () => {
    const grid = readWorkbook(new TextEncoder().encode("\ufeffTên đơn vị;Mã\nĐảng ủy xã Bản Bo;BB\n"), "thu-muc/don-vi.csv");
    expect(grid.sheets.map((s) => s.name)).toEqual(["don-vi"]);
    expect(grid.sheets[0]!.rows[1]!.map((c) => c?.v)).toEqual(["Đảng ủy xã Bản Bo", "BB"]);
    expect(() => readWorkbook(new Uint8Array(2048).fill(65), "lon.csv", { maxFileBytes: 1024 })).toThrow(WorkbookReadError);
  });

  it("gives the check and the merge the same reading of a file", () => {
    const file = { name: "Dang-uy-xa-Ho-Thau.xlsx", bytes: sample("Dang-uy-xa-Ho-Thau.xlsx") };
    return readSource(file).then((source) => expect(checkFile(file).report).toEqual(source.report));
  });

  it("knows the accepted kinds from one list", () => {
    // The kinds named in messages are the kinds read, every one of them.
    const named = (text: string) => text.match(/\.[a-z]+/g)!;
    const known = [".xlsx", ".xlsm", ".xls", ".ods", ".fods", ".xltx", ".xltm", ".ots", ".htm", ".html", ".csv", ".eml", ".msg", ".zip", ".rar", ".txt", ".docx", ".pdf"];
    expect(named(SPREADSHEET_KINDS_TEXT).sort()).toEqual(known.filter((e) => isSpreadsheetName(`a${e}`)).sort());
    expect(named(INPUT_KINDS_TEXT).sort()).toEqual(known.filter((e) => isInputName(`a${e}`)).sort());
    expect(INPUT_KINDS_TEXT).toBe("bảng tính (.xlsx, .xlsm, .xls, .ods, .fods, .xltx, .xltm, .ots, .csv), trang web (.htm, .html), thư điện tử (.eml, .msg) hoặc tệp nén (.zip, .rar)");
    expect(isWorkbookName("A.XLSM")).toBe(true);
    expect(isWorkbookName("a.csv")).toBe(false);
    expect(isCsvName("a.txt")).toBe(true);
  });
});
