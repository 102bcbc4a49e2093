/**
 * The bytes of the files the user gave in this page, by file name, so that a
 * feedback file can be made from a unit's own workbook later (the tabs keep
 * only what was read). Held in memory only: after a reload the files must be
 * given again before their feedback can be made.
 */
import type { InputFile } from "../../../app/sources";

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
