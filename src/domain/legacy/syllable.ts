/**
 * Is a word a Vietnamese syllable? An onset, a rhyme (glide, vowel nucleus,
 * coda) and at most one tone, as data: used to tell a text typed with a legacy
 * font (it decodes to syllables) from one that only shares its letters.
 */

/** Initial consonants ("" for none); "qu" and "gi" as written. */
export const ONSETS: readonly string[] = [
  "", "b", "c", "ch", "d", "đ", "g", "gh", "gi", "h", "k", "kh", "l", "m", "n", "ng", "ngh", "nh",
  "p", "ph", "qu", "r", "s", "t", "th", "tr", "v", "x",
];

/** Rhymes without a coda. */
const OPEN_RHYMES = `a e ê i o ô ơ u ư y
  ai ao au ay âu ây eo êu ia iu oa oai oay oe oi ôi ơi ua uê ui uy uya uyu ưa ưi ưu
  ươi ươu uôi iêu yêu oao oeo uây uơ`;

/** Rhymes with a coda: each nucleus and the codas it takes. */
const CLOSED_RHYMES: Readonly<Record<string, string>> = {
  a: "c ch m n ng nh p t",
  ă: "c m n ng p t",
  â: "c m n ng p t",
  e: "c m n ng p t",
  ê: "ch m n nh p t",
  i: "ch m n nh p t",
  o: "c m n ng p t",
  oo: "c ng",
  ô: "c m n ng p t",
  ơ: "m n p t",
  u: "c m n ng p t",
  ư: "c m n ng t",
  iê: "c m n ng p t",
  yê: "m n ng t",
  uô: "c m n ng t",
  ươ: "c m n ng p t",
  oa: "c ch m n ng nh p t",
  oă: "c m n ng t",
  oe: "m n ng t",
  uâ: "n ng t",
  uê: "ch n nh t",
  uy: "ch n nh p t",
  uyê: "n t",
};

export const RHYMES: ReadonlySet<string> = new Set([
  ...OPEN_RHYMES.split(/\s+/).filter(Boolean),
  ...Object.entries(CLOSED_RHYMES).flatMap(([nucleus, codas]) => codas.split(" ").map((coda) => nucleus + coda)),
]);

/** The five tone marks (combining, as NFD writes them) by name. */
export const TONE_MARKS = { sắc: "\u0301", huyền: "\u0300", hỏi: "\u0309", ngã: "\u0303", nặng: "\u0323" } as const;
const TONES = new Set<string>(Object.values(TONE_MARKS));

/** Stop codas: a syllable ending in one takes sắc or nặng only. */
export const STOP = /(?:c|ch|p|t)$/;

/** The vowel letters, lower case without tone, with every tone (for generating text). */
export const VOWELS: readonly string[] = ["a", "ă", "â", "e", "ê", "i", "o", "ô", "ơ", "u", "ư", "y"];

/** The word split into a toneless lower-case spelling, its tone mark ("" for none) and the letter it sits on; null with two tones. */
function untoned(word: string): { plain: string; tone: string; at: number } | null {
  let tone = "";
  let plain = "";
  let base = "";
  let letters = 0;
  let at = -1;
  for (const ch of word.toLowerCase().normalize("NFD")) {
    if (TONES.has(ch)) {
      // A tone sits on a vowel: "ñ" is n with a tilde, not "n" in the ngã tone.
      if (tone !== "" || !"aeiouy".includes(base)) return null;
      tone = ch;
      at = letters - 1;
    } else {
      plain += ch;
      if (!/\p{M}/u.test(ch)) {
        base = ch;
        letters++;
      }
    }
  }
  return { plain: plain.normalize("NFC"), tone, at };
}

const VOWEL = /[aăâeêioôơuưy]/;
const MARKED_VOWEL = /[ăâêôơư]/;
/** Open rhymes of two vowels whose tone goes on either (hòa and hoà, thủy and thuỷ are both written). */
const EITHER = new Set(["oa", "oe", "uy"]);

/**
 * Where a rhyme's tone may stand: on its last vowel with a diacritic (ươ → ơ, iê → ê);
 * else before a coda on the last vowel; else on the one vowel, the middle of three,
 * the first of two (ai, ua, ia), either of oa, oe, uy.
 */
export function tonePlaces(rhyme: string): number[] {
  const chars = [...rhyme];
  const vowels = chars.flatMap((ch, i) => (VOWEL.test(ch) ? [i] : []));
  const marked = vowels.filter((i) => MARKED_VOWEL.test(chars[i]!));
  if (marked.length > 0) return [marked[marked.length - 1]!];
  const last = vowels[vowels.length - 1]!;
  if (last < chars.length - 1) return [last];
  if (vowels.length === 3) return [vowels[1]!];
  if (vowels.length === 2) return EITHER.has(rhyme) ? vowels : [vowels[0]!];
  return vowels;
}

function validRhyme(rhyme: string, tone: string, at: number): boolean {
  if (!RHYMES.has(rhyme)) return false;
  if (tone === "") return !STOP.test(rhyme);
  if (STOP.test(rhyme) && tone !== TONE_MARKS.sắc && tone !== TONE_MARKS.nặng) return false;
  return tonePlaces(rhyme).includes(at);
}

/**
 * True when the word (one syllable, any case) is spelt as a Vietnamese syllable:
 * onset, rhyme, at most one tone where Vietnamese writes it. Lenient about the
 * spelling rules (c/k, g/gh), strict about letters and tones.
 */
export function isVietnameseSyllable(word: string): boolean {
  const split = untoned(word);
  if (!split || split.plain === "") return false;
  const { plain, tone, at } = split;
  for (const onset of ONSETS) {
    if (!plain.startsWith(onset)) continue;
    const rhyme = plain.slice(onset.length);
    const place = at - onset.length;
    if (validRhyme(rhyme, tone, place)) return true;
    // gi + rhyme: "gì" (gi with its i), "giếng" (gi + iêng).
    if (onset === "gi" && (rhyme === "" ? tone === "" || place === -1 : validRhyme(`i${rhyme}`, tone, place + 1))) return true;
  }
  return false;
}
