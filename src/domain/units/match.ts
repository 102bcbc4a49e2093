/**
 * Matching a unit's name as people write it to an entry of the unit list: case, diacritics and
 * punctuation aside ("DANG UY XA NA TAM" is "Đảng ủy xã Nà Tăm"); abbreviations ("ĐU", "Đ.U", "Đ/U",
 * "CB", "UBND", "HLHPN"…) expanded; the district after the name ("… huyện Tam Đường") and the kind
 * of body ("Đảng ủy", "Chi bộ", "xã") left out; an entry's other names ("Tên khác", or its common
 * name in parentheses) taken as its own. Names are compared word for word, never by similarity:
 * "Bản Bo" is never "Bản Hon". A name that fits two entries equally matches neither.
 * A list's keys go into maps once (its index); a name is then looked up in a few map reads, so
 * placing N files among N units costs N lookups, never N × N comparisons.
 */
import { cleanText, foldText } from "../text";
import { textCache } from "../cache";

/** Abbreviations (folded, one word) and what they stand for (folded); several readings are all tried. */
export const UNIT_ABBREVIATIONS: Readonly<Record<string, readonly string[]>> = {
  du: ["dang uy"],
  db: ["dang bo"],
  cb: ["chi bo"],
  bch: ["ban chap hanh", "ban chi huy"],
  btv: ["ban thuong vu"],
  hu: ["huyen uy"],
  ub: ["uy ban"],
  ubnd: ["uy ban nhan dan"],
  hdnd: ["hoi dong nhan dan"],
  mttq: ["mat tran to quoc"],
  ubmttq: ["uy ban mat tran to quoc"],
  hlhpn: ["hoi lien hiep phu nu"],
  hpn: ["hoi phu nu"],
  hnd: ["hoi nong dan"],
  hccb: ["hoi cuu chien binh"],
  dtn: ["doan thanh nien"],
  dtncs: ["doan thanh nien cong san"],
  tncs: ["thanh nien cong san"],
  btg: ["ban tuyen giao"],
  ubkt: ["uy ban kiem tra"],
  ttct: ["trung tam chinh tri"],
  ttbdct: ["trung tam boi duong chinh tri"],
  vp: ["van phong"],
  ca: ["cong an"],
  qs: ["quan su"],
  tt: ["thi tran", "trung tam", "thong tin", "truyen thanh"],
  th: ["truyen hinh"],
  ptth: ["phat thanh truyen hinh"],
  vh: ["van hoa"],
  tc: ["tai chinh"],
  kh: ["ke hoach"],
  nv: ["noi vu"],
};

/** Leading words that name the kind of body rather than the body ("Đảng ủy xã Bản Bo" → "Bản Bo"). */
const PREFIXES = ["ban chap hanh", "ban thuong vu", "thuong truc", "dang uy", "dang bo", "chi bo", "xa", "thi tran", "phuong"];

/** Words that join rather than name ("Văn hóa và Thông tin"). */
const JOINERS = new Set(["va"]);

/** At most this many readings of one name (each abbreviation with several meanings doubles them). */
const MAX_VARIANTS = 64;

export function stripPrefixes(folded: string): string {
  let s = folded;
  for (let changed = true; changed; ) {
    changed = false;
    for (const p of PREFIXES) {
      if (s === p) return s;
      if (s.startsWith(`${p} `)) {
        s = s.slice(p.length + 1);
        changed = true;
      }
    }
  }
  return s;
}

/** "… huyện", "… huyện Tam Đường" at the end: the district, not the unit ("Huyện ủy" is kept). */
const DISTRICT_TAIL = /\s+huyen(?:\s+(?!uy\b)[a-z0-9]+){0,2}$/;

/** Single letters in a row are one abbreviation: "Đ.U" and "Đ/U" fold to "d u", read as "du". */
function joinLetters(words: readonly string[]): string[] {
  const out: string[] = [];
  let run = "";
  for (const w of words) {
    if (w.length === 1 && /[a-z]/.test(w)) {
      run += w;
      continue;
    }
    if (run !== "") out.push(run);
    run = "";
    out.push(w);
  }
  if (run !== "") out.push(run);
  return out;
}

/** Every reading of a folded name with its abbreviations expanded, the district tail and joiners left out. */
function readings(folded: string): string[] {
  const words = joinLetters(folded.split(" ").filter((w) => w !== "" && !JOINERS.has(w)));
  let out = [""];
  for (const w of words) {
    const alts = [w, ...(UNIT_ABBREVIATIONS[w] ?? [])];
    const next: string[] = [];
    for (const prefix of out) for (const alt of alts) if (next.length < MAX_VARIANTS) next.push(prefix === "" ? alt : `${prefix} ${alt}`);
    out = next;
  }
  return [...new Set(out.map((r) => r.replace(DISTRICT_TAIL, "")).filter((r) => r !== ""))];
}

/** An entry's names: its name, its name without a parenthesis, the parenthesis, its other names. */
export function namesOf(unit: { readonly name: string; readonly aliases?: readonly string[] }): string[] {
  const name = cleanText(unit.name);
  const names = [name];
  const paren = /^(.*?)\s*\(([^()]+)\)\s*$/u.exec(name);
  if (paren && paren[1]!.trim() !== "") names.push(paren[1]!.trim(), paren[2]!.trim());
  for (const a of unit.aliases ?? []) if (cleanText(a) !== "") names.push(cleanText(a));
  return names;
}

/**
 * What a name is compared by, level by level: its folded forms as written ("exact"), every reading
 * with abbreviations expanded and the district tail left out ("expanded"), and those readings
 * without the kind of body ("bare"). Two names meet at a level when they share a key there.
 */
export interface UnitNameKeys {
  readonly exact: ReadonlySet<string>;
  readonly expanded: ReadonlySet<string>;
  readonly bare: ReadonlySet<string>;
}
type Keys = UnitNameKeys;

/** The keys of a few names taken together (an entry's names, or one typed name). */
export function unitNameKeys(names: readonly string[]): Keys {
  const exact = new Set<string>();
  const expanded = new Set<string>();
  const bare = new Set<string>();
  for (const n of names) {
    const f = foldText(n);
    if (f === "") continue;
    exact.add(f);
    for (const r of readings(f)) {
      expanded.add(r);
      bare.add(stripPrefixes(r));
    }
  }
  return { exact, expanded, bare };
}

const KEYS = textCache<Keys>(5_000);

function keysOfUnit(unit: { readonly name: string; readonly aliases?: readonly string[] }): Keys {
  const id = `${unit.name}\u0000${(unit.aliases ?? []).join("\u0000")}`;
  let keys = KEYS.get(id);
  if (keys === undefined) {
    keys = unitNameKeys(namesOf(unit));
    KEYS.set(id, keys);
  }
  return keys;
}

/** How a typed name met the list. */
export type UnitMatch<U> =
  /** The name (or a declared other name) up to case, diacritics and punctuation. */
  | { readonly kind: "exact"; readonly unit: U }
  /** Through an abbreviation, a dropped district or kind of body: worth a look. */
  | { readonly kind: "loose"; readonly unit: U }
  /** Fits several entries equally: none is chosen. */
  | { readonly kind: "ambiguous"; readonly units: readonly U[] }
  | { readonly kind: "none" };

type Level = keyof Keys;
const LEVELS: ReadonlyArray<readonly [Level, "exact" | "loose"]> = [
  ["exact", "exact"],
  ["expanded", "loose"],
  ["bare", "loose"],
];

/** A unit list's keys in maps: key → positions of the units that have it (ascending), per level; folded code → first unit with it. */
interface UnitIndex {
  readonly length: number;
  readonly first: object | undefined;
  readonly last: object | undefined;
  readonly byKey: Readonly<Record<Level, Map<string, number[]>>>;
  readonly byCode: Map<string, number>;
}

const INDEXES = new WeakMap<readonly object[], UnitIndex>();

/**
 * The index of a unit list, built once per list and used for every name looked up in it (lists
 * are read-only once given; one changed in place anyway, to another length or other ends, is
 * indexed again). Each lookup is then a few map reads, whatever the list's length.
 */
function indexOf(units: readonly { readonly name: string; readonly aliases?: readonly string[]; readonly code?: string }[]): UnitIndex {
  const known = INDEXES.get(units);
  if (known && known.length === units.length && known.first === units[0] && known.last === units[units.length - 1]) return known;
  const byKey: Record<Level, Map<string, number[]>> = { exact: new Map(), expanded: new Map(), bare: new Map() };
  const byCode = new Map<string, number>();
  units.forEach((u, i) => {
    const keys = keysOfUnit(u);
    for (const [level] of LEVELS) {
      for (const k of keys[level]) {
        const at = byKey[level].get(k);
        if (at === undefined) byKey[level].set(k, [i]);
        else if (at[at.length - 1] !== i) at.push(i);
      }
    }
    if (u.code !== undefined) {
      const code = foldText(u.code);
      if (!byCode.has(code)) byCode.set(code, i);
    }
  });
  const index: UnitIndex = { length: units.length, first: units[0], last: units[units.length - 1], byKey, byCode };
  INDEXES.set(units, index);
  return index;
}

/** The units (in list order) that have one of the typed keys at this level. */
function unitsWithKeys<U>(units: readonly U[], index: UnitIndex, level: Level, typed: ReadonlySet<string>): U[] {
  const at = new Set<number>();
  for (const k of typed) for (const i of index.byKey[level].get(k) ?? []) at.add(i);
  return [...at].sort((a, b) => a - b).map((i) => units[i]!);
}

/** The entry a typed name means, and how sure that is. */
export function matchUnitDetailed<U extends { readonly name: string; readonly aliases?: readonly string[] }>(
  name: string,
  units: readonly U[],
): UnitMatch<U> {
  const folded = foldText(name);
  if (folded === "") return { kind: "none" };
  const typed = unitNameKeys([name]);
  const index = indexOf(units);
  // Level by level: the looser readings are looked up only when the closer ones found nothing.
  for (const [level, kind] of LEVELS) {
    const found = unitsWithKeys(units, index, level, typed[level]);
    if (found.length === 1) return { kind, unit: found[0]! };
    if (found.length > 1) return { kind: "ambiguous", units: found };
  }
  return { kind: "none" };
}

/** The first unit of the list whose code is this one, up to case, diacritics and punctuation. */
export function unitByCode<U extends { readonly name: string; readonly aliases?: readonly string[]; readonly code?: string }>(
  code: string,
  units: readonly U[],
): U | undefined {
  const i = indexOf(units).byCode.get(foldText(code));
  return i === undefined ? undefined : units[i];
}
