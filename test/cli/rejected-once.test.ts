/**
 * A file the merge cannot use is named once on its line: "Bị loại: hong.xlsx: Không đọc được: …", and the
 * JSON's `reason` and the summary's list of files say why without naming it again, beside its name. The
 * issue of the file, which stands alone, still names it.
 */
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import ExcelJS from "exceljs";
import { zipSync } from "fflate";
import { main } from "../../src/cli/main";
import { capture } from "../support/cli";

interface FileJson {
  file: string;
  status: string;
  reason: string | null;
  issues: { rule: string; message: string }[];
}

/** A workbook with one sheet of text and no table of the report, as a unit might send by mistake. */
async function noTables(): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  wb.addWorksheet("Sheet1").addRow(["Danh sách cán bộ tham gia tập huấn"]);
  return new Uint8Array(await wb.xlsx.writeBuffer());
}

describe("a rejected file is named once", () => {
  let files: FileJson[];
  let out: string;
  let reasons: Map<string, string>;
  let dir: string;

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), "rejected-once-"));
    const broken = new TextEncoder().encode("PK\u0003\u0004 không phải bảng tính");
    writeFileSync(join(dir, "hong.xlsx"), broken);
    writeFileSync(join(dir, "khac.xlsx"), await noTables());
    writeFileSync(join(dir, "goi.zip"), zipSync({ "hong-2.xlsx": broken }));
    const c = capture(dir);
    expect(await main(["merge", "hong.xlsx", "khac.xlsx", "goi.zip", "--out", "out.xlsx", "--json", "out.json", "--date", "2021-07-01"], c.io)).toBe(0);
    out = c.out();
    files = (JSON.parse(readFileSync(join(dir, "out.json"), "utf8")) as { files: FileJson[] }).files;
    // The summary's list of files: name (column B) → reason (column E).
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(join(dir, "out.xlsx"));
    reasons = new Map();
    wb.eachSheet((ws) =>
      ws.eachRow((row) => {
        const name = row.getCell(2).value;
        const status = row.getCell(4).value;
        if (typeof name === "string" && status === "Bị loại") reasons.set(name, String(row.getCell(5).value));
      }),
    );
  }, 120_000);

  const names = ["hong.xlsx", "khac.xlsx", "goi.zip › hong-2.xlsx"];

  it("prints one line for each, naming the file once", () => {
    const lines = out
      .split("\n")
      .map((l) => l.trim())
      .filter((l) => l.startsWith("Bị loại"));
    expect(lines).toHaveLength(3);
    expect(lines[0]).toMatch(/^Bị loại: hong\.xlsx: Không đọc được: /);
    expect(lines[1]).toMatch(/^Bị loại: khac\.xlsx: Tệp không có bảng "Kết quả thực hiện các mục tiêu"/);
    expect(lines[2]).toMatch(/^Bị loại: goi\.zip › hong-2\.xlsx: Không đọc được: /);
    lines.forEach((line, k) => expect(line.split(names[k]!.replace(/^goi\.zip › /, "")).length - 1).toBe(1));
  });

  it("gives the JSON's reason without the name; the issue, standing alone, names it", () => {
    expect(files.map((f) => [f.file, f.status])).toEqual(names.map((n) => [n, "rejected"]));
    for (const f of files) {
      const own = f.file.replace(/^goi\.zip › /, "");
      expect(f.reason).not.toContain(own);
      expect(f.issues[0]!.message).toContain(own);
    }
  });

  it("lists each in the summary beside its name, the reason not naming it again", () => {
    expect([...reasons.keys()]).toEqual(names);
    for (const [name, reason] of reasons) expect(reason).not.toContain(name.replace(/^goi\.zip › /, ""));
    expect(reasons.get("hong.xlsx")).toMatch(/^Không đọc được: /);
  });

  it("feedback: a file it cannot read is passed over, named once", async () => {
    const c = capture(dir);
    await main(["feedback", "hong.xlsx", "--out", "gop-y"], c.io);
    const lines = (c.out() + c.err()).split("\n").filter((l) => l.includes("hong.xlsx"));
    expect(lines.map((l) => l.trim())).toEqual([expect.stringMatching(/^Bỏ qua: hong\.xlsx: Không đọc được: /)]);
  });
});
