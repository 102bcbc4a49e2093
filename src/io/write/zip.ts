/**
 * One workbook per unit, zipped: what the district sends out by e-mail.
 */
import { zipSync } from "fflate";
import { buildUnitWorkbook, unitTemplateOptions, type UnitWorkbookOptions } from "../../domain/sheets";
import { unitFileName, type Unit } from "../../domain/units";

export interface UnitTemplatesOptions {
  /** The superior line for units that do not name their own (default "ĐẢNG BỘ HUYỆN TAM ĐƯỜNG"). */
  readonly superior?: string;
  /** ISO date of the date line; absent = dotted blanks. */
  readonly date?: string;
  /** ISO date the workbooks are made (identity). */
  readonly created: string;
  readonly onProgress?: (done: number, total: number) => void;
}

/** The options of one unit's workbook from the unit list, by the one precedence (domain/sheets/options.ts). */
export function unitListOptions(unit: Unit, opts: Omit<UnitTemplatesOptions, "onProgress">): UnitWorkbookOptions {
  return unitTemplateOptions(unit, {
    forAll: { ...(opts.superior !== undefined ? { superior: opts.superior } : {}), ...(opts.date !== undefined ? { date: opts.date } : {}) },
    created: opts.created,
  });
}

/** The workbook of one unit from the unit list, or of the options already worked out (unitTemplateOptions). */
export async function writeUnitTemplate(options: UnitWorkbookOptions): Promise<Uint8Array>;
export async function writeUnitTemplate(unit: Unit, opts: Omit<UnitTemplatesOptions, "onProgress">): Promise<Uint8Array>;
export async function writeUnitTemplate(unit: Unit | UnitWorkbookOptions, opts?: Omit<UnitTemplatesOptions, "onProgress">): Promise<Uint8Array> {
  const options = "unitName" in unit ? unit : unitListOptions(unit, opts!);
  // ExcelJS loads only when a workbook is written.
  return (await import("./xlsx")).writeWorkbookXlsx(buildUnitWorkbook(options));
}

/** A .zip of ready files, stored (the .xlsx parts are already deflated; compressing them again gains nothing). */
export function zipStored(files: Readonly<Record<string, Uint8Array>>): Uint8Array {
  return zipSync({ ...files }, { level: 0 });
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
  return zipStored(files);
}
