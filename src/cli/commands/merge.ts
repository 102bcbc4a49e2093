import { basename, extname, resolve } from "node:path";
import { RequestError } from "../../app/errors";
import { skippedEntryJson, withOrigins } from "../../app/containers";
import { openContainers } from "../../hosts/node/containers";
import { mergeFiles, mergeJson, mergeOptionsOf } from "../../app/merge";
import { formatRatio } from "../../domain/format";
import { targetsNote } from "../../domain/targets";
import { expandInputs, inputNames, openInputs, withRefused, type Skipped } from "../../hosts/node/files";
import { startReadWorker, workerThreadReader } from "../../hosts/node/read-pool";
import { OutputError, outputClash, writeFileAtomic } from "../../hosts/node/write";
import { INPUT_KINDS_TEXT, isInputName } from "../../io/read/formats";
import { writeSummaryXlsx } from "../../io/write";
import { dateOption, parseArgs, stringOption } from "../args";
import { terminalName } from "../terminal";
import { type CliCommand, type CliIO, UsageError } from "../types";
import { unwritableOutput } from "../outputs";
import { loadTargets } from "../targets";
import { loadUnits } from "../units";

/** Runs an app step, turning what the user asked wrongly into a usage error. */
export function asked<T>(step: () => T): T {
  try {
    return step();
  } catch (error) {
    if (error instanceof RequestError) throw new UsageError(error.message);
    throw error;
  }
}

export const mergeCommand: CliCommand = {
  name: "merge",
  summary: {
    vi: "Tổng hợp các tệp báo cáo của đơn vị thành một tệp tổng hợp .xlsx.",
    en: "Merge the units' workbooks into one summary .xlsx.",
  },
  usage: [
    "de-an-241 merge FILE|DIR... --out SUMMARY.xlsx [--units LIST.csv|LIST.xlsx|default] [--json PATH|-]",
    "    [--deadline YYYY-MM-DD|DD/MM/YYYY] [--take \"ID=ĐƠN VỊ;…\"] [--targets FILE.xlsx|FILE.csv] [--unit \"HUYỆN ỦY TAM ĐƯỜNG\"] [--superior …] [--place …] [--date YYYY-MM-DD|DD/MM/YYYY|today]",
    "  --units     danh sách đơn vị phải nộp (mặc định: danh sách có sẵn của huyện Tam Đường)",
    "  --deadline  hạn nộp, vd. 2021-06-25 hoặc 25/6/2021 (mặc định 2021-06-25, theo Công văn 232-CV/HU)",
    "  --targets   mục tiêu theo kế hoạch của đơn vị: trang \"Mục tiêu\" (cột Chỉ tiêu, Nội dung, Mục tiêu, vd. \"≥ 90%\", \"Trên 95%\", \"Ít nhất 2\"); mặc định theo Đề án 241",
    "  --unit, --superior, --place, --date  phần đầu bảng tổng hợp: cơ quan tổng hợp, cấp trên, địa danh và ngày ghi ở dòng ngày tháng (mặc định hôm nay)",
    "  --take      lấy số liệu của một đơn vị cho chỉ tiêu, thay vì cộng (vd. \"3.1=Phòng Văn hóa - Thông tin\")",
    "  Nhận cả thư điện tử (.eml, .msg) và tệp nén (.zip, .rar): mọi bảng tính đính kèm hoặc bên trong được tổng hợp; tệp không phải bảng tính được liệt kê ở skipped.",
    "  Chỉ đọc tệp thường; ống dẫn, thiết bị, thư mục, liên kết hỏng, tên không phải UTF-8 được bỏ qua và liệt kê (JSON: skipped).",
    "  Mã thoát / exit: 0 khi đã ghi tệp tổng hợp (kể cả khi có tệp bị loại), 1 khi không ghi được, 2 khi sai cú pháp.",
  ],
  async run(args, io: CliIO) {
    const parsed = parseArgs(args, { valued: ["out", "units", "json", "deadline", "take", "targets", "unit", "superior", "place", "date"] });
    const out = stringOption(parsed, "out");
    if (out === undefined) throw new UsageError("Thiếu --out SUMMARY.xlsx (missing --out)");
    if (extname(out).toLowerCase() !== ".xlsx") throw new UsageError("--out phải là tệp .xlsx (--out must be an .xlsx file)");
    if (parsed.positional.length === 0) throw new UsageError("Cần ít nhất một tệp hoặc thư mục (need files or folders)");
    const jsonTarget = stringOption(parsed, "json");
    // The summary's date: today unless given.
    const date = dateOption(parsed, "date");
    const deadline = stringOption(parsed, "deadline");
    const take = stringOption(parsed, "take");
    // What was typed is checked first (its form needs no unit list): a usage error is said as one, exit 2.
    asked(() => mergeOptionsOf({ units: [], ...(deadline !== undefined ? { deadline } : {}), ...(take !== undefined ? { take } : {}) }));
    // Where the summary and the JSON go is looked at before any file is read.
    if (unwritableOutput([{ option: "--out", path: out }, ...(jsonTarget !== undefined && jsonTarget !== "-" ? [{ option: "--json", path: jsonTarget }] : [])], io)) return 1;
    // The read worker's script loads while the unit list is read and the files are listed and opened.
    startReadWorker();
    const units = loadUnits(stringOption(parsed, "units") ?? "default", io);
    if (!units) return 1;
    const request = {
      units,
      ...(deadline !== undefined ? { deadline } : {}),
      ...(take !== undefined ? { take } : {}),
    };
    // What was asked is checked before any file is read.
    asked(() => mergeOptionsOf(request));
    const targetsFile = stringOption(parsed, "targets");
    const targets = targetsFile !== undefined ? loadTargets(targetsFile, io) : undefined;
    if (targetsFile !== undefined && targets === undefined) return 1;

    const givenBeside = [stringOption(parsed, "units"), targetsFile].filter((f): f is string => f !== undefined && f !== "default").map((f) => resolve(io.cwd, f));
    const outPath = resolve(io.cwd, out);
    const jsonPath = jsonTarget !== undefined && jsonTarget !== "-" ? resolve(io.cwd, jsonTarget) : undefined;
    // The unit list, the targets file or the JSON of an earlier run kept in the folder of units' files is not one of them.
    // A --json naming a file the merge reads (a unit's workbook) is not left out: it is refused below, never written over.
    const earlierJson = jsonPath !== undefined && !isInputName(jsonPath) ? [jsonPath] : [];
    const walked = expandInputs(parsed.positional, io.cwd, [...givenBeside, ...earlierJson]);
    for (const m of walked.missing) io.stderr(`Không tìm thấy: ${terminalName(m)}\n`);
    // No input is ever overwritten: neither a unit's file, nor the unit list or the targets file.
    const clash = outputClash(
      [{ option: "--out", path: outPath }, ...(jsonPath !== undefined ? [{ option: "--json", path: jsonPath }] : [])],
      [...walked.files, ...givenBeside],
    );
    if (clash !== undefined) {
      io.stderr(`${clash}\n`);
      return 1;
    }
    const opened = openInputs(walked.files, undefined, inputNames(walked));
    // Email messages and archives: the spreadsheets inside, each with where it came from.
    const expanded = await openContainers(opened.inputs, io.fileTimeLimitMs, (f) => opened.refused.has(f));
    const skipped: Skipped[] = [...walked.skipped, ...opened.skipped, ...expanded.skipped.map(skippedEntryJson)];
    if (opened.inputs.length === 0) {
      // Why each entry given was not read, as the summary's text lists them.
      const reasons = skipped.map((k) => `  Bỏ qua: ${terminalName(k.path)}: ${k.reason}\n`).join("");
      io.stderr(`Không có tệp bảng tính nào để tổng hợp; lệnh merge đọc ${INPUT_KINDS_TEXT}.\n${reasons}`);
      return 1;
    }
    const given = (option: string, field: "unitName" | "superior" | "place") => {
      const v = stringOption(parsed, option);
      return v !== undefined ? { [field]: v } : {};
    };
    const run = await mergeFiles(
      {
        ...request,
        files: expanded.files,
        ...(targets !== undefined && targetsFile !== undefined ? { targets: { name: basename(targetsFile), used: targets } } : {}),
        layout: { ...given("unit", "unitName"), ...given("superior", "superior"), ...given("place", "place"), ...(date !== undefined && date !== "today" ? { date } : {}) },
        ...(io.clock ? { clock: io.clock } : {}),
      },
      withOrigins(withRefused(workerThreadReader(io.readWorkers !== undefined ? { workers: io.readWorkers } : {}), opened.refused), expanded),
      {
        onRead: (p) => {
          if (jsonTarget !== "-") io.stderr(`[${p.done}/${p.total}] ${terminalName(p.item)}\n`);
        },
        ...(io.fileTimeLimitMs !== undefined ? { limitMs: io.fileTimeLimitMs } : {}),
      },
    );
    writeFileAtomic(outPath, await writeSummaryXlsx(run.layout));
    const s = run.summary;
    const rejected = s.files.filter((f) => f.status === "rejected");
    if (jsonTarget !== undefined) {
      const text = JSON.stringify({ ...(mergeJson(run) as Record<string, unknown>), skipped }, null, 2) + "\n";
      if (jsonPath === undefined) io.stdout(text);
      else {
        try {
          writeFileAtomic(jsonPath, text);
        } catch (error) {
          if (!(error instanceof OutputError)) throw error;
          io.stderr(`Đã ghi tệp tổng hợp ${terminalName(outPath)}, nhưng ${error.message.charAt(0).toLowerCase()}${error.message.slice(1)}\n`);
          return 1;
        }
      }
    }
    const lines = [
      `Đã ghi ${terminalName(outPath)}`,
      `Đã nhận ${s.received.length}/${s.expected.length} đơn vị${s.rate !== null ? ` (${formatRatio(s.rate)})` : ""}; ${s.files.length} tệp: ` +
        `${s.files.filter((f) => f.status === "merged").length} được tổng hợp, ` +
        `${s.files.filter((f) => f.status === "superseded").length} bị thay thế, ${rejected.length} bị loại.`,
      ...rejected.map((f) => `  Bị loại: ${terminalName(f.file)}: ${f.reason ?? ""}`),
      ...skipped.map((k) => `  Bỏ qua: ${terminalName(k.path)}: ${k.reason}`),
      ...(s.unlisted.length > 0 ? [`  Ngoài danh sách đơn vị: ${s.unlisted.map(terminalName).join(", ")}`] : []),
      ...(s.missing.length > 0 ? [`  Chưa nhận: ${s.missing.join(", ")}`] : []),
      ...(s.rejectedValues.length > 0 ? [`  ${s.rejectedValues.length} giá trị sai quy tắc không được cộng (xem trang "Số liệu bị loại").`] : []),
      targetsNote(s.targetsSource),
    ];
    (jsonTarget === "-" ? io.stderr : io.stdout)(lines.join("\n") + "\n");
    return 0;
  },
};
