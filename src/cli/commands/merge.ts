import { readdirSync, readFileSync, statSync, writeFileSync } from "node:fs";
import { basename, extname, join, resolve } from "node:path";
import { mergeJson, summarise } from "../../app/merge";
import { readSourcesWithTimeLimit } from "../../hosts/node/read-pool";
import { DEADLINES, indicatorById, PROGRAMME } from "../../domain/catalogue";
import * as XLSX from "@e965/xlsx";
import type { GridCell, WorkbookGrid } from "../../domain/model/grid";
import type { AggregationRules } from "../../domain/merge";
import { targetsOfWorkbook, type TargetsUsed } from "../../domain/check";
import { findTargetsSheet, parseTargetsSheet, TARGETS_SHEET_NAME, targetsNote } from "../../domain/targets";
import { readWorkbookFile } from "../../io/read";
import { matchUnit, type Unit } from "../../domain/units";
import { writeWorkbookXlsx } from "../../io/write";
import { parseArgs, stringOption } from "../args";
import { type CliCommand, type CliIO, UsageError } from "../types";
import { loadUnits } from "../units";

const WORKBOOK_EXTENSIONS = new Set([".xlsx", ".xlsm", ".xls", ".ods"]);

/** Files named on the command line, and the workbooks inside named folders (not recursive), in name order. */
export function expandInputs(args: readonly string[], cwd: string): { files: string[]; missing: string[] } {
  const files: string[] = [];
  const missing: string[] = [];
  for (const arg of args) {
    const path = resolve(cwd, arg);
    let stat;
    try {
      stat = statSync(path);
    } catch {
      missing.push(arg);
      continue;
    }
    if (stat.isDirectory()) {
      for (const name of readdirSync(path).sort((a, b) => a.localeCompare(b, "vi"))) {
        if (name.startsWith("~$") || name.startsWith(".")) continue;
        if (WORKBOOK_EXTENSIONS.has(extname(name).toLowerCase())) files.push(join(path, name));
      }
    } else files.push(path);
  }
  return { files, missing };
}

/** "--take 3.1=Phòng Văn hóa - Thông tin;3.2=…": indicators taken from one unit's figure. */
function parseTake(spec: string | undefined, units: readonly Unit[]): AggregationRules {
  if (spec === undefined) return {};
  const rules: Record<string, { kind: "unit"; unit: string }> = {};
  for (const part of spec.split(";").map((p) => p.trim()).filter((p) => p !== "")) {
    const eq = part.indexOf("=");
    const id = eq > 0 ? part.slice(0, eq).trim() : "";
    const unit = eq > 0 ? part.slice(eq + 1).trim() : "";
    if (!indicatorById(id)) throw new UsageError(`--take: không có chỉ tiêu "${id}" (unknown indicator)`);
    if (unit === "") throw new UsageError(`--take: thiếu tên đơn vị cho chỉ tiêu ${id} (missing unit)`);
    rules[id] = { kind: "unit", unit: matchUnit(unit, units)?.name ?? unit };
  }
  return rules;
}

/** A CSV file (UTF-8, comma or semicolon) as a one-sheet grid named "Mục tiêu". */
function csvGrid(text: string): WorkbookGrid {
  const wb = XLSX.read(text.replace(/^\ufeff/, ""), { type: "string", raw: true });
  const sheet = wb.Sheets[wb.SheetNames[0] ?? ""];
  const rows = sheet ? XLSX.utils.sheet_to_json<unknown[]>(sheet, { header: 1, raw: true, defval: null, blankrows: true }) : [];
  return {
    sheets: [
      {
        name: "Mục tiêu",
        visibility: "visible",
        rows: rows.map((row) => row.map((v): GridCell | undefined => (v === null || v === undefined ? undefined : { v: String(v) }))),
        merges: [],
      },
    ],
  };
}

/** "--targets FILE": the unit's own targets from the file's "Mục tiêu" sheet (a CSV is that sheet). Undefined when it cannot be read. */
function loadTargets(spec: string, io: CliIO): TargetsUsed | undefined {
  const path = resolve(io.cwd, spec);
  let grid: WorkbookGrid;
  try {
    const bytes = new Uint8Array(readFileSync(path));
    grid = [".csv", ".txt"].includes(extname(path).toLowerCase())
      ? csvGrid(new TextDecoder("utf-8").decode(bytes))
      : readWorkbookFile(bytes, basename(path));
  } catch (error) {
    io.stderr(`Không đọc được tệp mục tiêu ${path}: ${error instanceof Error ? error.message : String(error)}\n`);
    return undefined;
  }
  const sheet = findTargetsSheet(grid);
  if (!sheet) {
    io.stderr(`Tệp mục tiêu ${path} không có trang "${TARGETS_SHEET_NAME}" (cột Chỉ tiêu, Nội dung, Mục tiêu).\n`);
    return undefined;
  }
  const used = targetsOfWorkbook(grid);
  for (const issue of used.issues) io.stderr(`Cảnh báo (${issue.rule})${issue.sheet !== null ? ` ${issue.sheet}!${issue.cell ?? ""}` : ""}: ${issue.message}\n`);
  if (Object.keys(parseTargetsSheet(sheet).targets).length === 0) {
    io.stderr(`Tệp mục tiêu ${path} không đặt mục tiêu nào đọc được (trang "${TARGETS_SHEET_NAME}": cột Chỉ tiêu, Nội dung, Mục tiêu).\n`);
    return undefined;
  }
  return used;
}

function today(): string {
  return new Date().toISOString().slice(0, 10);
}

export const mergeCommand: CliCommand = {
  name: "merge",
  summary: {
    vi: "Tổng hợp các tệp báo cáo của đơn vị thành một tệp tổng hợp .xlsx.",
    en: "Merge the units' workbooks into one summary .xlsx.",
  },
  usage: [
    "de-an-241 merge FILE|DIR... --out SUMMARY.xlsx [--units LIST.csv|LIST.xlsx|default] [--json PATH|-]",
    "    [--deadline YYYY-MM-DD] [--take \"ID=ĐƠN VỊ;…\"] [--targets FILE.xlsx|FILE.csv] [--unit \"HUYỆN ỦY TAM ĐƯỜNG\"] [--superior …] [--place …]",
    "  --units     danh sách đơn vị phải nộp (mặc định: danh sách có sẵn của huyện Tam Đường)",
    "  --deadline  hạn nộp (mặc định 2021-06-25, theo Công văn 232-CV/HU)",
    "  --targets   mục tiêu theo kế hoạch của đơn vị: trang \"Mục tiêu\" (cột Chỉ tiêu, Nội dung, Mục tiêu, vd. \"≥ 90%\", \"Trên 95%\", \"Ít nhất 2\"); mặc định theo Đề án 241",
    "  --take      lấy số liệu của một đơn vị cho chỉ tiêu, thay vì cộng (vd. \"3.1=Phòng Văn hóa - Thông tin\")",
    "  Mã thoát / exit: 0 khi đã ghi tệp tổng hợp (kể cả khi có tệp bị loại), 1 khi không ghi được, 2 khi sai cú pháp.",
  ],
  async run(args, io: CliIO) {
    const parsed = parseArgs(args, { valued: ["out", "units", "json", "deadline", "take", "targets", "unit", "superior", "place", "date"] });
    const out = stringOption(parsed, "out");
    if (out === undefined) throw new UsageError("Thiếu --out SUMMARY.xlsx (missing --out)");
    if (parsed.positional.length === 0) throw new UsageError("Cần ít nhất một tệp hoặc thư mục (need files or folders)");
    const deadline = stringOption(parsed, "deadline") ?? DEADLINES.sendToDistrict;
    if (!/^\d{4}-\d{2}-\d{2}$/.test(deadline)) throw new UsageError("--deadline phải có dạng YYYY-MM-DD");
    const units = loadUnits(stringOption(parsed, "units") ?? "default", io) ?? undefined;
    if (!units) return 1;
    const aggregation = parseTake(stringOption(parsed, "take"), units);
    const targetsFile = stringOption(parsed, "targets");
    const targets = targetsFile !== undefined ? loadTargets(targetsFile, io) : undefined;
    if (targetsFile !== undefined && targets === undefined) return 1;

    const { files, missing } = expandInputs(parsed.positional, io.cwd);
    for (const m of missing) io.stderr(`Không tìm thấy: ${m}\n`);
    if (files.length === 0) {
      io.stderr("Không có tệp bảng tính nào để tổng hợp (.xlsx, .xlsm, .xls, .ods).\n");
      return 1;
    }
    const inputs = files.map((path) => {
      const stat = statSync(path);
      return { name: basename(path), bytes: new Uint8Array(readFileSync(path)), lastModified: stat.mtime.toISOString() };
    });
    const jsonTarget = stringOption(parsed, "json");
    const sources = await readSourcesWithTimeLimit(inputs, {
      onProgress: (done, total, file) => {
        if (jsonTarget !== "-") io.stderr(`[${done}/${total}] ${file}\n`);
      },
    });
    const run = summarise(
      sources,
      {
        units,
        deadline,
        aggregation,
        // A "Mục tiêu" sheet that keeps every target of Đề án 241 is Đề án 241's targets.
        ...(targets !== undefined && targetsFile !== undefined && targets.source === "workbook"
          ? { targets: targets.targets, targetsSource: basename(targetsFile) }
          : {}),
      },
      {
        unitName: stringOption(parsed, "unit") ?? PROGRAMME.letter.issuer,
        superior: stringOption(parsed, "superior") ?? PROGRAMME.letter.superior,
        place: stringOption(parsed, "place") ?? PROGRAMME.letter.place,
        level: "huyen",
        date: stringOption(parsed, "date") ?? today(),
      },
    );
    const outPath = resolve(io.cwd, out);
    writeFileSync(outPath, await writeWorkbookXlsx(run.layout));
    const s = run.summary;
    const rejected = s.files.filter((f) => f.status === "rejected");
    if (jsonTarget !== undefined) {
      const text = JSON.stringify(mergeJson(run), null, 2) + "\n";
      if (jsonTarget === "-") io.stdout(text);
      else writeFileSync(resolve(io.cwd, jsonTarget), text);
    }
    const lines = [
      `Đã ghi ${outPath}`,
      `Đã nhận ${s.received.length}/${s.expected.length} đơn vị${s.rate !== null ? ` (${s.rate}%)` : ""}; ${s.files.length} tệp: ` +
        `${s.files.filter((f) => f.status === "merged").length} được tổng hợp, ` +
        `${s.files.filter((f) => f.status === "superseded").length} bị thay thế, ${rejected.length} bị loại.`,
      ...rejected.map((f) => `  Bị loại: ${f.file}: ${f.reason ?? ""}`),
      ...(s.unlisted.length > 0 ? [`  Ngoài danh sách đơn vị: ${s.unlisted.join(", ")}`] : []),
      ...(s.missing.length > 0 ? [`  Chưa nhận: ${s.missing.join(", ")}`] : []),
      ...(s.rejectedValues.length > 0 ? [`  ${s.rejectedValues.length} giá trị sai quy tắc không được cộng (xem trang "Số liệu bị loại").`] : []),
      targetsNote(s.targetsSource),
    ];
    (jsonTarget === "-" ? io.stderr : io.stdout)(lines.join("\n") + "\n");
    return 0;
  },
};

