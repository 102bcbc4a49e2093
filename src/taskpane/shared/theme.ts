/**
 * Light or dark: which Fluent UI theme the pane and the standalone page use.
 * Pure: it decides from what it is told (the Office theme's colours inside
 * Office, the `prefers-color-scheme` media query elsewhere); useTheme.ts reads
 * those and follows their changes.
 *
 * Order: inside Office, the Office theme (Black and Dark Gray are dark;
 * Colorful, White and "Use system setting" resolved by Office to light are light);
 * when Office does not tell it, or outside Office, the browser's or the system's
 * colour scheme; when nothing is known, light.
 */
import type { OfficeThemeColours } from "../../hosts/excel/office-theme";

export type ThemeName = "light" | "dark";

export interface ThemeSignals {
  /** The Office theme, null outside Office or where the host does not tell it. */
  readonly office: OfficeThemeColours | null;
  /** `(prefers-color-scheme: dark)` matches: true or false, null where the browser cannot say. */
  readonly prefersDark: boolean | null;
}

/** A CSS hex colour ("#1f1f1f", "#FFF", with or without "#") as red, green and blue 0–255, or null. */
export function parseHexColour(text: string | undefined): readonly [number, number, number] | null {
  if (typeof text !== "string") return null;
  const hex = text.trim().replace(/^#/, "");
  const long = /^[0-9a-f]{3}$/i.test(hex) ? hex.replace(/./g, "$&$&") : hex;
  if (!/^[0-9a-f]{6}$/i.test(long)) return null;
  const channel = (i: number): number => parseInt(long.slice(2 * i, 2 * i + 2), 16);
  return [channel(0), channel(1), channel(2)];
}

/** WCAG relative luminance of an sRGB colour, 0 (black) to 1 (white). */
export function relativeLuminance(rgb: readonly [number, number, number]): number {
  const linear = (c: number): number => {
    const s = c / 255;
    return s <= 0.03928 ? s / 12.92 : Math.pow((s + 0.055) / 1.055, 2.4);
  };
  return 0.2126 * linear(rgb[0]) + 0.7152 * linear(rgb[1]) + 0.0722 * linear(rgb[2]);
}

/**
 * Below this luminance a background reads better with white text than with
 * black (the two contrast ratios are equal at about 0.179).
 */
const DARK_BACKGROUND = 0.179;

/** What the Office theme says, or null when its colours say nothing usable. */
export function officeThemeName(office: OfficeThemeColours | null): ThemeName | null {
  if (!office) return null;
  if (typeof office.isDarkTheme === "boolean") return office.isDarkTheme ? "dark" : "light";
  // Hosts without isDarkTheme (Excel 2016, Outlook): light text on the body means a dark theme.
  const background = parseHexColour(office.bodyBackgroundColor);
  const foreground = parseHexColour(office.bodyForegroundColor);
  if (background && foreground) {
    const bg = relativeLuminance(background);
    const fg = relativeLuminance(foreground);
    if (bg !== fg) return fg > bg ? "dark" : "light";
  }
  if (background) return relativeLuminance(background) < DARK_BACKGROUND ? "dark" : "light";
  return null;
}

/** Which theme: the Office theme when Office tells it, else the colour scheme the browser prefers, else light. */
export function chooseTheme(signals: ThemeSignals): ThemeName {
  const office = officeThemeName(signals.office);
  if (office) return office;
  if (signals.prefersDark === true) return "dark";
  return "light";
}
