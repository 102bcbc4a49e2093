/**
 * The file system for the CLI: the files named on the command line and the
 * workbooks in named folders (not recursive, by the one list of accepted
 * kinds), read into the app's InputFile.
 *
 * Only regular files are read. A named pipe, a device, a folder named like a
 * workbook, a broken link, a name that is not UTF-8 or a file that cannot be
 * opened is set aside with the reason (`skipped`), and the other files go on.
 * A file's size is checked before a byte of it is read.
 */
import { createHash } from "node:crypto";
import { closeSync, constants, fstatSync, lstatSync, openSync, readdirSync, readSync, statSync, type BigIntStats, type Stats } from "node:fs";
import { basename, join, resolve } from "node:path";
import { FileReadError } from "../../app/errors";
import { readBatchAnswering, type FileReaderPort } from "../../app/read-files";
import type { InputFile } from "../../app/sources";
import type { MergeSource } from "../../domain/merge";
import { messageFor } from "../../domain/rules/messages";
import { compareNames } from "../../domain/text";
import { DEFAULT_LIMITS } from "../../io/read/errors";
import { isHousekeepingName, isInputName } from "../../io/read/formats";

/** A file or folder entry that was not read, and why (Vietnamese). */
export interface Skipped {
  readonly path: string;
  readonly reason: string;
  /** For an attachment or archive entry: the message or archive given that held it. */
  readonly container?: string;
}

/** Why a file could not be opened or read, in Vietnamese ("không tìm thấy tệp", "đây là thư mục", …). */
export function openProblem(error: unknown): string {
  const code = (error as NodeJS.ErrnoException | undefined)?.code;
  switch (code) {
    case "ENOENT":
      return "không tìm thấy tệp";
    case "EISDIR":
      return "đây là thư mục";
    case "EACCES":
    case "EPERM":
      return "không có quyền đọc";
    case "ENOTDIR":
      return "một phần của đường dẫn không phải là thư mục";
    case "ELOOP":
      return "liên kết tượng trưng vòng quanh";
    case "ENAMETOOLONG":
      return "tên tệp quá dài";
    case "EIO":
      return "lỗi đọc ổ đĩa";
    case "EMFILE":
    case "ENFILE":
      return "mở quá nhiều tệp cùng lúc";
    case "ERR_FS_FILE_TOO_LARGE":
      return "tệp quá lớn";
    default:
      return code !== undefined ? `lỗi hệ thống (${code})` : error instanceof Error ? error.message : String(error);
  }
}

/** Why an entry that is not a regular file is not read. */
export function kindProblem(stat: Stats | BigIntStats): string {
  if (stat.isDirectory()) return "đây là thư mục, không phải tệp";
  if (stat.isFIFO()) return "không phải tệp thường (ống dẫn có tên, FIFO)";
  if (stat.isCharacterDevice() || stat.isBlockDevice()) return "không phải tệp thường (thiết bị)";
  if (stat.isSocket()) return "không phải tệp thường (socket)";
  return "không phải tệp thường";
}

const BROKEN_LINK = "liên kết tượng trưng hỏng (không có tệp đích)";
const NOT_UTF8 = "tên tệp không phải UTF-8 nên không đọc";

const strictUtf8 = new TextDecoder("utf-8", { fatal: true });

/** A name's bytes as text: valid UTF-8 kept, every other byte shown as "\xNN". */
export function escapeNameBytes(bytes: Uint8Array): string {
  let out = "";
  let i = 0;
  while (i < bytes.length) {
    const b = bytes[i]!;
    const len = b < 0x80 ? 1 : b >= 0xc2 && b <= 0xdf ? 2 : b >= 0xe0 && b <= 0xef ? 3 : b >= 0xf0 && b <= 0xf4 ? 4 : 0;
    if (len > 0 && i + len <= bytes.length) {
      try {
        out += strictUtf8.decode(bytes.subarray(i, i + len));
        i += len;
        continue;
      } catch {
        // Not a whole character: the lead byte is escaped below.
      }
    }
    out += `\\x${b.toString(16).padStart(2, "0")}`;
    i++;
  }
  return out;
}

/** The name as text, or undefined when its bytes are not UTF-8. */
function decodeName(bytes: Uint8Array): string | undefined {
  try {
    return strictUtf8.decode(bytes);
  } catch {
    return undefined;
  }
}

/** What the command line reaches: the files to read, each with the name it was reached by, and what was not read. */
export interface ExpandedInputs {
  /** Absolute paths, in the order reached. */
  readonly files: string[];
  /** The name each of `files` was reached by (same order): the argument as typed, or the folder as typed joined with the file's name. */
  readonly shown: string[];
  /** Arguments naming nothing. */
  readonly missing: string[];
  readonly skipped: Skipped[];
}

/**
 * Files named on the command line, and the spreadsheets, messages and archives inside named folders
 * (not recursive), in name order. Any other file in a folder is listed as skipped, with the reason,
 * so that a unit's report sent in another form (a .docx, a .pdf) is seen; `leaveOut` (absolute
 * paths: the unit list, the targets file given beside) is passed over. One rule for every command:
 * a file reached by two arguments (named twice, or named and inside a folder named, by any
 * spelling or link) is taken once, where first reached, and a folder named twice is walked once.
 * With `openNamed`, a file named that cannot be looked at or is not a regular file is taken as it
 * is, for its opening to say why it cannot be read (validate reports it as a file not read);
 * otherwise it is `missing` or skipped with the reason.
 */
export function expandInputs(args: readonly string[], cwd: string, leaveOut: readonly string[] = [], options: { readonly openNamed?: boolean } = {}): ExpandedInputs {
  const out: ExpandedInputs = { files: [], shown: [], missing: [], skipped: [] };
  const leftOut = identities(leaveOut);
  const taken = new Set<string>();
  for (const arg of args) {
    const path = resolve(cwd, arg);
    let stat: BigIntStats;
    try {
      stat = statSync(path, { bigint: true });
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      if (options.openNamed) take(out, path, arg);
      else if (code === "ENOENT" && isLinkAt(path)) out.skipped.push({ path: arg, reason: BROKEN_LINK });
      else if (code === "ENOENT") out.missing.push(arg);
      else out.skipped.push({ path: arg, reason: openProblem(error) });
      continue;
    }
    const identity = identityOf(stat);
    // Reached already: nothing is read, or listed, twice.
    if (identity !== undefined && taken.has(identity)) continue;
    if (stat.isDirectory()) walkFolder(path, arg, out, leftOut, taken);
    else if (stat.isFile() || options.openNamed) take(out, path, arg);
    else out.skipped.push({ path: arg, reason: kindProblem(stat) });
    if (identity !== undefined) taken.add(identity);
  }
  return out;
}

function take(out: ExpandedInputs, path: string, shown: string): void {
  out.files.push(path);
  out.shown.push(shown);
}

function isLinkAt(path: string | Buffer): boolean {
  try {
    return lstatSync(path).isSymbolicLink();
  } catch {
    return false;
  }
}

/**
 * The identity on its disk of the file at `path` (device and inode), however a path reaches it: through a
 * link, "..", another case. Asked as bigints: on Windows a file's index has 64 bits, and as a plain number
 * two files of nearby indexes may come out the same. Undefined when it cannot be looked at, or when the
 * disk gives files no index (0: some network and FAT drives), so that no two files are taken for one.
 */
export function fileIdentity(path: string): string | undefined {
  try {
    return identityOf(statSync(path, { bigint: true }));
  } catch {
    return undefined;
  }
}

/** A file's identity from its bigint stat (see fileIdentity), so that one look at a file gives both what it is and who it is. */
function identityOf(stat: BigIntStats): string | undefined {
  return stat.ino === 0n ? undefined : `${stat.dev}:${stat.ino}`;
}

/** The identities of the files at `paths` that exist. */
function identities(paths: readonly string[]): ReadonlySet<string> {
  const out = new Set<string>();
  for (const path of paths) {
    // Not there (yet): nothing in a folder can be it.
    const identity = fileIdentity(path);
    if (identity !== undefined) out.add(identity);
  }
  return out;
}

const NOT_READ = "không phải bảng tính, thư điện tử hay tệp nén nên không đọc";
const SUBFOLDER = "thư mục con: chỉ đọc các tệp nằm ngay trong thư mục đã chọn";

/**
 * Whether a skipped entry is one not read by its kind, not a file that failed to open: what a folder held (a .pdf,
 * a subfolder), or what a message or an archive held (an attachment that is not a spreadsheet; nothing at all).
 */
export function isPassedOver(entry: Skipped): boolean {
  return entry.reason === NOT_READ || entry.reason === SUBFOLDER || entry.container !== undefined;
}

/** The spreadsheets, messages and archives directly inside `folder` (shown as `shown`), by name; anything else is skipped with the reason. */
function walkFolder(folder: string, shown: string, out: ExpandedInputs, leaveOut: ReadonlySet<string>, taken: Set<string>): void {
  const found: string[] = [];
  walkEntries(folder, shown, out, leaveOut, taken, found);
  for (const identity of found) taken.add(identity);
}

function walkEntries(folder: string, shown: string, out: ExpandedInputs, leaveOut: ReadonlySet<string>, taken: ReadonlySet<string>, found: string[]): void {
  const skipped = out.skipped;
  let names: Buffer[];
  try {
    names = readdirSync(folder, { encoding: "buffer" });
  } catch (error) {
    skipped.push({ path: shown, reason: openProblem(error) });
    return;
  }
  const entries = names.map((bytes) => ({ bytes, name: decodeName(bytes), shown: escapeNameBytes(bytes) }));
  // In Vietnamese name order, as the pane lists a dropped folder.
  entries.sort((a, b) => compareNames(a.shown, b.shown));
  for (const entry of entries) {
    if (isHousekeepingName(entry.shown)) continue;
    const read = isInputName(entry.shown);
    if (entry.name === undefined) {
      skipped.push({ path: join(shown, entry.shown), reason: NOT_UTF8 });
      continue;
    }
    const full = join(folder, entry.name);
    let stat: BigIntStats;
    try {
      stat = statSync(full, { bigint: true });
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      skipped.push({ path: join(shown, entry.name), reason: code === "ENOENT" && isLinkAt(full) ? BROKEN_LINK : openProblem(error) });
      continue;
    }
    // A folder may be left out too (feedback's own output folder made inside the folder read).
    const identity = stat.isFile() || stat.isDirectory() ? identityOf(stat) : undefined;
    if (identity !== undefined && leaveOut.has(identity)) continue;
    if (!read) skipped.push({ path: join(shown, entry.name), reason: stat.isDirectory() ? SUBFOLDER : NOT_READ });
    else if (stat.isFile()) {
      // Reached already through another argument; two names of one folder (a link beside its file) stay two files.
      if (identity === undefined || !taken.has(identity)) take(out, full, join(shown, entry.name));
      if (identity !== undefined) found.push(identity);
    }
    else skipped.push({ path: join(shown, entry.name), reason: kindProblem(stat) });
  }
}

/** A file opened for reading: its bytes, or why it was refused before being read. */
export type Opened =
  | { readonly file: InputFile }
  | { readonly refused: "too-large"; readonly size: number; readonly limit: number }
  | { readonly refused: "not-found"; readonly detail: string };

/** A file too large to read is hashed in blocks of this size (hashFile). */
const BLOCK = 1024 * 1024;

/**
 * What a file holds past the size it had when opened is read here, a block at a time, so one that
 * grows while it is read stays within the limit (one buffer for every file: most end at their size).
 */
const PAST_SIZE = new Uint8Array(64 * 1024);

/**
 * Opens `path` without blocking (a named pipe must not hang the CLI), checks it is a regular
 * file no larger than `maxFileBytes` before reading a byte, then reads it.
 */
export function openInput(path: string, name: string = basename(path), maxFileBytes: number = DEFAULT_LIMITS.maxFileBytes): Opened {
  let fd: number;
  try {
    fd = openSync(path, constants.O_RDONLY | (constants.O_NONBLOCK ?? 0));
  } catch (error) {
    return { refused: "not-found", detail: openProblem(error) };
  }
  try {
    const stat = fstatSync(fd);
    if (!stat.isFile()) return { refused: "not-found", detail: kindProblem(stat) };
    if (stat.size > maxFileBytes) return { refused: "too-large", size: stat.size, limit: maxFileBytes };
    // The size it has first, straight into the buffer the bytes are held in (of their own size: a view
    // into a larger block would keep the whole block alive for as long as the file is held, and a
    // message to the read worker copies the whole block).
    const first = new Uint8Array(stat.size);
    let total = 0;
    while (total < first.length) {
      const n = readSync(fd, first, total, first.length - total, null);
      if (n === 0) break;
      total += n;
    }
    const chunks: Uint8Array[] = [first.subarray(0, total)];
    if (total === first.length) {
      // Then what it has grown by since, through one buffer kept for that, until it ends.
      for (;;) {
        const n = readSync(fd, PAST_SIZE, 0, Math.min(PAST_SIZE.length, maxFileBytes + 1 - total), null);
        if (n === 0) break;
        chunks.push(PAST_SIZE.slice(0, n));
        total += n;
        if (total > maxFileBytes) return { refused: "too-large", size: Math.max(total, stat.size), limit: maxFileBytes };
      }
    }
    const bytes = chunks.length === 1 && total === first.length ? first : new Uint8Array(total);
    if (bytes !== first) {
      let at = 0;
      for (const c of chunks) {
        bytes.set(c, at);
        at += c.length;
      }
    }
    return { file: { name, bytes, lastModified: stat.mtime.toISOString() } };
  } catch (error) {
    return { refused: "not-found", detail: openProblem(error) };
  } finally {
    closeSync(fd);
  }
}

/**
 * The SHA-256 of a file read in blocks (never whole into memory), for a file refused as too
 * large: its hash is still real. Empty when the file cannot be read (it is then refused anyway).
 */
export function hashFile(path: string): string {
  let fd: number;
  try {
    fd = openSync(path, constants.O_RDONLY | (constants.O_NONBLOCK ?? 0));
  } catch {
    return "";
  }
  try {
    if (!fstatSync(fd).isFile()) return "";
    const hash = createHash("sha256");
    const block = new Uint8Array(BLOCK);
    for (;;) {
      const n = readSync(fd, block, 0, block.length, null);
      if (n === 0) break;
      hash.update(block.subarray(0, n));
    }
    return hash.digest("hex");
  } catch {
    return "";
  } finally {
    closeSync(fd);
  }
}

/** The Vietnamese message for a file refused before reading, naming it as `name`. */
export function refusalMessage(opened: Exclude<Opened, { file: InputFile }>, name: string): string {
  return opened.refused === "too-large"
    ? messageFor("too-large", { file: name, size: opened.size, limit: opened.limit })
    : messageFor("not-found", { file: name, detail: opened.detail });
}

/** A file as the app's input: its name (without the folder), bytes and last-modified time. Throws FileReadError (Vietnamese) when refused. */
export function readInput(path: string, name: string = basename(path)): InputFile {
  const opened = openInput(path, name);
  if ("file" in opened) return opened.file;
  throw new FileReadError(name, opened.refused, refusalMessage(opened, name));
}

/**
 * The files of a merge opened: those read, and — in their place, in order — those refused as
 * too large (a source with the "too-large" error and the file's SHA-256 hashed in blocks,
 * without its bytes); files that cannot be
 * opened at all are skipped with the reason.
 */
export function openInputs(
  paths: readonly string[],
  maxFileBytes: number = DEFAULT_LIMITS.maxFileBytes,
  names: readonly string[] = paths.map((p) => basename(p)),
): { inputs: InputFile[]; refused: Map<InputFile, MergeSource>; skipped: Skipped[] } {
  const inputs: InputFile[] = [];
  const refused = new Map<InputFile, MergeSource>();
  const skipped: Skipped[] = [];
  for (const [k, path] of paths.entries()) {
    const name = names[k] ?? basename(path);
    const opened = openInput(path, name, maxFileBytes);
    if ("file" in opened) inputs.push(opened.file);
    else if (opened.refused === "too-large") {
      const placeholder: InputFile = { name, bytes: new Uint8Array(0) };
      inputs.push(placeholder);
      refused.set(placeholder, { file: name, sha256: hashFile(path), error: { code: "too-large", message: refusalMessage(opened, name) } });
    } else skipped.push({ path, reason: opened.detail });
  }
  return { inputs, refused, skipped };
}

/**
 * The name each file reached is read under: its own name ("bao-cao.xlsx"), or, when another file reached has
 * that name too ("a/bao-cao.xlsx" and "b/bao-cao.xlsx", two units' replies saved in two folders), the path it
 * was reached by, so that neither is taken for the other (a unit's file sent again).
 */
export function inputNames(walked: Pick<ExpandedInputs, "files" | "shown">): string[] {
  const own = walked.files.map((p) => basename(p));
  const count = new Map<string, number>();
  for (const name of own) count.set(name, (count.get(name) ?? 0) + 1);
  return own.map((name, k) => (count.get(name)! > 1 ? (walked.shown[k] ?? name) : name));
}

/** The reader, answering for the files refused before reading with their source (they are not read). */
export function withRefused(reader: FileReaderPort, refused: ReadonlyMap<InputFile, MergeSource>): FileReaderPort {
  const readBatch = reader.readBatch?.bind(reader);
  return {
    read: (file, options) => Promise.resolve(refused.get(file) ?? reader.read(file, options)),
    ...(readBatch
      ? {
          // Refused files are answered here; the others go to the reader together, every file's progress in order.
          readBatch: (files, options) => readBatchAnswering(readBatch, files, options, (f) => refused.get(f)),
        }
      : {}),
    ...(reader.batchSize !== undefined ? { batchSize: reader.batchSize } : {}),
    ...(reader.concurrency !== undefined ? { concurrency: reader.concurrency } : {}),
    ...(reader.transfersBytes !== undefined ? { transfersBytes: reader.transfersBytes } : {}),
    close: () => reader.close?.(),
  };
}
