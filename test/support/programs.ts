/**
 * Finding the external programs some tests need (LibreOffice, Chromium).
 * Under CI=true a missing program fails the test run loudly; elsewhere the
 * tests that need it are skipped with a printed reason.
 */
import { execFileSync, spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, readdirSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { basename, extname, join } from "node:path";

function which(name: string): string | null {
  const r = spawnSync("sh", ["-c", `command -v ${name}`], { encoding: "utf8" });
  const path = r.stdout.trim();
  return r.status === 0 && path !== "" ? path : null;
}

/** Path of the program, or null (and a printed reason) when it is missing outside CI. Throws under CI. */
export function requireProgram(candidates: readonly string[], why: string): string | null {
  for (const c of candidates) {
    const p = c.startsWith("/") ? (existsSync(c) ? c : null) : which(c);
    if (p) return p;
  }
  const message = `${candidates.join(" or ")} not found: ${why}`;
  if (process.env.CI === "true") throw new Error(`${message}. .ci/run installs it; CI requires it.`);
  console.warn(`Skipping: ${message}`);
  return null;
}

export const SOFFICE = requireProgram(["soffice", "libreoffice"], "LibreOffice headless (Debian: libreoffice-calc-nogui)");

/**
 * Converts a file with LibreOffice headless to `format` ("xls", "ods", "xlsx", "pdf", "csv:…")
 * in a fresh profile (so parallel tests do not collide). Returns the output path.
 */
export function convertWithLibreOffice(input: string, format: string, outDir: string): string {
  if (!SOFFICE) throw new Error("LibreOffice is not available");
  const profile = mkdtempSync(join(tmpdir(), "lo-profile-"));
  try {
    execFileSync(
      SOFFICE,
      [
        `-env:UserInstallation=file://${profile}`,
        "--headless",
        "--norestore",
        "--convert-to",
        format,
        "--outdir",
        outDir,
        input,
      ],
      { stdio: "pipe", timeout: 120_000 },
    );
  } finally {
    rmSync(profile, { recursive: true, force: true });
  }
  const ext = format.split(":")[0]!;
  const expected = join(outDir, `${basename(input, extname(input))}.${ext}`);
  if (!existsSync(expected)) {
    throw new Error(`LibreOffice did not write ${expected}; folder has: ${readdirSync(outDir).join(", ")}`);
  }
  return expected;
}
