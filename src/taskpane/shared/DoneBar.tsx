/** What the last work came to, when it went well (or was cancelled). */
import { MessageBar, MessageBarBody } from "@fluentui/react-components";

export function DoneBar(props: { done: string | null }) {
  if (!props.done) return null;
  return (
    <MessageBar intent="success" layout="multiline" data-testid="done">
      <MessageBarBody>{props.done}</MessageBarBody>
    </MessageBar>
  );
}
