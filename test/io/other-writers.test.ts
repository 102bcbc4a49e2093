/**
 * Unit reports written by the programs web systems and scripts write spreadsheets with, not by this
 * project's writer: XlsxWriter (Python; as is, and streaming with inline strings and figures written
 * as the text a web page shows) and Spreadsheet::WriteExcel (Perl; an Excel 97-2003 .xls). Each
 * writes the official tables under a Party report's header block, with the title merged across the
 * table, Tỷ lệ and three Tổng số as formulas (whose stored results the writers leave at 0) and the
 * documents' dates as dates; the figures, documents, unit and date must read as written, in the
 * merge as in validate.
 */
import { execFileSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { readSource } from "../../src/app/sources";
import { summarise } from "../../src/app/summarise";
import { DOCUMENTS_TABLE, INDICATORS_TABLE } from "../../src/domain/catalogue";
import { columnLetters } from "../../src/domain/model/grid";
import { DOCUMENT_HEADER, GOOD_FIGURES, goodFigures, headerBlock, indicatorBody, INDICATOR_HEADER } from "../fixtures/official";
import { requireProgram } from "../support/programs";

const HERE = join(__dirname, "..", "fixtures", "writers");

/** Debian's Python with XlsxWriter (python3-xlsxwriter), or null with the reason printed (a failure under CI). */
const PYTHON = ((): string | null => {
  const python = requireProgram(["/usr/bin/python3"], "Python 3 with XlsxWriter (Debian: python3-xlsxwriter)");
  if (!python) return null;
  try {
    execFileSync(python, ["-c", "import xlsxwriter"], { stdio: "pipe" });
    return python;
  } catch {
    return requireProgram([], "XlsxWriter for /usr/bin/python3 (Debian: python3-xlsxwriter)");
  }
})();

/** Perl with Spreadsheet::WriteExcel (libspreadsheet-writeexcel-perl), or null as above. */
const PERL = ((): string | null => {
  const perl = requireProgram(["/usr/bin/perl"], "Perl with Spreadsheet::WriteExcel (Debian: libspreadsheet-writeexcel-perl)");
  if (!perl) return null;
  try {
    execFileSync(perl, ["-MSpreadsheet::WriteExcel", "-e", "1"], { stdio: "pipe" });
    return perl;
  } catch {
    return requireProgram([], "Spreadsheet::WriteExcel for /usr/bin/perl (Debian: libspreadsheet-writeexcel-perl)");
  }
})();

type Cell = string | number | null | { f: string } | { date: string; format?: string };

/** A unit's two tables as a writer is given them: header block, merged title, header, body. */
function report(unit: string): { sheets: { name: string; rows: Cell[][]; merges: string[] }[] } {
  const block = headerBlock(unit) as Cell[][];
  const last = columnLetters(INDICATOR_HEADER.length - 1);
  const top = block.length + 2; // 1-based row of the indicator header
  const rows = indicatorBody(goodFigures());
  const households = top + 1 + rows.findIndex((row) => row[0] === "1.3");
  const body = rows.map((row, i): Cell[] => {
    const r = top + 1 + i;
    const [stt, text, dvt, total, achieved] = row as Cell[];
    // The households counted once (1.3) and the other household rows' Tổng số a formula pointing
    // there, as a generated report writes it; the writers store 0 as its result, never the 2,350.
    const sameHouseholds = stt === "3.1" || stt === "3.2" || stt === "4.1";
    // Tỷ lệ as the template's formula, on the indicator rows (a group row has no unit of measure).
    return [
      stt ?? null,
      text ?? null,
      dvt ?? null,
      sameHouseholds ? { f: `=D${households}` } : (total ?? null),
      achieved ?? null,
      dvt ? { f: `=IF(D${r}>0,ROUND(E${r}/D${r}*100,2),"")` } : null,
    ];
  });
  const docs: Cell[][] = [
    [1, "15-NQ/ĐU", { date: "2016-10-12" }, "Nghị quyết về nâng cao chất lượng công tác tư tưởng", "Đảng ủy xã"],
    [2, "Số 22-KH/ĐU", { date: "2017-03-07", format: "d/m/yyyy" }, "Kế hoạch thực hiện Đề án 241 năm 2017", "Đảng ủy xã"],
    [3, "27/KH-UBND", "15/01/2018", "Kế hoạch tuyên truyền năm 2018", "UBND xã"],
  ];
  const docLast = columnLetters(DOCUMENT_HEADER.length - 1);
  return {
    sheets: [
      {
        name: INDICATORS_TABLE.sheetName,
        rows: [...block, [INDICATORS_TABLE.title], [...INDICATOR_HEADER], ...body],
        merges: [`A${block.length + 1}:${last}${block.length + 1}`],
      },
      {
        name: DOCUMENTS_TABLE.sheetName,
        rows: [...block, [DOCUMENTS_TABLE.title], [...DOCUMENT_HEADER], ...docs],
        merges: [`A${block.length + 1}:${docLast}${block.length + 1}`],
      },
    ],
  };
}

const WRITERS = [
  { name: "XlsxWriter", program: () => PYTHON, script: "write-xlsxwriter.py", ext: "xlsx", options: {} },
  { name: "XlsxWriter, streamed, figures as text", program: () => PYTHON, script: "write-xlsxwriter.py", ext: "xlsx", options: { constant_memory: true, text_figures: true } },
  { name: "Spreadsheet::WriteExcel", program: () => PERL, script: "write-writeexcel.pl", ext: "xls", options: {} },
] as const;

describe("unit reports written by other programs", () => {
  let dir: string;
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), "other-writers-"));
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  function write(writer: (typeof WRITERS)[number], unit: string, name: string): Uint8Array {
    const out = join(dir, `${name}.${writer.ext}`);
    execFileSync(writer.program()!, [join(HERE, writer.script), out], { input: JSON.stringify({ ...report(unit), options: writer.options }), stdio: ["pipe", "pipe", "pipe"] });
    return new Uint8Array(readFileSync(out));
  }

  for (const [k, writer] of WRITERS.entries()) {
    const run = writer.program() ? it : it.skip;
    run(`${writer.name}: figures, ratios, documents, unit and date read as written`, async () => {
      const name = `ban-giang-${k}`;
      const source = await readSource({ name: `${name}.${writer.ext}`, bytes: write(writer, "ĐẢNG ỦY XÃ BẢN GIANG", name) });
      expect(source.error).toBeUndefined();
      const report = source.report!;
      expect(report.unit).toEqual({ name: "ĐẢNG ỦY XÃ BẢN GIANG", source: "header" });
      expect(report.reportDate).toBe("2021-06-05");
      for (const [id, f] of Object.entries(GOOD_FIGURES)) {
        expect([id, report.indicators[id]?.total, report.indicators[id]?.achieved]).toEqual([id, f.total, f.achieved]);
      }
      // The stored result of Tỷ lệ (0 until a spreadsheet program recalculates) is not taken for a typed ratio.
      expect(report.indicators["1.2"]?.typedRatio ?? null).toBeNull();
      expect(report.documents.map((d) => [d.codeText, d.date])).toEqual([
        ["15-NQ/ĐU", "2016-10-12"],
        ["Số 22-KH/ĐU", "2017-03-07"],
        ["27/KH-UBND", "2018-01-15"],
      ]);
      expect(report.issues.filter((i) => i.severity === "error")).toEqual([]);
    });
  }

  const all = WRITERS.every((w) => w.program()) ? it : it.skip;
  all("merged together, each unit counted once and the totals added", async () => {
    const units = ["ĐẢNG ỦY XÃ BẢN GIANG", "ĐẢNG ỦY XÃ NÙNG NÀNG", "ĐẢNG ỦY XÃ BẢN HON"];
    const sources = await Promise.all(
      WRITERS.map(async (writer, k) => readSource({ name: `don-vi-${k}.${writer.ext}`, bytes: write(writer, units[k]!, `don-vi-${k}`) })),
    );
    const run = summarise(sources, { units: units.map((name) => ({ name, level: "co-so" as const })) }, { unitName: "Huyện ủy Tam Đường", superior: "ĐẢNG BỘ TỈNH LAI CHÂU", place: "Tam Đường", level: "huyen", date: "2021-07-01" });
    expect(run.summary.files.map((f) => f.status)).toEqual(["merged", "merged", "merged"]);
    expect(run.summary.missing).toEqual([]);
    expect(run.summary.indicators.find((i) => i.id === "1.2")).toMatchObject({ total: 3 * GOOD_FIGURES["1.2"]!.total, achieved: 3 * GOOD_FIGURES["1.2"]!.achieved });
  });
});
