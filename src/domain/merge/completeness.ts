/** Who has sent: each listed unit's state, and the expected, received, missing and unlisted units with the rate. */
import { vietnamDay } from "./origin";
import { foldText } from "../text";
import type { Unit } from "../units";
import { round2 } from "./aggregate";
import type { Placed } from "./place";
import type { FileResult, MergeOptions, Summary, UnitState, UnitStatus } from "./types";

/**
 * On time or late, by the date the district received the file when staff
 * entered it (options, else the source's own), else by the date typed on the
 * report; `files` are the lines of `placed`, in the same order.
 */
export function judgeTimeliness(
  files: readonly FileResult[],
  placed: readonly Placed[],
  received: MergeOptions["received"],
  deadline: string,
): FileResult[] {
  return files.map((f, k) => {
    const source = placed[k]!.source;
    const entered = received?.[source.file] ?? source.received;
    // The email's date: the day it arrived, in Việt Nam's calendar.
    const arrived = source.origin?.date !== undefined ? vietnamDay(source.origin.date) : undefined;
    const timeliness =
      entered !== undefined
        ? { date: entered, by: "received" as const }
        : arrived !== undefined
          ? { date: arrived, by: "email" as const }
          : f.date !== null
            ? { date: f.date, by: "report-date" as const }
            : null;
    return {
      ...f,
      onTime: timeliness === null ? null : timeliness.date <= deadline,
      timeliness,
      ...(source.origin !== undefined ? { origin: source.origin } : {}),
    };
  });
}

/** Each unit of the list: received (a file merged), rejected (only rejected files) or missing, with its file's details. */
export function unitStatuses(units: readonly Unit[], files: readonly FileResult[]): UnitStatus[] {
  // Each unit's files, gathered in one pass over the files (in their order).
  const byUnit = new Map<string, FileResult[]>();
  for (const f of files) {
    if (f.unit === null) continue;
    const key = foldText(f.unit);
    const mine = byUnit.get(key);
    if (mine) mine.push(f);
    else byUnit.set(key, [f]);
  }
  return units.map((u) => {
    const mine = byUnit.get(foldText(u.name)) ?? [];
    const winner = mine.find((f) => f.status === "merged");
    const state: UnitState = winner ? "received" : mine.some((f) => f.status === "rejected") ? "rejected" : "missing";
    return {
      unit: u.name,
      ...(u.code !== undefined ? { code: u.code } : {}),
      state,
      file: winner?.file ?? null,
      sha256: winner?.sha256 ?? null,
      date: winner?.date ?? null,
      onTime: winner?.onTime ?? null,
      errors: winner?.errors ?? mine.reduce((n, f) => n + f.errors, 0),
      warnings: winner?.warnings ?? 0,
      otherFiles: mine.filter((f) => f !== winner).map((f) => f.file),
    };
  });
}

/**
 * Expected, received and missing units, the files of units off the list (a
 * file already counted through a summary needs none: `countedElsewhere`), and
 * received ÷ expected in percent, never above 100.
 */
export function completeness(
  units: readonly Unit[],
  statuses: readonly UnitStatus[],
  files: readonly FileResult[],
  countedElsewhere: (fileIndex: number) => boolean,
): Pick<Summary, "unlisted" | "expected" | "received" | "missing" | "rate"> {
  const expected = units.map((u) => u.name);
  const received = statuses.filter((u) => u.state === "received").map((u) => u.unit);
  const missing = statuses.filter((u) => u.state !== "received").map((u) => u.unit);
  const unlisted = files.filter((f, k) => !f.onList && f.status !== "rejected" && !countedElsewhere(k)).map((f) => f.file);
  return {
    unlisted,
    expected,
    received,
    missing,
    rate: expected.length === 0 ? null : round2(Math.min(100, (received.length / expected.length) * 100)),
  };
}
