/**
 * A day typed as day/month/year whatever the browser's language ("25/06/2021";
 * digits alone are spaced as they are typed: "01072021" → "01/07/2021"), read
 * by the app's one parser (parseDayInput), and said back in words under the
 * field ("Hạn nộp: ngày 01 tháng 7 năm 2021") so a swapped day and month shows.
 */
import { Field, Input } from "@fluentui/react-components";
import { parseDayInput } from "../../../app/dates";
import { vnLongDate } from "../../../domain/format";

/**
 * Digits typed one after another become "dd/mm/yyyy" as they come; text the
 * user spaced themselves ("1/7/2021", "2021-07-01") is left as typed.
 */
export function maskDay(text: string): string {
  if (!/^[\d/]*$/.test(text)) return text;
  const parts = text.split("/");
  // Only text this mask made (every part but the last of two digits) is spaced again.
  if (parts.slice(0, -1).some((p) => p.length !== 2)) return text;
  const digits = parts.join("");
  if (digits.length > 8) return text;
  const day = digits.slice(0, 2);
  const month = digits.slice(2, 4);
  const year = digits.slice(4, 8);
  return [day, month, year].filter((p, k) => p !== "" || (k === 1 && digits.length > 2)).join("/");
}

export type DayState = { readonly kind: "empty" } | { readonly kind: "day"; readonly iso: string } | { readonly kind: "invalid" };

/** What the typed text says: nothing, a day (ISO), or something that is not a day. */
export function dayState(text: string): DayState {
  if (text.trim() === "") return { kind: "empty" };
  const iso = parseDayInput(text);
  return iso === null ? { kind: "invalid" } : { kind: "day", iso };
}

export const DAY_INVALID = "Không phải một ngày có thật: hãy nhập ngày/tháng/năm, ví dụ 25/6/2021.";

export function DayField(props: {
  label: string;
  /** Said before the date in words: "Hạn nộp" → "Hạn nộp: ngày 01 tháng 7 năm 2021". */
  spoken: string;
  value: string;
  onChange: (text: string) => void;
  /** Under the field when the text is not a day (what is used instead). */
  invalidNote?: string;
  /** Under the field when empty. */
  emptyNote?: string;
  /** An empty field is an error (the deadline). */
  required?: boolean;
  hint?: string;
  disabled?: boolean;
  size?: "small" | "medium";
  className?: string;
  testId?: string;
}) {
  const state = dayState(props.value);
  const invalid = state.kind === "invalid" || (state.kind === "empty" && props.required === true);
  const message =
    state.kind === "day"
      ? `${props.spoken}: ${vnLongDate(state.iso) ?? ""}`
      : state.kind === "invalid"
        ? `${DAY_INVALID}${props.invalidNote ? ` ${props.invalidNote}` : ""}`
        : props.emptyNote;
  return (
    <Field
      label={props.label}
      hint={props.hint}
      size={props.size}
      className={props.className}
      validationState={invalid ? "error" : state.kind === "day" ? "success" : "none"}
      validationMessage={message}
      validationMessageIcon={state.kind === "day" ? null : undefined}
      data-testid={props.testId}
    >
      <Input
        size={props.size}
        type="text"
        inputMode="numeric"
        autoComplete="off"
        placeholder="ngày/tháng/năm"
        disabled={props.disabled}
        value={props.value}
        onChange={(_e, data) => props.onChange(maskDay(data.value))}
      />
    </Field>
  );
}
