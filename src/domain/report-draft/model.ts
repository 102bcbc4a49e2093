/** The draft as data (paragraphs, header, tables, page breaks) and its fixed wording; src/io/docx renders it. */
import { PROGRAMME } from "../catalogue";

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
