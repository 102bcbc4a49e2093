/**
 * Marks cells (the errors a check found) with a fill, and takes the marks off
 * again, giving every cell back its own fill.
 *
 * Each cell's own fill is remembered before it is marked: in memory and in a
 * document setting (`workbook.settings`, saved with the workbook), so the marks
 * can still be taken off after the task pane reloads or the workbook is
 * reopened. A cell whose fill the user changed after it was marked keeps the
 * user's fill.
 *
 * What is remembered: the colour, and from ExcelApi 1.9 the pattern, its
 * colour and shade, and the colour's shade (tintAndShade), so a hatched or
 * theme-shaded fill comes back as it looked. A theme colour comes back as its
 * colour and shade, not as a link to the theme (RangeFill does not expose
 * the theme). Before 1.9 Excel reads "#FFFFFF" both for no fill and for a
 * white fill, and nothing else tells them apart: such a cell gets a white
 * fill back, so an explicit white fill is never lost (a cell that had no
 * fill then shows no gridlines).
 *
 * Syncs: the sheet names and the setting; the fills of the cells; the new
 * fills and the setting — three for a few thousand cells. Loading or filling
 * a cell costs about 800 bytes of request (its object paths and actions, as
 * measured against Microsoft's client; CELL_BYTES counts 1,000), and the
 * setting its JSON text, so larger sets are loaded and filled in requests of
 * at most REQUEST_BYTES estimated, under Excel on the web's 5 MB limit. The
 * setting goes first with the new fills: if a later request fails, the
 * setting still names every cell that may carry the mark.
 */
import type { CellRef } from "../../app/usecases";
import { parseRange, cellAddress } from "../../domain/model/grid";
import { EXCEL_API } from "./host";

/** Light red, as the conditional formats of the official sheets use for a result short of its target. */
export const HIGHLIGHT_FILL = "#FFC7CE";
/** Estimated request bytes of loading or filling one cell (about 800 measured). */
export const CELL_BYTES = 1_000;
/** Estimated request bytes of one sync. */
export const REQUEST_BYTES = 3_000_000;

/** The document setting holding the remembered fills. */
export const HIGHLIGHT_SETTING = "de-an-241.highlight";

export interface RememberedFill {
  readonly sheet: string;
  /** A1 address. */
  readonly cell: string;
  /** The cell's own fill ("#RRGGBB"), null when it had none. */
  readonly color: string | null;
  /** ExcelApi 1.9: the fill's pattern when not "Solid" ("Gray50", "Checker" …). */
  readonly pattern?: string;
  /** ExcelApi 1.9: the pattern's colour ("#RRGGBB"), with a pattern. */
  readonly patternColor?: string;
  /** ExcelApi 1.9: the pattern colour's shade (-1 … 1), when not 0. */
  readonly patternTintAndShade?: number;
  /** ExcelApi 1.9: the colour's shade (-1 … 1, a theme colour's tint), when not 0. */
  readonly tintAndShade?: number;
}

export interface HighlightState {
  /** The fill the marked cells were given. */
  readonly fill: string;
  readonly cells: readonly RememberedFill[];
}

/** What this task pane knows of the marks (the document setting is the lasting copy). */
export class HighlightMemory {
  state: HighlightState | null = null;
}

const key = (sheet: string, cell: string): string => `${sheet}!${cell}`;

/** "$d$9" → "D9"; undefined for anything but one cell (such references are not marked). */
function normalCell(cell: string): string | undefined {
  if (!/^\$?[A-Z]{1,3}\$?\d{1,7}$/i.test(cell.trim())) return undefined;
  const at = parseRange(cell);
  return at ? cellAddress(at.s.r, at.s.c) : undefined;
}

function parseState(value: unknown): HighlightState | null {
  const data: unknown = typeof value === "string" ? JSON.parse(value) : value;
  if (typeof data !== "object" || data === null) return null;
  const { fill, cells } = data as { fill?: unknown; cells?: unknown };
  if (typeof fill !== "string" || !Array.isArray(cells)) return null;
  const out: RememberedFill[] = [];
  for (const c of cells as unknown[]) {
    if (typeof c !== "object" || c === null) continue;
    const { sheet, cell, color, pattern, patternColor, patternTintAndShade, tintAndShade } = c as Record<string, unknown>;
    if (typeof sheet === "string" && typeof cell === "string" && (typeof color === "string" || color === null)) {
      out.push({
        sheet,
        cell,
        color,
        ...(typeof pattern === "string" ? { pattern } : {}),
        ...(typeof patternColor === "string" ? { patternColor } : {}),
        ...(typeof patternTintAndShade === "number" ? { patternTintAndShade } : {}),
        ...(typeof tintAndShade === "number" ? { tintAndShade } : {}),
      });
    }
  }
  return { fill, cells: out };
}

const sameColor = (a: string | null, b: string): boolean => a !== null && a.toUpperCase() === b.toUpperCase();

interface Loaded {
  readonly sheet: string;
  readonly cell: string;
  readonly fill: Excel.RangeFill;
}

/** Sync 1: sheet names and the stored marks (memory when the document holds none). */
async function stateAndSheets(
  context: Excel.RequestContext,
  memory: HighlightMemory,
): Promise<{ sheets: Set<string>; state: HighlightState | null; setting: Excel.Setting }> {
  const worksheets = context.workbook.worksheets;
  worksheets.load("items/name");
  const setting = context.workbook.settings.getItemOrNullObject(HIGHLIGHT_SETTING);
  setting.load("value");
  await context.sync();
  const stored = setting.isNullObject ? null : parseState(setting.value);
  return { sheets: new Set(worksheets.items.map((w) => w.name)), state: stored ?? memory.state, setting };
}

/** The cells' fills, loaded in requests of at most `requestBytes` estimated (no sync for none). */
async function loadFills(
  context: Excel.RequestContext,
  cells: readonly { sheet: string; cell: string }[],
  apiVersion: number,
  requestBytes: number,
): Promise<Loaded[]> {
  const worksheets = context.workbook.worksheets;
  const out: Loaded[] = [];
  const perRequest = Math.max(1, Math.floor(requestBytes / CELL_BYTES));
  for (let i = 0; i < cells.length; i += perRequest) {
    for (const { sheet, cell } of cells.slice(i, i + perRequest)) {
      const fill = worksheets.getItem(sheet).getRange(cell).format.fill;
      fill.load(apiVersion >= EXCEL_API.fillPattern ? "color,pattern,patternColor,patternTintAndShade,tintAndShade" : "color");
      out.push({ sheet, cell, fill });
    }
    await context.sync();
  }
  return out;
}

interface Write {
  readonly bytes: number;
  readonly queue: () => void;
}

/** Queues the writes in order, syncing before a request would go over `requestBytes` estimated, and after the last. */
async function writeInRequests(context: Excel.RequestContext, writes: readonly Write[], requestBytes: number): Promise<void> {
  let load = 0;
  for (const write of writes) {
    if (load > 0 && load + write.bytes > requestBytes) {
      await context.sync();
      load = 0;
    }
    write.queue();
    load += write.bytes;
  }
  if (load > 0) await context.sync();
}

/** Request bytes of a text argument (UTF-8, quoted and escaped once more in the request). */
const textBytes = (text: string): number => new TextEncoder().encode(JSON.stringify(text)).length + CELL_BYTES;

const cellWrite = (queue: () => void, cell?: RememberedFill): Write => ({ bytes: cell && extraSets(cell) > 0 ? 2 * CELL_BYTES : CELL_BYTES, queue });

/** How many properties besides the colour giving the cell its fill back sets. */
const extraSets = (cell: RememberedFill): number =>
  [cell.pattern, cell.patternColor, cell.patternTintAndShade, cell.tintAndShade].filter((v) => v !== undefined).length;

type OwnFill = Omit<RememberedFill, "sheet" | "cell">;

/** A shade worth remembering: a number other than 0. */
const shade = (value: unknown): number | undefined => (typeof value === "number" && value !== 0 ? value : undefined);

/**
 * The loaded fill as remembered: color null for none (pattern "None"). Before
 * ExcelApi 1.9 no fill reads as white, as a white fill does: it is taken as
 * white (see the module's comment).
 */
function ownFill(fill: Excel.RangeFill, apiVersion: number): OwnFill {
  // Below 1.9 no fill reads as white, and nothing tells the two apart: white is taken for no fill, since
  // the template's cells have none (giving them white would hide their gridlines); an explicit white fill
  // is cleared, which looks the same on screen.
  if (apiVersion < EXCEL_API.fillPattern) return { color: fill.color === null || fill.color.toUpperCase() === "#FFFFFF" ? null : fill.color };
  if (fill.pattern === "None") return { color: null };
  const patterned = typeof fill.pattern === "string" && fill.pattern !== "Solid";
  const patternTint = patterned ? shade(fill.patternTintAndShade) : undefined;
  const tint = shade(fill.tintAndShade);
  return {
    color: fill.color,
    ...(patterned ? { pattern: fill.pattern } : {}),
    ...(patterned && typeof fill.patternColor === "string" ? { patternColor: fill.patternColor } : {}),
    ...(patternTint !== undefined ? { patternTintAndShade: patternTint } : {}),
    ...(tint !== undefined ? { tintAndShade: tint } : {}),
  };
}

/** Queues giving a cell back its own fill: the colour, then what ExcelApi 1.9 remembered on top of it. */
function restore(context: Excel.RequestContext, remembered: RememberedFill, apiVersion: number): void {
  const fill = context.workbook.worksheets.getItem(remembered.sheet).getRange(remembered.cell).format.fill;
  if (remembered.color === null) {
    fill.clear();
    return;
  }
  fill.color = remembered.color;
  if (apiVersion < EXCEL_API.fillPattern) return;
  // Setting the colour made the fill solid, unshaded: what was otherwise is set again.
  if (remembered.pattern !== undefined) fill.pattern = remembered.pattern as Excel.FillPattern;
  if (remembered.patternColor !== undefined) fill.patternColor = remembered.patternColor;
  if (remembered.patternTintAndShade !== undefined) fill.patternTintAndShade = remembered.patternTintAndShade;
  if (remembered.tintAndShade !== undefined) fill.tintAndShade = remembered.tintAndShade;
}

/** Queues the mark: a solid fill of `color` (a patterned cell's pattern would hide it). */
function mark(context: Excel.RequestContext, ref: RememberedFill, color: string, apiVersion: number): void {
  const fill = context.workbook.worksheets.getItem(ref.sheet).getRange(ref.cell).format.fill;
  fill.color = color;
  if (apiVersion >= EXCEL_API.fillPattern && ref.pattern !== undefined) fill.pattern = "Solid";
}

/**
 * Marks the cells with `fill`. Cells marked before keep their remembered own
 * fill; cells marked before but not now get theirs back. References to sheets
 * that no longer exist are left out.
 */
export async function highlightCells(
  context: Excel.RequestContext,
  refs: readonly CellRef[],
  options: { fill?: string; apiVersion: number; memory: HighlightMemory; requestBytes?: number },
): Promise<void> {
  const fill = options.fill ?? HIGHLIGHT_FILL;
  const { sheets, state } = await stateAndSheets(context, options.memory); // 1
  const wanted = new Map<string, { sheet: string; cell: string }>();
  for (const ref of refs) {
    const cell = normalCell(ref.cell);
    if (cell !== undefined && sheets.has(ref.sheet)) wanted.set(key(ref.sheet, cell), { sheet: ref.sheet, cell });
  }
  const before = new Map((state?.cells ?? []).filter((c) => sheets.has(c.sheet)).map((c) => [key(c.sheet, c.cell), c]));
  const fresh = [...wanted.entries()].filter(([k]) => !before.has(k)).map(([, v]) => v);
  const dropped = [...before.entries()].filter(([k]) => !wanted.has(k)).map(([, v]) => v);
  if (wanted.size === 0 && before.size === 0) return;
  const requestBytes = options.requestBytes ?? REQUEST_BYTES;

  const loaded = await loadFills(context, [...fresh, ...dropped], options.apiVersion, requestBytes); // 2
  const freshFills = loaded.slice(0, fresh.length);
  const droppedFills = loaded.slice(fresh.length);

  const own = new Map(freshFills.map((f) => [key(f.sheet, f.cell), ownFill(f.fill, options.apiVersion)]));
  const remembered: RememberedFill[] = [...wanted.entries()].map(([k, ref]) => before.get(k) ?? { ...ref, ...(own.get(k) ?? { color: null }) });
  const next: HighlightState = { fill, cells: remembered };
  // The setting first: until every fill is written it names each cell that may carry the mark.
  const text = JSON.stringify(next);
  const writes: Write[] = [{ bytes: textBytes(text), queue: () => context.workbook.settings.add(HIGHLIGHT_SETTING, text) }];
  droppedFills.forEach((l, i) => {
    if (sameColor(l.fill.color, state?.fill ?? fill)) writes.push(cellWrite(() => restore(context, dropped[i]!, options.apiVersion), dropped[i]));
  });
  for (const ref of remembered) writes.push(cellWrite(() => mark(context, ref, fill, options.apiVersion), ref));
  await writeInRequests(context, writes, requestBytes); // 3
  options.memory.state = next;
}

/** Takes the marks off: each marked cell still showing the mark gets its own fill back. */
export async function clearHighlightCells(
  context: Excel.RequestContext,
  options: { apiVersion: number; memory: HighlightMemory; requestBytes?: number },
): Promise<void> {
  const { sheets, state, setting } = await stateAndSheets(context, options.memory); // 1
  if (!state) return;
  const cells = state.cells.filter((c) => sheets.has(c.sheet));
  const requestBytes = options.requestBytes ?? REQUEST_BYTES;
  const loaded = await loadFills(context, cells, options.apiVersion, requestBytes); // 2
  const writes: Write[] = [];
  loaded.forEach((l, i) => {
    if (sameColor(l.fill.color, state.fill)) writes.push(cellWrite(() => restore(context, cells[i]!, options.apiVersion), cells[i]));
  });
  // The setting last: until every fill is given back it still names the marked cells.
  writes.push(
    cellWrite(() => {
      if (!setting.isNullObject) setting.delete();
    }),
  );
  await writeInRequests(context, writes, requestBytes); // 3
  options.memory.state = null;
}
