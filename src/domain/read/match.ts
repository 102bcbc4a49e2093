/**
 * Matching a row of a unit's table to an indicator of the catalogue by its
 * text (and, secondarily, its Stt): tolerant of rewording, dropped targets
 * ("100%"), abbreviations, case, diacritics and word order.
 */
import { INDICATOR_GROUPS, INDICATORS, type Indicator } from "../catalogue";
import { editDistance, foldText } from "../text";
import { textCache } from "../cache";

/** Phrases (folded) that single out an indicator among its neighbours. */
const KEY_PHRASES: Readonly<Record<string, readonly string[]>> = {
  "1.1": ["boi duong cap nhat kien thuc", "cap nhat kien thuc", "lanh dao quan ly"],
  "1.2": ["hoc tap quan triet", "quan triet cac nghi quyet", "hoc tap nghi quyet"],
  "1.3": ["quan chung nhan dan", "chu truong chinh sach", "nhan dan duoc tuyen truyen"],
  "2": ["tram truyen thanh", "cum loa", "loa truyen thanh"],
  "3.1": ["tieng noi viet nam", "truyen hinh viet nam", "dai tieng noi"],
  "3.2": ["phat thanh truyen hinh tinh", "truyen thanh truyen hinh huyen", "dai ptth tinh", "dai tt th huyen"],
  "4.1": ["ho gia dinh", "gia dinh van hoa"],
  "4.2": ["thon ban dat tieu chuan", "ban dat tieu chuan", "thon ban van hoa", "ban van hoa"],
  "4.3": ["truong hoc", "co quan don vi", "co quan van hoa"],
  "4.4": ["xa thi tran co nha van hoa", "xa co nha van hoa", "nha van hoa xa"],
  "4.5": ["ban co nha van hoa", "thon ban co nha van hoa", "nha van hoa thon", "nha van hoa ban"],
  "4.6": ["doi van nghe"],
  "5": ["lich su dang bo", "bien soan va phat hanh", "bien soan lich su"],
  "6.1": ["dai hoc"],
  "6.2.1": ["trung cap"],
  "6.2.2": ["cao cap"],
};

/** Words that say nothing about which indicator a row is. */
const NOISE = new Set(["tren", "duoi", "it", "nhat", "co", "01", "02", "cac", "va", "cua", "duoc", "%"]);

function tokens(folded: string): Set<string> {
  return new Set(folded.split(" ").filter((t) => t !== "" && !/^\d+%?$/.test(t) && !NOISE.has(t)));
}

interface Prepared {
  readonly indicator: Indicator;
  readonly folded: string;
  /** The folded text without its target. */
  readonly bare: string;
  readonly tokens: Set<string>;
  readonly keys: readonly string[];
  /**
   * Every word of the folded text, and the first letters of its words in order ("ho gia dinh van hoa" →
   * "hgdvh"), then of each key phrase's ("gia dinh van hoa" → "gdvh", as "GĐVH" shortens it), "|" between.
   */
  readonly words: ReadonlySet<string>;
  readonly initials: string;
}

const PREPARED: readonly Prepared[] = INDICATORS.map((indicator) => {
  const folded = foldText(indicator.text);
  const words = folded.split(" ").filter((t) => t !== "");
  return {
    indicator,
    folded,
    bare: withoutTarget(folded),
    tokens: tokens(folded),
    keys: KEY_PHRASES[indicator.id] ?? [],
    words: new Set(words),
    initials: [words, ...(KEY_PHRASES[indicator.id] ?? []).map((k) => k.split(" "))].map((ws) => ws.map((w) => w.charAt(0)).join("")).join("|"),
  };
});

function dice(a: Set<string>, b: Set<string>): number {
  if (a.size === 0 || b.size === 0) return 0;
  let common = 0;
  for (const t of a) if (b.has(t)) common++;
  return (2 * common) / (a.size + b.size);
}

function containsPhrase(folded: string, phrase: string): boolean {
  return ` ${folded} `.includes(` ${phrase} `);
}

/** Removes the targets and leading percentages ("100%", "Trên 95%") so "what" is compared, not "how much". */
function withoutTarget(folded: string): string {
  return folded.replace(/^(tren |it nhat |co )?\d+( \d+)?%? ?/, "").trim();
}

export interface IndicatorScore {
  readonly id: string;
  readonly score: number;
}

/** The same row texts recur in every unit's workbook: scores are worked out once per (text, Stt). */
const SCORES = textCache<readonly IndicatorScore[]>(5_000);

/** Scores of the row text against every indicator, best first. */
export function scoreIndicators(text: string, stt: string): IndicatorScore[] {
  const key = `${stt}\u0000${text}`;
  let scores = SCORES.get(key);
  if (scores === undefined) {
    scores = Object.freeze(scoreUncached(text, stt));
    SCORES.set(key, scores);
  }
  return [...scores];
}

/** A text cut short and said so ("100% xã, thị trấn có trạm truy…"): what is left is the start of the label. */
const CUT_SHORT = /(?:…|\.{3})\s*$/u;

/** The fewest characters a cut text must keep (its target aside) to be compared as the start of a label. */
const CUT_KEPT_MIN = 12;

function scoreUncached(text: string, stt: string): IndicatorScore[] {
  const said = CUT_SHORT.test(text);
  // Folding drops the "…" anyway: the text kept is the folded text.
  const folded = foldText(said ? text.replace(CUT_SHORT, "") : text);
  const cut = said && withoutTarget(folded).length >= CUT_KEPT_MIN;
  if (folded === "") return [];
  // A cut text's last word may be cut too ("truy" of "truyền"): it says nothing.
  const rowTokens = tokens(cut ? folded.replace(/\s*\S+$/, "") : folded);
  const bare = withoutTarget(folded);
  const out: IndicatorScore[] = [];
  for (const p of PREPARED) {
    // A cut text is compared with as much of the label as it kept.
    const official = cut && bare.length < p.bare.length ? p.bare.slice(0, bare.length) : p.bare;
    const longest = Math.max(bare.length, official.length);
    const maxDist = Math.ceil(longest * 0.5);
    const dist = editDistance(bare, official, maxDist);
    const editSim = dist > maxDist ? 0 : 1 - dist / longest;
    let score = Math.max(editSim, dice(rowTokens, p.tokens));
    if (p.keys.some((k) => containsPhrase(folded, k))) score += 0.25;
    // The Stt only tells apart indicators the text already agrees with: it never takes a row on its own.
    if (score >= STT_FLOOR && stt !== "" && stt !== "-" && stt === p.indicator.stt) score += 0.15;
    out.push({ id: p.indicator.id, score });
  }
  out.sort((a, b) => b.score - a.score);
  // A text cut short ("Hộ GĐVH", "Quần chúng ND được tuyên truyền, quán triệt CT, CS") beside the
  // indicator's own numbered Stt ("4.1", "1.3"): the row is that indicator when its text agrees with
  // it more than with any other, even weakly. It is taken at the threshold, so a row whose text says
  // the indicator plainly still wins it, and said so (label-changed).
  const bySttAt = DOTTED_STT.has(stt) ? out.findIndex((o) => o.id === DOTTED_STT.get(stt)) : -1;
  const bySttScore = out[bySttAt]?.score ?? 0;
  if (
    bySttAt >= 0 &&
    bySttScore < MATCH_THRESHOLD &&
    bySttScore >= STT_WEAK_FLOOR &&
    bySttScore >= out[0]!.score - STT_WEAK_MARGIN &&
    isShortening(folded, PREPARED.find((p) => p.indicator.id === out[bySttAt]!.id)!)
  ) {
    const [taken] = out.splice(bySttAt, 1);
    out.unshift({ id: taken!.id, score: MATCH_THRESHOLD });
  }
  return out;
}

/**
 * Whether a row's text is the indicator's own cut short: every word of it (one may differ, in a
 * text of four words or more) is a word of the official text or the initials of words standing
 * together there or in one of its key phrases ("ND" nhân dân, "LLCT" lý luận chính trị; "GĐVH" gia đình văn
 * hóa, which 4.1 writes "gia đình đạt tiêu chuẩn văn hóa"). Another
 * programme's row under the same Stt ("Thôn, bản được công nhận đạt chuẩn an toàn giao thông")
 * has words of its own, and is not.
 */
function isShortening(folded: string, p: Prepared): boolean {
  const words = folded.split(" ").filter((t) => t !== "" && !/^\d+%?$/.test(t) && !NOISE.has(t));
  if (words.length < 2) return false;
  let foreign = 0;
  for (const w of words) if (!p.words.has(w) && !(w.length >= 2 && w.length <= 6 && p.initials.includes(w))) foreign++;
  return foreign === 0 || (foreign === 1 && words.length >= 4);
}

/** The indicators whose official Stt is numbered ("1.3", "6.1"; not the "-" rows), by that Stt. */
const DOTTED_STT: ReadonlyMap<string, string> = new Map(INDICATORS.filter((i) => /^\d+\.\d+$/.test(i.stt)).map((i) => [i.stt, i.id]));
/** How weakly a cut-short text may agree with the indicator its Stt names, and how close to its best match. */
const STT_WEAK_FLOOR = 0.15;
const STT_WEAK_MARGIN = 0.05;

/** Score of the text alone below which a matching Stt adds nothing (the text disagrees). */
export const STT_FLOOR = 0.5;

/** Score above which a row is taken for an indicator. */
export const MATCH_THRESHOLD = 0.5;
/** A row is only given to an indicator scoring this close to its best one. */
export const MATCH_MARGIN = 0.12;

const GROUP_LABEL = /^muc tieu\s*(so\s*)?0*([1-9]|i{1,3}|iv|v|vi)\b/;
const SUBGROUP_FOLDED = foldText(INDICATOR_GROUPS.find((g) => g.parent !== undefined)?.label ?? "Trình độ lý luận chính trị");

/** A group row ("Mục tiêu 01", or its Stt alone) — returns the group's Stt. */
export function groupOf(text: string, stt: string): string | undefined {
  const f = foldText(text);
  const m = GROUP_LABEL.exec(f);
  if (m) {
    const roman: Record<string, string> = { i: "1", ii: "2", iii: "3", iv: "4", v: "5", vi: "6" };
    return roman[m[2]!] ?? m[2]!;
  }
  if (f === "" && /^[1-6]$/.test(stt)) return stt;
  if (f === "" && /^(i{1,3}|iv|v|vi)$/i.test(stt)) return stt;
  return undefined;
}

/** The sub-heading "Trình độ lý luận chính trị" (6.2). */
export function isSubgroup(text: string): boolean {
  const f = foldText(text);
  if (f === "") return false;
  if (f === SUBGROUP_FOLDED || f.startsWith(`${SUBGROUP_FOLDED} `)) return true;
  const d = editDistance(f, SUBGROUP_FOLDED, 6);
  return d <= Math.max(2, Math.floor(SUBGROUP_FOLDED.length * 0.15));
}

/** Splits a leading numbering typed into the text cell ("1.1. 100% cán bộ…", "- 100% xã…"). */
export function splitLeadingStt(text: string): { stt: string; text: string } {
  const m = /^\s*((?:\d+\.)*\d+\.?|[-–—+•*])\s+(.*)$/su.exec(text);
  if (!m) return { stt: "", text };
  return { stt: normaliseStt(m[1]!), text: m[2]! };
}

/** "1.1." → "1.1", "–" → "-", " 2 " → "2". */
export function normaliseStt(raw: string): string {
  const t = raw.trim().replace(/\.$/, "");
  if (/^[-–—−]$/.test(t)) return "-";
  return t;
}
