/**
 * `validate` and `merge` on the files units send besides workbooks: CSV saved
 * by Excel in a vi-VN locale (UTF-8 with ";", Windows-1258) and web pages named
 * .xls (Excel's "Save as Web Page", a web system's Windows-1258 export); and a
 * report of another programme beside them, refused with its reason.
 */
import { mkdirSync, mkdtempSync, readFileSync, symlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { main } from "../../src/cli/main";
import { CATALOGUE_ROWS } from "../../src/domain/catalogue";
import { capture, type ValidateJson } from "../support/cli";
import { SOFFICE } from "../support/programs";
import { encodeWindows1258, excelCsv1258, excelCsvUtf8, makeCsvFixtures, reportRows } from "../fixtures/csv/make-csv";
import { COLSPAN_BOMB, excelWebPage, webSystemPage } from "../fixtures/html/make-html";
import type { SpecCell } from "../fixtures/sheet-spec";

interface MergeJson {
  files: Array<{ file: string; unit: string | null; status: string; reason: string | null }>;
  units: { received: string[] };
  indicators: Array<{ id: string; total: number | null; achieved: number | null; reported_by: number }>;
  documents: Array<{ code: string; units: string[] }>;
}

/** Another programme's report as a vi-VN Excel CSV: the same layout and Stt numbers, its own indicators. */
function otherProgramme(): Uint8Array {
  const rows: SpecCell[][] = reportRows("ĐẢNG ỦY XÃ SƠN BÌNH").map((row) => [...row]);
  const title = rows.findIndex((r) => r[0] === "BÁO CÁO");
  rows[title + 1] = ["Kết quả thực hiện Đề án 05-ĐA/HU về phát triển nông nghiệp hàng hóa"];
  let k = 0;
  const start = rows.findIndex((r) => r[0] === "Stt") + 1;
  CATALOGUE_ROWS.forEach((row, i) => {
    if (row.kind === "indicator") rows[start + i] = [row.indicator.stt, `Mô hình sản xuất nông nghiệp hàng hóa số ${++k} có hiệu quả`, "Mô hình", 10 + k, 5, null];
  });
  return excelCsvUtf8(rows);
}

const FILES: Record<string, Uint8Array> = {
  "Ban Giang.csv": excelCsvUtf8(reportRows("ĐẢNG ỦY XÃ BẢN GIANG")),
  "Ban Bo.csv": excelCsv1258(reportRows("ĐẢNG ỦY XÃ BẢN BO")),
  "Binh Lu.xls": new TextEncoder().encode(excelWebPage(reportRows("ĐẢNG ỦY XÃ BÌNH LƯ"))),
  "Na Tam.xls": encodeWindows1258(webSystemPage(reportRows("ĐẢNG ỦY XÃ NÀ TĂM"))),
  "De an 05.csv": otherProgramme(),
  "colspan.xls": new TextEncoder().encode(COLSPAN_BOMB),
};

describe("CSV and web pages through validate and merge", () => {
  const dir = mkdtempSync(join(tmpdir(), "formats-"));
  beforeAll(() => {
    for (const [name, bytes] of Object.entries(FILES)) writeFileSync(join(dir, name), bytes);
  });

  it("validate: unit, date, figures and documents of each CSV and web page", async () => {
    const c = capture(dir);
    const names = ["Ban Giang.csv", "Ban Bo.csv", "Binh Lu.xls", "Na Tam.xls"];
    expect(await main(["validate", ...names, "--json"], c.io)).toBe(0);
    const files = (JSON.parse(c.out()) as ValidateJson).files;
    expect(files.map((f) => [f.file, f.unit, f.date])).toEqual([
      ["Ban Giang.csv", "ĐẢNG ỦY XÃ BẢN GIANG", "2021-06-05"],
      ["Ban Bo.csv", "ĐẢNG ỦY XÃ BẢN BO", "2021-06-05"],
      ["Binh Lu.xls", "ĐẢNG ỦY XÃ BÌNH LƯ", "2021-06-05"],
      ["Na Tam.xls", "ĐẢNG ỦY XÃ NÀ TĂM", "2021-06-05"],
    ]);
    for (const f of files) {
      expect(f.issues).toEqual([]);
      expect(f.indicators.find((i) => i.id === "1.2")).toMatchObject({ total: 1219, achieved: 1183, ratio: 97.05 });
      expect(f.indicators.find((i) => i.id === "1.1")).toMatchObject({ total: 45, achieved: 45 });
      expect(f.documents.map((d) => [d.code, d.date])).toEqual([
        ["15-NQ/ĐU", "2016-10-12"],
        ["22-KH/ĐU", "2017-03-07"],
        ["27/KH-UBND", "2018-01-15"],
      ]);
    }
  });

  it("validate: LibreOffice's CSV exports (vi-VN, UTF-8 and Windows-1258) where LibreOffice is installed", async () => {
    const names = (await makeCsvFixtures(join(dir, "lo"))).filter((n) => n.startsWith("lo-"));
    expect(names).toHaveLength(SOFFICE ? 2 : 0);
    if (names.length === 0) return;
    const c = capture(join(dir, "lo"));
    expect(await main(["validate", ...names, "--json"], c.io)).toBe(0);
    for (const f of (JSON.parse(c.out()) as ValidateJson).files) {
      expect(f).toMatchObject({ unit: "ĐẢNG ỦY XÃ BẢN GIANG", date: "2021-06-05" });
      expect(f.issues.filter((i) => i.severity === "error")).toEqual([]);
      expect(f.indicators.find((i) => i.id === "1.2")).toMatchObject({ total: 1219, achieved: 1183, ratio: 97.05 });
      expect(f.documents.map((d) => d.code)).toEqual(["15-NQ/ĐU", "22-KH/ĐU", "27/KH-UBND"]);
    }
  }, 120_000);

  it("validate: another programme's report is refused with the reason and its title", async () => {
    const c = capture(dir);
    expect(await main(["validate", "De an 05.csv", "--json"], c.io)).toBe(1);
    const f = (JSON.parse(c.out()) as ValidateJson).files[0]!;
    expect(f.issues.map((i) => [i.rule, i.severity])).toEqual([["not-de-an-241", "error"]]);
    expect(f.issues[0]!.message).toContain("không phải báo cáo Đề án 241");
    expect(f.issues[0]!.message).toContain("Đề án 05-ĐA/HU");
    expect(f.indicators.every((i) => i.total === null)).toBe(true);
  });

  it("merge: sums the CSV and web-page reports, refuses the other programme's, reads the colspan page", async () => {
    const c = capture(dir);
    const code = await main(["merge", ...Object.keys(FILES), "--out", join(dir, "tong-hop.xlsx"), "--json", join(dir, "tong-hop.json")], c.io);
    expect(code).toBe(0);
    const json = JSON.parse(readFileSync(join(dir, "tong-hop.json"), "utf8")) as MergeJson;
    const status = Object.fromEntries(json.files.map((f) => [f.file, f.status]));
    expect(status).toEqual({
      "Ban Giang.csv": "merged",
      "Ban Bo.csv": "merged",
      "Binh Lu.xls": "merged",
      "Na Tam.xls": "merged",
      "De an 05.csv": "rejected",
      "colspan.xls": "rejected",
    });
    expect(json.files.find((f) => f.file === "De an 05.csv")!.reason).toContain("không phải báo cáo Đề án 241");
    expect(json.units.received).toEqual(expect.arrayContaining(["Đảng ủy xã Bản Giang", "Đảng ủy xã Bản Bo", "Đảng ủy xã Bình Lư", "Đảng ủy xã Nà Tăm"]));
    expect(json.indicators.find((i) => i.id === "1.2")).toMatchObject({ total: 4 * 1219, achieved: 4 * 1183, reported_by: 4 });
    expect(json.indicators.find((i) => i.id === "4.2")).toMatchObject({ total: 4 * 52, achieved: 4 * 44, reported_by: 4 });
    // Each commune's Đảng ủy numbers its own documents: four units' "15-NQ/ĐU" are four documents, each under its unit.
    expect(json.documents.filter((d) => d.code === "15-NQ/ĐU").map((d) => d.units)).toEqual(
      expect.arrayContaining([["Đảng ủy xã Bản Giang"], ["Đảng ủy xã Bản Bo"], ["Đảng ủy xã Bình Lư"], ["Đảng ủy xã Nà Tăm"]]),
    );
    expect(json.documents.filter((d) => d.code === "15-NQ/ĐU")).toHaveLength(4);
  }, 120_000);

  it("merge of a folder: its CSV reports read as if named, the unit list kept there left out, what is not read named", async () => {
    const folder = join(dir, "nhan-ve");
    mkdirSync(folder);
    writeFileSync(join(folder, "Ban Giang.csv"), FILES["Ban Giang.csv"]!);
    writeFileSync(join(folder, "Ban Bo.csv"), FILES["Ban Bo.csv"]!);
    writeFileSync(join(folder, "don-vi.csv"), "Tên đơn vị\nĐảng ủy xã Bản Giang\nĐảng ủy xã Bản Bo\nĐảng ủy xã Nà Tăm\n");
    // A unit that sent its report as a Word file, a note, an old folder, and what Windows leaves in a folder.
    writeFileSync(join(folder, "Bao cao Na Tam.docx"), "PK");
    writeFileSync(join(folder, "ghi-chu.txt"), "không phải bảng tính");
    mkdirSync(join(folder, "cu"));
    writeFileSync(join(folder, "Thumbs.db"), "");
    writeFileSync(join(folder, "~$Ban Bo.xlsx"), "");
    const c = capture(dir);
    const code = await main(["merge", "nhan-ve", "--units", join("nhan-ve", "don-vi.csv"), "--out", "tong-hop-thu-muc.xlsx", "--json", "tong-hop-thu-muc.json"], c.io);
    expect(code).toBe(0);
    const json = JSON.parse(readFileSync(join(dir, "tong-hop-thu-muc.json"), "utf8")) as MergeJson & { skipped: { path: string; reason: string }[]; units: { missing: string[] } };
    expect(json.files.map((f) => [f.file, f.status])).toEqual([
      ["Ban Bo.csv", "merged"],
      ["Ban Giang.csv", "merged"],
    ]);
    expect(json.units.missing).toEqual(["Đảng ủy xã Nà Tăm"]);
    expect(json.skipped).toEqual([
      { path: join("nhan-ve", "Bao cao Na Tam.docx"), reason: "không phải bảng tính, thư điện tử hay tệp nén nên không đọc" },
      { path: join("nhan-ve", "cu"), reason: "thư mục con: chỉ đọc các tệp nằm ngay trong thư mục đã chọn" },
      { path: join("nhan-ve", "ghi-chu.txt"), reason: "không phải bảng tính, thư điện tử hay tệp nén nên không đọc" },
    ]);
    expect(c.out()).toContain(`Bỏ qua: ${join("nhan-ve", "Bao cao Na Tam.docx")}: không phải bảng tính`);

    // The same folder reached through a link, with the JSON of a run kept in it: the list and the JSON are still left out.
    symlinkSync(folder, join(dir, "lien-ket"));
    writeFileSync(join(folder, "ket-qua.json"), "{}");
    const linked = capture(dir);
    expect(await main(["merge", "lien-ket", "--units", join("nhan-ve", "don-vi.csv"), "--out", "tong-hop-lien-ket.xlsx", "--json", join("nhan-ve", "ket-qua.json")], linked.io)).toBe(0);
    const again = JSON.parse(readFileSync(join(folder, "ket-qua.json"), "utf8")) as MergeJson & { skipped: { path: string }[] };
    expect(again.files.map((f) => f.file).sort()).toEqual(["Ban Bo.csv", "Ban Giang.csv"]);
    expect(again.skipped.map((k) => k.path)).toEqual([join("lien-ket", "Bao cao Na Tam.docx"), join("lien-ket", "cu"), join("lien-ket", "ghi-chu.txt")]);
  }, 120_000);
});
