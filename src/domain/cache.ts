/**
 * Caches for work on texts. The same labels, headers and names recur in every
 * unit's workbook, so each is worked out once. While a file is read its own
 * texts are kept too (a cell is asked about in several passes), however long:
 * the file holds them anyway. But a worker reads file after file for as long
 * as a merge lasts, and a hostile file can hold thousands of texts of tens of
 * thousands of characters, so between files (trimTextCaches, when the next
 * report is read) a cache that took a text longer than LONGEST_CACHED, or holds
 * more than CACHED_CHARS characters, is cleared whole: what recurs comes back
 * with the next file, and no file's long texts stay behind it.
 */

/** The longest text kept from one file to the next (a long label or note is a few hundred characters). */
export const LONGEST_CACHED = 4_096;

/** Characters (keys and string values) one cache keeps from one file to the next: about 4 MB of text. */
export const CACHED_CHARS = 2_000_000;

export interface TextCache<V> {
  /** The value kept for `key`, if any. */
  get(key: string): V | undefined;
  /** Keeps `value` for `key`, counted as `chars` characters (by default the key's, and the value's when it is a string). */
  set(key: string, value: V, chars?: number): void;
  /**
   * Counts what was added inside a value already kept (an inner map's new entry for `key`): its
   * characters and one entry. May clear the cache (the value stays usable to whoever holds it).
   */
  grow(key: string): void;
  /** Clears it when it took a long text or holds more than CACHED_CHARS characters (between files). */
  trim(): void;
  /** Entries and characters counted now, and whether a text longer than LONGEST_CACHED is among them. */
  readonly size: number;
  readonly chars: number;
  readonly holdsLong: boolean;
}

/** Every cache made here, for trimTextCaches and cachedTexts. */
const CACHES: TextCache<unknown>[] = [];

/** Lets go of what the files read before left in the caches (see above); called as each report is read. */
export function trimTextCaches(): void {
  for (const cache of CACHES) cache.trim();
}

/** What all the caches hold now: characters, and how many hold a text longer than LONGEST_CACHED. */
export function cachedTexts(): { readonly chars: number; readonly holdingLong: number } {
  return { chars: CACHES.reduce((sum, cache) => sum + cache.chars, 0), holdingLong: CACHES.filter((cache) => cache.holdsLong).length };
}

/** A cache of at most `maxEntries` entries (cleared whole when full), trimmed between files. */
export function textCache<V>(maxEntries: number): TextCache<V> {
  const cache = new Cache<V>(maxEntries);
  CACHES.push(cache as TextCache<unknown>);
  return cache;
}

/** One class for every cache: its lookups are one call site's shape everywhere, and inlined. */
class Cache<V> implements TextCache<V> {
  private readonly map = new Map<string, V>();
  private entries = 0;
  private count = 0;
  private long = false;

  constructor(private readonly maxEntries: number) {}

  get(key: string): V | undefined {
    return this.map.get(key);
  }

  set(key: string, value: V, chars?: number): void {
    if (this.entries >= this.maxEntries) this.clear();
    if (!this.map.has(key)) this.counted(key, chars ?? key.length + (typeof value === "string" ? value.length : 0));
    this.map.set(key, value);
  }

  grow(key: string): void {
    if (this.entries >= this.maxEntries) this.clear();
    else this.counted(key, key.length);
  }

  trim(): void {
    if (this.long || this.count > CACHED_CHARS) this.clear();
  }

  get size(): number {
    return this.entries;
  }

  get chars(): number {
    return this.count;
  }

  get holdsLong(): boolean {
    return this.long;
  }

  private clear(): void {
    this.map.clear();
    this.entries = 0;
    this.count = 0;
    this.long = false;
  }

  private counted(key: string, n: number): void {
    this.entries++;
    this.count += n;
    if (key.length > LONGEST_CACHED) this.long = true;
  }
}

/** A pure string function worked out once per text (kept as above). */
export function memoText(fn: (value: string) => string, maxEntries = 20_000): (value: string) => string {
  const cache = textCache<string>(maxEntries);
  return (value: string): string => {
    let result = cache.get(value);
    if (result === undefined) {
      result = fn(value);
      cache.set(value, result);
    }
    return result;
  };
}
