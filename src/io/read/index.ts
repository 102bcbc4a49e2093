export { readWorkbookFile } from "./workbook";
export { WorkbookReadError, DEFAULT_LIMITS, type ReadLimits } from "./errors";
export { scanZip, listZip } from "./zip";
