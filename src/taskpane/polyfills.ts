/**
 * The built-ins EdgeHTML 18 lacks that the task pane and its read worker use
 * (our code, React 18, Fluent UI v9, fflate, SheetJS, ExcelJS, docx: found by
 * searching the production bundles for each name). EdgeHTML 18 is the webview
 * of Office 2016/2019 retail without WebView2 and of Microsoft 365 builds
 * 16.0.11629–16.0.13530 on Windows 10. Imported first by the page
 * (index.tsx) and by the read worker (read.worker.ts); every polyfill is
 * installed only where the built-in is missing, so other browsers keep theirs.
 *
 * Not polyfilled because nothing uses them (test/build/edge18.test.ts checks
 * the bundles): Promise.allSettled and any, String.prototype.replaceAll,
 * Array.prototype.at and findLastIndex, structuredClone, Object.groupBy.
 * AbortController is in EdgeHTML 18 (since Edge 16); the bundles use no
 * Intl. Unicode property escapes (\p{L}) and the s flag of
 * regular expressions are syntax, not built-ins: the build rewrites them
 * (webpack.config.js).
 *
 * Written in plain ES2015 calls only, so it runs before anything it installs.
 */
import { CP1258_LABELS, decodeCp1258 } from "../io/read/cp1258";

/** Defines a missing method the way built-ins are: writable, configurable, not enumerable. */
function define(target: object, name: string, value: unknown): void {
  if (name in target) return;
  Object.defineProperty(target, name, { value, writable: true, configurable: true, enumerable: false });
}

const scope: Record<string, unknown> =
  typeof self !== "undefined" ? (self as unknown as Record<string, unknown>) : (window as unknown as Record<string, unknown>);

// globalThis (Edge 79): the window, or the worker's global scope.
if (!("globalThis" in scope)) define(scope, "globalThis", scope);

function toObject<T>(value: T): T {
  if (value === null || value === undefined) throw new TypeError("Cannot convert undefined or null to object");
  return value;
}

function toLength(value: unknown): number {
  const n = Math.trunc(Number(value)) || 0;
  return n <= 0 ? 0 : Math.min(n, Number.MAX_SAFE_INTEGER);
}

// Object.fromEntries (Edge 79).
define(Object, "fromEntries", function fromEntries(entries: Iterable<readonly [PropertyKey, unknown]>): Record<PropertyKey, unknown> {
  const result: Record<PropertyKey, unknown> = {};
  for (const entry of toObject(entries)) {
    if (Object(entry) !== entry) throw new TypeError("Iterator value is not an entry object");
    result[entry[0]] = entry[1];
  }
  return result;
});

// Object.hasOwn (Edge 93).
define(Object, "hasOwn", function hasOwn(object: object, key: PropertyKey): boolean {
  return Object.prototype.hasOwnProperty.call(Object(toObject(object)), key);
});

function flattenInto(target: unknown[], source: ArrayLike<unknown>, depth: number): void {
  const length = toLength(source.length);
  for (let i = 0; i < length; i++) {
    if (!(i in source)) continue;
    const item = source[i];
    if (depth > 0 && Array.isArray(item)) flattenInto(target, item, depth - 1);
    else target.push(item);
  }
}

// Array.prototype.flat and flatMap (Edge 79).
define(Array.prototype, "flat", function flat(this: ArrayLike<unknown>, depth?: number): unknown[] {
  const result: unknown[] = [];
  const d = depth === undefined ? 1 : Math.trunc(Number(depth)) || 0;
  flattenInto(result, Object(toObject(this)) as ArrayLike<unknown>, d);
  return result;
});
define(Array.prototype, "flatMap", function flatMap(
  this: ArrayLike<unknown>,
  callback: (value: unknown, index: number, array: ArrayLike<unknown>) => unknown,
  thisArg?: unknown,
): unknown[] {
  if (typeof callback !== "function") throw new TypeError("flatMap callback is not a function");
  const source = Object(toObject(this)) as ArrayLike<unknown>;
  const length = toLength(source.length);
  const result: unknown[] = [];
  for (let i = 0; i < length; i++) {
    if (!(i in source)) continue;
    const mapped = callback.call(thisArg, source[i], i, source);
    if (Array.isArray(mapped)) flattenInto(result, mapped, 0);
    else result.push(mapped);
  }
  return result;
});

// String.prototype.trimStart / trimEnd (Edge 79; EdgeHTML has trimLeft / trimRight).
define(String.prototype, "trimStart", function trimStart(this: string): string {
  return String(toObject(this)).replace(/^[\s\uFEFF\xA0]+/, "");
});
define(String.prototype, "trimEnd", function trimEnd(this: string): string {
  return String(toObject(this)).replace(/[\s\uFEFF\xA0]+$/, "");
});

// String.prototype.matchAll (Edge 80): an iterator of exec() results of a global copy of the pattern.
define(String.prototype, "matchAll", function matchAll(this: string, pattern: RegExp | string): IterableIterator<RegExpExecArray> {
  const text = String(toObject(this));
  let regexp: RegExp;
  if (pattern instanceof RegExp) {
    if (!pattern.global) throw new TypeError("String.prototype.matchAll called with a non-global RegExp argument");
    const flags = `g${pattern.ignoreCase ? "i" : ""}${pattern.multiline ? "m" : ""}${pattern.unicode ? "u" : ""}${pattern.sticky ? "y" : ""}`;
    regexp = new RegExp(pattern.source, flags);
    regexp.lastIndex = pattern.lastIndex;
  } else {
    regexp = new RegExp(pattern === undefined ? "(?:)" : String(pattern), "g");
  }
  let done = false;
  const iterator = {
    next(): IteratorResult<RegExpExecArray> {
      if (done) return { value: undefined, done: true };
      const match = regexp.exec(text);
      if (match === null) {
        done = true;
        return { value: undefined, done: true };
      }
      if (match[0] === "") regexp.lastIndex += 1;
      return { value: match, done: false };
    },
    [Symbol.iterator]() {
      return iterator;
    },
  };
  return iterator as IterableIterator<RegExpExecArray>;
});

// queueMicrotask (Edge 79).
if (typeof scope.queueMicrotask !== "function") {
  define(scope, "queueMicrotask", function queueMicrotask(callback: () => void): void {
    if (typeof callback !== "function") throw new TypeError("queueMicrotask argument is not a function");
    Promise.resolve()
      .then(callback)
      .catch((error: unknown) =>
        setTimeout(() => {
          throw error;
        }, 0),
      );
  });
}

// WeakRef (Edge 84), used by Fluent UI's focus management (tabster, keyborg). This one
// holds its target strongly: deref() always answers, which a WeakRef may do.
if (typeof scope.WeakRef !== "function") {
  class StrongRef<T extends object> {
    private readonly target: T;
    constructor(target: T) {
      if (Object(target) !== target) throw new TypeError("WeakRef: target must be an object");
      this.target = target;
    }
    deref(): T {
      return this.target;
    }
  }
  define(scope, "WeakRef", StrongRef);
}

// TextEncoder / TextDecoder (Edge 79): UTF-8, UTF-16, windows-1252 and windows-1258 (the labels the code and its
// libraries use; 1258 for email from Outlook Express on a Vietnamese Windows, read by postal-mime).

function encodeUtf8(text: string): Uint8Array {
  const out: number[] = [];
  for (let i = 0; i < text.length; i++) {
    let c = text.charCodeAt(i);
    if (c >= 0xd800 && c <= 0xdbff && i + 1 < text.length) {
      const d = text.charCodeAt(i + 1);
      if (d >= 0xdc00 && d <= 0xdfff) {
        c = 0x10000 + ((c - 0xd800) << 10) + (d - 0xdc00);
        i++;
      } else c = 0xfffd;
    } else if (c >= 0xd800 && c <= 0xdfff) c = 0xfffd;
    if (c < 0x80) out.push(c);
    else if (c < 0x800) out.push(0xc0 | (c >> 6), 0x80 | (c & 63));
    else if (c < 0x10000) out.push(0xe0 | (c >> 12), 0x80 | ((c >> 6) & 63), 0x80 | (c & 63));
    else out.push(0xf0 | (c >> 18), 0x80 | ((c >> 12) & 63), 0x80 | ((c >> 6) & 63), 0x80 | (c & 63));
  }
  return new Uint8Array(out);
}

function fromCodes(codes: number[], parts: string[]): void {
  if (codes.length > 0) parts.push(String.fromCharCode.apply(null, codes));
  codes.length = 0;
}

/** UTF-8 with the WHATWG decoder's replacement of each maximal bad subsequence by U+FFFD. */
function decodeUtf8(bytes: Uint8Array, fatal: boolean): string {
  const parts: string[] = [];
  const codes: number[] = [];
  const bad = (): void => {
    if (fatal) throw new TypeError("The encoded data was not valid UTF-8.");
    codes.push(0xfffd);
  };
  let i = 0;
  while (i < bytes.length) {
    const b = bytes[i]!;
    let need = 0;
    let code = 0;
    let lower = 0x80;
    let upper = 0xbf;
    if (b < 0x80) {
      codes.push(b);
      i++;
    } else {
      if (b >= 0xc2 && b <= 0xdf) {
        need = 1;
        code = b & 0x1f;
      } else if (b >= 0xe0 && b <= 0xef) {
        need = 2;
        code = b & 0xf;
        if (b === 0xe0) lower = 0xa0;
        if (b === 0xed) upper = 0x9f;
      } else if (b >= 0xf0 && b <= 0xf4) {
        need = 3;
        code = b & 0x7;
        if (b === 0xf0) lower = 0x90;
        if (b === 0xf4) upper = 0x8f;
      }
      i++;
      if (need === 0) {
        bad();
      } else {
        let ok = true;
        for (let k = 0; k < need; k++) {
          const next = bytes[i];
          if (next === undefined || next < lower || next > upper) {
            ok = false;
            break;
          }
          lower = 0x80;
          upper = 0xbf;
          code = (code << 6) | (next & 0x3f);
          i++;
        }
        if (!ok) bad();
        else if (code >= 0x10000) {
          code -= 0x10000;
          codes.push(0xd800 + (code >> 10), 0xdc00 + (code & 0x3ff));
        } else codes.push(code);
      }
    }
    if (codes.length >= 8192) fromCodes(codes, parts);
  }
  fromCodes(codes, parts);
  return parts.join("");
}

function decodeUtf16(bytes: Uint8Array, littleEndian: boolean): string {
  const parts: string[] = [];
  const codes: number[] = [];
  for (let i = 0; i + 1 < bytes.length; i += 2) {
    codes.push(littleEndian ? bytes[i]! | (bytes[i + 1]! << 8) : (bytes[i]! << 8) | bytes[i + 1]!);
    if (codes.length >= 8192) fromCodes(codes, parts);
  }
  if (bytes.length % 2 === 1) codes.push(0xfffd);
  fromCodes(codes, parts);
  return parts.join("");
}

/** windows-1252 bytes 0x80–0x9F (what WHATWG calls "latin1" / "iso-8859-1" too). */
const CP1252_HIGH = [
  0x20ac, 0x81, 0x201a, 0x192, 0x201e, 0x2026, 0x2020, 0x2021, 0x2c6, 0x2030, 0x160, 0x2039, 0x152, 0x8d, 0x17d, 0x8f, 0x90, 0x2018, 0x2019,
  0x201c, 0x201d, 0x2022, 0x2013, 0x2014, 0x2dc, 0x2122, 0x161, 0x203a, 0x153, 0x9d, 0x17e, 0x178,
];

function decodeCp1252(bytes: Uint8Array): string {
  const parts: string[] = [];
  const codes: number[] = [];
  for (let i = 0; i < bytes.length; i++) {
    const b = bytes[i]!;
    codes.push(b >= 0x80 && b <= 0x9f ? CP1252_HIGH[b - 0x80]! : b);
    if (codes.length >= 8192) fromCodes(codes, parts);
  }
  fromCodes(codes, parts);
  return parts.join("");
}

const ENCODINGS: Record<string, "utf-8" | "utf-16le" | "utf-16be" | "windows-1252" | "windows-1258"> = {
  "utf-8": "utf-8",
  utf8: "utf-8",
  "unicode-1-1-utf-8": "utf-8",
  "utf-16": "utf-16le",
  "utf-16le": "utf-16le",
  "utf-16be": "utf-16be",
  latin1: "windows-1252",
  "iso-8859-1": "windows-1252",
  "iso8859-1": "windows-1252",
  "us-ascii": "windows-1252",
  ascii: "windows-1252",
  "windows-1252": "windows-1252",
  cp1252: "windows-1252",
};
for (const label of CP1258_LABELS) ENCODINGS[label] = "windows-1258";

function toBytes(input: unknown): Uint8Array {
  if (input === undefined) return new Uint8Array(0);
  if (input instanceof Uint8Array) return input;
  if (input instanceof ArrayBuffer) return new Uint8Array(input);
  if (ArrayBuffer.isView(input)) return new Uint8Array(input.buffer, input.byteOffset, input.byteLength);
  throw new TypeError("TextDecoder.decode: the input is not an ArrayBuffer or a view of one");
}

if (typeof scope.TextEncoder !== "function") {
  class TextEncoderPolyfill {
    get encoding(): string {
      return "utf-8";
    }
    encode(text = ""): Uint8Array {
      return encodeUtf8(String(text));
    }
  }
  define(scope, "TextEncoder", TextEncoderPolyfill);
}

if (typeof scope.TextDecoder !== "function") {
  class TextDecoderPolyfill {
    readonly encoding: string;
    readonly fatal: boolean;
    readonly ignoreBOM: boolean;
    constructor(label = "utf-8", options: { fatal?: boolean; ignoreBOM?: boolean } = {}) {
      const encoding = ENCODINGS[String(label).trim().toLowerCase()];
      if (!encoding) throw new RangeError(`The encoding label provided ('${String(label)}') is invalid.`);
      this.encoding = encoding;
      this.fatal = Boolean(options.fatal);
      this.ignoreBOM = Boolean(options.ignoreBOM);
    }
    decode(input?: unknown, options: { stream?: boolean } = {}): string {
      // Streaming keeps state between calls; nothing here does, so say so (fflate then uses its own decoder).
      if (options.stream) throw new TypeError("TextDecoder: streaming is not supported");
      let bytes = toBytes(input);
      if (!this.ignoreBOM) {
        if (this.encoding === "utf-8" && bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) bytes = bytes.subarray(3);
        else if (this.encoding === "utf-16le" && bytes[0] === 0xff && bytes[1] === 0xfe) bytes = bytes.subarray(2);
        else if (this.encoding === "utf-16be" && bytes[0] === 0xfe && bytes[1] === 0xff) bytes = bytes.subarray(2);
      }
      if (this.encoding === "utf-8") return decodeUtf8(bytes, this.fatal);
      if (this.encoding === "windows-1252") return decodeCp1252(bytes);
      if (this.encoding === "windows-1258") return decodeCp1258(bytes);
      return decodeUtf16(bytes, this.encoding === "utf-16le");
    }
  }
  define(scope, "TextDecoder", TextDecoderPolyfill);
}

export {};
