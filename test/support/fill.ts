/**
 * Fills a generated unit template the way a unit would in Excel: figures in
 * Tổng số / Số đã đạt, documents in the Văn bản table, the date line. Uses
 * ExcelJS on the real .xlsx, so what the tests read back is a real file.
 */
import { writeFileSync } from "node:fs";
import { join } from "node:path";
import ExcelJS from "exceljs";
import { CATALOGUE_ROWS, DOCUMENTS_TABLE, INDICATORS_TABLE } from "../../src/domain/catalogue";
import { buildUnitWorkbook, SHEET_GEOMETRY, TARGETS_SHEET_NAME, targetsSheetRows } from "../../src/domain/sheets";
import { writeWorkbookXlsx } from "../../src/io/write";
import { GOOD_FIGURES } from "../fixtures/official";

export interface Fill {
  /** id → [Tổng số, Số đã đạt]; a value may be text, as units type it. */
  readonly indicators?: Readonly<Record<string, readonly [number | string | null, number | string | null]>>;
  readonly documents?: ReadonlyArray<{ code: string; date: Date | string; summary: string; issuer: string }>;
  /** The date line's text, e.g. "Bản Bo, ngày 20 tháng 6 năm 2021". */
  readonly dateLine?: string;
  /** id → the value typed in the "Mục tiêu" sheet's Mục tiêu column (0.8 for 80%; null clears it). */
  readonly targets?: Readonly<Record<string, number | string | null>>;
}

/** Zero-based row of an indicator on the generated Chỉ tiêu sheet. */
export function indicatorRow(id: string): number {
  const index = CATALOGUE_ROWS.findIndex((r) => r.kind === "indicator" && r.indicator.id === id);
  if (index < 0) throw new Error(`unknown indicator ${id}`);
  return SHEET_GEOMETRY.firstDataRow + index;
}

export async function fillTemplate(template: Uint8Array, fill: Fill): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(Buffer.from(template) as unknown as ExcelJS.Buffer);
  const ind = wb.getWorksheet(INDICATORS_TABLE.sheetName)!;
  const docs = wb.getWorksheet(DOCUMENTS_TABLE.sheetName)!;
  for (const [id, [total, achieved]] of Object.entries(fill.indicators ?? {})) {
    const row = indicatorRow(id) + 1;
    ind.getCell(row, 4).value = total;
    ind.getCell(row, 5).value = achieved;
  }
  (fill.documents ?? []).forEach((d, k) => {
    const row = SHEET_GEOMETRY.firstDataRow + 1 + k;
    docs.getCell(row, 2).value = d.code;
    docs.getCell(row, 3).value = d.date;
    docs.getCell(row, 4).value = d.summary;
    docs.getCell(row, 5).value = d.issuer;
  });
  const rows = targetsSheetRows();
  for (const [id, value] of Object.entries(fill.targets ?? {})) {
    const row = rows.get(id);
    if (row === undefined) throw new Error(`unknown indicator ${id}`);
    wb.getWorksheet(TARGETS_SHEET_NAME)!.getCell(row + 1, 5).value = value;
  }
  if (fill.dateLine !== undefined) {
    for (const ws of [ind, docs]) {
      ws.eachRow((row) =>
        row.eachCell((cell) => {
          if (typeof cell.value === "string" && /ngày …… tháng/.test(cell.value)) cell.value = fill.dateLine!;
        }),
      );
    }
  }
  return new Uint8Array(await wb.xlsx.writeBuffer());
}

/** Đảng ủy xã Bản Bo's template, filled in as `fill` says, written as ban-bo.xlsx in `dir`: its path. */
export async function writeFilledUnit(dir: string, fill: Fill): Promise<string> {
  const template = await writeWorkbookXlsx(buildUnitWorkbook({ unitName: "Đảng ủy xã Bản Bo", place: "Bản Bo", level: "co-so", created: "2021-05-01" }));
  const path = join(dir, "ban-bo.xlsx");
  writeFileSync(path, await fillTemplate(template, fill));
  return path;
}

/** Bản Bo's template with every indicator's figures met and two documents of its own, dated 20 June 2021. */
export function writeGoodUnit(dir: string): Promise<string> {
  return writeFilledUnit(dir, {
    indicators: Object.fromEntries(Object.entries(GOOD_FIGURES).map(([id, f]) => [id, [f.total, f.achieved] as const])),
    documents: [
      { code: "15-NQ/ĐU", date: new Date(Date.UTC(2016, 9, 12)), summary: "Nghị quyết về nâng cao chất lượng công tác tư tưởng", issuer: "Đảng ủy xã" },
      { code: "22-KH/ĐU", date: new Date(Date.UTC(2017, 2, 7)), summary: "Kế hoạch thực hiện Đề án 241 năm 2017", issuer: "Đảng ủy xã" },
    ],
    dateLine: "Bản Bo, ngày 20 tháng 6 năm 2021",
  });
}
