/** The figures of the summary as the sentences of the draft: an indicator's result, documents by type, who reported, targets met. */
import { DEFAULT_TARGETS, indicatorById } from "../catalogue";
import { formatNumber, formatPercent, targetLabel, vnDate } from "../format";
import { sameTarget, targetsNote } from "../targets";
import type { IndicatorSummary, MergedDocument, Summary } from "../merge";
import { DOCUMENT_TYPE_NAMES, parseDocumentCode } from "../values/code";
import { compareNames } from "../text";
import { NOT_ENOUGH_DATA } from "./model";

/** The unit of measure inside a sentence: "Hộ" → "hộ", "Xã, thị trấn" → "xã, thị trấn". */
export function unitInSentence(dvt: string): string {
  return dvt.normalize("NFC").toLocaleLowerCase("vi");
}

/** The target inside a sentence: "100%", "trên 95%", "ít nhất 01 xã". */
export function targetInSentence(target: IndicatorSummary["target"], dvt: string): string {
  const v = String(target.value).replace(".", ",");
  switch (target.op) {
    case ">=":
      return `${v}%`;
    case ">":
      return `trên ${v}%`;
    default:
      return `ít nhất ${String(target.value).padStart(2, "0")}${dvt !== "" ? ` ${unitInSentence(dvt)}` : ""}`;
  }
}

/** "chưa đạt mục tiêu 100%", "đạt mục tiêu trên 95%", "vượt mục tiêu 85%", "chưa đánh giá được so với mục tiêu 100%". */
export function targetPhrase(summary: IndicatorSummary, dvt: string): string {
  const target = targetInSentence(summary.target, dvt);
  if (summary.met === null) return `chưa đánh giá được so với mục tiêu ${target}`;
  if (!summary.met) return `chưa đạt mục tiêu ${target}`;
  const beyond = summary.target.op === ">=" && summary.ratio !== null && summary.ratio > summary.target.value;
  return `${beyond ? "vượt" : "đạt"} mục tiêu ${target}`;
}

/**
 * An indicator's result as a sentence reads it: "đạt 99,67% (7.660/7.685 hộ), chưa đạt mục tiêu 100%",
 * "đạt 90,00% (900/1.000 hộ), vượt mục tiêu 85%"; a count target without Tổng số: "có 2 xã, đạt mục
 * tiêu ít nhất 01 xã"; else "chưa đủ số liệu".
 */
export function figureText(summary: IndicatorSummary | undefined, expected?: number): string {
  if (!summary) return NOT_ENOUGH_DATA;
  const dvt = indicatorById(summary.id)?.dvt ?? "";
  const unit = dvt !== "" ? ` ${unitInSentence(dvt)}` : "";
  // A sum over the units that reported it, when not all of the list did: said, so the rate is not read as the district's whole.
  const partial = expected !== undefined && summary.aggregation.kind === "sum" && summary.reportedBy < expected ? `; theo báo cáo của ${summary.reportedBy}/${expected} đơn vị` : "";
  if (summary.ratio !== null && summary.total !== null && summary.achieved !== null) {
    return `đạt ${formatPercent(summary.ratio)} (${formatNumber(summary.achieved, 0)}/${formatNumber(summary.total, 0)}${unit}${partial}), ${targetPhrase(summary, dvt)}`;
  }
  if (summary.target.op === "count>=" && summary.achieved !== null) {
    return `có ${formatNumber(summary.achieved, 0)}${unit}, ${targetPhrase(summary, dvt)}`;
  }
  // Reported, with nobody or nothing to count: no ratio, and no gap in the reports either.
  if (summary.total === 0) return `không có đối tượng (tổng số 0${unit})`;
  return NOT_ENOUGH_DATA;
}


export interface DocumentTypeCount {
  /** Canonical abbreviation ("KH"), or null for documents whose type could not be read. */
  readonly type: string | null;
  readonly name: string;
  readonly count: number;
}

/** Documents counted by the type in their code, most frequent first; unreadable codes last. */
export function countDocumentTypes(documents: readonly MergedDocument[]): DocumentTypeCount[] {
  const counts = new Map<string, number>();
  let unknown = 0;
  for (const d of documents) {
    const parsed = parseDocumentCode(d.code ?? "");
    if (parsed.kind === "code") counts.set(parsed.code.type, (counts.get(parsed.code.type) ?? 0) + 1);
    else unknown += 1;
  }
  const known = [...counts.entries()]
    .map(([type, count]) => ({ type, name: DOCUMENT_TYPE_NAMES[type] ?? "văn bản", count }))
    .sort((a, b) => b.count - a.count || compareNames(a.name, b.name) || a.type.localeCompare(b.type));
  return unknown > 0 ? [...known, { type: null, name: "văn bản chưa xác định được loại", count: unknown }] : known;
}

/** "Tổng số 5 văn bản: 3 kế hoạch (KH), 2 nghị quyết (NQ)." */
export function documentCountText(documents: readonly MergedDocument[]): string {
  if (documents.length === 0) return `Văn bản lãnh đạo, chỉ đạo: ${NOT_ENOUGH_DATA}.`;
  const parts = countDocumentTypes(documents).map((c) => (c.type !== null ? `${c.count} ${c.name} (${c.type})` : `${c.count} ${c.name}`));
  return `Tổng số ${documents.length} văn bản: ${parts.join(", ")}.`;
}

/** "Đã nhận báo cáo của 2/3 đơn vị (66,67%)." (who did not report is a shortcoming: see missingText). */
export function reportingText(summary: Summary): string {
  const expected = summary.expected.length;
  const received = summary.received.length;
  const rate = summary.rate !== null ? ` (${formatPercent(summary.rate)})` : "";
  return `Đã nhận báo cáo của ${received}/${expected} đơn vị${rate}.`;
}

/**
 * "Đến thời điểm tổng hợp, chưa nhận báo cáo của: A, B (2/14 đơn vị)." and, for the units that sent only
 * files that were rejected (the summary's "Tệp bị loại"), "Báo cáo gửi về bị loại, không sử dụng được: C
 * (1/14 đơn vị)."; null when every unit reported.
 */
export function missingText(summary: Summary): string | null {
  if (summary.missing.length === 0) return null;
  const rejected = new Set(summary.units.filter((u) => u.state === "rejected").map((u) => u.unit));
  const notSent = summary.missing.filter((u) => !rejected.has(u));
  const sentRejected = summary.missing.filter((u) => rejected.has(u));
  const of = (units: readonly string[]) => `${units.join(", ")} (${units.length}/${summary.expected.length} đơn vị).`;
  return [
    ...(notSent.length > 0 ? [`Đến thời điểm tổng hợp, chưa nhận báo cáo của: ${of(notSent)}`] : []),
    ...(sentRejected.length > 0 ? [`Báo cáo gửi về bị loại, không sử dụng được: ${of(sentRejected)}`] : []),
  ].join(" ");
}

/** "Nộp báo cáo sau thời hạn (25/6/2021): A, B."; null when no unit was late. */
export function lateText(summary: Summary): string | null {
  const late = summary.units.filter((u) => u.state === "received" && u.onTime === false).map((u) => u.unit);
  if (late.length === 0) return null;
  return `Nộp báo cáo sau thời hạn (${vnDate(summary.deadline)}): ${late.join(", ")} (${late.length}/${summary.expected.length} đơn vị).`;
}

/**
 * "Có 3 số liệu sai quy tắc của 2 đơn vị (A, B) không được cộng vào tổng hợp (chỉ tiêu 3.2, 4.1)."; null when none:
 * the sums above leave them out, and the reader should know.
 */
export function rejectedValuesText(summary: Summary): string | null {
  const values = summary.rejectedValues;
  if (values.length === 0) return null;
  const units = [...new Set(values.map((v) => v.unit))];
  const ids = [...new Set(values.map((v) => v.indicator).filter((i): i is string => i !== null))];
  return `Có ${values.length} số liệu sai quy tắc của ${units.length} đơn vị (${units.join(", ")}) không được cộng vào tổng hợp${ids.length > 0 ? ` (chỉ tiêu ${ids.join(", ")})` : ""}.`;
}

/** "Có 12/17 chỉ tiêu đạt mục tiêu (1.1, 4.4)." */
export function targetsMetText(summary: Summary): string {
  const met = summary.indicators.filter((i) => i.met === true).map((i) => i.id);
  return `Có ${met.length}/${summary.indicators.length} chỉ tiêu đạt mục tiêu${met.length > 0 ? ` (${met.join(", ")})` : ""}.`;
}

/** "Có 2/17 chỉ tiêu chưa đạt mục tiêu (3.1, 2); 10 chỉ tiêu chưa đủ số liệu để đánh giá (…)."; null when none. */
export function targetsShortText(summary: Summary): string | null {
  const unmet = summary.indicators.filter((i) => i.met === false).map((i) => i.id);
  const none = summary.indicators.filter((i) => i.met === null && i.total === 0).map((i) => i.id);
  const noData = summary.indicators.filter((i) => i.met === null && i.total !== 0).map((i) => i.id);
  const parts = [
    ...(unmet.length > 0 ? [`có ${unmet.length}/${summary.indicators.length} chỉ tiêu chưa đạt mục tiêu (${unmet.join(", ")})`] : []),
    ...(noData.length > 0 ? [`${noData.length} chỉ tiêu ${NOT_ENOUGH_DATA} để đánh giá (${noData.join(", ")})`] : []),
    ...(none.length > 0 ? [`${none.length} chỉ tiêu không có đối tượng (tổng số 0: ${none.join(", ")})`] : []),
  ];
  if (parts.length === 0) return null;
  const text = parts.join("; ");
  return `${text.charAt(0).toLocaleUpperCase("vi")}${text.slice(1)}.`;
}

/**
 * Which targets the verdicts were judged by, when they are not all Đề án 241's: "Mục tiêu đánh giá: theo
 * kế hoạch của đơn vị (tệp ke-hoach.xlsx); chỉ tiêu kế hoạch không đặt thì theo Đề án 241. Khác Đề án 241 ở
 * chỉ tiêu 1.2: 99% (Đề án 241: 100%)."; null when every target is Đề án 241's, as the reader assumes.
 */
export function targetsUsedText(summary: Summary): string | null {
  const changed = summary.indicators.filter((i) => {
    const official = DEFAULT_TARGETS[i.id];
    return official !== undefined && !sameTarget(i.target, official);
  });
  if (changed.length === 0 && (summary.targetsSource === undefined || summary.targetsSource === "de-an-241")) return null;
  // Targets that differ say they are a plan's even where the summary no longer names it.
  const source = summary.targetsSource === undefined || summary.targetsSource === "de-an-241" ? "" : summary.targetsSource;
  const list = changed.map((i) => `${i.id}: ${targetLabel(i.target)} (Đề án 241: ${targetLabel(DEFAULT_TARGETS[i.id]!)})`).join("; ");
  return `${targetsNote(source)}${list !== "" ? ` Khác Đề án 241 ở chỉ tiêu ${list}.` : ""}`;
}
