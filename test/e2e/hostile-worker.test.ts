/**
 * The hostile suite through the browser's path: the page's Web Worker reader
 * (src/hosts/browser: read.worker.ts behind the worker client, with its time
 * limit) in headless Chromium gives each hostile file the same verdict as the
 * Node path (worker threads, src/hosts/node), the good file beside them is
 * read, and the page stays responsive while the worker reads. A file that
 * runs past the time limit is stopped in both.
 *
 * The worker and the client are bundled for the test with esbuild from the
 * same sources the add-in's webpack build uses (SheetJS's module build, as in
 * the pane, without its code-page tables: an Excel 95 file in code page 1258
 * still reads in Unicode).
 */
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { build } from "esbuild";
import type { Browser, Page } from "playwright-core";
import { buildUnitWorkbook } from "../../src/domain/sheets";
import { readSourcesWithTimeLimit } from "../../src/hosts/node/read-pool";
import { writeWorkbookXlsx } from "../../src/io/write";
import { biff5 } from "../fixtures/hostile-cfb";
import { HOSTILE_CASES, slowButLegal } from "../fixtures/hostile-files";
import { CHROMIUM, launchChromium } from "../support/browser";
import { REPO } from "../support/build";
import { fillTemplate } from "../support/fill";
import { serveFolder, type StaticServer } from "../support/server";
import { SPREADSHEET_MAIN, sheetWorkbook } from "../support/sheet-workbook";

const d = CHROMIUM ? describe : describe.skip;

/** The page's side: the real FileUseCases over the real worker, and a clock that notices a blocked page. */
const HARNESS = `
import { createFileUseCases } from ${JSON.stringify(join(REPO, "src/hosts/browser/file-use-cases"))};
import { readWorkbook } from ${JSON.stringify(join(REPO, "src/io/read"))};
window.firstColumn = (name, b64) => {
  const grid = readWorkbook(Uint8Array.from(atob(b64), (c) => c.charCodeAt(0)), name);
  return { sheets: grid.sheets.map((s) => s.name), texts: grid.sheets[0].rows.map((r) => (r && r[0] ? r[0].v : null)) };
};
window.readAll = async (files, limitMs) => {
  const uc = createFileUseCases({ makeWorker: async () => new Worker("./worker.js"), fileTimeLimitMs: limitMs, sampleBase: "./" });
  const inputs = files.map((f) => ({ name: f.name, bytes: Uint8Array.from(atob(f.b64), (c) => c.charCodeAt(0)) }));
  let last = performance.now();
  let maxGap = 0;
  const tick = setInterval(() => {
    const now = performance.now();
    maxGap = Math.max(maxGap, now - last);
    last = now;
  }, 20);
  const t0 = performance.now();
  const sources = await uc.readFiles(inputs);
  clearInterval(tick);
  return {
    ms: performance.now() - t0,
    maxGap,
    sources: sources.map((s) => ({ file: s.file, code: s.error ? s.error.code : null, message: s.error ? s.error.message : null, unit: s.report ? s.report.unit.name : null })),
  };
};
window.ready = true;
`;

interface Verdict {
  file: string;
  code: string | null;
  message: string | null;
  unit: string | null;
}

interface PageRun {
  ms: number;
  maxGap: number;
  sources: Verdict[];
}

const b64 = (bytes: Uint8Array): string => Buffer.from(bytes).toString("base64");

d("hostile files through the page's Web Worker", () => {
  let dir = "";
  let server: StaticServer;
  let browser: Browser;
  let page: Page;
  const problems: string[] = [];
  let files: { name: string; bytes: Uint8Array }[] = [];

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), "hostile-worker-"));
    const common = { bundle: true, platform: "browser", format: "iife", target: "es2020", logLevel: "silent", define: { "process.env.NODE_ENV": '"production"' } } as const;
    writeFileSync(join(dir, "harness.ts"), HARNESS);
    await build({ ...common, entryPoints: [join(dir, "harness.ts")], outfile: join(dir, "harness.js"), nodePaths: [join(REPO, "node_modules")] });
    await build({ ...common, entryPoints: [join(REPO, "src/hosts/browser/read.worker.ts")], outfile: join(dir, "worker.js") });
    writeFileSync(join(dir, "index.html"), `<!doctype html><html><head><meta charset="utf-8"><link rel="icon" href="data:,"><title>hostile</title></head><body><script src="harness.js"></script></body></html>`);
    server = await serveFolder(dir);
    browser = await launchChromium();
    page = await browser.newPage();
    page.on("pageerror", (error) => problems.push(`pageerror: ${error.message}`));
    page.on("console", (message) => {
      if (message.type() === "error") problems.push(`console: ${message.text()}`);
    });
    await page.goto(server.url);
    await page.waitForFunction(() => (window as unknown as { ready?: boolean }).ready === true);

    const template = await writeWorkbookXlsx(buildUnitWorkbook({ unitName: "Đảng ủy xã Bản Bo", place: "Tam Đường", level: "co-so", created: "2021-05-01" }));
    const good = await fillTemplate(template, { indicators: { "1.1": [100, 95] }, dateLine: "Bản Bo, ngày 20 tháng 6 năm 2021" });
    files = [...HOSTILE_CASES.map((c) => ({ name: c.name, bytes: c.make() })), { name: "ban-bo.xlsx", bytes: good }];
  }, 180_000);

  afterAll(async () => {
    await browser?.close();
    await server?.close();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  const inPage = (list: { name: string; bytes: Uint8Array }[], limitMs: number): Promise<PageRun> =>
    page.evaluate(
      ([payload, limit]) => (window as unknown as { readAll: (f: unknown, l: number) => Promise<PageRun> }).readAll(payload, limit),
      [list.map((f) => ({ name: f.name, b64: b64(f.bytes) })), limitMs] as const,
    );

  it("gives each hostile file the Node path's verdict, reads the good file, and the page stays responsive", async () => {
    const node = await readSourcesWithTimeLimit(
      files.map((f) => ({ name: f.name, bytes: f.bytes.slice() })),
      { limitMs: 60_000 },
    );
    const nodeVerdicts = node.map((s) => ({ file: s.file, code: s.error?.code ?? null }));
    const run = await inPage(files, 60_000);
    const pageVerdicts = run.sources.map((s) => ({ file: s.file, code: s.code }));

    const expected = [...HOSTILE_CASES.map((c) => ({ file: c.name, code: c.code })), { file: "ban-bo.xlsx", code: null }];
    expect(nodeVerdicts).toEqual(expected);
    expect(pageVerdicts).toEqual(nodeVerdicts);
    // The same Vietnamese reason, word for word.
    expect(run.sources.map((s) => s.message)).toEqual(node.map((s) => s.error?.message ?? null));
    expect(run.sources.find((s) => s.file === "ban-bo.xlsx")!.unit).toBe(node.find((s) => s.file === "ban-bo.xlsx")!.report!.unit.name);
    // The page's own thread was never blocked long while the worker read (a 20 ms clock, late at most half a second).
    expect(run.maxGap).toBeLessThan(500);
    expect(run.ms).toBeLessThan(60_000);
    expect(problems).toEqual([]);
    expect(server.missing).toEqual([]);
  }, 180_000);

  it("stops a file past the time limit in the page as in Node, and the next file is read by a new worker", async () => {
    const slow = { name: "cham.xlsx", bytes: slowButLegal() };
    const good = files.find((f) => f.name === "ban-bo.xlsx")!;
    const limitMs = 150;
    const node = await readSourcesWithTimeLimit([slow, good].map((f) => ({ name: f.name, bytes: f.bytes.slice() })), { limitMs });
    const run = await inPage([slow], limitMs);
    expect(node[0]!.error?.code).toBe("timeout");
    expect(run.sources.map((s) => s.code)).toEqual(["timeout"]);
    expect(run.sources[0]!.message).toBe(node[0]!.error!.message);
    expect(run.maxGap).toBeLessThan(500);
    // A new worker takes the next file, under the usual limit.
    const after = await inPage([good], 60_000);
    expect(after.sources.map((s) => s.code)).toEqual([null]);
    expect(problems).toEqual([]);
  }, 180_000);

  it("reads the texts of an .xlsx worksheet as UTF-8, through the browser's windows-1252 one character a byte", async () => {
    // Bytes 0x80–0x9F, which windows-1252 gives other characters: "ệ" E1 BB 87, "€" E2 82 AC, "‘" E2 80 98, "Ổ" E1 BB 94.
    const texts = ["Kiểm tra việc thực hiện", "Giá trị 5 €", "‘Mục tiêu’", "TỔNG SỐ ĐẢNG VIÊN à"];
    const cells = [
      `<c r="A1" t="inlineStr"><is><t>${texts[0]}</t></is></c>`,
      `<c r="A2" t="str"><v>${texts[1]}</v></c>`,
      `<c r="A3" t="str"><f>"${texts[2]}"</f><v>${texts[2]}</v></c>`,
      `<c r="A4" t="inlineStr"><is><r><t>TỔNG SỐ </t></r><r><t>ĐẢNG VIÊN à</t></r></is></c>`,
    ];
    const xml = `<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="${SPREADSHEET_MAIN}"><sheetData>${cells.map((c, i) => `<row r="${i + 1}">${c}</row>`).join("")}</sheetData></worksheet>`;
    const read = await page.evaluate(
      ([name, data]) => (window as unknown as { firstColumn: (n: string, b: string) => { sheets: string[]; texts: unknown[] } }).firstColumn(name, data),
      ["chi-tieu.xlsx", b64(sheetWorkbook(xml))] as const,
    );
    expect(read).toEqual({ sheets: ["Chỉ tiêu"], texts });
    expect(problems).toEqual([]);
  });

  it("reads an Excel 95 file in code page 1258 in Unicode with the browser's build of SheetJS (no code-page tables)", async () => {
    const texts = ["ĐẢNG ỦY XÃ BẢN BO", "Ban Tuyên giáo Huyện ủy", "Tiếng Việt: ăâđêôơư ỳỹỷỵ Ữ Ặ ₫"];
    const read = await page.evaluate(
      ([name, data]) => (window as unknown as { firstColumn: (n: string, b: string) => { sheets: string[]; texts: unknown[] } }).firstColumn(name, data),
      ["excel95.xls", b64(biff5("Chỉ tiêu", texts))] as const,
    );
    expect(read).toEqual({ sheets: ["Chỉ tiêu"], texts });
    expect(problems).toEqual([]);
  });
});
