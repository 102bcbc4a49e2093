/**
 * The merged areas of a sheet from outside are indexed within a bound: a file
 * of a few kilobytes declaring a hundred thousand merged rows of 16,384 columns,
 * or the whole sheet merged twenty thousand times, is read in a moment and
 * in little memory, and the merges a report has are indexed as ever.
 */
import type { GridRange, GridSheet } from "../../../src/domain/model/grid";
import { SheetView } from "../../../src/domain/read/sheet";

const range = (r1: number, c1: number, r2: number, c2: number): GridRange => ({ s: { r: r1, c: c1 }, e: { r: r2, c: c2 } });

function sheet(merges: GridRange[]): GridSheet {
  return { name: "S", visibility: "visible", rows: [[{ v: "Tiêu đề" }], [{ v: "a" }, { v: "b" }]], merges };
}

describe("SheetView's index of merged areas", () => {
  it("indexes a report's merges: every cell of an area shows its top-left cell's text", () => {
    const view = new SheetView(sheet([range(0, 0, 0, 7)]));
    expect(view.shownText(0, 5)).toBe("Tiêu đề");
    expect(view.sameMerge(0, 0, 0, 7)).toBe(true);
    expect(view.merge(1, 0)).toBeUndefined();
    expect(view.width).toBe(8);
  });

  it("indexes a hundred thousand merged rows of 16,384 columns without running out of room", () => {
    const merges = Array.from({ length: 100_000 }, (_, k) => range(k + 2, 0, k + 2, 16_383));
    const view = new SheetView(sheet([range(0, 0, 0, 7), ...merges]));
    expect(view.shownText(0, 3)).toBe("Tiêu đề");
    // The first areas are indexed (each counted as its first 201 columns), those past a million cells are not.
    expect(view.merge(2 + 1_000, 5)).toBe(merges[1_000]);
    expect(view.merge(2 + 99_999, 5)).toBeUndefined();
  });

  // Each area is counted as 201 × 201 cells: some twenty-four are indexed, not 20,000 (which took some 20 s, past the test's time limit).
  it("indexes the whole sheet merged twenty thousand times as far as its bound", () => {
    const merges = Array.from({ length: 20_000 }, () => range(0, 0, 1_048_575, 16_383));
    const view = new SheetView(sheet(merges));
    expect(view.shownText(1, 1)).toBe("Tiêu đề");
  });
});
