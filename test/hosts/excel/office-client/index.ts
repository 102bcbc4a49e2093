/**
 * Excel through Microsoft's own client: `new OfficeHarness()` keeps a
 * workbook in memory, and `harness.run` (for runExcel and the workbook use
 * cases) gives each batch a real Excel.RequestContext whose requests the
 * harness's Responder answers.
 */
import { officeClient, route } from "./load";
import { Responder, type ResponderOptions } from "./responder";
import { Workbook } from "./workbook";

export { REQUEST_LIMIT, MERGED_AREAS_LIMIT, CELL_TEXT_LIMIT, type ActionInfo } from "./responder";
import type { ActionInfo } from "./responder";

/** A fault that fails the first action `matches` accepts, once, as Excel fails a request part-way (its earlier actions kept). */
export function failOnce(matches: (a: ActionInfo) => boolean): (a: ActionInfo) => string | undefined {
  let armed = true;
  return (a) => {
    if (!armed || !matches(a)) return undefined;
    armed = false;
    return "GeneralException";
  };
}
export { Workbook, Sheet, typed, dateSerial, type Cell } from "./workbook";

export class OfficeHarness {
  readonly book: Workbook;
  readonly responder: Responder;
  private readonly url: string;
  /** How many requests each `run` sent, in order. */
  readonly runs: number[] = [];

  constructor(options: ResponderOptions & { book?: Workbook } = {}) {
    this.book = options.book ?? new Workbook();
    this.responder = new Responder(this.book, options);
    this.url = route((request) => this.responder.answer(request));
  }

  /** A new request context talking to this workbook. */
  context(): Excel.RequestContext {
    const { Excel: client } = officeClient();
    return new client.RequestContext(this.url) as unknown as Excel.RequestContext;
  }

  /**
   * An Excel.run over this workbook. With options (delayForCellEdit…) it is
   * the client's own Excel.run, which also queues a _KeepReference for every
   * object the batch makes; without, the batch gets a bare RequestContext
   * (the requests then lack those actions).
   */
  readonly run = async <T>(batch: (context: Excel.RequestContext) => Promise<T>, options?: Excel.RunOptions): Promise<T> => {
    const before = this.responder.requestBytes.length;
    const { Excel: client } = officeClient();
    try {
      if (options) return await client.run({ ...options, session: this.url } as unknown as Excel.RunOptions, batch);
      return await batch(this.context());
    } finally {
      this.runs.push(this.responder.requestBytes.length - before);
    }
  };

  get maxRequestBytes(): number {
    return this.responder.maxRequestBytes;
  }

  get unsupported(): readonly string[] {
    return this.responder.unsupported;
  }
}
