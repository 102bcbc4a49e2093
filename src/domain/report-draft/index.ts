/**
 * A draft of the district's report, following the outline attached to
 * Công văn 232-CV/HU: every heading and item verbatim and in order, the
 * figures the merged summary can answer placed under the items that ask for
 * them, and a marked placeholder wherever the text must come from the staff.
 * Pure data; src/io/docx renders it.
 */
import { CATALOGUE_ROWS, DOCUMENTS_TABLE, INDICATORS_TABLE, indicatorById, PROGRAMME, targetLabel } from "../catalogue";
import { REPORT_OUTLINE, type OutlineNode } from "../catalogue/outline";
import { dateLine, upperVi } from "../sheets/unit";
import type { IndicatorSummary, MergedDocument, Summary } from "../merge";
import { foldText } from "../text";
import { parseDocumentCode } from "../values/code";

export const PLACEHOLDER = "[Nội dung do Ban Tuyên giáo bổ sung]";
export const FIGURES_LABEL = "Số liệu:";
export const NOT_ENOUGH_DATA = "chưa đủ số liệu";
export const DRAFT_TITLE = "BÁO CÁO";
export const DRAFT_SUBTITLE = `Tổng kết thực hiện Đề án "${PROGRAMME.name}"`;

export interface DraftRun {
  readonly text: string;
  readonly bold?: boolean;
  readonly italic?: boolean;
  readonly underline?: boolean;
}

export type ParagraphRole = "title" | "subtitle" | "heading" | "item" | "figures" | "placeholder" | "body";

export interface DraftParagraph {
  readonly kind: "paragraph";
  readonly role: ParagraphRole;
  readonly align: "left" | "center" | "justify";
  readonly runs: readonly DraftRun[];
  /** For an outline node: its number as printed and its verbatim text. */
  readonly outline?: { readonly number: string; readonly text: string; readonly depth: number };
}

export interface DraftHeader {
  readonly kind: "header";
  /** Centred lines of the left column (superior, unit, "*"). */
  readonly left: readonly (readonly DraftRun[])[];
  /** Centred lines of the right column (party name, place and date). */
  readonly right: readonly (readonly DraftRun[])[];
}

export interface DraftTableRow {
  readonly cells: readonly string[];
  /** A group row ("Mục tiêu 01"), written in bold. */
  readonly group?: boolean;
}

export interface DraftTable {
  readonly kind: "table";
  readonly columns: readonly string[];
  /** Relative column widths (any unit; the renderer scales them). */
  readonly widths: readonly number[];
  /** Columns of running text, written left-aligned; the others are centred. */
  readonly textColumns: readonly number[];
  readonly rows: readonly DraftTableRow[];
}

export interface DraftPageBreak {
  readonly kind: "pageBreak";
}

export type DraftBlock = DraftHeader | DraftParagraph | DraftTable | DraftPageBreak;

export interface DraftDocument {
  readonly blocks: readonly DraftBlock[];
}

export interface DraftOptions {
  /** The issuing body, e.g. "HUYỆN ỦY TAM ĐƯỜNG" (written in capitals). */
  readonly unitName: string;
  /** The body above it, e.g. "ĐẢNG BỘ TỈNH LAI CHÂU". */
  readonly superior: string;
  readonly place: string;
  /** ISO date YYYY-MM-DD; dotted blanks when absent or malformed. */
  readonly date?: string;
}

/** Vietnamese number: "." between thousands, "," before decimals. */
export function formatNumber(value: number, decimals = 0): string {
  const fixed = Math.abs(value).toFixed(decimals);
  const [int, frac] = fixed.split(".");
  const grouped = int!.replace(/\B(?=(\d{3})+(?!\d))/g, ".");
  return `${value < 0 ? "-" : ""}${grouped}${frac !== undefined ? `,${frac}` : ""}`;
}

function verdict(met: boolean | null): string {
  if (met === true) return "Đạt";
  if (met === false) return "Chưa đạt";
  return "chưa đánh giá được";
}

/** "đạt 95,00% (950/1.000 Hộ; mục tiêu 100%: Chưa đạt)", or "chưa đủ số liệu". */
export function figureText(summary: IndicatorSummary | undefined): string {
  if (!summary || summary.ratio === null || summary.total === null || summary.achieved === null) return NOT_ENOUGH_DATA;
  const dvt = indicatorById(summary.id)?.dvt ?? "";
  return (
    `đạt ${formatNumber(summary.ratio, 2)}% (${formatNumber(summary.achieved)}/${formatNumber(summary.total)}${dvt !== "" ? ` ${dvt}` : ""}; ` +
    `mục tiêu ${targetLabel(summary.target)}: ${verdict(summary.met)})`
  );
}

interface FigureRule {
  /** The item is found by the start of its verbatim text (diacritic- and case-insensitive). */
  readonly startsWith: string;
  readonly figures: ReadonlyArray<{ readonly label: string; readonly indicator: string }>;
}

/** Which outline items ask for a figure the indicators answer. */
export const FIGURE_RULES: readonly FigureRule[] = [
  {
    startsWith: "Nâng cao chất lượng, hiệu quả tuyên truyền của các cơ quan báo chí",
    figures: [
      { label: "Tỷ lệ hộ dân được nghe Đài Tiếng nói Việt Nam và xem Truyền hình Việt Nam", indicator: "3.1" },
      { label: "tỷ lệ hộ dân được nghe và xem chương trình của Đài Phát thanh - Truyền hình tỉnh", indicator: "3.2" },
    ],
  },
  {
    startsWith: "Đánh giá về hiệu quả của hệ thống bảo tàng, thư viện",
    figures: [
      { label: "Tỷ lệ hộ gia đình đạt tiêu chuẩn văn hóa", indicator: "4.1" },
      { label: "thôn, bản, tổ dân phố đạt tiêu chuẩn văn hóa", indicator: "4.2" },
      { label: "cơ quan, đơn vị, trường học đạt tiêu chuẩn văn hóa", indicator: "4.3" },
      { label: "xã, phường, thị trấn có nhà văn hóa", indicator: "4.4" },
      { label: "thôn, bản, tổ dân phố có nhà văn hóa", indicator: "4.5" },
      { label: "thôn, bản có đội văn nghệ hoạt động trong năm", indicator: "4.6" },
    ],
  },
  {
    startsWith: "Công tác nghiên cứu, biên soạn lịch sử đảng bộ địa phương",
    figures: [{ label: "Số đảng bộ xã, thị trấn biên soạn và phát hành lịch sử đảng bộ", indicator: "5" }],
  },
  {
    startsWith: "Đánh giá việc nâng cao chất lượng tổ chức học tập nghị quyết",
    figures: [
      { label: "Tỷ lệ cán bộ, đảng viên được học tập, quán triệt nghị quyết của Đảng", indicator: "1.2" },
      { label: "tỷ lệ quần chúng nhân dân được tuyên truyền, quán triệt các chủ trương, chính sách, pháp luật của Đảng và Nhà nước", indicator: "1.3" },
    ],
  },
  {
    startsWith: "Tổ chức các lớp bồi dưỡng, cập nhật kiến thức cho cán bộ lãnh đạo, quản lý các cấp theo Quy định số 164",
    figures: [{ label: "Số cán bộ lãnh đạo, quản lý các cấp được bồi dưỡng, cập nhật kiến thức theo quy định", indicator: "1.1" }],
  },
  {
    startsWith: "Số phóng viên, biên tập viên các cơ quan báo chí của tỉnh",
    figures: [
      { label: "Trình độ chuyên môn (đại học trở lên)", indicator: "6.1" },
      { label: "trình độ lý luận chính trị: trung cấp trở lên", indicator: "6.2.1" },
      { label: "cao cấp", indicator: "6.2.2" },
    ],
  },
  {
    startsWith: "Xây dựng, củng cố hệ thống thiết chế văn hóa cơ sở",
    figures: [{ label: "Số xã, thị trấn có trạm truyền thanh cơ sở và cụm loa truyền thanh hoạt động ổn định", indicator: "2" }],
  },
];

/** The outline item asking for "số lượng, loại văn bản đã ban hành" (II.1, 1.2). */
const DOCUMENT_COUNT_ITEM = "Việc cụ thể hóa, ban hành văn bản lãnh đạo, chỉ đạo thực hiện Đề án";
/** The item that sums up the results (III.1, Ưu điểm), where reporting and targets met are counted. */
const OVERVIEW_ITEM = "Ưu điểm (khái quát kết quả";

const TYPE_NAMES: Readonly<Record<string, string>> = {
  NQ: "nghị quyết",
  NQLT: "nghị quyết liên tịch",
  CT: "chỉ thị",
  KL: "kết luận",
  QĐ: "quyết định",
  QĐi: "quy định",
  QC: "quy chế",
  HD: "hướng dẫn",
  KH: "kế hoạch",
  CTr: "chương trình",
  BC: "báo cáo",
  TB: "thông báo",
  TTr: "tờ trình",
  TrI: "tờ trình",
  CV: "công văn",
  ĐA: "đề án",
  PA: "phương án",
  TT: "thông tư",
  TTLT: "thông tư liên tịch",
  NĐ: "nghị định",
  L: "luật",
  CĐ: "công điện",
  GM: "giấy mời",
  BB: "biên bản",
  TC: "thông cáo",
};

export interface DocumentTypeCount {
  /** Canonical abbreviation ("KH"), or null for documents whose type could not be read. */
  readonly type: string | null;
  readonly name: string;
  readonly count: number;
}

/** Documents counted by the type in their code, most frequent first; unreadable codes last. */
export function countDocumentTypes(documents: readonly MergedDocument[]): DocumentTypeCount[] {
  const counts = new Map<string, number>();
  let unknown = 0;
  for (const d of documents) {
    const parsed = parseDocumentCode(d.code ?? "");
    if (parsed.kind === "code") counts.set(parsed.code.type, (counts.get(parsed.code.type) ?? 0) + 1);
    else unknown += 1;
  }
  const known = [...counts.entries()]
    .map(([type, count]) => ({ type, name: TYPE_NAMES[type] ?? "văn bản", count }))
    .sort((a, b) => b.count - a.count || a.name.localeCompare(b.name, "vi") || a.type.localeCompare(b.type));
  return unknown > 0 ? [...known, { type: null, name: "văn bản chưa xác định được loại", count: unknown }] : known;
}

/** "Tổng số 5 văn bản: 3 kế hoạch (KH), 2 nghị quyết (NQ)." */
export function documentCountText(documents: readonly MergedDocument[]): string {
  if (documents.length === 0) return `Văn bản lãnh đạo, chỉ đạo: ${NOT_ENOUGH_DATA}.`;
  const parts = countDocumentTypes(documents).map((c) => (c.type !== null ? `${c.count} ${c.name} (${c.type})` : `${c.count} ${c.name}`));
  return `Tổng số ${documents.length} văn bản: ${parts.join(", ")}.`;
}

function reportingText(summary: Summary): string {
  const expected = summary.expected.length;
  const received = summary.received.length;
  const rate = summary.rate !== null ? ` (${formatNumber(summary.rate, 2)}%)` : "";
  const head = `Đã nhận báo cáo của ${received}/${expected} đơn vị${rate}`;
  return summary.missing.length > 0 ? `${head}; chưa nhận báo cáo của: ${summary.missing.join(", ")}.` : `${head}.`;
}

function targetsMetText(summary: Summary): string {
  const judged = summary.indicators.filter((i) => i.met !== null);
  const met = judged.filter((i) => i.met === true);
  const unmet = judged.filter((i) => i.met === false).map((i) => i.id);
  const noData = summary.indicators.filter((i) => i.met === null).map((i) => i.id);
  return (
    `Có ${met.length}/${summary.indicators.length} chỉ tiêu đạt mục tiêu` +
    (unmet.length > 0 ? `; chưa đạt: ${unmet.join(", ")}` : "") +
    (noData.length > 0 ? `; ${NOT_ENOUGH_DATA}: ${noData.join(", ")}` : "") +
    "."
  );
}

function para(role: ParagraphRole, runs: readonly DraftRun[], align: DraftParagraph["align"] = "justify"): DraftParagraph {
  return { kind: "paragraph", role, align, runs };
}

function figuresParagraph(text: string): DraftParagraph {
  return para("figures", [{ text: `${FIGURES_LABEL} `, bold: true }, { text }]);
}

function placeholderParagraph(): DraftParagraph {
  return para("placeholder", [{ text: PLACEHOLDER, italic: true }]);
}

/** The printed prefix of a node: "I. ", "1. ", "1.1. ", "- ", "+ ", or nothing. */
export function outlinePrefix(number: string): string {
  if (number === "") return "";
  if (number === "-" || number === "+") return `${number} `;
  return `${number}. `;
}

function nodeParagraph(node: OutlineNode, depth: number): DraftParagraph {
  const isHeading = node.children !== undefined && node.number !== "-" && node.number !== "+";
  const bold = depth <= 1 || (isHeading && depth <= 2) || /^\d+\.\d+$/.test(node.number);
  const text = `${outlinePrefix(node.number)}${node.text}`;
  return {
    kind: "paragraph",
    role: isHeading || depth <= 1 ? "heading" : "item",
    align: "justify",
    runs: [{ text, bold }],
    outline: { number: node.number, text: node.text, depth },
  };
}

function startsWithFolded(text: string, prefix: string): boolean {
  return foldText(text).startsWith(foldText(prefix));
}

function nodeContent(node: OutlineNode, summary: Summary): DraftParagraph[] {
  const out: DraftParagraph[] = [];
  const byId = new Map(summary.indicators.map((i) => [i.id, i]));
  const rule = FIGURE_RULES.find((r) => startsWithFolded(node.text, r.startsWith));
  if (rule) {
    out.push(figuresParagraph(rule.figures.map((f) => `${f.label} ${figureText(byId.get(f.indicator))}`).join("; ") + "."));
  }
  if (startsWithFolded(node.text, DOCUMENT_COUNT_ITEM)) out.push(figuresParagraph(documentCountText(summary.documents)));
  if (startsWithFolded(node.text, OVERVIEW_ITEM)) {
    out.push(figuresParagraph(reportingText(summary)));
    out.push(figuresParagraph(targetsMetText(summary)));
  }
  // Leaves always leave room for the text the figures cannot give.
  if (!node.children) out.push(placeholderParagraph());
  return out;
}

function outlineBlocks(nodes: readonly OutlineNode[], summary: Summary, depth: number): DraftParagraph[] {
  const out: DraftParagraph[] = [];
  for (const node of nodes) {
    out.push(nodeParagraph(node, depth));
    out.push(...nodeContent(node, summary));
    if (node.children) out.push(...outlineBlocks(node.children, summary, depth + 1));
  }
  return out;
}

function ratioCell(ratio: number | null): string {
  return ratio === null ? "" : formatNumber(ratio, 2);
}

function countCell(value: number | null): string {
  return value === null ? "" : formatNumber(value);
}

function indicatorsTable(summary: Summary): DraftTable {
  const byId = new Map(summary.indicators.map((i) => [i.id, i]));
  const rows: DraftTableRow[] = CATALOGUE_ROWS.map((row) => {
    if (row.kind === "group") return { cells: [row.group.stt, row.group.label, "", "", "", "", ""], group: true };
    const s = byId.get(row.indicator.id);
    const judged = s && s.ratio !== null ? verdict(s.met) : NOT_ENOUGH_DATA;
    return {
      cells: [
        row.indicator.stt,
        row.indicator.text,
        row.indicator.dvt,
        countCell(s?.total ?? null),
        countCell(s?.achieved ?? null),
        ratioCell(s?.ratio ?? null),
        judged,
      ],
    };
  });
  return {
    kind: "table",
    columns: [...INDICATORS_TABLE.columns.map((c) => c.header), "Đánh giá"],
    widths: [6, 40, 10, 10, 11, 10, 13],
    textColumns: [1],
    rows,
  };
}

function displayDate(iso: string | null): string {
  if (iso === null) return "";
  const m = /^(\d{4})-(\d{2})-(\d{2})/.exec(iso);
  return m ? `${m[3]}/${m[2]}/${m[1]}` : iso;
}

function documentsTable(summary: Summary): DraftTable {
  return {
    kind: "table",
    columns: DOCUMENTS_TABLE.columns.map((c) => c.header),
    widths: [6, 18, 14, 42, 20],
    textColumns: [1, 3, 4],
    rows: summary.documents.map((d, k) => ({
      cells: [String(k + 1), d.code ?? "", displayDate(d.date), d.summary ?? "", d.issuer ?? ""],
    })),
  };
}

/** Builds the draft. Pure: the same summary and options give the same draft. */
export function buildReportDraft(summary: Summary, opts: DraftOptions): DraftDocument {
  const header: DraftHeader = {
    kind: "header",
    left: [[{ text: upperVi(opts.superior) }], [{ text: upperVi(opts.unitName), bold: true }], [{ text: "*" }]],
    right: [[{ text: "ĐẢNG CỘNG SẢN VIỆT NAM", bold: true, underline: true }], [{ text: dateLine(opts.place, opts.date), italic: true }]],
  };
  const blocks: DraftBlock[] = [
    header,
    para("title", [{ text: DRAFT_TITLE, bold: true }], "center"),
    para("subtitle", [{ text: DRAFT_SUBTITLE, bold: true }], "center"),
    ...outlineBlocks(REPORT_OUTLINE.sections, summary, 0),
    { kind: "pageBreak" },
    para("title", [{ text: "PHỤ LỤC", bold: true }], "center"),
    para("subtitle", [{ text: INDICATORS_TABLE.title, bold: true }], "center"),
    indicatorsTable(summary),
    para("body", [{ text: "" }]),
    para("subtitle", [{ text: DOCUMENTS_TABLE.title, bold: true }], "center"),
    documentsTable(summary),
  ];
  if (summary.documents.length === 0) blocks.push(para("body", [{ text: `Văn bản: ${NOT_ENOUGH_DATA}.`, italic: true }]));
  return { blocks };
}
