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
import { guardZip, outsideExcel, readGuardedZip, readWorkbookFile, type GuardedZip } from "../workbook";
import { referenceOutsideExcel } from "./sheet-check";
import { LeanUnsupported, readLeanXlsx, type LeanChecks, type ZipEntries } from "./xlsx";

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

/** The lean reader asked for a part the guard left closed. */
class PartClosed extends Error {}

export function readWorkbookFast(bytes: Uint8Array, fileName: string, limits: Partial<ReadLimits> = {}): WorkbookGrid {
  const lim: ReadLimits = { ...DEFAULT_LIMITS, ...limits };
  if (!isZip(bytes) || bytes.length > lim.maxFileBytes) return readWorkbookFile(bytes, fileName, limits);
  // The zip is opened once, by the guard, leaving closed the parts the lean reader never reads;
  // the lean reader counts the cells of the sheets it reads and checks their references as it
  // reads them (readGuardedZip opens and checks every part before SheetJS reads any).
  const zip = guardZip(bytes, fileName, lim, true);
  if (zip.kind !== "ooxml" || !zip.parts.has("xl/workbook.xml") || zip.parts.has("xl/workbook.bin")) return readGuardedZip(zip, fileName, lim);
  try {
    return readLean(zip, bytes, fileName, lim);
  } catch (error) {
    // A workbook whose sheets, strings or styles sit in a part left closed: opened whole, read again.
    if (error instanceof PartClosed) {
      const whole = guardZip(bytes, fileName, lim);
      try {
        return readLean(whole, bytes, fileName, lim);
      } catch (again) {
        if (again instanceof LeanUnsupported) return readGuardedZip(whole, fileName, lim);
        throw again;
      }
    }
    if (error instanceof LeanUnsupported) return readGuardedZip(zip, fileName, lim);
    throw error;
  }
}

function readLean(zip: GuardedZip, bytes: Uint8Array, fileName: string, lim: ReadLimits): WorkbookGrid {
  const checks: LeanChecks = {
    tooManyCells(cells) {
      throw new WorkbookReadError("too-many-cells", fileName, { cells, limit: lim.maxCells });
    },
    outside(part) {
      const data = zip.parts.get(part);
      const reference = data ? referenceOutsideExcel(data) : undefined;
      if (reference !== undefined) throw outsideExcel(fileName, part, reference);
    },
    // Past maxRows nothing is read, but the file is refused for its cells as before: every part opened and counted.
    rowsCut: () => void guardZip(bytes, fileName, lim),
  };
  const closed = zip.forLean?.closed;
  const parts: ZipEntries =
    closed && closed.size > 0
      ? {
          get(name: string) {
            if (closed.has(name)) throw new PartClosed(name);
            return zip.parts.get(name);
          },
        }
      : zip.parts;
  const grid = readLeanXlsx(parts, { maxRows: lim.maxRows, maxCells: lim.maxCells }, checks);
  if (grid.sheets.length === 0 || !hasCells(grid)) throw new WorkbookReadError("empty", fileName);
  return grid;
}
