/** What a message or an archive holds, as the expansion (./index.ts) walks it. */
import type { WorkbookReadError } from "../errors";

/** The message a file was attached to: its subject, sender and date (ISO), as far as known. */
export interface MessageInfo {
  readonly subject?: string;
  readonly from?: string;
  readonly date?: string;
}

/** One entry of a container: a file inside an archive, or an attachment of a message. */
export interface ContainerEntry {
  /** Its name or path inside the container, as decoded (a label: never used as a path on disk). */
  readonly name: string;
  /** Its size as the container declares it (archives), when known, checked before extracting. */
  readonly declaredSize?: number;
  /** Ignored without a word: an inline image, a signature, a folder. */
  readonly ignore?: boolean;
  /** Its bytes, extracted under the limits; throws WorkbookReadError (naming the container) when it cannot be. */
  extract(): Uint8Array;
}

export interface OpenedContainer {
  readonly kind: "email" | "zip" | "rar";
  /** For a message: its subject, sender and date. */
  readonly message?: MessageInfo;
  readonly entries: readonly ContainerEntry[];
}

/** Limits for one container given, over everything inside it. */
export interface ContainerLimits {
  /** Most entries over the container and everything nested in it. */
  readonly maxEntries: number;
  /** Most bytes extracted over the container and everything nested in it. */
  readonly maxInflatedBytes: number;
  /** Largest extracted file (as a file given on its own: maxFileBytes). */
  readonly maxFileBytes: number;
  /** Largest inflated size of one archive entry. */
  readonly maxEntryBytes: number;
  readonly maxCompressionRatio: number;
  /** Most levels of containers: the one given is level 1, an archive or message inside it level 2. */
  readonly maxDepth: number;
  /** Time for the whole container, in milliseconds (checked between entries). */
  readonly timeLimitMs: number;
}

export type EntryError = WorkbookReadError;

/** An ISO date-time, or undefined when the text is not a date. */
export function isoDateTime(text: string | undefined): string | undefined {
  if (text === undefined || text.trim() === "") return undefined;
  const t = Date.parse(text.trim());
  return Number.isNaN(t) ? undefined : new Date(t).toISOString();
}
