/**
 * Excel number formats and serial dates: telling a date cell from a number
 * cell by its format, and turning a serial into a date. Shared by the file
 * readers and the Office.js reader.
 */
import { textCache } from "./cache";

/** Built-in number format ids that show dates or times. */
export const BUILTIN_DATE_FORMATS: ReadonlySet<number> = new Set([14, 15, 16, 17, 18, 19, 20, 21, 22, 27, 30, 36, 45, 46, 47, 50, 57]);

/** Whether a number format code shows a date or time (d, m, y, h, s outside quotes and brackets). */
export function isDateFormat(code: string): boolean {
  const stripped = code
    .replace(/"[^"]*"/g, "")
    .replace(/\\./g, "")
    .replace(/\[(?:h+|m+|s+)\]/gi, "h")
    .replace(/\[[^\]]*\]/g, "");
  const first = stripped.split(";")[0] ?? "";
  return /[dmyhs]/i.test(first) && !/^general$/i.test(first.trim());
}

/** Excel serial (1900 system, or 1904) to a Date at UTC. */
export function serialToDate(serial: number, date1904: boolean): Date {
  const days = date1904 ? serial + 1462 : serial;
  // Excel's 1900 system counts the non-existent 29/2/1900 (serial 60).
  const adjusted = !date1904 && days < 61 ? days + 1 : days;
  return new Date(Math.round((adjusted - 25569) * 86400000));
}


/** Whether a number format scales by 100: a "%" outside quotes and escapes ("0%", '"Trên "0%', not '0"%"'). */
export function isPercentFormat(format: string): boolean {
  if (!format.includes("%")) return false;
  let known = PERCENT_FORMATS.get(format);
  if (known === undefined) {
    known = format.replace(/"[^"]*"|\\./g, "").includes("%");
    PERCENT_FORMATS.set(format, known);
  }
  return known;
}

const PERCENT_FORMATS = textCache<boolean>(1_000);

/** The codes of Excel's built-in percentage formats, by id. */
export const BUILTIN_PERCENT_FORMATS: ReadonlyMap<number, string> = new Map([
  [9, "0%"],
  [10, "0.00%"],
]);
