/** A problem the user must see: title (often the file name) and the reason, in Vietnamese. */
import { keepingFocus } from "./focus";
import { Button, MessageBar, MessageBarActions, MessageBarBody, MessageBarTitle } from "@fluentui/react-components";

export interface Problem {
  readonly title: string;
  readonly message: string;
}

/**
 * The text shown for anything thrown: an error's message, never its stack
 * (the use cases word their errors in Vietnamese for the user).
 */
export function errorText(error: unknown): string {
  if (error instanceof Error) return error.message.trim() || "Lỗi không rõ.";
  if (typeof error === "object" && error !== null && typeof (error as { message?: unknown }).message === "string") {
    return (error as { message: string }).message;
  }
  return String(error);
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
          <Button size="small" appearance="transparent" onClick={keepingFocus(props.onDismiss)}>
            Đóng
          </Button>
        </MessageBarActions>
      ) : null}
    </MessageBar>
  );
}
