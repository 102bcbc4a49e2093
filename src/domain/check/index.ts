/**
 * Checking one unit's workbook: read it by meaning, then judge its figures
 * against the targets it sets for itself on its "Mục tiêu" sheet (Đề án 241's
 * where it sets none), and say which targets were used.
 */
import { DEFAULT_TARGETS, INDICATORS, type Target, type TargetSet } from "../catalogue";
import { targetLabel } from "../format";
import type { WorkbookGrid } from "../model/grid";
import type { Issue } from "../model/issues";
import { readUnitReport } from "../read";
import type { UnitReport } from "../model/report";
import { findTargetsSheet, parseTargetsSheet, sameTarget, withDefaults } from "../targets";
import { evaluate, type IndicatorResultRow } from "../rules/evaluate";

/** The targets a check or a merge judged by. */
export interface TargetsUsed {
  /** "de-an-241": Đề án 241's own; "workbook": the workbook's "Mục tiêu" sheet changes at least one. */
  readonly source: "de-an-241" | "workbook";
  /** The sheet read, when the workbook has one. */
  readonly sheet: string | null;
  /** Every indicator's target as judged. */
  readonly targets: TargetSet;
  /** The indicators whose target differs from Đề án 241's, in catalogue order. */
  readonly changed: readonly { readonly id: string; readonly target: Target; readonly official: Target }[];
  /** Rows of the "Mục tiêu" sheet that could not be used (each keeps Đề án 241's target). */
  readonly issues: readonly Issue[];
}

export interface UnitCheck {
  readonly report: UnitReport;
  readonly results: readonly IndicatorResultRow[];
  readonly targets: TargetsUsed;
}

/** The targets a workbook sets on its "Mục tiêu" sheet, over Đề án 241's. */
export function targetsOfWorkbook(grid: WorkbookGrid): TargetsUsed {
  const sheet = findTargetsSheet(grid);
  if (!sheet) return { source: "de-an-241", sheet: null, targets: DEFAULT_TARGETS, changed: [], issues: [] };
  const parsed = parseTargetsSheet(sheet);
  const targets = withDefaults(parsed.targets);
  const changed = INDICATORS.flatMap((i) => {
    const target = targets[i.id]!;
    return sameTarget(target, i.target) ? [] : [{ id: i.id, target, official: i.target }];
  });
  return { source: changed.length > 0 ? "workbook" : "de-an-241", sheet: sheet.name, targets, changed, issues: parsed.issues };
}

export function checkUnitWorkbook(grid: WorkbookGrid, fileName: string): UnitCheck {
  const report = readUnitReport(grid, fileName);
  const targets = targetsOfWorkbook(grid);
  return { report, results: evaluate(report, targets.targets), targets };
}

/** One line saying which targets the results were judged against ("Mục tiêu đánh giá: …"). */
export function targetsUsedText(used: TargetsUsed): string {
  if (used.source === "de-an-241") {
    return used.sheet === null
      ? "Mục tiêu đánh giá: theo Đề án 241."
      : `Mục tiêu đánh giá: theo Đề án 241 (trang "${used.sheet}" giữ nguyên mục tiêu của Đề án).`;
  }
  const list = used.changed.map((c) => `${c.id}: ${targetLabel(c.target)} (Đề án 241: ${targetLabel(c.official)})`).join("; ");
  return `Mục tiêu đánh giá: theo trang "${used.sheet ?? ""}" của đơn vị; khác Đề án 241 ở chỉ tiêu ${list}; các chỉ tiêu khác theo Đề án 241.`;
}
