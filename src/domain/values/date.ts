/**
 * Dates as units enter them: real dates, Excel serial numbers, or text
 * "7/4/2021", "07-04-2021", "07.04.2021", "2021-04-07", "2021/04/07", "ngày 7 tháng 4 năm 2021".
 * Day comes before month (Vietnamese order). Two-digit years are 20xx.
 * A date written without its day ("tháng 3/2018", "3/2018", "Quý I/2018", "năm 2018", a date
 * cell formatted "mm/yyyy") is the span it names, from its first to its last day: no day is invented.
 */
import type { CellValue } from "../model/grid";
import { cleanText, foldText } from "../text";

/** The days a partial date names, ISO, both ends included, and the text as written. */
export interface DateSpan {
  readonly from: string;
  readonly to: string;
  readonly text: string;
}

export type DateParse =
  | { readonly kind: "blank" }
  | { readonly kind: "date"; readonly iso: string }
  | { readonly kind: "span"; readonly span: DateSpan }
  | { readonly kind: "invalid"; readonly text: string };

function pad(n: number): string {
  return String(n).padStart(2, "0");
}

/** ISO date of a day, month and year, or null when the day does not exist. */
export function isoDate(year: number, month: number, day: number): string | null {
  if (!Number.isInteger(year) || !Number.isInteger(month) || !Number.isInteger(day)) return null;
  if (year < 1900 || year > 2100 || month < 1 || month > 12 || day < 1) return null;
  const d = new Date(Date.UTC(year, month - 1, day));
  if (d.getUTCMonth() !== month - 1 || d.getUTCDate() !== day) return null;
  return `${year}-${pad(month)}-${pad(day)}`;
}

/** ISO date of an Excel serial (1900 system). */
export function serialToIso(serial: number): string | null {
  if (!Number.isFinite(serial) || serial < 1 || serial > 100000) return null;
  const d = new Date(Date.UTC(1899, 11, 30) + Math.floor(serial) * 86400000);
  return isoDate(d.getUTCFullYear(), d.getUTCMonth() + 1, d.getUTCDate());
}

function fullYear(y: string): number {
  const n = Number(y);
  return y.length <= 2 ? 2000 + n : n;
}

/** Finds a date inside a text ("26-KH/TU, ngày 07/4/2021", "ngày 7 tháng 4 năm 2021"); null when there is none. */
export function findDateInText(raw: string): string | null | "invalid" {
  const text = cleanText(raw);
  const folded = foldText(text);
  const words = /ngay\s+(\d{1,2})\s+thang\s+(\d{1,2})\s+nam\s+(\d{2,4})/.exec(folded);
  if (words) return isoDate(fullYear(words[3]!), Number(words[2]), Number(words[1])) ?? "invalid";
  // The year first: ISO ("2021-04-07"), and as Gnumeric's CSV, web systems and East Asian locales write it
  // ("2021/04/07", "2021.04.07"); no one writes the day before the month after a year.
  const iso = /(?:^|[^\d])(\d{4})\s*([/.-])\s*(\d{1,2})\s*\2\s*(\d{1,2})(?:$|[^\d])/.exec(text);
  if (iso) return isoDate(Number(iso[1]), Number(iso[3]), Number(iso[4])) ?? "invalid";
  const dmy = /(?:^|[^\d/.-])(\d{1,2})\s*([/.-])\s*(\d{1,2})\s*\2\s*(\d{4}|\d{2})(?:$|[^\d])/.exec(text);
  if (dmy) return isoDate(fullYear(dmy[4]!), Number(dmy[3]), Number(dmy[1])) ?? "invalid";
  return null;
}

function lastDay(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

function monthSpan(year: number, from: number, to: number, text: string): DateSpan | null {
  if (year < 1900 || year > 2100 || from < 1 || to > 12 || from > to) return null;
  return { from: `${year}-${pad(from)}-01`, to: `${year}-${pad(to)}-${pad(lastDay(year, to))}`, text };
}

const ROMAN: Readonly<Record<string, number>> = { i: 1, ii: 2, iii: 3, iv: 4, "1": 1, "2": 2, "3": 3, "4": 4 };

/**
 * The span a date without its day names: "tháng 3/2018", "T3/2018", "3/2018", "03-2018",
 * "tháng 3 năm 2018", "Quý I/2018", "quý 1 năm 2018", "năm 2018", "2018". The whole text must be
 * the date (a blank date line "ngày … tháng … năm 2021" is no span); null otherwise.
 */
export function parsePartialDate(raw: string): DateSpan | null {
  const text = cleanText(raw);
  const f = foldText(text);
  const month = /^(?:thang\s*|t\s*)?(\d{1,2})\s+(?:nam\s+)?(\d{4})$/.exec(f);
  if (month) return monthSpan(Number(month[2]), Number(month[1]), Number(month[1]), text);
  const quarter = /^quy\s+(i{1,3}|iv|[1-4])\s+(?:nam\s+)?(\d{4})$/.exec(f);
  if (quarter) {
    const q = ROMAN[quarter[1]!]!;
    return monthSpan(Number(quarter[2]), 3 * q - 2, 3 * q, text);
  }
  const year = /^(?:nam\s+)?(\d{4})$/.exec(f);
  if (year) return monthSpan(Number(year[1]), 1, 12, text);
  return null;
}

/** Whether a number format shows a month and year but no day ("mm/yyyy", "mmm-yy"). */
export function monthOnlyFormat(numberFormat: string | undefined): boolean {
  if (numberFormat === undefined) return false;
  const f = numberFormat.replace(/"[^"]*"|\\.|\[[^\]]*\]/g, "").toLowerCase();
  return /y/.test(f) && /m/.test(f) && !/d/.test(f) && !/[hs]/.test(f);
}

/**
 * A cell of "Ngày, tháng ban hành". `numberFormat` (the cell's format code) tells a date shown
 * without its day ("mm/yyyy"): the month it shows is the span.
 */
export function parseDateValue(value: CellValue | undefined, numberFormat?: string): DateParse {
  if (value === undefined || value === null) return { kind: "blank" };
  if (value instanceof Date && !Number.isNaN(value.getTime()) && monthOnlyFormat(numberFormat)) {
    const y = value.getUTCFullYear();
    const m = value.getUTCMonth() + 1;
    const span = monthSpan(y, m, m, `${m}/${y}`);
    if (span) return { kind: "span", span };
  }
  if (value instanceof Date) {
    if (Number.isNaN(value.getTime())) return { kind: "invalid", text: "?" };
    const iso = isoDate(value.getUTCFullYear(), value.getUTCMonth() + 1, value.getUTCDate());
    return iso ? { kind: "date", iso } : { kind: "invalid", text: value.toISOString() };
  }
  if (typeof value === "number") {
    // A year alone ("2018" typed as a number) is the year's span.
    if (Number.isInteger(value) && value >= 1900 && value <= 2100) {
      const span = monthSpan(value, 1, 12, String(value));
      if (span) return { kind: "span", span };
    }
    if (monthOnlyFormat(numberFormat) && value >= 18264 && value <= 73051) {
      const iso = serialToIso(value);
      if (iso) {
        const [y, m] = iso.split("-").map(Number);
        const span = monthSpan(y!, m!, m!, `${m}/${y}`);
        if (span) return { kind: "span", span };
      }
    }
    // A plain number in a date column: an Excel serial between 1950 and 2100, else not a date.
    const iso = value >= 18264 && value <= 73051 ? serialToIso(value) : null;
    return iso ? { kind: "date", iso } : { kind: "invalid", text: String(value) };
  }
  if (typeof value === "boolean") return { kind: "invalid", text: String(value) };
  const text = cleanText(value);
  if (text === "" || text === "-" || text === "—" || text === "–" || text === "−" || text === "--" || text === "(-)") return { kind: "blank" };
  const found = findDateInText(text);
  if (found === null) {
    const span = parsePartialDate(text);
    if (span) return { kind: "span", span };
  }
  if (found === null || found === "invalid") return { kind: "invalid", text };
  return { kind: "date", iso: found };
}
