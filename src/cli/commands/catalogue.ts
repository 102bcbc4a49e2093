import {
  DEADLINES,
  DOCUMENTS_TABLE,
  INDICATOR_GROUPS,
  INDICATORS,
  INDICATORS_TABLE,
  PROGRAMME,
  REPORTING_PERIOD,
} from "../../domain/catalogue";
import { targetLabel } from "../../domain/format";
import { parseArgs } from "../args";
import { type CliCommand, UsageError } from "../types";

/** The catalogue as JSON: the indicators with their targets, the tables' columns, the period and deadlines. */
export function catalogueJson(): unknown {
  return {
    programme: { name: PROGRAMME.name, shortName: PROGRAMME.shortName, letter: PROGRAMME.letter.number },
    indicators: INDICATORS.map((i) => ({
      id: i.id,
      stt: i.stt,
      group: INDICATOR_GROUPS.find((g) => g.stt === i.group)?.label ?? i.group,
      ...(i.subgroup !== undefined
        ? { subgroup: `${i.subgroup} ${INDICATOR_GROUPS.find((g) => g.stt === i.subgroup)?.label ?? ""}`.trim() }
        : {}),
      text: i.text,
      dvt: i.dvt,
      target: { op: i.target.op, value: i.target.value },
    })),
    tables: [DOCUMENTS_TABLE, INDICATORS_TABLE].map((t) => ({
      id: t.id,
      title: t.title,
      columns: t.columns.map((c) => c.header),
    })),
    period: { from: REPORTING_PERIOD.from, to: REPORTING_PERIOD.to },
    deadlines: { ...DEADLINES },
  };
}

export const catalogueCommand: CliCommand = {
  name: "catalogue",
  summary: {
    vi: "In danh mục chỉ tiêu của Đề án 241 (chỉ tiêu, ĐVT, mục tiêu).",
    en: "Print the Đề án 241 catalogue (indicators, units of measure, targets).",
  },
  usage: ["de-an-241 catalogue [--json]"],
  async run(args, io) {
    const parsed = parseArgs(args, { flags: ["json"], toStdout: ["json"] });
    if (parsed.positional.length > 0) throw new UsageError("catalogue không nhận tham số (takes no arguments)");
    if (parsed.options.has("json")) {
      io.stdout(JSON.stringify(catalogueJson(), null, 2) + "\n");
      return 0;
    }
    const lines: string[] = [`${INDICATORS_TABLE.title}`, ""];
    for (const i of INDICATORS) {
      lines.push(`${i.id.padEnd(6)} ${targetLabel(i.target).padEnd(12)} [${i.dvt}] ${i.text}`);
    }
    lines.push("", `Kỳ báo cáo: ${REPORTING_PERIOD.from} → ${REPORTING_PERIOD.to}; hạn gửi Huyện ủy: ${DEADLINES.sendToDistrict}`);
    io.stdout(lines.join("\n") + "\n");
    return 0;
  },
};
