/**
 * What `merge` prints and takes: the rate with a decimal comma, as every other
 * Vietnamese number ("(33,33%)", not "(33.33%)"), and the deadline typed
 * as "YYYY-MM-DD" or as day/month/year ("25/6/2021").
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import * as XLSX from "@e965/xlsx";
import { main } from "../../src/cli/main";
import { buildUnitWorkbook } from "../../src/domain/sheets";
import { SUMMARY_SHEETS } from "../../src/domain/sheets/summary";
import { writeWorkbookXlsx } from "../../src/io/write";
import { capture } from "../support/cli";
import { fillTemplate } from "../support/fill";

describe("merge prints and takes dates and numbers the Vietnamese way", () => {
  const dir = mkdtempSync(join(tmpdir(), "merge-print-"));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  beforeAll(async () => {
    const template = await writeWorkbookXlsx(buildUnitWorkbook({ unitName: "Đảng ủy xã Bản Bo", place: "Bản Bo", level: "co-so", created: "2021-05-01" }));
    writeFileSync(join(dir, "ban-bo.xlsx"), await fillTemplate(template, { indicators: { "1.1": [10, 9] }, dateLine: "Bản Bo, ngày 20 tháng 6 năm 2021" }));
    writeFileSync(join(dir, "don-vi.csv"), "Tên đơn vị\nĐảng ủy xã Bản Bo\nĐảng ủy xã Bình Lư\nĐảng ủy xã Hồ Thầu\n");
  });

  const status = (file: string): unknown[][] => {
    const wb = XLSX.read(readFileSync(join(dir, file)), { type: "buffer" });
    return XLSX.utils.sheet_to_json<unknown[]>(wb.Sheets[SUMMARY_SHEETS.status]!, { header: 1 });
  };

  it("prints the rate of units received with a decimal comma", async () => {
    const c = capture(dir);
    expect(await main(["merge", "ban-bo.xlsx", "--units", "don-vi.csv", "--out", "a.xlsx", "--json", "a.json"], c.io)).toBe(0);
    expect(c.out()).toContain("Đã nhận 1/3 đơn vị (33,33%)");
    expect(c.out()).not.toContain("33.33");
    // The JSON keeps its number.
    expect((JSON.parse(readFileSync(join(dir, "a.json"), "utf8")) as { units: { rate: number } }).units.rate).toBeCloseTo(33.33, 2);
  }, 60_000);

  it("takes the deadline as day/month/year too: a report of 20/6 is late for 15/6/2021 and on time for 25/6/2021", async () => {
    expect(await main(["merge", "ban-bo.xlsx", "--units", "don-vi.csv", "--deadline", "15/6/2021", "--out", "muon.xlsx"], capture(dir).io)).toBe(0);
    expect(status("muon.xlsx").find((row) => row.includes("Đảng ủy xã Bản Bo"))).toContain("Muộn");
    expect(await main(["merge", "ban-bo.xlsx", "--units", "don-vi.csv", "--deadline", "25/6/2021", "--out", "dung.xlsx"], capture(dir).io)).toBe(0);
    expect(status("dung.xlsx").find((row) => row.includes("Đảng ủy xã Bản Bo"))).toContain("Đúng hạn");

    const bad = capture(dir);
    expect(await main(["merge", "ban-bo.xlsx", "--deadline", "31/2/2021", "--out", "x.xlsx"], bad.io)).toBe(2);
    expect(bad.err()).toContain("--deadline");
  }, 60_000);
});
