/**
 * The committed sample workbooks (assets/samples) are what scripts/make-samples.ts
 * makes: the same files, read back to the same figures, dates and units.
 */
import { mkdtempSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { SAMPLE_FILES } from "../../src/app/sample";
import { checkUnitWorkbook } from "../../src/domain/check";
import { readWorkbookFile } from "../../src/io/read";
import { makeSamples } from "../../scripts/make-samples";
import { REPO } from "../support/build";
import { PYTHON_OPENPYXL, readWithOpenpyxl } from "../support/programs";

const read = (path: string, name: string) => {
  const { report: r, targets } = checkUnitWorkbook(readWorkbookFile(new Uint8Array(readFileSync(path)), name), name);
  return {
    unit: r.unit.name,
    date: r.reportDate,
    indicators: r.indicators,
    documents: r.documents.map((d) => d.codeText),
    rules: r.issues.map((i) => i.rule),
    targets: targets.changed,
  };
};

describe("sample workbooks", () => {
  let fresh: string;
  beforeAll(async () => {
    fresh = mkdtempSync(join(tmpdir(), "de-an-241-samples-"));
    await makeSamples(fresh);
  }, 60_000);
  afterAll(() => rmSync(fresh, { recursive: true, force: true }));

  it("are exactly the files src/app/sample.ts lists", () => {
    expect(readdirSync(join(REPO, "assets/samples")).sort()).toEqual([...SAMPLE_FILES].sort());
  });

  it.each(SAMPLE_FILES.map((name) => [name]))("%s matches what the script makes", (name) => {
    expect(read(join(REPO, "assets/samples", name), name)).toEqual(read(join(fresh, name), name));
  });

  // Shipped files the tool wrote: they open in a strict reader as every file it writes does (not
  // only read back the same by this project's own reader).
  const strict = PYTHON_OPENPYXL ? it.each : it.skip.each;
  strict(SAMPLE_FILES.map((name) => [name]))("%s opens in openpyxl without a warning", (name) => {
    const sheets = readWithOpenpyxl(join(REPO, "assets/samples", name));
    expect(sheets.map((s) => s.name)).toContain("Chỉ tiêu");
  });

  it("include one late report, one with Số đã đạt > Tổng số, a unit that sent two versions, and one with its own target", () => {
    const reports = SAMPLE_FILES.map((name) => read(join(REPO, "assets/samples", name), name));
    expect(reports.filter((r) => r.date !== null && r.date > "2021-06-25")).toHaveLength(1);
    expect(reports.filter((r) => r.rules.includes("achieved-exceeds-total"))).toHaveLength(1);
    const units = reports.map((r) => r.unit);
    expect(units.length - new Set(units).size).toBe(1);
    expect(reports.filter((r) => r.targets.length > 0).map((r) => [r.unit, r.targets])).toEqual([
      ["Đảng ủy xã Bản Bo", [{ id: "4.1", target: { op: ">=", value: 90 }, official: { op: ">=", value: 85 } }]],
    ]);
  });
});
