/**
 * Writes a report draft (src/domain/report-draft) as a Word .docx: Times New
 * Roman 14, A4, margins per the Party's document-format guidance (top and
 * bottom 20 mm, left 30 mm, right 15 mm), the header as a borderless
 * two-column table, the appendix as bordered tables. All text is plain runs.
 */
import {
  AlignmentType,
  BorderStyle,
  Document,
  Packer,
  PageBreak,
  Paragraph,
  Table,
  TableCell,
  TableLayoutType,
  TableRow,
  TextRun,
  UnderlineType,
  WidthType,
  type ITableCellBorders,
} from "docx";
import type { DraftBlock, DraftClosing, DraftDocument, DraftHeader, DraftParagraph, DraftRun, DraftTable } from "../../domain/report-draft";
import { safeText } from "../write/safe-cell";

export const FONT = "Times New Roman";
/** 14 pt in half-points. */
export const FONT_SIZE = 28;
/** A4 in twips. */
export const PAGE = { width: 11906, height: 16838 } as const;

/** Millimetres to twips (1 mm = 1440 / 25.4 twips). */
export function mm(value: number): number {
  return Math.round((value * 1440) / 25.4);
}

export const MARGINS = { top: mm(20), bottom: mm(20), left: mm(30), right: mm(15) } as const;
const TEXT_WIDTH = PAGE.width - MARGINS.left - MARGINS.right;

const ALIGN = { left: AlignmentType.LEFT, center: AlignmentType.CENTER, justify: AlignmentType.JUSTIFIED } as const;

function run(r: DraftRun, size = FONT_SIZE): TextRun {
  return new TextRun({
    // Bidirectional controls and characters XML cannot carry are left out (as in the workbooks).
    text: safeText(r.text),
    font: FONT,
    size,
    ...(r.bold ? { bold: true } : {}),
    ...(r.italic ? { italics: true } : {}),
    ...(r.underline ? { underline: { type: UnderlineType.SINGLE } } : {}),
  });
}

function paragraph(p: DraftParagraph): Paragraph {
  const indent = p.role === "item" || p.role === "figures" || p.role === "placeholder" ? { firstLine: mm(10) } : undefined;
  return new Paragraph({
    alignment: ALIGN[p.align],
    spacing: { before: p.role === "heading" || p.role === "title" ? 120 : 60, after: 60 },
    ...(indent ? { indent } : {}),
    children: p.runs.map((r) => run(r)),
  });
}

const NO_BORDERS: ITableCellBorders = {
  top: { style: BorderStyle.NONE, size: 0, color: "FFFFFF" },
  bottom: { style: BorderStyle.NONE, size: 0, color: "FFFFFF" },
  left: { style: BorderStyle.NONE, size: 0, color: "FFFFFF" },
  right: { style: BorderStyle.NONE, size: 0, color: "FFFFFF" },
};

function headerTable(h: DraftHeader): Table {
  const widths = [Math.round(TEXT_WIDTH * 0.45), TEXT_WIDTH - Math.round(TEXT_WIDTH * 0.45)];
  const column = (lines: DraftHeader["left"], width: number) =>
    new TableCell({
      width: { size: width, type: WidthType.DXA },
      borders: NO_BORDERS,
      children: lines.map((line) => new Paragraph({ alignment: AlignmentType.CENTER, children: line.map((r) => run(r)) })),
    });
  return new Table({
    width: { size: TEXT_WIDTH, type: WidthType.DXA },
    columnWidths: widths,
    layout: TableLayoutType.FIXED,
    borders: { ...NO_BORDERS, insideHorizontal: NO_BORDERS.top!, insideVertical: NO_BORDERS.top! },
    rows: [new TableRow({ children: [column(h.left, widths[0]!), column(h.right, widths[1]!)] })],
  });
}

/** "Nơi nhận:" in 12 pt and its list in 11 pt, as the Party's format sets them. */
const RECIPIENTS_HEAD_SIZE = 24;
const RECIPIENTS_SIZE = 22;

/** The closing: "Nơi nhận:" and its list on the left, the signature block centred on the right; kept on one page. */
function closingTable(c: DraftClosing): Table {
  const widths = [Math.round(TEXT_WIDTH * 0.5), TEXT_WIDTH - Math.round(TEXT_WIDTH * 0.5)];
  const left = new TableCell({
    width: { size: widths[0]!, type: WidthType.DXA },
    borders: NO_BORDERS,
    children: c.left.map(
      (line, k) => new Paragraph({ alignment: AlignmentType.LEFT, keepNext: true, children: line.map((r) => run(r, k === 0 ? RECIPIENTS_HEAD_SIZE : RECIPIENTS_SIZE)) }),
    ),
  });
  const right = new TableCell({
    width: { size: widths[1]!, type: WidthType.DXA },
    borders: NO_BORDERS,
    children: c.right.map((line) => new Paragraph({ alignment: AlignmentType.CENTER, keepNext: true, children: line.map((r) => run(r)) })),
  });
  return new Table({
    width: { size: TEXT_WIDTH, type: WidthType.DXA },
    columnWidths: widths,
    layout: TableLayoutType.FIXED,
    borders: { ...NO_BORDERS, insideHorizontal: NO_BORDERS.top!, insideVertical: NO_BORDERS.top! },
    rows: [new TableRow({ cantSplit: true, children: [left, right] })],
  });
}

/** Table text a size smaller (13 pt), as tables in reports usually are. */
const TABLE_SIZE = 26;

function dataTable(t: DraftTable): Table {
  const sum = t.widths.reduce((a, b) => a + b, 0);
  const widths = t.widths.map((w) => Math.floor((w / sum) * TEXT_WIDTH));
  const cell = (text: string, width: number, bold: boolean, center: boolean) =>
    new TableCell({
      width: { size: width, type: WidthType.DXA },
      children: [
        new Paragraph({
          alignment: center ? AlignmentType.CENTER : AlignmentType.LEFT,
          children: [run({ text, bold }, TABLE_SIZE)],
        }),
      ],
    });
  const header = new TableRow({
    tableHeader: true,
    children: t.columns.map((c, k) => cell(c, widths[k] ?? 0, true, true)),
  });
  const rows = t.rows.map(
    (r) => new TableRow({ children: r.cells.map((c, k) => cell(c, widths[k] ?? 0, r.group === true, !t.textColumns.includes(k))) }),
  );
  return new Table({
    width: { size: TEXT_WIDTH, type: WidthType.DXA },
    columnWidths: widths,
    layout: TableLayoutType.FIXED,
    rows: [header, ...rows],
  });
}

function block(b: DraftBlock): (Paragraph | Table)[] {
  // A blank line sets the closing apart from the body.
  return b.kind === "closing" ? [new Paragraph({ children: [] }), closingTable(b)] : [single(b)];
}

function single(b: Exclude<DraftBlock, DraftClosing>): Paragraph | Table {
  switch (b.kind) {
    case "header":
      return headerTable(b);
    case "paragraph":
      return paragraph(b);
    case "table":
      return dataTable(b);
    case "pageBreak":
      return new Paragraph({ children: [new PageBreak()] });
  }
}

/** The draft as .docx bytes. */
export async function writeDraftDocx(draft: DraftDocument): Promise<Uint8Array> {
  const doc = new Document({
    creator: "de-an-241",
    title: "Báo cáo tổng kết Đề án 241",
    styles: { default: { document: { run: { font: FONT, size: FONT_SIZE } } } },
    sections: [
      {
        properties: {
          page: {
            size: { width: PAGE.width, height: PAGE.height },
            margin: { ...MARGINS },
          },
        },
        children: draft.blocks.flatMap(block),
      },
    ],
  });
  const buffer = await Packer.toArrayBuffer(doc);
  return new Uint8Array(buffer);
}
