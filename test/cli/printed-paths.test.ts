/**
 * The paths a command is given, printed back when they cannot be read, stay on one line: a newline, a tab or
 * a control character in --units, --targets or convert's file is escaped ("\u000a"), as every name the CLI
 * prints, so that no line of the output is made up by a file's name.
 */
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { main } from "../../src/cli/main";
import { capture } from "../support/cli";

describe("paths printed on one line", () => {
  let dir: string;
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), "printed-paths-"));
    writeFileSync(join(dir, "don\nvi.csv"), new Uint8Array(0));
    writeFileSync(join(dir, "muc\ttieu.csv"), new Uint8Array(0));
    writeFileSync(join(dir, "bao-cao.xlsx"), new Uint8Array(0));
  });

  /** The lines printed, each checked to hold no raw newline or tab of a name. */
  const linesOf = (text: string) => text.split("\n").filter((l) => l !== "");

  it("merge --units: the unit list's path escaped", async () => {
    const c = capture(dir);
    expect(await main(["merge", "bao-cao.xlsx", "--units", "don\nvi.csv", "--out", "out.xlsx"], c.io)).toBe(1);
    expect(linesOf(c.err())).toEqual([expect.stringContaining(`Không đọc được tệp ${join(dir, "don\\u000avi.csv")}`)]);
  });

  it("merge --targets: the targets file's path escaped, named once", async () => {
    const c = capture(dir);
    expect(await main(["merge", "bao-cao.xlsx", "--targets", "muc\ttieu.csv", "--out", "out.xlsx"], c.io)).toBe(1);
    const lines = linesOf(c.err());
    expect(lines).toEqual([expect.stringMatching(/^Không đọc được tệp mục tiêu: Không đọc được tệp .*muc\\u0009tieu\.csv\. Tệp rỗng/)]);
    expect(lines[0]!.split("muc\\u0009tieu.csv")).toHaveLength(2);
  });

  it("convert: the input's name escaped when it cannot be opened or read", async () => {
    const missing = capture(dir);
    expect(await main(["convert", "cu\nfile.xls", "--out", "moi.xlsx"], missing.io)).toBe(2);
    expect(linesOf(missing.err())).toEqual([expect.stringContaining("Không mở được tệp cu\\u000afile.xls")]);
    writeFileSync(join(dir, "rong\n.xls"), new Uint8Array(0));
    const empty = capture(dir);
    expect(await main(["convert", "rong\n.xls", "--out", "moi.xlsx"], empty.io)).toBe(2);
    expect(linesOf(empty.err())).toEqual([expect.stringContaining("rong\\u000a.xls")]);
  });

  it("remind --json: the merge's JSON path escaped when it cannot be used", async () => {
    writeFileSync(join(dir, "tong\nhop.json"), "không phải JSON");
    const c = capture(dir);
    expect(await main(["remind", "--json", "tong\nhop.json"], c.io)).not.toBe(0);
    expect(linesOf(c.err())).toEqual([expect.stringContaining("tong\\u000ahop.json không phải là tệp JSON")]);
  });
});
