/**
 * What changed in a corrected file: when a unit sent a new version, which of
 * its figures and documents differ from the version it replaces ("1.3 Tổng
 * số: 7.600 → 7.685; văn bản mới: …; văn bản bỏ: …"). Pure: compares two
 * reports as read.
 */
import { codeKey } from "../values/code";
import { INDICATORS } from "../catalogue";
import { formatNumber, vnDate } from "../format";
import type { DocumentEntry, UnitReport } from "../model/report";
import { foldText } from "../text";
import type { Placed } from "./place";
import type { UnitGroups, Verdicts } from "./status";
import type { MergeSource } from "./types";

/** One figure that differs: its indicator, its column, the value before and after (null when blank or unusable). */
export interface FigureChange {
  readonly id: string;
  readonly column: "total" | "achieved";
  readonly from: number | null;
  readonly to: number | null;
}

/** A document as the versions list it. */
export interface DocumentRef {
  readonly code: string | null;
  readonly date: string | null;
  readonly summary: string | null;
}

/** How the merged file of a unit differs from another file of the unit that it replaces. */
export interface VersionChanges {
  /** The file it replaces. */
  readonly replaces: string;
  readonly figures: readonly FigureChange[];
  /** Documents listed now and not before, and before and not now. */
  readonly documentsAdded: readonly DocumentRef[];
  readonly documentsRemoved: readonly DocumentRef[];
}

export const COLUMN_TEXT: Readonly<Record<FigureChange["column"], string>> = { total: "Tổng số", achieved: "Số đã đạt" };

function documentRef(d: DocumentEntry): DocumentRef {
  return { code: d.code?.canonical ?? d.codeText, date: d.date ?? d.dateSpan?.text ?? null, summary: d.summary };
}

/** Two entries are one document when their codes are one (codeKey: "05-KH" is "5-KH") and their dates match, else their summaries and dates. */
function documentKey(d: DocumentEntry): string {
  const code = d.code ? codeKey(d.code) : d.codeText;
  const date = d.date ?? d.dateSpan?.text ?? "";
  return code !== null && code !== "" ? `code:${foldText(code)}|${date}` : `text:${foldText(d.summary ?? "")}|${date}`;
}

/** The figures and documents of `newer` that differ from `older`'s, in catalogue and file order. */
export function diffReports(older: UnitReport, newer: UnitReport): Omit<VersionChanges, "replaces"> {
  const figures: FigureChange[] = [];
  for (const indicator of INDICATORS) {
    const a = older.indicators[indicator.id];
    const b = newer.indicators[indicator.id];
    for (const column of ["total", "achieved"] as const) {
      const from = a?.[column] ?? null;
      const to = b?.[column] ?? null;
      if (from !== to) figures.push({ id: indicator.id, column, from, to });
    }
  }
  // A table one of the two files does not have (a one-sheet CSV) is not compared: nothing was added or taken out of it.
  const lacks = (r: UnitReport, rule: "indicators-table-missing" | "documents-table-missing"): boolean => r.issues.some((i) => i.rule === rule);
  const compareDocuments = !lacks(older, "documents-table-missing") && !lacks(newer, "documents-table-missing");
  const beforeKeys = new Set(older.documents.map(documentKey));
  const afterKeys = new Set(newer.documents.map(documentKey));
  return {
    figures: lacks(older, "indicators-table-missing") || lacks(newer, "indicators-table-missing") ? [] : figures,
    documentsAdded: compareDocuments ? newer.documents.filter((d) => !beforeKeys.has(documentKey(d))).map(documentRef) : [],
    documentsRemoved: compareDocuments ? older.documents.filter((d) => !afterKeys.has(documentKey(d))).map(documentRef) : [],
  };
}

/**
 * For each unit's merged file, how it differs from each other file of the unit
 * that it superseded (the same bytes sent twice say nothing, and are left out).
 */
export function versionChanges(groups: UnitGroups, verdicts: Verdicts): Map<MergeSource, VersionChanges[]> {
  const out = new Map<MergeSource, VersionChanges[]>();
  for (const list of groups.values()) {
    const winner = list.find((p) => verdicts.get(p.source)?.status === "merged");
    if (!winner?.source.report) continue;
    const others = list.filter(
      (p: Placed) =>
        p !== winner &&
        verdicts.get(p.source)?.status === "superseded" &&
        p.source.report !== undefined &&
        !(p.source.sha256 !== "" && p.source.sha256 === winner.source.sha256),
    );
    if (others.length === 0) continue;
    out.set(
      winner.source,
      others.map((p) => ({ replaces: p.source.file, ...diffReports(p.source.report!, winner.source.report!) })),
    );
  }
  return out;
}

const value = (n: number | null): string => (n === null ? "trống" : formatNumber(n));

function documentText(d: DocumentRef): string {
  const name = d.code ?? (d.summary !== null ? `"${d.summary}"` : "(không ghi số, ký hiệu)");
  const date = d.date !== null ? (/^\d{4}-\d{2}-\d{2}$/.test(d.date) ? vnDate(d.date) : d.date) : null;
  return date !== null ? `${name} (${date})` : name;
}

/** "1.3 Tổng số: 7.600 → 7.685; văn bản mới: 12-KH/ĐU (05/3/2018); văn bản bỏ: …", or that nothing differs. */
export function changesText(c: Omit<VersionChanges, "replaces">): string {
  const parts = [
    ...c.figures.map((f) => `${f.id} ${COLUMN_TEXT[f.column]}: ${value(f.from)} → ${value(f.to)}`),
    ...(c.documentsAdded.length > 0 ? [`văn bản mới: ${c.documentsAdded.map(documentText).join(", ")}`] : []),
    ...(c.documentsRemoved.length > 0 ? [`văn bản bỏ: ${c.documentsRemoved.map(documentText).join(", ")}`] : []),
  ];
  return parts.length > 0 ? parts.join("; ") : "không khác về số liệu và văn bản";
}

/** "So với tệp "A.xlsx": 1.3 Tổng số: 7.600 → 7.685; …" */
export function versionText(c: VersionChanges): string {
  return `So với tệp "${c.replaces}": ${changesText(c)}.`;
}
