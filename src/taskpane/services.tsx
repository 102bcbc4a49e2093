/**
 * What the task pane's components may use, handed down through React context.
 * Components never touch `Excel` or `Office` themselves: inside Excel the
 * services are backed by Office.js (src/hosts/excel/), in the standalone page by
 * files, and in tests by fakes.
 */
import { createContext, useContext, type ReactNode } from "react";
import type { HostInfo, HostKind } from "../hosts/excel/host";
import { featureSupport, type FeatureSupport } from "../hosts/excel/host";
import { createFileUseCases } from "../hosts/browser/file-use-cases";
import type { FileUseCases, WorkbookUseCases } from "../app/usecases";

export interface Services {
  /** "excel" inside Excel, "standalone" as a web page outside Office. */
  readonly host: HostKind;
  /** Highest supported ExcelApi 1.n as n (0 when standalone). */
  readonly excelApi: number;
  /** Office platform ("PC", "Mac", "OfficeOnline" ...), null when standalone. */
  readonly platform: string | null;
  /** What this Excel can do (all false when standalone). */
  readonly features: FeatureSupport;
  /** Files chosen or dropped by the user, templates and summaries to download: everywhere. */
  readonly files: FileUseCases;
  /** The open workbook through Office.js; null when standalone. */
  readonly workbook: WorkbookUseCases | null;
}

export function servicesFor(
  info: HostInfo,
  parts: { files?: FileUseCases; workbook?: WorkbookUseCases | null } = {},
): Services {
  return {
    host: info.host,
    excelApi: info.excelApi,
    platform: info.platform,
    features: featureSupport(info.excelApi),
    files: parts.files ?? createFileUseCases(),
    workbook: info.host === "excel" ? (parts.workbook ?? null) : null,
  };
}

const ServicesContext = createContext<Services | null>(null);

export function ServicesProvider(props: { services: Services; children: ReactNode }) {
  return <ServicesContext.Provider value={props.services}>{props.children}</ServicesContext.Provider>;
}

export function useServices(): Services {
  const services = useContext(ServicesContext);
  if (!services) throw new Error("useServices() needs a <ServicesProvider> above it.");
  return services;
}
