/**
 * "Read targets", one use case for the CLI's --targets and the pane's
 * "Tệp mục tiêu": a .csv is the "Mục tiêu" sheet on both (the pane used to
 * read a .csv as a workbook without that sheet, and fell back to Đề án 241's).
 */
import * as XLSX from "@e965/xlsx";
import { fileUseCases } from "../../src/app/files";
import { chooseTargets } from "../../src/app/targets";
import { readTargets, readTargetsFile } from "../../src/app/read-targets";

const csv = (text: string) => new TextEncoder().encode(text);

describe("read targets", () => {
  const file = { name: "muc-tieu.csv", bytes: csv("\ufeffChỉ tiêu,Nội dung,Mục tiêu\n1.1,Cán bộ được bồi dưỡng,80%\n3.1,,Trên 95%\n") };

  it("reads a .csv as the “Mục tiêu” sheet, the same for the pane and the CLI", async () => {
    const used = readTargets(file);
    expect(used.source).toBe("workbook");
    expect(used.targets["1.1"]).toEqual({ op: ">=", value: 80 });
    expect(used.targets["3.1"]).toEqual({ op: ">", value: 95 });
    expect(await fileUseCases().readTargetsFile(file)).toEqual(used);
    expect(readTargetsFile(file).problem).toBeNull();
    expect(chooseTargets({ name: file.name, used }, null)?.source).toBe("muc-tieu.csv");
  });

  it("says why a file cannot be used: no “Mục tiêu” sheet, or no target that can be read", () => {
    const wb = XLSX.utils.book_new();
    XLSX.utils.book_append_sheet(wb, XLSX.utils.aoa_to_sheet([["Ghi chú"]]), "Khác");
    const other = { name: "khac.xlsx", bytes: new Uint8Array(XLSX.write(wb, { type: "array", bookType: "xlsx" }) as ArrayBuffer) };
    const none = readTargetsFile({ name: "khac.csv", bytes: csv("Chỉ tiêu,Nội dung,Mục tiêu\n9.9,,abc\n") });
    expect(none.problem).toContain("không đặt mục tiêu nào đọc được");
    expect(none.used.source).toBe("de-an-241");
    const sheetless = readTargetsFile(other);
    expect(sheetless.used).toMatchObject({ source: "de-an-241", sheet: null });
    expect(sheetless.problem).toBe('Tệp mục tiêu khac.xlsx không có trang "Mục tiêu" (cột Chỉ tiêu, Nội dung, Mục tiêu).');
  });
});
