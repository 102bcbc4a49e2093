/** A problem the user must see: title (often the file name) and the reason, in Vietnamese. */
import { keepingFocus } from "./focus";
import { Button, MessageBar, MessageBarActions, MessageBarBody, MessageBarTitle } from "@fluentui/react-components";

export interface Problem {
  readonly title: string;
  readonly message: string;
}

/** A part of the page loaded on demand (webpack's ChunkLoadError): the network failed, or the site was updated meanwhile. */
export const PART_NOT_LOADED =
  "Không tải được một phần của trang từ máy chủ (mạng bị gián đoạn, hoặc trang vừa được cập nhật). Hãy kiểm tra kết nối mạng rồi tải lại trang (F5) và làm lại.";

/** What fetch throws when the server cannot be reached, as Chromium, Firefox and Safari word it. */
const NETWORK_FAILED = /\b(?:Failed to fetch|NetworkError when attempting to fetch resource|Load failed)\.?/g;

/** Letters only Vietnamese text has (a message with none of them was not worded for the user). */
const VIETNAMESE = /[àáảãạăằắẳẵặâầấẩẫậèéẻẽẹêềếểễệìíỉĩịòóỏõọôồốổỗộơờớởỡợùúủũụưừứửữựỳýỷỹỵđ]/i;

/**
 * The text shown for anything thrown: an error's message, never its stack
 * (the use cases word their errors in Vietnamese for the user). What the
 * browser or a library says in English is said in Vietnamese: a part of the
 * page that could not be loaded, a server that cannot be reached, and any
 * other message with no Vietnamese in it (a Vietnamese reason, then the
 * message as a detail).
 */
export function errorText(error: unknown): string {
  if (error instanceof Error && (error.name === "ChunkLoadError" || /^Loading (?:CSS )?chunk \S+ failed/.test(error.message))) {
    return PART_NOT_LOADED;
  }
  const message =
    error instanceof Error
      ? error.message.trim()
      : typeof error === "object" && error !== null && typeof (error as { message?: unknown }).message === "string"
        ? (error as { message: string }).message.trim()
        : String(error).trim();
  if (message === "") return "Lỗi không rõ.";
  const text = message.replace(NETWORK_FAILED, "không kết nối được với máy chủ (mạng bị gián đoạn?).");
  if (VIETNAMESE.test(text)) return text;
  return `Lỗi ngoài dự kiến trong chương trình; hãy thử lại, nếu vẫn lỗi thì tải lại trang (F5) (chi tiết: ${message}).`;
}

/**
 * The title of a problem with the file `file`: "`what` `file`", or `what` alone when the message
 * shown under it names the file already (the readers' messages do: "Không đọc được tệp X: …"), so
 * the bar names the file once.
 */
export function fileProblemTitle(what: string, file: string, message: string): string {
  return file !== "" && message.includes(file) ? what : `${what} ${file}`;
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
