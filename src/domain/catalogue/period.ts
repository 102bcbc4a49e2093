/**
 * Dates fixed by Công văn 232-CV/HU (Tam Đường, 26/4/2021). ISO dates (YYYY-MM-DD).
 */
export const PROGRAMME = {
  /** Short name used in the letter. */
  shortName: "Đề án 241",
  /** Full name, verbatim. */
  name: "Nâng cao hiệu quả, chất lượng công tác tư tưởng của Đảng bộ tỉnh giai đoạn 2016 - 2020",
  /** The letter that asks for the review. */
  letter: {
    number: "232-CV/HU",
    issuer: "HUYỆN ỦY TAM ĐƯỜNG",
    superior: "ĐẢNG BỘ TỈNH LAI CHÂU",
    place: "Tam Đường",
    date: "2021-04-26",
    basis: "Kế hoạch số 26-KH/TU, ngày 07/4/2021 của Ban Thường vụ Tỉnh ủy",
    email: "btghu.tamduong@laichau.gov.vn",
  },
} as const;

/** "Số liệu báo cáo lấy từ thời điểm ban hành Đề án 241 (30/9/2016) đến hết năm 2020." */
export const REPORTING_PERIOD = { from: "2016-09-30", to: "2020-12-31" } as const;

export const DEADLINES = {
  /** Cấp cơ sở: "Thời gian hoàn thành trước ngày 10/6/2021." */
  grassrootsReview: "2021-06-10",
  /** Units send their report and figures to the Huyện ủy "trước ngày 25/6/2021". */
  sendToDistrict: "2021-06-25",
  /** Cấp huyện: conference "hoàn thành trước ngày 15/7/2021". */
  districtConference: "2021-07-15",
} as const;
