#!/usr/bin/env node
// The de-an-241 command. Uses the built CLI (dist/cli/de-an-241.cjs, made by
// `npm run build`) when present; otherwise runs the TypeScript source through tsx.
// No error is shown as a stack trace unless --debug is given.
"use strict";
const { existsSync } = require("node:fs");
const { join } = require("node:path");

const args = process.argv.slice(2);
const debug = args.includes("--debug");

/** One Vietnamese line for an error nobody expected; the trace too under --debug. */
function fail(error) {
  const message = error instanceof Error ? error.message : String(error);
  // Control and bidirectional characters shown as escapes, as everything else the CLI prints.
  // eslint-disable-next-line no-control-regex -- control characters are exactly what is looked for
  const safe = (t) => t.replace(/[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u061c\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, "0")}`);
  process.stderr.write(`Lỗi không mong muốn: ${safe(message.replace(/\n/g, " "))}; hãy báo lại cho người quản lý công cụ, kèm lệnh đã chạy.\n`);
  if (debug && error instanceof Error && error.stack) process.stderr.write(`${safe(error.stack)}\n`);
  process.exit(1);
}

const built = join(__dirname, "..", "dist", "cli", "de-an-241.cjs");
try {
  if (existsSync(built)) {
    process.on("uncaughtException", fail);
    process.on("unhandledRejection", fail);
    const cli = require(built);
    if (typeof cli.runProcess === "function") cli.runProcess(args);
    else
      cli
        .main(args, { stdout: (t) => process.stdout.write(t), stderr: (t) => process.stderr.write(t), cwd: process.cwd() })
        .then((code) => {
          process.exitCode = code;
        }, fail);
  } else {
    const { spawnSync } = require("node:child_process");
    const tsx = require.resolve("tsx/cli");
    const result = spawnSync(process.execPath, [tsx, join(__dirname, "..", "src", "cli", "main.ts"), ...args], {
      stdio: "inherit",
    });
    if (result.error) {
      process.stderr.write(`Không chạy được de-an-241 (cannot run): ${result.error.message}\n`);
      process.exit(1);
    }
    process.exit(result.status ?? 1);
  }
} catch (error) {
  fail(error);
}
