/**
 * The workbook use cases of the task pane, backed by Office.js. Every method
 * is one operation run through `runExcel` (waits out or retries a cell
 * edit, Vietnamese errors); the operations live in small modules and sync
 * a bounded number of times.
 */
import { systemClock } from "../../app/clock";
import type { CellRef, WorkbookUseCases } from "../../app/usecases";
import type { CellStyle, WorkbookLayout } from "../../domain/sheets";
import { foldText } from "../../domain/text";
import { WriteAttempts } from "./attempts";
import { isOwnChange, unwatchChanges, watchChanges } from "./changes";
import { clearHighlightCells, HIGHLIGHT_FILL, HighlightMemory, highlightCells } from "./highlight";
import { readOpenWorkbook } from "./read-workbook";
import { insertLayout } from "./render-layout";
import { runExcel, type RunOptions } from "./run";
import { selectCell } from "./select";
import { writeSummaryLayout } from "./summary";
import { readUnitsSheet } from "./units";

export interface WorkbookServiceOptions {
  /** The host's highest ExcelApi minor version (see highestExcelApi). */
  readonly apiVersion: number;
  /** The Excel.run to use (tests pass a recording fake). */
  readonly run?: RunOptions["run"];
  /** The date of "(cũ …)" suffixes (default today). */
  readonly today?: () => Date;
}

/**
 * Below ExcelApi 1.14 a change event does not say who made the change: the
 * events that come while the pane writes, or within this many milliseconds
 * after, are taken as the pane's own.
 */
export const OWN_CHANGE_GRACE_MS = 500;

export function createWorkbookUseCases(options: WorkbookServiceOptions): WorkbookUseCases {
  const { apiVersion } = options;
  const runOptions: RunOptions = { apiVersion, ...(options.run ? { run: options.run } : {}) };
  const run = <T>(operation: (context: Excel.RequestContext) => Promise<T>): Promise<T> => runExcel(operation, runOptions);
  const memory = new HighlightMemory();
  const today = options.today ?? (() => systemClock.now());

  // Changes made by the pane's own writes (insert, summary, marks and taking them off) are not the
  // user's: the change handler ignores them, by the event's triggerSource where the host gives it.
  let ownWrites = 0;
  let ownUntil = 0;
  const own = async <T>(work: () => Promise<T>): Promise<T> => {
    ownWrites++;
    try {
      return await work();
    } finally {
      ownWrites--;
      ownUntil = Date.now() + OWN_CHANGE_GRACE_MS;
    }
  };

  return {
    sheetNames: () =>
      run(async (context) => {
        const worksheets = context.workbook.worksheets;
        worksheets.load("items/name");
        await context.sync();
        return worksheets.items.map((w) => w.name);
      }),

    insertLayout: (layout: WorkbookLayout, { renameExisting }: { renameExisting: boolean }) => {
      const attempts = new WriteAttempts();
      return own(() =>
        run(async (context) => {
          const result = await insertLayout(context, layout, { apiVersion, renameExisting, today: today(), attempts });
          return { skipped: result.skipped };
        }),
      );
    },

    readWorkbook: (only?: readonly string[]) =>
      run((context) => {
        const keys = only?.map(foldText);
        return readOpenWorkbook(context, { apiVersion, ...(keys ? { sheets: (name: string) => keys.includes(foldText(name)) } : {}) });
      }),

    readUnits: () => run((context) => readUnitsSheet(context)),

    selectCell: (ref: CellRef) => run((context) => selectCell(context, ref)),

    highlight: (refs: readonly CellRef[], style?: Pick<CellStyle, "fill">) =>
      own(() =>
        run((context) =>
          highlightCells(context, refs, { fill: style?.fill ? `#${style.fill}` : HIGHLIGHT_FILL, apiVersion, memory }),
        ),
      ),

    clearHighlight: () => own(() => run((context) => clearHighlightCells(context, { apiVersion, memory }))),

    onChanged: async (callback: () => void) => {
      const results = await run((context) =>
        watchChanges(
          context,
          apiVersion,
          (event) => {
            if (isOwnChange(event, apiVersion, () => ownWrites > 0 || Date.now() < ownUntil)) return;
            callback();
          },
          ...(options.run ? [(context: Excel.RequestContext, batch: (c: Excel.RequestContext) => Promise<void>) => batch(context)] : []),
        ),
      );
      if (results === null) return null;
      const first = results[0];
      if (!first) return async () => {};
      // Handlers are removed in the request context they were added in.
      const context = first.context as Excel.RequestContext;
      return () =>
        runExcel(() => unwatchChanges(results), {
          run: (batch) => (options.run ? batch(context) : Excel.run(context, batch)),
        });
    },

    writeSummary: (layout: WorkbookLayout) => {
      const attempts = new WriteAttempts();
      return own(() =>
        run(async (context) => {
          const result = await writeSummaryLayout(context, layout, { apiVersion, today: today(), attempts });
          return { replaced: result.replaced, copies: result.copies, skipped: result.skipped, renamed: result.renamed };
        }),
      );
    },
  };
}
