/**
 * Text helpers for reading what people typed: Unicode forms, Vietnamese
 * diacritics, case, spaces and line breaks.
 */
import { memoText } from "./cache";

const cleanTextMemo = memoText(cleanTextUncached);

/** NFC, non-breaking and odd spaces to plain spaces, runs of white space collapsed, trimmed. */
export function cleanText(value: string): string {
  return isPlainAscii(value) ? value : cleanTextMemo(value);
}

/**
 * Printable ASCII with single inner spaces (figures, codes): already clean, and not worth a
 * cache entry (they differ from file to file).
 */
function isPlainAscii(value: string): boolean {
  const n = value.length;
  if (n === 0 || n > 64) return false;
  let prev = 32;
  for (let i = 0; i < n; i++) {
    const ch = value.charCodeAt(i);
    if (ch < 32 || ch > 126 || (ch === 32 && prev === 32)) return false;
    prev = ch;
  }
  return prev !== 32;
}

function cleanTextUncached(value: string): string {
  return value
    .normalize("NFC")
    .replace(/[\u00a0\u2000-\u200b\u202f\u205f\u3000\ufeff]/g, " ")
    .replace(/\s+/g, " ")
    .trim();
}

/**
 * A key for comparing labels by meaning: NFC, lower case, Vietnamese
 * diacritics removed (đ → d), punctuation to spaces, spaces collapsed.
 */
export const foldText = memoText(foldTextUncached);

function foldTextUncached(value: string): string {
  return cleanText(value)
    .toLowerCase()
    .normalize("NFD")
    .replace(/[\u0300-\u036f]/g, "")
    .replace(/đ/g, "d")
    .replace(/[^\p{L}\p{N}%]+/gu, " ")
    .trim();
}

/** Vietnamese text without diacritics, case kept (for file names). */
export function stripDiacritics(value: string): string {
  return cleanText(value)
    .normalize("NFD")
    .replace(/[\u0300-\u036f]/g, "")
    .replace(/đ/g, "d")
    .replace(/Đ/g, "D");
}

/** Edit distance (Levenshtein) between two strings, stopping early above `max`. */
export function editDistance(a: string, b: string, max = Number.POSITIVE_INFINITY): number {
  if (a === b) return 0;
  if (Math.abs(a.length - b.length) > max) return max + 1;
  let prev = new Int32Array(b.length + 1);
  let curr = new Int32Array(b.length + 1);
  for (let j = 0; j <= b.length; j++) prev[j] = j;
  // The distance from the part of `a` read so far to the whole of `b` (the row's last cell), kept
  // aside: most calls stop early, and a final read of the row, rarely reached, had V8 throw the
  // optimized code away each time it was.
  let last = b.length;
  for (let i = 1; i <= a.length; i++) {
    curr[0] = i;
    let rowMin = i;
    last = i;
    for (let j = 1; j <= b.length; j++) {
      const cost = a.charCodeAt(i - 1) === b.charCodeAt(j - 1) ? 0 : 1;
      const v = Math.min(prev[j]! + 1, curr[j - 1]! + 1, prev[j - 1]! + cost);
      curr[j] = v;
      last = v;
      if (v < rowMin) rowMin = v;
    }
    if (rowMin > max) return max + 1;
    const swap = prev;
    prev = curr;
    curr = swap;
  }
  return last;
}

/** Vietnamese order, made once (as `localeCompare(…, "vi")`, without a collator made at each comparison). */
const VIETNAMESE = new Intl.Collator("vi");

/**
 * Names in Vietnamese order ("Bản Bo" before "Bình Lư" before "Đảng ủy…"): the one order of the files of a
 * folder, walked on the command line or dropped on the pane, and of what else is listed by name.
 */
export function compareNames(a: string, b: string): number {
  return VIETNAMESE.compare(a, b);
}
