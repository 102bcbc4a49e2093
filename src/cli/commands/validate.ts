import { isContainerName, originJson, skippedEntryJson } from "../../app/containers";
import { openContainers } from "../../hosts/node/containers";
import { sourceLabel } from "../../domain/merge/origin";
import type { SourceOrigin } from "../../domain/merge/types";
import { readFailureIssue } from "../../domain/rules/messages";
import { basename, resolve } from "node:path";
import { checkFiles, judgedBy, unopenedFile, type FileCheck } from "../../app/check";
import { issueJson } from "../../app/merge";
import { indicatorById, shownRatio } from "../../domain/catalogue";
import { targetsUsedText, type TargetsUsed } from "../../domain/check";
import { documentDateText, formatNumber, formatRatio, targetLabel, verdictLabel, verdictState, vnDate } from "../../domain/format";
import { hasErrors, type Issue } from "../../domain/model/issues";
import { makeIssue } from "../../domain/rules";
import { targetsNote } from "../../domain/targets";
import type { InputFile } from "../../app/sources";
import { expandInputs, openInput, type Skipped } from "../../hosts/node/files";
import { workerThreadChecker } from "../../hosts/node/read-pool";
import { INPUT_KINDS_TEXT } from "../../io/read/formats";
import { parseArgs, stringOption } from "../args";
import { terminalName } from "../terminal";
import { type CliCommand, UsageError } from "../types";
import { loadTargets } from "../targets";
import { loadUnits } from "../units";

type FileResult = FileCheck;

type ToCheck = { readonly file: InputFile; readonly display: string };

const isToCheck = (o: ToCheck | FileResult): o is ToCheck => typeof o.file !== "string";

/** Opens the file named `display`: its bytes, or the check that says why it could not be opened (size checked before reading). */
function openOne(path: string, display: string): ToCheck | FileResult {
  const opened = openInput(path, basename(display));
  if ("file" in opened) return { file: opened.file, display };
  if (opened.refused === "too-large") return { file: display, readError: makeIssue("too-large", {}, { file: display, size: opened.size, limit: opened.limit }) };
  return unopenedFile(display, opened.detail);
}

/**
 * The files named on the command line, a folder standing for the workbooks, messages and archives
 * directly inside it (by name, as a merge takes them; what is not a regular file is skipped, with
 * the reason), each shown by the path it was reached by, a file reached twice once (the one rule of
 * expandInputs). A file named that cannot be opened is a file not read, which says why. `leaveOut`
 * (absolute paths: the unit list given with --units) is passed over in a folder, as a merge passes it over.
 */
function openGiven(args: readonly string[], cwd: string, leaveOut: readonly string[]): { readonly given: (ToCheck | FileResult)[]; readonly skipped: Skipped[] } {
  const walked = expandInputs(args, cwd, leaveOut, { openNamed: true });
  return { given: walked.files.map((path, k) => openOne(path, walked.shown[k]!)), skipped: walked.skipped };
}

function round2(n: number | null): number | null {
  return n === null ? null : shownRatio(n);
}

/** The targets of a plan given with --targets (its file's name), by which every file is judged instead of its own "Mục tiêu" sheet. */
export interface Plan {
  readonly name: string;
}

/** Where the targets a file was judged by came from: Đề án 241's, the unit's own sheet ("workbook"), or the name of the plan's file, as a merge's JSON names it. */
function targetsSource(used: TargetsUsed, plan: Plan | undefined): string {
  return plan !== undefined && used.source === "workbook" ? plan.name : used.source;
}

/** "Mục tiêu đánh giá: …": the unit's own sheet, Đề án 241's, or the plan's file with where it differs from Đề án 241 (worded as the report draft words it). */
export function targetsText(used: TargetsUsed, plan: Plan | undefined): string {
  if (plan === undefined) return targetsUsedText(used);
  if (used.source === "de-an-241") return `Mục tiêu đánh giá: theo Đề án 241 (tệp mục tiêu ${plan.name} giữ nguyên mục tiêu của Đề án).`;
  const list = used.changed.map((c) => `${c.id}: ${targetLabel(c.target)} (Đề án 241: ${targetLabel(c.official)})`).join("; ");
  return `${targetsNote(plan.name)} Khác Đề án 241 ở chỉ tiêu ${list}.`;
}

export function resultJson(r: FileResult, plan?: Plan): Record<string, unknown> {
  if (r.readError || !r.report) {
    return { file: r.file, unit: null, date: null, issues: r.readError ? [issueJson(r.readError)] : [], indicators: [], documents: [], targets: null };
  }
  const report = r.report;
  const targets = r.targets;
  return {
    file: r.file,
    unit: report.unit.name,
    date: report.reportDate,
    issues: report.issues.map(issueJson),
    indicators: (r.results ?? []).map((x) => {
      const target = targets?.targets[x.id] ?? indicatorById(x.id)!.target;
      return { id: x.id, total: x.total, achieved: x.achieved, ratio: round2(x.ratio), met: x.met, target: { ...target, label: targetLabel(target) } };
    }),
    targets: targets
      ? {
          source: targetsSource(targets, plan),
          sheet: targets.sheet,
          changed: targets.changed.map((c) => ({ id: c.id, target: c.target, label: targetLabel(c.target), official: targetLabel(c.official) })),
          // A plan's rows that could not be read are said once, when its file is read.
          issues: plan !== undefined ? [] : targets.issues.map((i) => ({ severity: i.severity, rule: i.rule, sheet: i.sheet, cell: i.cell, indicator: null, message: i.message })),
          note: targetsText(targets, plan),
        }
      : null,
    documents: report.documents.map((d) => ({
      code: d.code?.canonical ?? d.codeText,
      number: d.code?.number ?? null,
      type: d.code?.type ?? null,
      issuer: d.issuer ?? d.code?.issuer ?? null,
      date: d.date,
      dateSpan: d.dateSpan ?? null,
      summary: d.summary,
      sheet: d.sheet,
      cell: d.cell,
    })),
  };
}

/** A date as the CLI prints it ("20/6/2021"), "chưa ghi" when there is none. */
function dateText(iso: string | null): string {
  return vnDate(iso) || "chưa ghi";
}

function issueLine(i: Issue): string {
  const where = i.sheet !== null ? `[${i.sheet}${i.cell ? `!${i.cell}` : ""}] ` : "";
  return `  - ${where}${i.message}`;
}

const SOURCE_LABEL = { identity: "theo mã nhận dạng của mẫu biểu", header: "theo tiêu đề báo cáo", "file-name": "theo tên tệp" } as const;

function textReport(r: FileResult, plan: Plan | undefined): string {
  const lines: string[] = [`Tệp: ${terminalName(r.file)}`];
  if (r.readError || !r.report) {
    lines.push(`  LỖI: ${r.readError?.message ?? "không đọc được tệp"}`);
    return lines.join("\n");
  }
  const report = r.report;
  lines.push(`Đơn vị: ${report.unit.name} (${SOURCE_LABEL[report.unit.source]})`, `Ngày báo cáo: ${dateText(report.reportDate)}`);
  const errors = report.issues.filter((i) => i.severity === "error");
  const warnings = report.issues.filter((i) => i.severity === "warning");
  lines.push(errors.length === 0 ? "Lỗi: không có" : `Lỗi (${errors.length}):`, ...errors.map(issueLine));
  lines.push(warnings.length === 0 ? "Cảnh báo: không có" : `Cảnh báo (${warnings.length}):`, ...warnings.map(issueLine));
  // Notes of information (rows read as a breakdown, not summed): only when there are some.
  const infos = report.issues.filter((i) => i.severity === "info");
  if (infos.length > 0) lines.push(`Thông tin (${infos.length}):`, ...infos.map(issueLine));
  if (r.targets) {
    lines.push(targetsText(r.targets, plan));
    if (plan === undefined) for (const i of r.targets.issues) lines.push(`  - [${i.sheet ?? ""}${i.cell ? `!${i.cell}` : ""}] ${i.message}`);
  }
  lines.push("Kết quả các chỉ tiêu (Stt | Tổng số | Số đã đạt | Tỷ lệ | Mục tiêu | Đánh giá):");
  for (const x of r.results ?? []) {
    const target = r.targets?.targets[x.id] ?? indicatorById(x.id)!.target;
    const verdict = verdictLabel(verdictState(x));
    const num = (n: number | null): string => (n === null ? "—" : formatNumber(n));
    const ratio = x.ratio === null ? "—" : formatRatio(x.ratio);
    lines.push(`  ${x.id.padEnd(6)} ${num(x.total).padStart(8)} ${num(x.achieved).padStart(8)} ${ratio.padStart(9)}  ${targetLabel(target).padEnd(10)} ${verdict}`);
  }
  lines.push(`Văn bản lãnh đạo, chỉ đạo: ${report.documents.length}`);
  for (const d of report.documents) {
    lines.push(`  - ${d.code?.canonical ?? d.codeText ?? "(chưa ghi ký hiệu)"}, ${documentDateText(d) || "chưa ghi"}${d.summary ? `: ${d.summary}` : ""}`);
  }
  return lines.join("\n");
}

/** How the files of one run came out: read, read with errors, read with warnings, not read at all (rejected). */
export function validateTotals(results: readonly FileResult[]): { files: number; read: number; withErrors: number; withWarnings: number; rejected: number } {
  const read = results.filter((r) => !r.readError && r.report);
  return {
    files: results.length,
    read: read.length,
    withErrors: read.filter((r) => r.report!.issues.some((i) => i.severity === "error")).length,
    withWarnings: read.filter((r) => r.report!.issues.some((i) => i.severity === "warning")).length,
    rejected: results.length - read.length,
  };
}

/** The closing line of a run on several files: "Tổng cộng 5 tệp: đọc được 3 tệp (1 tệp có lỗi, 2 tệp có cảnh báo); 2 tệp không đọc được." */
export function totalsLine(t: ReturnType<typeof validateTotals>): string {
  const n = (count: number) => formatNumber(count);
  const read = `đọc được ${n(t.read)} tệp (${n(t.withErrors)} tệp có lỗi, ${n(t.withWarnings)} tệp có cảnh báo)`;
  return `Tổng cộng ${n(t.files)} tệp: ${read}; ${t.rejected === 0 ? "không có tệp nào bị loại" : `${n(t.rejected)} tệp không đọc được (bị loại)`}.`;
}

export const validateCommand: CliCommand = {
  name: "validate",
  summary: {
    vi: `Đọc và kiểm tra báo cáo của đơn vị (${INPUT_KINDS_TEXT}) theo Công văn 232-CV/HU và mục tiêu Đề án 241 (hoặc của kế hoạch, --targets).`,
    en: "Read and check units' reports (spreadsheets, web pages, email messages, archives) against letter 232-CV/HU and the Đề án 241 targets (or a plan's, --targets).",
  },
  usage: [
    "de-an-241 validate TỆP|THƯ-MỤC... [--units LIST.csv|LIST.xlsx] [--targets FILE.xlsx|FILE.csv] [--json]",
    "  Một thư mục: mọi bảng tính, thư điện tử (.eml, .msg) và tệp nén (.zip, .rar) ngay trong thư mục đó.",
    "  --units     danh sách đơn vị để cạnh các tệp báo cáo: không bị đọc như báo cáo của một đơn vị (như lệnh merge)",
    "  --targets   mục tiêu theo kế hoạch, như lệnh merge: trang \"Mục tiêu\" (cột Chỉ tiêu, Nội dung, Mục tiêu); mọi tệp được đánh giá",
    "              theo mục tiêu này thay cho trang \"Mục tiêu\" của đơn vị; mặc định: trang \"Mục tiêu\" của đơn vị, nếu không có thì theo Đề án 241",
    "Mã thoát / exit code: 0 không có lỗi (có thể có cảnh báo); 1 có lỗi; 2 có tệp (hoặc danh sách --units, tệp --targets) không đọc được, hoặc sai cú pháp.",
  ],
  async run(args, io) {
    const parsed = parseArgs(args, { valued: ["units", "targets"], flags: ["json"], toStdout: ["json"] });
    if (parsed.positional.length === 0) throw new UsageError("Cần ít nhất một tệp hoặc thư mục (at least one file or folder is required)");
    // The unit list kept in the folder of units' files is not one of them (as in a merge); a list that cannot be read is said.
    const unitsFile = stringOption(parsed, "units");
    if (unitsFile !== undefined && loadUnits(unitsFile, io) === undefined) return 2;
    // A plan's targets, read as a merge reads them; its file too is left out of a folder.
    const targetsFile = stringOption(parsed, "targets");
    const targets = targetsFile !== undefined ? loadTargets(targetsFile, io) : undefined;
    if (targetsFile !== undefined && targets === undefined) return 2;
    const plan: Plan | undefined = targetsFile !== undefined ? { name: basename(targetsFile) } : undefined;
    const leaveOut = [unitsFile, targetsFile].filter((f): f is string => f !== undefined && f !== "default").map((f) => resolve(io.cwd, f));
    const { given, skipped: walkedPast } = openGiven(parsed.positional, io.cwd, leaveOut);
    // An email message or an archive stands for the spreadsheets inside it, each with where it came from.
    const origins = new Map<ToCheck | FileResult, SourceOrigin>();
    const skipped: Skipped[] = [...walkedPast];
    const opened: (ToCheck | FileResult)[] = [];
    for (const o of given) {
      if (!isToCheck(o) || !isContainerName(o.file.name)) {
        opened.push(o);
        continue;
      }
      const expanded = await openContainers([o.file], io.fileTimeLimitMs);
      skipped.push(...expanded.skipped.map(skippedEntryJson));
      for (const f of expanded.files) {
        const refused = expanded.refused.get(f);
        const item: ToCheck | FileResult = refused?.error
          ? { file: f.name, readError: readFailureIssue(refused.error.code, f.name, refused.error.message) }
          : { file: f, display: f.name };
        const origin = expanded.origins.get(f) ?? refused?.origin;
        if (origin) origins.set(item, origin);
        opened.push(item);
      }
    }
    if (opened.length === 0) {
      // An empty folder, or only messages and archives with no spreadsheet in them: each skip said why.
      for (const s of skipped) io.stderr(`Bỏ qua: ${terminalName(s.path)}: ${s.reason}\n`);
      io.stderr(`Không có tệp bảng tính nào để kiểm tra; lệnh validate đọc ${INPUT_KINDS_TEXT}.\n`);
      return 2;
    }
    const toCheck = opened.filter(isToCheck);
    // Each file is read in a worker thread, stopped past the time limit (rule "timeout"), as in a merge.
    const checked = await checkFiles(workerThreadChecker(), toCheck, { limitMs: io.fileTimeLimitMs });
    let next = 0;
    const results = opened.map((o) => {
      const result = isToCheck(o) ? checked[next++]! : o;
      return targets !== undefined ? judgedBy(result, targets) : result;
    });
    const originOf = (k: number): SourceOrigin | undefined => origins.get(opened[k]!);
    if (parsed.options.has("json")) {
      // A file inside a message or an archive says where it came from (a file given as is keeps its fields as they were).
      const files = results.map((r, k) => {
        const origin = originOf(k);
        return origin ? { ...resultJson(r, plan), origin: originJson(origin) } : resultJson(r, plan);
      });
      io.stdout(JSON.stringify({ files, totals: validateTotals(results), ...(skipped.length > 0 ? { skipped } : {}) }, null, 2) + "\n");
    } else {
      const texts = results.map((r, k) => {
        const origin = originOf(k);
        return origin ? `${textReport(r, plan)}\n  Nguồn: ${sourceLabel(r.file, origin)}` : textReport(r, plan);
      });
      const totals = results.length > 1 ? [totalsLine(validateTotals(results))] : [];
      io.stdout([...texts, ...skipped.map((s) => `Bỏ qua: ${terminalName(s.path)}: ${s.reason}`), ...totals].join("\n\n") + "\n");
    }
    if (results.some((r) => r.readError)) return 2;
    if (results.some((r) => r.report && hasErrors(r.report.issues))) return 1;
    return 0;
  },
};
