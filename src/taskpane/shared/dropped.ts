/**
 * Folders dropped on a drop zone: the files in them and in their subfolders, found through the
 * entries the drop's items give (DataTransferItem.webkitGetAsEntry), each named by its path from
 * the folder dropped ("Báo cáo các xã/Xã A/bao-cao.xlsx"), so two files of one name in two
 * subfolders stay two files and each says where it was. Only the kinds a merge reads are taken
 * (io/read/formats.ts), within DROPPED_FOLDER_LIMITS; what is left out is said in Vietnamese.
 */
import { throwIfCancelled } from "../../app/cancel";
import { DROPPED_FOLDER_LIMITS } from "../../app/limits";
import { formatNumber } from "../../domain/format";
import { compareNames } from "../../domain/text";
import { INPUT_KINDS_TEXT, isHousekeepingName, isInputName } from "../../io/read/formats";

/** The part of the browser's FileSystemEntry read here. */
export interface DroppedEntry {
  readonly name: string;
  readonly isFile: boolean;
  readonly isDirectory: boolean;
}

/** A file's entry (FileSystemFileEntry). */
export interface DroppedFileEntry extends DroppedEntry {
  file(success: (file: File) => void, failure?: (error: unknown) => void): void;
}

/** A folder's entry (FileSystemDirectoryEntry): its reader gives its entries a batch at a time, then an empty batch. */
export interface DroppedFolderEntry extends DroppedEntry {
  createReader(): { readEntries(success: (entries: DroppedEntry[]) => void, failure?: (error: unknown) => void): void };
}

/** A file and the name it is read under (its path from the folder dropped). */
export interface NamedFile {
  readonly file: File;
  readonly name: string;
}

/** One thing dropped: a file, or a folder (walked when the work starts). */
export type DroppedItem = { readonly file: File } | { readonly folder: DroppedFolderEntry };

export type FolderLimits = { readonly [K in keyof typeof DROPPED_FOLDER_LIMITS]: number };

/**
 * What a drop gave, in its order, when a folder is among it; null when none is, or when the browser
 * gives no entries (an old webview): the drop's files are then taken as they are. Called within the
 * drop event: its items can be read only while it runs.
 */
export function droppedItems(data: DataTransfer): DroppedItem[] | null {
  const items = data.items as DataTransferItemList | undefined;
  if (!items) return null;
  const out: DroppedItem[] = [];
  let folders = 0;
  for (let i = 0; i < items.length; i++) {
    const item = items[i];
    if (!item || item.kind !== "file") continue;
    if (typeof item.webkitGetAsEntry !== "function") return null;
    const entry = item.webkitGetAsEntry() as DroppedEntry | null;
    if (entry?.isDirectory) {
      out.push({ folder: entry as DroppedFolderEntry });
      folders++;
      continue;
    }
    const file = item.getAsFile();
    if (file) out.push({ file });
  }
  return folders > 0 ? out : null;
}

interface Walk {
  readonly limits: FolderLimits;
  /** "Hủy": the walk stops between two entries (Cancelled). */
  readonly signal: AbortSignal | undefined;
  readonly out: (File | NamedFile)[];
  /** Files taken from folders, and entries of any kind looked at. */
  taken: number;
  seen: number;
  /** The limit the walk stopped at. */
  stopped: "files" | "entries" | null;
  readonly notRead: string[];
  readonly tooDeep: string[];
  readonly unreadable: string[];
}

function entriesOf(walk: Walk, folder: DroppedFolderEntry): Promise<DroppedEntry[]> {
  const reader = folder.createReader();
  const all: DroppedEntry[] = [];
  const next = (): Promise<DroppedEntry[]> =>
    new Promise<DroppedEntry[]>((resolve, reject) => reader.readEntries(resolve, reject)).then((batch) => {
      // The reader gives its entries a batch at a time (100 in Chromium), until an empty batch.
      throwIfCancelled(walk.signal);
      if (batch.length === 0) return all;
      const room = walk.limits.entries - walk.seen;
      walk.seen += batch.length;
      if (batch.length > room) {
        all.push(...batch.slice(0, room));
        walk.stopped = "entries";
        return all;
      }
      all.push(...batch);
      return next();
    });
  return next();
}

function fileOf(entry: DroppedFileEntry): Promise<File> {
  return new Promise((resolve, reject) => entry.file(resolve, reject));
}

async function walkFolder(walk: Walk, folder: DroppedFolderEntry, path: string, depth: number): Promise<void> {
  let entries: DroppedEntry[];
  try {
    entries = await entriesOf(walk, folder);
  } catch (error) {
    if (walk.signal?.aborted) throw error;
    walk.unreadable.push(`Không mở được thư mục “${path}” từ máy tính.`);
    return;
  }
  // Names in Vietnamese order, as the CLI's folder walk lists them.
  entries.sort((a, b) => compareNames(a.name, b.name));
  for (const entry of entries) {
    throwIfCancelled(walk.signal);
    if (walk.stopped === "files") return;
    if (isHousekeepingName(entry.name)) continue;
    const at = `${path}/${entry.name}`;
    if (entry.isDirectory) {
      if (walk.stopped !== null) continue;
      if (depth + 1 > walk.limits.depth) walk.tooDeep.push(at);
      else await walkFolder(walk, entry as DroppedFolderEntry, at, depth + 1);
    } else if (entry.isFile) {
      if (!isInputName(entry.name)) {
        walk.notRead.push(at);
        continue;
      }
      if (walk.taken >= walk.limits.files) {
        walk.stopped = "files";
        return;
      }
      try {
        walk.out.push({ file: await fileOf(entry as DroppedFileEntry), name: at });
        walk.taken++;
      } catch {
        walk.unreadable.push(`Không đọc được “${at}” từ máy tính: tệp đã bị chuyển đi, bị xóa hay đang bị chương trình khác giữ.`);
      }
    }
  }
}

/** “a”, “b”, “c” và 4 mục khác. */
function listed(paths: readonly string[], noun: string): string {
  const SHOWN = 5;
  const named = paths.slice(0, SHOWN).map((p) => `“${p}”`).join(", ");
  return paths.length > SHOWN ? `${named} và ${paths.length - SHOWN} ${noun} khác` : named;
}

/**
 * The files of a drop: those dropped as they are, and in each folder's place the files it and its
 * subfolders hold that a merge reads, by path; `notes`, in Vietnamese, what was left out and why
 * (housekeeping files, Excel's "~$" owner files and hidden ones, are passed over without a word).
 * Rejects with Cancelled when `signal` is aborted ("Hủy"): the walk stops between two entries.
 */
export async function filesOfDropped(
  items: readonly DroppedItem[],
  limits: FolderLimits = DROPPED_FOLDER_LIMITS,
  signal?: AbortSignal,
): Promise<{ files: (File | NamedFile)[]; notes: string[] }> {
  const walk: Walk = { limits, signal, out: [], taken: 0, seen: 0, stopped: null, notRead: [], tooDeep: [], unreadable: [] };
  const empty: string[] = [];
  for (const item of items) {
    if ("file" in item) {
      walk.out.push(item.file);
      continue;
    }
    if (walk.stopped !== null) continue;
    throwIfCancelled(signal);
    const before = walk.out.length;
    const unreadable = walk.unreadable.length;
    await walkFolder(walk, item.folder, item.folder.name, 0);
    if (walk.out.length === before && walk.unreadable.length === unreadable && walk.stopped === null) empty.push(item.folder.name);
  }
  const notes: string[] = [];
  for (const name of empty) notes.push(`Thư mục “${name}” không có tệp nào đọc được; chỉ đọc ${INPUT_KINDS_TEXT}.`);
  if (walk.notRead.length > 0) {
    notes.push(`${walk.notRead.length} tệp trong thư mục không phải bảng tính, thư điện tử hay tệp nén nên không đọc: ${listed(walk.notRead, "tệp")}.`);
  }
  if (walk.tooDeep.length > 0) {
    notes.push(`${walk.tooDeep.length} thư mục nằm sâu quá ${limits.depth} cấp trong thư mục đã thả nên không đọc: ${listed(walk.tooDeep, "thư mục")}.`);
  }
  notes.push(...walk.unreadable);
  if (walk.stopped === "files") {
    notes.push(`Các thư mục đã thả có hơn ${formatNumber(limits.files)} tệp cần đọc: chỉ đọc ${formatNumber(limits.files)} tệp đầu tiên; hãy thả từng thư mục nhỏ hơn.`);
  } else if (walk.stopped === "entries") {
    notes.push(`Các thư mục đã thả có hơn ${formatNumber(limits.entries)} mục: chỉ đọc các tệp tìm thấy trong ${formatNumber(limits.entries)} mục đầu tiên; hãy thả từng thư mục nhỏ hơn.`);
  }
  return { files: walk.out, notes };
}
