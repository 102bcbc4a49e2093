/**
 * What the repository holds is the product's own: a tool's cache made on one machine (eslint's
 * --cache file, listing that machine's absolute paths) is neither committed nor left to be.
 */
import { spawnSync } from "node:child_process";
import { REPO } from "../support/build";

const git = (...args: string[]) => spawnSync("git", args, { cwd: REPO, encoding: "utf8" });

describe("files of the repository", () => {
  it.each([".eslintcache"])("holds no %s and ignores it", (name) => {
    expect(git("ls-files", "--", name).stdout.trim()).toBe("");
    expect(git("check-ignore", "-q", "--no-index", name).status).toBe(0);
  });
});
