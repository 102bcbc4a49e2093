/**
 * A unit's report saved by Gnumeric (ssconvert), another program units have: its CSV writes dates
 * year first ("2016/10/12") and holds the first sheet only, the documents; its .xls and .ods hold
 * both tables. Each document keeps its date (the CSV's dates were each an invalid date, an error).
 */
import { execFileSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { main } from "../../src/cli/main";
import { GOOD_FIGURES } from "../fixtures/official";
import { capture, type ValidateJson } from "../support/cli";
import { writeGoodUnit } from "../support/fill";
import { SSCONVERT } from "../support/programs";

const run = SSCONVERT ? it : it.skip;

describe("a report saved by Gnumeric", () => {
  const dir = mkdtempSync(join(tmpdir(), "gnumeric-"));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  run("validate reads its CSV's year-first dates, and its .xls and .ods as the workbook", async () => {
    const filled = await writeGoodUnit(dir);
    const saved = { csv: "Gnumeric_stf:stf_csv", xls: "Gnumeric_Excel:excel_biff8", ods: "Gnumeric_OpenCalc:openoffice" };
    for (const [ext, exporter] of Object.entries(saved)) {
      execFileSync(SSCONVERT!, ["-T", exporter, filled, join(dir, `ban-bo.${ext}`)], { stdio: "pipe", timeout: 60_000 });
    }
    // The CSV is Gnumeric's own: the documents sheet, its dates year first.
    const csv = readFileSync(join(dir, "ban-bo.csv"), "utf8");
    expect(csv).toContain("15-NQ/ĐU,2016/10/12,");

    const c = capture(dir);
    await main(["validate", "ban-bo.csv", "ban-bo.xls", "ban-bo.ods", "--json"], c.io);
    const [fromCsv, ...workbooks] = (JSON.parse(c.out()) as ValidateJson).files;
    const dated = [
      ["15-NQ/ĐU", "2016-10-12"],
      ["22-KH/ĐU", "2017-03-07"],
    ];
    expect(fromCsv!.documents.map((d) => [d.code, d.date])).toEqual(dated);
    expect(fromCsv!.issues.filter((i) => i.severity === "error")).toEqual([]);
    // Its one sheet holds no indicator table: said so, as for any CSV of the documents alone.
    expect(fromCsv!.issues.map((i) => i.rule)).toEqual(["indicators-table-missing"]);
    for (const book of workbooks) {
      expect([book.file, book.unit, book.date]).toEqual([book.file, "Đảng ủy xã Bản Bo", "2021-06-20"]);
      expect(book.documents.map((d) => [d.code, d.date])).toEqual(dated);
      for (const [id, f] of Object.entries(GOOD_FIGURES)) {
        const got = book.indicators.find((i) => i.id === id);
        expect([book.file, id, got?.total, got?.achieved]).toEqual([book.file, id, f.total, f.achieved]);
      }
      expect(book.issues).toEqual([]);
    }
  }, 240_000);
});
