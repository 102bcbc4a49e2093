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
import type { SourceOrigin } from "../domain/merge/types";
import { messageFor } from "../domain/rules/messages";
import { isContainerName, PATH_JOIN, type ContainerLimits, type SkippedEntry } from "../io/read/containers/index";
import { WorkbookReadError } from "../io/read/errors";
import type { FileReaderPort } from "./read-files";
import { sha256Hex, type InputFile } from "./sources";

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

/** Opens every container among `files` (see the module's comment); files `keep` accepts are passed on as they are. */
export async function expandContainers(
  files: readonly InputFile[],
  limits: Partial<ContainerLimits> = {},
  keep: (file: InputFile) => boolean = () => false,
): Promise<ExpandedFiles> {
  const out: ExpandedFiles = { files: [], origins: new Map(), refused: new Map(), skipped: [] };
  if (!hasContainers(files)) {
    out.files.push(...files);
    return out;
  }
  const { expandContainer, containerFormat } = await import("../io/read/containers/index");
  for (const file of files) {
    if (!isContainerName(file.name) || keep(file)) {
      out.files.push(file);
      continue;
    }
    const kind: SourceOrigin["kind"] = containerFormat(file.name) === "zip" ? "zip" : containerFormat(file.name) === "rar" ? "rar" : "email";
    try {
      const expansion = await expandContainer(file.bytes, file.name, limits);
      for (const e of expansion.files) {
        const input: InputFile = { name: e.name, bytes: e.bytes, ...(file.lastModified !== undefined ? { lastModified: file.lastModified } : {}) };
        out.files.push(input);
        out.origins.set(input, e.origin);
      }
      for (const r of expansion.rejected) {
        const input: InputFile = { name: r.name, bytes: new Uint8Array(0) };
        out.files.push(input);
        out.refused.set(input, { file: r.name, sha256: "", error: { code: r.code, message: r.message }, origin: r.origin });
      }
      for (const s of expansion.skipped) {
        out.skipped.push({ ...s, reason: messageFor("attachment-skipped", { file: s.path, container: s.container }) });
      }
    } catch (error) {
      if (!(error instanceof WorkbookReadError)) throw error;
      const input: InputFile = { name: file.name, bytes: new Uint8Array(0) };
      out.files.push(input);
      out.refused.set(input, {
        file: file.name,
        sha256: await sha256Hex(file.bytes),
        error: { code: error.code, message: error.message },
        origin: { kind, container: file.name },
      });
    }
  }
  return out;
}

/** A skipped attachment as the CLI lists it: "thư.eml › ảnh.jpg", the reason and the container. */
export function skippedEntryJson(s: SkippedAttachment): { path: string; reason: string; container: string } {
  return { path: `${s.container}${PATH_JOIN}${s.path}`, reason: s.reason, container: s.container };
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
  return {
    read: async (file, options) => {
      const refused = expanded.refused.get(file);
      if (refused) return refused;
      const outcome = await reader.read(file, options);
      const origin = expanded.origins.get(file);
      return origin === undefined || "failed" in outcome ? outcome : { ...outcome, origin };
    },
    ...(reader.transfersBytes !== undefined ? { transfersBytes: reader.transfersBytes } : {}),
    close: () => reader.close?.(),
  };
}
