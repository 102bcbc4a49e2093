/**
 * Runs `fn` with TextDecoder as the task pane's polyfill gives it where the browser has none
 * (EdgeHTML 18): src/taskpane/polyfills.ts loaded with the built-in deleted; then puts Node's back.
 */
export function withPaneTextDecoder(fn: () => void): void {
  const scope = globalThis as { self?: unknown; TextDecoder?: unknown };
  const [decoder, self] = [scope.TextDecoder, scope.self];
  try {
    delete scope.TextDecoder;
    scope.self = globalThis;
    jest.isolateModules(() => void jest.requireActual("../../src/taskpane/polyfills"));
    if (scope.TextDecoder === decoder || typeof scope.TextDecoder !== "function") throw new Error("the pane's TextDecoder polyfill was not installed");
    fn();
  } finally {
    scope.TextDecoder = decoder;
    scope.self = self;
  }
}
