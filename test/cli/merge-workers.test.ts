/**
 * `de-an-241 merge` reading with one worker thread and with several gives the same outputs: the
 * JSON byte for byte, the summary workbook's cells, and the progress lines, one a file, in the
 * files' order. The folder holds enough files for several workers, broken ones, a second version
 * of a unit and an archive (whose entries carry their origin).
 */
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import * as XLSX from "@e965/xlsx";
import { zipSync } from "fflate";
import { main } from "../../src/cli/main";
import { buildUnitWorkbook } from "../../src/domain/sheets";
import { TAM_DUONG_UNITS } from "../../src/domain/units";
import { writeWorkbookXlsx } from "../../src/io/write";
import { fillTemplate } from "../support/fill";
import { capture } from "../support/cli";

describe("de-an-241 merge with several read workers", () => {
  const dir = mkdtempSync(join(tmpdir(), "merge-workers-"));
  const outDir = mkdtempSync(join(tmpdir(), "merge-workers-out-"));
  const names: string[] = [];
  const runs: { workers: number; code: number; json: string; cells: unknown; progress: string[] }[] = [];

  beforeAll(async () => {
    const units = TAM_DUONG_UNITS.filter((u) => u.level === "co-so").slice(0, 14);
    const put = (name: string, bytes: Uint8Array) => {
      writeFileSync(join(dir, name), bytes);
      names.push(name);
    };
    for (const [i, unit] of units.entries()) {
      const template = await writeWorkbookXlsx(buildUnitWorkbook({ unitName: unit.name, place: "Tam Đường", level: "co-so", created: "2021-05-01" }));
      const filled = await fillTemplate(template, {
        indicators: { "1.1": [100 + i, 90 + (i % 7)], "1.2": [i % 3 === 0 ? "chưa có" : 20 + i, 10 + i] },
        dateLine: `Tam Đường, ngày ${10 + i} tháng 6 năm 2021`,
      });
      put(`${String(i).padStart(2, "0")} ${unit.name}.xlsx`, filled);
      // Each unit sends a few copies (the later ones supersede the earlier).
      for (let v = 1; v <= 72; v++) put(`${String(i).padStart(2, "0")} ${unit.name} - lần ${String(v).padStart(2, "0")}.xlsx`, filled);
    }
    put("hong.xlsx", new Uint8Array([0x50, 0x4b, 0x03, 0x04, 1, 2, 3, 4, 5, 6, 7, 8, 9]));
    put("rac.xlsx", new Uint8Array(100).fill(7));
    put("nop qua zip.zip", zipSync({ "Bản Bo/bao-cao.xlsx": readFileSync(join(dir, names[0]!)), "Bản Bo/ghi-chu.txt": new TextEncoder().encode("x") }));
    for (const workers of [1, 3]) {
      const c = capture();
      const out = join(outDir, `out-${workers}.xlsx`);
      const json = join(outDir, `out-${workers}.json`);
      const code = await main(["merge", dir, "--out", out, "--json", json, "--date", "2021-07-01"], { ...c.io, readWorkers: workers });
      const wb = XLSX.read(readFileSync(out), { type: "buffer" });
      runs.push({
        workers,
        code,
        json: readFileSync(json, "utf8"),
        cells: wb.SheetNames.map((n) => [n, XLSX.utils.sheet_to_json(wb.Sheets[n]!, { header: 1, raw: true })]),
        progress: c.err().split("\n").filter((l) => l.startsWith("[")),
      });
    }
  }, 240_000);

  it("merges the folder both ways", () => {
    expect(runs.map((r) => r.code)).toEqual([0, 0]);
    const parsed = JSON.parse(runs[1]!.json) as { files: { file: string; status: string }[] };
    expect(parsed.files.length).toBeGreaterThanOrEqual(1025);
    expect(parsed.files.filter((f) => f.status === "merged").length).toBeGreaterThan(0);
    expect(parsed.files.filter((f) => f.status === "rejected").map((f) => f.file)).toEqual(expect.arrayContaining(["hong.xlsx", "rac.xlsx"]));
    expect(runs[1]!.json).toContain('"container": "nop qua zip.zip"');
  });

  it("writes the same JSON, byte for byte, and the same summary cells with several workers", () => {
    expect(runs[1]!.json).toBe(runs[0]!.json);
    expect(runs[1]!.cells).toEqual(runs[0]!.cells);
  });

  it("prints the same progress, one line a file in the files' order", () => {
    expect(runs[1]!.progress).toEqual(runs[0]!.progress);
    const total = runs[0]!.progress.length;
    expect(total).toBeGreaterThanOrEqual(1025);
    expect(runs[0]!.progress.map((l) => l.slice(0, l.indexOf("]") + 1))).toEqual(Array.from({ length: total }, (_, i) => `[${i + 1}/${total}]`));
  });
});
