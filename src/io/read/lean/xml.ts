/**
 * A small scanner for the SpreadsheetML parts Excel and LibreOffice write:
 * well-formed XML, read element by element with indexOf, no DOM.
 */

const NAMED: Readonly<Record<string, string>> = { amp: "&", lt: "<", gt: ">", quot: '"', apos: "'" };

/** Decodes XML entities and SpreadsheetML's _xHHHH_ escapes. */
export function decodeXml(text: string): string {
  const amp = text.indexOf("&");
  let out = amp >= 0 ? decodeEntities(text, amp) : text;
  if (out.indexOf("_x") >= 0) {
    out = out.replace(/_x([0-9a-fA-F]{4})_/g, (_w, hex: string) => String.fromCharCode(parseInt(hex, 16)));
  }
  return out;
}

function isHex(ch: number): boolean {
  return (ch >= 48 && ch <= 57) || (ch >= 65 && ch <= 70) || (ch >= 97 && ch <= 102);
}

function isLetter(ch: number): boolean {
  return (ch >= 65 && ch <= 90) || (ch >= 97 && ch <= 122);
}

/**
 * Replaces &(#xHEX|#DEC|name); left to right, as /&(#x[0-9a-fA-F]+|#\d+|[a-zA-Z]+);/g would
 * (unknown names are kept as written), without a regular expression and a call per entity.
 */
function decodeEntities(text: string, first: number): string {
  let out = "";
  let from = 0;
  let amp = first;
  while (amp >= 0) {
    const semi = text.indexOf(";", amp + 1);
    if (semi < 0) break;
    let rep: string | undefined;
    const start = amp + 1;
    if (semi > start) {
      if (text.charCodeAt(start) === 35 /* # */) {
        if (text.charCodeAt(start + 1) === 120 /* x */ && semi > start + 2) {
          let ok = true;
          for (let i = start + 2; i < semi && ok; i++) ok = isHex(text.charCodeAt(i));
          if (ok) rep = String.fromCodePoint(parseInt(text.slice(start + 2, semi), 16));
        } else if (semi > start + 1) {
          let ok = true;
          for (let i = start + 1; i < semi && ok; i++) {
            const ch = text.charCodeAt(i);
            ok = ch >= 48 && ch <= 57;
          }
          if (ok) rep = String.fromCodePoint(parseInt(text.slice(start + 1, semi), 10));
        }
      } else {
        let ok = true;
        for (let i = start; i < semi && ok; i++) ok = isLetter(text.charCodeAt(i));
        if (ok) {
          const name = text.slice(start, semi);
          rep = String(NAMED[name] ?? `&${name};`);
        }
      }
    }
    if (rep === undefined) {
      amp = text.indexOf("&", amp + 1);
      continue;
    }
    out += text.slice(from, amp) + rep;
    from = semi + 1;
    amp = text.indexOf("&", from);
  }
  return from === 0 ? text : out + text.slice(from);
}

/** Attributes of a start tag's text (between the name and ">"), with prefixes kept ("r:id"). */
export function attributes(tag: string): Map<string, string> {
  const map = new Map<string, string>();
  eachAttribute(tag, (name, raw) => map.set(name, decodeXml(raw)));
  return map;
}

function isNameChar(c: number): boolean {
  // [\w:.-]
  return (c >= 48 && c <= 58) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || c === 95 || c === 46 || c === 45;
}

function isBlank(c: number): boolean {
  return c === 32 || c === 9 || c === 10 || c === 13 || c === 12 || c === 11;
}

/**
 * Every name="value" (or name='value') of a tag's text, raw, left to right: what
 * /([\w:.-]+)\s*=\s*("([^"]*)"|'([^']*)')/g finds, read in one pass (that expression
 * backtracks over a long run of name characters without "=": quadratic time).
 */
function eachAttribute(tag: string, onAttribute: (name: string, raw: string) => void): void {
  const n = tag.length;
  let i = 0;
  while (i < n) {
    if (!isNameChar(tag.charCodeAt(i))) {
      i++;
      continue;
    }
    const start = i;
    while (i < n && isNameChar(tag.charCodeAt(i))) i++;
    const nameEnd = i;
    let j = i;
    while (j < n && isBlank(tag.charCodeAt(j))) j++;
    if (tag.charCodeAt(j) !== 61 /* = */) continue;
    j++;
    while (j < n && isBlank(tag.charCodeAt(j))) j++;
    const q = tag.charCodeAt(j);
    if (q !== 34 && q !== 39) {
      i = j;
      continue;
    }
    const close = tag.indexOf(q === 34 ? '"' : "'", j + 1);
    if (close < 0) {
      i = j;
      continue;
    }
    onAttribute(tag.slice(start, nameEnd), tag.slice(j + 1, close));
    i = close + 1;
  }
}

/** One attribute's value from a start tag's text, without building a map (the hot path for cells and rows). */
export function attribute(tag: string, name: string): string | undefined {
  let from = 0;
  for (;;) {
    const at = tag.indexOf(name, from);
    if (at < 0) return undefined;
    const before = at === 0 ? 32 : tag.charCodeAt(at - 1);
    let i = at + name.length;
    while (tag.charCodeAt(i) === 32) i++;
    if ((before === 32 || before === 9 || before === 10 || before === 13) && tag.charCodeAt(i) === 61 /* = */) {
      i++;
      while (tag.charCodeAt(i) === 32) i++;
      const quote = tag[i];
      if (quote === '"' || quote === "'") {
        const end = tag.indexOf(quote, i + 1);
        if (end < 0) return undefined;
        const raw = tag.slice(i + 1, end);
        return raw.indexOf("&") >= 0 ? decodeXml(raw) : raw;
      }
    }
    from = at + name.length;
  }
}

export interface Element {
  /** Attribute text of the start tag. */
  readonly attrs: string;
  /** Inner XML; "" for an empty element. */
  readonly inner: string;
  /** Index just past the element. */
  readonly end: number;
}

/**
 * The next element named `name` (with or without a namespace prefix) at or
 * after `from`, or undefined. Elements of that name must not nest.
 */
export function nextElement(xml: string, name: string, from: number): Element | undefined {
  let i = from;
  for (;;) {
    const open = findTag(xml, name, i);
    if (open < 0) return undefined;
    const close = xml.indexOf(">", open);
    if (close < 0) return undefined;
    const nameEnd = open + 1 + tagNameLength(xml, open + 1);
    const qualified = xml.slice(open + 1, nameEnd);
    if (localName(qualified) !== name) {
      i = close + 1;
      continue;
    }
    if (xml.charCodeAt(close - 1) === 47 /* / */) {
      return { attrs: xml.slice(nameEnd, close - 1), inner: "", end: close + 1 };
    }
    const endTag = `</${qualified}>`;
    const endAt = xml.indexOf(endTag, close + 1);
    if (endAt < 0) return undefined;
    return { attrs: xml.slice(nameEnd, close), inner: xml.slice(close + 1, endAt), end: endAt + endTag.length };
  }
}

/** Every element named `name` in order. */
export function* elements(xml: string, name: string): Generator<Element> {
  let i = 0;
  for (;;) {
    const el = nextElement(xml, name, i);
    if (!el) return;
    yield el;
    i = el.end;
  }
}

/** Text content of every <t> inside (rich text runs joined; phonetic <rPh> runs left out). */
export function textOf(inner: string): string {
  // The common case, one plain run: <t>…</t> or <t xml:space="preserve">…</t>.
  if (inner.startsWith("<t") && (inner.charCodeAt(2) === 62 || inner.charCodeAt(2) === 32) && inner.endsWith("</t>")) {
    const close = inner.indexOf(">");
    const next = inner.indexOf("<", close);
    if (next === inner.length - 4 && inner.charCodeAt(close - 1) !== 47) return decodeXml(inner.slice(close + 1, next));
  }
  const withoutPhonetic = inner.indexOf("<rPh") >= 0 ? withoutRuns(inner, "<rPh", "</rPh>") : inner;
  let out = "";
  for (const t of elements(withoutPhonetic, "t")) out += t.inner;
  return decodeXml(out);
}

/**
 * The text without each run from `open` to the next `close` (what replace(/open[\s\S]*?close/g, "")
 * does, in one pass: that expression rescans the rest of the text for every unclosed `open`).
 */
function withoutRuns(text: string, open: string, close: string): string {
  let out = "";
  let from = 0;
  for (;;) {
    const at = text.indexOf(open, from);
    if (at < 0) break;
    const end = text.indexOf(close, at + open.length);
    if (end < 0) break;
    out += text.slice(from, at);
    from = end + close.length;
  }
  return from === 0 ? text : out + text.slice(from);
}

function findTag(xml: string, name: string, from: number): number {
  let i = from;
  for (;;) {
    const at = xml.indexOf("<", i);
    if (at < 0) return -1;
    const c = xml.charCodeAt(at + 1);
    // skip </…>, <?…?>, <!…>
    if (c === 47 || c === 63 || c === 33) {
      i = at + 1;
      continue;
    }
    const len = tagNameLength(xml, at + 1);
    const qualified = xml.slice(at + 1, at + 1 + len);
    if (localName(qualified) === name) return at;
    i = at + 1 + len;
  }
}

function tagNameLength(xml: string, from: number): number {
  let j = from;
  while (j < xml.length) {
    const c = xml.charCodeAt(j);
    if (c === 32 || c === 62 || c === 47 || c === 9 || c === 10 || c === 13) break;
    j++;
  }
  return j - from;
}

function localName(qualified: string): string {
  const colon = qualified.indexOf(":");
  return colon >= 0 ? qualified.slice(colon + 1) : qualified;
}

/**
 * Positions of an element found by findElementIn: the start tag's attribute
 * text runs over [attrsStart, attrsEnd), the inner XML over
 * [innerStart, innerEnd) (empty for an empty element), and the element ends
 * just before `end`.
 */
export interface ElementAt {
  attrsStart: number;
  attrsEnd: number;
  innerStart: number;
  innerEnd: number;
  end: number;
}

/** findElementIn's answers. */
export const NOT_FOUND = 0;
export const FOUND = 1;
/** A tag with a namespace prefix was met before the element: the caller must read the part element by element instead. */
export const PREFIXED = 2;

/**
 * The hot-path twin of nextElement for parts without namespace prefixes:
 * the next element named exactly `name` within xml[from, to), found by
 * positions so nothing is copied; the same rules as nextElement applied to
 * xml.slice(from, to). Fills `out` and answers FOUND, or NOT_FOUND, or
 * PREFIXED when it meets a prefixed start tag on the way (nextElement
 * matches local names, so only it can answer then).
 */
export function findElementIn(xml: string, name: string, from: number, to: number, out: ElementAt): number {
  const open = findTagIn(xml, name, from, to);
  if (open < 0) return open === -2 ? PREFIXED : NOT_FOUND;
  const close = xml.indexOf(">", open);
  if (close < 0 || close >= to) return NOT_FOUND;
  const nameEnd = open + 1 + name.length;
  if (xml.charCodeAt(close - 1) === 47 /* / */) {
    out.attrsStart = nameEnd;
    out.attrsEnd = close - 1;
    out.innerStart = out.innerEnd = close + 1;
    out.end = close + 1;
    return FOUND;
  }
  const endAt = xml.indexOf(`</${name}>`, close + 1);
  if (endAt < 0 || endAt + name.length + 3 > to) return NOT_FOUND;
  out.attrsStart = nameEnd;
  out.attrsEnd = close;
  out.innerStart = close + 1;
  out.innerEnd = endAt;
  out.end = endAt + name.length + 3;
  return FOUND;
}

/** findTag within xml[from, to), comparing whole tag names; -1 when absent, -2 at a prefixed start tag. */
function findTagIn(xml: string, name: string, from: number, to: number): number {
  let i = from;
  for (;;) {
    const at = xml.indexOf("<", i);
    if (at < 0 || at >= to) return -1;
    const c = xml.charCodeAt(at + 1);
    if (c === 47 || c === 63 || c === 33) {
      i = at + 1;
      continue;
    }
    let j = at + 1;
    while (j < to) {
      const d = xml.charCodeAt(j);
      if (d === 32 || d === 62 || d === 47 || d === 9 || d === 10 || d === 13) break;
      if (d === 58 /* : */) return -2;
      j++;
    }
    if (j - at - 1 === name.length && xml.startsWith(name, at + 1)) return at;
    i = j;
  }
}

/** attributes(tag).get(name) without building the map: the last value given for `name`, decoded. */
export function attributeValue(tag: string, name: string): string | undefined {
  let found: string | undefined;
  eachAttribute(tag, (n, raw) => {
    if (n === name) found = raw;
  });
  return found === undefined ? undefined : decodeXml(found);
}
