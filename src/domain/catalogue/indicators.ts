import type { CatalogueRow, Indicator, IndicatorGroup, TargetSet } from "./types";

/**
 * The table "KẾT QUẢ THỰC HIỆN CÁC MỤC TIÊU CỦA ĐỀ ÁN 241" of Công văn
 * 232-CV/HU, row by row. Texts and units of measure are verbatim (including
 * the document's own capitalisation and punctuation).
 */
export const INDICATOR_GROUPS: readonly IndicatorGroup[] = [
  { stt: "1", label: "Mục tiêu 01" },
  { stt: "2", label: "Mục tiêu 02" },
  { stt: "3", label: "Mục tiêu 03" },
  { stt: "4", label: "Mục tiêu 04" },
  { stt: "5", label: "Mục tiêu 05" },
  { stt: "6", label: "Mục tiêu 06" },
  { stt: "6.2", label: "Trình độ lý luận chính trị", parent: "6" },
];

export const INDICATORS: readonly Indicator[] = [
  {
    id: "1.1",
    stt: "1.1",
    group: "1",
    text: "100% cán bộ lãnh đạo, quản lý từ huyện đến cơ sở được bồi dưỡng, cập nhật kiến thức theo quy định",
    dvt: "Người",
    target: { op: ">=", value: 100 },
  },
  {
    id: "1.2",
    stt: "1.2",
    group: "1",
    text: "100% cán bộ, đảng viên được học tập, quán triệt các nghị quyết của đảng",
    dvt: "Người",
    target: { op: ">=", value: 100 },
  },
  {
    id: "1.3",
    stt: "1.3",
    group: "1",
    text: "Trên 95% quần chúng nhân dân được tuyên truyền, quán triệt các chủ trương, chính sách pháp luật của Đảng và Nhà nước.",
    dvt: "Hộ",
    target: { op: ">", value: 95 },
  },
  {
    id: "2",
    stt: "-",
    group: "2",
    text: "100% xã, thị trấn có trạm truyền thanh cơ sở và cụm loa truyền thanh hoạt động ổn định ở thôn, bản",
    dvt: "Xã, thị trấn",
    target: { op: ">=", value: 100 },
  },
  {
    id: "3.1",
    stt: "3.1",
    group: "3",
    text: "100% hộ dân được nghe Đài Tiếng nói Việt Nam và xem chương trình Truyền hình Việt Nam",
    dvt: "Hộ",
    target: { op: ">=", value: 100 },
  },
  {
    id: "3.2",
    stt: "3.2",
    group: "3",
    text: "Trên 95% hộ dân được nghe và xem chương trình của Đài Phát thanh - Truyền hình tỉnh, Đài Truyền thanh - Truyền hình huyện",
    dvt: "Hộ",
    target: { op: ">", value: 95 },
  },
  {
    id: "4.1",
    stt: "4.1",
    group: "4",
    text: "85% hộ gia đình đạt tiêu chuẩn văn hóa",
    dvt: "Hộ",
    target: { op: ">=", value: 85 },
  },
  {
    id: "4.2",
    stt: "4.2",
    group: "4",
    text: "80% thôn, bản đạt tiêu chuẩn văn hóa",
    dvt: "Bản",
    target: { op: ">=", value: 80 },
  },
  {
    id: "4.3",
    stt: "4.3",
    group: "4",
    text: "100% cơ quan, đơn vị, trường học đạt tiêu chuẩn văn hóa",
    dvt: "cơ quan, đơn vị",
    target: { op: ">=", value: 100 },
  },
  {
    id: "4.4",
    stt: "4.4",
    group: "4",
    text: "100% xã, thị trấn có nhà văn hóa",
    dvt: "Xã, thị trấn",
    target: { op: ">=", value: 100 },
  },
  {
    id: "4.5",
    stt: "4.5",
    group: "4",
    text: "trên 80% bản có nhà văn hóa",
    dvt: "Bản",
    target: { op: ">", value: 80 },
  },
  {
    id: "4.6",
    stt: "4.6",
    group: "4",
    text: "70% bản có đội văn nghệ",
    dvt: "Bản",
    target: { op: ">=", value: 70 },
  },
  {
    id: "5",
    stt: "-",
    group: "5",
    text: "Có 01 - 02 xã biên soạn và phát hành lịch sử Đảng bộ địa phương",
    dvt: "Xã",
    target: { op: "count>=", value: 1 },
  },
  {
    id: "6.1",
    stt: "6.1",
    group: "6",
    text: "100% cán bộ, giảng viên, chuyên viên Ban Tuyên giáo, Trung tâm BDCT có trình độ đại học trở lên",
    dvt: "Người",
    target: { op: ">=", value: 100 },
  },
  {
    id: "6.2.1",
    stt: "-",
    group: "6",
    subgroup: "6.2",
    text: "100% cán bộ, công chức Ban Tuyên giáo huyện có trình độ trung cấp LLCT trở lên",
    dvt: "Người",
    target: { op: ">=", value: 100 },
  },
  {
    id: "6.2.2",
    stt: "-",
    group: "6",
    subgroup: "6.2",
    text: "Trên 70% cán bộ, chuyên viên Ban Tuyên giáo cấp huyện, Trung tâm BDCT có trình độ cao cấp",
    dvt: "Người",
    target: { op: ">", value: 70 },
  },
];

/** The rows of the official table in printed order: group rows, the sub-heading 6.2, indicators. */
export const CATALOGUE_ROWS: readonly CatalogueRow[] = (() => {
  const rows: CatalogueRow[] = [];
  for (const group of INDICATOR_GROUPS) {
    if (group.parent !== undefined) continue;
    rows.push({ kind: "group", group });
    for (const indicator of INDICATORS.filter((i) => i.group === group.stt && i.subgroup === undefined)) {
      rows.push({ kind: "indicator", indicator });
    }
    for (const sub of INDICATOR_GROUPS.filter((g) => g.parent === group.stt)) {
      rows.push({ kind: "group", group: sub });
      for (const indicator of INDICATORS.filter((i) => i.subgroup === sub.stt)) {
        rows.push({ kind: "indicator", indicator });
      }
    }
  }
  return rows;
})();

/** Đề án 241's own targets, by indicator id. A unit's plan may override them. */
export const DEFAULT_TARGETS: TargetSet = Object.freeze(
  Object.fromEntries(INDICATORS.map((i) => [i.id, i.target])),
);

export function indicatorById(id: string): Indicator | undefined {
  return INDICATORS.find((i) => i.id === id);
}
