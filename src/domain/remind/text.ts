/**
 * The reminder's text: reminders to the units that have not sent their report, or whose file could
 * not be used: who they are (from a merge's result and the unit list), their
 * addresses for Bcc, and a Vietnamese subject and body naming the deadline
 * and what is missing per unit; the mailto: link that opens it in a mail
 * program (RFC 6068); and the "công văn đôn đốc" draft (./letter.ts). Pure.
 */
import { DEADLINES, PROGRAMME } from "../catalogue";
import { vnDate, vnLongDate } from "../format";
import { foldText } from "../text";
import { emailAddresses, type Unit } from "../units";

/** What a merge says of who sent: the `Summary` of mergeReports, or the same fields of the JSON `merge --json` writes. */
export interface MergeOutcome {
  /** The units whose file was merged. */
  readonly received: readonly string[];
  readonly files: readonly {
    readonly file: string;
    readonly unit: string | null;
    readonly status: string;
    readonly reason: string | null;
  }[];
}

export interface ReminderRequest {
  readonly units: readonly Unit[];
  /** The merge's result; null when nothing has been merged yet: every unit of the list is reminded. */
  readonly outcome: MergeOutcome | null;
  /** ISO date the units are asked to send by (a new deadline, or the letter's). Default: the letter's 25/6/2021. */
  readonly deadline?: string;
}

/** A file of the unit that was rejected, and why. */
export interface RejectedFile {
  readonly file: string;
  readonly reason: string;
}

export interface RemindedUnit {
  readonly unit: string;
  /** Its addresses on the list (none when the list has no "Thư điện tử" for it). */
  readonly addresses: readonly string[];
  /** "missing": nothing sent; "rejected": every file it sent was rejected. */
  readonly state: "missing" | "rejected";
  readonly rejected: readonly RejectedFile[];
}

export interface Reminder {
  /** The units reminded, in the list's order. */
  readonly units: readonly RemindedUnit[];
  /** Every address, once, in the list's order: for Bcc. */
  readonly bcc: readonly string[];
  /** The units reminded that have no address on the list (to be reached another way). */
  readonly noAddress: readonly string[];
  /** The letter's deadline and the one asked (ISO; equal when no new deadline was given). */
  readonly letterDeadline: string;
  readonly deadline: string;
  readonly subject: string;
  /** The message, lines separated by "\n"; also the text to copy. */
  readonly body: string;
  /** mailto: link with the addresses in Bcc, the subject and the body; null when no unit is to be reminded. */
  readonly mailto: string | null;
}

/** The district office the units send to (Công văn 232-CV/HU). */
export const REMIND_SENDER = "Ban Tuyên giáo Huyện ủy";
export const REMIND_SENDER_FULL = "Ban Tuyên giáo Huyện ủy Tam Đường";

/** "ngày 25 tháng 6 năm 2021". */
function longDate(iso: string): string {
  return vnLongDate(iso) ?? iso;
}

function withoutFinalStop(text: string): string {
  return text.trim().replace(/[.。]+$/u, "");
}

/** The units to remind: not received, and of those, the ones whose files were all rejected (with the reasons). */
export function unitsToRemind(units: readonly Unit[], outcome: MergeOutcome | null): RemindedUnit[] {
  const received = new Set((outcome?.received ?? []).map(foldText));
  // Each unit's rejected files, gathered in one pass over the files (in their order).
  const rejectedOf = new Map<string, MergeOutcome["files"][number][]>();
  for (const f of outcome?.files ?? []) {
    if (f.status !== "rejected" || f.unit === null) continue;
    const key = foldText(f.unit);
    const mine = rejectedOf.get(key);
    if (mine) mine.push(f);
    else rejectedOf.set(key, [f]);
  }
  return units
    .filter((u) => !received.has(foldText(u.name)))
    .map((u) => {
      const rejected = (rejectedOf.get(foldText(u.name)) ?? []).map((f) => ({ file: f.file, reason: withoutFinalStop(f.reason ?? "không đọc được tệp") }));
      return { unit: u.name, addresses: emailAddresses(u.email), state: rejected.length > 0 ? "rejected" : "missing", rejected };
    });
}

/** What is missing of one unit, in a few words ("chưa gửi báo cáo"; or the file rejected, with the reason). */
export function missingText(u: RemindedUnit): string {
  if (u.state === "missing") return "chưa gửi báo cáo";
  const files = u.rejected.map((r) => `tệp "${r.file}" không sử dụng được (${r.reason})`).join("; ");
  return `đã gửi nhưng ${files}; đề nghị sửa và gửi lại`;
}

/** The letter's sentence: what was asked, and by when. */
export function letterSentence(letterDeadline: string): string {
  const l = PROGRAMME.letter;
  return (
    `Thực hiện Công văn số ${l.number}, ngày ${vnDate(l.date)} của Ban Thường vụ Huyện ủy về tổng kết thực hiện Đề án 241, ` +
    `các chi, đảng bộ cơ sở, các cơ quan, đơn vị xây dựng báo cáo, tổng hợp số liệu gửi về Huyện ủy (qua ${REMIND_SENDER}) trước ${longDate(letterDeadline)}.`
  );
}

/** The request: send by the deadline asked, the soft copy to the letter's address. */
export function requestSentence(deadline: string, letterDeadline: string): string {
  const again = deadline !== letterDeadline ? " (hạn mới)" : "";
  return (
    `Đề nghị các đơn vị trên khẩn trương gửi báo cáo, số liệu về Huyện ủy (qua ${REMIND_SENDER}) trước ${longDate(deadline)}${again}, ` +
    `bản mềm theo địa chỉ: ${PROGRAMME.letter.email}.`
  );
}

/** The subject of the message. */
export function reminderSubject(deadline: string): string {
  return `Đôn đốc gửi báo cáo tổng kết Đề án 241 trước ${longDate(deadline)}`;
}

/** The message's body: the letter's request, who is missing what, the deadline asked. */
export function reminderBody(units: readonly RemindedUnit[], deadline: string, letterDeadline: string): string {
  return [
    "Kính gửi các chi, đảng bộ cơ sở, các cơ quan, đơn vị có tên dưới đây.",
    "",
    letterSentence(letterDeadline),
    "",
    `Đến nay, ${REMIND_SENDER} chưa nhận được báo cáo sử dụng được của ${units.length} đơn vị:`,
    ...units.map((u, k) => `${k + 1}. ${u.unit}: ${missingText(u)}.`),
    "",
    requestSentence(deadline, letterDeadline),
    "",
    "Trân trọng./.",
    REMIND_SENDER_FULL,
  ].join("\n");
}

/**
 * A mailto: URI (RFC 6068) with no To, the addresses in Bcc, and the subject
 * and body: UTF-8, percent-encoded, line breaks as %0D%0A, spaces as %20
 * (never "+", which some mail programs read as a plus sign).
 */
export function mailtoHref(bcc: readonly string[], subject: string, body: string): string {
  const enc = (text: string) => encodeURIComponent(text.normalize("NFC"));
  const fields = [
    ...(bcc.length > 0 ? [`bcc=${bcc.map((a) => enc(a).replace(/%40/g, "@")).join(",")}`] : []),
    `subject=${enc(subject)}`,
    `body=${enc(body.replace(/\r?\n/g, "\r\n"))}`,
  ];
  return `mailto:?${fields.join("&")}`;
}

/**
 * Past this length a mailto: link may be cut short by the mail program or the
 * system that hands it over (about 2 000 characters on Windows): the pane
 * then says to paste the copied text.
 */
export const MAILTO_SAFE_LENGTH = 2000;

/** The reminder for a merge's result (or for every unit when nothing was merged yet). */
export function buildReminder(request: ReminderRequest): Reminder {
  const letterDeadline = DEADLINES.sendToDistrict;
  const deadline = request.deadline ?? letterDeadline;
  const units = unitsToRemind(request.units, request.outcome);
  const bcc: string[] = [];
  const seen = new Set<string>();
  for (const u of units) {
    for (const a of u.addresses) {
      if (seen.has(a.toLowerCase())) continue;
      seen.add(a.toLowerCase());
      bcc.push(a);
    }
  }
  const subject = reminderSubject(deadline);
  const body = reminderBody(units, deadline, letterDeadline);
  return {
    units,
    bcc,
    noAddress: units.filter((u) => u.addresses.length === 0).map((u) => u.unit),
    letterDeadline,
    deadline,
    subject,
    body,
    mailto: units.length === 0 ? null : mailtoHref(bcc, subject, body),
  };
}
