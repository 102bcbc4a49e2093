import { statSync } from "node:fs";
import { basename, extname, resolve } from "node:path";
import { convertLegacyFile } from "../../app/convert";
import { FileReadError } from "../../app/errors";
import { openInput, refusalMessage } from "../../hosts/node/files";
import { writeFileAtomic } from "../../hosts/node/write";
import { SPREADSHEET_KINDS_TEXT } from "../../io/read/formats";
import { parseArgs, stringOption } from "../args";
import { unwritableOutput } from "../outputs";
import { terminalName } from "../terminal";
import { type CliCommand, UsageError } from "../types";

/** Whether two paths name the same file (the same path, or one file reached by two). */
function sameFile(a: string, b: string): boolean {
  if (a === b) return true;
  try {
    const x = statSync(a);
    const y = statSync(b);
    return x.dev === y.dev && x.ino === y.ino;
  } catch {
    return false;
  }
}

export const convertCommand: CliCommand = {
  name: "convert",
  summary: {
    vi: `Chuyển chữ gõ bằng phông cũ TCVN3 (ABC, .VnTime) hoặc VNI (VNI-Times) trong một ${SPREADSHEET_KINDS_TEXT} sang Unicode, ghi ra tệp .xlsx mới.`,
    en: "Convert text typed with the legacy TCVN3 (ABC, .VnTime) or VNI (VNI-Times) fonts in a spreadsheet or web page to Unicode, into a new .xlsx.",
  },
  usage: [
    "de-an-241 convert TỆP --out TỆP-MỚI.xlsx [--json]",
    "  Giữ nguyên các trang và giá trị các ô; định dạng, công thức (giữ kết quả), chú thích và độ rộng cột không được giữ.",
    "  Keeps the sheets and the cells' values; formatting, formulas (their results are kept), comments and column widths are lost.",
    "Mã thoát / exit code: 0 đã ghi; 1 không ghi được tệp mới; 2 tệp không đọc được.",
  ],
  async run(args, io) {
    const parsed = parseArgs(args, { valued: ["out"], flags: ["json"], toStdout: ["json"] });
    if (parsed.positional.length !== 1) throw new UsageError("Cần đúng một tệp (exactly one file is required)");
    const out = stringOption(parsed, "out");
    if (out === undefined) throw new UsageError("Thiếu --out (missing --out)");
    const input = parsed.positional[0]!;
    const inPath = resolve(io.cwd, input);
    const outPath = resolve(io.cwd, out);
    if (extname(outPath).toLowerCase() !== ".xlsx") throw new UsageError("--out phải là tệp .xlsx (--out must be an .xlsx file)");
    if (sameFile(inPath, outPath)) throw new UsageError("--out không được trùng tệp đọc vào (--out must not be the input file)");
    // Where the new file goes is looked at before the file is read.
    if (unwritableOutput([{ option: "--out", path: outPath }], io)) return 1;

    // Opened as every command opens a file: a regular file only (a named pipe never blocks), its size checked first.
    const opened = openInput(inPath, basename(inPath));
    if (!("file" in opened)) {
      // One line: a newline or tab in the name is escaped (terminalName), as every name the CLI prints.
      io.stderr(`${terminalName(opened.refused === "too-large" ? refusalMessage(opened, input) : `Không mở được tệp ${input}: ${opened.detail}.`)}\n`);
      return 2;
    }
    let result;
    try {
      result = await convertLegacyFile(opened.file);
    } catch (error) {
      if (error instanceof FileReadError) {
        io.stderr(`${terminalName(error.message)}\n`);
        return 2;
      }
      throw error;
    }
    // Written whole or not at all; a path that cannot be written is said in one line (exit 1).
    writeFileAtomic(outPath, result.bytes);
    if (parsed.options.has("json")) {
      io.stdout(JSON.stringify({ file: input, out: outPath, sheets: result.sheets, cells: result.cells, found: result.found }, null, 2) + "\n");
      return 0;
    }
    const { TCVN3, VNI } = result.cells;
    const lines = [
      `Đã ghi ${terminalName(outPath)} (trang: ${result.sheets.map(terminalName).join(", ")}).`,
      `Số ô chuyển sang Unicode: TCVN3 (ABC) ${TCVN3}, VNI ${VNI}.`,
    ];
    if (result.found) {
      lines.push(`Ví dụ: ô ${terminalName(result.found.sheet)}!${result.found.cell} “${terminalName(result.found.sample)}” → “${terminalName(result.found.converted)}”.`);
    } else {
      lines.push("Tệp không có chữ gõ bằng phông cũ: các ô được ghi lại như đã đọc.");
    }
    io.stdout(`${lines.join("\n")}\n`);
    return 0;
  },
};
