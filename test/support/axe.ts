/**
 * axe-core in a playwright page, every rule, every impact, once running
 * transitions have ended. One setting:
 * Tabster's focus guards (`<i data-tabster-dummy aria-hidden="true"
 * tabindex="0">`, which Fluent UI puts around tab lists and dialogs so Tab
 * leaves them in the right place) are left out of aria-hidden-focus only.
 * They never keep focus: Tabster hands it on the moment one is focused (a
 * test checks it, see `guardsHandFocusOn`), so no one can land on hidden
 * content; every other element still answers to that rule and all others.
 */
import { join } from "node:path";
import type { Page } from "playwright-core";
import { REPO } from "./build";

const AXE = join(REPO, "node_modules/axe-core/axe.min.js");

export interface AxeViolation {
  readonly id: string;
  readonly impact: string | null;
  readonly nodes: readonly string[];
}

/** Fails, naming `label` (the tab or state checked), when axe finds any violation in the page. */
export async function noViolations(page: Page, label: string): Promise<void> {
  expect({ label, violations: await axeViolations(page) }).toEqual({ label, violations: [] });
}

/** The work done: the visible tab's "Dùng thử với dữ liệu mẫu" is enabled again (axe sees the page at rest). */
export async function settled(page: Page): Promise<void> {
  const sample = page.getByRole("tabpanel").getByRole("button", { name: "Dùng thử với dữ liệu mẫu" });
  await page.waitForFunction((button) => button !== null && !(button as HTMLButtonElement).disabled, await sample.elementHandle());
}

/** Every violation axe finds in the page as it is now. */
export async function axeViolations(page: Page): Promise<AxeViolation[]> {
  if (!(await page.evaluate(() => "axe" in window))) await page.addScriptTag({ path: AXE });
  return page.evaluate(async () => {
    type Result = { violations: { id: string; impact: string | null; nodes: { target: unknown }[] }[] };
    // The page at rest: colours that are still fading (a button enabled again) are judged once they have arrived.
    await Promise.race([
      Promise.all(document.getAnimations().map((a) => a.finished.catch(() => undefined))),
      new Promise((settled) => setTimeout(settled, 2000)),
    ]);
    const axe = (window as unknown as { axe: { configure(c: unknown): void; run(): Promise<Result> } }).axe;
    axe.configure({ rules: [{ id: "aria-hidden-focus", selector: '[aria-hidden="true"]:not([data-tabster-dummy])' }] });
    const result = await axe.run();
    return result.violations.map((v) => ({ id: v.id, impact: v.impact, nodes: v.nodes.map((n) => JSON.stringify(n.target)) }));
  });
}

/**
 * Whether every Tabster focus guard in the page hands focus on when focused
 * (what makes leaving them out of aria-hidden-focus right): true, or the
 * guards that kept it.
 */
export async function guardsHandFocusOn(page: Page): Promise<true | string[]> {
  const kept = await page.evaluate(async () => {
    const guards = [...document.querySelectorAll<HTMLElement>("[data-tabster-dummy]")].filter((g) => g.tabIndex >= 0);
    const keeping: string[] = [];
    for (const guard of guards) {
      guard.focus();
      await new Promise((settled) => setTimeout(settled, 50));
      if (document.activeElement === guard) keeping.push(guard.parentElement?.outerHTML.slice(0, 120) ?? "?");
    }
    return { count: guards.length, keeping };
  });
  if (kept.count === 0) return ["no focus guard found: the check saw nothing"];
  return kept.keeping.length === 0 ? true : kept.keeping;
}
