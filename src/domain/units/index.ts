/**
 * The units that report to the district: party committees of the xã and the
 * thị trấn, and the offices Công văn 232-CV/HU names. Reading a unit list,
 * naming files after units, and matching a typed name to a unit.
 */
import { cellAddress, type GridSheet } from "../model/grid";
import type { UnitLevel } from "../model/identity";
import type { Issue } from "../model/issues";
import { makeIssue } from "../rules/messages";
import { cleanText, foldText, stripDiacritics } from "../text";
import { matchUnitDetailed } from "./match";

export { matchUnitDetailed, namesOf, unitByCode, unitNameKeys, UNIT_ABBREVIATIONS, type UnitMatch, type UnitNameKeys } from "./match";
export { emailAddresses, isEmailAddress, senderAddress, unitBySender } from "./addresses";
export { DEFAULT_SIGNER, SIGNER_KINDS, signerOf, type Signer, type SignerKind } from "./signers";

/** Which header block a unit's documents carry. */
export type HeaderFormat = "party" | "state";

export interface Unit {
  readonly name: string;
  readonly code?: string;
  readonly level: UnitLevel;
  readonly email?: string;
  /** The superior body line of the header block, when it is not the default. */
  readonly superior?: string;
  /** "party" (ĐẢNG CỘNG SẢN VIỆT NAM) unless the unit is a state office. */
  readonly format?: HeaderFormat;
  /** Other names the unit goes by ("Tên khác" in the list: "Hội Phụ nữ"). */
  readonly aliases?: readonly string[];
}

export const DEFAULT_SUPERIOR = "ĐẢNG BỘ HUYỆN TAM ĐƯỜNG";
/** The superior line of the district's state offices. */
export const STATE_SUPERIOR = "UBND HUYỆN TAM ĐƯỜNG";
export const DISTRICT_PLACE = "Tam Đường";

const COMMUNES = [
  "Bản Bo",
  "Bản Giang",
  "Bản Hon",
  "Bình Lư",
  "Giang Ma",
  "Hồ Thầu",
  "Khun Há",
  "Nà Tăm",
  "Nùng Nàng",
  "Sơn Bình",
  "Sùng Phài",
  "Tả Lèng",
  "Thèn Sin",
] as const;

function codeOf(text: string): string {
  return stripDiacritics(text)
    .toUpperCase()
    .replace(/[^A-Z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "");
}

/**
 * The default list for Tam Đường: the party committees of the 13 xã and the
 * thị trấn, then the offices named in section 3 of Công văn 232-CV/HU.
 */
export const TAM_DUONG_UNITS: readonly Unit[] = [
  ...COMMUNES.map((xa): Unit => ({ name: `Đảng ủy xã ${xa}`, code: codeOf(xa), level: "co-so" })),
  { name: "Đảng ủy thị trấn Tam Đường", code: "THI-TRAN-TAM-DUONG", level: "co-so" },
  { name: "Phòng Tài chính - Kế hoạch", code: "PHONG-TC-KH", level: "huyen", format: "state", superior: STATE_SUPERIOR },
  { name: "Phòng Nội vụ", code: "PHONG-NOI-VU", level: "huyen", format: "state", superior: STATE_SUPERIOR },
  {
    name: "Đài Truyền thanh - Truyền hình",
    code: "DAI-TT-TH",
    level: "huyen",
    format: "state",
    superior: STATE_SUPERIOR,
  },
  { name: "Phòng Văn hóa - Thông tin", code: "PHONG-VH-TT", level: "huyen", format: "state", superior: STATE_SUPERIOR },
  { name: "Trung tâm Chính trị", code: "TT-CHINH-TRI", level: "huyen", superior: "HUYỆN ỦY TAM ĐƯỜNG" },
];

/** The place name of a unit's date line: the xã / thị trấn for a party committee of one, else the district. */
export function defaultPlace(unit: Pick<Unit, "name">): string {
  const name = cleanText(unit.name);
  const m = /^(?:đảng ủy|đảng uỷ|đảng bộ|chi bộ)\s+(?:xã|thị trấn|phường)\s+(.+)$/iu.exec(name);
  return m ? m[1]! : DISTRICT_PLACE;
}

/** The header format a unit's documents use. */
export function headerFormatOf(unit: Pick<Unit, "name" | "format">): HeaderFormat {
  if (unit.format) return unit.format;
  const f = foldText(unit.name);
  return /^(dang uy|dang bo|chi bo|ban |trung tam chinh tri|van phong huyen uy)/.test(f) || f === "" ? "party" : "state";
}

/** A file name for the unit's workbook: no diacritics, safe characters ("Dang-uy-xa-Ban-Bo.xlsx"). */
export function unitFileName(unit: Pick<Unit, "name">, extension = "xlsx"): string {
  const base = stripDiacritics(unit.name)
    .replace(/[^A-Za-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "")
    .slice(0, 80)
    .replace(/-+$/g, "");
  return `${base === "" ? "don-vi" : base}.${extension}`;
}

/**
 * The unit a typed name means (see matchUnitDetailed): the name, an abbreviation of it, another
 * name it goes by, or the name without the kind of body ("Bản Bo" for "Đảng ủy xã Bản Bo").
 * Undefined when none or more than one matches.
 */
export function matchUnit<U extends Pick<Unit, "name" | "aliases">>(name: string, units: readonly U[]): U | undefined {
  const m = matchUnitDetailed(name, units);
  return m.kind === "exact" || m.kind === "loose" ? m.unit : undefined;
}

export interface ParsedUnits {
  readonly units: Unit[];
  /** Rules "units.*", all warnings; each names its sheet and cell. */
  readonly issues: Issue[];
}

type Field = "name" | "code" | "level" | "email" | "aliases";

function headerField(text: string): Field | undefined {
  const f = foldText(text);
  if (f === "") return undefined;
  if (/^(ten don vi|ten|don vi|name|unit)$/.test(f) || f.startsWith("ten don vi")) return "name";
  if (/^(ma|ma don vi|code|ky hieu)$/.test(f)) return "code";
  if (/^(cap|cap don vi|level)$/.test(f)) return "level";
  if (/^(email|e mail|thu dien tu|dia chi email|dia chi thu dien tu)$/.test(f)) return "email";
  if (/^(ten khac|ten goi khac|cac ten khac|ten thuong goi|ten viet tat|alias|aliases)$/.test(f)) return "aliases";
  return undefined;
}

function cellText(v: unknown): string {
  if (v === undefined || v === null) return "";
  if (v instanceof Date) return v.toISOString().slice(0, 10);
  return cleanText(String(v));
}

function parseLevel(text: string): UnitLevel | undefined {
  const f = foldText(text);
  if (f === "" || f === "co so" || f === "co-so" || f === "xa" || f === "cs") return "co-so";
  if (f === "huyen" || f === "cap huyen") return "huyen";
  if (f === "tinh" || f === "cap tinh") return "tinh";
  if (f === "cap co so") return "co-so";
  return undefined;
}

/**
 * Reads a unit list: a "Đơn vị" sheet or a CSV-like grid. The first column is
 * the name unless a header row ("Tên đơn vị, Mã, Cấp, Email", in any order,
 * recognised by meaning) says otherwise. Blank rows are skipped.
 */
export function parseUnitsGrid(sheet: GridSheet): ParsedUnits {
  const rows = sheet.rows.map((row) => (row ?? []).map((cell) => cellText(cell?.v)));
  const issues: Issue[] = [];
  let columns: Partial<Record<Field, number>> = { name: 0, code: 1, level: 2, email: 3 };
  let start = 0;
  // A header row: the first non-empty row where some cell reads as "Tên đơn vị" (title rows above it are skipped).
  for (let r = 0; r < Math.min(rows.length, 10); r++) {
    const row = rows[r] ?? [];
    const fields = row.map(headerField);
    if (fields.includes("name")) {
      columns = {};
      fields.forEach((f, c) => {
        if (f !== undefined && columns[f] === undefined) columns[f] = c;
      });
      start = r + 1;
      break;
    }
  }
  const units: Unit[] = [];
  const seen = new Map<string, number>();
  for (let r = start; r < rows.length; r++) {
    const row = rows[r] ?? [];
    const get = (f: Field): string => (columns[f] === undefined ? "" : (row[columns[f]!] ?? ""));
    const name = get("name");
    if (name === "") {
      if (row.some((t) => t !== "")) {
        issues.push(makeIssue("units.empty", { sheet: sheet.name, cell: cellAddress(r, columns.name ?? 0) }, { row: r + 1 }));
      }
      continue;
    }
    const key = foldText(name);
    if (seen.has(key)) {
      issues.push(makeIssue("units.duplicate", { sheet: sheet.name, cell: cellAddress(r, columns.name ?? 0) }, { name, firstRow: seen.get(key)! + 1, row: r + 1 }));
      continue;
    }
    seen.set(key, r);
    const levelText = get("level");
    let level = parseLevel(levelText);
    if (level === undefined) {
      issues.push(makeIssue("units.level", { sheet: sheet.name, cell: cellAddress(r, columns.level ?? 2) }, { text: levelText }));
      level = "co-so";
    }
    const code = get("code");
    const email = get("email");
    const aliases = get("aliases")
      .split(/[;\n]/)
      .map((a) => cleanText(a))
      .filter((a) => a !== "");
    units.push({ name, ...(code !== "" ? { code } : {}), level, ...(email !== "" ? { email } : {}), ...(aliases.length > 0 ? { aliases } : {}) });
  }
  return { units, issues };
}

/**
 * How many units a sheet lists when it is a unit list by its header: a row among the first ten
 * with a "Tên đơn vị" column and another of a list's (Mã, Cấp, Email, Tên khác); 0 otherwise.
 */
export function unitListSize(sheet: GridSheet): number {
  const rows = sheet.rows;
  for (let r = 0; r < Math.min(rows.length, 10); r++) {
    const fields = (rows[r] ?? []).map((cell) => headerField(cellText(cell?.v)));
    if (fields.includes("name") && fields.some((f) => f !== undefined && f !== "name")) return parseUnitsGrid(sheet).units.length;
  }
  return 0;
}

/** The Vietnamese label of a level, as the "Đơn vị" sheet shows it. */
export function levelLabel(level: UnitLevel): string {
  return level === "huyen" ? "Huyện" : level === "tinh" ? "Tỉnh" : "Cơ sở";
}
