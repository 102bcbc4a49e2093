/**
 * A text read from a file does not keep the file's text in memory: a report keeps some cell texts
 * (a unit's name, a document's summary), and the reading's caches keep texts they have seen, for
 * as long as a merge of thousands of files runs. A piece cut out of a part's XML, or out of a
 * CSV's whole text, would keep all of it alive. Measured here by the heap a kept cell text holds.
 */
import { setFlagsFromString } from "node:v8";
import { runInNewContext } from "node:vm";
import { strToU8 } from "fflate";
import { oneSheetXlsx } from "../support/one-sheet-xlsx";
import { readWorkbook } from "../../src/io/read";

setFlagsFromString("--expose-gc");
const gc = runInNewContext("gc") as () => void;

/** About 1 MB of other texts beside the one kept, Vietnamese (two bytes a character in memory). */
const filler = (n: number): string[] => Array.from({ length: n }, (_, i) => `Đảng ủy xã số ${i} đã học tập quán triệt nghị quyết ${"ô".repeat(40)}`);

function xlsx(kept: string): Uint8Array {
  return oneSheetXlsx([kept, ...filler(12_000)], '<row r="1"><c r="A1" t="s"><v>0</v></c><c r="B1"><v>1</v></c></row>');
}

function csv(kept: string): Uint8Array {
  return strToU8([`${kept};1`, ...filler(12_000).map((t) => `${t};2`)].join("\n"));
}

function html(kept: string): Uint8Array {
  const rows = [kept, ...filler(12_000)].map((t, i) => `<tr><td>${t}</td><td>${i}</td></tr>`);
  return strToU8(`<html><head><meta charset="utf-8"></head><body><table>${rows.join("")}</table></body></html>`);
}

/** The heap the first cell's text of each of `n` files holds once everything else is let go, per file. */
function heldPerFile(make: (kept: string) => Uint8Array, name: string, n = 8): number {
  const files = Array.from({ length: n }, (_, i) => make(`Chi bộ Trạm Y tế xã số ${i} của huyện`));
  const kept: unknown[] = [];
  gc();
  const before = process.memoryUsage().heapUsed;
  for (const bytes of files) kept.push(readWorkbook(bytes, name).sheets[0]!.rows[0]![0]!.v);
  gc();
  const held = (process.memoryUsage().heapUsed - before) / n;
  expect(kept.every((v, i) => v === `Chi bộ Trạm Y tế xã số ${i} của huyện`)).toBe(true);
  return held;
}

describe("texts read from a file are strings of their own", () => {
  it("a cell's text from an .xlsx's shared strings holds only itself, not the part it was cut from (about 2 MB in memory)", () => {
    expect(heldPerFile(xlsx, "a.xlsx")).toBeLessThan(64 * 1024);
  });

  it("a cell of a web page saved as Excel holds only itself, not the page", () => {
    expect(heldPerFile(html, "he-thong.xls")).toBeLessThan(64 * 1024);
  });

  it("a field of a CSV holds only itself, not the file's whole text", () => {
    expect(heldPerFile(csv, "a.csv")).toBeLessThan(64 * 1024);
  });
});
