/**
 * Targets files for the CLI (`merge --targets`, `report --targets`): the "Mục tiêu" sheet of a
 * workbook, or a .csv that is that sheet, read by the app's "read targets".
 */
import { resolve } from "node:path";
import { readTargetsFile } from "../app/read-targets";
import type { TargetsUsed } from "../domain/check";
import { readInput } from "../hosts/node/files";
import { terminalName } from "./terminal";
import type { CliIO } from "./types";

/** "--targets FILE": the unit's own targets from the file's "Mục tiêu" sheet (a CSV is that sheet). Undefined when it cannot be used. */
export function loadTargets(spec: string, io: CliIO): TargetsUsed | undefined {
  const path = resolve(io.cwd, spec);
  let read;
  try {
    read = readTargetsFile(readInput(path, path));
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    // Said on one line: a newline or tab in the path is escaped (terminalName), as every name the CLI prints; the
    // file named once (a reader's message names it already: "Không đọc được tệp X: …"), as the pane's title does.
    const what = message.includes(path) ? "Không đọc được tệp mục tiêu" : `Không đọc được tệp mục tiêu ${path}`;
    io.stderr(`${terminalName(`${what}: ${message}`)}\n`);
    return undefined;
  }
  if (read.used.sheet === null) {
    io.stderr(`${terminalName(read.problem ?? "")}\n`);
    return undefined;
  }
  const used = read.used;
  for (const issue of used.issues) io.stderr(`Cảnh báo (${issue.rule})${issue.sheet !== null ? ` ${terminalName(issue.sheet)}!${issue.cell ?? ""}` : ""}: ${terminalName(issue.message)}\n`);
  if (read.problem !== null) {
    io.stderr(`${terminalName(read.problem)}\n`);
    return undefined;
  }
  return used;
}
