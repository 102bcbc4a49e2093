/** merge --json: a unit's corrected file lists what differs from the version it replaces (`changes`). */
import { mkdtempSync, rmSync, utimesSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { main } from "../../src/cli/main";
import { TAM_DUONG_UNITS } from "../../src/domain/units";
import { writeUnitTemplate } from "../../src/io/write";
import { capture } from "../support/cli";
import { fillTemplate } from "../support/fill";

interface JsonChanges {
  replaces: string;
  figures: { id: string; column: string; from: number | null; to: number | null }[];
  documents_added: { code: string | null; date: string | null; summary: string | null }[];
  documents_removed: unknown[];
  text: string;
}

describe("de-an-241 merge: versions", () => {
  let dir = "";
  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), "merge-versions-"));
    const unit = TAM_DUONG_UNITS[0]!;
    const template = await writeUnitTemplate(unit, { created: "2021-05-01" });
    const first = await fillTemplate(template, { indicators: { "1.3": [7600, 7500] }, dateLine: "Bản Bo, ngày 10 tháng 6 năm 2021" });
    const second = await fillTemplate(template, {
      indicators: { "1.3": [7685, 7660] },
      documents: [{ code: "12-KH/ĐU", date: new Date(Date.UTC(2018, 2, 5)), summary: "Kế hoạch thực hiện Đề án 241", issuer: unit.name }],
      dateLine: "Bản Bo, ngày 20 tháng 6 năm 2021",
    });
    writeFileSync(join(dir, "ban-bo-lan-1.xlsx"), first);
    writeFileSync(join(dir, "ban-bo-lan-2.xlsx"), second);
    utimesSync(join(dir, "ban-bo-lan-1.xlsx"), new Date("2021-06-10"), new Date("2021-06-10"));
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it("lists the figures and documents that differ on the file that replaced the other", async () => {
    const c = capture(dir);
    expect(await main(["merge", "ban-bo-lan-1.xlsx", "ban-bo-lan-2.xlsx", "--out", "tong-hop.xlsx", "--json", "-"], c.io)).toBe(0);
    const json = JSON.parse(c.out()) as { files: { file: string; status: string; changes: JsonChanges[] }[] };
    const [older, newer] = json.files;
    expect(older).toMatchObject({ file: "ban-bo-lan-1.xlsx", status: "superseded", changes: [] });
    expect(newer!.status).toBe("merged");
    expect(newer!.changes).toHaveLength(1);
    const change = newer!.changes[0]!;
    expect(change.replaces).toBe("ban-bo-lan-1.xlsx");
    expect(change.figures).toEqual([
      { id: "1.3", column: "total", from: 7600, to: 7685 },
      { id: "1.3", column: "achieved", from: 7500, to: 7660 },
    ]);
    expect(change.documents_added.map((d) => d.code)).toEqual(["12-KH/ĐU"]);
    expect(change.documents_removed).toEqual([]);
    expect(change.text).toBe("1.3 Tổng số: 7.600 → 7.685; 1.3 Số đã đạt: 7.500 → 7.660; văn bản mới: 12-KH/ĐU (05/3/2018)");
  });
});
