import { existsSync, mkdirSync } from "node:fs";
import { join, resolve } from "node:path";
import { checkFiles } from "../../app/check";
import { skippedEntryJson } from "../../app/containers";
import { feedbackFile, feedbackJson, feedbackLine, feedbackZip, feedbackZipName, withUniqueNames, type FeedbackOutput } from "../../app/feedback";
import { openContainers } from "../../hosts/node/containers";
import { expandInputs, inputNames, isPassedOver, openInputs, type Skipped } from "../../hosts/node/files";
import { workerThreadChecker } from "../../hosts/node/read-pool";
import type { InputFile } from "../../app/sources";
import type { SourceOrigin } from "../../domain/merge/types";
import type { ReadErrorCode } from "../../domain/model/issues";
import { readFailureReason } from "../../domain/rules/messages";
import { OutputError, outputClash, writeFileAtomic, writeProblem } from "../../hosts/node/write";
import { INPUT_KINDS_TEXT } from "../../io/read/formats";
import { parseArgs, stringOption } from "../args";
import { terminalName } from "../terminal";
import { unwritableOutput } from "../outputs";
import { type CliCommand, UsageError } from "../types";

export const feedbackCommand: CliCommand = {
  name: "feedback",
  summary: {
    vi: "Tạo tệp góp ý gửi lại từng đơn vị: bản sao bảng tính của đơn vị, ghi chú và tô màu các ô có vấn đề, thêm trang \"Góp ý\".",
    en: "Make one feedback file per unit: a copy of its workbook with notes on the problem cells, shaded, and a \"Góp ý\" sheet.",
  },
  usage: [
    "de-an-241 feedback FILE|DIR... --out DIR [--zip] [--force] [--json PATH|-]",
    "  --out    thư mục ghi các tệp \"<tên tệp> - góp ý.xlsx\" (tạo nếu chưa có)",
    "  --zip    ghi thêm một tệp .zip gồm mọi tệp góp ý",
    "  --force  ghi đè tệp góp ý đã có cùng tên (không bao giờ ghi đè tệp đầu vào)",
    "  Số liệu của đơn vị không bị thay đổi; tệp .xls, .ods, .csv, trang web được chuyển sang .xlsx từ các ô đã đọc.",
    "  Nhận cả thư điện tử (.eml, .msg) và tệp nén (.zip, .rar): mỗi bảng tính đính kèm hoặc bên trong có tệp góp ý mang tên của chính nó.",
    "  Mã thoát / exit: 0 khi đã ghi mọi tệp góp ý; 1 khi có tệp không đọc được hoặc không ghi được; 2 khi sai cú pháp.",
  ],
  async run(args, io) {
    const parsed = parseArgs(args, { valued: ["out", "json"], flags: ["zip", "force"] });
    const out = stringOption(parsed, "out");
    if (out === undefined) throw new UsageError("Thiếu --out THƯ_MỤC (missing --out DIR)");
    if (parsed.positional.length === 0) throw new UsageError("Cần ít nhất một tệp hoặc thư mục (need files or folders)");
    const force = parsed.options.has("force");
    const jsonTarget = stringOption(parsed, "json");
    const jsonPath = jsonTarget !== undefined && jsonTarget !== "-" ? resolve(io.cwd, jsonTarget) : undefined;
    const outDir = resolve(io.cwd, out);
    // The feedback folder (made if need be) and the JSON's folder are looked at before any file is read.
    if (unwritableOutput([{ option: "--out", path: outDir, kind: "folder" }, ...(jsonPath !== undefined ? [{ option: "--json", path: jsonPath }] : [])], io)) return 1;

    // The output folder, made inside the folder of units' files, is not one of them.
    const walked = expandInputs(parsed.positional, io.cwd, [outDir]);
    for (const m of walked.missing) io.stderr(`Không tìm thấy: ${terminalName(m)}\n`);
    const opened = openInputs(walked.files, undefined, inputNames(walked));
    // Email messages and archives, as a merge opens them: the spreadsheets inside, each with where it came from.
    const expanded = await openContainers(opened.inputs, io.fileTimeLimitMs, (f) => opened.refused.has(f));
    const skipped: Skipped[] = [...walked.skipped, ...opened.skipped, ...expanded.skipped.map(skippedEntryJson)];
    const refused = (f: InputFile) => opened.refused.get(f) ?? expanded.refused.get(f);
    for (const file of expanded.files) {
      const source = refused(file);
      if (source !== undefined) skipped.push({ path: file.name, reason: source.error?.message ?? "" });
    }
    const inputs = expanded.files.filter((f) => refused(f) === undefined);
    // Nothing to read: said (with what was passed over), and no output folder made.
    if (inputs.length === 0 && skipped.every(isPassedOver)) {
      for (const k of skipped) io.stderr(`Bỏ qua: ${terminalName(k.path)}: ${k.reason}\n`);
      io.stderr(`Không có tệp bảng tính nào để góp ý; lệnh feedback đọc ${INPUT_KINDS_TEXT}.\n`);
      return 1;
    }

    // Each file is checked in a worker thread, stopped past the time limit, as validate does; then its feedback is made.
    const checked = await checkFiles(
      workerThreadChecker(),
      inputs.map((file) => ({ file, display: file.name })),
      io.fileTimeLimitMs !== undefined ? { limitMs: io.fileTimeLimitMs } : {},
    );
    const made: FeedbackOutput[] = [];
    // Where each feedback file's spreadsheet came from (undefined: a file given as is).
    const origins: (SourceOrigin | undefined)[] = [];
    for (const [k, file] of inputs.entries()) {
      const check = checked[k]!;
      if (check.readError || !check.report) {
        // The line names the file: the reason says why without naming it again.
        const error = check.readError;
        skipped.push({ path: file.name, reason: error ? readFailureReason(error.rule as ReadErrorCode, file.name, error.message) : "Không đọc được tệp." });
        continue;
      }
      if (jsonTarget !== "-") io.stderr(`[${k + 1}/${inputs.length}] ${terminalName(file.name)}\n`);
      const output = await feedbackFile(
        file,
        { issues: [...check.report.issues, ...(check.targets?.issues ?? [])], unit: check.report.unit.name || null },
        io.clock,
      );
      made.push(output);
      origins.push(expanded.origins.get(file));
    }
    const outputs = withUniqueNames(made);
    const zipName = parsed.options.has("zip") && outputs.length > 0 ? feedbackZipName(io.clock) : undefined;
    const targets = [
      ...outputs.map((o) => ({ option: "--out", path: join(outDir, o.name) })),
      ...(zipName !== undefined ? [{ option: "--zip", path: join(outDir, zipName) }] : []),
      ...(jsonPath !== undefined ? [{ option: "--json", path: jsonPath }] : []),
    ];
    // No input is ever overwritten; an existing feedback file only with --force. Nothing is written when one is refused.
    const clash = outputClash(targets, walked.files);
    if (clash !== undefined) {
      io.stderr(`${clash}\n`);
      return 1;
    }
    if (!force) {
      const existing = targets.filter((t) => t.option !== "--json" && existsSync(t.path));
      if (existing.length > 0) {
        io.stderr(`Đã có tệp cùng tên, không ghi đè (thêm --force để ghi đè): ${existing.map((t) => terminalName(t.path)).join(", ")}\n`);
        return 1;
      }
    }
    try {
      mkdirSync(outDir, { recursive: true });
    } catch (error) {
      io.stderr(`${new OutputError(outDir, writeProblem(error)).message}\n`);
      return 1;
    }
    let failed = false;
    const written: { output: FeedbackOutput; path: string; origin: SourceOrigin | undefined }[] = [];
    for (const [k, o] of outputs.entries()) {
      const path = join(outDir, o.name);
      try {
        writeFileAtomic(path, o.bytes);
        written.push({ output: o, path, origin: origins[k] });
      } catch (error) {
        if (!(error instanceof OutputError)) throw error;
        io.stderr(`${error.message}\n`);
        failed = true;
      }
    }
    let zipPath: string | null = null;
    if (zipName !== undefined) {
      try {
        writeFileAtomic(join(outDir, zipName), feedbackZip(outputs));
        zipPath = join(outDir, zipName);
      } catch (error) {
        if (!(error instanceof OutputError)) throw error;
        io.stderr(`${error.message}\n`);
        failed = true;
      }
    }
    if (jsonTarget !== undefined) {
      const text = JSON.stringify({ files: written.map((w) => feedbackJson(w.output, w.path, w.origin)), zip: zipPath, skipped }, null, 2) + "\n";
      if (jsonPath === undefined) io.stdout(text);
      else {
        try {
          writeFileAtomic(jsonPath, text);
        } catch (error) {
          if (!(error instanceof OutputError)) throw error;
          io.stderr(`${error.message}\n`);
          failed = true;
        }
      }
    }
    const lines = [
      `Đã ghi ${written.length} tệp góp ý vào ${terminalName(outDir)}`,
      ...written.map((w) => `  ${terminalName(feedbackLine(w.output))}`),
      ...(zipPath !== null ? [`  Tệp nén: ${terminalName(zipPath)}`] : []),
      ...skipped.map((s) => `  Bỏ qua: ${terminalName(s.path)}: ${s.reason}`),
    ];
    (jsonTarget === "-" ? io.stderr : io.stdout)(lines.join("\n") + "\n");
    // A file the folder holds that is not a spreadsheet is named, but is no failure of this command.
    return failed || skipped.some((k) => !isPassedOver(k)) ? 1 : 0;
  },
};
