/**
 * The one clock of the use cases. The domain has none: every date it needs
 * ("today" for a template's identity, a summary's date line, a draft) is
 * handed to it from here. "Today" is the calendar date where the user is
 * (the machine's local time zone), never UTC: in Việt Nam (UTC+7) a summary
 * made at 06:30 carries that morning's date.
 */
export interface Clock {
  /** The current instant. */
  now(): Date;
}

export const systemClock: Clock = { now: () => new Date() };

/** The local calendar date of an instant, as YYYY-MM-DD. */
export function localIsoDate(instant: Date): string {
  const y = instant.getFullYear();
  const m = String(instant.getMonth() + 1).padStart(2, "0");
  const d = String(instant.getDate()).padStart(2, "0");
  return `${y}-${m}-${d}`;
}

/** Today's local date as YYYY-MM-DD by the given clock. */
export function today(clock: Clock = systemClock): string {
  return localIsoDate(clock.now());
}
