/**
 * A day the user types (the CLI's --deadline): "2021-06-25", or the
 * Vietnamese day/month/year "25/6/2021" (also with "-" or "."). One parser,
 * on the domain's date reading.
 */
import { findDateInText } from "../domain/values/date";

const DAY = /^\s*(\d{4}-\d{1,2}-\d{1,2}|\d{1,2}\s*([/.-])\s*\d{1,2}\s*\2\s*\d{4})\s*$/;

/** The ISO date of a typed day, or null when it is not one (or the day does not exist). */
export function parseDayInput(text: string): string | null {
  if (!DAY.test(text)) return null;
  const found = findDateInText(text);
  return found === null || found === "invalid" ? null : found;
}
