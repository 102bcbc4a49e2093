/**
 * The one way work stops when the user asks: every use case and host throws
 * `Cancelled`, and every surface recognises it (and the platform's own
 * AbortError from a signal) with `isCancelled`.
 */
export class Cancelled extends Error {
  override readonly name = "Cancelled";
  constructor() {
    super("Đã hủy.");
  }
}

export function isCancelled(error: unknown): boolean {
  return error instanceof Cancelled || (error instanceof Error && error.name === "AbortError");
}

/** Throws Cancelled when the signal has been aborted. */
export function throwIfCancelled(signal: AbortSignal | undefined): void {
  if (signal?.aborted) throw new Cancelled();
}
