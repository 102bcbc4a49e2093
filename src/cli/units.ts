/**
 * Unit lists for the CLI: "default" (the built-in Tam Đường list), or a .csv /
 * .xlsx / .xls / .ods file read by the app's "read unit list" (its "Đơn vị"
 * sheet, else first sheet; first column or "Tên đơn vị" column).
 */
import { resolve } from "node:path";
import { FileReadError } from "../app/errors";
import { readUnitList } from "../app/read-units";
import { readInput } from "../hosts/node/files";
import { TAM_DUONG_UNITS, type Unit } from "../domain/units";
import { terminalName } from "./terminal";
import type { CliIO } from "./types";

export function loadUnits(spec: string, io: CliIO): Unit[] | undefined {
  if (spec === "default") return [...TAM_DUONG_UNITS];
  const path = resolve(io.cwd, spec);
  try {
    const list = readUnitList(readInput(path, path));
    // Each said on a line of its own: a newline or tab in the path, a sheet's name or a cell's text is escaped (terminalName).
    for (const issue of list.issues) io.stderr(`Cảnh báo (${issue.rule}) ${terminalName(list.sheet)}!${issue.cell}: ${terminalName(issue.message)}\n`);
    return list.units;
  } catch (error) {
    if (error instanceof FileReadError) io.stderr(`${terminalName(error.message)}\n`);
    else io.stderr(`Không đọc được danh sách đơn vị ${terminalName(path)}: ${terminalName(error instanceof Error ? error.message : String(error))}\n`);
    return undefined;
  }
}
