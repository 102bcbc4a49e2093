/**
 * Web pages saved under their own name (.htm, .html) are inputs like the
 * workbooks: the folder walk takes them, the pane's pickers accept them, and
 * validate and merge read them with the HTML reader.
 */
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { main } from "../../src/cli/main";
import { expandInputs } from "../../src/hosts/node/files";
import { isWorkbookName, LIST_ACCEPT, WORKBOOK_ACCEPT, WORKBOOK_EXTENSIONS } from "../../src/io/read/formats";
import { excelWebPage, webSystemPage } from "../fixtures/html/make-html";
import { encodeWindows1258, reportRows } from "../fixtures/csv/make-csv";
import { capture } from "../support/cli";

describe("web pages named .htm / .html", () => {
  const dir = mkdtempSync(join(tmpdir(), "htm-"));
  const folder = join(dir, "bao-cao");
  beforeAll(() => {
    mkdirSync(folder);
    writeFileSync(join(folder, "Binh Lu.htm"), new TextEncoder().encode(excelWebPage(reportRows("ĐẢNG ỦY XÃ BÌNH LƯ"))));
    writeFileSync(join(folder, "Na Tam.HTML"), encodeWindows1258(webSystemPage(reportRows("ĐẢNG ỦY XÃ NÀ TĂM"))));
    writeFileSync(join(folder, "ghi-chu.txt"), "không phải báo cáo");
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it("are in the one list of accepted kinds, the pickers' accept and the folder walk", () => {
    expect(WORKBOOK_EXTENSIONS).toEqual(expect.arrayContaining([".htm", ".html"]));
    expect(isWorkbookName("Bao cao.HTM")).toBe(true);
    expect(isWorkbookName("trang.html")).toBe(true);
    for (const accept of [WORKBOOK_ACCEPT, LIST_ACCEPT]) expect(accept.split(",")).toEqual(expect.arrayContaining([".htm", ".html"]));
    const walked = expandInputs([folder], dir);
    expect(walked.files.map((f) => f.slice(folder.length + 1)).sort()).toEqual(["Binh Lu.htm", "Na Tam.HTML"]);
  });

  it("validate and merge read them: unit, figures and documents", async () => {
    const c = capture(folder);
    expect(await main(["validate", "Binh Lu.htm", "Na Tam.HTML", "--json"], c.io)).toBe(0);
    const files = (JSON.parse(c.out()) as { files: { unit: string; issues: unknown[]; indicators: { id: string; total: number | null; achieved: number | null }[] }[] }).files;
    expect(files.map((f) => f.unit)).toEqual(["ĐẢNG ỦY XÃ BÌNH LƯ", "ĐẢNG ỦY XÃ NÀ TĂM"]);
    for (const f of files) {
      expect(f.issues).toEqual([]);
      expect(f.indicators.find((i) => i.id === "1.2")).toMatchObject({ total: 1219, achieved: 1183 });
    }
    const m = capture(dir);
    expect(await main(["merge", "bao-cao", "--out", join(dir, "tong-hop.xlsx"), "--json", join(dir, "tong-hop.json")], m.io)).toBe(0);
    const json = JSON.parse(readFileSync(join(dir, "tong-hop.json"), "utf8")) as { files: { file: string; status: string }[]; indicators: { id: string; total: number }[] };
    expect(json.files.map((f) => [f.file, f.status]).sort()).toEqual([
      ["Binh Lu.htm", "merged"],
      ["Na Tam.HTML", "merged"],
    ]);
    expect(json.indicators.find((i) => i.id === "1.2")).toMatchObject({ total: 2 * 1219 });
  }, 120_000);
});
