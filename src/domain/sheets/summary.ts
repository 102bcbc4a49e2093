/**
 * The district summary as sheet layouts, for every renderer: "Tổng hợp chỉ
 * tiêu" (the official columns, then target, result and how many units
 * reported), "Chi tiết đơn vị", "Tổng hợp văn bản", "Tình hình nộp báo cáo",
 * "Các tệp đã nhận" (its own sheet, so that a printed page of files carries
 * the files' heading row, not the units') and "Số liệu bị loại". Every text that came from a unit's file is written
 * as text (number format "@"), never as a formula; the district's totals and
 * ratios are formulas that carry the merge's figures (summary-formulas.ts).
 */
import { sourceLabel } from "../merge/origin";
import { CATALOGUE_ROWS, DOCUMENTS_TABLE, INDICATORS, INDICATORS_TABLE, indicatorById } from "../catalogue";
import { documentDateText, formatPercent, rejectedPlace, targetLabel, verdictLabel, vnDate } from "../format";
import { identityRows, TEMPLATE_ID, TEMPLATE_VERSION, type UnitLevel, type WorkbookIdentity } from "../model/identity";
import { SheetBuilder } from "./builder";
import { dateLine, upperVi } from "./header";
import { buildIdentitySheet } from "./identity";
import { lockedStyle, SHEET_STYLES, SHORT_FILL } from "./styles";
import { districtFormulas, PER_UNIT_ACHIEVED, PER_UNIT_TOTAL, ratioFormula, type PerUnitGeometry } from "./summary-formulas";
import type { CellStyle, PageSetup, SheetLayout, WorkbookLayout } from "../model/layout";
import { targetsNote } from "../targets";
import { indicatorVerdict, versionText, type FileResult, type Summary } from "../merge/index";

export const SUMMARY_SHEETS = {
  indicators: "Tổng hợp chỉ tiêu",
  perUnit: "Chi tiết đơn vị",
  documents: "Tổng hợp văn bản",
  status: "Tình hình nộp báo cáo",
  files: "Các tệp đã nhận",
  rejected: "Số liệu bị loại",
} as const;

export const SUMMARY_EXTRA_HEADERS = ["Mục tiêu", "Đánh giá", "Số đơn vị báo cáo"] as const;

export interface SummaryLayoutOptions {
  /** The body that makes the summary ("HUYỆN ỦY TAM ĐƯỜNG"). */
  readonly unitName: string;
  readonly superior: string;
  readonly place: string;
  readonly level: UnitLevel;
  /** ISO date of the summary. */
  readonly date: string;
}

const base = SHEET_STYLES.cellText!;
const STYLES: Readonly<Record<string, CellStyle>> = {
  ...SHEET_STYLES,
  // Summaries are not filled in by hand: everything locked, file-derived text as text.
  textCell: { ...base, numberFormat: "@", locked: true },
  textCenter: { ...SHEET_STYLES.cellCenter!, numberFormat: "@", locked: true },
  number: { ...SHEET_STYLES.cellCenter!, numberFormat: "#,##0", locked: true },
  percent: { ...SHEET_STYLES.cellCenter!, numberFormat: "0.00", locked: true },
  percentShort: { ...SHEET_STYLES.cellCenter!, numberFormat: "0.00", fill: SHORT_FILL, locked: true },
  dateCell: { ...SHEET_STYLES.cellCenter!, numberFormat: "@", locked: true },
  short: { ...SHEET_STYLES.cellCenter!, fill: SHORT_FILL, locked: true },
  met: { ...SHEET_STYLES.cellCenter!, font: { ...SHEET_STYLES.cellCenter!.font, bold: true }, locked: true },
  lineLeft: { font: SHEET_STYLES.plain!.font, horizontal: "left", vertical: "middle", locked: true, numberFormat: "@" },
  dateLineLocked: lockedStyle(SHEET_STYLES.dateLine!),
  // The subtitle line: not a place to type in a summary.
  attach: lockedStyle(SHEET_STYLES.attach!),
};

const PAGE: PageSetup = {
  paper: "A4",
  orientation: "landscape",
  fitToWidth: 1,
  fitToHeight: 0,
  margins: { left: 0.6, right: 0.5, top: 0.6, bottom: 0.6, header: 0.3, footer: 0.3 },
  horizontalCentered: true,
  footer: "Trang &P / &N",
};

interface Frame {
  readonly b: SheetBuilder;
  readonly last: number;
}

/** Header block and title, like the official sheets; returns the next row. */
function heading(f: Frame, opts: SummaryLayoutOptions, title: string, subtitle: string): number {
  const { b, last } = f;
  const leftEnd = Math.max(1, Math.floor(last / 2) - 1);
  b.block(0, 0, 0, leftEnd, opts.superior, "headLeft");
  b.block(1, 0, 1, leftEnd, upperVi(opts.unitName), "headUnit");
  b.block(2, 0, 2, leftEnd, "*", "headLeft");
  b.block(0, leftEnd + 1, 0, last, "ĐẢNG CỘNG SẢN VIỆT NAM", "headRightUnderline");
  b.block(1, leftEnd + 1, 1, last, null, "plain");
  b.block(2, leftEnd + 1, 2, last, dateLine(opts.place, opts.date), "dateLineLocked");
  b.block(4, 0, 4, last, title, "title");
  b.fit(4, 0, last, title, "title");
  b.block(5, 0, 5, last, subtitle, "attach");
  return 7;
}

function sheet(name: string, b: SheetBuilder, widths: number[], printTitleRows: string): SheetLayout {
  return {
    name,
    visibility: "visible",
    cells: b.list(),
    styles: STYLES,
    merges: b.merges,
    columnWidths: widths,
    rowHeights: b.rowHeights,
    dataValidations: [],
    conditionalFormats: [],
    pageSetup: { ...PAGE, printTitleRows },
    inputRanges: [],
  };
}

function indicatorsSheet(summary: Summary, opts: SummaryLayoutOptions, perUnit: PerUnitGeometry): SheetLayout {
  const widths = [7, 58, 13, 12, 14, 11, 12, 15, 12];
  const b = new SheetBuilder(STYLES, widths);
  const last = widths.length - 1;
  const received = summary.received.length;
  const expected = summary.expected.length;
  const subtitle = `(Tổng hợp ngày ${vnDate(opts.date)} từ báo cáo của ${received}/${expected} đơn vị)`;
  let r = heading({ b, last }, opts, INDICATORS_TABLE.title, subtitle);
  const headerRow = r;
  [...INDICATORS_TABLE.columns.map((c) => c.header), ...SUMMARY_EXTRA_HEADERS].forEach((h, c) => {
    b.set(r, c, h, "th");
    b.fit(r, c, c, h, "th");
  });
  r++;
  const byId = new Map(summary.indicators.map((i) => [i.id, i]));
  for (const row of CATALOGUE_ROWS) {
    if (row.kind === "group") {
      const top = row.group.parent === undefined;
      b.set(r, 0, row.group.stt, top ? "groupStt" : "cellCenter");
      b.set(r, 1, row.group.label, top ? "groupText" : "cellText");
      for (let c = 2; c <= last; c++) b.set(r, c, null, "cellCenter");
    } else {
      const i = row.indicator;
      const s = byId.get(i.id)!;
      b.set(r, 0, i.stt, "cellCenter");
      b.set(r, 1, i.text, "cellText");
      b.fit(r, 1, 1, i.text, "cellText");
      b.set(r, 2, i.dvt, "cellCenter");
      // Totals summed over "Chi tiết đơn vị" and the ratio from them: formulas carrying the merge's figures.
      const sums = districtFormulas(s, perUnit);
      b.set(r, 3, sums.total?.value ?? s.total, "number", sums.total?.formula);
      b.set(r, 4, sums.achieved?.value ?? s.achieved, "number", sums.achieved?.formula);
      b.set(r, 5, s.ratio ?? "", s.met === false ? "percentShort" : "percent", ratioFormula(r, 3, 4));
      const aggregation = s.aggregation.kind === "unit" ? ` (số liệu của ${s.aggregation.unit})` : "";
      b.set(r, 6, targetLabel(s.target), "textCenter");
      const verdict = indicatorVerdict(s);
      b.set(r, 7, verdictLabel(verdict), verdict === false || verdict === "rejected" ? "short" : "met");
      b.set(r, 8, s.reportedBy, "number");
      if (aggregation !== "") b.set(r, 1, `${i.text}${aggregation}`, "cellText");
    }
    r++;
  }
  r++;
  const notes = [
    `Ghi chú: Tổng số và Số đã đạt tiêu chuẩn là tổng của các đơn vị có đủ hai số liệu hợp lệ (công thức cộng từ trang "${SUMMARY_SHEETS.perUnit}"); Tỷ lệ (%) tính từ các tổng đó. Sửa số liệu thì bảng tự tính lại; cột "Đánh giá" không tự đổi.`,
    `Số liệu sai quy tắc không được cộng; xem trang "${SUMMARY_SHEETS.rejected}".`,
    targetsNote(summary.targetsSource),
    // Where the figures of an indicator judged "Số liệu có lỗi" are, so the unit can be asked to correct them.
    ...summary.indicators
      .filter((i) => indicatorVerdict(i) === "rejected")
      .map((i) => `Chỉ tiêu ${i.id} – ${verdictLabel("rejected")}: ${i.rejected!.map((v) => `${v.unit} (${rejectedPlace(v)})`).join("; ")}.`),
  ];
  r = writeNotes(b, r, last, notes);
  return sheet(SUMMARY_SHEETS.indicators, b, widths, `${headerRow + 1}:${headerRow + 1}`);
}

/** Notes under a table, one a row, each across columns 0 to `last`; returns the row after them. */
function writeNotes(b: SheetBuilder, first: number, last: number, notes: readonly string[]): number {
  let r = first;
  for (const note of notes) {
    b.block(r, 0, r, last, note, "note");
    b.fit(r, 0, last, note, "note");
    r++;
  }
  return r;
}

/** Where the per-unit table starts: its two header rows, then the indicators in catalogue order. */
const PER_UNIT_TOP = 7;
const PER_UNIT_WIDTHS = { indicator: 9, text: 46, figure: 10 } as const;
/** "Chi tiết đơn vị" is printed at this scale (13 pt text prints at about 9.75 pt), on as many pages as it takes. */
export const PER_UNIT_PRINT_SCALE = 75;

/** Where "Chi tiết đơn vị" puts each unit's figures, for the formulas of "Tổng hợp chỉ tiêu". */
export function perUnitGeometry(summary: Summary): PerUnitGeometry {
  return {
    sheet: SUMMARY_SHEETS.perUnit,
    subHeaderRow: PER_UNIT_TOP + 1,
    rows: new Map(INDICATORS.map((indicator, k) => [indicator.id, PER_UNIT_TOP + 2 + k])),
    firstColumn: 2,
    units: summary.perUnit,
  };
}

/**
 * Printed width in points of a column `chars` wide: Excel's 7 px a character and 5 px padding at
 * 96 dpi, and a fifth more, as LibreOffice measures columns of a workbook in Times New Roman.
 */
function columnPoints(chars: number): number {
  return (chars * 7 + 5) * 0.75 * 1.2;
}

/**
 * How many units' column pairs a printed page of "Chi tiết đơn vị" holds beside the repeated
 * indicator columns, at PER_UNIT_PRINT_SCALE on landscape A4, with a tenth of the room to spare
 * (the widest measure of the columns, as LibreOffice's, and room left over): no program
 * then puts a page break inside a unit's two columns.
 */
export function perUnitUnitsPerPage(): number {
  const m = PAGE.margins;
  const printable = (11.69 - m.left - m.right) * 72;
  const room = printable / (PER_UNIT_PRINT_SCALE / 100) - columnPoints(PER_UNIT_WIDTHS.indicator) - columnPoints(PER_UNIT_WIDTHS.text);
  return Math.max(1, Math.floor((0.9 * room) / (2 * columnPoints(PER_UNIT_WIDTHS.figure))));
}

/**
 * "Chi tiết đơn vị": units across (two columns each), indicators down. Printed in landscape at
 * a readable scale over as many pages as it takes: every page repeats the indicator columns and
 * the units' heading rows, and a page break every perUnitUnitsPerPage() units keeps each unit's
 * two columns and its name on one page. The heading and notes span the first page's columns.
 */
function perUnitSheet(summary: Summary, opts: SummaryLayoutOptions): SheetLayout {
  const units = summary.perUnit;
  const { indicator: wIndicator, text: wText, figure: wFigure } = PER_UNIT_WIDTHS;
  const widths = [wIndicator, wText, ...units.flatMap(() => [wFigure, wFigure])];
  const b = new SheetBuilder(STYLES, widths);
  const perPage = perUnitUnitsPerPage();
  const last = Math.max(3, widths.length - 1);
  // The heading across the first printed page only, so that it prints there whole.
  const pageLast = Math.min(last, 1 + 2 * perPage);
  let r = heading({ b, last: pageLast }, opts, "SỐ LIỆU CHỈ TIÊU THEO TỪNG ĐƠN VỊ", `(${units.length} đơn vị có báo cáo được tổng hợp)`);
  const top = r;
  const geometry = perUnitGeometry(summary);
  b.block(top, 0, top + 1, 0, "Chỉ tiêu", "th");
  b.block(top, 1, top + 1, 1, "Nội dung của chỉ tiêu", "th");
  units.forEach((u, k) => {
    const c = geometry.firstColumn + 2 * k;
    b.block(top, c, top, c + 1, u.unit, "th");
    b.fit(top, c, c + 1, u.unit, "th");
    b.set(top + 1, c, PER_UNIT_TOTAL, "th");
    b.set(top + 1, c + 1, PER_UNIT_ACHIEVED, "th");
  });
  r = top + 2;
  for (const indicator of INDICATORS) {
    b.set(r, 0, indicator.id, "textCenter");
    b.set(r, 1, indicator.text, "cellText");
    b.fit(r, 1, 1, indicator.text, "cellText");
    units.forEach((u, k) => {
      const v = u.values[indicator.id];
      b.set(r, 2 + 2 * k, v?.total ?? null, "number");
      b.set(r, 3 + 2 * k, v?.achieved ?? null, "number");
    });
    r++;
  }
  // One row under the figures: what each unit has not reached, judged by its own targets.
  const unmetLabel = "Chỉ tiêu chưa đạt mục tiêu của đơn vị";
  b.block(r, 0, r, 1, unmetLabel, "textCell");
  units.forEach((u, k) => b.block(r, 2 + 2 * k, r, 3 + 2 * k, u.unmet.length > 0 ? u.unmet.join(", ") : "—", "textCenter"));
  b.fit(r, 2, 3, units.map((u) => u.unmet.join(", ")).sort((a, z) => z.length - a.length)[0] ?? "", "textCenter");
  r += 2;
  const own = units.filter((u) => u.ownTargets.length > 0);
  const notes = [
    `Ghi chú: "${unmetLabel}" theo mục tiêu của chính đơn vị (trang "Mục tiêu" trong tệp của đơn vị; đơn vị không đặt thì theo Đề án 241).`,
    own.length === 0
      ? "Không đơn vị nào đặt mục tiêu khác Đề án 241."
      : `Đơn vị đặt mục tiêu khác Đề án 241: ${own
          .map((u) => `${u.unit} (${u.ownTargets.map((t) => `${t.id}: ${targetLabel(t.target)}`).join(", ")})`)
          .join("; ")}.`,
    `Tổng số và Số đã đạt của toàn huyện ở trang "${SUMMARY_SHEETS.indicators}" được cộng từ các cột của bảng này.`,
  ];
  // The notes span the first page's columns: a row as wide as hundreds of units would make one huge request in Excel.
  r = writeNotes(b, r, pageLast, notes);
  const columnBreaks: number[] = [];
  for (let k = perPage; k < units.length; k += perPage) columnBreaks.push(geometry.firstColumn + 2 * k);
  const layout = sheet(SUMMARY_SHEETS.perUnit, b, widths, `${top + 1}:${top + 2}`);
  return {
    ...layout,
    pageSetup: {
      ...layout.pageSetup!,
      scale: PER_UNIT_PRINT_SCALE,
      printTitleColumns: "A:B",
      ...(columnBreaks.length > 0 ? { columnBreaks } : {}),
    },
  };
}

function documentsSheet(summary: Summary, opts: SummaryLayoutOptions): SheetLayout {
  const widths = [7, 20, 15, 52, 26, 30];
  const b = new SheetBuilder(STYLES, widths);
  const last = widths.length - 1;
  let r = heading({ b, last }, opts, DOCUMENTS_TABLE.title, `(${summary.documents.length} văn bản, xếp theo ngày ban hành)`);
  const headerRow = r;
  [...DOCUMENTS_TABLE.columns.map((c) => c.header), "Đơn vị báo cáo"].forEach((h, c) => {
    b.set(r, c, h, "th");
    b.fit(r, c, c, h, "th");
  });
  r++;
  summary.documents.forEach((d, k) => {
    b.set(r, 0, k + 1, "cellCenter");
    b.set(r, 1, d.code ?? "", "textCenter");
    b.set(r, 2, documentDateText(d), "dateCell");
    b.set(r, 3, d.summary ?? "", "textCell");
    b.set(r, 4, d.issuer ?? "", "textCell");
    b.set(r, 5, d.units.join("; "), "textCell");
    b.fit(r, 3, 3, d.summary ?? "", "textCell");
    b.fit(r, 5, 5, d.units.join("; "), "textCell");
    r++;
  });
  return sheet(SUMMARY_SHEETS.documents, b, widths, `${headerRow + 1}:${headerRow + 1}`);
}

const STATE_LABEL = { received: "Đã nhận", missing: "Chưa nhận", rejected: "Tệp bị loại" } as const;
const FILE_STATUS_LABEL = { merged: "Đã tổng hợp", superseded: "Bị thay thế", rejected: "Bị loại" } as const;

function onTimeLabel(onTime: boolean | null | undefined, state?: string): string {
  if (state !== undefined && state !== "received") return "";
  return onTime === true ? "Đúng hạn" : onTime === false ? "Muộn" : "Không rõ ngày";
}

function statusSheet(summary: Summary, opts: SummaryLayoutOptions): SheetLayout {
  const widths = [7, 34, 13, 13, 30, 13, 8, 10, 30];
  const b = new SheetBuilder(STYLES, widths);
  const last = widths.length - 1;
  const rate = summary.rate === null ? "—" : formatPercent(summary.rate);
  let r = heading(
    { b, last },
    opts,
    "TÌNH HÌNH NỘP BÁO CÁO TỔNG KẾT ĐỀ ÁN 241",
    `(Hạn nộp: ${vnDate(summary.deadline)}; đã nhận ${summary.received.length}/${summary.expected.length} đơn vị, đạt ${rate})`,
  );
  const headerRow = r;
  ["Stt", "Đơn vị", "Tình trạng", "Thời hạn", "Tệp", "Ngày báo cáo", "Số lỗi", "Số cảnh báo", "Ghi chú"].forEach((h, c) => {
    b.set(r, c, h, "th");
    b.fit(r, c, c, h, "th");
  });
  r++;
  summary.units.forEach((u, k) => {
    b.set(r, 0, k + 1, "cellCenter");
    b.set(r, 1, u.unit, "textCell");
    b.set(r, 2, STATE_LABEL[u.state], u.state === "received" ? "textCenter" : "short");
    b.set(r, 3, onTimeLabel(u.onTime, u.state), u.onTime === false ? "short" : "textCenter");
    b.set(r, 4, u.file ?? "", "textCell");
    b.set(r, 5, vnDate(u.date), "dateCell");
    b.set(r, 6, u.state === "missing" ? null : u.errors, "number");
    b.set(r, 7, u.state === "missing" ? null : u.warnings, "number");
    const note = u.otherFiles.length > 0 ? `Tệp khác: ${u.otherFiles.join("; ")}` : "";
    b.set(r, 8, note, "textCell");
    b.fit(r, 4, 4, u.file ?? "", "textCell");
    b.fit(r, 8, 8, note, "textCell");
    r++;
  });
  r++;
  const filesNote = `Thời hạn tính theo ngày nhận do cán bộ nhập, nếu có; không thì theo ngày ghi trên báo cáo. Từng tệp đã nhận (trạng thái, lý do, thời hạn và ngày đã dùng): xem trang "${SUMMARY_SHEETS.files}".`;
  b.block(r, 0, r, last, filesNote, "note");
  b.fit(r, 0, last, filesNote, "note");
  return sheet(SUMMARY_SHEETS.status, b, widths, `${headerRow + 1}:${headerRow + 1}`);
}

/** "Đúng hạn" / "Muộn" and the date that said so: "Muộn (theo ngày nhận do cán bộ nhập: 26/6/2021)". */
export function fileTimelinessLabel(f: Pick<FileResult, "onTime" | "timeliness">): string {
  const t = f.timeliness;
  if (t === undefined || t === null) return onTimeLabel(f.onTime);
  if (t.by === "email") return `${onTimeLabel(f.onTime)} (nộp ngày ${vnDate(t.date)} theo thư điện tử)`;
  const by = t.by === "received" ? "theo ngày nhận do cán bộ nhập" : "theo ngày ghi trên báo cáo";
  return `${onTimeLabel(f.onTime)} (${by}: ${vnDate(t.date)})`;
}

/** Every file given to the merge, on a sheet of its own: printed, each page repeats this table's heading row. */
function filesSheet(summary: Summary, opts: SummaryLayoutOptions): SheetLayout {
  const widths = [6, 30, 24, 12, 36, 11, 20, 7, 9, 22];
  const b = new SheetBuilder(STYLES, widths);
  const last = widths.length - 1;
  let r = heading(
    { b, last },
    opts,
    "CÁC TỆP ĐÃ NHẬN",
    `(Hạn nộp: ${vnDate(summary.deadline)}; ${summary.files.length} tệp; thời hạn theo ngày nhận khi cán bộ đã nhập, ${summary.files.some((f) => f.timeliness?.by === "email") ? "không thì theo ngày của thư điện tử gửi tệp, không thì " : "không thì "}theo ngày ghi trên báo cáo)`,
  );
  const headerRow = r;
  const filesHeader = ["Stt", "Tệp", "Đơn vị", "Trạng thái", "Lý do", "Ngày báo cáo", "Thời hạn", "Số lỗi", "Số cảnh báo", "SHA-256"];
  filesHeader.forEach((h, c) => {
    b.set(r, c, h, "th");
    b.fit(r, c, c, h, "th");
  });
  r++;
  summary.files.forEach((f, k) => {
    const timeliness = fileTimelinessLabel(f);
    // A corrected file says what differs from the version it replaces.
    const reason = [f.reason ?? "", ...(f.changes ?? []).map(versionText)].filter((t) => t !== "").join("\n");
    b.set(r, 0, k + 1, "cellCenter");
    // Where the file came from: "Email «…» từ …, 20/6/2021 › Báo cáo.xlsx", "tệp-nén.zip › thư mục/Báo cáo.xlsx".
    const shown = sourceLabel(f.file, f.origin);
    b.set(r, 1, shown, "textCell");
    b.set(r, 2, f.unit === null ? "(không rõ đơn vị)" : f.onList ? f.unit : `${f.unit} (ngoài danh sách)`, "textCell");
    b.set(r, 3, FILE_STATUS_LABEL[f.status], f.status === "merged" ? "textCenter" : "short");
    b.set(r, 4, reason, "textCell");
    b.set(r, 5, vnDate(f.date), "dateCell");
    b.set(r, 6, timeliness, f.onTime === false ? "short" : "textCell");
    b.set(r, 7, f.errors, "number");
    b.set(r, 8, f.warnings, "number");
    b.set(r, 9, f.sha256, "textCell");
    b.fit(r, 1, 1, shown, "textCell");
    b.fit(r, 2, 2, f.unit ?? "", "textCell");
    b.fit(r, 4, 4, reason, "textCell");
    b.fit(r, 6, 6, timeliness, "textCell");
    b.fit(r, 9, 9, f.sha256, "textCell");
    r++;
  });
  if (summary.files.length === 0) b.block(r, 0, r, last, "Chưa nhận tệp nào.", "note");
  return sheet(SUMMARY_SHEETS.files, b, widths, `${headerRow + 1}:${headerRow + 1}`);
}

function rejectedSheet(summary: Summary, opts: SummaryLayoutOptions): SheetLayout {
  const widths = [7, 30, 28, 16, 8, 9, 60];
  const b = new SheetBuilder(STYLES, widths);
  const last = widths.length - 1;
  let r = heading(
    { b, last },
    opts,
    "SỐ LIỆU KHÔNG ĐƯỢC TỔNG HỢP",
    `(${summary.rejectedValues.length} giá trị sai quy tắc, cần đơn vị kiểm tra lại)`,
  );
  const headerRow = r;
  ["Stt", "Đơn vị", "Tệp", "Trang tính", "Ô", "Chỉ tiêu", "Lý do"].forEach((h, c) => b.set(r, c, h, "th"));
  r++;
  summary.rejectedValues.forEach((v, k) => {
    b.set(r, 0, k + 1, "cellCenter");
    b.set(r, 1, v.unit, "textCell");
    b.set(r, 2, v.file, "textCell");
    b.set(r, 3, v.sheet ?? "", "textCell");
    b.set(r, 4, v.cell ?? "", "textCenter");
    b.set(r, 5, v.indicator !== null ? (indicatorById(v.indicator)?.id ?? v.indicator) : "", "textCenter");
    b.set(r, 6, v.reason, "textCell");
    b.fit(r, 6, 6, v.reason, "textCell");
    b.fit(r, 2, 2, v.file, "textCell");
    r++;
  });
  if (summary.rejectedValues.length === 0) {
    b.block(r, 0, r, last, "Không có giá trị nào bị loại.", "note");
  }
  return sheet(SUMMARY_SHEETS.rejected, b, widths, `${headerRow + 1}:${headerRow + 1}`);
}

/** The whole summary workbook, with its identity (kind "summary"). */
export function buildSummaryWorkbook(summary: Summary, opts: SummaryLayoutOptions): WorkbookLayout {
  const identity: WorkbookIdentity = {
    kind: "summary",
    template: TEMPLATE_ID,
    version: TEMPLATE_VERSION,
    unitName: opts.unitName,
    level: opts.level,
    superior: opts.superior,
    created: opts.date,
  };
  return {
    sheets: [
      indicatorsSheet(summary, opts, perUnitGeometry(summary)),
      perUnitSheet(summary, opts),
      documentsSheet(summary, opts),
      statusSheet(summary, opts),
      filesSheet(summary, opts),
      rejectedSheet(summary, opts),
      buildIdentitySheet(identityRows(identity)),
    ],
    identity,
  };
}

