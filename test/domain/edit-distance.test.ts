/** The edit distance the reading matches labels by, held to the textbook one over random texts. */
import fc from "fast-check";
import { editDistance } from "../../src/domain/text";

/** Levenshtein distance, the whole table. */
function reference(a: string, b: string): number {
  const d = Array.from({ length: a.length + 1 }, (_, i) => Array.from({ length: b.length + 1 }, (_, j) => (i === 0 ? j : j === 0 ? i : 0)));
  for (let i = 1; i <= a.length; i++) {
    for (let j = 1; j <= b.length; j++) d[i]![j] = Math.min(d[i - 1]![j]! + 1, d[i]![j - 1]! + 1, d[i - 1]![j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1));
  }
  return d[a.length]![b.length]!;
}

const text = fc.string({ unit: fc.constantFrom("a", "b", "c", "đ", "ạ", " "), maxLength: 12 });

describe("editDistance", () => {
  it("is the Levenshtein distance; past a max, a number past it", () => {
    fc.assert(
      fc.property(text, text, fc.integer({ min: 0, max: 14 }), (a, b, max) => {
        const exact = reference(a, b);
        expect(editDistance(a, b)).toBe(exact);
        const bounded = editDistance(a, b, max);
        if (exact <= max) expect(bounded).toBe(exact);
        else expect(bounded).toBeGreaterThan(max);
      }),
      { numRuns: 3000 },
    );
  });

  it("of texts with one of them empty, the other's length", () => {
    expect(editDistance("", "abc")).toBe(3);
    expect(editDistance("abcd", "")).toBe(4);
    expect(editDistance("chi bo", "chi bo")).toBe(0);
    expect(editDistance("ban hanh", "ban hang", 1)).toBe(1);
  });
});
