/**
 * A guarded look into a zip container (.xlsx, .xlsm, .ods) before any parser
 * touches it: the central directory's declared sizes are checked, then every
 * entry is inflated as a stream with its bytes counted, stopping as soon as a
 * limit is passed — a zip that lies about its sizes is caught.
 */
import { Inflate, inflateSync, zipSync } from "fflate";
import { sameBytes } from "./bytes";
import { INFLATE_FAILED, WorkbookReadError, type ReadLimits } from "./errors";
import { formatMegabytes } from "../../domain/format";

export interface ZipEntryInfo {
  readonly name: string;
  readonly method: number;
  readonly compressedSize: number;
  readonly declaredSize: number;
  readonly localOffset: number;
  readonly encrypted: boolean;
  /** The name's bytes as stored, and whether the entry says they are UTF-8 (general purpose flag 11): archives of attachments name their files in the archiver's code page otherwise. */
  readonly rawName?: Uint8Array;
  readonly utf8?: boolean;
}

export interface ZipScan {
  readonly entries: readonly ZipEntryInfo[];
  /** Small entries inflated during the scan, by name (manifests, workbook parts). */
  readonly texts: ReadonlyMap<string, string>;
  /** Entries the caller asked to keep (the `keep` predicate), inflated, by name. */
  readonly kept: ReadonlyMap<string, Uint8Array>;
  /** Worksheet cell tags counted while inflating ("<c " in .xlsx sheets, table cells in .ods). */
  readonly cellTags: number;
}

const u16 = (b: Uint8Array, o: number): number => b[o]! | (b[o + 1]! << 8);
const u32 = (b: Uint8Array, o: number): number => (b[o]! | (b[o + 1]! << 8) | (b[o + 2]! << 16) | (b[o + 3]! << 24)) >>> 0;

const utf8 = new TextDecoder();

interface NodeZlib {
  inflateRawSync(data: Uint8Array, options: { maxOutputLength: number }): Uint8Array;
}

/** Node's own zlib when running under Node (found without an import, so browser bundles leave it out). */
const nodeZlib = (globalThis as { process?: { getBuiltinModule?: (id: string) => unknown } }).process?.getBuiltinModule?.("node:zlib") as
  | NodeZlib
  | undefined;

/**
 * Inflates a small DEFLATE entry into at most `limit` bytes (more would be cut off there). Under Node
 * the native inflater does it; for anything it refuses or cuts short, fflate answers, as everywhere
 * else: the same bytes for a sound stream, the same error for a broken one.
 */
function inflateBounded(data: Uint8Array, limit: number): Uint8Array {
  if (nodeZlib) {
    let out: Uint8Array | undefined;
    try {
      out = nodeZlib.inflateRawSync(data, { maxOutputLength: limit });
    } catch {
      out = undefined;
    }
    if (out !== undefined && out.length < limit) return new Uint8Array(out.buffer, out.byteOffset, out.byteLength);
  }
  return inflateSync(data, { out: new Uint8Array(limit) });
}

/** An entry name: ASCII read directly (the usual case), anything else as UTF-8. */
function entryName(bytes: Uint8Array, start: number, end: number): string {
  for (let i = start; i < end; i++) if (bytes[i]! >= 0x80) return utf8.decode(bytes.subarray(start, end));
  return String.fromCharCode.apply(null, bytes.subarray(start, end) as unknown as number[]);
}

/** Whether bytes[a, a + n) and bytes[b, b + n) are the same. */
function sameRun(bytes: Uint8Array, a: number, b: number, n: number): boolean {
  for (let i = 0; i < n; i++) if (bytes[a + i] !== bytes[b + i]) return false;
  return true;
}

function corrupt(file: string, detail: string): WorkbookReadError {
  return new WorkbookReadError("corrupt", file, { detail });
}

function bomb(file: string, detail: string): WorkbookReadError {
  return new WorkbookReadError("zip-bomb", file, { detail });
}

function ambiguous(file: string, detail: string): WorkbookReadError {
  return new WorkbookReadError("zip-ambiguous", file, { detail });
}

/**
 * The end-of-central-directory record. Every place it may sit (the last 22 bytes plus the whole
 * comment window) is searched: a second record there is one another zip reader may take instead
 * (SheetJS takes the last signature it finds), so the file is refused as ambiguous.
 */
function findEnd(bytes: Uint8Array, file: string): number {
  const lowest = Math.max(0, bytes.length - 22 - 65535);
  const found: number[] = [];
  // From the end down, jumping (natively) from one "P" to the one before.
  for (let i = bytes.lastIndexOf(0x50, bytes.length - 4); i >= lowest; i = i > 0 ? bytes.lastIndexOf(0x50, i - 1) : -1) {
    if (bytes[i + 1] === 0x4b && bytes[i + 2] === 0x05 && bytes[i + 3] === 0x06) found.push(i);
  }
  // The record: the last signature with room for its 22 bytes.
  const eocd = found.find((i) => i + 22 <= bytes.length);
  if (eocd === undefined) throw corrupt(file, "không tìm thấy thư mục của tệp nén");
  const cdOffset = u32(bytes, eocd + 16);
  // A signature inside the compressed data before the directory can happen by chance; one after it cannot.
  const others = found.filter((i) => i !== eocd && (cdOffset === 0xffffffff || i >= cdOffset));
  if (others.length > 0) throw ambiguous(file, "có hai bản ghi kết thúc thư mục tệp nén");
  // Bytes after the record's comment (padding some mail programs add) are left alone: they are read by no one.
  return eocd;
}

/** Reads the zip64 extra field (id 1) of a header: the 64-bit values, in order, for the 32-bit fields that are 0xffffffff. */
function zip64Extra(bytes: Uint8Array, from: number, to: number, fields: { usz: number; csz: number; offset?: number }): void {
  let e = from;
  while (e + 4 <= to) {
    const id = u16(bytes, e);
    const size = u16(bytes, e + 2);
    if (id === 0x0001) {
      let q = e + 4;
      const read64 = (): number => {
        const v = Number(u32(bytes, q)) + Number(u32(bytes, q + 4)) * 2 ** 32;
        q += 8;
        return v;
      };
      if (fields.usz === 0xffffffff) fields.usz = read64();
      if (fields.csz === 0xffffffff) fields.csz = read64();
      if (fields.offset === 0xffffffff) fields.offset = read64();
    }
    e += 4 + size;
  }
}

/** Where an entry's data starts, after checking that its local header says what the central directory says. */
function checkLocalHeader(bytes: Uint8Array, file: string, entry: ZipEntryInfo, crc: number, flags: number): number {
  const lo = entry.localOffset;
  if (lo + 30 > bytes.length || u32(bytes, lo) !== 0x04034b50) throw corrupt(file, `mục "${entry.name}" bị hỏng`);
  const lFlags = u16(bytes, lo + 6);
  const lMethod = u16(bytes, lo + 8);
  const lCrc = u32(bytes, lo + 14);
  const nameLen = u16(bytes, lo + 26);
  const extraLen = u16(bytes, lo + 28);
  // The same bytes are the same name; other bytes are compared as names.
  const raw = entry.rawName;
  const lName =
    raw !== undefined && raw.length === nameLen && lo + 30 + nameLen <= bytes.length && sameRun(bytes, lo + 30, raw.byteOffset - bytes.byteOffset, nameLen)
      ? entry.name
      : entryName(bytes, lo + 30, Math.min(bytes.length, lo + 30 + nameLen));
  const sizes = { csz: u32(bytes, lo + 18), usz: u32(bytes, lo + 22) };
  zip64Extra(bytes, lo + 30 + nameLen, lo + 30 + nameLen + extraLen, sizes);
  const differs = (what: string): WorkbookReadError =>
    ambiguous(file, `mục "${entry.name}" có ${what} trong thư mục khác với đầu mục`);
  if (lName !== entry.name) throw differs("tên");
  if (lMethod !== entry.method) throw differs("kiểu nén");
  if ((lFlags & 0x41) !== (flags & 0x41)) throw differs("cờ mã hóa");
  // With a data descriptor (flag 8) the local header may leave CRC and sizes at zero; any value it gives must agree.
  const descriptor = (lFlags & 8) !== 0;
  if (lCrc !== crc && !(descriptor && lCrc === 0)) throw differs("mã kiểm tra (CRC)");
  if (sizes.csz !== entry.compressedSize && !(descriptor && sizes.csz === 0)) throw differs("dung lượng nén");
  if (sizes.usz !== entry.declaredSize && !(descriptor && sizes.usz === 0)) throw differs("dung lượng giải nén");
  return lo + 30 + nameLen + extraLen;
}

/**
 * Reads the central directory, and checks that the file can be read only one way: one end record,
 * each local header agreeing with its directory entry, no name twice, no two entries sharing bytes.
 * Encrypted entries (PKWARE flag, strong encryption, AES method 99) are refused as encrypted.
 */
export function listZip(bytes: Uint8Array, file: string, limits: ReadLimits): ZipEntryInfo[] {
  const eocd = findEnd(bytes, file);
  let count = u16(bytes, eocd + 10);
  let cdOffset = u32(bytes, eocd + 16);
  if (count === 0xffff || cdOffset === 0xffffffff) {
    // Zip64: the end record locator sits just before.
    const loc = eocd - 20;
    if (loc < 0 || u32(bytes, loc) !== 0x07064b50) throw corrupt(file, "thư mục tệp nén zip64 không hợp lệ");
    const z64 = Number(u32(bytes, loc + 8)) + Number(u32(bytes, loc + 12)) * 2 ** 32;
    if (z64 + 56 > bytes.length || u32(bytes, z64) !== 0x06064b50) throw corrupt(file, "thư mục tệp nén zip64 không hợp lệ");
    count = Number(u32(bytes, z64 + 32)) + Number(u32(bytes, z64 + 36)) * 2 ** 32;
    cdOffset = Number(u32(bytes, z64 + 48)) + Number(u32(bytes, z64 + 52)) * 2 ** 32;
  }
  if (count > limits.maxEntries) throw bomb(file, `có ${count} mục nén, tối đa ${limits.maxEntries}`);
  const entries: ZipEntryInfo[] = [];
  const names = new Set<string>();
  const spans: { start: number; end: number; name: string }[] = [];
  let p = cdOffset;
  let declaredTotal = 0;
  for (let i = 0; i < count; i++) {
    if (p + 46 > bytes.length || u32(bytes, p) !== 0x02014b50) throw corrupt(file, "thư mục tệp nén bị hỏng");
    const flags = u16(bytes, p + 8);
    const method = u16(bytes, p + 10);
    const crc = u32(bytes, p + 16);
    const nameLen = u16(bytes, p + 28);
    const extraLen = u16(bytes, p + 30);
    const commentLen = u16(bytes, p + 32);
    const name = entryName(bytes, p + 46, Math.min(bytes.length, p + 46 + nameLen));
    const fields = { csz: u32(bytes, p + 20), usz: u32(bytes, p + 24), offset: u32(bytes, p + 42) };
    const eEnd = p + 46 + nameLen + extraLen;
    zip64Extra(bytes, p + 46 + nameLen, eEnd, fields);
    const declaredSize = fields.usz;
    const compressedSize = fields.csz;
    const localOffset = fields.offset!;
    // PKWARE encryption (bit 0), strong encryption (bit 6), AES (method 99).
    if ((flags & 0x41) !== 0 || method === 99) throw new WorkbookReadError("encrypted", file);
    const key = PLAIN_NAME.test(name) ? name : name.replace(/\\/g, "/").replace(/^\/+/, "").toLowerCase();
    if (names.has(key)) throw ambiguous(file, `tên mục "${name}" có hai lần`);
    names.add(key);
    if (declaredSize > limits.maxEntryBytes) {
      throw bomb(file, `mục "${name}" khai báo ${formatMegabytes(declaredSize)} khi giải nén, tối đa ${formatMegabytes(limits.maxEntryBytes)}`);
    }
    declaredTotal += declaredSize;
    if (declaredTotal > limits.maxInflatedBytes) {
      throw bomb(file, `tổng dung lượng khai báo khi giải nén vượt ${formatMegabytes(limits.maxInflatedBytes)}`);
    }
    checkRatio(file, name, declaredSize, compressedSize, limits);
    const entry: ZipEntryInfo = {
      name,
      method,
      compressedSize,
      declaredSize,
      localOffset,
      encrypted: false,
      rawName: bytes.subarray(p + 46, Math.min(bytes.length, p + 46 + nameLen)),
      utf8: (flags & 0x800) !== 0,
    };
    const dataStart = checkLocalHeader(bytes, file, entry, crc, flags);
    if (dataStart + compressedSize > bytes.length) throw corrupt(file, `mục "${name}" bị cắt cụt`);
    spans.push({ start: localOffset, end: dataStart + compressedSize, name });
    entries.push(entry);
    p = eEnd + commentLen;
  }
  // Two entries sharing bytes (overlapping entries inflate the same data many times over).
  spans.sort((a, b) => a.start - b.start);
  for (let i = 1; i < spans.length; i++) {
    if (spans[i]!.start < spans[i - 1]!.end) throw ambiguous(file, `mục "${spans[i]!.name}" chồng lên mục "${spans[i - 1]!.name}"`);
  }
  if (spans.length > 0 && spans[spans.length - 1]!.end > cdOffset) throw ambiguous(file, "dữ liệu nén chồng lên thư mục tệp nén");
  return entries;
}

/** A name that is its own key for telling names apart: printable ASCII without capitals, back slashes or a leading slash. */
const PLAIN_NAME = /^[\x20-\x2e\x30-\x40\x5b\x5d-\x7e][\x20-\x40\x5b\x5d-\x7e]*$/;

/** Entries inflating past this many bytes must keep within the compression ratio limit. */
const RATIO_FLOOR = 4 * 1024 * 1024;

function checkRatio(file: string, name: string, inflated: number, compressed: number, limits: ReadLimits): void {
  if (inflated > RATIO_FLOOR && inflated > limits.maxCompressionRatio * Math.max(1, compressed)) {
    throw bomb(file, `mục "${name}" có tỷ lệ nén vượt 1:${limits.maxCompressionRatio}`);
  }
}

class LimitExceeded extends Error {}

/**
 * Package parts that a template gives every unit's file byte for byte (styles, the workbook part,
 * relationships): a small entry whose compressed bytes are those of one inflated and checked before
 * inflates to the same bytes (DEFLATE is deterministic), so those are used again. Bounded; cleared
 * whole when full. Worksheets and shared strings, which differ from unit to unit, are not kept.
 */
const SAME_IN_EVERY_FILE = /^(xl\/(styles|workbook)\.xml|xl\/_rels\/workbook\.xml\.rels|_rels\/\.rels)$/;
const INFLATED = new Map<string, { readonly compressed: Uint8Array; readonly out: Uint8Array }>();
const INFLATED_MAX = 64;
/** Entries larger than this are inflated each time. */
const INFLATED_LARGEST = 64 * 1024;

/** The key of an entry that may be found in INFLATED, or undefined. */
function inflatedKey(entry: ZipEntryInfo): string | undefined {
  if (entry.declaredSize > INFLATED_LARGEST || !SAME_IN_EVERY_FILE.test(entry.name)) return undefined;
  return `${entry.name}\u0000${entry.compressedSize}\u0000${entry.declaredSize}`;
}

/** DEFLATE cannot expand data by more than about 1032 to 1. */
const DEFLATE_MAX_RATIO = 1032;
/** Entries compressed to at most this many bytes are inflated in one call (at most ~16 MB of work each). */
const ONE_SHOT_MAX_COMPRESSED = Math.floor((16 * 1024 * 1024) / DEFLATE_MAX_RATIO);

/** Entries decoded as text for the guard itself: an .ods's media type and manifest (encryption). */
const KEEP_TEXT = /^(mimetype|META-INF\/manifest\.xml)$/;
/**
 * Parts whose cell tags are counted: every XML part but the .ods content (scanned on its own),
 * since a workbook's relationships may put a worksheet anywhere in the package.
 */
const COUNTED = (name: string): boolean => name.endsWith(".xml") && name !== "content.xml";

/**
 * Counts the cell start tags of a worksheet part as its bytes go by: any tag whose local name is "c"
 * ("<c ", "<c>", "<c/>", "<x:c "), across chunk boundaries, with a hard stop at the limit.
 */
class CellTagCounter {
  count = 0;
  /** 0: outside a tag name; 1: just after "<"; 2: in a name whose local part so far is "c"; 3: in another name. */
  private state = 0;
  feed(chunk: Uint8Array, limit: number): void {
    let state = this.state;
    let count = this.count;
    for (let i = 0; i < chunk.length; i++) {
      const b = chunk[i]!;
      if (state === 0) {
        if (b === 0x3c) state = 1;
        else {
          // Jump to the next "<" (natively).
          const lt = chunk.indexOf(0x3c, i + 1);
          if (lt < 0) break;
          i = lt - 1;
        }
        continue;
      }
      const end = b === 0x20 || b === 0x3e || b === 0x2f || b === 0x09 || b === 0x0a || b === 0x0d;
      if (end) {
        if (state === 2) {
          if (++count > limit) throw new TooManyCells(count);
        }
        state = 0;
      } else if (b === 0x3a /* : */) state = 1;
      else if (b === 0x3c) state = 1;
      else state = state === 1 && b === 0x63 /* c */ ? 2 : 3;
    }
    this.state = state;
    this.count = count;
  }
}

/**
 * Inflates every entry as a stream, counting bytes; throws past the limits or when sizes lie.
 * Entries for which `keep` returns true are returned inflated in `kept` (they are bounded by the same limits).
 */
export function scanZip(
  bytes: Uint8Array,
  file: string,
  limits: ReadLimits,
  keep?: (name: string) => boolean,
  /** Inflate only the entries this accepts (default all); the others are checked by their declared sizes alone. */
  inflate?: (name: string) => boolean,
  /**
   * Count cell tags against maxCells (default true). A reader that bounds cells itself may skip it,
   * or ask for it only when the XML parts declare at least `atLeastBytes` bytes (a cell tag takes
   * at least 4 bytes: fewer bytes cannot hold too many cells, and more are counted as they inflate).
   */
  countCellTags: boolean | { readonly atLeastBytes: number } = true,
): ZipScan {
  const entries = listZip(bytes, file, limits);
  let counting = countCellTags === true;
  if (typeof countCellTags === "object") {
    let xmlBytes = 0;
    for (const e of entries) if (COUNTED(e.name)) xmlBytes += e.declaredSize;
    counting = xmlBytes >= countCellTags.atLeastBytes;
  }
  const texts = new Map<string, string>();
  const keptEntries = new Map<string, Uint8Array>();
  let total = 0;
  const counter = new CellTagCounter();
  for (const entry of entries) {
    if (entry.name.endsWith("/") && entry.declaredSize === 0) continue;
    const keepText = KEEP_TEXT.test(entry.name);
    if (inflate && !keepText && !inflate(entry.name)) continue;
    const lo = entry.localOffset;
    const start = lo + 30 + u16(bytes, lo + 26) + u16(bytes, lo + 28);
    // The directory and the local header agree (listZip checked it): the data is exactly compressedSize bytes.
    const end = start + entry.compressedSize;
    const keepBytes = keep?.(entry.name) === true;
    const countCells = counting && COUNTED(entry.name);
    // Whether the chunks handed to onData are fresh buffers of this scan (one-shot inflate), which may be kept as they are.
    let fresh = false;
    const kept: Uint8Array[] = [];
    let size = 0;
    const onData = (chunk: Uint8Array): void => {
      size += chunk.length;
      total += chunk.length;
      if (size > limits.maxEntryBytes) throw new LimitExceeded(`mục "${entry.name}" giải nén vượt ${formatMegabytes(limits.maxEntryBytes)}`);
      if (total > limits.maxInflatedBytes) throw new LimitExceeded(`tổng dung lượng giải nén vượt ${formatMegabytes(limits.maxInflatedBytes)}`);
      if (size > entry.declaredSize) {
        throw new LimitExceeded(`mục "${entry.name}" giải nén ra nhiều hơn dung lượng khai báo (${entry.declaredSize} byte)`);
      }
      if (keepBytes || (keepText && size <= 4 * 1024 * 1024)) kept.push(fresh ? chunk : chunk.slice());
      if (countCells) counter.feed(chunk, limits.maxCells);
    };
    try {
      if (entry.method === 0) {
        onData(bytes.subarray(start, end));
      } else if (entry.method === 8 && end - start <= ONE_SHOT_MAX_COMPRESSED) {
        // Small entries inflate in one go into a buffer one byte larger than declared: even a
        // stream that lies about its size cannot inflate to more than DEFLATE_MAX_RATIO times
        // its compressed bytes, and any excess shows up as that extra byte.
        const compressed = bytes.subarray(start, end);
        const key = inflatedKey(entry);
        const seen = key !== undefined ? INFLATED.get(key) : undefined;
        const out = seen !== undefined && sameBytes(seen.compressed, compressed) ? seen.out : inflateBounded(compressed, entry.declaredSize + 1);
        fresh = true;
        onData(out);
        // Kept once it has inflated to exactly its declared size (onData refused more).
        if (key !== undefined && seen?.out !== out && out.length === entry.declaredSize) {
          if (INFLATED.size >= INFLATED_MAX) INFLATED.clear();
          INFLATED.set(key, { compressed: compressed.slice(), out });
        }
      } else if (entry.method === 8) {
        const inflater = new Inflate((chunk) => onData(chunk));
        const step = 16 * 1024;
        for (let p = start; p < end; p += step) inflater.push(bytes.subarray(p, Math.min(end, p + step)), p + step >= end);
      } else {
        throw corrupt(file, `mục "${entry.name}" dùng kiểu nén không hỗ trợ (${entry.method})`);
      }
    } catch (error) {
      if (error instanceof LimitExceeded) throw bomb(file, error.message);
      if (error instanceof TooManyCells) {
        throw new WorkbookReadError("too-many-cells", file, { cells: error.cells, limit: limits.maxCells });
      }
      if (error instanceof WorkbookReadError) throw error;
      throw corrupt(file, `không giải nén được mục "${entry.name}": ${INFLATE_FAILED}`);
    }
    if (size !== entry.declaredSize) {
      throw corrupt(file, `mục "${entry.name}" khai báo ${entry.declaredSize} byte nhưng giải nén được ${size} byte`);
    }
    if (keepText || keepBytes) {
      const all = concat(kept);
      if (keepText) texts.set(entry.name, utf8.decode(all));
      if (keepBytes) keptEntries.set(entry.name, all);
    }
  }
  return { entries, texts, kept: keptEntries, cellTags: counter.count };
}

/**
 * A clean archive of the given parts, for SheetJS: one end record, stored entries whose local
 * headers match the directory, nothing the guard did not inflate and count. The raw file never
 * reaches a second zip parser.
 */
export function repack(parts: ReadonlyMap<string, Uint8Array>): Uint8Array {
  const files: Record<string, Uint8Array> = Object.create(null) as Record<string, Uint8Array>;
  for (const [name, data] of parts) files[name] = data;
  return zipSync(files, { level: 0 });
}

/**
 * Inflates one entry listed by listZip (an archive of attachments, where each entry is a file of its
 * own): the same checks as scanZip — the entry's size and ratio limits, its bytes counted as they
 * inflate, an entry that inflates to more or less than it declares refused — for one entry, so that
 * a bad entry is refused on its own. Throws WorkbookReadError ("zip-bomb", "corrupt") naming `file`.
 */
export function inflateEntry(bytes: Uint8Array, file: string, entry: ZipEntryInfo, limits: ReadLimits): Uint8Array {
  if (entry.declaredSize > limits.maxEntryBytes) {
    throw bomb(file, `mục "${entry.name}" khai báo ${entry.declaredSize} byte khi giải nén, tối đa ${limits.maxEntryBytes}`);
  }
  checkRatio(file, entry.name, entry.declaredSize, entry.compressedSize, limits);
  const lo = entry.localOffset;
  const start = lo + 30 + u16(bytes, lo + 26) + u16(bytes, lo + 28);
  const end = start + entry.compressedSize;
  const parts: Uint8Array[] = [];
  let size = 0;
  const onData = (chunk: Uint8Array): void => {
    size += chunk.length;
    if (size > limits.maxEntryBytes) throw new LimitExceeded(`mục "${entry.name}" giải nén vượt ${limits.maxEntryBytes} byte`);
    if (size > entry.declaredSize) {
      throw new LimitExceeded(`mục "${entry.name}" giải nén ra nhiều hơn dung lượng khai báo (${entry.declaredSize} byte)`);
    }
    parts.push(chunk.slice());
  };
  try {
    if (entry.method === 0) onData(bytes.subarray(start, end));
    else if (entry.method === 8 && end - start <= ONE_SHOT_MAX_COMPRESSED) onData(inflateBounded(bytes.subarray(start, end), entry.declaredSize + 1));
    else if (entry.method === 8) {
      const inflater = new Inflate((chunk) => onData(chunk));
      const step = 16 * 1024;
      for (let p = start; p < end; p += step) inflater.push(bytes.subarray(p, Math.min(end, p + step)), p + step >= end);
    } else throw corrupt(file, `mục "${entry.name}" dùng kiểu nén không hỗ trợ (${entry.method})`);
  } catch (error) {
    if (error instanceof LimitExceeded) throw bomb(file, error.message);
    if (error instanceof WorkbookReadError) throw error;
    throw corrupt(file, `không giải nén được mục "${entry.name}": ${INFLATE_FAILED}`);
  }
  if (size !== entry.declaredSize) {
    throw corrupt(file, `mục "${entry.name}" khai báo ${entry.declaredSize} byte nhưng giải nén được ${size} byte`);
  }
  return concat(parts);
}

class TooManyCells extends Error {
  constructor(readonly cells: number) {
    super("too many cells");
  }
}


function concat(parts: Uint8Array[]): Uint8Array {
  if (parts.length === 1) return parts[0]!;
  const len = parts.reduce((n, p) => n + p.length, 0);
  const out = new Uint8Array(len);
  let o = 0;
  for (const p of parts) {
    out.set(p, o);
    o += p.length;
  }
  return out;
}
