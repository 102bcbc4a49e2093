/**
 * The outline of the report verbatim, every heading and item in order, with
 * the figures under the items that ask for them and a placeholder wherever
 * the text must come from the staff.
 */
import type { OutlineNode } from "../catalogue/outline";
import type { Summary } from "../merge";
import { foldText } from "../text";
import { documentCountText, figureText, lateText, missingText, rejectedValuesText, reportingText, targetsMetText, targetsShortText, targetsUsedText } from "./figures";
import { FIGURES_LABEL, PLACEHOLDER, type DraftParagraph, type DraftRun, type ParagraphRole } from "./model";

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
/** The item on shortcomings (III.2, Hạn chế, yếu kém): units that did not report, targets not met or not judged. */
const SHORTCOMINGS_ITEM = "Hạn chế, yếu kém";

export function para(role: ParagraphRole, runs: readonly DraftRun[], align: DraftParagraph["align"] = "justify"): DraftParagraph {
  return { kind: "paragraph", role, align, runs };
}

function figuresParagraph(text: string): DraftParagraph {
  return para("figures", [{ text: `${FIGURES_LABEL} `, bold: true }, { text }]);
}

function placeholderParagraph(): DraftParagraph {
  return para("placeholder", [{ text: PLACEHOLDER, italic: true }]);
}

/**
 * The printed prefix of a node, as the letter's outline prints it: "I- ", "1- " (a numeral of its
 * own), "1.1. " (a numbered sub-item), "- ", "+ ", or nothing.
 */
export function outlinePrefix(number: string): string {
  if (number === "") return "";
  if (number === "-" || number === "+") return `${number} `;
  if (/^(?:\d+|[IVXL]+)$/.test(number)) return `${number}- `;
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
    const expected = summary.expected.length > 0 ? summary.expected.length : undefined;
    out.push(figuresParagraph(rule.figures.map((f) => `${f.label} ${figureText(byId.get(f.indicator), expected)}`).join("; ") + "."));
  }
  if (startsWithFolded(node.text, DOCUMENT_COUNT_ITEM)) out.push(figuresParagraph(documentCountText(summary.documents)));
  if (startsWithFolded(node.text, OVERVIEW_ITEM)) {
    out.push(figuresParagraph(reportingText(summary)));
    out.push(figuresParagraph(targetsMetText(summary)));
    const targets = targetsUsedText(summary);
    if (targets !== null) out.push(figuresParagraph(targets));
  }
  if (startsWithFolded(node.text, SHORTCOMINGS_ITEM)) {
    for (const text of [missingText(summary), lateText(summary), rejectedValuesText(summary), targetsShortText(summary)]) if (text !== null) out.push(figuresParagraph(text));
  }
  // Leaves always leave room for the text the figures cannot give.
  if (!node.children) out.push(placeholderParagraph());
  return out;
}

export function outlineBlocks(nodes: readonly OutlineNode[], summary: Summary, depth: number): DraftParagraph[] {
  const out: DraftParagraph[] = [];
  for (const node of nodes) {
    out.push(nodeParagraph(node, depth));
    out.push(...nodeContent(node, summary));
    if (node.children) out.push(...outlineBlocks(node.children, summary, depth + 1));
  }
  return out;
}
