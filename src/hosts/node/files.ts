/**
 * The file system for the CLI: the files named on the command line and the
 * workbooks in named folders (not recursive, by the one list of accepted
 * kinds), read into the app's InputFile.
 */
import { readdirSync, readFileSync, statSync } from "node:fs";
import { basename, join, resolve } from "node:path";
import type { InputFile } from "../../app/sources";
import { isWorkbookName } from "../../io/read/formats";

/** Files named on the command line, and the workbooks inside named folders (not recursive), in name order. */
export function expandInputs(args: readonly string[], cwd: string): { files: string[]; missing: string[] } {
  const files: string[] = [];
  const missing: string[] = [];
  for (const arg of args) {
    const path = resolve(cwd, arg);
    let stat;
    try {
      stat = statSync(path);
    } catch {
      missing.push(arg);
      continue;
    }
    if (stat.isDirectory()) {
      for (const name of readdirSync(path).sort((a, b) => a.localeCompare(b, "vi"))) {
        if (name.startsWith("~$") || name.startsWith(".")) continue;
        if (isWorkbookName(name)) files.push(join(path, name));
      }
    } else files.push(path);
  }
  return { files, missing };
}

/** A file as the app's input: its name (without the folder), bytes and last-modified time. */
export function readInput(path: string, name: string = basename(path)): InputFile {
  const stat = statSync(path);
  return { name, bytes: new Uint8Array(readFileSync(path)), lastModified: stat.mtime.toISOString() };
}

/** Why a file could not be opened, in Vietnamese ("không tìm thấy tệp", "đây là thư mục", …). */
export function openProblem(error: unknown): string {
  const code = (error as NodeJS.ErrnoException).code;
  return code === "ENOENT" ? "không tìm thấy tệp" : code === "EISDIR" ? "đây là thư mục" : code === "EACCES" ? "không có quyền đọc" : String(code ?? error);
}
