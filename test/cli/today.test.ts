/**
 * "Today" on the CLI is the local date (src/app/clock.ts), never UTC: in
 * Việt Nam (UTC+7) at 06:30 on 25/6/2021 — still 24/6 in UTC — a summary's
 * date line and a draft's date are the 25th. The CLI runs in a Node process
 * of its own, whose time zone is Asia/Ho_Chi_Minh, with a fixed clock.
 */
import { spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import * as XLSX from "@e965/xlsx";
import { unzipSync } from "fflate";
import { buildUnitWorkbook } from "../../src/domain/sheets";
import { writeWorkbookXlsx } from "../../src/io/write";
import { fillTemplate } from "../support/fill";

const MAIN = join(__dirname, "..", "..", "src", "cli", "main.ts");

/** Runs `de-an-241 <args>` one after another in a child process in `zone`, with the clock at `instant`; gives the exit codes. */
function cliIn(zone: string, instant: string, cwd: string, runs: string[][]): number[] {
  const script = `
    const { main } = require(${JSON.stringify(MAIN)});
    const io = { stdout: () => {}, stderr: (t) => process.stderr.write(t), cwd: ${JSON.stringify(cwd)}, clock: { now: () => new Date(${JSON.stringify(instant)}) } };
    (async () => {
      const codes = [];
      for (const args of ${JSON.stringify(runs)}) codes.push(await main(args, io));
      process.stdout.write(JSON.stringify(codes));
    })();`;
  const run = spawnSync(process.execPath, ["--import", "tsx", "-e", script], { env: { ...process.env, TZ: zone }, encoding: "utf8" });
  if (run.status !== 0) throw new Error(run.stderr);
  return JSON.parse(run.stdout) as number[];
}

function texts(bytes: Uint8Array): string {
  const wb = XLSX.read(bytes, { type: "array" });
  return wb.SheetNames.map((n) => XLSX.utils.sheet_to_csv(wb.Sheets[n]!)).join("\n");
}

describe("the CLI's today", () => {
  const dir = mkdtempSync(join(tmpdir(), "cli-today-"));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it("dates a summary and a draft made at 06:30 in Việt Nam with that day, though UTC is still on the day before", async () => {
    const template = await writeWorkbookXlsx(buildUnitWorkbook({ unitName: "Đảng ủy xã Bản Bo", place: "Bản Bo", level: "co-so", created: "2021-05-01" }));
    writeFileSync(join(dir, "ban-bo.xlsx"), await fillTemplate(template, { indicators: { "1.1": [10, 9] }, dateLine: "Bản Bo, ngày 20 tháng 6 năm 2021" }));
    const instant = "2021-06-24T23:30:00Z";
    expect(new Date(instant).toISOString().slice(0, 10)).toBe("2021-06-24");

    const codes = cliIn("Asia/Ho_Chi_Minh", instant, dir, [
      ["merge", "ban-bo.xlsx", "--out", "tong-hop.xlsx"],
      // A draft leaves its date to fill in unless asked: "today" is the local day.
      ["report", "tong-hop.xlsx", "--out", "du-thao.docx", "--date", "today"],
      ["template", "--unit", "Đảng ủy xã Bản Bo", "--out", "mau.xlsx"],
    ]);
    expect(codes).toEqual([0, 0, 0]);

    const summary = texts(new Uint8Array(readFileSync(join(dir, "tong-hop.xlsx"))));
    expect(summary).toContain("Tam Đường, ngày 25 tháng 6 năm 2021");
    expect(summary).toContain("Tổng hợp ngày 25/6/2021 từ báo cáo của");
    expect(summary).not.toContain("ngày 24 tháng 6 năm 2021");

    const draft = new TextDecoder().decode(unzipSync(new Uint8Array(readFileSync(join(dir, "du-thao.docx"))))["word/document.xml"]);
    expect(draft).toContain("ngày 25 tháng 6 năm 2021");
    expect(draft).not.toContain("ngày 24 tháng 6 năm 2021");

    // The template's identity records the day it was made, by the same clock.
    expect(texts(new Uint8Array(readFileSync(join(dir, "mau.xlsx"))))).toContain("2021-06-25");
  }, 120_000);
});
