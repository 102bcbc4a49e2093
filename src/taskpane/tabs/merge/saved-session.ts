/**
 * The "Tổng hợp" tab's work kept in the browser's storage, so that a reload or
 * a crash of the pane resumes it: the files' read results (MergeSources, plain
 * data, stored deflated; the compressor loads on first use, outside the pane's
 * first chunk), the files as chosen (chosenAs: the very same file chosen again
 * is known), the user's choices, the deadline and received dates as typed,
 * and the targets file picked. Storage may be missing, blocked or
 * full: every call says so instead of throwing.
 */
import type { ChosenFile } from "../../../app/file-names";
import type { MergeSource } from "../../../domain/merge";
import type { PickedTargets } from "./useMergeSession";
import { whenIdle } from "../../shared/idle";

export const SESSION_KEY = "de-an-241.tong-hop.phien";
const VERSION = 1;

export interface SavedSession {
  readonly sources: readonly MergeSource[];
  /** The files as chosen, each with the name it has among the sources' (a container's: before its files' names). */
  readonly chosen: readonly ChosenFile[];
  readonly deadlineText: string;
  readonly assignments: Readonly<Record<string, string>>;
  readonly preferred: Readonly<Record<string, string>>;
  /** File name → the received date as typed. */
  readonly receivedText: Readonly<Record<string, string>>;
  readonly targetsFile: PickedTargets | null;
}

export type SaveResult = "saved" | "full" | "unavailable";

/** The page's localStorage, or null where it is missing or blocked (reading the property can throw). */
function storage(): Storage | null {
  try {
    return typeof window === "undefined" ? null : window.localStorage;
  } catch {
    return null;
  }
}

function toBase64(bytes: Uint8Array): string {
  let binary = "";
  for (let i = 0; i < bytes.length; i += 0x8000) binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(binary);
}

function fromBase64(text: string): Uint8Array {
  const binary = atob(text);
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
  return bytes;
}

type Fflate = typeof import("fflate");
let fflate: Promise<Fflate> | undefined;
/** The compressor, loaded once (calls made while it loads are answered in the order made). */
const compressor = (): Promise<Fflate> => (fflate ??= import("fflate"));

/** Main-thread time packing may take before the page gets a turn (ms). */
const SLICE_MS = 12;

const pause = (): Promise<void> => new Promise((resolve) => setTimeout(resolve, 0));

/** Until the page is idle (what the user waits for is drawn first), at most a second or so. */
const idle = (): Promise<void> => new Promise((resolve) => void whenIdle(resolve));

/**
 * The list as deflated JSON in base64, made a slice at a time with the page free between slices (the
 * text of 500 files is megabytes): the JSON of each source is deflated as a stream, so the result
 * reads back as one deflated JSON array. It starts when the page is idle.
 */
async function packSlowly({ Deflate, strToU8 }: Fflate, sources: readonly MergeSource[]): Promise<string> {
  await idle();
  const parts: Uint8Array[] = [];
  const deflate = new Deflate({ level: 6 }, (chunk) => parts.push(chunk));
  let since = Date.now();
  for (let i = 0; i < sources.length; i++) {
    deflate.push(strToU8(`${i === 0 ? "[" : ","}${JSON.stringify(sources[i])}`));
    if (Date.now() - since >= SLICE_MS) {
      await pause();
      since = Date.now();
    }
  }
  deflate.push(strToU8(sources.length === 0 ? "[]" : "]"), true);
  const bytes = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let at = 0;
  for (const p of parts) {
    bytes.set(p, at);
    at += p.length;
  }
  return toBase64(bytes);
}

// The sources change far less often than the choices: each list is packed once.
const packed = new WeakMap<readonly MergeSource[], Promise<string>>();

function pack(lib: Fflate, sources: readonly MergeSource[]): Promise<string> {
  let text = packed.get(sources);
  if (text === undefined) {
    text = packSlowly(lib, sources);
    packed.set(sources, text);
  }
  return text;
}

// Saves run one after another; one that a later save overtook answers with the latest's result.
let latest: Promise<SaveResult> = Promise.resolve("saved");
let count = 0;

/** Once every save asked for so far is done (written, or overtaken). */
export function savesSettled(): Promise<void> {
  return latest.then(
    () => undefined,
    () => undefined,
  );
}

/** Keeps the session (or forgets it when there are no files). */
export function saveSession(session: SavedSession): Promise<SaveResult> {
  const mine = ++count;
  const previous = latest;
  const run = previous.then(() => (mine === count ? save(session) : previous));
  latest = run;
  // A save overtaken by a later one writes nothing and says what the latest said.
  const settle = (p: Promise<SaveResult>): Promise<SaveResult> => p.then((r) => (p === latest ? r : settle(latest)));
  return settle(run);
}

async function save(session: SavedSession): Promise<SaveResult> {
  const store = storage();
  if (!store) return "unavailable";
  const lib = session.sources.length === 0 ? null : await compressor();
  try {
    if (session.sources.length === 0) {
      store.removeItem(SESSION_KEY);
      return "saved";
    }
    const { sources, ...rest } = session;
    const text = await pack(lib!, sources);
    store.setItem(SESSION_KEY, JSON.stringify({ v: VERSION, ...rest, sources: text }));
    return "saved";
  } catch (error) {
    // Full (QuotaExceededError) or refused: an older copy would resume stale work, so it goes.
    try {
      store.removeItem(SESSION_KEY);
    } catch {
      // nothing more to do
    }
    const name = error instanceof Error || (typeof DOMException !== "undefined" && error instanceof DOMException) ? error.name : "";
    return /quota/i.test(name) ? "full" : "unavailable";
  }
}

const isRecord = (v: unknown): v is Record<string, string> =>
  typeof v === "object" && v !== null && !Array.isArray(v) && Object.values(v).every((x) => typeof x === "string");

const isChosenList = (v: unknown): v is ChosenFile[] =>
  Array.isArray(v) &&
  v.every((c: unknown) => {
    const f = c as Partial<Record<keyof ChosenFile, unknown>> | null;
    return typeof f === "object" && f !== null && typeof f.chosenAs === "string" && typeof f.name === "string" && typeof f.sha256 === "string";
  });

/** The files as chosen, for work kept before they were: each file given as is, under its name in the list. */
function chosenOfSources(sources: readonly MergeSource[]): ChosenFile[] {
  return sources.filter((s) => s.origin === undefined).map((s) => ({ chosenAs: s.file, name: s.file, sha256: s.sha256 }));
}

/** The session kept by an earlier page, or null (none, unreadable, or of another version: then it is forgotten). */
export async function loadSession(): Promise<SavedSession | null> {
  const store = storage();
  if (!store) return null;
  try {
    const text = store.getItem(SESSION_KEY);
    if (text === null) return null;
    const data = JSON.parse(text) as Record<string, unknown>;
    if (data.v !== VERSION || typeof data.sources !== "string") throw new Error("not ours");
    const { inflateSync, strFromU8 } = await compressor();
    const sources = JSON.parse(strFromU8(inflateSync(fromBase64(data.sources)))) as MergeSource[];
    if (!Array.isArray(sources) || sources.some((s) => typeof s?.file !== "string" || typeof s.sha256 !== "string")) throw new Error("not ours");
    return {
      sources,
      chosen: isChosenList(data.chosen) ? data.chosen : chosenOfSources(sources),
      deadlineText: typeof data.deadlineText === "string" ? data.deadlineText : "",
      assignments: isRecord(data.assignments) ? data.assignments : {},
      preferred: isRecord(data.preferred) ? data.preferred : {},
      receivedText: isRecord(data.receivedText) ? data.receivedText : {},
      targetsFile: (data.targetsFile as PickedTargets | null | undefined) ?? null,
    };
  } catch {
    forgetSession();
    return null;
  }
}

export function forgetSession(): void {
  try {
    storage()?.removeItem(SESSION_KEY);
  } catch {
    // blocked storage: nothing was kept either
  }
}
