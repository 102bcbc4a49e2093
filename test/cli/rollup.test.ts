/**
 * Roll-up: the summary a district's merge writes is read by the same merge at
 * the next level, so a province merging two district summaries gets the sums
 * of all their units.
 */
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { main } from "../../src/cli/main";
import { buildUnitWorkbook } from "../../src/domain/sheets";
import { writeWorkbookXlsx } from "../../src/io/write";
import { capture } from "../support/cli";
import { fillTemplate } from "../support/fill";

interface MergeJson {
  files: Array<{ file: string; unit: string | null; status: string; reason: string | null; issues: Array<{ rule: string; message: string }> }>;
  units: { received: string[]; missing: string[] };
  indicators: Array<{ id: string; total: number | null; achieved: number | null; reported_by: number }>;
}

async function unitFile(unitName: string, superior: string, total: number, achieved: number): Promise<Uint8Array> {
  const template = await writeWorkbookXlsx(buildUnitWorkbook({ unitName, superior, place: "Lai Châu", level: "co-so", created: "2021-05-01" }));
  return fillTemplate(template, { indicators: { "1.1": [total, achieved], "4.1": [total * 2, achieved] }, dateLine: "Lai Châu, ngày 10 tháng 6 năm 2021" });
}

describe("province roll-up of district summaries", () => {
  it("merges two district summaries into the sums of their units", async () => {
    const dir = mkdtempSync(join(tmpdir(), "rollup-"));
    const districts = [
      { name: "Huyện ủy Tam Đường", superior: "ĐẢNG BỘ HUYỆN TAM ĐƯỜNG", units: [["Đảng ủy xã Bản Bo", 100, 90], ["Đảng ủy xã Bình Lư", 50, 50]] },
      { name: "Huyện ủy Phong Thổ", superior: "ĐẢNG BỘ HUYỆN PHONG THỔ", units: [["Đảng ủy xã Dào San", 70, 60], ["Đảng ủy xã Mồ Sì San", 30, 20]] },
    ] as const;
    const summaries = join(dir, "tinh");
    mkdirSync(summaries);
    for (const [k, d] of districts.entries()) {
      const inbox = join(dir, `huyen-${k}`);
      mkdirSync(inbox);
      for (const [name, total, achieved] of d.units) writeFileSync(join(inbox, `${name}.xlsx`), await unitFile(name, d.superior, total, achieved));
      writeFileSync(join(inbox, "don-vi.csv"), d.units.map(([name]) => name).join("\n"));
      const c = capture(dir);
      const code = await main(
        ["merge", inbox, "--units", join(inbox, "don-vi.csv"), "--unit", d.name, "--superior", "ĐẢNG BỘ TỈNH LAI CHÂU", "--out", join(summaries, `tong-hop-${k}.xlsx`)],
        c.io,
      );
      expect(code).toBe(0);
    }
    writeFileSync(join(dir, "huyen.csv"), districts.map((d) => d.name).join("\n"));
    const c = capture(dir);
    const code = await main(["merge", summaries, "--units", join(dir, "huyen.csv"), "--out", join(dir, "tinh.xlsx"), "--json", join(dir, "tinh.json")], c.io);
    expect(code).toBe(0);
    const json = JSON.parse(readFileSync(join(dir, "tinh.json"), "utf8")) as MergeJson;
    expect(json.files.map((f) => [f.unit, f.status])).toEqual([
      ["Huyện ủy Tam Đường", "merged"],
      ["Huyện ủy Phong Thổ", "merged"],
    ]);
    expect(json.units.received).toEqual(["Huyện ủy Tam Đường", "Huyện ủy Phong Thổ"]);
    const i11 = json.indicators.find((i) => i.id === "1.1")!;
    expect(i11).toMatchObject({ total: 100 + 50 + 70 + 30, achieved: 90 + 50 + 60 + 20, reported_by: 2 });
    const i41 = json.indicators.find((i) => i.id === "4.1")!;
    expect(i41).toMatchObject({ total: 2 * (100 + 50 + 70 + 30), achieved: 90 + 50 + 60 + 20 });

    // A commune's own file beside its district's summary is counted once, through the summary.
    writeFileSync(join(summaries, "Ban Bo.xlsx"), readFileSync(join(dir, "huyen-0", "Đảng ủy xã Bản Bo.xlsx")));
    const again = capture(dir);
    expect(await main(["merge", summaries, "--units", join(dir, "huyen.csv"), "--out", join(dir, "tinh2.xlsx"), "--json", join(dir, "tinh2.json")], again.io)).toBe(0);
    const second = JSON.parse(readFileSync(join(dir, "tinh2.json"), "utf8")) as MergeJson;
    const commune = second.files.find((f) => f.file === "Ban Bo.xlsx")!;
    expect(commune.status).toBe("superseded");
    expect(commune.issues.map((i) => i.rule)).toContain("included-in-summary");
    expect(commune.reason).toContain("tong-hop-0.xlsx");
    expect(second.indicators.find((i) => i.id === "1.1")).toMatchObject({ total: 250, achieved: 220, reported_by: 2 });
  }, 120_000);
});
