/**
 * Vietnamese presentation, in one place for the sheets, the task pane, the
 * CLI, the messages and the report draft: numbers ("1.234,5"), percentages
 * ("36,84%"), dates ("20/6/2021", "ngày 05 tháng 6 năm 2021"), verdicts
 * ("Đạt" / "Chưa đạt" / "Chưa đủ số liệu" / "Số liệu có lỗi") and target phrases ("Trên 95%").
 */
import { shownRatio } from "../catalogue/targets";
import type { Target } from "../catalogue/types";

const group = (digits: string): string => digits.replace(/\B(?=(\d{3})+(?!\d))/g, ".");

/**
 * A number the Vietnamese way: "." between thousands, "," before decimals.
 * With `decimals`, exactly that many decimals ("95,00"); without, up to four,
 * trailing zeros dropped ("1.234,5", "12").
 */
export function formatNumber(value: number, decimals?: number): string {
  if (!Number.isFinite(value)) return String(value);
  const fixed = decimals === undefined ? String(Math.abs(Number(value.toFixed(4)))) : Math.abs(value).toFixed(decimals);
  const [int, frac] = fixed.split(".");
  const negative = value < 0 && /[1-9]/.test(fixed);
  return `${negative ? "-" : ""}${group(int!)}${frac !== undefined && frac !== "" ? `,${frac}` : ""}`;
}

/** A percentage with two decimals: 36.8421 → "36,84%". */
export function formatPercent(value: number, decimals = 2): string {
  return `${formatNumber(decimals === 2 ? shownRatio(value) : value, decimals)}%`;
}

/** A percentage rounded to two decimals, trailing zeros dropped: 95 → "95%", 36.8421 → "36,84%". */
export function formatRatio(value: number): string {
  return `${formatNumber(shownRatio(value))}%`;
}

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/**
 * A month as official papers write it beside a day (Nghị định 30/2020/NĐ-CP, as the district's letter
 * writes "07/4/2021", "01/02/2013"): January and February with a leading zero, so that "01" cannot be
 * altered into "11" or "12", the others without.
 */
function officialMonth(mm: string): string {
  const month = Number(mm);
  return month < 3 ? String(month).padStart(2, "0") : String(month);
}

/** "2021-06-20" → "20/6/2021", "2013-02-01" → "01/02/2013" (the day with two digits, the month as officialMonth); other text unchanged; null or empty → "". */
export function vnDate(iso: string | null | undefined): string {
  if (!iso) return "";
  const m = ISO_DATE.exec(iso);
  return m ? `${m[3]}/${officialMonth(m[2]!)}/${m[1]}` : iso;
}

/** A document's date as shown: "12/10/2016", or a date written without its day as written ("tháng 3/2017"), else empty. */
export function documentDateText(d: { readonly date: string | null; readonly dateSpan?: { readonly text: string } | undefined }): string {
  return d.date !== null ? vnDate(d.date) : (d.dateSpan?.text ?? "");
}

/**
 * "ngày 05 tháng 6 năm 2021", the form of a document's date line: the day with
 * two digits, January and February with a leading zero (so "tháng 01" cannot be
 * altered into "tháng 11"). Null when the text is not an ISO date.
 */
export function vnLongDate(iso: string | null | undefined): string | null {
  const m = iso ? ISO_DATE.exec(iso) : null;
  return m ? `ngày ${m[3]} tháng ${officialMonth(m[2]!)} năm ${m[1]}` : null;
}

export type Verdict = "Đạt" | "Chưa đạt" | "Chưa đủ số liệu" | "Số liệu có lỗi" | "Không có đối tượng";

/**
 * What can be said of an indicator: met (true), not met (false), not enough
 * figures (null or undefined), or "rejected": its figures were given but every
 * one of them broke a rule, so none could be counted.
 */
export type VerdictState = boolean | null | undefined | "rejected" | "none";

/** The verdict of an indicator against its target: met, not met, figures with errors, nothing to count (Tổng số 0), or not enough figures to say. */
export function verdictLabel(state: VerdictState): Verdict {
  return state === true
    ? "Đạt"
    : state === false
      ? "Chưa đạt"
      : state === "rejected"
        ? "Số liệu có lỗi"
        : state === "none"
          ? "Không có đối tượng"
          : "Chưa đủ số liệu";
}

/**
 * What can be said of an indicator's figures: met or not; "rejected" when figures were given and
 * every one was left out for an error; "none" when Tổng số is 0 (reported: there is nobody or
 * nothing to count, so no ratio, which is not a gap in the report); else not enough figures.
 */
export function verdictState(i: { readonly met: boolean | null; readonly total: number | null; readonly rejected?: readonly unknown[] | undefined }): VerdictState {
  if (i.met !== null) return i.met;
  if ((i.rejected?.length ?? 0) > 0) return "rejected";
  return i.total === 0 ? "none" : null;
}

/** Where a value left out is: "ban-bo.xlsx, Chỉ tiêu!D10" (the file alone when the cell is not known). */
export function rejectedPlace(v: { readonly file: string; readonly sheet: string | null; readonly cell: string | null }): string {
  const at = v.cell !== null ? (v.sheet !== null ? `${v.sheet}!${v.cell}` : v.cell) : (v.sheet ?? "");
  return at !== "" ? `${v.file}, ${at}` : v.file;
}

/** The printed label of a target, as the letter words it ("100%", "Trên 95%", "Ít nhất 01"). */
export function targetLabel(target: { readonly op: Target["op"] | string; readonly value: number }): string {
  const v = String(target.value).replace(".", ",");
  switch (target.op) {
    case ">=":
      return `${v}%`;
    case ">":
      return `Trên ${v}%`;
    default:
      return `Ít nhất ${String(target.value).padStart(2, "0")}`;
  }
}

const MEBIBYTE = 1_048_576;

/**
 * A size in megabytes (of 1.048.576 bytes), the way the tool says sizes
 * everywhere (CLI, task pane, messages): a whole number of megabytes without
 * decimals ("20 MB", "2.500 MB"), any other size with one decimal ("21,0 MB"
 * for 22.000.000 bytes, so it never reads as exactly the limit); under a
 * megabyte in kilobytes the same way ("9,8 KB", "64 KB"), and a file of no
 * bytes as "0 byte".
 */
export function formatMegabytes(bytes: number): string {
  if (bytes === 0) return "0 byte";
  const [size, unit] = bytes < MEBIBYTE ? [bytes / 1024, "KB"] : [bytes / MEBIBYTE, "MB"];
  if (Number.isInteger(size)) return `${formatNumber(size)} ${unit}`;
  return `${formatNumber(Math.round(size * 10) / 10, 1)} ${unit}`;
}

type UnitKind = "xã" | "phường" | "thị trấn" | "cơ quan";

/** The kind of a unit by its name: a commune, ward or township ("Đảng ủy xã Bản Bo"), else an office. */
function unitKind(name: string): UnitKind {
  const n = name.normalize("NFC").toLowerCase();
  if (/(^|\s)thị trấn(\s|$)/.test(n)) return "thị trấn";
  if (/(^|\s)phường(\s|$)/.test(n)) return "phường";
  if (/(^|\s)xã(\s|$)/.test(n)) return "xã";
  return "cơ quan";
}

/** Units counted by kind, in the order xã, phường, thị trấn, cơ quan: "13 xã, 1 thị trấn và 5 cơ quan". */
export function unitKindsText(names: readonly string[]): string {
  const counts = new Map<UnitKind, number>();
  for (const name of names) counts.set(unitKind(name), (counts.get(unitKind(name)) ?? 0) + 1);
  const parts = (["xã", "phường", "thị trấn", "cơ quan"] as const).filter((k) => counts.has(k)).map((k) => `${formatNumber(counts.get(k)!)} ${k}`);
  if (parts.length <= 1) return parts[0] ?? "0 đơn vị";
  return `${parts.slice(0, -1).join(", ")} và ${parts[parts.length - 1]!}`;
}
