import { extname, resolve } from "node:path";
import { deadlineOf } from "../../app/merge";
import { buildReminder, outcomeOfMergeJson, writeRemindLetter, type MergeOutcome } from "../../app/remind";
import { FileReadError, RequestError } from "../../app/errors";
import { readInput } from "../../hosts/node/files";
import { outputClash, writeFileAtomic } from "../../hosts/node/write";
import { vnDate } from "../../domain/format";
import { parseArgs, stringOption } from "../args";
import { terminalName, terminalText } from "../terminal";
import { unwritableOutput } from "../outputs";
import { type CliCommand, type CliIO, UsageError } from "../types";
import { loadUnits } from "../units";
import { asked } from "./merge";

/** The merge's result from the JSON `merge --json` wrote; undefined (said on stderr) when it cannot be used. */
function loadOutcome(path: string, io: CliIO): MergeOutcome | undefined {
  try {
    const input = readInput(path, path);
    return outcomeOfMergeJson(new TextDecoder("utf-8").decode(input.bytes), path);
  } catch (error) {
    // One line each: the path in the message (a newline or tab in it too) escaped, as every name the CLI prints.
    if (error instanceof FileReadError || error instanceof RequestError) io.stderr(`${terminalName(error.message)}\n`);
    else io.stderr(`Không đọc được ${terminalName(path)}: ${terminalName(error instanceof Error ? error.message : String(error))}\n`);
    return undefined;
  }
}

export const remindCommand: CliCommand = {
  name: "remind",
  summary: {
    vi: "Nhắc các đơn vị chưa nộp (hoặc có tệp bị loại): địa chỉ thư (Bcc), nội dung thư và dự thảo công văn đôn đốc (.docx).",
    en: "Remind the units not received (or whose file was rejected): addresses (Bcc), message text and a reminder letter (.docx).",
  },
  usage: [
    "de-an-241 remind [--units LIST.csv|LIST.xlsx|default] [--json MERGE.json] [--deadline YYYY-MM-DD|DD/MM/YYYY] [--out DRAFT.docx]",
    "  --units     danh sách đơn vị, cột \"Thư điện tử\" (hoặc \"Email\") cho địa chỉ (mặc định: danh sách có sẵn, không có địa chỉ)",
    "  --json      kết quả do lệnh \"merge --json\" ghi: nhắc các đơn vị chưa nhận và đơn vị có tệp bị loại (kèm lý do);",
    "              không có --json: nhắc mọi đơn vị trong danh sách (chưa nhận được báo cáo nào)",
    "  --deadline  hạn nộp nêu trong thư (hạn mới); mặc định hạn của Công văn 232-CV/HU, 25/6/2021",
    "  --out       ghi dự thảo công văn đôn đốc (.docx); in địa chỉ và nội dung thư ra màn hình",
    "  Mã thoát / exit: 0 khi xong (kể cả khi không còn đơn vị nào phải nhắc), 1 khi không đọc hoặc không ghi được, 2 khi sai cú pháp.",
  ],
  async run(args, io: CliIO) {
    const parsed = parseArgs(args, { valued: ["out", "units", "json", "deadline"] });
    if (parsed.positional.length > 0) throw new UsageError(`Lệnh remind không nhận tệp: ${parsed.positional[0]} (no files; use --json MERGE.json)`);
    const deadline = asked(() => deadlineOf(stringOption(parsed, "deadline")));
    const unitsSpec = stringOption(parsed, "units") ?? "default";
    const jsonSpec = stringOption(parsed, "json");
    const out = stringOption(parsed, "out");
    if (out !== undefined && extname(out).toLowerCase() !== ".docx") throw new UsageError("--out phải là tệp .docx (--out must be a .docx file)");
    const outPath = out !== undefined ? resolve(io.cwd, out) : undefined;
    const jsonPath = jsonSpec !== undefined ? resolve(io.cwd, jsonSpec) : undefined;
    if (outPath !== undefined) {
      // Where the draft goes is looked at before the unit list or the merge's result is read.
      if (unwritableOutput([{ option: "--out", path: outPath }], io)) return 1;
      // The draft never overwrites the unit list or the merge's result.
      const clash = outputClash(
        [{ option: "--out", path: outPath }],
        [...(unitsSpec !== "default" ? [resolve(io.cwd, unitsSpec)] : []), ...(jsonPath !== undefined ? [jsonPath] : [])],
      );
      if (clash !== undefined) {
        io.stderr(`${clash}\n`);
        return 1;
      }
    }
    const units = loadUnits(unitsSpec, io);
    if (!units) return 1;
    const outcome = jsonPath !== undefined ? loadOutcome(jsonPath, io) : null;
    if (outcome === undefined) return 1;

    const reminder = buildReminder({ units, outcome, deadline });
    const missing = reminder.units.filter((u) => u.state === "missing").length;
    const lines: string[] = [];
    if (outPath !== undefined && reminder.units.length > 0) {
      writeFileAtomic(outPath, await writeRemindLetter(reminder));
      lines.push(`Đã ghi ${terminalName(outPath)}`);
    }
    lines.push(
      outcome === null
        ? `Chưa có kết quả tổng hợp (--json): nhắc cả ${units.length} đơn vị trong danh sách.`
        : `Nhắc ${reminder.units.length}/${units.length} đơn vị: ${missing} chưa gửi, ${reminder.units.length - missing} có tệp bị loại.`,
    );
    if (reminder.units.length === 0) {
      lines.push("Đã nhận báo cáo của mọi đơn vị trong danh sách; không có đơn vị nào phải nhắc.");
      if (outPath !== undefined) lines.push(`Không ghi ${terminalName(outPath)}.`);
      io.stdout(lines.join("\n") + "\n");
      return 0;
    }
    lines.push(
      `Hạn nộp nêu trong thư: ${vnDate(reminder.deadline)}.`,
      `Gửi (Bcc): ${reminder.bcc.length > 0 ? reminder.bcc.join(", ") : "(không có địa chỉ nào)"}`,
      ...(reminder.noAddress.length > 0 ? [`Không có địa chỉ thư điện tử: ${reminder.noAddress.join(", ")}`] : []),
      "",
      `Tiêu đề: ${reminder.subject}`,
      "",
      reminder.body,
    );
    io.stdout(terminalText(lines.join("\n")) + "\n");
    return 0;
  },
};
