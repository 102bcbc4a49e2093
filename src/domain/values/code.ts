/**
 * Document numbers ("số, ký hiệu") in the two forms units write:
 * - Party form: "Số 26-KH/TU", "26-KH/TU", "15-NQ/ĐU", "232- CV/HU" → number-TYPE/ISSUER;
 * - State form: "27/KH-UBND", "Số 123/QĐ-UBND", "12/2019/NĐ-CP" → number/[year/]TYPE-ISSUER.
 * Case-insensitive and tolerant of NFD text, spaces and missing diacritics ("QD" → QĐ).
 */
import { cleanText, foldText, stripDiacritics } from "../text";

export interface DocumentCode {
  readonly number: string;
  /** Canonical type abbreviation: NQ, CT, KL, QĐ, QĐi, KH, CTr, … */
  readonly type: string;
  readonly issuer: string;
  readonly form: "party" | "state";
  /** The year some State documents carry ("12/2019/NĐ-CP"). */
  readonly year?: string;
  /** The code written canonically, its number as the document gives it ("05-KH/ĐU" keeps its zero): "26-KH/TU", "27/KH-UBND". `number` is the number itself ("5"), for comparing. */
  readonly canonical: string;
}

/**
 * What makes two codes one document's: form, number (its value: "05" is "5"), year, type and issuer,
 * upper-cased. "12/2019/NĐ-CP" and "12/2020/NĐ-CP" are two.
 */
export function codeKey(code: DocumentCode): string {
  return `${code.form}|${code.number}|${code.year ?? ""}|${code.type}|${code.issuer}`.toUpperCase();
}

/** Each canonical type's name, in lower case as a sentence writes it ("kế hoạch"): the draft's counts by type, and what a summary of that kind opens with. */
export const DOCUMENT_TYPE_NAMES: Readonly<Record<string, string>> = {
  NQ: "nghị quyết",
  NQLT: "nghị quyết liên tịch",
  CT: "chỉ thị",
  KL: "kết luận",
  QĐ: "quyết định",
  QĐi: "quy định",
  QC: "quy chế",
  HD: "hướng dẫn",
  KH: "kế hoạch",
  CTr: "chương trình",
  BC: "báo cáo",
  TB: "thông báo",
  TTr: "tờ trình",
  TrI: "tờ trình",
  CV: "công văn",
  ĐA: "đề án",
  PA: "phương án",
  TT: "thông tư",
  TTLT: "thông tư liên tịch",
  NĐ: "nghị định",
  L: "luật",
  CĐ: "công điện",
  GM: "giấy mời",
  BB: "biên bản",
  TC: "thông cáo",
};

/** Type abbreviations by their key without diacritics, upper case, → canonical spelling. */
const TYPES: Readonly<Record<string, string>> = {
  NQ: "NQ", // Nghị quyết
  NQLT: "NQLT",
  CT: "CT", // Chỉ thị
  KL: "KL", // Kết luận
  QD: "QĐ", // Quyết định
  QDI: "QĐi", // Quy định
  QC: "QC", // Quy chế
  HD: "HD", // Hướng dẫn
  KH: "KH", // Kế hoạch
  CTR: "CTr", // Chương trình
  BC: "BC", // Báo cáo
  TB: "TB", // Thông báo
  TTR: "TTr", // Tờ trình
  CV: "CV", // Công văn
  DA: "ĐA", // Đề án
  PA: "PA", // Phương án
  TT: "TT", // Thông tư
  TTLT: "TTLT",
  ND: "NĐ", // Nghị định
  L: "L",
  CD: "CĐ", // Công điện
  GM: "GM", // Giấy mời
  BB: "BB", // Biên bản
  TC: "TC", // Thông cáo
  TRI: "TrI", // Tờ trình (variant)
  UBND: "UBND",
};

function typeKey(raw: string): string {
  return stripDiacritics(raw).toUpperCase();
}

export function canonicalType(raw: string): string | undefined {
  return TYPES[typeKey(raw)];
}

function canonicalIssuer(raw: string): string {
  return cleanText(raw).toUpperCase().replace(/\s+/g, "");
}

const L = "A-Za-zĐđ";
const PARTY = new RegExp(`(?:^|[^\\d/])(\\d{1,5})\\s*-\\s*([${L}]{1,5})\\s*/\\s*([${L}0-9][${L}0-9\\-]*(?:/[${L}0-9]+)?)`, "u");
const STATE = new RegExp(
  `(?:^|[^\\d/])(\\d{1,5})\\s*/\\s*(?:(\\d{4})\\s*/\\s*)?([${L}]{1,5})\\s*-\\s*([${L}0-9][${L}0-9\\-]*)`,
  "u",
);

export type CodeParse =
  | { readonly kind: "blank" }
  | { readonly kind: "code"; readonly code: DocumentCode }
  | { readonly kind: "unrecognised"; readonly text: string };

/** A code cell left empty by a mark: a dash of any width, as the date beside it may be. */
const BLANK_CODES = new Set(["", "-", "–", "—", "−", "--", "(-)"]);

/** Finds a document code in a text (the cell may say "Kế hoạch số 26-KH/TU ngày 07/4/2021"). */
export function parseDocumentCode(raw: string): CodeParse {
  const text = cleanText(raw);
  if (BLANK_CODES.has(text)) return { kind: "blank" };
  const party = PARTY.exec(text);
  const state = STATE.exec(text);
  // Prefer the match that starts first (a text may contain both shapes only by accident).
  const useParty = party && (!state || party.index <= state.index);
  if (useParty) {
    const [, number, rawType, rawIssuer] = party;
    const type = canonicalType(rawType!);
    if (type) {
      const issuer = canonicalIssuer(rawIssuer!);
      return {
        kind: "code",
        code: { number: String(Number(number)), type, issuer, form: "party", canonical: `${number!}-${type}/${issuer}` },
      };
    }
  }
  if (state) {
    const [, number, year, rawType, rawIssuer] = state;
    const type = canonicalType(rawType!);
    if (type) {
      const issuer = canonicalIssuer(rawIssuer!);
      return {
        kind: "code",
        code: {
          number: String(Number(number)),
          type,
          issuer,
          form: "state",
          ...(year ? { year } : {}),
          canonical: `${number!}/${year ? `${year}/` : ""}${type}-${issuer}`,
        },
      };
    }
  }
  return { kind: "unrecognised", text };
}

/** Document kinds that may open a summary written as "Kế hoạch số 22-KH/ĐU …". */
const KIND_WORDS =
  "nghi quyet|chi thi|ket luan|quyet dinh|quy dinh|quy che|huong dan|ke hoach|chuong trinh|bao cao|thong bao|to trinh|cong van|de an|phuong an|thong tu|nghi dinh|cong dien|van ban";
const SUMMARY_CODE = new RegExp(`^(?:(?:${KIND_WORDS})\\s+)?so\\b`);

/**
 * The document's own code when its summary opens with it ("Nghị quyết số 15-NQ/ĐU về …",
 * "Số 22-KH/ĐU …"); never a code cited further on ("Kế hoạch thực hiện Nghị quyết số 05-NQ/TU").
 */
export function codeOpeningSummary(summary: string): DocumentCode | null {
  if (!SUMMARY_CODE.test(foldText(summary))) return null;
  const parsed = parseDocumentCode(summary);
  if (parsed.kind !== "code") return null;
  return parsed.code;
}
