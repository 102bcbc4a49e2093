import { cellAddress, columnLetters, parseAddress } from "../../src/domain/model/grid";
import {
  findDateInText,
  parseCountValue,
  parseDateValue,
  parseDocumentCode,
  parseRatioValue,
  ratioAgrees,
} from "../../src/domain/values";

describe("counts (Tổng số, Số đã đạt tiêu chuẩn)", () => {
  const cases: [string, Parameters<typeof parseCountValue>[0], ReturnType<typeof parseCountValue>["kind"], number | null][] = [
    ["a number", 1234, "number", 1234],
    ["zero is a value, not blank", 0, "number", 0],
    ["digits as text", "56", "number", 56],
    ["digits with spaces around", " 56 ", "number", 56],
    ["Vietnamese thousands", "1.234", "number", 1234],
    ["Vietnamese millions", "1.234.567", "number", 1234567],
    ["space thousands", "1 234", "number", 1234],
    ["non-breaking space thousands", "1\u00a0234", "number", 1234],
    ["English millions (commas only)", "1,234,567", "number", 1234567],
    ["decimal comma", "12,5", "number", 12.5],
    ["Vietnamese thousands with decimals", "1.234,5", "number", 1234.5],
    ["English thousands with decimals", "1,234.5", "number", 1234.5],
    ["a count followed by its unit", "120 hộ", "number", 120],
    ["a count followed by người", "15 người", "number", 15],
    ["negative text", "-5", "number", -5],
    ["an apostrophe kept from a paste", "'45", "number", 45],
    ["a closing full stop", "45.", "number", 45],
    ["Vietnamese thousands and a closing full stop", "1.219.", "number", 1219],
    ["comma and three digits: ambiguous", "1,234", "ambiguous", null],
    ["dot and two digits: ambiguous", "1.23", "ambiguous", null],
    ["dot and four digits: ambiguous", "1.2345", "ambiguous", null],
    ["empty", "", "blank", null],
    ["spaces only", "   ", "blank", null],
    ["a dash", "-", "blank", null],
    ["an em dash", "—", "blank", null],
    ["a dash in brackets", "(-)", "blank", null],
    ["undefined", undefined, "blank", null],
    ["x: a note, not reported", "x", "note", null],
    ["không có: a note, not reported", "không có", "note", null],
    ["words that are no note", "mười hai", "invalid", null],
    ["a percentage in a count", "97%", "invalid", null],
    ["a number followed by other words", "120 cái bàn", "invalid", null],
    ["a boolean", true, "invalid", null],
    ["a date", new Date(Date.UTC(2021, 0, 5)), "invalid", null],
  ];
  it.each(cases)("%s", (_name, input, kind, value) => {
    const parsed = parseCountValue(input);
    expect(parsed.kind).toBe(kind);
    if (value !== null && parsed.kind === "number") expect(parsed.value).toBeCloseTo(value, 9);
  });

  it("says a date typed in a figure's cell as the letter writes dates", () => {
    expect(parseCountValue(new Date(Date.UTC(2021, 0, 5)))).toEqual({ kind: "invalid", text: "05/01/2021" });
    expect(parseCountValue(new Date(Date.UTC(2021, 5, 25)))).toEqual({ kind: "invalid", text: "25/6/2021" });
    expect(parseRatioValue(new Date(Date.UTC(2021, 3, 7)))).toEqual({ kind: "invalid", text: "07/4/2021" });
  });

  it("gives both readings of an ambiguous number", () => {
    const parsed = parseCountValue("1,234");
    expect(parsed.kind === "ambiguous" && parsed.readings).toEqual([1.234, 1234]);
  });
});

describe("ratios (Tỷ lệ %)", () => {
  const cases: [string, Parameters<typeof parseRatioValue>[0], string | undefined, number | null, number | null][] = [
    ["text with comma and %", "97,4%", undefined, 97.4, 1],
    ["text with dot", "97.4", undefined, 97.4, 1],
    ["text with spaces and %", " 100 % ", undefined, 100, 0],
    ["a number", 97.4, undefined, 97.4, 1],
    ["a fraction with a % format", 0.974, "0.0%", 97.4, 1],
    ["a fraction with a 0% format", 1, "0%", 100, 0],
    ["an integer", 97, undefined, 97, 0],
    ["text 97,0%", "97,0%", undefined, 97, 1],
  ];
  it.each(cases)("%s", (_name, input, format, percent, decimals) => {
    const parsed = parseRatioValue(input, format);
    expect(parsed.kind).toBe("number");
    expect(parsed.percent).toBeCloseTo(percent!, 9);
    expect(parsed.decimals).toBe(decimals);
  });

  it("marks a plain number ≤ 1 as a possible fraction", () => {
    expect(parseRatioValue(0.974).maybeFraction).toBe(true);
    expect(parseRatioValue(97.4).maybeFraction).toBe(false);
  });

  it.each([[""], ["-"], [undefined]])("blank: %p", (input) => {
    expect(parseRatioValue(input).kind).toBe("blank");
  });

  it.each([["x"], ["chưa có"]])("a note, not reported: %p", (input) => {
    expect(parseRatioValue(input).kind).toBe("note");
  });

  it.each([["đạt"], ["cao"]])("not a number: %p", (input) => {
    expect(parseRatioValue(input).kind).toBe("invalid");
  });

  it("accepts a typed ratio within half a unit of its last decimal", () => {
    const computed = (1183 / 1219) * 100; // 97.0468…
    expect(ratioAgrees(97.0, 1, computed)).toBe(true);
    expect(ratioAgrees(97, 0, computed)).toBe(true);
    expect(ratioAgrees(97.05, 2, computed)).toBe(true);
    expect(ratioAgrees(97.1, 1, computed)).toBe(false);
    expect(ratioAgrees(96, 0, computed)).toBe(false);
    expect(ratioAgrees(97.04, 2, computed)).toBe(false);
  });
});

describe("dates", () => {
  const cases: [string, Parameters<typeof parseDateValue>[0], string | null][] = [
    ["d/m/yyyy", "7/4/2021", "2021-04-07"],
    ["dd/mm/yyyy", "07/04/2021", "2021-04-07"],
    ["dd-mm-yyyy", "07-04-2021", "2021-04-07"],
    ["dd.mm.yyyy", "07.04.2021", "2021-04-07"],
    ["d/m/yy", "7/4/21", "2021-04-07"],
    ["ISO", "2021-04-07", "2021-04-07"],
    ["yyyy/mm/dd (Gnumeric's CSV, web systems)", "2021/04/07", "2021-04-07"],
    ["yyyy.m.d", "2021.4.7", "2021-04-07"],
    ["words", "ngày 7 tháng 4 năm 2021", "2021-04-07"],
    ["words, NFD", "ngày 7 tháng 4 năm 2021".normalize("NFD"), "2021-04-07"],
    ["an Excel serial", 44293, "2021-04-07"],
    ["a real date", new Date(Date.UTC(2021, 3, 7)), "2021-04-07"],
    ["a date with the code", "26-KH/TU, ngày 07/4/2021", "2021-04-07"],
  ];
  it.each(cases)("%s", (_name, input, iso) => {
    expect(parseDateValue(input)).toEqual({ kind: "date", iso });
  });

  it.each([["32/13/2020"], ["31/02/2020"], ["2021/13/07"], ["2021/04/31"], ["hôm qua"], [12], ["ngày … tháng … năm 2021"]])("invalid: %p", (input) => {
    expect(parseDateValue(input).kind).toBe("invalid");
  });

  it.each([[""], ["-"], ["–"], ["−"], ["(-)"], [undefined]])("blank: %p", (input) => {
    expect(parseDateValue(input).kind).toBe("blank");
  });

  it("finds no date in a text without one", () => {
    expect(findDateInText("Kế hoạch tuyên truyền")).toBeNull();
  });
});

describe("document codes", () => {
  const cases: [string, string, { number: string; type: string; issuer: string; form: "party" | "state"; canonical: string }][] = [
    ["party", "26-KH/TU", { number: "26", type: "KH", issuer: "TU", form: "party", canonical: "26-KH/TU" }],
    ["party with Số", "Số 26-KH/TU", { number: "26", type: "KH", issuer: "TU", form: "party", canonical: "26-KH/TU" }],
    ["party with Số:", "Số: 05-CT/HU", { number: "5", type: "CT", issuer: "HU", form: "party", canonical: "05-CT/HU" }],
    ["party Đ issuer", "15-NQ/ĐU", { number: "15", type: "NQ", issuer: "ĐU", form: "party", canonical: "15-NQ/ĐU" }],
    ["party NFD", "15-NQ/ĐU".normalize("NFD"), { number: "15", type: "NQ", issuer: "ĐU", form: "party", canonical: "15-NQ/ĐU" }],
    ["party with spaces", "232- CV/HU", { number: "232", type: "CV", issuer: "HU", form: "party", canonical: "232-CV/HU" }],
    ["party lower case", "26-kh/tu", { number: "26", type: "KH", issuer: "TU", form: "party", canonical: "26-KH/TU" }],
    ["party QĐ without diacritic", "164-QD/TW", { number: "164", type: "QĐ", issuer: "TW", form: "party", canonical: "164-QĐ/TW" }],
    ["party QĐi", "08-QĐi/TW", { number: "8", type: "QĐi", issuer: "TW", form: "party", canonical: "08-QĐi/TW" }],
    ["party CTr", "12-CTr/HU", { number: "12", type: "CTr", issuer: "HU", form: "party", canonical: "12-CTr/HU" }],
    ["state", "27/KH-UBND", { number: "27", type: "KH", issuer: "UBND", form: "state", canonical: "27/KH-UBND" }],
    ["state with Số", "Số 123/QĐ-UBND", { number: "123", type: "QĐ", issuer: "UBND", form: "state", canonical: "123/QĐ-UBND" }],
    ["state ĐA", "03/DA-UBND", { number: "3", type: "ĐA", issuer: "UBND", form: "state", canonical: "03/ĐA-UBND" }],
    ["inside a sentence", "Kế hoạch số 40-KH/ĐU ngày 15/3/2020", { number: "40", type: "KH", issuer: "ĐU", form: "party", canonical: "40-KH/ĐU" }],
  ];
  it.each(cases)("%s: %s", (_name, input, expected) => {
    const parsed = parseDocumentCode(input);
    expect(parsed.kind).toBe("code");
    if (parsed.kind === "code") expect(parsed.code).toMatchObject(expected);
  });

  it("reads the year of a State code", () => {
    const parsed = parseDocumentCode("12/2019/NĐ-CP");
    expect(parsed.kind === "code" && parsed.code).toMatchObject({ number: "12", year: "2019", type: "NĐ", issuer: "CP", form: "state" });
  });

  it.each([["KH số năm"], ["26/TU"], ["Nghị quyết Đảng ủy"], ["26-XYZ/TU"]])("unrecognised: %p", (input) => {
    expect(parseDocumentCode(input).kind).toBe("unrecognised");
  });

  it.each([["  "], ["-"], ["–"], ["—"], ["−"], ["(-)"]])("blank: %p (as the date beside it)", (input) => {
    expect(parseDocumentCode(input).kind).toBe("blank");
  });
});

describe("cell addresses", () => {
  it("names columns as Excel does and reads them back", () => {
    expect([0, 25, 26, 51, 701, 702, 16383].map(columnLetters)).toEqual(["A", "Z", "AA", "AZ", "ZZ", "AAA", "XFD"]);
    expect(cellAddress(11, 3)).toBe("D12");
    for (let c = 0; c < 1000; c += 7) expect(parseAddress(cellAddress(c, c))).toEqual({ r: c, c });
  });
});
