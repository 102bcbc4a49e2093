/** The figures of the summary as the sentences of the draft: an indicator's result, documents by type, who reported, targets met. */
import { indicatorById } from "../catalogue";
import { formatNumber, formatPercent, targetLabel, verdictLabel } from "../format";
import type { IndicatorSummary, MergedDocument, Summary } from "../merge";
import { parseDocumentCode } from "../values/code";
import { NOT_ENOUGH_DATA } from "./model";

/**
 * An indicator's verdict in the draft: the verdict label ("Đạt", "Chưa đạt"),
 * or, inside a sentence whose figures could not be judged, "chưa đánh giá được".
 */
export function verdict(met: boolean | null): string {
  return met === null ? "chưa đánh giá được" : verdictLabel(met);
}

/** "đạt 95,00% (950/1.000 Hộ; mục tiêu 100%: Chưa đạt)", or "chưa đủ số liệu". */
export function figureText(summary: IndicatorSummary | undefined): string {
  if (!summary || summary.ratio === null || summary.total === null || summary.achieved === null) return NOT_ENOUGH_DATA;
  const dvt = indicatorById(summary.id)?.dvt ?? "";
  return (
    `đạt ${formatPercent(summary.ratio)} (${formatNumber(summary.achieved, 0)}/${formatNumber(summary.total, 0)}${dvt !== "" ? ` ${dvt}` : ""}; ` +
    `mục tiêu ${targetLabel(summary.target)}: ${verdict(summary.met)})`
  );
}

const TYPE_NAMES: Readonly<Record<string, string>> = {
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
    .map(([type, count]) => ({ type, name: TYPE_NAMES[type] ?? "văn bản", count }))
    .sort((a, b) => b.count - a.count || a.name.localeCompare(b.name, "vi") || a.type.localeCompare(b.type));
  return unknown > 0 ? [...known, { type: null, name: "văn bản chưa xác định được loại", count: unknown }] : known;
}

/** "Tổng số 5 văn bản: 3 kế hoạch (KH), 2 nghị quyết (NQ)." */
export function documentCountText(documents: readonly MergedDocument[]): string {
  if (documents.length === 0) return `Văn bản lãnh đạo, chỉ đạo: ${NOT_ENOUGH_DATA}.`;
  const parts = countDocumentTypes(documents).map((c) => (c.type !== null ? `${c.count} ${c.name} (${c.type})` : `${c.count} ${c.name}`));
  return `Tổng số ${documents.length} văn bản: ${parts.join(", ")}.`;
}

/** "Đã nhận báo cáo của 2/3 đơn vị (66,67%); chưa nhận báo cáo của: …". */
export function reportingText(summary: Summary): string {
  const expected = summary.expected.length;
  const received = summary.received.length;
  const rate = summary.rate !== null ? ` (${formatPercent(summary.rate)})` : "";
  const head = `Đã nhận báo cáo của ${received}/${expected} đơn vị${rate}`;
  return summary.missing.length > 0 ? `${head}; chưa nhận báo cáo của: ${summary.missing.join(", ")}.` : `${head}.`;
}

/** "Có 12/27 chỉ tiêu đạt mục tiêu; chưa đạt: …; chưa đủ số liệu: …." */
export function targetsMetText(summary: Summary): string {
  const judged = summary.indicators.filter((i) => i.met !== null);
  const met = judged.filter((i) => i.met === true);
  const unmet = judged.filter((i) => i.met === false).map((i) => i.id);
  const noData = summary.indicators.filter((i) => i.met === null).map((i) => i.id);
  return (
    `Có ${met.length}/${summary.indicators.length} chỉ tiêu đạt mục tiêu` +
    (unmet.length > 0 ? `; chưa đạt: ${unmet.join(", ")}` : "") +
    (noData.length > 0 ? `; ${NOT_ENOUGH_DATA}: ${noData.join(", ")}` : "") +
    "."
  );
}
