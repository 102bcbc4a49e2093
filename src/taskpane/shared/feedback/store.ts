/**
 * The bytes of the files the user gave in this page, by file name, so that a
 * feedback file can be made from a unit's own workbook later (the tabs keep
 * only what was read). Held in memory only: after a reload the files must be
 * given again before their feedback can be made. An email message or an
 * archive is kept as it was given, not the spreadsheets inside: those are
 * taken out of it again when their feedback is asked for (`withKeptFiles`).
 */
import type { InputFile } from "../../../app/sources";
import type { SourceOrigin } from "../../../domain/merge/types";

const kept = new Map<string, InputFile>();

/** Keeps the files (a later file of the same name replaces the earlier). */
export function keepFiles(files: readonly InputFile[]): void {
  for (const f of files) kept.set(f.name, f);
}

/** The file given under `name` in this page, when it is still held. */
export function keptFile(name: string): InputFile | undefined {
  return kept.get(name);
}

/** Lets go of the files (the merge tab's "Xóa"). */
export function forgetFiles(names?: readonly string[]): void {
  if (names === undefined) kept.clear();
  else for (const n of names) kept.delete(n);
}

/** A file asked for: its name, and where it came from when it was inside a message or an archive. */
export interface WantedFile {
  readonly file: string;
  readonly origin?: SourceOrigin;
}

/** Opens a message or an archive again and gives the spreadsheets at `paths` inside it, by path (FileUseCases.entriesOf). */
export type OpenEntries = (container: InputFile, paths: readonly string[]) => Promise<ReadonlyMap<string, InputFile>>;

/**
 * Hands `each` the bytes of every file of `wanted` (by its index; undefined for one no longer
 * held): a file given as it is from the store, one taken out of a message or an archive from that
 * container, opened again once for all its files asked for (`open`, off the UI thread where the
 * page can) and let go once they are handled, so that only one container's files are held at a time.
 * `own`: nothing else holds the file's bytes (one taken out of a container, its bytes shared with no
 * other file), so `each` may hand them over; the store's files are never its own (kept for later).
 * A container that cannot be opened again (`open` rejects) gives `failed` with the reason for each of
 * its files asked for, and the other files are still handed to `each`.
 */
export async function withKeptFiles(
  wanted: readonly WantedFile[],
  open: OpenEntries,
  each: (k: number, file: InputFile | undefined, own: boolean) => Promise<void>,
  failed?: (k: number, error: unknown) => void,
): Promise<void> {
  const byContainer = new Map<string, number[]>();
  for (const [k, w] of wanted.entries()) {
    const container = w.origin?.container;
    if (container === undefined || w.origin?.path === undefined) await each(k, kept.get(w.file), false);
    else if (byContainer.has(container)) byContainer.get(container)!.push(k);
    else byContainer.set(container, [k]);
  }
  for (const [name, indices] of byContainer) {
    const container = kept.get(name);
    let entries: ReadonlyMap<string, InputFile> = new Map();
    if (container) {
      try {
        entries = await open(container, indices.map((k) => wanted[k]!.origin!.path!));
      } catch (error) {
        if (!failed) throw error;
        for (const k of indices) failed(k, error);
        continue;
      }
    }
    // A buffer is the file's own when no other file asked for uses it.
    const users = new Map<ArrayBufferLike, number>();
    for (const k of indices) {
      const buffer = entries.get(wanted[k]!.origin!.path!)?.bytes.buffer;
      if (buffer) users.set(buffer, (users.get(buffer) ?? 0) + 1);
    }
    for (const k of indices) {
      const file = entries.get(wanted[k]!.origin!.path!);
      await each(k, file, file !== undefined && users.get(file.bytes.buffer) === 1);
    }
  }
}
