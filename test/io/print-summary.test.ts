/**
 * "Tình hình nộp báo cáo" and "Các tệp đã nhận" printed through LibreOffice:
 * every printed page of files carries the files' heading row, never the units'.
 * "Chi tiết đơn vị" of 20 units printed in landscape at a readable size, over
 * as many pages as it takes, each with the headings and its units' names.
 */
import { execFileSync } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { INDICATORS } from "../../src/domain/catalogue";
import { mergeReports, type MergeSource } from "../../src/domain/merge";
import { buildSummaryWorkbook, SUMMARY_SHEETS } from "../../src/domain/sheets/summary";
import type { Unit } from "../../src/domain/units";
import { writeWorkbookXlsx } from "../../src/io/write";
import { writeLeanXlsx } from "../../src/io/write/lean";
import { writeWorkbookXlsxExcelJS } from "../../src/io/write/xlsx";
import { summaryLayout } from "../hosts/excel/summary-layout";
import { convertWithLibreOffice, requireProgram, SOFFICE } from "../support/programs";

const pdftotext = SOFFICE ? requireProgram(["pdftotext"], "poppler-utils (Debian: poppler-utils) to read printed PDFs") : null;
const pdfinfo = SOFFICE ? requireProgram(["pdfinfo"], "poppler-utils (Debian: poppler-utils) to read printed PDFs") : null;
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

d("Chi tiết đơn vị of 20 units printed to PDF", () => {
  let dir = "";
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), "print-per-unit-"));
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  /** The printed pages' text, and each page's size and its words' heights (points) from pdftotext's boxes. */
  function pages(pdf: string): { text: string; width: number; height: number; wordHeights: number[] }[] {
    const texts = execFileSync(pdftotext!, ["-layout", pdf, "-"], { encoding: "utf8" }).split("\f").slice(0, -1);
    const html = execFileSync(pdftotext!, ["-bbox", pdf, "-"], { encoding: "utf8" });
    const boxes = html.split("<page ").slice(1).map((p) => {
      const [, w, h] = /width="([\d.]+)" height="([\d.]+)"/.exec(p)!;
      const words = [...p.matchAll(/yMin="([\d.]+)"[^>]*yMax="([\d.]+)">([^<]*)</g)];
      return { width: Number(w), height: Number(h), wordHeights: words.filter((m) => /^(Tổng|Chỉ|Chi)$/.test(m[3]!)).map((m) => Number(m[2]) - Number(m[1])) };
    });
    expect(boxes.length).toBe(texts.length);
    return texts.map((t, i) => ({ text: t.replace(/\s+/g, " "), ...boxes[i]! }));
  }

  test.each([
    ["the lean writer", (l: Parameters<typeof writeLeanXlsx>[0]) => Promise.resolve(writeLeanXlsx(l)!)],
    ["ExcelJS", writeWorkbookXlsxExcelJS],
  ] as const)("written by %s: landscape pages, each with the headings, the indicators and whole units, text at least 8 pt", async (name, write) => {
    const layout = summaryLayout(20);
    const only = { sheets: layout.sheets.filter((s) => s.name === SUMMARY_SHEETS.perUnit) };
    const xlsx = join(dir, `chi-tiet-${name === "ExcelJS" ? "exceljs" : "lean"}.xlsx`);
    writeFileSync(xlsx, await write(only));
    const pdf = convertWithLibreOffice(xlsx, "pdf", dir);
    const info = execFileSync(pdfinfo!, [pdf], { encoding: "utf8" });
    const count = Number(/Pages:\s+(\d+)/.exec(info)![1]);
    const printed = pages(pdf);
    expect(printed).toHaveLength(count);
    // Over as many pages as it takes: at most a handful of units a page.
    expect(count).toBeGreaterThanOrEqual(4);
    const seen = new Map<number, number>();
    for (const [i, page] of printed.entries()) {
      expect({ page: i + 1, landscape: page.width > page.height }).toEqual({ page: i + 1, landscape: true });
      // The heading rows and the indicator columns on every page.
      expect(page.text).toContain("Chỉ tiêu");
      expect(page.text).toContain("Nội dung của chỉ tiêu");
      expect(page.text).toContain("Tổng số Số đạt");
      expect(INDICATORS.filter((ind) => page.text.includes(ind.text.slice(0, 20))).length).toBeGreaterThan(0);
      // Each unit's name whole on the page, with both its columns.
      const names = [...page.text.matchAll(/Chi bộ số (\d+)\b/g)].map((m) => Number(m[1]));
      expect(names.length).toBeGreaterThan(0);
      expect(page.text.match(/Tổng số Số đạt/g)!.length).toBeGreaterThanOrEqual(names.length);
      for (const n of names) seen.set(n, (seen.get(n) ?? 0) + 1);
      // Readable: words of 13 pt text printed at least 8 pt tall.
      expect(page.wordHeights.length).toBeGreaterThan(0);
      expect(Math.min(...page.wordHeights)).toBeGreaterThanOrEqual(8);
    }
    // Every unit printed, none lost between pages.
    expect([...seen.keys()].sort((a, b) => a - b)).toEqual(Array.from({ length: 20 }, (_, k) => k + 1));
    expect(printed[0]!.text).toContain("SỐ LIỆU CHỈ TIÊU THEO TỪNG ĐƠN VỊ");
  }, 180_000);
});
