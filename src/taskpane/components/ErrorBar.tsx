/** A problem the user must see: title (often the file name) and the reason, in Vietnamese. */
import { Button, MessageBar, MessageBarActions, MessageBarBody, MessageBarTitle } from "@fluentui/react-components";

export interface Problem {
  readonly title: string;
  readonly message: string;
}

export function ErrorBar(props: { problem: Problem | null; onDismiss?: () => void; intent?: "error" | "warning" }) {
  if (!props.problem) return null;
  return (
    <MessageBar intent={props.intent ?? "error"} layout="multiline" role="alert" data-testid="error-bar">
      <MessageBarBody>
        <MessageBarTitle>{props.problem.title}</MessageBarTitle>
        {props.problem.message}
      </MessageBarBody>
      {props.onDismiss ? (
        <MessageBarActions>
          <Button size="small" appearance="transparent" onClick={props.onDismiss}>
            Đóng
          </Button>
        </MessageBarActions>
      ) : null}
    </MessageBar>
  );
}
