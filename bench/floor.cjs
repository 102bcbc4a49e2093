// The strict floor of a merge: what any reader of these workbooks must at least do.
// For each file: unzip (fflate) the parts a reader needs (workbook, shared strings,
// worksheets), decode them, and pass one regular expression over every cell and
// shared string. Used in-process by bench/run.ts and, run as a script
// (`node bench/floor.cjs DIR`), as the floor process the CLI is timed against.
"use strict";
const { readdirSync, readFileSync } = require("node:fs");
const { join } = require("node:path");
const { unzipSync, strFromU8 } = require("fflate");

const NEEDED = /^xl\/(workbook|sharedStrings)\.xml$|^xl\/worksheets\/[^/]+\.xml$/;
/** A cell (empty or with content) or a shared string item. */
const TOKEN = /<(c|si)\b[^>]*?(?:\/>|>[\s\S]*?<\/\1>)/g;

/** Unzips and tokenizes one file; returns the number of cells and strings seen. */
function floorFile(bytes) {
  const parts = unzipSync(bytes, { filter: (e) => NEEDED.test(e.name) });
  let tokens = 0;
  for (const name in parts) {
    const text = strFromU8(parts[name]);
    TOKEN.lastIndex = 0;
    while (TOKEN.exec(text) !== null) tokens++;
  }
  if (tokens === 0) throw new Error("no cell found");
  return tokens;
}

module.exports = { floorFile };

if (require.main === module) {
  const dir = process.argv[2];
  let tokens = 0;
  let files = 0;
  for (const name of readdirSync(dir)) {
    if (!name.endsWith(".xlsx")) continue;
    tokens += floorFile(readFileSync(join(dir, name)));
    files++;
  }
  process.stdout.write(`${files} files, ${tokens} cells and strings\n`);
}
