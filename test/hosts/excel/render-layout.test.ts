/**
 * The Office.js renderer against a recording fake of the Excel API: it must
 * write the same values and formulas as the .xlsx writer, in at most three
 * syncs, and skip what older Excel versions lack with a notice.
 */
import * as XLSX from "@e965/xlsx";
import { cellAddress, parseRange } from "../../../src/domain/model/grid";
import { IDENTITY_SHEET } from "../../../src/domain/model/identity";
import { buildUnitWorkbook, type WorkbookLayout } from "../../../src/domain/sheets";
import {
  insertLayout,
  LayoutConflictError,
  SKIPPED_PAGE_LAYOUT,
  SKIPPED_VALIDATION,
} from "../../../src/hosts/excel/render-layout";
import { writeWorkbookXlsx } from "../../../src/io/write";
import { planInsert } from "../../../src/domain/sheets/plan-insert";

interface FakeCell {
  value?: unknown;
  formula?: string;
  numberFormat?: string;
}

/** Records property writes and calls under a path ("format.font.bold = true"). */
function recorder(log: string[], path: string): unknown {
  const fn = function () {};
  return new Proxy(fn, {
    get(_t, prop) {
      if (typeof prop === "symbol") return undefined;
      return recorder(log, `${path}.${prop}`);
    },
    set(_t, prop, value) {
      log.push(`${path}.${String(prop)} = ${JSON.stringify(value)}`);
      return true;
    },
    apply(_t, _this, args) {
      log.push(`${path}(${args.map((a) => JSON.stringify(a)).join(", ")})`);
      return recorder(log, `${path}()`);
    },
  });
}

class FakeRange {
  constructor(
    private readonly sheet: FakeSheet,
    readonly address: string,
  ) {}
  private bounds() {
    if (!/^[A-Z]+\d+(:[A-Z]+\d+)?$/.test(this.address)) throw new Error(`cell data on a non-cell range ${this.address}`);
    const range = parseRange(this.address)!;
    return { r1: range.s.r, c1: range.s.c, r2: range.e.r, c2: range.e.c };
  }
  private each<T>(m: T[][], put: (cell: FakeCell, v: T) => void): void {
    const b = this.bounds();
    if (m.length !== b.r2 - b.r1 + 1 || m.some((row) => row.length !== b.c2 - b.c1 + 1)) {
      throw Object.assign(new Error(`dimension mismatch at ${this.address}`), { code: "InvalidArgument" });
    }
    m.forEach((row, i) =>
      row.forEach((v, j) => {
        const key = cellAddress(b.r1 + i, b.c1 + j);
        const cell = this.sheet.cells.get(key) ?? {};
        put(cell, v);
        this.sheet.cells.set(key, cell);
      }),
    );
  }
  set values(m: unknown[][]) {
    this.each(m, (cell, v) => {
      if (v === null) return; // Office.js leaves the cell unchanged
      if (typeof v === "string" && v.startsWith("=") && cell.numberFormat !== "@") {
        cell.formula = v.slice(1);
        delete cell.value;
      } else {
        cell.value = v;
        delete cell.formula;
      }
    });
  }
  set formulas(m: unknown[][]) {
    this.each(m, (cell, v) => {
      const s = String(v);
      if (s.startsWith("=")) {
        cell.formula = s.slice(1);
        delete cell.value;
      } else cell.value = v;
    });
  }
  set numberFormat(m: string[][]) {
    this.each(m, (cell, v) => {
      cell.numberFormat = v;
    });
  }
  get format(): unknown {
    return recorder(this.sheet.log, `${this.address}.format`);
  }
  get dataValidation(): unknown {
    return recorder(this.sheet.log, `${this.address}.dataValidation`);
  }
  get conditionalFormats(): unknown {
    return recorder(this.sheet.log, `${this.address}.conditionalFormats`);
  }
  merge(across: boolean): void {
    this.sheet.merges.push(this.address);
    this.sheet.log.push(`${this.address}.merge(${across})`);
  }
}

class FakeSheet {
  readonly cells = new Map<string, FakeCell>();
  readonly merges: string[] = [];
  readonly log: string[] = [];
  visibility = "Visible";
  deleted = false;
  constructor(
    readonly book: FakeWorksheets,
    public name: string,
  ) {}
  getRange(address: string): FakeRange {
    return new FakeRange(this, address);
  }
  get pageLayout(): unknown {
    return recorder(this.log, "pageLayout");
  }
  get horizontalPageBreaks(): unknown {
    return recorder(this.log, "horizontalPageBreaks");
  }
  get verticalPageBreaks(): unknown {
    return recorder(this.log, "verticalPageBreaks");
  }
  get protection(): unknown {
    return recorder(this.log, "protection");
  }
  activate(): void {
    this.log.push("activate()");
  }
  delete(): void {
    this.deleted = true;
    this.book.sheets.splice(this.book.sheets.indexOf(this), 1);
  }
}

class FakeWorksheets {
  readonly sheets: FakeSheet[] = [];
  private loaded = false;
  private loadPending = false;
  constructor(readonly context: FakeContext) {}
  load(what: string): void {
    expect(what).toBe("items/name");
    this.loadPending = true;
  }
  onSync(): void {
    if (this.loadPending) this.loaded = true;
  }
  get items(): FakeSheet[] {
    if (!this.loaded) throw Object.assign(new Error("PropertyNotLoaded"), { code: "PropertyNotLoaded" });
    return [...this.sheets];
  }
  add(name: string): FakeSheet {
    if (this.sheets.some((s) => s.name.toLowerCase() === name.toLowerCase())) {
      throw Object.assign(new Error("exists"), { code: "ItemAlreadyExists" });
    }
    const s = new FakeSheet(this, name);
    this.sheets.push(s);
    return s;
  }
  getItem(name: string): FakeSheet {
    const s = this.sheets.find((x) => x.name === name);
    if (!s) throw Object.assign(new Error("not found"), { code: "ItemNotFound" });
    return s;
  }
}

/** Document settings (the insert notes the sheets it adds until it completes). */
class FakeSettings {
  readonly values = new Map<string, unknown>();
  getItemOrNullObject(key: string) {
    const values = this.values;
    return {
      load(): void {},
      get isNullObject(): boolean {
        return !values.has(key);
      },
      get value(): unknown {
        return values.get(key);
      },
    };
  }
  getItem(key: string) {
    if (!this.values.has(key)) throw Object.assign(new Error("not found"), { code: "ItemNotFound" });
    return { delete: () => this.values.delete(key) };
  }
  add(key: string, value: unknown): void {
    this.values.set(key, value);
  }
}

class FakeContext {
  syncs = 0;
  readonly workbook: { worksheets: FakeWorksheets; settings: FakeSettings };
  constructor(existing: string[] = []) {
    const ws = new FakeWorksheets(this);
    for (const n of existing) ws.add(n);
    this.workbook = { worksheets: ws, settings: new FakeSettings() };
  }
  async sync(): Promise<void> {
    this.syncs++;
    this.workbook.worksheets.onSync();
  }
  sheet(name: string): FakeSheet {
    return this.workbook.worksheets.getItem(name);
  }
}

const asContext = (c: FakeContext) => c as unknown as Excel.RequestContext;
const LAYOUT: WorkbookLayout = buildUnitWorkbook({
  unitName: "Đảng ủy xã Bản Bo",
  unitCode: "BAN-BO",
  place: "Bản Bo",
  level: "co-so",
  created: "2021-05-02",
});

describe("insertLayout", () => {
  test("writes the same values and formulas as the .xlsx file, in at most 3 syncs", async () => {
    const context = new FakeContext(["Sheet1"]);
    const result = await insertLayout(asContext(context), LAYOUT, { apiVersion: 14 });
    expect(context.syncs).toBeLessThanOrEqual(3);
    expect(result.skipped).toEqual([]);

    const file = XLSX.read(await writeWorkbookXlsx(LAYOUT), { type: "array", cellFormula: true, sheetStubs: true });
    let compared = 0;
    for (const sheet of LAYOUT.sheets) {
      const fake = context.sheet(sheet.name);
      const ws = file.Sheets[sheet.name]!;
      const fileCells = Object.keys(ws).filter((k) => !k.startsWith("!"));
      const addresses = new Set([...fileCells, ...fake.cells.keys()]);
      for (const address of addresses) {
        const f = ws[address] as XLSX.CellObject | undefined;
        const g = fake.cells.get(address);
        const fromFile = f?.f !== undefined ? { formula: f.f } : f?.v !== undefined && f.t !== "z" ? { value: f.v } : {};
        const fromFake = g?.formula !== undefined ? { formula: g.formula } : g?.value !== undefined ? { value: g.value } : {};
        expect({ address, ...fromFake }).toEqual({ address, ...fromFile });
        if ("value" in fromFile || "formula" in fromFile) compared++;
      }
      expect(fake.merges.sort()).toEqual([...sheet.merges].sort());
    }
    expect(compared).toBeGreaterThan(100);

    const chiTieu = context.sheet("Chỉ tiêu");
    expect(chiTieu.log.some((l) => l.startsWith("D9:D31.dataValidation.rule = ") && l.includes('"wholeNumber"'))).toBe(true);
    expect(chiTieu.log).toContain('pageLayout.setPrintTitleRows("$8:$8")');
    expect(chiTieu.log).toContain('pageLayout.paperSize = "A4"');
    expect(chiTieu.log).toContain('pageLayout.zoom = {"horizontalFitToPages":1,"verticalFitToPages":0}');
    expect(chiTieu.log).toContain('pageLayout.orientation = "Landscape"');
    // "Mục tiêu 05" starts a page, as in the .xlsx file.
    const breaks = LAYOUT.sheets.find((s) => s.name === "Chỉ tiêu")!.pageSetup!.rowBreaks!;
    expect(breaks).toHaveLength(1);
    expect(chiTieu.log).toContain(`horizontalPageBreaks.add("A${breaks[0]! + 1}")`);
    expect(chiTieu.log.some((l) => l.startsWith("protection.protect(") && l.includes('"allowFormatCells":true'))).toBe(true);
    expect(chiTieu.log.some((l) => l === 'F10.conditionalFormats.add("Custom")')).toBe(true);
    expect(context.sheet("Văn bản").log.some((l) => l.includes('"date"') && l.includes("DATE(2016,9,30)"))).toBe(true);
    expect(context.sheet(IDENTITY_SHEET).visibility).toBe("VeryHidden");
  });

  test("with ExcelApi 1.7, skips validation and page layout with Vietnamese notices", async () => {
    const context = new FakeContext();
    const result = await insertLayout(asContext(context), LAYOUT, { apiVersion: 7 });
    expect(result.skipped).toEqual(expect.arrayContaining([SKIPPED_VALIDATION, SKIPPED_PAGE_LAYOUT]));
    expect(result.skipped).toHaveLength(2);
    const log = context.sheet("Chỉ tiêu").log;
    expect(log.some((l) => l.includes("dataValidation"))).toBe(false);
    expect(log.some((l) => l.startsWith("pageLayout"))).toBe(false);
    expect(log.some((l) => l.startsWith("protection.protect("))).toBe(true);
    expect(context.sheet("Chỉ tiêu").cells.get("B10")?.value).toBe(
      "100% cán bộ lãnh đạo, quản lý từ huyện đến cơ sở được bồi dưỡng, cập nhật kiến thức theo quy định",
    );
    expect(context.syncs).toBeLessThanOrEqual(3);
  });

  test("sync count does not grow with the number of rows", async () => {
    const big = buildUnitWorkbook({ unitName: "Chi bộ A", place: "Tam Đường", level: "co-so", documentRows: 400, created: "2021-05-01" });
    const context = new FakeContext();
    await insertLayout(asContext(context), big, { apiVersion: 14 });
    expect(context.syncs).toBeLessThanOrEqual(3);
    expect(context.sheet("Văn bản").cells.get("A408")?.formula).toBe('IF(COUNTA(B408:E408)=0,"",ROW()-8)');
  });

  test("writes text that looks like a formula as text", async () => {
    const tricky = buildUnitWorkbook({ unitName: "=1+2", place: "-Bản Bo", level: "co-so", created: "2021-05-01" });
    const context = new FakeContext();
    await insertLayout(asContext(context), tricky, { apiVersion: 14 });
    const a2 = context.sheet("Chỉ tiêu").cells.get("A2");
    expect(a2).toMatchObject({ value: "=1+2", numberFormat: "@" });
    expect(a2?.formula).toBeUndefined();
    expect(context.sheet(IDENTITY_SHEET).cells.get("B5")).toMatchObject({ value: "=1+2", numberFormat: "@" });
  });

  test("never deletes a user's sheet: asks first, then keeps it under a new name", async () => {
    const context = new FakeContext(["Chỉ tiêu", "Khác"]);
    context.sheet("Chỉ tiêu").getRange("A1").values = [["số liệu cũ"]];
    await expect(insertLayout(asContext(context), LAYOUT, { apiVersion: 14 })).rejects.toBeInstanceOf(LayoutConflictError);
    expect(context.sheet("Chỉ tiêu").cells.get("A1")?.value).toBe("số liệu cũ");

    const today = new Date(2021, 5, 9);
    const result = await insertLayout(asContext(context), LAYOUT, { apiVersion: 14, renameExisting: true, today });
    expect(result.renamed).toEqual([{ name: "Chỉ tiêu", renameTo: "Chỉ tiêu (cũ 09-06-2021)" }]);
    expect(context.sheet("Chỉ tiêu (cũ 09-06-2021)").cells.get("A1")?.value).toBe("số liệu cũ");
    expect(context.sheet("Chỉ tiêu").cells.get("A1")?.value).toBe("ĐẢNG BỘ HUYỆN TAM ĐƯỜNG");
  });
});

describe("planInsert", () => {
  const today = new Date(2021, 5, 9);
  test("reports clashes case-insensitively and finds free names within 31 characters", () => {
    const plan = planInsert(["văn bản", "Văn bản (cũ 09-06-2021)", "Sheet1", IDENTITY_SHEET], LAYOUT, today);
    expect(plan.conflicts).toEqual([{ name: "văn bản", renameTo: "văn bản (cũ 09-06-2021 2)" }]);
    expect(plan.replacesIdentity).toBe(true);
    const long = planInsert(["Văn bản"], { sheets: [{ ...LAYOUT.sheets[0]!, name: "Văn bản" }] }, today);
    for (const c of long.conflicts) expect(c.renameTo.length).toBeLessThanOrEqual(31);
    expect(planInsert(["Sheet1"], LAYOUT, today)).toEqual({ conflicts: [], replacesIdentity: false });
  });
});
