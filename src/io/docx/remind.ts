/**
 * Writes the "công văn đôn đốc" (src/domain/remind/letter.ts) as a Word .docx
 * in the page and type every document shares (./parts.ts): the header and the
 * signature area as borderless two-column tables, the list of units as a
 * bordered table.
 */
import { Paragraph, Table, TableCell, TableLayoutType, TableRow, WidthType } from "docx";
import type { LetterBlock, LetterColumn, LetterDocument, LetterParagraph } from "../../domain/remind";
import { ALIGN, dataTable, docxBytes, mm, NO_BORDERS, NO_TABLE_BORDERS, run, TABLE_SIZE, TEXT_WIDTH } from "./parts";

/** 12 pt: "Nơi nhận". */
const SMALLER = 24;

function paragraph(p: LetterParagraph): Paragraph {
  return new Paragraph({
    alignment: ALIGN[p.align],
    spacing: { before: 60, after: 60 },
    ...(p.indent ? { indent: { firstLine: mm(10) } } : {}),
    children: p.runs.map((r) => run(r)),
  });
}

function columns(list: readonly LetterColumn[]): Table {
  const widths = list.map((c) => Math.round(TEXT_WIDTH * c.share));
  const cell = (c: LetterColumn, width: number) =>
    new TableCell({
      width: { size: width, type: WidthType.DXA },
      borders: NO_BORDERS,
      children: c.lines.map(
        (line) => new Paragraph({ alignment: ALIGN[c.align], children: line.map((r) => run(r, c.small ? SMALLER : TABLE_SIZE)) }),
      ),
    });
  return new Table({
    width: { size: TEXT_WIDTH, type: WidthType.DXA },
    columnWidths: widths,
    layout: TableLayoutType.FIXED,
    borders: NO_TABLE_BORDERS,
    rows: [new TableRow({ children: list.map((c, k) => cell(c, widths[k]!)) })],
  });
}

function block(b: LetterBlock): Paragraph | Table {
  switch (b.kind) {
    case "columns":
      return columns(b.columns);
    case "paragraph":
      return paragraph(b);
    case "table":
      return dataTable(b);
  }
}

/** The letter as .docx bytes. */
export function writeRemindDocx(letter: LetterDocument): Promise<Uint8Array> {
  return docxBytes(letter.title, letter.blocks.map(block));
}
