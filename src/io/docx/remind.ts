/**
 * Writes the "công văn đôn đốc" (src/domain/remind/letter.ts) as a Word .docx
 * in the same page and type as the report draft (./index.ts): Times New Roman
 * 14, A4, the Party's margins; the header and the signature area as
 * borderless two-column tables, the list of units as a bordered table.
 */
import {
  AlignmentType,
  BorderStyle,
  Document,
  Packer,
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
import type { LetterBlock, LetterColumn, LetterDocument, LetterParagraph } from "../../domain/remind";
import type { DraftRun, DraftTable } from "../../domain/report-draft/model";
import { safeText } from "../write/safe-cell";
import { FONT, FONT_SIZE, MARGINS, mm, PAGE } from "./index";

const TEXT_WIDTH = PAGE.width - MARGINS.left - MARGINS.right;
/** 13 pt: header lines and tables. */
const SMALL = 26;
/** 12 pt: "Nơi nhận". */
const SMALLER = 24;

const ALIGN = { left: AlignmentType.LEFT, center: AlignmentType.CENTER, justify: AlignmentType.JUSTIFIED } as const;

function run(r: DraftRun, size = FONT_SIZE): TextRun {
  return new TextRun({
    text: safeText(r.text),
    font: FONT,
    size,
    ...(r.bold ? { bold: true } : {}),
    ...(r.italic ? { italics: true } : {}),
    ...(r.underline ? { underline: { type: UnderlineType.SINGLE } } : {}),
  });
}

function paragraph(p: LetterParagraph): Paragraph {
  return new Paragraph({
    alignment: ALIGN[p.align],
    spacing: { before: 60, after: 60 },
    ...(p.indent ? { indent: { firstLine: mm(10) } } : {}),
    children: p.runs.map((r) => run(r)),
  });
}

const NONE = { style: BorderStyle.NONE, size: 0, color: "FFFFFF" } as const;
const NO_BORDERS: ITableCellBorders = { top: NONE, bottom: NONE, left: NONE, right: NONE };

function columns(list: readonly LetterColumn[]): Table {
  const widths = list.map((c) => Math.round(TEXT_WIDTH * c.share));
  const cell = (c: LetterColumn, width: number) =>
    new TableCell({
      width: { size: width, type: WidthType.DXA },
      borders: NO_BORDERS,
      children: c.lines.map(
        (line) => new Paragraph({ alignment: ALIGN[c.align], children: line.map((r) => run(r, c.small ? SMALLER : SMALL)) }),
      ),
    });
  return new Table({
    width: { size: TEXT_WIDTH, type: WidthType.DXA },
    columnWidths: widths,
    layout: TableLayoutType.FIXED,
    borders: { ...NO_BORDERS, insideHorizontal: NONE, insideVertical: NONE },
    rows: [new TableRow({ children: list.map((c, k) => cell(c, widths[k]!)) })],
  });
}

function dataTable(t: DraftTable): Table {
  const sum = t.widths.reduce((a, b) => a + b, 0);
  const widths = t.widths.map((w) => Math.floor((w / sum) * TEXT_WIDTH));
  const cell = (text: string, width: number, bold: boolean, center: boolean) =>
    new TableCell({
      width: { size: width, type: WidthType.DXA },
      children: [new Paragraph({ alignment: center ? AlignmentType.CENTER : AlignmentType.LEFT, children: [run({ text, bold }, SMALL)] })],
    });
  return new Table({
    width: { size: TEXT_WIDTH, type: WidthType.DXA },
    columnWidths: widths,
    layout: TableLayoutType.FIXED,
    rows: [
      new TableRow({ tableHeader: true, children: t.columns.map((c, k) => cell(c, widths[k] ?? 0, true, true)) }),
      ...t.rows.map((r) => new TableRow({ children: r.cells.map((c, k) => cell(c, widths[k] ?? 0, false, !t.textColumns.includes(k))) })),
    ],
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
export async function writeRemindDocx(letter: LetterDocument): Promise<Uint8Array> {
  const doc = new Document({
    creator: "de-an-241",
    title: letter.title,
    styles: { default: { document: { run: { font: FONT, size: FONT_SIZE } } } },
    sections: [{ properties: { page: { size: { width: PAGE.width, height: PAGE.height }, margin: { ...MARGINS } } }, children: letter.blocks.map(block) }],
  });
  return new Uint8Array(await Packer.toArrayBuffer(doc));
}
