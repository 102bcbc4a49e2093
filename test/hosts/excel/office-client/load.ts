/**
 * Loads Microsoft's Excel JavaScript client (the office-js package's
 * excel-web-16.00 library) once, in a sandbox with the few browser globals it
 * looks for. Requests of every RequestContext made with an http URL go to
 * `HttpUtility.sendRequest`, which this routes by URL to the harness that
 * answers them.
 */
import { readFileSync } from "node:fs";
import { createContext, runInContext } from "node:vm";

export interface HttpRequest {
  readonly method: string;
  readonly url: string;
  readonly headers: Record<string, string>;
  readonly body: unknown;
}

export interface HttpResponse {
  readonly statusCode: number;
  readonly headers: Record<string, string>;
  readonly body: string;
}

export type Send = (request: HttpRequest) => Promise<HttpResponse>;

interface Library {
  readonly Excel: typeof Excel;
  readonly OfficeExtension: typeof OfficeExtension & {
    HttpUtility: { setCustomSendRequestFunc(func: Send): void };
  };
}

let library: Library | undefined;
const routes = new Map<string, Send>();

function load(): Library {
  const path = require.resolve("@microsoft/office-js/dist/excel-web-16.00.debug.js");
  const source = readFileSync(path, "utf8");
  const sandbox: Record<string, unknown> = {
    console: { log() {}, warn() {}, error() {}, info() {}, debug() {} },
    setTimeout,
    clearTimeout,
    setInterval,
    clearInterval,
    Promise,
    // Response bodies are parsed with the test's JSON, so loaded values are ordinary arrays and objects.
    JSON,
    navigator: { userAgent: "node" },
    location: { href: "https://localhost/", search: "", hash: "", protocol: "https:" },
    document: {
      addEventListener() {},
      readyState: "complete",
      getElementsByTagName: () => [],
      createElement: () => ({ style: {}, setAttribute() {}, appendChild() {} }),
      querySelector: () => null,
    },
  };
  sandbox["window"] = sandbox;
  sandbox["self"] = sandbox;
  createContext(sandbox);
  runInContext(source, sandbox, { filename: path });
  const lib = { Excel: sandbox["Excel"], OfficeExtension: sandbox["OfficeExtension"] } as Library;
  lib.OfficeExtension.HttpUtility.setCustomSendRequestFunc((request) => {
    const route = [...routes.entries()].find(([prefix]) => request.url.startsWith(prefix));
    if (!route) return Promise.reject(new Error(`no harness answers ${request.url}`));
    return route[1](request);
  });
  return lib;
}

/** Microsoft's client library (loaded on first use). */
export function officeClient(): Library {
  library ??= load();
  return library;
}

let next = 0;

/** A URL whose requests `send` answers; RequestContexts made with it talk to `send`. */
export function route(send: Send): string {
  const url = `https://harness-${++next}.invalid/`;
  routes.set(url, send);
  return url;
}
