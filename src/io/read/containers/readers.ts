/**
 * Every container reader, for a host that cannot load them on demand with
 * import() (the CLI's worker thread when it runs from the TypeScript
 * sources), which hands them to `useContainerReaders` first. Each reader is
 * required only when its kind of file comes, so an email message does not
 * load the Outlook reader and an archive loads neither.
 */
/* eslint-disable @typescript-eslint/no-require-imports */
import type { ReadLimits } from "../errors";
import type { OpenedContainer } from "./types";

export const CONTAINER_READERS = {
  eml: (bytes: Uint8Array, file: string): Promise<OpenedContainer> => (require("./eml") as typeof import("./eml")).openEml(bytes, file),
  msg: (bytes: Uint8Array, file: string): OpenedContainer => (require("./msg") as typeof import("./msg")).openMsg(bytes, file),
  zip: (bytes: Uint8Array, file: string, limits: ReadLimits): OpenedContainer => (require("./zip-archive") as typeof import("./zip-archive")).openZip(bytes, file, limits),
  rar: (bytes: Uint8Array, file: string, limits: ReadLimits): Promise<OpenedContainer> => (require("./rar") as typeof import("./rar")).openRar(bytes, file, limits),
};
