/**
 * What the last work came to, when it went well (or was cancelled): a bar to
 * see, and the same words in a polite live region that is always there, so a
 * screen reader says them when they come.
 */
import { MessageBar, MessageBarBody } from "@fluentui/react-components";
import { LiveRegion } from "./LiveRegion";

export function DoneBar(props: { done: string | null }) {
  return (
    <>
      <LiveRegion text={props.done ?? ""} testId="done-live" />
      {props.done ? (
        <MessageBar intent="success" layout="multiline" data-testid="done">
          <MessageBarBody>{props.done}</MessageBarBody>
        </MessageBar>
      ) : null}
    </>
  );
}
