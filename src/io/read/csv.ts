/**
 * CSV (and plain-text) lists as grids: the unit list and the targets sheet a
 * user may keep as a .csv. The bytes are read as UTF-8 (a BOM is dropped),
 * comma- or semicolon-separated; values stay text as typed. The one CSV
 * reader of the tool, reached through the reading facade (./index.ts).
 */
import * as XLSX from "@e965/xlsx";
import type { GridCell, GridSheet, WorkbookGrid } from "../../domain/model/grid";
import { DEFAULT_LIMITS, WorkbookReadError, type ReadLimits } from "./errors";

/** The rows of a CSV text as one sheet named `sheetName`. */
export function csvSheet(text: string, sheetName: string): GridSheet {
  const wb = XLSX.read(text.replace(/^\ufeff/, ""), { type: "string", raw: true });
  const first = wb.SheetNames[0];
  const ws = first !== undefined ? wb.Sheets[first] : undefined;
  const rows = ws ? XLSX.utils.sheet_to_json<unknown[]>(ws, { header: 1, raw: true, defval: null, blankrows: true }) : [];
  return {
    name: sheetName,
    visibility: "visible",
    rows: rows.map((row) =>
      row.map((v): GridCell | undefined =>
        v === null || v === undefined || v === "" ? undefined : { v: v instanceof Date || typeof v === "number" ? v : String(v) },
      ),
    ),
    merges: [],
  };
}

/** A .csv/.txt file as a one-sheet grid; the sheet is named after the file (without its extension). */
export function readCsvFile(bytes: Uint8Array, fileName: string, limits: Partial<ReadLimits> = {}): WorkbookGrid {
  const lim: ReadLimits = { ...DEFAULT_LIMITS, ...limits };
  if (bytes.length > lim.maxFileBytes) throw new WorkbookReadError("too-large", fileName, { size: bytes.length, limit: lim.maxFileBytes });
  const text = new TextDecoder("utf-8").decode(bytes);
  const base = fileName.replace(/^.*[\\/]/, "");
  const sheet = csvSheet(text, base.replace(/\.[^.]*$/, "") || base);
  const cells = sheet.rows.reduce((n, row) => n + (row?.filter((c) => c !== undefined).length ?? 0), 0);
  if (cells > lim.maxCells) throw new WorkbookReadError("too-many-cells", fileName, { cells, limit: lim.maxCells });
  return { sheets: [sheet] };
}
