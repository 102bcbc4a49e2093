/** The appendix tables: the indicators with the district's figures and verdicts, and the documents listed once. */
import { CATALOGUE_ROWS, DOCUMENTS_TABLE, INDICATORS_TABLE } from "../catalogue";
import type { Summary } from "../merge";
import { documentDateText, formatNumber, verdictLabel, verdictState } from "../format";
import type { DraftTable, DraftTableRow } from "./model";

function ratioCell(ratio: number | null): string {
  return ratio === null ? "" : formatNumber(ratio, 2);
}

function countCell(value: number | null): string {
  return value === null ? "" : formatNumber(value, 0);
}

export function indicatorsTable(summary: Summary): DraftTable {
  const byId = new Map(summary.indicators.map((i) => [i.id, i]));
  const rows: DraftTableRow[] = CATALOGUE_ROWS.map((row) => {
    if (row.kind === "group") return { cells: [row.group.stt, row.group.label, "", "", "", "", ""], group: true };
    const s = byId.get(row.indicator.id);
    // The verdict the summary workbook writes ("Đạt" for a count target met without Tổng số, "Số liệu có lỗi", …).
    const judged = verdictLabel(s ? verdictState(s) : null);
    return {
      cells: [
        row.indicator.stt,
        row.indicator.text,
        row.indicator.dvt,
        countCell(s?.total ?? null),
        countCell(s?.achieved ?? null),
        ratioCell(s?.ratio ?? null),
        judged,
      ],
    };
  });
  return {
    kind: "table",
    columns: [...INDICATORS_TABLE.columns.map((c) => c.header), "Đánh giá"],
    widths: [6, 40, 10, 10, 11, 10, 13],
    textColumns: [1],
    rows,
  };
}

export function documentsTable(summary: Summary): DraftTable {
  return {
    kind: "table",
    columns: DOCUMENTS_TABLE.columns.map((c) => c.header),
    // The date column is wide enough for "15/11/2016" on one line in 13 pt with the cell margins.
    widths: [6, 19, 17, 38, 20],
    textColumns: [1, 3, 4],
    rows: summary.documents.map((d, k) => ({
      cells: [String(k + 1), d.code ?? "", documentDateText(d), d.summary ?? "", d.issuer ?? ""],
    })),
  };
}
