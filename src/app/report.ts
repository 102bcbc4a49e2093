/**
 * The report draft (.docx) following the letter's outline, with a summary's
 * figures. What the figures come from is decided here, for every surface:
 * a single summary workbook (one the merge wrote) is read as the summary it
 * is — its units, indicators, documents — unless the body that made it is
 * itself on the list of units expected (a level up rolling up the
 * districts): then, as with several files, the files are merged again.
 */
import { PROGRAMME } from "../domain/catalogue";
import type { MergeOptions, MergeSource, Summary } from "../domain/merge";
import { mergeReports } from "../domain/merge";
import { readSummaryWorkbook, type SummaryRead } from "../domain/merge/read-summary";
import type { Issue } from "../domain/model/issues";
import { buildReportDraft, DEFAULT_RECIPIENTS, DEFAULT_SIGNER, type DraftOptions } from "../domain/report-draft";
import { matchUnit, type Unit } from "../domain/units";
import { readWorkbook, WorkbookReadError } from "../io/read";
import { systemClock, today, type Clock } from "./clock";
import { readFiles, type FileReaderPort, type ReadHooks } from "./read-files";
import type { InputFile } from "./sources";
import { targetsOptions, type ChosenTargets } from "./targets";

/**
 * The summary workbook a single file holds, when it is one (identity of kind "summary") and its
 * unit is not itself on the list of units expected (then it is one unit's figures, rolled up by
 * the merge). Undefined when the file is anything else, or cannot be read (the merge says why).
 */
export function summaryGiven(file: InputFile, units: readonly Unit[]): SummaryRead | undefined {
  let read: SummaryRead | undefined;
  try {
    read = readSummaryWorkbook(readWorkbook(file.bytes, file.name));
  } catch (error) {
    if (error instanceof WorkbookReadError) return undefined;
    throw error;
  }
  if (!read || matchUnit(read.identity.unitName, units) !== undefined) return undefined;
  return read;
}

/** Where a draft's figures come from. */
export type DraftBasis =
  /** A summary workbook read as it is; `errors` non-empty means it cannot be used. */
  | { readonly kind: "summary"; readonly file: string; readonly read: SummaryRead; readonly errors: readonly Issue[]; readonly summary: Summary }
  /** The files merged (rejected ones are among `sources` with their error). */
  | { readonly kind: "merged"; readonly sources: readonly MergeSource[]; readonly summary: Summary };

/** Decides what the files mean and gives the summary the draft is made from. */
export async function draftBasis(
  files: readonly InputFile[],
  units: readonly Unit[],
  reader: FileReaderPort,
  hooks: ReadHooks = {},
  /** The body the draft is written for (default the letter's issuer, a district): its own earlier summary among the files is not summed again, as in a merge. */
  self: MergeOptions["self"] = { name: PROGRAMME.letter.issuer, level: "huyen" },
  /** The plan's targets the merged figures are judged by (a targets file the user gave), as in a merge; Đề án 241's when null. A summary read as it is keeps the targets it was merged by. */
  targets: ChosenTargets | null = null,
): Promise<DraftBasis> {
  // Every file is read through the reader, under its time limit; only a single file that read as a
  // summary workbook is read again, on this thread, as the summary it is.
  const sources = await readFiles(reader, files, hooks);
  const only = sources.length === 1 ? sources[0]! : undefined;
  const single = only !== undefined && !only.error && only.report?.identity?.kind === "summary" ? summaryGiven(files[0]!, units) : undefined;
  if (single) {
    return { kind: "summary", file: files[0]!.name, read: single, errors: single.issues.filter((i) => i.severity === "error"), summary: single.summary };
  }
  return { kind: "merged", sources, summary: mergeReports(sources, { units, self, ...targetsOptions(targets) }) };
}

/** One line saying where the draft's figures come from. */
export function draftBasisText(basis: DraftBasis): string {
  const s = basis.summary;
  return basis.kind === "summary"
    ? `Số liệu lấy từ bảng tổng hợp "${basis.file}" của ${basis.read.identity.unitName} (${s.received.length}/${s.expected.length} đơn vị đã nộp).`
    : `Số liệu tổng hợp từ ${s.files.filter((f) => f.status === "merged").length}/${s.files.length} tệp; đã nhận ${s.received.length}/${s.expected.length} đơn vị.`;
}

/**
 * The draft's options: the heading is what the user gave, else the summary's own maker, else the
 * letter's issuer. The number, the date, the recipients and the signer are what the user gave; a
 * number or date not given is left to fill in by hand (the draft is signed later, not today), the
 * recipients and the signer default to the letter's (DEFAULT_RECIPIENTS, DEFAULT_SIGNER).
 * `date: "today"` means the local date by the clock.
 */
export function draftOptionsFor(
  basis: DraftBasis | null,
  given: Partial<Omit<DraftOptions, "date">> & { readonly date?: string },
  clock: Clock = systemClock,
): DraftOptions {
  const identity = basis?.kind === "summary" ? basis.read.identity : undefined;
  const date = given.date === "today" ? today(clock) : given.date;
  return {
    unitName: given.unitName ?? identity?.unitName ?? PROGRAMME.letter.issuer,
    superior: given.superior ?? identity?.superior ?? PROGRAMME.letter.superior,
    place: given.place ?? PROGRAMME.letter.place,
    ...(date !== undefined ? { date } : {}),
    ...(given.number !== undefined ? { number: given.number } : {}),
    recipients: given.recipients ?? DEFAULT_RECIPIENTS,
    signer: given.signer ?? DEFAULT_SIGNER,
  };
}

/** Recipients typed on one line, separated by ";" or new lines ("Ban Tuyên giáo Tỉnh ủy (b/c); Lưu"). */
export function parseRecipients(text: string): string[] {
  return text
    .split(/[;\n]/)
    .map((r) => r.trim())
    .filter((r) => r !== "");
}

/** The .docx of the draft. */
export async function writeReportDraft(summary: Summary, options: DraftOptions): Promise<Uint8Array> {
  // docx loads only when a draft is written.
  const { writeDraftDocx } = await import("../io/docx");
  return writeDraftDocx(buildReportDraft(summary, options));
}
