import { CACHED_CHARS, cachedTexts, LONGEST_CACHED, memoText, textCache, trimTextCaches } from "../../src/domain/cache";
import { readUnitReport } from "../../src/domain/read";
import { goodFigures, headerBlock, indicatorBody, INDICATOR_HEADER } from "../fixtures/official";
import { specToGrid } from "../fixtures/sheet-spec";

describe("text caches", () => {
  it("work a text out once, long or short, until they are trimmed between files", () => {
    const calls: string[] = [];
    const upper = memoText((v) => (calls.push(v), v.toUpperCase()));
    const short = "Tổng số";
    const long = "x".repeat(LONGEST_CACHED + 1);
    expect([upper(short), upper(long), upper(short), upper(long)]).toEqual(["TỔNG SỐ", long.toUpperCase(), "TỔNG SỐ", long.toUpperCase()]);
    expect(calls).toEqual([short, long]);
    // Between files the long text goes (and the cache with it, to be filled again).
    trimTextCaches();
    expect([upper(long), upper(short)]).toEqual([long.toUpperCase(), "TỔNG SỐ"]);
    expect(calls).toEqual([short, long, long, short]);
    // Short texts alone stay from one file to the next.
    trimTextCaches();
    upper(short);
    trimTextCaches();
    upper(short);
    expect(calls).toEqual([short, long, long, short, short]);
  });

  it("hold at most so many entries, and keep at most CACHED_CHARS characters from one file to the next", () => {
    const byEntries = textCache<string>(3);
    for (const k of ["a", "b", "c"]) byEntries.set(k, k);
    expect(byEntries.size).toBe(3);
    byEntries.set("d", "d");
    expect([byEntries.get("a"), byEntries.get("d"), byEntries.size]).toEqual([undefined, "d", 1]);

    const byChars = textCache<string>(1_000);
    byChars.set("k1", "v".repeat(CACHED_CHARS / 2));
    byChars.trim();
    expect(byChars.get("k1")?.length).toBe(CACHED_CHARS / 2);
    byChars.set("k2", "v".repeat(CACHED_CHARS / 2));
    expect(byChars.chars).toBe(CACHED_CHARS + 4);
    byChars.trim();
    expect([byChars.get("k1"), byChars.size, byChars.chars]).toEqual([undefined, 0, 0]);

    // What grows inside a kept value counts too, a long key among it.
    const nested = textCache<Map<string, number>>(1_000);
    nested.set("top", new Map([["below", 1]]), 3);
    nested.grow("below");
    expect([nested.chars, nested.size, nested.holdsLong]).toEqual([8, 2, false]);
    nested.grow("x".repeat(LONGEST_CACHED + 1));
    expect(nested.holdsLong).toBe(true);
    nested.trim();
    expect([nested.chars, nested.size, nested.get("top")]).toEqual([0, 0, undefined]);
  });

  it("let go of a workbook's very long texts when the next one is read", () => {
    // A unit's file with long notes beside its figures and in its header block: each is its own,
    // and none is looked up again after the file, so none may stay behind it.
    const note = (i: number) => `Ghi chú ${i}: ${"Số liệu được tổng hợp từ các chi bộ trực thuộc. ".repeat(200)}`;
    expect(note(0).length).toBeGreaterThan(LONGEST_CACHED);
    const body = indicatorBody(goodFigures()).map((row, i) => [...row, note(i)]);
    const noted = specToGrid({ sheets: [{ name: "Chỉ tiêu", rows: [...headerBlock("ĐẢNG ỦY XÃ BẢN GIANG"), [note(-1)], [...INDICATOR_HEADER, "Ghi chú"], ...body] }] });
    const plain = specToGrid({ sheets: [{ name: "Chỉ tiêu", rows: [...headerBlock("ĐẢNG ỦY XÃ NÙNG NÀNG"), INDICATOR_HEADER, ...indicatorBody(goodFigures())] }] });

    const first = readUnitReport(noted, "ban-giang.xlsx");
    const figures = (r: typeof first) => Object.values(r.indicators).map((e) => [e.total, e.achieved]);
    expect(figures(first)).toEqual(figures(readUnitReport(plain, "nung-nang.xlsx")));
    expect(readUnitReport(noted, "ban-giang.xlsx")).toEqual(first);
    expect(cachedTexts().holdingLong).toBeGreaterThan(0);
    readUnitReport(plain, "nung-nang.xlsx");
    expect(cachedTexts().holdingLong).toBe(0);
    expect(cachedTexts().chars).toBeLessThan(CACHED_CHARS);
  });
});
