// Bundles the CLI into dist/cli/de-an-241.cjs (one file, Node 20), used by bin/de-an-241.js.
"use strict";
const { build } = require("esbuild");
const { join } = require("node:path");

build({
  entryPoints: [join(__dirname, "..", "src", "cli", "main.ts")],
  outfile: join(__dirname, "..", "dist", "cli", "de-an-241.cjs"),
  bundle: true,
  platform: "node",
  target: "node20",
  format: "cjs",
  sourcemap: true,
  logLevel: "warning",
}).catch((error) => {
  process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});
