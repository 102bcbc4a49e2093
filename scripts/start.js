#!/usr/bin/env node
/**
 * `npm start`: with desktop Excel (Windows, Mac) it runs
 * `office-addin-debugging start manifest.xml desktop`, which starts the dev
 * server and side-loads the add-in into Excel. Without desktop Excel (Linux, or
 * `npm start -- --web`) it starts the https dev server alone and says how to
 * open the task pane in a browser or side-load it into Excel on the web.
 * `npm run stop` ends an office-addin-debugging session.
 */
"use strict";
const { spawn, spawnSync } = require("node:child_process");
const fs = require("node:fs");
const path = require("node:path");

const ROOT = path.resolve(__dirname, "..");
const PORT = Number(process.env.npm_package_config_dev_server_port || 3000);
const TASKPANE_URL = `https://localhost:${PORT}/taskpane.html`;

function desktopExcel() {
  if (process.platform === "darwin") {
    return fs.existsSync("/Applications/Microsoft Excel.app") ? "Microsoft Excel.app" : null;
  }
  if (process.platform === "win32") {
    const key = "HKLM\\SOFTWARE\\Microsoft\\Windows\\CurrentVersion\\App Paths\\excel.exe";
    const result = spawnSync("reg", ["query", key], { encoding: "utf8" });
    return result.status === 0 ? "excel.exe" : null;
  }
  return null;
}

/** Runs a node script from node_modules, forwarding Ctrl+C, and exits with its status. */
function run(script, args) {
  const child = spawn(process.execPath, [path.join(ROOT, "node_modules", script), ...args], {
    cwd: ROOT,
    stdio: "inherit",
  });
  const forward = (signal) => child.kill(signal);
  process.on("SIGINT", forward);
  process.on("SIGTERM", forward);
  child.on("exit", (code, signal) => {
    process.exitCode = code ?? (signal ? 1 : 0);
  });
  child.on("error", (error) => {
    console.error(`Could not start ${script}: ${error.message}`);
    process.exitCode = 1;
  });
}

const webOnly = process.argv.includes("--web");
const excel = webOnly ? null : desktopExcel();

if (excel) {
  console.log(`Desktop Excel found (${excel}): starting the dev server and side-loading manifest.xml.`);
  console.log("Stop with `npm run stop`.");
  run("office-addin-debugging/cli.js", ["start", "manifest.xml", "desktop", "--app", "excel"]);
} else {
  console.log(
    [
      webOnly ? "Web mode (--web): not starting desktop Excel." : "No desktop Excel on this computer: starting the dev server only.",
      "",
      `  Standalone task pane (works with files, no Excel needed): ${TASKPANE_URL}`,
      "",
      "  Excel on the web: open a workbook, then Home > Add-ins > More Add-ins (or Insert > Add-ins)",
      "  > Upload My Add-in, and choose manifest.xml from this folder. The browser must trust",
      `  the https certificate of localhost:${PORT}: open ${TASKPANE_URL} once first.`,
      "",
      "Stop with Ctrl+C.",
      "",
    ].join("\n"),
  );
  run("webpack-cli/bin/cli.js", ["serve", "--mode", "development"]);
}
