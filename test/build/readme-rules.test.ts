/**
 * The README lists every rule code a user can meet in the CLI's JSON, so a rule
 * added to the domain without a word in the README fails here.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { SEVERITY } from "../../src/domain/model/issues";

describe("README", () => {
  const readme = readFileSync(join(__dirname, "..", "..", "README.md"), "utf8");

  it.each(Object.keys(SEVERITY))("names the rule %s", (rule) => {
    expect(readme).toContain(`\`${rule}\``);
  });
});
