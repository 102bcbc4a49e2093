/**
 * What "Nhắc đơn vị" does outside the page: copying the text to the clipboard
 * and downloading the "công văn đôn đốc" (the .docx writer is loaded only
 * then, with import()). The component is given these, so tests pass their own.
 */
import { today } from "../../../../app/clock";
import type { Reminder } from "../../../../domain/remind";
import { DOCX_TYPE, saveBytes } from "../../../shared/download";

export interface RemindActions {
  /** Puts the text on the clipboard; false when the browser refuses. */
  copyText(text: string): Promise<boolean>;
  /** Writes and downloads the letter; the file's name. */
  saveLetter(reminder: Reminder): Promise<string>;
}

/** The letter's file name (no diacritics, dated like the summary's). */
export function letterFileName(date: string): string {
  return `Cong-van-don-doc-De-an-241-${date}.docx`;
}

/** The clipboard of older browsers (EdgeHTML in Excel 2019): a hidden text area copied with execCommand. */
function copyWithSelection(text: string): boolean {
  const area = document.createElement("textarea");
  area.value = text;
  area.setAttribute("readonly", "");
  area.style.position = "fixed";
  area.style.opacity = "0";
  document.body.appendChild(area);
  const focused = document.activeElement as HTMLElement | null;
  area.select();
  let done = false;
  try {
    done = document.execCommand("copy");
  } catch {
    done = false;
  }
  area.remove();
  focused?.focus();
  return done;
}

export const remindActions: RemindActions = {
  async copyText(text) {
    try {
      if (navigator.clipboard?.writeText) {
        await navigator.clipboard.writeText(text);
        return true;
      }
    } catch {
      // Refused (no permission, page not focused): the older way may still work.
    }
    return copyWithSelection(text);
  },
  async saveLetter(reminder) {
    const { writeRemindLetter } = await import("../../../../app/remind");
    const bytes = await writeRemindLetter(reminder);
    const name = letterFileName(today());
    saveBytes(bytes, name, DOCX_TYPE);
    return name;
  },
};
