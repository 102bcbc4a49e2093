import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import * as XLSX from "@e965/xlsx";
import { zipSync } from "fflate";
import { main } from "../../src/cli/main";
import { buildUnitWorkbook } from "../../src/domain/sheets";
import { SUMMARY_SHEETS } from "../../src/domain/sheets/summary";
import { readUnitReport } from "../../src/domain/read";
import { TAM_DUONG_UNITS } from "../../src/domain/units";
import { readWorkbookFile } from "../../src/io/read";
import { writeWorkbookXlsx } from "../../src/io/write";
import { fillTemplate, type Fill } from "../support/fill";
import { capture } from "../support/cli";

async function unitFile(unitName: string, fill: Fill): Promise<Uint8Array> {
  const template = await writeWorkbookXlsx(buildUnitWorkbook({ unitName, place: "Tam Đường", level: "co-so", created: "2021-05-01" }));
  return fillTemplate(template, fill);
}

const SHARED_DOC = { code: "Số 241-ĐA/TU", date: new Date(Date.UTC(2016, 8, 30)), summary: "Đề án nâng cao hiệu quả, chất lượng công tác tư tưởng", issuer: "Tỉnh ủy Lai Châu" };
const FORMULA_TEXT = '=HYPERLINK("http://example.invalid","bấm vào đây")';

interface MergeJson {
  files: Array<{ file: string; unit: string | null; status: string; reason: string | null; date: string | null; issues: Array<{ rule: string; message: string }> }>;
  units: { expected: string[]; received: string[]; missing: string[]; unlisted: string[]; rate: number };
  indicators: Array<{ id: string; total: number | null; achieved: number | null; ratio: number | null; met: boolean | null; reported_by: number }>;
  documents: Array<{ unit: string; units: string[]; code: string; date: string; summary: string; issuer: string }>;
  rejected_values: Array<{ unit: string; file: string; cell: string; indicator: string; rule: string }>;
}

describe("de-an-241 merge", () => {
  const dir = mkdtempSync(join(tmpdir(), "merge-"));
  let json: MergeJson;
  let code: number;
  let summaryBytes: Uint8Array;

  beforeAll(async () => {
    const files: Record<string, Uint8Array> = {
      "Ban Bo.xlsx": await unitFile("Đảng ủy xã Bản Bo", {
        indicators: { "1.1": [100, 95], "1.2": [200, 200], "5": [1, 1] },
        documents: [
          { code: "Số 15-KH/ĐU", date: new Date(Date.UTC(2017, 2, 10)), summary: "Kế hoạch thực hiện Đề án 241", issuer: "Đảng ủy xã Bản Bo" },
          SHARED_DOC,
        ],
        dateLine: "Bản Bo, ngày 20 tháng 6 năm 2021",
      }),
      "Ban Giang - ban dau.xlsx": await unitFile("Đảng ủy xã Bản Giang", {
        indicators: { "1.1": [50, 10] },
        dateLine: "Bản Giang, ngày 10 tháng 6 năm 2021",
      }),
      "Ban Giang - sua lai.xlsx": await unitFile("Đảng ủy xã Bản Giang", {
        indicators: { "1.1": [50, 50] },
        documents: [SHARED_DOC],
        dateLine: "Bản Giang, ngày 22 tháng 6 năm 2021",
      }),
      "Binh Lu.xlsx": await unitFile("Đảng ủy xã Bình Lư", {
        indicators: { "1.1": ["30", " 30 "], "1.2": [100, 120] },
        documents: [{ code: "20-NQ/ĐU", date: new Date(Date.UTC(2018, 0, 5)), summary: FORMULA_TEXT, issuer: "Đảng ủy xã Bình Lư" }],
        dateLine: "Bình Lư, ngày 30 tháng 6 năm 2021",
      }),
      "Truong THCS.xlsx": await unitFile("Chi bộ Trường THCS Thị trấn", {
        indicators: { "1.1": [20, 20] },
        dateLine: "Tam Đường, ngày 15 tháng 6 năm 2021",
      }),
      "hong.xlsx": new Uint8Array([0x50, 0x4b, 0x03, 0x04, 1, 2, 3, 4, 5, 6, 7, 8, 9]),
      "bom.xlsx": zipSync({ "xl/workbook.xml": new Uint8Array(260 * 1024 * 1024) }, { level: 1 }),
      "mat-khau.xlsx": (() => {
        const cfb = XLSX.CFB.utils.cfb_new();
        XLSX.CFB.utils.cfb_add(cfb, "EncryptionInfo", new Uint8Array(64));
        XLSX.CFB.utils.cfb_add(cfb, "EncryptedPackage", new Uint8Array(512));
        return new Uint8Array(XLSX.CFB.write(cfb, { type: "array" }) as ArrayLike<number>);
      })(),
    };
    for (const [name, bytes] of Object.entries(files)) writeFileSync(join(dir, name), bytes);
    const c = capture();
    code = await main(["merge", dir, "--out", join(dir, "out.xlsx"), "--json", join(dir, "out.json"), "--date", "2021-07-01"], c.io);
    json = JSON.parse(readFileSync(join(dir, "out.json"), "utf8")) as MergeJson;
    summaryBytes = new Uint8Array(readFileSync(join(dir, "out.xlsx")));
  }, 120_000);

  it("writes the summary and exits 0 although some files were rejected", () => {
    expect(code).toBe(0);
    expect(summaryBytes.length).toBeGreaterThan(1000);
  });

  it("gives every file a status, and a reason saying the problem for each rejected one", () => {
    const status = Object.fromEntries(json.files.map((f) => [f.file, f.status]));
    expect(status).toEqual({
      "Ban Bo.xlsx": "merged",
      "Ban Giang - ban dau.xlsx": "superseded",
      "Ban Giang - sua lai.xlsx": "merged",
      "Binh Lu.xlsx": "merged",
      "Truong THCS.xlsx": "merged",
      "hong.xlsx": "rejected",
      "bom.xlsx": "rejected",
      "mat-khau.xlsx": "rejected",
    });
    const byName = new Map(json.files.map((f) => [f.file, f]));
    expect(byName.get("bom.xlsx")!.issues.map((i) => i.rule)).toEqual(["zip-bomb"]);
    expect(byName.get("mat-khau.xlsx")!.issues.map((i) => i.rule)).toEqual(["encrypted"]);
    expect(byName.get("hong.xlsx")!.issues.map((i) => i.rule)).toEqual(["corrupt"]);
    // The reason says the problem beside the file's name, without naming it again; the issue, read on its own, names it.
    for (const name of ["bom.xlsx", "mat-khau.xlsx", "hong.xlsx"]) {
      expect(byName.get(name)!.reason).toMatch(/^Không đọc được: /);
      expect(byName.get(name)!.reason).not.toContain(name);
      expect(byName.get(name)!.issues[0]!.message).toContain(name);
    }
    expect(byName.get("Ban Giang - ban dau.xlsx")!.reason).toContain("Ban Giang - sua lai.xlsx");
  });

  it("sums Tổng số and Số đã đạt over units, leaves out the superseded file and the values that fail validation", () => {
    const i11 = json.indicators.find((i) => i.id === "1.1")!;
    // Bản Bo 100/95, Bản Giang (later file) 50/50, Bình Lư "30"/" 30 " typed as text, the unlisted school 20/20.
    expect(i11).toMatchObject({ total: 200, achieved: 195, ratio: 97.5, met: false, reported_by: 4 });
    const i12 = json.indicators.find((i) => i.id === "1.2")!;
    // Bình Lư's 120 > 100 is an error: not summed.
    expect(i12).toMatchObject({ total: 200, achieved: 200, ratio: 100, met: true, reported_by: 1 });
    expect(json.indicators.find((i) => i.id === "5")).toMatchObject({ achieved: 1, met: true });
    expect(json.indicators.find((i) => i.id === "3.1")).toMatchObject({ total: null, achieved: null, ratio: null, met: null, reported_by: 0 });
    const rejected = json.rejected_values.filter((v) => v.indicator === "1.2");
    expect(rejected).toEqual([expect.objectContaining({ unit: "Đảng ủy xã Bình Lư", file: "Binh Lu.xlsx", rule: "achieved-exceeds-total" })]);
    expect(rejected[0]!.cell).toMatch(/^[DE]\d+$/);
  });

  it("knows who has sent, who has not, and who is not on the list", () => {
    expect(json.units.expected).toHaveLength(TAM_DUONG_UNITS.length);
    expect(json.units.received).toEqual(["Đảng ủy xã Bản Bo", "Đảng ủy xã Bản Giang", "Đảng ủy xã Bình Lư"]);
    expect(json.units.missing).toHaveLength(TAM_DUONG_UNITS.length - 3);
    expect(json.units.rate).toBeCloseTo((3 / TAM_DUONG_UNITS.length) * 100, 2);
    expect(json.units.unlisted).toEqual(["Truong THCS.xlsx"]);
  });

  it("lists each document once, with every unit that sent it, sorted by date", () => {
    const shared = json.documents.filter((d) => d.code === "Số 241-ĐA/TU");
    expect(shared).toHaveLength(1);
    expect(shared[0]!.units).toEqual(["Đảng ủy xã Bản Bo", "Đảng ủy xã Bản Giang"]);
    expect(json.documents.map((d) => d.date)).toEqual([...json.documents.map((d) => d.date)].sort());
    expect(json.documents[0]!.date).toBe("2016-09-30");
  });

  it("writes a summary workbook whose sheets hold the same figures, with file text as text", () => {
    const wb = XLSX.read(summaryBytes, { type: "array", cellFormula: true });
    for (const name of Object.values(SUMMARY_SHEETS)) expect(wb.SheetNames).toContain(name);
    const docs = XLSX.utils.sheet_to_json<unknown[]>(wb.Sheets[SUMMARY_SHEETS.documents]!, { header: 1 });
    expect(docs.some((row) => row.includes(FORMULA_TEXT))).toBe(true);
    const ws = wb.Sheets[SUMMARY_SHEETS.documents]!;
    const formulaCells = Object.keys(ws).filter((k) => !k.startsWith("!") && (ws[k] as XLSX.CellObject).f !== undefined);
    expect(formulaCells).toEqual([]);
    const status = XLSX.utils.sheet_to_json<unknown[]>(wb.Sheets[SUMMARY_SHEETS.status]!, { header: 1 });
    const binhLu = status.find((row) => row.includes("Đảng ủy xã Bình Lư"))!;
    expect(binhLu).toContain("Muộn");
    expect(status.find((row) => row.includes("Đảng ủy xã Bản Bo"))).toContain("Đúng hạn");
  });

  it("produces a summary that the same reader reads back with the summed figures (for the next level up)", () => {
    const report = readUnitReport(readWorkbookFile(summaryBytes, "out.xlsx"), "out.xlsx");
    expect(report.identity?.kind).toBe("summary");
    expect(report.indicators["1.1"]).toMatchObject({ total: 200, achieved: 195 });
    expect(report.indicators["1.2"]).toMatchObject({ total: 200, achieved: 200 });
  });
});
