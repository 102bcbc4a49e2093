/**
 * A unit's workbook as the reading tests make it: the template filled (support/fill), edited by
 * hand in LibreOffice (support/libreoffice-edit), and read back as a merge reads it.
 */
import { mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { readUnitReport } from "../../src/domain/read";
import { readWorkbook } from "../../src/io/read";
import { writeFilledUnit, type Fill } from "./fill";
import { editWithLibreOffice, type LIBREOFFICE_FILTER, type LibreOfficeEdit } from "./libreoffice-edit";

/** The date line the filled templates carry. */
export const DATE_LINE = "Bản Bo, ngày 05 tháng 6 năm 2021";

/** The documents a commune lists most often: the province's plan and two of its own after it. */
export const PLAN_DOCUMENTS = [
  { code: "241-ĐA/TU", date: "30/9/2016", summary: "Đề án nâng cao hiệu quả công tác tư tưởng", issuer: "Tỉnh ủy" },
  { code: "05-KH/ĐU", date: "10/3/2017", summary: "Kế hoạch thực hiện Đề án 241", issuer: "Đảng ủy xã" },
  { code: "06-KH/ĐU", date: "15/4/2017", summary: "Kế hoạch tuyên truyền Đề án 241", issuer: "Đảng ủy xã" },
] as const;

/** A workbook file read as a merge reads it. */
export function readUnitFile(file: string): ReturnType<typeof readUnitReport> {
  return readUnitReport(readWorkbook(new Uint8Array(readFileSync(file)), file), file);
}

/**
 * For one describe block: a folder of its own (`prefix`), the template filled there once before its
 * tests (with the date line unless `fill` gives one), and `edit`, which saves an edited copy of it
 * under `name` in `format` there and answers its path.
 */
export function filledForEditing(
  prefix: string,
  fill: Fill,
): { readonly dir: string; edit(name: string, format: keyof typeof LIBREOFFICE_FILTER, edits: readonly LibreOfficeEdit[]): string } {
  const dir = mkdtempSync(join(tmpdir(), `${prefix}-`));
  let filled: string | undefined;
  beforeAll(async () => {
    filled = await writeFilledUnit(dir, { dateLine: DATE_LINE, ...fill });
  });
  return {
    dir,
    edit(name, format, edits) {
      if (filled === undefined) throw new Error("the template is filled before the tests run");
      return editWithLibreOffice(filled, join(dir, name), format, edits);
    },
  };
}
