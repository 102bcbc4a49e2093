/**
 * Colours as a reader sees them in a playwright page: an element's text
 * colour, the background behind it (its own, else the nearest ancestor's that
 * is not transparent, else the canvas white), and their WCAG contrast ratio.
 */
import type { Locator, Page } from "playwright-core";

export interface SeenColours {
  /** "rgb(r, g, b)" of the text. */
  readonly text: string;
  /** "rgb(r, g, b)" of the background behind it. */
  readonly background: string;
  /** WCAG 2 contrast ratio, 1 to 21, rounded to two decimals. */
  readonly ratio: number;
  /** WCAG relative luminance of the background, 0 (black) to 1 (white). */
  readonly backgroundLuminance: number;
}

/** The text and background colours of the element and their contrast. */
export async function seenColours(target: Locator): Promise<SeenColours> {
  return target.evaluate((element) => {
    const parse = (css: string): [number, number, number, number] => {
      const m = /rgba?\(([^)]+)\)/.exec(css);
      if (!m) throw new Error(`not an rgb() colour: ${css}`);
      const parts = m[1]!.split(/[\s,/]+/).filter((p) => p !== "").map(Number);
      return [parts[0]!, parts[1]!, parts[2]!, parts.length > 3 ? parts[3]! : 1];
    };
    const luminance = ([r, g, b]: readonly number[]): number => {
      const lin = (c: number) => {
        const s = c / 255;
        return s <= 0.03928 ? s / 12.92 : Math.pow((s + 0.055) / 1.055, 2.4);
      };
      return 0.2126 * lin(r!) + 0.7152 * lin(g!) + 0.0722 * lin(b!);
    };
    let node: Element | null = element;
    let background: [number, number, number, number] = [255, 255, 255, 1];
    while (node) {
      const colour = parse(getComputedStyle(node).backgroundColor);
      if (colour[3] === 1) {
        background = colour;
        break;
      }
      node = node.parentElement;
    }
    const text = parse(getComputedStyle(element).color);
    // Text that is partly transparent is seen mixed with what is behind it.
    const seen = [0, 1, 2].map((i) => text[i]! * text[3] + background[i]! * (1 - text[3]));
    const lt = luminance(seen);
    const lb = luminance(background);
    const ratio = (Math.max(lt, lb) + 0.05) / (Math.min(lt, lb) + 0.05);
    const rgb = (c: readonly number[]) => `rgb(${Math.round(c[0]!)}, ${Math.round(c[1]!)}, ${Math.round(c[2]!)})`;
    return { text: rgb(seen), background: rgb(background), ratio: Math.round(ratio * 100) / 100, backgroundLuminance: lb };
  });
}

/** The body's background colour and its luminance. */
export async function bodyBackground(page: Page): Promise<{ colour: string; luminance: number }> {
  const seen = await seenColours(page.locator("body"));
  return { colour: seen.background, luminance: seen.backgroundLuminance };
}
