/**
 * One linear pass over an .ods content.xml before SheetJS sees it: the tags must nest (a broken
 * part is refused as corrupt, not read as empty), the cells SheetJS would build — repeats
 * included — are counted with a hard stop, every cell must sit inside Excel's 16,384 columns by
 * 1,048,576 rows, and the hidden sheets (a table style with table:display="false") are found on
 * the way. Empty repeated cells and rows (LibreOffice pads every row and sheet with them) are
 * passed over without counting, as SheetJS passes over them.
 */
import { EXCEL_COLUMNS, EXCEL_ROWS } from "../errors";
import { isXmlNumber } from "./sheet-check";

export interface OdsScan {
  /** Cells SheetJS will build. */
  readonly cells: number;
  /** Names of the sheets whose table style hides them. */
  readonly hidden: ReadonlySet<string>;
}

/** Why the scan stopped: the caller turns it into a WorkbookReadError. */
export class OdsRefused extends Error {
  constructor(
    readonly code: "corrupt" | "too-many-cells",
    readonly detail: string,
    readonly cells = 0,
  ) {
    super(detail);
  }
}

const NAMED: Readonly<Record<string, string>> = { amp: "&", lt: "<", gt: ">", quot: '"', apos: "'" };

function unescape(s: string): string {
  if (s.indexOf("&") < 0) return s;
  let out = "";
  let from = 0;
  for (let amp = s.indexOf("&"); amp >= 0; amp = s.indexOf("&", from)) {
    const semi = s.indexOf(";", amp);
    if (semi < 0 || semi - amp > 10) break;
    const name = s.slice(amp + 1, semi);
    let rep = NAMED[name];
    if (rep === undefined && name.startsWith("#x")) rep = String.fromCodePoint(parseInt(name.slice(2), 16) || 0xfffd);
    else if (rep === undefined && name.startsWith("#")) rep = String.fromCodePoint(parseInt(name.slice(1), 10) || 0xfffd);
    out += s.slice(from, amp) + (rep ?? s.slice(amp, semi + 1));
    from = semi + 1;
  }
  return out + s.slice(from);
}

function isSpace(c: number): boolean {
  return c === 32 || c === 9 || c === 10 || c === 13;
}

/**
 * An attribute of a start tag by its local name (any prefix, as SheetJS reads them; the last one
 * given wins, as in SheetJS). The tag text is read once from left to right.
 */
export function localAttribute(tag: string, local: string): string | undefined {
  let found: string | undefined;
  let from = 0;
  for (;;) {
    const at = tag.indexOf(local, from);
    if (at < 0) return found;
    from = at + local.length;
    const before = tag.charCodeAt(at - 1);
    if (!(before === 58 /* : */ || isSpace(before))) continue;
    let i = from;
    while (isSpace(tag.charCodeAt(i))) i++;
    if (tag.charCodeAt(i) !== 61 /* = */) continue;
    i++;
    while (isSpace(tag.charCodeAt(i))) i++;
    const quote = tag[i];
    if (quote !== '"' && quote !== "'") continue;
    const end = tag.indexOf(quote, i + 1);
    if (end < 0) return found;
    found = unescape(tag.slice(i + 1, end));
    from = end + 1;
  }
}

function columnName(c: number): string {
  let out = "";
  for (let n = c + 1; n > 0; n = Math.floor((n - 1) / 26)) out = String.fromCharCode(65 + ((n - 1) % 26)) + out;
  return out;
}

function localName(qualified: string): string {
  const colon = qualified.lastIndexOf(":");
  return colon >= 0 ? qualified.slice(colon + 1) : qualified;
}

/**
 * The counts of a number style (decimal places, digits), which SheetJS spells out as that many
 * "0" in the cell's number format: a count of millions (or a negative one, taken from a positive
 * one) made it build a format of a hundred million characters for every cell so styled, for
 * minutes and gigabytes. LibreOffice writes a few; Excel's formats hold at most 30 decimals.
 */
const STYLE_COUNT = /[\s:](decimal-places|min-decimal-places|min-integer-digits|min-exponent-digits|min-numerator-digits|min-denominator-digits|denominator-value)\s*=\s*("[^"]*"|'[^']*')/g;
const MOST_IN_A_STYLE = 255;

/**
 * The first count of a number style in an .ods part that SheetJS would take for a number below 0
 * or above 255, as written (undefined when none is). A count that is no number at all it passes over.
 */
export function oddNumberStyle(xml: string): string | undefined {
  if (xml.indexOf("decimal-places") < 0 && xml.indexOf("digits") < 0 && xml.indexOf("denominator-value") < 0) return undefined;
  for (const m of xml.matchAll(STYLE_COUNT)) {
    const count = Number(m[2]!.slice(1, -1));
    if (count < 0 || count > MOST_IN_A_STYLE) return `${m[1]!}=${m[2]!.length > 42 ? `${m[2]!.slice(0, 40)}…"` : m[2]!}`;
  }
  return undefined;
}

/**
 * Scans content.xml (or a flat .fods document, whose one XML holds the same, `part` naming it in the
 * reasons); throws OdsRefused when it is broken, too big or outside Excel's sheet.
 */
export function scanOdsContent(xml: string, maxCells: number, part = "content.xml"): OdsScan {
  const stack: string[] = [];
  const hiddenStyles = new Set<string>();
  const tables: { name: string; style: string | undefined }[] = [];
  let style: string | undefined;
  let cells = 0;
  let row = 0;
  let rowRepeat = 1;
  let col = 0;
  let rowHasCells = false;
  let roots = 0;
  const where = (at: number): string => `vị trí ${at}`;
  const outside = (): never => {
    throw new OdsRefused(
      "corrupt",
      `có ô nằm ngoài giới hạn ${EXCEL_COLUMNS.toLocaleString("vi-VN")} cột × ${EXCEL_ROWS.toLocaleString("vi-VN")} dòng của bảng tính`,
    );
  };
  const count = (n: number): void => {
    cells += n;
    if (cells > maxCells) throw new OdsRefused("too-many-cells", "", cells);
  };
  let i = 0;
  const n = xml.length;
  // Rows are counted per sheet.
  for (;;) {
    const lt = xml.indexOf("<", i);
    if (lt < 0) break;
    const next = xml.charCodeAt(lt + 1);
    if (next === 33 /* ! */) {
      const close = xml.startsWith("<!--", lt) ? "-->" : xml.startsWith("<![CDATA[", lt) ? "]]>" : ">";
      const end = xml.indexOf(close, lt + 2);
      if (end < 0) throw new OdsRefused("corrupt", `${part} bị cắt cụt (${where(lt)})`);
      i = end + close.length;
      continue;
    }
    if (next === 63 /* ? */) {
      const end = xml.indexOf("?>", lt + 2);
      if (end < 0) throw new OdsRefused("corrupt", `${part} bị cắt cụt (${where(lt)})`);
      i = end + 2;
      continue;
    }
    // The tag runs to the first ">" outside quotes.
    let j = lt + 1;
    let quote = 0;
    for (; j < n; j++) {
      const c = xml.charCodeAt(j);
      if (quote !== 0) {
        if (c === quote) quote = 0;
      } else if (c === 34 || c === 39) quote = c;
      else if (c === 62 /* > */) break;
      else if (c === 60 /* < */) throw new OdsRefused("corrupt", `${part} không đúng cú pháp XML (${where(j)})`);
    }
    if (j >= n) throw new OdsRefused("corrupt", `${part} bị cắt cụt (${where(lt)})`);
    i = j + 1;
    const closing = next === 47; /* / */
    const selfClosing = !closing && xml.charCodeAt(j - 1) === 47;
    let k = lt + (closing ? 2 : 1);
    while (k < j && !isSpace(xml.charCodeAt(k)) && xml.charCodeAt(k) !== 47) k++;
    const qualified = xml.slice(lt + (closing ? 2 : 1), k);
    if (qualified === "") throw new OdsRefused("corrupt", `${part} không đúng cú pháp XML (${where(lt)})`);
    if (closing) {
      const open = stack.pop();
      if (open !== qualified) {
        throw new OdsRefused("corrupt", `${part} không đúng cú pháp XML: thẻ đóng </${qualified}> không khớp (${where(lt)})`);
      }
    } else if (!selfClosing) {
      if (stack.length === 0) roots++;
      stack.push(qualified);
    } else if (stack.length === 0) roots++;
    const name = localName(qualified);
    const tag = closing ? "" : xml.slice(k, selfClosing ? j - 1 : j);
    switch (name) {
      case "style":
        if (closing) style = undefined;
        else style = localAttribute(tag, "name");
        break;
      case "table-properties":
        if (!closing && style !== undefined && localAttribute(tag, "display") === "false") hiddenStyles.add(style);
        break;
      case "table":
        if (!closing) {
          tables.push({ name: localAttribute(tag, "name") ?? "", style: localAttribute(tag, "style-name") });
          row = 0;
        }
        break;
      case "table-row":
        if (closing) {
          if (rowHasCells && row + rowRepeat > EXCEL_ROWS) outside();
          row += Math.max(0, rowRepeat);
          rowRepeat = 1;
          break;
        }
        {
          // SheetJS reads the row repeat with Number() (the column repeat with parseInt).
          const rep = Number(localAttribute(tag, "number-rows-repeated") ?? "1");
          rowRepeat = Number.isNaN(rep) || rep === 0 ? 1 : rep;
          col = 0;
          rowHasCells = false;
          if (selfClosing) {
            row += Math.max(0, rowRepeat);
            rowRepeat = 1;
          }
        }
        break;
      case "table-cell":
      case "covered-table-cell": {
        if (closing) break;
        const colRepeat = parseInt(localAttribute(tag, "number-columns-repeated") ?? "1", 10) || 1;
        const reps = Math.max(1, colRepeat);
        let built = 0;
        if (name === "covered-table-cell") built = reps;
        else if (!selfClosing) built = reps * Math.max(1, rowRepeat);
        else if (localAttribute(tag, "value-type") === "string") built = 1;
        if (name === "table-cell") {
          const type = localAttribute(tag, "value-type");
          const value = type === "float" || type === "percentage" || type === "currency" ? localAttribute(tag, "value") : undefined;
          // SheetJS would read "0x10" as 0: no program writes such a value, so the file is refused, naming the cell.
          if (value !== undefined && !isXmlNumber(value)) {
            throw new OdsRefused("corrupt", `ô ${columnName(col)}${row + 1} ghi giá trị số không hợp lệ "${value.slice(0, 40)}"`);
          }
        }
        if (built > 0) {
          if (col + (selfClosing ? 1 : reps) > EXCEL_COLUMNS) outside();
          rowHasCells = true;
          count(built);
        }
        col += reps;
        break;
      }
      default:
        break;
    }
  }
  if (stack.length > 0) throw new OdsRefused("corrupt", `${part} bị cắt cụt: thiếu thẻ đóng </${stack[stack.length - 1]}>`);
  if (roots !== 1) throw new OdsRefused("corrupt", `${part} không đúng cú pháp XML`);
  const hidden = new Set<string>();
  for (const t of tables) if (t.style !== undefined && hiddenStyles.has(t.style)) hidden.add(t.name);
  return { cells, hidden };
}
