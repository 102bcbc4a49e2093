/**
 * Numbers as units type them in the indicator table.
 *
 * Rules for numbers typed as text (Vietnamese style: "." groups thousands, "," marks decimals):
 * - digits only ("1234", " 56 ") → the integer;
 * - groups of exactly three digits after "." ("1.234", "1.234.567") → thousands (1234, 1234567);
 * - groups of exactly three digits after spaces ("1 234") → thousands;
 * - "," followed by 1, 2 or 4+ digits ("12,5") → a decimal (12.5);
 * - "." thousands then "," decimals ("1.234,5") → 1234.5; English "1,234.5" → 1234.5 (unambiguous: both marks);
 * - several "," groups of three ("1,234,567") → thousands (a decimal mark appears once);
 * - a single "," followed by exactly three digits ("1,234") → ambiguous (Vietnamese decimal 1.234 or
 *   English thousands 1234): an issue, never a guess;
 * - a single "." followed by other than three digits ("1.23", "12.5") in a count → ambiguous
 *   (not Vietnamese thousands; an English decimal or a typing slip);
 * - "-", "–", "—", "…", "..." alone, or an empty/space-only cell → blank (not reported), not an error;
 * - a note that says "not reported" ("x", "không có", "(chưa thống kê)", "k/c": NOT_REPORTED_NOTES) → a note:
 *   neither 0 nor an error (the district asks the unit);
 * - a figure beyond MAX_FIGURE, or one that is not finite ("9" × 400) → out of range, never summed;
 * - a hexadecimal text ("0x10") → not a number;
 * - a magnitude below TINY (binary noise such as -1e-320) → 0;
 * - anything else ("97%" in a count, "mười hai") → not a number.
 * A count may be followed by its unit of measure ("120 hộ", "15 người").
 */
import { cleanText, foldText } from "../text";
import type { CellValue } from "../model/grid";
import { vnDate } from "../format";

/** Why a value that reads as a number is still refused. */
export type OutOfRange = "too-large" | "not-finite";

export type NumberParse =
  | { readonly kind: "blank" }
  | { readonly kind: "number"; readonly value: number; readonly decimals: number; readonly percentSign: boolean }
  | { readonly kind: "ambiguous"; readonly text: string; readonly readings: readonly number[] }
  /** reason: "hexadecimal" for "0x10" (a number in another base, never read as 16). */
  | { readonly kind: "invalid"; readonly text: string; readonly reason?: "hexadecimal" }
  /** A note meaning "not reported" ("x", "không có"): not 0, not an error. */
  | { readonly kind: "note"; readonly text: string }
  | { readonly kind: "out-of-range"; readonly text: string; readonly reason: OutOfRange };

/** The largest figure accepted (in absolute value); beyond it a value is refused, never summed. */
export const MAX_FIGURE = 1e12;
/** Magnitudes below this are binary noise (a formula's -1e-320): read as 0. */
export const TINY = 1e-9;

/**
 * Notes that mean "not reported" in a figure cell, folded (no diacritics, lower case, punctuation
 * as spaces, see foldText): "(chưa thống kê)" → "chua thong ke", "k/c" → "k c". Add new wordings here.
 */
export const NOT_REPORTED_NOTES: readonly string[] = [
  "x",
  "k",
  "ko",
  "k c",
  "kc",
  "k co",
  "ko co",
  "khong",
  "khong co",
  "khong co so lieu",
  "khong so lieu",
  "khong thuc hien",
  "khong thong ke",
  "khong bao cao",
  "khong phat sinh",
  "khong ap dung",
  "khong xac dinh",
  "chua",
  "chua co",
  "chua co so lieu",
  "chua thuc hien",
  "chua thong ke",
  "chua bao cao",
  "chua tong hop",
  "chua phat sinh",
  "chua xac dinh",
  "dang thong ke",
  "dang tong hop",
  "dang cap nhat",
  "chua cap nhat",
  "dang bao cao",
  "cho so lieu",
  "dang cho so lieu",
  "n a",
];
const NOT_REPORTED = new Set(NOT_REPORTED_NOTES);

/** Whether a text is a note meaning "not reported" (compared folded). */
export function isNotReportedNote(text: string): boolean {
  const f = foldText(text);
  return f !== "" && NOT_REPORTED.has(f);
}

/** A value within bounds, or why not; tiny magnitudes (and -0) become 0. */
export function boundValue(value: number): { ok: true; value: number } | { ok: false; reason: OutOfRange } {
  if (!Number.isFinite(value)) return { ok: false, reason: "not-finite" };
  if (Math.abs(value) > MAX_FIGURE) return { ok: false, reason: "too-large" };
  if (Math.abs(value) < TINY) return { ok: true, value: 0 };
  return { ok: true, value };
}

/** Texts that mean "nothing to report" in a number cell. */
const BLANK_MARKS = new Set(["", "-", "–", "—", "−", "…", "...", "..", "--", "---", "/", "(-)", "(–)"]);

/** Unit words a count may be followed by (folded). */
const UNIT_WORDS =
  /^(nguoi|ho|ho dan|ban|xa|thon|thon ban|co quan|don vi|co quan don vi|xa thi tran|thi tran|truong|dv|cq|lop|dang vien|chi bo|luot|luot nguoi|to dan pho)$/;

export function isBlankText(text: string): boolean {
  return BLANK_MARKS.has(cleanText(text));
}

function countDecimals(value: number): number {
  if (!Number.isFinite(value) || Number.isInteger(value)) return 0;
  // Up to 10 significant decimals: hides binary noise (0.1 + 0.2).
  const s = Number(value.toFixed(10)).toString();
  if (s.includes("e")) return 10;
  const dot = s.indexOf(".");
  return dot < 0 ? 0 : s.length - dot - 1;
}

/**
 * Parses the numeric part of a typed text. `decimalDot` says whether a lone "." with other than
 * three digits is read as a decimal point (ratios: "97.4") or is ambiguous (counts: "1.23").
 */
export function parseNumberText(raw: string, options: { decimalDot: boolean; allowUnit?: boolean }): NumberParse {
  // A leading apostrophe kept from a paste ("'45") and a closing full stop ("45.") are not part of the number.
  let text = cleanText(raw).replace(/^['‘’`]\s*/, "").replace(/(\d)\.$/, "$1");
  if (BLANK_MARKS.has(text)) return { kind: "blank" };
  if (isNotReportedNote(text)) return { kind: "note", text: cleanText(raw) };
  if (/^[+\-−–]?\s*0x[0-9a-f]+$/i.test(text)) return { kind: "invalid", text: cleanText(raw), reason: "hexadecimal" };
  // Exponent notation and the non-finite words a stored number may come as ("1e400", "Infinity").
  if (/^[+-]?(?:\d+(?:\.\d*)?|\.\d+)e[+-]?\d+$/i.test(text) || /^[+-]?(?:infinity|nan)$/i.test(text)) {
    const bounded = boundValue(Number(text.replace(/^\+/, "")));
    if (!bounded.ok) return { kind: "out-of-range", text: cleanText(raw), reason: bounded.reason };
    return { kind: "number", value: bounded.value, decimals: countDecimals(bounded.value), percentSign: false };
  }
  let percentSign = false;
  if (/%$/.test(text)) {
    percentSign = true;
    text = text.replace(/\s*%$/, "");
  }
  let sign = 1;
  const signMatch = /^([+\-−–])\s*/.exec(text);
  if (signMatch) {
    if (signMatch[1] !== "+") sign = -1;
    text = text.slice(signMatch[0].length);
  }
  if (options.allowUnit && !percentSign) {
    const m = /^([\d][\d.,\s]*?)\s*([^\d.,\s].*)$/u.exec(text);
    if (m && UNIT_WORDS.test(foldText(m[2]!))) text = m[1]!.trim();
  }
  const ok = (value: number, decimals: number): NumberParse => {
    const bounded = boundValue(sign * value);
    if (!bounded.ok) return { kind: "out-of-range", text: cleanText(raw), reason: bounded.reason };
    return { kind: "number", value: bounded.value, decimals: bounded.value === 0 ? 0 : decimals, percentSign };
  };
  if (/^\d+$/.test(text)) return ok(Number(text), 0);
  // Thousands with "." (Vietnamese) or spaces.
  if (/^\d{1,3}(\.\d{3})+$/.test(text)) return ok(Number(text.replace(/\./g, "")), 0);
  if (/^\d{1,3}( \d{3})+$/.test(text)) return ok(Number(text.replace(/ /g, "")), 0);
  // Vietnamese thousands and decimal comma: "1.234,5".
  if (/^\d{1,3}(\.\d{3})+,\d+$/.test(text) || /^\d{1,3}( \d{3})+,\d+$/.test(text)) {
    const [int, dec] = text.replace(/[. ]/g, "").split(",");
    return ok(Number(`${int}.${dec}`), dec!.length);
  }
  // English thousands and decimal point: "1,234.5"; several comma groups: "1,234,567".
  if (/^\d{1,3}(,\d{3})+\.\d+$/.test(text)) {
    const [int, dec] = text.replace(/,/g, "").split(".");
    return ok(Number(`${int}.${dec}`), dec!.length);
  }
  if (/^\d{1,3}(,\d{3}){2,}$/.test(text)) return ok(Number(text.replace(/,/g, "")), 0);
  // A lone comma.
  const comma = /^(\d+),(\d+)$/.exec(text);
  if (comma) {
    const [, int, dec] = comma;
    if (dec!.length === 3 && !options.decimalDot) {
      return {
        kind: "ambiguous",
        text: cleanText(raw),
        readings: [sign * Number(`${int}.${dec}`), sign * Number(`${int}${dec}`)],
      };
    }
    return ok(Number(`${int}.${dec}`), dec!.length);
  }
  // A lone dot that is not Vietnamese thousands.
  const dot = /^(\d+)\.(\d+)$/.exec(text);
  if (dot) {
    const [, int, dec] = dot;
    if (options.decimalDot) return ok(Number(`${int}.${dec}`), dec!.length);
    return {
      kind: "ambiguous",
      text: cleanText(raw),
      readings: [sign * Number(`${int}.${dec}`), sign * Number(`${int}${dec}`)],
    };
  }
  if (/^,\d+$/.test(text) || /^\.\d+$/.test(text)) {
    const dec = text.slice(1);
    return ok(Number(`0.${dec}`), dec.length);
  }
  return { kind: "invalid", text: cleanText(raw) };
}

/** A cell of Tổng số or Số đã đạt tiêu chuẩn: a number, typed text, blank, or not a number. */
export function parseCountValue(value: CellValue | undefined): NumberParse {
  if (value === undefined || value === null) return { kind: "blank" };
  if (typeof value === "number") {
    const bounded = boundValue(value);
    if (!bounded.ok) return { kind: "out-of-range", text: numberText(value), reason: bounded.reason };
    return { kind: "number", value: bounded.value, decimals: countDecimals(bounded.value), percentSign: false };
  }
  if (typeof value === "boolean") return { kind: "invalid", text: value ? "TRUE" : "FALSE" };
  if (value instanceof Date) return { kind: "invalid", text: formatDateText(value) };
  const parsed = parseNumberText(value, { decimalDot: false, allowUnit: true });
  if (parsed.kind === "number" && parsed.percentSign) return { kind: "invalid", text: cleanText(value) };
  return parsed;
}

/** True when a count is a whole number (allowing binary noise from formulas). */
export function isWhole(value: number): boolean {
  return Math.abs(value - Math.round(value)) < 1e-9;
}

/** A stored number as a message quotes it ("1e+308", "Infinity"). */
function numberText(value: number): string {
  return String(value);
}

export interface RatioParse {
  /** note: a "not reported" note; out-of-range: beyond MAX_FIGURE or not finite. */
  readonly kind: "blank" | "number" | "invalid" | "note" | "out-of-range";
  /** Why an out-of-range or invalid value is refused. */
  readonly reason?: OutOfRange | "hexadecimal";
  /** The percentage as typed, e.g. 97.4 for "97,4%", for 97.4, and for 0.974 shown with a % format. */
  readonly percent?: number;
  /** Decimal places the value was typed with (sets the tolerance of the comparison). */
  readonly decimals?: number;
  /** A plain number ≤ 1 without a percent sign or format: it may be a fraction (0.974 for 97.4%). */
  readonly maybeFraction?: boolean;
  readonly text?: string;
}

/**
 * A cell of Tỷ lệ (%): "97,4%", "97.4", 97.4, 0.974 formatted as a percentage, "100%".
 * `numberFormat` is the cell's number format code (a "%" in it means the stored value is a fraction).
 */
export function parseRatioValue(value: CellValue | undefined, numberFormat?: string): RatioParse {
  if (value === undefined || value === null) return { kind: "blank" };
  if (typeof value === "number") {
    const bounded = boundValue(value);
    if (!bounded.ok) return { kind: "out-of-range", text: numberText(value), reason: bounded.reason };
    value = bounded.value;
    if (numberFormat !== undefined && /%/.test(numberFormat.replace(/"[^"]*"|\\./g, ""))) {
      const percent = Number((value * 100).toFixed(10));
      return { kind: "number", percent, decimals: countDecimals(percent) };
    }
    return {
      kind: "number",
      percent: value,
      decimals: countDecimals(value),
      maybeFraction: value > 0 && value <= 1,
    };
  }
  if (typeof value === "boolean" || value instanceof Date) {
    return { kind: "invalid", text: value instanceof Date ? formatDateText(value) : String(value) };
  }
  const parsed = parseNumberText(value, { decimalDot: true });
  switch (parsed.kind) {
    case "blank":
      return { kind: "blank" };
    case "number":
      return {
        kind: "number",
        percent: parsed.value,
        decimals: parsed.decimals,
        maybeFraction: !parsed.percentSign && parsed.value > 0 && parsed.value <= 1,
      };
    case "note":
      return { kind: "note", text: parsed.text };
    case "out-of-range":
      return { kind: "out-of-range", text: parsed.text, reason: parsed.reason };
    case "invalid":
      return { kind: "invalid", text: parsed.text, ...(parsed.reason ? { reason: parsed.reason } : {}) };
    default:
      return { kind: "invalid", text: parsed.text };
  }
}

/** A date typed where a figure belongs, as every date is written to users ("05/01/2021", "25/6/2021"). */
function formatDateText(d: Date): string {
  const pad = (n: number) => String(n).padStart(2, "0");
  return vnDate(`${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())}`);
}

/** Whether a typed ratio agrees with the computed one, within half a unit of its last typed decimal place. */
export function ratioAgrees(typed: number, decimals: number, computed: number): boolean {
  const tolerance = 0.5 * Math.pow(10, -decimals) + 1e-9;
  return Math.abs(typed - computed) <= tolerance;
}

/** "45/50", "45 / 50", "45 trên 50": achieved over total, each part a figure as typed. */
const COMBINED = /^([\d][\d.,\s]*?)\s*(?:\/|\btrên\b|\btren\b)\s*([\d][\d.,\s]*)$/iu;

/**
 * A result written as achieved/total in one cell ("45/50", "45 trên 50"), its two parts as typed;
 * null when the text is not of that shape.
 */
export function parseCombinedFigures(value: CellValue | undefined): { achieved: string; total: string; text: string } | null {
  if (typeof value !== "string") return null;
  const text = cleanText(value);
  const m = COMBINED.exec(text.normalize("NFC"));
  if (!m) return null;
  return { achieved: m[1]!.trim(), total: m[2]!.trim(), text };
}
