/** `de-an-241 remind`: after `merge --json`, the units not received or rejected, their addresses (Bcc), the text, and the letter. */
import { existsSync, linkSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { strFromU8, unzipSync } from "fflate";
import * as XLSX from "@e965/xlsx";
import { main } from "../../src/cli/main";
import { buildUnitWorkbook } from "../../src/domain/sheets";
import { writeWorkbookXlsx } from "../../src/io/write";
import { capture } from "../support/cli";
import { fillTemplate } from "../support/fill";

/** The text of word/document.xml, runs joined, entities decoded. */
function docxText(bytes: Uint8Array): string {
  const xml = strFromU8(unzipSync(bytes)["word/document.xml"]!);
  return [...xml.matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>/g)]
    .map((m) => m[1]!)
    .join("\n")
    .replace(/&quot;/g, '"')
    .replace(/&lt;/g, "<")
    .replace(/&gt;/g, ">")
    .replace(/&amp;/g, "&");
}

const UNITS_CSV =
  "\ufeffTên đơn vị,Cấp,Thư điện tử\n" +
  "Đảng ủy xã Bản Bo,Cơ sở,banbo@laichau.gov.vn\n" +
  "Đảng ủy xã Bình Lư,Cơ sở,BinhLu@LaiChau.gov.vn\n" +
  "Phòng Nội vụ,Huyện,noivu@laichau.gov.vn; vanthu.noivu@gmail.com\n" +
  "Trung tâm Chính trị,Huyện,\n";

describe("de-an-241 remind", () => {
  const dir = mkdtempSync(join(tmpdir(), "remind-"));
  let code: number;
  let out: string;

  beforeAll(async () => {
    writeFileSync(join(dir, "don-vi.csv"), UNITS_CSV);
    const template = await writeWorkbookXlsx(buildUnitWorkbook({ unitName: "Đảng ủy xã Bản Bo", place: "Bản Bo", level: "co-so", created: "2021-05-01" }));
    writeFileSync(join(dir, "Ban Bo.xlsx"), await fillTemplate(template, { indicators: { "3.1": [600, 570] }, dateLine: "Bản Bo, ngày 20 tháng 6 năm 2021" }));
    writeFileSync(join(dir, "Phong Noi vu.xlsx"), "không phải bảng tính");
    const merged = capture(dir);
    expect(await main(["merge", "Ban Bo.xlsx", "Phong Noi vu.xlsx", "--units", "don-vi.csv", "--out", "tong-hop.xlsx", "--json", "tong-hop.json"], merged.io)).toBe(0);
    const c = capture(dir);
    code = await main(["remind", "--units", "don-vi.csv", "--json", "tong-hop.json", "--deadline", "30/6/2021", "--out", "don-doc.docx"], c.io);
    out = c.out();
  }, 120_000);

  it("prints the addresses of the units not received or rejected, in Bcc, and the ones without an address", () => {
    expect(code).toBe(0);
    expect(out).toContain("Nhắc 3/4 đơn vị: 2 chưa gửi, 1 có tệp bị loại.");
    expect(out).toContain("Gửi (Bcc): BinhLu@LaiChau.gov.vn, noivu@laichau.gov.vn, vanthu.noivu@gmail.com\n");
    expect(out).toContain("Không có địa chỉ thư điện tử: Trung tâm Chính trị\n");
    expect(out).not.toContain("banbo@laichau.gov.vn");
  });

  it("prints the subject and the text naming the deadline and what each unit is missing", () => {
    expect(out).toContain("Tiêu đề: Đôn đốc gửi báo cáo tổng kết Đề án 241 trước ngày 30 tháng 6 năm 2021");
    expect(out).toContain("1. Đảng ủy xã Bình Lư: chưa gửi báo cáo.");
    expect(out).toMatch(/2\. Phòng Nội vụ: đã gửi nhưng tệp "Phong Noi vu\.xlsx" không sử dụng được \(.+\); đề nghị sửa và gửi lại\./);
    expect(out).toContain("3. Trung tâm Chính trị: chưa gửi báo cáo.");
  });

  it("writes the công văn đôn đốc", () => {
    expect(out).toContain("don-doc.docx");
    const text = docxText(new Uint8Array(readFileSync(join(dir, "don-doc.docx"))));
    expect(text).toContain("BAN TUYÊN GIÁO");
    expect(text).toContain("- Đảng ủy xã Bình Lư;");
    expect(text).toContain("Trung tâm Chính trị");
    expect(text).toContain("trước ngày 30 tháng 6 năm 2021 (hạn mới)");
  });

  it("reminds every unit of the list without --json", async () => {
    const c = capture(dir);
    expect(await main(["remind", "--units", "don-vi.csv"], c.io)).toBe(0);
    expect(c.out()).toContain("nhắc cả 4 đơn vị");
    expect(c.out()).toContain("Gửi (Bcc): banbo@laichau.gov.vn, BinhLu@LaiChau.gov.vn, noivu@laichau.gov.vn, vanthu.noivu@gmail.com\n");
    expect(c.out()).toContain("trước ngày 25 tháng 6 năm 2021");
  });

  it("reads the addresses from the \"Đơn vị\" sheet of a workbook", async () => {
    const book = XLSX.utils.book_new();
    XLSX.utils.book_append_sheet(book, XLSX.utils.aoa_to_sheet([["Hướng dẫn: danh sách ở trang Đơn vị"]]), "Hướng dẫn");
    XLSX.utils.book_append_sheet(
      book,
      XLSX.utils.aoa_to_sheet([
        ["DANH SÁCH ĐƠN VỊ"],
        ["Thư điện tử", "Tên đơn vị"],
        ["nava@laichau.gov.vn", "Đảng ủy xã Nà Tăm"],
      ]),
      "Đơn vị",
    );
    writeFileSync(join(dir, "don-vi.xlsx"), XLSX.write(book, { type: "buffer", bookType: "xlsx" }) as Buffer);
    const c = capture(dir);
    expect(await main(["remind", "--units", "don-vi.xlsx"], c.io)).toBe(0);
    expect(c.out()).toContain("Gửi (Bcc): nava@laichau.gov.vn\n");
    expect(c.out()).toContain("1. Đảng ủy xã Nà Tăm: chưa gửi báo cáo.");
  });

  it("never writes over an input", async () => {
    const before = readFileSync(join(dir, "tong-hop.json"), "utf8");
    // The merge's result reached by another name (a hard link): the same file, never written over.
    linkSync(join(dir, "tong-hop.json"), join(dir, "cung-tep.docx"));
    const c = capture(dir);
    expect(await main(["remind", "--units", "don-vi.csv", "--json", "tong-hop.json", "--out", "cung-tep.docx"], c.io)).toBe(1);
    expect(c.err()).toContain("Không ghi đè tệp đầu vào");
    expect(readFileSync(join(dir, "tong-hop.json"), "utf8")).toBe(before);
    rmSync(join(dir, "cung-tep.docx"));
    // A draft is a .docx: any other name is refused before anything is read.
    const other = capture(dir);
    expect(await main(["remind", "--units", "don-vi.csv", "--json", "tong-hop.json", "--out", "tong-hop.json"], other.io)).toBe(2);
    expect(other.err()).toContain("--out phải là tệp .docx");
    expect(readFileSync(join(dir, "tong-hop.json"), "utf8")).toBe(before);
  });

  it("when every unit has sent, writes no letter, and still refuses an --out it could not write (a mistake in the command)", async () => {
    writeFileSync(join(dir, "mot-don-vi.csv"), "\ufeffTên đơn vị,Cấp,Thư điện tử\nĐảng ủy xã Bản Bo,Cơ sở,banbo@laichau.gov.vn\n");
    const merged = capture(dir);
    expect(await main(["merge", "Ban Bo.xlsx", "--units", "mot-don-vi.csv", "--out", "du.xlsx", "--json", "du.json"], merged.io)).toBe(0);
    const fine = capture(dir);
    expect(await main(["remind", "--units", "mot-don-vi.csv", "--json", "du.json", "--out", "du-doc.docx"], fine.io)).toBe(0);
    expect(fine.out()).toContain("không có đơn vị nào phải nhắc");
    expect(fine.out()).toContain(`Không ghi ${join(dir, "du-doc.docx")}.`);
    expect(existsSync(join(dir, "du-doc.docx"))).toBe(false);
    const refused = capture(dir);
    expect(await main(["remind", "--units", "mot-don-vi.csv", "--json", "du.json", "--out", join("khong-co", "du-doc.docx")], refused.io)).toBe(1);
    expect(refused.err()).toContain(`Không ghi được ${join(dir, "khong-co", "du-doc.docx")} (--out)`);
    expect(refused.out()).toBe("");
  }, 60_000);

  it("says when the --json file is not a merge's result", async () => {
    writeFileSync(join(dir, "khac.json"), JSON.stringify({ hello: 1 }));
    const c = capture(dir);
    expect(await main(["remind", "--json", "khac.json"], c.io)).toBe(1);
    expect(c.err()).toContain("không phải là kết quả tổng hợp");
  });

  it("rejects a malformed deadline as a usage error", async () => {
    const c = capture(dir);
    expect(await main(["remind", "--deadline", "sớm"], c.io)).toBe(2);
    expect(c.err()).toContain("--deadline");
  });
});
