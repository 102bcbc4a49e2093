/**
 * Targets files for the CLI (`merge --targets`, `report --targets`): the "Mục tiêu" sheet of a
 * workbook, or a .csv that is that sheet, read by the app's "read targets".
 */
import { resolve } from "node:path";
import { readTargetsFile } from "../app/read-targets";
import type { TargetsUsed } from "../domain/check";
import { readInput } from "../hosts/node/files";
import type { CliIO } from "./types";

/** "--targets FILE": the unit's own targets from the file's "Mục tiêu" sheet (a CSV is that sheet). Undefined when it cannot be used. */
export function loadTargets(spec: string, io: CliIO): TargetsUsed | undefined {
  const path = resolve(io.cwd, spec);
  let read;
  try {
    read = readTargetsFile(readInput(path, path));
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    io.stderr(`Không đọc được tệp mục tiêu ${path}: ${message}\n`);
    return undefined;
  }
  if (read.used.sheet === null) {
    io.stderr(`${read.problem}\n`);
    return undefined;
  }
  const used = read.used;
  for (const issue of used.issues) io.stderr(`Cảnh báo (${issue.rule})${issue.sheet !== null ? ` ${issue.sheet}!${issue.cell ?? ""}` : ""}: ${issue.message}\n`);
  if (read.problem !== null) {
    io.stderr(`${read.problem}\n`);
    return undefined;
  }
  return used;
}
