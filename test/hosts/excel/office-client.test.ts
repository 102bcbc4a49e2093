/**
 * The Excel adapter on Microsoft's own Excel client (office-js), answered by
 * an in-memory workbook that refuses what Excel refuses (office-client/).
 */
import { INDICATORS } from "../../../src/domain/catalogue";
import { buildUnitWorkbook, INPUT_FILL, SHEET_GEOMETRY, type WorkbookLayout } from "../../../src/domain/sheets";
import { readUnitReport } from "../../../src/domain/read";
import { indicatorRow } from "../../support/fill";
import { cellAddress, MAX_COLUMNS } from "../../../src/domain/model/grid";
import { IDENTITY_SHEET } from "../../../src/domain/model/identity";
import { insertLayout } from "../../../src/hosts/excel/render-layout";
import { mergedAreas, readOpenWorkbook, splitAreas } from "../../../src/hosts/excel/read-workbook";
import { readWorkbookFile } from "../../../src/io/read";
import { writeWorkbookXlsx } from "../../../src/io/write";
import type { GridSheet, WorkbookGrid } from "../../../src/domain/model/grid";
import { createWorkbookUseCases } from "../../../src/hosts/excel/workbook-services";
import { BATCH_BYTES, splitSheet } from "../../../src/hosts/excel/batches";
import { writeSummaryLayout } from "../../../src/hosts/excel/summary";
import { planSummary } from "../../../src/domain/sheets/plan-summary";
import { HIGHLIGHT_FILL, HIGHLIGHT_SETTING } from "../../../src/hosts/excel/highlight";
import { runExcel } from "../../../src/hosts/excel/run";
import { failOnce, OfficeHarness, REQUEST_LIMIT, typed, type ActionInfo } from "./office-client";
import { HYPERLINK, summaryLayout } from "./summary-layout";

/** Every cell with a value or formula, as "A1: <type> <value> [=formula]" (a date as its ISO day). */
function cellsOf(sheet: GridSheet): string[] {
  const out: string[] = [];
  sheet.rows.forEach((row, r) =>
    row?.forEach((cell, c) => {
      // An empty text ("") is an empty cell to Excel (writing "" clears a cell).
      if (!cell || ((cell.v === undefined || cell.v === "") && cell.f === undefined)) return;
      const v = cell.v instanceof Date ? `date ${cell.v.toISOString().slice(0, 10)}` : cell.v === undefined ? "none" : `${typeof cell.v} ${JSON.stringify(cell.v)}`;
      out.push(`${cellAddress(r, c)}: ${cell.f !== undefined ? `=${cell.f}` : v}`);
    }),
  );
  return out;
}

/** The sheets of `names` of a grid, cell by cell. */
function sheetsOf(grid: WorkbookGrid, names: readonly string[]): Record<string, string[]> {
  return Object.fromEntries(names.map((name) => [name, cellsOf(grid.sheets.find((s) => s.name === name)!)]));
}

const UNIT = { unitName: "Đảng ủy xã Bản Bo", unitCode: "01", place: "Bản Bo", level: "co-so", created: "2021-05-02" } as const;

describe("the harness", () => {
  test("answers Microsoft's client: sheets added, loaded and renamed; errors at sync with the code", async () => {
    const h = new OfficeHarness();
    h.book.addSheet("Sheet1");
    const context = h.context();
    const added = context.workbook.worksheets.add("Chỉ tiêu");
    added.getRange("A1:B1").values = [["1.1", "x"]];
    await context.sync();
    const sheets = context.workbook.worksheets;
    sheets.load("items/name");
    await context.sync();
    expect(sheets.items.map((s) => s.name)).toEqual(["Sheet1", "Chỉ tiêu"]);
    expect(h.book.sheet("Chỉ tiêu").cell(0, 0)?.value).toBe(1.1);
    context.workbook.worksheets.add("chỉ TIÊU");
    await expect(context.sync()).rejects.toMatchObject({ code: "ItemAlreadyExists" });
    expect(h.unsupported).toEqual([]);
  });
});

describe("insert and read", () => {
  test("inserts the unit's sheets and reads them back", async () => {
    const h = new OfficeHarness();
    h.book.addSheet("Sheet1");
    const layout = buildUnitWorkbook(UNIT);
    await h.run((context) => insertLayout(context, layout, { apiVersion: 14 }));
    expect(h.unsupported).toEqual([]);
    const grid = await h.run((context) => readOpenWorkbook(context, { apiVersion: 14 }));
    expect(grid.sheets.map((s) => s.name)).toEqual(["Sheet1", ...layout.sheets.map((s) => s.name)]);
    expect(grid.sheets.find((s) => s.name === IDENTITY_SHEET)?.visibility).toBe("veryHidden");
  });
});


describe("text written as text", () => {
  test("the inserted sheets equal the .xlsx template cell for cell and type for type", async () => {
    const h = new OfficeHarness();
    h.book.addSheet("Sheet1");
    const layout = buildUnitWorkbook(UNIT);
    await h.run((context) => insertLayout(context, layout, { apiVersion: 14 }));
    const live = await h.run((context) => readOpenWorkbook(context, { apiVersion: 14 }));
    const file = readWorkbookFile(await writeWorkbookXlsx(layout), "mau.xlsx");
    const names = layout.sheets.map((s) => s.name);
    expect(names).toContain(IDENTITY_SHEET);
    const expected = sheetsOf(file, names);
    expect(Object.values(expected).flat().length).toBeGreaterThan(200);
    expect(sheetsOf(live, names)).toEqual(expected);
    // The cells Excel would otherwise turn into numbers and dates.
    const stt = h.book.sheet("Chỉ tiêu");
    expect([...stt.used()].map(([, , cell]) => cell.value)).toEqual(expect.arrayContaining(["1.1", "1.2", "1"]));
    const identity = [...h.book.sheet(IDENTITY_SHEET).used()].map(([, , cell]) => cell.value);
    expect(identity).toEqual(expect.arrayContaining(["2021-05-02", "01"]));
  });
});

describe("merged areas", () => {
  /** A workbook with a sheet of 3,000 merged areas and a sheet whose name has a comma, with a whole-row merge. */
  function mergedBook(): OfficeHarness {
    const h = new OfficeHarness();
    const many = h.book.addSheet("Danh sách");
    for (let r = 0; r < 3000; r++) {
      many.type(r, 0, `Đơn vị ${r + 1}`);
      many.merges.push({ r1: r, c1: 0, r2: r, c2: 2 });
    }
    const comma = h.book.addSheet("Chỉ tiêu, 2021");
    comma.type(0, 0, "BÁO CÁO");
    comma.type(2, 1, "Stt");
    comma.type(5, 3, 12);
    comma.merges.push({ r1: 0, c1: 0, r2: 0, c2: MAX_COLUMNS - 1 }, { r1: 2, c1: 1, r2: 3, c2: 2 });
    return h;
  }

  test("Excel refuses more than 512 merged areas in one range", async () => {
    const h = mergedBook();
    const context = h.context();
    const areas = context.workbook.worksheets.getItem("Danh sách").getRange().getMergedAreasOrNullObject();
    areas.load("address");
    await expect(context.sync()).rejects.toMatchObject({ code: "GeneralException" });
  });

  test("a sheet of 3,000 merged areas and a sheet named with a comma are read, merges included, in bounded requests", async () => {
    const h = mergedBook();
    const grid = await h.run((context) => readOpenWorkbook(context, { apiVersion: 14 }));
    expect(h.unsupported).toEqual([]);
    const many = grid.sheets.find((s) => s.name === "Danh sách")!;
    expect(many.merges).toHaveLength(3000);
    expect(many.merges[2999]).toEqual({ s: { r: 2999, c: 0 }, e: { r: 2999, c: 2 } });
    expect(many.rows[2999]?.[0]?.v).toBe("Đơn vị 3000");
    const comma = grid.sheets.find((s) => s.name === "Chỉ tiêu, 2021")!;
    expect(comma.merges).toEqual([
      { s: { r: 0, c: 0 }, e: { r: 0, c: MAX_COLUMNS - 1 } },
      { s: { r: 2, c: 1 }, e: { r: 3, c: 2 } },
    ]);
    expect(comma.rows[5]?.[3]?.v).toBe(12);
    // The merges came in requests Excel accepts; a handful, not one per area.
    expect(h.runs[0]).toBeLessThan(40);
    expect(h.maxRequestBytes).toBeLessThan(REQUEST_LIMIT);
  });

  test("a workbook under the limit is still read in 2 syncs, merges included", async () => {
    const h = new OfficeHarness();
    const comma = h.book.addSheet("Chỉ tiêu, 2021");
    comma.type(0, 0, "BÁO CÁO");
    comma.merges.push({ r1: 0, c1: 0, r2: 0, c2: MAX_COLUMNS - 1 }, { r1: 2, c1: 1, r2: 3, c2: 2 });
    const grid = await h.run((context) => readOpenWorkbook(context, { apiVersion: 14 }));
    expect(h.runs).toEqual([2]);
    expect(grid.sheets[0]!.merges).toHaveLength(2);
  });

  test("splitAreas keeps quoted sheet names whole", () => {
    expect(splitAreas("'Chỉ tiêu, 2021'!A1:B2, 'Chỉ tiêu, 2021'!1:1,'O''Neil, x'!C3")).toEqual([
      "'Chỉ tiêu, 2021'!A1:B2",
      "'Chỉ tiêu, 2021'!1:1",
      "'O''Neil, x'!C3",
    ]);
    expect(mergedAreas("Sheet1!A1:B4, Sheet1!D1:D4")).toEqual([
      { s: { r: 0, c: 0 }, e: { r: 3, c: 1 } },
      { s: { r: 0, c: 3 }, e: { r: 3, c: 3 } },
    ]);
  });
});

describe("safe to retry", () => {
  const TODAY = new Date(2026, 11, 3);


  test.each([
    ["writing Mục tiêu's values", (a: ActionInfo) => a.kind === "set" && a.name === "Values" && a.target.startsWith("'Mục tiêu'!")],
    ["adding Mục tiêu", (a: ActionInfo) => a.kind === "instantiate" && a.name === "Add" && a.args[0] === "Mục tiêu"],
    ["activating the first sheet", (a: ActionInfo) => a.kind === "method" && a.name === "Activate"],
  ])("an insert that failed at %s, run again, writes whole sheets and deletes nothing: what it left is kept under a dated name", async (_, matches) => {
    const h = new OfficeHarness({ fault: failOnce(matches) });
    h.book.addSheet("Sheet1");
    // The user's own sheet, named like a template sheet (Excel compares names without case).
    h.book.addSheet("chỉ tiêu").type(0, 0, "Số liệu của tôi");
    const layout = buildUnitWorkbook(UNIT);
    const services = createWorkbookUseCases({ apiVersion: 14, run: h.run, today: () => TODAY });
    await expect(services.insertLayout(layout, { renameExisting: true })).rejects.toMatchObject({ code: "GeneralException" });
    const left = h.book.sheets.map((s) => s.name).filter((n) => layout.sheets.some((l) => l.name === n && l.visibility !== "veryHidden"));
    await services.insertLayout(layout, { renameExisting: true });
    expect(h.unsupported).toEqual([]);
    const names = h.book.sheets.map((s) => s.name);
    expect(names.filter((n) => n === "Sheet1" || layout.sheets.some((l) => l.name === n)).sort()).toEqual(["Sheet1", ...layout.sheets.map((s) => s.name)].sort());
    expect(h.book.sheet("chỉ tiêu (cũ 03-12-2026)").cell(0, 0)?.value).toBe("Số liệu của tôi");
    // Each visible sheet the failed insert had added is still there, under a dated name.
    const kept = names.filter((n) => n !== "Sheet1" && n !== "chỉ tiêu (cũ 03-12-2026)" && !layout.sheets.some((l) => l.name === n));
    expect(kept).toHaveLength(left.length);
    expect(kept.every((n) => / \(cũ 03-12-2026( \d)?\)$/.test(n))).toBe(true);
    // The sheets are whole: as the template.
    const live = await h.run((context) => readOpenWorkbook(context, { apiVersion: 14 }));
    const file = readWorkbookFile(await writeWorkbookXlsx(layout), "mau.xlsx");
    const sheetNames = layout.sheets.map((s) => s.name);
    expect(sheetsOf(live, sheetNames)).toEqual(sheetsOf(file, sheetNames));
  });

  test("a summary write that failed half-way, run again, writes the whole summary and deletes nothing but identity sheets", async () => {
    const first = summaryLayout(3, "2021-06-20");
    const second = summaryLayout(4, "2021-06-26");
    const matches = (a: ActionInfo): boolean => a.kind === "set" && a.name === "Values" && a.target.includes("Tổng hợp văn bản");
    const h = new OfficeHarness({ fault: (a) => (armed ? fault(a) : undefined) });
    let armed = false;
    const fault = failOnce(matches);
    h.book.addSheet("Sheet1");
    const write = (layout: WorkbookLayout) => h.run((context) => writeSummaryLayout(context, layout, { apiVersion: 14, today: TODAY }));
    await write(first);
    const earlier = h.book.sheets.map((s) => s.name);
    armed = true;
    await expect(write(second)).rejects.toMatchObject({ code: "GeneralException" });
    await write(second);
    expect(h.unsupported).toEqual([]);
    const names = h.book.sheets.map((s) => s.name);
    const copies = names.filter((n) => n.includes("(cũ"));
    // A copy of each sheet of the earlier summary (its identity sheet is replaced, not copied), then of what the failed write left.
    const visible = earlier.filter((n) => n !== "Sheet1" && !n.startsWith("_"));
    for (const n of visible) expect(copies.some((c) => c.startsWith(n.slice(0, 10)) && c.endsWith("(cũ 03-12-2026)"))).toBe(true);
    expect(copies.length).toBeGreaterThan(visible.length);
    expect(copies.every((n) => / \(cũ 03-12-2026( \d)?\)$/.test(n))).toBe(true);
    expect(names.filter((n) => !n.includes("(cũ") && !n.startsWith("_")).sort()).toEqual(earlier.filter((n) => !n.startsWith("_")).sort());
  });
});

describe("measured request sizes", () => {
  const TODAY = new Date(2026, 11, 3);

  test("a summary of 1,000 units: every request under 5 MB as measured, and none over its estimate", async () => {
    const layout = summaryLayout(1000);
    const h = new OfficeHarness();
    h.book.addSheet("Sheet1");
    await h.run((context) => writeSummaryLayout(context, layout, { apiVersion: 14, today: TODAY }));
    expect(h.unsupported).toEqual([]);
    expect(h.maxRequestBytes).toBeLessThan(REQUEST_LIMIT);
    // Every write request holds at most BATCH_BYTES estimated: the estimate bounds the measured size.
    expect(Math.max(...h.responder.requestBytes.slice(1))).toBeLessThanOrEqual(BATCH_BYTES);
    // Part by part (each part its own request): no part measures more than its estimate.
    const each = new OfficeHarness();
    each.book.addSheet("Sheet1");
    await each.run((context) => writeSummaryLayout(context, layout, { apiVersion: 14, today: TODAY, blockBytes: 300_000, batchBytes: 300_000 }));
    const estimates = planSummary(["Sheet1"], [], layout, TODAY).sheets.flatMap((sheet) => splitSheet(sheet, 300_000).map((p) => p.bytes));
    // The parts packed into requests as writeSummaryLayout packs them (up to 300,000 estimated bytes).
    const batches: number[] = [];
    let load = 0;
    for (const bytes of estimates) {
      if (load > 0 && load + bytes > 300_000) {
        batches.push(load);
        load = 0;
      }
      load += bytes;
    }
    batches.push(load);
    const measured = each.responder.requestBytes.slice(1);
    expect(measured).toHaveLength(batches.length);
    measured.forEach((bytes, i) => expect(bytes).toBeLessThanOrEqual(batches[i]!));
    // Through Excel.run, as the add-in runs it (keep-reference actions added for every range): still under 5 MB,
    // and within the margin BATCH_BYTES leaves.
    const viaRun = new OfficeHarness();
    viaRun.book.addSheet("Sheet1");
    await viaRun.run((context) => writeSummaryLayout(context, layout, { apiVersion: 14, today: TODAY }), { delayForCellEdit: true });
    expect(viaRun.unsupported).toEqual([]);
    expect(viaRun.maxRequestBytes).toBeLessThan(REQUEST_LIMIT);
    expect(Math.max(...viaRun.responder.requestBytes.slice(1))).toBeLessThanOrEqual(BATCH_BYTES * 1.3);
    // Text from the units' files stays text.
    const docs = [...h.book.sheets.flatMap((s) => [...s.used()])].map(([, , cell]) => cell);
    expect(docs.find((c) => c.value === HYPERLINK)).toMatchObject({ numberFormat: "@" });
    expect(docs.find((c) => c.value === "+ kế hoạch bổ sung")).toMatchObject({ numberFormat: "@" });
    expect(docs.filter((c) => c.formula?.startsWith("=HYPERLINK"))).toEqual([]);
  });

  test("a highlight of 20,000 cells and taking it off: every request under 5 MB, every cell marked then given back its fill", async () => {
    const h = new OfficeHarness();
    const sheet = h.book.addSheet("Chỉ tiêu");
    const refs = Array.from({ length: 20_000 }, (_, i) => ({ sheet: "Chỉ tiêu", cell: cellAddress(i % 2000, Math.floor(i / 2000)) }));
    for (let r = 0; r < 100; r++) sheet.cellFor(r, 0).fill = "#00FF00";
    const services = createWorkbookUseCases({ apiVersion: 14, run: h.run, today: () => TODAY });
    await services.highlight(refs);
    expect(h.unsupported).toEqual([]);
    expect(h.maxRequestBytes).toBeLessThan(REQUEST_LIMIT);
    expect(refs.every((_, i) => sheet.cell(i % 2000, Math.floor(i / 2000))?.fill === HIGHLIGHT_FILL)).toBe(true);
    await services.clearHighlight();
    expect(h.maxRequestBytes).toBeLessThan(REQUEST_LIMIT);
    expect(Math.max(...h.responder.responseBytes)).toBeLessThan(REQUEST_LIMIT);
    expect(sheet.cell(0, 0)?.fill).toBe("#00FF00");
    expect(sheet.cell(99, 0)?.fill).toBe("#00FF00");
    expect(refs.slice(100).every((_, i) => sheet.cell((i + 100) % 2000, Math.floor((i + 100) / 2000))?.fill === null)).toBe(true);
    expect(h.book.settings.has(HIGHLIGHT_SETTING)).toBe(false);
  });

  test("a unit's sheets go in one request well under 5 MB; a large sheet is read in responses under 5 MB", async () => {
    const h = new OfficeHarness();
    h.book.addSheet("Sheet1");
    await h.run((context) => insertLayout(context, buildUnitWorkbook(UNIT), { apiVersion: 14 }));
    expect(h.runs).toEqual([2]);
    expect(h.maxRequestBytes).toBeLessThan(1_000_000);
    const big = h.book.addSheet("Lớn");
    for (let r = 0; r < 20_000; r++) for (let c = 0; c < 15; c++) big.type(r, c, c === 0 ? `Đơn vị số ${r + 1}` : r * 100 + c + 0.25);
    const grid = await h.run((context) => readOpenWorkbook(context, { apiVersion: 14 }));
    expect(grid.sheets.find((s) => s.name === "Lớn")!.rows[19_999]?.[14]?.v).toBe(1_999_914.25);
    expect(Math.max(...h.responder.responseBytes)).toBeLessThan(REQUEST_LIMIT);
  });
});

describe("the use cases end to end on Microsoft's client", () => {
  const TODAY = new Date(2026, 11, 3);

  test("insert the unit's sheets, fill figures as a user would, read a report; mark cells on the protected sheet, select one, take the marks off", async () => {
    const h = new OfficeHarness();
    h.book.addSheet("Sheet1");
    const services = createWorkbookUseCases({ apiVersion: 14, run: h.run, today: () => TODAY });
    await services.insertLayout(buildUnitWorkbook(UNIT), { renameExisting: false });
    // The user types figures and a document (input cells are unlocked on the protected sheets).
    const ind = h.book.sheet("Chỉ tiêu");
    expect(ind.protection).not.toBeNull();
    const typeIn = async (sheet: string, address: string, value: string): Promise<void> => {
      await h.run(async (context) => {
        context.workbook.worksheets.getItem(sheet).getRange(address).values = [[value]];
        await context.sync();
      });
    };
    await typeIn("Chỉ tiêu", `D${indicatorRow("1.1") + 1}`, "120");
    await typeIn("Chỉ tiêu", `E${indicatorRow("1.1") + 1}`, "118");
    const docs = SHEET_GEOMETRY.firstDataRow + 1;
    await typeIn("Văn bản", `B${docs}`, "15-KH/ĐU");
    await typeIn("Văn bản", `C${docs}`, "2016-12-01");
    await typeIn("Văn bản", `D${docs}`, "Kế hoạch thực hiện Đề án 241");
    await typeIn("Văn bản", `E${docs}`, "Đảng ủy xã Bản Bo");
    // A label cell is locked: Excel refuses the write.
    await expect(typeIn("Chỉ tiêu", "B1", "sửa")).rejects.toMatchObject({ code: "AccessDenied" });

    const grid = await services.readWorkbook();
    const report = readUnitReport(grid, "Sổ làm việc đang mở");
    expect(report.unit.name).toBe("Đảng ủy xã Bản Bo");
    expect(report.indicators["1.1"]).toMatchObject({ total: 120, achieved: 118 });
    expect(report.documents[0]).toMatchObject({ codeText: "15-KH/ĐU", date: "2016-12-01" });
    expect(report.issues.filter((i) => i.severity === "error")).toEqual([]);

    const refs = [
      { sheet: "Chỉ tiêu", cell: `D${indicatorRow("1.1") + 1}` },
      { sheet: "Chỉ tiêu", cell: `E${indicatorRow("1.1") + 1}` },
    ];
    await services.highlight(refs);
    expect(ind.cell(indicatorRow("1.1"), 3)?.fill).toBe(HIGHLIGHT_FILL);
    await services.selectCell(refs[0]!);
    expect(h.book.active?.name).toBe("Chỉ tiêu");
    await services.clearHighlight();
    // The mark comes off and the cell gets back its own fill: the template's shade of an input cell.
    expect(ind.cell(indicatorRow("1.1"), 3)?.fill).toBe(`#${INPUT_FILL}`);
    expect(h.book.settings.has(HIGHLIGHT_SETTING)).toBe(false);
    expect(h.unsupported).toEqual([]);
  });

  test("marking cells on a sheet protected against formatting fails with Excel's code; taking the marks off then leaves the cell alone", async () => {
    const h = new OfficeHarness();
    const sheet = h.book.addSheet("Khóa");
    sheet.protection = { allowFormatCells: false };
    sheet.cellFor(0, 0).fill = "#00FF00";
    const services = createWorkbookUseCases({ apiVersion: 14, run: h.run, today: () => TODAY });
    await expect(services.highlight([{ sheet: "Khóa", cell: "A1" }])).rejects.toMatchObject({ code: "AccessDenied" });
    expect(sheet.cell(0, 0)?.fill).toBe("#00FF00");
    // The setting, written first, names the cell; it does not show the mark, so it is not touched.
    await services.clearHighlight();
    expect(sheet.cell(0, 0)?.fill).toBe("#00FF00");
    expect(h.book.settings.has(HIGHLIGHT_SETTING)).toBe(false);
  });

  test("a summary written through the client equals its .xlsx file cell for cell, text as text", async () => {
    const layout = summaryLayout(3);
    const h = new OfficeHarness();
    h.book.addSheet("Sheet1");
    await h.run((context) => writeSummaryLayout(context, layout, { apiVersion: 14, today: TODAY }));
    const live = await h.run((context) => readOpenWorkbook(context, { apiVersion: 14 }));
    const file = readWorkbookFile(await writeWorkbookXlsx(layout), "tong-hop.xlsx");
    const visible = layout.sheets.filter((s) => s.visibility === "visible").map((s) => s.name);
    expect(visible.length).toBeGreaterThan(2);
    expect(sheetsOf(live, visible)).toEqual(sheetsOf(file, visible));
    expect(h.unsupported).toEqual([]);
  });

  test("the summary's totals and ratios reach Excel as formulas, never as their cached values or as text", async () => {
    const layout = summaryLayout(3);
    const h = new OfficeHarness();
    h.book.addSheet("Sheet1");
    await h.run((context) => writeSummaryLayout(context, layout, { apiVersion: 14, today: TODAY }));
    const indicators = layout.sheets.find((s) => s.name === "Tổng hợp chỉ tiêu")!;
    const formulaCells = indicators.cells.filter((c) => c.formula !== undefined);
    // Tổng số, Số đã đạt and Tỷ lệ of every indicator.
    expect(formulaCells.length).toBe(3 * INDICATORS.length);
    const sheet = h.book.sheet("Tổng hợp chỉ tiêu");
    for (const cell of formulaCells) {
      const live = sheet.cell(cell.r, cell.c)!;
      expect({ at: cellAddress(cell.r, cell.c), formula: live.formula, format: live.numberFormat }).toEqual({
        at: cellAddress(cell.r, cell.c),
        formula: `=${cell.formula!}`,
        format: indicators.styles[cell.style]!.numberFormat ?? "General",
      });
    }
    expect(formulaCells.find((c) => c.c === 3)!.formula).toMatch(/^IF\(COUNTIFS\('Chi tiết đơn vị'!/);
  });
});

describe("the harness's Excel behaviour", () => {
  test.each([
    ["1.1", "General", { value: 1.1 }],
    ["01", "General", { value: 1 }],
    ["100%", "General", { value: 1, numberFormat: "0%" }],
    ["12.5%", "General", { value: 0.125, numberFormat: "0.0%" }],
    ["2021-05-01", "General", { value: 44317, numberFormat: "yyyy-mm-dd" }],
    ["5/1/2021", "General", { value: 44317, numberFormat: "m/d/yyyy" }],
    ["1,234", "General", { value: 1234, numberFormat: "#,##0" }],
    ["true", "General", { value: true }],
    ["=SUM(A1:A2)", "General", { value: "", formula: "=SUM(A1:A2)" }],
    ["- ghi chú", "General", { value: "#NAME?", formula: "=- ghi chú" }],
    ["'01", "General", { value: "01" }],
    ["15/01/2021", "General", { value: "15/01/2021" }],
    ["Chỉ tiêu", "General", { value: "Chỉ tiêu" }],
    ["1.1", "@", { value: "1.1" }],
    ["=A1", "@", { value: "=A1" }],
    [5, "@", { value: "5" }],
  ] as const)("typed(%j) in a cell of format %s", (input, format, expected) => {
    expect(typed(input, format)).toEqual(expected);
  });

  test("sheet names: length, characters, case-insensitive uniqueness, the last visible sheet", async () => {
    const h = new OfficeHarness();
    h.book.addSheet("Sheet1");
    const attempt = async (queue: (context: Excel.RequestContext) => void): Promise<unknown> => {
      const context = h.context();
      queue(context);
      return context.sync().then(
        () => "ok",
        (e: { code?: string }) => e.code,
      );
    };
    expect(await attempt((c) => c.workbook.worksheets.add("x".repeat(32)))).toBe("InvalidArgument");
    expect(await attempt((c) => c.workbook.worksheets.add("a/b"))).toBe("InvalidArgument");
    expect(await attempt((c) => c.workbook.worksheets.add("SHEET1"))).toBe("ItemAlreadyExists");
    expect(await attempt((c) => c.workbook.worksheets.getItem("Sheet1").delete())).toBe("InvalidOperation");
    expect(await attempt((c) => c.workbook.worksheets.add("history"))).toBe("InvalidArgument");
    expect(await attempt((c) => c.workbook.worksheets.add("'Ghi chú"))).toBe("InvalidArgument");
    // A very hidden sheet is deleted only once it is made hidden or visible.
    h.book.addSheet("_an").visibility = "VeryHidden";
    expect(await attempt((c) => c.workbook.worksheets.getItem("_an").delete())).toBe("InvalidOperation");
    expect(
      await attempt((c) => {
        const sheet = c.workbook.worksheets.getItem("_an");
        sheet.visibility = "Hidden";
        sheet.delete();
      }),
    ).toBe("ok");
    // A failing action stops the request; the actions before it stay applied.
    expect(
      await attempt((c) => {
        c.workbook.worksheets.add("Mới");
        c.workbook.worksheets.add("mới");
        c.workbook.worksheets.add("Sau");
      }),
    ).toBe("ItemAlreadyExists");
    expect(h.book.sheets.map((s) => s.name)).toEqual(["Sheet1", "Mới"]);
  });
});

describe("reading long texts", () => {
  test("a workbook of long texts is read in responses Excel accepts, even when the first ones are refused", async () => {
    const h = new OfficeHarness();
    const wide = h.book.addSheet("Văn bản");
    for (let r = 0; r < 1_500; r++) for (let c = 0; c < 52; c++) wide.type(r, c, `Kế hoạch thực hiện Đề án 241 của Đảng ủy, số ${r}-${c}`);
    const tall = h.book.addSheet("Danh sách");
    for (let r = 0; r < 10_000; r++) for (let c = 0; c < 10; c++) tall.type(r, c, `Kế hoạch thực hiện Đề án 241 số ${r}-${c}`);
    const numbers = h.book.addSheet("Số liệu");
    for (let r = 0; r < 30_000; r++) for (let c = 0; c < 10; c++) numbers.type(r, c, r * 10 + c);
    const grid = await h.run((context) => readOpenWorkbook(context, { apiVersion: 14 }));
    expect(h.unsupported).toEqual([]);
    expect(grid.sheets[0]!.rows[1_499]?.[51]?.v).toBe("Kế hoạch thực hiện Đề án 241 của Đảng ủy, số 1499-51");
    expect(grid.sheets[1]!.rows[9_999]?.[9]?.v).toBe("Kế hoạch thực hiện Đề án 241 số 9999-9");
    expect(grid.sheets[2]!.rows[29_999]?.[9]?.v).toBe(299_999);
    let count = 0;
    for (const sheet of grid.sheets) for (const row of sheet.rows) for (const cell of row ?? []) if (cell) count++;
    expect(count).toBe(1_500 * 52 + 10_000 * 10 + 30_000 * 10);
    // Refused responses are retried smaller; no more than a few are refused.
    const refused = h.responder.responseBytes.filter((b) => b > REQUEST_LIMIT);
    expect(refused.length).toBeGreaterThan(0);
    expect(refused.length).toBeLessThanOrEqual(3);
  });
});

describe("page layout", () => {
  const TODAY = new Date(2026, 11, 3);

  test("the harness applies fit-to-pages only when both counts are given, as Excel for Windows does", async () => {
    const h = new OfficeHarness();
    const sheet = h.book.addSheet("Sheet1");
    const zoom = async (value: Excel.PageLayoutZoomOptions): Promise<void> => {
      const context = h.context();
      context.workbook.worksheets.getItem("Sheet1").pageLayout.zoom = value;
      await context.sync();
    };
    await zoom({ horizontalFitToPages: 1 });
    expect(sheet.fitToPages).toBeNull();
    await zoom({ horizontalFitToPages: 1, verticalFitToPages: 0 });
    expect(sheet.fitToPages).toEqual({ wide: 1, tall: 0 });
    await expect(zoom({ scale: 5 })).rejects.toMatchObject({ code: "InvalidArgument" });
  });

  test("inserted sheets and a summary print one page wide (pages tall automatic), \"Chi tiết đơn vị\" at its scale", async () => {
    const h = new OfficeHarness();
    h.book.addSheet("Sheet1");
    await h.run((context) => insertLayout(context, buildUnitWorkbook(UNIT), { apiVersion: 14 }));
    expect(h.book.sheet("Chỉ tiêu").fitToPages).toEqual({ wide: 1, tall: 0 });
    const summary = new OfficeHarness();
    summary.book.addSheet("Sheet1");
    const layout = summaryLayout(3);
    await summary.run((context) => writeSummaryLayout(context, layout, { apiVersion: 14, today: TODAY }));
    const printed = layout.sheets.filter((s) => s.pageSetup);
    expect(printed.length).toBeGreaterThan(0);
    for (const s of printed) {
      const page = s.pageSetup!;
      const live = summary.book.sheet(s.name);
      expect({ sheet: s.name, fit: live.fitToPages, scale: live.scale }).toEqual({
        sheet: s.name,
        fit: page.scale === undefined ? { wide: page.fitToWidth, tall: page.fitToHeight } : null,
        scale: page.scale ?? null,
      });
    }
    // The per-unit sheet of many units: a readable scale, the indicator columns on every page, a page every few units.
    const wide = new OfficeHarness();
    wide.book.addSheet("Sheet1");
    const many = summaryLayout(20);
    await wide.run((context) => writeSummaryLayout(context, many, { apiVersion: 14, today: TODAY }));
    const perUnit = many.sheets.find((s) => s.name === "Chi tiết đơn vị")!;
    expect(perUnit.pageSetup?.columnBreaks?.length).toBeGreaterThan(0);
    const live = wide.book.sheet("Chi tiết đơn vị");
    expect(live.scale).toBe(perUnit.pageSetup!.scale);
    expect(live.scale).toBeGreaterThanOrEqual(62);
    expect(live.printTitleColumns).toBe("$A:$B");
    expect([...live.columnBreaks].sort((a, b) => a - b)).toEqual(perUnit.pageSetup!.columnBreaks);
    expect(wide.unsupported).toEqual([]);
    expect(h.unsupported).toEqual([]);
    expect(summary.unsupported).toEqual([]);
  });
});

describe("a cell being edited", () => {
  // delayForCellEdit travels in the request (Excel.run sets request flag 64, sent in the URL), so the harness sees it.
  test("from ExcelApi 1.11 a batch waits for the user to leave the cell, refused by no request", async () => {
    const h = new OfficeHarness();
    h.book.addSheet("Chỉ tiêu");
    const services = createWorkbookUseCases({ apiVersion: 11, run: h.run });
    h.responder.startCellEdit();
    let done = false;
    const names = services.sheetNames().finally(() => (done = true));
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(done).toBe(false);
    h.responder.endCellEdit();
    expect(await names).toEqual(["Chỉ tiêu"]);
    expect(h.responder.cellEdit).toEqual({ delayed: 1, refused: 0 });
  });

  test("below ExcelApi 1.11 a refused batch is run again once the user has left the cell; still editing, a Vietnamese error", async () => {
    const h = new OfficeHarness();
    h.book.addSheet("Chỉ tiêu");
    const names = (context: Excel.RequestContext): Promise<string[]> => {
      const sheets = context.workbook.worksheets;
      sheets.load("items/name");
      return context.sync().then(() => sheets.items.map((s) => s.name));
    };
    h.responder.startCellEdit();
    const first = runExcel(names, { apiVersion: 10, run: h.run, retryDelayMs: 20 });
    setTimeout(() => h.responder.endCellEdit(), 30);
    expect(await first).toEqual(["Chỉ tiêu"]);
    expect(h.responder.cellEdit.delayed).toBe(0);
    expect(h.responder.cellEdit.refused).toBeGreaterThan(0);
    h.responder.startCellEdit();
    await expect(runExcel(names, { apiVersion: 10, run: h.run, retryDelayMs: 1, retries: 2 })).rejects.toThrow(/chế độ sửa ô/);
    h.responder.endCellEdit();
  });
});

describe("a cell's own fill given back", () => {
  /** Cells of every kind of fill, as [address, cell]. */
  function filledBook(): { h: OfficeHarness; fills: () => Record<string, unknown> } {
    const h = new OfficeHarness();
    const sheet = h.book.addSheet("Chỉ tiêu");
    Object.assign(sheet.cellFor(0, 0), { fill: "#FFFF00", pattern: "Gray50", patternColor: "#FF0000", patternTint: 0.4, tint: -0.25 });
    // A theme colour with a tint ("Blue, Accent 1, Lighter 60%") reads as its colour and shade.
    Object.assign(sheet.cellFor(1, 0), { fill: "#4472C4", tint: 0.6 });
    sheet.cellFor(2, 0).fill = "#FFFFFF";
    sheet.cellFor(3, 0);
    const fills = (): Record<string, unknown> =>
      Object.fromEntries(
        ["A1", "A2", "A3", "A4"].map((a, r) => {
          const { fill, pattern, patternColor, patternTint, tint } = sheet.cell(r, 0)!;
          return [a, { fill, pattern, patternColor, patternTint, tint }];
        }),
      );
    return { h, fills };
  }
  const REFS = ["A1", "A2", "A3", "A4"].map((cell) => ({ sheet: "Chỉ tiêu", cell }));

  test("ExcelApi 1.9 and later: pattern, pattern colour, shades and a white fill come back; the mark is solid; after a reload too", async () => {
    const { h, fills } = filledBook();
    const own = fills();
    await createWorkbookUseCases({ apiVersion: 9, run: h.run }).highlight(REFS);
    expect(h.unsupported).toEqual([]);
    // Solid and unshaded (a pattern colour left under a solid fill does not show).
    expect(Object.values(fills()).map((f) => ({ ...(f as object), patternColor: undefined, patternTint: undefined }))).toEqual(
      Array(4).fill({ fill: HIGHLIGHT_FILL }),
    );
    // A new pane (reloaded) takes the marks off from the document setting.
    await createWorkbookUseCases({ apiVersion: 9, run: h.run }).clearHighlight();
    expect(fills()).toEqual(own);
    expect(fills()["A4"]).toEqual({ fill: null });
    expect(h.unsupported).toEqual([]);
  });

  test("ExcelApi 1.7 and 1.8, where no fill reads as white: a cell without a fill gets no fill back, not white", async () => {
    const { h, fills } = filledBook();
    const services = createWorkbookUseCases({ apiVersion: 8, run: h.run });
    await services.highlight(REFS);
    await services.clearHighlight();
    expect(fills()["A1"]).toMatchObject({ fill: "#FFFF00" });
    // Nothing tells no fill from white on these versions: white is taken for no fill (the template's cells have none,
    // and white would hide their gridlines), so an explicit white fill is cleared too, which looks the same.
    expect(fills()["A4"]).toEqual({ fill: null });
    expect(fills()["A3"]).toEqual({ fill: null });
    expect(h.unsupported).toEqual([]);
  });
});
