/**
 * The open workbook's sheets typed in the legacy fonts, as new sheets in
 * Unicode (pure: no Office.js, no React). The user's sheets are never
 * written: each sheet holding TCVN3/VNI text gets a copy named
 * "<sheet> (Unicode)" (a free name, at most Excel's 31 characters), with the
 * same values and the text decoded; the copy is written as text, never as a
 * formula (the Excel host gives text cells the "@" format first).
 */
import type { LegacyEncoding, LegacyFound } from "../../../../domain/legacy";
import type { GridSheet, WorkbookGrid } from "../../../../domain/model/grid";
import type { WorkbookLayout } from "../../../../domain/model/layout";
import type { WorkbookUseCases } from "../../../../app/usecases";

export const UNICODE_SUFFIX = " (Unicode)";
/** Excel's longest sheet name. */
const MAX_SHEET_NAME = 31;

const fold = (name: string): string => name.toLocaleLowerCase("vi");

/** "<name> (Unicode)", "<name> (Unicode 2)"…: the first not taken (compared as Excel does, without case), within 31 characters. */
export function unicodeSheetName(name: string, taken: Iterable<string>): string {
  const used = new Set([...taken].map(fold));
  for (let n = 1; ; n++) {
    const suffix = n === 1 ? UNICODE_SUFFIX : ` (Unicode ${n})`;
    const candidate = `${[...name].slice(0, MAX_SHEET_NAME - suffix.length).join("")}${suffix}`;
    if (!used.has(fold(candidate))) return candidate;
  }
}

export interface ConvertedSheets {
  /** The new sheets to insert (empty when nothing was typed in a legacy font). */
  readonly layout: WorkbookLayout;
  /** Each converted sheet and the name of its copy. */
  readonly pairs: readonly { readonly from: string; readonly to: string; readonly cells: number }[];
  readonly cells: Readonly<Record<LegacyEncoding, number>>;
  readonly found: LegacyFound | null;
}

/** Text cells whose value differs between a sheet and its decoded form. */
function changedCells(before: GridSheet, after: GridSheet): number {
  let n = 0;
  after.rows.forEach((row, r) =>
    row?.forEach((cell, c) => {
      if (cell && typeof cell.v === "string" && before.rows[r]?.[c]?.v !== cell.v) n++;
    }),
  );
  return n;
}

/**
 * The copies to add for a workbook read from Excel: `decode` is the domain's decodeLegacyText,
 * `layoutOf` the convert use case's gridLayout (both passed in, so this module stays light).
 */
export function convertedSheets(
  grid: WorkbookGrid,
  existing: readonly string[],
  decode: (grid: WorkbookGrid) => { grid: WorkbookGrid; cells: Readonly<Record<LegacyEncoding, number>>; found: LegacyFound | null },
  layoutOf: (grid: WorkbookGrid) => WorkbookLayout,
): ConvertedSheets {
  const decoded = decode(grid);
  const taken = [...existing];
  const pairs: { from: string; to: string; cells: number }[] = [];
  const sheets: GridSheet[] = [];
  decoded.grid.sheets.forEach((sheet, i) => {
    const before = grid.sheets[i];
    if (!before) return;
    const cells = changedCells(before, sheet);
    if (cells === 0) return;
    const to = unicodeSheetName(before.name, taken);
    taken.push(to);
    pairs.push({ from: before.name, to, cells });
    // The copy is shown, even of a hidden sheet: it is what the user asked for.
    sheets.push({ ...sheet, name: to, visibility: "visible" });
  });
  const layout = sheets.length > 0 ? layoutOf({ sheets }) : { sheets: [] };
  return { layout, pairs, cells: decoded.cells, found: decoded.found };
}

/**
 * Converts the open workbook: reads it (its sheet names and used ranges), and when any sheet
 * holds legacy-font text, inserts the Unicode copies in one run (never renaming or writing the
 * user's sheets). The decoder and the layout builder load on first use.
 */
export async function convertOpenWorkbook(workbook: WorkbookUseCases, onWriting?: () => void): Promise<ConvertedSheets> {
  const [grid, names, legacy, convert] = await Promise.all([
    workbook.readWorkbook(),
    workbook.sheetNames(),
    import("../../../../domain/legacy"),
    import("../../../../app/convert"),
  ]);
  const result = convertedSheets(grid, names, legacy.decodeLegacyText, convert.gridLayout);
  if (result.pairs.length > 0) {
    onWriting?.();
    await workbook.insertLayout(result.layout, { renameExisting: false });
  }
  return result;
}
