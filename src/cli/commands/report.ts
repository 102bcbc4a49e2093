import { skippedEntryJson, withOrigins } from "../../app/containers";
import { openContainers } from "../../hosts/node/containers";
import { basename, extname, resolve } from "node:path";
import { chooseTargets } from "../../app/targets";
import { draftBasis, draftBasisText, draftOptionsFor, parseRecipients, writeReportDraft } from "../../app/report";
import { DEFAULT_RECIPIENTS, DEFAULT_SIGNER } from "../../domain/report-draft";
import { readFailureReason } from "../../domain/rules/messages";
import { targetsNote } from "../../domain/targets";
import { expandInputs, inputNames, openInputs, withRefused, type Skipped } from "../../hosts/node/files";
import { workerThreadReader } from "../../hosts/node/read-pool";
import { outputClash, writeFileAtomic } from "../../hosts/node/write";
import { INPUT_KINDS_TEXT } from "../../io/read/formats";
import { dateOption, parseArgs, stringOption } from "../args";
import { terminalName } from "../terminal";
import { type CliCommand, type CliIO, UsageError } from "../types";
import { unwritableOutput } from "../outputs";
import { loadTargets } from "../targets";
import { loadUnits } from "../units";

export const reportCommand: CliCommand = {
  name: "report",
  summary: {
    vi: "Soạn dự thảo báo cáo tổng kết (.docx) theo đề cương, kèm số liệu tổng hợp.",
    en: "Draft the summary report (.docx) following the outline, with the merged figures.",
  },
  usage: [
    "de-an-241 report SUMMARY.xlsx|FILE|DIR... --out DRAFT.docx [--units LIST.csv|LIST.xlsx|default] [--targets FILE.xlsx|FILE.csv]",
    "    [--unit \"HUYỆN ỦY TAM ĐƯỜNG\"] [--superior …] [--place …] [--date DD/MM/YYYY|YYYY-MM-DD|today] [--number 45]",
    `    [--recipients "${DEFAULT_RECIPIENTS.join("; ")}"] [--on-behalf "${DEFAULT_SIGNER.onBehalf}"] [--signer-title "${DEFAULT_SIGNER.title}"] [--signer-name …]`,
    "  Số, ngày không ghi thì để trống (\"Số ……-BC/HU\", \"ngày … tháng … năm 20…\") để điền tay; --date today ghi ngày hôm nay.",
    "  --recipients: các nơi nhận, cách nhau bởi dấu \";\"; --on-behalf \"\" khi người ký không ký thay mặt tập thể.",
    "  Đưa vào một tệp tổng hợp (do lệnh merge ghi): dự thảo dùng nguyên số liệu của tệp đó (đơn vị đã nộp, chỉ tiêu, văn bản).",
    "  Đưa vào nhiều tệp: các tệp được tổng hợp lại như lệnh merge, theo danh sách --units.",
    "  --targets   mục tiêu theo kế hoạch của đơn vị khi tổng hợp các tệp, như lệnh merge: trang \"Mục tiêu\" (cột Chỉ tiêu, Nội dung, Mục tiêu);",
    "    mặc định theo Đề án 241. Bảng tổng hợp đưa vào nguyên như đã ghi giữ mục tiêu đã dùng khi tổng hợp.",
    "  Cấp trên tổng hợp từ bảng tổng hợp của các huyện: ghi tên đơn vị lập mỗi bảng (ví dụ “Huyện ủy Tam Đường”) vào danh sách",
    "    --units; mỗi bảng khi đó được tính như báo cáo của một đơn vị, kể cả khi chỉ có một tệp.",
    "  Mọi mục số liệu không trả lời được đều có chỗ trống \"[Nội dung do Ban Tuyên giáo bổ sung]\".",
    "  Mã thoát / exit: 0 khi đã ghi tệp, 1 khi không ghi được, 2 khi sai cú pháp.",
  ],
  async run(args, io: CliIO) {
    const parsed = parseArgs(args, { valued: ["out", "units", "targets", "unit", "superior", "place", "date", "number", "recipients", "on-behalf", "signer-title", "signer-name"] });
    const out = stringOption(parsed, "out");
    if (out === undefined) throw new UsageError("Thiếu --out DRAFT.docx (missing --out)");
    if (extname(out).toLowerCase() !== ".docx") throw new UsageError("--out phải là tệp .docx (--out must be a .docx file)");
    if (parsed.positional.length === 0) throw new UsageError("Cần ít nhất một tệp hoặc thư mục (need files or folders)");
    const date = dateOption(parsed, "date");
    const recipientsText = stringOption(parsed, "recipients");
    const recipients = recipientsText !== undefined ? parseRecipients(recipientsText) : undefined;
    if (recipients !== undefined && recipients.length === 0) throw new UsageError("--recipients cần ít nhất một nơi nhận (ví dụ \"Ban Tuyên giáo Tỉnh ủy (b/c); Lưu\")");
    const onBehalf = stringOption(parsed, "on-behalf");
    const signerTitle = stringOption(parsed, "signer-title");
    const signerName = stringOption(parsed, "signer-name");
    if (signerTitle !== undefined && signerTitle.trim() === "") throw new UsageError("--signer-title không được để trống (ví dụ \"PHÓ BÍ THƯ\")");
    const number = stringOption(parsed, "number");
    // Where the draft goes is looked at before any file is read.
    if (unwritableOutput([{ option: "--out", path: out }], io)) return 1;
    const units = loadUnits(stringOption(parsed, "units") ?? "default", io);
    if (!units) return 1;

    const targetsFile = stringOption(parsed, "targets");
    const targets = targetsFile !== undefined ? loadTargets(targetsFile, io) : undefined;
    if (targetsFile !== undefined && targets === undefined) return 1;

    // The unit list and the targets file kept in the folder of units' files are not among them, as in a merge.
    const givenBeside = [stringOption(parsed, "units"), targetsFile].filter((f): f is string => f !== undefined && f !== "default").map((f) => resolve(io.cwd, f));
    const walked = expandInputs(parsed.positional, io.cwd, givenBeside);
    for (const m of walked.missing) io.stderr(`Không tìm thấy: ${terminalName(m)}\n`);
    const outPath = resolve(io.cwd, out);
    const clash = outputClash([{ option: "--out", path: outPath }], [...walked.files, ...givenBeside]);
    if (clash !== undefined) {
      io.stderr(`${clash}\n`);
      return 1;
    }
    const opened = openInputs(walked.files, undefined, inputNames(walked));
    // Email messages and archives: the spreadsheets inside.
    const expanded = await openContainers(opened.inputs, io.fileTimeLimitMs, (f) => opened.refused.has(f));
    const skipped: Skipped[] = [...walked.skipped, ...opened.skipped, ...expanded.skipped.map(skippedEntryJson)];
    for (const k of skipped) io.stderr(`Bỏ qua: ${terminalName(k.path)}: ${k.reason}\n`);
    if (opened.inputs.length === 0) {
      io.stderr(`Không có tệp bảng tính nào để lấy số liệu; lệnh report đọc ${INPUT_KINDS_TEXT}.\n`);
      return 1;
    }
    const reader = withOrigins(withRefused(workerThreadReader(), opened.refused), expanded);
    const limit = io.fileTimeLimitMs !== undefined ? { limitMs: io.fileTimeLimitMs } : {};
    const unitName = stringOption(parsed, "unit");
    const chosen = chooseTargets(targets !== undefined && targetsFile !== undefined ? { name: basename(targetsFile), used: targets } : null, null);
    const basis = await draftBasis(expanded.files, units, reader, limit, unitName !== undefined ? { name: unitName, level: "huyen" } : undefined, chosen);
    if (basis.kind === "summary") {
      if (targetsFile !== undefined) {
        io.stderr(`--targets không dùng với bảng tổng hợp "${terminalName(basis.file)}": dự thảo giữ mục tiêu đã dùng khi tổng hợp bảng đó.\n`);
      }
      if (basis.errors.length > 0) {
        io.stderr(
          `Không dùng được bảng tổng hợp "${terminalName(basis.file)}":\n` + basis.errors.map((i) => `  ${i.sheet !== null ? `${i.sheet}: ` : ""}${i.message}\n`).join(""),
        );
        return 1;
      }
      for (const i of basis.read.issues) {
        io.stderr(`Cảnh báo: ${terminalName(basis.file)}${i.sheet !== null ? ` (${i.sheet}${i.cell !== null ? `!${i.cell}` : ""})` : ""}: ${i.message}\n`);
      }
    } else {
      for (const s of basis.sources) if (s.error) io.stderr(`Bị loại: ${terminalName(s.file)}: ${readFailureReason(s.error.code, s.file, s.error.message)}\n`);
    }
    const given = (name: "unit" | "superior" | "place") => stringOption(parsed, name);
    const options = draftOptionsFor(
      basis,
      {
        ...(given("unit") !== undefined ? { unitName: given("unit")! } : {}),
        ...(given("superior") !== undefined ? { superior: given("superior")! } : {}),
        ...(given("place") !== undefined ? { place: given("place")! } : {}),
        ...(date !== undefined ? { date } : {}),
        ...(number !== undefined ? { number } : {}),
        ...(recipients !== undefined ? { recipients } : {}),
        ...(onBehalf !== undefined || signerTitle !== undefined || signerName !== undefined
          ? {
              signer: {
                onBehalf: onBehalf ?? DEFAULT_SIGNER.onBehalf,
                title: signerTitle ?? DEFAULT_SIGNER.title,
                ...(signerName !== undefined ? { name: signerName } : {}),
              },
            }
          : {}),
      },
      io.clock,
    );
    writeFileAtomic(outPath, await writeReportDraft(basis.summary, options));
    // Which targets the draft's verdicts are by, as a merge says it, when they are not all Đề án 241's.
    const targetsLine = basis.summary.targetsSource !== undefined && basis.summary.targetsSource !== "de-an-241" ? `${targetsNote(basis.summary.targetsSource)}\n` : "";
    io.stdout(`Đã ghi ${terminalName(outPath)}\n${draftBasisText(basis)}\n${targetsLine}`);
    return 0;
  },
};
