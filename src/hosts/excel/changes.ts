/**
 * Tells the task pane when the user changes the workbook, so a check can run
 * again. ExcelApi 1.9 has one event for all worksheets (sheets added later
 * included); ExcelApi 1.7 and 1.8 watch each sheet there is when the watch
 * starts, and each sheet added after (the pane's own "Chỉ tiêu", a sheet the
 * user adds) as Excel says it was added (WorksheetCollection.onAdded, 1.7).
 * Older versions have no such event.
 */

/** The ExcelApi minor versions of the events, and of the event's triggerSource. */
export const CHANGE_EVENTS = { perSheet: 7, allSheets: 9, triggerSource: 14 } as const;

/** Excel.EventTriggerSource.thisLocalAddin (the enum is not there at run time on older hosts' clients). */
const THIS_ADDIN = "ThisLocalAddin" satisfies `${Excel.EventTriggerSource.thisLocalAddin}`;

/**
 * Whether a change event comes from this add-in's own writes: from ExcelApi
 * 1.14 the event says so (triggerSource "ThisLocalAddin",
 * Excel.EventTriggerSource.thisLocalAddin); before, `duringOwnWrite` tells
 * (the pane is writing, or has just written).
 */
export function isOwnChange(event: Excel.WorksheetChangedEventArgs, apiVersion: number, duringOwnWrite: () => boolean): boolean {
  const source = (event as { triggerSource?: unknown }).triggerSource;
  if (apiVersion >= CHANGE_EVENTS.triggerSource && typeof source === "string") return source === THIS_ADDIN;
  return duringOwnWrite();
}

export type ChangeHandler = (event: Excel.WorksheetChangedEventArgs) => void;

/** A handler registered by watchChanges: for changes, or (per-sheet events) for sheets added. */
export type WatchResult = OfficeExtension.EventHandlerResult<Excel.WorksheetChangedEventArgs> | OfficeExtension.EventHandlerResult<Excel.WorksheetAddedEventArgs>;

/** Runs a batch again in the request context the handlers were added in (Excel.run with that context). */
export type RunIn = (context: Excel.RequestContext, batch: (context: Excel.RequestContext) => Promise<void>) => Promise<void>;

const runIn: RunIn = (context, batch) => Excel.run(context, batch);

/** Registers the handler (one sync, two for per-sheet events); null when the host has no change events. */
export async function watchChanges(
  context: Excel.RequestContext,
  apiVersion: number,
  handler: ChangeHandler,
  again: RunIn = runIn,
): Promise<WatchResult[] | null> {
  if (apiVersion < CHANGE_EVENTS.perSheet) return null;
  const listener = async (event: Excel.WorksheetChangedEventArgs): Promise<void> => handler(event);
  const worksheets = context.workbook.worksheets;
  if (apiVersion >= CHANGE_EVENTS.allSheets) {
    const result = worksheets.onChanged.add(listener);
    await context.sync();
    return [result];
  }
  worksheets.load("items/name");
  await context.sync();
  const results: WatchResult[] = worksheets.items.map((ws) => ws.onChanged.add(listener));
  // A sheet added later is watched too, in the same context (so that unwatchChanges removes its handler).
  results.push(
    worksheets.onAdded.add((event) =>
      again(context, async (ctx) => {
        results.push(ctx.workbook.worksheets.getItem(event.worksheetId).onChanged.add(listener));
        await ctx.sync();
      }).catch(() => undefined),
    ),
  );
  await context.sync();
  return results;
}

/** Removes handlers registered by watchChanges, in their own request context (one sync). */
export async function unwatchChanges(results: readonly WatchResult[]): Promise<void> {
  const context = results[0]?.context;
  if (!context) return;
  for (const r of results) r.remove();
  await context.sync();
}
