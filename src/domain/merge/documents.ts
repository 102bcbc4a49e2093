/** The documents of the merged files: one document listed once, with every unit that sent it (see documentKey). */
import { codeKey } from "../values/code";
import { compareNames, foldText } from "../text";
import type { DocumentEntry } from "../model/report";
import type { Placed } from "./place";
import type { MergedDocument } from "./types";

/** The order String.prototype.localeCompare gives in the default locale, made once rather than at each comparison. */
const BY_DEFAULT_LOCALE = new Intl.Collator();

/** The documents listed once each, by date (a month or quarter by its first day; undated last), then by code. */
export function mergeDocuments(merged: readonly Placed[]): MergedDocument[] {
  // Each document's units in the order they sent it, and as a set (a document every unit sent is checked in one read).
  type Entry = { doc: MergedDocument; units: string[]; seen: Set<string>; base: string; year: string };
  const docs = new Map<string, Entry>();
  const add = (entry: Entry, unit: string): void => {
    if (entry.seen.has(unit)) return;
    entry.seen.add(unit);
    entry.units.push(unit);
  };
  for (const p of merged) {
    const unit = p.unit ?? p.source.report!.unit.name;
    for (const d of p.source.report!.documents) {
      const { base, year } = documentKey(d, unit);
      const key = `${base}|${year}`;
      const existing = docs.get(key);
      if (existing) {
        add(existing, unit);
        continue;
      }
      const units = [unit];
      const doc: MergedDocument = { code: d.codeText, date: d.date, ...(d.date === null && d.dateSpan ? { dateSpan: d.dateSpan } : {}), summary: d.summary, issuer: d.issuer, units };
      docs.set(key, { doc, units, seen: new Set(units), base, year });
    }
  }
  // A unit that left the date out lists the document another unit dated, when only one did.
  const datedByBase = new Map<string, Entry[]>();
  for (const e of docs.values()) {
    if (e.year === "") continue;
    const same = datedByBase.get(e.base);
    if (same) same.push(e);
    else datedByBase.set(e.base, [e]);
  }
  for (const [key, e] of docs) {
    const dated = e.year === "" ? datedByBase.get(e.base) : undefined;
    if (dated?.length !== 1) continue;
    for (const unit of e.units) add(dated[0]!, unit);
    docs.delete(key);
  }
  return [...docs.values()]
    .map((d) => d.doc)
    .sort((a, b) => BY_DEFAULT_LOCALE.compare(sortDate(a), sortDate(b)) || compareNames(a.code ?? "", b.code ?? ""));
}

/**
 * The code's issuer of a body each commune (or unit) has one of, folded: "01-NQ/ĐU" (each Đảng ủy numbers its
 * documents from 01), "…/CB", "27/KH-UBND", "…/MTTQ": such a document is its issuer's, told by the issuer written, or
 * when that says no more than the kind of body ("Đảng ủy xã", blank), by the unit that sent it.
 */
const OWN_BODY = new Set(["du", "cb", "db", "ubnd", "mttq", "dtn", "dtncs", "hlhpn", "hpn", "hnd", "hccb"]);
/** An issuer written as the kind of body only ("Đảng ủy xã", "Chi bộ", "UBND xã"), folded. */
const KIND_ONLY = /^(dang uy|dang bo|chi bo|ubnd|uy ban nhan dan|mttq|uy ban mttq|mat tran to quoc|doan thanh nien|hoi [a-z ]+?)( (xa|phuong|thi tran|huyen))?$/;

/**
 * What makes two units' entries one document: its code and the year it was issued (a body numbers its
 * documents again each year or term; an entry without a year joins the one dated entry of its code).
 * For a code of a body every commune has (OWN_BODY), its issuer too, or, not written, the sending unit
 * and the day; a code of one body ("…/TU", "…/HU", "…/NĐ-CP") whatever its issuer is written as
 * ("Tỉnh ủy Lai Châu", "Tỉnh ủy", blank). A code that is not read: as written, with its issuer.
 * Without a code: its summary and date.
 */
function documentKey(d: DocumentEntry, unit: string): { base: string; year: string } {
  const year = (d.date ?? d.dateSpan?.from ?? "").slice(0, 4);
  const issuer = foldText(d.issuer ?? "");
  if (d.code) {
    const code = foldText(codeKey(d.code));
    if (!OWN_BODY.has(foldText(d.code.issuer))) return { base: code, year };
    if (issuer !== "" && !KIND_ONLY.test(issuer)) return { base: `${code}|${issuer}`, year };
    // The unit that sent it, which may list several such bodies' (a summary read back lists its communes'): by its day.
    return { base: `${code}|${foldText(unit)}`, year: d.date ?? d.dateSpan?.from ?? "" };
  }
  const written = foldText(d.codeText ?? "");
  if (written !== "") return { base: `${written}|${issuer}`, year };
  return { base: `#${foldText(d.summary ?? "")}|${d.date ?? d.dateSpan?.text ?? ""}`, year: "-" };
}

function sortDate(d: MergedDocument): string {
  return d.date ?? d.dateSpan?.from ?? "9999";
}
