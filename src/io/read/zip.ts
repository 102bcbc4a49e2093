/**
 * A guarded look into a zip container (.xlsx, .xlsm, .ods) before any parser
 * touches it: the central directory's declared sizes are checked, then every
 * entry is inflated as a stream with its bytes counted, stopping as soon as a
 * limit is passed — a zip that lies about its sizes is caught.
 */
import { Inflate, inflateSync } from "fflate";
import { WorkbookReadError, type ReadLimits } from "./errors";

export interface ZipEntryInfo {
  readonly name: string;
  readonly method: number;
  readonly compressedSize: number;
  readonly declaredSize: number;
  readonly localOffset: number;
  readonly encrypted: boolean;
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
  let name = "";
  for (let i = start; i < end; i++) {
    const b = bytes[i]!;
    if (b >= 0x80) return utf8.decode(bytes.subarray(start, end));
    name += String.fromCharCode(b);
  }
  return name;
}

function corrupt(file: string, detail: string): WorkbookReadError {
  return new WorkbookReadError("corrupt", file, { detail });
}

function bomb(file: string, detail: string): WorkbookReadError {
  return new WorkbookReadError("zip-bomb", file, { detail });
}

/** Reads the central directory. */
export function listZip(bytes: Uint8Array, file: string, limits: ReadLimits): ZipEntryInfo[] {
  let eocd = -1;
  for (let i = bytes.length - 22; i >= Math.max(0, bytes.length - 22 - 65535); i--) {
    if (u32(bytes, i) === 0x06054b50) {
      eocd = i;
      break;
    }
  }
  if (eocd < 0) throw corrupt(file, "không tìm thấy thư mục của tệp nén");
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
  let p = cdOffset;
  let declaredTotal = 0;
  for (let i = 0; i < count; i++) {
    if (p + 46 > bytes.length || u32(bytes, p) !== 0x02014b50) throw corrupt(file, "thư mục tệp nén bị hỏng");
    const flags = u16(bytes, p + 8);
    const method = u16(bytes, p + 10);
    let compressedSize = u32(bytes, p + 20);
    let declaredSize = u32(bytes, p + 24);
    const nameLen = u16(bytes, p + 28);
    const extraLen = u16(bytes, p + 30);
    const commentLen = u16(bytes, p + 32);
    let localOffset = u32(bytes, p + 42);
    const name = entryName(bytes, p + 46, Math.min(bytes.length, p + 46 + nameLen));
    // Zip64 extra field.
    let e = p + 46 + nameLen;
    const eEnd = e + extraLen;
    while (e + 4 <= eEnd) {
      const id = u16(bytes, e);
      const size = u16(bytes, e + 2);
      if (id === 0x0001) {
        let q = e + 4;
        const read64 = (): number => {
          const v = Number(u32(bytes, q)) + Number(u32(bytes, q + 4)) * 2 ** 32;
          q += 8;
          return v;
        };
        if (declaredSize === 0xffffffff) declaredSize = read64();
        if (compressedSize === 0xffffffff) compressedSize = read64();
        if (localOffset === 0xffffffff) localOffset = read64();
      }
      e += 4 + size;
    }
    if (declaredSize > limits.maxEntryBytes) {
      throw bomb(file, `mục "${name}" khai báo ${declaredSize} byte khi giải nén, tối đa ${limits.maxEntryBytes}`);
    }
    declaredTotal += declaredSize;
    if (declaredTotal > limits.maxInflatedBytes) {
      throw bomb(file, `tổng dung lượng khai báo khi giải nén vượt ${limits.maxInflatedBytes} byte`);
    }
    entries.push({ name, method, compressedSize, declaredSize, localOffset, encrypted: (flags & 1) === 1 });
    p = eEnd + commentLen;
  }
  return entries;
}

class LimitExceeded extends Error {}

/** DEFLATE cannot expand data by more than about 1032 to 1. */
const DEFLATE_MAX_RATIO = 1032;
/** Entries compressed to at most this many bytes are inflated in one call (at most ~16 MB of work each). */
const ONE_SHOT_MAX_COMPRESSED = Math.floor((16 * 1024 * 1024) / DEFLATE_MAX_RATIO);

const KEEP_TEXT = /^(\[Content_Types\]\.xml|mimetype|META-INF\/manifest\.xml|xl\/workbook\.xml|_rels\/\.rels)$/;
const XLSX_CELL = new TextEncoder().encode("<c ");
const ODS_CELL = new TextEncoder().encode("<table:table-cell");

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
  /** Count cell tags against maxCells (default true; a reader that bounds cells itself may skip it). */
  countCellTags = true,
): ZipScan {
  const entries = listZip(bytes, file, limits);
  const texts = new Map<string, string>();
  const keptEntries = new Map<string, Uint8Array>();
  let total = 0;
  let cellTags = 0;
  for (const entry of entries) {
    if (entry.name.endsWith("/") && entry.declaredSize === 0) continue;
    const keepText = KEEP_TEXT.test(entry.name);
    if (inflate && !keepText && !inflate(entry.name)) continue;
    const lo = entry.localOffset;
    if (lo + 30 > bytes.length || u32(bytes, lo) !== 0x04034b50) throw corrupt(file, `mục "${entry.name}" bị hỏng`);
    const start = lo + 30 + u16(bytes, lo + 26) + u16(bytes, lo + 28);
    // Compressed data runs at most to the end of the file, whatever the directory says.
    const end = Math.min(bytes.length, entry.compressedSize > 0 ? start + entry.compressedSize : bytes.length);
    const keepBytes = keep?.(entry.name) === true;
    const countCells = countCellTags && (/^xl\/worksheets\/[^/]+\.xml$/.test(entry.name) || entry.name === "content.xml");
    const pattern = entry.name === "content.xml" ? ODS_CELL : XLSX_CELL;
    // Whether the chunks handed to onData are fresh buffers of this scan (one-shot inflate), which may be kept as they are.
    let fresh = false;
    const kept: Uint8Array[] = [];
    let size = 0;
    let matched = 0;
    const onData = (chunk: Uint8Array): void => {
      size += chunk.length;
      total += chunk.length;
      if (size > limits.maxEntryBytes) throw new LimitExceeded(`mục "${entry.name}" giải nén vượt ${limits.maxEntryBytes} byte`);
      if (total > limits.maxInflatedBytes) throw new LimitExceeded(`tổng dung lượng giải nén vượt ${limits.maxInflatedBytes} byte`);
      if (size > entry.declaredSize) {
        throw new LimitExceeded(`mục "${entry.name}" giải nén ra nhiều hơn dung lượng khai báo (${entry.declaredSize} byte)`);
      }
      if (keepBytes || (keepText && size <= 4 * 1024 * 1024)) kept.push(fresh ? chunk : chunk.slice());
      if (countCells) {
        // Count the pattern across chunk boundaries; it starts with "<", which occurs nowhere else in it.
        for (let i = 0; i < chunk.length; i++) {
          const b = chunk[i]!;
          if (b === pattern[matched]) {
            if (++matched === pattern.length) {
              cellTags++;
              matched = 0;
            }
          } else matched = b === 0x3c ? 1 : 0;
        }
        if (cellTags > limits.maxCells) throw new TooManyCells(cellTags);
      }
    };
    try {
      if (entry.method === 0) {
        onData(bytes.subarray(start, Math.min(bytes.length, start + entry.compressedSize)));
      } else if (entry.method === 8 && end - start <= ONE_SHOT_MAX_COMPRESSED) {
        // Small entries inflate in one go into a buffer one byte larger than declared: even a
        // stream that lies about its size cannot inflate to more than DEFLATE_MAX_RATIO times
        // its compressed bytes, and any excess shows up as that extra byte.
        const out = inflateBounded(bytes.subarray(start, end), entry.declaredSize + 1);
        fresh = true;
        onData(out);
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
      throw corrupt(file, `không giải nén được mục "${entry.name}": ${error instanceof Error ? error.message : String(error)}`);
    }
    if (size !== entry.declaredSize && !entry.encrypted) {
      throw corrupt(file, `mục "${entry.name}" khai báo ${entry.declaredSize} byte nhưng giải nén được ${size} byte`);
    }
    if (keepText || keepBytes) {
      const all = concat(kept);
      if (keepText) texts.set(entry.name, utf8.decode(all));
      if (keepBytes) keptEntries.set(entry.name, all);
    }
  }
  return { entries, texts, kept: keptEntries, cellTags };
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
