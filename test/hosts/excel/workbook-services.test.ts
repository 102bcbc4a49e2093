/**
 * The workbook use cases against the recording fake: selecting a cell,
 * marking cells and taking the marks off (each cell gets its own fill back,
 * even after the task pane reloads), and the change events.
 */
import { HIGHLIGHT_FILL, HIGHLIGHT_SETTING } from "../../../src/hosts/excel/highlight";
import { ExcelError } from "../../../src/hosts/excel/run";
import { createWorkbookUseCases, OWN_CHANGE_GRACE_MS } from "../../../src/hosts/excel/workbook-services";
import { buildUnitWorkbook } from "../../../src/domain/sheets";
import { FakeWorkbook } from "./fake-excel";
import { summaryLayout } from "./summary-layout";

function book(): FakeWorkbook {
  const b = new FakeWorkbook(["Chỉ tiêu", "Văn bản"]);
  const s = b.sheet("Chỉ tiêu");
  s.put("D10", { value: "abc", fill: "#FFFF00" });
  s.put("E10", { value: -3 });
  s.put("D11", { value: 5 });
  b.sheet("Văn bản").put("C9", { value: "31/02/2019", fill: "#DDEBF7" });
  return b;
}

const REFS = [
  { sheet: "Chỉ tiêu", cell: "D10" },
  { sheet: "Chỉ tiêu", cell: "E10" },
  { sheet: "Văn bản", cell: "C9" },
];

describe("selectCell", () => {
  test("activates the sheet and selects the cell in one sync", async () => {
    const b = book();
    await createWorkbookUseCases({ apiVersion: 14, run: b.run }).selectCell({ sheet: "Văn bản", cell: "C9" });
    expect(b.active).toBe("Văn bản");
    expect(b.selected).toEqual({ sheet: "Văn bản", address: "C9" });
    expect(b.lastSyncs).toHaveLength(1);
  });

  test("a sheet that is gone gives a Vietnamese ExcelError", async () => {
    const b = book();
    const p = createWorkbookUseCases({ apiVersion: 14, run: b.run }).selectCell({ sheet: "Không có", cell: "A1" });
    await expect(p).rejects.toBeInstanceOf(ExcelError);
    await expect(createWorkbookUseCases({ apiVersion: 14, run: b.run }).selectCell({ sheet: "Không có", cell: "A1" })).rejects.toThrow(
      /Không tìm thấy trang tính/,
    );
  });
});

describe("highlight and clearHighlight", () => {
  test("mark the cells, then give each its own fill back, in at most 3 syncs each", async () => {
    const b = book();
    const services = createWorkbookUseCases({ apiVersion: 14, run: b.run });
    await services.highlight(REFS);
    expect(b.lastSyncs.length).toBeLessThanOrEqual(3);
    expect(b.sheet("Chỉ tiêu").at("D10")?.fill).toBe(HIGHLIGHT_FILL);
    expect(b.sheet("Chỉ tiêu").at("E10")?.fill).toBe(HIGHLIGHT_FILL);
    expect(b.sheet("Văn bản").at("C9")?.fill).toBe(HIGHLIGHT_FILL);
    expect(b.sheet("Chỉ tiêu").at("D11")?.fill).toBeUndefined();

    await services.clearHighlight();
    expect(b.lastSyncs.length).toBeLessThanOrEqual(3);
    expect(b.sheet("Chỉ tiêu").at("D10")?.fill).toBe("#FFFF00");
    expect(b.sheet("Chỉ tiêu").at("E10")?.fill).toBeUndefined();
    expect(b.sheet("Văn bản").at("C9")?.fill).toBe("#DDEBF7");
    expect(b.settings.has(HIGHLIGHT_SETTING)).toBe(false);
  });

  test("the remembered fills survive a reload of the task pane (a new instance)", async () => {
    const b = book();
    await createWorkbookUseCases({ apiVersion: 14, run: b.run }).highlight(REFS);
    expect(b.settings.has(HIGHLIGHT_SETTING)).toBe(true);
    await createWorkbookUseCases({ apiVersion: 14, run: b.run }).clearHighlight();
    expect(b.sheet("Chỉ tiêu").at("D10")?.fill).toBe("#FFFF00");
    expect(b.sheet("Chỉ tiêu").at("E10")?.fill).toBeUndefined();
    expect(b.sheet("Văn bản").at("C9")?.fill).toBe("#DDEBF7");
  });

  test("marking again keeps the first remembered fills and unmarks cells no longer listed", async () => {
    const b = book();
    const services = createWorkbookUseCases({ apiVersion: 14, run: b.run });
    await services.highlight(REFS);
    await services.highlight([{ sheet: "Chỉ tiêu", cell: "$D$10" }, { sheet: "Chỉ tiêu", cell: "D11" }]);
    expect(b.lastSyncs.length).toBeLessThanOrEqual(3);
    expect(b.sheet("Chỉ tiêu").at("E10")?.fill).toBeUndefined();
    expect(b.sheet("Văn bản").at("C9")?.fill).toBe("#DDEBF7");
    expect(b.sheet("Chỉ tiêu").at("D11")?.fill).toBe(HIGHLIGHT_FILL);
    await services.clearHighlight();
    expect(b.sheet("Chỉ tiêu").at("D10")?.fill).toBe("#FFFF00");
    expect(b.sheet("Chỉ tiêu").at("D11")?.fill).toBeUndefined();
  });

  test("a cell the user filled after it was marked keeps the user's fill; other fills and old Excel work", async () => {
    const b = book();
    const services = createWorkbookUseCases({ apiVersion: 8, run: b.run });
    await services.highlight(REFS, { fill: "FFEB9C" });
    expect(b.sheet("Chỉ tiêu").at("D10")?.fill).toBe("#FFEB9C");
    b.sheet("Chỉ tiêu").put("E10", { fill: "#00B050" });
    await services.clearHighlight();
    expect(b.sheet("Chỉ tiêu").at("E10")?.fill).toBe("#00B050");
    expect(b.sheet("Chỉ tiêu").at("D10")?.fill).toBe("#FFFF00");
  });

  test("references to missing sheets or non-cells are skipped; clearing with nothing marked takes one sync", async () => {
    const b = book();
    const services = createWorkbookUseCases({ apiVersion: 14, run: b.run });
    await services.clearHighlight();
    expect(b.lastSyncs).toHaveLength(1);
    await services.highlight([{ sheet: "Đã xóa", cell: "A1" }, { sheet: "Chỉ tiêu", cell: "D9:D31" }, ...REFS.slice(0, 1)]);
    expect(b.sheet("Chỉ tiêu").at("D10")?.fill).toBe(HIGHLIGHT_FILL);
    expect(b.sheet("Chỉ tiêu").at("D9")?.fill).toBeUndefined();
  });
});

/** Runs `work` as if the pane's own writes ended longer ago than the grace window. */
async function afterGrace(work: () => Promise<void>): Promise<void> {
  const clock = jest.spyOn(Date, "now").mockReturnValue(Date.now() + OWN_CHANGE_GRACE_MS + 1);
  try {
    await work();
  } finally {
    clock.mockRestore();
  }
}

describe("onChanged", () => {
  test("registers for all worksheets (ExcelApi 1.9), calls back, ignores our own marks, unsubscribes", async () => {
    const b = book();
    const services = createWorkbookUseCases({ apiVersion: 9, run: b.run });
    const calls: number[] = [];
    const off = await services.onChanged(() => calls.push(1));
    expect(off).not.toBeNull();
    expect(b.handlers.map((h) => h.scope)).toEqual(["*"]);
    await b.change("Chỉ tiêu", "D10");
    expect(calls).toHaveLength(1);

    // A change event while our own marks are being written is not the user's.
    b.duringSync = () => b.change("Chỉ tiêu", "D10");
    await services.highlight(REFS);
    await services.clearHighlight();
    b.duringSync = undefined;
    expect(calls).toHaveLength(1);

    await off!();
    expect(b.handlers).toEqual([]);
    await b.change("Chỉ tiêu", "D10");
    expect(calls).toHaveLength(1);
  });

  // Change events cannot go through Microsoft's client harness (its request channel does not
  // carry event registration), so these use the recording fake, which fires them as Excel would.
  test("below ExcelApi 1.14, changes while the pane inserts sheets or writes a summary, and just after, are ignored", async () => {
    const b = book();
    const services = createWorkbookUseCases({ apiVersion: 9, run: b.run, today: () => new Date(2026, 11, 3) });
    let calls = 0;
    await services.onChanged(() => calls++);
    b.duringSync = () => b.change("Chỉ tiêu", "D10");
    await services.insertLayout(buildUnitWorkbook({ unitName: "Đảng ủy xã Bản Bo", place: "Bản Bo", level: "co-so", created: "2021-05-02" }), {
      renameExisting: true,
    });
    await services.writeSummary(summaryLayout(2));
    b.duringSync = undefined;
    expect(calls).toBe(0);
    // The change Excel reports just after the last write is the pane's too.
    await b.change("Chỉ tiêu", "D10");
    expect(calls).toBe(0);
    await afterGrace(() => b.change("Chỉ tiêu", "D10"));
    expect(calls).toBe(1);
  });

  test("from ExcelApi 1.14, the event's triggerSource tells the pane's writes from the user's", async () => {
    const b = book();
    const services = createWorkbookUseCases({ apiVersion: 14, run: b.run });
    let calls = 0;
    await services.onChanged(() => calls++);
    // The pane's own write, reported after any grace window: still ignored.
    await b.change("Chỉ tiêu", "D10", "ThisLocalAddin");
    expect(calls).toBe(0);
    // The user's edit while the pane writes marks is not swallowed.
    b.duringSync = () => b.change("Chỉ tiêu", "D11", "Unknown");
    await services.highlight(REFS);
    b.duringSync = undefined;
    expect(calls).toBeGreaterThan(0);
    const before = calls;
    await b.change("Chỉ tiêu", "D11", "Unknown");
    expect(calls).toBe(before + 1);
  });

  test("falls back to one handler per sheet with ExcelApi 1.7", async () => {
    const b = book();
    const services = createWorkbookUseCases({ apiVersion: 7, run: b.run });
    let calls = 0;
    const off = await services.onChanged(() => calls++);
    // Each sheet's, and one for sheets added later.
    expect(b.handlers.map((h) => h.scope).sort()).toEqual(["(sheet added)", "Chỉ tiêu", "Văn bản"]);
    await b.change("Văn bản");
    expect(calls).toBe(1);
    await off!();
    expect(b.handlers).toEqual([]);
  });

  test("with ExcelApi 1.7, a sheet added after the watch started (the pane's own insert) is watched as Excel says it was added", async () => {
    const b = new FakeWorkbook(["Sheet1"]);
    const services = createWorkbookUseCases({ apiVersion: 7, run: b.run, today: () => new Date(2026, 11, 3) });
    let calls = 0;
    const off = await services.onChanged(() => calls++);
    await services.insertLayout(buildUnitWorkbook({ unitName: "Đảng ủy xã Bản Bo", place: "Bản Bo", level: "co-so", created: "2021-05-02" }), {
      renameExisting: false,
    });
    for (const name of ["Văn bản", "Chỉ tiêu", "Mục tiêu"]) await b.added(name);
    // The user fills in the new sheet, after the pane's own writes.
    await afterGrace(() => b.change("Chỉ tiêu", "D10"));
    expect(calls).toBe(1);
    await off!();
    expect(b.handlers).toEqual([]);
  });

  test("is null with ExcelApi 1.6", async () => {
    const b = book();
    expect(await createWorkbookUseCases({ apiVersion: 6, run: b.run }).onChanged(() => undefined)).toBeNull();
    expect(b.handlers).toEqual([]);
  });
});

describe("sheetNames and insertLayout", () => {
  test("lists the sheets", async () => {
    const b = book();
    expect(await createWorkbookUseCases({ apiVersion: 14, run: b.run }).sheetNames()).toEqual(["Chỉ tiêu", "Văn bản"]);
  });
});
