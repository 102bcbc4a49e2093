/** Names of the files a user chooses (kept apart from reading, so the pane's first script carries no reader). */
import type { MergeSource } from "../domain/merge";
import { isContainerFileName } from "../io/read/formats";
import type { InputFile } from "./sources";

/**
 * Files chosen together that share a name (two emails' "Bao cao.xlsx", saved from different
 * folders): each keeps a name of its own, "Bao cao (2).xlsx", as a file saved twice is named, so
 * neither is taken for the other. `taken`: names already in use.
 */
export function withDistinctNames(files: readonly InputFile[], taken: ReadonlySet<string> = new Set()): InputFile[] {
  const used = new Set(taken);
  return files.map((file) => {
    if (!used.has(file.name)) {
      used.add(file.name);
      return file;
    }
    const dot = file.name.lastIndexOf(".");
    const [stem, ext] = dot > 0 ? [file.name.slice(0, dot), file.name.slice(dot)] : [file.name, ""];
    let n = 2;
    while (used.has(`${stem} (${n})${ext}`)) n++;
    const name = `${stem} (${n})${ext}`;
    used.add(name);
    return { ...file, name };
  });
}

/**
 * A file chosen into a list: the name it was chosen under, the name it has in the list (made up
 * by withDistinctNames when another file had it), and the SHA-256 of its bytes.
 */
export interface ChosenFile {
  readonly chosenAs: string;
  readonly name: string;
  readonly sha256: string;
}

/**
 * Which of `files` must be hashed before they are read, to tell whether each was chosen before:
 * one of a name chosen before, one of a name given twice among `files`, and a message or an
 * archive (reading gives the digests of the files inside it, not its own). The others are hashed
 * once, where they are read, and their digests taken from what the reading gives (withReadDigests).
 */
export function digestsNeeded(files: readonly InputFile[], chosen: readonly ChosenFile[]): boolean[] {
  const before = new Set(chosen.map((c) => c.chosenAs));
  const count = new Map<string, number>();
  for (const file of files) count.set(file.name, (count.get(file.name) ?? 0) + 1);
  return files.map((file) => before.has(file.name) || count.get(file.name)! > 1 || isContainerFileName(file.name));
}

/**
 * `chosen` with the digest of each file not hashed before reading (sha256 "") taken from the
 * source read under its name in the list; one that gave no source of its own (not a
 * spreadsheet) keeps "".
 */
export function withReadDigests(chosen: readonly ChosenFile[], sources: readonly MergeSource[]): ChosenFile[] {
  const read = new Map<string, string>();
  for (const source of sources) if (source.origin === undefined && !read.has(source.file)) read.set(source.file, source.sha256);
  return chosen.map((c) => (c.sha256 !== "" ? c : { ...c, sha256: read.get(c.name) ?? "" }));
}

/**
 * Of `files` (with their digests, in order; undefined for one not hashed yet, see digestsNeeded), those not chosen before: the very same file (the name
 * it was chosen under and its bytes) chosen again is left out, as is a second copy of one among
 * `files`. The others each keep a name no file in the list has (`taken`, and the names of
 * `chosen`): a file chosen under a name made up for another ("Bao cao (2).xlsx") is not that file,
 * nor is a file of a name chosen before with other bytes (a unit's corrected file sent under the
 * same name). `again`: how many were left out; `known`: those of them chosen before, each under its
 * name in the list (their bytes are held again after a reload, for their feedback files).
 */
export function newFiles(
  files: readonly InputFile[],
  digests: readonly (string | undefined)[],
  chosen: readonly ChosenFile[],
  taken: ReadonlySet<string> = new Set(),
): { files: InputFile[]; chosen: ChosenFile[]; again: number; known: InputFile[] } {
  const key = (name: string, sha256: string) => `${sha256} ${name}`;
  const before = new Map(chosen.map((c) => [key(c.chosenAs, c.sha256), c.name]));
  const seen = new Set(before.keys());
  const fresh: { file: InputFile; sha256: string }[] = [];
  const known: InputFile[] = [];
  const knownNames = new Set<string>();
  files.forEach((file, k) => {
    const sha256 = digests[k] ?? "";
    if (seen.has(key(file.name, sha256))) {
      const name = before.get(key(file.name, sha256));
      if (name !== undefined && !knownNames.has(name)) {
        knownNames.add(name);
        known.push(name === file.name ? file : { ...file, name });
      }
      return;
    }
    seen.add(key(file.name, sha256));
    // A digest taken is handed on with the file, so reading does not hash it again.
    fresh.push({ file: sha256 !== "" && file.sha256 === undefined ? { ...file, sha256 } : file, sha256 });
  });
  const named = withDistinctNames(
    fresh.map((f) => f.file),
    new Set([...taken, ...chosen.map((c) => c.name)]),
  );
  return {
    files: named,
    chosen: named.map((file, k) => ({ chosenAs: fresh[k]!.file.name, name: file.name, sha256: fresh[k]!.sha256 })),
    again: files.length - fresh.length,
    known,
  };
}
