/**
 * One Vietnamese order of names (compareNames, in the domain): the command line's folder walk and the
 * pane's dropped folder list a folder's files in it, and the report draft and the merged documents sort by it.
 */
import { mkdirSync, mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { basename, join } from "node:path";
import { compareNames } from "../../src/domain/text";
import { expandInputs } from "../../src/hosts/node/files";
import { filesOfDropped, type DroppedEntry, type DroppedFolderEntry } from "../../src/taskpane/shared/dropped";

const NAMES = ["Đảng ủy xã Nà Tăm.xlsx", "Bình Lư.xlsx", "bao-cao.xlsx", "Bản Bo.xlsx", "Ấp Mới.xlsx", "An Hòa.xlsx", "Zeta.xlsx", "đề-án.xlsx", "Dương.xlsx"];

/** A dropped folder of the files named, given in the order above (a disk's, not sorted). */
function dropped(name: string, files: readonly string[]): DroppedFolderEntry {
  const entries: DroppedEntry[] = files.map((n) => ({ name: n, isFile: true, isDirectory: false, file: (ok: (f: File) => void) => ok(new File(["x"], n)) }) as DroppedEntry);
  let given = false;
  return {
    name,
    isFile: false,
    isDirectory: true,
    createReader: () => ({
      readEntries: (ok: (e: DroppedEntry[]) => void) => {
        ok(given ? [] : entries);
        given = true;
      },
    }),
  } as DroppedFolderEntry;
}

describe("names in Vietnamese order", () => {
  it("puts the letters with marks after their base letter, đ after d, case aside", () => {
    expect([...NAMES].sort(compareNames)).toEqual([
      "An Hòa.xlsx",
      "Ấp Mới.xlsx",
      "Bản Bo.xlsx",
      "bao-cao.xlsx",
      "Bình Lư.xlsx",
      "Dương.xlsx",
      "Đảng ủy xã Nà Tăm.xlsx",
      "đề-án.xlsx",
      "Zeta.xlsx",
    ]);
    expect(compareNames("Bản Bo", "Bình Lư")).toBeLessThan(0);
    expect(compareNames("Dương", "Đảng")).toBeLessThan(0);
    expect(compareNames("a", "A")).not.toBe(0);
  });

  it("lists a folder's files in one order on the command line and on the pane", async () => {
    const dir = mkdtempSync(join(tmpdir(), "names-order-"));
    mkdirSync(join(dir, "cac-xa"));
    for (const n of NAMES) writeFileSync(join(dir, "cac-xa", n), "x");
    const walked = expandInputs(["cac-xa"], dir).files.map((p) => basename(p));
    const { files } = await filesOfDropped([{ folder: dropped("cac-xa", NAMES) }]);
    const onPane = files.map((f) => ("file" in f ? f.name : f.name).replace(/^cac-xa\//, ""));
    expect(walked).toEqual([...NAMES].sort(compareNames));
    expect(onPane).toEqual(walked);
  });
});
