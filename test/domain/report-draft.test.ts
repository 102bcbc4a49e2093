import { DEFAULT_TARGETS, INDICATORS, meetsTarget } from "../../src/domain/catalogue";
import { flattenOutline, type OutlineNode } from "../../src/domain/catalogue/outline";
import { formatNumber, verdictLabel, verdictState } from "../../src/domain/format";
import { round2, SUM, type IndicatorSummary, type MergedDocument, type Summary } from "../../src/domain/merge";
import {
  buildReportDraft,
  closingBlock,
  countDocumentTypes,
  DEFAULT_RECIPIENTS,
  figureText,
  numberLine,
  FIGURE_RULES,
  FIGURES_LABEL,
  outlinePrefix,
  PLACEHOLDER,
  type DraftDocument,
  type DraftParagraph,
} from "../../src/domain/report-draft";
import { foldText } from "../../src/domain/text";

type Figures = Readonly<Record<string, readonly [number, number]>>;

function indicator(id: string, figures: Figures): IndicatorSummary {
  const target = DEFAULT_TARGETS[id]!;
  const pair = figures[id];
  const total = pair?.[0] ?? null;
  const achieved = pair?.[1] ?? null;
  const ratio = total !== null && achieved !== null && total > 0 ? round2((achieved / total) * 100) : null;
  return { id, total, achieved, ratio, met: meetsTarget(target, total, achieved), target, aggregation: SUM, reportedBy: pair ? 3 : 0 };
}

function doc(code: string | null, summary = "Văn bản"): MergedDocument {
  return { code, date: "2017-03-10", summary, issuer: "Huyện ủy Tam Đường", units: ["Đảng ủy xã Bản Bo"] };
}

function summaryOf(figures: Figures, documents: readonly MergedDocument[] = [], missing: readonly string[] = []): Summary {
  const expected = ["Đảng ủy xã Bản Bo", "Đảng ủy xã Bản Giang", "Đảng ủy xã Bình Lư"];
  const received = expected.filter((u) => !missing.includes(u));
  return {
    deadline: "2021-06-25",
    files: [],
    indicators: INDICATORS.map((i) => indicator(i.id, figures)),
    perUnit: [],
    documents,
    rejectedValues: [],
    units: [],
    unlisted: [],
    expected,
    received,
    missing,
    rate: round2((received.length / expected.length) * 100),
  };
}

const OPTS = { unitName: "Huyện ủy Tam Đường", superior: "Đảng bộ tỉnh Lai Châu", place: "Tam Đường", date: "2021-07-05" };

function paragraphs(draft: DraftDocument): DraftParagraph[] {
  return draft.blocks.filter((b): b is DraftParagraph => b.kind === "paragraph");
}

function text(p: DraftParagraph): string {
  return p.runs.map((r) => r.text).join("");
}

/** The paragraphs after the outline node whose text starts with `start`, up to the next outline node. */
function contentOf(draft: DraftDocument, start: string): string[] {
  const ps = paragraphs(draft);
  const at = ps.findIndex((p) => p.outline !== undefined && foldText(p.outline.text).startsWith(foldText(start)));
  expect(at).toBeGreaterThanOrEqual(0);
  const out: string[] = [];
  for (const p of ps.slice(at + 1)) {
    if (p.outline) break;
    out.push(text(p));
  }
  return out;
}

/** Every paragraph under a numbered heading (e.g. "2.2"), children included, up to the next sibling heading. */
function sectionText(draft: DraftDocument, number: string, startText: string): string {
  const ps = paragraphs(draft);
  const at = ps.findIndex((p) => p.outline?.number === number && p.outline.text.startsWith(startText));
  expect(at).toBeGreaterThanOrEqual(0);
  const depth = ps[at]!.outline!.depth;
  const out: string[] = [];
  for (const p of ps.slice(at + 1)) {
    if (p.outline && p.outline.depth <= depth) break;
    out.push(text(p));
  }
  return out.join("\n");
}

describe("buildReportDraft", () => {
  const figures: Figures = { "3.1": [1000, 950], "3.2": [1000, 980], "1.1": [40, 40], "4.4": [14, 14], "2": [14, 12] };
  const documents = [doc("Số 15-KH/ĐU"), doc("27/KH-UBND"), doc("20-NQ/ĐU"), doc("Số 12-KH/HU"), doc(null), doc("không rõ")];
  const summary = summaryOf(figures, documents, ["Đảng ủy xã Bình Lư"]);
  const draft = buildReportDraft(summary, OPTS);

  it("contains every outline node's text verbatim, in order", () => {
    const nodes = flattenOutline();
    const outlined = paragraphs(draft).filter((p) => p.outline !== undefined);
    expect(outlined.map((p) => [p.outline!.number, p.outline!.text])).toEqual(nodes.map((n: OutlineNode) => [n.number, n.text]));
    for (const p of outlined) expect(text(p)).toContain(p.outline!.text);
  });

  it("starts with the header and the title", () => {
    const header = draft.blocks[0];
    expect(header?.kind).toBe("header");
    if (header?.kind !== "header") return;
    const left = header.left.map((l) => l.map((r) => r.text).join(""));
    expect(left).toEqual(["ĐẢNG BỘ TỈNH LAI CHÂU", "HUYỆN ỦY TAM ĐƯỜNG", "*", "Số ……-BC/HU"]);
    expect(header.left[1]![0]!.bold).toBe(true);
    expect(header.right[0]![0]).toMatchObject({ text: "ĐẢNG CỘNG SẢN VIỆT NAM", bold: true, underline: true });
    expect(header.right[3]![0]).toMatchObject({ text: "Tam Đường, ngày 05 tháng 7 năm 2021", italic: true });
    const titles = paragraphs(draft).slice(0, 2).map(text);
    expect(titles[0]).toBe("BÁO CÁO");
    expect(titles[1]).toBe('Tổng kết thực hiện Đề án "Nâng cao hiệu quả, chất lượng công tác tư tưởng của Đảng bộ tỉnh giai đoạn 2016 - 2020"');
  });

  it("puts the broadcasting figures under 2.2, with the Vietnamese decimal comma", () => {
    const s22 = sectionText(draft, "2.2", "Nâng cao hiệu quả, chất lượng công tác tuyên truyền");
    expect(s22).toContain("95,00%");
    expect(s22).toContain("950/1.000 hộ");
    expect(s22).toContain("98,00%");
    // 3.1's target is 100%: 95% is short of it; 4.4 (14/14) meets its 100%.
    expect(s22).toContain("95,00% (950/1.000 hộ), chưa đạt mục tiêu 100%");
    expect(s22).toContain("98,00% (980/1.000 hộ), đạt mục tiêu trên 95%");
    expect(s22).toContain("xã, phường, thị trấn có nhà văn hóa đạt 100,00% (14/14 xã, thị trấn), đạt mục tiêu 100%");
    // Indicators with no figures say so instead of inventing one.
    expect(s22).toMatch(/hộ gia đình đạt tiêu chuẩn văn hóa chưa đủ số liệu/);
    // Figures stay where they belong.
    expect(sectionText(draft, "2.3", "Nâng cao hiệu quả, chất lượng công tác nghiên cứu")).not.toContain("95,00%");
  });

  it("puts 1.1 under the Quy định 164 item, 6.x under 2.6 and 2 under 2.7", () => {
    const q164 = contentOf(draft, "Tổ chức các lớp bồi dưỡng, cập nhật kiến thức cho cán bộ lãnh đạo");
    expect(q164[0]).toMatch(new RegExp(`^${FIGURES_LABEL} .*đạt 100,00% \\(40/40 người\\), đạt mục tiêu 100%\\.$`));
    const s26 = sectionText(draft, "2.6", "Củng cố");
    expect(s26).toContain(FIGURES_LABEL);
    expect(s26).toMatch(/Trình độ chuyên môn \(đại học trở lên\) chưa đủ số liệu/);
    const s27 = sectionText(draft, "2.7", "Cơ chế");
    expect(s27).toContain(`đạt ${formatNumber(round2((12 / 14) * 100), 2)}% (12/14 xã, thị trấn), chưa đạt mục tiêu 100%`);
  });

  it("matches every figure rule to exactly one outline item", () => {
    const nodes = flattenOutline();
    for (const rule of FIGURE_RULES) {
      expect(nodes.filter((n) => foldText(n.text).startsWith(foldText(rule.startsWith)))).toHaveLength(1);
    }
    const figureParas = paragraphs(draft).filter((p) => p.role === "figures" && FIGURE_RULES.some((r) => text(p).includes(r.figures[0]!.label)));
    expect(figureParas).toHaveLength(FIGURE_RULES.length);
  });

  it("counts the documents by type under 1.2", () => {
    const content = contentOf(draft, "Việc cụ thể hóa, ban hành văn bản");
    expect(content[0]).toBe(`${FIGURES_LABEL} Tổng số 6 văn bản: 3 kế hoạch (KH), 1 nghị quyết (NQ), 2 văn bản chưa xác định được loại.`);
    expect(countDocumentTypes(documents).map((c) => [c.type, c.count])).toEqual([
      ["KH", 3],
      ["NQ", 1],
      [null, 2],
    ]);
  });

  it("says who reported in III.1 and who did not, with the targets not met, in III.2", () => {
    const overview = contentOf(draft, "Ưu điểm").join("\n");
    expect(overview).toContain("Đã nhận báo cáo của 2/3 đơn vị (66,67%).");
    const met = summary.indicators.filter((i) => i.met === true).length;
    expect(overview).toContain(`Có ${met}/${INDICATORS.length} chỉ tiêu đạt mục tiêu (1.1, 3.2, 4.4).`);
    // Units that did not report and targets not met are shortcomings, never "Ưu điểm".
    expect(overview).not.toContain("Bình Lư");
    expect(overview).not.toMatch(/chưa đạt|chưa nhận/);
    const shortcomings = contentOf(draft, "Hạn chế, yếu kém").join("\n");
    expect(shortcomings).toContain(`${FIGURES_LABEL} Đến thời điểm tổng hợp, chưa nhận báo cáo của: Đảng ủy xã Bình Lư (1/3 đơn vị).`);
    expect(shortcomings).toMatch(/Có 2\/\d+ chỉ tiêu chưa đạt mục tiêu \(2, 3\.1\); \d+ chỉ tiêu chưa đủ số liệu để đánh giá \(1\.2, /);
  });

  it("says nothing of missing units when every unit reported", () => {
    const all = buildReportDraft(summaryOf(figures, documents), OPTS);
    expect(contentOf(all, "Hạn chế, yếu kém").join("\n")).not.toContain("chưa nhận báo cáo");
    expect(contentOf(all, "Hạn chế, yếu kém").join("\n")).not.toMatch(/sau thời hạn|sai quy tắc/);
  });

  it("names the units that reported late, and the figures left out of the sums, as shortcomings", () => {
    const base = summaryOf(figures, documents);
    const late = { ...base, units: [
      { unit: "Đảng ủy xã Bản Bo", state: "received" as const, file: "a.xlsx", sha256: null, date: "2021-06-20", onTime: true, errors: 0, warnings: 0, otherFiles: [] },
      { unit: "Đảng ủy xã Bản Giang", state: "received" as const, file: "b.xlsx", sha256: null, date: "2021-06-28", onTime: false, errors: 1, warnings: 0, otherFiles: [] },
    ], rejectedValues: [{ unit: "Đảng ủy xã Bản Giang", file: "b.xlsx", sheet: "Chỉ tiêu", cell: "E17", indicator: "3.2", rule: "achieved-exceeds-total", reason: "…" }] };
    const shortcomings = contentOf(buildReportDraft(late, OPTS), "Hạn chế, yếu kém").join("\n");
    expect(shortcomings).toContain("Nộp báo cáo sau thời hạn (25/6/2021): Đảng ủy xã Bản Giang (1/3 đơn vị).");
    expect(shortcomings).toContain("Có 1 số liệu sai quy tắc của 1 đơn vị (Đảng ủy xã Bản Giang) không được cộng vào tổng hợp (chỉ tiêu 3.2).");
  });

  it("leaves a marked placeholder under every leaf item and invents no text", () => {
    const ps = paragraphs(draft);
    ps.forEach((p, k) => {
      if (!p.outline) return;
      const node = flattenOutline().find((n) => n.number === p.outline!.number && n.text === p.outline!.text)!;
      if (node.children) return;
      const rest = ps.slice(k + 1);
      const next = rest.findIndex((q) => q.outline !== undefined || q.role === "title");
      const content = (next < 0 ? rest : rest.slice(0, next)).map(text);
      expect(content).toContain(PLACEHOLDER);
      for (const c of content) expect(c === PLACEHOLDER || c.startsWith(FIGURES_LABEL)).toBe(true);
    });
  });

  it("has the two appendix tables with the official columns and the summary's figures", () => {
    const tables = draft.blocks.filter((b) => b.kind === "table");
    expect(tables).toHaveLength(2);
    const [ind, docs] = tables as Extract<(typeof draft.blocks)[number], { kind: "table" }>[];
    expect(ind!.columns).toEqual(["Stt", "Nội dung của chỉ tiêu", "ĐVT", "Tổng số", "Số đã đạt tiêu chuẩn", "Tỷ lệ (%)", "Đánh giá"]);
    const row31 = ind!.rows.find((r) => r.cells[0] === "3.1")!;
    expect(row31.cells.slice(3)).toEqual(["1.000", "950", "95,00", "Chưa đạt"]);
    expect(ind!.rows.filter((r) => !r.group)).toHaveLength(INDICATORS.length);
    expect(docs!.columns).toEqual(["Stt", "Ký hiệu văn bản", "Ngày, tháng ban hành", "Trích yếu nội dung", "Đơn vị ban hành"]);
    expect(docs!.rows.map((r) => r.cells[1])).toEqual(documents.map((d) => d.code ?? ""));
    expect(docs!.rows[0]!.cells[2]).toBe("10/3/2017");
  });

  it("says there are no figures when nothing was reported", () => {
    const empty = buildReportDraft(summaryOf({}), OPTS);
    expect(sectionText(empty, "2.2", "Nâng cao hiệu quả")).not.toMatch(/\d,\d\d%/);
    expect(contentOf(empty, "Việc cụ thể hóa, ban hành văn bản")[0]).toContain("chưa đủ số liệu");
  });
});

describe("the draft in the Party's form", () => {
  const summary = summaryOf({ "3.1": [7685, 7660] });
  const lines = (rows: readonly (readonly { text: string }[])[]) => rows.map((l) => l.map((r) => r.text).join(""));

  it("numbers its headings as the letter's outline does: \"I- \", \"1- \", \"1.1. \"", () => {
    expect(["I", "IV", "1", "4", "1.1", "2.3", "-", "+", ""].map(outlinePrefix)).toEqual(["I- ", "IV- ", "1- ", "4- ", "1.1. ", "2.3. ", "- ", "+ ", ""]);
    const text = buildReportDraft(summary, { unitName: "Huyện ủy Tam Đường", superior: "Đảng bộ tỉnh Lai Châu", place: "Tam Đường" })
      .blocks.flatMap((b) => (b.kind === "paragraph" ? [b.runs.map((r) => r.text).join("")] : []));
    for (const heading of ["I- KHÁI QUÁT ĐẶC ĐIỂM TÌNH HÌNH", "1- Thuận lợi", "II- KẾT QUẢ TRIỂN KHAI THỰC HIỆN", "1- Công tác lãnh đạo, chỉ đạo", "III- ĐÁNH GIÁ CHUNG", "V- KIẾN NGHỊ, ĐỀ XUẤT"]) {
      expect(text.some((t) => t.startsWith(heading))).toBe(true);
    }
  });

  it("leaves the number and the date to fill in when they are not given", () => {
    const draft = buildReportDraft(summary, { unitName: "Huyện ủy Tam Đường", superior: "Đảng bộ tỉnh Lai Châu", place: "Tam Đường" });
    const header = draft.blocks[0]!;
    if (header.kind !== "header") throw new Error("no header");
    expect(lines(header.left)[3]).toBe("Số ……-BC/HU");
    expect(lines(header.right)[3]).toBe("Tam Đường, ngày … tháng … năm 20…");
    // No day is guessed (not today's either).
    expect(lines(header.right).join("\n")).not.toMatch(/ngày \d|tháng \d|năm \d{4}/);
  });

  it("writes the number given", () => {
    expect(numberLine("45")).toBe("Số 45-BC/HU");
    expect(numberLine("Số: 45-BC/HU")).toBe("Số 45-BC/HU");
    expect(numberLine("12-BC/TU")).toBe("Số 12-BC/TU");
    expect(numberLine("  ")).toBe("Số ……-BC/HU");
    const draft = buildReportDraft(summary, { ...OPTS, number: "45" });
    const header = draft.blocks[0]!;
    if (header.kind !== "header") throw new Error("no header");
    expect(lines(header.left)[3]).toBe("Số 45-BC/HU");
  });

  it("ends the body with Nơi nhận and the signature block, before the appendix", () => {
    const draft = buildReportDraft(summary, OPTS);
    const at = draft.blocks.findIndex((b) => b.kind === "closing");
    const closing = draft.blocks[at]!;
    if (closing.kind !== "closing") throw new Error("no closing");
    expect(draft.blocks[at + 1]?.kind).toBe("pageBreak");
    const lastOutline = draft.blocks.map((b, k) => (b.kind === "paragraph" && b.outline ? k : -1)).reduce((a, b) => Math.max(a, b));
    expect(at).toBeGreaterThan(lastOutline);
    expect(lines(closing.left)).toEqual(["Nơi nhận:", "- Ban Tuyên giáo Tỉnh ủy (b/c),", "- Lưu."]);
    expect(closing.left[0]![0]).toMatchObject({ bold: true, italic: true, underline: true });
    expect(lines(closing.right)).toEqual(["T/M BAN THƯỜNG VỤ", "PHÓ BÍ THƯ", "", "", "", "………………………………"]);
    expect(closing.right[0]![0]!.bold).toBe(true);
    expect(DEFAULT_RECIPIENTS).toEqual(["Ban Tuyên giáo Tỉnh ủy (b/c)", "Lưu"]);
  });

  it("takes the recipients and the signer as configured", () => {
    const closing = closingBlock({
      recipients: ["- Ban Tuyên giáo Tỉnh ủy (b/c);", "Thường trực Huyện ủy", "", "Lưu VPHU."],
      signer: { onBehalf: "t/m ban thường vụ", title: "Bí thư", name: "Nguyễn Văn A" },
    });
    expect(lines(closing.left)).toEqual(["Nơi nhận:", "- Ban Tuyên giáo Tỉnh ủy (b/c),", "- Thường trực Huyện ủy,", "- Lưu VPHU."]);
    expect(lines(closing.right)).toEqual(["T/M BAN THƯỜNG VỤ", "BÍ THƯ", "", "", "", "Nguyễn Văn A"]);
    // A signer in their own name: no "T/M" line.
    expect(lines(closingBlock({ signer: { onBehalf: "", title: "TRƯỞNG BAN" } }).right)[0]).toBe("TRƯỞNG BAN");
  });

  it("writes the figures as a sentence: the unit of measure in lower case, the target after", () => {
    const byId = (id: string, figures: Figures) => summaryOf(figures).indicators.find((i) => i.id === id);
    expect(figureText(byId("3.1", { "3.1": [7685, 7660] }))).toBe("đạt 99,67% (7.660/7.685 hộ), chưa đạt mục tiêu 100%");
    expect(figureText(byId("4.4", { "4.4": [14, 14] }))).toBe("đạt 100,00% (14/14 xã, thị trấn), đạt mục tiêu 100%");
    expect(figureText(byId("4.1", { "4.1": [1000, 900] }))).toBe("đạt 90,00% (900/1.000 hộ), vượt mục tiêu 85%");
    expect(figureText(byId("3.2", { "3.2": [1000, 950] }))).toBe("đạt 95,00% (950/1.000 hộ), chưa đạt mục tiêu trên 95%");
    // Reported by fewer units than the list holds: said; by all of them, not.
    expect(figureText(byId("3.2", { "3.2": [1000, 950] }), 5)).toBe("đạt 95,00% (950/1.000 hộ; theo báo cáo của 3/5 đơn vị), chưa đạt mục tiêu trên 95%");
    expect(figureText(byId("6.1", { "6.1": [0, 0] }))).toBe("không có đối tượng (tổng số 0 người)");
    expect(figureText(byId("3.2", { "3.2": [1000, 950] }), 3)).toBe("đạt 95,00% (950/1.000 hộ), chưa đạt mục tiêu trên 95%");
    expect(figureText(byId("1.2", { "1.2": [300, 300] }))).toBe("đạt 100,00% (300/300 người), đạt mục tiêu 100%");
    expect(figureText(byId("5", { "5": [14, 2] }))).toBe("đạt 14,29% (2/14 xã), đạt mục tiêu ít nhất 01 xã");
    expect(figureText(byId("4.2", {}))).toBe("chưa đủ số liệu");
    const draft = buildReportDraft(summary, OPTS);
    expect(JSON.stringify(draft)).not.toMatch(/ Hộ[;)]|: Chưa đạt\)|: Đạt\)/);
  });
});

describe("formatNumber", () => {
  it("groups thousands with '.' and uses ',' for decimals", () => {
    expect(formatNumber(1234567)).toBe("1.234.567");
    expect(formatNumber(95, 2)).toBe("95,00");
    expect(formatNumber(1000.5, 2)).toBe("1.000,50");
  });
});

describe("the appendix's Đánh giá", () => {
  /** The verdict the summary workbook's "Tổng hợp chỉ tiêu" writes for the same indicator. */
  const workbookVerdict = (i: IndicatorSummary): string => verdictLabel(verdictState(i));

  it("is the summary workbook's verdict for every indicator, however its figures stand", () => {
    const base = summaryOf({ "3.1": [1000, 950], "4.1": [1000, 900], "6.1": [0, 0] });
    const rejected = { unit: "Đảng ủy xã Bản Bo", file: "ban-bo.xlsx", sheet: "Chỉ tiêu", cell: "E10", indicator: "1.2", rule: "achieved-exceeds-total", reason: "…" };
    const indicators = base.indicators.map((i): IndicatorSummary => {
      // Indicator 5 counts communes: units gave Số đã đạt only, which meets "Có 01 - 02 xã".
      if (i.id === "5") return { ...i, total: null, achieved: 2, ratio: null, met: true, reportedBy: 2 };
      // Reported with nobody to count (Tổng số 0).
      if (i.id === "6.2.2") return { ...i, total: 0, achieved: 0, ratio: null, met: null, reportedBy: 1 };
      // Every figure given broke a rule.
      if (i.id === "1.2") return { ...i, rejected: [rejected] } as IndicatorSummary;
      return i;
    });
    const summary: Summary = { ...base, indicators, rejectedValues: [rejected] } as Summary;
    const table = buildReportDraft(summary, OPTS).blocks.find((b) => b.kind === "table");
    if (table?.kind !== "table") throw new Error("no indicators table");
    const cellOf = (id: string) => table.rows.find((r) => !r.group && r.cells[0] === INDICATORS.find((x) => x.id === id)!.stt && r.cells[1] === INDICATORS.find((x) => x.id === id)!.text)!.cells[6];
    for (const i of indicators) expect([i.id, cellOf(i.id)]).toEqual([i.id, workbookVerdict(i)]);
    expect(cellOf("5")).toBe("Đạt");
    expect(cellOf("1.2")).toBe("Số liệu có lỗi");
    expect(cellOf("6.1")).toBe("Không có đối tượng");
    expect(cellOf("4.2")).toBe("Chưa đủ số liệu");
  });
});

describe("the targets the draft judged by", () => {
  const planned = (summary: Summary): Summary => ({
    ...summary,
    targetsSource: "ke-hoach.xlsx",
    indicators: summary.indicators.map((i) => (i.id === "1.2" ? { ...i, target: { op: ">=", value: 99 }, met: true } : i)),
  });

  it("says, under Ưu điểm and under the appendix table, which targets are not Đề án 241's", () => {
    const summary = planned(summaryOf({ "1.2": [1581, 1568] }));
    const draft = buildReportDraft(summary, OPTS);
    const note = 'Mục tiêu đánh giá: theo kế hoạch của đơn vị (tệp ke-hoach.xlsx); chỉ tiêu kế hoạch không đặt thì theo Đề án 241. Khác Đề án 241 ở chỉ tiêu 1.2: 99% (Đề án 241: 100%).';
    expect(contentOf(draft, "Ưu điểm")).toContain(`${FIGURES_LABEL} ${note}`);
    const at = draft.blocks.findIndex((b) => b.kind === "table");
    const after = draft.blocks[at + 1];
    expect(after?.kind === "paragraph" ? text(after) : "").toBe(note);
  });

  it("names no plan when a summary read back lost its note but its targets differ", () => {
    const summary = { ...planned(summaryOf({ "1.2": [1581, 1568] })), targetsSource: undefined };
    expect(contentOf(buildReportDraft(summary, OPTS), "Ưu điểm").join("\n")).toContain(
      "Mục tiêu đánh giá: theo kế hoạch của đơn vị; chỉ tiêu kế hoạch không đặt thì theo Đề án 241. Khác Đề án 241 ở chỉ tiêu 1.2: 99% (Đề án 241: 100%).",
    );
  });

  it("says nothing more when every target is Đề án 241's", () => {
    const draft = buildReportDraft({ ...summaryOf({ "1.2": [1581, 1568] }), targetsSource: "de-an-241" }, OPTS);
    expect(JSON.stringify(draft)).not.toContain("Mục tiêu đánh giá");
  });
});

describe("who has not sent, in Hạn chế, yếu kém", () => {
  it("tells a unit whose every file was rejected from one that sent nothing, as the summary's Tình hình nộp báo cáo does", () => {
    const base = summaryOf({ "3.1": [1000, 990] }, [], ["Đảng ủy xã Bản Giang", "Đảng ủy xã Bình Lư"]);
    const status = (unit: string, state: "received" | "missing" | "rejected") =>
      ({ unit, state, file: null, sha256: null, date: null, onTime: null, errors: state === "rejected" ? 1 : 0, warnings: 0, otherFiles: [] });
    const summary: Summary = {
      ...base,
      units: [status("Đảng ủy xã Bản Bo", "received"), status("Đảng ủy xã Bản Giang", "rejected"), status("Đảng ủy xã Bình Lư", "missing")],
    };
    const shortcomings = contentOf(buildReportDraft(summary, OPTS), "Hạn chế, yếu kém").join("\n");
    expect(shortcomings).toContain(
      `${FIGURES_LABEL} Đến thời điểm tổng hợp, chưa nhận báo cáo của: Đảng ủy xã Bình Lư (1/3 đơn vị). Báo cáo gửi về bị loại, không sử dụng được: Đảng ủy xã Bản Giang (1/3 đơn vị).`,
    );
    // Every file rejected, nothing else missing: no unit is said not to have sent.
    const allRejected: Summary = { ...summary, missing: ["Đảng ủy xã Bản Giang"], units: summary.units.filter((u) => u.unit !== "Đảng ủy xã Bình Lư") };
    const text = contentOf(buildReportDraft(allRejected, OPTS), "Hạn chế, yếu kém").join("\n");
    expect(text).not.toContain("chưa nhận báo cáo");
    expect(text).toContain("Báo cáo gửi về bị loại, không sử dụng được: Đảng ủy xã Bản Giang (1/3 đơn vị).");
  });
});
