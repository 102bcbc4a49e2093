/**
 * Headless Chromium (Debian's /usr/bin/chromium) through playwright-core.
 * CHROMIUM is null when it is missing outside CI; under CI=true a missing
 * Chromium fails the run (see programs.ts).
 */
import { chromium, type Browser } from "playwright-core";
import { requireProgram } from "./programs";

export const CHROMIUM = requireProgram(
  ["/usr/bin/chromium", "chromium"],
  "headless Chromium for the task pane tests (Debian: apt-get install chromium)",
);

export const CHROMIUM_ARGS = [
  "--no-sandbox",
  "--disable-gpu",
  "--disable-background-networking",
  "--disable-component-update",
  "--no-first-run",
  "--disable-sync",
];

export async function launchChromium(): Promise<Browser> {
  if (!CHROMIUM) throw new Error("Chromium is not available");
  return chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS });
}
