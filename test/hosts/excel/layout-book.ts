/** Puts a WorkbookLayout's cells into a fake workbook, as if the template had been opened in Excel. */
import type { WorkbookLayout } from "../../../src/domain/sheets";
import type { FakeWorkbook } from "./fake-excel";

export function loadLayout(book: FakeWorkbook, layout: WorkbookLayout): void {
  for (const sheet of layout.sheets) {
    const fake = book.addSheet(sheet.name);
    fake.visibility = sheet.visibility === "veryHidden" ? "VeryHidden" : "Visible";
    for (const cell of sheet.cells) {
      const target = fake.cellFor(cell.r, cell.c);
      const format = sheet.styles[cell.style]?.numberFormat;
      if (format !== undefined) target.numberFormat = format;
      if (cell.formula !== undefined) target.formula = cell.formula;
      else if (cell.value !== null) target.value = cell.value;
    }
    fake.merges.push(...sheet.merges);
  }
}

/** The Excel serial number (1900 system) of an ISO date. */
export function serialOf(iso: string): number {
  const [y, m, d] = iso.split("-").map(Number) as [number, number, number];
  return (Date.UTC(y, m - 1, d) - Date.UTC(1899, 11, 30)) / 86_400_000;
}
