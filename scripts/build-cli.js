// Bundles the CLI into dist/cli/de-an-241.cjs (Node 20), used by bin/de-an-241.js, and its read
// worker into dist/cli/read-worker.cjs. The heavy libraries are bundled on their own, each into
// dist/cli/vendor/<name>.cjs (the readers of email messages too), and left out of both: the code loads them (a lazy require or a dynamic
// import) only for the files, sheets or outputs that need them, so a merge of .xlsx files starts
// without SheetJS, ExcelJS or docx. With `--bench`, also dist/cli/bench-merge-steps.cjs (bench/run.ts).
"use strict";
const { build } = require("esbuild");
const { join } = require("node:path");

const ROOT = join(__dirname, "..");
const OUT = join(ROOT, "dist", "cli");

/** Package → its own bundle under dist/cli/vendor. */
const VENDORED = { "@e965/xlsx": "xlsx", exceljs: "exceljs", docx: "docx", "postal-mime": "postal-mime", "@kenjiuno/msgreader": "msgreader" };

const common = { bundle: true, platform: "node", target: "node20", format: "cjs", sourcemap: true, logLevel: "warning" };

/** Imports of a vendored package become requires of its bundle, next to the one requiring it. */
const vendored = {
  name: "vendored",
  setup(b) {
    b.onResolve({ filter: /^(@e965\/xlsx|exceljs|docx|postal-mime|@kenjiuno\/msgreader)$/ }, (args) => ({ path: `./vendor/${VENDORED[args.path]}.cjs`, external: true }));
  },
};

const entries = [
  ["src/cli/main.ts", "de-an-241.cjs"],
  // The worker thread that reads files under a time limit (src/hosts/node/read-pool.ts looks for it next to the CLI).
  ["src/hosts/node/read-worker.ts", "read-worker.cjs"],
  // `--bench`: the merge's steps as the CLI bundles them, for bench/run.ts to time in its own process.
  ...(process.argv.includes("--bench") ? [["bench/merge-steps.ts", "bench-merge-steps.cjs"]] : []),
];

Promise.all([
  ...entries.map(([source, out]) =>
    build({
      ...common,
      entryPoints: [join(ROOT, source)],
      outfile: join(OUT, out),
      plugins: [vendored],
      metafile: true,
      // node-unrar-js finds its WebAssembly (unrar.wasm) beside its own files: loaded from node_modules, not bundled.
      external: ["node-unrar-js"],
    }),
  ),
  ...Object.entries(VENDORED).map(([pkg, name]) =>
    build({ ...common, stdin: { contents: `module.exports = require(${JSON.stringify(pkg)});`, resolveDir: ROOT, loader: "js" }, outfile: join(OUT, "vendor", `${name}.cjs`) }),
  ),
]).catch((error) => {
  process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});
