/**
 * The parts of a Party report around its body (Hướng dẫn thể thức văn bản của
 * Đảng): the number line under the issuer, the place-and-date line, and the
 * closing with "Nơi nhận:" and the signature block. What is not known is left
 * as dotted blanks to fill in by hand, never guessed (no "today").
 */
import { vnLongDate } from "../format";
import { cleanText } from "../text";
import { upperVi } from "../sheets/header";
import {
  DATE_BLANK,
  DEFAULT_RECIPIENTS,
  DEFAULT_SIGNER,
  NAME_BLANK,
  NUMBER_BLANK,
  REPORT_CODE_SUFFIX,
  type DraftClosing,
  type DraftOptions,
  type DraftRun,
} from "./model";

/**
 * "Số 45-BC/HU" for "45" (or "45-BC/HU", or "Số: 45-BC/HU"), "Số ……-BC/HU" when no number is given:
 * without a colon, as the letter writes its own ("Số 232- CV/HU") and Party documents do.
 * Text that is neither a number nor a code is written after "Số " as given.
 */
export function numberLine(number?: string): string {
  const given = cleanText(number ?? "")
    .replace(/^số\s*:?\s*/iu, "")
    .trim();
  if (given === "") return `Số ${NUMBER_BLANK}-${REPORT_CODE_SUFFIX}`;
  if (/^\d+$/.test(given)) return `Số ${given}-${REPORT_CODE_SUFFIX}`;
  return `Số ${given}`;
}

/** "Tam Đường, ngày 05 tháng 7 năm 2021", or "Tam Đường, ngày … tháng … năm 20…" to fill in. */
export function draftDateLine(place: string, iso?: string): string {
  return `${place}, ${vnLongDate(iso) ?? DATE_BLANK}`;
}

/** "Nơi nhận:" and one line a recipient, "- X," with the last "- Lưu." as the letter writes them. */
export function recipientLines(recipients: readonly string[]): DraftRun[][] {
  const list = recipients.map((r) => cleanText(r).replace(/^[-–•+]\s*/u, "").replace(/[,;.]+$/u, "")).filter((r) => r !== "");
  return [
    [{ text: "Nơi nhận:", bold: true, italic: true, underline: true }],
    ...list.map((r, k) => [{ text: `- ${r}${k === list.length - 1 ? "." : ","}` }]),
  ];
}

/** Blank lines between the signer's title and name (room for the signature and the seal). */
export const SIGNATURE_GAP = 3;

/** The closing block: "Nơi nhận:" on the left, "T/M BAN THƯỜNG VỤ" / "PHÓ BÍ THƯ" / … / the name on the right. */
export function closingBlock(opts: Pick<DraftOptions, "recipients" | "signer">): DraftClosing {
  const signer = opts.signer ?? DEFAULT_SIGNER;
  const onBehalf = cleanText(signer.onBehalf);
  const name = cleanText(signer.name ?? "");
  const right: DraftRun[][] = [
    ...(onBehalf !== "" ? [[{ text: upperVi(onBehalf), bold: true }]] : []),
    [{ text: upperVi(cleanText(signer.title)), bold: true }],
    ...Array.from({ length: SIGNATURE_GAP }, () => [{ text: "" }]),
    [{ text: name !== "" ? name : NAME_BLANK, bold: true }],
  ];
  return { kind: "closing", left: recipientLines(opts.recipients ?? DEFAULT_RECIPIENTS), right };
}
