/**
 * A .zip of attachments (Gmail, Outlook on the web and Zimbra make one with
 * "download all"; Windows with "Send to › Compressed folder"). The archive is
 * read by the one guarded zip reader (../zip.ts): its structure checked once
 * (one end record, directory and local headers agreeing, no name twice, no
 * shared bytes, no encryption), then each entry inflated on its own under the
 * same limits, so that a bad entry is refused while the others are read.
 * Names are decoded per entry: UTF-8, else the archiver's code page.
 */
import { WorkbookReadError, type ReadLimits } from "../errors";
import { inflateEntry, listZip } from "../zip";
import { decodeEntryName } from "./names";
import type { ContainerEntry, OpenedContainer } from "./types";

export function openZip(bytes: Uint8Array, file: string, limits: ReadLimits): OpenedContainer {
  // The structure is checked for the whole archive; the sizes per entry, when each is inflated.
  const structure = { ...limits, maxEntryBytes: Number.POSITIVE_INFINITY, maxInflatedBytes: Number.POSITIVE_INFINITY, maxCompressionRatio: Number.POSITIVE_INFINITY };
  let listed;
  try {
    listed = listZip(bytes, file, structure);
  } catch (error) {
    if (error instanceof WorkbookReadError && error.code === "encrypted") throw new WorkbookReadError("container-encrypted", file);
    throw error;
  }
  const entries: ContainerEntry[] = listed.map((entry) => {
    const name = entry.rawName ? decodeEntryName(entry.rawName, entry.utf8 === true) : entry.name;
    const folder = name.endsWith("/") || name.endsWith("\\");
    return {
      name,
      declaredSize: entry.declaredSize,
      ...(folder && entry.declaredSize === 0 ? { ignore: true } : {}),
      extract: () => inflateEntry(bytes, file, { ...entry, name }, limits),
    };
  });
  return { kind: "zip", entries };
}
