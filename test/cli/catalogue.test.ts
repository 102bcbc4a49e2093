import { execFileSync } from "node:child_process";
import { join } from "node:path";
import { INDICATORS } from "../../src/domain/catalogue";
import { main } from "../../src/cli/main";
import { capture } from "../support/cli";

describe("de-an-241 catalogue", () => {
  it("prints all sixteen indicators with texts, ĐVT and targets as JSON", async () => {
    const c = capture();
    expect(await main(["catalogue", "--json"], c.io)).toBe(0);
    const json = JSON.parse(c.out()) as { indicators: Array<Record<string, unknown>> };
    expect(json.indicators).toHaveLength(16);
    for (const [n, i] of INDICATORS.entries()) {
      expect(json.indicators[n]).toMatchObject({ id: i.id, stt: i.stt, text: i.text, dvt: i.dvt, target: i.target });
    }
    expect(json.indicators[0]).toMatchObject({ group: "Mục tiêu 01" });
    expect(json.indicators[15]).toMatchObject({ group: "Mục tiêu 06", subgroup: "6.2 Trình độ lý luận chính trị" });
  });

  it("answers --help in Vietnamese and English, and rejects unknown options with exit code 2", async () => {
    const h = capture();
    expect(await main(["--help"], h.io)).toBe(0);
    expect(h.out()).toContain("Lệnh / Commands:");
    expect(h.out()).toContain("Print the Đề án 241 catalogue");
    const bad = capture();
    expect(await main(["catalogue", "--bogus"], bad.io)).toBe(2);
    expect(bad.err()).toContain("--bogus");
    const unknown = capture();
    expect(await main(["nonsense"], unknown.io)).toBe(2);
  });

  it("runs through the installed bin script like a user would", () => {
    const root = join(__dirname, "../..");
    const out = execFileSync(process.execPath, [join(root, "bin/de-an-241.js"), "catalogue", "--json"], {
      cwd: root,
      encoding: "utf8",
    });
    expect((JSON.parse(out) as { indicators: unknown[] }).indicators).toHaveLength(16);
  });
});
