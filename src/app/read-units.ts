/**
 * "Read unit list" from a file's bytes: the CLI's --units and the page's
 * "Danh sách đơn vị" (a .csv, or a workbook whose "Đơn vị" sheet, else first
 * visible sheet, names the units), through the reading facade and the same
 * enrichment as the Excel "Đơn vị" sheet (./units.ts).
 */
import type { GridSheet } from "../domain/model/grid";
import { readWorkbook } from "../io/read";
import { FileReadError } from "./errors";
import type { InputFile } from "./sources";
import { unitsFromSheet, unitsSheetOf, type UnitList } from "./units";

export type { UnitList };

/**
 * The unit list in a file. Throws FileReadError (Vietnamese, naming the file)
 * when it cannot be read, has no sheet, or names no unit.
 */
export function readUnitList(file: InputFile): UnitList {
  let sheet: GridSheet | undefined;
  try {
    sheet = unitsSheetOf(readWorkbook(file.bytes, file.name));
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    const code = (error as { code?: unknown }).code;
    throw new FileReadError(
      file.name,
      typeof code === "string" ? code : null,
      message.includes(file.name) ? message : `Không đọc được danh sách đơn vị ${file.name}: ${message}`,
    );
  }
  if (!sheet) throw new FileReadError(file.name, "empty", `Tệp ${file.name} không có trang tính nào.`);
  const list = unitsFromSheet(sheet);
  if (list.units.length === 0) {
    throw new FileReadError(file.name, "empty", `Danh sách đơn vị ${file.name} không có đơn vị nào (cột đầu tiên hoặc cột “Tên đơn vị” trống).`);
  }
  return list;
}
