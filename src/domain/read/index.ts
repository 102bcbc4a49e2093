/**
 * Reading a unit's workbook by meaning: finds the two tables wherever they
 * stand, matches rows to the catalogue, and checks every entry.
 */
import { INDICATORS } from "../catalogue";
import { trimTextCaches } from "../cache";
import { decodeLegacyText } from "../legacy";
import { cellAddress, columnLetters, type WorkbookGrid } from "../model/grid";
import { hasErrors, type Issue } from "../model/issues";
import type { IndicatorEntry, UnitReport } from "../model/report";
import { checkDocuments, checkIndicator, COLUMN, type DocumentCellsRead } from "../rules/rules";
import { crossIndicatorIssues } from "../rules/cross-indicator";
import { cellText } from "../values/cell";
import { codeKey, parseDocumentCode } from "../values/code";
import { foldText } from "../text";
import { unitListSize, unitNameKeys } from "../units";
import { makeIssue } from "../rules/messages";
import { columnsWithRole, findHeaders, sideBySide, type DocumentRole, type IndicatorRole, type TableHeader } from "./headers";
import { breakdownRowsIssue, readDocumentRows, readIndicatorRows, type BreakdownRowRead } from "./rows";
import { SheetView } from "./sheet";
import { mostRowsDisagree, reportTitle } from "./title";
import { findIdentity, reportDateOf, unitFromHeader, unitInfo } from "./unit";
import { longTextIssues } from "./long-text";

export { findHeaders, indicatorRole, documentRole } from "./headers";
export { scoreIndicators, MATCH_THRESHOLD } from "./match";
export { unitFromFileName } from "./unit";

type AnyHeader = TableHeader<IndicatorRole> | TableHeader<DocumentRole>;

function better(a: AnyHeader, b: AnyHeader, views: readonly SheetView[]): number {
  const va = views[a.sheetIndex]!.sheet.visibility === "visible" ? 0 : 1;
  const vb = views[b.sheetIndex]!.sheet.visibility === "visible" ? 0 : 1;
  return va - vb || b.score - a.score || a.sheetIndex - b.sheetIndex || a.row - b.row;
}

/** Where the rows of a table end: the next header (of either table) on its sheet, or the sheet's end. */
function endOf(header: AnyHeader, all: readonly AnyHeader[], view: SheetView): number {
  let end = view.height;
  for (const h of all) {
    // A table beside this one (other columns) does not end it.
    const overlaps = h.bounds.c <= header.bounds.c2 && header.bounds.c <= h.bounds.c2;
    if (overlaps && h.sheetIndex === header.sheetIndex && h.row > header.lastRow && h.row < end) end = h.row;
  }
  return end;
}

/**
 * The two tables side by side on the same header row(s), each read again within its own columns;
 * undefined when they are not (the row is one table's header, read as both).
 */
function splitSideBySide(
  views: readonly SheetView[],
  ind: TableHeader<IndicatorRole>,
  doc: TableHeader<DocumentRole>,
): { ind: TableHeader<IndicatorRole>; doc: TableHeader<DocumentRole> } | undefined {
  if (ind.sheetIndex !== doc.sheetIndex || ind.row > doc.lastRow || doc.row > ind.lastRow) return undefined;
  const view = views[ind.sheetIndex]!;
  const split = sideBySide(view, ind, doc);
  if (!split) return undefined;
  const boundsOf = (h: AnyHeader) => (split.left === h ? split.leftBounds : split.rightBounds);
  const rows = { from: Math.min(ind.row, doc.row), to: Math.max(ind.lastRow, doc.lastRow) };
  const newInd = findHeaders<IndicatorRole>(view, ind.sheetIndex, "indicators", boundsOf(ind), rows)[0];
  const newDoc = findHeaders<DocumentRole>(view, doc.sheetIndex, "documents", boundsOf(doc), rows)[0];
  return newInd && newDoc ? { ind: newInd, doc: newDoc } : undefined;
}

/** The headers of both tables on the sheets `search` accepts. */
function headersOf(
  views: readonly SheetView[],
  search: (view: SheetView) => boolean,
): { indHeaders: TableHeader<IndicatorRole>[]; docHeaders: TableHeader<DocumentRole>[] } {
  const indicatorHeaders: TableHeader<IndicatorRole>[] = [];
  const documentHeaders: TableHeader<DocumentRole>[] = [];
  views.forEach((view, i) => {
    if (!search(view)) return;
    indicatorHeaders.push(...findHeaders<IndicatorRole>(view, i, "indicators"));
    documentHeaders.push(...findHeaders<DocumentRole>(view, i, "documents"));
  });
  // Two tables side by side on one row: each is read within its own columns.
  for (let i = 0; i < indicatorHeaders.length; i++) {
    for (let k = 0; k < documentHeaders.length; k++) {
      const split = splitSideBySide(views, indicatorHeaders[i]!, documentHeaders[k]!);
      if (!split) continue;
      indicatorHeaders[i] = split.ind;
      documentHeaders[k] = split.doc;
    }
  }
  // Otherwise a row can't be a header of both tables: prefer the stronger reading.
  const overlap = (a: AnyHeader, b: AnyHeader): boolean => a.bounds.c <= b.bounds.c2 && b.bounds.c <= a.bounds.c2;
  const docHeaders = documentHeaders.filter(
    (d) => !indicatorHeaders.some((h) => h.sheetIndex === d.sheetIndex && h.row === d.row && overlap(h, d) && h.score >= d.score),
  );
  const indHeaders = indicatorHeaders.filter(
    (h) => !docHeaders.some((d) => d.sheetIndex === h.sheetIndex && d.row === h.row && overlap(h, d) && d.score > h.score),
  );
  return { indHeaders, docHeaders };
}

type IndicatorTable = { header: TableHeader<IndicatorRole>; read: ReturnType<typeof readIndicatorRows> };

/** The indicators a table's rows name, duplicates included. */
function idsOf(read: IndicatorTable["read"]): string[] {
  const ids = read.rows.map((r) => r.id);
  for (const i of read.issues) if (i.rule === "duplicate-indicator" && i.indicator !== undefined) ids.push(i.indicator);
  return ids;
}

/**
 * The indicator table, and the rest of it when it was split: a header repeated further down the
 * sheet (a page break, a table converted from PDF) or the table continued on another sheet. A
 * further table counts only when it names none of the indicators already read, so an old copy
 * of the whole table is never mixed in.
 */
/**
 * Further indicator tables read beside the first, at most: a workbook holds a copy or two, a unit's
 * sheets a few. A file whose header row is written 200,000 times (each a table of its own) had each
 * read and bounded against every other, for minutes; the tables past these are not read.
 */
const MOST_FURTHER_TABLES = 200;

function indicatorTables(
  primary: TableHeader<IndicatorRole>,
  headers: readonly TableHeader<IndicatorRole>[],
  all: readonly AnyHeader[],
  views: readonly SheetView[],
): { tables: IndicatorTable[]; ignored: IndicatorTable[] } {
  const readAt = (header: TableHeader<IndicatorRole>): IndicatorTable => {
    const view = views[header.sheetIndex]!;
    return { header, read: readIndicatorRows(view, header, endOf(header, all, view)) };
  };
  const first = readAt(primary);
  const tables = [first];
  const ignored: IndicatorTable[] = [];
  const found = new Set(idsOf(first.read));
  const visibility = views[primary.sheetIndex]!.sheet.visibility;
  const rest = headers
    .filter((h) => h !== primary && views[h.sheetIndex]!.sheet.visibility === visibility)
    .sort((a, b) => a.sheetIndex - b.sheetIndex || a.row - b.row)
    .slice(0, MOST_FURTHER_TABLES);
  for (const header of rest) {
    const table = readAt(header);
    const ids = idsOf(table.read);
    if (ids.length === 0) continue;
    if (ids.some((id) => found.has(id))) {
      ignored.push(table);
      continue;
    }
    for (const id of ids) found.add(id);
    tables.push(table);
  }
  tables.sort((a, b) => a.header.sheetIndex - b.header.sheetIndex || a.header.row - b.header.row);
  return { tables, ignored };
}

/**
 * The unit an ignored table with figures belongs to when it is not the file's: the header block of
 * its own sheet (one no table read stands on) names another unit.
 */
function otherUnitOf(table: IndicatorTable, used: readonly IndicatorTable[], views: readonly SheetView[], unit: string): string | undefined {
  const i = table.header.sheetIndex;
  if (used.some((u) => u.header.sheetIndex === i) || !table.read.rows.some((row) => writtenFigures(row) !== "|")) return undefined;
  const named = unitFromHeader(views[i]!.sheet, views[i]);
  return named !== undefined && !sameUnitName(named, unit) ? named : undefined;
}

/** Whether two names name one unit: a reading in common, the kind of body aside ("Đảng bộ xã Bản Bo", "ĐU xã Bản Bo"). */
function sameUnitName(a: string, b: string): boolean {
  if (foldText(a) === foldText(b)) return true;
  const ka = unitNameKeys([a]);
  const kb = unitNameKeys([b]);
  for (const key of ka.bare) if (kb.bare.has(key)) return true;
  return false;
}

/** The figures of a row as written (texts of Tổng số and Số đã đạt), to compare two tables. */
function writtenFigures(row: IndicatorTable["read"]["rows"][number]): string {
  return `${cellText(row.total?.cell)}|${cellText(row.achieved?.cell)}`;
}

/**
 * A second copy of the table (a draft, last year's figures, "Chỉ tiêu (2)") is not read; when its
 * figures differ from those read, the unit is told which table was read, so nothing is dropped unseen.
 */
function ignoredTableIssues(used: readonly IndicatorTable[], ignored: readonly IndicatorTable[], views: readonly SheetView[], unit: string): Issue[] {
  const read = new Map<string, { figures: string; table: IndicatorTable }>();
  for (const table of used) for (const row of table.read.rows) read.set(row.id, { figures: writtenFigures(row), table });
  const out: Issue[] = [];
  for (const table of ignored) {
    // Another unit's report in the same workbook (its own sheet, its own header block).
    const other = otherUnitOf(table, used, views, unit);
    if (other !== undefined) {
      const sheet = views[table.header.sheetIndex]!.sheet.name;
      out.push(
        makeIssue(
          "table-other-unit",
          { sheet, cell: cellAddress(table.header.row, table.header.columns.text?.c ?? 0) },
          { sheet, row: table.header.row + 1, other, unit, usedSheet: views[used[0]!.header.sheetIndex]!.sheet.name },
        ),
      );
      continue;
    }
    const differing = table.read.rows.filter((row) => {
      const mine = writtenFigures(row);
      const other = read.get(row.id);
      return mine !== "|" && other !== undefined && other.figures !== mine;
    });
    if (differing.length === 0) continue;
    const sheet = views[table.header.sheetIndex]!.sheet.name;
    const usedTable = read.get(differing[0]!.id)!.table;
    out.push(
      makeIssue(
        "table-ignored",
        { sheet, cell: cellAddress(table.header.row, table.header.columns.text?.c ?? 0) },
        {
          sheet,
          row: table.header.row + 1,
          usedSheet: views[usedTable.header.sheetIndex]!.sheet.name,
          usedRow: usedTable.header.row + 1,
          indicators: differing.map((r) => r.id).join(", "),
        },
      ),
    );
  }
  return out;
}

/**
 * The documents table, and the rest of it when its header is repeated further down the same
 * sheet (a page break) with no indicator table in between.
 */
function documentTables(
  primary: TableHeader<DocumentRole>,
  docHeaders: readonly TableHeader<DocumentRole>[],
  indHeaders: readonly TableHeader<IndicatorRole>[],
): TableHeader<DocumentRole>[] {
  const sameSheet = (h: { sheetIndex: number }): boolean => h.sheetIndex === primary.sheetIndex;
  const later = docHeaders.filter((h) => sameSheet(h) && h.row > primary.row).sort((a, b) => a.row - b.row);
  const tables = [primary];
  for (const h of later) {
    const previous = tables[tables.length - 1]!;
    if (indHeaders.some((i) => sameSheet(i) && i.row > previous.row && i.row < h.row)) break;
    tables.push(h);
  }
  return tables;
}

/** The codes of the documents read, as keys (a code typed twice is one key). */
function codeKeysOf(rows: readonly DocumentCellsRead[]): Set<string> {
  const keys = new Set<string>();
  for (const row of rows) {
    const parsed = parseDocumentCode(cellText(row.code?.cell));
    if (parsed.kind === "code") keys.add(codeKey(parsed.code));
  }
  return keys;
}

/**
 * The documents table continued on another sheet (the rest of the list on a sheet of its own, its
 * header copied there): each further documents table on a sheet as visible as the first's, in the
 * sheets' order, when it names none of the documents already read (a copy of the list, an old draft,
 * is never mixed in) and its sheet's header block names no other unit. Only the first sheet's was read.
 */
function documentsOnOtherSheets(
  primary: TableHeader<DocumentRole>,
  headers: readonly TableHeader<DocumentRole>[],
  all: readonly AnyHeader[],
  views: readonly SheetView[],
  read: readonly DocumentCellsRead[],
  unit: string,
): { header: TableHeader<DocumentRole>; rows: DocumentCellsRead[]; end: number }[] {
  const visibility = views[primary.sheetIndex]!.sheet.visibility;
  const seen = codeKeysOf(read);
  const out: { header: TableHeader<DocumentRole>; rows: DocumentCellsRead[]; end: number }[] = [];
  const taken = new Set<number>([primary.sheetIndex]);
  const rest = headers
    .filter((h) => h.sheetIndex !== primary.sheetIndex && views[h.sheetIndex]!.sheet.visibility === visibility)
    .sort((a, b) => a.sheetIndex - b.sheetIndex || a.row - b.row);
  for (const header of rest) {
    // One table a sheet: its first header (a header repeated further down the same sheet is read by documentTables' rule).
    if (taken.has(header.sheetIndex)) continue;
    taken.add(header.sheetIndex);
    const view = views[header.sheetIndex]!;
    const named = unitFromHeader(view.sheet, view);
    if (named !== undefined && !sameUnitName(named, unit)) continue;
    const { rows, end } = readDocumentRows(view, header, endOf(header, all, view));
    const keys = codeKeysOf(rows);
    if (rows.length === 0 || keys.size === 0 || [...keys].some((k) => seen.has(k))) continue;
    for (const k of keys) seen.add(k);
    out.push({ header, rows, end });
  }
  return out;
}

/** Figure columns taken by position, figure columns the table lacks, and figure columns it has several of. */
function columnIssues(header: TableHeader<IndicatorRole>, view: SheetView, isSummary: boolean, combined = false): Issue[] {
  const sheet = view.sheet.name;
  const out: Issue[] = [];
  // A summary's own breakdown has a Tổng số per unit by design.
  for (const role of isSummary ? [] : (["total", "achieved"] as const)) {
    const columns = columnsWithRole(view, header, role);
    if (columns.length < 2) continue;
    // The column read: the first, or the one of the whole period under a header split by year ("Cộng").
    const read = header.columns[role];
    const used = columns.find((span) => read !== undefined && span.c <= read.c && span.c2 >= read.c) ?? columns[0]!;
    out.push(
      makeIssue(
        "column-repeated",
        { sheet, cell: cellAddress(header.row, used.c) },
        { role: COLUMN[role], columns: columns.map((span) => columnLetters(span.c)).join(", "), used: columnLetters(used.c) },
      ),
    );
  }
  for (const g of header.guessed ?? []) {
    const cell = cellAddress(g.r, g.c);
    out.push(
      makeIssue("column-by-position", { sheet, cell }, { column: columnLetters(g.c), text: g.text, role: COLUMN[g.role] }),
    );
  }
  const counted = INDICATORS.filter((i) => i.target.op === "count>=").map((i) => i.id);
  for (const role of ["total", "achieved"] as const) {
    // Both figures read from one column ("45/50"): said by column-combined.
    if (header.columns[role] || combined) continue;
    const texts: string[] = [];
    const first = header.within?.c ?? 0;
    for (let c = first; c < Math.min(view.width, first + 30, header.within ? header.within.c2 + 1 : Number.POSITIVE_INFINITY); c++) {
      const t = view.shownText(header.lastRow, c) || view.shownText(header.row, c);
      if (t !== "" && texts[texts.length - 1] !== t) texts.push(t);
    }
    out.push(
      makeIssue(
        "column-missing",
        { sheet, cell: cellAddress(header.row, header.columns.text?.c ?? 0) },
        {
          sheet,
          role: COLUMN[role],
          row: header.row + 1,
          headers: texts.map((t) => `"${t}"`).join(", "),
          // Without Tổng số only the count indicators can be summed; without Số đã đạt none can.
          countedOnly: role === "total" ? counted.join(", ") : null,
        },
      ),
    );
  }
  return out;
}

export function readUnitReport(typed: WorkbookGrid, fileName: string): UnitReport {
  // What the files read before left in the text caches: their long texts are let go.
  trimTextCaches();
  // Text typed with a legacy font (TCVN3, VNI) is read in Unicode; the first cell decoded is named.
  const { grid, found: legacy } = decodeLegacyText(typed);
  const views = grid.sheets.map((s) => new SheetView(s));
  // Visible sheets' headers come first (see `better`): hidden sheets only matter when a table is on none of them.
  let { indHeaders, docHeaders } = headersOf(views, (view) => view.sheet.visibility === "visible");
  if (indHeaders.length === 0 || docHeaders.length === 0) ({ indHeaders, docHeaders } = headersOf(views, () => true));
  const all: AnyHeader[] = [...indHeaders, ...docHeaders];
  const indicatorsHeader = [...indHeaders].sort((a, b) => better(a, b, views))[0];
  const documentsHeader = [...docHeaders].sort((a, b) => better(a, b, views))[0];

  const issues: Issue[] = [];
  if (legacy) issues.push(makeIssue("legacy-encoding", { sheet: legacy.sheet, cell: legacy.cell }, { ...legacy }));
  const indicators: Record<string, IndicatorEntry> = {};
  const tableRows = new Map<number, Set<number>>();
  const markRows = (sheetIndex: number, from: number, to: number): void => {
    const set = tableRows.get(sheetIndex) ?? new Set<number>();
    for (let r = from; r < to; r++) set.add(r);
    tableRows.set(sheetIndex, set);
  };

  const identity = findIdentity(grid);
  // Unit and date: from the identity, else the header block of the sheets holding the tables first.
  const order = [indicatorsHeader?.sheetIndex, documentsHeader?.sheetIndex, ...views.map((_, i) => i)].filter(
    (i, k, arr): i is number => i !== undefined && arr.indexOf(i) === k && views[i]!.sheet.visibility === "visible",
  );
  let headerName: string | undefined;
  for (const i of order) {
    headerName = unitFromHeader(views[i]!.sheet, views[i]);
    if (headerName) break;
  }
  // A unit list kept beside the reports (no table of a report, a "Tên đơn vị" column): no unit's file, so no unit is read from it.
  const listed = !indicatorsHeader && !documentsHeader && !identity ? unitListIn(views) : 0;
  const unit = listed > 0 ? unitInfo(undefined, undefined, fileName) : unitInfo(identity, headerName, fileName);
  let anyValue = false;
  // Rows of the indicator table taken for an indicator, and rows whose texts are none of them.
  let matchedRows = 0;
  let unknownRows = 0;
  if (indicatorsHeader) {
    const view = views[indicatorsHeader.sheetIndex]!;
    const { tables, ignored } = indicatorTables(indicatorsHeader, indHeaders, all, views);
    // The rows read as breakdowns of an indicator in the file's tables, said once (a summary's own rows aside).
    const breakdownLines: BreakdownRowRead[] = [];
    // A summary's own per-unit breakdown repeats the indicators by design.
    if (identity?.kind !== "summary") issues.push(...ignoredTableIssues(tables, ignored, views, unit.name));
    for (const { header, read } of tables) {
      markRows(header.sheetIndex, header.row, read.end);
      issues.push(...columnIssues(header, views[header.sheetIndex]!, identity?.kind === "summary", read.combined));
      issues.push(...read.issues);
      matchedRows += read.rows.length;
      unknownRows += read.issues.filter((i) => i.rule === "unknown-row").length;
      breakdownLines.push(...read.breakdownLines);
      for (const row of read.rows) {
        const checked = checkIndicator(row);
        indicators[row.id] = checked.entry;
        issues.push(...checked.issues);
        if (checked.entry.total !== null || checked.entry.achieved !== null || checked.entry.typedRatio !== null || checked.issues.length > 0) {
          anyValue = true;
        }
      }
    }
    const breakdownRows = identity?.kind === "summary" ? undefined : breakdownRowsIssue(breakdownLines);
    if (breakdownRows !== undefined) issues.push(breakdownRows);
    for (const indicator of INDICATORS) {
      if (!(indicator.id in indicators) && !issues.some((i) => i.rule === "duplicate-indicator" && i.indicator === indicator.id)) {
        issues.push(
          makeIssue("indicator-missing", { sheet: view.sheet.name, indicator: indicator.id }, { indicator: indicator.id, official: indicator.text }),
        );
      }
    }
  }

  let documents: UnitReport["documents"] = [];
  if (documentsHeader) {
    const view = views[documentsHeader.sheetIndex]!;
    const rows: DocumentCellsRead[] = [];
    for (const header of documentTables(documentsHeader, docHeaders, indHeaders)) {
      const read = readDocumentRows(view, header, endOf(header, all, view));
      markRows(header.sheetIndex, header.row, read.end);
      rows.push(...read.rows);
    }
    // The table continued on further sheets ("Văn bản (tiếp)"), a summary's own sheets aside.
    if (identity?.kind !== "summary") {
      for (const more of documentsOnOtherSheets(documentsHeader, docHeaders, all, views, rows, unit.name)) {
        markRows(more.header.sheetIndex, more.header.row, more.end);
        rows.push(...more.rows);
      }
    }
    const checked = checkDocuments(rows);
    documents = checked.documents;
    issues.push(...checked.issues);
  }

  if (listed > 0) {
    issues.push(makeIssue("unit-list-file", {}, { file: fileName, units: listed }));
  } else if (!indicatorsHeader && !documentsHeader) {
    issues.push(makeIssue("no-tables", {}, { file: fileName }));
  } else {
    if (!indicatorsHeader) issues.push(makeIssue("indicators-table-missing", {}, { file: fileName }));
    if (!documentsHeader) issues.push(makeIssue("documents-table-missing", {}, { file: fileName }));
    if (!anyValue && documents.length === 0) issues.push(makeIssue("nothing-filled", {}, { file: fileName }));
  }

  let reportDate: string | null = null;
  for (const i of order) {
    const found = reportDateOf(views[i]!.sheet, tableRows.get(i) ?? new Set());
    if (found.iso) {
      reportDate = found.iso;
      break;
    }
  }
  const notOurs = identity ? undefined : notDeAn241(views, indicatorsHeader ?? documentsHeader, fileName, unknownRows, matchedRows);
  // A unit's report with figures and no date: said, since whether it came in time then rests on when it was received.
  if (reportDate === null && anyValue && !notOurs && identity?.kind !== "summary") issues.push(makeIssue("report-date-missing", {}, { file: fileName }));
  // Checks across indicators are about one unit's own figures: a summary's sums are left alone.
  if (!notOurs && identity?.kind !== "summary") issues.push(...crossIndicatorIssues(unit.name, indicators, issues));
  issues.push(...longTextIssues(grid, fileName, tableRows));
  return {
    fileName,
    unit,
    ...(identity ? { identity } : {}),
    reportDate,
    // Another programme's report: nothing of it is read as Đề án 241's.
    indicators: notOurs ? {} : indicators,
    documents: notOurs ? [] : documents,
    issues: notOurs ? [notOurs] : issues,
  };
}

/** The units a visible sheet lists when the workbook is a unit list (unitListSize), at least two; else 0. */
function unitListIn(views: readonly SheetView[]): number {
  for (const view of views) {
    if (view.sheet.visibility !== "visible") continue;
    const n = unitListSize(view.sheet);
    if (n >= 2) return n;
  }
  return 0;
}

/**
 * The issue of a report that is not Đề án 241's (a workbook this tool wrote is, by its identity):
 * most rows of its indicator table are none of the indicators, or its title names another
 * programme as its subject. Undefined for Đề án 241's reports.
 */
function notDeAn241(
  views: readonly SheetView[],
  header: AnyHeader | undefined,
  fileName: string,
  unknownRows: number,
  matchedRows: number,
): Issue | undefined {
  const sheetIndex = header?.sheetIndex ?? views.findIndex((v) => v.sheet.visibility === "visible");
  const view = views[sheetIndex];
  if (!view) return undefined;
  const title = reportTitle(view.sheet, header?.row);
  if (!mostRowsDisagree(unknownRows, matchedRows) && title?.otherProgramme === undefined) return undefined;
  return makeIssue("not-de-an-241", { sheet: view.sheet.name }, { file: fileName, title: title?.text ?? null, unknownRows, matchedRows });
}

export { hasErrors };
