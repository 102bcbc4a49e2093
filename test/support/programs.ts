/**
 * Finding the external programs some tests need (LibreOffice, Chromium, Python with openpyxl).
 * Under CI=true a missing program fails the test run loudly; elsewhere the
 * tests that need it are skipped with a printed reason.
 */
import { execFileSync, spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { basename, extname, join } from "node:path";

function which(name: string): string | null {
  const r = spawnSync("sh", ["-c", `command -v ${name}`], { encoding: "utf8" });
  const path = r.stdout.trim();
  return r.status === 0 && path !== "" ? path : null;
}

/** Path of the program, or null (and a printed reason) when it is missing outside CI. Throws under CI. */
export function requireProgram(candidates: readonly string[], why: string): string | null {
  for (const c of candidates) {
    const p = c.startsWith("/") ? (existsSync(c) ? c : null) : which(c);
    if (p) return p;
  }
  return missing(`${candidates.join(" or ")} not found: ${why}`);
}

/** Under CI=true, throws; elsewhere prints why the tests that need it are skipped. */
function missing(message: string): null {
  if (process.env.CI === "true") throw new Error(`${message}. .ci/run installs it; CI requires it.`);
  console.warn(`Skipping: ${message}`);
  return null;
}

export const SOFFICE = requireProgram(["soffice", "libreoffice"], "LibreOffice headless (Debian: libreoffice-calc-nogui)");

/** Gnumeric's converter: another spreadsheet program's writers (its Excel 95 .xls, its CSV, its .ods). */
export const SSCONVERT = requireProgram(["ssconvert"], "Gnumeric's converter, which writes .xls (Excel 95 too), .ods and CSV as Gnumeric does (Debian: gnumeric)");

/**
 * Converts a file with LibreOffice headless to `format` ("xls", "ods", "xlsx", "pdf", "csv:…")
 * in a fresh profile (so parallel tests do not collide). Returns the output path.
 */
export function convertWithLibreOffice(input: string, format: string, outDir: string): string {
  return convertAllWithLibreOffice([input], format, outDir)[0]!;
}

/**
 * Converts several files in one LibreOffice run (one start-up for all), as convertWithLibreOffice
 * does one. The inputs' names must differ. Returns the output paths, in the order of the inputs.
 */
export function convertAllWithLibreOffice(inputs: readonly string[], format: string, outDir: string): string[] {
  if (!SOFFICE) throw new Error("LibreOffice is not available");
  const profile = mkdtempSync(join(tmpdir(), "lo-profile-"));
  try {
    execFileSync(
      SOFFICE,
      [
        `-env:UserInstallation=file://${profile}`,
        "--headless",
        "--norestore",
        "--convert-to",
        format,
        "--outdir",
        outDir,
        ...inputs,
      ],
      { stdio: "pipe", timeout: 120_000 * inputs.length },
    );
  } finally {
    rmSync(profile, { recursive: true, force: true });
  }
  const ext = format.split(":")[0]!;
  return inputs.map((input) => {
    const expected = join(outDir, `${basename(input, extname(input))}.${ext}`);
    if (!existsSync(expected)) {
      throw new Error(`LibreOffice did not write ${expected}; folder has: ${readdirSync(outDir).join(", ")}`);
    }
    return expected;
  });
}

/**
 * Debian's Python 3 when it has openpyxl (python3-openpyxl), or null (and a printed reason) when
 * either is missing outside CI. Throws under CI. openpyxl is a strict reader: it refuses a value
 * outside the schema's enumerations, or a number it cannot read, that more lenient programs take.
 */
export const PYTHON_OPENPYXL = ((): string | null => {
  const python = requireProgram(["/usr/bin/python3"], "a strict .xlsx reader (Debian: python3-openpyxl)");
  if (!python) return null;
  const r = spawnSync(python, ["-c", "import openpyxl"], { encoding: "utf8" });
  if (r.status !== 0) return missing(`openpyxl not found for ${python}: a strict .xlsx reader (Debian: python3-openpyxl)`);
  return python;
})();

/** What openpyxl reads from one sheet. */
export interface OpenpyxlSheet {
  readonly name: string;
  /** "visible", "hidden" or "veryHidden". */
  readonly state: string;
  readonly dataValidations: ReadonlyArray<{
    sqref: string;
    type: string | null;
    operator: string | null;
    errorStyle: string | null;
    promptTitle: string | null;
    prompt: string | null;
    errorTitle: string | null;
    error: string | null;
  }>;
  readonly conditionalFormats: number;
  readonly protected: boolean;
  readonly orientation: string | null;
  readonly paperSize: number | null;
  /** Every cell with a value: number, text, boolean, or a date as ISO text. */
  readonly cells: Readonly<Record<string, string | number | boolean>>;
}

/** Loads with openpyxl, iterating every cell, under `-W error`: any warning fails. */
const OPENPYXL_SCRIPT = `
import datetime, json, sys, openpyxl
wb = openpyxl.load_workbook(sys.argv[1])
out = []
for ws in wb.worksheets:
    cells = {}
    for row in ws.iter_rows():
        for c in row:
            v = c.value
            if v is None:
                continue
            if isinstance(v, (datetime.datetime, datetime.date, datetime.time)):
                v = v.isoformat()
            elif not isinstance(v, (str, int, float, bool)):
                v = str(v)
            cells[c.coordinate] = v
    out.append({
        "name": ws.title,
        "state": ws.sheet_state,
        "dataValidations": [
            {"sqref": str(dv.sqref), "type": dv.type, "operator": dv.operator, "errorStyle": dv.errorStyle,
             "promptTitle": dv.promptTitle, "prompt": dv.prompt, "errorTitle": dv.errorTitle, "error": dv.error}
            for dv in ws.data_validations.dataValidation
        ],
        "conditionalFormats": sum(len(cf.rules) for cf in ws.conditional_formatting),
        "protected": bool(ws.protection.sheet),
        "orientation": ws.page_setup.orientation,
        "paperSize": None if ws.page_setup.paperSize is None else int(ws.page_setup.paperSize),
        "cells": cells,
    })
json.dump(out, sys.stdout, ensure_ascii=False)
`;

/**
 * Opens an .xlsx file (a path, or the bytes) with openpyxl in Python run with `-W error`, so a
 * warning about an unknown or invalid value fails as an error does. Throws with Python's message.
 */
export function readWithOpenpyxl(file: string | Uint8Array): OpenpyxlSheet[] {
  if (!PYTHON_OPENPYXL) throw new Error("Python with openpyxl is not available");
  let path = typeof file === "string" ? file : "";
  const dir = typeof file === "string" ? undefined : mkdtempSync(join(tmpdir(), "openpyxl-"));
  try {
    if (dir) {
      path = join(dir, "book.xlsx");
      writeFileSync(path, file);
    }
    const r = spawnSync(PYTHON_OPENPYXL, ["-W", "error", "-c", OPENPYXL_SCRIPT, path], {
      encoding: "utf8",
      maxBuffer: 256 * 1024 * 1024,
      timeout: 120_000,
      env: { ...process.env, PYTHONIOENCODING: "utf-8" },
    });
    if (r.error) throw r.error;
    if (r.status !== 0 || r.stderr.trim() !== "") {
      throw new Error(`openpyxl could not open ${typeof file === "string" ? file : "the file"} cleanly (exit ${r.status}):\n${r.stderr.trim()}`);
    }
    return JSON.parse(r.stdout) as OpenpyxlSheet[];
  } finally {
    if (dir) rmSync(dir, { recursive: true, force: true });
  }
}
