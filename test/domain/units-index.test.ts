/**
 * Unit lists are matched through maps built once per list (by key, by code, by address): the
 * answer must be the one scanning every entry gives (the scan is kept below as the reference),
 * in the list's order, whatever the list's length.
 */
import fc from "fast-check";
import { foldText, stripDiacritics } from "../../src/domain/text";
import {
  emailAddresses,
  matchUnit,
  matchUnitDetailed,
  namesOf,
  senderAddress,
  TAM_DUONG_UNITS,
  unitByCode,
  unitBySender,
  unitNameKeys,
  type Unit,
  type UnitMatch,
} from "../../src/domain/units";

/** Units no name typed below can mean. */
const padding = (n: number): Unit[] => Array.from({ length: n }, (_, i) => ({ name: `Tổ công tác Quy${"x".repeat(i + 1)}`, level: "co-so" }));

const typedNames = [
  "Đảng ủy xã Bản Bo",
  "DANG UY XA BAN BO",
  "ĐU xã Bản Bo",
  "Bản Bo",
  "xã Thèn Sin",
  "thị trấn Tam Đường",
  "TT Tam Đường",
  "phong noi vu",
  "Phòng TC-KH",
  "Đài TT-TH",
  "Phòng VH-TT",
  "Trung tâm chính trị huyện Tam Đường",
  "Chi bộ Bản Hon",
  "Bản",
  "Bản Hon",
  "",
];

describe("unit lists matched through maps", () => {
  it("answers as entry-by-entry matching does, whatever the list's length", () => {
    const short = TAM_DUONG_UNITS.slice(0, 10);
    fc.assert(
      fc.property(fc.constantFrom(...typedNames), fc.integer({ min: 6, max: 40 }), (typed, extra) => {
        const long = [...short, ...padding(extra)];
        expect(long.length).toBeGreaterThanOrEqual(16);
        expect(matchUnitDetailed(typed, long)).toEqual(matchUnitDetailed(typed, short));
      }),
    );
  });

  it("lists the units a name fits equally in the list's order", () => {
    const list: Unit[] = [{ name: "Chi bộ Bản Hon", level: "co-so" }, ...padding(20), { name: "Đảng ủy xã Bản Hon", level: "co-so" }];
    const m = matchUnitDetailed("Bản Hon", list);
    expect(m).toEqual({ kind: "ambiguous", units: [list[0], list[21]] });
    expect(matchUnitDetailed("Chi bộ Bản Hon", list)).toEqual({ kind: "exact", unit: list[0] });
  });

  it("finds a unit by its code, the first with it, up to case and diacritics", () => {
    const list: Unit[] = [...padding(20), { name: "A", code: "CB-ĐỒI", level: "co-so" }, { name: "B", code: "cb-doi", level: "co-so" }];
    expect(unitByCode("cb-đồi", list)?.name).toBe("A");
    expect(unitByCode("CB-DOI", list.slice(20))?.name).toBe("A");
    expect(unitByCode("CB-KHAC", list)).toBeUndefined();
    expect(unitByCode("PHONG-NOI-VU", TAM_DUONG_UNITS)?.name).toBe("Phòng Nội vụ");
  });

  it("sees a unit added to a list it has matched before", () => {
    const list: Unit[] = padding(20);
    expect(matchUnitDetailed("Chi bộ Nà Tăm", list).kind).toBe("none");
    list.push({ name: "Chi bộ Nà Tăm", code: "NA-TAM", level: "co-so" });
    expect(matchUnitDetailed("Chi bộ Nà Tăm", list)).toEqual({ kind: "exact", unit: list[20] });
    expect(unitByCode("na-tam", list)?.name).toBe("Chi bộ Nà Tăm");
  });
});

/**
 * The lookup through maps against the entry-by-entry scan it replaced (kept here, as the
 * reference): every unit's keys compared with the typed name's, level by level, in list order.
 */
const LEVELS = [
  ["exact", "exact"],
  ["expanded", "loose"],
  ["bare", "loose"],
] as const;

function meets(a: ReadonlySet<string>, b: ReadonlySet<string>): boolean {
  for (const k of a) if (b.has(k)) return true;
  return false;
}

function scanMatch<U extends Unit>(name: string, units: readonly U[]): UnitMatch<U> {
  if (foldText(name) === "") return { kind: "none" };
  const typed = unitNameKeys([name]);
  for (const [level, kind] of LEVELS) {
    const found = units.filter((u) => meets(typed[level], unitNameKeys(namesOf(u))[level]));
    if (found.length === 1) return { kind, unit: found[0]! };
    if (found.length > 1) return { kind: "ambiguous", units: found };
  }
  return { kind: "none" };
}

const scanByCode = (code: string, units: readonly Unit[]): Unit | undefined =>
  units.find((u) => u.code !== undefined && foldText(u.code) === foldText(code));

const scanBySender = (from: string, units: readonly Unit[]): { unit: Unit; address: string } | undefined => {
  const address = senderAddress(from);
  if (address === null) return undefined;
  const found = units.filter((u) => emailAddresses(u.email).some((a) => a.toLowerCase() === address));
  return found.length > 0 && new Set(found.map((u) => foldText(u.name))).size === 1 ? { unit: found[0]!, address } : undefined;
};

/** A match as positions in the list, so two entries with the same name are told apart. */
function positions<U>(m: UnitMatch<U>, list: readonly U[]): unknown {
  if (m.kind === "none") return m;
  if (m.kind === "ambiguous") return { kind: m.kind, at: m.units.map((u) => list.indexOf(u)) };
  return { kind: m.kind, at: list.indexOf(m.unit) };
}

/** Words names are made of: kinds of body, abbreviations as people type them, places (some one letter apart), districts, noise. */
const KINDS = ["Đảng ủy", "Đảng bộ", "Chi bộ", "ĐU", "Đ.U", "Đ/U", "CB", "C.B", "xã", "thị trấn", "Trung tâm", "TT", "T.T", "Ban chấp hành", "BCH", "Phòng", "UBND", "Hội", "HLHPN"];
const PLACES = ["Bản Bo", "Bản Hon", "Bản Bó", "Nà Tăm", "Tam Đường", "Sơn Bình", "Phụ nữ", "Văn hóa", "Thông tin", "Truyền thanh", "Tài chính", "Kế hoạch", "số 1", "số 12"];
const TAILS = ["", "", "", " huyện", " huyện Tam Đường", " Huyện ủy"];
const SEPARATORS = [" ", " - ", " và ", "  "];

const word = fc.oneof(fc.constantFrom(...KINDS), fc.constantFrom(...PLACES));
const writtenName = fc
  .tuple(fc.array(word, { minLength: 1, maxLength: 3 }), fc.constantFrom(...SEPARATORS), fc.constantFrom(...TAILS), fc.constantFrom("as is", "upper", "lower", "plain"))
  .map(([words, sep, tail, casing]) => {
    const text = words.join(sep) + tail;
    return casing === "upper" ? text.toUpperCase() : casing === "lower" ? text.toLowerCase() : casing === "plain" ? stripDiacritics(text) : text;
  });
const listEntry = fc
  .record({
    name: writtenName,
    paren: fc.option(writtenName, { nil: undefined }),
    aliases: fc.array(writtenName, { maxLength: 2 }),
    code: fc.option(fc.constantFrom("BAN-BO", "ban bo", "BAN-HON", "NA-TAM", "Đ-01", "d 01"), { nil: undefined }),
    email: fc.option(fc.constantFrom("bo@x.vn", "BO@x.vn; hon@x.vn", "hon@x.vn", "chung@x.vn"), { nil: undefined }),
  })
  .map(({ name, paren, aliases, code, email }): Unit => ({
    name: paren === undefined ? name : `${name} (${paren})`,
    level: "co-so",
    ...(aliases.length > 0 ? { aliases } : {}),
    ...(code !== undefined ? { code } : {}),
    ...(email !== undefined ? { email } : {}),
  }));
/** A list, with some of its entries again at its end (as separate entries: the same unit typed twice in a list). */
const unitList = fc
  .tuple(fc.array(listEntry, { maxLength: 40 }), fc.nat({ max: 4 }))
  .map(([list, again]) => [...list, ...list.slice(0, again).map((u) => ({ ...u }))]);

describe("the lookup through a list's maps gives what scanning every entry gave", () => {
  it("for generated names and lists: the same unit, the same loose, ambiguous or missing answer", () => {
    const seen = new Set<string>();
    fc.assert(
      fc.property(unitList, writtenName, fc.nat(), (list, typed, pick) => {
        // Half the time the name typed is one of the list's own names, as a unit writes it.
        const own = list.length > 0 ? namesOf(list[pick % list.length]!) : [];
        const name = pick % 2 === 0 && own.length > 0 ? own[pick % own.length]! : typed;
        const indexed = matchUnitDetailed(name, list);
        seen.add(indexed.kind);
        expect(positions(indexed, list)).toEqual(positions(scanMatch(name, list), list));
        expect(matchUnit(name, list)).toBe(indexed.kind === "exact" || indexed.kind === "loose" ? indexed.unit : undefined);
      }),
      { numRuns: 1000 },
    );
    // The generated cases reach every kind of answer.
    expect([...seen].sort()).toEqual(["ambiguous", "exact", "loose", "none"]);
  });

  it("for codes and senders: the first unit with the code, the one unit with the address", () => {
    fc.assert(
      fc.property(
        unitList,
        fc.constantFrom("BAN-BO", "Ban Bo", "ban-hon", "NA TAM", "Đ-01", "D-01", "KHAC"),
        fc.constantFrom("bo@x.vn", "Bộ <BO@X.VN>", "hon@x.vn", "chung@x.vn", "khac@x.vn", "không phải địa chỉ"),
        (list, code, from) => {
          expect(unitByCode(code, list)).toBe(scanByCode(code, list));
          expect(unitBySender(from, list)).toEqual(scanBySender(from, list));
          expect(unitBySender(from, list)?.unit).toBe(scanBySender(from, list)?.unit);
        },
      ),
      { numRuns: 400 },
    );
  });

  it("lists the units an abbreviation fits in the list's order, whichever reading found each", () => {
    // "TT" reads "thị trấn" before "trung tâm": the list's order still decides.
    const list: Unit[] = [{ name: "Trung tâm Bản Bo", level: "co-so" }, { name: "Thị trấn Bản Bo", level: "co-so" }];
    expect(matchUnitDetailed("TT Bản Bo", list)).toEqual({ kind: "ambiguous", units: [list[0], list[1]] });
    expect(scanMatch("TT Bản Bo", list)).toEqual({ kind: "ambiguous", units: [list[0], list[1]] });
  });

  it("never takes Bản Bo for Bản Hon, however long the list", () => {
    const list: Unit[] = [...padding(30), { name: "Đảng ủy xã Bản Hon", level: "co-so" }, ...padding(30)];
    for (const typed of ["Bản Bo", "ĐU xã Bản Bo", "DANG UY XA BAN BO", "Chi bộ Bản Bo huyện Tam Đường"]) {
      expect(matchUnitDetailed(typed, list)).toEqual({ kind: "none" });
      expect(scanMatch(typed, list)).toEqual({ kind: "none" });
    }
    expect(matchUnitDetailed("Đ.U xã Bản Hon", list)).toEqual({ kind: "loose", unit: list[30] });
  });
});
