/**
 * A unit's own targets: the "Mục tiêu" sheet (Chỉ tiêu, Nội dung, Mục tiêu)
 * where a unit or district writes the targets of its own plan, which its
 * results are judged against instead of Đề án 241's.
 */
import { DEFAULT_TARGETS, indicatorById, INDICATORS, TARGETS_SHEET_NAME, type Target, type TargetSet } from "../catalogue";
import { decodeLegacyText } from "../legacy";
import { cellAddress, type GridCell, type GridSheet, type WorkbookGrid } from "../model/grid";
import type { Issue } from "../model/issues";
import { isPercentFormat } from "../number-format";
import { MATCH_THRESHOLD, scoreIndicators } from "../read";
import { makeIssue } from "../rules/messages";
import { cleanText, foldText } from "../text";
import { textCache } from "../cache";

export { TARGETS_SHEET_NAME };

/** Where the targets come from: Đề án 241's own, or a file's name. */
export type TargetsSource = "de-an-241" | string;

export interface ParsedTargets {
  /** Only the indicators the sheet sets; the rest keep Đề án 241's targets (use withDefaults). */
  readonly targets: TargetSet;
  /** Rules "targets.*", all warnings. */
  readonly issues: readonly Issue[];
}

function cellString(cell: GridCell | undefined): string {
  if (cell === undefined || cell.v === undefined) return "";
  if (cell.w !== undefined && cell.w.trim() !== "") return cleanText(cell.w);
  if (cell.v instanceof Date) return "";
  return cleanText(String(cell.v));
}

function parseNumber(text: string): number | null {
  // "90", "90,5", "90.5", "02".
  if (!/^\d+([.,]\d+)?$/.test(text)) return null;
  return Number(text.replace(",", "."));
}

/**
 * One target as written ("≥ 90%", ">=90", "90%", "Trên 95%", "Ít nhất 2", "2")
 * for an indicator whose Đề án 241 target is `official`; null when it cannot be read.
 * A count indicator ("Có 01 - 02 xã") takes a number of units; the others a percentage.
 */
export function parseTarget(raw: string, official: Target): Target | null {
  // Every template repeats the same few target texts: read each once.
  const key = `${official.op}|${raw}`;
  const known = PARSED_TARGETS.get(key);
  if (known !== undefined) return known;
  const parsed = parseTargetText(raw, official);
  PARSED_TARGETS.set(key, parsed);
  return parsed;
}

const PARSED_TARGETS = textCache<Target | null>(10_000);

function parseTargetText(raw: string, official: Target): Target | null {
  const count = official.op === "count>=";
  let text = cleanText(raw)
    .toLowerCase()
    .normalize("NFD")
    .replace(/[\u0300-\u036f]/g, "")
    .replace(/đ/g, "d")
    .replace(/≥|=>/g, ">=")
    .replace(/\s+/g, " ")
    .trim();
  let op: ">=" | ">" = ">=";
  const prefixes: ReadonlyArray<[RegExp, ">=" | ">"]> = [
    [/^>=\s*/, ">="],
    [/^>\s*/, ">"],
    [/^(it nhat|toi thieu|tu|dat|co)\s+/, ">="],
    [/^(tren|hon|vuot)\s+/, ">"],
  ];
  for (const [re, o] of prefixes) {
    if (re.test(text)) {
      op = o;
      text = text.replace(re, "");
      break;
    }
  }
  text = text.replace(/\s*(tro len|tro len\.)$/, "").trim();
  const percent = /%$/.test(text);
  text = text.replace(/\s*%$/, "").trim();
  const n = parseNumber(text);
  if (n === null) return null;
  if (count) {
    if (percent || !Number.isInteger(n)) return null;
    return { op: "count>=", value: op === ">" ? n + 1 : n };
  }
  // "0,9" or 0.9 without "%": a fraction, as a spreadsheet keeps a percentage (no ratio target is under 1%).
  const value = !percent && n > 0 && n <= 1 ? Math.round(n * 100 * 1e6) / 1e6 : n;
  if (value > 100 || (op === ">" && value >= 100)) return null;
  return { op, value };
}

export { isPercentFormat };

/**
 * The text of a target cell. A number is the target's value with Đề án 241's
 * comparison (the template's cells show it by their format: "Trên 95%"); one
 * formatted as a percentage (0.9 shown "90%") reads as "90%".
 */
function targetText(cell: GridCell | undefined, official: Target): string {
  if (cell === undefined || cell.v === undefined) return "";
  if (typeof cell.v === "number") {
    const isPercent = isPercentFormat(cell.z ?? "") || (cell.w ?? "").trim().endsWith("%");
    // 97 typed into a cell formatted "Trên 0%" (LibreOffice keeps 97, shown "Trên 9700%"): the percentage itself.
    const typedWhole = isPercent && cell.v > 1 && cell.v <= 100;
    const value = isPercent && !typedWhole ? Math.round(cell.v * 100 * 1e6) / 1e6 : cell.v;
    const word = official.op === ">" ? "Trên " : official.op === ">=" ? "≥ " : "";
    return `${word}${value}${isPercent ? "%" : ""}`;
  }
  return cellString(cell);
}

function isHeaderRow(cells: readonly string[]): boolean {
  return cells.some((t) => foldText(t) === "muc tieu") && cells.some((t) => /^(chi tieu|stt|noi dung)/.test(foldText(t)));
}

/** The indicator a row is about: by id in the first column, else by its text. */
function indicatorOf(id: string, text: string): string | null {
  const idKey = id.replace(/\s+/g, "").replace(/\.$/, "");
  if (idKey !== "" && indicatorById(idKey)) return idKey;
  const label = text !== "" ? text : id;
  if (label === "") return null;
  const best = scoreIndicators(label, idKey)[0];
  return best !== undefined && best.score >= MATCH_THRESHOLD ? best.id : null;
}

/** Reads a "Mục tiêu" sheet. Rows it cannot read are issues; they keep Đề án 241's target. */
export function parseTargetsSheet(sheet: GridSheet): ParsedTargets {
  const issues: Issue[] = [];
  const targets: Record<string, Target> = {};
  const firstRow: Record<string, number> = {};
  let columns = { id: 0, text: 1, target: 2 };
  let start = 0;
  for (let r = 0; r < Math.min(sheet.rows.length, 15); r++) {
    const cells = (sheet.rows[r] ?? []).map((c) => cellString(c));
    if (!isHeaderRow(cells)) continue;
    const find = (test: (f: string) => boolean, fallback: number): number => {
      const c = cells.findIndex((t) => test(foldText(t)));
      return c >= 0 ? c : fallback;
    };
    const target = find((f) => f === "muc tieu", 2);
    columns = {
      id: find((f) => f === "chi tieu" || f === "stt" || f === "ma chi tieu", 0),
      text: find((f) => f.startsWith("noi dung"), 1),
      target,
    };
    start = r + 1;
    break;
  }
  const at = (r: number, c: number): { sheet: string; cell: string } => ({ sheet: sheet.name, cell: cellAddress(r, c) });
  for (let r = start; r < sheet.rows.length; r++) {
    const row = sheet.rows[r] ?? [];
    // Rows without a target (blank rows, group rows "Mục tiêu 01") set nothing.
    const targetCell = row[columns.target];
    if (typeof targetCell?.v !== "number" && cellString(targetCell) === "") continue;
    const id = cellString(row[columns.id]);
    const text = cellString(row[columns.text]);
    const indicator = indicatorOf(id, text);
    if (indicator === null) {
      issues.push(makeIssue("targets.unknown-indicator", at(r, columns.id), { row: r + 1, text: id || text }));
      continue;
    }
    const official = indicatorById(indicator)!.target;
    const raw = targetText(row[columns.target], official);
    const parsed = parseTarget(raw, official);
    if (parsed === null) {
      issues.push(makeIssue("targets.unparsed", at(r, columns.target), { indicator, text: raw, count: official.op === "count>=" }));
      continue;
    }
    if (firstRow[indicator] !== undefined) {
      issues.push(makeIssue("targets.duplicate", at(r, columns.target), { indicator, firstRow: firstRow[indicator]! + 1, row: r + 1 }));
    }
    firstRow[indicator] = r;
    targets[indicator] = parsed;
  }
  return { targets, issues };
}

/** The "Mục tiêu" sheet of a workbook (name compared without case or diacritics), when it has one. */
export function findTargetsSheet(grid: WorkbookGrid): GridSheet | undefined {
  const key = foldText(TARGETS_SHEET_NAME);
  return decodeLegacyText(grid).grid.sheets.find((s) => foldText(s.name) === key);
}

/** The targets a workbook sets; an issue when it has no "Mục tiêu" sheet. */
export function targetsFromGrid(grid: WorkbookGrid): ParsedTargets {
  const sheet = findTargetsSheet(grid);
  if (!sheet) {
    return { targets: {}, issues: [makeIssue("targets.sheet-missing", {}, { sheetName: TARGETS_SHEET_NAME })] };
  }
  return parseTargetsSheet(sheet);
}

/** A unit's targets over Đề án 241's: every indicator has one. */
export function withDefaults(targets: TargetSet): TargetSet {
  return Object.freeze(Object.fromEntries(INDICATORS.map((i) => [i.id, targets[i.id] ?? DEFAULT_TARGETS[i.id] ?? i.target])));
}

/** The note line saying which targets the results were judged against. */
export function targetsNote(source: TargetsSource | undefined): string {
  if (source === undefined || source === "de-an-241") return "Mục tiêu đánh giá: theo Đề án 241.";
  // A file is named as one ("tệp ke-hoach.xlsx"); another source as it is ("sổ làm việc đang mở").
  const file = source === "" ? "" : /\.[a-z0-9]{2,4}$/i.test(source) ? ` (tệp ${source})` : ` (${source})`;
  return `Mục tiêu đánh giá: theo kế hoạch của đơn vị${file}; chỉ tiêu kế hoạch không đặt thì theo Đề án 241.`;
}

/** Whether two targets judge alike. */
export function sameTarget(a: Target, b: Target): boolean {
  return a.op === b.op && a.value === b.value;
}
