/**
 * Unit templates: one workbook for one unit (the pane's fields, the CLI's
 * `template --unit`), or one per unit of a list (the pane's .zip, the CLI's
 * `template --units`). What each says about its unit is worked out by the
 * one precedence of domain/sheets/options.ts; "today" comes from the clock.
 */
import type { WorkbookLayout } from "../domain/model/layout";
import { buildUnitWorkbook, unitTemplateOptions, type UnitWorkbookOptions } from "../domain/sheets";
import type { Unit } from "../domain/units";
import { unitFileNames, unitListOptions, writeUnitTemplate, zipStored } from "../io/write/zip";
import { throwIfCancelled } from "./cancel";
import { systemClock, today, type Clock } from "./clock";
import type { Progress, TemplateRequest } from "./usecases";

/** The options of one unit's template from what the user gave for it (blank fields filled from the unit). */
export function templateOptions(request: TemplateRequest & { readonly date?: string }, clock: Clock = systemClock): UnitWorkbookOptions {
  return unitTemplateOptions(
    { name: request.unitName },
    {
      forUnit: {
        ...(request.superior !== undefined ? { superior: request.superior } : {}),
        ...(request.place !== undefined ? { place: request.place } : {}),
        ...(request.unitCode !== undefined ? { unitCode: request.unitCode } : {}),
        ...(request.level !== undefined ? { level: request.level } : {}),
        ...(request.date !== undefined ? { date: request.date } : {}),
      },
      created: today(clock),
    },
  );
}

/** The sheets of one unit's template, as a layout every renderer takes. */
export function unitLayout(request: TemplateRequest & { readonly date?: string }, clock: Clock = systemClock): WorkbookLayout {
  return buildUnitWorkbook(templateOptions(request, clock));
}

export interface ListTemplatesOptions {
  /** The superior line for the units whose own entry names none. */
  readonly superior?: string;
  /** ISO date of the date line; absent = dotted blanks. */
  readonly date?: string;
  readonly clock?: Clock;
  readonly onProgress?: (p: Progress) => void;
  readonly signal?: AbortSignal;
}

/** One .xlsx per unit of a list, by file name ("Dang-uy-xa-Ban-Bo.xlsx", unique within the list), with progress and a stop. */
export async function unitTemplates(units: readonly Unit[], options: ListTemplatesOptions = {}): Promise<{ name: string; unit: Unit; bytes: Uint8Array }[]> {
  const names = unitFileNames(units);
  const created = today(options.clock);
  const given = {
    ...(options.superior !== undefined && options.superior.trim() !== "" ? { superior: options.superior } : {}),
    ...(options.date !== undefined ? { date: options.date } : {}),
    created,
  };
  const out: { name: string; unit: Unit; bytes: Uint8Array }[] = [];
  for (const [i, unit] of units.entries()) {
    throwIfCancelled(options.signal);
    options.onProgress?.({ done: i, total: units.length, item: unit.name });
    out.push({ name: names[i]!, unit, bytes: await writeUnitTemplate(unitListOptions(unit, given)) });
    // Let a page paint the progress between workbooks.
    await new Promise((resolve) => setTimeout(resolve, 0));
  }
  throwIfCancelled(options.signal);
  options.onProgress?.({ done: units.length, total: units.length, item: units[units.length - 1]?.name ?? "" });
  return out;
}

/** The templates of a list in one .zip. */
export async function unitTemplatesZip(units: readonly Unit[], options: ListTemplatesOptions = {}): Promise<Uint8Array> {
  const files = await unitTemplates(units, options);
  return zipStored(Object.fromEntries(files.map((f) => [f.name, f.bytes])));
}
