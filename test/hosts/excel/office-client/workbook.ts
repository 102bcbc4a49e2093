/**
 * The workbook the harness keeps in memory, and Excel's documented handling
 * of what is written to it: a string written to a cell is read as if typed
 * (numbers, percentages, dates, booleans and formulas are recognised) unless
 * the cell's number format is text "@".
 */
import { cellAddress, columnLetters, MAX_COLUMNS, MAX_ROWS } from "../../../../src/domain/model/grid";

export type Scalar = string | number | boolean;

export interface Cell {
  /** The constant, or "" (a formula's value is not computed by the harness). */
  value: Scalar;
  /** "=…" for a formula cell. */
  formula?: string;
  numberFormat: string;
  /** "#RRGGBB", null for no fill. */
  fill: string | null;
  /** With a fill: its pattern when not "Solid", the pattern's colour and shade, the colour's shade (ExcelApi 1.9's RangeFill). */
  pattern?: string;
  patternColor?: string;
  patternTint?: number;
  tint?: number;
  locked: boolean;
}

export interface Rect {
  readonly r1: number;
  readonly c1: number;
  readonly r2: number;
  readonly c2: number;
}

export type Visibility = "Visible" | "Hidden" | "VeryHidden";

export interface SheetProtection {
  readonly allowFormatCells?: boolean;
  readonly allowFormatColumns?: boolean;
  readonly allowFormatRows?: boolean;
  readonly [option: string]: unknown;
}

/** A property set the harness records but does not model cell by cell (fonts, borders, widths, validation…). */
export interface FormatRecord {
  readonly address: string;
  readonly path: string;
  readonly value: unknown;
}

let sheetIds = 0;

export class Sheet {
  readonly id = `{00000000-0001-0000-0000-${String(++sheetIds).padStart(12, "0")}}`;
  visibility: Visibility = "Visible";
  protection: SheetProtection | null = null;
  readonly cells = new Map<number, Cell>();
  merges: Rect[] = [];
  readonly formats: FormatRecord[] = [];
  /** Page setup "Fit to … pages wide by … tall" (0 tall: Automatic), null when the sheet prints at a scale. */
  fitToPages: { wide: number; tall: number } | null = null;
  /** The print scale (percent) when the sheet prints at one, else null. */
  scale: number | null = null;
  /** Columns repeated on every printed page ("$A:$B"), when set. */
  printTitleColumns: string | null = null;
  /** Manual page breaks: zero-based rows above which, and columns left of which, a page starts. */
  readonly rowBreaks: number[] = [];
  readonly columnBreaks: number[] = [];
  constructor(public name: string) {}

  cell(r: number, c: number): Cell | undefined {
    return this.cells.get(r * MAX_COLUMNS + c);
  }

  cellFor(r: number, c: number): Cell {
    const key = r * MAX_COLUMNS + c;
    let cell = this.cells.get(key);
    if (!cell) {
      cell = { value: "", numberFormat: "General", fill: null, locked: true };
      this.cells.set(key, cell);
    }
    return cell;
  }

  /** Puts a value as typed (see `typed`) into a cell. */
  type(r: number, c: number, input: Scalar | null): void {
    if (input === null) return;
    const cell = this.cellFor(r, c);
    const result = typed(input, cell.numberFormat);
    cell.value = result.value;
    if (result.formula !== undefined) cell.formula = result.formula;
    else delete cell.formula;
    if (result.numberFormat !== undefined && cell.numberFormat === "General") cell.numberFormat = result.numberFormat;
  }

  /** Each cell of the sheet holding a value or a formula, as [r, c, cell]. */
  *used(): Generator<[number, number, Cell]> {
    for (const [key, cell] of this.cells) {
      if (cell.value === "" && cell.formula === undefined) continue;
      yield [Math.floor(key / MAX_COLUMNS), key % MAX_COLUMNS, cell];
    }
  }
}

export class Workbook {
  readonly sheets: Sheet[] = [];
  readonly settings = new Map<string, unknown>();
  active: Sheet | undefined;

  sheet(name: string): Sheet {
    const found = this.find(name);
    if (!found) throw new Error(`no sheet ${name}`);
    return found;
  }

  /** By name (without case, as Excel compares) or id. */
  find(key: string): Sheet | undefined {
    const folded = key.toLocaleUpperCase();
    return this.sheets.find((s) => s.id === key || s.name.toLocaleUpperCase() === folded);
  }

  addSheet(name: string): Sheet {
    const sheet = new Sheet(name);
    this.sheets.push(sheet);
    this.active ??= sheet;
    return sheet;
  }
}

/** 1900 date system serial of a calendar date. */
export function dateSerial(y: number, m: number, d: number): number {
  return (Date.UTC(y, m - 1, d) - Date.UTC(1899, 11, 30)) / 86_400_000;
}

const NUMBER = /^[+-]?(?:\d{1,3}(?:,\d{3})+|\d+)?(?:\.\d+)?(?:[eE][+-]?\d+)?$/;

function number(text: string): number | undefined {
  if (!/\d/.test(text) || !NUMBER.test(text)) return undefined;
  const n = Number(text.replace(/,/g, ""));
  return Number.isFinite(n) ? n : undefined;
}

function validDate(y: number, m: number, d: number): boolean {
  if (m < 1 || m > 12 || d < 1 || y < 1900 || y > 9999) return false;
  return new Date(Date.UTC(y, m - 1, d)).getUTCDate() === d;
}

/**
 * What Excel (en-US) makes of an input written to a cell of the given number
 * format, as if the user had typed it.
 */
export function typed(input: Scalar, numberFormat: string): { value: Scalar; formula?: string; numberFormat?: string } {
  if (numberFormat === "@") return { value: typeof input === "string" ? input : String(input).toUpperCase() };
  if (typeof input !== "string") return { value: input };
  const text = input.trim();
  if (input === "") return { value: "" };
  if (input.startsWith("'")) return { value: input.slice(1) };
  if (input.startsWith("=") && input.length > 1) return { value: "", formula: input };
  if (/^(true|false)$/i.test(text)) return { value: text.toUpperCase() === "TRUE" };
  const n = number(text);
  if (n !== undefined) return { value: n, ...(text.includes(",") ? { numberFormat: "#,##0" } : {}) };
  if (text.endsWith("%")) {
    const p = number(text.slice(0, -1).trim());
    if (p !== undefined) {
      const decimals = /\.(\d+)/.exec(text)?.[1]?.length ?? 0;
      return { value: p / 100, numberFormat: decimals > 0 ? `0.${"0".repeat(decimals)}%` : "0%" };
    }
  }
  const iso = /^(\d{4})[-/](\d{1,2})[-/](\d{1,2})$/.exec(text);
  if (iso && validDate(Number(iso[1]), Number(iso[2]), Number(iso[3]))) {
    return { value: dateSerial(Number(iso[1]), Number(iso[2]), Number(iso[3])), numberFormat: "yyyy-mm-dd" };
  }
  const us = /^(\d{1,2})\/(\d{1,2})\/(\d{4})$/.exec(text);
  if (us && validDate(Number(us[3]), Number(us[1]), Number(us[2]))) {
    return { value: dateSerial(Number(us[3]), Number(us[1]), Number(us[2])), numberFormat: "m/d/yyyy" };
  }
  // A leading sign or @ starts a formula when typed ("- a" becomes "=- a", which Excel cannot compute).
  if (/^[+\-@]/.test(input) && input.length > 1) return { value: "#NAME?", formula: `=${input}` };
  return { value: input };
}

/** The sheet name as it appears in an address ('Chỉ tiêu'!A1). */
export function quoteSheet(name: string): string {
  return /^[A-Za-z_][A-Za-z0-9_.]*$/.test(name) && !/^[A-Za-z]{1,3}\d+$/.test(name) ? name : `'${name.replace(/'/g, "''")}'`;
}

/** A1 text of a rectangle: "B2", "B2:C3", whole rows "1:3", whole columns "A:C". */
export function rectAddress(rect: Rect): string {
  const rows = rect.r1 === 0 && rect.r2 === MAX_ROWS - 1;
  const cols = rect.c1 === 0 && rect.c2 === MAX_COLUMNS - 1;
  if (cols) return `${rect.r1 + 1}:${rect.r2 + 1}`;
  if (rows) return `${columnLetters(rect.c1)}:${columnLetters(rect.c2)}`;
  const a = cellAddress(rect.r1, rect.c1);
  return rect.r1 === rect.r2 && rect.c1 === rect.c2 ? a : `${a}:${cellAddress(rect.r2, rect.c2)}`;
}

export const intersects = (a: Rect, b: Rect): boolean => a.r1 <= b.r2 && b.r1 <= a.r2 && a.c1 <= b.c2 && b.c1 <= a.c2;
