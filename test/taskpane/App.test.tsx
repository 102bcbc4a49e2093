/** @jest-environment jsdom */
import { act, fireEvent, render, screen, within } from "@testing-library/react";
import { FluentProvider, webLightTheme } from "@fluentui/react-components";
import { App, TABS } from "../../src/taskpane/App";
import { missingFeatures } from "../../src/taskpane/HostNotices";
import { ServicesProvider, servicesFor, type Services } from "../../src/taskpane/services";
import { EXCEL_API, type HostInfo } from "../../src/hosts/excel/host";

function renderApp(info: HostInfo) {
  const services: Services = servicesFor(info);
  return render(
    <FluentProvider theme={webLightTheme}>
      <ServicesProvider services={services}>
        <App />
      </ServicesProvider>
    </FluentProvider>,
  );
}

const STANDALONE: HostInfo = { host: "standalone", excelApi: 0, platform: null };
const excel = (excelApi: number): HostInfo => ({ host: "excel", excelApi, platform: "PC" });

describe("task pane App", () => {
  it("renders the three tabs with the first one selected and its panel shown", () => {
    renderApp(STANDALONE);
    const tabs = screen.getAllByRole("tab");
    expect(tabs).toHaveLength(TABS.length);
    TABS.forEach((tab, index) => expect(screen.getByRole("tab", { name: tab.label })).toBe(tabs[index]));
    expect(tabs.map((tab) => tab.getAttribute("aria-selected"))).toEqual(["true", "false", "false"]);
    const panel = screen.getByRole("tabpanel");
    expect(panel.getAttribute("aria-labelledby")).toBe(tabs[0]!.id);
    expect(within(panel).getByRole("heading", { name: "Tạo biểu mẫu" })).toBeTruthy();
  });

  // Arrow keys move focus through tabster, which needs real layout: the e2e
  // smoke test presses ArrowRight in Chromium. Here: keyboard focus selects.
  it("switches tabs from the keyboard: a tab that receives focus is selected and shows its panel", () => {
    renderApp(STANDALONE);
    for (const label of ["Kiểm tra", "Tổng hợp", "Tạo biểu mẫu"]) {
      const tab = screen.getByRole("tab", { name: label });
      act(() => tab.focus());
      expect(document.activeElement).toBe(tab);
      expect(screen.getAllByRole("tab").filter((t) => t.getAttribute("aria-selected") === "true")).toEqual([tab]);
      const panel = screen.getByRole("tabpanel");
      expect(panel.getAttribute("aria-labelledby")).toBe(tab.id);
      expect(tab.getAttribute("aria-controls")).toBe(panel.id);
      expect(within(panel).getByRole("heading", { name: label })).toBeTruthy();
    }
  });

  it("selects a tab on click as well", () => {
    renderApp(STANDALONE);
    fireEvent.click(screen.getByRole("tab", { name: "Tổng hợp" }));
    expect(within(screen.getByRole("tabpanel")).getByRole("heading", { name: "Tổng hợp" })).toBeTruthy();
  });

  it("shows the standalone banner outside Excel and no requirement-set notice", () => {
    renderApp(STANDALONE);
    const banner = screen.getByTestId("standalone-notice");
    expect(banner.textContent).toContain("Chế độ độc lập");
    expect(banner.textContent).toContain("làm việc với tệp");
    expect(screen.queryByTestId("requirement-notice")).toBeNull();
    expect(screen.queryByTestId("excel-api")).toBeNull();
  });

  it("inside Excel with ExcelApi 1.7 names the level and what is missing (1.8 validation, 1.9 page layout)", () => {
    renderApp(excel(7));
    expect(screen.queryByTestId("standalone-notice")).toBeNull();
    expect(screen.getByTestId("excel-api").textContent).toContain("ExcelApi 1.7");
    const notice = screen.getByTestId("requirement-notice");
    expect(notice.textContent).toContain("ExcelApi 1.8");
    expect(notice.textContent).toContain("ExcelApi 1.9");
  });

  it("inside Excel with ExcelApi 1.8 only page layout is reported missing", () => {
    renderApp(excel(8));
    const notice = screen.getByTestId("requirement-notice");
    expect(notice.textContent).not.toContain("ExcelApi 1.8");
    expect(notice.textContent).toContain("ExcelApi 1.9");
  });

  it("inside Excel with ExcelApi 1.9 or later shows no requirement-set notice", () => {
    renderApp(excel(17));
    expect(screen.getByTestId("excel-api").textContent).toContain("ExcelApi 1.17");
    expect(screen.queryByTestId("requirement-notice")).toBeNull();
  });

  it("below the manifest's minimum the notice is an error", () => {
    renderApp(excel(5));
    const notice = screen.getByTestId("requirement-notice");
    expect(notice.textContent).toContain(`ExcelApi 1.${EXCEL_API.minimum}`);
  });

  it("missingFeatures follows the requirement levels", () => {
    expect(missingFeatures(7)).toHaveLength(2);
    expect(missingFeatures(8)).toHaveLength(1);
    expect(missingFeatures(9)).toEqual([]);
  });
  it("a file dropped beside a drop zone is not opened by the browser in place of the pane (the work would be lost)", () => {
    renderApp(STANDALONE);
    const dropped = (type: "dragover" | "drop", target: Element) => {
      const event = new Event(type, { bubbles: true, cancelable: true });
      Object.defineProperty(event, "dataTransfer", { value: { types: ["Files"], files: [], dropEffect: "copy" } });
      target.dispatchEvent(event);
      return event;
    };
    const heading = screen.getByRole("heading", { name: "Tạo biểu mẫu" });
    expect(dropped("dragover", heading).defaultPrevented).toBe(true);
    expect(dropped("drop", heading).defaultPrevented).toBe(true);
    // Text dragged within the page is left alone.
    const text = new Event("drop", { bubbles: true, cancelable: true });
    Object.defineProperty(text, "dataTransfer", { value: { types: ["text/plain"], files: [] } });
    heading.dispatchEvent(text);
    expect(text.defaultPrevented).toBe(false);
  });
});
