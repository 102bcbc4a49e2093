/**
 * The one precedence of what a template says about its unit
 * (domain/sheets/options.ts), as every surface uses it: the pane's one
 * template, the .zip of a list, and the CLI's `template`.
 */
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import * as XLSX from "@e965/xlsx";
import { unzipSync } from "fflate";
import { fileUseCases } from "../../src/app/files";
import { templateOptions } from "../../src/app/templates";
import { main } from "../../src/cli/main";
import { IDENTITY_SHEET, parseIdentityRows } from "../../src/domain/model/identity";
import { TAM_DUONG_UNITS, unitFileName, type Unit } from "../../src/domain/units";
import { capture } from "../support/cli";

const CLOCK = { now: () => new Date(2021, 4, 3, 9) };

function identity(bytes: Uint8Array) {
  const wb = XLSX.read(bytes, { type: "array" });
  return parseIdentityRows(XLSX.utils.sheet_to_json<unknown[]>(wb.Sheets[IDENTITY_SHEET]!, { header: 1, defval: "" }));
}

describe("unit template options, one precedence for every surface", () => {
  it("a superior typed for one unit beats the built-in list's; blank fields come from the list", () => {
    expect(templateOptions({ unitName: "Phòng Nội vụ", superior: "ĐẢNG BỘ KHỐI X" }, CLOCK)).toMatchObject({
      unitName: "Phòng Nội vụ",
      superior: "ĐẢNG BỘ KHỐI X",
      unitCode: "PHONG-NOI-VU",
      format: "state",
      created: "2021-05-03",
    });
    expect(templateOptions({ unitName: "Phòng Nội vụ", superior: "  " }, CLOCK).superior).toBe("UBND HUYỆN TAM ĐƯỜNG");
    expect(templateOptions({ unitName: "Đảng ủy xã Bản Bo" }, CLOCK).superior).toBe("ĐẢNG BỘ HUYỆN TAM ĐƯỜNG");
  });

  it("the pane's one template: the typed superior is written", async () => {
    const files = fileUseCases({ clock: CLOCK });
    const bytes = await files.unitTemplate({ unitName: "Phòng Nội vụ", superior: "ĐẢNG BỘ KHỐI X" });
    expect(identity(bytes)).toMatchObject({ unitName: "Phòng Nội vụ", superior: "ĐẢNG BỘ KHỐI X" });
  });

  it("for a list, a state office keeps “UBND HUYỆN TAM ĐƯỜNG” while the others take the list-wide superior", async () => {
    const units: Unit[] = [
      TAM_DUONG_UNITS.find((u) => u.name === "Phòng Nội vụ")!,
      { name: "Đảng ủy xã Bản Bo", level: "co-so" },
      // Named by the list itself, without the built-in list's details: still the state office.
      { name: "Phòng Tài chính - Kế hoạch", level: "huyen" },
    ];
    const zip = unzipSync(await fileUseCases({ clock: CLOCK }).unitTemplatesZip(units, { superior: "ĐẢNG BỘ HUYỆN Y" }));
    const superiors = units.map((u) => identity(zip[unitFileName(u)]!)?.superior);
    expect(superiors).toEqual(["UBND HUYỆN TAM ĐƯỜNG", "ĐẢNG BỘ HUYỆN Y", "UBND HUYỆN TAM ĐƯỜNG"]);
    expect(identity(zip[unitFileName(units[1]!)]!)?.created).toBe("2021-05-03");
  });

  it("CLI: template --unit … --superior X writes X, also over the built-in list's; --units … --superior X as the .zip does", async () => {
    const dir = mkdtempSync(join(tmpdir(), "template-precedence-"));
    try {
      const c = capture(dir);
      expect(await main(["template", "--unit", "Phòng Nội vụ", "--superior", "ĐẢNG BỘ KHỐI X", "--out", "noi-vu.xlsx"], c.io)).toBe(0);
      expect(identity(new Uint8Array(readFileSync(join(dir, "noi-vu.xlsx"))))).toMatchObject({ superior: "ĐẢNG BỘ KHỐI X", unitCode: "PHONG-NOI-VU" });

      expect(await main(["template", "--units", "default", "--superior", "ĐẢNG BỘ HUYỆN Y", "--out", "all.zip"], capture(dir).io)).toBe(0);
      const zip = unzipSync(readFileSync(join(dir, "all.zip")));
      const noiVu = TAM_DUONG_UNITS.find((u) => u.name === "Phòng Nội vụ")!;
      const banBo = TAM_DUONG_UNITS.find((u) => u.name === "Đảng ủy xã Bản Bo")!;
      expect(identity(zip[unitFileName(noiVu)]!)?.superior).toBe("UBND HUYỆN TAM ĐƯỜNG");
      expect(identity(zip[unitFileName(banBo)]!)?.superior).toBe("ĐẢNG BỘ HUYỆN Y");
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
