/**
 * Runs `callback` once the page is idle (what the user waits for is drawn first), at most about
 * `timeoutMs` later; where requestIdleCallback is missing (older webviews), after a short pause.
 * Answers a function that cancels it if it has not run.
 */
export function whenIdle(callback: () => void, timeoutMs = 1000): () => void {
  const w = globalThis as {
    requestIdleCallback?: (callback: () => void, options?: { timeout: number }) => number;
    cancelIdleCallback?: (handle: number) => void;
  };
  if (typeof w.requestIdleCallback === "function") {
    const handle = w.requestIdleCallback(callback, { timeout: timeoutMs });
    return () => w.cancelIdleCallback?.(handle);
  }
  const timer = setTimeout(callback, 100);
  return () => clearTimeout(timer);
}
