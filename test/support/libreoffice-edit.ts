/**
 * Editing a workbook in LibreOffice as a unit's clerk does it by hand (rows and columns inserted
 * or deleted, cells typed, merged, sheets renamed), then saving it in the format asked for, with
 * LibreOffice's own filters: a Basic macro run headless in a fresh profile. Needs SOFFICE.
 */
import { execFileSync, spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { SOFFICE } from "./programs";

/** One edit; sheets by their zero-based index, rows and columns one-based as the clerk sees them. */
export type LibreOfficeEdit =
  | { readonly op: "insertRows" | "deleteRows"; readonly sheet: number; readonly row: number; readonly count: number }
  | { readonly op: "insertColumns" | "deleteColumns"; readonly sheet: number; readonly column: number; readonly count: number }
  /** A text typed as it is (never turned into a number or a date); "\n" is a line break in the cell (Ctrl+Enter). */
  | { readonly op: "text"; readonly sheet: number; readonly cell: string; readonly text: string }
  /** What is typed in the cell's input line: a number, or a formula ("=SUM(E11:I11)"). */
  | { readonly op: "enter"; readonly sheet: number; readonly cell: string; readonly input: string }
  | { readonly op: "merge"; readonly sheet: number; readonly range: string }
  | { readonly op: "renameSheet"; readonly sheet: number; readonly name: string }
  /** The sheet deleted (a hidden one too, as a clerk does after showing it). */
  | { readonly op: "removeSheet"; readonly sheet: number }
  /** The sheet copied to a new sheet named `name`, placed right after it (Sheet ▸ Move or Copy Sheet…, Copy). */
  | { readonly op: "copySheet"; readonly sheet: number; readonly name: string };

/** LibreOffice's filter names of the formats the tests save in. */
export const LIBREOFFICE_FILTER = { xlsx: "Calc MS Excel 2007 XML", xls: "MS Excel 97", ods: "calc8" } as const;

const MODULE = `<?xml version="1.0" encoding="UTF-8"?>
<!DOCTYPE script:module PUBLIC "-//OpenOffice.org//DTD OfficeDocument 1.0//EN" "module.dtd">
<script:module xmlns:script="http://openoffice.org/2000/script" script:name="Module1" script:language="StarBasic">
Sub Edit(inPath As String, outPath As String, filterName As String, opsPath As String)
  Dim sfa As Object, tis As Object, p As Variant, doc As Object, sh As Object
  Dim args(0) As New com.sun.star.beans.PropertyValue
  args(0).Name = "Hidden" : args(0).Value = True
  doc = StarDesktop.loadComponentFromURL(ConvertToURL(inPath), "_blank", 0, args())
  sfa = createUnoService("com.sun.star.ucb.SimpleFileAccess")
  tis = createUnoService("com.sun.star.io.TextInputStream")
  tis.setInputStream(sfa.openFileRead(ConvertToURL(opsPath)))
  tis.setEncoding("UTF-8")
  Do While Not tis.isEOF()
    p = Split(tis.readLine(), Chr(9))
    If UBound(p) &gt;= 1 Then
      sh = doc.Sheets.getByIndex(CLng(p(1)))
      sh.unprotect("")
      Select Case p(0)
        Case "insertRows" : sh.Rows.insertByIndex(CLng(p(2)) - 1, CLng(p(3)))
        Case "deleteRows" : sh.Rows.removeByIndex(CLng(p(2)) - 1, CLng(p(3)))
        Case "insertColumns" : sh.Columns.insertByIndex(CLng(p(2)) - 1, CLng(p(3)))
        Case "deleteColumns" : sh.Columns.removeByIndex(CLng(p(2)) - 1, CLng(p(3)))
        Case "text" : sh.getCellRangeByName(p(2)).setString(Replace(p(3), Chr(9252), Chr(10)))
        Case "enter" : sh.getCellRangeByName(p(2)).setFormula(p(3))
        Case "merge" : sh.getCellRangeByName(p(2)).merge(True)
        Case "renameSheet" : sh.Name = p(2)
        Case "removeSheet" : doc.Sheets.removeByName(sh.Name)
        Case "copySheet" : doc.Sheets.copyByName(sh.Name, p(2), CLng(p(1)) + 1)
      End Select
    End If
  Loop
  tis.closeInput()
  doc.calculateAll()
  Dim save(1) As New com.sun.star.beans.PropertyValue
  save(0).Name = "FilterName" : save(0).Value = filterName
  save(1).Name = "Overwrite" : save(1).Value = True
  doc.storeToURL(ConvertToURL(outPath), save())
  doc.close(True)
End Sub
</script:module>
`;

function line(e: LibreOfficeEdit): string {
  switch (e.op) {
    case "insertRows":
    case "deleteRows":
      return [e.op, e.sheet, e.row, e.count].join("\t");
    case "insertColumns":
    case "deleteColumns":
      return [e.op, e.sheet, e.column, e.count].join("\t");
    case "text":
      // A line break inside the cell travels as U+2424 (the ops file is one edit a line); the macro types it back.
      return [e.op, e.sheet, e.cell, e.text.replace(/\n/g, "\u2424")].join("\t");
    case "enter":
      return [e.op, e.sheet, e.cell, e.input].join("\t");
    case "merge":
      return [e.op, e.sheet, e.range].join("\t");
    case "renameSheet":
      return [e.op, e.sheet, e.name].join("\t");
    case "removeSheet":
      return [e.op, e.sheet, ""].join("\t");
    case "copySheet":
      return [e.op, e.sheet, e.name].join("\t");
  }
}

/**
 * Opens `input` in LibreOffice, makes the edits in order, recalculates, and saves it to `output`
 * with the filter of `format`. Throws when LibreOffice wrote nothing (a failed macro).
 */
export function editWithLibreOffice(input: string, output: string, format: keyof typeof LIBREOFFICE_FILTER, edits: readonly LibreOfficeEdit[]): string {
  if (!SOFFICE) throw new Error("LibreOffice is not available");
  for (const e of edits) {
    // A text may hold line breaks (typed back by the macro); nothing may hold tabs, carriage returns or quotes.
    const held = Object.entries(e).map(([key, v]) => (key === "text" && typeof v === "string" ? v.replace(/\n/g, "") : v));
    if (held.some((v) => typeof v === "string" && /[\t\r\n"]/.test(v))) throw new Error(`an edit may not hold tabs, line breaks (but in a text) or quotes: ${line(e)}`);
  }
  const profile = mkdtempSync(join(tmpdir(), "lo-edit-"));
  const env = `-env:UserInstallation=file://${profile}`;
  try {
    // A first start makes the profile, with its Standard library, where the macro then goes.
    execFileSync(SOFFICE, [env, "--headless", "--norestore", "--terminate_after_init"], { stdio: "pipe", timeout: 120_000 });
    writeFileSync(join(profile, "user", "basic", "Standard", "Module1.xba"), MODULE);
    const ops = join(profile, "edits.txt");
    writeFileSync(ops, `${edits.map(line).join("\n")}\nend\n`);
    const call = `macro:///Standard.Module1.Edit("${input}","${output}","${LIBREOFFICE_FILTER[format]}","${ops}")`;
    // A macro that fails waits on a dialog no one sees: the time limit ends it, and the missing file says so.
    execFileSync(SOFFICE, [env, "--headless", "--norestore", call], { stdio: "pipe", timeout: 120_000, killSignal: "SIGKILL" });
  } finally {
    // The time limit ends the program started (a script), not LibreOffice's own process under it: that
    // one is found by its profile, which no other LibreOffice uses, and ended too.
    spawnSync("pkill", ["-KILL", "-f", `UserInstallation=file://${profile}`], { stdio: "ignore" });
    rmSync(profile, { recursive: true, force: true });
  }
  if (!existsSync(output)) throw new Error(`LibreOffice did not save ${output}: an edit failed`);
  return output;
}
