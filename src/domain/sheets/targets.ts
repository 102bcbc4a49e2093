/** The "Mục tiêu" sheet: Đề án 241's target of every indicator, and the target the unit sets itself. */
import { CATALOGUE_ROWS, INDICATORS_TABLE_NOTE, TARGETS_SHEET_NAME, type Target } from "../catalogue";
import { targetLabel } from "../format";
import { cellAddress } from "../model/grid";
import type { DataValidationRule, SheetLayout } from "../model/layout";
import { SheetBuilder } from "./builder";
import { PAGE, protectedSheet, SHEET_STYLES } from "./styles";

export { TARGETS_SHEET_NAME };
export const TARGETS_SHEET_TITLE = "MỤC TIÊU ĐÁNH GIÁ KẾT QUẢ THỰC HIỆN ĐỀ ÁN 241";
export const TARGETS_HEADERS = ["Chỉ tiêu", "Nội dung", "Đơn vị tính", "Mục tiêu của Đề án 241", "Mục tiêu"] as const;
export const TARGETS_HELP =
  'Cột "Mục tiêu" ghi sẵn mục tiêu của Đề án 241. Đơn vị có kế hoạch đặt mục tiêu khác thì sửa số ở cột này (tỷ lệ ghi dạng 90%); ' +
  'trang "Chỉ tiêu" và phần kiểm tra sẽ đánh giá theo mục tiêu đã sửa. Để trống thì dùng mục tiêu của Đề án 241.';
/** Zero-based rows of the targets sheet: the header, then the catalogue rows in printed order. */
export const TARGETS_GEOMETRY = { titleRow: 0, noteRow: 1, helpRow: 2, headerRow: 4, firstDataRow: 5 } as const;

/** A target as the number its cell holds: a ratio as a fraction (90% → 0.9), a count as itself. */
export function targetCellValue(target: Target): number {
  return target.op === "count>=" ? target.value : Math.round(target.value * 1e6) / 1e8;
}

/** The zero-based row of each indicator on the targets sheet. */
export function targetsSheetRows(): ReadonlyMap<string, number> {
  const rows = new Map<string, number>();
  CATALOGUE_ROWS.forEach((row, k) => {
    if (row.kind === "indicator") rows.set(row.indicator.id, TARGETS_GEOMETRY.firstDataRow + k);
  });
  return rows;
}

/** The style of a target cell by the kind of target: the unit's input on "Mục tiêu", the linked copy on "Chỉ tiêu". */
export const TARGET_STYLE: Readonly<Record<Target["op"], { input: string; shown: string }>> = {
  ">=": { input: "targetAtLeast", shown: "shownAtLeast" },
  ">": { input: "targetAbove", shown: "shownAbove" },
  "count>=": { input: "targetCount", shown: "shownCount" },
};

/** "Mục tiêu": every indicator with Đề án 241's target and, beside it, the target the unit judges itself by. */
export function buildTargetsSheet(): SheetLayout {
  const widths = [10, 60, 15, 19, 14];
  const last = widths.length - 1;
  const b = new SheetBuilder(SHEET_STYLES, widths);
  const g = TARGETS_GEOMETRY;
  b.block(g.titleRow, 0, g.titleRow, last, TARGETS_SHEET_TITLE, "title");
  b.fit(g.titleRow, 0, last, TARGETS_SHEET_TITLE, "title");
  const note = `Ghi chú: ${INDICATORS_TABLE_NOTE}`;
  b.block(g.noteRow, 0, g.noteRow, last, note, "note");
  b.fit(g.noteRow, 0, last, note, "note");
  b.block(g.helpRow, 0, g.helpRow, last, TARGETS_HELP, "note");
  b.fit(g.helpRow, 0, last, TARGETS_HELP, "note");
  TARGETS_HEADERS.forEach((h, c) => {
    b.set(g.headerRow, c, h, "th");
    b.fit(g.headerRow, c, c, h, "th");
  });
  const rows = targetsSheetRows();
  const dataValidations: DataValidationRule[] = [];
  const inputRanges: string[] = [];
  CATALOGUE_ROWS.forEach((row, k) => {
    const r = g.firstDataRow + k;
    if (row.kind === "group") {
      const top = row.group.parent === undefined;
      b.set(r, 0, row.group.stt, top ? "groupStt" : "cellCenter");
      b.set(r, 1, row.group.label, top ? "groupText" : "cellText");
      for (let c = 2; c <= last; c++) b.set(r, c, null, "cellCenter");
      return;
    }
    const i = row.indicator;
    if (rows.get(i.id) !== r) throw new Error(`Targets sheet row of ${i.id} out of step`);
    b.set(r, 0, i.id, "cellCenter");
    b.set(r, 1, i.text, "cellText");
    b.set(r, 2, i.dvt, "cellCenter");
    b.set(r, 3, targetLabel(i.target), "cellCenter");
    b.set(r, 4, targetCellValue(i.target), TARGET_STYLE[i.target.op].input);
    b.fit(r, 1, 1, i.text, "cellText");
    const at = cellAddress(r, 4);
    inputRanges.push(at);
    dataValidations.push(
      i.target.op === "count>="
        ? {
            range: at,
            type: "whole",
            operator: "greaterThanOrEqual",
            formulae: [0],
            allowBlank: true,
            prompt: { title: "Mục tiêu", text: `Số đơn vị cần đạt (Đề án 241: ${targetLabel(i.target)}). Để trống thì dùng mục tiêu của Đề án 241.` },
            error: { title: "Mục tiêu không hợp lệ", text: "Mục tiêu của chỉ tiêu này là một số nguyên không âm (1, 2, …)." },
          }
        : {
            range: at,
            type: "decimal",
            operator: "between",
            formulae: [0, 1],
            allowBlank: true,
            prompt: { title: "Mục tiêu", text: `Tỷ lệ cần đạt, ví dụ 90% (Đề án 241: ${targetLabel(i.target)}). Để trống thì dùng mục tiêu của Đề án 241.` },
            error: { title: "Mục tiêu không hợp lệ", text: "Mục tiêu là tỷ lệ phần trăm từ 0% đến 100%, ví dụ 90%." },
          },
    );
  });
  return protectedSheet(TARGETS_SHEET_NAME, b, {
    dataValidations,
    conditionalFormats: [],
    allowInsertRows: false,
    pageSetup: { ...PAGE, orientation: "portrait", printTitleRows: `${g.headerRow + 1}:${g.headerRow + 1}` },
    inputRanges,
  });
}
