/** The "Chỉ tiêu" sheet: the indicators of Đề án 241 with the unit's figures, ratio and target. */
import { CATALOGUE_ROWS, INDICATORS_TABLE, INDICATORS_TABLE_NOTE, TARGETS_SHEET_NAME, type Target } from "../catalogue";
import { targetLabel } from "../format";
import { cellAddress } from "../model/grid";
import type { ConditionalFormatRule, DataValidationRule, SheetLayout } from "../model/layout";
import { rangeAddress, SheetBuilder } from "./builder";
import { dateLineValidation, fillInRanges, headerBlock, headerRow, signatureBlock, titleBlock } from "./header";
import { PAGE, protectedSheet, rowsOf, SHEET_GEOMETRY, SHEET_STYLES, SHORT_FILL } from "./styles";
import { TARGET_STYLE, targetCellValue, targetsSheetRows } from "./targets";
import type { SheetOptions } from "./unit";

export const EXTRA_TARGET_HEADER = "Mục tiêu";

/**
 * The group printed from the top of a new page. On A4 landscape one page wide the rows down to
 * 4.6 fill the first page, and "Mục tiêu 05" would otherwise be left alone at its foot, its one
 * row on the next page: a page break above it keeps the heading with its row.
 */
export const PAGE_BREAK_BEFORE_GROUP = "5";

/**
 * The formula (without "=") that is true when a result is short of the target
 * shown in G of row x (1-based): a ratio target is a fraction there (0.9), the
 * ratio in F a percentage (90), so G is scaled and rounded before comparing.
 */
export function shortOfTargetFormula(target: Target, x: number): string {
  const shown = `ROUND(G${x}*100,6)`;
  // The ratio as its cell shows it (two decimals), as the tool judges it (shownRatio).
  const ratio = `ROUND(F${x},2)`;
  switch (target.op) {
    case ">=":
      return `AND(ISNUMBER(F${x}),ISNUMBER(G${x}),${ratio}<${shown})`;
    case ">":
      return `AND(ISNUMBER(F${x}),ISNUMBER(G${x}),${ratio}<=${shown})`;
    case "count>=":
      // A count target ("Có 01 - 02 xã") is judged on Số đã đạt tiêu chuẩn; the mark goes on the ratio cell of its row.
      return `AND(ISNUMBER(E${x}),ISNUMBER(G${x}),E${x}<G${x})`;
  }
}

/** A sheet name as a formula reference ("'Mục tiêu'"). */
function sheetRef(name: string): string {
  return `'${name.replace(/'/g, "''")}'`;
}

/** The formula of the Mục tiêu column of "Chỉ tiêu": the targets sheet's cell, Đề án 241's target when it is blank. */
export function linkedTargetFormula(target: Target, targetsRow: number): string {
  const cell = `${sheetRef(TARGETS_SHEET_NAME)}!${cellAddress(targetsRow, 4)}`;
  return `IF(${cell}="",${targetCellValue(target)},${cell})`;
}

/** Chỉ tiêu: "KẾT QUẢ THỰC HIỆN CÁC MỤC TIÊU CỦA ĐỀ ÁN 241", rows from the catalogue in printed order. */
export function buildIndicatorsSheet(opts: SheetOptions): SheetLayout {
  const widths = [7, 62, 15, 12, 14, 11, 12];
  const b = new SheetBuilder(SHEET_STYLES, widths);
  const last = widths.length - 1;
  headerBlock(b, opts, 1, last);
  titleBlock(b, INDICATORS_TABLE.title, last);
  headerRow(b, [...INDICATORS_TABLE.columns.map((c) => c.header), EXTRA_TARGET_HEADER]);
  const first = SHEET_GEOMETRY.firstDataRow;
  const targetRows = targetsSheetRows();
  const conditionalFormats: ConditionalFormatRule[] = [];
  const inputRanges: string[] = [];
  let run: { first: number; last: number } | undefined;
  const closeRun = () => {
    if (run) inputRanges.push(rangeAddress(run.first, 3, run.last, 4));
    run = undefined;
  };
  let r = first;
  const rowBreaks: number[] = [];
  for (const row of CATALOGUE_ROWS) {
    if (row.kind === "group") {
      closeRun();
      if (row.group.stt === PAGE_BREAK_BEFORE_GROUP) rowBreaks.push(r);
      const top = row.group.parent === undefined;
      b.set(r, 0, row.group.stt, top ? "groupStt" : "cellCenter");
      b.set(r, 1, row.group.label, top ? "groupText" : "cellText");
      for (let c = 2; c <= last; c++) b.set(r, c, null, "cellCenter");
      b.fit(r, 1, 1, row.group.label, "groupText");
    } else {
      const i = row.indicator;
      const x = r + 1;
      b.set(r, 0, i.stt, "cellCenter");
      b.set(r, 1, i.text, "cellText");
      b.set(r, 2, i.dvt, "cellCenter");
      b.set(r, 3, null, "inputInt");
      b.set(r, 4, null, "inputInt");
      // IFERROR: a note or a dash pasted over a figure (pasting passes the validation) leaves the ratio blank, not #VALUE!.
      b.set(r, 5, null, "ratio", `IFERROR(IF(OR(D${x}="",D${x}=0,E${x}=""),"",E${x}*100/D${x}),"")`);
      b.set(r, 6, null, TARGET_STYLE[i.target.op].shown, linkedTargetFormula(i.target, targetRows.get(i.id)!));
      b.fit(r, 1, 1, i.text, "cellText");
      b.fit(r, 2, 2, i.dvt, "cellCenter");
      conditionalFormats.push({
        range: cellAddress(r, 5),
        formula: shortOfTargetFormula(i.target, x),
        fill: SHORT_FILL,
        meaning: `Chưa đạt mục tiêu ở cột G (mặc định ${targetLabel(i.target)}, theo trang "${TARGETS_SHEET_NAME}") (chỉ tiêu ${i.id})`,
      });
      if (run) run.last = r;
      else run = { first: r, last: r };
    }
    r++;
  }
  closeRun();
  const lastRow = r - 1;
  const body = { first, last: lastRow };
  const dataValidations: DataValidationRule[] = [
    {
      range: rowsOf(body, 3),
      type: "whole",
      operator: "greaterThanOrEqual",
      formulae: [0],
      allowBlank: true,
      prompt: { title: "Tổng số", text: "Nhập số nguyên không âm (tổng số đối tượng của chỉ tiêu)." },
      error: { title: "Tổng số không hợp lệ", text: "Tổng số phải là số nguyên không âm (0, 1, 2, …)." },
    },
    {
      range: rowsOf(body, 4),
      type: "custom",
      formulae: [`AND(ISNUMBER(E${first + 1}),E${first + 1}=INT(E${first + 1}),E${first + 1}>=0,OR(D${first + 1}="",E${first + 1}<=D${first + 1}))`],
      allowBlank: true,
      prompt: { title: "Số đã đạt tiêu chuẩn", text: "Nhập số nguyên không âm, không lớn hơn Tổng số." },
      error: {
        title: "Số đã đạt không hợp lệ",
        text: "Số đã đạt tiêu chuẩn phải là số nguyên không âm và không được lớn hơn Tổng số.",
      },
    },
  ];
  dataValidations.push(dateLineValidation(opts, 1, last));
  const noteRow = lastRow + 2;
  const note = `Ghi chú: ${INDICATORS_TABLE_NOTE}`;
  b.block(noteRow, 0, noteRow, last, note, "note");
  b.fit(noteRow, 0, last, note, "note");
  signatureBlock(b, opts, noteRow + 2, 3, last);
  inputRanges.push(...fillInRanges(1, last, noteRow + 2, 3, last));
  return protectedSheet(INDICATORS_TABLE.sheetName, b, {
    dataValidations,
    conditionalFormats,
    allowInsertRows: false,
    pageSetup: { ...PAGE, rowBreaks },
    inputRanges,
  });
}
