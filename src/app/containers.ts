/**
 * The files given, with every email message (.eml, .msg) and archive (.zip,
 * .rar) among them opened into the spreadsheets inside (io/read/containers):
 * each becomes a file of its own, read in the one loop like any other, and
 * its source carries where it came from (`origin`). An entry that could not
 * be used (a bomb, a size that lies, too large, nested too deeply) becomes a
 * rejected source with its reason, beside its siblings; an attachment that is
 * not a spreadsheet is listed as skipped with its name; a container that
 * cannot be opened at all is a rejected source. The container readers load
 * only when such a file is given.
 */
import type { MergeSource } from "../domain/merge";
import type { ReadErrorCode } from "../domain/model/issues";
import type { SourceOrigin } from "../domain/merge/types";
import { messageFor } from "../domain/rules/messages";
import { expandContainer, isContainerName, PATH_JOIN, type ContainerLimits, type SkippedEntry } from "../io/read/containers/index";
import { WorkbookReadError } from "../io/read/errors";
import { failedSource, readBatchAnswering, type FileReaderPort, type ReadFailure } from "./read-files";
import { digestOf, type InputFile } from "./sources";

export { isContainerName };

/** An attachment or entry set aside: where it was, and why (Vietnamese). */
export type SkippedAttachment = SkippedEntry;

export interface ExpandedFiles {
  /** The files to read, in order: the plain files given, and in each container's place what it holds. */
  readonly files: InputFile[];
  /** Where each file taken out of a container came from. */
  readonly origins: Map<InputFile, SourceOrigin>;
  /** Files answered without reading (an entry or a container refused), with their source. */
  readonly refused: Map<InputFile, MergeSource>;
  readonly skipped: SkippedAttachment[];
}

/** Whether any of the files is a message or an archive (the container readers are loaded only then). */
export function hasContainers(files: readonly InputFile[]): boolean {
  return files.some((f) => isContainerName(f.name));
}

/**
 * What one container gave, in order, as plain data a Web Worker can send back: each file taken
 * out (with its origin), or refused (with its source); and the attachments skipped.
 */
export interface PortableExpansion {
  readonly entries: readonly { readonly file: InputFile; readonly origin?: SourceOrigin; readonly refused?: MergeSource }[];
  readonly skipped: readonly SkippedAttachment[];
}

/** The kind of origin a container given as `name` has. */
function containerKind(name: string): SourceOrigin["kind"] {
  const lower = name.toLowerCase();
  return lower.endsWith(".zip") ? "zip" : lower.endsWith(".rar") ? "rar" : "email";
}

/** A container refused as a whole (or stopped), as its one entry. */
export async function refusedContainer(file: InputFile, code: ReadErrorCode, message: string): Promise<PortableExpansion> {
  const source: MergeSource = {
    file: file.name,
    sha256: file.bytes.length > 0 ? await digestOf(file) : "",
    error: { code, message },
    origin: { kind: containerKind(file.name), container: file.name },
  };
  return { entries: [{ file: { name: file.name, bytes: new Uint8Array(0) }, refused: source }], skipped: [] };
}

/** Opens one container (this thread; the task pane does it in its read worker). */
export async function expandOne(file: InputFile, limits: Partial<ContainerLimits> = {}): Promise<PortableExpansion> {
  let expansion;
  try {
    expansion = await expandContainer(file.bytes, file.name, limits);
  } catch (error) {
    if (!(error instanceof WorkbookReadError)) throw error;
    return refusedContainer(file, error.code, error.message);
  }
  const time = file.lastModified !== undefined ? { lastModified: file.lastModified } : {};
  return {
    entries: [
      // Each file in its own buffer: a worker may take (transfer) one without the others.
      ...expansion.files.map((e) => ({
        file: { name: e.name, bytes: e.bytes.byteOffset === 0 && e.bytes.byteLength === e.bytes.buffer.byteLength ? e.bytes : e.bytes.slice(), ...time },
        origin: e.origin,
      })),
      ...expansion.rejected.map((r) => ({
        file: { name: r.name, bytes: new Uint8Array(0) },
        refused: { file: r.name, sha256: "", error: { code: r.code, message: r.message }, origin: r.origin } as MergeSource,
      })),
    ],
    // Where (container and path) and why, apart: the CLI prints "Bỏ qua: thư.eml › ảnh.jpg: why", a notice `skippedNotice`.
    skipped: expansion.skipped,
  };
}

/**
 * A skipped attachment as one sentence that reads on its own (the pane's notice lists them one after
 * another): an entry that is not a spreadsheet is named with its container; a container with nothing
 * to read says why in its own words.
 */
export function skippedNotice(s: SkippedAttachment): string {
  return s.path === "" ? `${s.reason.charAt(0).toUpperCase()}${s.reason.slice(1)}.` : messageFor("attachment-skipped", { file: s.path, container: s.container });
}

/**
 * Opens every container among `files` (see the module's comment), each through `open` (default:
 * in this thread); files `keep` accepts are passed on as they are.
 */
export async function expandContainers(
  files: readonly InputFile[],
  limits: Partial<ContainerLimits> = {},
  keep: (file: InputFile) => boolean = () => false,
  open: (file: InputFile) => Promise<PortableExpansion> = (file) => expandOne(file, limits),
): Promise<ExpandedFiles> {
  const out: ExpandedFiles = { files: [], origins: new Map(), refused: new Map(), skipped: [] };
  for (const file of files) {
    if (!isContainerName(file.name) || keep(file)) {
      out.files.push(file);
      continue;
    }
    const expansion = await open(file);
    for (const e of expansion.entries) {
      out.files.push(e.file);
      if (e.origin) out.origins.set(e.file, e.origin);
      if (e.refused) out.refused.set(e.file, e.refused);
    }
    out.skipped.push(...expansion.skipped);
  }
  return out;
}

/**
 * A skipped attachment as the CLI lists it, as it lists what a folder held and did not read: `path` says
 * which ("thư.eml › ảnh.jpg", the message or archive alone when it held nothing to read), `reason` why,
 * without naming it again ("không phải bảng tính nên không đọc"), and `container`.
 */
export function skippedEntryJson(s: SkippedAttachment): { path: string; reason: string; container: string } {
  return { path: s.path === "" ? s.container : `${s.container}${PATH_JOIN}${s.path}`, reason: s.reason, container: s.container };
}

/** A source's origin in the JSON: every field present, null when unknown; kind "file" for a file given as is. */
export function originJson(origin: SourceOrigin | undefined): Record<string, string | null> {
  return {
    kind: origin?.kind ?? "file",
    container: origin?.container ?? null,
    subject: origin?.subject ?? null,
    from: origin?.from ?? null,
    date: origin?.date ?? null,
    path: origin?.path ?? null,
  };
}

/** The reader, answering for refused entries with their source and giving every source read its origin. */
export function withOrigins(reader: FileReaderPort, expanded: Pick<ExpandedFiles, "origins" | "refused">): FileReaderPort {
  // Taken before the port may hand the bytes away: a file stopped or failed keeps its origin too.
  const digest = (file: InputFile) => (expanded.origins.has(file) && !expanded.refused.has(file) ? digestOf(file) : undefined);
  const withOrigin = (file: InputFile, outcome: MergeSource | ReadFailure, sha256: string | undefined, limitMs: number): MergeSource | ReadFailure => {
    const origin = expanded.origins.get(file);
    if (origin === undefined || sha256 === undefined) return outcome;
    return "failed" in outcome ? { ...failedSource(file, outcome, sha256, limitMs), origin } : { ...outcome, origin };
  };
  const readBatch = reader.readBatch?.bind(reader);
  return {
    read: async (file, options) => {
      const refused = expanded.refused.get(file);
      if (refused) return refused;
      const sha256 = await digest(file);
      return withOrigin(file, await reader.read(file, options), sha256, options.limitMs);
    },
    ...(readBatch
      ? {
          // Refused entries answered here, the others read together (every file's progress in order).
          async readBatch(files, options) {
            const digests = await Promise.all(files.map(digest));
            const outcomes = await readBatchAnswering(readBatch, files, options, (f) => expanded.refused.get(f));
            return outcomes.map((outcome, k) => withOrigin(files[k]!, outcome, digests[k], options.limitMs));
          },
        }
      : {}),
    ...(reader.batchSize !== undefined ? { batchSize: reader.batchSize } : {}),
    ...(reader.concurrency !== undefined ? { concurrency: reader.concurrency } : {}),
    ...(reader.transfersBytes !== undefined ? { transfersBytes: reader.transfersBytes } : {}),
    close: () => reader.close?.(),
  };
}
