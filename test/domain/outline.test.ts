import * as fs from "fs";
import * as path from "path";
import { flattenOutline, REPORT_OUTLINE, type OutlineNode } from "../../src/domain/catalogue/outline";

const DOC_PATH = path.join(__dirname, "../../docs/reference/de-an-241-cong-van-232.md");
const RAW = fs.readFileSync(DOC_PATH, "utf8");

/** The document without markdown markup (**, leading #, *italic* asterisks), whitespace collapsed. */
function stripMarkdown(markdown: string): string {
  return markdown
    .split("\n")
    .map((line) => line.replace(/^#+\s*/, ""))
    .join("\n")
    .replace(/\*\*/g, "")
    .replace(/\*/g, "")
    .replace(/\s+/g, " ")
    .trim();
}

const DOC = stripMarkdown(RAW);

/** The outline part of the stripped document: from its title up to the next part (the tables). */
const REGION = (() => {
  const from = DOC.indexOf("ĐỀ CƯƠNG BÁO CÁO");
  const to = DOC.indexOf("CÁC VĂN BẢN LÃNH ĐẠO", from);
  if (from < 0 || to < 0) throw new Error("outline not found in the reference document");
  return DOC.slice(from, to);
})();

function must<T>(value: T | undefined, what: string): T {
  if (value === undefined) throw new Error(`missing: ${what}`);
  return value;
}

function child(node: OutlineNode, number: string): OutlineNode {
  return must(
    node.children?.find((c) => c.number === number),
    `child ${number} of ${node.number}`,
  );
}

function section(number: string): OutlineNode {
  return must(
    REPORT_OUTLINE.sections.find((s) => s.number === number),
    `section ${number}`,
  );
}

function escapeRegExp(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}

/** What may stand between the previous item and this item's text: its number as printed. */
function markerPattern(number: string): RegExp {
  if (number === "") return /^\s*$/;
  if (number === "-" || number === "+") return new RegExp(`^\\s*${escapeRegExp(number)}\\s+$`);
  if (/^\d+\.\d+$/.test(number)) return new RegExp(`^\\s*${escapeRegExp(number)}\\.\\s+$`);
  return new RegExp(`^\\s*${escapeRegExp(number)}-\\s*$`); // "I- ", "IV-", "1- "
}

const ALL = flattenOutline();

describe("REPORT_OUTLINE (ĐỀ CƯƠNG BÁO CÁO)", () => {
  test("title, subtitle and basis are verbatim and in order", () => {
    expect(REPORT_OUTLINE.title).toBe("ĐỀ CƯƠNG BÁO CÁO");
    expect(REPORT_OUTLINE.subtitle.startsWith("tổng kết thực hiện Đề án")).toBe(true);
    expect(REPORT_OUTLINE.basis).toBe("(Kế hoạch số 26-KH/TU, ngày 07/4/2021 của Ban Thường vụ Tỉnh ủy)");
    const head = `${REPORT_OUTLINE.title} ${REPORT_OUTLINE.subtitle} ${REPORT_OUTLINE.basis} `;
    expect(REGION.startsWith(head)).toBe(true);
  });

  test("every node's text appears verbatim in the document", () => {
    const missing = ALL.filter((n) => !DOC.includes(n.text)).map((n) => `${n.number} ${n.text}`);
    expect(missing).toEqual([]);
  });

  test("texts carry no markdown markup or stray whitespace", () => {
    for (const n of ALL) {
      expect(n.text).not.toMatch(/[*#]/);
      expect(n.text).not.toMatch(/\s{2,}|\n/);
      expect(n.text).toBe(n.text.trim());
      expect(n.text.length).toBeGreaterThan(0);
    }
  });

  test("the five sections are numbered I, II, III, IV, V", () => {
    expect(REPORT_OUTLINE.sections.map((s) => s.number)).toEqual(["I", "II", "III", "IV", "V"]);
    expect(section("I").text).toBe(
      "KHÁI QUÁT ĐẶC ĐIỂM TÌNH HÌNH (liên quan đến việc tổ chức triển khai, thực hiện Đề án)",
    );
  });

  test("section II has children 1 and 2; 2 has 2.1 … 2.7 in order", () => {
    const two = section("II");
    expect(two.children?.map((c) => c.number)).toEqual(["1", "2"]);
    expect(child(two, "1").children?.map((c) => c.number)).toEqual(["1.1", "1.2", "1.3", "1.4"]);
    expect(child(two, "2").children?.map((c) => c.number)).toEqual([
      "2.1",
      "2.2",
      "2.3",
      "2.4",
      "2.5",
      "2.6",
      "2.7",
    ]);
  });

  test("2.2 has 14 bullet items, as counted in the markdown itself", () => {
    // Independent count from the raw markdown: "- " / "+ " lines between the 2.2 and 2.3 headings.
    const lines = RAW.split("\n");
    const start = lines.findIndex((l) => /^[#*\s]*2\.2\.\s/.test(l));
    const end = lines.findIndex((l, i) => i > start && /^[#*\s]*2\.3\.\s/.test(l));
    expect(start).toBeGreaterThan(0);
    expect(end).toBeGreaterThan(start);
    const inDoc = lines.slice(start + 1, end).filter((l) => /^[-+] /.test(l)).length;
    expect(inDoc).toBe(14);

    const item22 = child(child(section("II"), "2"), "2.2");
    const bullets = flattenOutline(item22.children ?? []).filter((n) => n.number === "-" || n.number === "+");
    expect(bullets).toHaveLength(14);
    expect(bullets).toHaveLength(inDoc);
  });

  test("the page-broken paragraphs are joined with a single space, spelling as printed", () => {
    const texts = ALL.map((n) => n.text);
    expect(texts.some((t) => t.includes("việc nêu gương và làm theo của cán bộ, dảng viên, nhất là"))).toBe(true);
    expect(texts.some((t) => t.includes("các nghị quyết, đề án, chương trình, kế hoạch hành động"))).toBe(true);
  });

  test("quotes are kept as printed (typographic and straight)", () => {
    const texts = ALL.map((n) => n.text);
    expect(texts.some((t) => t.includes("“Toàn dân đoàn kết xây dựng nông thôn mới, đô thị văn minh”"))).toBe(true);
    expect(texts.some((t) => t.includes('"Diễn biến hòa bình"'))).toBe(true);
    expect(REPORT_OUTLINE.subtitle).toContain('"Nâng cao hiệu quả');
  });

  test("flattenOutline is depth-first: parents before their children", () => {
    const index = new Map<OutlineNode, number>(ALL.map((n, i) => [n, i]));
    for (const n of ALL) {
      const kids = n.children ?? [];
      let prev = must(index.get(n), "node index");
      for (const k of kids) {
        const at = must(index.get(k), "child index");
        expect(at).toBeGreaterThan(prev);
        prev = at;
      }
    }
    const total = (nodes: readonly OutlineNode[]): number =>
      nodes.reduce((sum, n) => sum + 1 + total(n.children ?? []), 0);
    expect(ALL).toHaveLength(total(REPORT_OUTLINE.sections));
  });

  test("flattenOutline follows the document order, each item preceded by its printed number", () => {
    // Walk the outline part of the document: each text must be found after the previous one, and
    // what lies between must be exactly this item's number marker ("II- ", "1.1. ", "- ", …).
    let cursor = `${REPORT_OUTLINE.title} ${REPORT_OUTLINE.subtitle} ${REPORT_OUTLINE.basis}`.length;
    let previous = -1;
    for (const n of ALL) {
      const at = REGION.indexOf(n.text, cursor);
      expect({ item: `${n.number} ${n.text.slice(0, 60)}`, found: at >= 0 }).toEqual({
        item: `${n.number} ${n.text.slice(0, 60)}`,
        found: true,
      });
      expect(at).toBeGreaterThan(previous);
      expect(REGION.slice(cursor, at)).toMatch(markerPattern(n.number));
      previous = at;
      cursor = at + n.text.length;
    }
    // Nothing of the outline is left out.
    expect(REGION.slice(cursor).trim()).toBe("");
  });
});
