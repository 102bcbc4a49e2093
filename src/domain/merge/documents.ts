/** The documents of the merged files: the same code and issuer listed once, with every unit that sent it. */
import { foldText } from "../text";
import type { Placed } from "./place";
import type { MergedDocument } from "./types";

/** The documents listed once each, by date (undated last), then by code. */
export function mergeDocuments(merged: readonly Placed[]): MergedDocument[] {
  const docs = new Map<string, { doc: MergedDocument; units: string[] }>();
  for (const p of merged) {
    const unit = p.unit ?? p.source.report!.unit.name;
    for (const d of p.source.report!.documents) {
      const codeKey = d.code ? foldText(`${d.code.number} ${d.code.type} ${d.code.issuer}`) : foldText(d.codeText ?? "");
      const key = codeKey !== "" ? `${codeKey}|${foldText(d.issuer ?? "")}` : `#${foldText(d.summary ?? "")}|${d.date ?? ""}`;
      const existing = docs.get(key);
      if (existing) {
        if (!existing.units.includes(unit)) existing.units.push(unit);
        continue;
      }
      const units = [unit];
      docs.set(key, { doc: { code: d.codeText, date: d.date, summary: d.summary, issuer: d.issuer, units }, units });
    }
  }
  return [...docs.values()]
    .map((d) => d.doc)
    .sort((a, b) => (a.date ?? "9999").localeCompare(b.date ?? "9999") || (a.code ?? "").localeCompare(b.code ?? "", "vi"));
}
