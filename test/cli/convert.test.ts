/**
 * `convert` opens its file as every other command does: what is not a regular
 * file (a named pipe, which blocked the command for good) or is over 20 MB is
 * refused before a byte is read, with the Vietnamese reason, exit 2.
 */
import { execFileSync } from "node:child_process";
import { closeSync, existsSync, mkdtempSync, openSync, rmSync, truncateSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { main } from "../../src/cli/main";
import { capture } from "../support/cli";

describe("convert with a file it cannot take", () => {
  const dir = mkdtempSync(join(tmpdir(), "cli-convert-"));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it("refuses a named pipe at once instead of waiting on it", async () => {
    execFileSync("mkfifo", [join(dir, "ong.xlsx")]);
    const c = capture(dir);
    expect(await main(["convert", "ong.xlsx", "--out", "moi.xlsx"], c.io)).toBe(2);
    expect(c.err()).toContain("không phải tệp thường (ống dẫn có tên, FIFO)");
    expect(existsSync(join(dir, "moi.xlsx"))).toBe(false);
  }, 20_000);

  it("refuses a file over 20 MB from its size", async () => {
    closeSync(openSync(join(dir, "lon.xlsx"), "w"));
    truncateSync(join(dir, "lon.xlsx"), 2_500 * 1024 * 1024);
    const c = capture(dir);
    expect(await main(["convert", "lon.xlsx", "--out", "moi.xlsx"], c.io)).toBe(2);
    expect(c.err()).toContain("tệp quá lớn (2.500 MB, tối đa 20 MB)");
    expect(existsSync(join(dir, "moi.xlsx"))).toBe(false);
  }, 20_000);
});
