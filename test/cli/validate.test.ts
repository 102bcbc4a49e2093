import { copyFileSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { INDICATORS } from "../../src/domain/catalogue";
import { main } from "../../src/cli/main";
import { ensureFixtures } from "../fixtures/make-fixtures";
import { capture } from "../support/cli";
import { unitTable } from "../fixtures/unit-table";
import { writeRowsWithOpenpyxl } from "../support/openpyxl-rows";
import { PYTHON_OPENPYXL } from "../support/programs";
import { fillTemplate } from "../support/fill";
import { buildUnitWorkbook } from "../../src/domain/sheets";
import { writeWorkbookXlsx } from "../../src/io/write";

interface JsonFile {
  file: string;
  unit: string | null;
  date: string | null;
  issues: { severity: string; rule: string; sheet: string | null; cell: string | null; indicator: string | null; message: string }[];
  indicators: { id: string; total: number | null; achieved: number | null; ratio: number | null; met: boolean | null }[];
  documents: { code: string | null; number: string | null; type: string | null; issuer: string | null; date: string | null; dateSpan: { from: string; to: string; text: string } | null; summary: string | null; sheet: string; cell: string }[];
}

describe("de-an-241 validate", () => {
  let dir = "";
  beforeAll(async () => {
    dir = await ensureFixtures();
  });

  it("exit 0 and the JSON shape for a clean file", async () => {
    const c = capture(dir);
    expect(await main(["validate", "template-like.xlsx", "--json"], c.io)).toBe(0);
    const json = JSON.parse(c.out()) as { files: JsonFile[] };
    expect(json.files).toHaveLength(1);
    const f = json.files[0]!;
    expect(Object.keys(f)).toEqual(["file", "unit", "date", "issues", "indicators", "targets", "documents"]);
    expect(f).toMatchObject({ file: "template-like.xlsx", unit: "ĐẢNG ỦY XÃ BẢN GIANG", date: "2021-06-05", issues: [] });
    expect(f.indicators.map((i) => i.id)).toEqual(INDICATORS.map((i) => i.id));
    expect(f.indicators.find((i) => i.id === "1.2")).toEqual({
      id: "1.2",
      total: 1219,
      achieved: 1183,
      ratio: 97.05,
      met: false,
      target: { op: ">=", value: 100, label: "100%" },
    });
    expect(f.indicators.find((i) => i.id === "4.3")).toMatchObject({ id: "4.3", total: 38, achieved: 38, ratio: 100, met: true });
    expect(f.documents[0]).toEqual({
      code: "15-NQ/ĐU",
      number: "15",
      type: "NQ",
      issuer: "Đảng ủy xã",
      date: "2016-10-12",
      dateSpan: null,
      summary: "Nghị quyết về nâng cao chất lượng công tác tư tưởng",
      sheet: "Văn bản",
      cell: "B8",
    });
  });

  it("exit 0 with warnings only", async () => {
    const c = capture(dir);
    expect(await main(["validate", "typed-from-letter.xlsx", "--json"], c.io)).toBe(0);
    const f = (JSON.parse(c.out()) as { files: JsonFile[] }).files[0]!;
    expect(f.issues.length).toBeGreaterThan(0);
    expect(f.issues.every((i) => i.severity === "warning")).toBe(true);
  });

  it("exit 1 when a file has errors; issues carry rule, sheet, A1 cell, indicator and message", async () => {
    const c = capture(dir);
    expect(await main(["validate", "template-like.ods", "every-rule.xls", "--json"], c.io)).toBe(1);
    const files = (JSON.parse(c.out()) as { files: JsonFile[] }).files;
    expect(files.map((f) => f.file)).toEqual(["template-like.ods", "every-rule.xls"]);
    const nan = files[1]!.issues.find((i) => i.rule === "not-a-number")!;
    expect(nan).toMatchObject({ severity: "error", sheet: "Báo cáo", indicator: "1.1" });
    expect(nan.cell).toMatch(/^D\d+$/);
    expect(nan.message).toContain('"mười"');
    expect(files[1]!.indicators.find((i) => i.id === "1.1")).toMatchObject({ total: null, achieved: null, ratio: null, met: null });
  });

  it("exit 2 when a file cannot be read; the issue names the file and the reason", async () => {
    const tmp = mkdtempSync(join(tmpdir(), "validate-"));
    writeFileSync(join(tmp, "ghi-chu.xlsx"), "không phải bảng tính");
    const c = capture(tmp);
    expect(await main(["validate", "ghi-chu.xlsx", join(dir, "every-rule.xlsx"), "khong-co.xlsx", "--json"], c.io)).toBe(2);
    const files = (JSON.parse(c.out()) as { files: JsonFile[] }).files;
    expect(files[0]!.issues).toHaveLength(1);
    expect(files[0]!.issues[0]).toMatchObject({ severity: "error", rule: "not-a-workbook", sheet: null, cell: null });
    expect(files[0]!.issues[0]!.message).toContain("ghi-chu.xlsx");
    expect(files[1]!.issues.length).toBeGreaterThan(5);
    expect(files[2]!.issues[0]).toMatchObject({ rule: "not-found" });
    expect(files[2]!.issues[0]!.message).toContain("khong-co.xlsx");
  });

  it("prints a readable Vietnamese report without --json", async () => {
    const c = capture(dir);
    expect(await main(["validate", "every-rule.xlsx"], c.io)).toBe(1);
    const text = c.out();
    expect(text).toContain("Đơn vị: ĐẢNG ỦY XÃ SƠN BÌNH");
    expect(text).toMatch(/Lỗi \(\d+\):/);
    expect(text).toContain("Cảnh báo");
    expect(text).toContain("Chưa đủ số liệu");
  });

  it("judges by the workbook's own Mục tiêu sheet and says so", async () => {
    const template = await writeWorkbookXlsx(buildUnitWorkbook({ unitName: "Đảng ủy xã Bản Bo", place: "Bản Bo", level: "co-so", created: "2021-05-01" }));
    const own = await fillTemplate(template, { indicators: { "1.1": [100, 85] }, targets: { "1.1": 0.8, "5": 3 } });
    writeFileSync(join(dir, "own-targets.xlsx"), own);
    writeFileSync(join(dir, "default-targets.xlsx"), await fillTemplate(template, { indicators: { "1.1": [100, 85] } }));
    const c = capture(dir);
    await main(["validate", "own-targets.xlsx", "default-targets.xlsx", "--json"], c.io);
    const [ownFile, defaultFile] = (JSON.parse(c.out()) as { files: (JsonFile & { targets: { source: string; changed: { id: string; label: string; official: string }[]; note: string } })[] }).files;
    expect(ownFile!.targets.source).toBe("workbook");
    expect(ownFile!.targets.changed).toEqual([
      { id: "1.1", target: { op: ">=", value: 80 }, label: "80%", official: "100%" },
      { id: "5", target: { op: "count>=", value: 3 }, label: "Ít nhất 03", official: "Ít nhất 01" },
    ]);
    expect(ownFile!.indicators.find((i) => i.id === "1.1")).toMatchObject({ met: true, target: { op: ">=", value: 80, label: "80%" } });
    expect(defaultFile!.targets.source).toBe("de-an-241");
    expect(defaultFile!.indicators.find((i) => i.id === "1.1")).toMatchObject({ met: false, target: { label: "100%" } });

    const text = capture(dir);
    await main(["validate", "own-targets.xlsx"], text.io);
    expect(text.out()).toContain('Mục tiêu đánh giá: theo trang "Mục tiêu" của đơn vị; khác Đề án 241 ở chỉ tiêu 1.1: 80% (Đề án 241: 100%)');
  });

  it("judges every file by a plan's targets given with --targets, as merge does, over the unit's own sheet; leaves that file out of a folder", async () => {
    const template = await writeWorkbookXlsx(buildUnitWorkbook({ unitName: "Đảng ủy xã Bản Bo", place: "Bản Bo", level: "co-so", created: "2021-05-01" }));
    const folder = mkdtempSync(join(tmpdir(), "validate-plan-"));
    mkdirSync(join(folder, "hop-thu"));
    // 85/100 misses Đề án 241's 100% for 1.1 and meets a plan's 80%; the second file's own sheet (80%) gives way to the plan.
    writeFileSync(join(folder, "hop-thu", "ban-bo.xlsx"), await fillTemplate(template, { indicators: { "1.1": [100, 85] } }));
    writeFileSync(join(folder, "hop-thu", "ban-giang.xlsx"), await fillTemplate(template, { indicators: { "1.1": [100, 85] }, targets: { "1.1": 0.8 } }));
    writeFileSync(join(folder, "hop-thu", "Kế hoạch.csv"), "Chỉ tiêu,Nội dung,Mục tiêu\n1.1,Cán bộ lãnh đạo được bồi dưỡng,80%\n");
    writeFileSync(join(folder, "Kế hoạch 90.csv"), "Chỉ tiêu,Nội dung,Mục tiêu\n1.1,Cán bộ lãnh đạo được bồi dưỡng,90%\n");
    type PlanJson = { files: (JsonFile & { targets: { source: string; sheet: string | null; changed: { id: string; label: string; official: string }[]; note: string } })[] };
    const met = (json: PlanJson) => json.files.map((f) => [f.file, f.indicators.find((i) => i.id === "1.1")!.met, f.targets.source]);

    const alone = capture(folder);
    await main(["validate", "hop-thu/ban-bo.xlsx", "hop-thu/ban-giang.xlsx", "--json"], alone.io);
    expect(met(JSON.parse(alone.out()) as PlanJson)).toEqual([
      ["hop-thu/ban-bo.xlsx", false, "de-an-241"],
      ["hop-thu/ban-giang.xlsx", true, "workbook"],
    ]);

    const plan80 = capture(folder);
    await main(["validate", "hop-thu", "--targets", join("hop-thu", "Kế hoạch.csv"), "--json"], plan80.io);
    const json80 = JSON.parse(plan80.out()) as PlanJson;
    expect(met(json80)).toEqual([
      [join("hop-thu", "ban-bo.xlsx"), true, "Kế hoạch.csv"],
      [join("hop-thu", "ban-giang.xlsx"), true, "Kế hoạch.csv"],
    ]);
    expect(json80.files[0]!.indicators.find((i) => i.id === "1.1")).toMatchObject({ target: { op: ">=", value: 80, label: "80%" } });
    expect(json80.files[0]!.targets.changed).toEqual([{ id: "1.1", target: { op: ">=", value: 80 }, label: "80%", official: "100%" }]);

    const plan90 = capture(folder);
    expect(await main(["validate", "hop-thu/ban-giang.xlsx", "--targets", "Kế hoạch 90.csv", "--json"], plan90.io)).toBe(0);
    expect(met(JSON.parse(plan90.out()) as PlanJson)).toEqual([["hop-thu/ban-giang.xlsx", false, "Kế hoạch 90.csv"]]);

    const text = capture(folder);
    await main(["validate", "hop-thu/ban-giang.xlsx", "--targets", "Kế hoạch 90.csv"], text.io);
    expect(text.out()).toContain(
      "Mục tiêu đánh giá: theo kế hoạch của đơn vị (tệp Kế hoạch 90.csv); chỉ tiêu kế hoạch không đặt thì theo Đề án 241. Khác Đề án 241 ở chỉ tiêu 1.1: 90% (Đề án 241: 100%).",
    );
    expect(text.out()).toMatch(/1\.1 +100 +85 +85% +90% +Chưa đạt/);

    const unreadable = capture(folder);
    expect(await main(["validate", "hop-thu/ban-bo.xlsx", "--targets", "khong-co.xlsx"], unreadable.io)).toBe(2);
    expect(unreadable.err()).toContain("khong-co.xlsx");
    expect(unreadable.out()).toBe("");
  });

  it("locates what a CSV plan holds in the CSV's own sheet, as every CSV's issues are, not in a \"Mục tiêu\" sheet it does not have", async () => {
    const folder = mkdtempSync(join(tmpdir(), "validate-plan-csv-"));
    const template = await writeWorkbookXlsx(buildUnitWorkbook({ unitName: "Đảng ủy xã Bản Bo", place: "Bản Bo", level: "co-so", created: "2021-05-01" }));
    writeFileSync(join(folder, "ban-bo.xlsx"), await fillTemplate(template, { indicators: { "1.1": [100, 85] } }));
    writeFileSync(join(folder, "Kế hoạch.csv"), "Chỉ tiêu,Nội dung,Mục tiêu\n1.1,Cán bộ lãnh đạo được bồi dưỡng,80%\n1.2,Cán bộ được bồi dưỡng,khoảng tám mươi\n");
    const c = capture(folder);
    expect(await main(["validate", "ban-bo.xlsx", "--targets", "Kế hoạch.csv", "--json"], c.io)).toBe(0);
    const json = JSON.parse(c.out()) as { files: { targets: { sheet: string | null } }[] };
    expect(json.files[0]!.targets.sheet).toBe("Kế hoạch");
    expect(c.err()).toContain("Cảnh báo (targets.unparsed) Kế hoạch!C3: Chỉ tiêu 1.2");
    expect(c.out() + c.err()).not.toContain("Mục tiêu!");
    expect(c.out()).not.toContain('"sheet": "Mục tiêu"');
  });

  it("takes a folder: the workbooks in it by name, each shown by its path, what is not one listed as skipped with the reason", async () => {
    const folder = mkdtempSync(join(tmpdir(), "validate-folder-"));
    const sub = join(folder, "don-vi");
    mkdirSync(sub);
    copyFileSync(join(dir, "template-like.xlsx"), join(sub, "Bản Giang.xlsx"));
    copyFileSync(join(dir, "every-rule.xlsx"), join(sub, "an-error.xlsx"));
    writeFileSync(join(sub, "ghi-chu.txt"), "không phải bảng tính");
    mkdirSync(join(sub, "cu.xlsx"));
    const c = capture(folder);
    expect(await main(["validate", "don-vi", "--json"], c.io)).toBe(1);
    const json = JSON.parse(c.out()) as { files: JsonFile[]; totals: { files: number }; skipped: { path: string; reason: string }[] };
    expect(json.files.map((f) => f.file)).toEqual([join("don-vi", "an-error.xlsx"), join("don-vi", "Bản Giang.xlsx")]);
    expect(json.files.map((f) => f.unit)).toEqual(["ĐẢNG ỦY XÃ SƠN BÌNH", "ĐẢNG ỦY XÃ BẢN GIANG"]);
    expect(json.totals.files).toBe(2);
    expect(json.skipped.map((s) => s.path)).toEqual([join("don-vi", "cu.xlsx"), join("don-vi", "ghi-chu.txt")]);

    const text = capture(folder);
    expect(await main(["validate", "don-vi"], text.io)).toBe(1);
    expect(text.out()).toContain(`Tệp: ${join("don-vi", "Bản Giang.xlsx")}`);
    expect(text.out()).toContain(`Bỏ qua: ${join("don-vi", "cu.xlsx")}: `);
    expect(text.out()).toContain("Tổng cộng 2 tệp: đọc được 2 tệp");

    const empty = capture(folder);
    mkdirSync(join(folder, "trong"));
    expect(await main(["validate", "trong"], empty.io)).toBe(2);
    expect(empty.err()).toContain("Không có tệp bảng tính nào để kiểm tra");
  });

  it("leaves the unit list given with --units out of a folder, as a merge does; a list that cannot be read is exit 2", async () => {
    const folder = mkdtempSync(join(tmpdir(), "validate-units-"));
    const sub = join(folder, "hộp thư đơn vị");
    mkdirSync(sub);
    copyFileSync(join(dir, "template-like.xlsx"), join(sub, "Bản Giang.xlsx"));
    writeFileSync(join(sub, "Danh sách đơn vị.csv"), "Tên đơn vị,Mã,Cấp\nĐảng ủy xã Bản Bo,BAN-BO,Cơ sở\nĐảng ủy xã Bản Giang,BAN-GIANG,Cơ sở\n");
    const c = capture(folder);
    expect(await main(["validate", "hộp thư đơn vị", "--units", join("hộp thư đơn vị", "Danh sách đơn vị.csv"), "--json"], c.io)).toBe(0);
    const json = JSON.parse(c.out()) as { files: JsonFile[]; totals: { files: number } };
    expect(json.files.map((f) => f.file)).toEqual([join("hộp thư đơn vị", "Bản Giang.xlsx")]);
    expect(json.totals.files).toBe(1);

    // The same folder merged with the same list: the list is not a unit's file there either.
    const merged = capture(folder);
    expect(await main(["merge", "hộp thư đơn vị", "--units", join("hộp thư đơn vị", "Danh sách đơn vị.csv"), "--out", "th.xlsx", "--json", "-"], merged.io)).toBe(0);
    expect((JSON.parse(merged.out()) as { files: { file: string }[] }).files.map((f) => f.file)).toEqual(["Bản Giang.xlsx"]);

    const missing = capture(folder);
    expect(await main(["validate", "hộp thư đơn vị", "--units", "khong-co.csv"], missing.io)).toBe(2);
    expect(missing.err()).toContain("khong-co.csv");
    expect(missing.out()).toBe("");
  });

  it("a unit list left among the units' files (not given as --units) is rejected as a list, and the unit it names first is still not received", async () => {
    const folder = mkdtempSync(join(tmpdir(), "merge-list-inside-"));
    const sub = join(folder, "hộp thư");
    mkdirSync(sub);
    copyFileSync(join(dir, "template-like.xlsx"), join(sub, "Bản Giang.xlsx"));
    const list = "Tên đơn vị,Mã,Cấp\nĐảng ủy xã Bản Bo,BAN-BO,Cơ sở\nĐảng ủy xã Bản Giang,BAN-GIANG,Cơ sở\n";
    writeFileSync(join(sub, "DS don vi gui BC.csv"), list);
    writeFileSync(join(folder, "don-vi.csv"), list);
    const merged = capture(folder);
    expect(await main(["merge", "hộp thư", "--units", "don-vi.csv", "--out", "th.xlsx", "--json", "-"], merged.io)).toBe(0);
    const json = JSON.parse(merged.out()) as {
      files: { file: string; unit: string | null; status: string; issues: { rule: string; message: string }[] }[];
      units: { received: string[]; missing: string[] };
    };
    const listed = json.files.find((f) => f.file === "DS don vi gui BC.csv")!;
    expect(listed).toMatchObject({ unit: null, status: "rejected" });
    expect(listed.issues.map((i) => i.rule)).toEqual(["unit-list-file"]);
    expect(listed.issues[0]!.message).toContain("danh sách đơn vị (2 đơn vị)");
    expect(json.units.missing).toEqual(["Đảng ủy xã Bản Bo"]);
    expect(json.units.received).toEqual(["Đảng ủy xã Bản Giang"]);

    const checked = capture(folder);
    expect(await main(["validate", join("hộp thư", "DS don vi gui BC.csv"), "--json"], checked.io)).toBe(1);
    const file = (JSON.parse(checked.out()) as { files: JsonFile[] }).files[0]!;
    expect(file.issues.map((i) => i.rule)).toEqual(["unit-list-file"]);
    expect(file.unit).not.toBe("Đảng ủy xã Bản Bo");
  });

  it("a file named twice, or named and inside a folder named, is read once (validate, merge, feedback)", async () => {
    const folder = mkdtempSync(join(tmpdir(), "validate-twice-"));
    const sub = join(folder, "Hộp thư xã");
    mkdirSync(sub);
    copyFileSync(join(dir, "template-like.xlsx"), join(sub, "Bản Giang.xlsx"));
    const file = join("Hộp thư xã", "Bản Giang.xlsx");
    const c = capture(folder);
    expect(await main(["validate", file, "Hộp thư xã", file, "--json"], c.io)).toBe(0);
    const json = JSON.parse(c.out()) as { files: JsonFile[]; totals: { files: number } };
    expect(json.files.map((f) => f.file)).toEqual([file]);
    expect(json.totals.files).toBe(1);

    const merged = capture(folder);
    expect(await main(["merge", "Hộp thư xã", file, "--out", "tong-hop.xlsx", "--json", "-"], merged.io)).toBe(0);
    const files = (JSON.parse(merged.out()) as { files: { file: string; status: string }[] }).files;
    expect(files.map((f) => [f.file, f.status])).toEqual([["Bản Giang.xlsx", "merged"]]);

    const feedback = capture(folder);
    expect(await main(["feedback", file, file, "--out", "gop-y", "--json", "-"], feedback.io)).toBe(0);
    expect((JSON.parse(feedback.out()) as { files: unknown[] }).files).toHaveLength(1);
  });

  it("a folder named twice, and a file named twice and inside it by another spelling: read once, shown as first reached, each entry not read listed once", async () => {
    const folder = mkdtempSync(join(tmpdir(), "validate-twice-folder-"));
    const sub = join(folder, "Hộp thư xã");
    mkdirSync(sub);
    copyFileSync(join(dir, "template-like.xlsx"), join(sub, "Bản Giang.xlsx"));
    writeFileSync(join(sub, "Công văn.pdf"), "%PDF-1.4");
    const file = join("Hộp thư xã", "Bản Giang.xlsx");
    const again = join(".", "Hộp thư xã", "..", "Hộp thư xã");
    const c = capture(folder);
    expect(await main(["validate", "Hộp thư xã", file, again, join(again, "Bản Giang.xlsx"), file, "--json"], c.io)).toBe(0);
    const json = JSON.parse(c.out()) as { files: JsonFile[]; totals: { files: number }; skipped: { path: string }[] };
    expect(json.files.map((f) => f.file)).toEqual([file]);
    expect(json.totals.files).toBe(1);
    expect(json.skipped.map((s) => s.path)).toEqual([join("Hộp thư xã", "Công văn.pdf")]);
    const text = capture(folder);
    expect(await main(["validate", file, "Hộp thư xã", "Hộp thư xã"], text.io)).toBe(0);
    expect(text.out().match(/^Tệp: /gm)).toHaveLength(1);
    expect(text.out()).toContain(`Tệp: ${file}\n`);
    expect(text.out().match(/Bỏ qua: /g)).toHaveLength(1);
    rmSync(folder, { recursive: true, force: true });
  });

  it("shows a document's month or quarter of issue as written, and its span in the JSON", async () => {
    const template = await writeWorkbookXlsx(buildUnitWorkbook({ unitName: "Đảng ủy xã Bản Bo", place: "Bản Bo", level: "co-so", created: "2021-05-01" }));
    const folder = mkdtempSync(join(tmpdir(), "validate-span-"));
    writeFileSync(
      join(folder, "ban-bo.xlsx"),
      await fillTemplate(template, {
        indicators: { "1.1": [10, 9] },
        documents: [{ code: "26-KH/ĐU", date: "Quý II/2018", summary: "Kế hoạch tuyên truyền", issuer: "Đảng ủy xã Bản Bo" }],
        dateLine: "Bản Bo, ngày 20 tháng 6 năm 2021",
      }),
    );
    const json = capture(folder);
    await main(["validate", "ban-bo.xlsx", "--json"], json.io);
    const doc = (JSON.parse(json.out()) as { files: { documents: Record<string, unknown>[] }[] }).files[0]!.documents[0]!;
    expect(doc).toMatchObject({ code: "26-KH/ĐU", date: null, dateSpan: { from: "2018-04-01", to: "2018-06-30", text: "Quý II/2018" } });
    const text = capture(folder);
    await main(["validate", "ban-bo.xlsx"], text.io);
    expect(text.out()).toContain("  - 26-KH/ĐU, Quý II/2018: Kế hoạch tuyên truyền");
  });

  it("takes --json - (standard output), as merge and feedback write it; \"-\" is not read as a file", async () => {
    const c = capture(dir);
    expect(await main(["validate", "template-like.xlsx", "--json", "-"], c.io)).toBe(0);
    const json = JSON.parse(c.out()) as { files: JsonFile[]; totals: { files: number } };
    expect(json.files.map((f) => f.file)).toEqual(["template-like.xlsx"]);
    const eq = capture(dir);
    expect(await main(["validate", "template-like.xlsx", "--json=-"], eq.io)).toBe(0);
    expect((JSON.parse(eq.out()) as { totals: { files: number } }).totals.files).toBe(1);
    const catalogue = capture(dir);
    expect(await main(["catalogue", "--json", "-"], catalogue.io)).toBe(0);
    expect(JSON.parse(catalogue.out())).toHaveProperty("indicators");
    // Another value stays a usage error.
    expect(await main(["validate", "template-like.xlsx", "--json=ket-qua.json"], capture(dir).io)).toBe(2);
  });

  const withOpenpyxl = PYTHON_OPENPYXL ? it : it.skip;
  withOpenpyxl("prints the rows read as a breakdown as information, apart from warnings, and in the JSON as severity info", async () => {
    const folder = mkdtempSync(join(tmpdir(), "validate-info-"));
    const rows = unitTable({ "4.3": [["-", "Cơ quan đạt chuẩn an toàn về an ninh trật tự", "Cơ quan", 5, 5, null]] });
    writeRowsWithOpenpyxl(folder, "ban-bo.xlsx", "Chỉ tiêu", rows);
    const text = capture(folder);
    await main(["validate", "ban-bo.xlsx"], text.io);
    expect(text.out()).toContain("Thông tin (1):");
    expect(text.out()).toContain('dòng được coi là chi tiết của chỉ tiêu 4.3');
    const json = capture(folder);
    await main(["validate", "ban-bo.xlsx", "--json"], json.io);
    const issues = (JSON.parse(json.out()) as { files: JsonFile[] }).files[0]!.issues;
    expect(issues.filter((i) => i.severity === "info").map((i) => i.rule)).toEqual(["breakdown-rows"]);
  });

  it("asks for a file (exit 2)", async () => {
    const c = capture(dir);
    expect(await main(["validate"], c.io)).toBe(2);
    expect(c.err()).toContain("validate");
  });
});
