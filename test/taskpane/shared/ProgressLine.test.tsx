/** @jest-environment jsdom */
import { render, screen } from "@testing-library/react";
import { FluentProvider, webLightTheme } from "@fluentui/react-components";
import { ProgressLine } from "../../../src/taskpane/shared/ProgressLine";

describe("the progress a screen reader hears", () => {
  it("is said a quarter at a time in a polite live region, not at every file", () => {
    const at = (done: number) => (
      <FluentProvider theme={webLightTheme}>
        <ProgressLine verb="Đang đọc" progress={{ done, total: 500, item: `f${done}.xlsx` }} onCancel={() => undefined} />
      </FluentProvider>
    );
    const { rerender } = render(at(10));
    const live = screen.getByTestId("progress-live");
    expect(live.getAttribute("role")).toBe("status");
    expect(live.getAttribute("aria-live")).toBe("polite");
    expect(live.textContent).toBe("Đang đọc…");
    const heard: string[] = [];
    for (const done of [60, 124, 125, 126, 200, 251, 499, 500]) {
      rerender(at(done));
      if (heard.at(-1) !== live.textContent) heard.push(live.textContent ?? "");
    }
    expect(heard).toEqual(["Đang đọc…", "Đang đọc: đã xong 25%", "Đang đọc: đã xong 50%", "Đang đọc: đã xong 75%", "Đang đọc: đã xong 100%"]);
    // What is shown still follows every file.
    expect(screen.getByTestId("progress").textContent).toContain("Đang đọc xong 500/500");
  });
});
