/**
 * One workbook per unit, zipped: what the district sends out by e-mail.
 */
import { zipSync } from "fflate";
import { buildUnitWorkbook } from "../../domain/sheets";
import { DEFAULT_SUPERIOR, defaultPlace, headerFormatOf, unitFileName, type Unit } from "../../domain/units";
import { writeWorkbookXlsx } from "./xlsx";

export interface UnitTemplatesOptions {
  /** The superior line for units that do not name their own (default "ĐẢNG BỘ HUYỆN TAM ĐƯỜNG"). */
  readonly superior?: string;
  /** ISO date of the date line; absent = dotted blanks. */
  readonly date?: string;
  /** ISO date the workbooks are made (identity). */
  readonly created: string;
  readonly onProgress?: (done: number, total: number) => void;
}

/** The workbook of one unit from the unit list. */
export async function writeUnitTemplate(unit: Unit, opts: Omit<UnitTemplatesOptions, "onProgress">): Promise<Uint8Array> {
  return writeWorkbookXlsx(
    buildUnitWorkbook({
      unitName: unit.name,
      ...(unit.code !== undefined ? { unitCode: unit.code } : {}),
      level: unit.level,
      place: defaultPlace(unit),
      superior: unit.superior ?? opts.superior ?? DEFAULT_SUPERIOR,
      format: headerFormatOf(unit),
      ...(opts.date !== undefined ? { date: opts.date } : {}),
      created: opts.created,
    }),
  );
}

/** File names for the units, unique within the list ("Dang-uy-xa-Ban-Bo.xlsx", then "…-2.xlsx"). */
export function unitFileNames(units: readonly Unit[]): string[] {
  const used = new Set<string>();
  return units.map((u) => {
    const base = unitFileName(u).replace(/\.xlsx$/, "");
    let name = `${base}.xlsx`;
    for (let n = 2; used.has(name.toLowerCase()); n++) name = `${base}-${n}.xlsx`;
    used.add(name.toLowerCase());
    return name;
  });
}

/** A .zip with one .xlsx per unit. */
export async function writeUnitTemplatesZip(units: readonly Unit[], opts: UnitTemplatesOptions): Promise<Uint8Array> {
  const names = unitFileNames(units);
  const files: Record<string, Uint8Array> = {};
  for (let i = 0; i < units.length; i++) {
    files[names[i]!] = await writeUnitTemplate(units[i]!, opts);
    opts.onProgress?.(i + 1, units.length);
  }
  // The .xlsx parts are already deflated; storing them again compressed gains nothing.
  return zipSync(files, { level: 0 });
}
