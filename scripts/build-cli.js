// Bundles the CLI into dist/cli/de-an-241.cjs (one file, Node 20), used by bin/de-an-241.js,
// and its read worker into dist/cli/read-worker.cjs.
"use strict";
const { build } = require("esbuild");
const { join } = require("node:path");

const entries = [
  ["cli/main.ts", "de-an-241.cjs"],
  // The worker thread that reads files under a time limit (src/hosts/node/read-pool.ts looks for it next to the CLI).
  ["hosts/node/read-worker.ts", "read-worker.cjs"],
];

Promise.all(
  entries.map(([source, out]) =>
    build({
      entryPoints: [join(__dirname, "..", "src", source)],
      outfile: join(__dirname, "..", "dist", "cli", out),
      bundle: true,
      platform: "node",
      target: "node20",
      format: "cjs",
      sourcemap: true,
      // node-unrar-js finds its WebAssembly (unrar.wasm) beside its own files: loaded from node_modules, not bundled.
      external: ["node-unrar-js"],
      logLevel: "warning",
    }),
  ),
).catch((error) => {
  process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});
