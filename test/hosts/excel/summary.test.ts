/**
 * Writing the district summary into the open workbook (against the recording
 * fake): only sheets an earlier merge wrote are replaced, and they are kept
 * as dated copies; the user's sheets are never replaced; text from units'
 * files stays text; the number of syncs does not grow with the number of units
 * and no request goes over Excel on the web's limit.
 */
import { IDENTITY_SHEET, identityRows, parseIdentityRows } from "../../../src/domain/model/identity";
import { buildUnitWorkbook } from "../../../src/domain/sheets";
import { SUMMARY_SHEETS } from "../../../src/domain/sheets/summary";
import { splitSheet } from "../../../src/hosts/excel/batches";
import { writeSummaryLayout } from "../../../src/hosts/excel/summary";
import { NotASummaryError, SUMMARY_IDENTITY_SHEET } from "../../../src/domain/sheets/plan-summary";
import { createWorkbookUseCases } from "../../../src/hosts/excel/workbook-services";
import { FakeWorkbook, type FakeSheet } from "./fake-excel";
import { HYPERLINK, summaryLayout } from "./summary-layout";
import { loadLayout } from "./layout-book";

const LIMIT = 5 * 1024 * 1024;
const TODAY = new Date(2026, 10, 28);
function identityOf(sheet: FakeSheet) {
  const rows: string[][] = [];
  for (let r = 0; r < 50; r++) rows.push([String(sheet.cell(r, 0)?.value ?? ""), String(sheet.cell(r, 1)?.value ?? "")]);
  return parseIdentityRows(rows);
}

function text(sheet: FakeSheet): string[] {
  return [...sheet.cells.values()].map((c) => c.value).filter((v): v is string => typeof v === "string");
}

describe("writeSummary", () => {
  test("first write creates the sheets and an identity listing them; text from files stays text", async () => {
    const book = new FakeWorkbook(["Sheet1"]);
    book.sheet("Sheet1").put("A1", { value: "của người dùng" });
    const services = createWorkbookUseCases({ apiVersion: 14, run: book.run, today: () => TODAY });
    const result = await services.writeSummary(summaryLayout(5));
    expect(result).toMatchObject({ replaced: [], copies: [], skipped: [] });
    expect(book.sheets.map((s) => s.name)).toEqual(["Sheet1", ...Object.values(SUMMARY_SHEETS), IDENTITY_SHEET]);
    expect(book.sheet("Sheet1").at("A1")?.value).toBe("của người dùng");
    expect(book.lastSyncs).toHaveLength(2);

    const identity = identityOf(book.sheet(IDENTITY_SHEET));
    expect(identity).toMatchObject({ kind: "summary", sheets: Object.values(SUMMARY_SHEETS) });
    expect(book.sheet(IDENTITY_SHEET).visibility).toBe("VeryHidden");

    // The document summary "=HYPERLINK(...)" was written after its cell was formatted as text.
    const docs = book.sheet(SUMMARY_SHEETS.documents);
    const cells = [...docs.cells.values()];
    const link = cells.find((c) => c.value === HYPERLINK);
    expect(link).toMatchObject({ value: HYPERLINK, numberFormat: "@" });
    expect(cells.some((c) => c.formula !== undefined)).toBe(false);
    expect(text(docs)).toContain("+ kế hoạch bổ sung");
    expect(book.active).toBe(SUMMARY_SHEETS.indicators);
  });

  test("second write keeps the earlier summary as dated copies and never replaces the user's sheets", async () => {
    const book = new FakeWorkbook(["Ghi chú"]);
    book.sheet("Ghi chú").put("A1", { value: "ghi chú của tôi" });
    const services = createWorkbookUseCases({ apiVersion: 14, run: book.run, today: () => TODAY });
    await services.writeSummary(summaryLayout(5, "2021-06-26"));
    const firstSubtitle = text(book.sheet(SUMMARY_SHEETS.indicators)).find((t) => t.includes("5/5 đơn vị"));
    expect(firstSubtitle).toBeDefined();

    const second = await services.writeSummary(summaryLayout(7, "2021-06-30"));
    expect(book.lastSyncs).toHaveLength(3);
    expect(second.replaced).toEqual(Object.values(SUMMARY_SHEETS));
    expect(second.copies).toHaveLength(Object.values(SUMMARY_SHEETS).length);
    for (const name of second.copies) {
      expect(name.length).toBeLessThanOrEqual(31);
      expect(name).toMatch(/ \(cũ 28-11-2026\)$/);
    }
    expect(second.copies[0]).toBe("Tổng hợp chỉ ti (cũ 28-11-2026)");
    // The copies hold the earlier summary, the sheets the new one.
    expect(text(book.sheet(second.copies[0]!))).toContain(firstSubtitle);
    expect(text(book.sheet(SUMMARY_SHEETS.indicators)).some((t) => t.includes("7/7 đơn vị"))).toBe(true);
    expect(book.sheet("Ghi chú").at("A1")?.value).toBe("ghi chú của tôi");
    expect(book.sheets.filter((s) => s.name.startsWith(IDENTITY_SHEET))).toHaveLength(1);
    expect(identityOf(book.sheet(IDENTITY_SHEET))?.created).toBe("2021-06-30");

    // A third write the same day: new unique copy names; the earlier copies are left alone.
    const third = await services.writeSummary(summaryLayout(3));
    expect(third.copies[0]).toBe("Tổng hợp chỉ (cũ 28-11-2026 2)");
    expect(book.sheet(second.copies[0]!)).toBeDefined();
    const names = book.sheets.map((s) => s.name.toLowerCase());
    expect(new Set(names).size).toBe(names.length);
    expect(book.sheets).toHaveLength(1 + Object.values(SUMMARY_SHEETS).length * 3 + 1);
  });

  test("a user's sheet named like a summary sheet, not written by a merge, is renamed, not replaced", async () => {
    const book = new FakeWorkbook([SUMMARY_SHEETS.indicators]);
    book.sheet(SUMMARY_SHEETS.indicators).put("C3", { value: "bảng của tôi" });
    const services = createWorkbookUseCases({ apiVersion: 14, run: book.run, today: () => TODAY });
    const result = await services.writeSummary(summaryLayout(5));
    expect(result.replaced).toEqual([]);
    expect(result.copies).toEqual([]);
    expect(result.renamed).toEqual([{ name: SUMMARY_SHEETS.indicators, renameTo: "Tổng hợp chỉ ti (cũ 28-11-2026)" }]);
    expect(book.sheet("Tổng hợp chỉ ti (cũ 28-11-2026)").at("C3")?.value).toBe("bảng của tôi");
    expect(book.sheet(SUMMARY_SHEETS.indicators).at("C3")?.value).not.toBe("bảng của tôi");
  });

  test("in a unit's workbook, the unit's identity stays and the summary's goes in its own sheet", async () => {
    const book = new FakeWorkbook();
    loadLayout(book, buildUnitWorkbook({ unitName: "Đảng ủy xã Bản Bo", place: "Bản Bo", level: "co-so", created: "2021-05-02" }));
    const services = createWorkbookUseCases({ apiVersion: 14, run: book.run, today: () => TODAY });
    await services.writeSummary(summaryLayout(5));
    expect(identityOf(book.sheet(IDENTITY_SHEET))?.kind).toBe("unit-report");
    expect(identityOf(book.sheet(SUMMARY_IDENTITY_SHEET))?.kind).toBe("summary");
    const second = await services.writeSummary(summaryLayout(6));
    expect(second.replaced).toHaveLength(Object.values(SUMMARY_SHEETS).length);
    expect(identityOf(book.sheet(IDENTITY_SHEET))?.kind).toBe("unit-report");
    expect(book.sheet("Chỉ tiêu").cells.size).toBeGreaterThan(100);
  });

  test("an earlier summary identity without a sheet list stands for the standard summary sheets", async () => {
    const book = new FakeWorkbook([SUMMARY_SHEETS.indicators, IDENTITY_SHEET]);
    const old = identityRows({ kind: "summary", template: "t", version: "1", unitName: "Huyện ủy", level: "huyen", created: "2021-06-01" });
    old.forEach((row, r) => row.forEach((v, c) => (book.sheet(IDENTITY_SHEET).cellFor(r, c).value = v)));
    const result = await createWorkbookUseCases({ apiVersion: 14, run: book.run, today: () => TODAY }).writeSummary(summaryLayout(2));
    expect(result.replaced).toEqual([SUMMARY_SHEETS.indicators]);
    expect(result.copies).toEqual(["Tổng hợp chỉ ti (cũ 28-11-2026)"]);
  });

  test("sync count is the same for 5 and 200 units, and no request goes over 5 MB", async () => {
    const counts: number[] = [];
    for (const n of [5, 200]) {
      const book = new FakeWorkbook(["Sheet1"]);
      const services = createWorkbookUseCases({ apiVersion: 14, run: book.run, today: () => TODAY });
      await services.writeSummary(summaryLayout(n));
      await services.writeSummary(summaryLayout(n));
      counts.push(book.lastSyncs.length);
      for (const s of book.syncs) expect(s.request).toBeLessThan(LIMIT);
      // Every unit's column pair is on the per-unit sheet.
      const perUnit = text(book.sheet(SUMMARY_SHEETS.perUnit));
      expect(perUnit).toContain(`Chi bộ số ${n}`);
    }
    expect(counts[0]).toBe(counts[1]);
    expect(counts[0]).toBeLessThanOrEqual(3);
  });

  test("a summary too large for one request is written in blocks, each sync under the limit", async () => {
    const layout = summaryLayout(40);
    const book = new FakeWorkbook();
    // Small blocks stand in for a huge summary: the same cutting, many more syncs.
    const result = await book.run((context) =>
      writeSummaryLayout(context, layout, { apiVersion: 14, today: TODAY, blockBytes: 60_000, batchBytes: 120_000 }),
    );
    const estimated = layout.sheets.flatMap((s) => splitSheet(s, 60_000)).reduce((sum, p) => sum + p.bytes, 0);
    expect(result.syncs).toBeGreaterThan(3);
    expect(result.syncs).toBeLessThanOrEqual(2 + 1 + Math.floor(estimated / 60_000) + 1);
    for (const s of book.lastSyncs) expect(s.request).toBeLessThan(120_000 * 1.25);
    // Cut or not, the sheets hold the same cells as a write in one piece.
    const whole = new FakeWorkbook();
    await whole.run((context) => writeSummaryLayout(context, layout, { apiVersion: 14, today: TODAY }));
    const filled = (s: FakeSheet) => new Map([...s.cells].filter(([, c]) => Object.keys(c).length > 0));
    for (const sheet of whole.sheets) {
      const cut = filled(book.sheet(sheet.name));
      const all = filled(sheet);
      expect(cut.size).toBe(all.size);
      for (const [key, cell] of all) expect(cut.get(key)).toEqual(cell);
      expect([...book.sheet(sheet.name).merges].sort()).toEqual([...sheet.merges].sort());
    }
  });

  test("refuses a layout that is not a summary", async () => {
    const book = new FakeWorkbook();
    const unit = buildUnitWorkbook({ unitName: "Chi bộ A", place: "Tam Đường", level: "co-so", created: "2021-05-01" });
    await expect(
      book.run((context) => writeSummaryLayout(context, unit, { apiVersion: 14 })),
    ).rejects.toBeInstanceOf(NotASummaryError);
    expect(book.sheets).toHaveLength(0);
  });
});

describe("splitSheet", () => {
  test("cuts into blocks under the size, each merge with its last row, page setup first", () => {
    const sheet = summaryLayout(60).sheets.find((s) => s.name === SUMMARY_SHEETS.status)!;
    const parts = splitSheet(sheet, 50_000);
    expect(parts.length).toBeGreaterThan(1);
    expect(parts.reduce((n, p) => n + p.layout.cells.length, 0)).toBe(sheet.cells.length);
    expect(parts.reduce((n, p) => n + p.layout.merges.length, 0)).toBe(sheet.merges.length);
    expect(parts[0]!.layout.pageSetup).toBeDefined();
    expect(parts.slice(1).every((p) => p.layout.pageSetup === undefined && p.layout.columnWidths.length === 0)).toBe(true);
    for (const p of parts) if (p.layout.cells.some((c) => c.r !== p.layout.cells[0]!.r)) expect(p.bytes).toBeLessThanOrEqual(50_000);
    expect(splitSheet(sheet)).toHaveLength(1);
  });
});
