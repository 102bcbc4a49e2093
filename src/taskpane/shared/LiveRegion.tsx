/**
 * A polite live region out of the tab's flow: a screen reader says its text when it changes (a
 * region added with its text is often not read, so it is rendered from the start, empty).
 */
import { makeStyles } from "@fluentui/react-components";

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

export function LiveRegion(props: { text: string; testId?: string }) {
  const styles = useStyles();
  return (
    <span className={styles.live} role="status" aria-live="polite" aria-atomic="true" data-testid={props.testId}>
      {props.text}
    </span>
  );
}
