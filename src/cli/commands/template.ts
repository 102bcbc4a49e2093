import { existsSync, mkdirSync } from "node:fs";
import { extname, join, resolve } from "node:path";
import { unitLayout, unitTemplates, unitTemplatesZip } from "../../app/templates";
import { unitKindsText } from "../../domain/format";
import type { UnitLevel } from "../../domain/model/identity";
import { TAM_DUONG_UNITS } from "../../domain/units";
import { unitFileNames, writeWorkbookXlsx } from "../../io/write";
import { OutputError, outputClash, writeFileAtomic, writeProblem } from "../../hosts/node/write";
import { parseArgs, stringOption } from "../args";
import { terminalName } from "../terminal";
import { unwritableOutput } from "../outputs";
import { type CliCommand, UsageError } from "../types";
import { loadUnits } from "../units";

const LEVELS: Readonly<Record<string, UnitLevel>> = { "co-so": "co-so", huyen: "huyen", tinh: "tinh" };

export const templateCommand: CliCommand = {
  name: "template",
  summary: {
    vi: "Tạo mẫu biểu chính thức (Văn bản, Chỉ tiêu, Mục tiêu) cho một đơn vị hoặc cho cả danh sách đơn vị.",
    en: "Generate the official sheets (Văn bản, Chỉ tiêu, Mục tiêu) for one unit or for a list of units.",
  },
  usage: [
    'de-an-241 template --unit "Đảng ủy xã Bản Bo" [--superior "ĐẢNG BỘ HUYỆN TAM ĐƯỜNG"] [--place "Bản Bo"] [--code X] [--level co-so|huyen|tinh] [--date YYYY-MM-DD] --out FILE.xlsx',
    "de-an-241 template --units LIST.csv|LIST.xlsx|default [--superior ...] [--date YYYY-MM-DD] --out DIR|FILE.zip [--force]",
    "  --force: ghi đè các tệp cùng tên đã có trong thư mục --out (mặc định không ghi đè tệp nào; không ghi gì khi có tệp bị từ chối)",
    `  --units default: danh sách có sẵn của huyện Tam Đường (${unitKindsText(TAM_DUONG_UNITS.map((u) => u.name))})`,
  ],
  async run(args, io) {
    const parsed = parseArgs(args, {
      valued: ["unit", "units", "superior", "place", "code", "level", "date", "out"],
      flags: ["force"],
    });
    if (parsed.positional.length > 0) throw new UsageError(`Tham số thừa: ${parsed.positional.join(" ")} (unexpected arguments)`);
    const unitName = stringOption(parsed, "unit");
    const unitsSpec = stringOption(parsed, "units");
    const out = stringOption(parsed, "out");
    if ((unitName === undefined) === (unitsSpec === undefined)) {
      throw new UsageError("Cần đúng một trong --unit hoặc --units (exactly one of --unit, --units)");
    }
    if (out === undefined) throw new UsageError("Thiếu --out (missing --out)");
    const date = stringOption(parsed, "date");
    if (date !== undefined && !/^\d{4}-\d{2}-\d{2}$/.test(date)) {
      throw new UsageError(`--date phải có dạng YYYY-MM-DD: ${date}`);
    }
    const levelText = stringOption(parsed, "level");
    if (levelText !== undefined && LEVELS[levelText] === undefined) {
      throw new UsageError(`--level phải là co-so, huyen hoặc tinh: ${levelText}`);
    }
    const superior = stringOption(parsed, "superior");
    const outPath = resolve(io.cwd, out);
    if (unitName !== undefined) {
      if (unitName.trim() === "") throw new UsageError("--unit không được để trống");
      if (extname(outPath).toLowerCase() !== ".xlsx") throw new UsageError("--out phải là tệp .xlsx khi dùng --unit");
    } else if (stringOption(parsed, "place") !== undefined || stringOption(parsed, "code") !== undefined) {
      throw new UsageError("--place và --code chỉ dùng với --unit (only with --unit)");
    }
    // Where the template, the .zip or the folder of templates goes is looked at before the unit list is read or a template made.
    const toFolder = unitName === undefined && extname(outPath).toLowerCase() !== ".zip";
    if (unwritableOutput([{ option: "--out", path: outPath, kind: toFolder ? "folder" : "file" }], io)) return 1;

    if (unitName !== undefined) {
      const place = stringOption(parsed, "place");
      const code = stringOption(parsed, "code");
      const layout = unitLayout(
        {
          unitName,
          ...(superior !== undefined ? { superior } : {}),
          ...(place !== undefined ? { place } : {}),
          ...(code !== undefined ? { unitCode: code } : {}),
          ...(levelText !== undefined ? { level: LEVELS[levelText]! } : {}),
          ...(date !== undefined ? { date } : {}),
        },
        io.clock,
      );
      writeFileAtomic(outPath, await writeWorkbookXlsx(layout));
      const shown = layout.sheets.filter((s) => s.visibility === "visible").map((s) => s.name);
      io.stdout(`Đã ghi ${terminalName(outPath)} (${terminalName(unitName.trim())}; trang: ${shown.map(terminalName).join(", ")})\n`);
      return 0;
    }

    const units = loadUnits(unitsSpec!, io);
    if (!units) return 1;
    const unitsFile = unitsSpec !== "default" ? [resolve(io.cwd, unitsSpec!)] : [];
    const options = { ...(superior !== undefined ? { superior } : {}), ...(date !== undefined ? { date } : {}), ...(io.clock ? { clock: io.clock } : {}) };
    if (!toFolder) {
      const clash = outputClash([{ option: "--out", path: outPath }], unitsFile);
      if (clash !== undefined) {
        io.stderr(`${clash}\n`);
        return 1;
      }
      const zip = await unitTemplatesZip(units, options);
      writeFileAtomic(outPath, zip);
      const names = unitFileNames(units);
      io.stdout(`Đã ghi ${terminalName(outPath)} (${units.length} tệp):\n${names.map((n) => `  ${terminalName(n)}`).join("\n")}\n`);
      return 0;
    }
    try {
      mkdirSync(outPath, { recursive: true });
    } catch (error) {
      throw new OutputError(outPath, writeProblem(error));
    }
    const made = await unitTemplates(units, options);
    const clash = outputClash(
      made.map(({ name }) => ({ option: "--out", path: join(outPath, name) })),
      unitsFile,
    );
    if (clash !== undefined) {
      io.stderr(`${clash}\n`);
      return 1;
    }
    // A file already in the folder (a unit's report sent back under the template's name, say) is kept, unless --force.
    if (!parsed.options.has("force")) {
      const existing = made.map(({ name }) => join(outPath, name)).filter((file) => existsSync(file));
      if (existing.length > 0) {
        io.stderr(`Đã có tệp cùng tên, không ghi đè (thêm --force để ghi đè): ${existing.map(terminalName).join(", ")}\n`);
        return 1;
      }
    }
    for (const { name, unit, bytes } of made) {
      const file = join(outPath, name);
      writeFileAtomic(file, bytes);
      io.stdout(`Đã ghi ${terminalName(file)} (${terminalName(unit.name)})\n`);
    }
    io.stdout(`Tổng cộng ${units.length} tệp trong ${terminalName(outPath)}\n`);
    return 0;
  },
};
