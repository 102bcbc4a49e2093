/** Names of the files a user chooses (kept apart from reading, so the pane's first script carries no reader). */
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
 * Of `files` (with their digests, in order), those not chosen before: the very same file (the name
 * it was chosen under and its bytes) chosen again is left out, as is a second copy of one among
 * `files`. The others each keep a name no file in the list has (`taken`, and the names of
 * `chosen`): a file chosen under a name made up for another ("Bao cao (2).xlsx") is not that file,
 * nor is a file of a name chosen before with other bytes (a unit's corrected file sent under the
 * same name). `again`: how many were left out.
 */
export function newFiles(
  files: readonly InputFile[],
  digests: readonly string[],
  chosen: readonly ChosenFile[],
  taken: ReadonlySet<string> = new Set(),
): { files: InputFile[]; chosen: ChosenFile[]; again: number } {
  const key = (name: string, sha256: string) => `${sha256} ${name}`;
  const seen = new Set(chosen.map((c) => key(c.chosenAs, c.sha256)));
  const fresh: { file: InputFile; sha256: string }[] = [];
  files.forEach((file, k) => {
    const sha256 = digests[k] ?? "";
    if (seen.has(key(file.name, sha256))) return;
    seen.add(key(file.name, sha256));
    fresh.push({ file, sha256 });
  });
  const named = withDistinctNames(
    fresh.map((f) => f.file),
    new Set([...taken, ...chosen.map((c) => c.name)]),
  );
  return {
    files: named,
    chosen: named.map((file, k) => ({ chosenAs: fresh[k]!.file.name, name: file.name, sha256: fresh[k]!.sha256 })),
    again: files.length - fresh.length,
  };
}
