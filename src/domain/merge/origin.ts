/**
 * Where a file came from, as the staff read it: "Email «Báo cáo tháng 6» từ
 * Đảng ủy xã Bản Bo <dangybanbo@gmail.com>, 20/6/2021 › Báo cáo.xlsx" for an
 * attachment, "tệp-nén.zip › thư mục/Báo cáo.xlsx" for a file in an archive,
 * the file's own name otherwise. Dates are shown as the district's calendar
 * day (UTC+7), whatever zone the message was written in.
 */
import { vnDate } from "../format";
import { PATH_JOIN, type SourceOrigin } from "./types";

/** The day of an ISO date-time in Việt Nam (UTC+7), "YYYY-MM-DD"; a plain date is kept. */
export function vietnamDay(iso: string): string {
  if (/^\d{4}-\d{2}-\d{2}$/.test(iso)) return iso;
  const t = Date.parse(iso);
  if (Number.isNaN(t)) return iso.slice(0, 10);
  return new Date(t + 7 * 3600_000).toISOString().slice(0, 10);
}

export function sourceLabel(file: string, origin: SourceOrigin | undefined): string {
  if (!origin || origin.kind === "file" || origin.container === undefined) return file;
  const path = origin.path ?? file;
  if (origin.subject !== undefined || origin.from !== undefined) {
    const parts = [
      `Email${origin.subject !== undefined ? ` «${origin.subject}»` : ""}`,
      origin.from !== undefined ? ` từ ${origin.from}` : "",
      origin.date !== undefined ? `, ${vnDate(vietnamDay(origin.date))}` : "",
    ];
    // An archive holding the message: its name first.
    const head = origin.kind === "email" ? "" : `${origin.container}${PATH_JOIN}`;
    return `${head}${parts.join("")}${PATH_JOIN}${path}`;
  }
  return `${origin.container}${PATH_JOIN}${path}`;
}
