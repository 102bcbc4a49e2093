/**
 * Files typed with the legacy Vietnamese fonts, made as offices make them (the
 * official template's texts in TCVN3 or VNI, saved as .xls and .ods by
 * LibreOffice: test/fixtures/legacy/make.ts), read by `validate` and `merge`,
 * and converted on their own by `convert`.
 */
import { mkdirSync, mkdtempSync, readFileSync, rmSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { main } from "../../src/cli/main";
import { INDICATORS } from "../../src/domain/catalogue";
import { makeLegacyFiles } from "../fixtures/legacy/make";
import { GOOD_FIGURES } from "../fixtures/official";
import { capture } from "../support/cli";
import { SOFFICE } from "../support/programs";

interface JsonFile {
  file: string;
  unit: string | null;
  date: string | null;
  issues: { severity: string; rule: string; sheet: string | null; cell: string | null; message: string }[];
  indicators: { id: string; total: number | null; achieved: number | null }[];
  documents: { code: string | null; summary: string | null }[];
}

const encodingOf = (file: string): "TCVN3" | "VNI" => (file.startsWith("tcvn3") ? "TCVN3" : "VNI");

describe("legacy fonts through the CLI", () => {
  const dir = mkdtempSync(join(tmpdir(), "legacy-"));
  let files: string[] = [];

  beforeAll(async () => {
    files = await makeLegacyFiles(join(dir, "in"));
  }, 240_000);
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it("makes each encoding in every format LibreOffice saves", () => {
    expect(files).toEqual(SOFFICE ? ["tcvn3.xlsx", "tcvn3.xls", "tcvn3.ods", "vni.xlsx", "vni.xls", "vni.ods"] : ["tcvn3.xlsx", "vni.xlsx"]);
  });

  it("validate: the unit, every figure and the documents are read, and the warning names the encoding and a cell", async () => {
    const c = capture(join(dir, "in"));
    expect(await main(["validate", ...files, "--json"], c.io)).toBe(0);
    const read = (JSON.parse(c.out()) as { files: JsonFile[] }).files;
    expect(read.map((f) => f.file)).toEqual(files);
    for (const f of read) {
      const encoding = encodingOf(f.file);
      expect([f.file, f.unit?.toUpperCase()]).toEqual([f.file, "ĐẢNG ỦY XÃ BẢN GIANG"]);
      expect([f.file, f.date]).toEqual([f.file, "2021-06-05"]);
      expect(f.indicators.map((i) => i.id)).toEqual(INDICATORS.map((i) => i.id));
      for (const [id, figures] of Object.entries(GOOD_FIGURES)) {
        expect([f.file, f.indicators.find((i) => i.id === id)]).toEqual([f.file, expect.objectContaining({ total: figures.total, achieved: figures.achieved })]);
      }
      expect(f.documents.map((d) => d.code)).toEqual(["15-NQ/ĐU", "22-KH/ĐU", "27/KH-UBND"]);
      expect(f.documents[2]!.summary).toBe("Kế hoạch tuyên truyền năm 2018");
      expect(f.issues.map((i) => [i.rule, i.severity, i.sheet, i.cell])).toEqual([["legacy-encoding", "warning", "Văn bản", "A1"]]);
      expect(f.issues[0]!.message).toContain(encoding === "TCVN3" ? "(TCVN3/ABC, ví dụ .VnTime)" : "(VNI, ví dụ VNI-Times)");
      expect(f.issues[0]!.message).toContain(encoding === "TCVN3" ? "“®¶ng bé huyÖn tam ®­êng”" : "“ÑAÛNG BOÄ HUYEÄN TAM ÑÖÔØNG”");
    }
  });

  it("merge: every file's unit is recognised and its figures summed once", async () => {
    const out = join(dir, "merge");
    mkdirSync(out, { recursive: true });
    const c = capture();
    expect(await main(["merge", join(dir, "in"), "--out", join(out, "tong-hop.xlsx"), "--json", join(out, "tong-hop.json"), "--date", "2021-07-01"], c.io)).toBe(0);
    const json = JSON.parse(readFileSync(join(out, "tong-hop.json"), "utf8")) as {
      files: { file: string; unit: string | null; status: string; issues: { rule: string; message: string }[] }[];
      units: { received: string[] };
      indicators: { id: string; total: number | null; achieved: number | null }[];
      documents: unknown[];
    };
    expect(json.files.map((f) => f.file).sort()).toEqual([...files].sort());
    for (const f of json.files) {
      expect([f.file, f.unit, f.status === "rejected"]).toEqual([f.file, "Đảng ủy xã Bản Giang", false]);
      expect(f.issues.map((i) => i.rule)).toEqual(["legacy-encoding"]);
      expect(f.issues[0]!.message).toContain(encodingOf(f.file) === "TCVN3" ? "TCVN3/ABC" : "VNI");
    }
    expect(json.files.filter((f) => f.status === "merged")).toHaveLength(1);
    expect(json.units.received).toEqual(["Đảng ủy xã Bản Giang"]);
    for (const [id, figures] of Object.entries(GOOD_FIGURES)) {
      expect(json.indicators.find((i) => i.id === id)).toMatchObject({ total: figures.total, achieved: figures.achieved });
    }
    expect(json.documents).toHaveLength(3);
  }, 120_000);

  it("convert: writes the text in Unicode, says how many cells per encoding, and the result reads without the warning", async () => {
    const out = join(dir, "convert");
    mkdirSync(out, { recursive: true });
    for (const file of files) {
      const target = join(out, `${file}.xlsx`);
      const c = capture(join(dir, "in"));
      expect(await main(["convert", file, "--out", target], c.io)).toBe(0);
      const encoding = encodingOf(file);
      expect(c.out()).toMatch(encoding === "TCVN3" ? /TCVN3 \(ABC\) [1-9]\d+, VNI 0\./ : /TCVN3 \(ABC\) 0, VNI [1-9]\d+\./);
      expect(c.out()).toContain("trang: Văn bản, Chỉ tiêu");
      const v = capture(out);
      expect(await main(["validate", `${file}.xlsx`, "--json"], v.io)).toBe(0);
      const f = (JSON.parse(v.out()) as { files: JsonFile[] }).files[0]!;
      expect([file, f.issues]).toEqual([file, []]);
      expect(f.unit?.toUpperCase()).toBe("ĐẢNG ỦY XÃ BẢN GIANG");
      expect(f.indicators.find((i) => i.id === "1.2")).toMatchObject({ total: 1219, achieved: 1183 });
      expect(f.documents[0]!.summary).toBe("Nghị quyết về nâng cao chất lượng công tác tư tưởng");
    }
  }, 120_000);

  it("convert --json gives the counts and the first cell", async () => {
    const c = capture(join(dir, "in"));
    expect(await main(["convert", "vni.xlsx", "--out", join(dir, "vni-unicode.xlsx"), "--json"], c.io)).toBe(0);
    const json = JSON.parse(c.out()) as { cells: Record<string, number>; found: Record<string, string>; sheets: string[] };
    expect(json.cells.TCVN3).toBe(0);
    expect(json.cells.VNI).toBeGreaterThan(40);
    expect(json.found).toEqual({ encoding: "VNI", sheet: "Văn bản", cell: "A1", sample: "ÑAÛNG BOÄ HUYEÄN TAM ÑÖÔØNG", converted: "ĐẢNG BỘ HUYỆN TAM ĐƯỜNG" });
    expect(json.sheets).toEqual(["Văn bản", "Chỉ tiêu"]);
  });

  it("convert refuses to write over the file it reads, and a file that is not .xlsx", async () => {
    const input = join(dir, "in", "tcvn3.xlsx");
    const before = statSync(input).mtimeMs;
    const same = capture(join(dir, "in"));
    expect(await main(["convert", "tcvn3.xlsx", "--out", "./tcvn3.xlsx"], same.io)).toBe(2);
    expect(same.err()).toContain("--out không được trùng tệp đọc vào");
    expect(statSync(input).mtimeMs).toBe(before);
    const xls = capture(join(dir, "in"));
    expect(await main(["convert", "tcvn3.xlsx", "--out", "x.xls"], xls.io)).toBe(2);
    const missing = capture(join(dir, "in"));
    expect(await main(["convert", "khong-co.xls", "--out", "x.xlsx"], missing.io)).toBe(2);
    expect(missing.err()).toContain("không tìm thấy tệp");
  });
});
