/**
 * The "Tạo biểu mẫu" tab's state and actions (no JSX): the three fields of
 * one unit's template, the sheets that clash when inserting, and the work of
 * inserting, downloading one template and the .zip for every unit.
 *
 * What the fields show by default (superior body, place) and what the request
 * carries (code, level) come from `unitTemplateOptions`, the one precedence
 * the CLI uses too; what the user typed into a field wins from then on.
 */
import { useRef, useState } from "react";
import { today } from "../../../app/clock";
import type { TemplateRequest } from "../../../app/usecases";
import type { UnitLevel } from "../../../domain/model/identity";
import { DOCUMENTS_TABLE, INDICATORS_TABLE } from "../../../domain/catalogue";
import { unitTemplateOptions } from "../../../domain/sheets/options";
import { TAM_DUONG_UNITS, matchUnit, unitFileName, type Unit } from "../../../domain/units";
import { EXCEL_API } from "../../../hosts/excel/host";
import { useServices } from "../../services";
import { XLSX_TYPE, ZIP_TYPE, saveBytes } from "../../shared/download";
import { useUnits } from "../../shared/units";
import { useTask, type Task } from "../../shared/useTask";

export interface Conflict {
  readonly name: string;
  readonly renameTo: string;
}

/** The sheets a LayoutConflictError (src/hosts/excel/render-layout.ts) names, or null for any other error. */
export function conflictsOf(error: unknown): readonly Conflict[] | null {
  if (!(error instanceof Error) || error.name !== "LayoutConflictError") return null;
  const conflicts = (error as { conflicts?: unknown }).conflicts;
  return Array.isArray(conflicts) ? (conflicts as Conflict[]) : [];
}

/**
 * What the template of a unit (by name) says by default: its entry in the list
 * in use, else the built-in list's, else the defaults (unitTemplateOptions).
 */
export function unitDefaults(name: string, units: readonly Unit[]): { superior: string; place: string; level: UnitLevel; unitCode?: string } {
  const options = unitTemplateOptions(matchUnit(name, units) ?? { name }, { created: today() });
  return {
    superior: options.superior ?? "",
    place: options.place,
    level: options.level,
    ...(options.unitCode !== undefined ? { unitCode: options.unitCode } : {}),
  };
}

export const ZIP_NAME = "Bieu-mau-De-an-241.zip";

export type GenerateKey = "insert" | "xlsx" | "zip";

export interface GenerateSession {
  readonly task: Task;
  readonly units: readonly Unit[];
  readonly superior: string;
  readonly unitName: string;
  readonly place: string;
  readonly missingName: boolean;
  /** Inside an Excel that can insert the sheets. */
  readonly canInsert: boolean;
  readonly skipped: readonly string[];
  /** Sheets of the same names already in the workbook, while the user is asked; null otherwise. */
  readonly conflicts: readonly Conflict[] | null;
  /** The action running, if any. */
  readonly running: GenerateKey | null;
  editSuperior(value: string): void;
  editPlace(value: string): void;
  chooseUnit(name: string): void;
  insert(renameExisting: boolean): Promise<void>;
  dismissConflicts(): void;
  downloadOne(): Promise<void>;
  downloadZip(): Promise<void>;
  /** Another unit list was loaded (the "Đơn vị báo cáo" field follows it). */
  unitsChanged(list: readonly Unit[]): void;
}

export function useGenerateSession(): GenerateSession {
  const { host, excelApi, files, workbook } = useServices();
  const { units } = useUnits();
  const task = useTask();
  const [initial] = useState(() => unitDefaults(TAM_DUONG_UNITS[0]!.name, TAM_DUONG_UNITS));
  const [superior, setSuperior] = useState(initial.superior);
  const [unitName, setUnitName] = useState(TAM_DUONG_UNITS[0]!.name);
  const [place, setPlace] = useState(initial.place);
  const placeEdited = useRef(false);
  const superiorEdited = useRef(false);
  const [skipped, setSkipped] = useState<readonly string[]>([]);
  const [conflicts, setConflicts] = useState<readonly Conflict[] | null>(null);

  const canInsert = host === "excel" && workbook !== null && excelApi >= EXCEL_API.minimum;
  const missingName = unitName.trim() === "";

  const chooseUnit = (name: string) => {
    setUnitName(name);
    const defaults = unitDefaults(name, units);
    if (!placeEdited.current) setPlace(defaults.place);
    if (!superiorEdited.current) setSuperior(defaults.superior);
  };

  /** Another unit list loaded: a unit of the old list that the new one lacks gives way to the new list's first unit. */
  const unitsChanged = (list: readonly Unit[]) => {
    const first = list[0];
    if (!first || list.some((u) => u.name === unitName) || !units.some((u) => u.name === unitName)) return;
    setUnitName(first.name);
    const defaults = unitDefaults(first.name, list);
    if (!placeEdited.current) setPlace(defaults.place);
    if (!superiorEdited.current) setSuperior(defaults.superior);
  };

  const request = (): TemplateRequest => {
    const defaults = unitDefaults(unitName, units);
    return {
      superior,
      unitName: unitName.trim(),
      ...(defaults.unitCode !== undefined ? { unitCode: defaults.unitCode } : {}),
      place,
      level: defaults.level,
    };
  };

  const insert = async (renameExisting: boolean) => {
    if (!workbook) return;
    setSkipped([]);
    setConflicts(null);
    await task.start({ key: "insert", label: "Đang chèn…", failure: "Không chèn được biểu mẫu" }, async () => {
      try {
        const layout = await files.unitLayout(request());
        const result = await workbook.insertLayout(layout, { renameExisting });
        setSkipped(result.skipped);
        return `Đã chèn các trang tính “${DOCUMENTS_TABLE.sheetName}” và “${INDICATORS_TABLE.sheetName}” của ${unitName} vào sổ làm việc.`;
      } catch (error) {
        const found = conflictsOf(error);
        if (!found) throw error;
        // Not a failure: the dialog asks whether to keep the old sheets under new names.
        setConflicts(found);
        return null;
      }
    });
  };

  const downloadOne = async () => {
    setSkipped([]);
    await task.start({ key: "xlsx", label: "Đang tạo tệp…", failure: "Không tạo được tệp biểu mẫu" }, async () => {
      const bytes = await files.unitTemplate(request());
      const name = unitFileName({ name: unitName });
      saveBytes(bytes, name, XLSX_TYPE);
      return `Đã tạo tệp ${name}.`;
    });
  };

  const downloadZip = async () => {
    setSkipped([]);
    await task.start(
      {
        key: "zip",
        label: "Đang tạo tệp .zip…",
        failure: "Không tạo được tệp .zip",
        cancelled: "Đã hủy tạo tệp .zip.",
        progress: { done: 0, total: units.length, item: units[0]?.name ?? "" },
      },
      async ({ signal, progress }) => {
        const bytes = await files.unitTemplatesZip(units, { superior }, progress, signal);
        saveBytes(bytes, ZIP_NAME, ZIP_TYPE);
        return `Đã tạo tệp ${ZIP_NAME} gồm ${units.length} biểu mẫu.`;
      },
    );
  };

  return {
    task,
    units,
    unitsChanged,
    superior,
    unitName,
    place,
    missingName,
    canInsert,
    skipped,
    conflicts,
    running: (task.running?.key as GenerateKey | undefined) ?? null,
    editSuperior: (value) => {
      superiorEdited.current = true;
      setSuperior(value);
    },
    editPlace: (value) => {
      placeEdited.current = true;
      setPlace(value);
    },
    chooseUnit,
    insert,
    dismissConflicts: () => setConflicts(null),
    downloadOne,
    downloadZip,
  };
}
