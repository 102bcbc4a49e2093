import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import * as XLSX from "@e965/xlsx";
import { unzipSync } from "fflate";
import { main } from "../../src/cli/main";
import type { CliIO } from "../../src/cli/types";
import { IDENTITY_SHEET, parseIdentityRows } from "../../src/domain/model/identity";
import { buildUnitsSheet } from "../../src/domain/sheets";
import { writeWorkbookXlsx } from "../../src/io/write";

let dir: string;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), "cli-template-"));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function io(): CliIO & { out: string; err: string } {
  const sink = {
    out: "",
    err: "",
    cwd: dir,
    stdout: (t: string) => {
      sink.out += t;
    },
    stderr: (t: string) => {
      sink.err += t;
    },
  };
  return sink;
}

function identity(bytes: Uint8Array) {
  const wb = XLSX.read(bytes, { type: "array" });
  return parseIdentityRows(XLSX.utils.sheet_to_json<unknown[]>(wb.Sheets[IDENTITY_SHEET]!, { header: 1, defval: "" }));
}

describe("de-an-241 template", () => {
  test("--unit writes one workbook, taking the code of a known unit", async () => {
    const s = io();
    const code = await main(["template", "--unit", "Đảng ủy xã Bản Bo", "--date", "2021-06-05", "--out", "ban-bo.xlsx"], s);
    expect({ code, err: s.err }).toEqual({ code: 0, err: "" });
    expect(s.out).toContain(join(dir, "ban-bo.xlsx"));
    const bytes = readFileSync(join(dir, "ban-bo.xlsx"));
    const shown = XLSX.read(bytes, { type: "buffer" }).Workbook!.Sheets!.filter((sh) => !sh.Hidden).map((sh) => sh.name);
    expect(s.out).toContain(`trang: ${shown.join(", ")})`);
    expect(shown).toEqual(["Văn bản", "Chỉ tiêu", "Mục tiêu"]);
    expect(identity(bytes)).toMatchObject({ unitName: "Đảng ủy xã Bản Bo", unitCode: "BAN-BO", level: "co-so" });
    const ws = XLSX.read(bytes, { type: "buffer" }).Sheets["Chỉ tiêu"]!;
    expect(ws["A1"]?.v).toBe("ĐẢNG BỘ HUYỆN TAM ĐƯỜNG");
    expect(ws["A2"]?.v).toBe("ĐẢNG ỦY XÃ BẢN BO");
    expect(ws["C3"]?.v).toBe("Bản Bo, ngày 05 tháng 6 năm 2021");
  });

  test("--superior, --place and --code override the defaults", async () => {
    const s = io();
    const args = ["template", "--unit", "Chi bộ Trường THCS", "--superior", "ĐẢNG ỦY XÃ BẢN BO", "--place", "Bản Bo", "--code", "CB-THCS", "--out", "thcs.xlsx"];
    expect(await main(args, s)).toBe(0);
    const bytes = readFileSync(join(dir, "thcs.xlsx"));
    expect(identity(bytes)).toMatchObject({ unitName: "Chi bộ Trường THCS", unitCode: "CB-THCS", superior: "ĐẢNG ỦY XÃ BẢN BO" });
    const values = Object.values(XLSX.read(bytes, { type: "buffer" }).Sheets["Văn bản"]!).map((c) => (c as XLSX.CellObject).v);
    expect(values).toEqual(expect.arrayContaining(["ĐẢNG ỦY XÃ BẢN BO", "CHI BỘ TRƯỜNG THCS"]));
    expect(values.some((v) => typeof v === "string" && v.startsWith("T/M CHI BỘ\nBÍ THƯ"))).toBe(true);
    expect(values.some((v) => typeof v === "string" && v.startsWith("Bản Bo, ngày"))).toBe(true);
  });

  test("--units default --out FILE.zip writes the Tam Đường list", async () => {
    const s = io();
    expect(await main(["template", "--units", "default", "--out", "all.zip"], s)).toBe(0);
    const files = unzipSync(readFileSync(join(dir, "all.zip")));
    expect(Object.keys(files)).toHaveLength(19);
    expect(identity(files["Dang-uy-xa-Then-Sin.xlsx"]!)?.unitName).toBe("Đảng ủy xã Thèn Sin");
    expect(s.out).toContain("Dang-uy-xa-Then-Sin.xlsx");
  });

  test("--units LIST.csv --out DIR writes one file per unit", async () => {
    writeFileSync(
      join(dir, "list.csv"),
      "\ufeffTên đơn vị,Mã,Cấp,Email\nĐảng ủy xã Bản Hon,,Cơ sở,\n\"Chi bộ Công an huyện, Tam Đường\",CA,Huyện,ca@x.vn\n",
    );
    const s = io();
    expect(await main(["template", "--units", "list.csv", "--out", "out-csv"], s)).toBe(0);
    expect(readdirSync(join(dir, "out-csv")).sort()).toEqual(["Chi-bo-Cong-an-huyen-Tam-Duong.xlsx", "Dang-uy-xa-Ban-Hon.xlsx"]);
    expect(identity(readFileSync(join(dir, "out-csv", "Dang-uy-xa-Ban-Hon.xlsx")))?.unitCode).toBe("BAN-HON");
    expect(identity(readFileSync(join(dir, "out-csv", "Chi-bo-Cong-an-huyen-Tam-Duong.xlsx")))).toMatchObject({
      unitCode: "CA",
      level: "huyen",
    });
  });

  test("--units LIST.xlsx reads the Đơn vị sheet", async () => {
    const units = [
      { name: "Đảng ủy xã Tả Lèng", level: "co-so" as const },
      { name: "Phòng Nội vụ", code: "NV", level: "huyen" as const },
    ];
    writeFileSync(join(dir, "list.xlsx"), await writeWorkbookXlsx({ sheets: [buildUnitsSheet(units)] }));
    const s = io();
    expect(await main(["template", "--units", "list.xlsx", "--out", "from-xlsx.zip"], s)).toBe(0);
    const files = unzipSync(readFileSync(join(dir, "from-xlsx.zip")));
    expect(Object.keys(files).sort()).toEqual(["Dang-uy-xa-Ta-Leng.xlsx", "Phong-Noi-vu.xlsx"]);
    expect(identity(files["Phong-Noi-vu.xlsx"]!)).toMatchObject({ unitCode: "NV", level: "huyen" });
  });

  test("--units into a folder never writes over a file already there (a unit's report sent back under the template's name), unless --force", async () => {
    const folder = join(dir, "hop-thu");
    const sent = new Uint8Array([80, 75, 3, 4, 1, 2, 3]);
    let s = io();
    expect(await main(["template", "--units", "default", "--out", folder], s)).toBe(0);
    writeFileSync(join(folder, "Dang-uy-xa-Ban-Bo.xlsx"), sent);
    s = io();
    expect(await main(["template", "--units", "default", "--out", folder], s)).toBe(1);
    expect(s.err).toContain("Đã có tệp cùng tên, không ghi đè (thêm --force để ghi đè)");
    expect(s.err).toContain(join(folder, "Dang-uy-xa-Ban-Bo.xlsx"));
    expect(new Uint8Array(readFileSync(join(folder, "Dang-uy-xa-Ban-Bo.xlsx")))).toEqual(sent);
    s = io();
    expect(await main(["template", "--units", "default", "--out", folder, "--force"], s)).toBe(0);
    expect(identity(readFileSync(join(folder, "Dang-uy-xa-Ban-Bo.xlsx")))).toMatchObject({ unitName: "Đảng ủy xã Bản Bo" });
    expect(readdirSync(folder)).toHaveLength(19);
  });

  test("names printed (the unit's, the files', the --out path) are said on their own line and cannot drive the terminal", async () => {
    // Every line printed goes through terminalText; a name is printed as terminalName makes it, its newline and tab escaped too.
    const bad = "Đảng ủy xã Bản \u001b[31mĐỏ\u202e\nLỗi:\tgiả";
    const shown = "Đảng ủy xã Bản \\u001b[31mĐỏ\\u202e\\u000aLỗi:\\u0009giả";
    writeFileSync(join(dir, "list-esc.csv"), `\ufeffTên đơn vị,Mã,Cấp,Email\n"${bad}",DO,Cơ sở,\n`);
    const printed: string[] = [];
    for (const args of [
      ["--unit", bad, "--out", "mot\u001b]0;x\u0007\n.xlsx"],
      ["--units", "list-esc.csv", "--out", "ca\u202e\n.zip"],
      ["--units", "list-esc.csv", "--out", "thu-muc\u001b[2J\n"],
    ]) {
      const s = io();
      expect(await main(["template", ...args], s)).toBe(0);
      for (const ch of ["\u001b", "\u202e", "\u0007", "\t"]) expect(s.out).not.toContain(ch);
      printed.push(s.out);
    }
    const [one, zip, folder] = printed.map((text) => text.split("\n"));
    expect(one).toHaveLength(2);
    expect(one![0]).toContain(`mot\\u001b]0;x\\u0007\\u000a.xlsx (${shown}; trang: `);
    expect(zip).toHaveLength(3);
    expect(zip![0]).toContain("ca\\u202e\\u000a.zip (1 tệp):");
    expect(folder).toHaveLength(3);
    expect(folder![0]).toContain("thu-muc\\u001b[2J\\u000a");
    // A list's names have their spaces, newline and tab made one space when read.
    expect(folder![0]).toContain(".xlsx (Đảng ủy xã Bản \\u001b[31mĐỏ\\u202e Lỗi: giả)");
    expect(folder![1]).toContain("Tổng cộng 1 tệp trong ");
    expect(folder![1]).toContain("thu-muc\\u001b[2J\\u000a");
  });

  test("usage errors exit with 2, unreadable lists with 1 naming the file", async () => {
    let s = io();
    expect(await main(["template", "--unit", "Đảng ủy xã Bản Bo"], s)).toBe(2);
    expect(s.err).toContain("--out");
    s = io();
    expect(await main(["template", "--unit", "A", "--units", "default", "--out", "x.xlsx"], s)).toBe(2);
    s = io();
    expect(await main(["template", "--unit", "A", "--out", "x.zip"], s)).toBe(2);
    s = io();
    expect(await main(["template", "--unit", "A", "--date", "5/6/2021", "--out", "x.xlsx"], s)).toBe(2);
    s = io();
    expect(await main(["template", "--units", "missing.csv", "--out", "x.zip"], s)).toBe(1);
    expect(s.err).toContain(join(dir, "missing.csv"));
    expect(existsSync(join(dir, "x.zip"))).toBe(false);
  });
});
