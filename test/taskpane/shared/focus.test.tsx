/** @jest-environment jsdom */
import { act, fireEvent, render, screen } from "@testing-library/react";
import { FluentProvider, webLightTheme } from "@fluentui/react-components";
import { useState } from "react";
import { ErrorBar } from "../../../src/taskpane/shared/ErrorBar";
import { ProgressLine } from "../../../src/taskpane/shared/ProgressLine";

/** A tab panel as the App draws it, with a bar that goes away when its button is pressed. */
function Panel(props: { kind: "error" | "progress" }) {
  const [shown, setShown] = useState(true);
  return (
    <section role="tabpanel" tabIndex={0} aria-label="Tổng hợp" data-testid="panel">
      <p>Nội dung của thẻ</p>
      {shown && props.kind === "error" ? <ErrorBar problem={{ title: "Tệp hỏng", message: "Không đọc được" }} onDismiss={() => setShown(false)} /> : null}
      {shown && props.kind === "progress" ? <ProgressLine verb="Đang đọc" progress={{ done: 1, total: 4, item: "a.xlsx" }} onCancel={() => setShown(false)} /> : null}
    </section>
  );
}

describe("a button that goes away when pressed", () => {
  beforeEach(() => jest.useFakeTimers());
  afterEach(() => jest.useRealTimers());

  it.each([
    ["error", "Đóng"],
    ["progress", "Hủy"],
  ] as const)("%s bar's “%s” leaves focus in its tab panel, not on the page", (kind, name) => {
    render(
      <FluentProvider theme={webLightTheme}>
        <Panel kind={kind} />
      </FluentProvider>,
    );
    const button = screen.getByRole("button", { name });
    button.focus();
    fireEvent.click(button);
    act(() => jest.runAllTimers());
    expect(screen.queryByRole("button", { name })).toBeNull();
    expect(document.activeElement).toBe(screen.getByTestId("panel"));
  });
});
