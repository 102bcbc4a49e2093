#!/usr/bin/env node
/**
 * The size of the JavaScript taskpane.html loads before any user action: every
 * <script src> of the page (office.js included, from the add-in's own server),
 * gzipped one by one and summed, against the 250 KB goal.
 *
 * Usage: node scripts/bundle-report.js [--verbose] [dist folder]   (default dist/, or $DE_AN_241_DIST)
 * Exit status 1 when over the goal. office.js counts (it is loaded up front);
 * the host-specific files office.js fetches afterwards do not.
 */
"use strict";
const fs = require("node:fs");
const path = require("node:path");
const zlib = require("node:zlib");

const GOAL_KB = 250;

/** The page's script sources in document order (relative paths). */
function scriptSources(html) {
  const sources = [];
  const tag = /<script\b([^>]*)>/gi;
  let match;
  while ((match = tag.exec(html)) !== null) {
    const src = /\bsrc\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s>]+))/i.exec(match[1]);
    if (src) sources.push(src[1] ?? src[2] ?? src[3]);
  }
  return sources;
}

function initialJs(dist) {
  const htmlFile = path.join(dist, "taskpane.html");
  if (!fs.existsSync(htmlFile)) throw new Error(`${htmlFile} not found: run "npx webpack --mode production" first.`);
  const files = scriptSources(fs.readFileSync(htmlFile, "utf8")).map((src) => {
    if (/^(https?:)?\/\//i.test(src)) throw new Error(`taskpane.html loads ${src} from another server`);
    const file = path.join(dist, src.split(/[?#]/)[0]);
    const bytes = fs.readFileSync(file);
    return { file: src, bytes: bytes.length, gzip: zlib.gzipSync(bytes, { level: 9 }).length };
  });
  return { files, totalGzip: files.reduce((sum, f) => sum + f.gzip, 0) };
}

module.exports = { initialJs, scriptSources, GOAL_KB };

if (require.main === module) {
  const args = process.argv.slice(2);
  const folder = args.find((arg) => !arg.startsWith("--"));
  const dist = path.resolve(folder ?? process.env.DE_AN_241_DIST ?? path.join(__dirname, "..", "dist"));
  try {
    const report = initialJs(dist);
    if (args.includes("--verbose")) {
      for (const f of report.files) console.log(`  ${f.file}: ${(f.gzip / 1024).toFixed(1)} KB gzip (${(f.bytes / 1024).toFixed(1)} KB)`);
    }
    const kb = Math.round(report.totalGzip / 1024);
    console.log(`initial JS: ${kb} KB gzip (goal ≤ ${GOAL_KB} KB)`);
    if (kb > GOAL_KB) process.exitCode = 1;
  } catch (error) {
    console.error(error instanceof Error ? error.message : error);
    process.exitCode = 2;
  }
}
