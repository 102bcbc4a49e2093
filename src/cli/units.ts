/**
 * Unit lists for the CLI: "default" (the built-in Tam Đường list), or a .csv /
 * .xlsx / .xls / .ods file whose first column (or "Tên đơn vị" column) names the units.
 */
import { readFileSync } from "node:fs";
import { extname, resolve } from "node:path";
import * as XLSX from "@e965/xlsx";
import type { GridCell, GridSheet } from "../domain/model/grid";
import { UNITS_SHEET_NAME } from "../domain/sheets";
import { foldText } from "../domain/text";
import { matchUnit, parseUnitsGrid, TAM_DUONG_UNITS, type Unit } from "../domain/units";
import type { CliIO } from "./types";

/** A unit-list file as a grid: the "Đơn vị" sheet when there is one, else the first sheet. CSV is read as UTF-8 text. */
export function readUnitsFile(path: string): GridSheet {
  const bytes = readFileSync(path);
  const isCsv = [".csv", ".txt"].includes(extname(path).toLowerCase());
  const wb = isCsv
    ? XLSX.read(bytes.toString("utf8").replace(/^\ufeff/, ""), { type: "string", raw: true })
    : XLSX.read(bytes, { type: "buffer" });
  const name =
    wb.SheetNames.find((n) => foldText(n) === foldText(UNITS_SHEET_NAME)) ??
    wb.SheetNames.find((n) => wb.Workbook?.Sheets?.find((s) => s.name === n)?.Hidden !== 2 && !n.startsWith("_")) ??
    wb.SheetNames[0];
  const sheet = name !== undefined ? wb.Sheets[name] : undefined;
  if (!sheet) throw new Error("tệp không có trang tính nào");
  const rows = XLSX.utils.sheet_to_json<unknown[]>(sheet, { header: 1, raw: true, defval: null, blankrows: true });
  return {
    name: name!,
    visibility: "visible",
    rows: rows.map((row) =>
      row.map((v): GridCell | undefined =>
        v === null || v === undefined ? undefined : { v: v instanceof Date ? v : typeof v === "number" ? v : String(v) },
      ),
    ),
    merges: [],
  };
}

export function loadUnits(spec: string, io: CliIO): Unit[] | undefined {
  if (spec === "default") return [...TAM_DUONG_UNITS];
  const path = resolve(io.cwd, spec);
  let grid: GridSheet;
  try {
    grid = readUnitsFile(path);
  } catch (error) {
    io.stderr(`Không đọc được danh sách đơn vị ${path}: ${error instanceof Error ? error.message : String(error)}\n`);
    return undefined;
  }
  const { units, issues } = parseUnitsGrid(grid);
  for (const issue of issues) io.stderr(`Cảnh báo (${issue.rule}) ${grid.name}!${issue.cell}: ${issue.message}\n`);
  if (units.length === 0) {
    io.stderr(`Danh sách đơn vị ${path} không có đơn vị nào (cột đầu tiên hoặc cột "Tên đơn vị" trống).\n`);
    return undefined;
  }
  // A unit of the built-in list keeps its code, header format and superior line unless the file gives them.
  return units.map((u) => {
    const known = matchUnit(u.name, TAM_DUONG_UNITS);
    return known
      ? {
          ...u,
          ...(u.code === undefined && known.code !== undefined ? { code: known.code } : {}),
          ...(known.format ? { format: known.format } : {}),
          ...(known.superior ? { superior: known.superior } : {}),
        }
      : u;
  });
}

