/**
 * "Chuyển phông sang Unicode": state and actions (no JSX). Inside Excel, the
 * open workbook's sheets typed in TCVN3/VNI get Unicode copies beside them
 * (the user's sheets are left as they are); anywhere, a picked file is
 * converted by the convert use case (the CLI's `convert`) and downloaded as
 * a new .xlsx. The readers and writers load when first used.
 */
import { useServices } from "../../../services";
import { fileProblemTitle } from "../../../shared/ErrorBar";
import { toInputFiles } from "../../../shared/FileDrop";
import { saveBytes, XLSX_TYPE } from "../../../shared/download";
import { useTask, type Task } from "../../../shared/useTask";
import { formatNumber } from "../../../../domain/format";
import type { LegacyEncoding, LegacyFound } from "../../../../domain/legacy";
import { convertOpenWorkbook } from "./convert-sheets";

export interface ConvertFonts {
  readonly task: Task;
  /** Converts the open workbook into new sheets (inside Excel only). */
  convertWorkbook(): Promise<void>;
  convertFile(picked: File[]): Promise<void>;
}

/** "TCVN3 (ABC) 12 ô, VNI 0 ô" */
function countsText(cells: Readonly<Record<LegacyEncoding, number>>): string {
  return `TCVN3 (ABC) ${formatNumber(cells.TCVN3)} ô, VNI ${formatNumber(cells.VNI)} ô`;
}

function exampleText(found: LegacyFound | null): string {
  return found ? ` Ví dụ: ô ${found.sheet}!${found.cell} “${found.sample}” → “${found.converted}”.` : "";
}

/** "bao-cao.xls" → "bao-cao-unicode.xlsx" */
export function convertedFileName(name: string): string {
  const dot = name.lastIndexOf(".");
  return `${dot > 0 ? name.slice(0, dot) : name}-unicode.xlsx`;
}

export function useConvertFonts(): ConvertFonts {
  const { workbook } = useServices();
  const task = useTask();
  const { start } = task;

  const convertWorkbook = async () => {
    if (!workbook) return;
    await start({ key: "convert-workbook", label: "Đang đọc sổ làm việc…", failure: "Không chuyển phông được sổ làm việc" }, async ({ label }) => {
      const result = await convertOpenWorkbook(workbook, () => label("Đang ghi các trang Unicode…"));
      if (result.pairs.length === 0) return "Sổ làm việc không có chữ gõ bằng phông cũ (TCVN3, VNI): không có gì cần chuyển, sổ làm việc giữ nguyên.";
      const added = result.pairs.map((p) => `“${p.to}”`).join(", ");
      return `Đã thêm ${result.pairs.length} trang chữ Unicode: ${added} (${countsText(result.cells)}). Các trang gốc giữ nguyên.${exampleText(result.found)}`;
    });
  };

  const convertFile = async (picked: File[]) => {
    let name = picked[0]?.name ?? "";
    await start({ key: "convert-file", label: "Đang đọc tệp…", failure: (message) => fileProblemTitle("Không chuyển phông được tệp", name, message) }, async ({ label }) => {
      const file = (await toInputFiles(picked))[0];
      if (!file) throw new Error("Chưa chọn tệp nào.");
      name = file.name;
      label(`Đang chuyển phông ${name}…`);
      const { convertLegacyFile } = await import("../../../../app/convert");
      const result = await convertLegacyFile(file);
      const out = convertedFileName(name);
      saveBytes(result.bytes, out, XLSX_TYPE);
      const total = result.cells.TCVN3 + result.cells.VNI;
      return total === 0
        ? `Tệp ${name} không có chữ gõ bằng phông cũ; đã tải về ${out} với các ô như đã đọc.`
        : `Đã tải về ${out} (${countsText(result.cells)} được chuyển sang Unicode).${exampleText(result.found)}`;
    });
  };

  return { task, convertWorkbook, convertFile };
}
