/**
 * FileUseCases on the main thread (no Worker in Node): real sample
 * workbooks, a corrupt file, progress, cancelling, and results that survive
 * structured cloning (what the worker posts back).
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { unzipSync } from "fflate";
import * as XLSX from "@e965/xlsx";
import { Cancelled, FileReadError, fileUseCases, readUnitsList } from "../../src/app/files";
import { SAMPLE_FILES, SAMPLE_WITH_ERROR } from "../../src/app/sample";
import type { Progress } from "../../src/app/usecases";
import { DEADLINES, PROGRAMME } from "../../src/domain/catalogue";
import { TAM_DUONG_UNITS, unitFileName } from "../../src/domain/units";
import { REPO } from "../support/build";

const sample = (name: string) => ({ name, bytes: new Uint8Array(readFileSync(join(REPO, "assets/samples", name))) });
const LAYOUT = { unitName: PROGRAMME.letter.issuer, superior: PROGRAMME.letter.superior, place: PROGRAMME.letter.place, level: "huyen" as const, date: "2021-06-26" };

describe("fileUseCases (read in this thread)", () => {
  const files = fileUseCases();

  it("reads files one by one with progress; a corrupt file becomes a source with its reason; sources survive structured cloning", async () => {
    const inputs = [sample("Dang-uy-xa-Ban-Bo.xlsx"), { name: "hong.xlsx", bytes: new Uint8Array([0x50, 0x4b, 3, 4, 9, 9, 9]) }, sample(SAMPLE_WITH_ERROR)];
    const progress: Progress[] = [];
    const sources = await files.readFiles(inputs, (p) => progress.push(p));
    expect(progress.map((p) => `${p.done}/${p.total} ${p.item}`)).toEqual([
      "0/3 Dang-uy-xa-Ban-Bo.xlsx",
      "1/3 hong.xlsx",
      `2/3 ${SAMPLE_WITH_ERROR}`,
      `3/3 ${SAMPLE_WITH_ERROR}`,
    ]);
    expect(sources.map((s) => s.file)).toEqual(inputs.map((f) => f.name));
    expect(sources[1]!.error?.message).toContain("hong.xlsx");
    expect(sources[0]!.report?.unit.name).toBe("Đảng ủy xã Bản Bo");
    expect(structuredClone(sources)).toEqual(sources);

    const run = await files.summarise(sources, { units: TAM_DUONG_UNITS, deadline: DEADLINES.sendToDistrict }, LAYOUT);
    expect(run.summary.files.map((f) => f.status)).toEqual(["merged", "rejected", "merged"]);
    const xlsx = await files.writeXlsx(run.layout);
    const wb = XLSX.read(xlsx, { type: "array" });
    expect(wb.SheetNames).toContain("Tổng hợp chỉ tiêu");
  });

  it("stops reading when aborted", async () => {
    const controller = new AbortController();
    const inputs = SAMPLE_FILES.map(sample);
    const promise = files.readFiles(inputs, (p) => {
      if (p.done === 1) controller.abort();
    }, controller.signal);
    await expect(promise).rejects.toBeInstanceOf(Cancelled);
  });

  it("checks a file: the sample with an error reports Số đã đạt > Tổng số at its cell; a corrupt file rejects naming the file", async () => {
    const { report, results } = await files.checkFile(sample(SAMPLE_WITH_ERROR));
    const error = report.issues.find((i) => i.rule === "achieved-exceeds-total");
    expect(error).toMatchObject({ severity: "error", sheet: "Chỉ tiêu", indicator: "4.1" });
    expect(error?.cell).toMatch(/^E\d+$/);
    expect(results.find((r) => r.id === "4.1")?.met).toBeNull();
    expect(results.find((r) => r.id === "1.1")?.met).toBe(true);

    const bad = files.checkFile({ name: "khong-phai.xlsx", bytes: new TextEncoder().encode("hello") });
    await expect(bad).rejects.toBeInstanceOf(FileReadError);
    await expect(bad).rejects.toThrow(/khong-phai\.xlsx/);
  });

  it("makes one template per unit in a .zip, with progress, and stops when aborted", async () => {
    const units = TAM_DUONG_UNITS.slice(0, 3);
    const progress: number[] = [];
    const zip = unzipSync(await files.unitTemplatesZip(units, {}, (p) => progress.push(p.done)));
    expect(Object.keys(zip).sort()).toEqual(units.map((u) => unitFileName(u)).sort());
    expect(progress).toEqual([0, 1, 2, 3]);

    const controller = new AbortController();
    const stopped = files.unitTemplatesZip(units, {}, (p) => p.done === 1 && controller.abort(), controller.signal);
    await expect(stopped).rejects.toBeInstanceOf(Cancelled);
  });

  it("reads a targets file's “Mục tiêu” sheet (Chỉ tiêu, Nội dung, Mục tiêu); a file without one keeps Đề án 241's; a corrupt one rejects naming it", async () => {
    const wb = XLSX.utils.book_new();
    XLSX.utils.book_append_sheet(wb, XLSX.utils.aoa_to_sheet([["Chỉ tiêu", "Nội dung", "Mục tiêu"], ["1.1", "Cán bộ được bồi dưỡng", "80%"], ["3.1", "", "Trên 95%"]]), "Mục tiêu");
    const bytes = new Uint8Array(XLSX.write(wb, { type: "array", bookType: "xlsx" }) as ArrayBuffer);
    const used = await files.readTargetsFile({ name: "ke-hoach.xlsx", bytes });
    expect(used.source).toBe("workbook");
    expect(used.sheet).toBe("Mục tiêu");
    expect(used.targets["1.1"]).toEqual({ op: ">=", value: 80 });
    expect(used.targets["3.1"]).toEqual({ op: ">", value: 95 });
    expect(used.changed.map((c) => c.id)).toEqual(["1.1", "3.1"]);
    expect(structuredClone(used)).toEqual(used);

    const none = await files.readTargetsFile(sample("Dang-uy-xa-Binh-Lu.xlsx"));
    expect(none.source).toBe("de-an-241");
    expect(none.targets["1.1"]).toEqual({ op: ">=", value: 100 });

    const bad = files.readTargetsFile({ name: "hong.xlsx", bytes: new Uint8Array([0x50, 0x4b, 3, 4, 9, 9, 9]) });
    await expect(bad).rejects.toBeInstanceOf(FileReadError);
    await expect(bad).rejects.toThrow(/hong\.xlsx/);
  });

  it("drafts the report as a .docx from a summary, with the issuer given", async () => {
    const sources = await files.readFiles([sample("Dang-uy-xa-Ban-Bo.xlsx")]);
    const run = await files.summarise(sources, { units: TAM_DUONG_UNITS }, LAYOUT);
    const bytes = await files.reportDraft(run.summary, { unitName: "Huyện ủy Tam Đường", superior: "Đảng bộ tỉnh Lai Châu", place: "Tam Đường", date: "2021-06-28" });
    const xml = new TextDecoder().decode(unzipSync(bytes)["word/document.xml"]);
    expect(xml).toContain("BÁO CÁO");
    expect(xml).toContain("HUYỆN ỦY TAM ĐƯỜNG");
    expect(xml).toContain("ngày 28 tháng 6 năm 2021");
  });

  it("fills the template request's blanks from the unit: place and superior line", async () => {
    const layout = await files.unitLayout({ unitName: "Đảng ủy xã Bản Bo" });
    const text = JSON.stringify(layout.sheets.map((s) => s.cells.map((c) => c.value)));
    expect(text).toContain("ĐẢNG BỘ HUYỆN TAM ĐƯỜNG");
    expect(text).toContain("Bản Bo, ngày");
  });
});

describe("readUnitsList", () => {
  it("reads a UTF-8 .csv with a header row in any order, keeping what the built-in list knows of a unit", async () => {
    const csv = "\ufeffMã,Tên đơn vị,Email\nBB,Đảng ủy xã Bản Bo,bb@example.org\n,Phòng Nội vụ,\n,,\n,Chi bộ Trường THPT Tam Đường,\n";
    const { units } = await readUnitsList({ name: "don-vi.csv", bytes: new TextEncoder().encode(csv) });
    expect(units.map((u) => u.name)).toEqual(["Đảng ủy xã Bản Bo", "Phòng Nội vụ", "Chi bộ Trường THPT Tam Đường"]);
    expect(units[0]).toMatchObject({ code: "BB", email: "bb@example.org" });
    expect(units[1]).toMatchObject({ code: "PHONG-NOI-VU", format: "state", superior: "UBND HUYỆN TAM ĐƯỜNG" });
  });

  it("reads the “Đơn vị” sheet of a workbook, and rejects a list with no unit naming the file", async () => {
    const wb = XLSX.utils.book_new();
    XLSX.utils.book_append_sheet(wb, XLSX.utils.aoa_to_sheet([["Ghi chú"]]), "Khác");
    XLSX.utils.book_append_sheet(wb, XLSX.utils.aoa_to_sheet([["Tên đơn vị", "Cấp"], ["Đảng ủy xã Khun Há", "cơ sở"]]), "Đơn vị");
    const bytes = new Uint8Array(XLSX.write(wb, { type: "array", bookType: "xlsx" }) as ArrayBuffer);
    const { units } = await readUnitsList({ name: "ds.xlsx", bytes });
    expect(units.map((u) => u.name)).toEqual(["Đảng ủy xã Khun Há"]);

    await expect(readUnitsList({ name: "trong.csv", bytes: new TextEncoder().encode("Tên đơn vị\n\n") })).rejects.toThrow(/trong\.csv/);
  });
});
