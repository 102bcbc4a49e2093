/**
 * A stand-in for the pane's Worker that runs the real worker module
 * (src/hosts/browser/read.worker.ts) in this thread, a fresh copy of it for
 * each worker made: each message is passed through a real MessageChannel, so
 * it is structured-cloned and the buffers in its transfer list are detached
 * from the sender, as a browser does. Works under jsdom (where the test's
 * realm is not Node's: what comes out of the channel is rebuilt in this realm).
 */
import { MessageChannel, receiveMessageOnPort } from "node:worker_threads";
import type { WorkerRequest, WorkerResponse } from "../../src/hosts/browser/protocol";

/** `value` as it arrives at the other side of postMessage. */
function passed<T>(value: T, transfer: readonly Transferable[] = []): T {
  const { port1, port2 } = new MessageChannel();
  try {
    port1.postMessage(value, transfer as never);
    return local(receiveMessageOnPort(port2)!.message) as T;
  } finally {
    port1.close();
    port2.close();
  }
}

/** Rebuilt with this realm's arrays and objects (jsdom's Uint8Array is not Node's). */
function local(value: unknown): unknown {
  if (value === null || typeof value !== "object") return value;
  if (ArrayBuffer.isView(value)) return new Uint8Array(value.buffer, value.byteOffset, value.byteLength).slice();
  if (Array.isArray(value)) return value.map(local);
  if (value instanceof Map || Object.prototype.toString.call(value) === "[object Map]") return new Map([...(value as Map<unknown, unknown>)].map(([k, v]) => [local(k), local(v)]));
  if (Object.prototype.toString.call(value) === "[object Date]") return new Date((value as Date).getTime());
  return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, local(v)]));
}

export interface InProcessWorkers {
  /** Makes a worker (createFileUseCases' makeWorker). */
  readonly make: () => Promise<Worker>;
  /** Every request sent to any of them, as the worker received it, with its transfer list's length. */
  readonly requests: { readonly request: WorkerRequest; readonly transferred: number }[];
  /** How many were made, and terminated. */
  readonly made: () => number;
  readonly terminated: () => number;
}

/**
 * Workers running the real worker module in this thread. `hold(request)`: true for a request the
 * worker never answers (a parser stuck on a hostile file), to test what the page does past the time limit.
 */
export function inProcessWorkers(hold: (request: WorkerRequest) => boolean = () => false): InProcessWorkers {
  const requests: { request: WorkerRequest; transferred: number }[] = [];
  let made = 0;
  let terminated = 0;
  const make = async (): Promise<Worker> => {
    made++;
    let ended = false;
    const worker = {
      onmessage: null as ((event: MessageEvent<WorkerResponse>) => void) | null,
      onerror: null as ((event: ErrorEvent) => void) | null,
      addEventListener: () => undefined,
      removeEventListener: () => undefined,
      postMessage(message: WorkerRequest, transfer: Transferable[] = []) {
        const request = passed(message, transfer);
        requests.push({ request, transferred: transfer.length });
        if (ended || hold(request)) return;
        setTimeout(() => scope.onmessage?.({ data: request } as MessageEvent<WorkerRequest>), 0);
      },
      terminate() {
        if (!ended) terminated++;
        ended = true;
      },
    };
    const scope = {
      onmessage: null as ((event: MessageEvent<WorkerRequest>) => void) | null,
      postMessage(message: WorkerResponse, transfer: Transferable[] = []) {
        if (ended) return;
        const response = passed(message, transfer);
        setTimeout(() => {
          if (!ended) worker.onmessage?.({ data: response } as MessageEvent<WorkerResponse>);
        }, 0);
      },
    };
    // A copy of the module of its own, its `self` this worker's scope.
    const global = globalThis as { self?: unknown };
    const before = Object.getOwnPropertyDescriptor(global, "self");
    Object.defineProperty(global, "self", { value: scope, configurable: true, writable: true });
    try {
      jest.isolateModules(() => {
        // eslint-disable-next-line @typescript-eslint/no-require-imports
        require("../../src/hosts/browser/read.worker");
      });
    } finally {
      if (before) Object.defineProperty(global, "self", before);
      else delete global.self;
    }
    return worker as unknown as Worker;
  };
  return { make, requests, made: () => made, terminated: () => terminated };
}
