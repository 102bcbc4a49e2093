#!/usr/bin/env node
// The de-an-241 command. Uses the built CLI (dist/cli/de-an-241.cjs, made by
// `npm run build`) when present; otherwise runs the TypeScript source through tsx.
"use strict";
const { existsSync } = require("node:fs");
const { join } = require("node:path");

const built = join(__dirname, "..", "dist", "cli", "de-an-241.cjs");
if (existsSync(built)) {
  require(built)
    .main(process.argv.slice(2), {
      stdout: (t) => process.stdout.write(t),
      stderr: (t) => process.stderr.write(t),
      cwd: process.cwd(),
    })
    .then(
      (code) => {
        process.exitCode = code;
      },
      (error) => {
        process.stderr.write(`Lỗi (error): ${error && error.stack ? error.stack : String(error)}\n`);
        process.exitCode = 1;
      },
    );
} else {
  const { spawnSync } = require("node:child_process");
  const tsx = require.resolve("tsx/cli");
  const result = spawnSync(process.execPath, [tsx, join(__dirname, "..", "src", "cli", "main.ts"), ...process.argv.slice(2)], {
    stdio: "inherit",
  });
  if (result.error) {
    process.stderr.write(`Không chạy được de-an-241 (cannot run): ${result.error.message}\n`);
    process.exit(1);
  }
  process.exit(result.status ?? 1);
}
