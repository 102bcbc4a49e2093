/**
 * Feedback files for real units' files: an .xlsx written by LibreOffice (edited
 * at the package level), an .ods and an .xls (an .xlsx made from the cells as
 * read). Each is opened by openpyxl (Python, `-W error`): a note on every
 * problem cell, the cell shaded, the unit's figures and other cells unchanged,
 * data validations kept, the "Góp ý" sheet listing the issues; and by
 * LibreOffice headless, whose own .xlsx of the file still carries the notes.
 */
import { spawnSync } from "node:child_process";
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { strFromU8, unzipSync } from "fflate";
import { checkFinding, feedbackFile, type FeedbackOutput } from "../../src/app/feedback";
import { checkUnitWorkbook } from "../../src/domain/check";
import { FEEDBACK_SHEET } from "../../src/domain/feedback";
import { TAM_DUONG_UNITS } from "../../src/domain/units";
import { readWorkbook } from "../../src/io/read";
import { writeUnitTemplate } from "../../src/io/write";
import { editPackage } from "../../src/io/write/feedback";
import { planFeedback } from "../../src/domain/feedback";
import { fillTemplate, indicatorRow } from "../support/fill";
import { convertAllWithLibreOffice, PYTHON_OPENPYXL, SOFFICE } from "../support/programs";
import { GOOD_FIGURES } from "../fixtures/official";

const CLOCK = { now: () => new Date(2021, 5, 28, 9, 0) };

interface SheetSeen {
  readonly state: string;
  readonly cells: Record<string, string | number | boolean>;
  readonly notes: Record<string, string>;
  readonly fills: Record<string, string | null>;
  readonly validations: unknown[];
}

const SCRIPT = `
import datetime, json, sys, openpyxl
wb = openpyxl.load_workbook(sys.argv[1])
out = {}
for ws in wb.worksheets:
    cells, notes, fills = {}, {}, {}
    for row in ws.iter_rows():
        for c in row:
            v = c.value
            if v is not None:
                if isinstance(v, (datetime.datetime, datetime.date)):
                    v = v.isoformat()
                elif not isinstance(v, (str, int, float, bool)):
                    v = str(v)
                cells[c.coordinate] = v
            if c.comment is not None:
                notes[c.coordinate] = c.comment.text
                fills[c.coordinate] = c.fill.fgColor.rgb if c.fill is not None and c.fill.fill_type == "solid" else None
    out[ws.title] = {"state": ws.sheet_state, "cells": cells, "notes": notes, "fills": fills,
        "validations": [[str(dv.sqref), dv.type, dv.operator, dv.formula1, dv.formula2, dv.errorStyle] for dv in ws.data_validations.dataValidation]}
json.dump(out, sys.stdout, ensure_ascii=False)
`;

function openpyxl(path: string): Record<string, SheetSeen> {
  const r = spawnSync(PYTHON_OPENPYXL!, ["-W", "error", "-c", SCRIPT, path], { encoding: "utf8", env: { ...process.env, PYTHONIOENCODING: "utf-8" } });
  if (r.status !== 0 || r.stderr.trim() !== "") throw new Error(`openpyxl could not open ${path} cleanly:\n${r.stderr}`);
  return JSON.parse(r.stdout) as Record<string, SheetSeen>;
}

const ready = SOFFICE !== null && PYTHON_OPENPYXL !== null;
const maybe = ready ? describe : describe.skip;

let dir: string;
const made: Record<string, { input: string; output: FeedbackOutput; path: string }> = {};

/** Row (one-based) of an indicator on the Chỉ tiêu sheet. */
const row = (id: string) => indicatorRow(id) + 1;

maybe("feedback files for a unit's .xlsx (LibreOffice), .ods and .xls", () => {
  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), "feedback-"));
    const unit = TAM_DUONG_UNITS[0]!;
    const template = await writeUnitTemplate(unit, { created: "2021-05-01" });
    const figures = Object.fromEntries(Object.entries(GOOD_FIGURES).map(([id, f]) => [id, [f.total, f.achieved] as const]));
    const filled = await fillTemplate(template, {
      indicators: { ...figures, "1.3": [100, 120], "2": ["mười", 1] },
      documents: [{ code: "12-KH/ĐU", date: new Date(Date.UTC(2018, 2, 5)), summary: "Kế hoạch thực hiện Đề án 241", issuer: unit.name }],
      dateLine: "Bản Bo, ngày 20 tháng 6 năm 2021",
    });
    mkdirSync(join(dir, "excel"));
    const original = join(dir, "excel", "Ban Bo.xlsx");
    writeFileSync(original, filled);
    mkdirSync(join(dir, "units"));
    const [xlsx] = convertAllWithLibreOffice([original], "xlsx", join(dir, "units"));
    const [ods] = convertAllWithLibreOffice([original], "ods", join(dir, "units"));
    const [xls] = convertAllWithLibreOffice([original], "xls", join(dir, "units"));
    mkdirSync(join(dir, "out"));
    for (const [kind, input] of [["xlsx", xlsx!], ["ods", ods!], ["xls", xls!]] as const) {
      const output = await feedbackFile({ name: `Ban Bo.${kind}`, bytes: new Uint8Array(readFileSync(input)) }, undefined, CLOCK);
      const path = join(dir, "out", `${kind} - ${output.name}`);
      writeFileSync(path, output.bytes);
      made[kind] = { input, output, path };
    }
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it("names each file after the unit's file and says how it was made", () => {
    expect(made.xlsx!.output.name).toBe("Ban Bo - góp ý.xlsx");
    expect(made.xlsx!.output.method).toBe("package");
    expect(made.ods!.output.name).toBe("Ban Bo - góp ý.xlsx");
    expect(made.ods!.output.method).toBe("converted");
    expect(made.xls!.output.method).toBe("converted");
    for (const m of Object.values(made)) expect(m.output.errors).toBeGreaterThanOrEqual(2);
  });

  it.each(["xlsx", "ods", "xls"])("%s: openpyxl finds a shaded note on each problem cell and the Góp ý sheet", (kind) => {
    const m = made[kind]!;
    const seen = openpyxl(m.path);
    const sheet = seen["Chỉ tiêu"]!;
    // The achieved count over the total (1.3) and the words in a count cell (2) are noted where the unit typed them.
    expect(sheet.notes[`E${row("1.3")}`]).toMatch(/^Lỗi:/);
    expect(sheet.notes[`D${row("2")}`]).toMatch(/^Lỗi:/);
    expect(sheet.fills[`E${row("1.3")}`]).toBe("FFFFC7CE");
    expect(sheet.fills[`D${row("2")}`]).toBe("FFFFC7CE");
    expect(Object.keys(sheet.notes)).toHaveLength(m.output.notes);
    const list = seen[FEEDBACK_SHEET]!;
    expect(list.state).toBe("visible");
    const texts = Object.values(list.cells).filter((v): v is string => typeof v === "string");
    expect(texts).toContain("Mức độ");
    expect(texts).toContain("achieved-exceeds-total");
    expect(texts).toContain("not-a-number");
    expect(texts.filter((t) => t === "Lỗi")).toHaveLength(m.output.errors);
  });

  it("xlsx: every other cell, every sheet and every data validation is as the unit's file had it", () => {
    const before = openpyxl(made.xlsx!.input);
    const after = openpyxl(made.xlsx!.path);
    expect(Object.keys(after)).toEqual([...Object.keys(before), FEEDBACK_SHEET]);
    for (const [name, sheet] of Object.entries(before)) {
      expect(after[name]!.cells).toEqual(sheet.cells);
      expect(after[name]!.state).toBe(sheet.state);
      expect(after[name]!.validations).toEqual(sheet.validations);
    }
    expect(before["Chỉ tiêu"]!.validations.length).toBeGreaterThan(0);
    // Parts the editor has no reason to touch are the same bytes.
    const a = unzipSync(new Uint8Array(readFileSync(made.xlsx!.input)));
    const b = unzipSync(made.xlsx!.output.bytes);
    const untouched = Object.keys(a).filter((p) => !/workbook\.xml|styles\.xml|Content_Types|_rels|worksheets\/sheet/.test(p));
    expect(untouched.length).toBeGreaterThan(0);
    for (const p of untouched) expect(strFromU8(b[p]!)).toBe(strFromU8(a[p]!));
  });

  it.each(["xlsx", "ods", "xls"])("%s: the unit's figures read back unchanged", (kind) => {
    const m = made[kind]!;
    const before = checkUnitWorkbook(readWorkbook(new Uint8Array(readFileSync(m.input)), `x.${kind}`), "x");
    const after = checkUnitWorkbook(readWorkbook(m.output.bytes, "x.xlsx"), "x");
    const figures = (r: typeof before) => Object.fromEntries(Object.entries(r.report.indicators).map(([id, e]) => [id, [e.total, e.achieved, e.cells.total]]));
    expect(figures(after)).toEqual(figures(before));
    expect(after.report.documents.map((d) => [d.codeText, d.date])).toEqual(before.report.documents.map((d) => [d.codeText, d.date]));
    expect(after.report.unit.name).toBe(before.report.unit.name);
  });

  it("LibreOffice opens every feedback file, and its own .xlsx of it keeps the notes", () => {
    mkdirSync(join(dir, "lo"));
    const inputs = Object.entries(made).map(([kind, m]) => {
      const p = join(dir, "out", `lo-${kind}.xlsx`);
      copyFileSync(m.path, p);
      return p;
    });
    const outs = convertAllWithLibreOffice(inputs, "xlsx", join(dir, "lo"));
    for (const out of outs) {
      const seen = openpyxl(out);
      expect(seen[FEEDBACK_SHEET]).toBeDefined();
      expect(seen["Chỉ tiêu"]!.notes[`E${row("1.3")}`]).toMatch(/Lỗi/);
    }
  });
});

describe("the package editor", () => {
  it("adds its notes beside the ones a sheet already has, and no note twice", async () => {
    const unit = TAM_DUONG_UNITS[1]!;
    const bytes = await fillTemplate(await writeUnitTemplate(unit, { created: "2021-05-01" }), { indicators: { "1.3": [100, 120], "2": [-1, 1] } });
    const grid = readWorkbook(bytes, "a.xlsx");
    const finding = checkFinding(grid, "a.xlsx");
    const plan = planFeedback({ file: "a.xlsx", unit: unit.name, issues: finding.issues, sheetNames: grid.sheets.map((s) => s.name), date: "2021-06-28" });
    const once = editPackage(bytes, plan).bytes;
    const twice = editPackage(once, { ...plan, sheet: { ...plan.sheet, name: "Góp ý (2)" } }).bytes;
    const parts = unzipSync(twice);
    const comments = Object.keys(parts).filter((p) => /comments\d*\.xml$/.test(p));
    expect(plan.notes.length).toBeGreaterThanOrEqual(2);
    expect(comments).toHaveLength(1);
    // The second pass found the notes of the first and added none on the same cells.
    for (const p of comments) {
      const refs = [...strFromU8(parts[p]!).matchAll(/<comment ref="([A-Z]+\d+)"/g)].map((m) => m[1]);
      expect(new Set(refs).size).toBe(refs.length);
    }
    expect(strFromU8(parts["xl/workbook.xml"]!)).toContain('name="Góp ý (2)"');
  });
});
