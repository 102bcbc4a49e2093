/**
 * A district summary layout of `count` units, the first with a document summary that looks like a formula
 * (or with the document summaries given).
 */
import { INDICATORS } from "../../../src/domain/catalogue";
import { mergeReports, type MergeSource } from "../../../src/domain/merge";
import { buildSummaryWorkbook } from "../../../src/domain/sheets/summary";
import type { DocumentEntry, IndicatorEntry, UnitReport } from "../../../src/domain/model/report";
import type { Unit } from "../../../src/domain/units";

export const HYPERLINK = '=HYPERLINK("http://example.vn/x","Kế hoạch")';

function entry(total: number, achieved: number): IndicatorEntry {
  return { total, achieved, typedRatio: null, sheet: "Chỉ tiêu", row: 10, cells: { total: "D10", achieved: "E10", ratio: "F10" }, label: "" };
}

function document(summary: string, k: number): DocumentEntry {
  return {
    codeText: `${k}-KH/ĐU`,
    code: null,
    date: "2017-03-0" + String(1 + (k % 9)),
    summary,
    issuer: "Đảng ủy",
    sheet: "Văn bản",
    row: 9 + k,
    cell: `B${9 + k}`,
  };
}

export function summaryLayout(count: number, date = "2021-06-26", firstSummaries: readonly string[] = [HYPERLINK, "+ kế hoạch bổ sung"]) {
  const units: Unit[] = Array.from({ length: count }, (_, k) => ({ name: `Chi bộ số ${k + 1}`, level: "co-so" as const }));
  const sources: MergeSource[] = units.map((u, k) => {
    const report: UnitReport = {
      fileName: `${u.name}.xlsx`,
      unit: { name: u.name, source: "header" },
      reportDate: "2021-06-20",
      indicators: Object.fromEntries(INDICATORS.map((i, j) => [i.id, entry(10 + k + j, 5 + k)])),
      documents: k === 0 ? firstSummaries.map((summary, i) => document(summary, i + 1)) : [document(`Văn bản của ${u.name}`, k + 3)],
      issues: [],
    };
    return { file: report.fileName, sha256: String(k).padStart(64, "0"), report };
  });
  const summary = mergeReports(sources, { units });
  return buildSummaryWorkbook(summary, {
    unitName: "Huyện ủy Tam Đường",
    superior: "ĐẢNG BỘ TỈNH LAI CHÂU",
    place: "Tam Đường",
    level: "huyen",
    date,
  });
}

