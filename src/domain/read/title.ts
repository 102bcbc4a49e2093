/**
 * Whether a report is Đề án 241's at all: its title, and the agreement of its
 * table's texts with the catalogue. Another programme's report laid out the
 * same way (Stt 1.1, 4.2 …, the same columns) is refused, never read as ours.
 */
import type { GridSheet } from "../model/grid";
import { foldText } from "../text";
import { cellLines } from "./sheet";

/** A line that opens a report's title: "BÁO CÁO …", "Kết quả thực hiện …", "Biểu tổng hợp …". */
const TITLE_START = /^(bao cao|ket qua|tong ket|so ket|bieu|tong hop|danh gia)\b/;

/**
 * A programme named as the report's subject: "(thực hiện|tổng kết|…) Đề án / Nghị quyết / Chỉ
 * thị / Kết luận / Chương trình (số) 05…". Folded text; anchored on words, no nested quantifiers.
 */
const PROGRAMME =
  /\b(?:bao cao|thuc hien|tong ket|so ket|trien khai|ket qua|cua|ve) (de an|nghi quyet|chi thi|ket luan|chuong trinh) (?:so )?0*(\d{1,6})\b/;

/** Đề án 241 itself, by number or by its subject (the letter's full name of it). */
const OURS = /\b241\b|cong tac tu tuong/;

export interface ReportTitle {
  /** The title as written (its lines joined). */
  readonly text: string;
  /** Another programme the title names as the report's subject ("Đề án 05"), when it names no Đề án 241. */
  readonly otherProgramme?: string;
}

/**
 * The report's title in the rows above `beforeRow` (its first 30 rows when undefined) of a sheet:
 * the line that opens it and the two lines under it.
 */
export function reportTitle(sheet: GridSheet, beforeRow?: number): ReportTitle | undefined {
  const end = Math.min(sheet.rows.length, beforeRow ?? 30, 30);
  const lines: string[] = [];
  for (let r = 0; r < end; r++) {
    const row = sheet.rows[r];
    if (!row) continue;
    for (let c = 0; c < Math.min(row.length, 12); c++) lines.push(...cellLines(row[c]));
  }
  const start = lines.findIndex((l) => TITLE_START.test(foldText(l)));
  if (start < 0) return undefined;
  const titleLines = lines.slice(start, start + 3);
  const text = titleLines.join(" ").slice(0, 300);
  const folded = foldText(text);
  if (OURS.test(folded)) return { text };
  const m = PROGRAMME.exec(folded);
  if (!m) return { text };
  const kind = { "de an": "Đề án", "nghi quyet": "Nghị quyết", "chi thi": "Chỉ thị", "ket luan": "Kết luận", "chuong trinh": "Chương trình" }[m[1]!]!;
  return { text, otherProgramme: `${kind} ${m[2]!}` };
}

/** Whether most of a table's rows are not Đề án 241's indicators. */
export function mostRowsDisagree(unknownRows: number, matchedRows: number): boolean {
  return unknownRows >= 2 && unknownRows > matchedRows;
}
