/**
 * Makes the sample unit workbooks behind "Dùng thử với dữ liệu mẫu" from the
 * real template, filled the way units fill it: realistic figures for a few
 * xã, the thị trấn and the Trung tâm Chính trị; one unit that sent two
 * versions, one late report, one with an error (Số đã đạt > Tổng số), and
 * one that set a target of its own plan on its "Mục tiêu" sheet.
 *
 *   npx tsx scripts/make-samples.ts [OUT_DIR]     (default assets/samples)
 */
import { mkdirSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { SAMPLE_FILES } from "../src/app/sample";
import { matchUnit, TAM_DUONG_UNITS, unitFileName, type Unit } from "../src/domain/units";
import { writeUnitTemplate } from "../src/io/write";
import { fillTemplate, type Fill } from "../test/support/fill";

type Figures = Record<string, readonly [number, number]>;

interface Sample {
  readonly unit: string;
  /** File name when it is not the unit's own ("…-ban-sua.xlsx"). */
  readonly file?: string;
  /** Report date [day, month]; 2021. */
  readonly date: readonly [number, number];
  readonly figures: Figures;
  readonly documents: Fill["documents"];
  /** Targets of the unit's own plan, as typed on its "Mục tiêu" sheet. */
  readonly targets?: Fill["targets"];
}

/** A commune's figures, scaled by its size (households, villages). */
function commune(households: number, villages: number, cadres: number, members: number, shortfall = 0): Figures {
  const pct = (n: number, p: number) => Math.round((n * p) / 100);
  return {
    "1.1": [cadres, cadres],
    "1.2": [members, members - 2 - shortfall],
    "1.3": [households, pct(households, 96.5)],
    "2": [1, 1],
    "3.1": [households, households - 4 - shortfall],
    "3.2": [households, pct(households, 96)],
    "4.1": [households, pct(households, 86 - shortfall)],
    "4.2": [villages, Math.ceil(villages * 0.8)],
    "4.3": [9, 9],
    "4.4": [1, 1],
    "4.5": [villages, villages - 1],
    "4.6": [villages, Math.ceil(villages * 0.75)],
    "5": [1, shortfall > 0 ? 0 : 1],
  };
}

function documents(unit: string, short: string): Fill["documents"] {
  const d = (y: number, m: number, day: number) => new Date(Date.UTC(y, m - 1, day));
  return [
    { code: `12-KH/ĐU`, date: d(2016, 11, 15), summary: "Kế hoạch thực hiện Đề án 241 giai đoạn 2016 - 2020", issuer: unit },
    { code: `45-CV/ĐU`, date: d(2017, 3, 8), summary: `Triển khai học tập, quán triệt Đề án 241 tại ${short}`, issuer: unit },
    { code: `26-KH/TU`, date: d(2018, 4, 7), summary: "Kế hoạch của Ban Thường vụ Tỉnh ủy về công tác tư tưởng năm 2018", issuer: "Tỉnh ủy Lai Châu" },
    { code: `78-BC/ĐU`, date: d(2019, 12, 20), summary: "Báo cáo sơ kết 3 năm thực hiện Đề án 241", issuer: unit },
  ];
}

const SAMPLES: readonly Sample[] = [
  // Its own plan asks 90% of households to meet the cultural standard (Đề án 241: 85%).
  {
    unit: "Đảng ủy xã Bản Bo",
    date: [18, 6],
    figures: commune(1240, 14, 28, 236),
    documents: documents("Đảng ủy xã Bản Bo", "xã Bản Bo"),
    targets: { "4.1": 0.9 },
  },
  { unit: "Đảng ủy xã Bình Lư", date: [21, 6], figures: commune(1630, 17, 31, 312), documents: documents("Đảng ủy xã Bình Lư", "xã Bình Lư") },
  {
    unit: "Đảng ủy xã Nùng Nàng",
    date: [15, 6],
    figures: commune(720, 9, 22, 141, 3),
    documents: documents("Đảng ủy xã Nùng Nàng", "xã Nùng Nàng"),
  },
  {
    unit: "Đảng ủy xã Nùng Nàng",
    file: "Dang-uy-xa-Nung-Nang-ban-sua.xlsx",
    date: [22, 6],
    figures: commune(735, 9, 22, 143),
    documents: documents("Đảng ủy xã Nùng Nàng", "xã Nùng Nàng"),
  },
  {
    unit: "Đảng ủy thị trấn Tam Đường",
    date: [23, 6],
    figures: { ...commune(2150, 12, 34, 498), "4.3": [26, 25] },
    documents: documents("Đảng ủy thị trấn Tam Đường", "thị trấn Tam Đường"),
  },
  {
    unit: "Trung tâm Chính trị",
    date: [24, 6],
    figures: { "6.1": [7, 7], "6.2.1": [7, 7], "6.2.2": [7, 5] },
    documents: [
      {
        code: "05-KH/TTCT",
        date: new Date(Date.UTC(2017, 1, 14)),
        summary: "Kế hoạch bồi dưỡng lý luận chính trị cho cán bộ, đảng viên năm 2017",
        issuer: "Trung tâm Chính trị huyện",
      },
    ],
  },
  // Late: dated after 25/6/2021.
  { unit: "Đảng ủy xã Sơn Bình", date: [30, 6], figures: commune(980, 11, 26, 204, 1), documents: documents("Đảng ủy xã Sơn Bình", "xã Sơn Bình") },
  // An error: Số đã đạt (1.020) > Tổng số (950) for 4.1.
  {
    unit: "Đảng ủy xã Hồ Thầu",
    date: [20, 6],
    figures: { ...commune(950, 10, 24, 188), "4.1": [950, 1020] },
    documents: documents("Đảng ủy xã Hồ Thầu", "xã Hồ Thầu"),
  },
];

function placeOf(unit: Unit): string {
  const m = /(?:xã|thị trấn)\s+(.+)$/u.exec(unit.name);
  return m ? m[1]! : "Tam Đường";
}

export async function makeSamples(outDir: string): Promise<string[]> {
  mkdirSync(outDir, { recursive: true });
  for (const old of readdirSync(outDir)) if (old.endsWith(".xlsx")) rmSync(join(outDir, old));
  const written: string[] = [];
  for (const sample of SAMPLES) {
    const unit = matchUnit(sample.unit, TAM_DUONG_UNITS);
    if (!unit) throw new Error(`${sample.unit} is not on the default unit list`);
    const template = await writeUnitTemplate(unit, { created: "2021-05-04" });
    const [day, month] = sample.date;
    const bytes = await fillTemplate(template, {
      indicators: sample.figures,
      documents: sample.documents ?? [],
      dateLine: `${placeOf(unit)}, ngày ${day} tháng ${month} năm 2021`,
      ...(sample.targets ? { targets: sample.targets } : {}),
    });
    const name = sample.file ?? unitFileName(unit);
    writeFileSync(join(outDir, name), bytes);
    written.push(name);
  }
  const expected = [...SAMPLE_FILES].sort();
  if (JSON.stringify([...written].sort()) !== JSON.stringify(expected)) {
    throw new Error(`src/app/sample.ts lists ${expected.join(", ")} but the script wrote ${written.join(", ")}`);
  }
  return written;
}

if (require.main === module) {
  const out = resolve(process.argv[2] ?? join(__dirname, "..", "assets", "samples"));
  makeSamples(out)
    .then((names) => console.log(`${names.length} sample workbooks in ${out}:\n  ${names.join("\n  ")}`))
    .catch((error: unknown) => {
      console.error(error);
      process.exitCode = 1;
    });
}
