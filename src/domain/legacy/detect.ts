/**
 * Telling text typed with a legacy Vietnamese font (TCVN3/ABC, VNI) from
 * Unicode, one text at a time. A text is decoded only when (1) it is made of
 * ASCII and the characters the encoding stores, (2) what it decodes to is
 * Vietnamese syllables, and (3) as it stands it cannot be Unicode Vietnamese
 * (a "¸" or "ª" inside a word, "giaùo"). A text that reads as Vietnamese both
 * ways ("mét" is TCVN3 for "một" and a Vietnamese word itself) is kept as it is.
 */
import { EXCEL_CELL_TEXT } from "../model/grid";
import { textCache } from "../cache";
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

/*
 * Every character either encoding stores lies in 0xA1–0xFF, and neither stores a Latin letter
 * beyond Latin-1 (ă, đ, ơ, ạ…): a text without the one or with the other is left at once.
 */
/**
 * Worth decoding: a character either encoding stores (0xA1–0xFF), and no Latin letter beyond
 * Latin-1. A text longer than a cell of Excel holds was not typed in one with these fonts: it is
 * left as it is (and cut where it is read), not decoded twice over.
 */
function mayBeLegacy(text: string): boolean {
  if (text.length > EXCEL_CELL_TEXT) return false;
  let stored = false;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code < 0xa1) continue;
    if (code <= 0xff) stored = true;
    else if (code <= 0x24f || (code >= 0x1e00 && code <= 0x1eff)) return false;
  }
  return stored;
}
const WORD = /[\p{L}\p{M}\p{N}]+/gu;
const LETTER = /\p{L}/u;
const MARK = /\p{M}/u;
/** Capitals standing for words (HĐND, ĐU): accepted where a syllable is expected. */
const ACRONYM = /^[A-ZĐ]{2,8}$/u;
/** Rhymes few words have (loanwords, interjections): weaker evidence than the rest. */
const RARE_RHYME = /(?:oo|uơ|oeo|oao|uyu|uya|oă|uêch|uênh|uych|uyp)/;
/** The share of decoded words that must be syllables (typos and names aside). */
const SYLLABLE_SHARE = 0.8;

const isAscii = (ch: string): boolean => ch.charCodeAt(0) < 0x80;
const hasNonAscii = (word: string): boolean => [...word].some((ch) => !isAscii(ch));
/** Written in lower case, in capitals or capitalised: "ềU" is no word (TCVN3 read into VNI's "ỊU"). */
const cased = (word: string): boolean => {
  const rest = word.slice(1);
  return word === word.toLowerCase() || word === word.toUpperCase() || rest === rest.toLowerCase();
};
const wordLike = (word: string): boolean => (isVietnameseSyllable(word) && cased(word)) || ACRONYM.test(word);

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

/**
 * The text decoded from the encoding, or null when it is not text typed in it.
 * `share`: the part of its words with letters beyond ASCII that must decode to
 * syllables; `alsoUnicode`: accept a text that reads as Unicode Vietnamese too.
 */
function decodeAs(text: string, encoding: Encoding, share = SYLLABLE_SHARE, alsoUnicode = false, minWord = 2): { text: string; syllables: number } | null {
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
  // One letter ("µ" is TCVN3 for "à") is too little to go by: a word of two letters at least,
  // unless the rest of the workbook already says the encoding.
  if (!words.some((w) => w.length >= minWord && wordLike(w)) || syllables < share * words.length) return null;
  if (!alsoUnicode && plausibleAsUnicode(text, encoding.stored)) return null;
  // When both encodings read a text, the one giving the commoner syllables wins ("oâng" is VNI's
  // "ông", not TCVN3's "oõng").
  const rare = words.filter((w) => RARE_RHYME.test(w.normalize("NFD").replace(/[\u0300\u0301\u0303\u0309\u0323]/g, "").normalize("NFC").toLowerCase())).length;
  return { text: decoded, syllables: syllables - rare / 2 };
}

/**
 * The text in Unicode and the encoding it was typed in, or null when it is not
 * legacy text. A short text can read in both ("öi a" is TCVN3 "ửi a" and VNI "ưi
 * a"): `prefer`, the encoding the rest of the workbook is in, decides it;
 * without it the commoner reading wins, TCVN3 on a tie.
 */
export function detectLegacyText(text: string, prefer?: LegacyEncoding): { encoding: LegacyEncoding; text: string } | null {
  if (!mayBeLegacy(text)) return null;
  // The same labels recur in every unit's workbook: each is worked out once.
  const key = `${prefer ?? ""}|${text}`;
  const known = DETECTED.get(key);
  if (known !== undefined) return known;
  const read = detectUncached(text, prefer);
  DETECTED.set(key, read, key.length + (read?.text.length ?? 0));
  return read;
}

const DETECTED = textCache<{ readonly encoding: LegacyEncoding; readonly text: string } | null>(20_000);

function detectUncached(text: string, prefer: LegacyEncoding | undefined): { encoding: LegacyEncoding; text: string } | null {
  let best: { encoding: LegacyEncoding; text: string; syllables: number } | null = null;
  for (const encoding of LEGACY_ENCODINGS) {
    // In the workbook's own encoding a one-letter word is enough ("UÕ" is VNI's "Ũ", not TCVN3's "Uế").
    const read = encoding.name === prefer ? decodeAs(text, encoding, SYLLABLE_SHARE, false, 1) : decodeAs(text, encoding);
    if (read && encoding.name === prefer) return { encoding: encoding.name, text: read.text };
    if (read && (!best || read.syllables > best.syllables)) best = { encoding: encoding.name, ...read };
  }
  return best && { encoding: best.encoding, text: best.text };
}

/**
 * A text that reads as Vietnamese both ways ("Hé" is TCVN3 for "Hộ", "Cô" VNI
 * for "Cơ"), decoded from the encoding when every word decodes to a syllable:
 * for a workbook whose other cells are surely in that encoding. Null otherwise.
 */
export function decodeAlsoUnicode(text: string, encoding: LegacyEncoding): string | null {
  if (!mayBeLegacy(text)) return null;
  return decodeAs(text, LEGACY_ENCODINGS.find((e) => e.name === encoding)!, 1, true)?.text ?? null;
}
