/**
 * "Nhắc đơn vị": the reminder to the units not received (or whose file was
 * rejected) for every surface: its text, addresses and mailto: link from the
 * domain, the "công văn đôn đốc" as .docx, and the merge result the CLI reads
 * back from the JSON `merge --json` writes.
 */
import { buildRemindLetter, buildReminder, type MergeOutcome, type Reminder, type ReminderRequest } from "../domain/remind";
import { RequestError } from "./errors";

export type { MergeOutcome, Reminder, ReminderRequest };
export { buildReminder };

/** The "công văn đôn đốc" for a reminder, as .docx bytes. */
export async function writeRemindLetter(reminder: Reminder): Promise<Uint8Array> {
  // docx is loaded only when a letter is written.
  const { writeRemindDocx } = await import("../io/docx/remind");
  return writeRemindDocx(buildRemindLetter(reminder));
}

/**
 * Who sent, from the JSON `merge --json` writes (its `units.received` and
 * `files[]`: file, unit, status, reason). Throws RequestError (Vietnamese,
 * naming the file) when the text is not such a JSON.
 */
export function outcomeOfMergeJson(text: string, name: string): MergeOutcome {
  let data: unknown;
  try {
    data = JSON.parse(text.replace(/^\uFEFF/, ""));
  } catch {
    throw new RequestError(`Tệp ${name} không phải là tệp JSON (cần tệp do lệnh "merge --json" ghi).`);
  }
  const root = data as { units?: { received?: unknown }; files?: unknown };
  const received = root?.units?.received;
  const files = root?.files;
  const isText = (v: unknown): v is string => typeof v === "string";
  if (!Array.isArray(received) || !received.every(isText) || !Array.isArray(files)) {
    throw new RequestError(`Tệp ${name} không phải là kết quả tổng hợp (cần tệp do lệnh "merge --json" ghi: có "units.received" và "files").`);
  }
  return {
    received,
    files: files.flatMap((f: unknown) => {
      const r = f as { file?: unknown; unit?: unknown; status?: unknown; reason?: unknown } | null;
      if (!r || !isText(r.file) || !isText(r.status)) return [];
      return [{ file: r.file, unit: isText(r.unit) ? r.unit : null, status: r.status, reason: isText(r.reason) ? r.reason : null }];
    }),
  };
}
