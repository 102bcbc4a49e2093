/**
 * Where files come in: a drop zone with a button that opens the file picker
 * (so the keyboard reaches it), for one file or many; a zone for many takes
 * folders dropped too, with the files inside them (dropped.ts).
 */
import { useEffect, useRef, useState, type DragEvent } from "react";
import { Button, Text, makeStyles, mergeClasses, tokens } from "@fluentui/react-components";
import type { InputFile } from "../../app/usecases";
import { WORKBOOK_ACCEPT } from "../../io/read/formats";
import { droppedItems, type DroppedItem, type NamedFile } from "./dropped";
import { LiveRegion } from "./LiveRegion";

/** What the zone says of files dropped on it while the tab is busy (they are not taken). */
export const DROPPED_WHILE_BUSY = "Chưa nhận các tệp vừa thả vào vì đang bận việc trước; hãy thả lại khi việc đó xong.";

const useStyles = makeStyles({
  zone: {
    display: "flex",
    flexDirection: "column",
    alignItems: "flex-start",
    rowGap: tokens.spacingVerticalS,
    padding: tokens.spacingVerticalM,
    border: `${tokens.strokeWidthThick} dashed ${tokens.colorNeutralStroke1}`,
    borderRadius: tokens.borderRadiusMedium,
    backgroundColor: tokens.colorNeutralBackground2,
  },
  over: { border: `${tokens.strokeWidthThick} dashed ${tokens.colorBrandStroke1}`, backgroundColor: tokens.colorBrandBackground2 },
  hint: { color: tokens.colorNeutralForeground2 },
  refused: { color: tokens.colorNeutralForeground1, fontWeight: tokens.fontWeightSemibold },
  input: { display: "none" },
});

/** Why the browser could not read a file given: what it says is in English, and a folder dropped is the usual cause. */
export function unreadableText(name: string): string {
  return `Không đọc được “${name}” từ máy tính: đây là một thư mục, hoặc tệp đã bị chuyển đi, bị xóa hay đang bị chương trình khác giữ. Hãy mở thư mục rồi chọn (hoặc kéo thả) các tệp bên trong.`;
}

/** The bytes of a picked or dropped file, named `name` (FileReader where Blob.arrayBuffer is missing: older webviews). */
function readBytes(file: File, name: string): Promise<Uint8Array> {
  const unreadable = () => new Error(unreadableText(name));
  if (typeof file.arrayBuffer === "function") {
    return file.arrayBuffer().then(
      (buffer) => new Uint8Array(buffer),
      () => Promise.reject(unreadable()),
    );
  }
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => resolve(new Uint8Array(reader.result as ArrayBuffer));
    reader.onerror = () => reject(unreadable());
    reader.readAsArrayBuffer(file);
  });
}

/** Files whose reading is started at once: asking for hundreds in one go holds the page. */
const READ_AT_ONCE = 64;

/**
 * The files' bytes, each under its own name or the one given with it (a file from a folder dropped:
 * its path there). One the browser cannot read (a folder dropped among files where the browser does
 * not say it is one) rejects the whole with its reason in Vietnamese; given `onUnreadable`, it is
 * left out instead and the reasons handed there.
 */
export async function toInputFiles(files: Iterable<File | NamedFile>, onUnreadable?: (reasons: string[]) => void): Promise<InputFile[]> {
  const list = [...files];
  const out: InputFile[] = [];
  const reasons: string[] = [];
  for (let i = 0; i < list.length; i += READ_AT_ONCE) {
    const read = await Promise.all(
      list.slice(i, i + READ_AT_ONCE).map(async (given): Promise<InputFile | null> => {
        const [file, name] = "file" in given ? [given.file, given.name] : [given, given.name];
        let bytes: Uint8Array;
        try {
          bytes = await readBytes(file, name);
        } catch (error) {
          if (!onUnreadable) throw error;
          reasons.push((error as Error).message);
          return null;
        }
        return { name, bytes, ...(file.lastModified ? { lastModified: new Date(file.lastModified).toISOString() } : {}) };
      }),
    );
    for (const file of read) if (file) out.push(file);
  }
  if (reasons.length > 0) onUnreadable?.(reasons);
  return out;
}

/**
 * Files dropped on the page beside a drop zone: the browser would open or download the file in the
 * pane's place (a merge's work gone with it). The page takes them and does nothing, and the pointer
 * says "not here" (the zones take theirs before this).
 */
export function useFilesDroppedAsideIgnored(): void {
  useEffect(() => {
    const ignore = (event: globalThis.DragEvent) => {
      if (event.defaultPrevented || !event.dataTransfer || !Array.from(event.dataTransfer.types).includes("Files")) return;
      event.preventDefault();
      if (event.type === "dragover") event.dataTransfer.dropEffect = "none";
    };
    window.addEventListener("dragover", ignore);
    window.addEventListener("drop", ignore);
    return () => {
      window.removeEventListener("dragover", ignore);
      window.removeEventListener("drop", ignore);
    };
  }, []);
}

export function FileDrop(props: {
  multiple?: boolean;
  label: string;
  hint: string;
  disabled?: boolean;
  onFiles: (files: File[]) => void;
  testId?: string;
  /** The picker's accepted kinds (default: the workbooks). */
  accept?: string;
  /**
   * Given (with `multiple`), a drop with a folder among it is handed here, its folders to be read with
   * their files (dropped.ts), instead of to `onFiles`; where the browser gives no folder entries, the
   * drop goes to `onFiles` as it is.
   */
  onDropped?: (items: DroppedItem[]) => void;
}) {
  const styles = useStyles();
  const input = useRef<HTMLInputElement>(null);
  const [over, setOver] = useState(false);
  const [refused, setRefused] = useState(false);

  const take = (list: FileList | null) => {
    setRefused(false);
    const files = list ? [...list] : [];
    if (files.length > 0) props.onFiles(props.multiple ? files : files.slice(0, 1));
  };
  const onDrop = (event: DragEvent<HTMLDivElement>) => {
    event.preventDefault();
    setOver(false);
    if (!props.disabled) {
      // The folders are taken from the drop's items now: they are gone once the event is over.
      const items = props.multiple && props.onDropped ? droppedItems(event.dataTransfer) : null;
      if (items) {
        setRefused(false);
        props.onDropped!(items);
      } else take(event.dataTransfer.files);
    } else if (event.dataTransfer.files.length > 0) setRefused(true);
  };

  return (
    <div
      className={mergeClasses(styles.zone, over && styles.over)}
      onDragOver={(event) => {
        event.preventDefault();
        if (!props.disabled) setOver(true);
      }}
      onDragLeave={() => setOver(false)}
      onDrop={onDrop}
      data-testid={props.testId}
    >
      <Button appearance="primary" disabled={props.disabled} onClick={() => input.current?.click()}>
        {props.label}
      </Button>
      <Text size={200} className={styles.hint}>
        {props.hint}
      </Text>
      {/* Files dropped while busy are not lost without a word: said here, and to a screen reader. */}
      <LiveRegion text={refused ? DROPPED_WHILE_BUSY : ""} />
      {refused ? (
        <Text size={200} className={styles.refused} data-testid="drop-refused">
          {DROPPED_WHILE_BUSY}
        </Text>
      ) : null}
      <input
        ref={input}
        className={styles.input}
        type="file"
        accept={props.accept ?? WORKBOOK_ACCEPT}
        multiple={props.multiple}
        aria-label={props.label}
        tabIndex={-1}
        onChange={(event) => {
          take(event.currentTarget.files);
          event.currentTarget.value = "";
        }}
      />
    </div>
  );
}
