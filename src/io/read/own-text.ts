/**
 * Texts read from a file, as strings of their own. The engine may hand out a piece cut from a
 * longer string as a view into it: a cell's text cut from its part's XML (or a CSV's whole text)
 * would then keep that whole text in memory for as long as a report, or a cache of the reading,
 * keeps the cell's text.
 */

/** A copy of a text that does not hold on to the text it was cut from. */
export function detached(text: string): string {
  return (" " + text).slice(1);
}

/** A cell's text as a string of its own. Short texts are copies already (V8 makes views only of 13 characters or more). */
export function ownText(text: string): string {
  return text.length < 13 ? text : detached(text);
}
