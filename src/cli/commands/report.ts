import { readFileSync, statSync, writeFileSync } from "node:fs";
import { basename, resolve } from "node:path";
import { readSources } from "../../app/merge";
import { PROGRAMME } from "../../domain/catalogue";
import { mergeReports } from "../../domain/merge";
import { buildReportDraft } from "../../domain/report-draft";
import { writeDraftDocx } from "../../io/docx";
import { parseArgs, stringOption } from "../args";
import { type CliCommand, type CliIO, UsageError } from "../types";
import { loadUnits } from "../units";
import { expandInputs } from "./merge";

function today(): string {
  return new Date().toISOString().slice(0, 10);
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
    const sources = await readSources(inputs);
    for (const s of sources) if (s.error) io.stderr(`Bị loại: ${s.file}: ${s.error.message}\n`);
    const summary = mergeReports(sources, { units });
    const draft = buildReportDraft(summary, {
      unitName: stringOption(parsed, "unit") ?? PROGRAMME.letter.issuer,
      superior: stringOption(parsed, "superior") ?? PROGRAMME.letter.superior,
      place: stringOption(parsed, "place") ?? PROGRAMME.letter.place,
      date,
    });
    const outPath = resolve(io.cwd, out);
    writeFileSync(outPath, await writeDraftDocx(draft));
    io.stdout(
      `Đã ghi ${outPath}\n` +
        `Số liệu từ ${summary.files.filter((f) => f.status === "merged").length}/${summary.files.length} tệp; ` +
        `đã nhận ${summary.received.length}/${summary.expected.length} đơn vị.\n`,
    );
    return 0;
  },
};
