/**
 * What a unit's template says about the unit (superior body, place, level,
 * code, header format), worked out in one place for the CLI, the pane's
 * fields, one template and the .zip of all units. The most specific statement
 * wins:
 *   1. what the user gave for this one unit (the pane's fields, `template --unit … --superior …`);
 *   2. the unit's own entry (its row of the unit list, which may name its superior body and code);
 *   3. the built-in list's entry of the same unit (the district's state offices sit under "UBND HUYỆN TAM ĐƯỜNG");
 *   4. what was given for the whole list (`template --units … --superior …`, the pane's superior field for the .zip);
 *   5. the defaults: "ĐẢNG BỘ HUYỆN TAM ĐƯỜNG", the commune of a commune's Party committee else the district, level "co-so".
 * Blank text counts as not given.
 */
import type { UnitLevel } from "../model/identity";
import { DEFAULT_SUPERIOR, defaultPlace, headerFormatOf, matchUnit, TAM_DUONG_UNITS, type Unit } from "../units";
import type { UnitWorkbookOptions } from "./unit";

export interface TemplateChoices {
  readonly superior?: string;
  readonly place?: string;
  readonly unitCode?: string;
  readonly level?: UnitLevel;
  /** ISO date of the date line; absent = dotted blanks. */
  readonly date?: string;
}

export interface TemplateOptionsInput {
  /** Given by the user for this one unit. */
  readonly forUnit?: TemplateChoices;
  /** Given for every unit of a list. */
  readonly forAll?: Pick<TemplateChoices, "superior" | "date">;
  /** The built-in list the unit is looked up in (default: Tam Đường's). */
  readonly known?: readonly Unit[];
  /** ISO date the workbook is made (the caller's clock). */
  readonly created: string;
}

const given = (text: string | undefined): string | undefined => (text !== undefined && text.trim() !== "" ? text.trim() : undefined);

export function unitTemplateOptions(unit: Pick<Unit, "name"> & Partial<Unit>, input: TemplateOptionsInput): UnitWorkbookOptions {
  const name = unit.name.trim();
  const known = matchUnit(name, input.known ?? TAM_DUONG_UNITS);
  const forUnit = input.forUnit ?? {};
  const code = given(forUnit.unitCode) ?? given(unit.code) ?? given(known?.code);
  const date = given(forUnit.date) ?? given(input.forAll?.date);
  return {
    unitName: name,
    ...(code !== undefined ? { unitCode: code } : {}),
    level: forUnit.level ?? unit.level ?? known?.level ?? "co-so",
    place: given(forUnit.place) ?? defaultPlace({ name }),
    superior: given(forUnit.superior) ?? given(unit.superior) ?? given(known?.superior) ?? given(input.forAll?.superior) ?? DEFAULT_SUPERIOR,
    format: unit.format ?? known?.format ?? headerFormatOf({ name }),
    ...(date !== undefined ? { date } : {}),
    created: input.created,
  };
}
