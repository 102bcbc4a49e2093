/**
 * A unit's own targets: the "Mục tiêu" sheet is parsed in every common way
 * of writing a target, rows it cannot read become issues, and the merge and
 * the summary judge against those targets and say so.
 */
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import ExcelJS from "exceljs";
import { main } from "../../src/cli/main";
import { indicatorById, type Target } from "../../src/domain/catalogue";
import type { GridCell, GridSheet, WorkbookGrid } from "../../src/domain/model/grid";
import { mergeReports, type MergeSource } from "../../src/domain/merge";
import { buildSummaryWorkbook, SUMMARY_SHEETS } from "../../src/domain/sheets/summary";
import type { IndicatorEntry, UnitReport } from "../../src/domain/model/report";
import { isPercentFormat, parseTarget, parseTargetsSheet, targetsFromGrid, withDefaults } from "../../src/domain/targets";
import type { Unit } from "../../src/domain/units";
import { buildUnitWorkbook } from "../../src/domain/sheets";
import { writeWorkbookXlsx } from "../../src/io/write";
import { capture } from "../support/cli";
import { fillTemplate } from "../support/fill";

const RATIO = indicatorById("1.3")!.target; // "Trên 95%"
const COUNT = indicatorById("5")!.target; // a count of units

function sheet(rows: ReadonlyArray<ReadonlyArray<string | number | GridCell | null>>, name = "Mục tiêu"): GridSheet {
  return {
    name,
    visibility: "visible",
    rows: rows.map((row) =>
      row.map((v): GridCell | undefined => (v === null ? undefined : typeof v === "object" ? v : { v })),
    ),
    merges: [],
  };
}

const HEADER = ["Chỉ tiêu", "Nội dung", "Mục tiêu"];

describe("parseTarget", () => {
  it.each<[string, Target]>([
    ["≥ 90%", { op: ">=", value: 90 }],
    [">=90", { op: ">=", value: 90 }],
    ["90%", { op: ">=", value: 90 }],
    ["90", { op: ">=", value: 90 }],
    ["Trên 95%", { op: ">", value: 95 }],
    ["trên 95 %", { op: ">", value: 95 }],
    ["TRÊN 80%", { op: ">", value: 80 }],
    ["> 85,5%", { op: ">", value: 85.5 }],
    ["Ít nhất 90%", { op: ">=", value: 90 }],
    // A fraction without "%", as a spreadsheet keeps a percentage.
    ["0,9", { op: ">=", value: 90 }],
    ["Trên 0,95", { op: ">", value: 95 }],
    ["1", { op: ">=", value: 100 }],
    ["0,5%", { op: ">=", value: 0.5 }],
  ])("reads %s for a ratio indicator", (text, expected) => {
    expect(parseTarget(text, RATIO)).toEqual(expected);
  });

  it.each<[string, Target]>([
    ["Ít nhất 2", { op: "count>=", value: 2 }],
    ["ít nhất 02", { op: "count>=", value: 2 }],
    ["2", { op: "count>=", value: 2 }],
    ["≥ 3", { op: "count>=", value: 3 }],
    ["Trên 2", { op: "count>=", value: 3 }],
  ])("reads %s for a count indicator", (text, expected) => {
    expect(parseTarget(text, COUNT)).toEqual(expected);
  });

  it.each(["", "khoảng chín mươi", "90-95%", "≥", "150%", "Trên 100%", "abc 90"])("does not read %p as a ratio target", (text) => {
    expect(parseTarget(text, RATIO)).toBeNull();
  });

  it("does not read a percentage or a fraction as a count", () => {
    expect(parseTarget("50%", COUNT)).toBeNull();
    expect(parseTarget("1,5", COUNT)).toBeNull();
  });
});

describe("parseTargetsSheet", () => {
  it("reads rows by id, by text, and a number cell formatted as a percentage", () => {
    const text42 = indicatorById("4.2")!.text;
    const { targets, issues } = parseTargetsSheet(
      sheet([
        ["MỤC TIÊU THEO KẾ HOẠCH CỦA ĐƠN VỊ"],
        HEADER,
        ["1", "Mục tiêu 01", null],
        ["1.1", "Cán bộ được bồi dưỡng", "≥ 90%"],
        ["1.3", null, "Trên 98%"],
        [null, text42, "85"],
        ["5", null, "Ít nhất 2"],
        ["1.2", null, { v: 0.8, z: "0%", w: "80%" }],
      ]),
    );
    expect(issues).toEqual([]);
    expect(targets).toEqual({
      "1.1": { op: ">=", value: 90 },
      "1.3": { op: ">", value: 98 },
      "4.2": { op: ">=", value: 85 },
      "5": { op: "count>=", value: 2 },
      "1.2": { op: ">=", value: 80 },
    });
  });

  it("reads the template's number cells with Đề án 241's comparison, whatever the format shows", () => {
    const { targets, issues } = parseTargetsSheet(
      sheet([
        ["Chỉ tiêu", "Nội dung", "Đơn vị tính", "Mục tiêu của Đề án 241", "Mục tiêu"],
        ["1.3", null, null, "Trên 95%", { v: 0.97, z: '"Trên "0%' }],
        ["1.1", null, null, "100%", { v: 0.9, z: "0%" }],
        ["5", null, null, "Ít nhất 01", { v: 2, z: '"Ít nhất "00' }],
        ["4.2", null, null, "85%", 80],
        // 97 typed into the percentage cell as LibreOffice keeps it (shown "9700%").
        ["4.1", null, null, "85%", { v: 97, z: "0%", w: "9700%" }],
        // A fraction typed as text with a decimal comma.
        ["3.2", null, null, "Trên 95%", "0,96"],
      ]),
    );
    expect(issues).toEqual([]);
    expect(targets).toEqual({
      "1.3": { op: ">", value: 97 },
      "1.1": { op: ">=", value: 90 },
      "5": { op: "count>=", value: 2 },
      "4.2": { op: ">=", value: 80 },
      "4.1": { op: ">=", value: 97 },
      "3.2": { op: ">=", value: 96 },
    });
    expect(isPercentFormat('"Trên "0%')).toBe(true);
    expect(isPercentFormat('0"%"')).toBe(false);
    expect(isPercentFormat("0\\%")).toBe(false);
  });

  it("makes an issue naming the cell for an unreadable target or an unknown row, and keeps Đề án 241's target there", () => {
    const { targets, issues } = parseTargetsSheet(
      sheet([HEADER, ["1.1", null, "khoảng chín mươi"], ["9.9", "Một chỉ tiêu không có trong đề án về trồng cây", "90%"], ["1.2", null, "95%"]]),
    );
    expect(issues.map((i) => [i.rule, i.cell])).toEqual([
      ["targets.unparsed", "C2"],
      ["targets.unknown-indicator", "A3"],
    ]);
    expect(issues[0]!.message).toContain("khoảng chín mươi");
    expect(targets).toEqual({ "1.2": { op: ">=", value: 95 } });
    expect(withDefaults(targets)["1.1"]).toEqual(indicatorById("1.1")!.target);
    expect(withDefaults(targets)["1.2"]).toEqual({ op: ">=", value: 95 });
  });

  it("finds the sheet by name without case or diacritics, and says when there is none", () => {
    const grid: WorkbookGrid = { sheets: [sheet([["x"]], "Chỉ tiêu"), sheet([HEADER, ["1.1", null, "90"]], "MUC TIEU")] };
    expect(targetsFromGrid(grid).targets).toEqual({ "1.1": { op: ">=", value: 90 } });
    const none = targetsFromGrid({ sheets: [sheet([["x"]], "Chỉ tiêu")] });
    expect(none.targets).toEqual({});
    expect(none.issues.map((i) => i.rule)).toEqual(["targets.sheet-missing"]);
  });
});

function entry(total: number, achieved: number): IndicatorEntry {
  return { total, achieved, typedRatio: null, sheet: "Chỉ tiêu", row: 10, cells: { total: "D10", achieved: "E10", ratio: "F10" }, label: "" };
}

function source(unit: string, values: Record<string, [number, number]>): MergeSource {
  const report: UnitReport = {
    fileName: `${unit}.xlsx`,
    unit: { name: unit, source: "header" },
    reportDate: null,
    indicators: Object.fromEntries(Object.entries(values).map(([id, [t, a]]) => [id, entry(t, a)])),
    documents: [],
    issues: [],
  };
  return { file: `${unit}.xlsx`, sha256: "0".repeat(64), report };
}

const UNITS: Unit[] = [{ name: "Đảng ủy xã Bản Bo", level: "co-so" }];
const LAYOUT = { unitName: "HUYỆN ỦY TAM ĐƯỜNG", superior: "ĐẢNG BỘ HUYỆN TAM ĐƯỜNG", place: "Tam Đường", level: "huyen" as const, date: "2021-06-20" };

function indicatorsSheetTexts(layout: ReturnType<typeof buildSummaryWorkbook>): string[] {
  const s = layout.sheets.find((x) => x.name === SUMMARY_SHEETS.indicators)!;
  return s.cells.map((c) => c.value).filter((v): v is string => typeof v === "string");
}

describe("merging with a unit's own targets", () => {
  // 1.1 at 92%: short of Đề án 241's 100%, but meets a plan's "≥ 90%".
  const sources = [source("Bản Bo", { "1.1": [100, 92] })];

  it("judges against Đề án 241 by default and says so on the summary", () => {
    const s = mergeReports(sources, { units: UNITS });
    expect(s.indicators.find((i) => i.id === "1.1")).toMatchObject({ ratio: 92, met: false, target: { op: ">=", value: 100 } });
    expect(s.targetsSource).toBe("de-an-241");
    const texts = indicatorsSheetTexts(buildSummaryWorkbook(s, LAYOUT));
    expect(texts).toContain("Mục tiêu đánh giá: theo Đề án 241.");
    expect(texts).toContain("100%");
  });

  it("changes Đạt / Chưa đạt by the unit's target and names the file it came from", () => {
    const { targets } = parseTargetsSheet(sheet([HEADER, ["1.1", null, "≥ 90%"]]));
    const s = mergeReports(sources, { units: UNITS, targets: withDefaults(targets), targetsSource: "ke-hoach-tam-duong.xlsx" });
    expect(s.indicators.find((i) => i.id === "1.1")).toMatchObject({ ratio: 92, met: true, target: { op: ">=", value: 90 } });
    const texts = indicatorsSheetTexts(buildSummaryWorkbook(s, LAYOUT));
    expect(texts.some((t) => t.startsWith("Mục tiêu đánh giá: theo kế hoạch của đơn vị (tệp ke-hoach-tam-duong.xlsx)"))).toBe(true);
    expect(texts).not.toContain("Mục tiêu đánh giá: theo Đề án 241.");
    expect(texts).toContain("90%");
    expect(texts).toContain("Đạt");
  });

  it("a stricter target of the unit turns Đạt into Chưa đạt", () => {
    const strict = mergeReports([source("Bản Bo", { "1.3": [100, 97] })], { units: UNITS });
    expect(strict.indicators.find((i) => i.id === "1.3")!.met).toBe(true);
    const { targets } = parseTargetsSheet(sheet([HEADER, ["1.3", null, "trên 98 %"]]));
    const s = mergeReports([source("Bản Bo", { "1.3": [100, 97] })], { units: UNITS, targets, targetsSource: "kh.csv" });
    expect(s.indicators.find((i) => i.id === "1.3")!.met).toBe(false);
  });
});

describe("de-an-241 merge --targets", () => {
  it("reads the Mục tiêu sheet of an .xlsx and judges by it, writing which targets it used", async () => {
    const dir = mkdtempSync(join(tmpdir(), "targets-"));
    const template = await writeWorkbookXlsx(buildUnitWorkbook({ unitName: "Đảng ủy xã Bản Bo", place: "Bản Bo", level: "co-so", created: "2021-05-01" }));
    writeFileSync(join(dir, "Ban Bo.xlsx"), await fillTemplate(template, { indicators: { "1.1": [100, 92] }, dateLine: "Bản Bo, ngày 10 tháng 6 năm 2021" }));
    writeFileSync(join(dir, "don-vi.csv"), "Đảng ủy xã Bản Bo\n");
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet("Mục tiêu");
    ws.addRows([HEADER, ["1.1", indicatorById("1.1")!.text, "≥ 90%"]]);
    writeFileSync(join(dir, "ke-hoach.xlsx"), Buffer.from(await wb.xlsx.writeBuffer()));

    type Used = { source: string; note: string; changed: Array<{ id: string; label: string; official: string }> };
    let used: Used | undefined;
    const run = async (extra: string[]): Promise<{ met: boolean | null; target: Target }> => {
      const c = capture(dir);
      const code = await main(["merge", "Ban Bo.xlsx", "--units", "don-vi.csv", "--out", "th.xlsx", "--json", "th.json", ...extra], c.io);
      expect(code).toBe(0);
      const json = JSON.parse(readFileSync(join(dir, "th.json"), "utf8")) as {
        indicators: Array<{ id: string; met: boolean | null; target: Target }>;
        targets: Used;
      };
      used = json.targets;
      expect(c.out()).toContain(json.targets.note);
      return json.indicators.find((i) => i.id === "1.1")!;
    };
    expect(await run([])).toMatchObject({ met: false, target: { op: ">=", value: 100 } });
    expect(used).toEqual({ source: "de-an-241", note: "Mục tiêu đánh giá: theo Đề án 241.", changed: [] });
    expect(await run(["--targets", "ke-hoach.xlsx"])).toMatchObject({ met: true, target: { op: ">=", value: 90 } });
    expect(used?.source).toBe("ke-hoach.xlsx");
    expect(used?.changed).toEqual([{ id: "1.1", target: { op: ">=", value: 90 }, label: "90%", official: "100%" }]);
    expect(used?.note).toContain("ke-hoach.xlsx");

    // The template's own Mục tiêu sheet: untouched it is Đề án 241's targets; with 1.1 set to 90% it is the district's.
    writeFileSync(join(dir, "mau.xlsx"), template);
    expect(await run(["--targets", "mau.xlsx"])).toMatchObject({ met: false, target: { op: ">=", value: 100 } });
    expect(used?.source).toBe("de-an-241");
    writeFileSync(join(dir, "huyen.xlsx"), await fillTemplate(template, { targets: { "1.1": 0.9 } }));
    expect(await run(["--targets", "huyen.xlsx"])).toMatchObject({ met: true, target: { op: ">=", value: 90 } });
    expect(used?.source).toBe("huyen.xlsx");

    const bad = capture(dir);
    writeFileSync(join(dir, "rong.csv"), "Chỉ tiêu,Nội dung,Mục tiêu\n1.1,,khoảng chín mươi\n");
    expect(await main(["merge", "Ban Bo.xlsx", "--units", "don-vi.csv", "--out", "th2.xlsx", "--targets", "rong.csv"], bad.io)).toBe(1);
    expect(bad.err()).toContain("khoảng chín mươi");
  }, 60_000);
});

describe("a unit's own Mục tiêu sheet in the merge", () => {
  it("judges that unit's figures by its own targets, says so per file and on Chi tiết đơn vị, and leaves the district's verdict alone", async () => {
    const dir = mkdtempSync(join(tmpdir(), "own-targets-"));
    const template = (name: string) => writeWorkbookXlsx(buildUnitWorkbook({ unitName: name, place: "Tam Đường", level: "co-so", created: "2021-05-01" }));
    // Both reach 86% on 4.1 (Đề án 241: 85%); Bản Bo's own plan asks 90%.
    writeFileSync(
      join(dir, "ban-bo.xlsx"),
      await fillTemplate(await template("Đảng ủy xã Bản Bo"), { indicators: { "4.1": [100, 86] }, targets: { "4.1": 0.9 }, dateLine: "Bản Bo, ngày 10 tháng 6 năm 2021" }),
    );
    writeFileSync(
      join(dir, "binh-lu.xlsx"),
      await fillTemplate(await template("Đảng ủy xã Bình Lư"), { indicators: { "4.1": [200, 172] }, dateLine: "Bình Lư, ngày 11 tháng 6 năm 2021" }),
    );
    const c = capture(dir);
    expect(await main(["merge", "ban-bo.xlsx", "binh-lu.xlsx", "--out", "th.xlsx", "--json", "th.json"], c.io)).toBe(0);
    const json = JSON.parse(readFileSync(join(dir, "th.json"), "utf8")) as {
      files: Array<{ file: string; own_targets: Array<{ id: string; label: string }>; unmet: string[] }>;
      indicators: Array<{ id: string; met: boolean | null }>;
    };
    const banBo = json.files.find((f) => f.file === "ban-bo.xlsx")!;
    const binhLu = json.files.find((f) => f.file === "binh-lu.xlsx")!;
    expect(banBo.own_targets).toEqual([{ id: "4.1", target: { op: ">=", value: 90 }, label: "90%" }]);
    expect(banBo.unmet).toContain("4.1");
    expect(binhLu.own_targets).toEqual([]);
    expect(binhLu.unmet).not.toContain("4.1");
    // The district judges the sums (258/300 = 86%) by its own targets, here Đề án 241's 85%.
    expect(json.indicators.find((i) => i.id === "4.1")!.met).toBe(true);

    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(join(dir, "th.xlsx"));
    const ws = wb.getWorksheet(SUMMARY_SHEETS.perUnit)!;
    const texts: string[] = [];
    let unmetRow = 0;
    ws.eachRow((row, n) => {
      row.eachCell((cell) => texts.push(String(cell.value)));
      if (row.getCell(1).value === "Chỉ tiêu chưa đạt mục tiêu của đơn vị") unmetRow = n;
    });
    expect(texts.join("\n")).toContain("Đơn vị đặt mục tiêu khác Đề án 241: Đảng ủy xã Bản Bo (4.1: 90%).");
    expect(unmetRow).toBeGreaterThan(0);
    const header = ws.getRow(8);
    const columnOf = (name: string) => [...Array(header.cellCount).keys()].map((k) => k + 1).find((k) => String(header.getCell(k).value).includes(name))!;
    expect(String(ws.getRow(unmetRow).getCell(columnOf("Bản Bo")).value)).toContain("4.1");
    expect(String(ws.getRow(unmetRow).getCell(columnOf("Bình Lư")).value)).not.toContain("4.1");
  }, 60_000);
});
