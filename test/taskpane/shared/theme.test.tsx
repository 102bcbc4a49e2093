/** @jest-environment jsdom */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { act, render, renderHook } from "@testing-library/react";
import { webDarkTheme, webLightTheme } from "@fluentui/react-components";
import type { OfficeThemeColours } from "../../../src/hosts/excel/office-theme";
import { chooseTheme, officeThemeName, parseHexColour } from "../../../src/taskpane/shared/theme";
import { ThemeProvider } from "../../../src/taskpane/shared/ThemeProvider";
import { DARK_QUERY, STANDALONE_THEME_SOURCES, useTheme, type ThemeSources } from "../../../src/taskpane/shared/useTheme";

/** What Office 2016 and later report (Office.context.officeTheme) for each Office theme. */
const OFFICE = {
  // Office 2016 on Windows, which has no isDarkTheme: only the colours say it.
  colorful2016: { bodyBackgroundColor: "#E6E6E6", bodyForegroundColor: "#444444", controlBackgroundColor: "#FDFDFD", controlForegroundColor: "#444444" },
  darkGray2016: { bodyBackgroundColor: "#6A6A6A", bodyForegroundColor: "#F0F0F0", controlBackgroundColor: "#D4D4D4", controlForegroundColor: "#262626" },
  white2016: { bodyBackgroundColor: "#FFFFFF", bodyForegroundColor: "#444444", controlBackgroundColor: "#FDFDFD", controlForegroundColor: "#444444" },
  // Microsoft 365, which says it.
  black: { bodyBackgroundColor: "#262626", bodyForegroundColor: "#FFFFFF", controlBackgroundColor: "#000000", controlForegroundColor: "#FFFFFF", isDarkTheme: true },
  colorful: { bodyBackgroundColor: "#E6E6E6", bodyForegroundColor: "#262626", controlBackgroundColor: "#FFFFFF", controlForegroundColor: "#262626", isDarkTheme: false },
} satisfies Record<string, OfficeThemeColours>;

describe("chooseTheme", () => {
  it.each([
    ["Colorful (Office 2016)", "light", OFFICE.colorful2016],
    ["White (Office 2016)", "light", OFFICE.white2016],
    ["Dark Gray (Office 2016)", "dark", OFFICE.darkGray2016],
    ["Black (Microsoft 365)", "dark", OFFICE.black],
    ["Colorful (Microsoft 365)", "light", OFFICE.colorful],
  ] as const)("inside Office, the Office theme %s gives %s whatever the system prefers", (_name, expected, office) => {
    expect(chooseTheme({ office, prefersDark: true })).toBe(expected);
    expect(chooseTheme({ office, prefersDark: false })).toBe(expected);
    expect(chooseTheme({ office, prefersDark: null })).toBe(expected);
  });

  it("takes Office's isDarkTheme over its colours", () => {
    expect(officeThemeName({ ...OFFICE.white2016, isDarkTheme: true })).toBe("dark");
    expect(officeThemeName({ ...OFFICE.darkGray2016, isDarkTheme: false })).toBe("light");
  });

  it("with only a background colour, a dark one is dark", () => {
    expect(officeThemeName({ bodyBackgroundColor: "#1f1f1f" })).toBe("dark");
    expect(officeThemeName({ bodyBackgroundColor: "fff" })).toBe("light");
  });

  it("outside Office, or where Office says nothing usable, the colour scheme the browser prefers; when that is unknown, light", () => {
    expect(chooseTheme({ office: null, prefersDark: true })).toBe("dark");
    expect(chooseTheme({ office: null, prefersDark: false })).toBe("light");
    expect(chooseTheme({ office: null, prefersDark: null })).toBe("light");
    expect(chooseTheme({ office: {}, prefersDark: true })).toBe("dark");
    expect(chooseTheme({ office: { bodyBackgroundColor: "transparent", bodyForegroundColor: "" }, prefersDark: true })).toBe("dark");
    expect(chooseTheme({ office: { bodyBackgroundColor: "#808080", bodyForegroundColor: "#808080" }, prefersDark: false })).toBe("light");
  });

  it("reads hex colours with or without # and in short form", () => {
    expect(parseHexColour("#6A6A6A")).toEqual([106, 106, 106]);
    expect(parseHexColour("f0f0f0")).toEqual([240, 240, 240]);
    expect(parseHexColour("#fff")).toEqual([255, 255, 255]);
    expect(parseHexColour("rgb(1, 2, 3)")).toBeNull();
    expect(parseHexColour(undefined)).toBeNull();
  });
});

/** A MediaQueryList for the dark query, steerable from the test, in the old (addListener only) or the current form. */
function fakeMatchMedia(prefersDark: boolean, form: "legacy" | "current") {
  const listeners = new Set<() => void>();
  const list: Record<string, unknown> = { media: DARK_QUERY, matches: prefersDark };
  if (form === "legacy") {
    list.addListener = (l: () => void) => listeners.add(l);
    list.removeListener = (l: () => void) => listeners.delete(l);
  } else {
    list.addEventListener = (type: string, l: () => void) => type === "change" && listeners.add(l);
    list.removeEventListener = (type: string, l: () => void) => type === "change" && listeners.delete(l);
  }
  const matchMedia = jest.fn((query: string) => (query === DARK_QUERY ? list : { media: query, matches: false, addListener() {}, removeListener() {} }));
  return {
    matchMedia,
    listeners,
    set(dark: boolean) {
      list.matches = dark;
      for (const l of [...listeners]) l();
    },
  };
}

describe("useTheme", () => {
  const original = Object.getOwnPropertyDescriptor(window, "matchMedia");
  afterEach(() => {
    if (original) Object.defineProperty(window, "matchMedia", original);
    else delete (window as { matchMedia?: unknown }).matchMedia;
    document.documentElement.removeAttribute("data-theme");
    document.documentElement.removeAttribute("style");
    document.body.removeAttribute("style");
  });

  function install(fake: ReturnType<typeof fakeMatchMedia>): void {
    Object.defineProperty(window, "matchMedia", { configurable: true, writable: true, value: fake.matchMedia });
  }

  it.each(["legacy", "current"] as const)("outside Office follows the system's colour scheme live (%s MediaQueryList), the page around the app too", (form) => {
    const fake = fakeMatchMedia(true, form);
    install(fake);
    const { result, unmount } = renderHook(() => useTheme(STANDALONE_THEME_SOURCES));
    expect(result.current).toBe(webDarkTheme);
    expect(document.documentElement.getAttribute("data-theme")).toBe("dark");
    expect(document.documentElement.style.getPropertyValue("color-scheme")).toBe("dark");
    expect(document.body.style.backgroundColor).toBe("rgb(41, 41, 41)");
    expect(fake.listeners.size).toBe(1);

    act(() => fake.set(false));
    expect(result.current).toBe(webLightTheme);
    expect(document.documentElement.getAttribute("data-theme")).toBe("light");
    expect(document.body.style.backgroundColor).toBe("rgb(255, 255, 255)");

    unmount();
    expect(fake.listeners.size).toBe(0);
  });

  it("is light, and does not fail, where the browser has no matchMedia", () => {
    delete (window as { matchMedia?: unknown }).matchMedia;
    expect(typeof window.matchMedia).toBe("undefined");
    const { result } = renderHook(() => useTheme(STANDALONE_THEME_SOURCES));
    expect(result.current).toBe(webLightTheme);
  });

  it("inside Office follows the Office theme over the system's, read again when the pane gets focus back or is shown, and on the host's event", () => {
    install(fakeMatchMedia(false, "legacy"));
    let office: OfficeThemeColours = OFFICE.darkGray2016;
    let hostEvent: (() => void) | undefined;
    const unsubscribe = jest.fn();
    const sources: ThemeSources = {
      officeTheme: () => office,
      onOfficeThemeChanged: (f) => {
        hostEvent = f;
        return unsubscribe;
      },
    };
    const { result, unmount } = renderHook(() => useTheme(sources));
    expect(result.current).toBe(webDarkTheme);

    office = OFFICE.colorful;
    act(() => {
      window.dispatchEvent(new Event("focus"));
    });
    expect(result.current).toBe(webLightTheme);

    office = OFFICE.black;
    act(() => {
      document.dispatchEvent(new Event("visibilitychange"));
    });
    expect(result.current).toBe(webDarkTheme);

    office = OFFICE.white2016;
    act(() => hostEvent!());
    expect(result.current).toBe(webLightTheme);

    unmount();
    expect(unsubscribe).toHaveBeenCalledTimes(1);
  });

  it("ThemeProvider gives its children the chosen theme's colours", () => {
    install(fakeMatchMedia(true, "legacy"));
    const { container } = render(
      <ThemeProvider sources={STANDALONE_THEME_SOURCES}>
        <p>Đề án 241</p>
      </ThemeProvider>,
    );
    // FluentProvider writes the theme's tokens as CSS variables for its class.
    const css = [...document.head.querySelectorAll("style")]
      .flatMap((s) => [s.textContent ?? "", ...[...(s.sheet?.cssRules ?? [])].map((r) => r.cssText)])
      .join("\n");
    expect(container.firstElementChild?.className).toMatch(/fui-FluentProvider/);
    expect(css).toContain(`--colorNeutralBackground1: ${webDarkTheme.colorNeutralBackground1}`);
    expect(css).not.toContain(`--colorNeutralBackground1: ${webLightTheme.colorNeutralBackground1}`);
  });
});

describe("the pages' own styles (taskpane.html before the app runs, help.html)", () => {
  const tokenValues = (theme: Record<string, unknown>) =>
    new Set(Object.values(theme).filter((v): v is string => typeof v === "string" && /^#[0-9a-f]{6}$/i.test(v)).map((v) => v.toLowerCase()));
  const light = tokenValues(webLightTheme);
  const dark = tokenValues(webDarkTheme);

  /** The colours of the page's <style>, those under a dark selector or media query apart from the others. */
  function styles(page: string): { light: string[]; dark: string[] } {
    const html = readFileSync(join(__dirname, "../../../src/taskpane", page), "utf8");
    const css = /<style>([\s\S]*?)<\/style>/.exec(html)![1]!.replace(/\/\*[\s\S]*?\*\//g, "");
    const found = { light: [] as string[], dark: [] as string[] };
    const open: string[] = [];
    let text = "";
    for (const ch of css) {
      if (ch === "{") {
        open.push(text.trim());
        text = "";
      } else if (ch === "}") {
        const isDark = open.some((prelude) => /prefers-color-scheme: dark|data-theme="dark"/.test(prelude));
        found[isDark ? "dark" : "light"].push(...(text.match(/#[0-9a-f]{3,8}\b/gi) ?? []).map((c) => c.toLowerCase()));
        open.pop();
        text = "";
      } else text += ch;
    }
    return found;
  }

  it.each(["taskpane.html", "help.html"])("%s uses Fluent UI's light and dark theme colours and has a dark scheme", (page) => {
    const { light: lightColours, dark: darkColours } = styles(page);
    expect(lightColours.length).toBeGreaterThan(0);
    expect(darkColours.length).toBeGreaterThan(0);
    expect(lightColours.filter((c) => !light.has(c))).toEqual([]);
    expect(darkColours.filter((c) => !dark.has(c))).toEqual([]);
  });
});
