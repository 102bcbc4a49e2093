/**
 * Fluent UI's MessageBar in its default layout ("auto") measures itself with
 * ResizeObserver, which EdgeHTML 18 (the webview of Office 2016/2019 retail
 * without WebView2) does not have (it came with Edge 79): rendering one there
 * throws and takes the whole pane down. Every MessageBar of the pane is given
 * a fixed layout.
 */
import { readdirSync, readFileSync, statSync } from "node:fs";
import { join } from "node:path";

function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? sources(path) : path.endsWith(".tsx") ? [path] : [];
  });
}

describe("MessageBar layouts", () => {
  it("every MessageBar of the task pane has a fixed layout (no ResizeObserver needed)", () => {
    const auto: string[] = [];
    for (const file of sources(join(__dirname, "../../src/taskpane"))) {
      const text = readFileSync(file, "utf8");
      for (const m of text.matchAll(/<MessageBar\b[^>]*>/g)) {
        if (!/\blayout="(multiline|singleline)"/.test(m[0])) auto.push(`${file}: ${m[0]}`);
      }
    }
    expect(auto).toEqual([]);
  });
});
