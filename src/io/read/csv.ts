/**
 * CSV (and plain-text) files as grids: a unit's report saved as CSV by Excel
 * or LibreOffice in a Vietnamese locale, the unit list, the targets sheet. The
 * one CSV reader of the tool, reached through the reading facade (./index.ts).
 *
 * Read as the file was written, from evidence in the file itself:
 * - encoding: UTF-8 with or without a byte order mark, UTF-16 with one
 *   ("Unicode Text"), Windows-1258, and legacy TCVN3/VNI bytes kept as
 *   Windows-1252 text for the domain to convert (./text.ts);
 * - separator: ",", ";" (Excel in a Vietnamese locale) or tab, the one that
 *   splits the lines most consistently; an Excel "sep=;" first line is obeyed;
 * - quotes as RFC 4180 ("" inside quotes, line breaks inside quoted cells);
 * - numbers: cells stay text, except the values the file's own convention
 *   settles (see ./text.ts).
 * Linear in the size of the file; the cell limit is kept while reading.
 */
import type { GridCell, GridSheet, WorkbookGrid } from "../../domain/model/grid";
import { MAX_COLUMNS } from "../../domain/model/grid";
import { DEFAULT_LIMITS, WorkbookReadError, type ReadLimits } from "./errors";
import { ownText } from "./own-text";
import { applyConvention, decodeText, numberConvention, textsOf } from "./text";

type Separator = "," | ";" | "\t";
const SEPARATORS: readonly Separator[] = ["\t", ";", ","];

/** How many lines the separator is guessed from. */
const SAMPLE_LINES = 200;

/**
 * The separator that splits the first lines most consistently: the most lines having the same
 * (non-zero) count of it outside quotes; ties go to tab, then ";", then ",".
 */
export function guessSeparator(text: string): Separator {
  const counts = new Map<Separator, number[]>(SEPARATORS.map((s) => [s, []]));
  let line: Record<Separator, number> = { "\t": 0, ";": 0, ",": 0 };
  let quoted = false;
  let lines = 0;
  let blank = true;
  const endLine = (): void => {
    if (!blank) {
      for (const s of SEPARATORS) counts.get(s)!.push(line[s]);
      lines++;
    }
    line = { "\t": 0, ";": 0, ",": 0 };
    blank = true;
  };
  for (let i = 0; i < text.length && lines < SAMPLE_LINES; i++) {
    const ch = text[i]!;
    if (ch === '"') quoted = !quoted;
    else if (!quoted && (ch === "\n" || ch === "\r")) endLine();
    else if (!quoted && (ch === "\t" || ch === ";" || ch === ",")) line[ch]++;
    if (ch !== "\n" && ch !== "\r") blank = false;
  }
  endLine();
  let best: Separator = ",";
  let bestScore = 0;
  for (const s of SEPARATORS) {
    const tally = new Map<number, number>();
    for (const n of counts.get(s)!) if (n > 0) tally.set(n, (tally.get(n) ?? 0) + 1);
    let score = 0;
    for (const v of tally.values()) score = Math.max(score, v);
    if (score > bestScore) {
      best = s;
      bestScore = score;
    }
  }
  return best;
}

/**
 * Splits CSV text into rows of texts (RFC 4180 quoting). `onCell` is called for every non-empty
 * cell, so the caller can stop a file with too many cells as it is read.
 */
export function parseCsv(text: string, separator: Separator, onCell: () => void = () => undefined, maxRows = Infinity): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = "";
  let i = 0;
  const n = text.length;
  const endCell = (): void => {
    if (row.length < MAX_COLUMNS) {
      row.push(cell);
      if (cell !== "") onCell();
    }
    cell = "";
  };
  const endRow = (): void => {
    endCell();
    rows.push(row);
    row = [];
  };
  while (i < n && rows.length < maxRows) {
    const ch = text[i]!;
    if (ch === '"' && cell === "") {
      // A quoted cell: up to the closing quote ("" is a quote inside).
      i++;
      let start = i;
      for (;;) {
        const q = text.indexOf('"', i);
        if (q < 0) {
          cell += text.slice(start);
          i = n;
          break;
        }
        cell += text.slice(start, q);
        if (text[q + 1] === '"') {
          cell += '"';
          i = q + 2;
          start = i;
          continue;
        }
        i = q + 1;
        break;
      }
      // Text after the closing quote, up to the separator, is kept as typed.
      continue;
    }
    if (ch === separator) {
      endCell();
      i++;
    } else if (ch === "\r" || ch === "\n") {
      endRow();
      i += ch === "\r" && text[i + 1] === "\n" ? 2 : 1;
    } else {
      // Plain text up to the next separator, quote or line end.
      let j = i + 1;
      while (j < n) {
        const c = text[j]!;
        if (c === separator || c === "\r" || c === "\n" || c === '"') break;
        j++;
      }
      cell += text.slice(i, j);
      i = j;
    }
  }
  if (i >= n && (cell !== "" || row.length > 0)) endRow();
  return rows;
}

/** The rows of texts as one sheet: empty texts are empty cells. */
function toSheet(rows: readonly string[][], sheetName: string): GridSheet {
  const gridRows: (GridCell | undefined)[][] = rows.map((row) => row.map((t): GridCell | undefined => (t === "" ? undefined : { v: ownText(t) })));
  applyConvention(gridRows, numberConvention(textsOf(gridRows)));
  return { name: sheetName, visibility: "visible", rows: gridRows, merges: [] };
}

/** Drops an Excel "sep=X" first line, returning the separator it names. */
function sepLine(text: string): { text: string; separator?: Separator } {
  const m = /^sep=(.)\r?\n/i.exec(text.slice(0, 8));
  if (!m) return { text };
  const s = m[1] as Separator;
  return SEPARATORS.includes(s) ? { text: text.slice(m[0].length), separator: s } : { text };
}

/** The rows of a CSV text as one sheet named `sheetName`. */
export function csvSheet(text: string, sheetName: string): GridSheet {
  const body = sepLine(text.replace(/^\ufeff/, ""));
  return toSheet(parseCsv(body.text, body.separator ?? guessSeparator(body.text)), sheetName);
}

/** A .csv/.txt file as a one-sheet grid; the sheet is named after the file (without its extension). */
export function readCsvFile(bytes: Uint8Array, fileName: string, limits: Partial<ReadLimits> = {}): WorkbookGrid {
  const lim: ReadLimits = { ...DEFAULT_LIMITS, ...limits };
  if (bytes.length > lim.maxFileBytes) throw new WorkbookReadError("too-large", fileName, { size: bytes.length, limit: lim.maxFileBytes });
  const body = sepLine(decodeText(bytes).text);
  let cells = 0;
  const rows = parseCsv(
    body.text,
    body.separator ?? guessSeparator(body.text),
    () => {
      if (++cells > lim.maxCells) throw new WorkbookReadError("too-many-cells", fileName, { cells, limit: lim.maxCells });
    },
    lim.maxRows,
  );
  const base = fileName.replace(/^.*[\\/]/, "");
  return { sheets: [toSheet(rows, base.replace(/\.[^.]*$/, "") || base)] };
}
