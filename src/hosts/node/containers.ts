/**
 * The CLI's email messages and archives: each opened in a worker thread
 * (src/hosts/node/read-pool.ts), stopped past the time limit for one file,
 * into the spreadsheets inside (src/app/containers.ts). No worker starts when
 * no message or archive is given.
 */
import { expandContainers, type ExpandedFiles } from "../../app/containers";
import type { InputFile } from "../../app/sources";
import { FILE_TIME_LIMIT_MS, workerThreadExpander } from "./read-pool";

export async function openContainers(
  files: readonly InputFile[],
  limitMs: number | undefined,
  keep: (file: InputFile) => boolean = () => false,
): Promise<ExpandedFiles> {
  const expander = workerThreadExpander(limitMs ?? FILE_TIME_LIMIT_MS);
  try {
    return await expandContainers(files, {}, keep, (file) => expander.open(file));
  } finally {
    await expander.close();
  }
}
