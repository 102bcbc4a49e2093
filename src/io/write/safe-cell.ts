/**
 * What may be written into a cell (and into any text of an output file):
 * one pure rule for the ExcelJS renderer, the lean writer and the report draft.
 *
 * - A number that is not finite (Infinity, NaN) is no number a spreadsheet can
 *   hold: `<v>Infinity</v>` opens as 0 in LibreOffice and not at all in strict
 *   readers. Such a cell is written empty.
 * - Text loses the bidirectional overrides and isolates (U+202A–U+202E,
 *   U+2066–U+2069), which can make a cell read otherwise than it is, and the
 *   C0 control characters other than tab, line feed and carriage return (and
 *   DEL, U+FFFE, U+FFFF), which XML 1.0 cannot carry.
 * - Cell text is cut to Excel's limit of 32,767 characters, a data validation's
 *   titles to 32 and its messages to 255 (Excel repairs a file with longer ones);
 *   never between the two halves of a surrogate pair.
 */
import { EXCEL_CELL_TEXT } from "../../domain/model/grid";

/** Excel's limit on the characters of one cell (a longer text read is named by the `text-cut` warning). */
export const MAX_CELL_TEXT = EXCEL_CELL_TEXT;

// eslint-disable-next-line no-control-regex
const UNSAFE = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F\u202A-\u202E\u2066-\u2069\uFFFE\uFFFF]/g;

/** Text without bidirectional controls and without the control characters XML cannot carry. */
export function safeText(text: string): string {
  return text.replace(UNSAFE, "");
}

/** Excel's limits on a data validation's input and error titles and messages. */
export const MAX_VALIDATION_TITLE = 32;
export const MAX_VALIDATION_TEXT = 255;

/** Safe text of at most `max` UTF-16 units, never cut between the halves of a surrogate pair. */
export function safeTextUpTo(text: string, max: number): string {
  const clean = safeText(text);
  if (clean.length <= max) return clean;
  const cut = clean.slice(0, max);
  const last = cut.charCodeAt(cut.length - 1);
  return last >= 0xd800 && last <= 0xdbff ? cut.slice(0, -1) : cut;
}

/** Text as a cell may hold it: safe characters, at most MAX_CELL_TEXT of them. */
export function safeCellText(text: string): string {
  return safeTextUpTo(text, MAX_CELL_TEXT);
}

/** The value to write for a layout cell's value: null (an empty cell) for a number that is not finite. */
export function safeCellValue(value: string | number | null): string | number | null {
  if (typeof value === "number") return Number.isFinite(value) ? value : null;
  if (typeof value === "string") return safeCellText(value);
  return value;
}
