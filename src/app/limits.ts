/** How long one file may take to read before it is stopped (every surface: the page's worker, the CLI's worker threads). */
export const FILE_TIME_LIMIT_MS = 60_000;

/**
 * A folder dropped on the task pane is read with its subfolders, within bounds: at most this many
 * files taken from the folders of one drop (as many as an archive may hold), at most this many
 * levels of subfolders below the folder dropped, and at most this many entries of any kind looked
 * at (a whole drive dropped by mistake is not walked to its end).
 */
export const DROPPED_FOLDER_LIMITS = { files: 1000, depth: 5, entries: 20_000 } as const;
