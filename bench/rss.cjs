// Preloaded into the process the bench times (node -r bench/rss.cjs …): writes the
// process's peak resident memory (worker threads included), in bytes, to the file
// named by BENCH_RSS_FILE when it exits.
"use strict";
const { writeFileSync } = require("node:fs");
process.on("exit", () => {
  if (process.env.BENCH_RSS_FILE) writeFileSync(process.env.BENCH_RSS_FILE, String(process.resourceUsage().maxRSS * 1024));
});
