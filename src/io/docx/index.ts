/**
 * Writes a report draft (src/domain/report-draft) as a Word .docx in the
 * page and type every document shares (./parts.ts): the header as a
 * borderless two-column table, the appendix as bordered tables. All text is
 * plain runs.
 */
import { AlignmentType, PageBreak, Paragraph, Table, TableCell, TableLayoutType, TableRow, WidthType } from "docx";
import type { DraftBlock, DraftClosing, DraftDocument, DraftHeader, DraftParagraph } from "../../domain/report-draft";
import { ALIGN, dataTable, docxBytes, mm, NO_BORDERS, NO_TABLE_BORDERS, run, TEXT_WIDTH } from "./parts";

export { FONT, FONT_SIZE, MARGINS, mm, PAGE } from "./parts";

function paragraph(p: DraftParagraph): Paragraph {
  const indent = p.role === "item" || p.role === "figures" || p.role === "placeholder" ? { firstLine: mm(10) } : undefined;
  return new Paragraph({
    alignment: ALIGN[p.align],
    spacing: { before: p.role === "heading" || p.role === "title" ? 120 : 60, after: 60 },
    ...(indent ? { indent } : {}),
    children: p.runs.map((r) => run(r)),
  });
}

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
    borders: NO_TABLE_BORDERS,
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
    borders: NO_TABLE_BORDERS,
    rows: [new TableRow({ cantSplit: true, children: [left, right] })],
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
export function writeDraftDocx(draft: DraftDocument): Promise<Uint8Array> {
  return docxBytes("Báo cáo tổng kết Đề án 241", draft.blocks.flatMap(block));
}
