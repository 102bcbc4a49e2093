/**
 * Reports that are not Đề án 241's: another programme's report laid out the
 * same way (the same columns, the same Stt numbers) is refused with the
 * reason and the title found, and no row is taken by its Stt alone.
 */
import { CATALOGUE_ROWS } from "../../src/domain/catalogue";
import { mergeReports } from "../../src/domain/merge";
import { readUnitReport } from "../../src/domain/read";
import { DOCUMENT_HEADER, goodFigures, headerBlock, indicatorBody, INDICATOR_HEADER, SAMPLE_DOCUMENTS } from "../fixtures/official";
import type { SpecCell } from "../fixtures/sheet-spec";
import { specToGrid } from "../fixtures/sheet-spec";

/** Đề án 05 (another programme of the same district): its own indicators under the same Stt numbers. */
const OTHER_TEXTS: Readonly<Record<string, string>> = {
  "1.1": "Hộ nông dân được tập huấn kỹ thuật trồng chè, cây ăn quả",
  "1.2": "Diện tích chè được cải tạo, thâm canh",
  "1.3": "Hợp tác xã nông nghiệp hoạt động hiệu quả",
  "2": "Xã có chợ nông thôn đạt chuẩn",
  "3.1": "Km đường giao thông nông thôn được cứng hóa",
  "3.2": "Công trình thủy lợi được kiên cố hóa",
  "4.1": "Hộ thoát nghèo bền vững",
  "4.2": "Lao động được đào tạo nghề nông nghiệp",
  "4.3": "Sản phẩm OCOP đạt từ 3 sao trở lên",
  "4.4": "Trang trại chăn nuôi tập trung",
  "4.5": "Mô hình liên kết sản xuất theo chuỗi giá trị",
  "4.6": "Doanh nghiệp đầu tư vào nông nghiệp",
  "5": "Xã đạt chuẩn nông thôn mới",
  "6.1": "Cán bộ khuyến nông có trình độ đại học",
};

function otherBody(): SpecCell[][] {
  let k = 0;
  return CATALOGUE_ROWS.map((row) => {
    if (row.kind === "group") return [row.group.stt, row.group.label, null, null, null, null];
    const i = row.indicator;
    k++;
    return [i.stt, OTHER_TEXTS[i.id] ?? `Chỉ tiêu phát triển nông nghiệp số ${k}`, "Hộ", 100 + k, 50 + k, null];
  });
}

function report(title: readonly SpecCell[][], body: SpecCell[][], file: string) {
  const rows: SpecCell[][] = [
    ...headerBlock("ĐẢNG ỦY XÃ BẢN GIANG"),
    ...title,
    INDICATOR_HEADER as SpecCell[],
    ...body,
    [],
    DOCUMENT_HEADER as SpecCell[],
    ...SAMPLE_DOCUMENTS,
  ];
  return readUnitReport(specToGrid({ sheets: [{ name: "Báo cáo", rows }] }), file);
}

const OTHER_TITLE: SpecCell[][] = [["BÁO CÁO"], ["Kết quả thực hiện Đề án 05-ĐA/HU về phát triển nông nghiệp hàng hóa giai đoạn 2016 - 2020"], []];
const OUR_TITLE: SpecCell[][] = [["BÁO CÁO"], ['Tổng kết thực hiện Đề án "Nâng cao hiệu quả, chất lượng công tác tư tưởng của Đảng bộ tỉnh giai đoạn 2016 - 2020"'], []];

describe("reports that are not Đề án 241's", () => {
  it("refuses another programme's report with the same Stt numbers: reason and title, no figure read", () => {
    const r = report(OTHER_TITLE, otherBody(), "de-an-05.xlsx");
    expect(r.issues.map((i) => i.rule)).toEqual(["not-de-an-241"]);
    const issue = r.issues[0]!;
    expect(issue.severity).toBe("error");
    expect(issue.message).toContain("không phải báo cáo Đề án 241");
    expect(issue.message).toContain("Kết quả thực hiện Đề án 05-ĐA/HU");
    expect(r.indicators).toEqual({});
    expect(r.documents).toEqual([]);
  });

  it("refuses it by its rows alone when it has no title", () => {
    const r = report([], otherBody(), "khong-tieu-de.xlsx");
    expect(r.issues.map((i) => i.rule)).toEqual(["not-de-an-241"]);
    const params = r.issues[0]!.params as { title: string | null; unknownRows: number; matchedRows: number };
    expect(params.title).toBeNull();
    // "Cán bộ khuyến nông có trình độ đại học" reads like 6.1 by its words; the rest are none of ours.
    expect(params.matchedRows).toBeLessThanOrEqual(1);
    expect(params.unknownRows).toBeGreaterThanOrEqual(14);
    expect(r.issues[0]!.message).toContain(`${params.unknownRows} dòng của bảng không phải là chỉ tiêu của Đề án 241`);
  });

  it("refuses a report whose title names another programme as its subject", () => {
    const r = report([["BÁO CÁO"], ["Sơ kết 5 năm thực hiện Nghị quyết số 10-NQ/HU của Ban Chấp hành Đảng bộ huyện"], []], indicatorBody(goodFigures()), "nq-10.xlsx");
    expect(r.issues.map((i) => i.rule)).toEqual(["not-de-an-241"]);
    expect(r.issues[0]!.message).toContain("Nghị quyết số 10-NQ/HU");
  });

  it("reads Đề án 241's own report, titled or not", () => {
    for (const title of [OUR_TITLE, [["BÁO CÁO KẾT QUẢ THỰC HIỆN ĐỀ ÁN 241-ĐA/TU"]], []]) {
      const r = report(title, indicatorBody(goodFigures()), "ban-giang.xlsx");
      expect(r.issues.filter((i) => i.severity === "error")).toEqual([]);
      expect(r.indicators["4.2"]).toMatchObject({ total: 52, achieved: 44 });
      expect(r.documents).toHaveLength(3);
    }
  });

  it("never takes a row by its Stt alone against a text that disagrees", () => {
    const body = indicatorBody(goodFigures()).map((row) => (row[0] === "4.2" ? ["4.2", "Thôn, bản được công nhận đạt chuẩn an toàn giao thông", "Bản", 52, 44, null] : row));
    const r = report([], body, "mot-dong-la.xlsx");
    expect(r.indicators["4.2"]).toBeUndefined();
    expect(r.issues.map((i) => i.rule)).toContain("unknown-row");
    expect(r.issues.find((i) => i.rule === "indicator-missing" && i.indicator === "4.2")).toBeDefined();
    // One odd row does not make the report another programme's.
    expect(r.issues.map((i) => i.rule)).not.toContain("not-de-an-241");
    expect(r.indicators["4.1"]).toMatchObject({ total: 2350, achieved: 2040 });
  });

  it("is rejected in the merge with that reason; the good report beside it still merges", () => {
    const ours = report(OUR_TITLE, indicatorBody(goodFigures()), "ban-giang.xlsx");
    const other = report(OTHER_TITLE, otherBody(), "de-an-05.xlsx");
    const s = mergeReports(
      [
        { file: "ban-giang.xlsx", sha256: "a", report: ours },
        { file: "de-an-05.xlsx", sha256: "b", report: other },
      ],
      { units: [] },
    );
    expect(s.files.map((f) => [f.file, f.status])).toEqual([
      ["ban-giang.xlsx", "merged"],
      ["de-an-05.xlsx", "rejected"],
    ]);
    expect(s.files[1]!.reason).toContain("không phải báo cáo Đề án 241");
    expect(s.indicators.find((i) => i.id === "4.2")).toMatchObject({ total: 52, achieved: 44, reportedBy: 1 });
  });
});
