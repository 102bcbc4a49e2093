/** Which unit each file stands for: the user's assignment, the identity's code, the names it carries, its file name. */
import { foldText } from "../text";
import { matchUnit, type Unit } from "../units";
import type { FileResult, MergeOptions, MergeSource } from "./types";

/** A source with the unit it stands for. */
export interface Placed {
  readonly source: MergeSource;
  /** The unit's key: its folded name on the list, "?name" off the list, "!file" when nothing named it. */
  readonly key: string;
  readonly unit: string | null;
  readonly onList: boolean;
  readonly unitSource: FileResult["unitSource"];
  readonly listUnit?: Unit;
}

export function place(source: MergeSource, options: MergeOptions): Placed {
  const assigned = options.assignments?.[source.file];
  if (assigned !== undefined) {
    const listUnit = matchUnit(assigned, options.units);
    const name = listUnit?.name ?? assigned;
    return { source, key: foldText(name), unit: name, onList: listUnit !== undefined, unitSource: "assigned", ...(listUnit ? { listUnit } : {}) };
  }
  const report = source.report;
  const candidates: Array<{ name: string; from: FileResult["unitSource"] }> = [];
  if (report) {
    candidates.push({ name: report.unit.name, from: report.unit.source });
    if (report.identity?.unitCode) {
      const byCode = options.units.find((u) => u.code !== undefined && foldText(u.code) === foldText(report.identity!.unitCode!));
      if (byCode) return { source, key: foldText(byCode.name), unit: byCode.name, onList: true, unitSource: "identity", listUnit: byCode };
    }
  }
  const base = source.file.replace(/^.*[\\/]/, "").replace(/\.[^.]+$/, "").replace(/[-_]+/g, " ");
  candidates.push({ name: base, from: "file-name" });
  for (const c of candidates) {
    const listUnit = matchUnit(c.name, options.units);
    if (listUnit) return { source, key: foldText(listUnit.name), unit: listUnit.name, onList: true, unitSource: c.from, listUnit };
  }
  if (report) {
    return { source, key: `?${foldText(report.unit.name)}`, unit: report.unit.name, onList: false, unitSource: report.unit.source };
  }
  return { source, key: `!${source.file}`, unit: null, onList: false, unitSource: null };
}

/** Every source placed, in the order given. */
export function placeSources(sources: readonly MergeSource[], options: MergeOptions): Placed[] {
  return sources.map((s) => place(s, options));
}
