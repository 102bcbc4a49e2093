/** The documents of the merged files: one document listed once, with every unit that sent it (see documentKey). */
import { codeKey } from "../values/code";
import { foldText } from "../text";
import type { DocumentEntry } from "../model/report";
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
      const key = documentKey(d, unit);
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

/**
 * The code's issuer of a body every unit has one of ("01-NQ/ĐU": each commune's Đảng ủy numbers its
 * documents from 01), folded: such a code is the sending unit's own document.
 */
const OWN_BODY = new Set(["du", "cb", "db"]);

/**
 * What makes two units' entries one document: its code and the year it was issued (a body numbers its
 * documents again each year or term), however the issuer is written ("Tỉnh ủy Lai Châu", "Tỉnh ủy", blank);
 * the sending unit too for a code of a body every unit has ("01-NQ/ĐU"). Without a code: its summary and date.
 */
function documentKey(d: DocumentEntry, unit: string): string {
  const year = (d.date ?? d.dateSpan?.from ?? "").slice(0, 4);
  if (d.code) return `${foldText(codeKey(d.code))}|${year}${OWN_BODY.has(foldText(d.code.issuer)) ? `|${foldText(unit)}` : ""}`;
  const written = foldText(d.codeText ?? "");
  if (written !== "") return `${written}|${year}|${foldText(d.issuer ?? "")}|${foldText(unit)}`;
  return `#${foldText(d.summary ?? "")}|${d.date ?? d.dateSpan?.text ?? ""}`;
}

function sortDate(d: MergedDocument): string {
  return d.date ?? d.dateSpan?.from ?? "9999";
}
