/** Fake services for the task pane's component tests: every use case is a jest.fn the test can steer and inspect. */
import { TextDecoder, TextEncoder } from "node:util";
import { render } from "@testing-library/react";
import { FluentProvider, webLightTheme } from "@fluentui/react-components";
import type { ReactNode } from "react";
import { digestOf } from "../../src/app/digest";
import type { FileUseCases, InputFile, MergeRun, WorkbookUseCases } from "../../src/app/usecases";
import { targetsOfWorkbook } from "../../src/domain/check";
import { mergeReports, type MergeSource } from "../../src/domain/merge";
import { buildSummaryWorkbook } from "../../src/domain/sheets/summary";
import type { UnitReport } from "../../src/domain/model/report";
import type { HostInfo } from "../../src/hosts/excel/host";
import { ServicesProvider, servicesFor } from "../../src/taskpane/services";
import { UnitsProvider } from "../../src/taskpane/shared/units";

/**
 * What jsdom lacks and real use cases need: TextEncoder/TextDecoder (the file
 * readers, the docx writer: Node's are the browser's) and ResizeObserver,
 * which Fluent UI's MessageBar uses to choose its layout (a stand-in that
 * never reports a size).
 */
export function fillJsdomGaps(): void {
  class NoResizeObserver {
    observe(): void {}
    unobserve(): void {}
    disconnect(): void {}
  }
  const scope = globalThis as Record<string, unknown>;
  if (scope.TextDecoder === undefined) scope.TextDecoder = TextDecoder;
  if (scope.TextEncoder === undefined) scope.TextEncoder = TextEncoder;
  if (scope.ResizeObserver === undefined) scope.ResizeObserver = NoResizeObserver;
}

type Mocked<T> = { [K in keyof T]: T[K] & jest.Mock };

export const STANDALONE: HostInfo = { host: "standalone", excelApi: 0, platform: null };
export const EXCEL: HostInfo = { host: "excel", excelApi: 10, platform: "PC" };

export function fakeFiles(): Mocked<FileUseCases> {
  return {
    unitLayout: jest.fn(async () => ({ sheets: [] })),
    unitTemplate: jest.fn(async () => new Uint8Array([1])),
    unitTemplatesZip: jest.fn(async () => new Uint8Array([2])),
    checkFile: jest.fn(),
    checkGrid: jest.fn(),
    readFiles: jest.fn(async () => []),
    // The real merge (pure domain code), so statuses follow the options the tab passes.
    summarise: jest.fn(async (sources, options, layout): Promise<MergeRun> => {
      const summary = mergeReports(sources, options);
      return { sources, summary, layout: buildSummaryWorkbook(summary, layout) };
    }),
    writeXlsx: jest.fn(async () => new Uint8Array([3])),
    reportDraft: jest.fn(async () => new Uint8Array([4])),
    readTargetsFile: jest.fn(),
    // The real reading of a "Mục tiêu" sheet (pure domain code).
    targetsOfGrid: jest.fn(async (grid) => targetsOfWorkbook(grid)),
    sampleFiles: jest.fn(async () => []),
    entriesOf: jest.fn(async () => new Map()),
    // The real feedback use case, in this thread.
    feedbackFile: jest.fn(async (file, finding) => (await import("../../src/app/feedback")).feedbackFile(file, finding)),
    feedbackZip: jest.fn(async (outputs) => ({ name: "Góp ý các đơn vị.zip", bytes: (await import("../../src/app/feedback")).feedbackZip(outputs) })),
  } as unknown as Mocked<FileUseCases>;
}

export function fakeWorkbook(): Mocked<WorkbookUseCases> {
  return {
    sheetNames: jest.fn(async () => []),
    insertLayout: jest.fn(async () => ({ skipped: [] })),
    readWorkbook: jest.fn(async () => ({ sheets: [] })),
    readUnits: jest.fn(async () => null),
    selectCell: jest.fn(async () => undefined),
    highlight: jest.fn(async () => undefined),
    clearHighlight: jest.fn(async () => undefined),
    onChanged: jest.fn(async () => null),
    writeSummary: jest.fn(async () => ({ replaced: [], copies: [], skipped: [], renamed: [] })),
  } as unknown as Mocked<WorkbookUseCases>;
}

export function renderWith(
  node: ReactNode,
  info: HostInfo,
  parts: { files: FileUseCases; workbook?: WorkbookUseCases | null },
) {
  return render(
    <FluentProvider theme={webLightTheme}>
      <ServicesProvider services={servicesFor(info, parts)}>
        <UnitsProvider>{node}</UnitsProvider>
      </ServicesProvider>
    </FluentProvider>,
  );
}

/** A unit report as the reader would give it, with only what the merge looks at. */
export function report(fileName: string, unit: string, reportDate: string | null, extra: Partial<UnitReport> = {}): UnitReport {
  return { fileName, unit: { name: unit, source: "header" }, reportDate, indicators: {}, documents: [], issues: [], ...extra };
}

export function source(file: string, unit: string, reportDate: string | null): MergeSource {
  return { file, sha256: file.padEnd(64, "0").slice(0, 64), report: report(file, unit, reportDate) };
}

/** `source` as reading `file` gives it: with the SHA-256 of the file's bytes (the one the file carries, when it does). */
export async function readAs(file: InputFile, source: MergeSource): Promise<MergeSource> {
  return { ...source, sha256: await digestOf(file) };
}

/** Catches the downloads the tab starts (jsdom cannot navigate): the file names, in order. */
export function captureDownloads(): string[] {
  const names: string[] = [];
  URL.createObjectURL = jest.fn(() => "blob:test");
  URL.revokeObjectURL = jest.fn();
  jest.spyOn(HTMLAnchorElement.prototype, "click").mockImplementation(function (this: HTMLAnchorElement) {
    names.push(this.download);
  });
  return names;
}

/** A blob's bytes (jsdom's Blob has no arrayBuffer()). */
export function bytesOf(blob: Blob): Promise<Uint8Array> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => resolve(new Uint8Array(reader.result as ArrayBuffer));
    reader.onerror = () => reject(reader.error);
    reader.readAsArrayBuffer(blob);
  });
}
