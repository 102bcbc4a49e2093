/**
 * "Tải tệp góp ý": the feedback file of one unit's file (its own workbook with
 * a note on each problem cell, the cells shaded, and a "Góp ý" sheet), or, for
 * several files, a .zip of them. The writers load on the first click (they are
 * not part of the pane's first chunk). The files' bytes come from the store the
 * tabs fill as files are given (store.ts).
 */
import { useState } from "react";
import { Button, Text, makeStyles, tokens } from "@fluentui/react-components";
import type { Issue } from "../../../domain/model/issues";
import { XLSX_TYPE, ZIP_TYPE, saveBytes } from "../download";
import { errorText } from "../ErrorBar";
import type { FeedbackOutput } from "../../../app/feedback";
import type { SourceOrigin } from "../../../domain/merge/types";
import { useServices } from "../../services";
import { withKeptFiles, type OpenEntries } from "./store";

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
  status: { color: tokens.colorNeutralForeground2, overflowWrap: "anywhere" },
  problem: { color: tokens.colorPaletteRedForeground1, overflowWrap: "anywhere" },
});

/** What the pane says of files whose bytes are no longer held (the page was reloaded). */
export function missingText(files: readonly string[]): string {
  return `Không còn tệp gốc của ${files.map((f) => `"${f}"`).join(", ")} trong trang này (trang đã được tải lại): hãy thêm lại tệp để tạo tệp góp ý.`;
}

/**
 * Makes and saves the feedback of the items; returns what to tell the user. A file taken out of a
 * message or an archive is taken out of it again (`open`) from the message or archive as given.
 */
export async function downloadFeedback(items: readonly FeedbackItem[], open: OpenEntries): Promise<string> {
  const { feedbackFile, feedbackZip, feedbackZipName, withUniqueNames } = await import(/* webpackChunkName: "feedback" */ "../../../app/feedback");
  const made: (FeedbackOutput | undefined)[] = [];
  const missing: string[] = [];
  await withKeptFiles(items, open, async (k, file) => {
    const item = items[k]!;
    if (file) made[k] = await feedbackFile(file, { issues: item.issues, unit: item.unit });
  });
  items.forEach((item, k) => {
    if (made[k] === undefined) missing.push(item.file);
  });
  const outputs = made.filter((o): o is FeedbackOutput => o !== undefined);
  if (outputs.length === 0) throw new Error(missingText(missing));
  if (outputs.length === 1) {
    saveBytes(outputs[0]!.bytes, outputs[0]!.name, XLSX_TYPE);
    return `Đã tạo "${outputs[0]!.name}".${missing.length > 0 ? ` ${missingText(missing)}` : ""}`;
  }
  const name = feedbackZipName();
  saveBytes(feedbackZip(withUniqueNames(outputs)), name, ZIP_TYPE);
  return `Đã tạo "${name}" gồm ${outputs.length} tệp góp ý.${missing.length > 0 ? ` ${missingText(missing)}` : ""}`;
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
  const [said, setSaid] = useState<{ text: string; problem: boolean } | null>(null);
  const run = async () => {
    setBusy(true);
    setSaid({ text: "Đang tạo tệp góp ý…", problem: false });
    try {
      setSaid({ text: await downloadFeedback(props.items, (container, paths) => files.entriesOf(container, paths)), problem: false });
    } catch (error) {
      setSaid({ text: `Không tạo được tệp góp ý: ${errorText(error)}`, problem: true });
    } finally {
      setBusy(false);
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

/** The files of a merge whose units get feedback: every file read that has an error or a warning. */
export function feedbackItems(
  files: readonly { file: string; unit: string | null; status: string; issues: readonly Issue[]; origin?: SourceOrigin }[],
): FeedbackItem[] {
  return files
    .filter((f) => f.status !== "rejected" && f.issues.length > 0)
    .map((f) => ({ file: f.file, unit: f.unit, issues: f.issues, ...(f.origin ? { origin: f.origin } : {}) }));
}
