/**
 * webpack.config.js keeps exceljs, @e965/xlsx, fflate and docx out of the
 * task pane's initial chunks: a static import fails the build, import()
 * yields a lazy chunk. Builds tiny entries with the real configuration.
 */
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import webpack, { type Configuration, type Stats } from "webpack";
import { REPO } from "../support/build";

type ConfigFactory = (env: Record<string, unknown>, argv: { mode: string }) => Promise<Configuration>;
// eslint-disable-next-line @typescript-eslint/no-require-imports
const makeConfig = require("../../webpack.config.js") as ConfigFactory;

async function build(entry: string): Promise<Stats> {
  const out = mkdtempSync(join(tmpdir(), "de-an-241-lazy-"));
  const saved = process.env.DE_AN_241_DIST;
  process.env.DE_AN_241_DIST = out;
  const warn = jest.spyOn(console, "warn").mockImplementation(() => undefined);
  try {
    const config = await makeConfig({}, { mode: "production" });
    config.entry = { taskpane: join(REPO, "test/build/fixtures", entry) };
    // Only the bundle matters here: no pages, copies or syntax lowering.
    config.plugins = (config.plugins ?? []).filter((plugin) => plugin?.constructor.name === "LazyOnlyPlugin");
    return await new Promise<Stats>((resolve, reject) =>
      webpack(config, (error, stats) => (error || !stats ? reject(error ?? new Error("no stats")) : resolve(stats))),
    );
  } finally {
    warn.mockRestore();
    if (saved === undefined) delete process.env.DE_AN_241_DIST;
    else process.env.DE_AN_241_DIST = saved;
    rmSync(out, { recursive: true, force: true });
  }
}

const fflateChunks = (stats: Stats) =>
  stats.toJson({ all: false, chunks: true, chunkModules: true }).chunks!.filter((chunk) =>
    (chunk.modules ?? []).some((module) => /node_modules[\\/]fflate[\\/]/.test(module.nameForCondition ?? module.name ?? "")),
  );

describe("heavy libraries are lazy-only", () => {
  it("fails the build when the task pane imports fflate statically", async () => {
    const stats = await build("static-fflate.ts");
    const errors = stats.toJson({ all: false, errors: true }).errors!.map((error) => error.message);
    expect(errors.some((message) => message.includes("fflate") && message.includes("import()"))).toBe(true);
  }, 120_000);

  it("puts fflate in a lazy chunk when it is loaded with import()", async () => {
    const stats = await build("dynamic-fflate.ts");
    expect(stats.hasErrors()).toBe(false);
    const chunks = fflateChunks(stats);
    expect(chunks.length).toBeGreaterThan(0);
    expect(chunks.every((chunk) => chunk.initial === false)).toBe(true);
  }, 120_000);
});
