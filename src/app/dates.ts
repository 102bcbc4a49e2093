/**
 * A day the user types (the CLI's --deadline): "2021-06-25", or the
 * Vietnamese day/month/year "25/6/2021" or "25/6/21" (also with "-" or "."). One parser,
 * on the domain's date reading.
 */
import { findDateInText } from "../domain/values/date";

const DAY = /^\s*(\d{4}-\d{1,2}-\d{1,2}|\d{1,2}\s*([/.-])\s*\d{1,2}\s*\2\s*\d{4})\s*$/;
/** "25/6/21": a year of two digits is this century's (the programme ran 2016–2020). */
const SHORT_YEAR = /^(\s*\d{1,2}\s*([/.-])\s*\d{1,2}\s*\2\s*)(\d{2})\s*$/;

/** The ISO date of a typed day, or null when it is not one (or the day does not exist). */
export function parseDayInput(typed: string): string | null {
  const text = typed.replace(SHORT_YEAR, "$120$3");
  if (!DAY.test(text)) return null;
  const found = findDateInText(text);
  return found === null || found === "invalid" ? null : found;
}
