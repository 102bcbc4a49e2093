import { readFileSync } from "node:fs";
import { join } from "node:path";
import {
  CATALOGUE_ROWS,
  DEADLINES,
  DEFAULT_TARGETS,
  DOCUMENTS_TABLE,
  INDICATOR_GROUPS,
  INDICATORS,
  INDICATORS_TABLE,
  INDICATORS_TABLE_NOTE,
  REPORTING_PERIOD,
} from "../../src/domain/catalogue";

/** The official tables as the letter prints them: tab-separated rows in the reference copy. */
const reference = readFileSync(join(__dirname, "../../docs/reference/de-an-241-cong-van-232.md"), "utf8");

function tableRows(title: string): string[][] {
  const start = reference.indexOf(`## ${title}`);
  expect(start).toBeGreaterThanOrEqual(0);
  const rest = reference.slice(start).split("\n").slice(1);
  const next = rest.findIndex((line) => line.startsWith("## ") || line.startsWith("**Ghi chú"));
  return (next >= 0 ? rest.slice(0, next) : rest)
    .filter((line) => line.includes("\t"))
    .map((line) => line.split("\t").map((cell) => cell.replace(/<\/?b>/g, "").trim()));
}

describe("the indicators table, against the letter", () => {
  const rows = tableRows(INDICATORS_TABLE.titleAsPrinted);
  const [header, ...body] = rows;

  it("has the official columns verbatim and in order", () => {
    expect(INDICATORS_TABLE.columns.map((c) => c.header)).toEqual(header);
  });

  it("lists every row of the letter, in the letter's order, with Stt, text and ĐVT verbatim", () => {
    const printed = body.map(([stt, text, dvt]) => ({ stt, text, dvt: dvt ?? "" }));
    const ours = CATALOGUE_ROWS.map((row) =>
      row.kind === "group"
        ? { stt: row.group.stt, text: row.group.label, dvt: "" }
        : { stt: row.indicator.stt, text: row.indicator.text, dvt: row.indicator.dvt },
    );
    expect(ours).toEqual(printed);
  });

  it("has the sixteen indicators with their ids", () => {
    expect(INDICATORS.map((i) => i.id)).toEqual([
      "1.1", "1.2", "1.3", "2", "3.1", "3.2", "4.1", "4.2", "4.3", "4.4", "4.5", "4.6", "5", "6.1", "6.2.1", "6.2.2",
    ]);
    expect(new Set(INDICATORS.map((i) => i.id)).size).toBe(16);
  });

  it("numbers the four '-' rows as the document does", () => {
    expect(INDICATORS.filter((i) => i.stt === "-").map((i) => i.id)).toEqual(["2", "5", "6.2.1", "6.2.2"]);
    expect(INDICATORS.filter((i) => i.stt !== "-").every((i) => i.stt === i.id)).toBe(true);
  });

  it("puts every indicator under its group, and 6.2.x under the sub-heading 6.2", () => {
    for (const i of INDICATORS) {
      expect(INDICATOR_GROUPS.some((g) => g.stt === i.group && g.parent === undefined)).toBe(true);
      expect(i.id.startsWith(i.group)).toBe(true);
    }
    expect(INDICATORS.filter((i) => i.subgroup === "6.2").map((i) => i.id)).toEqual(["6.2.1", "6.2.2"]);
  });
});

describe("targets, read from each indicator's own words", () => {
  /** An independent reading of the target from the text: the rule the catalogue must agree with. */
  function targetFromText(text: string): { op: string; value: number } {
    const above = /^trên (\d+)%/i.exec(text);
    if (above) return { op: ">", value: Number(above[1]) };
    const atLeast = /^(\d+)%/.exec(text);
    if (atLeast) return { op: ">=", value: Number(atLeast[1]) };
    const count = /^Có (\d+) - \d+ xã/.exec(text);
    if (count) return { op: "count>=", value: Number(count[1]) };
    throw new Error(`no target in: ${text}`);
  }

  it.each(INDICATORS.map((i) => [i.id, i] as const))("indicator %s", (_id, indicator) => {
    expect(indicator.target).toEqual(targetFromText(indicator.text));
    expect(DEFAULT_TARGETS[indicator.id]).toEqual(indicator.target);
  });

  it("reads 'Trên 95%' and 'trên 80%' as strictly above, 'Có 01 - 02 xã' as at least one", () => {
    expect(DEFAULT_TARGETS["1.3"]).toEqual({ op: ">", value: 95 });
    expect(DEFAULT_TARGETS["4.5"]).toEqual({ op: ">", value: 80 });
    expect(DEFAULT_TARGETS["6.2.2"]).toEqual({ op: ">", value: 70 });
    expect(DEFAULT_TARGETS["5"]).toEqual({ op: "count>=", value: 1 });
    expect(DEFAULT_TARGETS["4.1"]).toEqual({ op: ">=", value: 85 });
  });
});

describe("the documents table, the note, the period and the deadlines", () => {
  it("has the official columns verbatim and in order", () => {
    const [header] = tableRows(DOCUMENTS_TABLE.titleAsPrinted);
    expect(DOCUMENTS_TABLE.columns.map((c) => c.header)).toEqual(header);
  });

  it("keeps the title as printed and the corrected one", () => {
    expect(reference).toContain(`## ${DOCUMENTS_TABLE.titleAsPrinted}\n`);
    expect(DOCUMENTS_TABLE.title.replace("THỰC HIỆN", "THỰC")).toBe(DOCUMENTS_TABLE.titleAsPrinted);
  });

  it("quotes the table's note verbatim", () => {
    expect(reference).toContain(`**Ghi chú:** ${INDICATORS_TABLE_NOTE}`);
  });

  it("takes the period and deadlines from the letter", () => {
    expect(reference).toContain("thời điểm ban hành Đề án 241(30/9/2016) đến hết năm 2020");
    expect(REPORTING_PERIOD).toEqual({ from: "2016-09-30", to: "2020-12-31" });
    expect(reference).toContain("Thời gian hoàn thành trước ngày 10/6/2021.");
    expect(reference).toContain("**trước ngày 25/6/2021**");
    expect(DEADLINES.grassrootsReview).toBe("2021-06-10");
    expect(DEADLINES.sendToDistrict).toBe("2021-06-25");
  });
});
