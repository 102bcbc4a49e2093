/**
 * How the CLI words sizes, unit counts, totals and empty files (issue 17,
 * item 14): sizes in megabytes the Vietnamese way, the built-in list counted
 * by kind, a total line after several files, the report's --units help in
 * plain steps, and a file of 0 bytes named as such wherever a file is read.
 */
import { mkdirSync, mkdtempSync, truncateSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { main } from "../../src/cli/main";
import { ensureFixtures } from "../fixtures/make-fixtures";
import { capture } from "../support/cli";

const EMPTY = "Tệp rỗng (0 byte), có thể bị hỏng khi tải về từ thư điện tử; đề nghị đơn vị gửi lại.";

interface JsonOut {
  files: { file: string; issues: { severity: string; rule: string; message: string }[] }[];
  totals: { files: number; read: number; withErrors: number; withWarnings: number; rejected: number };
}

describe("CLI wording", () => {
  let fixtures = "";
  let tmp = "";
  beforeAll(async () => {
    fixtures = await ensureFixtures();
    tmp = mkdtempSync(join(tmpdir(), "wording-"));
    writeFileSync(join(tmp, "rong.xlsx"), new Uint8Array(0));
    writeFileSync(join(tmp, "lon.xlsx"), "");
    truncateSync(join(tmp, "lon.xlsx"), 22_000_000);
  });

  it("says a file too large in megabytes: 22.000.000 bytes are “21,0 MB, tối đa 20 MB”", async () => {
    const c = capture(tmp);
    expect(await main(["validate", "lon.xlsx"], c.io)).toBe(2);
    expect(c.out()).toContain("Không đọc được tệp lon.xlsx: tệp quá lớn (21,0 MB, tối đa 20 MB).");
    expect(c.out()).not.toMatch(/byte/);
  });

  it("says an empty file is empty and likely broken in the email, in validate, merge and --units alike", async () => {
    const v = capture(tmp);
    expect(await main(["validate", "rong.xlsx", "--json"], v.io)).toBe(2);
    const json = JSON.parse(v.out()) as JsonOut;
    expect(json.files[0]!.issues[0]).toMatchObject({ rule: "empty-file", severity: "error" });
    expect(json.files[0]!.issues[0]!.message).toBe(`Không đọc được tệp rong.xlsx. ${EMPTY}`);

    const m = capture(tmp);
    expect(await main(["merge", "rong.xlsx", "--out", join(tmp, "tong-hop.xlsx")], m.io)).toBe(0);
    expect(m.out()).toContain(`Bị loại: rong.xlsx: Không đọc được. ${EMPTY}`);

    writeFileSync(join(tmp, "don-vi.csv"), "");
    const u = capture(tmp);
    expect(await main(["template", "--units", "don-vi.csv", "--out", join(tmp, "bieu-mau")], u.io)).toBe(1);
    expect(u.err()).toContain(`Không đọc được tệp ${join(tmp, "don-vi.csv")}. ${EMPTY}`);
  }, 60_000);

  it("counts the built-in list by kind in the template help", async () => {
    const c = capture();
    expect(await main(["template", "--help"], c.io)).toBe(0);
    expect(c.out()).toContain("--units default: danh sách có sẵn của huyện Tam Đường (13 xã, 1 thị trấn và 5 cơ quan)");
  });

  it("ends validate on several files with a total line, and the JSON with the same totals", async () => {
    const files = [join(fixtures, "template-like.xlsx"), join(fixtures, "every-rule.xlsx"), join(tmp, "rong.xlsx"), join(tmp, "lon.xlsx")];
    const j = capture();
    await main(["validate", ...files, "--json"], j.io);
    const json = JSON.parse(j.out()) as JsonOut;
    const has = (i: number, severity: string) => json.files[i]!.issues.some((x) => x.severity === severity);
    // The clean template has no error; every-rule.xlsx has errors and warnings.
    expect([has(0, "error"), has(1, "error"), has(1, "warning")]).toEqual([false, true, true]);
    const withWarnings = (has(0, "warning") ? 1 : 0) + 1;
    expect(json.totals).toEqual({ files: 4, read: 2, withErrors: 1, withWarnings, rejected: 2 });

    const t = capture();
    expect(await main(["validate", ...files], t.io)).toBe(2);
    const last = t.out().trimEnd().split("\n").at(-1);
    expect(last).toBe(`Tổng cộng 4 tệp: đọc được 2 tệp (1 tệp có lỗi, ${withWarnings} tệp có cảnh báo); 2 tệp không đọc được (bị loại).`);

    const one = capture();
    await main(["validate", files[0]!], one.io);
    expect(one.out()).not.toContain("Tổng cộng");
  }, 60_000);

  it("explains the report's --units in plain steps: one summary as it is, many files merged, a superior's list", async () => {
    const c = capture();
    expect(await main(["report", "--help"], c.io)).toBe(0);
    const help = c.out();
    expect(help).toContain("Đưa vào một tệp tổng hợp (do lệnh merge ghi): dự thảo dùng nguyên số liệu của tệp đó");
    expect(help).toContain("Đưa vào nhiều tệp: các tệp được tổng hợp lại như lệnh merge, theo danh sách --units.");
    expect(help).toContain("ghi tên đơn vị lập mỗi bảng");
    expect(help).not.toContain("trừ khi đơn vị lập tệp đó có trong --units");
  });

  it("a folder with nothing to read: each command names every kind it reads, messages and archives only where it opens them", async () => {
    const folder = join(tmp, "chi-co-ghi-chu");
    mkdirSync(folder);
    writeFileSync(join(folder, "ghi-chu.pdf"), "%PDF-1.4");
    const everything = "bảng tính (.xlsx, .xlsm, .xls, .ods, .fods, .xltx, .xltm, .ots, .csv), trang web (.htm, .html), thư điện tử (.eml, .msg) hoặc tệp nén (.zip, .rar).";
    for (const [args, said] of [
      [["merge", folder, "--out", join(tmp, "tong-hop.xlsx")], `Không có tệp bảng tính nào để tổng hợp; lệnh merge đọc ${everything}`],
      [["validate", folder], `Không có tệp bảng tính nào để kiểm tra; lệnh validate đọc ${everything}`],
      [["report", folder, "--out", join(tmp, "du-thao.docx")], `Không có tệp bảng tính nào để lấy số liệu; lệnh report đọc ${everything}`],
      [["feedback", folder, "--out", join(tmp, "gop-y")], `Không có tệp bảng tính nào để góp ý; lệnh feedback đọc ${everything}`],
    ] as const) {
      const c = capture(tmp);
      expect(await main([...args], c.io)).toBeGreaterThan(0);
      expect(c.err()).toContain(said);
    }
  });
});
