/**
 * npm run bench (after the timing) — or on its own:
 *   node --import tsx bench/hostile-memory.ts
 *
 * Memory per hostile case: each file of the representative hostile set
 * (test/fixtures/hostile-files.ts), and a good unit workbook for comparison,
 * is read in a fresh Node process the way a reader worker reads it
 * (readSource: the guarded reading facade, then reading by meaning). Prints,
 * per case, the verdict, the time, the process's peak resident memory
 * (maxRSS) and its growth over the process before reading, and the peak
 * V8 heap sampled after reading. Exits 1 if a case gets another verdict than
 * expected or any peak passes 1 GB.
 */
import { spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { performance } from "node:perf_hooks";

const ONE_GB = 1024 ** 3;
const MB = 1024 * 1024;

interface Measured {
  readonly code: string | null;
  readonly ms: number;
  /** Peak resident memory of the process, bytes. */
  readonly peakRss: number;
  /** Peak resident memory before reading (modules loaded, file in memory), bytes. */
  readonly baseRss: number;
  readonly heapUsed: number;
}

async function child(path: string, name: string): Promise<void> {
  const { readSource } = await import("../src/app/sources");
  const bytes = new Uint8Array(readFileSync(path));
  (globalThis as { gc?: () => void }).gc?.();
  const baseRss = process.resourceUsage().maxRSS * 1024;
  const t0 = performance.now();
  const source = await readSource({ name, bytes });
  const ms = performance.now() - t0;
  const measured: Measured = {
    code: source.error?.code ?? null,
    ms,
    peakRss: process.resourceUsage().maxRSS * 1024,
    baseRss,
    heapUsed: process.memoryUsage().heapUsed,
  };
  process.stdout.write(`${JSON.stringify(measured)}\n`);
}

/**
 * An indicator table whose rows are 20,000 copies of two indicators' words, with figures: rows left without an
 * indicator by the thousand, which the reading must not compare with one another (see settleContested).
 */
function copiedIndicatorRows(): Uint8Array {
  const lines = ["STT,Nội dung chỉ tiêu,ĐVT,Tổng số,Số đã đạt,Tỷ lệ (%)", "4.3,\"100% cơ quan, đơn vị, trường học đạt tiêu chuẩn văn hóa\",Cơ quan,5,4,"];
  for (let i = 0; i < 20_000; i++) lines.push(`,${i % 2 ? "Xã Bản Bo có nhà văn hóa" : "Bản có nhà VH"},Bản,5,4,`);
  lines.push("4.6,100% gia đình văn hóa,Hộ,5,4,");
  return new TextEncoder().encode(`${lines.join("\r\n")}\r\n`);
}

/** A web page as a web system saves it, its body given. */
function page(body: string): Uint8Array {
  return new TextEncoder().encode(`<html><head><meta charset="utf-8"></head><body>${body}</body></html>`);
}

/**
 * Markup and text that a careless tokenizer reads in quadratic time: each is read (or refused) in
 * time linear in its length.
 */
function linearCases(): { name: string; file: string; make: () => Uint8Array; code: string | null }[] {
  const utf8 = (s: string): Uint8Array => new TextEncoder().encode(s);
  const markup = (body: string) => () => utf8(`<html><table><tr><td>${body}`);
  return [
    { name: "o-gop.xls (2.500 dòng × 1.000 cột gộp)", file: "o-gop.xls", make: () => page(`<table>${"<tr><td colspan=1000>x</td></tr>".repeat(2500)}</table>`), code: "too-many-cells" },
    {
      name: "o-gop-doc.xls (50 ô gộp 65.534 dòng)",
      file: "o-gop-doc.xls",
      make: () => page(`<table><tr>${"<td rowspan=65534 colspan=1000>x</td>".repeat(50)}</tr>${"<tr><td>y</td></tr>".repeat(20000)}</table>`),
      code: "too-many-cells",
    },
    { name: "the-mo.xls (100.000 dấu <)", file: "the-mo.xls", make: markup("<".repeat(100_000)), code: null },
    { name: "the-a.xls (100.000 thẻ <a chưa đóng)", file: "the-a.xls", make: markup("<a ".repeat(100_000)), code: "empty" },
    { name: "thuoc-tinh.xls (thuộc tính 500.000 ký tự)", file: "thuoc-tinh.xls", make: markup(`<td x="${"a".repeat(500_000)}`), code: "empty" },
    { name: "ky-tu.xls (100.000 &# dở dang)", file: "ky-tu.xls", make: markup("&#".repeat(100_000)), code: null },
    { name: "chu-thich.xls (100.000 <!-- chưa đóng)", file: "chu-thich.xls", make: markup("<!--".repeat(100_000)), code: "empty" },
    { name: "ngoac-kep.csv (dấu ngoặc kép không đóng, 4 MB)", file: "ngoac-kep.csv", make: () => utf8(`a;"${"x;".repeat(2_000_000)}`), code: null },
  ];
}

async function parent(): Promise<number> {
  const { HOSTILE_CASES, slowButLegal } = await import("../test/fixtures/hostile-files");
  const { COLSPAN_BOMB } = await import("../test/fixtures/html/make-html");
  const { buildUnitWorkbook } = await import("../src/domain/sheets");
  const { writeWorkbookXlsx } = await import("../src/io/write");
  const { fillTemplate } = await import("../test/support/fill");
  const template = await writeWorkbookXlsx(buildUnitWorkbook({ unitName: "Đảng ủy xã Bản Bo", place: "Tam Đường", level: "co-so", created: "2021-05-01" }));
  const good = await fillTemplate(template, { indicators: { "1.1": [100, 95] }, dateLine: "Bản Bo, ngày 20 tháng 6 năm 2021" });
  const cases = [
    { name: "ban-bo.xlsx (tệp tốt)", file: "ban-bo.xlsx", make: () => good, code: null as string | null },
    ...HOSTILE_CASES.map((c) => ({ name: c.name, file: c.name, make: c.make, code: c.code })),
    { name: "colspan.xls", file: "colspan.xls", make: () => new TextEncoder().encode(COLSPAN_BOMB), code: null },
    { name: "cham.xlsx (400.000 ô)", file: "cham.xlsx", make: slowButLegal, code: null },
    { name: "dong-chep.csv (20.000 dòng chỉ tiêu)", file: "dong-chep.csv", make: copiedIndicatorRows, code: null },
    ...linearCases(),
  ];
  const dir = mkdtempSync(join(tmpdir(), "hostile-memory-"));
  let failed = 0;
  try {
    console.log("Memory per hostile case (a fresh process each, reading as a reader worker does):");
    console.log(["case", "bytes", "verdict", "ms", "peak RSS MB", "growth MB", "heap MB"].join("\t"));
    for (const c of cases) {
      const bytes = c.make();
      const path = join(dir, c.file);
      writeFileSync(path, bytes);
      const run = spawnSync(process.execPath, ["--expose-gc", "--import", "tsx", __filename, "--case", path, c.file], { encoding: "utf8", timeout: 120_000 });
      const line = run.stdout.trim().split("\n").pop() ?? "";
      let m: Measured;
      try {
        m = JSON.parse(line) as Measured;
      } catch {
        console.log(`${c.name}\tthe reading process failed (status ${run.status}): ${run.stderr.trim().split("\n").slice(-3).join(" ")}`);
        failed++;
        continue;
      }
      const ok = m.code === c.code && m.peakRss < ONE_GB;
      if (!ok) failed++;
      console.log(
        [
          c.name,
          bytes.length,
          m.code ?? "đọc được",
          m.ms.toFixed(0),
          (m.peakRss / MB).toFixed(0),
          (Math.max(0, m.peakRss - m.baseRss) / MB).toFixed(0),
          (m.heapUsed / MB).toFixed(0),
          ok ? "" : `<- expected ${c.code ?? "read"}, under 1 GB`,
        ].join("\t"),
      );
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  return failed === 0 ? 0 : 1;
}

const at = process.argv.indexOf("--case");
if (at >= 0) {
  void child(process.argv[at + 1]!, process.argv[at + 2]!);
} else {
  void parent().then((code) => {
    process.exitCode = code;
  });
}
