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
import type { CliIO } from "./types";

export function loadUnits(spec: string, io: CliIO): Unit[] | undefined {
  if (spec === "default") return [...TAM_DUONG_UNITS];
  const path = resolve(io.cwd, spec);
  try {
    const list = readUnitList(readInput(path, path));
    for (const issue of list.issues) io.stderr(`Cảnh báo (${issue.rule}) ${list.sheet}!${issue.cell}: ${issue.message}\n`);
    return list.units;
  } catch (error) {
    if (error instanceof FileReadError) io.stderr(`${error.message}\n`);
    else io.stderr(`Không đọc được danh sách đơn vị ${path}: ${error instanceof Error ? error.message : String(error)}\n`);
    return undefined;
  }
}
