/**
 * What every document the tool writes as .docx shares (the report draft,
 * ./index.ts, and the công văn đôn đốc, ./remind.ts): Times New Roman 14, A4,
 * margins per the Party's document-format guidance (top and bottom 20 mm,
 * left 30 mm, right 15 mm), plain text runs, borderless cells for header and
 * signature blocks, bordered data tables a size smaller, and the document
 * itself.
 */
import {
  AlignmentType,
  BorderStyle,
  Document,
  Header,
  Packer,
  PageNumber,
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
import type { DraftRun, DraftTable } from "../../domain/report-draft/model";
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
export const TEXT_WIDTH = PAGE.width - MARGINS.left - MARGINS.right;

export const ALIGN = { left: AlignmentType.LEFT, center: AlignmentType.CENTER, justify: AlignmentType.JUSTIFIED } as const;

/** Table text a size smaller (13 pt), as tables in reports usually are. */
export const TABLE_SIZE = 26;

export function run(r: DraftRun, size = FONT_SIZE): TextRun {
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

const NONE = { style: BorderStyle.NONE, size: 0, color: "FFFFFF" } as const;
export const NO_BORDERS: ITableCellBorders = { top: NONE, bottom: NONE, left: NONE, right: NONE };
/** A table's own borders, none of them drawn. */
export const NO_TABLE_BORDERS = { ...NO_BORDERS, insideHorizontal: NONE, insideVertical: NONE };

/** A bordered table: bold centred headings repeated on each page, group rows bold, text columns left-aligned. */
export function dataTable(t: DraftTable): Table {
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

/**
 * The page number, in Arabic numerals, upright, centred in the top margin, from the second page on
 * (the first page's header is left empty), as the Party's and the State's document formats ask.
 */
function pageHeaders(): { readonly default: Header; readonly first: Header } {
  return {
    default: new Header({
      children: [new Paragraph({ alignment: AlignmentType.CENTER, children: [new TextRun({ children: [PageNumber.CURRENT], font: FONT, size: FONT_SIZE })] })],
    }),
    first: new Header({ children: [new Paragraph({ children: [] })] }),
  };
}

/** A4 pages with the Party's margins holding `children`, numbered from the second page, as .docx bytes. */
export async function docxBytes(title: string, children: readonly (Paragraph | Table)[]): Promise<Uint8Array> {
  const doc = new Document({
    creator: "de-an-241",
    // As the workbooks do; left out, the library writes "Un-named", which Word shows as "Last Modified By".
    lastModifiedBy: "de-an-241",
    title,
    styles: { default: { document: { run: { font: FONT, size: FONT_SIZE } } } },
    sections: [
      {
        properties: { titlePage: true, page: { size: { width: PAGE.width, height: PAGE.height }, margin: { ...MARGINS } } },
        headers: pageHeaders(),
        children: [...children],
      },
    ],
  });
  return new Uint8Array(await Packer.toArrayBuffer(doc));
}
