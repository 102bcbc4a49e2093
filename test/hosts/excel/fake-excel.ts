/**
 * A recording fake of the parts of the Excel JavaScript API the add-in uses:
 * worksheets, ranges (values, formulas, number formats, fills, merges, used
 * ranges), settings and change events. A workbook outlives request contexts,
 * as a real one does; each `run` gets a new context.
 *
 * Like Office.js, loaded properties can be read only after a sync, and
 * writing text that starts with "=" into a cell not formatted as text makes
 * a formula. Every sync is counted with the estimated bytes of its request
 * (about 100 bytes an action plus its arguments) and of its response (the
 * loaded properties as JSON), to check the requests stay under Excel on the
 * web's 5 MB limit.
 */
import { cellAddress, parseAddress } from "../../../src/domain/model/grid";

export interface FakeCell {
  value?: string | number | boolean;
  formula?: string;
  numberFormat?: string;
  /** "#RRGGBB", or undefined for no fill. */
  fill?: string;
}

interface Rect {
  r1: number;
  c1: number;
  r2: number;
  c2: number;
}

const MAX_ROWS = 1_048_576;
const MAX_COLS = 16_384;

export class FakeExcelError extends Error {
  constructor(
    readonly code: string,
    message: string,
  ) {
    super(message);
  }
}

function rectOf(address: string): Rect {
  const [a, b] = address.replace(/\$/g, "").split(":");
  if (/^[A-Z]+$/i.test(a!)) {
    // Whole columns ("B:B").
    const c1 = parseAddress(`${a}1`).c;
    const c2 = parseAddress(`${b ?? a}1`).c;
    return { r1: 0, c1, r2: MAX_ROWS - 1, c2 };
  }
  if (/^\d+$/.test(a!)) {
    return { r1: Number(a) - 1, c1: 0, r2: Number(b ?? a) - 1, c2: MAX_COLS - 1 };
  }
  const s = parseAddress(a!);
  const e = parseAddress(b ?? a!);
  return { r1: s.r, c1: s.c, r2: e.r, c2: e.c };
}

const a1 = (r: Rect): string =>
  r.r1 === r.r2 && r.c1 === r.c2 ? cellAddress(r.r1, r.c1) : `${cellAddress(r.r1, r.c1)}:${cellAddress(r.r2, r.c2)}`;

function quoted(sheet: string): string {
  return /^[A-Za-z0-9_]+$/.test(sheet) ? sheet : `'${sheet.replace(/'/g, "''")}'`;
}

/** Records property sets and calls on parts of the API the fake does not model (borders, page layout …). */
function recorder(context: FakeContext, log: string[], path: string): unknown {
  const fn = function () {};
  return new Proxy(fn, {
    get(_t, prop) {
      if (typeof prop === "symbol") return undefined;
      context.charge(80);
      return recorder(context, log, `${path}.${prop}`);
    },
    set(_t, prop, value) {
      context.charge(100 + JSON.stringify(value ?? null).length);
      log.push(`${path}.${String(prop)} = ${JSON.stringify(value)}`);
      return true;
    },
    apply(_t, _this, args) {
      context.charge(100 + JSON.stringify(args).length);
      log.push(`${path}(${args.map((a) => JSON.stringify(a)).join(", ")})`);
      return recorder(context, log, `${path}()`);
    },
  });
}

/** Something whose properties become readable at the next sync after `load`. */
abstract class Loadable {
  protected loaded = false;
  /** The properties asked for (all when `load` had no argument). */
  protected asked: Set<string> | "all" = new Set();
  constructor(readonly context: FakeContext) {}
  load(what?: string | string[]): this {
    this.context.charge(60);
    if (what === undefined) this.asked = "all";
    else if (this.asked !== "all") for (const p of (Array.isArray(what) ? what : what.split(","))) this.asked.add(p.trim());
    this.context.pending.push(this);
    return this;
  }
  /** Takes a snapshot at sync; returns the response bytes. */
  abstract snapshot(): number;
  markLoaded(): number {
    this.loaded = true;
    return this.snapshot();
  }
  protected need(): void {
    if (!this.loaded) throw new FakeExcelError("PropertyNotLoaded", "The property has not been loaded; call load and sync first.");
  }
}

export class FakeFill extends Loadable {
  private snap: { color: string; pattern: string } | undefined;
  constructor(
    context: FakeContext,
    private readonly range: FakeRange,
  ) {
    super(context);
  }
  snapshot(): number {
    const cell = this.range.sheet.cell(this.range.rect.r1, this.range.rect.c1);
    this.snap = { color: cell?.fill ?? "#FFFFFF", pattern: cell?.fill ? "Solid" : "None" };
    return JSON.stringify(this.snap).length;
  }
  get color(): string {
    this.need();
    return this.snap!.color;
  }
  set color(value: string) {
    this.context.charge(100 + value.length);
    this.range.each((cell) => (cell.fill = value.toUpperCase()));
  }
  get pattern(): string {
    this.need();
    return this.snap!.pattern;
  }
  clear(): void {
    this.context.charge(100);
    this.range.each((cell) => delete cell.fill);
  }
}

export class FakeRange extends Loadable {
  private snap: { values: unknown[][]; formulas: unknown[][]; numberFormat: string[][] } | undefined;
  private nullObject = false;
  constructor(
    context: FakeContext,
    readonly sheet: FakeSheet,
    public rect: Rect,
    /** For *OrNullObject results: computed at sync. */
    private readonly resolve?: () => Rect | null,
  ) {
    super(context);
    context.charge(80);
  }
  snapshot(): number {
    if (this.resolve) {
      const r = this.resolve();
      this.nullObject = r === null;
      if (r) this.rect = r;
    }
    if (this.nullObject) return 20;
    if (this.cellCount() > 5_000_000) return 0; // a whole sheet: only its address is read
    const values: unknown[][] = [];
    const formulas: unknown[][] = [];
    const numberFormat: string[][] = [];
    for (let r = this.rect.r1; r <= this.rect.r2; r++) {
      const v: unknown[] = [];
      const f: unknown[] = [];
      const n: string[] = [];
      for (let c = this.rect.c1; c <= this.rect.c2; c++) {
        const cell = this.sheet.cell(r, c);
        v.push(cell?.value ?? "");
        f.push(cell?.formula !== undefined ? `=${cell.formula}` : (cell?.value ?? ""));
        n.push(cell?.numberFormat ?? "General");
      }
      values.push(v);
      formulas.push(f);
      numberFormat.push(n);
    }
    this.snap = { values, formulas, numberFormat };
    const asked = this.asked;
    const size = (p: "values" | "formulas" | "numberFormat"): number =>
      asked === "all" || asked.has(p) ? JSON.stringify(this.snap![p]).length : 0;
    return 40 + size("values") + size("formulas") + size("numberFormat");
  }
  cellCount(): number {
    return (this.rect.r2 - this.rect.r1 + 1) * (this.rect.c2 - this.rect.c1 + 1);
  }
  get isNullObject(): boolean {
    this.need();
    return this.nullObject;
  }
  private data(): NonNullable<FakeRange["snap"]> {
    this.need();
    if (this.nullObject) throw new FakeExcelError("InvalidOperation", "The object is a null object.");
    return this.snap!;
  }
  get address(): string {
    this.need();
    return `${quoted(this.sheet.name)}!${a1(this.rect)}`;
  }
  get rowCount(): number {
    this.need();
    return this.rect.r2 - this.rect.r1 + 1;
  }
  get columnCount(): number {
    this.need();
    return this.rect.c2 - this.rect.c1 + 1;
  }
  get values(): unknown[][] {
    return this.data().values;
  }
  get formulas(): unknown[][] {
    return this.data().formulas;
  }
  get numberFormat(): string[][] {
    return this.data().numberFormat;
  }
  each(put: (cell: FakeCell, r: number, c: number) => void): void {
    for (let r = this.rect.r1; r <= this.rect.r2; r++) {
      for (let c = this.rect.c1; c <= this.rect.c2; c++) put(this.sheet.cellFor(r, c), r, c);
    }
  }
  private matrix<T>(m: T[][], put: (cell: FakeCell, v: T) => void): void {
    const rows = this.rect.r2 - this.rect.r1 + 1;
    const cols = this.rect.c2 - this.rect.c1 + 1;
    if (m.length !== rows || m.some((row) => row.length !== cols)) {
      throw new FakeExcelError("InvalidArgument", `dimension mismatch at ${a1(this.rect)}`);
    }
    this.context.charge(100 + JSON.stringify(m).length);
    this.each((cell, r, c) => put(cell, m[r - this.rect.r1]![c - this.rect.c1]!));
  }
  set values(m: unknown[][]) {
    this.matrix(m, (cell, v) => {
      if (v === null || v === undefined) return; // Office.js leaves the cell unchanged
      if (typeof v === "string" && v.startsWith("=") && cell.numberFormat !== "@") {
        cell.formula = v.slice(1);
        delete cell.value;
      } else {
        cell.value = v as string | number | boolean;
        delete cell.formula;
      }
    });
  }
  set formulas(m: unknown[][]) {
    this.matrix(m, (cell, v) => {
      const s = String(v);
      if (s.startsWith("=")) {
        cell.formula = s.slice(1);
        delete cell.value;
      } else cell.value = v as string | number | boolean;
    });
  }
  set numberFormat(m: string[][]) {
    this.matrix(m, (cell, v) => {
      cell.numberFormat = v;
    });
  }
  get format(): unknown {
    this.context.charge(80);
    const fill = new FakeFill(this.context, this);
    const rest = recorder(this.context, this.sheet.log, `${a1(this.rect)}.format`) as Record<string, unknown>;
    return new Proxy(rest, {
      get: (target, prop) => (prop === "fill" ? fill : (target as Record<string | symbol, unknown>)[prop]),
    });
  }
  get dataValidation(): unknown {
    return recorder(this.context, this.sheet.log, `${a1(this.rect)}.dataValidation`);
  }
  get conditionalFormats(): unknown {
    return recorder(this.context, this.sheet.log, `${a1(this.rect)}.conditionalFormats`);
  }
  merge(across: boolean): void {
    this.context.charge(120);
    this.sheet.merges.push(a1(this.rect));
    this.sheet.log.push(`${a1(this.rect)}.merge(${across})`);
  }
  select(): void {
    this.context.charge(100);
    this.sheet.book.selected = { sheet: this.sheet.name, address: a1(this.rect) };
  }
  getUsedRangeOrNullObject(valuesOnly = false): FakeRange {
    return new FakeRange(this.context, this.sheet, this.rect, () => this.sheet.usedRect(valuesOnly, this.rect));
  }
  getMergedAreasOrNullObject(): FakeRangeAreas {
    return new FakeRangeAreas(this.context, this.sheet, this.rect);
  }
}

export class FakeRangeAreas extends Loadable {
  private snap: string[] = [];
  constructor(
    context: FakeContext,
    readonly sheet: FakeSheet,
    readonly rect: Rect,
  ) {
    super(context);
  }
  snapshot(): number {
    this.snap = this.sheet.merges.filter((m) => {
      const r = rectOf(m);
      return r.r1 >= this.rect.r1 && r.r2 <= this.rect.r2 && r.c1 >= this.rect.c1 && r.c2 <= this.rect.c2;
    });
    return this.snap.join(",").length + 20;
  }
  get isNullObject(): boolean {
    this.need();
    return this.snap.length === 0;
  }
  get address(): string {
    this.need();
    return this.snap.map((m) => `${quoted(this.sheet.name)}!${m}`).join(", ");
  }
}

type Handler = (event: unknown) => Promise<unknown>;

/** The scope of WorksheetCollection.onAdded handlers. */
const ADDED = "(sheet added)";

export class FakeEvent {
  constructor(
    private readonly book: FakeWorkbook,
    private readonly scope: string,
  ) {}
  add(handler: Handler): { context: FakeContext; remove(): void } {
    const context = this.book.current!;
    context.charge(100);
    const entry = { scope: this.scope, handler };
    this.book.handlers.push(entry);
    return {
      context,
      remove: () => {
        context.charge(100);
        const i = this.book.handlers.indexOf(entry);
        if (i >= 0) this.book.handlers.splice(i, 1);
      },
    };
  }
}

export class FakeSheet {
  readonly cells = new Map<string, FakeCell>();
  readonly merges: string[] = [];
  readonly log: string[] = [];
  visibility: "Visible" | "Hidden" | "VeryHidden" = "Visible";
  constructor(
    readonly book: FakeWorkbook,
    private sheetName: string,
  ) {}
  get name(): string {
    return this.sheetName;
  }
  set name(value: string) {
    if (this.book.sheets.some((s) => s !== this && s.name.toLowerCase() === value.toLowerCase())) {
      throw new FakeExcelError("ItemAlreadyExists", `A sheet named ${value} exists.`);
    }
    if (value.length > 31) throw new FakeExcelError("InvalidArgument", `Sheet name over 31 characters: ${value}`);
    this.book.current?.charge(100 + value.length);
    this.sheetName = value;
  }
  cell(r: number, c: number): FakeCell | undefined {
    return this.cells.get(`${r},${c}`);
  }
  cellFor(r: number, c: number): FakeCell {
    let cell = this.cells.get(`${r},${c}`);
    if (!cell) {
      cell = {};
      this.cells.set(`${r},${c}`, cell);
    }
    return cell;
  }
  /** Sets cells from A1 addresses, for building workbooks in tests. */
  put(address: string, cell: FakeCell): void {
    const { r, c } = parseAddress(address);
    Object.assign(this.cellFor(r, c), cell);
  }
  at(address: string): FakeCell | undefined {
    const { r, c } = parseAddress(address);
    return this.cell(r, c);
  }
  usedRect(valuesOnly: boolean, within?: Rect): Rect | null {
    let rect: Rect | null = null;
    for (const [key, cell] of this.cells) {
      const used = cell.value !== undefined && cell.value !== "" ? true : cell.formula !== undefined;
      if (!used && (valuesOnly || (cell.fill === undefined && cell.numberFormat === undefined))) continue;
      const [r, c] = key.split(",").map(Number) as [number, number];
      if (within && (r < within.r1 || r > within.r2 || c < within.c1 || c > within.c2)) continue;
      rect = rect
        ? { r1: Math.min(rect.r1, r), c1: Math.min(rect.c1, c), r2: Math.max(rect.r2, r), c2: Math.max(rect.c2, c) }
        : { r1: r, c1: c, r2: r, c2: c };
    }
    return rect;
  }
  /** The proxy a request context hands out. */
  proxy(context: FakeContext): FakeWorksheet {
    return new FakeWorksheet(context, this);
  }
}

/** A worksheet as one request context sees it. */
export class FakeWorksheet extends Loadable {
  constructor(
    context: FakeContext,
    readonly sheet: FakeSheet,
  ) {
    super(context);
    context.charge(80);
  }
  snapshot(): number {
    return this.sheet.name.length + 30;
  }
  get name(): string {
    return this.sheet.name;
  }
  set name(value: string) {
    this.sheet.name = value;
  }
  get visibility(): string {
    return this.sheet.visibility;
  }
  set visibility(value: "Visible" | "Hidden" | "VeryHidden") {
    this.context.charge(100);
    this.sheet.visibility = value;
  }
  getRange(address?: string): FakeRange {
    return new FakeRange(this.context, this.sheet, address ? rectOf(address) : { r1: 0, c1: 0, r2: MAX_ROWS - 1, c2: MAX_COLS - 1 });
  }
  getUsedRangeOrNullObject(valuesOnly = false): FakeRange {
    const rect = { r1: 0, c1: 0, r2: 0, c2: 0 };
    return new FakeRange(this.context, this.sheet, rect, () => this.sheet.usedRect(valuesOnly));
  }
  activate(): void {
    this.context.charge(100);
    this.sheet.book.active = this.sheet.name;
  }
  delete(): void {
    this.context.charge(100);
    const book = this.sheet.book;
    book.sheets.splice(book.sheets.indexOf(this.sheet), 1);
  }
  get onChanged(): FakeEvent {
    return new FakeEvent(this.sheet.book, this.sheet.name);
  }
  get pageLayout(): unknown {
    return recorder(this.context, this.sheet.log, "pageLayout");
  }
  get protection(): unknown {
    return recorder(this.context, this.sheet.log, "protection");
  }
  get horizontalPageBreaks(): unknown {
    return recorder(this.context, this.sheet.log, "horizontalPageBreaks");
  }
  get verticalPageBreaks(): unknown {
    return recorder(this.context, this.sheet.log, "verticalPageBreaks");
  }
}

export class FakeWorksheets extends Loadable {
  private snap: FakeSheet[] = [];
  constructor(context: FakeContext) {
    super(context);
  }
  snapshot(): number {
    this.snap = [...this.context.book.sheets];
    return JSON.stringify(this.snap.map((s) => ({ name: s.name, visibility: s.visibility }))).length;
  }
  get items(): FakeWorksheet[] {
    this.need();
    return this.snap.map((s) => s.proxy(this.context));
  }
  private find(name: string): FakeSheet | undefined {
    return this.context.book.sheets.find((s) => s.name.toLowerCase() === name.toLowerCase());
  }
  getItem(name: string): FakeWorksheet {
    const sheet = this.find(name);
    if (!sheet) throw new FakeExcelError("ItemNotFound", `No sheet named ${name}.`);
    return sheet.proxy(this.context);
  }
  add(name: string): FakeWorksheet {
    this.context.charge(100 + name.length);
    return this.context.book.addSheet(name).proxy(this.context);
  }
  get onChanged(): FakeEvent {
    return new FakeEvent(this.context.book, "*");
  }
  get onAdded(): FakeEvent {
    return new FakeEvent(this.context.book, ADDED);
  }
}

export class FakeSetting extends Loadable {
  private snap: { exists: boolean; value: unknown } = { exists: false, value: undefined };
  constructor(
    context: FakeContext,
    readonly key: string,
  ) {
    super(context);
  }
  snapshot(): number {
    const book = this.context.book;
    this.snap = { exists: book.settings.has(this.key), value: book.settings.get(this.key) };
    return JSON.stringify(this.snap.value ?? null).length;
  }
  get isNullObject(): boolean {
    this.need();
    return !this.snap.exists;
  }
  get value(): unknown {
    this.need();
    return this.snap.value;
  }
  delete(): void {
    this.context.charge(100);
    this.context.book.settings.delete(this.key);
  }
}

export class FakeSettings {
  constructor(private readonly context: FakeContext) {}
  getItemOrNullObject(key: string): FakeSetting {
    return new FakeSetting(this.context, key);
  }
  getItem(key: string): FakeSetting {
    if (!this.context.book.settings.has(key)) throw Object.assign(new Error("not found"), { code: "ItemNotFound" });
    return new FakeSetting(this.context, key);
  }
  add(key: string, value: unknown): void {
    this.context.charge(100 + JSON.stringify(value).length);
    // Settings hold JSON values.
    this.context.book.settings.set(key, JSON.parse(JSON.stringify(value)));
  }
}

export interface SyncRecord {
  /** Estimated request bytes (actions and their arguments). */
  readonly request: number;
  /** Estimated response bytes (loaded properties). */
  readonly response: number;
}

export class FakeContext {
  readonly pending: Loadable[] = [];
  readonly syncs: SyncRecord[] = [];
  private request = 0;
  readonly workbook: { worksheets: FakeWorksheets; settings: FakeSettings };
  constructor(readonly book: FakeWorkbook) {
    this.workbook = { worksheets: new FakeWorksheets(this), settings: new FakeSettings(this) };
  }
  charge(bytes: number): void {
    this.request += bytes;
  }
  async sync(): Promise<void> {
    await this.book.duringSync?.();
    let response = 0;
    for (const p of this.pending.splice(0)) response += p.markLoaded();
    const record = { request: this.request, response };
    this.syncs.push(record);
    this.book.syncs.push(record);
    this.request = 0;
  }
}

export class FakeWorkbook {
  readonly sheets: FakeSheet[] = [];
  readonly settings = new Map<string, unknown>();
  readonly handlers: { scope: string; handler: Handler }[] = [];
  /** Every sync of every run, in order. */
  readonly syncs: SyncRecord[] = [];
  /** Contexts of the runs, in order. */
  readonly contexts: FakeContext[] = [];
  current: FakeContext | undefined;
  /** Runs at every sync (to fire events while a request is in flight). */
  duringSync: (() => Promise<void>) | undefined;
  active: string | undefined;
  selected: { sheet: string; address: string } | undefined;

  constructor(names: readonly string[] = []) {
    for (const n of names) this.addSheet(n);
  }

  addSheet(name: string): FakeSheet {
    if (this.sheets.some((s) => s.name.toLowerCase() === name.toLowerCase())) {
      throw new FakeExcelError("ItemAlreadyExists", `A sheet named ${name} exists.`);
    }
    const sheet = new FakeSheet(this, name);
    this.sheets.push(sheet);
    return sheet;
  }

  sheet(name: string): FakeSheet {
    const s = this.sheets.find((x) => x.name === name);
    if (!s) throw new Error(`no sheet ${name}; sheets: ${this.sheets.map((x) => x.name).join(", ")}`);
    return s;
  }

  /** The `run` option of runExcel / createWorkbookUseCases. */
  readonly run = async <T>(batch: (context: Excel.RequestContext) => Promise<T>): Promise<T> => {
    const context = new FakeContext(this);
    this.contexts.push(context);
    this.current = context;
    return batch(context as unknown as Excel.RequestContext);
  };

  /** Syncs of the last run. */
  get lastSyncs(): readonly SyncRecord[] {
    return this.contexts[this.contexts.length - 1]?.syncs ?? [];
  }

  /** Fires the event Excel fires after a sheet is added (by the user or the add-in): WorksheetCollection.onAdded. */
  async added(sheet: string): Promise<void> {
    const event = { worksheetId: sheet, type: "WorksheetAdded", source: "Local" };
    for (const h of [...this.handlers]) if (h.scope === ADDED) await h.handler(event);
  }

  /** Fires a change event as Excel would after the user edits `sheet`. */
  async change(sheet: string, address = "A1", triggerSource?: "Unknown" | "ThisLocalAddin"): Promise<void> {
    const event = { worksheetId: sheet, address, changeType: "RangeEdited", source: "Local", ...(triggerSource ? { triggerSource } : {}) };
    for (const h of [...this.handlers]) if (h.scope === "*" || h.scope === sheet) await h.handler(event);
  }
}
