/**
 * What every test of the task pane in Chromium starts from: the production
 * build served over http from a random localhost port and one headless
 * Chromium for the suite (servePane), and a page's problems collected
 * (watchProblems).
 *
 * Console policy: any console error, page error or failed request is a
 * problem. office.js opened outside an Office client logs one message
 * ("Office.js is loaded outside of Office client") at level "log"; messages at
 * level "log"/"info"/"debug" are not checked, warnings are problems unless
 * they come from office.js itself (EXPECTED_OFFICE_NOISE).
 */
import type { Browser, ConsoleMessage, Page } from "playwright-core";
import { launchChromium } from "./browser";
import { productionBuild } from "./build";
import { serveFolder, type StaticServer } from "./server";

const EXPECTED_OFFICE_NOISE = [/Office\.js is loaded outside of Office client/];
/**
 * office.js outside an Office client opens Microsoft's telemetry proxy in an
 * iframe a few seconds after loading; with no network it fails. It is
 * office.js's own request, not the page's, and nothing waits for it.
 */
const EXPECTED_OFFICE_REQUESTS = [/^https:\/\/telemetryservice\.firstpartyapps\.oaspapps\.com\/telemetryservice\/telemetryproxy\.html$/];

export interface ServedPane {
  readonly browser: Browser;
  readonly server: StaticServer;
}

/** Builds and serves the pane and launches Chromium before the suite's tests (closed after them); read its fields inside tests. */
export function servePane(timeoutMs = 600_000): ServedPane {
  let browser: Browser | undefined;
  let server: StaticServer | undefined;
  beforeAll(async () => {
    server = await serveFolder(await productionBuild());
    browser = await launchChromium();
  }, timeoutMs);
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });
  return {
    get browser(): Browser {
      if (!browser) throw new Error("Chromium is not started: read servePane's fields inside a test");
      return browser;
    },
    get server(): StaticServer {
      if (!server) throw new Error("the pane is not served: read servePane's fields inside a test");
      return server;
    },
  };
}

/** The page's problems as they come: console errors and warnings, page errors and failed requests, office.js's own left out. */
export function watchProblems(page: Page): string[] {
  const problems: string[] = [];
  page.on("console", (message: ConsoleMessage) => {
    const type = message.type();
    if (type !== "error" && type !== "warning") return;
    if (EXPECTED_OFFICE_NOISE.some((pattern) => pattern.test(message.text()))) return;
    problems.push(`console.${type}: ${message.text()}`);
  });
  page.on("pageerror", (error) => problems.push(`page error: ${error.message}`));
  page.on("requestfailed", (request) => {
    if (!EXPECTED_OFFICE_REQUESTS.some((pattern) => pattern.test(request.url()))) {
      problems.push(`request failed: ${request.url()} (${request.failure()?.errorText ?? "?"})`);
    }
  });
  return problems;
}
