/**
 * What the CLI prints to a terminal cannot drive it: control characters
 * (ESC and the escape sequences it starts, C0 and C1 controls, DEL) and
 * bidirectional overrides and isolates (U+202A–U+202E, U+2066–U+2069, and
 * the marks U+200E, U+200F, U+061C, the separators U+2028, U+2029) in file
 * names, unit names or any text read from a file are shown as visible
 * "\uXXXX" escapes. The escape is JSON's own, so JSON printed through the
 * same function stays valid JSON with the same strings once parsed.
 */

/** Every character escaped; newline and tab too (see terminalText for whole lines). */
// eslint-disable-next-line no-control-regex -- control characters are exactly what is looked for
const UNSAFE = /[\u0000-\u001f\u007f-\u009f\u061c\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069]/g;
/** The same, keeping newline and tab, which lay out lines of text. */
// eslint-disable-next-line no-control-regex -- control characters are exactly what is looked for
const UNSAFE_IN_TEXT = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u061c\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069]/g;

const escape = (ch: string): string => `\\u${ch.charCodeAt(0).toString(16).padStart(4, "0")}`;

/** One name (a file, a path) made safe to print: every control and bidirectional character escaped, newlines too. */
export function terminalName(name: string): string {
  return name.replace(UNSAFE, escape);
}

/** Lines of text made safe to print: as terminalName, but newlines and tabs are kept. */
export function terminalText(text: string): string {
  return text.replace(UNSAFE_IN_TEXT, escape);
}
