import { readFileSync, statSync, writeFileSync } from "node:fs";
import { basename, resolve } from "node:path";
import { readSources } from "../../app/merge";
import { PROGRAMME } from "../../domain/catalogue";
import { mergeReports, type Summary } from "../../domain/merge";
import { readSummaryWorkbook, type SummaryRead } from "../../domain/merge/read-summary";
import { buildReportDraft } from "../../domain/report-draft";
import { matchUnit, type Unit } from "../../domain/units";
import { writeDraftDocx } from "../../io/docx";
import { readWorkbookFile, WorkbookReadError } from "../../io/read";
import { parseArgs, stringOption } from "../args";
import { type CliCommand, type CliIO, UsageError } from "../types";
import { loadUnits } from "../units";
import { expandInputs } from "./merge";

function today(): string {
  return new Date().toISOString().slice(0, 10);
}

/**
 * The summary workbook a single file holds, when it is one (identity of kind "summary") and its
 * unit is not itself on the list of units expected (then it is one unit's figures, rolled up by
 * the merge). Undefined when the file is anything else, or cannot be read (the merge says why).
 */
function summaryOf(bytes: Uint8Array, name: string, units: readonly Unit[]): SummaryRead | undefined {
  let read: SummaryRead | undefined;
  try {
    read = readSummaryWorkbook(readWorkbookFile(bytes, name));
  } catch (error) {
    if (error instanceof WorkbookReadError) return undefined;
    throw error;
  }
  if (!read || matchUnit(read.identity.unitName, units) !== undefined) return undefined;
  return read;
}

export const reportCommand: CliCommand = {
  name: "report",
  summary: {
    vi: "Soạn dự thảo báo cáo tổng kết (.docx) theo đề cương, kèm số liệu tổng hợp.",
    en: "Draft the summary report (.docx) following the outline, with the merged figures.",
  },
  usage: [
    "de-an-241 report SUMMARY.xlsx|FILE|DIR... --out DRAFT.docx [--units LIST.csv|LIST.xlsx|default]",
    "    [--unit \"HUYỆN ỦY TAM ĐƯỜNG\"] [--superior …] [--place …] [--date YYYY-MM-DD]",
    "  Một tệp tổng hợp (do lệnh merge ghi) được đọc đúng như bảng tổng hợp: số đơn vị đã nộp, chỉ tiêu, văn bản của nó;",
    "  trừ khi đơn vị lập tệp đó có trong --units (cấp trên tổng hợp các huyện): khi ấy, như khi có nhiều tệp, các tệp được tổng hợp lại.",
    "  Mọi mục số liệu không trả lời được đều có chỗ trống \"[Nội dung do Ban Tuyên giáo bổ sung]\".",
    "  Mã thoát / exit: 0 khi đã ghi tệp, 1 khi không ghi được, 2 khi sai cú pháp.",
  ],
  async run(args, io: CliIO) {
    const parsed = parseArgs(args, { valued: ["out", "units", "unit", "superior", "place", "date"] });
    const out = stringOption(parsed, "out");
    if (out === undefined) throw new UsageError("Thiếu --out DRAFT.docx (missing --out)");
    if (parsed.positional.length === 0) throw new UsageError("Cần ít nhất một tệp hoặc thư mục (need files or folders)");
    const date = stringOption(parsed, "date") ?? today();
    if (!/^\d{4}-\d{2}-\d{2}$/.test(date)) throw new UsageError("--date phải có dạng YYYY-MM-DD");
    const units = loadUnits(stringOption(parsed, "units") ?? "default", io);
    if (!units) return 1;

    const { files, missing } = expandInputs(parsed.positional, io.cwd);
    for (const m of missing) io.stderr(`Không tìm thấy: ${m}\n`);
    if (files.length === 0) {
      io.stderr("Không có tệp bảng tính nào để lấy số liệu (.xlsx, .xlsm, .xls, .ods).\n");
      return 1;
    }
    const inputs = files.map((path) => ({
      name: basename(path),
      bytes: new Uint8Array(readFileSync(path)),
      lastModified: statSync(path).mtime.toISOString(),
    }));
    const single = inputs.length === 1 ? summaryOf(inputs[0]!.bytes, inputs[0]!.name, units) : undefined;
    let summary: Summary;
    let how: string;
    if (single) {
      const name = inputs[0]!.name;
      const errors = single.issues.filter((i) => i.severity === "error");
      if (errors.length > 0) {
        io.stderr(
          `Không dùng được bảng tổng hợp "${name}":\n` + errors.map((i) => `  ${i.sheet !== null ? `${i.sheet}: ` : ""}${i.message}\n`).join(""),
        );
        return 1;
      }
      for (const i of single.issues) io.stderr(`Cảnh báo: ${name}${i.sheet !== null ? ` (${i.sheet}${i.cell !== null ? `!${i.cell}` : ""})` : ""}: ${i.message}\n`);
      summary = single.summary;
      how =
        `Số liệu lấy từ bảng tổng hợp "${name}" của ${single.identity.unitName} ` +
        `(${summary.received.length}/${summary.expected.length} đơn vị đã nộp).`;
    } else {
      const sources = await readSources(inputs);
      for (const s of sources) if (s.error) io.stderr(`Bị loại: ${s.file}: ${s.error.message}\n`);
      summary = mergeReports(sources, { units });
      how =
        `Số liệu tổng hợp từ ${summary.files.filter((f) => f.status === "merged").length}/${summary.files.length} tệp; ` +
        `đã nhận ${summary.received.length}/${summary.expected.length} đơn vị.`;
    }
    const draft = buildReportDraft(summary, {
      unitName: stringOption(parsed, "unit") ?? single?.identity.unitName ?? PROGRAMME.letter.issuer,
      superior: stringOption(parsed, "superior") ?? single?.identity.superior ?? PROGRAMME.letter.superior,
      place: stringOption(parsed, "place") ?? PROGRAMME.letter.place,
      date,
    });
    const outPath = resolve(io.cwd, out);
    writeFileSync(outPath, await writeDraftDocx(draft));
    io.stdout(`Đã ghi ${outPath}\n${how}\n`);
    return 0;
  },
};
