/**
 * Runs `fn` with TextDecoder as the task pane's polyfill gives it where the browser has none
 * (EdgeHTML 18): src/taskpane/polyfills.ts loaded with the built-in deleted; then puts Node's back.
 */
export function withPaneTextDecoder(fn: () => void): void {
  const restore = installPaneDecoder();
  try {
    fn();
  } finally {
    restore();
  }
}

/**
 * As withPaneTextDecoder, for asynchronous work: `fn` is awaited before Node's TextDecoder is put
 * back. Modules that keep a decoder made when they load should be loaded inside `fn`
 * (jest.isolateModulesAsync) to get the polyfill's.
 */
export async function withPaneTextDecoderAsync(fn: () => Promise<void>): Promise<void> {
  const restore = installPaneDecoder();
  try {
    await fn();
  } finally {
    restore();
  }
}

/** Deletes Node's TextDecoder, loads the pane's polyfill in its place; returns what puts Node's back. */
function installPaneDecoder(): () => void {
  const scope = globalThis as { self?: unknown; TextDecoder?: unknown };
  const [decoder, self] = [scope.TextDecoder, scope.self];
  const restore = (): void => {
    scope.TextDecoder = decoder;
    scope.self = self;
  };
  try {
    delete scope.TextDecoder;
    scope.self = globalThis;
    jest.isolateModules(() => void jest.requireActual("../../src/taskpane/polyfills"));
    if (scope.TextDecoder === decoder || typeof scope.TextDecoder !== "function") throw new Error("the pane's TextDecoder polyfill was not installed");
  } catch (error) {
    restore();
    throw error;
  }
  return restore;
}
