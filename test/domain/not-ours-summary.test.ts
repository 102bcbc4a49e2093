/**
 * Summaries this merge does not take: another district's summary (built by
 * the merge itself from that district's units), or a summary of the level
 * above, is rejected with the reason and never summed; the district's own
 * units' files and summaries beside it still merge.
 */
import { readSources } from "../../src/app/read-files";
import { summarise } from "../../src/app/summarise";
import type { MergeSource } from "../../src/domain/merge";
import type { UnitLevel } from "../../src/domain/model/identity";
import { buildUnitWorkbook } from "../../src/domain/sheets";
import type { Unit } from "../../src/domain/units";
import { writeWorkbookXlsx } from "../../src/io/write";
import { fillTemplate } from "../support/fill";

type Commune = readonly [name: string, total: number, achieved: number];

const TAM_DUONG: readonly Commune[] = [
  ["Đảng ủy xã Bản Bo", 120, 110],
  ["Đảng ủy xã Bình Lư", 60, 60],
];
const PHONG_THO: readonly Commune[] = [
  ["Đảng ủy xã Dào San", 80, 75],
  ["Đảng ủy xã Mồ Sì San", 35, 20],
];

async function communeFile(superior: string, [name, total, achieved]: Commune): Promise<{ name: string; bytes: Uint8Array }> {
  const template = await writeWorkbookXlsx(buildUnitWorkbook({ unitName: name, superior, place: "Lai Châu", level: "co-so", created: "2021-05-01" }));
  const bytes = await fillTemplate(template, { indicators: { "1.1": [total, achieved] }, dateLine: "Lai Châu, ngày 10 tháng 6 năm 2021" });
  return { name: `${name}.xlsx`, bytes };
}

async function summaryFile(
  file: string,
  communes: readonly Commune[],
  superior: string,
  by: { unitName: string; level: UnitLevel },
): Promise<{ name: string; bytes: Uint8Array }> {
  const files = await Promise.all(communes.map((c) => communeFile(superior, c)));
  const units: Unit[] = communes.map(([name]) => ({ name, level: "co-so" }));
  const run = summarise(await readSources(files), { units }, { ...by, superior: "ĐẢNG BỘ TỈNH LAI CHÂU", place: "Lai Châu", date: "2021-06-20" });
  return { name: file, bytes: await writeWorkbookXlsx(run.layout) };
}

const TD_UNITS: Unit[] = TAM_DUONG.map(([name]) => ({ name, level: "co-so" }));
const LAYOUT = { unitName: "HUYỆN ỦY TAM ĐƯỜNG", superior: "ĐẢNG BỘ TỈNH LAI CHÂU", place: "Tam Đường", level: "huyen" as const, date: "2021-06-28" };

describe("summaries of another district or level", () => {
  let communes: MergeSource[];
  let phongTho: MergeSource;
  let province: MergeSource;
  let ownSummary: MergeSource;

  beforeAll(async () => {
    communes = await readSources(await Promise.all(TAM_DUONG.map((c) => communeFile("ĐẢNG BỘ HUYỆN TAM ĐƯỜNG", c))));
    phongTho = (await readSources([await summaryFile("tong-hop-phong-tho.xlsx", PHONG_THO, "ĐẢNG BỘ HUYỆN PHONG THỔ", { unitName: "HUYỆN ỦY PHONG THỔ", level: "huyen" })]))[0]!;
    province = (await readSources([await summaryFile("tong-hop-tinh.xlsx", PHONG_THO, "ĐẢNG BỘ HUYỆN PHONG THỔ", { unitName: "TỈNH ỦY LAI CHÂU", level: "tinh" })]))[0]!;
    ownSummary = (await readSources([await summaryFile("tong-hop-tam-duong.xlsx", TAM_DUONG, "ĐẢNG BỘ HUYỆN TAM ĐƯỜNG", { unitName: "HUYỆN ỦY TAM ĐƯỜNG", level: "huyen" })]))[0]!;
  }, 120_000);

  it("rejects another district's summary with the reason; the district's communes still merge, summed once", () => {
    expect(phongTho.report?.identity).toMatchObject({ kind: "summary", unitName: "HUYỆN ỦY PHONG THỔ" });
    const s = summarise([...communes, phongTho], { units: TD_UNITS }, LAYOUT).summary;
    const file = s.files.find((f) => f.file === "tong-hop-phong-tho.xlsx")!;
    expect(file.status).toBe("rejected");
    expect(file.reason).toContain("HUYỆN ỦY PHONG THỔ");
    expect(file.reason).toContain("Đảng ủy xã Dào San");
    expect(file.reason).toContain("không cộng vào");
    expect(file.issues.find((i) => i.rule === "summary-other-district")).toMatchObject({ severity: "error" });
    expect(s.files.filter((f) => f.status === "merged").map((f) => f.unit)).toEqual(TAM_DUONG.map(([n]) => n));
    expect(s.indicators.find((i) => i.id === "1.1")).toMatchObject({ total: 180, achieved: 170, reportedBy: 2 });
    expect(s.unlisted).toEqual([]);
  });

  it("rejects a summary of the level above (the province's) in a district's merge", () => {
    const s = summarise([...communes, province], { units: TD_UNITS }, LAYOUT).summary;
    const file = s.files.find((f) => f.file === "tong-hop-tinh.xlsx")!;
    expect(file.status).toBe("rejected");
    expect(file.reason).toContain("cấp tỉnh");
    expect(s.indicators.find((i) => i.id === "1.1")).toMatchObject({ total: 180, achieved: 170 });
  });

  it("without a unit list, rejects the summary of another place than the reports beside it", () => {
    const s = summarise([...communes, phongTho], { units: [] }, LAYOUT).summary;
    expect(s.files.find((f) => f.file === "tong-hop-phong-tho.xlsx")).toMatchObject({ status: "rejected" });
    expect(s.indicators.find((i) => i.id === "1.1")).toMatchObject({ total: 180, achieved: 170 });
  });

  it("does not sum again the district's own earlier summary when every unit it counted sent its file here", () => {
    const s = summarise([...communes, ownSummary], { units: [...TD_UNITS, { name: "Đảng ủy xã Nà Tăm", level: "co-so" }] }, LAYOUT).summary;
    const own = s.files.find((f) => f.file === "tong-hop-tam-duong.xlsx")!;
    expect(own.status).toBe("rejected");
    expect(own.issues.map((i) => [i.rule, i.severity])).toEqual([["summary-own", "warning"]]);
    expect(own.reason).toContain("do chính HUYỆN ỦY TAM ĐƯỜNG lập");
    expect(s.files.filter((f) => f.status === "merged").map((f) => f.unit)).toEqual(TAM_DUONG.map(([n]) => n));
    expect(s.received).toEqual(TAM_DUONG.map(([n]) => n));
    expect(s.missing).toEqual(["Đảng ủy xã Nà Tăm"]);
    expect(s.unlisted).toEqual([]);
    expect(s.indicators.find((i) => i.id === "1.1")).toMatchObject({ total: 180, achieved: 170, reportedBy: 2 });
  });

  it("still takes the district's own summary of its units, and counts a commune beside it once", () => {
    const s = summarise([ownSummary, communes[0]!], { units: TD_UNITS }, LAYOUT).summary;
    expect(s.files.find((f) => f.file === "tong-hop-tam-duong.xlsx")).toMatchObject({ status: "merged" });
    expect(s.files.find((f) => f.file === "Đảng ủy xã Bản Bo.xlsx")).toMatchObject({ status: "superseded" });
    expect(s.files.flatMap((f) => f.issues).some((i) => i.rule === "summary-other-district")).toBe(false);
    expect(s.indicators.find((i) => i.id === "1.1")).toMatchObject({ total: 180, achieved: 170 });
  });
});
