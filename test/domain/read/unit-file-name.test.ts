/**
 * A unit whose file names it only by its file name (the header block's unit line cleared, the identity
 * sheet deleted, in LibreOffice, saved as .xls) sends a corrected version under a name that says so:
 * "Tả Lèng (sửa).xls", "Tả Lèng - bản sửa lần 2.xls", "BC 241 Tả Lèng ngày 20.6.2021.xls". Each is the
 * same unit's: the corrected one replaces the first, and its figures are counted once. The words were
 * read as part of the unit's name, so the corrected file was merged as an unlisted unit beside the first
 * and the unit's figures were summed twice.
 */
import { createHash } from "node:crypto";
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { mergeReports, type MergeSource } from "../../../src/domain/merge";
import { readUnitReport, unitFromFileName } from "../../../src/domain/read";
import { buildUnitWorkbook } from "../../../src/domain/sheets";
import { TAM_DUONG_UNITS } from "../../../src/domain/units";
import { readWorkbook } from "../../../src/io/read";
import { writeWorkbookXlsx } from "../../../src/io/write";
import { fillTemplate } from "../../support/fill";
import { editWithLibreOffice, type LibreOfficeEdit } from "../../support/libreoffice-edit";
import { SOFFICE } from "../../support/programs";

const withOffice = SOFFICE ? describe : describe.skip;

/** The unit's line of the header block cleared on both sheets, and the identity sheet (the fourth) deleted. */
const NAMELESS: LibreOfficeEdit[] = [
  { op: "text", sheet: 0, cell: "A2", text: "" },
  { op: "text", sheet: 1, cell: "A2", text: "" },
  { op: "removeSheet", sheet: 3 },
];

withOffice("a corrected file named as such, the unit named only by the file name", () => {
  const dir = mkdtempSync(join(tmpdir(), "unit-file-name-"));
  const made = new Map<string, string>();

  beforeAll(async () => {
    const template = await writeWorkbookXlsx(buildUnitWorkbook({ unitName: "Đảng ủy xã Tả Lèng", place: "Tả Lèng", level: "co-so", created: "2021-05-01" }));
    const versions = [
      ["Tả Lèng.xls", 40, "ngày 05 tháng 6 năm 2021"],
      ["Tả Lèng (sửa).xls", 45, "ngày 12 tháng 6 năm 2021"],
      ["Tả Lèng - bản sửa lần 2.xls", 46, "ngày 15 tháng 6 năm 2021"],
      ["BC 241 Tả Lèng ngày 20.6.2021.xls", 47, "ngày 20 tháng 6 năm 2021"],
    ] as const;
    for (const [name, total, day] of versions) {
      const filled = join(dir, `${total}.xlsx`);
      writeFileSync(filled, await fillTemplate(template, { indicators: { "1.1": [total, total] }, dateLine: `Tả Lèng, ${day}` }));
      made.set(name, editWithLibreOffice(filled, join(dir, name), "xls", NAMELESS));
    }
  }, 600_000);

  const source = (name: string): MergeSource => {
    const bytes = readFileSync(made.get(name)!);
    return { file: name, sha256: createHash("sha256").update(bytes).digest("hex"), report: readUnitReport(readWorkbook(new Uint8Array(bytes), name), name) };
  };

  const TOTALS: Record<string, number> = { "Tả Lèng (sửa).xls": 45, "Tả Lèng - bản sửa lần 2.xls": 46, "BC 241 Tả Lèng ngày 20.6.2021.xls": 47 };

  it.each(["Tả Lèng (sửa).xls", "Tả Lèng - bản sửa lần 2.xls", "BC 241 Tả Lèng ngày 20.6.2021.xls"])("%p is Tả Lèng's, and replaces its first file", (name) => {
    expect(unitFromFileName(name)).toBe("Tả Lèng");
    const summary = mergeReports([source("Tả Lèng.xls"), source(name)], { units: TAM_DUONG_UNITS });
    expect(summary.files.map((f) => [f.file, f.unit, f.onList, f.status])).toEqual([
      ["Tả Lèng.xls", "Đảng ủy xã Tả Lèng", true, "superseded"],
      [name, "Đảng ủy xã Tả Lèng", true, "merged"],
    ]);
    expect(summary.unlisted).toEqual([]);
    const total = TOTALS[name];
    expect(summary.indicators.find((i) => i.id === "1.1")).toMatchObject({ total, achieved: total });
  });

  it("all four together: one unit, the latest counted once", () => {
    const summary = mergeReports([...made.keys()].map(source), { units: TAM_DUONG_UNITS });
    expect(summary.files.filter((f) => f.status === "merged").map((f) => f.file)).toEqual(["BC 241 Tả Lèng ngày 20.6.2021.xls"]);
    expect(summary.indicators.find((i) => i.id === "1.1")).toMatchObject({ total: 47, achieved: 47 });
    expect(summary.received).toEqual(["Đảng ủy xã Tả Lèng"]);
  });
});
