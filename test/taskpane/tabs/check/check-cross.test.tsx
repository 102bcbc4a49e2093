/** @jest-environment jsdom */
/**
 * The checks across indicators in the Kiểm tra tab: a real commune workbook,
 * checked by the real use cases, whose household totals disagree and which
 * counts 14 communes in indicator 2, lists both warnings at their cells.
 */
import { fireEvent, screen, within } from "@testing-library/react";
import { createFileUseCases } from "../../../../src/hosts/browser/file-use-cases";
import { TAM_DUONG_UNITS } from "../../../../src/domain/units";
import { writeUnitTemplate } from "../../../../src/io/write";
import { CheckTab } from "../../../../src/taskpane/tabs/check/CheckTab";
import { fillTemplate, indicatorRow } from "../../../support/fill";
import { STANDALONE, renderWith, fillJsdomGaps } from "../../fakes";

fillJsdomGaps();

describe("Kiểm tra tab: checks across indicators", () => {
  it("lists totals-differ and commune-count as warnings at their cells", async () => {
    const unit = TAM_DUONG_UNITS.find((u) => u.name === "Đảng ủy xã Bản Bo")!;
    const bytes = await fillTemplate(await writeUnitTemplate(unit, { created: "2021-05-01" }), {
      indicators: { "1.3": [950, 920], "3.1": [950, 940], "3.2": [900, 880], "2": [14, 14] },
      dateLine: "Bản Bo, ngày 20 tháng 6 năm 2021",
    });
    renderWith(<CheckTab />, STANDALONE, { files: createFileUseCases({ makeWorker: null }) });
    const input = screen.getByLabelText("Chọn tệp để kiểm tra…") as HTMLInputElement;
    fireEvent.change(input, { target: { files: [new File([bytes as Uint8Array<ArrayBuffer>], "ban-bo.xlsx")] } });
    await screen.findByText("Kết quả: ban-bo.xlsx");
    const sheet = within(screen.getByTestId("issues")).getByRole("region", { name: "Trang tính Chỉ tiêu" });
    expect(within(sheet).getByText("2 cảnh báo")).toBeTruthy();
    const text = sheet.textContent!;
    const cell = (id: string) => `D${indicatorRow(id) + 1}`;
    expect(text).toContain(`Tổng số của các chỉ tiêu tính theo hộ không bằng nhau: chỉ tiêu 1.3 ghi 950 (ô ${cell("1.3")})`);
    expect(text).toContain(`chỉ tiêu 3.2 ghi 900 (ô ${cell("3.2")})`);
    expect(text).toContain(cell("3.2"));
    expect(text).toContain("Đảng ủy xã Bản Bo là đơn vị cấp xã");
    expect(text).toContain(cell("2"));
  }, 60_000);
});
