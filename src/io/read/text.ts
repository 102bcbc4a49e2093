/**
 * Text files as Vietnamese offices write them (CSV, web pages saved as
 * "Excel"): the bytes' encoding, and the file's number convention.
 *
 * Encoding: a byte order mark (UTF-8, UTF-16) or the encoding the file
 * declares wins; else valid UTF-8 is UTF-8; else the bytes are a legacy
 * code page: Windows-1258 (Vietnamese Windows, with combining tone marks,
 * normalised to NFC) when its letters are there, else Windows-1252, which
 * keeps TCVN3 (ABC) and VNI text byte for byte for the domain to convert.
 *
 * Numbers: cells stay text, read by the domain (src/domain/values/number.ts,
 * Vietnamese: "." thousands, "," decimals; "1,252" ambiguous). A file whose
 * values settle the convention ("96,43", "1.252.000", "1.252,5": Vietnamese;
 * "1,252.5", "1,252,000": English; never both) has the values that the two
 * conventions read differently given as numbers by that convention: "1.252"
 * is 1252 in a Vietnamese file and 1.252 in an English one, "1,252" 1.252 and
 * 1252. Unsettled, nothing is converted: the domain's Vietnamese reading
 * applies, and "1,252" stays ambiguous.
 */
import type { GridCell } from "../../domain/model/grid";
import { CP1258_LABELS, decodeCp1258 } from "./cp1258";

interface Decoder {
  /** The WHATWG name of the encoding. */
  readonly encoding: string;
  decode(bytes: Uint8Array): string;
}

/** Windows-1258 by our own table, in every host (EdgeHTML 18 has no decoder for it). */
const CP1258: Decoder = { encoding: "windows-1258", decode: decodeCp1258 };

/** Decodes with a label TextDecoder knows (Windows-1258 by our table); undefined when it does not know it. */
function decoderFor(label: string): Decoder | undefined {
  const name = label.trim().toLowerCase();
  if (CP1258_LABELS.includes(name)) return CP1258;
  try {
    return new TextDecoder(name, { fatal: false });
  } catch {
    return undefined;
  }
}

/** Windows-1258's own bytes: Đ đ Ơ ơ Ư ư Ă ă and its five combining tone marks. */
const CP1258_LETTERS = new Set([0xd0, 0xf0, 0xd5, 0xf5, 0xdd, 0xfd, 0xc3, 0xe3]);
const CP1258_TONES = new Set([0xcc, 0xec, 0xd2, 0xde, 0xf2]);

function isAsciiLetter(b: number): boolean {
  return (b >= 0x41 && b <= 0x5a) || (b >= 0x61 && b <= 0x7a);
}

/**
 * Which legacy code page the bytes are in: "windows-1258" when Vietnamese letters of Windows-1258
 * outnumber the marks of TCVN3 (bytes 0xA1–0xBF, its lower-case letters with diacritics) and of VNI
 * (ñ Ñ for đ Đ, ö for ư); else "windows-1252".
 */
export function legacyEncoding(bytes: Uint8Array): "windows-1258" | "windows-1252" {
  let cp1258 = 0;
  let tcvn3 = 0;
  let vni = 0;
  for (let i = 0; i < bytes.length; i++) {
    const b = bytes[i]!;
    if (b < 0x80) continue;
    if (b >= 0xa1 && b <= 0xbf) tcvn3++;
    else if (b === 0xf1 || b === 0xd1 || b === 0xf6 || b === 0xd6) vni++;
    else if (CP1258_LETTERS.has(b)) cp1258++;
    else if (CP1258_TONES.has(b) && i > 0 && (isAsciiLetter(bytes[i - 1]!) || bytes[i - 1]! >= 0xc0)) cp1258++;
  }
  return cp1258 > 0 && cp1258 >= tcvn3 && cp1258 >= vni ? "windows-1258" : "windows-1252";
}

export interface DecodedText {
  readonly text: string;
  /** The encoding the bytes were read in (WHATWG name). */
  readonly encoding: string;
}

/**
 * The text of a file's bytes: by its byte order mark, else the encoding it declares (`declared`,
 * e.g. a web page's charset), else UTF-8 when the bytes are valid UTF-8, else a legacy code page.
 * Always NFC.
 */
export function decodeText(bytes: Uint8Array, declared?: string): DecodedText {
  const out = (text: string, encoding: string): DecodedText => ({ text: text.normalize("NFC"), encoding });
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return out(new TextDecoder("utf-8").decode(bytes.subarray(3)), "utf-8");
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return out(new TextDecoder("utf-16le").decode(bytes.subarray(2)), "utf-16le");
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return out(new TextDecoder("utf-16be").decode(bytes.subarray(2)), "utf-16be");
  const bomless = utf16WithoutMark(bytes);
  if (bomless) return out(new TextDecoder(bomless).decode(bytes), bomless);
  const decoder = declared !== undefined ? decoderFor(declared) : undefined;
  // A page that declares UTF-16 without a byte order mark is in fact ASCII-compatible (HTML's rule).
  if (decoder && !decoder.encoding.startsWith("utf-16")) {
    if (decoder.encoding !== "utf-8" || isUtf8(bytes)) return out(decoder.decode(bytes), decoder.encoding);
  }
  if (isUtf8(bytes)) return out(new TextDecoder("utf-8").decode(bytes), "utf-8");
  const legacy = legacyEncoding(bytes);
  return out((legacy === "windows-1258" ? CP1258 : new TextDecoder(legacy)).decode(bytes), legacy);
}

/**
 * UTF-16 without a byte order mark (some systems' "Unicode" export): one byte of every two is zero
 * for the ASCII letters, digits, spaces and separators that fill a table, at odd places for
 * little-endian, at even ones for big-endian; text in any 8-bit encoding or UTF-8 has no zero byte.
 */
function utf16WithoutMark(bytes: Uint8Array): "utf-16le" | "utf-16be" | undefined {
  const n = Math.min(bytes.length, 4096) & ~1;
  if (n < 8) return undefined;
  let evenZeros = 0;
  let oddZeros = 0;
  for (let i = 0; i < n; i += 2) {
    if (bytes[i] === 0) evenZeros++;
    if (bytes[i + 1] === 0) oddZeros++;
  }
  const pairs = n / 2;
  if (oddZeros >= pairs * 0.3 && evenZeros === 0) return "utf-16le";
  if (evenZeros >= pairs * 0.3 && oddZeros === 0) return "utf-16be";
  return undefined;
}

function isUtf8(bytes: Uint8Array): boolean {
  try {
    new TextDecoder("utf-8", { fatal: true }).decode(bytes);
    return true;
  } catch {
    return false;
  }
}

export type NumberConvention = "vi" | "en";

// Each pattern is anchored, with no nested or adjacent overlapping quantifiers (linear matching).
const SIGNED = /^[+\-−]?/;
/** "1.252.000", "1.252,5", "96,43", "0,5", "12,3456": only Vietnamese writes these. */
const VI_EVIDENCE = [/^\d{1,3}(?:\.\d{3}){2,}$/, /^\d{1,3}(?:\.\d{3})+,\d+$/, /^\d+,\d{1,2}$/, /^\d+,\d{4,}$/];
/** "1,252,000", "1,252.5": only English writes these. */
const EN_EVIDENCE = [/^\d{1,3}(?:,\d{3}){2,}$/, /^\d{1,3}(?:,\d{3})+\.\d+$/];
/**
 * "97.62", "100.00", "0.95": a ratio as Google Sheets or an English LibreOffice saves it, though a
 * Vietnamese unit may type a ratio so too. It settles English only when no count in the file is
 * written with dots between thousands ("1.219"), which would then read as 1,219 people.
 * Numberings ("1.1", "4.5", "6.2.1") are neither: one digit before the dot, or more than one dot.
 */
const WEAK_EN_EVIDENCE = [/^\d{2,3}\.\d{2}$/, /^0\.\d+$/];
const DOT_THOUSANDS = /^\d{1,3}(?:\.\d{3})+$/;

/** The number part of a cell's text: sign and spaces removed; undefined when it is no plain number. */
function numberPart(text: string): string | undefined {
  const t = text.trim().replace(SIGNED, "");
  return t.length > 0 && t.length <= 40 && /^[\d.,]+$/.test(t) ? t : undefined;
}

/** The convention the texts of a file settle, or undefined when none does (or both appear). */
export function numberConvention(texts: Iterable<string>): NumberConvention | undefined {
  let vi = false;
  let en = false;
  let weakEn = false;
  let dotThousands = false;
  for (const text of texts) {
    const t = numberPart(text);
    if (t === undefined) continue;
    if (!vi && VI_EVIDENCE.some((re) => re.test(t))) vi = true;
    if (!en && EN_EVIDENCE.some((re) => re.test(t))) en = true;
    if (!weakEn && WEAK_EN_EVIDENCE.some((re) => re.test(t))) weakEn = true;
    if (!dotThousands && DOT_THOUSANDS.test(t)) dotThousands = true;
    if (vi && en) return undefined;
  }
  // Weak evidence settles nothing against Vietnamese evidence.
  if (!vi && !en && weakEn && !dotThousands) en = true;
  return vi ? "vi" : en ? "en" : undefined;
}

/**
 * The number a text means under the file's convention, when the two conventions read it
 * differently ("1.252", "1,252", "12.345.678" …); undefined for every other text (the domain reads
 * it the same way either way, or it is no number).
 */
export function numberByConvention(text: string, convention: NumberConvention): number | undefined {
  const trimmed = text.trim();
  const t = numberPart(trimmed);
  if (t === undefined) return undefined;
  const sign = /^[-−]/.test(trimmed) ? -1 : 1;
  const [group, decimal] = convention === "vi" ? [".", ","] : [",", "."];
  // Thousands only: "1.252" / "1.252.000" (Vietnamese), "1,252" / "1,252,000" (English).
  const thousands = convention === "vi" ? /^\d{1,3}(?:\.\d{3})+$/ : /^\d{1,3}(?:,\d{3})+$/;
  if (thousands.test(t)) return sign * Number(t.split(group).join(""));
  // A lone decimal mark before three digits: "1,252" (Vietnamese), "1.252" (English).
  const lone = convention === "vi" ? /^\d+,\d{3}$/ : /^\d+\.\d{3}$/;
  if (lone.test(t)) return sign * Number(t.replace(decimal, "."));
  return undefined;
}

/**
 * Applies a file's number convention to its text cells in place (`rows[r][c]`): the values the two
 * conventions read differently become numbers, the text kept as the cell's shown text. A file that
 * writes its dates month first has them rewritten day first.
 */
export function applyConvention(rows: (GridCell | undefined)[][], convention: NumberConvention | undefined): void {
  if (monthFirst(rows)) swapDates(rows);
  if (convention === undefined) return;
  for (const row of rows) {
    if (!row) continue;
    for (let c = 0; c < row.length; c++) {
      const cell = row[c];
      if (!cell || typeof cell.v !== "string" || cell.f !== undefined) continue;
      const n = numberByConvention(cell.v, convention);
      if (n !== undefined && Number.isFinite(n)) row[c] = { v: n, w: cell.v.trim() };
    }
  }
}

/**
 * A date written with slashes: "3/10/2017", "12/25/2018", and with its year in two digits as LibreOffice shows a
 * date typed in an English (en-US) locale ("03/10/17", "12/25/18").
 */
const SLASH_DATE = /^(\d{1,2})\/(\d{1,2})\/(\d{4}|\d{2})$/;

/**
 * Whether the file writes its dates month first, as an English spreadsheet saves them ("12/25/2018"):
 * some date's second number is past 12 and no date's first number is. Vietnamese writes the day first,
 * and so does every file that does not show otherwise.
 */
function monthFirst(rows: readonly (readonly (GridCell | undefined)[] | undefined)[]): boolean {
  let second = false;
  for (const text of textsOf(rows)) {
    const m = SLASH_DATE.exec(text.trim());
    if (!m) continue;
    if (Number(m[1]) > 12) return false;
    if (Number(m[2]) > 12) second = true;
  }
  return second;
}

/** Rewrites a month-first file's dates day first ("3/10/2017", 10 March, becomes "10/3/2017"), as the readers after it take them. */
function swapDates(rows: (GridCell | undefined)[][]): void {
  for (const row of rows) {
    if (!row) continue;
    for (let c = 0; c < row.length; c++) {
      const cell = row[c];
      if (!cell || typeof cell.v !== "string" || cell.f !== undefined) continue;
      const m = SLASH_DATE.exec(cell.v.trim());
      if (m) row[c] = { v: `${m[2]}/${m[1]}/${m[3]}`, w: cell.v.trim() };
    }
  }
}

/** The text cells of rows, for numberConvention. */
export function* textsOf(rows: readonly (readonly (GridCell | undefined)[] | undefined)[]): Generator<string> {
  for (const row of rows) {
    if (!row) continue;
    for (const cell of row) if (cell && typeof cell.v === "string") yield cell.v;
  }
}
