/**
 * The compound file (CFB / OLE2: .xls, and the encrypted wrapper of an
 * .xlsx) read once, by our own bounded parser, before SheetJS sees it.
 *
 * SheetJS follows the allocation chains of a compound file as they are
 * written: a FAT chain that loops, a DIFAT that names a billion sectors or a
 * stream that claims gigabytes can make it loop or allocate without bound.
 * Here every structure is checked against the file's own size and the read
 * limits, and every chain is followed with a visited set, so a crafted file is
 * refused (`cfb-malformed`, with the reason) in time linear in its size:
 *
 * - header: signature, byte order, version 3 with 512-byte sectors or version 4
 *   with 4,096-byte sectors, 64-byte mini sectors, the 4,096-byte mini cutoff;
 * - FAT sectors (from the header's DIFAT and the DIFAT chain) and the DIFAT,
 *   mini FAT and directory chains: each id inside the file, no chain looping
 *   or longer than the file has sectors;
 * - directory: at most `maxEntries` entries, known entry types, a name of at
 *   most 32 UTF-16 units, tree links inside the directory and the tree acyclic;
 * - streams: size within `maxEntryBytes`, chain long enough for the size (in
 *   the FAT, or in the mini FAT inside the root's mini stream), no loop.
 *
 * The streams' bytes are handed on by name (the workbook stream is then checked
 * for encryption and its code page without a second parser).
 */
import { CP1258_HIGH } from "./cp1258";
import { WorkbookReadError, type ReadLimits } from "./errors";

/** The compound file's signature (the first eight bytes). */
export const CFB_SIGNATURE: readonly number[] = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];

const FREESECT = 0xffffffff;
const ENDOFCHAIN = 0xfffffffe;
const FATSECT = 0xfffffffd;
const DIFSECT = 0xfffffffc;
const NOSTREAM = 0xffffffff;
const DIR_ENTRY = 128;

/** A stream of the compound file: its path ("Workbook", "Storage/Stream") and bytes. */
export interface CfbStream {
  readonly name: string;
  readonly path: string;
  readonly bytes: Uint8Array;
}

export interface GuardedCfb {
  readonly sectorSize: number;
  /** Every stream reachable from the root, in directory order. */
  readonly streams: readonly CfbStream[];
}

class Refused extends Error {}

function refuse(detail: string): never {
  throw new Refused(detail);
}

function u16(b: Uint8Array, o: number): number {
  return b[o]! | (b[o + 1]! << 8);
}

function u32(b: Uint8Array, o: number): number {
  return (b[o]! | (b[o + 1]! << 8) | (b[o + 2]! << 16) | (b[o + 3]! << 24)) >>> 0;
}

/** Whether the bytes start with the compound file's signature. */
export function isCfb(bytes: Uint8Array): boolean {
  return bytes.length >= 8 && CFB_SIGNATURE.every((b, i) => bytes[i] === b);
}

/**
 * Reads and checks a compound file under the limits. Throws WorkbookReadError "cfb-malformed"
 * (with a Vietnamese detail) when any structure is out of bounds, loops or disagrees.
 */
export function guardCfb(bytes: Uint8Array, fileName: string, limits: ReadLimits): GuardedCfb {
  try {
    return parse(bytes, limits);
  } catch (error) {
    if (error instanceof Refused) throw new WorkbookReadError("cfb-malformed", fileName, { detail: error.message });
    throw error;
  }
}

function parse(bytes: Uint8Array, limits: ReadLimits): GuardedCfb {
  if (bytes.length < 512 || !isCfb(bytes)) refuse("thiếu phần đầu của tệp");
  if (u16(bytes, 0x1c) !== 0xfffe) refuse("thứ tự byte không hợp lệ");
  const major = u16(bytes, 0x1a);
  const shift = u16(bytes, 0x1e);
  if (!((major === 3 && shift === 9) || (major === 4 && shift === 12))) {
    refuse(`kích thước cung ${shift < 31 ? 2 ** shift : shift} byte (phiên bản ${major}) không hợp lệ`);
  }
  if (u16(bytes, 0x20) !== 6) refuse("kích thước cung nhỏ không hợp lệ");
  if (u32(bytes, 0x38) !== 4096) refuse("ngưỡng luồng nhỏ không hợp lệ");
  const size = 1 << shift;
  const perSector = size / 4;
  // Sectors the file holds after its header (a last sector cut short still counts).
  const sectors = Math.ceil((bytes.length - size) / size);
  const sectorAt = (id: number): Uint8Array => {
    const start = (id + 1) * size;
    return bytes.subarray(start, Math.min(start + size, bytes.length));
  };
  const checkId = (id: number, what: string): void => {
    if (id >= sectors) refuse(`${what} trỏ tới cung ${id}, ngoài tệp (tệp có ${sectors} cung)`);
  };

  // FAT sectors: 109 in the header, the rest in the DIFAT chain.
  const fatCount = u32(bytes, 0x2c);
  const difatCount = u32(bytes, 0x48);
  if (fatCount > sectors) refuse(`phần đầu ghi ${fatCount} cung FAT, nhiều hơn số cung của tệp (${sectors})`);
  if (difatCount > sectors) refuse(`phần đầu ghi ${difatCount} cung DIFAT, nhiều hơn số cung của tệp (${sectors})`);
  const fatSectors: number[] = [];
  for (let i = 0; i < 109 && fatSectors.length < fatCount; i++) fatSectors.push(u32(bytes, 0x4c + 4 * i));
  let difat = u32(bytes, 0x44);
  const seenDifat = new Set<number>();
  while (fatSectors.length < fatCount) {
    if (difat === ENDOFCHAIN || difat === FREESECT) refuse(`chuỗi DIFAT ngắn hơn số cung FAT đã ghi (${fatCount})`);
    checkId(difat, "chuỗi DIFAT");
    if (seenDifat.has(difat)) refuse("chuỗi DIFAT bị lặp vòng");
    seenDifat.add(difat);
    if (seenDifat.size > difatCount) refuse(`chuỗi DIFAT dài hơn số cung đã ghi (${difatCount})`);
    const sector = sectorAt(difat);
    for (let i = 0; i < perSector - 1 && fatSectors.length < fatCount; i++) fatSectors.push(u32(sector, 4 * i));
    difat = u32(sector, size - 4);
  }
  const fat = new Uint32Array(fatSectors.length * perSector);
  const seenFat = new Set<number>();
  fatSectors.forEach((id, k) => {
    checkId(id, "bảng FAT");
    if (seenFat.has(id)) refuse(`cung FAT ${id} được ghi hai lần`);
    seenFat.add(id);
    const sector = sectorAt(id);
    for (let i = 0; i < perSector; i++) fat[k * perSector + i] = 4 * i + 4 <= sector.length ? u32(sector, 4 * i) : FREESECT;
  });

  /** The sectors of a chain, in order: each id inside the file and the table, no loop, at most `max` of them. */
  const chain = (table: Uint32Array, start: number, max: number, what: string, inFile: (id: number) => void): number[] => {
    const out: number[] = [];
    const seen = new Set<number>();
    let id = start;
    while (id !== ENDOFCHAIN) {
      if (id === FREESECT || id === FATSECT || id === DIFSECT || id >= table.length) refuse(`${what} trỏ tới cung không hợp lệ (${id})`);
      inFile(id);
      if (seen.has(id)) refuse(`${what} bị lặp vòng (bảng FAT)`);
      seen.add(id);
      out.push(id);
      if (out.length > max) refuse(`${what} dài hơn số cung của tệp`);
      id = table[id]!;
    }
    return out;
  };
  const fatChain = (start: number, what: string): number[] => chain(fat, start, sectors, what, (id) => checkId(id, what));
  const readChain = (ids: readonly number[], length: number): Uint8Array => {
    const out = new Uint8Array(length);
    let at = 0;
    for (const id of ids) {
      if (at >= length) break;
      const part = sectorAt(id).subarray(0, length - at);
      out.set(part, at);
      at += part.length;
    }
    return out;
  };

  // Directory.
  const dirIds = fatChain(u32(bytes, 0x30), "chuỗi thư mục");
  const entryCount = (dirIds.length * size) / DIR_ENTRY;
  const dir = readChain(dirIds, dirIds.length * size);
  interface Entry {
    readonly name: string;
    readonly type: number;
    readonly left: number;
    readonly right: number;
    readonly child: number;
    readonly start: number;
    readonly size: number;
  }
  const entries: Entry[] = [];
  let used = 0;
  let declared = 0;
  for (let i = 0; i < entryCount; i++) {
    const o = i * DIR_ENTRY;
    const type = dir[o + 66]!;
    const nameBytes = u16(dir, o + 64);
    if (type === 0) {
      entries.push({ name: "", type, left: NOSTREAM, right: NOSTREAM, child: NOSTREAM, start: 0, size: 0 });
      continue;
    }
    if (type !== 1 && type !== 2 && type !== 5) refuse(`mục thư mục ${i} có loại không hợp lệ (${type})`);
    if (type === 5 && i !== 0) refuse(`mục thư mục ${i} là gốc thứ hai`);
    if (nameBytes > 64 || nameBytes % 2 !== 0) refuse(`tên mục thư mục ${i} dài ${nameBytes} byte, quá 64`);
    let name = "";
    for (let k = 0; k + 2 < nameBytes; k += 2) name += String.fromCharCode(u16(dir, o + k));
    // Version 3 keeps only the low 32 bits of a stream's size (the high ones may hold anything).
    const low = u32(dir, o + 120);
    const high = major === 4 ? u32(dir, o + 124) : 0;
    const streamSize = high * 2 ** 32 + low;
    if (type === 2 && streamSize > limits.maxEntryBytes) refuse(`luồng "${name}" ghi kích thước ${streamSize} byte, quá giới hạn ${limits.maxEntryBytes}`);
    if (streamSize > bytes.length) refuse(`luồng "${name}" ghi kích thước ${streamSize} byte, lớn hơn cả tệp`);
    // Streams may share sectors in a crafted file: what they claim in all is bounded too.
    declared += streamSize;
    if (declared > limits.maxInflatedBytes) refuse(`các luồng ghi tổng cộng hơn ${limits.maxInflatedBytes} byte, quá giới hạn`);
    entries.push({ name, type, left: u32(dir, o + 68), right: u32(dir, o + 72), child: u32(dir, o + 76), start: u32(dir, o + 116), size: streamSize });
    if (++used > limits.maxEntries) refuse(`thư mục có hơn ${limits.maxEntries} mục`);
  }
  const root = entries[0];
  if (!root || root.type !== 5) refuse("thiếu mục gốc của thư mục");

  // The mini stream (the root's stream) and the mini FAT.
  const miniIds = root.size > 0 ? fatChain(root.start, "luồng nhỏ của mục gốc") : [];
  if (miniIds.length * size < root.size) refuse("chuỗi của luồng nhỏ ngắn hơn kích thước đã ghi");
  const miniStream = readChain(miniIds, root.size);
  const miniFatCount = u32(bytes, 0x40);
  if (miniFatCount > sectors) refuse(`phần đầu ghi ${miniFatCount} cung mini FAT, nhiều hơn số cung của tệp`);
  const miniFatIds = miniFatCount > 0 ? fatChain(u32(bytes, 0x3c), "chuỗi mini FAT") : [];
  const miniFatBytes = readChain(miniFatIds, miniFatIds.length * size);
  const miniFat = new Uint32Array(miniFatBytes.length / 4);
  for (let i = 0; i < miniFat.length; i++) miniFat[i] = u32(miniFatBytes, 4 * i);
  const miniSectors = Math.ceil(root.size / 64);

  /** A stream's bytes (its chain checked); only checked, not copied, when `keep` is false. */
  const streamBytes = (e: Entry, keep = true): Uint8Array => {
    if (e.size === 0) return new Uint8Array(0);
    if (e.size < 4096) {
      const what = `chuỗi của luồng "${e.name}"`;
      const ids = chain(miniFat, e.start, miniSectors, what, (id) => {
        if (id >= miniSectors) refuse(`${what} trỏ tới cung nhỏ ${id}, ngoài luồng nhỏ`);
      });
      if (ids.length * 64 < e.size) refuse(`${what} ngắn hơn kích thước đã ghi (${e.size} byte)`);
      if (!keep) return new Uint8Array(0);
      const out = new Uint8Array(e.size);
      let at = 0;
      for (const id of ids) {
        if (at >= e.size) break;
        const part = miniStream.subarray(id * 64, Math.min(id * 64 + 64, id * 64 + e.size - at));
        out.set(part, at);
        at += part.length;
      }
      return out;
    }
    const ids = fatChain(e.start, `chuỗi của luồng "${e.name}"`);
    if (ids.length * size < e.size) refuse(`chuỗi của luồng "${e.name}" ngắn hơn kích thước đã ghi (${e.size} byte)`);
    return keep ? readChain(ids, e.size) : new Uint8Array(0);
  };

  // The tree, from the root: links inside the directory, no entry reached twice.
  const streams: CfbStream[] = [];
  const seen = new Set<number>([0]);
  const stack: { id: number; parent: string }[] = [];
  const push = (id: number, parent: string): void => {
    if (id === NOSTREAM) return;
    if (id >= entries.length) refuse(`liên kết thư mục trỏ tới mục ${id}, ngoài thư mục`);
    if (seen.has(id)) refuse(`cây thư mục bị lặp vòng (mục ${id})`);
    seen.add(id);
    stack.push({ id, parent });
  };
  push(root.child, "");
  while (stack.length > 0) {
    const { id, parent } = stack.pop()!;
    const e = entries[id]!;
    if (e.type === 0) refuse(`liên kết thư mục trỏ tới mục trống ${id}`);
    push(e.left, parent);
    push(e.right, parent);
    const path = parent === "" ? e.name : `${parent}/${e.name}`;
    if (e.type === 1) push(e.child, path);
    else if (e.type === 2) streams.push({ name: e.name, path, bytes: streamBytes(e) });
    else refuse(`mục thư mục ${id} là gốc thứ hai`);
  }
  // SheetJS reads every entry of the directory, not only those in the tree: each stream's chain is checked.
  const reached = new Set(streams.map((st) => st.path));
  entries.forEach((e, i) => {
    if (e.type === 2 && !seen.has(i) && !reached.has(e.name)) streamBytes(e, false);
  });
  return { sectorSize: size, streams };
}

/** What the workbook stream of an .xls says of itself: its BIFF version and the code page of its 8-bit text. */
export interface BiffInfo {
  /** 0x0500 for BIFF5/BIFF7 (Excel 5 to 95), 0x0600 for BIFF8 (Excel 97 and later). */
  readonly version: number;
  /** The CODEPAGE record's value (1252, 1258…), or undefined when there is none. */
  readonly codePage: number | undefined;
}

/** The BOF version and the CODEPAGE record (0x0042) of the workbook globals. */
export function biffInfo(stream: Uint8Array): BiffInfo {
  let version = 0;
  let codePage: number | undefined;
  let p = 0;
  while (p + 4 <= stream.length) {
    const type = u16(stream, p);
    const len = u16(stream, p + 2);
    if (p === 0 && (type === 0x0809 || type === 0x0409 || type === 0x0209) && len >= 2) version = u16(stream, p + 4);
    if (type === 0x0042 && len >= 2) codePage = u16(stream, p + 4);
    if (type === 0x000a) break; // EOF of the globals
    p += 4 + len;
  }
  return { version, codePage };
}

/**
 * The records that hold a formula, with the length of what comes before the formula's tokens
 * (its last two bytes: the tokens' length, cce): FORMULA (cell, value, flags, cce), ARRAY and
 * SHRFMLA (the range they cover, flags, cce), alike in BIFF5 and BIFF8.
 */
const FORMULA_RECORDS: ReadonlyMap<number, number> = new Map([
  [0x0006, 22],
  [0x0221, 14],
  [0x04bc, 10],
]);

/**
 * The first formula record of the workbook stream (with the CONTINUE records after it) too short
 * for its fixed part and the formula tokens it declares, as its type and offset; undefined when
 * every one holds what it declares. SheetJS reads such a record on past its end, takes the missing
 * length for "not a number", and never finishes walking the tokens.
 */
export function shortFormulaRecord(stream: Uint8Array): { readonly type: number; readonly at: number } | undefined {
  let p = 0;
  while (p + 4 <= stream.length) {
    const type = u16(stream, p);
    const len = u16(stream, p + 2);
    const fixed = FORMULA_RECORDS.get(type);
    if (fixed !== undefined) {
      let total = Math.min(len, stream.length - p - 4);
      for (let q = p + 4 + len; q + 4 <= stream.length && u16(stream, q) === 0x003c; q += 4 + u16(stream, q + 2)) total += Math.min(u16(stream, q + 2), stream.length - q - 4);
      if (total < fixed || u16(stream, p + 4 + fixed - 2) > total - fixed) return { type, at: p };
    }
    p += 4 + len;
  }
  return undefined;
}

/**
 * Text of an Excel 5/95 workbook written in code page 1258 (Vietnamese Windows), as Unicode (NFC).
 * SheetJS decodes such text only where its code-page tables are loaded (its CommonJS build, the
 * CLI); its module build (the task pane and the page) gives one Latin-1 character per byte. Text
 * still in Latin-1 is decoded here as the Windows-1258 bytes it is; text SheetJS decoded already
 * is left as it is (decoding again changes nothing: every character below U+0100 that
 * Windows-1258 yields is its own byte's).
 */
export function textFromCp1258(text: string): string {
  let latin1 = true;
  for (let i = 0; i < text.length && latin1; i++) latin1 = text.charCodeAt(i) <= 0xff;
  if (!latin1) return text.normalize("NFC");
  let out = "";
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    out += code < 0x80 ? text[i] : CP1258_HIGH[code - 0x80];
  }
  return out.normalize("NFC");
}
