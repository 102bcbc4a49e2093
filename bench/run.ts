/**
 * npm run bench [-- --files N]
 *
 * Generates N template-shaped unit workbooks (default 500, about a
 * province's grassroots units), then times, on the same files in the same run:
 *  - the floor: unzip plus an XML parse of the parts a reader needs
 *    (workbook, shared strings, worksheets), nothing else;
 *  - the merge end to end: guarded read of every file, reading each report by
 *    meaning with its checks, merging, and writing the summary .xlsx.
 * Prints ms per file, peak memory, and last the line
 * `merge: A ms/file, floor: B ms/file, ratio: R`.
 */
import { performance } from "node:perf_hooks";
import { unzipSync, strFromU8 } from "fflate";
import { SaxesParser } from "saxes";
import { readSources } from "../src/app/read-files";
import { summarise } from "../src/app/summarise";
import { INDICATORS } from "../src/domain/catalogue";
import { buildUnitWorkbook } from "../src/domain/sheets";
import type { Unit } from "../src/domain/units";
import { writeWorkbookXlsx } from "../src/io/write";
import { fillTemplate } from "../test/support/fill";

function arg(name: string, fallback: number): number {
  const i = process.argv.indexOf(`--${name}`);
  const v = i >= 0 ? Number(process.argv[i + 1]) : fallback;
  if (!Number.isInteger(v) || v <= 0) throw new Error(`--${name} takes a positive whole number`);
  return v;
}

function mb(bytes: number): string {
  return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
}

let peak = 0;
const sampler = setInterval(() => {
  peak = Math.max(peak, process.memoryUsage().rss);
}, 5);

function floor(files: readonly { bytes: Uint8Array }[]): void {
  for (const f of files) {
    const entries = unzipSync(f.bytes, {
      filter: (e) => /^xl\/(workbook|sharedStrings)\.xml$|^xl\/worksheets\/[^/]+\.xml$/.test(e.name),
    });
    for (const data of Object.values(entries)) {
      const parser = new SaxesParser();
      let n = 0;
      parser.on("opentag", () => n++);
      parser.write(strFromU8(data)).close();
      if (n === 0) throw new Error("empty part");
    }
  }
}

async function main(): Promise<void> {
  const n = arg("files", 500);
  process.stdout.write(`Generating ${n} unit workbooks…\n`);
  const units: Unit[] = Array.from({ length: n }, (_, i) => ({ name: `Chi bộ số ${i + 1}`, level: "co-so" }));
  const files: { name: string; bytes: Uint8Array }[] = [];
  for (const [i, unit] of units.entries()) {
    const indicators = Object.fromEntries(INDICATORS.map((ind, k) => [ind.id, [100 + ((i + k) % 50), 90 + ((i * k) % 10)] as const]));
    const t = await writeWorkbookXlsx(buildUnitWorkbook({ unitName: unit.name, place: "Tam Đường", level: "co-so", created: "2021-05-01" }));
    files.push({
      name: `don-vi-${i + 1}.xlsx`,
      bytes: await fillTemplate(t, {
        indicators,
        documents: [{ code: `${i + 1}-KH/ĐU`, date: new Date(Date.UTC(2018, i % 12, 1 + (i % 27))), summary: "Kế hoạch thực hiện Đề án 241", issuer: unit.name }],
        dateLine: "Tam Đường, ngày 20 tháng 6 năm 2021",
      }),
    });
  }
  const totalBytes = files.reduce((s, f) => s + f.bytes.length, 0);
  process.stdout.write(`${n} files, ${mb(totalBytes)} in all (${(totalBytes / n / 1024).toFixed(1)} KB each)\n`);

  // Warm up both paths on a few files so the JIT is fair to each.
  floor(files.slice(0, 10));
  await readSources(files.slice(0, 10));

  global.gc?.();
  const baseRss = process.memoryUsage().rss;
  peak = baseRss;
  const f0 = performance.now();
  floor(files);
  const floorMs = (performance.now() - f0) / n;
  const floorPeak = peak;

  global.gc?.();
  peak = process.memoryUsage().rss;
  const m0 = performance.now();
  const heapBefore = process.memoryUsage().heapUsed;
  const sources = await readSources(files.slice(0, Math.floor(n / 2)));
  global.gc?.();
  const heapHalf = process.memoryUsage().heapUsed;
  sources.push(...(await readSources(files.slice(Math.floor(n / 2)))));
  const m1 = performance.now();
  global.gc?.();
  const heapAll = process.memoryUsage().heapUsed;
  const run = summarise(sources, { units }, { unitName: "Huyện ủy Tam Đường", superior: "ĐẢNG BỘ TỈNH LAI CHÂU", place: "Tam Đường", level: "huyen", date: "2021-07-01" });
  const m2 = performance.now();
  const out = await writeWorkbookXlsx(run.layout);
  const m3 = performance.now();
  const mergeMs = (performance.now() - m0) / n;
  const mergePeak = peak;
  clearInterval(sampler);

  const merged = run.summary.files.filter((f) => f.status === "merged").length;
  if (merged !== n) throw new Error(`only ${merged} of ${n} files merged`);
  process.stdout.write(
    [
      `floor (unzip + XML parse): ${floorMs.toFixed(3)} ms/file, peak RSS ${mb(floorPeak)}`,
      `  of which reading and checking ${((m1 - m0) / n).toFixed(3)}, merging and laying out ${((m2 - m1) / n).toFixed(3)}, writing the summary ${((m3 - m2) / n).toFixed(3)} ms/file`,
      `merge (read, check, merge, write ${mb(out.length)} summary): ${mergeMs.toFixed(3)} ms/file, peak RSS ${mb(mergePeak)} (input ${mb(totalBytes)}, start ${mb(baseRss)})`,
      `retained after reading (what the summary needs): ${mb(heapHalf - heapBefore)} for ${Math.floor(n / 2)} files, ${mb(heapAll - heapBefore)} for ${n} (${((heapAll - heapBefore) / n / 1024).toFixed(1)} KB per ${(totalBytes / n / 1024).toFixed(1)} KB file)${global.gc ? "" : " [run with --expose-gc for exact figures]"}`,
      `merge: ${mergeMs.toFixed(2)} ms/file, floor: ${floorMs.toFixed(2)} ms/file, ratio: ${(mergeMs / floorMs).toFixed(2)}`,
    ].join("\n") + "\n",
  );
}

main().catch((error: unknown) => {
  clearInterval(sampler);
  process.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exitCode = 1;
});
