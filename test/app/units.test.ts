/**
 * "Read unit list", one use case for every surface: the open workbook's
 * "Đơn vị" sheet (Excel), a .csv and an .xlsx give the same units, with what
 * the built-in list knows of each (code, header format, superior line).
 */
import * as XLSX from "@e965/xlsx";
import { readUnitsList } from "../../src/app/files";
import { readUnitList } from "../../src/app/read-units";
import { unitsFromSheet } from "../../src/app/units";
import { createWorkbookUseCases } from "../../src/hosts/excel/workbook-services";
import { FakeWorkbook } from "../hosts/excel/fake-excel";

const ROWS = [
  ["Tên đơn vị", "Mã", "Cấp", "Email"],
  ["Đảng ủy xã Bản Bo", "BB", "cơ sở", "bb@example.org"],
  ["Phòng Nội vụ", "", "huyện", ""],
  ["Chi bộ Trường THPT Tam Đường", "", "", ""],
];

const csv = (rows: string[][]) => new TextEncoder().encode("\ufeff" + rows.map((r) => r.join(",")).join("\n") + "\n");

function xlsx(rows: string[][]): Uint8Array {
  const wb = XLSX.utils.book_new();
  XLSX.utils.book_append_sheet(wb, XLSX.utils.aoa_to_sheet([["Ghi chú"]]), "Khác");
  XLSX.utils.book_append_sheet(wb, XLSX.utils.aoa_to_sheet(rows.map((r) => r.map((v) => (v === "" ? null : v)))), "Đơn vị");
  return new Uint8Array(XLSX.write(wb, { type: "array", bookType: "xlsx" }) as ArrayBuffer);
}

describe("read unit list", () => {
  it("the Excel “Đơn vị” sheet gives the same units as the same list in a .csv or an .xlsx file", async () => {
    const book = new FakeWorkbook(["Chỉ tiêu"]);
    const sheet = book.addSheet("Đơn vị");
    ROWS.forEach((row, r) => row.forEach((value, c) => value !== "" && sheet.put(`${String.fromCharCode(65 + c)}${r + 1}`, { value })));
    const fromExcel = await createWorkbookUseCases({ apiVersion: 14, run: book.run }).readUnits();

    const fromCsv = (await readUnitsList({ name: "don-vi.csv", bytes: csv(ROWS) })).units;
    const fromXlsx = readUnitList({ name: "don-vi.xlsx", bytes: xlsx(ROWS) }).units;
    expect(fromExcel).toEqual(fromCsv);
    expect(fromXlsx).toEqual(fromCsv);
    expect(fromCsv.map((u) => u.name)).toEqual(["Đảng ủy xã Bản Bo", "Phòng Nội vụ", "Chi bộ Trường THPT Tam Đường"]);
    expect(fromCsv[0]).toMatchObject({ code: "BB", level: "co-so", email: "bb@example.org" });
    // Known to the built-in list: its code, header format and superior line.
    expect(fromCsv[1]).toMatchObject({ code: "PHONG-NOI-VU", level: "huyen", format: "state", superior: "UBND HUYỆN TAM ĐƯỜNG" });
  });

  it("turns a sheet into units with the sheet's issues", () => {
    const list = unitsFromSheet({
      name: "Đơn vị",
      visibility: "visible",
      rows: [[{ v: "Tên đơn vị" }], [{ v: "Phòng Nội vụ" }], [{ v: "Phòng Nội vụ" }]],
      merges: [],
    });
    expect(list.sheet).toBe("Đơn vị");
    expect(list.units).toHaveLength(1);
    expect(list.issues.map((i) => i.rule)).toEqual(["units.duplicate"]);
  });

  it("rejects a file it cannot read, or with no unit, naming the file", () => {
    expect(() => readUnitList({ name: "trong.csv", bytes: csv([["Tên đơn vị"]]) })).toThrow(/trong\.csv/);
    expect(() => readUnitList({ name: "hong.xlsx", bytes: new Uint8Array([0x50, 0x4b, 3, 4, 9, 9, 9]) })).toThrow(/hong\.xlsx/);
  });
});
