/**
 * VNI (VNI-Windows): the code table of the VNI fonts (VNI-Times, VNI-Helve…).
 * A letter with a diacritic is two codes, the base letter and a mark drawn over
 * it ("Tuyeân giaùo" for "Tuyên giáo": e + â is ê, a + ù is á); ơ, ư, đ and the
 * i's with a tone, and ỵ, are one code each. Stored, like TCVN3, as the
 * Latin-1 characters of the codes. Capitals have their own marks (A + Ù is Á).
 */

type Mark = { readonly lower: string; readonly upper: string };

/** Marks after a, e, o, u, y, ơ, ư: tone only, circumflex (+ tone), breve (+ tone). */
const MARKS = {
  sắc: { lower: "ù", upper: "Ù" },
  huyền: { lower: "ø", upper: "Ø" },
  hỏi: { lower: "û", upper: "Û" },
  ngã: { lower: "õ", upper: "Õ" },
  nặng: { lower: "ï", upper: "Ï" },
  mũ: { lower: "â", upper: "Â" },
  "mũ sắc": { lower: "á", upper: "Á" },
  "mũ huyền": { lower: "à", upper: "À" },
  "mũ hỏi": { lower: "å", upper: "Å" },
  "mũ ngã": { lower: "ã", upper: "Ã" },
  "mũ nặng": { lower: "ä", upper: "Ä" },
  trăng: { lower: "ê", upper: "Ê" },
  "trăng sắc": { lower: "é", upper: "É" },
  "trăng huyền": { lower: "è", upper: "È" },
  "trăng hỏi": { lower: "ú", upper: "Ú" },
  "trăng ngã": { lower: "ü", upper: "Ü" },
  "trăng nặng": { lower: "ë", upper: "Ë" },
} as const satisfies Record<string, Mark>;

type MarkName = keyof typeof MARKS;

/** The letters each base letter + mark stands for, lower case (the chart, row by row). */
const PAIRS: ReadonlyArray<readonly [base: string, mark: MarkName, letter: string]> = [
  ...(["a", "e", "o", "u", "y", "ơ", "ư"] as const).flatMap((base) => {
    const toned: Record<string, readonly string[]> = {
      a: ["á", "à", "ả", "ã", "ạ"],
      e: ["é", "è", "ẻ", "ẽ", "ẹ"],
      o: ["ó", "ò", "ỏ", "õ", "ọ"],
      u: ["ú", "ù", "ủ", "ũ", "ụ"],
      y: ["ý", "ỳ", "ỷ", "ỹ"], // ỵ is one code, below
      ơ: ["ớ", "ờ", "ở", "ỡ", "ợ"],
      ư: ["ứ", "ừ", "ử", "ữ", "ự"],
    };
    const tones: MarkName[] = ["sắc", "huyền", "hỏi", "ngã", "nặng"];
    return toned[base]!.map((letter, k) => [base, tones[k]!, letter] as const);
  }),
  ...(["a", "e", "o"] as const).flatMap((base) => {
    const hat: Record<string, readonly string[]> = {
      a: ["â", "ấ", "ầ", "ẩ", "ẫ", "ậ"],
      e: ["ê", "ế", "ề", "ể", "ễ", "ệ"],
      o: ["ô", "ố", "ồ", "ổ", "ỗ", "ộ"],
    };
    const names: MarkName[] = ["mũ", "mũ sắc", "mũ huyền", "mũ hỏi", "mũ ngã", "mũ nặng"];
    return hat[base]!.map((letter, k) => [base, names[k]!, letter] as const);
  }),
  ...(["ă", "ắ", "ằ", "ẳ", "ẵ", "ặ"] as const).map(
    (letter, k) => ["a", (["trăng", "trăng sắc", "trăng huyền", "trăng hỏi", "trăng ngã", "trăng nặng"] as const)[k]!, letter] as const,
  ),
];

/** Letters that are one code, lower case and capital. */
const SINGLES: ReadonlyArray<readonly [stored: string, letter: string]> = [
  ["ô", "ơ"], ["Ô", "Ơ"],
  ["ö", "ư"], ["Ö", "Ư"],
  ["ñ", "đ"], ["Ñ", "Đ"],
  ["í", "í"], ["Í", "Í"],
  ["ì", "ì"], ["Ì", "Ì"],
  ["æ", "ỉ"], ["Æ", "Ỉ"],
  ["ó", "ĩ"], ["Ó", "Ĩ"],
  ["ò", "ị"], ["Ò", "Ị"],
  ["î", "ỵ"], ["Î", "Ỵ"],
];

const SINGLE_DECODE = new Map(SINGLES);
/** Base as stored (ơ and ư are themselves codes) → mark character → letter; either case of the mark. */
const PAIR_DECODE = new Map<string, Map<string, string>>();
const ENCODE = new Map<string, string>();

const storedBase = (base: string): string => (base === "ơ" ? "ô" : base === "ư" ? "ö" : base);
for (const [base, markName, letter] of PAIRS) {
  const mark = MARKS[markName];
  for (const [b, l, m] of [
    [storedBase(base), letter, mark.lower],
    [storedBase(base).toUpperCase(), letter.toUpperCase(), mark.upper],
  ] as const) {
    const marks = PAIR_DECODE.get(b) ?? new Map<string, string>();
    // Typists' tools write the mark in the case of the base; the fonts draw either.
    marks.set(mark.lower, b === b.toLowerCase() ? l : l.toUpperCase());
    marks.set(mark.upper, b === b.toLowerCase() ? l : l.toUpperCase());
    PAIR_DECODE.set(b, marks);
    ENCODE.set(l, b + m);
  }
}
for (const [stored, letter] of SINGLES) if (!ENCODE.has(letter)) ENCODE.set(letter, stored);

/** The characters VNI text is made of beyond ASCII. */
export const VNI_STORED: ReadonlySet<string> = new Set([
  ...SINGLES.map(([s]) => s),
  ...Object.values(MARKS).flatMap((m) => [m.lower, m.upper]),
]);

/** VNI text (as stored) → Unicode, NFC. Codes that make no letter where they stand are kept. */
export function decodeVni(text: string): string {
  const chars = [...text];
  let out = "";
  for (let i = 0; i < chars.length; i++) {
    const ch = chars[i]!;
    const next = chars[i + 1];
    const pair = next !== undefined ? PAIR_DECODE.get(ch)?.get(next) : undefined;
    if (pair !== undefined) {
      out += pair;
      i++;
      continue;
    }
    out += SINGLE_DECODE.get(ch) ?? ch;
  }
  return out;
}

/** Unicode → VNI as typed. Letters outside Vietnamese are kept. */
export function encodeVni(text: string): string {
  let out = "";
  for (const ch of text.normalize("NFC")) out += ENCODE.get(ch) ?? ch;
  return out;
}
