/**
 * TCVN3 (ABC): the VN3 code table of TCVN 5712:1993, the one the .VnTime,
 * .VnArial… fonts draw. Text typed with them is stored as the Latin-1
 * characters of those codes ("Ban Tuyªn gi¸o" for "Ban Tuyên giáo"): Windows
 * reads the bytes as cp1252, and 0xA1–0xFE are the same code points in both.
 *
 * VN3 has the lower-case letters with every tone, and of the capitals only the
 * seven without a tone (Ă Â Ê Ô Ơ Ư Đ). A capital with a tone cannot be typed
 * in .VnTime: headings use the "H" fonts (.VnTimeH, .VnArialH…), which draw the
 * lower-case codes as capitals. Text typed in .VnTimeH therefore decodes to
 * lower case here, as typed: the capitals come from the font, not from the codes.
 *
 * Where VN3 differs from VN1 (glibc's TCVN5712-1, `iconv -f TCVN5712-1`): VN1 also
 * gives capitals with tones (0x01–0x17 except the control codes, 0x80–0x9F, 0xAF,
 * 0xBA, 0xBF–0xC5, 0xCD, 0xD9–0xDB, 0xE0, 0xF0, 0xFF), a no-break space at 0xA0
 * and the five combining tone marks at 0xB0–0xB4. VN3 leaves all of those unset
 * (in the fonts they keep their Latin-1 glyphs: 0xB0 stays "°"); every code VN3
 * sets means the same letter in VN1 (test/domain/legacy-iconv.test.ts checks it).
 */

/** Code (0xA1–0xFE) → letter, as the chart lists them. */
export const TCVN3_CODES: Readonly<Record<number, string>> = {
  0xa1: "Ă", 0xa2: "Â", 0xa3: "Ê", 0xa4: "Ô", 0xa5: "Ơ", 0xa6: "Ư", 0xa7: "Đ",
  0xa8: "ă", 0xa9: "â", 0xaa: "ê", 0xab: "ô", 0xac: "ơ", 0xad: "ư", 0xae: "đ",
  0xb5: "à", 0xb6: "ả", 0xb7: "ã", 0xb8: "á", 0xb9: "ạ",
  0xbb: "ằ", 0xbc: "ẳ", 0xbd: "ẵ", 0xbe: "ắ",
  0xc6: "ặ", 0xc7: "ầ", 0xc8: "ẩ", 0xc9: "ẫ", 0xca: "ấ", 0xcb: "ậ",
  0xcc: "è", 0xce: "ẻ", 0xcf: "ẽ", 0xd0: "é", 0xd1: "ẹ",
  0xd2: "ề", 0xd3: "ể", 0xd4: "ễ", 0xd5: "ế", 0xd6: "ệ",
  0xd7: "ì", 0xd8: "ỉ", 0xdc: "ĩ", 0xdd: "í", 0xde: "ị",
  0xdf: "ò", 0xe1: "ỏ", 0xe2: "õ", 0xe3: "ó", 0xe4: "ọ",
  0xe5: "ồ", 0xe6: "ổ", 0xe7: "ỗ", 0xe8: "ố", 0xe9: "ộ",
  0xea: "ờ", 0xeb: "ở", 0xec: "ỡ", 0xed: "ớ", 0xee: "ợ",
  0xef: "ù", 0xf1: "ủ", 0xf2: "ũ", 0xf3: "ú", 0xf4: "ụ",
  0xf5: "ừ", 0xf6: "ử", 0xf7: "ữ", 0xf8: "ứ", 0xf9: "ự",
  0xfa: "ỳ", 0xfb: "ỷ", 0xfc: "ỹ", 0xfd: "ý", 0xfe: "ỵ",
};

/** The character a code is stored as (cp1252 = Latin-1 here) → the letter it stands for. */
const DECODE = new Map<string, string>(Object.entries(TCVN3_CODES).map(([code, letter]) => [String.fromCharCode(Number(code)), letter]));

/** Letter → stored character, for the letters VN3 has. */
const ENCODE = new Map<string, string>([...DECODE].map(([stored, letter]) => [letter, stored]));

/** The characters TCVN3 text is made of beyond ASCII. */
export const TCVN3_STORED: ReadonlySet<string> = new Set(DECODE.keys());

/**
 * TCVN3 text (as stored) → Unicode, NFC. Characters VN3 does not set are kept. Text typed in capitals
 * in .VnTime ("§¶NG ñY X· B¶N BO", as Unikey converts "ĐẢNG ỦY XÃ BẢN BO"): its capitals with a tone
 * are stored as the lower-case codes beside the ASCII capitals, and it is read in capitals throughout.
 */
export function decodeTcvn3(text: string): string {
  let out = "";
  for (const ch of text) out += DECODE.get(ch) ?? ch;
  return typedInCapitals(text) ? out.toUpperCase() : out;
}

/**
 * Whether a text's Latin letters are all capitals, two at least (a capitalised word, "Hé" for "Hộ", is
 * not), beside a code no Unicode text writes between letters ("§", "¶", "·": a Unicode heading in
 * capitals, "THÔN", is not TCVN3's "THễN" in capitals).
 */
function typedInCapitals(text: string): boolean {
  let capitals = 0;
  let sign = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c >= 97 && c <= 122) return false;
    if (c >= 65 && c <= 90) capitals++;
    else if (c >= 0xa1 && !sign) sign = DECODE.has(text[i]!) && !/\p{L}/u.test(text[i]!);
  }
  return capitals >= 2 && sign;
}

/** A capital VN3 has no code for (a capital with a tone). */
const missingCapital = (ch: string): boolean => ch !== ch.toLowerCase() && !ENCODE.has(ch) && ENCODE.has(ch.toLowerCase());

/**
 * Unicode → TCVN3 as typed: a word with a capital VN3 lacks (a capital with a
 * tone) is typed in lower-case codes, which a .VnTimeH font draws as capitals.
 * Letters outside Vietnamese are kept as they are.
 */
export function encodeTcvn3(text: string): string {
  const typed = text.normalize("NFC").replace(/[\p{L}\p{M}]+/gu, (word) => ([...word].some(missingCapital) ? word.toLowerCase() : word));
  let out = "";
  for (const ch of typed) out += ENCODE.get(ch) ?? ch;
  return out;
}
