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
  /** Centred lines of the left column (superior, unit, "*", the number line "Số …-BC/HU"). */
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

/**
 * The closing of the report, as a borderless two-column block: on the left
 * "Nơi nhận:" and its list, on the right the signature block (on whose behalf,
 * the signer's title, room for the signature and seal, the name).
 */
export interface DraftClosing {
  readonly kind: "closing";
  /** Left-aligned lines: "Nơi nhận:" then "- Ban Tuyên giáo Tỉnh ủy (b/c),", …, "- Lưu.". */
  readonly left: readonly (readonly DraftRun[])[];
  /** Centred lines: "T/M BAN THƯỜNG VỤ", "PHÓ BÍ THƯ", blank lines, the name. */
  readonly right: readonly (readonly DraftRun[])[];
}

export interface DraftPageBreak {
  readonly kind: "pageBreak";
}

export type DraftBlock = DraftHeader | DraftParagraph | DraftTable | DraftClosing | DraftPageBreak;

export interface DraftDocument {
  readonly blocks: readonly DraftBlock[];
}

export interface DraftOptions {
  /** The issuing body, e.g. "HUYỆN ỦY TAM ĐƯỜNG" (written in capitals). */
  readonly unitName: string;
  /** The body above it, e.g. "ĐẢNG BỘ TỈNH LAI CHÂU". */
  readonly superior: string;
  readonly place: string;
  /** ISO date YYYY-MM-DD; when absent or malformed the date line is left to fill in ("…, ngày … tháng … năm 20…"). */
  readonly date?: string;
  /**
   * The report's number: "45" gives "Số 45-BC/HU", a whole code ("45-BC/HU") is written as given;
   * when absent the number is left to fill in ("Số ……-BC/HU").
   */
  readonly number?: string;
  /** "Nơi nhận:", one line a recipient, without the leading dash; DEFAULT_RECIPIENTS when absent. */
  readonly recipients?: readonly string[];
  /** The signature block; DEFAULT_SIGNER when absent. */
  readonly signer?: DraftSigner;
}

export interface DraftSigner {
  /** "T/M BAN THƯỜNG VỤ"; "" when the signer signs in their own name. */
  readonly onBehalf: string;
  /** "PHÓ BÍ THƯ". */
  readonly title: string;
  /** The signer's name; when absent a dotted blank is left. */
  readonly name?: string;
}

/** The kind and issuer of the report in its number ("BC" a báo cáo, "HU" the Huyện ủy). */
export const REPORT_CODE_SUFFIX = "BC/HU";
/** Blanks to fill in by hand. */
export const NUMBER_BLANK = "……";
export const DATE_BLANK = "ngày … tháng … năm 20…";
export const NAME_BLANK = "………………………………";

/**
 * Who receives the district's report: it answers Kế hoạch 26-KH/TU of the Ban Thường vụ Tỉnh ủy,
 * sent through the Ban Tuyên giáo Tỉnh ủy (Công văn 232-CV/HU), and a copy is kept.
 */
export const DEFAULT_RECIPIENTS: readonly string[] = ["Ban Tuyên giáo Tỉnh ủy (b/c)", "Lưu"];

/** The signature block of the letter itself (Công văn 232-CV/HU): signed for the Ban Thường vụ by a deputy secretary. */
export const DEFAULT_SIGNER: DraftSigner = { onBehalf: "T/M BAN THƯỜNG VỤ", title: "PHÓ BÍ THƯ" };
