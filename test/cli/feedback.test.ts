import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { unzipSync } from "fflate";
import { main } from "../../src/cli/main";
import { readWorkbook } from "../../src/io/read";
import { ensureFixtures } from "../fixtures/make-fixtures";
import { capture } from "../support/cli";
import { SOFFICE } from "../support/programs";
import { INFO_ZIP, PYTHON, writeEml, zipWithInfoZip } from "../fixtures/containers/make-containers";

interface JsonOut {
  files: { source: string; unit: string | null; file: string; name: string; notes: number; errors: number; warnings: number; method: string; origin: Record<string, string | null> }[];
  zip: string | null;
  skipped: { path: string; reason: string; container?: string }[];
}

const describeTools = PYTHON && INFO_ZIP ? describe : describe.skip;

const CLOCK = { now: () => new Date(2021, 5, 28, 9, 0) };

describe("de-an-241 feedback", () => {
  let fixtures = "";
  let out = "";
  beforeAll(async () => {
    fixtures = await ensureFixtures();
  });
  beforeEach(() => {
    out = mkdtempSync(join(tmpdir(), "feedback-cli-"));
  });
  afterEach(() => rmSync(out, { recursive: true, force: true }));

  const files = () => ["every-rule.xlsx", "template-like.xlsx", ...(SOFFICE ? ["every-rule.ods", "every-rule.xls"] : [])];

  it("writes one feedback file per file and lists them in the JSON", async () => {
    const c = capture(fixtures);
    const code = await main(["feedback", ...files(), "--out", out, "--json", "-", "--zip"], { ...c.io, clock: CLOCK });
    expect(c.err()).not.toMatch(/Bỏ qua/);
    expect(code).toBe(0);
    const json = JSON.parse(c.out()) as JsonOut;
    expect(json.files.map((f) => f.source)).toEqual(files());
    expect(Object.keys(json.files[0]!)).toEqual(["source", "unit", "file", "name", "notes", "errors", "warnings", "method", "origin"]);
    // A file given as is says so, as a merge's JSON does.
    expect(json.files[0]!.origin).toEqual({ kind: "file", container: null, subject: null, from: null, date: null, path: null });
    const names = json.files.map((f) => f.name);
    // Three files of the same stem get names of their own.
    expect(names[0]).toBe("every-rule - góp ý.xlsx");
    expect(names[1]).toBe("template-like - góp ý.xlsx");
    if (SOFFICE) expect(names.slice(2)).toEqual(["every-rule - góp ý (2).xlsx", "every-rule - góp ý (3).xlsx"]);
    for (const f of json.files) {
      expect(f.file).toBe(join(out, f.name));
      const grid = readWorkbook(new Uint8Array(readFileSync(f.file)), f.name);
      expect(grid.sheets.map((s) => s.name)).toContain("Góp ý");
    }
    const everyRule = json.files[0]!;
    expect(everyRule.method).toBe("package");
    expect(everyRule.errors).toBeGreaterThan(0);
    expect(everyRule.notes).toBeGreaterThan(0);
    expect(json.files[1]).toMatchObject({ errors: 0, warnings: 0, notes: 0 });
    if (SOFFICE) expect(json.files[2]!.method).toBe("converted");
    expect(json.zip).toBe(join(out, "Góp ý các đơn vị 2021-06-28.zip"));
    expect(Object.keys(unzipSync(new Uint8Array(readFileSync(json.zip!)))).sort()).toEqual([...names].sort());
  });

  it("never overwrites an existing file without --force, and never an input", async () => {
    writeFileSync(join(out, "every-rule - góp ý.xlsx"), "kept");
    const c = capture(fixtures);
    expect(await main(["feedback", "every-rule.xlsx", "--out", out], c.io)).toBe(1);
    expect(c.err()).toContain("--force");
    expect(readFileSync(join(out, "every-rule - góp ý.xlsx"), "utf8")).toBe("kept");
    const forced = capture(fixtures);
    expect(await main(["feedback", "every-rule.xlsx", "--out", out, "--force"], forced.io)).toBe(0);
    expect(readFileSync(join(out, "every-rule - góp ý.xlsx")).subarray(0, 2).toString()).toBe("PK");
    // An output that is the unit's own file (here through a link): refused even with --force.
    const linked = mkdtempSync(join(tmpdir(), "feedback-link-"));
    try {
      symlinkSync(join(fixtures, "every-rule.xlsx"), join(linked, "every-rule - góp ý.xlsx"));
      const self = capture(fixtures);
      expect(await main(["feedback", "every-rule.xlsx", "--out", linked, "--force"], self.io)).toBe(1);
      expect(self.err()).toContain("Không ghi đè tệp đầu vào");
    } finally {
      rmSync(linked, { recursive: true, force: true });
    }
  });

  it("lists a file it cannot read and writes the others", async () => {
    const bad = join(out, "hong.xlsx");
    writeFileSync(bad, "not a workbook");
    const target = join(out, "gop-y");
    const c = capture(fixtures);
    expect(await main(["feedback", "every-rule.xlsx", bad, "--out", target, "--json", "-"], c.io)).toBe(1);
    const json = JSON.parse(c.out()) as JsonOut;
    expect(json.files).toHaveLength(1);
    expect(json.skipped.map((s) => s.path)).toEqual(["hong.xlsx"]);
    expect(existsSync(join(target, "every-rule - góp ý.xlsx"))).toBe(true);
    expect(existsSync(join(target, "hong - góp ý.xlsx"))).toBe(false);
  });

  it("takes a folder: names what is not a spreadsheet (no failure), never reads its own output folder made inside", async () => {
    const folder = join(out, "nhan-ve");
    const target = join(folder, "gop-y");
    mkdirSync(folder);
    copyFileSync(join(fixtures, "every-rule.xlsx"), join(folder, "every-rule.xlsx"));
    writeFileSync(join(folder, "Bao cao.pdf"), "%PDF-1.4");
    const c = capture(out);
    expect(await main(["feedback", "nhan-ve", "--out", target, "--json", "-"], c.io)).toBe(0);
    const first = JSON.parse(c.out()) as JsonOut;
    expect(first.files).toHaveLength(1);
    expect(first.skipped).toEqual([{ path: join("nhan-ve", "Bao cao.pdf"), reason: "không phải bảng tính, thư điện tử hay tệp nén nên không đọc" }]);
    // Again, with the feedback folder now inside the folder given.
    const again = capture(out);
    expect(await main(["feedback", "nhan-ve", "--out", target, "--json", "-", "--force"], again.io)).toBe(0);
    expect((JSON.parse(again.out()) as JsonOut).skipped.map((s) => s.path)).toEqual([join("nhan-ve", "Bao cao.pdf")]);
    // A folder holding no spreadsheet at all: said, exit 1, no folder made.
    const none = join(out, "khong-co");
    mkdirSync(none);
    writeFileSync(join(none, "Bao cao.pdf"), "%PDF-1.4");
    const empty = capture(out);
    expect(await main(["feedback", "khong-co", "--out", join(out, "gop-y-trong")], empty.io)).toBe(1);
    expect(empty.err()).toContain("Không có tệp bảng tính nào");
    expect(existsSync(join(out, "gop-y-trong"))).toBe(false);
  });

  it("asks for --out", async () => {
    const c = capture(fixtures);
    expect(await main(["feedback", "every-rule.xlsx"], c.io)).toBe(2);
    expect(c.err()).toContain("--out");
  });
});

describeTools("de-an-241 feedback on email messages and archives", () => {
  let fixtures = "";
  let dir = "";
  beforeAll(async () => {
    fixtures = await ensureFixtures();
  });
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), "feedback-mail-"));
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  const book = (name: string) => new Uint8Array(readFileSync(join(fixtures, name)));

  it("opens them as a merge does: each spreadsheet inside gets its feedback file, named after it, with its origin", async () => {
    const inbox = join(dir, "hop-thu");
    mkdirSync(inbox);
    writeFileSync(
      join(inbox, "thu-ban-bo.eml"),
      writeEml({
        style: "thunderbird",
        subject: "Báo cáo Đề án 241",
        from: "Đảng ủy xã Bản Bo <dangybanbo@gmail.com>",
        date: "Sun, 20 Jun 2021 09:15:02 +0700",
        attachments: [
          { name: "Báo cáo xã Bản Bo.xlsx", bytes: book("every-rule.xlsx") },
          { name: "Công văn.pdf", type: "application/pdf", bytes: new TextEncoder().encode("%PDF-1.4") },
        ],
      }),
    );
    writeFileSync(join(inbox, "goi.zip"), zipWithInfoZip([{ path: "thư mục/Bình Lư.xlsx", bytes: book("template-like.xlsx") }]));
    const target = join(dir, "gop-y");
    const c = capture(dir);
    const code = await main(["feedback", "hop-thu", "--out", target, "--json", "-"], { ...c.io, clock: CLOCK });
    expect(c.err()).not.toContain("không chứa bảng tính");
    // The PDF beside the workbook is named, and is no failure.
    expect(code).toBe(0);
    const json = JSON.parse(c.out()) as JsonOut;
    expect(json.files.map((f) => [f.source, f.name])).toEqual([
      ["goi.zip › thư mục/Bình Lư.xlsx", "Bình Lư - góp ý.xlsx"],
      ["thu-ban-bo.eml › Báo cáo xã Bản Bo.xlsx", "Báo cáo xã Bản Bo - góp ý.xlsx"],
    ]);
    expect(json.files[0]!.origin).toEqual({ kind: "zip", container: "goi.zip", subject: null, from: null, date: null, path: "thư mục/Bình Lư.xlsx" });
    expect(json.files[1]!.origin).toEqual({
      kind: "email",
      container: "thu-ban-bo.eml",
      subject: "Báo cáo Đề án 241",
      from: "Đảng ủy xã Bản Bo <dangybanbo@gmail.com>",
      date: "2021-06-20T02:15:02.000Z",
      path: "Báo cáo xã Bản Bo.xlsx",
    });
    // The unit's own workbook, with its problems noted.
    const banBo = json.files[1]!;
    expect([banBo.method, banBo.errors > 0, banBo.notes > 0]).toEqual(["package", true, true]);
    const grid = readWorkbook(new Uint8Array(readFileSync(join(target, "Báo cáo xã Bản Bo - góp ý.xlsx"))), banBo.name);
    expect(grid.sheets.map((s) => s.name)).toContain("Góp ý");
    expect(existsSync(join(target, "Bình Lư - góp ý.xlsx"))).toBe(true);
    expect(json.skipped).toEqual([{ path: "thu-ban-bo.eml › Công văn.pdf", container: "thu-ban-bo.eml", reason: expect.stringContaining("không phải bảng tính") }]);
  }, 60_000);

  it("lists a message or archive that cannot be opened, and exits 1", async () => {
    writeFileSync(join(dir, "hong.zip"), "not an archive");
    copyFileSync(join(fixtures, "every-rule.xlsx"), join(dir, "every-rule.xlsx"));
    const c = capture(dir);
    expect(await main(["feedback", "hong.zip", "every-rule.xlsx", "--out", join(dir, "gop-y"), "--json", "-"], c.io)).toBe(1);
    const json = JSON.parse(c.out()) as JsonOut;
    expect(json.files.map((f) => f.name)).toEqual(["every-rule - góp ý.xlsx"]);
    expect(json.skipped.map((s) => s.path)).toEqual(["hong.zip"]);
    expect(json.skipped[0]!.reason).toContain("hong.zip");
  }, 60_000);
});
