/**
 * "Tình hình nộp báo cáo" and "Các tệp đã nhận" printed through LibreOffice:
 * every printed page of files carries the files' heading row, never the units'.
 */
import { execFileSync } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { mergeReports, type MergeSource } from "../../src/domain/merge";
import { buildSummaryWorkbook, SUMMARY_SHEETS } from "../../src/domain/sheets/summary";
import type { Unit } from "../../src/domain/units";
import { writeWorkbookXlsx } from "../../src/io/write";
import { convertWithLibreOffice, requireProgram, SOFFICE } from "../support/programs";

const pdftotext = SOFFICE ? requireProgram(["pdftotext"], "poppler-utils (Debian: poppler-utils) to read printed PDFs") : null;
const d = SOFFICE && pdftotext ? describe : describe.skip;

/** 45 units on the list; 40 sent a file (5 of them twice), so both tables run over a page. */
function summary() {
  const units: Unit[] = Array.from({ length: 45 }, (_, k) => ({ name: `Chi bộ thôn Số ${k + 1}`, level: "co-so" as const }));
  const sources: MergeSource[] = [];
  for (let k = 0; k < 40; k++) {
    const unit = units[k]!.name;
    const file = (n: number) => `chi-bo-thon-so-${k + 1}${n > 1 ? `-lan-${n}` : ""}.xlsx`;
    for (let n = 1; n <= (k < 5 ? 2 : 1); n++) {
      sources.push({
        file: file(n),
        sha256: `${k}-${n}`.padEnd(64, "a"),
        report: { fileName: file(n), unit: { name: unit, source: "header" }, reportDate: `2021-06-${String(10 + (k % 18)).padStart(2, "0")}`, indicators: {}, documents: [], issues: [] },
      });
    }
  }
  return buildSummaryWorkbook(mergeReports(sources, { units }), {
    unitName: "Huyện ủy Tam Đường",
    superior: "ĐẢNG BỘ TỈNH LAI CHÂU",
    place: "Tam Đường",
    level: "huyen",
    date: "2021-06-30",
  });
}

d("the submissions' sheets printed to PDF", () => {
  let dir = "";
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), "print-summary-"));
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  test("each page of files starts under the files' heading row; the units' pages have none of it", async () => {
    const layout = summary();
    const only = { sheets: layout.sheets.filter((s) => s.name === SUMMARY_SHEETS.status || s.name === SUMMARY_SHEETS.files) };
    expect(only.sheets).toHaveLength(2);
    const xlsx = join(dir, "tinh-hinh.xlsx");
    writeFileSync(xlsx, await writeWorkbookXlsx(only));
    const pdf = convertWithLibreOffice(xlsx, "pdf", dir);
    const pages = execFileSync(pdftotext!, ["-layout", pdf, "-"], { encoding: "utf8" })
      .split("\f")
      .map((p) => p.replace(/\s+/g, " "))
      .filter((p) => p.trim() !== "");
    const filePages = pages.filter((p) => /chi-bo-thon-so-\d+(-lan-2)?\.xlsx/.test(p) && p.includes("SHA-256"));
    const unitPages = pages.filter((p) => p.includes("Tình trạng"));
    // Both tables run over more than one page.
    expect(unitPages.length).toBeGreaterThanOrEqual(2);
    expect(filePages.length).toBeGreaterThanOrEqual(2);
    for (const page of pages) {
      const hasFileRows = /\b[0-9a-f-]*a{20,}\b/.test(page);
      if (!hasFileRows) continue;
      // A page listing files (their SHA-256) carries the files' heading and not the units'.
      expect(page).toContain("SHA-256");
      expect(page).toContain("Trạng thái");
      expect(page).not.toContain("Tình trạng");
    }
    for (const page of unitPages) expect(page).not.toContain("SHA-256");
    // Every file is printed once.
    const all = pages.join(" ");
    expect(all.match(/chi-bo-thon-so-7\.xlsx/g)?.length).toBeGreaterThanOrEqual(1);
    expect(all).toContain("CÁC TỆP ĐÃ NHẬN");
  });
});
