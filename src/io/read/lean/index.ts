/**
 * Reading a workbook file the quick way where it can be done safely: an
 * .xlsx/.xlsm goes through the guarded unzip (sizes checked and inflated
 * bytes counted, as for every file) straight into the lean SpreadsheetML
 * reader; everything else, and any .xlsx the lean reader does not fully
 * understand, goes to the general reader. Both produce the same grids for
 * what the domain reader uses (a differential test holds them to it).
 */
import type { WorkbookGrid } from "../../../domain/model/grid";
import { DEFAULT_LIMITS, WorkbookReadError, type ReadLimits } from "../errors";
import { readWorkbookFile } from "../workbook";
import { scanZip } from "../zip";
import { LeanUnsupported, readLeanXlsx } from "./xlsx";

/** The parts the lean reader needs; anything else in the zip (macros, pictures) is never inflated into memory. */
const NEEDED = /^(\[Content_Types\]\.xml|_rels\/\.rels|xl\/workbook\.xml|xl\/_rels\/workbook\.xml\.rels|xl\/sharedStrings\.xml|xl\/styles\.xml|xl\/worksheets\/[^/]+\.xml)$/;

function isZip(bytes: Uint8Array): boolean {
  return bytes.length > 4 && bytes[0] === 0x50 && bytes[1] === 0x4b && bytes[2] === 0x03 && bytes[3] === 0x04;
}

function hasCells(grid: WorkbookGrid): boolean {
  for (const sheet of grid.sheets) {
    for (const row of sheet.rows) {
      if (row) for (const cell of row) if (cell) return true;
    }
  }
  return false;
}

export function readWorkbookFast(bytes: Uint8Array, fileName: string, limits: Partial<ReadLimits> = {}): WorkbookGrid {
  const lim: ReadLimits = { ...DEFAULT_LIMITS, ...limits };
  if (!isZip(bytes) || bytes.length > lim.maxFileBytes) return readWorkbookFile(bytes, fileName, limits);
  const needed = (name: string): boolean => NEEDED.test(name);
  // The lean reader bounds rows and cells itself (and falls back to the general reader, which counts them, past the bound).
  const scan = scanZip(bytes, fileName, lim, needed, needed, false);
  if (scan.entries.some((e) => e.encrypted)) throw new WorkbookReadError("encrypted", fileName);
  if (!scan.kept.has("xl/workbook.xml") || scan.entries.some((e) => e.name === "xl/workbook.bin")) {
    return readWorkbookFile(bytes, fileName, limits);
  }
  try {
    const grid = readLeanXlsx(scan.kept, { maxRows: lim.maxRows, maxCells: lim.maxCells });
    if (grid.sheets.length === 0 || !hasCells(grid)) throw new WorkbookReadError("empty", fileName);
    return grid;
  } catch (error) {
    if (error instanceof LeanUnsupported) return readWorkbookFile(bytes, fileName, limits);
    throw error;
  }
}
