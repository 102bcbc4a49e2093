/**
 * "Tải tệp góp ý": the feedback file of one unit's file (its own workbook with
 * a note on each problem cell, the cells shaded, and a "Góp ý" sheet), or, for
 * several files, a .zip of them, made by the file use cases (app/feedback.ts,
 * in the page's worker where it has one, else, or where it cannot be started
 * or fails, here between two turns of the page), with progress per file and "Hủy". The files' bytes come from the store
 * the tabs fill as files are given (store.ts).
 */
import { useRef, useState } from "react";
import { Button, Text, makeStyles, tokens } from "@fluentui/react-components";
import { isCancelled, throwIfCancelled } from "../../../app/cancel";
import type { Issue } from "../../../domain/model/issues";
import { XLSX_TYPE, ZIP_TYPE, saveBytes } from "../download";
import { errorText } from "../ErrorBar";
import type { FeedbackOutput } from "../../../app/feedback";
import type { FileUseCases, Progress } from "../../../app/usecases";
import type { SourceOrigin } from "../../../domain/merge/types";
import { useServices } from "../../services";
import { ProgressLine } from "../ProgressLine";
import { withKeptFiles } from "./store";

/** One unit's file and what was found in it. */
export interface FeedbackItem {
  readonly file: string;
  readonly unit: string | null;
  readonly issues: readonly Issue[];
  /** Where the file came from, when it was inside an email message or an archive. */
  readonly origin?: SourceOrigin;
}

const useStyles = makeStyles({
  root: { display: "flex", flexWrap: "wrap", alignItems: "center", gap: tokens.spacingHorizontalS, minWidth: 0 },
  progress: { flexGrow: 1, minWidth: "12em" },
  status: { color: tokens.colorNeutralForeground2, overflowWrap: "anywhere" },
  problem: { color: tokens.colorPaletteRedForeground1, overflowWrap: "anywhere" },
});

/** What the progress line says while feedback files are made: "Đang tạo tệp góp ý 3/120: tệp.xlsx". */
export const FEEDBACK_VERB = "Đang tạo tệp góp ý";

/** What the pane says when "Hủy" stopped the feedback files (nothing is saved). */
export const FEEDBACK_CANCELLED = "Đã hủy: không tạo tệp góp ý nào.";

/** What the pane says of files whose bytes are no longer held (the page was reloaded). */
export function missingText(files: readonly string[]): string {
  return `Không còn tệp gốc của ${files.map((f) => `"${f}"`).join(", ")} trong trang này (trang đã được tải lại): hãy thêm lại tệp để tạo tệp góp ý.`;
}

/** What the pane says of files whose feedback could not be made, with the reason (one sentence per reason). */
export function failedText(failed: ReadonlyMap<string, readonly string[]>): string {
  return [...failed]
    .map(([reason, files]) => `Không tạo được tệp góp ý của ${files.map((f) => `"${f}"`).join(", ")}: ${reason.replace(/[.。]?$/, ".")}`)
    .join(" ");
}

/** Lets the page draw and answer the user ("Hủy") between two files. */
const yieldToPage = (): Promise<void> => new Promise((resolve) => setTimeout(resolve, 0));

/**
 * Makes and saves the feedback of the items; returns what to tell the user. A file taken out of a
 * message or an archive is taken out of it again (`files.entriesOf`) from the message or archive as
 * given; one that cannot be opened again, or a file whose feedback cannot be made, is said with its
 * reason while the others' files are still made. `signal` ("Hủy") stops after the file being made
 * (in the worker: at once), and nothing is saved.
 */
export async function downloadFeedback(
  items: readonly FeedbackItem[],
  files: Pick<FileUseCases, "entriesOf" | "feedbackFile" | "feedbackZip">,
  options: { readonly onProgress?: (p: Progress) => void; readonly signal?: AbortSignal } = {},
): Promise<string> {
  const { onProgress, signal } = options;
  const made: (FeedbackOutput | undefined)[] = [];
  const missing: string[] = [];
  /** The files whose feedback could not be made, by reason. */
  const failed = new Map<string, string[]>();
  const fail = (k: number, error: unknown): void => {
    const reason = errorText(error);
    failed.set(reason, [...(failed.get(reason) ?? []), items[k]!.file]);
  };
  let done = 0;
  const total = items.length;
  await withKeptFiles(
    items,
    (container, paths) => files.entriesOf(container, paths),
    async (k, file, own) => {
      throwIfCancelled(signal);
      const item = items[k]!;
      onProgress?.({ done, total, item: item.file });
      if (!file) missing.push(item.file);
      else {
        try {
          made[k] = await files.feedbackFile(file, { issues: item.issues, unit: item.unit }, { ...(signal ? { signal } : {}), moved: own });
        } catch (error) {
          if (isCancelled(error) || signal?.aborted) throw error;
          fail(k, error);
        }
      }
      done++;
      await yieldToPage();
    },
    (k, error) => {
      fail(k, error);
      done++;
    },
  );
  throwIfCancelled(signal);
  onProgress?.({ done: total, total, item: items[total - 1]?.file ?? "" });
  const outputs = made.filter((o): o is FeedbackOutput => o !== undefined);
  const rest = [missing.length > 0 ? missingText(missing) : "", failedText(failed)].filter((t) => t !== "").join(" ");
  if (outputs.length === 0) throw new Error(rest);
  if (outputs.length === 1) {
    saveBytes(outputs[0]!.bytes, outputs[0]!.name, XLSX_TYPE);
    return `Đã tạo "${outputs[0]!.name}".${rest ? ` ${rest}` : ""}`;
  }
  const zip = await files.feedbackZip(outputs);
  throwIfCancelled(signal);
  saveBytes(zip.bytes, zip.name, ZIP_TYPE);
  return `Đã tạo "${zip.name}" gồm ${outputs.length} tệp góp ý.${rest ? ` ${rest}` : ""}`;
}

export function FeedbackButton(props: {
  items: readonly FeedbackItem[];
  /** Default "Tải tệp góp ý". */
  label?: string;
  size?: "small" | "medium";
  disabled?: boolean;
  testId?: string;
}) {
  const styles = useStyles();
  const { files } = useServices();
  const [busy, setBusy] = useState(false);
  const [progress, setProgress] = useState<Progress | null>(null);
  const [said, setSaid] = useState<{ text: string; problem: boolean } | null>(null);
  const stop = useRef<AbortController | null>(null);
  const run = async () => {
    const controller = new AbortController();
    stop.current = controller;
    setBusy(true);
    setProgress(null);
    setSaid(null);
    try {
      setSaid({ text: await downloadFeedback(props.items, files, { onProgress: setProgress, signal: controller.signal }), problem: false });
    } catch (error) {
      if (isCancelled(error) || controller.signal.aborted) setSaid({ text: FEEDBACK_CANCELLED, problem: false });
      else setSaid({ text: `Không tạo được tệp góp ý: ${errorText(error)}`, problem: true });
    } finally {
      stop.current = null;
      setBusy(false);
      setProgress(null);
    }
  };
  return (
    <div className={styles.root}>
      <Button
        size={props.size ?? "medium"}
        disabled={props.disabled === true || busy || props.items.length === 0}
        onClick={() => void run()}
        data-testid={props.testId ?? "feedback-download"}
      >
        {props.label ?? "Tải tệp góp ý"}
      </Button>
      {busy ? (
        <div className={styles.progress} data-testid="feedback-progress">
          <ProgressLine verb={FEEDBACK_VERB} progress={progress} onCancel={() => stop.current?.abort()} />
        </div>
      ) : null}
      <Text size={200} className={said?.problem ? styles.problem : styles.status} role="status" aria-live="polite" data-testid="feedback-status">
        {said?.text ?? ""}
      </Text>
    </div>
  );
}

/** The merge's feedback button: what it downloads, a .zip for several files and the one .xlsx for one. */
export function feedbackAllLabel(count: number): string {
  return count === 1 ? "Tải tệp góp ý cho đơn vị có lỗi, cảnh báo (.xlsx)" : "Tải tệp góp ý cho các đơn vị có lỗi, cảnh báo (.zip)";
}

/** The files of a merge whose units get feedback: every file read that has an error or a warning (information alone asks nothing of a unit). */
export function feedbackItems(
  files: readonly { file: string; unit: string | null; status: string; issues: readonly Issue[]; origin?: SourceOrigin }[],
): FeedbackItem[] {
  return files
    .filter((f) => f.status !== "rejected" && f.issues.some((i) => i.severity !== "info"))
    .map((f) => ({ file: f.file, unit: f.unit, issues: f.issues, ...(f.origin ? { origin: f.origin } : {}) }));
}
