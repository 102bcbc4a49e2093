/**
 * The machine-readable identity of a workbook this tool wrote: which
 * template and version, for which unit, at which level, on which date.
 *
 * It lives in a sheet named IDENTITY_SHEET, very hidden where the format
 * allows (LibreOffice keeps it as hidden), as key/value rows under a marker
 * in A1. A sheet survives saving as .xlsx, .xls and .ods by Excel and by
 * LibreOffice, which defined names holding constants do not always do.
 * Readers look for the marker in A1 of any sheet, whatever its name.
 */

export const IDENTITY_SHEET = "_de_an_241";
export const IDENTITY_MARKER = "de-an-241-identity";

export type WorkbookKind = "unit-report" | "summary";
/** Cơ sở (grassroots), huyện (district), tỉnh (province). */
export type UnitLevel = "co-so" | "huyen" | "tinh";

export interface WorkbookIdentity {
  readonly kind: WorkbookKind;
  /** Template id, "de-an-241/cv-232". */
  readonly template: string;
  /** Template version, an integer as text ("1"). */
  readonly version: string;
  /** The unit the workbook is for (or, for a summary, the unit that merged it). */
  readonly unitName: string;
  readonly unitCode?: string;
  readonly level: UnitLevel;
  /** The superior body line of the header block. */
  readonly superior?: string;
  /** When the workbook was made, ISO date (YYYY-MM-DD). */
  readonly created: string;
  /** For a summary written into an open workbook: the sheets it wrote (so a later merge replaces only those). */
  readonly sheets?: readonly string[];
}

/** Separates the names in the "sheets" row. */
const SHEETS_SEPARATOR = "|";

export const TEMPLATE_ID = "de-an-241/cv-232";
export const TEMPLATE_VERSION = "1";

const KEYS: ReadonlyArray<keyof WorkbookIdentity> = [
  "kind",
  "template",
  "version",
  "unitName",
  "unitCode",
  "level",
  "superior",
  "created",
  "sheets",
];

/** The identity as rows of the identity sheet: marker first, then key/value pairs. All values are text. */
export function identityRows(identity: WorkbookIdentity): string[][] {
  const rows: string[][] = [[IDENTITY_MARKER, ""]];
  for (const key of KEYS) {
    const raw = identity[key];
    const value = Array.isArray(raw) ? raw.join(SHEETS_SEPARATOR) : raw;
    if (value !== undefined && value !== "") rows.push([key, String(value)]);
  }
  return rows;
}

/** Parses key/value rows (as read back from any format); undefined when the marker or a required key is missing. */
export function parseIdentityRows(rows: ReadonlyArray<ReadonlyArray<unknown>>): WorkbookIdentity | undefined {
  if (String(rows[0]?.[0] ?? "").trim() !== IDENTITY_MARKER) return undefined;
  const map = new Map<string, string>();
  for (const row of rows.slice(1)) {
    const key = String(row[0] ?? "").trim();
    const value = row[1];
    if (key !== "" && value !== undefined && value !== null && String(value).trim() !== "") {
      map.set(key, String(value).normalize("NFC").trim());
    }
  }
  const kind = map.get("kind");
  const level = map.get("level");
  const unitName = map.get("unitName");
  if ((kind !== "unit-report" && kind !== "summary") || unitName === undefined) return undefined;
  return {
    kind,
    template: map.get("template") ?? TEMPLATE_ID,
    version: map.get("version") ?? "",
    unitName,
    ...(map.has("unitCode") ? { unitCode: map.get("unitCode")! } : {}),
    level: level === "huyen" || level === "tinh" ? level : "co-so",
    ...(map.has("superior") ? { superior: map.get("superior")! } : {}),
    created: map.get("created") ?? "",
    ...(map.has("sheets")
      ? { sheets: map.get("sheets")!.split(SHEETS_SEPARATOR).map((n) => n.trim()).filter((n) => n !== "") }
      : {}),
  };
}
