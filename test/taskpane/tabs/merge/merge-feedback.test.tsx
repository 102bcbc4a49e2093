/** @jest-environment jsdom */
/**
 * The Tổng hợp tab's feedback files for units' workbooks that came inside an
 * email message or an archive, on the real use cases: the message or archive
 * is kept as it was chosen, and the workbook is taken out of it again when its
 * feedback is asked for.
 */
import { fireEvent, screen, waitFor, within } from "@testing-library/react";
import { strFromU8, unzipSync, zipSync } from "fflate";
import { createFileUseCases } from "../../../../src/hosts/browser/file-use-cases";
import { TAM_DUONG_UNITS } from "../../../../src/domain/units";
import { forgetFiles, keptFile } from "../../../../src/taskpane/shared/feedback/store";
import { missingText } from "../../../../src/taskpane/shared/feedback/FeedbackButton";
import { MergeTab } from "../../../../src/taskpane/tabs/merge/MergeTab";
import { SESSION_KEY, savesSettled } from "../../../../src/taskpane/tabs/merge/saved-session";
import { STANDALONE, bytesOf, captureDownloads, fillJsdomGaps, renderWith } from "../../fakes";

fillJsdomGaps();

let unitFile: (unit: number) => Promise<Uint8Array>;
beforeAll(async () => {
  const { writeUnitTemplate } = await import("../../../../src/io/write");
  const { fillTemplate } = await import("../../../support/fill");
  // Achieved above total in 1.3: an error, so the file gets feedback.
  unitFile = async (unit) => fillTemplate(await writeUnitTemplate(TAM_DUONG_UNITS[unit]!, { created: "2021-05-01" }), { indicators: { "1.3": [100, 120] } });
});
beforeEach(async () => {
  await savesSettled();
  localStorage.clear();
});
afterEach(() => {
  jest.restoreAllMocks();
  forgetFiles();
});

/** A message as a mail program writes it: a text part and the workbook attached in base64. */
function eml(attachment: string, bytes: Uint8Array): Uint8Array {
  const base64 = Buffer.from(bytes).toString("base64").replace(/.{76}/g, "$&\r\n");
  const text = [
    "From: Xa Ban Bo <banbo@example.vn>",
    "To: huyen@example.vn",
    "Subject: Bao cao De an 241",
    "Date: Sun, 20 Jun 2021 09:15:02 +0700",
    "MIME-Version: 1.0",
    'Content-Type: multipart/mixed; boundary="b1"',
    "",
    "--b1",
    "Content-Type: text/plain; charset=utf-8",
    "",
    "Gui bao cao.",
    "--b1",
    `Content-Type: application/vnd.openxmlformats-officedocument.spreadsheetml.sheet; name="${attachment}"`,
    `Content-Disposition: attachment; filename="${attachment}"`,
    "Content-Transfer-Encoding: base64",
    "",
    base64,
    "--b1--",
    "",
  ].join("\r\n");
  return new TextEncoder().encode(text);
}

function pick(files: { name: string; bytes: Uint8Array }[]) {
  const input = screen.getByLabelText("Chọn các tệp của đơn vị…") as HTMLInputElement;
  fireEvent.change(input, { target: { files: files.map((f) => new File([f.bytes as Uint8Array<ArrayBuffer>], f.name)) } });
}

describe("Tổng hợp tab: feedback for files inside a message or an archive", () => {
  it("makes the feedback of each unit's workbook taken out of an email and a .zip, from the message and archive as chosen", async () => {
    const files = createFileUseCases({ makeWorker: null });
    const downloads = captureDownloads();
    const blobs: Blob[] = [];
    (URL.createObjectURL as jest.Mock).mockImplementation((blob: Blob) => {
      blobs.push(blob);
      return "blob:test";
    });
    renderWith(<MergeTab />, STANDALONE, { files });
    pick([
      { name: "thu-ban-bo.eml", bytes: eml("Bao cao Ban Bo.xlsx", await unitFile(0)) },
      { name: "nop.zip", bytes: zipSync({ "xa/Bao cao xa 2.xlsx": await unitFile(1) }) },
    ]);
    await screen.findByTestId("summary-table", {}, { timeout: 20_000 });

    // One file's own button.
    const card = (await screen.findAllByTestId("file-status")).find((li) => li.getAttribute("data-file") === "thu-ban-bo.eml › Bao cao Ban Bo.xlsx")!;
    fireEvent.click(within(card).getByTestId("feedback-download"));
    await waitFor(() => expect(within(card).getByTestId("feedback-status").textContent).toBe('Đã tạo "Bao cao Ban Bo - góp ý.xlsx".'), { timeout: 20_000 });
    expect(downloads).toEqual(["Bao cao Ban Bo - góp ý.xlsx"]);

    // Every unit's, as one .zip: both workbooks, each with its "Góp ý" sheet.
    const all = screen.getByTestId("feedback-all");
    fireEvent.click(all);
    const status = within(all.parentElement!).getByTestId("feedback-status");
    await waitFor(() => expect(status.textContent).toMatch(/^Đã tạo "Góp ý các đơn vị [\d-]+\.zip" gồm 2 tệp góp ý\.$/), { timeout: 20_000 });
    const zip = unzipSync(await bytesOf(blobs.at(-1)!));
    expect(Object.keys(zip).sort()).toEqual(["Bao cao Ban Bo - góp ý.xlsx", "Bao cao xa 2 - góp ý.xlsx"]);
    for (const bytes of Object.values(zip)) expect(strFromU8(unzipSync(bytes)["xl/workbook.xml"]!)).toContain('name="Góp ý"');
    expect(downloads.at(-1)).toMatch(/\.zip$/);
  }, 60_000);

  it("after a reload, the message chosen again is held again and its workbook's feedback is made; “Xóa danh sách tệp” lets the message go", async () => {
    const files = createFileUseCases({ makeWorker: null });
    captureDownloads();
    const message = { name: "thu-ban-bo.eml", bytes: eml("Bao cao Ban Bo.xlsx", await unitFile(0)) };
    const view = renderWith(<MergeTab />, STANDALONE, { files });
    pick([message]);
    await screen.findByTestId("summary-table", {}, { timeout: 20_000 });
    await waitFor(() => expect(localStorage.getItem(SESSION_KEY)).not.toBeNull());
    await savesSettled();
    view.unmount();
    // The page reloads: the work is resumed from the browser's storage, the files' bytes are not.
    forgetFiles();
    renderWith(<MergeTab />, STANDALONE, { files });
    await screen.findByTestId("session-restored");
    await screen.findByTestId("summary-table", {}, { timeout: 20_000 });
    const card = () => screen.getAllByTestId("file-status").find((li) => li.getAttribute("data-file") === "thu-ban-bo.eml › Bao cao Ban Bo.xlsx")!;
    const status = () => within(card()).getByTestId("feedback-status").textContent;
    fireEvent.click(within(card()).getByTestId("feedback-download"));
    await waitFor(() => expect(status()).toBe(`Không tạo được tệp góp ý: ${missingText(["thu-ban-bo.eml › Bao cao Ban Bo.xlsx"])}`));

    // As the pane asks: the message is chosen again. It is not read again, and its workbook's feedback is made.
    pick([message]);
    expect((await screen.findByTestId("done", {}, { timeout: 20_000 })).textContent).toContain("1 tệp đã có trong danh sách nên không đọc lại.");
    fireEvent.click(within(card()).getByTestId("feedback-download"));
    await waitFor(() => expect(status()).toBe('Đã tạo "Bao cao Ban Bo - góp ý.xlsx".'), { timeout: 20_000 });

    expect(keptFile("thu-ban-bo.eml")).toBeDefined();
    fireEvent.click(screen.getByRole("button", { name: "Xóa danh sách tệp" }));
    expect(keptFile("thu-ban-bo.eml")).toBeUndefined();
  }, 60_000);
});
