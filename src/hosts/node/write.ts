/**
 * Every file the CLI writes goes through writeFileAtomic: the bytes go to a
 * temporary file in the same folder, are flushed to the disk, and the
 * temporary file is renamed over the target, so a kill or a full disk
 * mid-write leaves the previous file as it was (a rename within one folder
 * is atomic). An output that is one of the inputs is refused before anything
 * is written.
 */
import {
  accessSync,
  closeSync,
  constants,
  fsyncSync,
  openSync,
  realpathSync,
  renameSync,
  statSync,
  unlinkSync,
  writeSync,
  chmodSync,
  type Stats,
} from "node:fs";
import { basename, dirname, join, resolve } from "node:path";

/** A file the CLI could not write: `message` is one Vietnamese line naming the path and the reason. */
export class OutputError extends Error {
  override readonly name = "OutputError";
  constructor(
    readonly path: string,
    readonly reason: string,
  ) {
    super(`Không ghi được ${path}: ${reason}.`);
  }
}

/** Why writing failed, in Vietnamese, from the file system's error code. */
export function writeProblem(error: unknown): string {
  const code = (error as NodeJS.ErrnoException | undefined)?.code;
  switch (code) {
    case "EACCES":
    case "EPERM":
      return "không có quyền ghi";
    case "ENOENT":
      return "thư mục chứa tệp không tồn tại";
    case "ENOTDIR":
      return "một phần của đường dẫn không phải là thư mục";
    case "EISDIR":
      return "đây là một thư mục";
    case "EEXIST":
      return "đã có một tệp cùng tên";
    case "ENOSPC":
    case "EDQUOT":
      return "ổ đĩa đã đầy";
    case "EROFS":
      return "ổ đĩa chỉ cho đọc";
    case "ENAMETOOLONG":
      return "tên tệp quá dài";
    case "EIO":
      return "lỗi đọc ghi ổ đĩa";
    default:
      return code !== undefined ? `lỗi hệ thống (${code})` : error instanceof Error ? error.message : String(error);
  }
}

/** Steps of a write that tests can fail on purpose (a full disk, a kill). */
export interface WriteHooks {
  /** Called once the temporary file exists, before the bytes are written. */
  readonly afterTempCreated?: (tempPath: string) => void;
}

let counter = 0;

/** The most UTF-8 bytes of the target's name a temporary name carries: with its dot, process id and count it stays far below the 255 bytes a name may have. */
const TEMP_NAME_BYTES = 100;

/** The start of `name` in at most `most` UTF-8 bytes, never cut inside a character. */
function namePrefix(name: string, most: number): string {
  let bytes = 0;
  let end = 0;
  for (const ch of name) {
    const size = Buffer.byteLength(ch);
    if (bytes + size > most) break;
    bytes += size;
    end += ch.length;
  }
  return name.slice(0, end);
}

/**
 * Writes `bytes` to `path` atomically: a temporary file beside it, fsync, rename into place.
 * On any failure the temporary file is removed, the previous file is left untouched, and an
 * OutputError naming the path and the reason is thrown.
 */
export function writeFileAtomic(path: string, bytes: Uint8Array | string, hooks: WriteHooks = {}): void {
  const target = resolve(path);
  const data = typeof bytes === "string" ? new TextEncoder().encode(bytes) : bytes;
  let mode: number | undefined;
  try {
    const st = statSync(target);
    if (st.isDirectory()) throw new OutputError(target, writeProblem({ code: "EISDIR" }));
    mode = st.mode & 0o7777;
  } catch (error) {
    if (error instanceof OutputError) throw error;
    // No file there yet: it is made.
  }
  // Named after the target (cut, so that a target whose name is as long as allowed still gets one), hidden, unique to this process.
  const temp = join(dirname(target), `.${namePrefix(basename(target), TEMP_NAME_BYTES)}.${process.pid}.${++counter}.tmp`);
  let fd: number | undefined;
  try {
    fd = openSync(temp, "wx", 0o666);
    hooks.afterTempCreated?.(temp);
    let at = 0;
    while (at < data.length) at += writeSync(fd, data, at, data.length - at);
    fsyncSync(fd);
    closeSync(fd);
    fd = undefined;
    if (mode !== undefined) chmodSync(temp, mode);
    renameSync(temp, target);
  } catch (error) {
    if (fd !== undefined) {
      try {
        closeSync(fd);
      } catch {
        // Already failing: the first error is the one reported.
      }
    }
    try {
      unlinkSync(temp);
    } catch {
      // Never made, or already gone.
    }
    throw error instanceof OutputError ? error : new OutputError(target, writeProblem(error));
  }
  syncFolder(dirname(target));
}

/** Flushes the folder's entry for the renamed file (best effort: not every system allows it). */
function syncFolder(folder: string): void {
  let fd: number | undefined;
  try {
    fd = openSync(folder, "r");
    fsyncSync(fd);
  } catch {
    // The file itself is on the disk; the folder entry follows.
  } finally {
    if (fd !== undefined) closeSync(fd);
  }
}

/** Whether two paths are the same file: the same real path, or the same device and inode (a hard link). */
export function sameFile(a: string, b: string): boolean {
  const ra = resolve(a);
  const rb = resolve(b);
  if (ra === rb) return true;
  try {
    if (realpathSync(ra) === realpathSync(rb)) return true;
  } catch {
    // One does not exist (yet): compared by inode below, if both do.
  }
  try {
    const sa = statSync(ra);
    const sb = statSync(rb);
    return sa.dev === sb.dev && sa.ino === sb.ino;
  } catch {
    return false;
  }
}

/**
 * Refuses an output that is one of the inputs (the same file by real path or inode), or one
 * given twice: a Vietnamese line naming it, for exit code 1. Undefined when all is well.
 */
export function outputClash(outputs: readonly { readonly option: string; readonly path: string }[], inputs: readonly string[]): string | undefined {
  // Each input stated at most once, and only when an output exists (a file that does not exist is no input).
  const identity = (path: string): string | undefined => {
    try {
      const s = statSync(path, { bigint: true });
      return `${s.dev}:${s.ino}`;
    } catch {
      return undefined;
    }
  };
  const resolved = inputs.map((i) => resolve(i));
  const identities: (string | undefined | null)[] = inputs.map(() => null);
  for (const out of outputs) {
    const path = resolve(out.path);
    const id = identity(path);
    const k = resolved.findIndex((r, k) => r === path || (id !== undefined && (identities[k] === null ? (identities[k] = identity(r)) : identities[k]) === id));
    if (k >= 0) {
      return `Không ghi đè tệp đầu vào: ${out.option} ${out.path} chính là tệp đang được đọc (${inputs[k]}); hãy chọn tên khác cho ${out.option}.`;
    }
  }
  for (const [i, a] of outputs.entries()) {
    const b = outputs.slice(i + 1).find((o) => sameFile(a.path, o.path));
    if (b) return `${a.option} và ${b.option} cùng là ${a.path}; hãy chọn hai tệp khác nhau.`;
  }
  return undefined;
}

/** What an output is: a file written into its folder, or a folder made (if need be) and written into. */
export type OutputKind = "file" | "folder";

/**
 * Whether an output can be written, looked at before a single input is read, so that a long merge never
 * ends on a folder that is missing, is a file, or cannot be written: one Vietnamese line naming the path
 * and the option, in the words of OutputError, or undefined when all is well. A file's folder must exist
 * and be writable; a folder not made yet is made later, so the nearest folder above it must be writable.
 */
export function outputPlaceProblem(option: string, path: string, kind: OutputKind): string | undefined {
  const target = resolve(path);
  const said = (reason: string) => `Không ghi được ${target} (${option}): ${reason}.`;
  const here = look(target);
  if (here.stat !== undefined) {
    if (kind === "file" && here.stat.isDirectory()) return said(writeProblem({ code: "EISDIR" }));
    if (kind === "folder") return here.stat.isDirectory() ? writable(target, said) : said("đây là một tệp, không phải thư mục");
  }
  // The folder the file goes into; for a folder still to be made, the nearest folder above it that exists;
  // past a part of the path that is a file, that file.
  let folder = dirname(target);
  let there = look(folder);
  while ((there.code === "ENOTDIR" || (kind === "folder" && there.code === "ENOENT")) && dirname(folder) !== folder) {
    folder = dirname(folder);
    there = look(folder);
  }
  if (there.stat === undefined) return said(`${writeProblem({ code: there.code })} (${folder})`);
  if (!there.stat.isDirectory()) return said(`${writeProblem({ code: "ENOTDIR" })} (${folder} là một tệp)`);
  return writable(folder, said);
}

/** What is at `path`, or the error code of looking. */
function look(path: string): { readonly stat?: Stats; readonly code?: string } {
  try {
    return { stat: statSync(path) };
  } catch (error) {
    return { code: (error as NodeJS.ErrnoException).code ?? "EIO" };
  }
}

/** Undefined when `folder` can be written into, else what `said` makes of the reason, the folder named. */
function writable(folder: string, said: (reason: string) => string): string | undefined {
  try {
    accessSync(folder, constants.W_OK);
    return undefined;
  } catch (error) {
    return said(`${writeProblem(error)} (thư mục ${folder})`);
  }
}
