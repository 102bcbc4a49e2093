/**
 * Who sent the workbook and when: the generated identity sheet, else the
 * header block of the report ("ĐẢNG BỘ HUYỆN TAM ĐƯỜNG" / unit / "*"), else
 * the file name; the date from the line "…, ngày … tháng … năm …".
 */
import { EXCEL_CELL_TEXT, type GridCell, type GridSheet, type WorkbookGrid } from "../model/grid";
import { IDENTITY_MARKER, parseIdentityRows, type WorkbookIdentity } from "../model/identity";
import type { UnitInfo } from "../model/report";
import { PATH_JOIN } from "../merge/types";
import { cleanText, foldText } from "../text";
import { isoDate, parseDateValue } from "../values/date";
import { valueText } from "../values/cell";
import { cellLines, SheetView } from "./sheet";

/** The identity written by this tool, from any sheet whose A1 holds the marker. */
export function findIdentity(grid: WorkbookGrid): WorkbookIdentity | undefined {
  for (const sheet of grid.sheets) {
    const a1 = sheet.rows[0]?.[0]?.v;
    // Only the sheet whose A1 holds the marker (any other sheet's rows are not looked at).
    if (typeof a1 !== "string" || a1.trim() !== IDENTITY_MARKER) continue;
    // Array.from, not map: a row missing from the grid (an empty row) is a hole map would keep.
    const rows = Array.from(sheet.rows.slice(0, 50), (row) => Array.from((row ?? []).slice(0, 2), (c) => (c?.v === undefined ? "" : valueText(c.v))));
    const identity = parseIdentityRows(rows);
    if (identity) return identity;
  }
  return undefined;
}

const SUPERIOR =
  /^(dang bo (tinh|huyen|thanh pho|thi xa)|(tinh|huyen|thanh|thi) uy|dang bo khoi|(ubnd|uy ban nhan dan) (tinh|huyen|thanh pho|thi xa))\b/;
/** The Party organisation of a province or district, the first line of a unit's header block, never its second. */
const SUPERIOR_ORGANISATION = /^dang bo (tinh|huyen|thanh pho|thi xa)\b/;
/** The first line of the right-hand block: the Party's, the State's or the Youth Union's heading. */
const RIGHT_BLOCK = /^(dang cong san viet nam|cong hoa xa hoi chu nghia viet nam|doan tncs ho chi minh|doan thanh nien cong san)/;
/** "Đơn vị: Đảng ủy xã Sơn Bình", "Đơn vị báo cáo: …" written above a table instead of a header block. */
const UNIT_LABEL = /^(?:tên )?đơn vị(?: báo cáo| gửi báo cáo| thực hiện)?\s*:\s*(.+)$/iu;
const NOT_UNIT =
  /^(dang cong san viet nam|cong hoa xa hoi|doc lap tu do|so\b|v v\b|ve viec\b|kinh gui|bao cao|bieu|phu luc|ke hoach|cac van ban|ket qua thuc hien|\d)/;
const UNIT_START =
  /^(dang uy|dang bo|chi bo|ban |phong |uy ban|ubnd|trung tam|dai |mat tran|hoi |doan |cong an|ban chi huy|truong |van phong|huyen doan|lien doan|bch|co quan|(du|d u|db|d b|cb|hlhpn|hnd|hccb|mttq|ub mttq|dtn) )/;

interface Line {
  readonly r: number;
  readonly c: number;
  readonly text: string;
}

function headerLines(view: SheetView, maxRows: number): Line[] {
  const lines: Line[] = [];
  for (let r = 0; r < Math.min(view.height, maxRows); r++) {
    const row = view.sheet.rows[r];
    if (!row) continue;
    for (let c = 0; c < Math.min(row.length, 12); c++) {
      // A text longer than a cell of Excel holds is no line of a header block.
      const v = row[c]?.v;
      if (typeof v === "string" && v.length > EXCEL_CELL_TEXT) continue;
      for (const text of cellLines(row[c])) lines.push({ r, c, text });
    }
  }
  return lines;
}

/** The unit line of the header block in a sheet, if there is one (`view`: the sheet's view already made, if any). */
export function unitFromHeader(sheet: GridSheet, view: SheetView = new SheetView(sheet)): string | undefined {
  const lines = headerLines(view, 15);
  // The right-hand block ("ĐẢNG CỘNG SẢN VIỆT NAM", the date) starts at this column.
  const rightBlock = lines.find((l) => RIGHT_BLOCK.test(foldText(l.text)));
  const leftLines = lines.filter((l) => !rightBlock || l.c < rightBlock.c);
  const isCandidate = (l: Line): boolean => {
    const f = foldText(l.text);
    return f !== "" && !NOT_UNIT.test(f) && l.text.length <= 120 && !/ngay .* thang/.test(f);
  };
  // 1. The line right above the "*" under the header.
  const starIndex = leftLines.findIndex((l) => /^[*\-–—_ ]+$/.test(l.text) && l.text.includes("*"));
  if (starIndex > 0) {
    const star = leftLines[starIndex]!;
    // Lines right of the star belong to the other block.
    const inBlock = (l: Line): boolean => isCandidate(l) && !(l.r !== star.r && l.c > star.c);
    let i = starIndex - 1;
    while (i >= 0 && !inBlock(leftLines[i]!)) i--;
    if (i >= 0) {
      const l = leftLines[i]!;
      // With a superior line above it, this line is the unit; alone, it is the unit too, unless it is
      // the Party organisation of a province or district ("ĐẢNG BỘ HUYỆN TAM ĐƯỜNG" over a unit line left
      // blank): a committee alone ("HUYỆN ỦY TAM ĐƯỜNG", its own report) is the unit.
      const alone = !leftLines.slice(0, i).some(inBlock);
      if (!(alone && SUPERIOR_ORGANISATION.test(foldText(l.text)))) return unitName(l.text);
    }
  }
  // 2. The line under the superior body.
  const supIndex = leftLines.findIndex((l) => SUPERIOR.test(foldText(l.text)));
  if (supIndex >= 0) {
    const next = leftLines.slice(supIndex + 1).find((l) => isCandidate(l) && l.r <= leftLines[supIndex]!.r + 3);
    if (next) return unitName(next.text);
  }
  // 3. "Đơn vị: …".
  for (const l of leftLines) {
    const m = UNIT_LABEL.exec(l.text.normalize("NFC"));
    if (m && l.r < 10) {
      const name = cleanText(m[1]!);
      if (name !== "" && isCandidate({ ...l, text: name })) return name;
    }
  }
  // 4. A line that reads like a unit's name in the top-left corner.
  // Not the Party organisation above ("ĐẢNG BỘ HUYỆN …" reads like a unit's name too).
  const named = leftLines.find((l) => l.r < 8 && l.c <= 3 && UNIT_START.test(foldText(l.text)) && !SUPERIOR_ORGANISATION.test(foldText(l.text)) && isCandidate(l));
  return named ? cleanText(named.text) : undefined;
}

/** A unit line's name, without the label a unit may write before it ("Đơn vị: Đảng ủy xã Hồ Thầu"). */
function unitName(line: string): string {
  const m = UNIT_LABEL.exec(line.normalize("NFC"));
  const name = m ? cleanText(m[1]!) : "";
  return name !== "" ? name : cleanText(line);
}

const DATE_LINE = /\bngay\s+(\d{1,2})\s+thang\s+(\d{1,2})\s+nam\s+(\d{4})\b/;
/** "…, ngày 15/6/2021" ("/" is folded to a space). */
const DATE_LINE_NUMERIC = /\bngay\s+(\d{1,2})\s+(\d{1,2})\s+(\d{4})\b/;
/** "Bản Bo ngày 15 tháng 6 năm 2021" without the comma; not "(tính đến ngày …)". */
const PLACE_NO_COMMA = /^[^\d,()]{2,40}\s+ng[aà]y\s+\d/iu;
const NOT_REPORT_DATE = /\b(den|tu|truoc|sau|tinh) ngay\b/;
/** "Ngày báo cáo: 10/6/2021". */
const REPORT_DATE_LABEL = /^ngay (bao cao|lap bao cao|lap bieu|lap)\b/;
const DATE_LINE_BLANK = /\bngay\b.*\bthang\b.*\bnam\b/;

/** The first date in the cells right of column c (up to three), skipping empty ones: a date cell, or a date typed. */
function dateBeside(row: ReadonlyArray<GridCell | undefined>, c: number): string | null {
  for (let k = c + 1; k <= c + 3 && k < row.length; k++) {
    const cell = row[k];
    if (cell?.v === undefined || cell.v === null || cell.v === "") continue;
    const parsed = parseDateValue(cell.v, cell.z);
    return parsed.kind === "date" ? parsed.iso : null;
  }
  return null;
}

/** The report's date from "…, ngày … tháng … năm …" (or "Ngày báo cáo:" with the date beside it); null when blank or absent. */
export function reportDateOf(sheet: GridSheet, skipRows: ReadonlySet<number>): { iso: string | null; found: boolean } {
  const rows = Math.min(sheet.rows.length, 400);
  let blankFound = false;
  for (let r = 0; r < rows; r++) {
    // Within a table only "Ngày báo cáo:" with its date beside it is taken (a row left under the last indicator).
    const inTable = skipRows.has(r);
    const row = sheet.rows[r];
    if (!row) continue;
    for (let c = 0; c < Math.min(row.length, 30); c++) {
      for (const line of cellLines(row[c])) {
        const nfc = line.normalize("NFC");
        if (inTable && !/^ng[aà]y/iu.test(nfc)) continue;
        const f = foldText(line);
        if (!/,\s*ng[aà]y|^ng[aà]y/iu.test(nfc) && !(PLACE_NO_COMMA.test(nfc) && !NOT_REPORT_DATE.test(f))) continue;
        const labelled = REPORT_DATE_LABEL.test(f);
        if (inTable && (!labelled || /\d/.test(f))) continue;
        if (labelled && !/\d/.test(f)) {
          // "Ngày báo cáo:" alone in its cell: the date is in a cell to its right (a date, or typed).
          const beside = dateBeside(row, c);
          if (beside) return { iso: beside, found: true };
        }
        // A line of its own starting with "Ngày": the date alone, or "Ngày báo cáo: …".
        if (/^ng[aà]y/iu.test(nfc) && !labelled && !DATE_LINE.test(f) && f.length > 20) continue;
        const m = DATE_LINE.exec(f) ?? DATE_LINE_NUMERIC.exec(f) ?? (labelled ? /\b(\d{1,2})\s+(\d{1,2})\s+(\d{4})\b/.exec(f) : null);
        if (m) {
          const iso = isoDate(Number(m[3]), Number(m[2]), Number(m[1]));
          if (iso) return { iso, found: true };
        }
        if (DATE_LINE_BLANK.test(f) && /,/.test(line)) blankFound = true;
      }
    }
  }
  return { iso: null, found: blankFound };
}

/**
 * Words a unit puts before its name in a file name ("Báo cáo Đề án 241 xã Bản Bo", "BC DA241 - Bản
 * Bo", "Kết quả thực hiện ĐA 241 Bình Lư", "Số liệu Bản Bo"), folded: they name the report, not the unit.
 */
const REPORT_WORDS = new Set(["bao", "cao", "bc", "ket", "qua", "thuc", "hien", "tong", "so", "lieu", "de", "an", "da", "da241", "241", "241-da/tu", "nam", "-", "–", ":", "."]);
/** After the name: a year, a copy's number ("(2)"), a version ("v2", "final"). */
const AFTER_NAME = /^(\(?(19|20)\d\d\)?|\(\d+\)|v\d+|final)$/;
/**
 * After the name, folded: a corrected or later version ("(sửa)", "bản sửa", "đã sửa", "sửa lại", "bổ sung",
 * "(chính thức)", "gửi lại", "lần 2"), the day it was sent ("20.6.2021", "ngày 20-6"), a dash. Not words a
 * unit's own name may end with: "Bản Mới" is a village, "Nà Ngay" a hamlet, "Mầm non 1-6" and "Phường 2-9"
 * are named for days.
 */
const VERSION_WORD = /^(sua|final)$/;
const VERSION_PAIR = /^(ban sua|da sua|sua lai|sua doi|bo sung|chinh thuc|gui lai)$/;
/** Of those pairs, the ones no unit's name ends with, so they go wherever they stand ("Phòng Văn hóa bổ sung"); "bản sửa" may. */
const NEVER_A_NAME_PAIR = /^(da sua|sua lai|sua doi|bo sung|chinh thuc|gui lai)$/;
/** "lần 2": a version's number, never a part of a unit's name. */
const TIMES_PAIR = /^lan \d+$/;
/** A dash standing alone between the name and what follows it ("Tả Lèng - bản sửa"). */
const DASH = /^[-–—]+$/;
/** A day written in a file name ("20.6.2021", "20-6", "(20.6)"): after "ngày" only, unless it has its year. */
const DAY_IN_NAME = /^\(?\d{1,2}[./-]\d{1,2}([./-]\d{2,4})?\)?$/;
const DAY_WITH_YEAR = /^\(?\d{1,2}[./-]\d{1,2}[./-]\d{2,4}\)?$/;

/**
 * How many words at the end of `words` (from `from` on) name a version or a day, not the unit; 0 when none.
 * Words such as "sửa" and "bản sửa" may end a name ("Bản Sửa" could be a village's): they are taken
 * for a version's only where they clearly mark one (in brackets, after a dash, before "lần 2": `clearOnly`),
 * or, with `clearOnly` false, wherever they stand (what is left must then be checked against the unit list).
 */
function versionWords(words: readonly string[], from: number, to: number, clearOnly: boolean, beforeTimes: boolean): number {
  const last = words[to - 1]!;
  const folded = foldText(last);
  // Marked: "(bản sửa)", "(sửa)", "- bản sửa", "bản sửa lần 2".
  const marked = (n: number): boolean => {
    const first = words[to - n]!;
    return (first.startsWith("(") && last.endsWith(")")) || (to - n - 1 >= from && DASH.test(words[to - n - 1]!)) || beforeTimes;
  };
  if (to - 2 >= from) {
    const before = foldText(words[to - 2]!);
    const pair = `${before} ${folded}`;
    if (TIMES_PAIR.test(pair) || (before === "ngay" && DAY_IN_NAME.test(last))) return 2;
    if (VERSION_PAIR.test(pair) && (!clearOnly || NEVER_A_NAME_PAIR.test(pair) || marked(2))) return 2;
  }
  if (folded === "" || AFTER_NAME.test(last.toLowerCase()) || DAY_WITH_YEAR.test(last)) return 1;
  return VERSION_WORD.test(folded) && (!clearOnly || folded === "final" || marked(1)) ? 1 : 0;
}

/**
 * The unit's name from the file name: extension, separators and the words that name the report removed,
 * and the words after the name that clearly mark a version or a day ("Tả Lèng (sửa)", "Tả Lèng - bản sửa
 * lần 2", "Tả Lèng ngày 20.6.2021"). With `loose`, version words standing bare at the end ("Tả Lèng bản
 * sửa", "Nùng Nàng bổ sung") go too: a reading to be taken only when what is left names a unit of the list.
 */
export function unitFromFileName(fileName: string): string {
  const name = nameInFileName(fileName, false);
  // A name of nothing but the report's words, or one any unit's file may have ("Book1"), names no unit:
  // the message or archive it came in says more ("thư.eml › bao-cao").
  const at = fileName.lastIndexOf(PATH_JOIN);
  return at >= 0 && nameAnyUnitMayHave(fileName) ? `${fileName.slice(0, at + PATH_JOIN.length)}${name}` : name;
}

/** The unit's name from the file name read loosely (see unitFromFileName): to be matched against the unit list only. */
export function unitFromFileNameLoosely(fileName: string): string {
  return nameInFileName(fileName, true);
}

/**
 * The unit's name from a folder's name, by the rules of a file's (unitFromFileName; `loose` as
 * unitFromFileNameLoosely): "Báo cáo xã Bản Bo", "Bản Bo (sửa)". A folder has no extension, so
 * nothing after its last dot is taken off ("Tổ 1.2" keeps its ".2").
 */
export function unitFromFolderName(folder: string, loose = false): string {
  return nameInFileName(folder, loose, true);
}

/**
 * A file's own name: the last part of its path, inside a message or an archive too, without its extension
 * ("a/Bản Bo.xlsx", "thư.eml › Bản Bo.xlsx", "goi.zip › 2021/Bản Bo.xlsx" → "Bản Bo"); a folder's whole.
 */
function ownName(path: string, folder = false): string {
  const at = path.lastIndexOf(PATH_JOIN);
  const last = (at < 0 ? path : path.slice(at + PATH_JOIN.length)).replace(/^.*[\\/]/, "");
  return folder ? last : last.replace(/\.[A-Za-z0-9]{1,5}$/, "");
}

function nameInFileName(fileName: string, loose: boolean, folder = false): string {
  const base = ownName(fileName, folder);
  const words = cleanText(base.replace(/[_]+/g, " ")).split(" ");
  let from = 0;
  let to = words.length;
  while (from < to && REPORT_WORDS.has(foldText(words[from]!) || words[from]!)) from++;
  // A corrected file's name says so after the unit's ("Tả Lèng (sửa)", "Bản Hon - bản sửa", "Sơn Bình 20.6.2021"):
  // left as it was, the unit was not found and the file counted as another unit's.
  let beforeTimes = false;
  for (;;) {
    const n: number = to > from ? versionWords(words, from, to, !loose, beforeTimes) : 0;
    if (n === 0 || to - n <= from) break;
    beforeTimes = n === 2 && TIMES_PAIR.test(`${foldText(words[to - 2]!)} ${foldText(words[to - 1]!)}`);
    to -= n;
  }
  // A name that is nothing but those words stays as it was.
  return (from < to ? words.slice(from, to).join(" ") : words.join(" ")) || fileName;
}

/**
 * Whether a file's own name names no unit: nothing but the words that name the report, a version, a copy's
 * number or a day ("bao-cao.xlsx", "Báo cáo (sửa).xlsx", "BC DA241 lần 2.xls", "So lieu 20.6.2021.xlsx"). Such a
 * name is shared by units that have nothing to do with each other; a name with more in it ("Chi bộ Thôn 5.xlsx")
 * is one unit's, wherever its file sits.
 */
export function namesNoUnit(fileName: string): boolean {
  const folded = foldText(cleanText(ownName(fileName).replace(/[-_–—()]+/g, " ")))
    .replace(/\b(?:ban sua|da sua|sua lai|sua doi|bo sung|chinh thuc|gui lai|lan \d+|ngay(?= \d))\b/g, " ");
  return folded
    .split(" ")
    .filter((w) => w !== "")
    .every((w) => REPORT_WORDS.has(w) || VERSION_WORD.test(w) || AFTER_NAME.test(w) || /^(?:\d+|\d{1,2}[./]\d{1,2}(?:[./]\d{2,4})?)$/.test(w));
}

/**
 * Words of a unit's name, folded: the kinds of body that report (chi bộ, đảng ủy, phòng, trung tâm, hội,
 * trường, cơ quan …) and of place (xã, phường, thị trấn, thôn, bản, xóm, tổ dân phố …). A file's own name
 * holding none ("Book1.xlsx", "Biểu mẫu.xlsx", "Phụ lục 1.xlsx", "Báo cáo 6 tháng.xlsx") may be any unit's:
 * programs and templates give such names.
 */
const BODY_OR_PLACE =
  /\b(?:chi bo|dang uy|dang bo|huyen uy|ban|phong|dai|trung tam|van phong|uy ban|ubnd|mat tran|mttq|huyen doan|doan thanh nien|hoi|truong|co quan|cong an|quan su|benh vien|tram|xa|phuong|thi tran|thon|xom|lang|ap|buon|khu|khoi|to|to dan pho|cum|doi|cb|du|dbx)\b/;

/** Whether a file's own name names a body or a place, as a unit's name does ("Chi bộ Thôn 5.xlsx", "Bản Bo (sửa).xlsx"). */
export function namesBodyOrPlace(fileName: string): boolean {
  return BODY_OR_PLACE.test(foldText(cleanText(ownName(fileName).replace(/[-_–—()]+/g, " "))));
}

/**
 * Whether a file's own name may be any unit's: nothing but the report's words (namesNoUnit), or no body or
 * place named (namesBodyOrPlace). Such a name says which unit sent the file no better than where it sat.
 */
export function nameAnyUnitMayHave(fileName: string): boolean {
  return namesNoUnit(fileName) || !namesBodyOrPlace(fileName);
}

export function unitInfo(identity: WorkbookIdentity | undefined, headerName: string | undefined, fileName: string): UnitInfo {
  if (identity) {
    return {
      name: identity.unitName,
      source: "identity",
      ...(identity.unitCode ? { code: identity.unitCode } : {}),
      level: identity.level,
    };
  }
  if (headerName) return { name: headerName, source: "header" };
  return { name: unitFromFileName(fileName), source: "file-name" };
}
