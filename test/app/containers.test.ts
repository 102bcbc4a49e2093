/**
 * Email messages and archives given to the CLI like files and folders: each
 * spreadsheet inside is a file of the merge with its origin, judged on time by
 * the email's date, and shown as where it came from; a bad entry is rejected
 * with its reason while its siblings merge; other attachments are skipped by name.
 */
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import * as XLSX from "@e965/xlsx";
import { main } from "../../src/cli/main";
import { buildUnitWorkbook } from "../../src/domain/sheets";
import { writeWorkbookXlsx } from "../../src/io/write";
import { capture } from "../support/cli";
import { fillTemplate, type Fill } from "../support/fill";
import { PYTHON, writeEml, writeRar4, zipBomb, zipWithInfoZip, zipWithLyingEntry, INFO_ZIP } from "../fixtures/containers/make-containers";

async function unitFile(unitName: string, fill: Fill): Promise<Uint8Array> {
  const template = await writeWorkbookXlsx(buildUnitWorkbook({ unitName, place: "Tam Đường", level: "co-so", created: "2021-05-01" }));
  return fillTemplate(template, fill);
}

interface FileJson {
  file: string;
  unit: string | null;
  status: string;
  reason: string | null;
  on_time: boolean | null;
  timeliness_date_source: string | null;
  origin: { kind: string; container: string | null; subject: string | null; from: string | null; date: string | null; path: string | null };
  issues: { rule: string; message: string }[];
}

const describeTools = PYTHON && INFO_ZIP ? describe : describe.skip;

describeTools("merge takes email messages and archives", () => {
  let dir: string;
  let json: { files: FileJson[]; skipped: { path: string; reason: string; container?: string }[] };
  let code: number;
  let summary: XLSX.WorkBook;

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), "intake-"));
    const banBo = await unitFile("Đảng ủy xã Bản Bo", { indicators: { "1.1": [10, 9] }, dateLine: "Bản Bo, ngày 28 tháng 6 năm 2021" });
    const banGiang = await unitFile("Đảng ủy xã Bản Giang", { indicators: { "1.1": [20, 18] }, dateLine: "Bản Giang, ngày 10 tháng 6 năm 2021" });
    const binhLu = await unitFile("Đảng ủy xã Bình Lư", { indicators: { "1.1": [5, 5] }, dateLine: "Bình Lư, ngày 10 tháng 6 năm 2021" });
    const thu = writeEml({
      style: "thunderbird",
      subject: "Báo cáo Đề án 241",
      from: "Đảng ủy xã Bản Bo <dangybanbo@gmail.com>",
      date: "Sun, 20 Jun 2021 09:15:02 +0700",
      inlineImage: true,
      attachments: [
        { name: "Báo cáo xã Bản Bo.xlsx", bytes: banBo },
        { name: "Báo cáo xã Bản Giang.xlsx", bytes: banGiang },
        { name: "Công văn.pdf", type: "application/pdf", bytes: new TextEncoder().encode("%PDF-1.4") },
        { name: "nen.zip", type: "application/zip", bytes: zipBomb("bom.xlsx", 8) },
      ],
    });
    writeFileSync(join(dir, "thu-ban-bo.eml"), thu);
    writeFileSync(join(dir, "tệp-nén.zip"), zipWithInfoZip([{ path: "thư mục/Bình Lư.xlsx", bytes: binhLu }, { path: "noi-doi.zip", bytes: zipWithLyingEntry("x.xlsx", new Uint8Array(100_000), 10) }]));
    writeFileSync(join(dir, "mat-khau.rar"), writeRar4([{ name: "a.xlsx", bytes: binhLu, encrypted: true }]));
    const c = capture();
    code = await main(["merge", dir, "--out", join(dir, "out.xlsx"), "--json", join(dir, "out.json"), "--date", "2021-07-01"], c.io);
    json = JSON.parse(readFileSync(join(dir, "out.json"), "utf8"));
    summary = XLSX.read(readFileSync(join(dir, "out.xlsx")));
  }, 120_000);

  it("merges every spreadsheet inside, each with its origin", () => {
    expect(code).toBe(0);
    const byName = new Map(json.files.map((f) => [f.file, f]));
    const banBo = byName.get("thu-ban-bo.eml › Báo cáo xã Bản Bo.xlsx")!;
    expect(banBo.status).toBe("merged");
    expect(banBo.unit).toBe("Đảng ủy xã Bản Bo");
    expect(banBo.origin).toEqual({
      kind: "email",
      container: "thu-ban-bo.eml",
      subject: "Báo cáo Đề án 241",
      from: "Đảng ủy xã Bản Bo <dangybanbo@gmail.com>",
      date: "2021-06-20T02:15:02.000Z",
      path: "Báo cáo xã Bản Bo.xlsx",
    });
    expect(byName.get("thu-ban-bo.eml › Báo cáo xã Bản Giang.xlsx")!.status).toBe("merged");
    const binhLu = byName.get("tệp-nén.zip › thư mục/Bình Lư.xlsx")!;
    expect(binhLu.status).toBe("merged");
    expect(binhLu.origin).toEqual({ kind: "zip", container: "tệp-nén.zip", subject: null, from: null, date: null, path: "thư mục/Bình Lư.xlsx" });
  });

  it("judges an attachment on time by the email's date, and says so; a file in an archive by its report's date", () => {
    const byName = new Map(json.files.map((f) => [f.file, f]));
    // Bản Bo dated its report 28/6 (after the deadline) but the email came on 20/6.
    const banBo = byName.get("thu-ban-bo.eml › Báo cáo xã Bản Bo.xlsx")!;
    expect([banBo.on_time, banBo.timeliness_date_source]).toEqual([true, "email"]);
    expect(byName.get("tệp-nén.zip › thư mục/Bình Lư.xlsx")!.timeliness_date_source).toBe("report_date");
    const files = XLSX.utils.sheet_to_json<string[]>(summary.Sheets["Các tệp đã nhận"]!, { header: 1 }).flat().map(String);
    expect(files).toContain("Đúng hạn (nộp ngày 20/6/2021 theo thư điện tử)");
  });

  it("rejects the bomb, the lying entry and the encrypted archive with their reasons, and lists the PDF as skipped", () => {
    const byName = new Map(json.files.map((f) => [f.file, f]));
    expect(byName.get("thu-ban-bo.eml › nen.zip › bom.xlsx")).toMatchObject({ status: "rejected", issues: [{ rule: "zip-bomb" }] });
    expect(byName.get("tệp-nén.zip › noi-doi.zip › x.xlsx")).toMatchObject({ status: "rejected", issues: [{ rule: "zip-bomb" }] });
    expect(byName.get("tệp-nén.zip › noi-doi.zip › x.xlsx")!.reason).toContain("nhiều hơn dung lượng khai báo");
    expect(byName.get("mat-khau.rar")).toMatchObject({ status: "rejected", issues: [{ rule: "container-encrypted" }] });
    expect(byName.get("mat-khau.rar")!.reason).toContain("mật khẩu");
    expect(json.skipped).toContainEqual({ path: "thu-ban-bo.eml › Công văn.pdf", container: "thu-ban-bo.eml", reason: expect.stringContaining("không phải bảng tính") });
    // The inline logo is not listed.
    expect(json.skipped.some((s) => s.path.includes("logo"))).toBe(false);
  });

  it("shows each file on the summary's list as where it came from", () => {
    const files = XLSX.utils.sheet_to_json<string[]>(summary.Sheets["Các tệp đã nhận"]!, { header: 1 }).flat().map(String);
    expect(files).toContain("Email «Báo cáo Đề án 241» từ Đảng ủy xã Bản Bo <dangybanbo@gmail.com>, 20/6/2021 › Báo cáo xã Bản Bo.xlsx");
    expect(files).toContain("tệp-nén.zip › thư mục/Bình Lư.xlsx");
    expect(files.some((t) => t.includes("không thì theo ngày của thư điện tử gửi tệp, không thì theo ngày ghi trên báo cáo"))).toBe(true);
  });

  it("validate checks each spreadsheet inside a message, with its origin", async () => {
    const c = capture();
    const exit = await main(["validate", join(dir, "thu-ban-bo.eml"), "--json"], c.io);
    const out = JSON.parse(c.out()) as { files: { file: string; origin: { kind: string; subject: string | null } }[]; skipped: { path: string }[] };
    expect(out.files.map((f) => f.file)).toEqual([
      "thu-ban-bo.eml › Báo cáo xã Bản Bo.xlsx",
      "thu-ban-bo.eml › Báo cáo xã Bản Giang.xlsx",
      "thu-ban-bo.eml › nen.zip › bom.xlsx",
    ]);
    expect(out.files[0]!.origin).toMatchObject({ kind: "email", subject: "Báo cáo Đề án 241" });
    expect(out.skipped.map((s) => s.path)).toEqual(["thu-ban-bo.eml › Công văn.pdf"]);
    expect(exit).toBe(2);
  });

  it("report drafts from the spreadsheets inside a message, naming what was rejected and skipped", async () => {
    const c = capture();
    const exit = await main(["report", join(dir, "thu-ban-bo.eml"), "--out", join(dir, "du-thao.docx"), "--date", "2021-07-01"], c.io);
    expect(exit).toBe(0);
    expect(c.out()).toContain("Số liệu tổng hợp từ 2/3 tệp");
    expect(c.err()).toContain("Bị loại: thu-ban-bo.eml › nen.zip › bom.xlsx");
    expect(c.err()).toContain("Bỏ qua: thu-ban-bo.eml › Công văn.pdf");
  }, 120_000);

  it("stops a message whose reading runs past the time limit (in a worker thread) and rejects it as a whole", async () => {
    const c = capture();
    const exit = await main(["validate", join(dir, "thu-ban-bo.eml"), "--json"], { ...c.io, fileTimeLimitMs: 1 });
    const out = JSON.parse(c.out()) as { files: { file: string; issues: { rule: string }[]; origin: { kind: string; container: string } }[] };
    expect(out.files).toHaveLength(1);
    expect(out.files[0]).toMatchObject({ file: "thu-ban-bo.eml", issues: [{ rule: "timeout" }], origin: { kind: "email", container: "thu-ban-bo.eml" } });
    expect(exit).toBe(2);
  }, 60_000);
});
