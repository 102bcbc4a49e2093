/**
 * What the last work came to, when it went well (or was cancelled): a bar to
 * see, and the same words in a polite live region that is always there, so a
 * screen reader says them when they come (a region added with its text is
 * often not read). The region takes no room: it is out of the tab's flow.
 */
import { MessageBar, MessageBarBody, makeStyles } from "@fluentui/react-components";

const useStyles = makeStyles({
  live: {
    position: "absolute",
    width: "1px",
    height: "1px",
    margin: "-1px",
    padding: 0,
    overflow: "hidden",
    clipPath: "inset(50%)",
    whiteSpace: "nowrap",
    border: 0,
  },
});

export function DoneBar(props: { done: string | null }) {
  const styles = useStyles();
  return (
    <>
      <span className={styles.live} role="status" aria-live="polite" aria-atomic="true" data-testid="done-live">
        {props.done ?? ""}
      </span>
      {props.done ? (
        <MessageBar intent="success" layout="multiline" data-testid="done">
          <MessageBarBody>{props.done}</MessageBarBody>
        </MessageBar>
      ) : null}
    </>
  );
}
