/**
 * The merge's cost grows with the number of files and units, not with its square: N files of N
 * units (placed by name, by abbreviation, by file name, by code, by sender, by assignment; sent
 * twice, with errors, off the list, with their own targets; a shared document; a summary beside
 * them) are merged, laid out, printed as JSON and turned into a reminder, and the work done is
 * counted, never timed: every element that a built-in array, Map or Set method or iterator visits
 * while the merge runs. Each further file must cost as much work as the ones before it (a scan
 * over all files or units for each file would make the later files cost more), and so must each
 * further unit of a summary read back.
 */
import { summarise } from "../../src/app/summarise";
import { INDICATORS } from "../../src/domain/catalogue";
import { parseRange, type GridCell, type GridRange, type GridSheet, type WorkbookGrid } from "../../src/domain/model/grid";
import type { WorkbookLayout } from "../../src/domain/model/layout";
import type { Issue } from "../../src/domain/model/issues";
import type { DocumentEntry, IndicatorEntry, UnitReport } from "../../src/domain/model/report";
import type { MergeOptions, MergeSource } from "../../src/domain/merge";
import type { Unit } from "../../src/domain/units";

/**
 * The merge's modules loaded afresh, so that what they keep from one call to the next (a unit's
 * keys, a header's reading) starts empty: each size is measured from the same start, and pays
 * for all the work it needs.
 */
function fresh(): {
  summarise: typeof import("../../src/app/summarise").summarise;
  mergeJson: typeof import("../../src/app/merge").mergeJson;
  buildReminder: typeof import("../../src/domain/remind").buildReminder;
  readSummaryWorkbook: typeof import("../../src/domain/merge/read-summary").readSummaryWorkbook;
} {
  let modules: ReturnType<typeof fresh> | undefined;
  jest.isolateModules(() => {
    /* eslint-disable @typescript-eslint/no-require-imports -- loaded inside isolateModules on purpose */
    modules = {
      summarise: (require("../../src/app/summarise") as typeof import("../../src/app/summarise")).summarise,
      mergeJson: (require("../../src/app/merge") as typeof import("../../src/app/merge")).mergeJson,
      buildReminder: (require("../../src/domain/remind") as typeof import("../../src/domain/remind")).buildReminder,
      readSummaryWorkbook: (require("../../src/domain/merge/read-summary") as typeof import("../../src/domain/merge/read-summary")).readSummaryWorkbook,
    };
    /* eslint-enable @typescript-eslint/no-require-imports */
  });
  return modules!;
}

// ---- The work counter: element visits by the built-in methods and iterators ----

let visits = 0;

type AnyFn = (...args: unknown[]) => unknown;

/** Wraps a callback so that each call counts one visit. */
function counted(fn: unknown): unknown {
  if (typeof fn !== "function") return fn;
  return function (this: unknown, ...args: unknown[]) {
    visits++;
    return (fn as AnyFn).apply(this, args);
  };
}

/** An iterator that counts each step. */
function countedIterator<T>(it: Iterator<T>): IterableIterator<T> {
  return {
    next() {
      visits++;
      return it.next();
    },
    [Symbol.iterator]() {
      return this;
    },
  };
}

const CALLBACK_METHODS = ["find", "findIndex", "findLast", "findLastIndex", "filter", "some", "every", "map", "forEach", "reduce", "reduceRight", "flatMap"] as const;
const SEARCH_METHODS = ["includes", "indexOf", "lastIndexOf"] as const;
const ITERATORS: ReadonlyArray<[object, PropertyKey]> = [
  [Array.prototype, Symbol.iterator],
  [Array.prototype, "values"],
  [Array.prototype, "entries"],
  [Array.prototype, "keys"],
  [Map.prototype, Symbol.iterator],
  [Map.prototype, "entries"],
  [Map.prototype, "values"],
  [Map.prototype, "keys"],
  [Set.prototype, Symbol.iterator],
  [Set.prototype, "values"],
  [Set.prototype, "entries"],
  [Set.prototype, "keys"],
];

/** Runs `fn` with the built-ins counting, and gives the number of visits it made. */
function workOf(fn: () => void): number {
  const saved: Array<[object, PropertyKey, PropertyDescriptor]> = [];
  const replace = (target: object, key: PropertyKey, make: (original: AnyFn) => AnyFn): void => {
    const descriptor = Object.getOwnPropertyDescriptor(target, key)!;
    saved.push([target, key, descriptor]);
    Object.defineProperty(target, key, { ...descriptor, value: make(descriptor.value as AnyFn) });
  };
  for (const m of CALLBACK_METHODS) {
    replace(Array.prototype, m, (original) =>
      function (this: unknown, callback: unknown, ...rest: unknown[]) {
        return original.call(this, counted(callback), ...rest);
      },
    );
  }
  for (const m of SEARCH_METHODS) {
    replace(Array.prototype, m, (original) =>
      function (this: unknown[], ...args: unknown[]) {
        visits += this.length;
        return original.apply(this, args);
      },
    );
  }
  for (const proto of [Map.prototype, Set.prototype]) {
    replace(proto, "forEach", (original) =>
      function (this: unknown, callback: unknown, ...rest: unknown[]) {
        return original.call(this, counted(callback), ...rest);
      },
    );
  }
  for (const [target, key] of ITERATORS) {
    replace(target, key, (original) =>
      function (this: unknown) {
        return countedIterator(original.call(this) as Iterator<unknown>);
      },
    );
  }
  visits = 0;
  try {
    fn();
    return visits;
  } finally {
    for (const [target, key, descriptor] of saved.reverse()) Object.defineProperty(target, key, descriptor);
  }
}

// ---- N files of N units ----

const pad = (i: number): string => String(i + 1).padStart(6, "0");
const unitName = (i: number): string => `Chi bộ số ${pad(i)}`;

function entry(total: number, achieved: number, row: number): IndicatorEntry {
  return { total, achieved, typedRatio: null, sheet: "Chỉ tiêu", row, cells: { total: `D${row}`, achieved: `E${row}`, ratio: `F${row}` }, label: "" };
}

function documentEntry(codeText: string, issuer: string, date: string): DocumentEntry {
  return { codeText, code: null, date, summary: "Kế hoạch thực hiện Đề án 241", issuer, sheet: "Văn bản", row: 5, cell: "B5" };
}

function report(name: string, source: UnitReport["unit"]["source"], i: number, more: Partial<UnitReport> = {}): UnitReport {
  return {
    fileName: `${pad(i)}.xlsx`,
    unit: { name, source },
    reportDate: `2021-06-${String(10 + (i % 15)).padStart(2, "0")}`,
    indicators: Object.fromEntries(INDICATORS.map((ind, k) => [ind.id, entry(100 + ((i + k) % 40), 80 + ((i * k) % 20), 10 + k)])),
    // The district's plan, which every unit lists, and one document of its own.
    documents: [documentEntry("35-KH/HU", "Huyện ủy Tam Đường", "2018-03-01"), documentEntry(`${pad(i)}-KH/ĐU`, name, `2018-${String(1 + (i % 12)).padStart(2, "0")}-05`)],
    issues: [],
    ...more,
  };
}

const NOT_A_NUMBER: Issue = {
  rule: "not-a-number",
  severity: "error",
  sheet: "Chỉ tiêu",
  cell: "D10",
  indicator: "1.1",
  params: { column: "Tổng số", text: "abc", indicator: "1.1" },
  message: "Tổng số không phải là số",
};

const sha = (file: string): string => Buffer.from(file).toString("hex").padEnd(64, "0").slice(0, 64);

/** The list of n units and the files they sent, each kind of file in turn (n a multiple of 10). */
function scenario(n: number): { units: Unit[]; sources: MergeSource[]; options: MergeOptions } {
  const units: Unit[] = Array.from({ length: n }, (_, i) => ({
    name: unitName(i),
    level: "co-so" as const,
    ...(i % 2 === 0 ? { code: `CB-${pad(i)}` } : {}),
    ...(i % 10 === 3 ? { email: `cb${pad(i)}@tamduong.vn` } : {}),
  }));
  const sources: MergeSource[] = [];
  const assignments: Record<string, string> = {};
  const add = (file: string, more: Partial<MergeSource>): void => void sources.push({ file, sha256: sha(file), ...more });
  for (let i = 0; i < n; i++) {
    const file = `don-vi-${pad(i)}.xlsx`;
    switch (i % 10) {
      case 0: // By the identity's code; a figure with an error.
        add(file, { report: report(unitName(i), "identity", i, { issues: [NOT_A_NUMBER], identity: { kind: "unit-report", template: "de-an-241/cv-232", version: "1", unitName: unitName(i), unitCode: `cb-${pad(i)}`, level: "co-so", superior: "ĐẢNG BỘ HUYỆN TAM ĐƯỜNG", created: "2021-05-01" } }) });
        break;
      case 1: // By an abbreviation: a loose match, said on the file; a figure with an error.
        add(file, { report: report(`CB số ${pad(i)}`, "header", i, { issues: [NOT_A_NUMBER] }) });
        break;
      case 2: // By the file's name only.
        add(`Chi-bo-so-${pad(i)}.xlsx`, { report: report(`Chi-bo-so-${pad(i)}`, "file-name", i) });
        break;
      case 3: // Unreadable, sent by the unit's address.
        add(file, { error: { code: "corrupt", message: "Tệp hỏng." }, origin: { kind: "email", from: `Chi bộ <cb${pad(i)}@tamduong.vn>`, date: "2021-06-20T08:00:00Z" } });
        break;
      case 4: // Sent twice: the later version is merged, and what changed is said.
        add(`cu-${file}`, { report: report(unitName(i), "header", i, { reportDate: "2021-06-01" }) });
        add(file, { report: report(unitName(i), "header", i + 1) });
        break;
      case 5: // A figure with an error: left out and listed.
        add(file, { report: report(unitName(i), "header", i, { issues: [NOT_A_NUMBER] }) });
        break;
      case 6: // A unit off the list.
        add(file, { report: report(`Chi bộ ngoài số ${pad(i)}`, "header", i) });
        break;
      case 7: // Nothing sent.
        break;
      case 8: // Its own targets; a figure with an error.
        add(file, { report: report(unitName(i), "header", i, { issues: [NOT_A_NUMBER] }), ownTargets: [{ id: INDICATORS[0]!.id, target: { op: ">=", value: 99 } }] });
        break;
      case 9: // Placed by the user.
        add(`khong-ro-${pad(i)}.xlsx`, { report: report("", "file-name", i) });
        assignments[`khong-ro-${pad(i)}.xlsx`] = unitName(i);
        break;
    }
  }
  // A xã's summary beside them, counting units of its own.
  add("tong-hop-xa.xlsx", {
    report: report("Đảng ủy xã Bản Bo", "identity", 0, { identity: { kind: "summary", template: "de-an-241/cv-232", version: "1", unitName: "Đảng ủy xã Bản Bo", level: "co-so", superior: "ĐẢNG BỘ HUYỆN TAM ĐƯỜNG", created: "2021-06-20" } }),
    includedUnits: ["Chi bộ bản Nà Tăm", "Chi bộ bản Bo"],
  });
  return { units, sources, options: { units, assignments } };
}

const LAYOUT = { unitName: "Huyện ủy Tam Đường", superior: "ĐẢNG BỘ TỈNH LAI CHÂU", place: "Tam Đường", level: "huyen" as const, date: "2021-07-01" };

/** The work of merging N files of N units, laying out the summary, its JSON and the reminder. */
function mergeWork(n: number): { work: number; received: number; files: number } {
  const { units, sources, options } = scenario(n);
  const { summarise, mergeJson, buildReminder } = fresh();
  let received = 0;
  let files = 0;
  const work = workOf(() => {
    const run = summarise(sources, options, LAYOUT);
    JSON.stringify(mergeJson(run));
    buildReminder({ units, outcome: run.summary });
    received = run.summary.received.length;
    files = run.summary.files.length;
  });
  return { work, received, files };
}

/** A summary workbook's layout as the grid a reader would give (values, cached results, merges). */
function gridOf(layout: WorkbookLayout): WorkbookGrid {
  const sheets = layout.sheets.map((sheet): GridSheet => {
    const rows: (GridCell | undefined)[][] = [];
    for (const cell of sheet.cells) {
      if (cell.value === null && cell.formula === undefined) continue;
      const row = (rows[cell.r] ??= []);
      row[cell.c] = { ...(cell.value !== null ? { v: cell.value } : {}), ...(cell.formula !== undefined ? { f: cell.formula } : {}) };
    }
    return { name: sheet.name, visibility: sheet.visibility ?? "visible", rows, merges: sheet.merges.map((m) => parseRange(m)).filter((m): m is GridRange => m !== undefined) };
  });
  return { sheets };
}

describe("merging N files of N units", () => {
  // Multiples of 10 (the scenario's cycle of kinds of file), doubling.
  const sizes = [100, 200, 400, 800];

  it("costs the same work for each further file, at a few hundred files as at a hundred", () => {
    const runs = sizes.map((n) => ({ n, ...mergeWork(n) }));
    for (const r of runs) {
      // Every unit but the missing (7), unreadable (3) and off-list (6) ones, less those the summary already counts, is received.
      expect(r.received).toBeGreaterThanOrEqual(0.6 * r.n);
      // One file a unit (none from the missing, two from those that sent twice) and the summary.
      expect(r.files).toBe(r.n + 1);
    }
    // The work of one more file: between the first two sizes, and between the last two.
    const perFile = (a: (typeof runs)[number], b: (typeof runs)[number]): number => (b.work - a.work) / (b.n - a.n);
    const first = perFile(runs[0]!, runs[1]!);
    const last = perFile(runs[2]!, runs[3]!);
    expect(first).toBeGreaterThan(0);
    // Linear: the same (a pass over all files or units for each file would make the later files cost more).
    expect(last / first).toBeLessThan(1.05);
    expect(last / first).toBeGreaterThan(0.95);
  });

  it("reads a summary of N units back with the same work for each further unit", () => {
    const work = sizes.map((n) => {
      const { sources, options } = scenario(n);
      const grid = gridOf(summarise(sources, options, LAYOUT).layout);
      const { readSummaryWorkbook } = fresh();
      let read: ReturnType<typeof readSummaryWorkbook> | undefined;
      const w = workOf(() => {
        read = readSummaryWorkbook(grid);
      });
      // It is read whole: every unit's state, every merged file.
      expect(read!.summary.units).toHaveLength(n);
      expect(read!.summary.perUnit.length).toBeGreaterThanOrEqual(0.6 * n);
      return { n, work: w };
    });
    const first = (work[1]!.work - work[0]!.work) / (work[1]!.n - work[0]!.n);
    const last = (work[3]!.work - work[2]!.work) / (work[3]!.n - work[2]!.n);
    expect(first).toBeGreaterThan(0);
    expect(last / first).toBeLessThan(1.05);
    expect(last / first).toBeGreaterThan(0.95);
  });
});
