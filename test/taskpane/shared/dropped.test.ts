/** @jest-environment jsdom */
import { droppedItems, filesOfDropped, type DroppedEntry, type DroppedFileEntry, type DroppedFolderEntry, type NamedFile } from "../../../src/taskpane/shared/dropped";
import { DROPPED_FOLDER_LIMITS } from "../../../src/app/limits";
import { toInputFiles } from "../../../src/taskpane/shared/FileDrop";
import { INPUT_KINDS_TEXT } from "../../../src/io/read/formats";
import { Cancelled } from "../../../src/app/cancel";

/** A folder's contents: a file's text, a subfolder, or a file the browser cannot give ("gone"). */
interface Tree {
  readonly [name: string]: string | Tree | typeof GONE;
}
const GONE = Symbol("gone");

/** A file's entry as Chromium gives it: file() answers later, with a File of its base name. */
function fileEntry(name: string, text: string | typeof GONE): DroppedFileEntry {
  return {
    name,
    isFile: true,
    isDirectory: false,
    file: (ok, fail) => {
      setTimeout(() => (text === GONE ? fail?.(new DOMException("A requested file or directory could not be found.", "NotFoundError")) : ok(new File([text], name, { lastModified: 1_624_000_000_000 }))), 0);
    },
  };
}

/**
 * A folder's entry whose reader gives its entries `batch` at a time, in the order given (not sorted, as
 * a disk may give them), then an empty batch; `readEntries` counts the calls.
 */
function folderEntry(name: string, tree: Tree, batch = 2, calls = { readEntries: 0 }, unreadable = false): DroppedFolderEntry {
  return {
    name,
    isFile: false,
    isDirectory: true,
    createReader: () => {
      const entries: DroppedEntry[] = Object.entries(tree).map(([n, v]) => (typeof v === "object" ? folderEntry(n, v, batch, calls) : fileEntry(n, v)));
      let at = 0;
      return {
        readEntries: (ok, fail) => {
          calls.readEntries++;
          setTimeout(() => {
            if (unreadable) return fail?.(new DOMException("An operation that depends on state cached in an interface object was made.", "InvalidStateError"));
            ok(entries.slice(at, at + batch));
            at += batch;
          }, 0);
        },
      };
    },
  };
}

const named = (files: readonly (File | NamedFile)[]) => files.map((f) => ("file" in f ? f.name : `(file) ${f.name}`));

describe("a folder dropped", () => {
  it("gives its files and its subfolders', each named by its path, in name order, the batches read to the empty one", async () => {
    const calls = { readEntries: 0 };
    const folder = folderEntry(
      "Báo cáo các xã",
      {
        "Xã Bản Bo": { "bao-cao.xlsx": "bo", "ghi-chu.docx": "x" },
        "tong-hop-cu.xls": "cu",
        "~$tong-hop-cu.xls": "owner",
        ".DS_Store": "mac",
        "Thumbs.db": "win",
        "Xã Bản Giang": { "bao-cao.xlsx": "giang", "thu.eml": "mail", "anh.jpg": "x", "Tháng 6": { "ban-sua.ods": "sua", "du-lieu.csv": "csv" } },
        "a.pdf": "x",
      },
      2,
      calls,
    );
    const beside = new File(["bb"], "ban-bo.xlsx");
    const { files, notes } = await filesOfDropped([{ file: beside }, { folder }]);
    expect(named(files)).toEqual([
      "(file) ban-bo.xlsx",
      "Báo cáo các xã/tong-hop-cu.xls",
      "Báo cáo các xã/Xã Bản Bo/bao-cao.xlsx",
      "Báo cáo các xã/Xã Bản Giang/bao-cao.xlsx",
      "Báo cáo các xã/Xã Bản Giang/Tháng 6/ban-sua.ods",
      "Báo cáo các xã/Xã Bản Giang/Tháng 6/du-lieu.csv",
      "Báo cáo các xã/Xã Bản Giang/thu.eml",
    ]);
    // Read under those names, two files of one name in two subfolders both, each with its own bytes.
    const inputs = await toInputFiles(files);
    const text = (name: string) => String.fromCharCode(...inputs.find((f) => f.name === name)!.bytes);
    expect(inputs.map((f) => f.name)).toEqual(named(files).map((n) => n.replace("(file) ", "")));
    expect([text("Báo cáo các xã/Xã Bản Bo/bao-cao.xlsx"), text("Báo cáo các xã/Xã Bản Giang/bao-cao.xlsx"), text("ban-bo.xlsx")]).toEqual(["bo", "giang", "bb"]);
    expect(inputs[1]!.lastModified).toBe(new Date(1_624_000_000_000).toISOString());
    // Each reader asked until its empty batch, two entries a batch: 7 entries at the top (4 + 1 calls), 2 (1 + 1), 4 (2 + 1), 2 (1 + 1).
    expect(calls.readEntries).toBe(5 + 2 + 3 + 2);
    expect(notes).toEqual([
      "3 tệp trong thư mục không phải bảng tính, thư điện tử hay tệp nén nên không đọc: “Báo cáo các xã/a.pdf”, “Báo cáo các xã/Xã Bản Bo/ghi-chu.docx”, “Báo cáo các xã/Xã Bản Giang/anh.jpg”.",
    ]);
  });

  it("reads subfolders down to the depth limit, and names those deeper", async () => {
    const folder = folderEntry("Gốc", { "a.xlsx": "a", "C1": { "b.xlsx": "b", "C2": { "c.xlsx": "c", "C3": { "d.xlsx": "d" } } } });
    const { files, notes } = await filesOfDropped([{ folder }], { ...DROPPED_FOLDER_LIMITS, depth: 2 });
    expect(named(files)).toEqual(["Gốc/a.xlsx", "Gốc/C1/b.xlsx", "Gốc/C1/C2/c.xlsx"]);
    expect(notes).toEqual(["1 thư mục nằm sâu quá 2 cấp trong thư mục đã thả nên không đọc: “Gốc/C1/C2/C3”."]);
  });

  it("takes at most the limit of files from the folders of a drop, and says so; files dropped beside them are not counted", async () => {
    const tree: Record<string, string> = {};
    for (let i = 1; i <= 7; i++) tree[`don-vi-${i}.xlsx`] = String(i);
    const { files, notes } = await filesOfDropped([{ file: new File(["x"], "le.xlsx") }, { folder: folderEntry("Nhiều", tree, 3) }, { folder: folderEntry("Nữa", { "z.xlsx": "z" }) }], {
      ...DROPPED_FOLDER_LIMITS,
      files: 4,
    });
    expect(named(files)).toEqual(["(file) le.xlsx", "Nhiều/don-vi-1.xlsx", "Nhiều/don-vi-2.xlsx", "Nhiều/don-vi-3.xlsx", "Nhiều/don-vi-4.xlsx"]);
    expect(notes).toEqual(["Các thư mục đã thả có hơn 4 tệp cần đọc: chỉ đọc 4 tệp đầu tiên; hãy thả từng thư mục nhỏ hơn."]);
  });

  it("stops looking past the limit of entries (a whole drive dropped by mistake is not walked to its end)", async () => {
    const tree: Record<string, string> = {};
    for (let i = 1; i <= 30; i++) tree[`t${String(i).padStart(2, "0")}.xlsx`] = "x";
    const calls = { readEntries: 0 };
    const { files, notes } = await filesOfDropped([{ folder: folderEntry("Ổ đĩa", tree, 4, calls) }], { ...DROPPED_FOLDER_LIMITS, entries: 10 });
    expect(files).toHaveLength(10);
    expect(calls.readEntries).toBe(3);
    expect(notes).toEqual(["Các thư mục đã thả có hơn 10 mục: chỉ đọc các tệp tìm thấy trong 10 mục đầu tiên; hãy thả từng thư mục nhỏ hơn."]);
  });

  it("says, in Vietnamese, which file or folder the browser could not give, and which folder held nothing to read; the rest is read", async () => {
    const broken = folderEntry("Khóa", {}, 2, { readEntries: 0 }, true);
    const { files, notes } = await filesOfDropped([
      { folder: folderEntry("Xã", { "mat.xlsx": GONE, "con.xlsx": "c" }) },
      { folder: broken },
      { folder: folderEntry("Ảnh", { "a.jpg": "x" }) },
    ]);
    expect(named(files)).toEqual(["Xã/con.xlsx"]);
    expect(notes).toEqual([
      `Thư mục “Ảnh” không có tệp nào đọc được; chỉ đọc ${INPUT_KINDS_TEXT}.`,
      "1 tệp trong thư mục không phải bảng tính, thư điện tử hay tệp nén nên không đọc: “Ảnh/a.jpg”.",
      "Không đọc được “Xã/mat.xlsx” từ máy tính: tệp đã bị chuyển đi, bị xóa hay đang bị chương trình khác giữ.",
      "Không mở được thư mục “Khóa” từ máy tính.",
    ]);
    for (const note of notes) expect(note).not.toMatch(/NotFoundError|InvalidStateError|could not|operation/);
  });

  it("names at most five entries left out, then how many more", async () => {
    const tree: Record<string, string> = {};
    for (let i = 1; i <= 8; i++) tree[`${i}.pdf`] = "x";
    const { notes } = await filesOfDropped([{ folder: folderEntry("T", { ...tree, "a.xlsx": "a" }) }]);
    expect(notes).toEqual(["8 tệp trong thư mục không phải bảng tính, thư điện tử hay tệp nén nên không đọc: “T/1.pdf”, “T/2.pdf”, “T/3.pdf”, “T/4.pdf”, “T/5.pdf” và 3 tệp khác."]);
  });
});

describe("the items of a drop", () => {
  const file = new File(["x"], "a.xlsx");
  const folderFile = new File([], "Thư mục");
  const folder = folderEntry("Thư mục", {});
  const item = (entry: DroppedEntry | null, asFile: File | null) => ({ kind: "file", getAsFile: () => asFile, webkitGetAsEntry: () => entry });
  const transfer = (items: unknown[] | undefined, files: File[]) => ({ items, files }) as unknown as DataTransfer;

  it("with a folder among them: the folders and the files, in the order dropped (strings dragged along left out)", () => {
    const items = [item(fileEntry("a.xlsx", "x"), file), { kind: "string", getAsFile: () => null, webkitGetAsEntry: () => null }, item(folder, folderFile)];
    expect(droppedItems(transfer(items, [file, folderFile]))).toEqual([{ file }, { folder }]);
  });

  it("files alone, no items (an old webview), or items without entries: null, the drop's files taken as they are", () => {
    expect(droppedItems(transfer([item(fileEntry("a.xlsx", "x"), file)], [file]))).toBeNull();
    expect(droppedItems(transfer(undefined, [file, folderFile]))).toBeNull();
    expect(droppedItems(transfer([{ kind: "file", getAsFile: () => file }, { kind: "file", getAsFile: () => folderFile }], [file, folderFile]))).toBeNull();
  });
});

describe("“Hủy” while a folder dropped is walked", () => {
  it("stops between two entries: no entry after it is looked at, and the walk rejects as cancelled", async () => {
    const controller = new AbortController();
    const asked: string[] = [];
    const entry = (name: string): DroppedFileEntry => ({
      name,
      isFile: true,
      isDirectory: false,
      file: (ok) => {
        asked.push(name);
        // The user cancels while the first file is being taken.
        if (name === "a.xlsx") controller.abort();
        setTimeout(() => ok(new File(["x"], name)), 0);
      },
    });
    const folder: DroppedFolderEntry = {
      name: "Bao cao",
      isFile: false,
      isDirectory: true,
      createReader: () => {
        let at = 0;
        const all = [entry("a.xlsx"), entry("b.xlsx"), entry("c.xlsx")];
        return {
          readEntries: (ok) => setTimeout(() => ok(all.slice(at, (at += 3))), 0),
        };
      },
    };
    await expect(filesOfDropped([{ folder }], DROPPED_FOLDER_LIMITS, controller.signal)).rejects.toBeInstanceOf(Cancelled);
    expect(asked).toEqual(["a.xlsx"]);
  });

  it("cancelled before it starts, opens no folder", async () => {
    const controller = new AbortController();
    controller.abort();
    const calls = { readEntries: 0 };
    await expect(filesOfDropped([{ folder: folderEntry("Bao cao", { "a.xlsx": "a" }, 2, calls) }], DROPPED_FOLDER_LIMITS, controller.signal)).rejects.toBeInstanceOf(Cancelled);
    expect(calls.readEntries).toBe(0);
  });
});
