/**
 * An attachment or archive entry that is not a spreadsheet, and an archive with nothing to read,
 * as every command that lists what it skipped says them: one line "Bỏ qua: where: why", the name
 * said once; the JSON's `path` says which and `reason` why, as for what a folder held. The pane's
 * notice, which lists the reasons alone, still gets a sentence naming each.
 */
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { zipSync } from "fflate";
import { fileUseCases } from "../../src/app/files";
import { main } from "../../src/cli/main";
import { REPO } from "../support/build";
import { capture } from "../support/cli";

const WHY = "không phải bảng tính nên không đọc";
const PDF_LINE = `Bỏ qua: thu.zip › Công văn.pdf: ${WHY}`;
const EMPTY_LINE = "Bỏ qua: trong.zip: tệp nén không có bảng tính nào bên trong";

interface SkippedJson {
  path: string;
  reason: string;
  container?: string;
}

const banBo = () => new Uint8Array(readFileSync(join(REPO, "assets/samples", "Dang-uy-xa-Ban-Bo.xlsx")));
const archive = () => zipSync({ "Báo cáo Bản Bo.xlsx": banBo(), "Công văn.pdf": new TextEncoder().encode("%PDF-1.4") });

/** The lines of `text` that say an entry was skipped, each trimmed. */
function skipLines(text: string): string[] {
  return text
    .split("\n")
    .map((l) => l.trim())
    .filter((l) => l.startsWith("Bỏ qua"));
}

describe("a skipped attachment is said once", () => {
  let dir: string;

  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), "skipped-"));
    writeFileSync(join(dir, "thu.zip"), archive());
    writeFileSync(join(dir, "trong.zip"), zipSync({}));
  });

  const expectLines = (text: string) => expect(skipLines(text)).toEqual([PDF_LINE, EMPTY_LINE]);
  const expectJson = (skipped: SkippedJson[]) =>
    expect(skipped).toEqual([
      { path: "thu.zip › Công văn.pdf", container: "thu.zip", reason: WHY },
      { path: "trong.zip", container: "trong.zip", reason: "tệp nén không có bảng tính nào bên trong" },
    ]);

  it("merge: in its text and its JSON", async () => {
    const text = capture(dir);
    expect(await main(["merge", "thu.zip", "trong.zip", "--out", "tong-hop.xlsx", "--date", "2021-07-01"], text.io)).toBe(0);
    expectLines(text.out());
    const json = capture(dir);
    expect(await main(["merge", "thu.zip", "trong.zip", "--out", "tong-hop-2.xlsx", "--json", "-", "--date", "2021-07-01"], json.io)).toBe(0);
    expectJson((JSON.parse(json.out()) as { skipped: SkippedJson[] }).skipped);
    expectLines(json.err());
  }, 60_000);

  it("validate: in its text and its JSON", async () => {
    const text = capture(dir);
    await main(["validate", "thu.zip", "trong.zip"], text.io);
    expectLines(text.out());
    const json = capture(dir);
    await main(["validate", "thu.zip", "trong.zip", "--json"], json.io);
    expectJson((JSON.parse(json.out()) as { skipped: SkippedJson[] }).skipped);
  }, 60_000);

  it("report: on standard error", async () => {
    const c = capture(dir);
    expect(await main(["report", "thu.zip", "trong.zip", "--out", "du-thao.docx", "--date", "2021-07-01"], c.io)).toBe(0);
    expectLines(c.err());
  }, 120_000);

  it("feedback: in its text and its JSON", async () => {
    const text = capture(dir);
    expect(await main(["feedback", "thu.zip", "trong.zip", "--out", join(dir, "gop-y")], text.io)).toBe(0);
    expectLines(text.out());
    const json = capture(dir);
    expect(await main(["feedback", "thu.zip", "trong.zip", "--out", join(dir, "gop-y-2"), "--json", "-"], json.io)).toBe(0);
    expectJson((JSON.parse(json.out()) as { skipped: SkippedJson[] }).skipped);
  }, 60_000);

  it("the pane's notice gets a sentence that names each and reads alone", async () => {
    const reasons: string[] = [];
    await fileUseCases().readFiles(
      [
        { name: "thu.zip", bytes: archive() },
        { name: "trong.zip", bytes: zipSync({}) },
      ],
      undefined,
      undefined,
      (skipped) => reasons.push(...skipped.map((s) => s.reason)),
    );
    expect(reasons).toEqual([`Bỏ qua Công văn.pdf trong thu.zip: ${WHY}.`, "Tệp nén không có bảng tính nào bên trong."]);
  });
});
