/**
 * Progress shown a few times a second, not for every file: the first value and
 * a final one are shown at once; the others at most once per interval, the
 * latest of them (shown when the interval ends), so a tab is not rendered again
 * for each of 500 files.
 */

/** How often progress is shown at most (ms). */
export const PROGRESS_INTERVAL_MS = 200;

export interface Throttled<T> {
  push(value: T): void;
  /** Drops a value waiting to be shown. */
  cancel(): void;
}

export function throttled<T>(show: (value: T) => void, isFinal: (value: T) => boolean, intervalMs = PROGRESS_INTERVAL_MS): Throttled<T> {
  let last = Number.NEGATIVE_INFINITY;
  let timer: ReturnType<typeof setTimeout> | undefined;
  let waiting: { value: T } | null = null;
  const now = (): number => Date.now();
  const flush = (value: T): void => {
    clearTimeout(timer);
    timer = undefined;
    waiting = null;
    last = now();
    show(value);
  };
  return {
    push(value) {
      if (isFinal(value) || now() - last >= intervalMs) {
        flush(value);
        return;
      }
      waiting = { value };
      timer ??= setTimeout(() => {
        timer = undefined;
        if (waiting) flush(waiting.value);
      }, Math.max(0, last + intervalMs - now()));
    },
    cancel() {
      clearTimeout(timer);
      timer = undefined;
      waiting = null;
    },
  };
}
