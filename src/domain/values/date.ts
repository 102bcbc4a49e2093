/**
 * Dates as units enter them: real dates, Excel serial numbers, or text
 * "7/4/2021", "07-04-2021", "07.04.2021", "2021-04-07", "ngày 7 tháng 4 năm 2021".
 * Day comes before month (Vietnamese order). Two-digit years are 20xx.
 */
import type { CellValue } from "../model/grid";
import { cleanText, foldText } from "../text";

export type DateParse =
  | { readonly kind: "blank" }
  | { readonly kind: "date"; readonly iso: string }
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
  const iso = /(?:^|[^\d])(\d{4})-(\d{1,2})-(\d{1,2})(?:$|[^\d])/.exec(text);
  if (iso) return isoDate(Number(iso[1]), Number(iso[2]), Number(iso[3])) ?? "invalid";
  const dmy = /(?:^|[^\d/.-])(\d{1,2})\s*([/.-])\s*(\d{1,2})\s*\2\s*(\d{4}|\d{2})(?:$|[^\d])/.exec(text);
  if (dmy) return isoDate(fullYear(dmy[4]!), Number(dmy[3]), Number(dmy[1])) ?? "invalid";
  return null;
}

/** A cell of "Ngày, tháng ban hành". */
export function parseDateValue(value: CellValue | undefined): DateParse {
  if (value === undefined || value === null) return { kind: "blank" };
  if (value instanceof Date) {
    if (Number.isNaN(value.getTime())) return { kind: "invalid", text: "?" };
    const iso = isoDate(value.getUTCFullYear(), value.getUTCMonth() + 1, value.getUTCDate());
    return iso ? { kind: "date", iso } : { kind: "invalid", text: value.toISOString() };
  }
  if (typeof value === "number") {
    // A plain number in a date column: an Excel serial between 1950 and 2100, else not a date.
    const iso = value >= 18264 && value <= 73051 ? serialToIso(value) : null;
    return iso ? { kind: "date", iso } : { kind: "invalid", text: String(value) };
  }
  if (typeof value === "boolean") return { kind: "invalid", text: String(value) };
  const text = cleanText(value);
  if (text === "" || text === "-" || text === "—" || text === "–") return { kind: "blank" };
  const found = findDateInText(text);
  if (found === null || found === "invalid") return { kind: "invalid", text };
  return { kind: "date", iso: found };
}
