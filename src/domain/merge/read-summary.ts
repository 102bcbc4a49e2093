/**
 * Reading a district's summary workbook back as a Summary: the workbook the
 * merge writes ("Tổng hợp chỉ tiêu", "Chi tiết đơn vị", "Tổng hợp văn bản",
 * "Tình hình nộp báo cáo", "Số liệu bị loại", identity of kind "summary").
 *
 * Tables are found by their header labels, not by fixed cells, so a summary
 * re-saved as .xls or .ods, or with rows or columns inserted above or beside
 * the tables, reads the same. Sheets are looked for by name first, then in
 * every sheet of the workbook.
 *
 * What the workbook does not hold cannot be recovered, and is given the most
 * honest empty value:
 * - FileResult.issues is [] (only the counts of errors and warnings are
 *   written; they are kept) and FileResult.unitSource is null;
 * - UnitStatus.code is absent (unit codes are not written);
 * - RejectedValue.rule is "" (only the reason is written);
 * - IndicatorSummary.reportedBy is 0 and the target Đề án 241's when the
 *   "Số đơn vị báo cáo" / "Mục tiêu" columns cannot be found (an issue says so);
 * - Summary.targetsSource is undefined when the note line naming it is gone;
 * - Summary.deadline is the letter's deadline when the "Hạn nộp" line is gone.
 */
import { DEADLINES, INDICATORS, ratioPercent, type Target } from "../catalogue";
import { cellAddress, type GridSheet, type WorkbookGrid } from "../model/grid";
import { IDENTITY_SHEET, type WorkbookIdentity } from "../model/identity";
import type { Issue } from "../model/issues";
import { readUnitReport } from "../read";
import { SheetView } from "../read/sheet";
import { findIdentity } from "../read/unit";
import { makeIssue } from "../rules/messages";
import { parseTarget } from "../targets";
import { cleanText, foldText } from "../text";
import { parseDateValue } from "../values/date";
import {
  meetsTarget,
  round2,
  SUM,
  type AggregationRule,
  type FileResult,
  type FileStatus,
  type IndicatorSummary,
  type MergedDocument,
  type RejectedValue,
  type Summary,
  type UnitState,
  type UnitStatus,
  type UnitValues,
} from "./index";
import { SUMMARY_EXTRA_HEADERS, SUMMARY_SHEETS } from "../sheets/summary";

export interface SummaryRead {
  readonly summary: Summary;
  /** The identity of the workbook (kind "summary"): who made it, at which level, when. */
  readonly identity: WorkbookIdentity;
  /**
   * Rules "summary.*": an error means the summary cannot be used as it is (a table it must
   * have is missing); a warning, that a part was left empty or read with a doubt.
   */
  readonly issues: readonly Issue[];
}

/** A table found by its header row: the sheet, the header row, and the column of each label (folded). */
interface Table {
  readonly view: SheetView;
  readonly row: number;
  readonly columns: ReadonlyMap<string, number>;
}

function sheetOrder(grid: WorkbookGrid, preferred: string): SheetView[] {
  const key = foldText(preferred);
  const sheets = grid.sheets.filter((s) => foldText(s.name) !== foldText(IDENTITY_SHEET));
  const named = sheets.filter((s) => foldText(s.name) === key);
  return [...named, ...sheets.filter((s) => foldText(s.name) !== key)].map((s) => new SheetView(s));
}

/** The first row (in the preferred sheet first) holding every required label as a whole cell; columns of all its labels. */
function findTable(grid: WorkbookGrid, preferred: string, required: readonly string[]): Table | undefined {
  const want = required.map((l) => foldText(l));
  for (const view of sheetOrder(grid, preferred)) {
    for (let r = 0; r < view.height; r++) {
      const texts = view.rowTexts(r);
      if (texts.length < want.length) continue;
      const columns = new Map<string, number>();
      for (const t of texts) {
        const f = foldText(t.text);
        if (!columns.has(f)) columns.set(f, t.c);
      }
      if (want.every((w) => columns.has(w))) return { view, row: r, columns };
    }
  }
  return undefined;
}

function col(table: Table, label: string): number | undefined {
  return table.columns.get(foldText(label));
}

function textAt(table: Table, r: number, label: string): string {
  const c = col(table, label);
  return c === undefined ? "" : table.view.text(r, c);
}

/**
 * The data rows under a table's header: rows with text in the key column, skipping blank rows,
 * ending at a row with text elsewhere but none in the key column (a title, a note) or a repeated header.
 */
function dataRows(table: Table, keys: readonly string[]): number[] {
  const keyCols = keys.map((k) => col(table, k)).filter((c): c is number => c !== undefined);
  const headerTexts = new Set(keys.map((k) => foldText(k)));
  const rows: number[] = [];
  for (let r = table.row + 1; r < table.view.height; r++) {
    const texts = table.view.rowTexts(r);
    if (texts.length === 0) continue;
    const keyTexts = keyCols.map((c) => table.view.text(r, c)).filter((t) => t !== "");
    if (keyTexts.length === 0) break;
    if (keyTexts.some((t) => headerTexts.has(foldText(t)))) break;
    rows.push(r);
  }
  return rows;
}

function numberAt(table: Table, r: number, label: string): number | null {
  const c = col(table, label);
  if (c === undefined) return null;
  const v = table.view.cell(r, c)?.v;
  if (typeof v === "number" && Number.isFinite(v)) return v;
  if (typeof v === "string") {
    // Counts only: "12", or "1.234" with Vietnamese thousands separators.
    const t = cleanText(v);
    if (/^\d{1,3}(\.\d{3})+$/.test(t) || /^\d+$/.test(t)) return Number(t.replace(/\./g, ""));
  }
  return null;
}

function dateAt(table: Table, r: number, label: string): string | null {
  const c = col(table, label);
  if (c === undefined) return null;
  const parsed = parseDateValue(table.view.cell(r, c)?.v);
  return parsed.kind === "date" ? parsed.iso : null;
}

function orNull(text: string): string | null {
  return text === "" ? null : text;
}

/** Every text of a sheet's cells, for the lines written once (notes, subtitles). */
function sheetLines(view: SheetView): string[] {
  const out: string[] = [];
  for (let r = 0; r < view.height; r++) for (const t of view.rowTexts(r)) out.push(t.text);
  return out;
}

const STATE_BY_LABEL: Readonly<Record<string, UnitState>> = { "da nhan": "received", "chua nhan": "missing", "tep bi loai": "rejected" };
const FILE_STATUS_BY_LABEL: Readonly<Record<string, FileStatus>> = { "da tong hop": "merged", "bi thay the": "superseded", "bi loai": "rejected" };
const ON_TIME_BY_LABEL: Readonly<Record<string, boolean>> = { "dung han": true, muon: false };

const STATUS_HEADERS = { stt: "Stt", unit: "Đơn vị", state: "Tình trạng", onTime: "Thời hạn", file: "Tệp", date: "Ngày báo cáo", errors: "Số lỗi", warnings: "Số cảnh báo", note: "Ghi chú" } as const;
const FILES_HEADERS = { file: "Tệp", unit: "Đơn vị", status: "Trạng thái", reason: "Lý do", date: "Ngày báo cáo", errors: "Số lỗi", warnings: "Số cảnh báo", sha: "SHA-256" } as const;
const REJECTED_HEADERS = { unit: "Đơn vị", file: "Tệp", sheet: "Trang tính", cell: "Ô", indicator: "Chỉ tiêu", reason: "Lý do" } as const;
const DOCUMENT_HEADERS = { code: "Ký hiệu văn bản", date: "Ngày, tháng ban hành", summary: "Trích yếu nội dung", issuer: "Đơn vị ban hành", units: "Đơn vị báo cáo" } as const;
const OTHER_FILES = /^tệp khác:\s*/iu;
const NOT_LISTED = " (ngoài danh sách)";
const UNKNOWN_UNIT = "(không rõ đơn vị)";
const TAKEN_FROM = /\s*\(số liệu của (.+)\)\s*$/u;

/** The deadline from "(Hạn nộp: 25/6/2021; …)" (or "25/06/2021", as earlier versions wrote it), on the status sheet first. */
function deadlineOf(grid: WorkbookGrid): string | null {
  for (const line of sheetOrder(grid, SUMMARY_SHEETS.status).flatMap(sheetLines)) {
    const m = /h[aạ]n n[ộo]p:\s*([0-9/.-]+)/iu.exec(line.normalize("NFC"));
    if (!m) continue;
    const parsed = parseDateValue(m[1]);
    if (parsed.kind === "date") return parsed.iso;
  }
  return null;
}

/** Which targets the summary was judged against, from its note line "Mục tiêu đánh giá: …". */
function targetsSourceOf(grid: WorkbookGrid): string | undefined {
  for (const line of sheetOrder(grid, SUMMARY_SHEETS.indicators).flatMap(sheetLines)) {
    const f = foldText(line);
    if (!f.startsWith("muc tieu danh gia")) continue;
    if (/theo de an 241/.test(f) && !/ke hoach cua don vi/.test(f)) return "de-an-241";
    const m = /\(tệp (.+?)\)/u.exec(line.normalize("NFC"));
    return m ? m[1]! : "";
  }
  return undefined;
}

function readIndicators(grid: WorkbookGrid, issues: Issue[]): IndicatorSummary[] | undefined {
  const extra = findTable(grid, SUMMARY_SHEETS.indicators, [...SUMMARY_EXTRA_HEADERS]);
  // The official table on the sheet that holds the summary's columns (else any sheet named like it).
  const sheet: GridSheet | undefined =
    extra?.view.sheet ?? grid.sheets.find((s) => foldText(s.name) === foldText(SUMMARY_SHEETS.indicators));
  if (!sheet) {
    issues.push(makeIssue("summary.table-missing", {}, { table: SUMMARY_SHEETS.indicators, columns: "các cột Tổng số, Số đã đạt tiêu chuẩn, Mục tiêu, Số đơn vị báo cáo" }));
    return undefined;
  }
  const report = readUnitReport({ sheets: [sheet] }, sheet.name);
  if (Object.keys(report.indicators).length === 0) {
    issues.push(makeIssue("summary.table-missing", { sheet: sheet.name }, { unreadableSheet: sheet.name }));
    return undefined;
  }
  if (!extra) {
    issues.push(
      makeIssue("summary.part-missing", { sheet: sheet.name }, { sheetWithoutExtra: sheet.name }),
    );
  }
  const [targetLabel, verdictLabel, reportedLabel] = SUMMARY_EXTRA_HEADERS;
  return INDICATORS.map((indicator): IndicatorSummary => {
    const entry = report.indicators[indicator.id];
    if (!entry) {
      issues.push(makeIssue("summary.indicator-missing", { sheet: sheet.name }, { indicator: indicator.id, sheet: sheet.name }));
      return { id: indicator.id, total: null, achieved: null, ratio: null, met: null, target: indicator.target, aggregation: SUM, reportedBy: 0 };
    }
    for (const i of report.issues) {
      if (i.indicator === indicator.id && i.severity === "error") {
        issues.push(makeIssue("summary.value-unreadable", { sheet: sheet.name, cell: i.cell }, { indicator: indicator.id, problem: i.message }));
      }
    }
    const r = entry.row - 1;
    let target: Target = indicator.target;
    let reportedBy = 0;
    if (extra) {
      const written = textAt(extra, r, targetLabel);
      const parsed = written === "" ? null : parseTarget(written, indicator.target);
      if (parsed) target = parsed;
      else {
        const c = col(extra, targetLabel);
        issues.push(
          makeIssue("summary.target-unreadable", { sheet: sheet.name, cell: c === undefined ? null : cellAddress(r, c) }, { indicator: indicator.id, text: written }),
        );
      }
      reportedBy = numberAt(extra, r, reportedLabel) ?? 0;
    }
    const { total, achieved } = entry;
    const ratio = total !== null && achieved !== null && total > 0 ? round2(ratioPercent(total, achieved)) : null;
    const met = meetsTarget(target, total, achieved);
    if (extra) {
      const verdict = foldText(textAt(extra, r, verdictLabel));
      const expected = met === true ? "dat" : met === false ? "chua dat" : "chua du so lieu";
      // "Số liệu có lỗi" is a summary's word for figures given but all left out: nothing to count, as "Chưa đủ số liệu".
      // "Không có đối tượng" is its word for a Tổng số of 0.
      if (verdict !== "" && verdict !== expected && !(met === null && (verdict === "so lieu co loi" || (total === 0 && verdict === "khong co doi tuong")))) {
        const c = col(extra, verdictLabel)!;
        issues.push(
          makeIssue("summary.verdict-differs", { sheet: sheet.name, cell: cellAddress(r, c) }, { indicator: indicator.id }),
        );
      }
    }
    const taken = TAKEN_FROM.exec(entry.label);
    const aggregation: AggregationRule = taken ? { kind: "unit", unit: cleanText(taken[1]!) } : SUM;
    return { id: indicator.id, total, achieved, ratio, met, target, aggregation, reportedBy };
  });
}

function readFiles(grid: WorkbookGrid, deadline: string, issues: Issue[]): FileResult[] {
  const table = findTable(grid, SUMMARY_SHEETS.status, [FILES_HEADERS.file, FILES_HEADERS.status, FILES_HEADERS.sha]);
  if (!table) {
    issues.push(makeIssue("summary.part-missing", {}, { table: "Các tệp đã nhận", columns: "cột Tệp, Trạng thái, SHA-256" }));
    return [];
  }
  return dataRows(table, [FILES_HEADERS.file]).map((r): FileResult => {
    const unitText = textAt(table, r, FILES_HEADERS.unit);
    const onList = unitText !== "" && unitText !== UNKNOWN_UNIT && !unitText.endsWith(NOT_LISTED);
    const unit = unitText === "" || unitText === UNKNOWN_UNIT ? null : unitText.endsWith(NOT_LISTED) ? unitText.slice(0, -NOT_LISTED.length) : unitText;
    const statusText = textAt(table, r, FILES_HEADERS.status);
    let status = FILE_STATUS_BY_LABEL[foldText(statusText)];
    if (status === undefined) {
      issues.push(makeIssue("summary.state-unknown", { sheet: table.view.sheet.name, cell: cellAddress(r, col(table, FILES_HEADERS.status)!) }, { of: "file", text: statusText }));
      status = "rejected";
    }
    const date = dateAt(table, r, FILES_HEADERS.date);
    return {
      file: textAt(table, r, FILES_HEADERS.file),
      sha256: textAt(table, r, FILES_HEADERS.sha),
      unit,
      onList,
      unitSource: null,
      date,
      status,
      // The lines a corrected file's changes add ("So với tệp …") are not the reason.
      reason: orNull(textAt(table, r, FILES_HEADERS.reason).split("\n").filter((line) => !line.startsWith("So với tệp \"")).join("\n").trim()),
      issues: [],
      errors: numberAt(table, r, FILES_HEADERS.errors) ?? 0,
      warnings: numberAt(table, r, FILES_HEADERS.warnings) ?? 0,
      onTime: date === null ? null : date <= deadline,
    };
  });
}

/** The first entry of `list` under each key (in list order), for lookups that would otherwise scan the list per row. */
function firstBy<T>(list: readonly T[], key: (item: T) => string | undefined): Map<string, T> {
  const out = new Map<string, T>();
  for (const item of list) {
    const k = key(item);
    if (k !== undefined && !out.has(k)) out.set(k, item);
  }
  return out;
}

function readUnits(table: Table, files: readonly FileResult[], issues: Issue[]): UnitStatus[] {
  const mergedByName = firstBy(files, (f) => (f.status === "merged" ? f.file : undefined));
  return dataRows(table, [STATUS_HEADERS.unit]).map((r): UnitStatus => {
    const stateText = textAt(table, r, STATUS_HEADERS.state);
    let state = STATE_BY_LABEL[foldText(stateText)];
    if (state === undefined) {
      issues.push(makeIssue("summary.state-unknown", { sheet: table.view.sheet.name, cell: cellAddress(r, col(table, STATUS_HEADERS.state)!) }, { of: "unit", text: stateText }));
      state = "missing";
    }
    const file = orNull(textAt(table, r, STATUS_HEADERS.file));
    const note = textAt(table, r, STATUS_HEADERS.note);
    const otherFiles = OTHER_FILES.test(note)
      ? note.replace(OTHER_FILES, "").split(";").map((f) => cleanText(f)).filter((f) => f !== "")
      : [];
    const onTimeText = foldText(textAt(table, r, STATUS_HEADERS.onTime));
    return {
      unit: textAt(table, r, STATUS_HEADERS.unit),
      state,
      file,
      sha256: file === null ? null : (mergedByName.get(file)?.sha256 ?? null),
      date: dateAt(table, r, STATUS_HEADERS.date),
      onTime: state === "received" ? (ON_TIME_BY_LABEL[onTimeText] ?? null) : null,
      errors: numberAt(table, r, STATUS_HEADERS.errors) ?? 0,
      warnings: numberAt(table, r, STATUS_HEADERS.warnings) ?? 0,
      otherFiles,
    };
  });
}

function readPerUnit(grid: WorkbookGrid, units: readonly UnitStatus[], files: readonly FileResult[], issues: Issue[]): UnitValues[] {
  const table = findTable(grid, SUMMARY_SHEETS.perUnit, ["Chỉ tiêu", "Nội dung của chỉ tiêu"]);
  if (!table) {
    issues.push(makeIssue("summary.part-missing", {}, { table: SUMMARY_SHEETS.perUnit }));
    return [];
  }
  const { view } = table;
  const idCol = col(table, "Chỉ tiêu")!;
  // The "Tổng số | Số đạt" row under the unit names (the next row with them).
  let sub = -1;
  for (let r = table.row + 1; r <= Math.min(table.row + 3, view.height - 1) && sub < 0; r++) {
    if (view.rowTexts(r).some((t) => foldText(t.text) === "tong so")) sub = r;
  }
  if (sub < 0) return [];
  const pairs: { unit: string; c: number }[] = [];
  for (const t of view.rowTexts(sub)) {
    if (foldText(t.text) === "tong so" && foldText(view.text(sub, t.c + 1)) === "so dat") {
      pairs.push({ unit: view.shownText(table.row, t.c), c: t.c });
    }
  }
  const byId = new Map<string, number>();
  for (let r = sub + 1; r < view.height; r++) {
    const id = view.text(r, idCol);
    if (INDICATORS.some((i) => i.id === id) && !byId.has(id)) byId.set(id, r);
  }
  const value = (r: number, c: number): number | null => {
    const v = view.cell(r, c)?.v;
    return typeof v === "number" && Number.isFinite(v) ? v : null;
  };
  const unitsByKey = firstBy(units, (u) => foldText(u.unit));
  const mergedByUnit = firstBy(files, (f) => (f.status === "merged" && f.unit !== null ? foldText(f.unit) : undefined));
  return pairs.map(({ unit, c }): UnitValues => {
    const values: Record<string, { total: number | null; achieved: number | null }> = {};
    for (const [id, r] of byId) values[id] = { total: value(r, c), achieved: value(r, c + 1) };
    // A unit on the list has its file on the status table; one not on the list, on the files table.
    const key = foldText(unit);
    const file = unitsByKey.get(key)?.file ?? mergedByUnit.get(key)?.file ?? "";
    // The units' own targets are not written per cell; the breakdown keeps the figures only.
    return { unit, file, values, ownTargets: [], unmet: [] };
  });
}

/** A document's date as the summary wrote it: a day, or a month or quarter ("tháng 3/2017") kept as the span it names. */
function documentDateAt(table: Table, r: number): Pick<MergedDocument, "date" | "dateSpan"> {
  const c = col(table, DOCUMENT_HEADERS.date);
  const parsed = c === undefined ? undefined : parseDateValue(table.view.cell(r, c)?.v);
  if (parsed?.kind === "date") return { date: parsed.iso };
  return parsed?.kind === "span" ? { date: null, dateSpan: parsed.span } : { date: null };
}

function readDocuments(grid: WorkbookGrid, issues: Issue[]): MergedDocument[] {
  const table = findTable(grid, SUMMARY_SHEETS.documents, [DOCUMENT_HEADERS.code, DOCUMENT_HEADERS.summary, DOCUMENT_HEADERS.units]);
  if (!table) {
    issues.push(makeIssue("summary.part-missing", {}, { table: SUMMARY_SHEETS.documents }));
    return [];
  }
  const keys = [DOCUMENT_HEADERS.code, DOCUMENT_HEADERS.date, DOCUMENT_HEADERS.summary, DOCUMENT_HEADERS.issuer];
  return dataRows(table, keys).map((r) => ({
    code: orNull(textAt(table, r, DOCUMENT_HEADERS.code)),
    ...documentDateAt(table, r),
    summary: orNull(textAt(table, r, DOCUMENT_HEADERS.summary)),
    issuer: orNull(textAt(table, r, DOCUMENT_HEADERS.issuer)),
    units: textAt(table, r, DOCUMENT_HEADERS.units)
      .split(";")
      .map((u) => cleanText(u))
      .filter((u) => u !== ""),
  }));
}

function readRejected(grid: WorkbookGrid, issues: Issue[]): RejectedValue[] {
  const table = findTable(grid, SUMMARY_SHEETS.rejected, [REJECTED_HEADERS.unit, REJECTED_HEADERS.cell, REJECTED_HEADERS.reason]);
  if (!table) {
    issues.push(makeIssue("summary.part-missing", {}, { table: SUMMARY_SHEETS.rejected }));
    return [];
  }
  return dataRows(table, [REJECTED_HEADERS.unit, REJECTED_HEADERS.reason]).map((r) => ({
    unit: textAt(table, r, REJECTED_HEADERS.unit),
    file: textAt(table, r, REJECTED_HEADERS.file),
    sheet: orNull(textAt(table, r, REJECTED_HEADERS.sheet)),
    cell: orNull(textAt(table, r, REJECTED_HEADERS.cell)),
    indicator: orNull(textAt(table, r, REJECTED_HEADERS.indicator)),
    rule: "",
    reason: textAt(table, r, REJECTED_HEADERS.reason),
  }));
}

/**
 * The Summary a summary workbook holds, or undefined when the workbook is not a
 * summary (its identity is missing or of another kind). Issues of severity
 * "error" mean the summary cannot be used (its indicators or its unit status
 * could not be found); warnings name the parts left empty.
 */
export function readSummaryWorkbook(grid: WorkbookGrid): SummaryRead | undefined {
  const identity = findIdentity(grid);
  if (identity?.kind !== "summary") return undefined;
  const issues: Issue[] = [];

  const statusTable = findTable(grid, SUMMARY_SHEETS.status, [STATUS_HEADERS.unit, STATUS_HEADERS.state]);
  let deadline = deadlineOf(grid);
  if (deadline === null) {
    issues.push(makeIssue("summary.deadline-missing", { sheet: SUMMARY_SHEETS.status }, {}));
    deadline = DEADLINES.sendToDistrict;
  }
  const indicators = readIndicators(grid, issues) ?? [];
  const targetsSource = targetsSourceOf(grid);
  if (targetsSource === undefined) {
    issues.push(makeIssue("summary.targets-note-missing", { sheet: SUMMARY_SHEETS.indicators }, {}));
  }
  const files = readFiles(grid, deadline, issues);
  let units: UnitStatus[] = [];
  if (!statusTable) {
    issues.push(makeIssue("summary.table-missing", {}, { table: SUMMARY_SHEETS.status, columns: "cột Đơn vị, Tình trạng" }));
  } else {
    units = readUnits(statusTable, files, issues);
  }
  const expected = units.map((u) => u.unit);
  const received = units.filter((u) => u.state === "received").map((u) => u.unit);
  const missing = units.filter((u) => u.state !== "received").map((u) => u.unit);
  const summary: Summary = {
    deadline,
    files,
    indicators,
    perUnit: readPerUnit(grid, units, files, issues),
    documents: readDocuments(grid, issues),
    rejectedValues: readRejected(grid, issues),
    units,
    unlisted: files.filter((f) => !f.onList && f.status !== "rejected").map((f) => f.file),
    expected,
    received,
    missing,
    rate: expected.length === 0 ? null : round2(Math.min(100, (received.length / expected.length) * 100)),
    ...(targetsSource !== undefined ? { targetsSource } : {}),
  };
  return { summary, identity, issues };
}
