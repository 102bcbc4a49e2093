/**
 * Who signs a unit's report, by the kind of unit: data, one row a kind, matched
 * on the start of the unit's name (without diacritics, so "Đảng uỷ" and
 * "Dang uy" match too). The first row that matches wins; a unit of no listed
 * kind gets DEFAULT_SIGNER.
 */
import { foldText } from "../text";

export interface Signer {
  /** The line above the title ("T/M BAN CHẤP HÀNH"), "" for none. */
  readonly onBehalf: string;
  /** The signer's title ("BÍ THƯ", "GIÁM ĐỐC"). */
  readonly title: string;
}

export interface SignerKind {
  /** The kind of unit, as staff name it. */
  readonly kind: string;
  /** Starts of the unit's name, folded (lower case, without diacritics). */
  readonly startsWith: readonly string[];
  readonly signer: Signer;
}

export const SIGNER_KINDS: readonly SignerKind[] = [
  { kind: "Chi bộ", startsWith: ["chi bo"], signer: { onBehalf: "T/M CHI BỘ", title: "BÍ THƯ" } },
  { kind: "Đảng ủy, đảng bộ", startsWith: ["dang uy", "dang bo"], signer: { onBehalf: "T/M BAN CHẤP HÀNH", title: "BÍ THƯ" } },
  { kind: "Phòng", startsWith: ["phong"], signer: { onBehalf: "", title: "TRƯỞNG PHÒNG" } },
  // The radio-television station and the centres are headed by a director.
  { kind: "Đài", startsWith: ["dai"], signer: { onBehalf: "", title: "GIÁM ĐỐC" } },
  { kind: "Trung tâm", startsWith: ["trung tam"], signer: { onBehalf: "", title: "GIÁM ĐỐC" } },
  { kind: "Văn phòng", startsWith: ["van phong"], signer: { onBehalf: "", title: "CHÁNH VĂN PHÒNG" } },
  { kind: "Ban", startsWith: ["ban "], signer: { onBehalf: "", title: "TRƯỞNG BAN" } },
  { kind: "Ủy ban Mặt trận Tổ quốc", startsWith: ["uy ban mat tran", "uy ban mttq", "mat tran", "mttq"], signer: { onBehalf: "T/M BAN THƯỜNG TRỰC", title: "CHỦ TỊCH" } },
  { kind: "Ủy ban nhân dân", startsWith: ["uy ban nhan dan", "ubnd"], signer: { onBehalf: "T/M ỦY BAN NHÂN DÂN", title: "CHỦ TỊCH" } },
  { kind: "Huyện đoàn, đoàn thanh niên", startsWith: ["huyen doan", "doan thanh nien", "doan tncs"], signer: { onBehalf: "T/M BAN THƯỜNG VỤ", title: "BÍ THƯ" } },
  { kind: "Hội", startsWith: ["hoi "], signer: { onBehalf: "T/M BAN THƯỜNG VỤ", title: "CHỦ TỊCH" } },
  { kind: "Trường", startsWith: ["truong "], signer: { onBehalf: "", title: "HIỆU TRƯỞNG" } },
];

/** The signer of a unit of no listed kind. */
export const DEFAULT_SIGNER: Signer = { onBehalf: "", title: "THỦ TRƯỞNG CƠ QUAN" };

/** The signature lines a unit's report carries by default, from the kind of unit its name says. */
export function signerOf(unitName: string): Signer {
  const name = foldText(unitName);
  return SIGNER_KINDS.find((k) => k.startsWith.some((s) => name.startsWith(s)))?.signer ?? DEFAULT_SIGNER;
}
