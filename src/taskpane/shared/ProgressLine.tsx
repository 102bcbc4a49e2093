/** Work in progress: what is being done, a bar with counts, and a way to stop. */
import { Button, Field, ProgressBar, makeStyles, tokens } from "@fluentui/react-components";
import type { Progress } from "../../app/usecases";
import { keepingFocus } from "./focus";
import { LiveRegion } from "./LiveRegion";

const useStyles = makeStyles({
  row: { display: "flex", alignItems: "flex-end", columnGap: tokens.spacingHorizontalS },
  field: { flexGrow: 1, minWidth: 0 },
});

/** "Đang đọc 3/12: ten-tep.xlsx" — `done` counts finished items, so the one being worked on is done + 1. */
export function progressText(verb: string, p: Progress): string {
  const current = Math.min(p.done + 1, p.total);
  return p.done >= p.total ? `${verb} xong ${p.total}/${p.total}` : `${verb} ${current}/${p.total}: ${p.item}`;
}

/**
 * What a screen reader is told of the progress: a quarter at a time ("Đang đọc: đã xong 25%"), not
 * every file, which would leave it no time for anything else.
 */
export function progressAnnouncement(verb: string, p: Progress | null): string {
  const quarter = p && p.total > 0 ? Math.min(4, Math.floor((p.done / p.total) * 4)) : 0;
  return quarter === 0 ? `${verb}…` : `${verb}: đã xong ${quarter * 25}%`;
}

export function ProgressLine(props: {
  verb: string;
  progress: Progress | null;
  /** What is said while no progress is known (default: the verb). */
  label?: string;
  onCancel?: () => void;
}) {
  const styles = useStyles();
  const p = props.progress;
  return (
    <div className={styles.row} data-testid="progress">
      <LiveRegion text={progressAnnouncement(props.verb, p)} testId="progress-live" />
      <Field className={styles.field} validationMessage={p ? progressText(props.verb, p) : (props.label ?? `${props.verb}…`)} validationState="none">
        <ProgressBar value={p && p.total > 0 ? p.done / p.total : undefined} max={1} aria-label={props.verb} />
      </Field>
      {props.onCancel ? (
        <Button size="small" onClick={keepingFocus(props.onCancel)}>
          Hủy
        </Button>
      ) : null}
    </div>
  );
}
