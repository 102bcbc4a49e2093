/**
 * A unit's report typed from scratch with openpyxl (python3-openpyxl), as units' own scripts and
 * programs write one: a sheet of plain rows (texts and numbers), each appended in turn, no styles.
 */
import { execFileSync } from "node:child_process";
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { PYTHON_OPENPYXL } from "./programs";

const WRITE = `
import json, sys
from openpyxl import Workbook
spec = json.load(open(sys.argv[1], encoding="utf-8"))
wb = Workbook()
ws = wb.active
ws.title = spec["sheet"]
for row in spec["rows"]:
    ws.append(row)
wb.save(sys.argv[2])
`;

/** Writes `rows` (null for an empty cell) to `dir/name` as one sheet named `sheet`; returns the file's bytes. */
export function writeRowsWithOpenpyxl(dir: string, name: string, sheet: string, rows: readonly (readonly (string | number | null)[])[]): Uint8Array {
  if (!PYTHON_OPENPYXL) throw new Error("Python with openpyxl is not available");
  const spec = join(dir, `${name}.json`);
  const out = join(dir, name);
  writeFileSync(spec, JSON.stringify({ sheet, rows }), "utf8");
  execFileSync(PYTHON_OPENPYXL, ["-c", WRITE, spec, out], { stdio: "pipe", env: { ...process.env, PYTHONIOENCODING: "utf-8" } });
  return new Uint8Array(readFileSync(out));
}
