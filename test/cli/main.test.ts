/**
 * The command's output piped into a program that stops reading early
 * (`| head`, `| grep -q`, a pager quit) is no error: the command goes on
 * quietly, writes its files and exits with its own code. Before, the closed
 * pipe was reported as "Lỗi không mong muốn: write EPIPE" with exit code 1.
 */
import { spawnSync } from "node:child_process";
import { mkdtempSync, readdirSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

const ROOT = join(__dirname, "..", "..");
const MAIN = join(ROOT, "src", "cli", "main.ts");

/** `de-an-241 <args> | true` in a shell: the pipe's reader is gone before the command writes. Gives the command's exit code and what it wrote to stderr. */
function intoClosedPipe(args: string[], cwd: string): { status: number; stderr: string } {
  const script = `require(${JSON.stringify(MAIN)}).runProcess(${JSON.stringify(args)});`;
  const quoted = [process.execPath, "--import", "tsx", "-e", script].map((a) => `'${a.replace(/'/g, `'\\''`)}'`).join(" ");
  const err = join(cwd, "err.txt");
  // Run from the project's folder, where tsx is found; paths given are absolute.
  const run = spawnSync("bash", ["-c", `${quoted} 2>'${err}' | true; s=\${PIPESTATUS[0]}; cat '${err}'; exit $s`], { cwd: ROOT, encoding: "utf8" });
  return { status: run.status ?? -1, stderr: run.stdout };
}

describe("the command writing into a pipe closed early", () => {
  const dir = mkdtempSync(join(tmpdir(), "cli-pipe-"));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it("exits with its own code, without an error line, and writes its files", () => {
    const catalogue = intoClosedPipe(["catalogue", "--json"], dir);
    expect(catalogue).toEqual({ status: 0, stderr: "" });
    const template = intoClosedPipe(["template", "--units", "default", "--out", join(dir, "mau")], dir);
    expect(template).toEqual({ status: 0, stderr: "" });
    expect(readdirSync(join(dir, "mau"))).toHaveLength(19);
  }, 60_000);
});

describe("a command's --help", () => {
  it("names every option merge takes, --date included (README: --unit, --superior, --place and --date set the header block)", async () => {
    const { main } = await import("../../src/cli/main");
    let out = "";
    const io = { stdout: (t: string) => void (out += t), stderr: () => {}, cwd: ROOT };
    expect(await main(["merge", "--help"], io)).toBe(0);
    for (const option of ["--out", "--units", "--json", "--deadline", "--take", "--targets", "--unit", "--superior", "--place", "--date"]) expect(out).toContain(`${option} `);
  });
});
