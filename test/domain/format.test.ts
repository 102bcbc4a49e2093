import { formatMegabytes, formatNumber, formatPercent, formatRatio, targetLabel, unitKindsText, verdictLabel, vnDate, vnLongDate } from "../../src/domain/format";
import { TAM_DUONG_UNITS } from "../../src/domain/units";

describe("Vietnamese presentation", () => {
  it.each([
    [1234.5, undefined, "1.234,5"],
    [1234567, undefined, "1.234.567"],
    [12, undefined, "12"],
    [-1234.25, undefined, "-1.234,25"],
    [0.123456, undefined, "0,1235"],
    [-1e-320, undefined, "0"],
    [95, 2, "95,00"],
    [1000, 0, "1.000"],
    [-0.001, 2, "0,00"],
  ])("formatNumber(%p, %p) is %p", (n, decimals, text) => {
    expect(formatNumber(n, decimals)).toBe(text);
  });

  it("writes percentages with a decimal comma, never a dot", () => {
    expect(formatPercent(36.842105)).toBe("36,84%");
    expect(formatRatio(36.842105)).toBe("36,84%");
    expect(formatRatio(95)).toBe("95%");
  });

  it("writes dates day first as the district's letter does (07/4/2021, 01/02/2013), and in words for a date line", () => {
    expect(vnDate("2021-06-20")).toBe("20/6/2021");
    expect(vnDate("2021-04-07")).toBe("07/4/2021");
    expect(vnDate("2013-02-01")).toBe("01/02/2013");
    expect(vnDate("2016-01-15")).toBe("15/01/2016");
    expect(vnDate("2020-12-31")).toBe("31/12/2020");
    expect(vnDate(null)).toBe("");
    expect(vnDate("tháng 3/2018")).toBe("tháng 3/2018");
    expect(vnLongDate("2021-07-01")).toBe("ngày 01 tháng 7 năm 2021");
    expect(vnLongDate("2021-02-15")).toBe("ngày 15 tháng 02 năm 2021");
    expect(vnLongDate("1/7/2021")).toBeNull();
  });

  it("names verdicts and targets as the letter does", () => {
    expect([true, false, null].map(verdictLabel)).toEqual(["Đạt", "Chưa đạt", "Chưa đủ số liệu"]);
    // Figures given but all left out for errors.
    expect(verdictLabel("rejected")).toBe("Số liệu có lỗi");
    expect(targetLabel({ op: ">=", value: 100 })).toBe("100%");
    expect(targetLabel({ op: ">", value: 95 })).toBe("Trên 95%");
    expect(targetLabel({ op: "count>=", value: 1 })).toBe("Ít nhất 01");
    expect(targetLabel({ op: ">=", value: 92.5 })).toBe("92,5%");
  });

  it.each([
    [22_000_000, "21,0 MB"],
    [20_971_520, "20 MB"],
    [20_971_521, "20,0 MB"],
    [25_000_000, "23,8 MB"],
    [2500 * 1_048_576, "2.500 MB"],
    [0, "0 byte"],
    [10_000, "9,8 KB"],
    [65_536, "64 KB"],
  ])("formatMegabytes(%p) is %p", (bytes, text) => {
    expect(formatMegabytes(bytes)).toBe(text);
  });

  it("counts units by kind", () => {
    expect(unitKindsText(TAM_DUONG_UNITS.map((u) => u.name))).toBe("13 xã, 1 thị trấn và 5 cơ quan");
    expect(unitKindsText(["Đảng ủy xã Bản Bo", "Đảng ủy phường Tân Phong", "Phòng Nội vụ", "Đài Truyền thanh - Truyền hình"])).toBe("1 xã, 1 phường và 2 cơ quan");
    expect(unitKindsText(["Đảng ủy xã Bản Bo"])).toBe("1 xã");
    expect(unitKindsText([])).toBe("0 đơn vị");
  });
});
