/** @jest-environment jsdom */
/**
 * The Kiểm tra tab says which targets it judged by: a real unit workbook
 * checked by the real use cases, first with Đề án 241's targets, then with a
 * "Mục tiêu" sheet (Chỉ tiêu | Nội dung | Mục tiêu) that lowers 1.1 to 80%
 * and has a row that cannot be read.
 */
import { fireEvent, screen, waitFor, within } from "@testing-library/react";
import ExcelJS from "exceljs";
import { createFileUseCases } from "../../../../src/hosts/browser/file-use-cases";
import { INDICATORS } from "../../../../src/domain/catalogue";
import { TAM_DUONG_UNITS } from "../../../../src/domain/units";
import { writeUnitTemplate } from "../../../../src/io/write";
import { CheckTab } from "../../../../src/taskpane/tabs/check/CheckTab";
import { fillTemplate } from "../../../support/fill";
import { STANDALONE, renderWith, fillJsdomGaps } from "../../fakes";

fillJsdomGaps();

const text = (id: string) => INDICATORS.find((i) => i.id === id)!.text;

/** Bản Bo's workbook: 1.1 at 85/100 (below Đề án 241's 100%), 4.2 at 9/14. */
async function unitWorkbook(): Promise<Uint8Array> {
  const unit = TAM_DUONG_UNITS.find((u) => u.name === "Đảng ủy xã Bản Bo")!;
  return fillTemplate(await writeUnitTemplate(unit, { created: "2021-05-01" }), {
    indicators: { "1.1": [100, 85], "4.2": [14, 9] },
    dateLine: "Bản Bo, ngày 20 tháng 6 năm 2021",
  });
}

/** The same workbook whose "Mục tiêu" sheet is the unit's own: 1.1 at 80%, and 4.2 with a target that cannot be read. */
async function withOwnTargets(bytes: Uint8Array): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(Buffer.from(bytes) as unknown as ExcelJS.Buffer);
  const old = wb.worksheets.find((ws) => ws.name === "Mục tiêu");
  if (old) wb.removeWorksheet(old.id);
  const ws = wb.addWorksheet("Mục tiêu");
  ws.addRow(["Chỉ tiêu", "Nội dung", "Mục tiêu"]);
  ws.addRow(["1.1", text("1.1"), "80%"]);
  ws.addRow(["4.2", text("4.2"), "hầu hết"]);
  return new Uint8Array(await wb.xlsx.writeBuffer());
}

function pick(name: string, bytes: Uint8Array) {
  const input = screen.getByLabelText("Chọn tệp để kiểm tra…") as HTMLInputElement;
  fireEvent.change(input, { target: { files: [new File([bytes as Uint8Array<ArrayBuffer>], name)] } });
}

const row = (id: string) => screen.getByTestId("results-table").querySelector(`[data-indicator="${id}"]`)!;
const resultCell = (id: string) => row(id).lastElementChild!.textContent;

describe("Kiểm tra tab: the targets used", () => {
  it("judges by Đề án 241's targets, then by the workbook's “Mục tiêu” sheet, saying which and listing the rows it could not use", async () => {
    const files = createFileUseCases({ makeWorker: null });
    renderWith(<CheckTab />, STANDALONE, { files });
    const plain = await unitWorkbook();

    pick("ban-bo.xlsx", plain);
    await screen.findByText("Kết quả: ban-bo.xlsx");
    expect(screen.getByTestId("targets-used").textContent).toMatch(/^Mục tiêu đánh giá: theo Đề án 241/);
    expect(resultCell("1.1")).toBe("Chưa đạt");
    expect(row("1.1").getAttribute("data-target-changed")).toBeNull();
    expect(screen.getByRole("table").getAttribute("aria-label")).toBe("Đánh giá các chỉ tiêu theo mục tiêu của Đề án 241");

    pick("ban-bo-ke-hoach.xlsx", await withOwnTargets(plain));
    await screen.findByText("Kết quả: ban-bo-ke-hoach.xlsx");
    const line = screen.getByTestId("targets-used").textContent!;
    expect(line).toContain('theo trang "Mục tiêu" của đơn vị');
    expect(line).toContain("1.1: 80% (Đề án 241: 100%)");
    // 1.1: 85% now meets its 80% target; the Mục tiêu column shows the target used and Đề án 241's beside it.
    expect(resultCell("1.1")).toBe("Đạt");
    expect(row("1.1").getAttribute("data-target-changed")).toBe("true");
    expect(row("1.1").textContent).toContain("80%(Đề án 241: 100%)");
    // 4.2 keeps Đề án 241's target, and its row on the sheet is a warning at its cell.
    expect(row("4.2").getAttribute("data-target-changed")).toBeNull();
    expect(screen.getByRole("table").getAttribute("aria-label")).toBe("Đánh giá các chỉ tiêu theo mục tiêu của đơn vị");
    const sheet = within(screen.getByTestId("issues")).getByRole("region", { name: "Trang tính Mục tiêu" });
    expect(within(sheet).getByText("1 cảnh báo")).toBeTruthy();
    expect(sheet.textContent).toContain("C3");
    expect(sheet.textContent).toContain("Chỉ tiêu 4.2");
    // Standalone: no workbook to select in.
    expect(screen.queryByRole("button", { name: /Chọn ô C3/ })).toBeNull();
  });

  it("the check re-run shows the new targets line without leaving the old one", async () => {
    const files = createFileUseCases({ makeWorker: null });
    renderWith(<CheckTab />, STANDALONE, { files });
    const own = await withOwnTargets(await unitWorkbook());
    pick("a.xlsx", own);
    await screen.findByText("Kết quả: a.xlsx");
    expect(screen.getAllByTestId("targets-used")).toHaveLength(1);
    pick("b.xlsx", await unitWorkbook());
    await waitFor(() => expect(screen.getByTestId("targets-used").textContent).toMatch(/^Mục tiêu đánh giá: theo Đề án 241/));
    expect(resultCell("1.1")).toBe("Chưa đạt");
  });
});
