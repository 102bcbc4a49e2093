/**
 * Checks on a worksheet part of an .xlsx that both readers (the lean one and SheetJS) must see
 * the same way, run before either reads it: every cell and row reference inside Excel's sheet,
 * and numbers SheetJS would misread (it reads "0x10" as 0 where the lean reader read 16) marked
 * as text, so a figure written that way is refused at its cell on every path.
 */
import { EXCEL_COLUMNS, EXCEL_ROWS } from "../errors";

function isSpace(c: number): boolean {
  return c === 32 || c === 9 || c === 10 || c === 13;
}

function isDigit(c: number): boolean {
  return c >= 48 && c <= 57;
}

/** A number as SpreadsheetML writes one in <v>: [sign] digits [. digits] [e [sign] digits], blanks around allowed. */
export function isXmlNumber(raw: string): boolean {
  let i = 0;
  let n = raw.length;
  while (i < n && isSpace(raw.charCodeAt(i))) i++;
  while (n > i && isSpace(raw.charCodeAt(n - 1))) n--;
  let c = raw.charCodeAt(i);
  if (c === 43 || c === 45) i++;
  let digits = 0;
  for (; i < n && isDigit(raw.charCodeAt(i)); i++) digits++;
  if (raw.charCodeAt(i) === 46 /* . */ && i < n) {
    i++;
    for (; i < n && isDigit(raw.charCodeAt(i)); i++) digits++;
  }
  if (digits === 0) return false;
  c = raw.charCodeAt(i);
  if (i < n && (c === 101 || c === 69)) {
    i++;
    c = raw.charCodeAt(i);
    if (c === 43 || c === 45) i++;
    let exp = 0;
    for (; i < n && isDigit(raw.charCodeAt(i)); i++) exp++;
    if (exp === 0) return false;
  }
  return i === n;
}

/**
 * The first reference (r="…" of a cell or row) of a worksheet part that falls outside Excel's
 * 16,384 columns by 1,048,576 rows, or undefined. One pass over the bytes.
 */
export function referenceOutsideExcel(bytes: Uint8Array): string | undefined {
  let from = 0;
  for (;;) {
    const eq = bytes.indexOf(0x3d /* = */, from);
    if (eq < 0) return undefined;
    from = eq + 1;
    if (bytes[eq - 1] !== 0x72 /* r */ || !isSpace(bytes[eq - 2] ?? 0)) continue;
    const quote = bytes[eq + 1];
    if (quote !== 0x22 && quote !== 0x27) continue;
    let i = eq + 2;
    let col = 0;
    let letters = 0;
    for (;;) {
      const b = bytes[i] ?? 0;
      const upper = b >= 0x61 && b <= 0x7a ? b - 32 : b;
      if (upper < 0x41 || upper > 0x5a) break;
      if (letters < 8) col = col * 26 + (upper - 64);
      letters++;
      i++;
    }
    let row = 0;
    let digits = 0;
    while (isDigit(bytes[i] ?? 0)) {
      if (digits < 12) row = row * 10 + (bytes[i]! - 48);
      digits++;
      i++;
    }
    if (bytes[i] !== quote || digits === 0) continue;
    if (row > EXCEL_ROWS || row === 0 || col > EXCEL_COLUMNS) {
      let end = i;
      while (end - eq - 2 > 20) end--;
      return String.fromCharCode(...bytes.subarray(eq + 2, end));
    }
    from = i + 1;
  }
}

function localIs(xml: string, start: number, end: number, local: string): boolean {
  const len = local.length;
  if (end - start < len || !xml.startsWith(local, end - len)) return false;
  return end - start === len || xml.charCodeAt(end - len - 1) === 58 /* : */;
}

/**
 * The worksheet part with every numeric cell whose <v> is not a number (as isXmlNumber reads
 * them) turned into a text cell (t="str"), as the lean reader reads it. Linear; the part comes
 * back unchanged (the same string) when there is none.
 */
export function markNonNumbers(xml: string): string {
  const edits: { at: number; cut: number; text: string }[] = [];
  /** Where the current cell's start tag could take a t attribute, and whether its type is numeric. */
  let cellNameEnd = -1;
  let tAt = -1;
  let tLen = 0;
  let numeric = false;
  let i = 0;
  for (;;) {
    const lt = xml.indexOf("<", i);
    if (lt < 0) break;
    const gt = xml.indexOf(">", lt);
    if (gt < 0) break;
    i = gt + 1;
    const first = xml.charCodeAt(lt + 1);
    if (first === 47 || first === 33 || first === 63) continue;
    let k = lt + 1;
    while (k < gt && !isSpace(xml.charCodeAt(k)) && xml.charCodeAt(k) !== 47) k++;
    if (localIs(xml, lt + 1, k, "c")) {
      cellNameEnd = k;
      numeric = true;
      tAt = -1;
      // The t attribute, read from left to right.
      const tag = xml.slice(k, gt);
      for (let from = 0; ; ) {
        const at = tag.indexOf("t=", from);
        if (at < 0) break;
        from = at + 2;
        if (!isSpace(tag.charCodeAt(at - 1))) continue;
        const q = tag[at + 2];
        if (q !== '"' && q !== "'") continue;
        const close = tag.indexOf(q, at + 3);
        if (close < 0) break;
        const value = tag.slice(at + 3, close);
        numeric = value === "n";
        tAt = k + at;
        tLen = close + 1 - at;
        from = close + 1;
      }
    } else if (localIs(xml, lt + 1, k, "v") && cellNameEnd >= 0 && numeric && xml.charCodeAt(gt - 1) !== 47) {
      const end = xml.indexOf("<", gt + 1);
      const raw = end >= 0 ? xml.slice(gt + 1, end) : "";
      // An empty <v> is a blank cell on both paths; only text that is there and no number is marked.
      if (end >= 0 && raw.trim() !== "" && !isXmlNumber(raw)) {
        edits.push(tAt >= 0 ? { at: tAt, cut: tLen, text: 't="str"' } : { at: cellNameEnd, cut: 0, text: ' t="str"' });
        cellNameEnd = -1;
      }
    }
  }
  if (edits.length === 0) return xml;
  let out = "";
  let from = 0;
  for (const e of edits) {
    out += xml.slice(from, e.at) + e.text;
    from = e.at + e.cut;
  }
  return out + xml.slice(from);
}
