/**
 * Reading a unit's workbook by meaning: finds the two tables wherever they
 * stand, matches rows to the catalogue, and checks every entry.
 */
import { INDICATORS } from "../catalogue";
import type { WorkbookGrid } from "../grid";
import { hasErrors, type Issue } from "../issues";
import type { IndicatorEntry, UnitReport } from "../report";
import { checkDocuments, checkIndicator } from "../validate/rules";
import { makeIssue } from "../validate/messages";
import { findHeaders, type DocumentRole, type IndicatorRole, type TableHeader } from "./headers";
import { readDocumentRows, readIndicatorRows } from "./rows";
import { SheetView } from "./sheet";
import { findIdentity, reportDateOf, unitFromHeader, unitInfo } from "./unit";

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
    if (h.sheetIndex === header.sheetIndex && h.row > header.lastRow && h.row < end) end = h.row;
  }
  return end;
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
  // A row can't be a header of both tables: prefer the stronger reading.
  const docHeaders = documentHeaders.filter(
    (d) => !indicatorHeaders.some((h) => h.sheetIndex === d.sheetIndex && h.row === d.row && h.score >= d.score),
  );
  const indHeaders = indicatorHeaders.filter(
    (h) => !docHeaders.some((d) => d.sheetIndex === h.sheetIndex && d.row === h.row && d.score > h.score),
  );
  return { indHeaders, docHeaders };
}

export function readUnitReport(grid: WorkbookGrid, fileName: string): UnitReport {
  const views = grid.sheets.map((s) => new SheetView(s));
  // Visible sheets' headers come first (see `better`): hidden sheets only matter when a table is on none of them.
  let { indHeaders, docHeaders } = headersOf(views, (view) => view.sheet.visibility === "visible");
  if (indHeaders.length === 0 || docHeaders.length === 0) ({ indHeaders, docHeaders } = headersOf(views, () => true));
  const all: AnyHeader[] = [...indHeaders, ...docHeaders];
  const indicatorsHeader = [...indHeaders].sort((a, b) => better(a, b, views))[0];
  const documentsHeader = [...docHeaders].sort((a, b) => better(a, b, views))[0];

  const issues: Issue[] = [];
  const indicators: Record<string, IndicatorEntry> = {};
  const tableRows = new Map<number, Set<number>>();
  const markRows = (sheetIndex: number, from: number, to: number): void => {
    const set = tableRows.get(sheetIndex) ?? new Set<number>();
    for (let r = from; r < to; r++) set.add(r);
    tableRows.set(sheetIndex, set);
  };

  let anyValue = false;
  if (indicatorsHeader) {
    const view = views[indicatorsHeader.sheetIndex]!;
    const end = endOf(indicatorsHeader, all, view);
    const read = readIndicatorRows(view, indicatorsHeader, end);
    markRows(indicatorsHeader.sheetIndex, indicatorsHeader.row, read.end);
    issues.push(...read.issues);
    for (const row of read.rows) {
      const checked = checkIndicator(row);
      indicators[row.id] = checked.entry;
      issues.push(...checked.issues);
      if (checked.entry.total !== null || checked.entry.achieved !== null || checked.entry.typedRatio !== null || checked.issues.length > 0) {
        anyValue = true;
      }
    }
    for (const indicator of INDICATORS) {
      if (!(indicator.id in indicators) && !issues.some((i) => i.rule === "duplicate-indicator" && i.indicator === indicator.id)) {
        issues.push(
          makeIssue("indicator-missing", { sheet: view.sheet.name, indicator: indicator.id }, { official: indicator.text }),
        );
      }
    }
  }

  let documents: UnitReport["documents"] = [];
  if (documentsHeader) {
    const view = views[documentsHeader.sheetIndex]!;
    const end = endOf(documentsHeader, all, view);
    const read = readDocumentRows(view, documentsHeader, end);
    markRows(documentsHeader.sheetIndex, documentsHeader.row, read.end);
    const checked = checkDocuments(read.rows);
    documents = checked.documents;
    issues.push(...checked.issues);
  }

  if (!indicatorsHeader && !documentsHeader) {
    issues.push(makeIssue("no-tables", {}, { file: fileName }));
  } else {
    if (!indicatorsHeader) issues.push(makeIssue("indicators-table-missing", {}, { file: fileName }));
    if (!documentsHeader) issues.push(makeIssue("documents-table-missing", {}, { file: fileName }));
    if (!anyValue && documents.length === 0) issues.push(makeIssue("nothing-filled", {}, { file: fileName }));
  }

  // Unit and date: from the identity, else the header block of the sheets holding the tables first.
  const identity = findIdentity(grid);
  const order = [indicatorsHeader?.sheetIndex, documentsHeader?.sheetIndex, ...views.map((_, i) => i)].filter(
    (i, k, arr): i is number => i !== undefined && arr.indexOf(i) === k && views[i]!.sheet.visibility === "visible",
  );
  let headerName: string | undefined;
  for (const i of order) {
    headerName = unitFromHeader(views[i]!.sheet);
    if (headerName) break;
  }
  let reportDate: string | null = null;
  for (const i of order) {
    const found = reportDateOf(views[i]!.sheet, tableRows.get(i) ?? new Set());
    if (found.iso) {
      reportDate = found.iso;
      break;
    }
  }
  return {
    fileName,
    unit: unitInfo(identity, headerName, fileName),
    ...(identity ? { identity } : {}),
    reportDate,
    indicators,
    documents,
    issues,
  };
}

export { hasErrors };
