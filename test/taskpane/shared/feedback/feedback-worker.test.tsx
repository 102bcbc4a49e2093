/** @jest-environment jsdom */
/**
 * "Tải tệp góp ý" for many units on the real use cases: made in the page's
 * worker (the real worker module run in this thread, each message cloned as a
 * browser clones it) with progress per file, the files the page keeps left
 * whole and the .zip made there too; on the page's own thread where it has no
 * worker; "Hủy" stops after the file being made and saves nothing; and a
 * message that hangs when opened again for its units' feedback is said, in
 * Vietnamese, while the other units' files are still made.
 */
import { fireEvent, screen, waitFor, within } from "@testing-library/react";
import { unzipSync } from "fflate";
import type { FileUseCases, InputFile } from "../../../../src/app/usecases";
import { TAM_DUONG_UNITS } from "../../../../src/domain/units";
import { createFileUseCases } from "../../../../src/hosts/browser/file-use-cases";
import {
  FEEDBACK_CANCELLED,
  FeedbackButton,
  downloadFeedback,
  type FeedbackItem,
} from "../../../../src/taskpane/shared/feedback/FeedbackButton";
import { forgetFiles, keepFiles, keptFile } from "../../../../src/taskpane/shared/feedback/store";
import { inProcessWorkers } from "../../../support/in-process-worker";
import { STANDALONE, bytesOf, captureDownloads, fillJsdomGaps, renderWith } from "../../fakes";

fillJsdomGaps();

let unitFile: (unit: number) => Promise<Uint8Array>;
let findingOf: (file: InputFile) => { unit: string | null; issues: FeedbackItem["issues"] };
beforeAll(async () => {
  const { writeUnitTemplate } = await import("../../../../src/io/write");
  const { fillTemplate } = await import("../../../support/fill");
  const { checkFinding } = await import("../../../../src/app/feedback");
  const { readWorkbook } = await import("../../../../src/io/read");
  // Achieved above total in 1.3: an error, so the file gets feedback.
  unitFile = async (unit) => fillTemplate(await writeUnitTemplate(TAM_DUONG_UNITS[unit]!, { created: "2021-05-01" }), { indicators: { "1.3": [100, 120] } });
  findingOf = (file) => checkFinding(readWorkbook(file.bytes, file.name), file.name);
});
afterEach(() => {
  jest.restoreAllMocks();
  forgetFiles();
});

/** The saved blobs, as the page hands them to the browser. */
function captureBlobs(): Blob[] {
  const blobs: Blob[] = [];
  (URL.createObjectURL as jest.Mock).mockImplementation((blob: Blob) => {
    blobs.push(blob);
    return "blob:test";
  });
  return blobs;
}

/** Three units' files kept by the page, and their items. */
async function threeUnits(): Promise<FeedbackItem[]> {
  const files: InputFile[] = [];
  for (let k = 0; k < 3; k++) files.push({ name: `don-vi-${k + 1}.xlsx`, bytes: await unitFile(k) });
  keepFiles(files);
  return files.map((f) => ({ file: f.name, ...findingOf(f) }));
}

const zipNames = async (blob: Blob): Promise<string[]> => Object.keys(unzipSync(await bytesOf(blob))).sort();

describe("feedback files for all units", () => {
  it("are made in the worker, one request per file, with the page's files left whole, and the .zip made there too", async () => {
    const downloads = captureDownloads();
    const blobs = captureBlobs();
    const items = await threeUnits();
    const workers = inProcessWorkers();
    renderWith(<FeedbackButton items={items} testId="feedback-all" />, STANDALONE, { files: createFileUseCases({ makeWorker: workers.make }) });
    fireEvent.click(screen.getByTestId("feedback-all"));
    await waitFor(() => expect(screen.getByTestId("feedback-status").textContent).toMatch(/^Đã tạo "Góp ý các đơn vị [\d-]+\.zip" gồm 3 tệp góp ý\.$/), { timeout: 30_000 });
    expect(downloads).toHaveLength(1);
    expect(await zipNames(blobs[0]!)).toEqual(["don-vi-1 - góp ý.xlsx", "don-vi-2 - góp ý.xlsx", "don-vi-3 - góp ý.xlsx"]);

    const feedback = workers.requests.filter((r) => r.request.kind === "feedback");
    // Each unit's file sent as it is, copied (the page keeps it for later feedback), then the .zip of the three made there, its files moved.
    expect(feedback.map((r) => ("file" in r.request ? `file ${r.request.file.name} ${r.transferred}` : `zip ${"outputs" in r.request ? r.request.outputs.length : "?"} ${r.transferred}`))).toEqual([
      "file don-vi-1.xlsx 0",
      "file don-vi-2.xlsx 0",
      "file don-vi-3.xlsx 0",
      "zip 3 3",
    ]);
    for (const item of items) expect(keptFile(item.file)!.bytes.byteLength).toBeGreaterThan(0);
    expect(screen.queryByTestId("feedback-progress")).toBeNull();

    // Asked again: made again from the files kept.
    fireEvent.click(screen.getByTestId("feedback-all"));
    await waitFor(() => expect(downloads).toHaveLength(2), { timeout: 30_000 });
    expect(await zipNames(blobs[1]!)).toEqual(["don-vi-1 - góp ý.xlsx", "don-vi-2 - góp ý.xlsx", "don-vi-3 - góp ý.xlsx"]);
  }, 60_000);

  it("say each file as it is made, in the worker and in the page's own thread alike", async () => {
    captureDownloads();
    const items = await threeUnits();
    for (const makeWorker of [inProcessWorkers().make, null]) {
      const files = createFileUseCases({ makeWorker });
      const said: string[] = [];
      const text = await downloadFeedback(items, files, { onProgress: (p) => said.push(`${p.done}/${p.total} ${p.item}`) });
      expect(text).toMatch(/gồm 3 tệp góp ý\.$/);
      expect(said).toEqual(["0/3 don-vi-1.xlsx", "1/3 don-vi-2.xlsx", "2/3 don-vi-3.xlsx", "3/3 don-vi-3.xlsx"]);
    }
  }, 60_000);

  it.each([
    ["in the worker", () => createFileUseCases({ makeWorker: inProcessWorkers().make })],
    ["without a worker", () => createFileUseCases({ makeWorker: null })],
  ])("show the progress with “Hủy”, which stops after the file being made and saves nothing (%s)", async (_, make) => {
    const downloads = captureDownloads();
    const items = await threeUnits();
    const real = make();
    // The second file is held until the user has pressed "Hủy".
    let release: () => void = () => undefined;
    const held = new Promise<void>((resolve) => (release = resolve));
    const made: string[] = [];
    const files: FileUseCases = {
      ...real,
      feedbackFile: async (file, finding, options) => {
        if (file.name === "don-vi-2.xlsx") await held;
        const output = await real.feedbackFile(file, finding, options);
        made.push(output.name);
        return output;
      },
      feedbackZip: jest.fn(real.feedbackZip),
    };
    renderWith(<FeedbackButton items={items} testId="feedback-all" />, STANDALONE, { files });
    fireEvent.click(screen.getByTestId("feedback-all"));
    const progress = await screen.findByTestId("feedback-progress", {}, { timeout: 30_000 });
    await waitFor(() => expect(progress.textContent).toContain("Đang tạo tệp góp ý 2/3: don-vi-2.xlsx"), { timeout: 30_000 });
    expect((screen.getByTestId("feedback-all") as HTMLButtonElement).disabled).toBe(true);
    fireEvent.click(within(progress).getByRole("button", { name: "Hủy" }));
    release();
    await waitFor(() => expect(screen.getByTestId("feedback-status").textContent).toBe(FEEDBACK_CANCELLED), { timeout: 30_000 });
    // Nothing after the file being made, nothing zipped, nothing saved.
    expect(made).not.toContain("don-vi-3 - góp ý.xlsx");
    expect(files.feedbackZip).not.toHaveBeenCalled();
    expect(downloads).toEqual([]);
    expect(screen.queryByTestId("feedback-progress")).toBeNull();
    expect((screen.getByTestId("feedback-all") as HTMLButtonElement).disabled).toBe(false);
  }, 60_000);

  it("say, in Vietnamese, that a message which hangs when opened again could not be read, and still make the other units' files", async () => {
    const downloads = captureDownloads();
    const blobs = captureBlobs();
    const items = await threeUnits();
    // A message kept as it was given; opening it again hangs its reader (the worker never answers).
    const message: InputFile = { name: "thu-ban-bo.eml", bytes: new TextEncoder().encode("From: a@b.vn\r\nSubject: x\r\n\r\n...") };
    keepFiles([message]);
    const inMessage = (path: string): FeedbackItem => ({ ...items[0]!, file: `thu-ban-bo.eml › ${path}`, origin: { kind: "email", container: "thu-ban-bo.eml", path } });
    const workers = inProcessWorkers((request) => request.kind === "expand");
    const files = createFileUseCases({ makeWorker: workers.make, fileTimeLimitMs: 1000 });
    renderWith(<FeedbackButton items={[items[0]!, inMessage("a.xlsx"), inMessage("b.xlsx"), items[1]!]} testId="feedback-all" />, STANDALONE, { files });
    fireEvent.click(screen.getByTestId("feedback-all"));
    await waitFor(() => expect(downloads).toHaveLength(1), { timeout: 30_000 });
    expect(await zipNames(blobs[0]!)).toEqual(["don-vi-1 - góp ý.xlsx", "don-vi-2 - góp ý.xlsx"]);
    expect(screen.getByTestId("feedback-status").textContent).toMatch(
      /^Đã tạo "Góp ý các đơn vị [\d-]+\.zip" gồm 2 tệp góp ý\. Không tạo được tệp góp ý của "thu-ban-bo\.eml › a\.xlsx", "thu-ban-bo\.eml › b\.xlsx": Không đọc được tệp thu-ban-bo\.eml: đọc quá 1 giây nên đã dừng; tệp có thể quá lớn hoặc bất thường\.$/,
    );
    // The worker stuck on the message was ended.
    expect(workers.terminated()).toBeGreaterThanOrEqual(1);
  }, 60_000);
});

describe("a unit's feedback file taken out of a message again", () => {
  it("moves the file taken out to the worker (the page holds it no longer), and keeps the message", async () => {
    const bytes = await unitFile(0);
    const message: InputFile = { name: "thu.eml", bytes: new Uint8Array([1]) };
    keepFiles([message]);
    const workers = inProcessWorkers();
    const real = createFileUseCases({ makeWorker: workers.make });
    const taken: InputFile = { name: "thu.eml › a.xlsx", bytes: bytes.slice() };
    const files: FileUseCases = { ...real, entriesOf: async () => new Map([["a.xlsx", taken]]) };
    const item: FeedbackItem = { file: "thu.eml › a.xlsx", ...findingOf({ name: "a.xlsx", bytes }), origin: { kind: "email", container: "thu.eml", path: "a.xlsx" } };
    captureDownloads();
    const text = await downloadFeedback([item], files);
    expect(text).toBe('Đã tạo "a - góp ý.xlsx".');
    expect(workers.requests.filter((r) => r.request.kind === "feedback").map((r) => r.transferred)).toEqual([1]);
    expect(taken.bytes.byteLength).toBe(0);
    expect(keptFile("thu.eml")!.bytes.byteLength).toBe(1);
  }, 60_000);
});
