/**
 * One production build of the add-in shared by every test file (and every
 * jest worker): the output folder is named after a hash of the build's
 * inputs, a lock directory keeps two workers from building at once, and a
 * marker file says the build finished. A later run with unchanged inputs
 * reuses the folder.
 */
import { spawnSync } from "node:child_process";
import { createHash } from "node:crypto";
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, relative, resolve } from "node:path";

export const REPO = resolve(__dirname, "..", "..");
/** The deployment address the test build's manifest points at. */
export const TEST_ADDIN_URL = "https://x.example/a/";

const INPUTS = ["src", "assets", "manifest.xml", "webpack.config.js", "tsconfig.json", "package-lock.json"];
const MARKER = ".build-complete";
const STALE_LOCK_MS = 10 * 60_000;

function filesUnder(path: string): string[] {
  if (!existsSync(path)) return [];
  if (statSync(path).isFile()) return [path];
  return readdirSync(path, { withFileTypes: true })
    .flatMap((entry) => filesUnder(join(path, entry.name)))
    .sort();
}

function inputsHash(): string {
  const hash = createHash("sha256");
  hash.update(TEST_ADDIN_URL);
  for (const file of INPUTS.flatMap((input) => filesUnder(join(REPO, input)))) {
    hash.update(relative(REPO, file));
    hash.update(readFileSync(file));
  }
  return hash.digest("hex").slice(0, 16);
}

/** Removes a lock left behind by a build that died. */
function removeIfStale(lock: string): void {
  try {
    if (Date.now() - statSync(lock).mtimeMs > STALE_LOCK_MS) rmSync(lock, { recursive: true, force: true });
  } catch (error) {
    // The holder may release the lock between mkdir and stat.
    if ((error as NodeJS.ErrnoException).code !== "ENOENT") throw error;
  }
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

function runWebpack(outDir: string): void {
  rmSync(outDir, { recursive: true, force: true });
  const result = spawnSync(process.execPath, [join(REPO, "node_modules/webpack-cli/bin/cli.js"), "--mode", "production"], {
    cwd: REPO,
    env: { ...process.env, ADDIN_URL: TEST_ADDIN_URL, DE_AN_241_DIST: outDir, NODE_ENV: "production" },
    encoding: "utf8",
    maxBuffer: 64 * 1024 * 1024,
    timeout: 5 * 60_000,
  });
  if (result.status !== 0) {
    throw new Error(
      `webpack --mode production failed (exit ${result.status ?? result.signal}):\n${result.stdout.slice(-4000)}\n${result.stderr.slice(-4000)}`,
    );
  }
  writeFileSync(join(outDir, MARKER), new Date().toISOString());
  removeOldBuilds(outDir);
}

/** Deletes builds of earlier sources (not touched for an hour) so they do not pile up in the temp folder. */
function removeOldBuilds(keep: string): void {
  const hourAgo = Date.now() - 60 * 60_000;
  for (const entry of readdirSync(tmpdir())) {
    const path = join(tmpdir(), entry);
    if (!/^de-an-241-build-[0-9a-f]{16}$/.test(entry) || path === keep) continue;
    const marker = join(path, MARKER);
    if (existsSync(marker) && statSync(marker).mtimeMs < hourAgo) rmSync(path, { recursive: true, force: true });
  }
}

/** Path of a finished production build of the current sources (built at most once). */
export async function productionBuild(): Promise<string> {
  const outDir = join(tmpdir(), `de-an-241-build-${inputsHash()}`);
  const lock = `${outDir}.lock`;
  for (;;) {
    if (existsSync(join(outDir, MARKER))) return outDir;
    try {
      mkdirSync(lock);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== "EEXIST") throw error;
      removeIfStale(lock);
      await sleep(500);
      continue;
    }
    try {
      if (!existsSync(join(outDir, MARKER))) runWebpack(outDir);
      return outDir;
    } finally {
      rmSync(lock, { recursive: true, force: true });
    }
  }
}
