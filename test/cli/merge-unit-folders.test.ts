/**
 * Every unit's reply saved in a folder named after the unit, every file called "bao-cao.xlsx",
 * the workbooks naming no unit (no identity sheet, the header's unit line left blank): packed in
 * one archive and merged, each file is its folder's unit, and none supersedes the other.
 */
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import ExcelJS from "exceljs";
import { zipSync } from "fflate";
import { main } from "../../src/cli/main";
import { IDENTITY_SHEET } from "../../src/domain/model/identity";
import { buildUnitWorkbook } from "../../src/domain/sheets";
import { foldText } from "../../src/domain/text";
import { writeWorkbookXlsx } from "../../src/io/write";
import { capture } from "../support/cli";
import { fillTemplate, type Fill } from "../support/fill";

/** Bản Bo's template filled in, then every trace of the unit taken out: the identity sheet, and each cell naming it. */
async function anonymousReport(fill: Fill): Promise<Uint8Array> {
  const template = await writeWorkbookXlsx(buildUnitWorkbook({ unitName: "Đảng ủy xã Bản Bo", place: "Bản Bo", level: "co-so", created: "2021-05-01" }));
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(Buffer.from(await fillTemplate(template, fill)) as unknown as ExcelJS.Buffer);
  wb.removeWorksheet(wb.getWorksheet(IDENTITY_SHEET)!.id);
  wb.eachSheet((ws) =>
    ws.eachRow((row) =>
      row.eachCell((cell) => {
        if (typeof cell.value === "string" && foldText(cell.value).includes("ban bo")) cell.value = "";
      }),
    ),
  );
  return new Uint8Array(await wb.xlsx.writeBuffer());
}

interface FileJson {
  file: string;
  unit: string | null;
  status: string;
  on_list: boolean;
  issues: { rule: string }[];
}

describe("merge: an archive of units' folders, every file of one name", () => {
  let code: number;
  let files: FileJson[];
  let received: string[];

  beforeAll(async () => {
    const dir = mkdtempSync(join(tmpdir(), "unit-folders-"));
    const first = await anonymousReport({ indicators: { "1.1": [10, 9] }, dateLine: "ngày 20 tháng 6 năm 2021" });
    const second = await anonymousReport({ indicators: { "1.1": [20, 18] }, dateLine: "ngày 21 tháng 6 năm 2021" });
    writeFileSync(join(dir, "goi.zip"), zipSync({ "Xã Bản Giang/bao-cao.xlsx": first, "Xã Nà Tăm/bao-cao.xlsx": second }));
    const c = capture();
    code = await main(["merge", join(dir, "goi.zip"), "--out", join(dir, "out.xlsx"), "--json", join(dir, "out.json"), "--date", "2021-07-01"], c.io);
    const json = JSON.parse(readFileSync(join(dir, "out.json"), "utf8")) as { files: FileJson[]; units: { received: string[] } };
    files = json.files;
    received = json.units.received;
  }, 120_000);

  it("places each file by its folder, both merged", () => {
    expect(code).toBe(0);
    expect(files.map((f) => [f.file, f.unit, f.status, f.on_list])).toEqual([
      ["goi.zip › Xã Bản Giang/bao-cao.xlsx", "Đảng ủy xã Bản Giang", "merged", true],
      ["goi.zip › Xã Nà Tăm/bao-cao.xlsx", "Đảng ủy xã Nà Tăm", "merged", true],
    ]);
    expect(received).toEqual(["Đảng ủy xã Bản Giang", "Đảng ủy xã Nà Tăm"]);
  });

  it("says the folder's name was matched loosely, as a file's name would be", () => {
    for (const f of files) expect(f.issues.map((i) => i.rule)).toContain("unit-matched-loosely");
  });
});
