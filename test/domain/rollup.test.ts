/**
 * Roll-up through the pipeline's own pieces: district summaries written by
 * the merge are merged again at the province, and a commune's file given
 * beside its district's summary is counted once, through the summary.
 */
import ExcelJS from "exceljs";
import { readSources } from "../../src/app/read-files";
import { summarise } from "../../src/app/summarise";
import { IDENTITY_SHEET } from "../../src/domain/model/identity";
import { buildUnitWorkbook } from "../../src/domain/sheets";
import type { MergeSource } from "../../src/domain/merge";
import type { Unit } from "../../src/domain/units";
import { writeWorkbookXlsx } from "../../src/io/write";
import { fillTemplate } from "../support/fill";

type Commune = readonly [name: string, total: number, achieved: number, documentsTotal: number];

const DISTRICTS = [
  {
    name: "Huyện ủy Tam Đường",
    superior: "ĐẢNG BỘ HUYỆN TAM ĐƯỜNG",
    communes: [
      ["Đảng ủy xã Bản Bo", 120, 110, 40],
      ["Đảng ủy xã Bình Lư", 60, 60, 25],
      ["Đảng ủy xã Nà Tăm", 45, 30, 12],
    ] as readonly Commune[],
  },
  {
    name: "Huyện ủy Phong Thổ",
    superior: "ĐẢNG BỘ HUYỆN PHONG THỔ",
    communes: [
      ["Đảng ủy xã Dào San", 80, 75, 30],
      ["Đảng ủy xã Mồ Sì San", 35, 20, 9],
    ] as readonly Commune[],
  },
] as const;

const communeBytes = new Map<string, Uint8Array>();

async function communeFile(superior: string, [name, total, achieved, households]: Commune): Promise<Uint8Array> {
  const template = await writeWorkbookXlsx(buildUnitWorkbook({ unitName: name, superior, place: "Lai Châu", level: "co-so", created: "2021-05-01" }));
  return fillTemplate(template, {
    indicators: { "1.1": [total, achieved], "1.3": [households * 10, households * 9] },
    dateLine: "Lai Châu, ngày 10 tháng 6 năm 2021",
  });
}

async function districtSummary(d: (typeof DISTRICTS)[number]): Promise<Uint8Array> {
  const files = [];
  for (const c of d.communes) {
    const bytes = await communeFile(d.superior, c);
    communeBytes.set(c[0], bytes);
    files.push({ name: `${c[0]}.xlsx`, bytes });
  }
  const units: Unit[] = d.communes.map(([name]) => ({ name, level: "co-so" }));
  const run = summarise(await readSources(files), { units }, {
    unitName: d.name.toUpperCase(),
    superior: "ĐẢNG BỘ TỈNH LAI CHÂU",
    place: "Lai Châu",
    level: "huyen",
    date: "2021-06-20",
  });
  return writeWorkbookXlsx(run.layout);
}

const sum = (f: (c: Commune) => number): number => DISTRICTS.reduce((n, d) => n + d.communes.reduce((m, c) => m + f(c), 0), 0);
const PROVINCE_UNITS: Unit[] = DISTRICTS.map((d) => ({ name: d.name, level: "huyen" }));

describe("roll-up of district summaries (domain pipeline)", () => {
  let summaries: MergeSource[];

  beforeAll(async () => {
    const files = [];
    for (const [k, d] of DISTRICTS.entries()) files.push({ name: `tong-hop-${k}.xlsx`, bytes: await districtSummary(d) });
    summaries = await readSources(files);
  }, 120_000);

  it("reads each district summary as that district's report, with kind summary", () => {
    expect(summaries.map((s) => s.report?.identity?.kind)).toEqual(["summary", "summary"]);
    expect(summaries.map((s) => s.report?.identity?.level)).toEqual(["huyen", "huyen"]);
  });

  it("gives the province the sums of all the districts' units", () => {
    const run = summarise(summaries, { units: PROVINCE_UNITS }, {
      unitName: "TỈNH ỦY LAI CHÂU",
      superior: "ĐẢNG BỘ TỈNH LAI CHÂU",
      place: "Lai Châu",
      level: "tinh",
      date: "2021-06-28",
    });
    const s = run.summary;
    expect(s.files.map((f) => [f.unit, f.status])).toEqual(DISTRICTS.map((d) => [d.name, "merged"]));
    expect(s.received).toEqual(DISTRICTS.map((d) => d.name));
    const i11 = s.indicators.find((i) => i.id === "1.1")!;
    expect(i11).toMatchObject({ total: sum((c) => c[1]), achieved: sum((c) => c[2]), reportedBy: 2 });
    const i13 = s.indicators.find((i) => i.id === "1.3")!;
    expect(i13).toMatchObject({ total: sum((c) => c[3] * 10), achieved: sum((c) => c[3] * 9) });
    expect(i13.ratio).toBeCloseTo(90, 2);
  });

  it("counts a commune's file beside its district summary once, through the summary, with a warning", async () => {
    const [extra] = await readSources([{ name: "Ban Bo.xlsx", bytes: communeBytes.get("Đảng ủy xã Bản Bo")! }]);
    const run = summarise([...summaries, extra!], { units: PROVINCE_UNITS }, {
      unitName: "TỈNH ỦY LAI CHÂU",
      superior: "ĐẢNG BỘ TỈNH LAI CHÂU",
      place: "Lai Châu",
      level: "tinh",
      date: "2021-06-28",
    });
    const s = run.summary;
    const commune = s.files.find((f) => f.file === "Ban Bo.xlsx")!;
    expect(commune.status).toBe("superseded");
    expect(commune.reason).toContain("Đã có trong bảng tổng hợp của Huyện ủy Tam Đường");
    expect(commune.reason).toContain("tong-hop-0.xlsx");
    const warning = commune.issues.find((i) => i.rule === "included-in-summary")!;
    expect(warning.severity).toBe("warning");
    expect(warning.message).toContain("tong-hop-0.xlsx");
    expect(commune.warnings).toBeGreaterThanOrEqual(1);
    // Not counted twice: the same totals as without the commune's file.
    expect(s.indicators.find((i) => i.id === "1.1")).toMatchObject({ total: sum((c) => c[1]), achieved: sum((c) => c[2]), reportedBy: 2 });
    expect(s.perUnit.map((u) => u.unit)).toEqual(DISTRICTS.map((d) => d.name));
  });
  it("counts a commune's file typed by hand (no identity) beside its district summary once, by the units the summary counted", async () => {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(Buffer.from(communeBytes.get("Đảng ủy xã Bình Lư")!) as unknown as ExcelJS.Buffer);
    wb.removeWorksheet(wb.getWorksheet(IDENTITY_SHEET)!.id);
    const bytes = new Uint8Array(await wb.xlsx.writeBuffer());
    const [extra] = await readSources([{ name: "binh-lu-go-tay.xlsx", bytes }]);
    expect(extra!.report!.identity).toBeUndefined();
    expect(extra!.report!.unit.source).toBe("header");
    expect(summaries[0]!.includedUnits).toEqual(DISTRICTS[0].communes.map(([name]) => name));
    const s = summarise([...summaries, extra!], { units: PROVINCE_UNITS }, {
      unitName: "TỈNH ỦY LAI CHÂU",
      superior: "ĐẢNG BỘ TỈNH LAI CHÂU",
      place: "Lai Châu",
      level: "tinh",
      date: "2021-06-28",
    }).summary;
    const commune = s.files.find((f) => f.file === "binh-lu-go-tay.xlsx")!;
    expect(commune.status).toBe("superseded");
    expect(commune.issues.map((i) => i.rule)).toContain("included-in-summary");
    expect(s.unlisted).toEqual([]);
    expect(s.indicators.find((i) => i.id === "1.1")).toMatchObject({ total: sum((c) => c[1]), achieved: sum((c) => c[2]), reportedBy: 2 });
  });
});
