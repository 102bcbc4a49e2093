/**
 * Telling text typed with a legacy Vietnamese font (TCVN3/ABC, VNI) from
 * Unicode, one text at a time. A text is decoded only when (1) it is made of
 * ASCII and the characters the encoding stores, (2) what it decodes to is
 * Vietnamese syllables, and (3) as it stands it cannot be Unicode Vietnamese
 * (a "¸" or "ª" inside a word, "giaùo"). A text that reads as Vietnamese both
 * ways ("mét" is TCVN3 for "một" and a Vietnamese word itself) is kept as it is.
 */
import { isVietnameseSyllable } from "./syllable";
import { decodeTcvn3, encodeTcvn3, TCVN3_STORED } from "./tcvn3";
import { decodeVni, encodeVni, VNI_STORED } from "./vni";

export type LegacyEncoding = "TCVN3" | "VNI";

interface Encoding {
  readonly name: LegacyEncoding;
  readonly stored: ReadonlySet<string>;
  readonly decode: (text: string) => string;
  readonly encode: (text: string) => string;
}

export const LEGACY_ENCODINGS: readonly Encoding[] = [
  { name: "TCVN3", stored: TCVN3_STORED, decode: decodeTcvn3, encode: encodeTcvn3 },
  { name: "VNI", stored: VNI_STORED, decode: decodeVni, encode: encodeVni },
];

/** Unicode → the encoding, as a typist with its fonts would have stored it. */
export function encodeLegacy(text: string, encoding: LegacyEncoding): string {
  return LEGACY_ENCODINGS.find((e) => e.name === encoding)!.encode(text);
}

/** Every character either encoding stores lies here: a text without one is left at once. */
const MAY_BE_LEGACY = /[\u00a1-\u00ff]/;
const WORD = /[\p{L}\p{M}\p{N}]+/gu;
const LETTER = /\p{L}/u;
const MARK = /\p{M}/u;
/** Capitals standing for words (HĐND, ĐU): accepted where a syllable is expected. */
const ACRONYM = /^[A-ZĐ]{2,8}$/u;
/** The share of decoded words that must be syllables (typos and names aside). */
const SYLLABLE_SHARE = 0.8;

const isAscii = (ch: string): boolean => ch.charCodeAt(0) < 0x80;
const hasNonAscii = (word: string): boolean => [...word].some((ch) => !isAscii(ch));
const wordLike = (word: string): boolean => isVietnameseSyllable(word) || ACRONYM.test(word);

/**
 * Can the text be Unicode Vietnamese as it stands? Not when it holds a sign the
 * encoding uses for a letter ("¸", "§", the soft hyphen of "tr­êng"), or a word
 * with letters beyond ASCII that is no syllable ("giaùo", "Tæng").
 */
function plausibleAsUnicode(text: string, stored: ReadonlySet<string>): boolean {
  for (const ch of text) if (!isAscii(ch) && stored.has(ch) && !LETTER.test(ch)) return false;
  for (const word of text.match(WORD) ?? []) if (hasNonAscii(word) && !wordLike(word)) return false;
  return true;
}

/** The text decoded from the encoding, or null when it is not text typed in it. */
function decodeAs(text: string, encoding: Encoding): { text: string; syllables: number } | null {
  let stored = false;
  for (const ch of text) {
    if (isAscii(ch)) continue;
    if (encoding.stored.has(ch)) stored = true;
    // A letter (or a combining mark) the fonts do not make: Unicode, or another encoding.
    else if (LETTER.test(ch) || MARK.test(ch)) return null;
  }
  if (!stored) return null;
  const decoded = encoding.decode(text);
  if (decoded === text) return null;
  const words = (decoded.match(WORD) ?? []).filter(hasNonAscii);
  const syllables = words.filter(wordLike).length;
  if (syllables === 0 || syllables < SYLLABLE_SHARE * words.length) return null;
  if (plausibleAsUnicode(text, encoding.stored)) return null;
  return { text: decoded, syllables };
}

/** The text in Unicode and the encoding it was typed in, or null when it is not legacy text. */
export function detectLegacyText(text: string): { encoding: LegacyEncoding; text: string } | null {
  if (!MAY_BE_LEGACY.test(text)) return null;
  let best: { encoding: LegacyEncoding; text: string; syllables: number } | null = null;
  for (const encoding of LEGACY_ENCODINGS) {
    const read = decodeAs(text, encoding);
    if (read && (!best || read.syllables > best.syllables)) best = { encoding: encoding.name, ...read };
  }
  return best && { encoding: best.encoding, text: best.text };
}
