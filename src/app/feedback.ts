/**
 * Feedback to units, as one use case for the CLI, the standalone page and the
 * task pane: for each unit's file, a copy of its workbook with a note on each
 * problem cell, the problem cells shaded and a "Góp ý" sheet listing the
 * issues (src/domain/feedback plans it, src/io/write/feedback.ts writes it);
 * for many files, a .zip of them. The issues are the ones Kiểm tra found, or a
 * merge's for that file; none of the unit's figures is changed.
 */
import { checkUnitWorkbook } from "../domain/check";
import { feedbackFileName, feedbackZipFileName, planFeedback, uniqueNames } from "../domain/feedback";
import { PATH_JOIN, type SourceOrigin } from "../domain/merge/types";
import type { WorkbookGrid } from "../domain/model/grid";
import type { Issue } from "../domain/model/issues";
import { readWorkbook } from "../io/read";
import { writeFeedbackFile } from "../io/write/feedback";
import { zipStored } from "../io/write/zip";
import { systemClock, today, type Clock } from "./clock";
import { originJson } from "./containers";
import { readOrFail } from "./errors";
import type { InputFile } from "./sources";

/** What the feedback is about: the issues found (by Kiểm tra or a merge) and the unit, when known. */
export interface FeedbackFinding {
  readonly issues: readonly Issue[];
  readonly unit: string | null;
}

export interface FeedbackOutput {
  /** "<file stem> - góp ý.xlsx". */
  readonly name: string;
  readonly bytes: Uint8Array;
  /** The unit's file it was made from. */
  readonly source: string;
  readonly unit: string | null;
  /** Cells that carry a note. */
  readonly notes: number;
  readonly errors: number;
  readonly warnings: number;
  /** "package": the unit's own .xlsx with notes added; "converted": an .xlsx made from the cells as read. */
  readonly method: "package" | "converted";
}

/** The issues Kiểm tra finds in a workbook (its "Mục tiêu" sheet's included), and its unit. */
export function checkFinding(grid: WorkbookGrid, name: string): FeedbackFinding {
  const check = checkUnitWorkbook(grid, name);
  return { issues: [...check.report.issues, ...check.targets.issues], unit: check.report.unit.name || null };
}

/**
 * The name of the spreadsheet itself: a file taken out of a message or an archive, named
 * "thư.eml › Báo cáo.xlsx", is its attachment's or entry's own name ("Báo cáo.xlsx"; a folder
 * inside an archive is dropped with the other folders).
 */
function ownName(file: string): string {
  const at = file.lastIndexOf(PATH_JOIN);
  return at < 0 ? file : file.slice(at + PATH_JOIN.length);
}

/**
 * The feedback file of one unit's file (named after the spreadsheet, not the message or archive it came in). Without `finding`, the file is checked
 * as Kiểm tra does. A file that cannot be read throws FileReadError.
 */
export async function feedbackFile(file: InputFile, finding?: FeedbackFinding, clock: Clock = systemClock): Promise<FeedbackOutput> {
  const grid = readOrFail(file.name, () => readWorkbook(file.bytes, file.name));
  const found = finding ?? checkFinding(grid, file.name);
  const date = today(clock);
  const sheetNames = grid.sheets.map((s) => s.name);
  let listed: readonly Issue[] = [];
  let notes = 0;
  const written = await writeFeedbackFile({ name: file.name, bytes: file.bytes, grid }, (convertedFrom) => {
    const plan = planFeedback({
      file: file.name,
      unit: found.unit,
      issues: found.issues,
      sheetNames,
      date,
      ...(convertedFrom !== undefined ? { convertedFrom } : {}),
    });
    listed = plan.listed;
    notes = plan.notes.length;
    return plan;
  });
  return {
    name: feedbackFileName(ownName(file.name), written.extension),
    bytes: written.bytes,
    source: file.name,
    unit: found.unit,
    notes,
    errors: listed.filter((i) => i.severity === "error").length,
    warnings: listed.filter((i) => i.severity === "warning").length,
    method: written.method,
  };
}

/** The outputs with names unique among them ("… - góp ý (2).xlsx" for a second file of the same stem). */
export function withUniqueNames(outputs: readonly FeedbackOutput[]): FeedbackOutput[] {
  const names = uniqueNames(outputs.map((o) => o.name));
  return outputs.map((o, k) => ({ ...o, name: names[k]! }));
}

/** One .zip of the feedback files (names made unique). */
export function feedbackZip(outputs: readonly FeedbackOutput[]): Uint8Array {
  const files: Record<string, Uint8Array> = {};
  for (const o of withUniqueNames(outputs)) files[o.name] = o.bytes;
  return zipStored(files);
}

/** The name of the .zip of many units' feedback files, dated. */
export function feedbackZipName(clock: Clock = systemClock): string {
  return feedbackZipFileName(today(clock));
}

/** One line of what a feedback file holds: "Tệp A - góp ý.xlsx: 2 lỗi, 1 cảnh báo (3 ô có ghi chú)". */
export function feedbackLine(o: FeedbackOutput): string {
  return `${o.name}: ${o.errors} lỗi, ${o.warnings} cảnh báo (${o.notes} ô có ghi chú${o.method === "converted" ? "; chuyển sang .xlsx từ các ô đã đọc" : ""})`;
}

/** The JSON the CLI prints for one feedback file (documented in README); `origin`: where the unit's file came from, as a merge's JSON gives it. */
export function feedbackJson(o: FeedbackOutput, path: string, origin?: SourceOrigin): unknown {
  return { source: o.source, unit: o.unit, file: path, name: o.name, notes: o.notes, errors: o.errors, warnings: o.warnings, method: o.method, origin: originJson(origin) };
}
