/**
 * The theme the pane follows, kept current: the Office theme inside Office,
 * else the browser's or system's colour scheme (shared/theme.ts decides). It
 * changes live when the colour scheme changes, when the host reports a new
 * Office theme, and when the pane gets focus back or is shown again (Excel has
 * no event for its Office theme: a change made in File › Account is seen when
 * the user comes back to the pane). The page around the app (its background,
 * scrollbars, the notices outside it in taskpane.html) follows too.
 */
import { useEffect, useState } from "react";
import { webDarkTheme, webLightTheme, type Theme } from "@fluentui/react-components";
import { onOfficeThemeChanged, readOfficeTheme, type OfficeThemeColours } from "../../hosts/excel/office-theme";
import { chooseTheme, type ThemeName } from "./theme";

export const DARK_QUERY = "(prefers-color-scheme: dark)";

export const THEMES: Readonly<Record<ThemeName, Theme>> = { light: webLightTheme, dark: webDarkTheme };

/** Where the signals come from (tests pass their own). */
export interface ThemeSources {
  /** The Office theme now; null outside Office. */
  readonly officeTheme: () => OfficeThemeColours | null;
  /** Subscribes to the host's Office theme changes; returns what unsubscribes. */
  readonly onOfficeThemeChanged: (onChange: () => void) => () => void;
}

export const STANDALONE_THEME_SOURCES: ThemeSources = { officeTheme: () => null, onOfficeThemeChanged: () => () => {} };
export const OFFICE_THEME_SOURCES: ThemeSources = { officeTheme: () => readOfficeTheme(), onOfficeThemeChanged: (f) => onOfficeThemeChanged(f) };

/** The media query list, or null where the browser has no matchMedia (or refuses the query). */
function mediaQuery(query: string): MediaQueryList | null {
  if (typeof window === "undefined" || typeof window.matchMedia !== "function") return null;
  try {
    return window.matchMedia(query);
  } catch {
    return null;
  }
}

/**
 * Calls `onChange` when the media query's answer changes; returns what stops
 * listening. Uses `addListener` where a MediaQueryList has no
 * `addEventListener` (Safari before 14, the older webviews of Office).
 */
export function watchMediaQuery(query: string, onChange: () => void): () => void {
  const list = mediaQuery(query);
  if (!list) return () => {};
  const listener = (): void => onChange();
  if (typeof list.addEventListener === "function") {
    list.addEventListener("change", listener);
    return () => list.removeEventListener("change", listener);
  }
  const legacy = list as unknown as { addListener?: (l: () => void) => void; removeListener?: (l: () => void) => void };
  if (typeof legacy.addListener === "function") {
    legacy.addListener(listener);
    return () => legacy.removeListener?.(listener);
  }
  return () => {};
}

/** The theme the signals give now. */
export function currentThemeName(sources: ThemeSources): ThemeName {
  const list = mediaQuery(DARK_QUERY);
  return chooseTheme({ office: sources.officeTheme(), prefersDark: list ? list.matches : null });
}

/** The theme's name now, updated live (see the module's comment). */
export function useThemeName(sources: ThemeSources): ThemeName {
  const [name, setName] = useState<ThemeName>(() => currentThemeName(sources));
  useEffect(() => {
    const update = (): void => setName(currentThemeName(sources));
    const onVisible = (): void => {
      if (document.visibilityState !== "hidden") update();
    };
    const stops = [watchMediaQuery(DARK_QUERY, update), sources.onOfficeThemeChanged(update)];
    window.addEventListener("focus", update);
    document.addEventListener("visibilitychange", onVisible);
    // Anything that changed between the first render and now.
    update();
    return () => {
      for (const stop of stops) stop();
      window.removeEventListener("focus", update);
      document.removeEventListener("visibilitychange", onVisible);
    };
  }, [sources]);
  return name;
}

/**
 * The page itself in the theme: the body's background and text (what shows
 * below a short pane), the native parts' colour scheme (scrollbars, the file
 * picker), and `data-theme` on <html> for taskpane.html's own notices.
 */
export function usePageTheme(name: ThemeName): void {
  useEffect(() => {
    const theme = THEMES[name];
    const root = document.documentElement;
    root.setAttribute("data-theme", name);
    root.style.setProperty("color-scheme", name);
    document.body.style.backgroundColor = theme.colorNeutralBackground1;
    document.body.style.color = theme.colorNeutralForeground1;
  }, [name]);
}

/** The Fluent UI theme to give FluentProvider, the page kept in the same theme. */
export function useTheme(sources: ThemeSources): Theme {
  const name = useThemeName(sources);
  usePageTheme(name);
  return THEMES[name];
}
