/**
 * Where the task pane runs: inside Excel (with which ExcelApi requirement set)
 * or as a standalone web page. The only place that reads `Office` globals for
 * this; the rest of the UI receives the answer through its services.
 */
import { highestExcelApi } from "./run";

export type HostKind = "excel" | "standalone";

export interface HostInfo {
  readonly host: HostKind;
  /** Highest supported "ExcelApi 1.n" as n (0 outside Excel). */
  readonly excelApi: number;
  /** Office.PlatformType as a string ("PC", "Mac", "OfficeOnline" ...), null outside Office. */
  readonly platform: string | null;
}

/** The ExcelApi minor versions features need. */
export const EXCEL_API = {
  /** The manifest's minimum (Office 2019). */
  minimum: 7,
  /** Range.dataValidation. */
  dataValidation: 8,
  /** Worksheet.pageLayout (paper size, orientation, print titles). */
  pageLayout: 9,
  /** RangeFill.pattern, patternColor, patternTintAndShade, tintAndShade (the adapter's highlight). */
  fillPattern: 9,
} as const;

export interface FeatureSupport {
  readonly dataValidation: boolean;
  readonly pageLayout: boolean;
}

export function featureSupport(excelApi: number): FeatureSupport {
  return {
    dataValidation: excelApi >= EXCEL_API.dataValidation,
    pageLayout: excelApi >= EXCEL_API.pageLayout,
  };
}

export const STANDALONE: HostInfo = Object.freeze({ host: "standalone", excelApi: 0, platform: null });

/** The parts of the Office.js global this module reads (so tests can pass a fake). */
export interface OfficeLike {
  onReady(): Promise<{ host: unknown; platform: unknown }>;
  readonly HostType: { readonly Excel: unknown };
  readonly context?: {
    readonly requirements?: { isSetSupported(name: string, minVersion?: string): boolean };
  };
}

/** The Office global when office.js has loaded, else undefined. */
export function officeGlobal(): OfficeLike | undefined {
  // `window`, not globalThis: EdgeHTML 18 (Office 2019's webview) has no globalThis.
  const office = typeof window === "undefined" ? undefined : (window as { Office?: unknown }).Office;
  return typeof office === "object" && office !== null && typeof (office as OfficeLike).onReady === "function"
    ? (office as OfficeLike)
    : undefined;
}

/**
 * Waits for Office once and describes the host. Outside Office (office.js
 * absent, or `onReady` reporting no host, or no answer within `timeoutMs`) the
 * page runs standalone.
 */
export async function detectHost(office: OfficeLike | undefined = officeGlobal(), timeoutMs = 20_000): Promise<HostInfo> {
  if (!office) return STANDALONE;
  let timer: ReturnType<typeof setTimeout> | undefined;
  const timeout = new Promise<"timeout">((resolve) => {
    timer = setTimeout(() => resolve("timeout"), timeoutMs);
  });
  try {
    const info = await Promise.race([office.onReady(), timeout]);
    if (info === "timeout") {
      console.warn(`Office.onReady did not answer within ${timeoutMs} ms; running standalone.`);
      return STANDALONE;
    }
    if (info.host !== office.HostType.Excel) return STANDALONE;
    const requirements = office.context?.requirements;
    const excelApi = requirements ? highestExcelApi((name, version) => requirements.isSetSupported(name, version)) : 0;
    return { host: "excel", excelApi, platform: typeof info.platform === "string" ? info.platform : null };
  } finally {
    if (timer !== undefined) clearTimeout(timer);
  }
}
