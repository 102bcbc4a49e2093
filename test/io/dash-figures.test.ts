/**
 * A "-" in a figure cell, in every format a unit sends. Typed as text, it means "not reported"
 * (src/domain/values/number.ts: blank, never 0, never an error) in .xlsx, .xls, .ods, a web page
 * and a CSV alike. A 0 that an accounting format shows as "-" is the 0 the workbook holds: the
 * .xlsx, .xls and .ods keep the value, and so does a web page, which keeps it beside the shown
 * dash (LibreOffice's sdval, Excel's x:num); a CSV keeps only the dash, so there it is "not reported".
 * The workbook is written by openpyxl and saved in the other formats by LibreOffice.
 */
import { execFileSync } from "node:child_process";
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { checkFile } from "../../src/app/check";
import { buildUnitWorkbook } from "../../src/domain/sheets";
import { readWorkbook } from "../../src/io/read";
import { writeWorkbookXlsx } from "../../src/io/write";
import { convertAllWithLibreOffice, PYTHON_OPENPYXL, SOFFICE } from "../support/programs";

const withPrograms = SOFFICE && PYTHON_OPENPYXL ? describe : describe.skip;

/** 1.1 "-" and "-" typed; 1.2 120 and "-"; 1.3 0 and 0 under Excel's accounting format (shown "-"); Chỉ tiêu made the first sheet, as a CSV saves it. */
const FILL = `
import sys, openpyxl
wb = openpyxl.load_workbook(sys.argv[1])
ws = wb["Chỉ tiêu"]
rows = {}
for r in range(1, ws.max_row + 1):
    v = ws.cell(r, 1).value
    if v is not None:
        rows.setdefault(str(v).strip(), r)
ws.cell(rows["1.1"], 4).value = "-"
ws.cell(rows["1.1"], 5).value = "-"
ws.cell(rows["1.2"], 4).value = 120
ws.cell(rows["1.2"], 5).value = "-"
accounting = '_(* #,##0_);_(* (#,##0);_(* "-"_);_(@_)'
for c in (4, 5):
    ws.cell(rows["1.3"], c).value = 0
    ws.cell(rows["1.3"], c).number_format = accounting
wb.move_sheet("Chỉ tiêu", offset=-wb.sheetnames.index("Chỉ tiêu"))
wb.save(sys.argv[2])
`;

withPrograms("a dash in a figure cell, in every format", () => {
  const dir = mkdtempSync(join(tmpdir(), "dash-figures-"));
  const files = new Map<string, string>();

  beforeAll(async () => {
    const template = join(dir, "template.xlsx");
    writeFileSync(template, await writeWorkbookXlsx(buildUnitWorkbook({ unitName: "Đảng ủy xã Bản Bo", place: "Bản Bo", level: "co-so", created: "2021-05-01" })));
    const xlsx = join(dir, "ban-bo.xlsx");
    execFileSync(PYTHON_OPENPYXL!, ["-c", FILL, template, xlsx], { stdio: "pipe" });
    files.set("xlsx", xlsx);
    const [xls] = convertAllWithLibreOffice([xlsx], "xls", dir);
    const [ods] = convertAllWithLibreOffice([xlsx], "ods", dir);
    const [html] = convertAllWithLibreOffice([xlsx], "html:HTML (StarCalc)", dir);
    const [csv] = convertAllWithLibreOffice([xlsx], "csv:Text - txt - csv (StarCalc):44,34,76,1", dir);
    files.set("xls", xls!).set("ods", ods!).set("html", html!).set("csv", csv!);
  }, 300_000);

  const figures = (format: string) => {
    const path = files.get(format)!;
    const name = `ban-bo.${format}`;
    const check = checkFile({ name, bytes: new Uint8Array(readFileSync(path)) });
    const of = (id: string) => {
      const r = check.results.find((x) => x.id === id)!;
      return [r.total, r.achieved];
    };
    return { "1.1": of("1.1"), "1.2": of("1.2"), "1.3": of("1.3"), errors: check.report.issues.filter((i) => i.severity === "error").map((i) => i.rule) };
  };

  it.each(["xlsx", "xls", "ods", "html"])("%s: a typed dash is not reported, the accounting format's dash is its 0", (format) => {
    expect(figures(format)).toEqual({ "1.1": [null, null], "1.2": [120, null], "1.3": [0, 0], errors: [] });
  });

  it("csv: a typed dash is not reported; the accounting format's 0 is saved as its dash alone, and read as one", () => {
    expect(readFileSync(files.get("csv")!, "utf8")).toMatch(/"1\.3",.*" - "," - "/);
    expect(figures("csv")).toEqual({ "1.1": [null, null], "1.2": [120, null], "1.3": [null, null], errors: [] });
  });

  it("a web page's cell shown as a dash with Excel's x:num is its number; a dash without a value stays not reported", () => {
    const page = `<table><tr><td x:num="0"> - </td><td>-</td><td sdval="0" sdnum="1033;0;#,##0">5</td></tr></table>`;
    const row = readWorkbook(new TextEncoder().encode(page), "trang.xls").sheets[0]!.rows[0]!;
    expect(row.map((c) => c?.v)).toEqual([0, "-", "5"]);
  });
});
