import { MAX_COLUMNS, MAX_ROWS, parseAddress, parseRange } from "../../src/domain/model/grid";

describe("parseRange", () => {
  it.each([
    ["B2:C3", { s: { r: 1, c: 1 }, e: { r: 2, c: 2 } }],
    ["B2", { s: { r: 1, c: 1 }, e: { r: 1, c: 1 } }],
    ["$A$1:$B$2", { s: { r: 0, c: 0 }, e: { r: 1, c: 1 } }],
    ["C3:A1", { s: { r: 0, c: 0 }, e: { r: 2, c: 2 } }],
    ["'Chỉ tiêu, 2021'!A1:F31", { s: { r: 0, c: 0 }, e: { r: 30, c: 5 } }],
    ["Sheet1!AA10", { s: { r: 9, c: 26 }, e: { r: 9, c: 26 } }],
    ["1:1", { s: { r: 0, c: 0 }, e: { r: 0, c: MAX_COLUMNS - 1 } }],
    ["A:C", { s: { r: 0, c: 0 }, e: { r: MAX_ROWS - 1, c: 2 } }],
    ["XFD1048576", { s: { r: MAX_ROWS - 1, c: MAX_COLUMNS - 1 }, e: { r: MAX_ROWS - 1, c: MAX_COLUMNS - 1 } }],
  ])("reads %s", (ref, rect) => {
    expect(parseRange(ref)).toEqual(rect);
  });

  it.each(["", "A0", "XFE1", "A1048577", "A1:B", "1:C", "A1:B2:C3", "hello", "4294967294A1"])("refuses %p", (ref) => {
    expect(parseRange(ref)).toBeUndefined();
  });
});

describe("parseAddress", () => {
  it("refuses row 0, which no sheet has", () => {
    expect(() => parseAddress("A0")).toThrow();
    expect(parseAddress("$B$2")).toEqual({ r: 1, c: 1 });
  });
});
