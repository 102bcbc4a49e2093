/**
 * A small scanner for the SpreadsheetML parts Excel and LibreOffice write:
 * well-formed XML, read element by element with indexOf, no DOM.
 */

const NAMED: Readonly<Record<string, string>> = { amp: "&", lt: "<", gt: ">", quot: '"', apos: "'" };

/** Decodes XML entities and SpreadsheetML's _xHHHH_ escapes. */
export function decodeXml(text: string): string {
  let out = text.indexOf("&") >= 0
    ? text.replace(/&(#x[0-9a-fA-F]+|#\d+|[a-zA-Z]+);/g, (whole, name: string) => {
        if (name.startsWith("#x")) return String.fromCodePoint(parseInt(name.slice(2), 16));
        if (name.startsWith("#")) return String.fromCodePoint(parseInt(name.slice(1), 10));
        return NAMED[name] ?? whole;
      })
    : text;
  if (out.indexOf("_x") >= 0) {
    out = out.replace(/_x([0-9a-fA-F]{4})_/g, (_w, hex: string) => String.fromCharCode(parseInt(hex, 16)));
  }
  return out;
}

/** Attributes of a start tag's text (between the name and ">"), with prefixes kept ("r:id"). */
export function attributes(tag: string): Map<string, string> {
  const map = new Map<string, string>();
  const re = /([\w:.-]+)\s*=\s*("([^"]*)"|'([^']*)')/g;
  let m: RegExpExecArray | null;
  while ((m = re.exec(tag)) !== null) map.set(m[1]!, decodeXml(m[3] ?? m[4] ?? ""));
  return map;
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
  const withoutPhonetic = inner.indexOf("<rPh") >= 0 ? inner.replace(/<rPh[\s\S]*?<\/rPh>/g, "") : inner;
  let out = "";
  for (const t of elements(withoutPhonetic, "t")) out += t.inner;
  return decodeXml(out);
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
