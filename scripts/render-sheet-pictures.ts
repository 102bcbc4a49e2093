/**
 * Pictures of the official sheets as they print: generates a unit's workbook,
 * prints it to PDF with LibreOffice headless and turns the first page of each
 * table into a PNG with pdftoppm (poppler-utils).
 *
 *   npx tsx scripts/render-sheet-pictures.ts [--unit "Đảng ủy xã Bản Bo"] [--out docs/sheets]
 *
 * Writes van-ban.png, chi-tieu.png and muc-tieu.png.
 */
import { execFileSync } from "node:child_process";
import { copyFileSync, mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { buildUnitWorkbook, TARGETS_SHEET_NAME, type WorkbookLayout } from "../src/domain/sheets";
import { DEFAULT_SUPERIOR, defaultPlace, headerFormatOf, matchUnit, TAM_DUONG_UNITS } from "../src/domain/units";
import { writeWorkbookXlsx } from "../src/io/write";

function option(name: string, fallback: string): string {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 && process.argv[i + 1] !== undefined ? process.argv[i + 1]! : fallback;
}

function pdfOf(xlsx: string, outDir: string): string {
  const profile = mkdtempSync(join(tmpdir(), "lo-profile-"));
  try {
    execFileSync(
      "soffice",
      [`-env:UserInstallation=file://${profile}`, "--headless", "--norestore", "--convert-to", "pdf", "--outdir", outDir, xlsx],
      { stdio: "pipe", timeout: 180_000 },
    );
  } finally {
    rmSync(profile, { recursive: true, force: true });
  }
  return xlsx.replace(/\.xlsx$/, ".pdf");
}

async function main(): Promise<void> {
  const unitName = option("unit", "Đảng ủy xã Bản Bo");
  const outDir = resolve(option("out", "docs/sheets"));
  const resolution = option("r", "80");
  mkdirSync(outDir, { recursive: true });
  const work = mkdtempSync(join(tmpdir(), "sheet-pictures-"));
  try {
    const known = matchUnit(unitName, TAM_DUONG_UNITS);
    const full = buildUnitWorkbook({
      unitName,
      place: defaultPlace({ name: unitName }),
      level: known?.level ?? "co-so",
      superior: known?.superior ?? DEFAULT_SUPERIOR,
      format: headerFormatOf(known ?? { name: unitName }),
      created: "2021-06-10",
    });
    // One workbook per table so each PDF starts with that table's first page; "Chỉ tiêu" keeps
    // "Mục tiêu" after it, where its Mục tiêu column takes the targets from.
    for (const [sheetName, picture] of [
      ["Văn bản", "van-ban"],
      ["Chỉ tiêu", "chi-tieu"],
      [TARGETS_SHEET_NAME, "muc-tieu"],
    ] as const) {
      const wanted = sheetName === "Chỉ tiêu" ? [sheetName, TARGETS_SHEET_NAME] : [sheetName];
      const layout: WorkbookLayout = { sheets: wanted.map((name) => full.sheets.find((s) => s.name === name)!) };
      const xlsx = join(work, `${picture}.xlsx`);
      writeFileSync(xlsx, await writeWorkbookXlsx(layout));
      const pdf = pdfOf(xlsx, work);
      execFileSync("pdftoppm", ["-png", "-r", resolution, "-f", "1", "-l", "1", "-singlefile", pdf, join(work, picture)]);
      copyFileSync(join(work, `${picture}.png`), join(outDir, `${picture}.png`));
      process.stdout.write(`${join(outDir, `${picture}.png`)}\n`);
    }
  } finally {
    if (process.env.KEEP_WORK === "1") process.stdout.write(`work files kept in ${work}: ${readdirSync(work).join(", ")}\n`);
    else rmSync(work, { recursive: true, force: true });
  }
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
  process.exitCode = 1;
});
