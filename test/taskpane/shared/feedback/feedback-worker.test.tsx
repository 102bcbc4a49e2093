/** @jest-environment jsdom */
/**
 * "Tải tệp góp ý" for many units on the real use cases: made in the page's
 * worker (the real worker module run in this thread, each message cloned as a
 * browser clones it) with progress per file, the files the page keeps left
 * whole and the .zip made there too; on the page's own thread where it has no
 * worker, where its worker cannot be loaded, and from the file where it dies;
 * "Hủy" stops after the file being made and saves nothing; and a
 * message that hangs when opened again for its units' feedback is said, in
 * Vietnamese, while the other units' files are still made.
 */
import { fireEvent, screen, waitFor, within } from "@testing-library/react";
import { unzipSync, zipSync } from "fflate";
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
import { MessageChannel } from "node:worker_threads";
import type { WorkerRequest } from "../../../../src/hosts/browser/protocol";
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

/** An error event as a browser fires it on the page's Worker. */
const errorEvent = (message: string) => ({ message, preventDefault: () => undefined }) as unknown as ErrorEvent;

/**
 * Workers whose script cannot be loaded (blocked, or a webview that cannot run it): each answers
 * nothing and fires an error event soon after it is made, the buffers in a message's transfer list
 * detached from the page as a browser does ("error"); or the constructor throws ("throws").
 */
function brokenWorkers(how: "error" | "throws") {
  let made = 0;
  let transferred = 0;
  const make = async (): Promise<Worker> => {
    made++;
    if (how === "throws") throw new DOMException("Failed to construct 'Worker'", "SecurityError");
    const worker = {
      onmessage: null,
      onerror: null as ((event: ErrorEvent) => void) | null,
      addEventListener: () => undefined,
      removeEventListener: () => undefined,
      postMessage(_: WorkerRequest, transfer: Transferable[] = []) {
        transferred += transfer.length;
        const { port1, port2 } = new MessageChannel();
        port1.postMessage(null, transfer as never);
        port1.close();
        port2.close();
      },
      terminate: () => undefined,
    };
    setTimeout(() => worker.onerror?.(errorEvent("Không tải được tệp lệnh.")), 0);
    return worker as unknown as Worker;
  };
  return { make, made: () => made, transferred: () => transferred };
}

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
    for (const makeWorker of [inProcessWorkers().make, null, brokenWorkers("error").make, brokenWorkers("throws").make]) {
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
    ["with a worker that fails to load", () => createFileUseCases({ makeWorker: brokenWorkers("error").make })],
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
    // The file before it made; nothing after the file being made, nothing zipped, nothing saved.
    expect(made[0]).toBe("don-vi-1 - góp ý.xlsx");
    expect(made).not.toContain("don-vi-3 - góp ý.xlsx");
    expect(files.feedbackZip).not.toHaveBeenCalled();
    expect(downloads).toEqual([]);
    expect(screen.queryByTestId("feedback-progress")).toBeNull();
    expect((screen.getByTestId("feedback-all") as HTMLButtonElement).disabled).toBe(false);
  }, 60_000);

  it.each([
    ["fires an error event before answering", "error"],
    ["cannot be made (its constructor throws)", "throws"],
  ] as const)("are made on the page, the same .zip and none said failed, when the worker %s", async (_, how) => {
    const downloads = captureDownloads();
    const blobs = captureBlobs();
    const items = await threeUnits();
    // A unit's file inside an archive: opened again, and its file handed over (the page lets go of it).
    keepFiles([{ name: "goi.zip", bytes: zipSync({ "xa/a.xlsx": await unitFile(3) }) }]);
    const inArchive: FeedbackItem = { ...findingOf({ name: "a.xlsx", bytes: await unitFile(3) }), file: "goi.zip › xa/a.xlsx", origin: { kind: "zip", container: "goi.zip", path: "xa/a.xlsx" } };
    const workers = brokenWorkers(how);
    renderWith(<FeedbackButton items={[inArchive, ...items]} testId="feedback-all" />, STANDALONE, { files: createFileUseCases({ makeWorker: workers.make }) });
    fireEvent.click(screen.getByTestId("feedback-all"));
    await waitFor(() => expect(downloads).toHaveLength(1), { timeout: 30_000 });
    expect(screen.getByTestId("feedback-status").textContent).toMatch(/^Đã tạo "Góp ý các đơn vị [\d-]+\.zip" gồm 4 tệp góp ý\.$/);
    expect(await zipNames(blobs[0]!)).toEqual(["a - góp ý.xlsx", "don-vi-1 - góp ý.xlsx", "don-vi-2 - góp ý.xlsx", "don-vi-3 - góp ý.xlsx"]);
    // Nothing handed over to a worker that never loaded; the page's files still whole.
    expect(workers.transferred()).toBe(0);
    for (const item of items) expect(keptFile(item.file)!.bytes.byteLength).toBeGreaterThan(0);
    // The archive's own worker, then the feedback's: once it failed, the rest of the run is made on the page.
    expect(workers.made()).toBe(2);
  }, 60_000);

  it("are made on the page from the file where the worker dies, none said failed", async () => {
    const downloads = captureDownloads();
    const blobs = captureBlobs();
    const items = await threeUnits();
    const workers = inProcessWorkers();
    let sent = 0;
    // A worker that makes the first file, then fails (an error event) on the second.
    const dying = async (): Promise<Worker> => {
      const worker = await workers.make();
      const post = worker.postMessage.bind(worker);
      worker.postMessage = ((message: WorkerRequest, transfer: Transferable[] = []) => {
        if (message.kind === "feedback" && ++sent === 2) setTimeout(() => worker.onerror?.(errorEvent("Out of memory")), 0);
        else post(message, transfer);
      }) as Worker["postMessage"];
      return worker;
    };
    renderWith(<FeedbackButton items={items} testId="feedback-all" />, STANDALONE, { files: createFileUseCases({ makeWorker: dying }) });
    fireEvent.click(screen.getByTestId("feedback-all"));
    await waitFor(() => expect(downloads).toHaveLength(1), { timeout: 30_000 });
    expect(screen.getByTestId("feedback-status").textContent).toMatch(/^Đã tạo "Góp ý các đơn vị [\d-]+\.zip" gồm 3 tệp góp ý\.$/);
    expect(await zipNames(blobs[0]!)).toEqual(["don-vi-1 - góp ý.xlsx", "don-vi-2 - góp ý.xlsx", "don-vi-3 - góp ý.xlsx"]);
    // Only the first was made in the worker; the second, the third and the .zip on the page.
    expect(workers.requests.filter((r) => r.request.kind === "feedback").map((r) => ("file" in r.request ? r.request.file.name : "zip"))).toEqual(["don-vi-1.xlsx"]);
    expect(sent).toBe(2);
  }, 60_000);

  it("still say a file whose feedback cannot be made, on the page as in the worker, when the worker fails to load", async () => {
    const downloads = captureDownloads();
    const blobs = captureBlobs();
    const items = await threeUnits();
    keepFiles([{ name: "hong.xlsx", bytes: new TextEncoder().encode("không phải bảng tính") }]);
    const broken: FeedbackItem = { ...items[0]!, file: "hong.xlsx" };
    renderWith(<FeedbackButton items={[items[0]!, broken, items[1]!]} testId="feedback-all" />, STANDALONE, {
      files: createFileUseCases({ makeWorker: brokenWorkers("error").make }),
    });
    fireEvent.click(screen.getByTestId("feedback-all"));
    await waitFor(() => expect(downloads).toHaveLength(1), { timeout: 30_000 });
    expect(await zipNames(blobs[0]!)).toEqual(["don-vi-1 - góp ý.xlsx", "don-vi-2 - góp ý.xlsx"]);
    const said = screen.getByTestId("feedback-status").textContent!;
    expect(said).toMatch(/^Đã tạo "Góp ý các đơn vị [\d-]+\.zip" gồm 2 tệp góp ý\. Không tạo được tệp góp ý của "hong\.xlsx": /);
    expect(said).not.toMatch(/don-vi|Trình đọc tệp/);
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
  it("moves the file taken out to a worker that has answered (the page holds it no longer), and keeps the message", async () => {
    const bytes = await unitFile(0);
    const message: InputFile = { name: "thu.eml", bytes: new Uint8Array([1]) };
    keepFiles([message]);
    const [first] = await threeUnits();
    const workers = inProcessWorkers();
    const real = createFileUseCases({ makeWorker: workers.make });
    const taken: InputFile = { name: "thu.eml › a.xlsx", bytes: bytes.slice() };
    const files: FileUseCases = { ...real, entriesOf: async () => new Map([["a.xlsx", taken]]) };
    const item: FeedbackItem = { file: "thu.eml › a.xlsx", ...findingOf({ name: "a.xlsx", bytes }), origin: { kind: "email", container: "thu.eml", path: "a.xlsx" } };
    captureDownloads();
    const text = await downloadFeedback([first!, item], files);
    expect(text).toMatch(/^Đã tạo "Góp ý các đơn vị [\d-]+\.zip" gồm 2 tệp góp ý\.$/);
    // The page's own file copied (to a worker not yet known to have loaded), the one taken out moved, then the two made.
    expect(workers.requests.filter((r) => r.request.kind === "feedback").map((r) => r.transferred)).toEqual([0, 1, 2]);
    expect(taken.bytes.byteLength).toBe(0);
    expect(keptFile("thu.eml")!.bytes.byteLength).toBe(1);
  }, 60_000);
});
