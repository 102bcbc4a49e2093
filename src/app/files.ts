/**
 * FileUseCases for the task pane and the standalone page. Every heavy module
 * (the readers, the .xlsx and .docx writers, SheetJS, ExcelJS, fflate, docx) is loaded with
 * import() so it lands in a lazy chunk. Reading runs in a Web Worker where
 * the page has one (the bytes are transferred, not copied), one file at a
 * time with progress, and stops at once on abort (the worker is
 * terminated); without Worker (jsdom, Node) it runs on the main thread.
 */
import type { WorkbookGrid } from "../domain/model/grid";
import type { WorkbookLayout } from "../domain/model/layout";
import type { TargetsUsed } from "../domain/check";
import type { MergeOptions, MergeSource, Summary } from "../domain/merge";
import type { SummaryLayoutOptions } from "../domain/sheets/summary";
import type { Unit } from "../domain/units";
import { messageFor } from "../domain/rules/messages";
import type { WorkerRequest, WorkerResponse } from "../hosts/browser/protocol";
import type { CheckResult, DraftOptions, FileUseCases, InputFile, MergeRun, Progress, TemplateRequest } from "./usecases";

/** The user stopped the work. */
export class CancelledError extends Error {
  override readonly name = "CancelledError";
  constructor() {
    super("Đã hủy.");
  }
}

/** A file that could not be read: `message` is Vietnamese and names the file. */
export class FileReadError extends Error {
  override readonly name = "FileReadError";
  constructor(
    readonly fileName: string,
    readonly code: string | null,
    message: string,
  ) {
    super(message);
  }
}

export interface FileUseCaseOptions {
  /**
   * Makes the read worker; null to read on the main thread. Default: the
   * bundled worker where `Worker` exists, else null.
   */
  readonly makeWorker?: (() => Promise<Worker>) | null;
  /** Where the sample files are served from (default: the page's address). */
  readonly sampleBase?: string;
  /** Time limit for reading one file in the worker (default FILE_TIME_LIMIT_MS). */
  readonly fileTimeLimitMs?: number;
}

function today(): string {
  const d = new Date();
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, "0")}-${String(d.getDate()).padStart(2, "0")}`;
}

function defaultMakeWorker(): (() => Promise<Worker>) | null {
  if (typeof Worker === "undefined") return null;
  return async () => (await import("../hosts/browser/spawn")).spawnReadWorker();
}

/** The worker was ended because a file took longer than its time limit. */
class TimeLimitError extends Error {
  override readonly name = "TimeLimitError";
}

/** A read worker and the requests in flight to it; a new worker is made after it is terminated. */
class ReadWorkerClient {
  private worker: Worker | null = null;
  private nextId = 1;
  private readonly pending = new Map<
    number,
    { resolve: (r: WorkerResponse) => void; reject: (e: Error) => void; onProgress?: (p: Progress) => void }
  >();

  constructor(private readonly make: () => Promise<Worker>) {}

  private async get(): Promise<Worker> {
    if (this.worker) return this.worker;
    const worker = await this.make();
    worker.onmessage = (event: MessageEvent<WorkerResponse>) => {
      const message = event.data;
      const entry = this.pending.get(message.id);
      if (!entry) return;
      if (message.kind === "progress") entry.onProgress?.({ done: message.done, total: message.total, item: message.item });
      else {
        this.pending.delete(message.id);
        entry.resolve(message);
      }
    };
    worker.onerror = (event: ErrorEvent) => {
      event.preventDefault();
      this.fail(new Error(`Trình đọc tệp gặp lỗi: ${event.message || "không rõ nguyên nhân"}.`));
    };
    this.worker = worker;
    return worker;
  }

  /** Ends the worker (pending requests are rejected as cancelled). */
  close(): void {
    if (this.worker || this.pending.size > 0) this.fail(new CancelledError());
  }

  private fail(error: Error): void {
    this.worker?.terminate();
    this.worker = null;
    for (const entry of this.pending.values()) entry.reject(error);
    this.pending.clear();
  }

  /** Like request, but ends the worker and answers "timeout" when no answer comes within `limitMs`. */
  async requestWithin(
    limitMs: number,
    body: { kind: "read"; files: readonly InputFile[] },
    onProgress?: (p: Progress) => void,
    signal?: AbortSignal,
  ): Promise<WorkerResponse | "timeout"> {
    let timer: ReturnType<typeof setTimeout> | undefined;
    const timedOut = new Promise<"timeout">((resolve) => {
      timer = setTimeout(() => resolve("timeout"), limitMs);
    });
    const answer = this.request(body, onProgress, signal);
    try {
      const first = await Promise.race([answer, timedOut]);
      if (first === "timeout") {
        this.fail(new TimeLimitError());
        await answer.catch((error: unknown) => {
          if (!(error instanceof TimeLimitError)) throw error;
        });
      }
      return first;
    } finally {
      clearTimeout(timer);
    }
  }

  async request(
    body: { kind: "read"; files: readonly InputFile[] } | { kind: "check" | "targets"; file: InputFile },
    onProgress?: (p: Progress) => void,
    signal?: AbortSignal,
  ): Promise<WorkerResponse> {
    if (signal?.aborted) throw new CancelledError();
    const worker = await this.get();
    if (signal?.aborted) {
      this.close();
      throw new CancelledError();
    }
    const id = this.nextId++;
    const request = { id, ...body } as WorkerRequest;
    const files = body.kind === "read" ? body.files : [body.file];
    const transfer: Transferable[] = [];
    for (const f of files) {
      const buffer = f.bytes.buffer;
      if (buffer instanceof ArrayBuffer && !transfer.includes(buffer)) transfer.push(buffer);
    }
    return new Promise<WorkerResponse>((resolve, reject) => {
      const onAbort = () => this.fail(new CancelledError());
      signal?.addEventListener("abort", onAbort, { once: true });
      const done = <T>(settle: (v: T) => void) => (v: T) => {
        signal?.removeEventListener("abort", onAbort);
        settle(v);
      };
      this.pending.set(id, { resolve: done(resolve), reject: done(reject), ...(onProgress ? { onProgress } : {}) });
      worker.postMessage(request, transfer);
    });
  }
}

/** How long one file may take to read before it is stopped. */
export const FILE_TIME_LIMIT_MS = 60_000;

function timeoutError(file: string, limitMs: number): { code: "timeout"; message: string } {
  return { code: "timeout", message: messageFor("timeout", { file, seconds: Math.round(limitMs / 1000) }) };
}

/** SHA-256 of the bytes as lowercase hex, taken before the bytes are handed to the worker. */
async function sha256Hex(bytes: Uint8Array): Promise<string> {
  const digest = await globalThis.crypto.subtle.digest("SHA-256", bytes as Uint8Array<ArrayBuffer>);
  return [...new Uint8Array(digest)].map((b) => b.toString(16).padStart(2, "0")).join("");
}

/** Runs `read` on the main thread, turning the reader's WorkbookReadError into a FileReadError naming the file. */
async function onMainThread<T>(file: InputFile, read: () => Promise<T>): Promise<T> {
  try {
    return await read();
  } catch (error) {
    const code = (error as { code?: unknown }).code;
    if (error instanceof Error && error.name === "WorkbookReadError") {
      throw new FileReadError(file.name, typeof code === "string" ? code : null, error.message);
    }
    throw error;
  }
}

function failure(response: WorkerResponse, fileName: string): never {
  if (response.kind === "failed") throw new FileReadError(fileName, response.code, response.message);
  throw new Error(`Trình đọc tệp trả lời không đúng (${response.kind}).`);
}

export function createFileUseCases(options: FileUseCaseOptions = {}): FileUseCases {
  const make = options.makeWorker === undefined ? defaultMakeWorker() : options.makeWorker;
  // Checks share one long-lived worker; each merge read gets its own, so cancelling it stops nothing else.
  const client = make ? new ReadWorkerClient(make) : null;

  const unitLayout = async (request: TemplateRequest): Promise<WorkbookLayout> => {
    const [{ buildUnitWorkbook }, units] = await Promise.all([import("../domain/sheets"), import("../domain/units")]);
    return buildUnitWorkbook({
      unitName: request.unitName,
      ...(request.unitCode !== undefined && request.unitCode !== "" ? { unitCode: request.unitCode } : {}),
      level: request.level ?? "co-so",
      place: request.place !== undefined && request.place.trim() !== "" ? request.place : units.defaultPlace({ name: request.unitName }),
      superior: request.superior !== undefined && request.superior.trim() !== "" ? request.superior : units.DEFAULT_SUPERIOR,
      format: units.headerFormatOf({ name: request.unitName }),
      created: today(),
    });
  };

  const writeXlsx = async (layout: WorkbookLayout): Promise<Uint8Array> => (await import("../io/write")).writeWorkbookXlsx(layout);

  return {
    unitLayout,
    writeXlsx,

    async unitTemplate(request) {
      return writeXlsx(await unitLayout(request));
    },

    async unitTemplatesZip(units: readonly Unit[], opts, onProgress, signal) {
      const [write, { zipSync }] = await Promise.all([import("../io/write"), import("fflate")]);
      const names = write.unitFileNames(units);
      const files: Record<string, Uint8Array> = {};
      for (const [i, unit] of units.entries()) {
        if (signal?.aborted) throw new CancelledError();
        onProgress?.({ done: i, total: units.length, item: unit.name });
        files[names[i]!] = await write.writeUnitTemplate(unit, { ...(opts.superior ? { superior: opts.superior } : {}), created: today() });
        // Let the page paint the progress between workbooks.
        await new Promise((resolve) => setTimeout(resolve, 0));
      }
      if (signal?.aborted) throw new CancelledError();
      onProgress?.({ done: units.length, total: units.length, item: units[units.length - 1]?.name ?? "" });
      return zipSync(files, { level: 0 });
    },

    async checkFile(file: InputFile): Promise<CheckResult> {
      if (client) {
        const response = await client.request({ kind: "check", file });
        if (response.kind === "check-done") return response.result;
        return failure(response, file.name);
      }
      const { checkBytes } = await import("../hosts/browser/tasks");
      return onMainThread(file, () => checkBytes(file));
    },

    async readTargetsFile(file: InputFile): Promise<TargetsUsed> {
      if (client) {
        const response = await client.request({ kind: "targets", file });
        if (response.kind === "targets-done") return response.targets;
        return failure(response, file.name);
      }
      const { targetsOfBytes } = await import("../hosts/browser/tasks");
      return onMainThread(file, () => targetsOfBytes(file));
    },

    async targetsOfGrid(grid: WorkbookGrid): Promise<TargetsUsed> {
      return (await import("../domain/check")).targetsOfWorkbook(grid);
    },

    async checkGrid(grid: WorkbookGrid, name: string): Promise<CheckResult> {
      return (await import("../hosts/browser/tasks")).checkGrid(grid, name);
    },

    async readFiles(files, onProgress, signal): Promise<MergeSource[]> {
      if (make) {
        // One request per file, each under a time limit: a file that runs past it is stopped (the
        // worker is ended and a new one takes the next file) and merges as rejected.
        const reader = new ReadWorkerClient(make);
        const limitMs = options.fileTimeLimitMs ?? FILE_TIME_LIMIT_MS;
        const sources: MergeSource[] = [];
        try {
          for (const [i, file] of files.entries()) {
            onProgress?.({ done: i, total: files.length, item: file.name });
            const sha256 = await sha256Hex(file.bytes);
            const response = await reader.requestWithin(limitMs, { kind: "read", files: [file] }, undefined, signal);
            if (response === "timeout") {
              sources.push({ file: file.name, sha256, ...(file.lastModified !== undefined ? { fileTime: file.lastModified } : {}), error: timeoutError(file.name, limitMs) });
            } else if (response.kind === "read-done" && response.sources.length === 1) {
              sources.push(response.sources[0]!);
            } else {
              failure(response, file.name);
            }
          }
          if (files.length > 0) onProgress?.({ done: files.length, total: files.length, item: files[files.length - 1]!.name });
          return sources;
        } finally {
          reader.close();
        }
      }
      const { readAll } = await import("../hosts/browser/tasks");
      const sources = await readAll(
        files,
        (done, total, item) => onProgress?.({ done, total, item }),
        () => signal?.aborted === true,
      );
      if (signal?.aborted) throw new CancelledError();
      return sources;
    },

    async summarise(sources, mergeOptions: MergeOptions, layout: SummaryLayoutOptions): Promise<MergeRun> {
      // What app/merge's summarise does, from the pure modules only: the file readers stay out of the page.
      const [{ mergeReports }, { buildSummaryWorkbook }] = await Promise.all([import("../domain/merge"), import("../domain/sheets/summary")]);
      const summary = mergeReports(sources, mergeOptions);
      return { sources, summary, layout: buildSummaryWorkbook(summary, layout) };
    },

    async reportDraft(summary: Summary, draftOptions: DraftOptions): Promise<Uint8Array> {
      // The docx writer is the heaviest library of all: it loads only when a draft is asked for.
      const [{ buildReportDraft }, { writeDraftDocx }] = await Promise.all([import("../domain/report-draft"), import("../io/docx")]);
      return writeDraftDocx(buildReportDraft(summary, draftOptions));
    },

    async sampleFiles(): Promise<InputFile[]> {
      return (await import("./sample")).fetchSampleFiles(options.sampleBase);
    },
  };
}

/**
 * A unit list chosen by the user (standalone page): a .csv (UTF-8) or a
 * workbook whose "Đơn vị" sheet, else first visible sheet, names the units in
 * its first column or its "Tên đơn vị" column. Units of the built-in Tam
 * Đường list keep their code, header format and superior line. Rejects with a
 * Vietnamese reason naming the file when nothing usable is in it.
 */
export async function readUnitsList(file: InputFile): Promise<{ units: Unit[]; warnings: string[] }> {
  const [units, text, layout] = await Promise.all([import("../domain/units"), import("../domain/text"), import("../domain/sheets")]);
  let sheet: import("../domain/model/grid").GridSheet | undefined;
  try {
    if (/\.(csv|txt)$/i.test(file.name)) {
      const XLSX = await import("@e965/xlsx");
      const csv = new TextDecoder("utf-8").decode(file.bytes).replace(/^\ufeff/, "");
      const wb = XLSX.read(csv, { type: "string", raw: true });
      const first = wb.SheetNames[0];
      const rows = first ? XLSX.utils.sheet_to_json<unknown[]>(wb.Sheets[first]!, { header: 1, raw: true, defval: null, blankrows: true }) : [];
      sheet = {
        name: file.name,
        visibility: "visible",
        rows: rows.map((row) => row.map((v) => (v === null || v === undefined ? undefined : { v: typeof v === "number" ? v : String(v) }))),
        merges: [],
      };
    } else {
      const { readWorkbookFile } = await import("../io/read");
      const grid = readWorkbookFile(file.bytes, file.name);
      sheet =
        grid.sheets.find((s) => text.foldText(s.name) === text.foldText(layout.UNITS_SHEET_NAME)) ??
        grid.sheets.find((s) => s.visibility === "visible" && !s.name.startsWith("_")) ??
        grid.sheets[0];
    }
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    throw new FileReadError(file.name, null, message.includes(file.name) ? message : `Không đọc được danh sách đơn vị ${file.name}: ${message}`);
  }
  if (!sheet) throw new FileReadError(file.name, "empty", `Tệp ${file.name} không có trang tính nào.`);
  const parsed = units.parseUnitsGrid(sheet);
  if (parsed.units.length === 0) {
    throw new FileReadError(file.name, "empty", `Danh sách đơn vị ${file.name} không có đơn vị nào (cột đầu tiên hoặc cột “Tên đơn vị” trống).`);
  }
  const list = parsed.units.map((u) => {
    const known = units.matchUnit(u.name, units.TAM_DUONG_UNITS);
    if (!known) return u;
    return {
      ...u,
      ...(u.code === undefined && known.code !== undefined ? { code: known.code } : {}),
      ...(known.format ? { format: known.format } : {}),
      ...(known.superior ? { superior: known.superior } : {}),
    };
  });
  return { units: list, warnings: parsed.issues.map((i) => `${i.cell}: ${i.message}`) };
}
