/** The text of a grid cell: what the reader matches labels against and the rules quote in messages. */
import type { CellValue, GridCell } from "../model/grid";
import { cleanText } from "../text";

/** Text of a stored value: numbers as JavaScript writes them (1.1 → "1.1"), dates as d/m/yyyy. */
export function valueText(v: CellValue | undefined): string {
  if (v === undefined || v === null) return "";
  if (typeof v === "string") return v;
  if (typeof v === "number") {
    // Whole numbers of up to 12 digits read the same either way; String alone is much cheaper.
    if (Number.isInteger(v) && v < 1e12 && v > -1e12) return String(v);
    return Number.isFinite(v) ? String(Number(v.toPrecision(12))) : "";
  }
  if (typeof v === "boolean") return v ? "TRUE" : "FALSE";
  return `${v.getUTCDate()}/${v.getUTCMonth() + 1}/${v.getUTCFullYear()}`;
}

/** The cleaned text of a cell (value, or the shown text when there is no value). */
export function cellText(cell: GridCell | undefined): string {
  if (!cell) return "";
  if (cell.v === undefined) return cleanText(cell.w ?? "");
  return cleanText(valueText(cell.v));
}
