/**
 * Reading the open workbook through Office.js (against the recording fake):
 * the grids must read like a file does, in a bounded number of syncs, and no
 * sync may carry more than Excel on the web accepts.
 */
import { SHEET_GEOMETRY, buildUnitWorkbook, buildUnitsSheet } from "../../../src/domain/sheets";
import { targetsOfWorkbook } from "../../../src/domain/check";
import { readUnitReport } from "../../../src/domain/read";
import { IDENTITY_SHEET } from "../../../src/domain/model/identity";
import { readOpenWorkbook, WorkbookTooLargeError, READ_CELLS_PER_SYNC } from "../../../src/hosts/excel/read-workbook";
import { createWorkbookUseCases } from "../../../src/hosts/excel/workbook-services";
import { indicatorRow } from "../../support/fill";
import { FakeWorkbook } from "./fake-excel";
import { loadLayout, serialOf } from "./layout-book";

/** Excel on the web refuses requests and responses over 5 MB. */
const LIMIT = 5 * 1024 * 1024;

function unitBook(): FakeWorkbook {
  const book = new FakeWorkbook();
  loadLayout(
    book,
    buildUnitWorkbook({ unitName: "Đảng ủy xã Bản Bo", unitCode: "BAN-BO", place: "Bản Bo", level: "co-so", created: "2021-05-02" }),
  );
  const ind = book.sheet("Chỉ tiêu");
  const put = (id: string, total: number, achieved: number): void => {
    const r = indicatorRow(id);
    ind.cellFor(r, 3).value = total;
    ind.cellFor(r, 4).value = achieved;
  };
  put("1.1", 120, 118);
  put("4.1", 1500, 1300);
  put("5", 1, 1);
  const docs = book.sheet("Văn bản");
  const r = SHEET_GEOMETRY.firstDataRow;
  docs.cellFor(r, 1).value = "15-KH/ĐU";
  docs.cellFor(r, 2).value = serialOf("2016-12-01");
  docs.cellFor(r, 3).value = "Kế hoạch thực hiện Đề án 241";
  docs.cellFor(r, 4).value = "Đảng ủy xã Bản Bo";
  return book;
}

describe("readWorkbook", () => {
  test("reads only the sheets asked for (names compared without case or diacritics), and their targets", async () => {
    const book = unitBook();
    const grid = await createWorkbookUseCases({ apiVersion: 14, run: book.run }).readWorkbook(["MUC TIEU"]);
    expect(book.lastSyncs).toHaveLength(2);
    expect(grid.sheets.map((s) => s.name)).toEqual(["Mục tiêu"]);
    const used = targetsOfWorkbook(grid);
    expect(used).toMatchObject({ source: "de-an-241", sheet: "Mục tiêu", changed: [], issues: [] });
    expect(used.targets["1.3"]).toEqual({ op: ">", value: 95 });
  });

  test("reads a unit's workbook so the domain reader finds its figures and dates, in 2 syncs", async () => {
    const book = unitBook();
    const grid = await createWorkbookUseCases({ apiVersion: 14, run: book.run }).readWorkbook();
    expect(book.lastSyncs).toHaveLength(2);
    expect(grid.sheets.map((s) => s.name)).toEqual(["Văn bản", "Chỉ tiêu", "Mục tiêu", IDENTITY_SHEET]);
    expect(grid.sheets[3]!.visibility).toBe("veryHidden");

    const date = grid.sheets[0]!.rows[SHEET_GEOMETRY.firstDataRow]![2]!.v;
    expect(date).toBeInstanceOf(Date);
    expect((date as Date).toISOString()).toBe("2016-12-01T00:00:00.000Z");
    // Merged header cells come back as merges.
    expect(grid.sheets[1]!.merges.length).toBeGreaterThan(3);

    const report = readUnitReport(grid, "Sổ làm việc đang mở");
    expect(report.unit.name).toBe("Đảng ủy xã Bản Bo");
    expect(report.indicators["1.1"]).toMatchObject({ total: 120, achieved: 118 });
    expect(report.indicators["4.1"]).toMatchObject({ total: 1500, achieved: 1300 });
    expect(report.indicators["1.2"]).toMatchObject({ total: null, achieved: null });
    expect(report.documents).toHaveLength(1);
    expect(report.documents[0]).toMatchObject({ codeText: "15-KH/ĐU", date: "2016-12-01", issuer: "Đảng ủy xã Bản Bo" });
    expect(report.issues.filter((i) => i.severity === "error")).toEqual([]);
  });

  test("keeps formulas and tells formula text apart from a formula", async () => {
    const book = new FakeWorkbook(["Sheet1"]);
    const s = book.sheet("Sheet1");
    s.put("A1", { formula: "SUM(B1:B2)", value: 3 });
    s.put("A2", { value: "=1+2", numberFormat: "@" });
    s.put("A3", { value: 0.5, numberFormat: "0.00%" });
    const grid = await createWorkbookUseCases({ apiVersion: 12, run: book.run }).readWorkbook();
    const rows = grid.sheets[0]!.rows;
    expect(rows[0]![0]).toEqual({ v: 3, f: "SUM(B1:B2)" });
    expect(rows[1]![0]).toEqual({ v: "=1+2", z: "@" });
    expect(rows[2]![0]).toEqual({ v: 0.5, z: "0.00%" });
    // Without ExcelApi 1.13 merged areas are not asked for.
    expect(grid.sheets[0]!.merges).toEqual([]);
  });

  test("reads a 300,000-cell sheet in row blocks, no sync over 5 MB, 2 + ceil(cells / limit) syncs at most", async () => {
    const book = new FakeWorkbook(["Nhỏ", "Lớn"]);
    book.sheet("Nhỏ").put("B2", { value: "nhỏ" });
    const big = book.sheet("Lớn");
    const rows = 30_000;
    const cols = 10;
    for (let r = 0; r < rows; r++) for (let c = 0; c < cols; c++) big.cellFor(r, c).value = r * cols + c;
    const grid = await createWorkbookUseCases({ apiVersion: 14, run: book.run }).readWorkbook();
    const syncs = book.lastSyncs;
    expect(syncs.length).toBeGreaterThan(2);
    expect(syncs.length).toBeLessThanOrEqual(2 + Math.ceil((rows * cols) / READ_CELLS_PER_SYNC));
    for (const s of syncs) {
      expect(s.response).toBeLessThan(LIMIT);
      expect(s.request).toBeLessThan(LIMIT);
    }
    const sheet = grid.sheets[1]!;
    let count = 0;
    for (const row of sheet.rows) for (const cell of row ?? []) if (cell) count++;
    expect(count).toBe(rows * cols);
    expect(sheet.rows[rows - 1]![cols - 1]!.v).toBe(rows * cols - 1);
    expect(sheet.rows[12_345]![7]!.v).toBe(12_345 * cols + 7);
    expect(grid.sheets[0]!.rows[1]![1]!.v).toBe("nhỏ");
  });

  test("reads cells right of the first window too", async () => {
    const book = new FakeWorkbook(["Rộng"]);
    const s = book.sheet("Rộng");
    s.put("A1", { value: "đầu" });
    s.put("CZ3", { value: "xa" });
    const grid = await createWorkbookUseCases({ apiVersion: 14, run: book.run }).readWorkbook();
    expect(grid.sheets[0]!.rows[2]![103]!.v).toBe("xa");
    expect(book.lastSyncs).toHaveLength(3);
  });

  test("refuses a workbook over the cell limit with a Vietnamese message", async () => {
    const book = new FakeWorkbook(["Sheet1"]);
    book.sheet("Sheet1").put("A1", { value: 1 });
    book.sheet("Sheet1").put("J100", { value: 2 });
    await expect(
      book.run((context) => readOpenWorkbook(context, { apiVersion: 14, maxCells: 999 })),
    ).rejects.toThrow(WorkbookTooLargeError);
    await expect(book.run((context) => readOpenWorkbook(context, { apiVersion: 14, maxCells: 999 }))).rejects.toThrow(
      /vượt giới hạn/,
    );
  });
});

describe("readUnits", () => {
  test("reads the Đơn vị sheet, and null without one", async () => {
    const book = new FakeWorkbook(["Sheet1"]);
    const services = createWorkbookUseCases({ apiVersion: 14, run: book.run });
    expect(await services.readUnits()).toBeNull();
    expect(book.lastSyncs).toHaveLength(1);

    loadLayout(book, {
      sheets: [
        buildUnitsSheet([
          { name: "Đảng ủy xã Bản Bo", code: "BAN-BO", level: "co-so" },
          { name: "Phòng Văn hóa - Thông tin", level: "huyen", email: "vhtt@example.vn" },
        ]),
      ],
    });
    const units = await services.readUnits();
    expect(units).toEqual([
      { name: "Đảng ủy xã Bản Bo", code: "BAN-BO", level: "co-so" },
      // A unit of the built-in list keeps its code, header format and superior line, as from a .csv or .xlsx list.
      { name: "Phòng Văn hóa - Thông tin", code: "PHONG-VH-TT", level: "huyen", email: "vhtt@example.vn", format: "state", superior: "UBND HUYỆN TAM ĐƯỜNG" },
    ]);
    expect(book.lastSyncs.length).toBeLessThanOrEqual(2);
  });
});
