/**
 * @jest-environment jsdom
 *
 * The add-in manifest (development and as built for a deployment) and the
 * production build's pages. jsdom supplies DOMParser for the XML.
 */
import { existsSync, readFileSync, readdirSync } from "node:fs";
import { join } from "node:path";
import { productionBuild, REPO, TEST_ADDIN_URL } from "../support/build";

const OFFICE_NS = "http://schemas.microsoft.com/office/appforoffice/1.1";
const OVERRIDES_NS = "http://schemas.microsoft.com/office/taskpaneappversionoverrides";
const BT_NS = "http://schemas.microsoft.com/office/officeappbasictypes/1.0";
const XSI_NS = "http://www.w3.org/2001/XMLSchema-instance";
const DEV_ORIGIN = "https://localhost:3000";

function parseXml(text: string, name: string): Document {
  const doc = new DOMParser().parseFromString(text, "application/xml");
  const error = doc.getElementsByTagName("parsererror")[0];
  if (error) throw new Error(`${name} is not well-formed XML: ${error.textContent}`);
  return doc;
}

const children = (element: Element) => Array.from(element.children);
const all = (doc: Document | Element, ns: string, name: string) => Array.from(doc.getElementsByTagNameNS(ns, name));
function one(doc: Document | Element, ns: string, name: string): Element {
  const found = all(doc, ns, name);
  if (found.length !== 1) throw new Error(`expected one <${name}>, found ${found.length}`);
  return found[0]!;
}
const defaultValue = (element: Element) => element.getAttribute("DefaultValue") ?? "";

/** Every address the manifest holds, with where it came from. */
function manifestUrls(doc: Document): { where: string; url: string }[] {
  const urls: { where: string; url: string }[] = [];
  for (const name of ["IconUrl", "HighResolutionIconUrl", "SupportUrl"]) {
    urls.push({ where: name, url: defaultValue(one(doc, OFFICE_NS, name)) });
  }
  const settings = one(doc, OFFICE_NS, "DefaultSettings");
  urls.push({ where: "DefaultSettings/SourceLocation", url: defaultValue(one(settings, OFFICE_NS, "SourceLocation")) });
  for (const name of ["Image", "Url"]) {
    for (const element of all(doc, BT_NS, name).filter((e) => e.hasAttribute("DefaultValue"))) {
      urls.push({ where: `bt:${name}#${element.getAttribute("id")}`, url: defaultValue(element) });
    }
  }
  return urls;
}

/** Width and height from a PNG's IHDR chunk. */
function pngSize(file: string): { width: number; height: number } {
  const bytes = readFileSync(file);
  expect(bytes.subarray(1, 4).toString("latin1")).toBe("PNG");
  return { width: bytes.readUInt32BE(16), height: bytes.readUInt32BE(20) };
}

const devText = readFileSync(join(REPO, "manifest.xml"), "utf8");

describe("manifest.xml (development)", () => {
  const doc = parseXml(devText, "manifest.xml");
  const root = doc.documentElement;

  it("is a task pane add-in for Excel, in Vietnamese, requiring ExcelApi 1.7", () => {
    expect(root.namespaceURI).toBe(OFFICE_NS);
    expect(root.localName).toBe("OfficeApp");
    expect(root.getAttributeNS(XSI_NS, "type")).toBe("TaskPaneApp");
    expect(one(doc, OFFICE_NS, "Id").textContent).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(one(doc, OFFICE_NS, "Version").textContent).toMatch(/^\d+\.\d+\.\d+\.\d+$/);
    expect(one(doc, OFFICE_NS, "DefaultLocale").textContent).toBe("vi-VN");
    expect(defaultValue(one(doc, OFFICE_NS, "DisplayName"))).toBe("Đề án 241");
    const description = defaultValue(children(root).find((e) => e.localName === "Description")!);
    expect(description).toContain("Đề án 241");
    expect(description.length).toBeLessThanOrEqual(250);
    const hosts = children(one(doc, OFFICE_NS, "Hosts"));
    expect(hosts.map((h) => h.getAttribute("Name"))).toEqual(["Workbook"]);
    const sets = one(doc, OFFICE_NS, "Sets");
    expect(sets.getAttribute("DefaultMinVersion")).toBe("1.1");
    expect(children(sets).map((s) => `${s.getAttribute("Name")} ${s.getAttribute("MinVersion")}`)).toEqual(["ExcelApi 1.7"]);
    expect(one(doc, OFFICE_NS, "Permissions").textContent).toBe("ReadWriteDocument");
  });

  it("orders OfficeApp's children as the schema requires", () => {
    const order = [
      "Id", "Version", "ProviderName", "DefaultLocale", "DisplayName", "Description", "IconUrl",
      "HighResolutionIconUrl", "SupportUrl", "AppDomains", "Hosts", "Requirements", "DefaultSettings",
      "Permissions", "VersionOverrides",
    ];
    expect(children(root).map((e) => e.localName)).toEqual(order);
  });

  it("opens the task pane from a 'Đề án 241' button on the Home tab", () => {
    const overrides = one(doc, OVERRIDES_NS, "VersionOverrides");
    expect(overrides.getAttributeNS(XSI_NS, "type")).toBe("VersionOverridesV1_0");
    const host = one(overrides, OVERRIDES_NS, "Host");
    expect(host.getAttributeNS(XSI_NS, "type")).toBe("Workbook");
    expect(one(host, OVERRIDES_NS, "OfficeTab").getAttribute("id")).toBe("TabHome");

    const strings = new Map<string, string>();
    for (const list of ["ShortStrings", "LongStrings"]) {
      const limit = list === "ShortStrings" ? 125 : 250;
      for (const s of all(one(overrides, BT_NS, list), BT_NS, "String")) {
        expect(defaultValue(s).length).toBeLessThanOrEqual(limit);
        strings.set(s.getAttribute("id")!, defaultValue(s));
      }
    }
    const urls = new Map(all(overrides, BT_NS, "Url").map((u) => [u.getAttribute("id")!, defaultValue(u)]));
    const text = (element: Element) => strings.get(element.getAttribute("resid") ?? "");

    const group = one(host, OVERRIDES_NS, "Group");
    expect(text(children(group).find((e) => e.localName === "Label")!)).toBe("Đề án 241");
    const control = one(group, OVERRIDES_NS, "Control");
    expect(control.getAttributeNS(XSI_NS, "type")).toBe("Button");
    expect(text(children(control).find((e) => e.localName === "Label")!)).toBe("Đề án 241");
    const supertip = one(control, OVERRIDES_NS, "Supertip");
    expect(text(one(supertip, OVERRIDES_NS, "Description"))).toMatch(/ngăn tác vụ/);
    const action = one(control, OVERRIDES_NS, "Action");
    expect(action.getAttributeNS(XSI_NS, "type")).toBe("ShowTaskpane");
    expect(urls.get(one(action, OVERRIDES_NS, "SourceLocation").getAttribute("resid")!)).toBe(`${DEV_ORIGIN}/taskpane.html`);
    expect(urls.get(one(host, OVERRIDES_NS, "FunctionFile").getAttribute("resid")!)).toBe(`${DEV_ORIGIN}/commands.html`);
  });

  it("resolves every resid to exactly one resource", () => {
    const ids = ["Image", "Url", "String"].flatMap((name) =>
      all(doc, BT_NS, name).filter((e) => e.hasAttribute("id")).map((e) => e.getAttribute("id")),
    );
    expect(new Set(ids).size).toBe(ids.length);
    const residUsers = Array.from(doc.getElementsByTagName("*")).filter((e) => e.hasAttribute("resid"));
    expect(residUsers.length).toBeGreaterThan(5);
    for (const element of residUsers) expect(ids).toContain(element.getAttribute("resid"));
  });

  it("gives every ribbon icon in 16, 32 and 80 px, and the PNG files have those sizes", () => {
    const images = new Map(all(doc, BT_NS, "Image").filter((e) => e.hasAttribute("DefaultValue")).map((e) => [e.getAttribute("id")!, defaultValue(e)]));
    const icons = all(doc, OVERRIDES_NS, "Icon");
    expect(icons.length).toBeGreaterThan(0);
    for (const icon of icons) {
      const sizes = all(icon, BT_NS, "Image").map((image) => {
        const size = Number(image.getAttribute("size"));
        const url = images.get(image.getAttribute("resid")!)!;
        const file = join(REPO, url.slice(`${DEV_ORIGIN}/`.length));
        expect(pngSize(file)).toEqual({ width: size, height: size });
        return size;
      });
      expect(sizes).toEqual([16, 32, 80]);
    }
    for (const [name, size] of [["IconUrl", 32], ["HighResolutionIconUrl", 64]] as const) {
      const file = join(REPO, defaultValue(one(doc, OFFICE_NS, name)).slice(`${DEV_ORIGIN}/`.length));
      expect(pngSize(file)).toEqual({ width: size, height: size });
    }
  });

  it("has only https://localhost:3000 addresses", () => {
    const urls = manifestUrls(doc);
    expect(urls.length).toBeGreaterThanOrEqual(8);
    const outside = urls.filter(({ url }) => !url.startsWith(`${DEV_ORIGIN}/`)).map(({ where, url }) => `${where}: ${url}`);
    expect(outside).toEqual([]);
    expect(all(doc, OFFICE_NS, "AppDomain").map((e) => e.textContent)).toEqual([DEV_ORIGIN]);
    const everyUrl = devText.replace(/<!--[\s\S]*?-->/g, "").match(/https?:\/\/[^"<\s]+/g) ?? [];
    const foreign = everyUrl.filter((u) => !u.startsWith(`${DEV_ORIGIN}/`) && u !== DEV_ORIGIN && !u.startsWith("http://schemas.microsoft.com/") && !u.startsWith("http://www.w3.org/"));
    expect(foreign).toEqual([]);
  });
});

describe("production build", () => {
  let dist = "";
  beforeAll(async () => {
    dist = await productionBuild();
  }, 300_000);

  it("writes manifest.xml with every address under ADDIN_URL, each one a file of the build", () => {
    const text = readFileSync(join(dist, "manifest.xml"), "utf8");
    const doc = parseXml(text, "dist/manifest.xml");
    expect(text).not.toContain("localhost");
    const urls = manifestUrls(doc);
    expect(urls.length).toBeGreaterThanOrEqual(8);
    for (const { where, url } of urls) {
      expect(`${where} ${url.slice(0, TEST_ADDIN_URL.length)}`).toBe(`${where} ${TEST_ADDIN_URL}`);
      const file = join(dist, new URL(url).pathname.slice(new URL(TEST_ADDIN_URL).pathname.length));
      expect(`${where} ${existsSync(file)}`).toBe(`${where} true`);
    }
    expect(all(doc, OFFICE_NS, "AppDomain").map((e) => e.textContent)).toEqual([new URL(TEST_ADDIN_URL).origin]);
  });

  it("changes nothing in the manifest but the addresses", () => {
    const built = readFileSync(join(dist, "manifest.xml"), "utf8");
    const back = built.split(TEST_ADDIN_URL).join(`${DEV_ORIGIN}/`).split(new URL(TEST_ADDIN_URL).origin).join(DEV_ORIGIN);
    expect(back).toBe(devText);
  });

  it("loads office.js from Microsoft's CDN inside Office and the local copy outside, before the task pane's scripts", () => {
    const html = readFileSync(join(dist, "taskpane.html"), "utf8");
    const doc = new DOMParser().parseFromString(html, "text/html");
    expect(doc.documentElement.getAttribute("lang")).toBe("vi");
    expect(doc.title).toBe("Đề án 241");
    const scripts = Array.from(doc.querySelectorAll("script"));
    // The first script writes the office.js tag (a parser-inserted script, so it runs before the deferred bundle).
    const loader = scripts[0]!;
    expect(loader.hasAttribute("src")).toBe(false);
    const sources = scripts.filter((s) => s.hasAttribute("src")).map((s) => s.getAttribute("src")!);
    expect(sources.length).toBeGreaterThan(1);
    for (const src of sources) {
      expect(src).not.toMatch(/^(https?:)?\/\//);
      expect(`${src} ${existsSync(join(dist, src))}`).toBe(`${src} true`);
      expect(scripts.find((s) => s.getAttribute("src") === src)!.hasAttribute("defer")).toBe(true);
    }

    /** The office.js address the loader writes for a page opened at `search` with that window.name and session storage. */
    const officeJsFor = (search: string, windowName = "", session: Record<string, string> = {}): string => {
      const written: string[] = [];
      const fakeWindow: Record<string, unknown> = {
        name: windowName,
        sessionStorage: { getItem: (key: string) => session[key] ?? null },
      };
      const fakeDocument = { createElement: (name: string) => document.createElement(name), write: (text: string) => written.push(text) };
      new Function("window", "document", "location", loader.textContent!)(fakeWindow, fakeDocument, { search, hash: "" });
      expect(written).toHaveLength(1);
      const match = /^<script src="([^"]+)"><\/script>$/.exec(written[0]!);
      expect(match).not.toBeNull();
      return match![1]!;
    };
    const CDN = "https://appsforoffice.microsoft.com/lib/1/hosted/office.js";
    expect(officeJsFor("?_host_Info=Excel$Win32$16.01$vi-VN$$$$0")).toBe(CDN);
    expect(officeJsFor("?_host_Info=Excel|Mac|16.00|en-US|||")).toBe(CDN);
    expect(officeJsFor("?et=&_host_Info=Excel$Web$16.00$en-US$$$$0")).toBe(CDN);
    expect(officeJsFor("", "", { hostInfoValue: "Excel$Win32$16.01$vi-VN$$$$0" })).toBe(CDN);
    expect(officeJsFor("", JSON.stringify({ hostInfo: "Excel$Web$16.00$en-US$$$$0" }))).toBe(CDN);
    // Opened in a browser: the copy on the add-in's own server, which needs no internet.
    expect(officeJsFor("")).toBe("office-js/office.js");
    expect(officeJsFor("?tab=tong-hop")).toBe("office-js/office.js");
    expect(existsSync(join(dist, "office-js/office.js"))).toBe(true);

    // The ribbon's function file only runs inside Office.
    const commands = readFileSync(join(dist, "commands.html"), "utf8");
    expect(commands).toMatch(/<script src="?https:\/\/appsforoffice\.microsoft\.com\/lib\/1\/hosted\/office\.js"?>/);
    expect(commands).not.toContain("office-js/office.js");
    expect(existsSync(join(dist, "help.html"))).toBe(true);
  });

  it("copies the office.js files Excel loads at run time, without debug builds", () => {
    const officeJs = join(dist, "office-js");
    for (const file of [
      "office.js",
      "o15apptofilemappingtable.js",
      "excel-win32-16.01.js",
      "excel-win32-16.00.js",
      "excel-mac-16.00.js",
      "excel-web-16.00.js",
      "excel-15.js",
      "vi-vn/office_strings.js",
      "en-us/office_strings.js",
      "telemetry/oteljs_agave.js",
    ]) {
      expect(`${file} ${existsSync(join(officeJs, file))}`).toBe(`${file} true`);
    }
    const top = readdirSync(officeJs);
    expect(top.filter((f) => f.endsWith(".debug.js"))).toEqual([]);
    expect(top.filter((f) => /^(word|outlook|powerpoint|onenote|project|access)/.test(f))).toEqual([]);
  });

  it("emits JavaScript that EdgeHTML 18 (retail Office 2019 on Windows) can parse", () => {
    // acorn ships with webpack. ES2018 syntax, minus object rest/spread which EdgeHTML 18 lacks.
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const acorn = require(require.resolve("acorn", { paths: [require.resolve("webpack")] })) as {
      parse(code: string, options: { ecmaVersion: number }): unknown;
    };
    type Node = { type: string; start: number; properties?: Node[] };
    const unsupported = (node: Node, found: string[]): string[] => {
      if ((node.type === "ObjectExpression" || node.type === "ObjectPattern") && node.properties?.some((p) => p.type === "SpreadElement" || p.type === "RestElement")) {
        found.push(`object rest/spread at ${node.start}`);
      }
      for (const value of Object.values(node)) {
        for (const child of Array.isArray(value) ? value : [value]) {
          if (child && typeof child === "object" && typeof (child as Node).type === "string") unsupported(child as Node, found);
        }
      }
      return found;
    };
    const scripts = readdirSync(dist).filter((file) => file.endsWith(".js"));
    expect(scripts.length).toBeGreaterThanOrEqual(3);
    for (const file of scripts) {
      const ast = acorn.parse(readFileSync(join(dist, file), "utf8"), { ecmaVersion: 2018 }) as Node;
      expect(`${file}: ${unsupported(ast, []).slice(0, 3).join(", ")}`).toBe(`${file}: `);
    }
  });

  it("keeps the task pane's initial JavaScript within 250 KB gzip", () => {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const { initialJs } = require("../../scripts/bundle-report.js") as {
      initialJs(dist: string): { files: { file: string; gzip: number }[]; totalGzip: number };
    };
    const report = initialJs(dist);
    expect(report.files.length).toBeGreaterThan(0);
    expect(report.totalGzip).toBeGreaterThan(10_000);
    expect(report.totalGzip).toBeLessThanOrEqual(250 * 1024);
  });
});
