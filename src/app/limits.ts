/** How long one file may take to read before it is stopped (every surface: the page's worker, the CLI's worker threads). */
export const FILE_TIME_LIMIT_MS = 60_000;
