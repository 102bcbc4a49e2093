/**
 * Working out a simple formula, for a figure whose stored result cannot be relied on: programs that
 * write formulas without calculating them store none (openpyxl) or 0 (XlsxWriter, Perl's
 * Spreadsheet::WriteExcel). Only what a figure's formula usually is: numbers, cells of the same
 * sheet ("D9", "$D$9"), + - * / and brackets, and SUM over cells and ranges ("SUM(D10:D12,D14)").
 * Anything else (other functions, other sheets, text, an error, a cycle) gives undefined: not
 * worked out. A formula Excel or LibreOffice saved gives the result they stored.
 */
import type { CellValue, GridCell } from "../model/grid";
import { parseRange } from "../model/grid";

/** The cell at a zero-based row and column of the formula's sheet. */
export type CellAt = (r: number, c: number) => GridCell | undefined;

/** Formulas followed through other formulas at most this deep (and a cycle is caught by it). */
const DEEPEST = 32;
/** Cells a SUM range may cover at most. */
const LARGEST_RANGE = 10_000;

/**
 * The formula's value (with or without "="), or undefined when it is not simple enough or does not
 * give a finite number. A cell it reads that holds a formula of its own is worked out the same way
 * (its stored result taken when that formula is not simple enough).
 */
export function evaluateFormula(formula: string, cellAt: CellAt, depth = 0): number | undefined {
  if (depth > DEEPEST || formula.length > 2_000 || !SIMPLE.test(formula)) return undefined;
  const tokens = tokenize(formula);
  if (!tokens) return undefined;
  let at = 0;
  const value = (cell: GridCell | undefined): number | undefined => {
    if (!cell) return 0;
    if (cell.f !== undefined) {
      const inner = evaluateFormula(cell.f, cellAt, depth + 1);
      if (inner !== undefined || cell.v === undefined) return inner;
    }
    if (cell.v === undefined || cell.v === null || cell.v === "") return 0;
    return typeof cell.v === "number" && Number.isFinite(cell.v) ? cell.v : undefined;
  };
  const peek = (): string | undefined => tokens[at];
  const take = (t?: string): string | undefined => (t === undefined || tokens[at] === t ? tokens[at++] : undefined);

  function sumArgs(): number | undefined {
    let total = 0;
    for (;;) {
      const t = peek();
      const range = t !== undefined ? parseRange(t.replace(/\$/g, "")) : undefined;
      if (range && t!.includes(":")) {
        at++;
        const cells = (range.e.r - range.s.r + 1) * (range.e.c - range.s.c + 1);
        if (cells > LARGEST_RANGE) return undefined;
        for (let r = range.s.r; r <= range.e.r; r++) {
          for (let c = range.s.c; c <= range.e.c; c++) {
            const v = value(cellAt(r, c));
            if (v === undefined) return undefined;
            total += v;
          }
        }
      } else {
        const v = sum();
        if (v === undefined) return undefined;
        total += v;
      }
      if (take(",") === undefined) return total;
    }
  }
  function primary(): number | undefined {
    const t = take();
    if (t === undefined) return undefined;
    if (t === "(") {
      const v = sum();
      return take(")") !== undefined ? v : undefined;
    }
    if (t === "-") {
      const v = primary();
      return v === undefined ? undefined : -v;
    }
    if (t === "+") return primary();
    if (/^\d/.test(t)) return Number(t);
    if (t.toUpperCase() === "SUM" && take("(") !== undefined) {
      const v = sumArgs();
      return take(")") !== undefined ? v : undefined;
    }
    if (/^\$?[A-Za-z]{1,3}\$?\d+$/.test(t)) {
      const ref = parseRange(t.replace(/\$/g, ""));
      return ref ? value(cellAt(ref.s.r, ref.s.c)) : undefined;
    }
    return undefined;
  }
  function product(): number | undefined {
    let v = primary();
    while (v !== undefined && (peek() === "*" || peek() === "/")) {
      const op = take();
      const w = primary();
      if (w === undefined || (op === "/" && w === 0)) return undefined;
      v = op === "*" ? v * w : v / w;
    }
    return v;
  }
  function sum(): number | undefined {
    let v = product();
    while (v !== undefined && (peek() === "+" || peek() === "-")) {
      const op = take();
      const w = product();
      if (w === undefined) return undefined;
      v = op === "+" ? v + w : v - w;
    }
    return v;
  }
  const result = sum();
  return result !== undefined && at === tokens.length && Number.isFinite(result) ? result : undefined;
}

/** The characters a simple formula is made of (a quote, a comparison, a sheet's name: not simple). */
const SIMPLE = /^=?[\s$A-Za-z0-9.:,+\-*/()]*$/;

const ONE_CELL = /^=?\s*(\$?[A-Za-z]{1,3}\$?\d+)\s*$/;

/**
 * What a formula shows: for one cell alone ("=D9") that cell's value as it is (a number typed as text
 * stays that text, as the spreadsheet shows it; an empty cell shows 0), else evaluateFormula's number.
 */
export function formulaResult(formula: string, cellAt: CellAt, depth = 0): CellValue | undefined {
  const one = ONE_CELL.exec(formula);
  if (!one) return evaluateFormula(formula, cellAt, depth);
  if (depth > DEEPEST) return undefined;
  const ref = parseRange(one[1]!.replace(/\$/g, ""));
  const cell = ref ? cellAt(ref.s.r, ref.s.c) : undefined;
  if (!ref) return undefined;
  if (cell?.f !== undefined) return formulaResult(cell.f, cellAt, depth + 1) ?? cell.v;
  return cell?.v === undefined || cell.v === null || cell.v === "" ? 0 : cell.v;
}

/** Numbers, cell references and ranges, names (SUM), operators and brackets; null for anything else. */
function tokenize(formula: string): string[] | null {
  const out: string[] = [];
  const re = /\s*(?:(\$?[A-Za-z]{1,3}\$?\d+(?::\$?[A-Za-z]{1,3}\$?\d+)?)|(\d+(?:\.\d+)?(?:[eE][+-]?\d+)?)|([A-Za-z]+)|([-+*/(),]))\s*/y;
  let i = 0;
  const text = formula.replace(/^=/, "");
  while (i < text.length) {
    re.lastIndex = i;
    const m = re.exec(text);
    if (!m) return null;
    out.push(m[1] ?? m[2] ?? m[3] ?? m[4]!);
    i = re.lastIndex;
  }
  return out;
}
