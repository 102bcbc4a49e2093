/**
 * The merge as one use case for the CLI, the standalone page and the task
 * pane: files in (through a reader port, one loop), summary and summary
 * workbook out, with progress and a way to stop.
 */
import { DEADLINES, indicatorById, PROGRAMME } from "../domain/catalogue";
import { targetLabel } from "../domain/format";
import { changesText, type AggregationRules } from "../domain/merge";
import type { SummaryLayoutOptions } from "../domain/sheets/summary";
import { sameTarget, targetsNote } from "../domain/targets";
import { matchUnit, type Unit } from "../domain/units";
import { systemClock, today, type Clock } from "./clock";
import { parseDayInput } from "./dates";
import { RequestError } from "./errors";
import { originJson } from "./containers";
import { readFiles, type FileReaderPort, type ReadHooks } from "./read-files";
import type { InputFile } from "./sources";
import { summarise, type MergeRun } from "./summarise";
import { chooseTargets, targetsOptions } from "./targets";
import type { TargetsUsed } from "../domain/check";


/** "3.1=Phòng Văn hóa - Thông tin;3.2=…": indicators taken from one unit's figure. Throws RequestError. */
export function takeRules(spec: string | undefined, units: readonly Unit[]): AggregationRules {
  if (spec === undefined) return {};
  const rules: Record<string, { kind: "unit"; unit: string }> = {};
  for (const part of spec.split(";").map((p) => p.trim()).filter((p) => p !== "")) {
    const eq = part.indexOf("=");
    const id = eq > 0 ? part.slice(0, eq).trim() : "";
    const unit = eq > 0 ? part.slice(eq + 1).trim() : "";
    if (!indicatorById(id)) throw new RequestError(`--take: không có chỉ tiêu "${id}" (unknown indicator)`);
    if (unit === "") throw new RequestError(`--take: thiếu tên đơn vị cho chỉ tiêu ${id} (missing unit)`);
    rules[id] = { kind: "unit", unit: matchUnit(unit, units)?.name ?? unit };
  }
  return rules;
}

/** The deadline: the catalogue's (25/6/2021) unless given as "YYYY-MM-DD" or "25/6/2021". Throws RequestError. */
export function deadlineOf(text: string | undefined): string {
  if (text === undefined) return DEADLINES.sendToDistrict;
  const iso = parseDayInput(text);
  if (iso === null) throw new RequestError("--deadline phải có dạng YYYY-MM-DD hoặc ngày/tháng/năm (vd. 25/6/2021)");
  return iso;
}

/** The summary's heading: the district's Party committee (the letter's issuer) unless given; dated today by the clock. */
export function summaryLayoutOptions(given: Partial<SummaryLayoutOptions>, clock: Clock = systemClock): SummaryLayoutOptions {
  return {
    unitName: given.unitName ?? PROGRAMME.letter.issuer,
    superior: given.superior ?? PROGRAMME.letter.superior,
    place: given.place ?? PROGRAMME.letter.place,
    level: given.level ?? "huyen",
    date: given.date ?? today(clock),
  };
}

export interface MergeRequest {
  readonly files: readonly InputFile[];
  readonly units: readonly Unit[];
  /** As typed (see deadlineOf); default the catalogue's. */
  readonly deadline?: string;
  /** As typed (see takeRules). */
  readonly take?: string;
  /** A targets file the user picked (see readTargets). */
  readonly targets?: { readonly name: string; readonly used: TargetsUsed } | null;
  readonly layout?: Partial<SummaryLayoutOptions>;
  readonly clock?: Clock;
}

/** Checks what was asked before any file is read. Throws RequestError. */
export function mergeOptionsOf(request: Omit<MergeRequest, "files">) {
  return {
    units: request.units,
    deadline: deadlineOf(request.deadline),
    aggregation: takeRules(request.take, request.units),
    // A "Mục tiêu" sheet that keeps every target of Đề án 241 is Đề án 241's targets.
    ...targetsOptions(chooseTargets(request.targets, null)),
  };
}

/** Reads the files through `reader` (one loop) and merges them. Throws RequestError before reading when the request is malformed. */
export async function mergeFiles(request: MergeRequest, reader: FileReaderPort, hooks: ReadHooks = {}): Promise<MergeRun> {
  const options = mergeOptionsOf(request);
  const layout = summaryLayoutOptions(request.layout ?? {}, request.clock);
  const sources = await readFiles(reader, request.files, hooks);
  return summarise(sources, options, layout);
}

/** The JSON the CLI prints for a merge (documented in README). */
export function mergeJson(run: MergeRun): unknown {
  const { summary } = run;
  // Each merged file's figures by its name (the first with it, as the files list them), looked up once a file.
  const perFile = new Map<string, (typeof summary.perUnit)[number]>();
  for (const u of summary.perUnit) if (!perFile.has(u.file)) perFile.set(u.file, u);
  return {
    files: summary.files.map((f, k) => ({
      file: f.file,
      unit: f.unit,
      date: f.date,
      on_time: f.onTime,
      // Which date judged it on time or late: "received" (entered by staff), "email" (the date of the message it came in) or "report_date" (typed on the report); null when none.
      timeliness_date_source: f.timeliness ? (f.timeliness.by === "received" ? "received" : f.timeliness.by === "email" ? "email" : "report_date") : null,
      status: f.status,
      reason: f.reason,
      // Where the file came from: an email message or an archive (kind "file" for a file given as is).
      origin: originJson(run.sources[k]?.origin),
      sha256: f.sha256,
      on_list: f.onList,
      issues: f.issues.map(issueJson),
      // The unit's own "Mục tiêu" sheet: targets that differ from Đề án 241's, and what falls short of them.
      own_targets: (run.sources[k]?.ownTargets ?? []).map((t) => ({ id: t.id, target: t.target, label: targetLabel(t.target) })),
      unmet: f.status === "merged" ? (perFile.get(f.file)?.unmet ?? []) : [],
      // A unit's new version: what differs from each file it replaces (empty when it replaces none).
      changes: (f.changes ?? []).map((c) => ({
        replaces: c.replaces,
        figures: c.figures,
        documents_added: c.documentsAdded,
        documents_removed: c.documentsRemoved,
        text: changesText(c),
      })),
    })),
    units: { expected: summary.expected, received: summary.received, missing: summary.missing, unlisted: summary.unlisted, rate: summary.rate },
    indicators: summary.indicators.map((i) => ({
      id: i.id,
      total: i.total,
      achieved: i.achieved,
      ratio: i.ratio,
      met: i.met,
      reported_by: i.reportedBy,
      target: i.target,
    })),
    documents: summary.documents.map((d) => ({
      unit: d.units.join("; "),
      units: d.units,
      code: d.code,
      date: d.date,
      date_span: d.dateSpan ?? null,
      summary: d.summary,
      issuer: d.issuer,
    })),
    rejected_values: summary.rejectedValues,
    targets: {
      source: summary.targetsSource ?? "de-an-241",
      note: targetsNote(summary.targetsSource),
      changed: summary.indicators.flatMap((i) => {
        const official = indicatorById(i.id)!.target;
        return sameTarget(i.target, official) ? [] : [{ id: i.id, target: i.target, label: targetLabel(i.target), official: targetLabel(official) }];
      }),
    },
  };
}

export function issueJson(i: { severity: string; rule: string; sheet: string | null; cell: string | null; indicator?: string; message: string }): unknown {
  return { severity: i.severity, rule: i.rule, sheet: i.sheet, cell: i.cell, indicator: i.indicator ?? null, message: i.message };
}

