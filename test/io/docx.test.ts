import { execFileSync } from "node:child_process";
import { existsSync, mkdtempSync, readdirSync, realpathSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { strFromU8, unzipSync } from "fflate";
import { DEFAULT_TARGETS, INDICATORS, meetsTarget } from "../../src/domain/catalogue";
import { flattenOutline, REPORT_OUTLINE } from "../../src/domain/catalogue/outline";
import { round2, SUM, type Summary } from "../../src/domain/merge";
import { buildReportDraft, outlinePrefix, PLACEHOLDER } from "../../src/domain/report-draft";
import { MARGINS, mm, PAGE, writeDraftDocx } from "../../src/io/docx";
import { convertWithLibreOffice, SOFFICE } from "../support/programs";

/** LibreOffice converts .docx only when its Writer component is installed beside soffice. */
function hasWriter(soffice: string | null): boolean {
  if (!soffice) return false;
  const program = dirname(realpathSync(soffice));
  const found = existsSync(program) && readdirSync(program).some((f) => /^libswlo\.so$|^swlo\.dll$|^libswlo\.dylib$/.test(f));
  if (!found && process.env.CI === "true") {
    throw new Error("LibreOffice Writer is not installed (Debian: libreoffice-writer-nogui); .ci/run installs it; CI requires it.");
  }
  if (!found) console.warn("Skipping: LibreOffice Writer is not installed (Debian: libreoffice-writer-nogui)");
  return found;
}

function summaryWith(figures: Record<string, readonly [number, number]>): Summary {
  return {
    deadline: "2021-06-25",
    files: [],
    indicators: INDICATORS.map((i) => {
      const pair = figures[i.id];
      const total = pair?.[0] ?? null;
      const achieved = pair?.[1] ?? null;
      const target = DEFAULT_TARGETS[i.id]!;
      const ratio = total !== null && achieved !== null && total > 0 ? round2((achieved / total) * 100) : null;
      return { id: i.id, total, achieved, ratio, met: meetsTarget(target, total, achieved), target, aggregation: SUM, reportedBy: pair ? 1 : 0 };
    }),
    perUnit: [],
    documents: [
      { code: "Số 15-KH/HU", date: "2017-03-10", summary: "Kế hoạch thực hiện Đề án 241", issuer: "Huyện ủy Tam Đường", units: ["Huyện ủy Tam Đường"] },
      { code: "Số 112-KH/ĐU", date: "2016-11-15", summary: "Kế hoạch tuyên truyền", issuer: "Đảng ủy xã Bản Bo", units: ["Đảng ủy xã Bản Bo"] },
    ],
    rejectedValues: [],
    units: [],
    unlisted: [],
    expected: ["Đảng ủy xã Bản Bo", "Đảng ủy xã Bình Lư"],
    received: ["Đảng ủy xã Bản Bo"],
    missing: ["Đảng ủy xã Bình Lư"],
    rate: 50,
  };
}

const collapse = (s: string) => s.replace(/\s+/g, " ").trim();
const compact = (s: string) => s.replace(/\s+/g, "");

describe("writeDraftDocx", () => {
  // No number and no date given: both are left to fill in.
  const draft = buildReportDraft(summaryWith({ "3.1": [7685, 7660] }), {
    unitName: "Huyện ủy Tam Đường",
    superior: "Đảng bộ tỉnh Lai Châu",
    place: "Tam Đường",
  });
  let bytes: Uint8Array;
  let xml: string;

  beforeAll(async () => {
    bytes = await writeDraftDocx(draft);
    xml = strFromU8(unzipSync(bytes)["word/document.xml"]!);
  });

  it("writes A4 with the Party format margins", () => {
    expect(xml).toMatch(new RegExp(`<w:pgSz[^>]*w:w="${PAGE.width}"[^>]*w:h="${PAGE.height}"`));
    const margin = /<w:pgMar ([^>]*)\/>/.exec(xml)?.[1] ?? "";
    expect(margin).toContain(`w:top="${MARGINS.top}"`);
    expect(margin).toContain(`w:bottom="${MARGINS.bottom}"`);
    expect(margin).toContain(`w:left="${MARGINS.left}"`);
    expect(margin).toContain(`w:right="${MARGINS.right}"`);
    expect(MARGINS.left).toBe(mm(30));
    expect(mm(25.4)).toBe(1440);
  });

  it("uses Times New Roman 14 and plain text runs", () => {
    const styles = strFromU8(unzipSync(bytes)["word/styles.xml"]!);
    expect(styles + xml).toContain('w:ascii="Times New Roman"');
    expect(xml).toContain('<w:sz w:val="28"/>');
    expect(xml).not.toMatch(/<w:fldSimple|<w:instrText/);
    expect(xml).toContain(PLACEHOLDER);
  });

  it("numbers its pages at the top centre from the second page on, as the Party's format asks", () => {
    const parts = unzipSync(bytes);
    const rels = strFromU8(parts["word/_rels/document.xml.rels"]!);
    const sect = /<w:sectPr>.*<\/w:sectPr>/s.exec(xml)?.[0] ?? "";
    // A first page of its own (titlePg), whose header is empty; every other page's header holds the PAGE field, centred.
    expect(sect).toMatch(/<w:titlePg\/>|<w:titlePg w:val="(?:1|true)"\/>/);
    const headerOf = (type: string): string => {
      const id = new RegExp(`<w:headerReference w:type="${type}" r:id="([^"]+)"`).exec(sect)?.[1];
      const target = id !== undefined ? new RegExp(`Id="${id}"[^>]*Target="([^"]+)"`).exec(rels)?.[1] : undefined;
      expect(target).toBeDefined();
      return strFromU8(parts[`word/${target!}`]!);
    };
    const other = headerOf("default");
    expect(other).toMatch(/PAGE/);
    expect(other).toContain('<w:jc w:val="center"/>');
    expect(headerOf("first")).not.toMatch(/PAGE/);
  });

  it("names the tool, not an English placeholder, as who last saved it", () => {
    const core = strFromU8(unzipSync(bytes)["docProps/core.xml"]!);
    expect(core).toContain("<cp:lastModifiedBy>de-an-241</cp:lastModifiedBy>");
    expect(core).not.toMatch(/Un-named/);
  });

  it("leaves out bidirectional controls and the control characters XML cannot carry", async () => {
    const summary = summaryWith({ "3.1": [1000, 950] });
    const unsafe: Summary = {
      ...summary,
      documents: [{ ...summary.documents[0]!, summary: "Kế\u0001 hoạch\u0007 \u202Eđảo\u202C \u2066tách\u2069\tcuối" }],
    };
    const draft2 = buildReportDraft(unsafe, { unitName: "Huyện ủy Tam Đường", superior: "Đảng bộ tỉnh Lai Châu", place: "Tam Đường", date: "2021-07-05" });
    expect(JSON.stringify(draft2)).toContain("\\u0001");
    const doc = strFromU8(unzipSync(await writeDraftDocx(draft2))["word/document.xml"]!);
    // eslint-disable-next-line no-control-regex
    expect(doc).not.toMatch(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\u202A-\u202E\u2066-\u2069]/);
    expect(doc).toContain("Kế hoạch đảo tách");
  });

  const d = SOFFICE && hasWriter(SOFFICE) ? describe : describe.skip;
  d("through LibreOffice", () => {
    let text: string;
    let pages: string[];
    beforeAll(() => {
      const dir = mkdtempSync(join(tmpdir(), "draft-docx-"));
      const file = join(dir, "du-thao.docx");
      writeFileSync(file, bytes);
      const pdf = convertWithLibreOffice(file, "pdf", dir);
      pages = execFileSync("pdftotext", ["-enc", "UTF-8", pdf, "-"], { encoding: "utf8" }).split("\f");
      // The page numbers in the top margin are left out of the text the checks read.
      text = pages.map((p) => p.replace(/^\s*\d+\s*\n/, "")).join("\f");
    }, 180_000);

    it("prints the page number above the text from page 2 on, none on page 1", () => {
      const first = (page: string) => page.split("\n").find((l) => l.trim() !== "")?.trim();
      expect(first(pages[0]!)).toBe("ĐẢNG BỘ TỈNH LAI CHÂU");
      expect(pages.filter((p) => p.trim() !== "").length).toBeGreaterThan(2);
      pages.slice(1).filter((p) => p.trim() !== "").forEach((p, k) => expect(first(p)).toBe(String(k + 2)));
    });

    it("shows every outline heading and item", () => {
      // Line wrapping and justification change the spaces, never the characters.
      const all = compact(text);
      for (const node of flattenOutline()) expect(all).toContain(compact(`${outlinePrefix(node.number)}${node.text}`));
      expect(REPORT_OUTLINE.sections.length).toBeGreaterThan(0);
    });

    it("shows the header, the figure and the appendix tables", () => {
      const flat = collapse(text);
      expect(flat).toContain("99,67%");
      expect(flat).toContain("ĐẢNG CỘNG SẢN VIỆT NAM");
      expect(flat).toContain("HUYỆN ỦY TAM ĐƯỜNG");
      expect(compact(text)).toContain(compact("KẾT QUẢ THỰC HIỆN CÁC MỤC TIÊU CỦA ĐỀ ÁN 241"));
      expect(compact(text)).toContain("15-KH/HU");
    });

    it("has the number line, the date line, Nơi nhận and the signature block", () => {
      const flat = collapse(text);
      expect(flat).toContain("Số ……-BC/HU");
      // The date line to fill in stays on one line.
      expect(text.split("\n").some((l) => l.includes("Tam Đường, ngày … tháng … năm 20…"))).toBe(true);
      expect(flat).toMatch(/Nơi nhận: - Ban Tuyên giáo Tỉnh ủy \(b\/c\), - Lưu\./);
      expect(flat).toMatch(/T\/M BAN THƯỜNG VỤ PHÓ BÍ THƯ/);
      // The closing comes before the appendix.
      expect(flat.indexOf("PHÓ BÍ THƯ")).toBeLessThan(flat.indexOf("PHỤ LỤC"));
    });

    it("reads the figures as sentences, and keeps units that did not report out of Ưu điểm", () => {
      const flat = collapse(text);
      expect(flat).toContain("đạt 99,67% (7.660/7.685 hộ; theo báo cáo của 1/2 đơn vị), chưa đạt mục tiêu 100%");
      const strengths = flat.slice(flat.indexOf("1- Ưu điểm"), flat.indexOf("2- Hạn chế, yếu kém"));
      expect(strengths).toContain("Đã nhận báo cáo của 1/2 đơn vị");
      expect(strengths).not.toContain("Bình Lư");
      const shortcomings = flat.slice(flat.indexOf("2- Hạn chế, yếu kém"), flat.indexOf("3- Nguyên nhân"));
      expect(shortcomings).toContain("chưa nhận báo cáo của: Đảng ủy xã Bình Lư");
    });

    it("prints the appendix dates whole, each on one line", () => {
      const lines = text.split("\n");
      for (const date of ["15/11/2016", "10/3/2017"]) expect(lines.some((l) => l.includes(date))).toBe(true);
      expect(lines.some((l) => /^\s*15\/11\/201\s*$/.test(l))).toBe(false);
    });
  });
});
