/**
 * Text typed with the legacy Vietnamese fonts TCVN3 (ABC) and VNI: the code
 * tables, the syllable check, detection per text, the grid decoded once and the
 * unit's report read from it with a legacy-encoding warning.
 */
import fc from "fast-check";
import {
  decodeLegacyText,
  decodeTcvn3,
  decodeVni,
  detectLegacyText,
  encodeLegacy,
  encodeTcvn3,
  encodeVni,
  isVietnameseSyllable,
  TCVN3_CODES,
  type LegacyEncoding,
} from "../../src/domain/legacy";
import { ONSETS, RHYMES, STOP, TONE_MARKS, tonePlaces, VOWELS } from "../../src/domain/legacy/syllable";
import type { WorkbookGrid } from "../../src/domain/model/grid";
import { readUnitReport } from "../../src/domain/read";
import { targetsOfWorkbook } from "../../src/domain/check";
import { unitsSheetOf } from "../../src/app/units";
import { messageFor } from "../../src/domain/rules/messages";
import { GOOD_FIGURES } from "../fixtures/official";
import { legacySpec, TEMPLATE_SPEC, typeIn } from "../fixtures/legacy/make";
import { specToGrid } from "../fixtures/sheet-spec";

const TONES = ["", ...Object.values(TONE_MARKS)];
const TONED_CAPITAL = /[ÀẢÃÁẠẰẲẴẮẶẦẨẪẤẬÈẺẼÉẸỀỂỄẾỆÌỈĨÍỊÒỎÕÓỌỒỔỖỐỘỜỞỠỚỢÙỦŨÚỤỪỬỮỨỰỲỶỸÝỴ]/u;
/** What TCVN3 gives back: a word with a capital with a tone is typed in lower-case codes (.VnTimeH draws them as capitals). */
const asTcvn3Gives = (text: string): string => text.replace(/[\p{L}\p{M}]+/gu, (w) => (TONED_CAPITAL.test(w) ? w.toLowerCase() : w));

/** Every Vietnamese letter (each vowel with each tone, đ), lower case and capital. */
const LETTERS: string[] = [
  ...VOWELS.flatMap((v) => TONES.map((t) => (v + t).normalize("NFC"))),
  "đ",
].flatMap((l) => [l, l.toUpperCase()]);

describe("code tables", () => {
  it("decodes the charts' examples", () => {
    expect(decodeTcvn3("Ban Tuyªn gi¸o")).toBe("Ban Tuyên giáo");
    expect(decodeVni("Ban Tuyeân giaùo")).toBe("Ban Tuyên giáo");
    expect(decodeTcvn3("Tr­êng häc, ®¬n vÞ")).toBe("Trường học, đơn vị");
    expect(decodeVni("Tröôøng hoïc, ñôn vò")).toBe("Trường học, đơn vị");
    expect(decodeVni("ÑAÛNG UÛY XAÕ")).toBe("ĐẢNG ỦY XÃ");
    expect(encodeTcvn3("Ban Tuyên giáo")).toBe("Ban Tuyªn gi¸o");
    expect(encodeVni("Ban Tuyên giáo")).toBe("Ban Tuyeân giaùo");
  });

  it("TCVN3 has the lower-case letters with every tone and the seven capitals without one", () => {
    const letters = Object.values(TCVN3_CODES);
    expect(letters).toHaveLength(74);
    expect(new Set(letters).size).toBe(74);
    for (const l of LETTERS.filter((x) => x === x.toLowerCase() && /[^a-z]/.test(x))) expect(letters).toContain(l);
    expect(letters.filter((l) => l !== l.toLowerCase()).sort()).toEqual(["Ă", "Â", "Đ", "Ê", "Ô", "Ơ", "Ư"].sort());
    // Codes sit in 0xA1–0xFE, so cp1252 and Latin-1 store them alike.
    for (const code of Object.keys(TCVN3_CODES).map(Number)) expect(code >= 0xa1 && code <= 0xfe).toBe(true);
  });

  it.each(LETTERS)("%s goes through both encodings and back", (letter) => {
    expect(decodeVni(encodeVni(letter))).toBe(letter);
    // Beyond ASCII every letter has its own codes, except í and ì, which VNI stores as Latin-1 does.
    if (/[^a-z]/i.test(letter) && !"íìÍÌ".includes(letter)) expect(encodeVni(letter)).not.toBe(letter);
    // A capital with a tone comes back in lower case (the "H" fonts draw it as a capital).
    expect(decodeTcvn3(encodeTcvn3(letter))).toBe(asTcvn3Gives(letter));
  });

  it("reads .VnTimeH headings as typed: lower-case codes, lower case", () => {
    expect(decodeTcvn3("®¶ng ñy x· b¶n giang")).toBe("đảng ủy xã bản giang");
  });

  it("reads capitals typed in .VnTime in capitals, a capitalised word as it is", () => {
    expect(decodeTcvn3("§¶NG ñY X· B¶N BO")).toBe("ĐẢNG ỦY XÃ BẢN BO");
    expect(decodeTcvn3("Hé Tæng")).toBe("Hộ Tổng");
  });

  it("leaves Unicode capitals in a workbook typed in TCVN3 as they are", () => {
    const grid = specToGrid({ sheets: [{ name: "S", rows: [["§¶ng bé huyÖn Tam §­êng"], ["§¶ng ñy x· B¶n Bo"], ["Hé gia ®×nh v¨n hãa", "THÔN", "TRÊN 95%", "TÊN", "PHÓ"]] }] });
    const row = decodeLegacyText(grid).grid.sheets[0]!.rows[2]!;
    expect(row.slice(1).map((c) => c?.v)).toEqual(["THÔN", "TRÊN 95%", "TÊN", "PHÓ"]);
  });

  it("keeps characters the encodings do not set", () => {
    expect(decodeTcvn3("25°C, 50%")).toBe("25°C, 50%");
    expect(decodeVni("naâ")).toBe("nâ");
    expect(decodeVni("ë")).toBe("ë");
  });
});

describe("syllables", () => {
  it.each(["Ban", "Tuyên", "giáo", "người", "khuya", "Nguyễn", "gì", "giếng", "quốc", "ĐẢNG", "ủy", "xoong", "thuở", "học", "việt"])("%s is a syllable", (w) =>
    expect(isVietnameseSyllable(w)).toBe(true),
  );
  it.each(["Tuyªn", "giaùo", "Tæng", "tàc", "hoc", "cafộ", "ñu", "aủo", "nũa̋", "giỏo", "â", "xyz", "ĐU2"])("%s is not", (w) =>
    expect(isVietnameseSyllable(w)).toBe(false),
  );
});

describe("detection, one text at a time", () => {
  it.each([
    ["Ban Tuyªn gi¸o", "TCVN3", "Ban Tuyên giáo"],
    ["Ban Tuyeân giaùo", "VNI", "Ban Tuyên giáo"],
    ["Tæng sè", "TCVN3", "Tổng số"],
    ["15-NQ/§U", "TCVN3", "15-NQ/ĐU"],
    ["15-NQ/ÑU", "VNI", "15-NQ/ĐU"],
    ["H§ND x· B¶n Bo", "TCVN3", "HĐND xã Bản Bo"],
    // Typed in capitals in .VnTime, as Unikey converts them: a capital with a tone has no code, its lower-case one stands for it.
    ["§¶NG ñY X· B¶N BO", "TCVN3", "ĐẢNG ỦY XÃ BẢN BO"],
    ["§¶NG CéNG S¶N VIÖT NAM", "TCVN3", "ĐẢNG CỘNG SẢN VIỆT NAM"],
  ] as const)("%s is %s", (text, encoding, unicode) => {
    expect(detectLegacyText(text)).toEqual({ encoding, text: unicode });
  });

  it.each([
    "Ban Tuyên giáo", // Unicode with Latin-1 letters only
    "Ban Tuyên giáo huyện ủy Tam Đường",
    "mét", // TCVN3 for "một", and a Vietnamese word itself: kept
    "Cô giáo",
    "café naïve, Zürich, señor, crème brûlée, façade",
    "25°C ± 2, © 2021, ½",
    "1ª",
    "Tuye\u0302n gia\u0301o", // Unicode decomposed
    "Nâng cao chất lượng",
  ])("%s is left as it is", (text) => {
    expect(detectLegacyText(text)).toBeNull();
  });

  it("a text longer than a cell of Excel holds (32,767 characters) is left as it is, not decoded", () => {
    const typed = "Ban Tuyªn gi¸o huyÖn ñy Tam §­êng; ";
    const fits = typed.repeat(Math.floor(32_767 / typed.length));
    expect(detectLegacyText(fits)).toEqual({ encoding: "TCVN3", text: decodeTcvn3(fits) });
    expect(detectLegacyText(fits + typed)).toBeNull();
  });
});

/** A syllable: an onset, a rhyme, a tone on one of its vowels (stop codas take sắc or nặng). */
const syllable: fc.Arbitrary<string> = fc
  .record({
    onset: fc.constantFrom(...ONSETS),
    rhyme: fc.constantFrom(...RHYMES),
    tone: fc.constantFrom(...TONES),
    at: fc.nat(),
    shape: fc.constantFrom("lower", "capital", "upper"),
  })
  .map(({ onset, rhyme, tone, at, shape }) => {
    const t = STOP.test(rhyme) && tone !== TONE_MARKS.sắc && tone !== TONE_MARKS.nặng ? TONE_MARKS.sắc : tone;
    const places = tonePlaces(rhyme);
    const i = places[at % places.length]!;
    const chars = [...rhyme];
    chars[i] = (chars[i]! + t).normalize("NFC");
    const word = onset + chars.join("");
    return shape === "upper" ? word.toUpperCase() : shape === "capital" ? word[0]!.toUpperCase() + word.slice(1) : word;
  });

const vietnamese: fc.Arbitrary<string> = fc
  .array(fc.tuple(syllable, fc.constantFrom(" ", " ", " ", ", ", " - ", ": ")), { minLength: 1, maxLength: 10 })
  .map((parts) => parts.map(([w, sep], k) => (k === 0 ? w : sep + w)).join(""));

/** Did the encoded text stay readable as Unicode Vietnamese (kept by design)? */
function readsAsUnicode(text: string): boolean {
  return (text.match(/[\p{L}\p{M}\p{N}]+/gu) ?? []).every((w) => /^[\u0020-\u007f]*$/.test(w) || isVietnameseSyllable(w)) && !/[\u00a1-\u00bf\u00d7\u00f7]/.test(text);
}

describe("properties", () => {
  it.each(["TCVN3", "VNI"] as const)("Vietnamese typed in %s is given back (or kept where it reads as Unicode Vietnamese too)", (encoding: LegacyEncoding) => {
    fc.assert(
      fc.property(vietnamese, (text) => {
        const typed = encodeLegacy(text, encoding);
        const expected = encoding === "TCVN3" ? asTcvn3Gives(text) : text;
        // Knowing the workbook's encoding (the grid's other cells), as decodeLegacyText does.
        const read = detectLegacyText(typed, encoding);
        if (read) {
          expect(read).toEqual({ encoding, text: expected });
        } else {
          // Kept only when there is nothing to decode, when it reads as Unicode Vietnamese too, or with
          // nothing but one-letter words beyond ASCII to go by ("¸" is TCVN3 for "á").
          const words = (expected.match(/[\p{L}\p{N}]+/gu) ?? []).filter((w) => /[^\u0020-\u007f]/.test(w));
          expect(typed === expected || readsAsUnicode(typed) || words.every((w) => w.length === 1)).toBe(true);
        }
        // Alone, a text is given back or read in the other encoding only where it reads in both.
        const alone = detectLegacyText(typed);
        if (alone && alone.encoding !== encoding) expect(read).toEqual({ encoding, text: expected });
        else if (alone || !read) expect(alone).toEqual(read);
        else {
          // Only the workbook's encoding reads a text whose words beyond ASCII are all one letter long.
          const long = (expected.match(/[\p{L}\p{N}]+/gu) ?? []).filter((w) => /[^\u0020-\u007f]/.test(w) && w.length > 1);
          expect(long).toEqual([]);
        }
      }),
      // A fixed seed keeps the run repeatable; change it to explore other texts.
      { numRuns: 3000, seed: 2016 },
    );
  });

  it("a one-letter word is read in the workbook's own encoding (VNI \"UÕ\" is \"Ũ\", not TCVN3's \"Uế\")", () => {
    expect(detectLegacyText(encodeLegacy("Ũ", "VNI"), "VNI")).toEqual({ encoding: "VNI", text: "Ũ" });
    expect(detectLegacyText(encodeLegacy("Ũ", "VNI"))).toEqual({ encoding: "TCVN3", text: "Uế" });
  });

  it.each(["TCVN3", "VNI"] as const)("a text of a few words with tones typed in %s is recognised alone, in its own encoding", (encoding: LegacyEncoding) => {
    const texts = fc.sample(fc.array(syllable, { minLength: 4, maxLength: 8 }).map((w) => w.join(" ")), { numRuns: 2000, seed: 241 });
    const changed = texts.filter((t) => encodeLegacy(t, encoding) !== t);
    const right = changed.filter((t) => detectLegacyText(encodeLegacy(t, encoding))?.encoding === encoding);
    expect(changed.length).toBeGreaterThan(1900);
    expect(right.length / changed.length).toBeGreaterThan(0.99);
  });

  it("Unicode Vietnamese is never converted", () => {
    fc.assert(fc.property(vietnamese, (text) => expect(detectLegacyText(text)).toBeNull()), { numRuns: 3000 });
  });

  it("English text is never converted", () => {
    const words = [
      "the", "report", "unit", "total", "achieved", "ratio", "Microsoft", "Excel", "file", "sheet", "table", "résumé", "café", "naïve",
      "Zürich", "señor", "façade", "crème", "brûlée", "déjà", "vu", "Noël", "Zoë", "über", "fiancée", "Ångström", "Øresund", "Æsir",
      "São", "Paulo", "Curaçao", "piñata", "jalapeño", "©", "®", "°", "±", "½", "¼", "§", "¶", "µ", "ª", "º", "2021", "50%",
    ];
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...words), { minLength: 1, maxLength: 12 }), (w) => expect(detectLegacyText(w.join(" "))).toBeNull()),
      { numRuns: 3000 },
    );
  });
});

/** The template's grid as the reader should see it after decoding. */
function expectedGrid(encoding: LegacyEncoding): WorkbookGrid {
  const grid = specToGrid(TEMPLATE_SPEC);
  if (encoding === "VNI") return grid;
  return specToGrid({
    sheets: TEMPLATE_SPEC.sheets.map((s) => ({
      ...s,
      rows: s.rows.map((row) => row.map((cell) => (typeof cell === "string" ? decodeTcvn3(typeIn(cell, "TCVN3")) : cell))),
    })),
  });
}

describe("a workbook typed with a legacy font", () => {
  it.each(["TCVN3", "VNI"] as const)("%s: every text cell is decoded, the first one named", (encoding) => {
    const typed = specToGrid(legacySpec(encoding));
    const decoded = decodeLegacyText(typed);
    expect(decoded.grid).toEqual(expectedGrid(encoding));
    expect(decoded.found).toMatchObject({ encoding, sheet: "Văn bản", cell: "A1", converted: encoding === "TCVN3" ? "đảng bộ huyện tam đường" : "ĐẢNG BỘ HUYỆN TAM ĐƯỜNG" });
    expect(decoded.found!.sample).toBe(typeIn("ĐẢNG BỘ HUYỆN TAM ĐƯỜNG", encoding));
    const other = encoding === "TCVN3" ? "VNI" : "TCVN3";
    expect(decoded.cells[encoding]).toBeGreaterThan(40);
    expect(decoded.cells[other]).toBe(0);
  });

  it("a grid is decoded once, and asking with the decoded grid gives the same answer", () => {
    const typed = specToGrid(legacySpec("TCVN3"));
    const first = decodeLegacyText(typed);
    expect(decodeLegacyText(typed)).toBe(first);
    expect(decodeLegacyText(first.grid)).toBe(first);
  });

  it("a Unicode workbook is the same grid, nothing found", () => {
    const grid = specToGrid(TEMPLATE_SPEC);
    const read = decodeLegacyText(grid);
    expect(read.grid).toBe(grid);
    expect(read.found).toBeNull();
    expect(read.cells).toEqual({ TCVN3: 0, VNI: 0 });
    expect(readUnitReport(grid, "x.xlsx").issues.filter((i) => i.rule === "legacy-encoding")).toEqual([]);
  });

  it.each(["TCVN3", "VNI"] as const)("%s: the unit, every figure and the documents are read, with the warning", (encoding) => {
    const report = readUnitReport(specToGrid(legacySpec(encoding)), "don-vi.xls");
    expect(report.unit.name.toUpperCase()).toBe("ĐẢNG ỦY XÃ BẢN GIANG");
    expect(report.reportDate).toBe("2021-06-05");
    for (const [id, f] of Object.entries(GOOD_FIGURES)) expect(report.indicators[id]).toMatchObject({ total: f.total, achieved: f.achieved });
    expect(report.documents.map((d) => d.code?.canonical)).toEqual(["15-NQ/ĐU", "22-KH/ĐU", "27/KH-UBND"]);
    expect(report.documents[0]!.summary).toBe("Nghị quyết về nâng cao chất lượng công tác tư tưởng");
    expect(report.issues.map((i) => i.rule)).toEqual(["legacy-encoding"]);
    const issue = report.issues[0]!;
    expect(issue).toMatchObject({ severity: "warning", sheet: "Văn bản", cell: "A1", params: { encoding, sheet: "Văn bản", cell: "A1" } });
    expect(issue.message).toContain(encoding === "TCVN3" ? "TCVN3/ABC" : "VNI");
    expect(issue.message).toContain("Văn bản!A1");
  });

  it("the targets sheet and the unit list are read in Unicode too", () => {
    const grid = specToGrid(
      legacySpec("VNI", {
        sheets: [
          { name: "Mục tiêu", rows: [["Chỉ tiêu", "Nội dung", "Mục tiêu"], ["5", "Số xã có mô hình", "Ít nhất 3"]] },
          { name: "Đơn vị", rows: [["Tên đơn vị"], ["Đảng ủy xã Bản Giang"]] },
        ],
      }),
    );
    expect(targetsOfWorkbook(grid).changed.map((c) => [c.id, c.target])).toEqual([["5", { op: "count>=", value: 3 }]]);
    expect(unitsSheetOf(grid)!.rows[1]![0]!.v).toBe("Đảng ủy xã Bản Giang");
  });

  it("words the VNI warning with its fonts", () => {
    const message = messageFor("legacy-encoding", { encoding: "VNI", sheet: "Chỉ tiêu", cell: "B5", sample: "Ban Tuyeân giaùo", converted: "Ban Tuyên giáo" });
    expect(message).toBe(
      "Tệp dùng phông chữ cũ (VNI, ví dụ VNI-Times): chữ ở ô Chỉ tiêu!B5 “Ban Tuyeân giaùo” đã được chuyển sang Unicode thành “Ban Tuyên giáo”. Đề nghị đơn vị dùng phông Unicode (Times New Roman).",
    );
  });
});
