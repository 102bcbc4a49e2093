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
