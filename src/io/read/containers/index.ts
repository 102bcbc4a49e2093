/**
 * Email messages (.eml, .msg) and archives (.zip, .rar) as containers of the
 * units' files. `expandContainer` opens one given container, and the
 * containers inside it down to `maxDepth` levels, and gives:
 * - every spreadsheet inside as a file with its origin (the message's subject,
 *   sender and date; its path inside the containers),
 * - every entry that could not be used, with the error that says why (a bomb,
 *   a size that lies, too large, nested too deeply): its siblings still go on,
 * - every attachment that is not a spreadsheet, as skipped with its name.
 * Inline images, signatures and folders are ignored. The limits hold for each
 * extracted file and for the container as a whole (entries, bytes extracted,
 * depth, time). A name inside a container is only ever a label.
 * Each format's library is loaded (dynamic import) only when such a file comes.
 */
import { PATH_JOIN, type SourceOrigin } from "../../../domain/merge/types";
import type { ReadErrorCode } from "../../../domain/model/issues";
import { DEFAULT_LIMITS, WorkbookReadError, type ReadLimits } from "../errors";
import { CONTAINER_EXTENSIONS, isContainerFileName, isSpreadsheetName } from "../formats";
import { baseName, safeEntryPath } from "./names";

export { PATH_JOIN };
import type { ContainerLimits, MessageInfo, OpenedContainer } from "./types";

export type { ContainerLimits, MessageInfo } from "./types";
export { decodeEntryName, decodeCp437, safeEntryPath } from "./names";
export { isSpreadsheetName } from "../formats";

export type ContainerFormat = "eml" | "msg" | "zip" | "rar";

export function containerFormat(name: string): ContainerFormat | undefined {
  const lower = name.toLowerCase();
  for (const ext of CONTAINER_EXTENSIONS) if (lower.endsWith(ext)) return ext.slice(1) as ContainerFormat;
  return undefined;
}

/** Whether a file name is an email message or an archive the tool opens. */
export const isContainerName = isContainerFileName;


export const DEFAULT_CONTAINER_LIMITS: ContainerLimits = {
  maxEntries: 1000,
  maxInflatedBytes: DEFAULT_LIMITS.maxInflatedBytes,
  maxFileBytes: DEFAULT_LIMITS.maxFileBytes,
  maxEntryBytes: DEFAULT_LIMITS.maxEntryBytes,
  maxCompressionRatio: DEFAULT_LIMITS.maxCompressionRatio,
  maxDepth: 2,
  timeLimitMs: 60_000,
};

/** A spreadsheet found inside: its name ("thư.eml › Báo cáo.xlsx"), bytes and origin. */
export interface ExtractedFile {
  readonly name: string;
  readonly bytes: Uint8Array;
  readonly origin: SourceOrigin;
}

/** An entry that could not be used: its name, origin and why. */
export interface RejectedEntry {
  readonly name: string;
  readonly origin: SourceOrigin;
  readonly code: ReadErrorCode;
  readonly message: string;
}

/** An attachment or archive entry that is not a spreadsheet. */
export interface SkippedEntry {
  /** The container given. */
  readonly container: string;
  /** Its path inside the container(s). */
  readonly path: string;
  readonly reason: string;
}

export interface Expansion {
  readonly files: ExtractedFile[];
  readonly rejected: RejectedEntry[];
  readonly skipped: SkippedEntry[];
}

/** Why an attachment that is not a spreadsheet is not read. */
export const NOT_A_SPREADSHEET = "không phải bảng tính nên không đọc";
/** Why a message or an archive gave nothing to read. */
export const NOTHING_ATTACHED = "thư không có tệp đính kèm là bảng tính (hoặc phần đính kèm không tách được khỏi thư)";
export const NOTHING_IN_ARCHIVE = "tệp nén không có bảng tính nào bên trong";

type Readers = typeof import("./readers").CONTAINER_READERS;

/** Readers given by the host (see ./readers.ts); otherwise each is loaded with import() when its kind of file comes. */
let given: Readers | undefined;

export function useContainerReaders(readers: Readers): void {
  given = readers;
}

async function open(format: ContainerFormat, bytes: Uint8Array, label: string, limits: ReadLimits): Promise<OpenedContainer> {
  if (given) return given[format](bytes, label, limits);
  switch (format) {
    case "eml":
      return (await import("./eml")).openEml(bytes, label);
    case "msg":
      return (await import("./msg")).openMsg(bytes, label);
    case "zip":
      return (await import("./zip-archive")).openZip(bytes, label, limits);
    case "rar":
      return (await import("./rar")).openRar(bytes, label, limits);
  }
}

interface Walk {
  readonly container: string;
  readonly kind: SourceOrigin["kind"];
  readonly limits: ContainerLimits;
  readonly readLimits: ReadLimits;
  readonly deadline: number;
  readonly now: () => number;
  entries: number;
  bytes: number;
  readonly out: Expansion;
}

function originOf(walk: Walk, message: MessageInfo | undefined, path: string): SourceOrigin {
  return {
    kind: walk.kind,
    container: walk.container,
    ...(message?.subject !== undefined ? { subject: message.subject } : {}),
    ...(message?.from !== undefined ? { from: message.from } : {}),
    ...(message?.date !== undefined ? { date: message.date } : {}),
    path,
  };
}

function reject(walk: Walk, name: string, origin: SourceOrigin, error: WorkbookReadError): void {
  walk.out.rejected.push({ name, origin, code: error.code, message: error.message });
}

async function walkContainer(walk: Walk, opened: OpenedContainer, prefix: string, depth: number, message: MessageInfo | undefined): Promise<void> {
  const info = opened.message ?? message;
  const names = new Set<string>();
  for (const entry of opened.entries) {
    if (entry.ignore) continue;
    const { path: safe } = safeEntryPath(entry.name);
    let path = prefix === "" ? safe || entry.name : `${prefix}${PATH_JOIN}${safe || entry.name}`;
    // Two attachments of the same name stay two files.
    for (let n = 2; names.has(path); n++) path = `${path} (${n})`;
    names.add(path);
    const shown = `${walk.container}${PATH_JOIN}${path}`;
    const origin = originOf(walk, info, path);
    const nested = containerFormat(baseName(safe));
    if (!isSpreadsheetName(baseName(safe)) && nested === undefined) {
      walk.out.skipped.push({ container: walk.container, path, reason: NOT_A_SPREADSHEET });
      continue;
    }
    if (++walk.entries > walk.limits.maxEntries) {
      reject(walk, shown, origin, new WorkbookReadError("zip-bomb", walk.container, { detail: `có hơn ${walk.limits.maxEntries} tệp bên trong` }));
      return;
    }
    if (walk.now() > walk.deadline) {
      reject(walk, shown, origin, new WorkbookReadError("timeout", shown, { seconds: Math.round(walk.limits.timeLimitMs / 1000) }));
      continue;
    }
    if (nested !== undefined && depth + 1 > walk.limits.maxDepth) {
      reject(walk, shown, origin, new WorkbookReadError("container-too-deep", shown, { depth: walk.limits.maxDepth }));
      continue;
    }
    if (entry.declaredSize !== undefined && entry.declaredSize > walk.limits.maxFileBytes) {
      reject(walk, shown, origin, new WorkbookReadError("too-large", shown, { size: entry.declaredSize, limit: walk.limits.maxFileBytes }));
      continue;
    }
    let bytes: Uint8Array;
    try {
      bytes = entry.extract();
    } catch (error) {
      if (!(error instanceof WorkbookReadError)) throw error;
      reject(walk, shown, origin, new WorkbookReadError(error.code, shown, { ...error.params, file: shown }));
      continue;
    }
    if (bytes.length > walk.limits.maxFileBytes) {
      reject(walk, shown, origin, new WorkbookReadError("too-large", shown, { size: bytes.length, limit: walk.limits.maxFileBytes }));
      continue;
    }
    walk.bytes += bytes.length;
    if (walk.bytes > walk.limits.maxInflatedBytes) {
      reject(walk, shown, origin, new WorkbookReadError("zip-bomb", walk.container, { detail: `tổng dung lượng giải nén vượt ${walk.limits.maxInflatedBytes} byte` }));
      return;
    }
    if (nested !== undefined) {
      let inner: OpenedContainer;
      try {
        inner = await open(nested, bytes, shown, walk.readLimits);
      } catch (error) {
        if (!(error instanceof WorkbookReadError)) throw error;
        reject(walk, shown, origin, error);
        continue;
      }
      await walkContainer(walk, inner, path, depth + 1, info);
      continue;
    }
    walk.out.files.push({ name: shown, bytes, origin });
  }
}

/**
 * Opens the container `name` (by its extension) and everything inside it, under the limits.
 * Throws WorkbookReadError when the container itself cannot be opened (not a message, a broken
 * or ambiguous archive, an encrypted one).
 */
export async function expandContainer(
  bytes: Uint8Array,
  name: string,
  given: Partial<ContainerLimits> = {},
  now: () => number = Date.now,
): Promise<Expansion> {
  const format = containerFormat(name);
  if (format === undefined) throw new WorkbookReadError("container-unreadable", name, { detail: "không phải thư điện tử hay tệp nén" });
  const limits = { ...DEFAULT_CONTAINER_LIMITS, ...given };
  if (bytes.length > limits.maxFileBytes) throw new WorkbookReadError("too-large", name, { size: bytes.length, limit: limits.maxFileBytes });
  const readLimits: ReadLimits = {
    ...DEFAULT_LIMITS,
    maxFileBytes: limits.maxFileBytes,
    maxEntryBytes: limits.maxEntryBytes,
    maxInflatedBytes: limits.maxInflatedBytes,
    maxEntries: limits.maxEntries,
    maxCompressionRatio: limits.maxCompressionRatio,
  };
  const opened = await open(format, bytes, name, readLimits);
  const walk: Walk = {
    container: name,
    kind: opened.kind,
    limits,
    readLimits,
    deadline: now() + limits.timeLimitMs,
    now,
    entries: 0,
    bytes: 0,
    out: { files: [], rejected: [], skipped: [] },
  };
  await walkContainer(walk, opened, "", 1, undefined);
  // A message or archive with nothing in it to read is said so (path ""), never lost without a word:
  // its unit would be counted as not having sent.
  if (walk.out.files.length === 0 && walk.out.rejected.length === 0 && walk.out.skipped.length === 0) {
    walk.out.skipped.push({ container: name, path: "", reason: opened.kind === "email" ? NOTHING_ATTACHED : NOTHING_IN_ARCHIVE });
  }
  return walk.out;
}
