/**
 * Screenshots of the task pane (standalone page, production build) at the
 * narrowest and widest task pane widths, one per tab, the merge tab with the
 * sample data loaded and the check tab with the sample that has an error.
 *
 *   npx tsx scripts/screenshots.ts [OUT_DIR]      (default docs/screenshots)
 *
 * Needs Chromium (Debian: apt-get install chromium).
 */
import { mkdirSync } from "node:fs";
import { join, resolve } from "node:path";
import type { Page } from "playwright-core";
import { launchChromium } from "../test/support/browser";
import { productionBuild } from "../test/support/build";
import { serveFolder } from "../test/support/server";

const WIDTHS = [320, 450] as const;
/** Tall enough for the merge tab's summary; longer pages are cut (the PNGs stay small). */
const MAX_HEIGHT = 2400;

type Shot = { name: string; tab: string; prepare?: (page: Page) => Promise<void> };

const SHOTS: readonly Shot[] = [
  { name: "tao-bieu-mau", tab: "Tạo biểu mẫu" },
  {
    name: "kiem-tra",
    tab: "Kiểm tra",
    prepare: async (page) => {
      await page.getByRole("button", { name: "Dùng thử với dữ liệu mẫu" }).click();
      await page.getByTestId("results-table").waitFor();
    },
  },
  {
    name: "tong-hop",
    tab: "Tổng hợp",
    prepare: async (page) => {
      await page.getByRole("button", { name: "Dùng thử với dữ liệu mẫu" }).click();
      await page.getByTestId("summary-table").waitFor();
    },
  },
];

async function main(): Promise<void> {
  const out = resolve(process.argv[2] ?? join(__dirname, "..", "docs", "screenshots"));
  mkdirSync(out, { recursive: true });
  const server = await serveFolder(await productionBuild());
  const browser = await launchChromium();
  try {
    for (const width of WIDTHS) {
      for (const shot of SHOTS) {
        const page = await browser.newPage({ viewport: { width, height: 800 }, deviceScaleFactor: 1, locale: "vi-VN" });
        await page.goto(`${server.url}taskpane.html`);
        await page.getByRole("tab", { name: shot.tab }).click();
        await shot.prepare?.(page);
        // Let fonts and layout settle.
        await page.evaluate(() => document.fonts.ready.then(() => undefined));
        const height = Math.min(MAX_HEIGHT, await page.evaluate(() => document.documentElement.scrollHeight));
        await page.setViewportSize({ width, height });
        const file = join(out, `${shot.name}-${width}.png`);
        await page.screenshot({ path: file, clip: { x: 0, y: 0, width, height } });
        console.log(file);
        await page.close();
      }
    }
  } finally {
    await browser.close();
    await server.close();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
