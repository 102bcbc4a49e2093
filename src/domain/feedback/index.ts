/**
 * Feedback to a unit: which cells of its own workbook get a note and a shade,
 * what each note says, and the "Góp ý" sheet that lists every issue in
 * Vietnamese (rule, sheet, cell, message, severity). Pure: the writer
 * (src/io/write/feedback.ts) puts this plan into a copy of the unit's file,
 * changing none of its figures.
 */
import { vnDate } from "../format";
import { parseRange } from "../model/grid";
import type { Issue, Severity } from "../model/issues";
import type { CellStyle, SheetLayout } from "../model/layout";
import { BODY_SIZE, FONT, SheetBuilder } from "../sheets/builder";

/** The sheet added to the unit's workbook. */
export const FEEDBACK_SHEET = "Góp ý";

/** Shades of the problem cells (RRGGBB): light red for an error, light yellow for a warning, light blue for a note of information. */
export const FEEDBACK_FILLS: Readonly<Record<Severity, string>> = { error: "FFC7CE", warning: "FFEB9C", info: "DDEBF7" };

/** The author shown on every note. */
export const FEEDBACK_AUTHOR = "Ban Tuyên giáo Huyện ủy";

export const SEVERITY_TEXT: Readonly<Record<Severity, string>> = { error: "Lỗi", warning: "Cảnh báo", info: "Thông tin" };

/** One note on one cell: every issue found there, the worst severity shading it. */
export interface FeedbackNote {
  readonly sheet: string;
  /** A1 address of the cell (the top-left cell when an issue names a range). */
  readonly cell: string;
  /** Zero-based row and column of the cell. */
  readonly r: number;
  readonly c: number;
  readonly severity: Severity;
  /** "Lỗi: …" / "Cảnh báo: …", one line an issue. */
  readonly text: string;
}

export interface FeedbackRequest {
  /** The unit's file name as received. */
  readonly file: string;
  readonly unit: string | null;
  readonly issues: readonly Issue[];
  /** The workbook's sheets, in order (notes go only to sheets that exist). */
  readonly sheetNames: readonly string[];
  /** ISO date the feedback is made. */
  readonly date: string;
  /**
   * The kind of the file when it is not an .xlsx ("xls", "ods", "csv", "html"…):
   * the feedback is then an .xlsx made from its cells as read, and the sheet says so.
   */
  readonly convertedFrom?: string;
}

export interface FeedbackPlan {
  readonly notes: readonly FeedbackNote[];
  /** The "Góp ý" sheet (renamed "Góp ý (2)"… when the workbook already has one). */
  readonly sheet: SheetLayout;
  /** The issues as listed on the sheet, in order: by sheet, then row, then column; issues of the whole file first. */
  readonly listed: readonly Issue[];
}

/** The cell an issue points at, when it points at one: its top-left cell for a range. */
export function issueCell(issue: Pick<Issue, "cell">): { r: number; c: number; address: string } | null {
  if (issue.cell === null || issue.cell.trim() === "") return null;
  const range = parseRange(issue.cell);
  if (!range) return null;
  const { r, c } = range.s;
  return { r, c, address: `${columnName(c)}${r + 1}` };
}

function columnName(c: number): string {
  let s = "";
  for (let n = c + 1; n > 0; n = Math.floor((n - 1) / 26)) s = String.fromCharCode(65 + ((n - 1) % 26)) + s;
  return s;
}

/** The sheet of the workbook an issue names (exactly, else ignoring case), or null. */
function sheetOf(name: string | null, sheetNames: readonly string[]): string | null {
  if (name === null) return null;
  if (sheetNames.includes(name)) return name;
  const lower = name.toLocaleLowerCase("vi");
  return sheetNames.find((s) => s.toLocaleLowerCase("vi") === lower) ?? null;
}

/** The issues in the sheet's order: the whole file's first, then by sheet (workbook order), row and column. */
export function sortIssues(issues: readonly Issue[], sheetNames: readonly string[]): Issue[] {
  const key = (i: Issue): [number, number, number] => {
    const sheet = sheetOf(i.sheet, sheetNames);
    const at = issueCell(i);
    return [sheet === null ? -1 : sheetNames.indexOf(sheet), at?.r ?? -1, at?.c ?? -1];
  };
  return issues
    .map((issue, k) => ({ issue, k, key: key(issue) }))
    .sort((a, b) => a.key[0] - b.key[0] || a.key[1] - b.key[1] || a.key[2] - b.key[2] || a.k - b.k)
    .map((x) => x.issue);
}

/** One note per problem cell, in sheet order; issues without a cell, or on a sheet the workbook lacks, have none. */
export function feedbackNotes(issues: readonly Issue[], sheetNames: readonly string[]): FeedbackNote[] {
  const byCell = new Map<string, { sheet: string; r: number; c: number; address: string; issues: Issue[] }>();
  for (const issue of sortIssues(issues, sheetNames)) {
    const sheet = sheetOf(issue.sheet, sheetNames);
    const at = issueCell(issue);
    if (sheet === null || at === null) continue;
    const k = `${sheet}\u0000${at.address}`;
    const entry = byCell.get(k) ?? { sheet, ...at, issues: [] };
    entry.issues.push(issue);
    byCell.set(k, entry);
  }
  return [...byCell.values()].map((e) => {
    const seen = new Set<string>();
    const lines = e.issues
      .map((i) => `${SEVERITY_TEXT[i.severity]}: ${i.message}`)
      .filter((line) => (seen.has(line) ? false : (seen.add(line), true)));
    return {
      sheet: e.sheet,
      cell: e.address,
      r: e.r,
      c: e.c,
      severity: worstOf(e.issues),
      text: lines.join("\n"),
    };
  });
}

/** "Góp ý", or "Góp ý (2)"… when the workbook already has a sheet of that name (any case). */
export function feedbackSheetName(sheetNames: readonly string[]): string {
  const taken = new Set(sheetNames.map((s) => s.toLocaleLowerCase("vi")));
  let name = FEEDBACK_SHEET;
  for (let n = 2; taken.has(name.toLocaleLowerCase("vi")); n++) name = `${FEEDBACK_SHEET} (${n})`;
  return name;
}

const font = (extra: Partial<CellStyle["font"]> = {}): CellStyle["font"] => ({ name: FONT, size: BODY_SIZE, ...extra });

/** The styles of the "Góp ý" sheet. */
export const FEEDBACK_STYLES: Readonly<Record<string, CellStyle>> = {
  title: { font: font({ size: 14, bold: true }), horizontal: "center", vertical: "middle", wrap: true, locked: true },
  text: { font: font(), horizontal: "left", vertical: "top", wrap: true, locked: true },
  th: { font: font({ bold: true }), horizontal: "center", vertical: "middle", wrap: true, border: true, fill: "D9D9D9", locked: true },
  center: { font: font(), horizontal: "center", vertical: "top", wrap: true, border: true, locked: true },
  cell: { font: font(), horizontal: "left", vertical: "top", wrap: true, border: true, numberFormat: "@", locked: true },
  error: { font: font({ bold: true }), horizontal: "center", vertical: "top", wrap: true, border: true, fill: FEEDBACK_FILLS.error, locked: true },
  warning: { font: font({ bold: true }), horizontal: "center", vertical: "top", wrap: true, border: true, fill: FEEDBACK_FILLS.warning, locked: true },
  info: { font: font({ bold: true }), horizontal: "center", vertical: "top", wrap: true, border: true, fill: FEEDBACK_FILLS.info, locked: true },
};

/** Columns of the issue table. */
export const FEEDBACK_HEADERS = ["Stt", "Mức độ", "Trang", "Ô", "Nội dung", "Quy tắc"] as const;
const WIDTHS = [6, 11, 16, 8, 70, 22];

/** The worst severity of a cell's issues: an error, else a warning, else information. */
function worstOf(issues: readonly Pick<Issue, "severity">[]): Severity {
  return issues.some((i) => i.severity === "error") ? "error" : issues.some((i) => i.severity === "warning") ? "warning" : "info";
}

/** "Lỗi" and "Cảnh báo" counts, in words, and the notes of information when there are some: "2 lỗi, 1 cảnh báo", "0 lỗi, 0 cảnh báo, 1 thông tin". */
export function countsText(issues: readonly Pick<Issue, "severity">[]): string {
  const errors = issues.filter((i) => i.severity === "error").length;
  const infos = issues.filter((i) => i.severity === "info").length;
  return `${errors} lỗi, ${issues.length - errors - infos} cảnh báo${infos > 0 ? `, ${infos} thông tin` : ""}`;
}

/** The plan of one unit's feedback file: the notes and the "Góp ý" sheet. */
export function planFeedback(request: FeedbackRequest): FeedbackPlan {
  const { sheetNames } = request;
  const listed = sortIssues(request.issues, sheetNames);
  const notes = feedbackNotes(listed, sheetNames);
  const b = new SheetBuilder(FEEDBACK_STYLES, WIDTHS);
  const last = WIDTHS.length - 1;
  let r = 0;
  const line = (text: string, style: "title" | "text") => {
    b.block(r, 0, r, last, text, style);
    b.fit(r, 0, last, text, style);
    r++;
  };
  line("GÓP Ý VỀ BÁO CÁO KẾT QUẢ THỰC HIỆN ĐỀ ÁN 241", "title");
  line(`Đơn vị: ${request.unit ?? "chưa xác định"} · Tệp: ${request.file} · Ngày góp ý: ${vnDate(request.date)}`, "text");
  line(
    listed.length === 0
      ? "Không có lỗi hay cảnh báo nào."
      : `Có ${countsText(listed)}. Các ô có vấn đề được tô màu (đỏ nhạt: lỗi; vàng: cảnh báo${
          listed.some((i) => i.severity === "info") ? "; xanh nhạt: thông tin" : ""
        }) và có ghi chú. ` +
          "Số liệu của đơn vị không bị thay đổi. Đề nghị đơn vị sửa các lỗi, xem lại các cảnh báo và gửi lại báo cáo.",
    "text",
  );
  if (request.convertedFrom !== undefined) {
    line(
      `Tệp gốc dạng .${request.convertedFrom} được chuyển sang .xlsx để ghi góp ý: giữ các ô như đã đọc được ` +
        "(công thức giữ dưới dạng giá trị đã tính, định dạng không giữ).",
      "text",
    );
  }
  r++;
  const headerRow = r;
  FEEDBACK_HEADERS.forEach((h, c) => b.set(r, c, h, "th"));
  r++;
  listed.forEach((issue, k) => {
    const sheet = sheetOf(issue.sheet, sheetNames) ?? issue.sheet;
    const at = issueCell(issue);
    b.set(r, 0, k + 1, "center");
    b.set(r, 1, SEVERITY_TEXT[issue.severity], issue.severity);
    b.set(r, 2, sheet ?? "", "cell");
    b.set(r, 3, at?.address ?? "", "cell");
    b.set(r, 4, issue.message, "cell");
    b.set(r, 5, issue.rule, "cell");
    b.fit(r, 4, 4, issue.message, "cell");
    b.fit(r, 2, 2, sheet ?? "", "cell");
    r++;
  });
  return {
    notes,
    listed,
    sheet: {
      name: feedbackSheetName(sheetNames),
      visibility: "visible",
      cells: b.list(),
      styles: FEEDBACK_STYLES,
      merges: b.merges,
      columnWidths: WIDTHS,
      rowHeights: b.rowHeights,
      dataValidations: [],
      conditionalFormats: [],
      pageSetup: {
        paper: "A4",
        orientation: "landscape",
        fitToWidth: 1,
        fitToHeight: 0,
        margins: { left: 0.6, right: 0.5, top: 0.6, bottom: 0.6, header: 0.3, footer: 0.3 },
        printTitleRows: `${headerRow + 1}:${headerRow + 1}`,
        horizontalCentered: true,
        footer: "Trang &P / &N",
      },
      inputRanges: [],
    },
  };
}

/**
 * What a file name made from a unit's may not hold: control characters (C0, DEL, C1), the characters
 * Windows refuses, and the bidirectional overrides, isolates and marks and the line separators, which
 * make a name read otherwise than it is ("a\u202Exslx.exe" shows as "aexe.xlsx").
 */
// eslint-disable-next-line no-control-regex -- control characters are exactly what is looked for
const UNSAFE_NAME = /[\u0000-\u001f\u007f-\u009f\u061c\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069<>:"/\\|?*]+/g;

/** The most UTF-8 bytes of a feedback file's stem: with " - góp ý (999).xlsx" after it, within the 255 bytes a name may have. */
const STEM_BYTES = 200;

/** The start of `text` in at most `chars` UTF-16 units and `bytes` UTF-8 bytes, never cut inside a character. */
function nameStart(text: string, chars: number, bytes: number): string {
  let end = 0;
  let used = 0;
  for (const ch of text) {
    const cp = ch.codePointAt(0)!;
    const size = cp < 0x80 ? 1 : cp < 0x800 ? 2 : cp < 0x10000 ? 3 : 4;
    if (end + ch.length > chars || used + size > bytes) break;
    end += ch.length;
    used += size;
  }
  return text.slice(0, end);
}

/** The stem the unit recognises: its file's name without the extension. */
export function fileStem(file: string): string {
  const base = file.replace(/^.*[\\/]/, "");
  const dot = base.lastIndexOf(".");
  return dot > 0 ? base.slice(0, dot) : base;
}

/** "<stem> - góp ý.xlsx" (".xlsm" for a workbook with macros), safe as a file name. */
export function feedbackFileName(file: string, extension: "xlsx" | "xlsm" = "xlsx"): string {
  const stem = fileStem(file).replace(UNSAFE_NAME, " ").replace(/\s+/g, " ").trim().replace(/[. ]+$/, "") || "Tệp";
  return `${nameStart(stem, 150, STEM_BYTES).trimEnd()} - góp ý.${extension}`;
}

/** The name of the .zip of many units' feedback files, made on `date` (YYYY-MM-DD). */
export function feedbackZipFileName(date: string): string {
  return `Góp ý các đơn vị ${date}.zip`;
}

/** Names unique within a list (case-insensitive): "… - góp ý.xlsx", then "… - góp ý (2).xlsx". */
export function uniqueNames(names: readonly string[]): string[] {
  const used = new Set<string>();
  return names.map((name) => {
    const dot = name.lastIndexOf(".");
    const stem = dot > 0 ? name.slice(0, dot) : name;
    const ext = dot > 0 ? name.slice(dot) : "";
    let out = name;
    for (let n = 2; used.has(out.toLowerCase()); n++) out = `${stem} (${n})${ext}`;
    used.add(out.toLowerCase());
    return out;
  });
}
