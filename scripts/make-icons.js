#!/usr/bin/env node
/**
 * Draws the add-in's icons (assets/icon-{16,32,64,80,128}.png) from SVG with
 * headless Chromium. The mark: a red rounded square with a yellow five-pointed
 * star and, from 32 px up, the number "241" under it.
 *
 * Usage: node scripts/make-icons.js [chromium path]   (default /usr/bin/chromium)
 */
"use strict";
const path = require("node:path");
const fs = require("node:fs");
const { chromium } = require("playwright-core");

const SIZES = [16, 32, 64, 80, 128];
const RED = "#C8102E";
const YELLOW = "#FFD100";

/** Points of a five-pointed star centred at (cx, cy) with outer radius r. */
function starPoints(cx, cy, r) {
  const inner = r * 0.382;
  const points = [];
  for (let i = 0; i < 10; i++) {
    const radius = i % 2 === 0 ? r : inner;
    const angle = -Math.PI / 2 + (i * Math.PI) / 5;
    points.push(`${(cx + radius * Math.cos(angle)).toFixed(3)},${(cy + radius * Math.sin(angle)).toFixed(3)}`);
  }
  return points.join(" ");
}

/** The icon as SVG, drawn on a 100-unit canvas and scaled to `size` pixels. */
function iconSvg(size) {
  const withNumber = size >= 32;
  const star = withNumber ? starPoints(50, 38, 27) : starPoints(50, 53, 40);
  const number = withNumber
    ? `<text x="50" y="89" text-anchor="middle" font-family="Liberation Sans, DejaVu Sans, Arial, sans-serif"
         font-weight="700" font-size="30" letter-spacing="-0.5" fill="#FFFFFF">241</text>`
    : "";
  return `<svg xmlns="http://www.w3.org/2000/svg" width="${size}" height="${size}" viewBox="0 0 100 100">
  <rect x="0" y="0" width="100" height="100" rx="${size <= 16 ? 10 : 14}" fill="${RED}"/>
  <polygon points="${star}" fill="${YELLOW}"/>
  ${number}
</svg>`;
}

async function main() {
  const executablePath = process.argv[2] ?? "/usr/bin/chromium";
  if (!fs.existsSync(executablePath)) {
    throw new Error(`Chromium not found at ${executablePath}; pass its path as the first argument.`);
  }
  const outDir = path.resolve(__dirname, "..", "assets");
  fs.mkdirSync(outDir, { recursive: true });
  const browser = await chromium.launch({
    executablePath,
    args: ["--no-sandbox", "--disable-gpu", "--no-first-run", "--disable-sync", "--disable-background-networking"],
  });
  try {
    const page = await browser.newPage({ deviceScaleFactor: 1 });
    for (const size of SIZES) {
      await page.setViewportSize({ width: size, height: size });
      await page.setContent(
        `<!doctype html><html><body style="margin:0;background:transparent">${iconSvg(size)}</body></html>`,
      );
      const file = path.join(outDir, `icon-${size}.png`);
      await page.screenshot({ path: file, omitBackground: true, clip: { x: 0, y: 0, width: size, height: size } });
      console.log(`wrote ${path.relative(process.cwd(), file)}`);
    }
  } finally {
    await browser.close();
  }
}

main().catch((error) => {
  console.error(error instanceof Error ? error.message : error);
  process.exitCode = 1;
});
