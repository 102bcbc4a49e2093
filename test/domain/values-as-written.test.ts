/**
 * Figures as units in the mountain communes write them: notes for "not reported", figures out of
 * any sane range, tiny binary noise, and achieved/total in one cell.
 */
import {
  boundValue,
  isNotReportedNote,
  MAX_FIGURE,
  NOT_REPORTED_NOTES,
  parseCombinedFigures,
  parseCountValue,
  parseRatioValue,
} from "../../src/domain/values";
import { foldText } from "../../src/domain/text";

describe("notes that mean not reported", () => {
  const notes = [
    "x",
    "X",
    "không",
    "Không có",
    "KHÔNG CÓ",
    "chưa có",
    "(chưa thống kê)",
    "không thực hiện",
    "k/c",
    "K/C",
    "chưa báo cáo",
    "Chưa báo cáo.",
    "không có số liệu",
    "chua co",
    "không có".normalize("NFD"),
    "đang cập nhật",
    "(Chưa cập nhật)",
  ];
  it.each(notes)("%p is a note, never 0 and never an error", (text) => {
    const parsed = parseCountValue(text);
    expect(parsed).toEqual({ kind: "note", text: expect.any(String) });
    expect(isNotReportedNote(text)).toBe(true);
  });

  it("keeps dashes blank (no note) and other words not a number", () => {
    for (const dash of ["-", "—", "–", ""]) expect(parseCountValue(dash).kind).toBe("blank");
    for (const word of ["mười hai", "đạt", "xx", "không đạt"]) expect(parseCountValue(word).kind).toBe("invalid");
  });

  it("is a list of folded entries, easy to extend", () => {
    for (const note of NOT_REPORTED_NOTES) {
      expect(foldText(note)).toBe(note);
      expect(isNotReportedNote(note)).toBe(true);
    }
    expect(new Set(NOT_REPORTED_NOTES).size).toBe(NOT_REPORTED_NOTES.length);
  });

  it("leaves 12,5 people a decimal (not-whole is the rule's call)", () => {
    expect(parseCountValue("12,5")).toMatchObject({ kind: "number", value: 12.5 });
  });
});

describe("figures within bounds", () => {
  const refused: [string, Parameters<typeof parseCountValue>[0], string][] = [
    ["1e308 stored", 1e308, "too-large"],
    ["Infinity stored", Number.POSITIVE_INFINITY, "not-finite"],
    ["NaN stored", Number.NaN, "not-finite"],
    ["400 nines typed", "9".repeat(400), "not-finite"],
    ["above the bound, stored", MAX_FIGURE * 2, "too-large"],
    ["above the bound, typed with dots", "2.000.000.000.000", "too-large"],
    ["a negative overflow", -1e300, "too-large"],
    ["1e400 as text (a stored number handed on as its text)", "1e400", "not-finite"],
    ["1e308 as text", "1e308", "too-large"],
    ["Infinity as text", "Infinity", "not-finite"],
    ["NaN as text", "NaN", "not-finite"],
  ];
  it.each(refused)("%s is out of range", (_name, input, reason) => {
    expect(parseCountValue(input)).toMatchObject({ kind: "out-of-range", reason });
  });

  it("reads exponent notation within bounds", () => {
    expect(parseCountValue("1e3")).toMatchObject({ kind: "number", value: 1000 });
  });

  it("accepts the bound itself", () => {
    expect(parseCountValue(MAX_FIGURE)).toMatchObject({ kind: "number", value: MAX_FIGURE });
  });

  it("refuses a hexadecimal text as not a number", () => {
    expect(parseCountValue("0x10")).toEqual({ kind: "invalid", text: "0x10", reason: "hexadecimal" });
    expect(parseCountValue("0X1F")).toMatchObject({ kind: "invalid", reason: "hexadecimal" });
    expect(parseRatioValue("0x10")).toMatchObject({ kind: "invalid", reason: "hexadecimal" });
  });

  it("reads tiny magnitudes (binary noise) as 0, never as a negative", () => {
    expect(parseCountValue(-1e-320)).toMatchObject({ kind: "number", value: 0 });
    expect(parseCountValue(-0)).toMatchObject({ kind: "number", value: 0 });
    expect(Object.is((parseCountValue(-1e-320) as { value: number }).value, -0)).toBe(false);
    expect(parseRatioValue(-1e-320)).toMatchObject({ kind: "number", percent: 0 });
    expect(boundValue(-1e-10)).toEqual({ ok: true, value: 0 });
    expect(parseCountValue(-1)).toMatchObject({ kind: "number", value: -1 });
  });

  it("refuses ratios out of range", () => {
    expect(parseRatioValue(1e308)).toMatchObject({ kind: "out-of-range", reason: "too-large" });
    expect(parseRatioValue("9".repeat(400))).toMatchObject({ kind: "out-of-range", reason: "not-finite" });
  });
});

describe("achieved/total in one cell", () => {
  const cases: [string, { achieved: string; total: string } | null][] = [
    ["45/50", { achieved: "45", total: "50" }],
    ["45 / 50", { achieved: "45", total: "50" }],
    ["45 trên 50", { achieved: "45", total: "50" }],
    ["45 TRÊN 50", { achieved: "45", total: "50" }],
    ["1.183/1.219", { achieved: "1.183", total: "1.219" }],
    ["45", null],
    ["45/", null],
    ["a/b", null],
    ["7/4/2021", null],
  ];
  it.each(cases)("%p", (text, parts) => {
    const parsed = parseCombinedFigures(text);
    if (parts === null) expect(parsed).toBeNull();
    else expect(parsed).toMatchObject(parts);
  });

  it("reads only texts", () => {
    expect(parseCombinedFigures(45)).toBeNull();
    expect(parseCombinedFigures(undefined)).toBeNull();
  });
});
