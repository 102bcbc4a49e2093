/** The documents of the merged files: the same code and issuer listed once, with every unit that sent it. */
import { codeKey } from "../values/code";
import { foldText } from "../text";
import type { Placed } from "./place";
import type { MergedDocument } from "./types";

/** The orders String.prototype.localeCompare gives (the default locale's, and Vietnamese), made once rather than at each comparison. */
const BY_DEFAULT_LOCALE = new Intl.Collator();
const BY_VIETNAMESE = new Intl.Collator("vi");

/** The documents listed once each, by date (a month or quarter by its first day; undated last), then by code. */
export function mergeDocuments(merged: readonly Placed[]): MergedDocument[] {
  // Each document's units in the order they sent it, and as a set (a document every unit sent is checked in one read).
  const docs = new Map<string, { doc: MergedDocument; units: string[]; seen: Set<string> }>();
  for (const p of merged) {
    const unit = p.unit ?? p.source.report!.unit.name;
    for (const d of p.source.report!.documents) {
      const byCode = d.code ? foldText(codeKey(d.code)) : foldText(d.codeText ?? "");
      const key = byCode !== "" ? `${byCode}|${foldText(d.issuer ?? "")}` : `#${foldText(d.summary ?? "")}|${d.date ?? d.dateSpan?.text ?? ""}`;
      const existing = docs.get(key);
      if (existing) {
        if (!existing.seen.has(unit)) {
          existing.seen.add(unit);
          existing.units.push(unit);
        }
        continue;
      }
      const units = [unit];
      const doc: MergedDocument = { code: d.codeText, date: d.date, ...(d.date === null && d.dateSpan ? { dateSpan: d.dateSpan } : {}), summary: d.summary, issuer: d.issuer, units };
      docs.set(key, { doc, units, seen: new Set(units) });
    }
  }
  return [...docs.values()]
    .map((d) => d.doc)
    .sort((a, b) => BY_DEFAULT_LOCALE.compare(sortDate(a), sortDate(b)) || BY_VIETNAMESE.compare(a.code ?? "", b.code ?? ""));
}

function sortDate(d: MergedDocument): string {
  return d.date ?? d.dateSpan?.from ?? "9999";
}
