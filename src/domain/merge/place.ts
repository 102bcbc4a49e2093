/** Which unit each file stands for: the user's assignment, the identity's code, the names it carries, its file name, the address that sent it. */
import type { Issue } from "../model/issues";
import { makeIssue } from "../rules/messages";
import { nameAnyUnitMayHave, unitFromFileName, unitFromFileNameLoosely, unitFromFolderName } from "../read/unit";
import { foldText } from "../text";
import { matchUnit, matchUnitDetailed, senderAddress, unitByCode, unitBySender, type Unit } from "../units";
import { PATH_JOIN, type FileResult, type MergeOptions, type MergeSource } from "./types";

/** A source with the unit it stands for. */
export interface Placed {
  /** The source; when placing it found something to say (a loose or ambiguous name), its report carries that issue. */
  readonly source: MergeSource;
  /** The unit's key: its folded name on the list, "?name" off the list, "!file" when nothing named it. */
  readonly key: string;
  readonly unit: string | null;
  readonly onList: boolean;
  readonly unitSource: FileResult["unitSource"];
  readonly listUnit?: Unit;
  /** What placing a file without a report found to say (the sender's unit), shown beside its read error. */
  readonly note?: Issue;
}

/**
 * A file's own name (the last part of its path) and the folders it sat in, the nearest first: the folders
 * of its path, and, for a file from an archive or a message, the entry's folders, then each container
 * holding it (named as a file: "goi.zip") and that container's own folders.
 */
function pathOf(source: MergeSource): { readonly name: string; readonly folders: readonly { readonly text: string; readonly container: boolean }[] } {
  const inside = source.origin?.container !== undefined && source.origin.kind !== "file";
  const chunks = inside ? source.file.split(PATH_JOIN) : [source.file];
  const parts: { text: string; container: boolean }[] = [];
  chunks.forEach((chunk, i) => {
    const segments = chunk.split(/[\\/]/).filter((s) => s !== "" && s !== "." && s !== "..");
    segments.forEach((text, j) => parts.push({ text, container: i < chunks.length - 1 && j === segments.length - 1 }));
  });
  const name = parts.pop()?.text ?? source.file;
  return { name, folders: parts.reverse() };
}

/** The source with one more issue on its report (the file's issues). */
function withIssue(source: MergeSource, issue: Issue | undefined): MergeSource {
  if (!issue || !source.report) return source;
  return { ...source, report: { ...source.report, issues: [...source.report.issues, issue] } };
}

export function place(source: MergeSource, options: MergeOptions): Placed {
  const assigned = options.assignments?.[source.file];
  if (assigned !== undefined) {
    const listUnit = matchUnit(assigned, options.units);
    const name = listUnit?.name ?? assigned;
    return { source, key: foldText(name), unit: name, onList: listUnit !== undefined, unitSource: "assigned", ...(listUnit ? { listUnit } : {}) };
  }
  const report = source.report;
  // A unit list among the files is no unit's: it is rejected on its own, and no unit is taken to have sent it.
  if (report?.issues.some((i) => i.rule === "unit-list-file")) return { source, key: `!${source.file}`, unit: null, onList: false, unitSource: null };
  const candidates: Array<{ name: string; from: FileResult["unitSource"] }> = [];
  if (report) {
    candidates.push({ name: report.unit.name, from: report.unit.source });
    if (report.identity?.unitCode) {
      const byCode = unitByCode(report.identity.unitCode, options.units);
      if (byCode) return { source, key: foldText(byCode.name), unit: byCode.name, onList: true, unitSource: "identity", listUnit: byCode };
    }
  }
  // The file's name without the words that name the report ("BC DA241 - Nà Tăm") and a version clearly marked
  // ("Nà Tăm (sửa)"); then without version words standing bare ("Nà Tăm bản sửa"), taken only when what is
  // left names a unit of the list ("Xã Bản Sửa" stays a unit's name of its own); then as it is. The name is
  // the path's last part, inside an archive or a message too ("thư.eml › Bản Bo.xlsx").
  // Then, by the same rules, the folders the file sat in, the nearest first: a dropped folder's path
  // ("Các xã/Xã Bản Bo/bao-cao.xlsx"), an archive's entry ("goi.zip › Xã Bản Bo/bao-cao.xlsx"), and the
  // archives or messages holding it ("Xã Bản Bo.zip › bao-cao.xlsx"). The path is the file's name: "file-name".
  const { name: fileName, folders } = pathOf(source);
  for (const { text, folder } of [{ text: fileName, folder: false }, ...folders.map((f) => ({ text: f.text, folder: !f.container }))]) {
    const base = (folder ? text : text.replace(/\.[^.]+$/, "")).replace(/[-_]+/g, " ");
    const named = folder ? unitFromFolderName(text) : unitFromFileName(text);
    const loosely = folder ? unitFromFolderName(text, true) : unitFromFileNameLoosely(text);
    for (const name of new Set([named, loosely])) if (name !== base) candidates.push({ name, from: "file-name" });
    candidates.push({ name: base, from: "file-name" });
  }
  let ambiguous: Issue | undefined;
  for (const c of candidates) {
    const m = matchUnitDetailed(c.name, options.units);
    if (m.kind === "ambiguous") {
      ambiguous ??= makeIssue("unit-ambiguous", {}, { text: c.name, units: m.units.map((u) => u.name).join("; ") });
      continue;
    }
    if (m.kind === "none") continue;
    const listUnit = m.unit;
    // A name that is not the entry's own is said, so the district can check the file went to the right unit.
    const loose = m.kind === "loose" ? makeIssue("unit-matched-loosely", {}, { text: c.name, unit: listUnit.name }) : undefined;
    return { source: withIssue(source, loose), key: foldText(listUnit.name), unit: listUnit.name, onList: true, unitSource: c.from, listUnit };
  }
  // Nothing in the file names a list unit: the unit whose address on the list sent it, said as a warning.
  const bySender = unitBySender(source.origin?.from, options.units);
  if (bySender) {
    const listUnit = bySender.unit;
    const text = report && report.unit.source !== "file-name" && report.unit.name !== "" ? { text: report.unit.name } : {};
    const hint = makeIssue("unit-from-sender", {}, { address: bySender.address, unit: listUnit.name, ...text });
    const placed = { key: foldText(listUnit.name), unit: listUnit.name, onList: true, unitSource: "sender" as const, listUnit };
    return report ? { source: withIssue(source, hint), ...placed } : { source, ...placed, note: hint };
  }
  if (report) {
    const placedSource = withIssue(source, ambiguous);
    const where = report.unit.source === "file-name" ? fileNamePlace(source, fileName, folders) : "";
    return { source: placedSource, key: `?${foldText(report.unit.name)}${where === "" ? "" : `|${where}`}`, unit: report.unit.name, onList: false, unitSource: report.unit.source };
  }
  return { source, key: `!${source.file}`, unit: null, onList: false, unitSource: null };
}

/**
 * What tells apart files off the list whose unit is read from their own names. A name that names a body
 * or a place ("Chi bộ Thôn 5.xlsx") is that unit's in any folder, and in messages from one sender: the same
 * name again is a resend. Any other name is only as good as the place the file sat in: one that is only
 * the report's ("bao-cao.xlsx") or one programs give ("Book1.xlsx", "Biểu mẫu.xlsx") may be any unit's, so
 * "a/Book1.xlsx" and "b/Book1.xlsx", or the same name in two messages, even from one address (a commune
 * passing on its villages' files), are two files, each named by its path, both counted; a second file of
 * the name in the same place is a resend. A unit's name in two archives, or one given as is beside a
 * message, stays apart too: nothing says one sender sent both.
 */
function fileNamePlace(source: MergeSource, fileName: string, folders: readonly { readonly text: string; readonly container: boolean }[]): string {
  if (nameAnyUnitMayHave(fileName)) return folders.map((f) => foldText(f.text)).reverse().join("/");
  if (!folders.some((f) => f.container)) return "";
  const sender = senderAddress(source.origin?.from);
  return sender !== null ? `@${sender}` : folders.filter((f) => f.container).map((f) => foldText(f.text)).reverse().join(" › ");
}

/** "a/bao-cao.xlsx" named "a/bao-cao", "goi.zip › Báo cáo.xlsx" "goi.zip › Báo cáo": the file's path without its extension. */
function namedByPath(p: Placed): string {
  return p.source.file.replace(/\.[A-Za-z0-9]{1,5}$/, "");
}

/**
 * Every source placed, in the order given. Files off the list named only by their own names, one name in
 * several places ("a/bao-cao.xlsx", "b/bao-cao.xlsx"), are each named by their path, so that the summary
 * tells them apart; the files of one place share the name of the first.
 */
export function placeSources(sources: readonly MergeSource[], options: MergeOptions): Placed[] {
  const placed = sources.map((s) => place(s, options));
  const places = new Map<string, Set<string>>();
  const byName = (p: Placed): string | undefined => (!p.onList && p.unitSource === "file-name" && p.unit !== null ? foldText(p.unit) : undefined);
  for (const p of placed) {
    const name = byName(p);
    if (name !== undefined) places.set(name, (places.get(name) ?? new Set()).add(p.key));
  }
  const shown = new Map<string, string>();
  return placed.map((p) => {
    const name = byName(p);
    if (name === undefined || places.get(name)!.size < 2) return p;
    const unit = shown.get(p.key) ?? namedByPath(p);
    shown.set(p.key, unit);
    return { ...p, unit };
  });
}
