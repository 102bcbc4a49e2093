/**
 * A unit that reported twice: a unit's file beside the summary that already
 * counts it is set aside (counted once, through the summary), and of a unit's
 * remaining files one is merged (the user's choice, else the latest) and the
 * others superseded.
 */
import { vnDate } from "../format";
import type { Issue } from "../model/issues";
import { makeIssue } from "../rules/messages";
import { foldText } from "../text";
import { matchUnit } from "../units";
import type { Placed } from "./place";
import type { UnitGroups, Verdicts } from "./status";
import type { MergeOptions, MergeSource } from "./types";

/** The place a body's name is about: "ĐẢNG BỘ HUYỆN TAM ĐƯỜNG" and "Huyện ủy Tam Đường" are both "tam duong". */
export function placeOf(name: string): string {
  return foldText(name)
    .replace(/^(ban thuong vu |ban chap hanh )?(dang bo|dang uy|huyen uy|thanh uy|thi uy|tinh uy|ubnd|uy ban nhan dan)\s+/, "")
    .replace(/^(huyen|thanh pho|thi xa|tinh|xa|thi tran|phuong)\s+/, "");
}

/** The summaries of a merge, each looked at once: by the place it is about, and the units it counted. */
interface Summaries {
  /** The place of a summary's body (never "") → the first summary about it. */
  readonly byPlace: ReadonlyMap<string, Placed>;
  /** Each summary (in file order) with the units it counted, as a list names can be matched in. */
  readonly counted: ReadonlyArray<{ readonly sum: Placed; readonly included: readonly { readonly name: string }[] }>;
}

function summariesOf(list: readonly Placed[]): Summaries {
  const byPlace = new Map<string, Placed>();
  for (const sum of list) {
    const place = placeOf(sum.source.report!.identity!.unitName);
    if (place !== "" && !byPlace.has(place)) byPlace.set(place, sum);
  }
  return { byPlace, counted: list.map((sum) => ({ sum, included: (sum.source.includedUnits ?? []).map((name) => ({ name })) })) };
}

/** The summary among `summaries` that already counts the file of `p`, if any. */
function includedIn(p: Placed, summaries: Summaries): Placed | undefined {
  const identity = p.source.report?.identity;
  if (identity?.kind === "summary") return undefined;
  // By the identity's superior body ("ĐẢNG BỘ HUYỆN TAM ĐƯỜNG" is the summary of Huyện ủy Tam Đường)…
  if (identity?.superior !== undefined) {
    const above = summaries.byPlace.get(placeOf(identity.superior));
    if (above) return above;
  }
  // …or by name among the units a summary counted (a file typed by hand has no identity).
  const names = [p.source.report?.unit.name, p.unit].filter((n): n is string => n !== undefined && n !== null && n !== "");
  return summaries.counted.find(({ included }) => names.some((n) => matchUnit(n, included) !== undefined))?.sum;
}

/**
 * A unit's report beside the summary of the body above it (which already
 * counts it) is superseded, with an "included-in-summary" issue; the groups
 * keep the other files, and units left with none are dropped.
 */
export function setAsideIncluded(
  placed: readonly Placed[],
  groups: UnitGroups,
  verdicts: Verdicts,
): { groups: UnitGroups; extraIssues: Map<MergeSource, Issue> } {
  const extraIssues = new Map<MergeSource, Issue>();
  const summaries = summariesOf(placed.filter((p) => verdicts.get(p.source) === undefined && p.source.report?.identity?.kind === "summary"));
  const remaining: UnitGroups = new Map();
  for (const [key, list] of groups) {
    const kept = list.filter((p) => {
      const above = includedIn(p, summaries);
      if (!above) return true;
      verdicts.set(p.source, {
        status: "superseded",
        reason: `Đã có trong bảng tổng hợp của ${above.unit ?? above.source.report!.identity!.unitName} (tệp "${above.source.file}").`,
      });
      extraIssues.set(
        p.source,
        makeIssue("included-in-summary", {}, { file: p.source.file, unit: p.unit ?? p.source.report?.unit.name ?? "", summary: above.source.file, summaryUnit: above.unit ?? "" }),
      );
      return false;
    });
    if (kept.length > 0) remaining.set(key, kept);
  }
  return { groups: remaining, extraIssues };
}

/** When the file arrived: the date-time of the email it came in, "" when it did not come by email. */
function arrival(p: Placed): string {
  const date = p.source.origin?.date;
  const t = date === undefined ? Number.NaN : Date.parse(date);
  return Number.isNaN(t) ? "" : new Date(t).toISOString();
}

/** Positive when a is later than b: by the report's date, then the arrival by email, then the file's time; a dated report over an undated one. */
function later(a: Placed, b: Placed): number {
  const da = a.source.report?.reportDate ?? "";
  const db = b.source.report?.reportDate ?? "";
  if (da !== db && da !== "" && db !== "") return da < db ? -1 : 1;
  const aa = arrival(a);
  const ab = arrival(b);
  if (aa !== ab && aa !== "" && ab !== "") return aa < ab ? -1 : 1;
  const ta = a.source.fileTime ?? "";
  const tb = b.source.fileTime ?? "";
  if (ta !== tb) return ta < tb ? -1 : 1;
  if (da !== db) return da === "" ? -1 : 1;
  return 0;
}

/** The official tables a file may lack (a CSV holds one sheet: one table), by the issue that says so. */
const TABLE_MISSING = { "indicators-table-missing": "Kết quả thực hiện các mục tiêu", "documents-table-missing": "Các văn bản lãnh đạo, chỉ đạo" } as const;

function has(p: Placed, rule: string): boolean {
  return p.source.report?.issues.some((i) => i.rule === rule) === true;
}

/** The kind of body a name says, folded: a chi bộ's, or a Đảng ủy's (Đảng bộ, ĐU, BCH Đảng bộ: the same body); else none. */
function bodyKind(name: string): "chi-bo" | "dang-uy" | undefined {
  const f = foldText(name);
  if (/^(chi bo|cb)\b/.test(f)) return "chi-bo";
  if (/^(bch )?(dang uy|dang bo|du|db|d u|d b)\b/.test(f)) return "dang-uy";
  return undefined;
}

/**
 * Whether a file was put under its unit by a name of another kind of body than the unit's ("Chi bộ
 * Bản Bo" for "Đảng ủy xã Bản Bo"): perhaps another unit's file, which is never taken over the unit's
 * own. A name only written otherwise ("ĐẢNG BỘ XÃ BẢN BO", "ĐU xã Bản Bo", "Bản Bo") is the unit's.
 */
function isOtherBody(p: Placed): boolean {
  const loose = p.source.report?.issues.find((i): i is Issue<"unit-matched-loosely"> => i.rule === "unit-matched-loosely");
  if (!loose || p.unit === null) return false;
  const written = bodyKind(loose.params.text);
  const listed = bodyKind(p.unit);
  return written !== undefined && listed !== undefined && written !== listed;
}

/** Whether a file has nothing filled in (a blank template). */
function isBlank(p: Placed): boolean {
  return has(p, "nothing-filled");
}

/**
 * How much a file lacks: the indicator table (the figures) counts for more than the documents table,
 * and a file with nothing filled in lacks both, whatever tables it has.
 */
function lacking(p: Placed): number {
  if (isBlank(p)) return 3;
  return (has(p, "indicators-table-missing") ? 2 : 0) + (has(p, "documents-table-missing") ? 1 : 0);
}

/** Positive when a carries a later report date than b, both dated; else 0. */
function laterDate(a: Placed, b: Placed): number {
  const da = a.source.report?.reportDate ?? "";
  const db = b.source.report?.reportDate ?? "";
  return da === "" || db === "" || da === db ? 0 : da < db ? -1 : 1;
}

/** The names of the tables a file lacks. */
function tablesMissing(p: Placed): string[] {
  return (Object.keys(TABLE_MISSING) as (keyof typeof TABLE_MISSING)[]).filter((rule) => has(p, rule)).map((rule) => TABLE_MISSING[rule]);
}

/**
 * Why the merged file of a unit won over another of its files:
 * - "preferred": the user chose it;
 * - "complete": of the same date (or undated), it has both official tables and the other lacks one (a CSV of one sheet) or is not filled in;
 * - "more-complete": of the same date, each lacks a table, and it has the figures (the indicator table) the other lacks;
 * - "filled": of the same date, the other has nothing filled in (a blank template);
 * - "later-date": its report carries a later date;
 * - "later-email": both carry the same date (or neither one), and its email arrived later;
 * - "same-date-later-modified": both carry the same date (or neither one), and it was saved last (the file's time);
 * - "same-date-added-last": same date and no later file time, so the one given last (the later arrival) is kept;
 * - "later-modified": only one carries a date, and the file times put this one last;
 * - "dated": only it carries a date (the file times say nothing);
 * - "named": the other names another kind of body than the unit ("Chi bộ Bản Bo" for "Đảng ủy xã Bản Bo", perhaps
 *   another unit's file) and would have won by its date.
 */
export type SupersededWhy = "named" | "preferred" | "complete" | "more-complete" | "filled" | "later-date" | "later-email" | "same-date-later-modified" | "same-date-added-last" | "later-modified" | "dated";

/** The reason code of `winner` over `loser` (both of one unit); `chosen` when the user picked the winner. */
export function supersededWhy(winner: Placed, loser: Placed, chosen: boolean): SupersededWhy {
  if (chosen) return "preferred";
  // Set aside for its name only when its date would have had it win.
  if (isOtherBody(loser) && !isOtherBody(winner) && laterDate(winner, loser) <= 0) return "named";
  if (laterDate(winner, loser) === 0 && lacking(winner) < lacking(loser)) return isBlank(loser) ? "filled" : tablesMissing(winner).length === 0 ? "complete" : "more-complete";
  const dw = winner.source.report?.reportDate ?? "";
  const dl = loser.source.report?.reportDate ?? "";
  if (dw !== dl && dw !== "" && dl !== "") return "later-date";
  const aw = arrival(winner);
  const al = arrival(loser);
  if (aw !== al && aw !== "" && al !== "" && aw > al) return "later-email";
  const tw = winner.source.fileTime ?? "";
  const tl = loser.source.fileTime ?? "";
  if (tw !== tl && tw > tl) return dw === dl ? "same-date-later-modified" : "later-modified";
  if (dw !== dl) return "dated";
  return "same-date-added-last";
}

/**
 * The Vietnamese words of a reason code, said of the file kept (the date is the report's, shared by both, when any).
 * They stand inside the reason's brackets, so they hold none of their own.
 */
export function supersededWhyText(why: SupersededWhy, sharedDate: string | null): string {
  const same = sharedDate !== null ? `hai tệp cùng ghi ngày báo cáo ${vnDate(sharedDate)}` : "cả hai tệp đều không ghi ngày báo cáo";
  switch (why) {
    case "preferred":
      return "người dùng chọn";
    case "named":
      return "tên ghi trong tệp này là của một tổ chức khác loại với đơn vị trong danh sách, như chi bộ với đảng ủy, có thể là của đơn vị khác; nếu đúng là của đơn vị này, đề nghị đơn vị ghi đúng tên";
    case "complete":
      return "tệp có đủ hai bảng của báo cáo, tệp này thiếu một bảng";
    case "more-complete":
      return "tệp có bảng kết quả các mục tiêu, tệp này không có";
    case "filled":
      return "tệp này chưa ghi số liệu hay văn bản nào";
    case "later-date":
      return "tệp có ngày báo cáo muộn hơn";
    case "later-email":
      return `${same}; dùng tệp gửi sau, theo ngày giờ của thư điện tử`;
    case "same-date-later-modified":
      return `${same}; dùng tệp được sửa sau cùng, theo thời gian lưu tệp`;
    case "same-date-added-last":
      return `${same}; dùng tệp đưa vào sau cùng`;
    case "later-modified":
      return "tệp được sửa sau cùng, theo thời gian lưu tệp";
    case "dated":
      return "tệp có ghi ngày báo cáo";
  }
}

/** One file per unit is merged: the one the user prefers, else the latest (the last of equals); the others are superseded. */
export function chooseWinners(groups: UnitGroups, verdicts: Verdicts, preferred: MergeOptions["preferred"]): void {
  for (const list of groups.values()) {
    const preferredFile = list[0]!.unit !== null ? preferred?.[list[0]!.unit] : undefined;
    let winner = preferredFile !== undefined ? list.find((p) => p.source.file === preferredFile) : undefined;
    if (!winner) {
      // The later report date first (a correction wins, whatever it holds); of the same date, a file with both tables
      // over one lacking a table (a one-sheet CSV saved from the unit's workbook) or not filled in, the figures over
      // the documents; then the latest. A file naming another kind of body than the unit ("Chi bộ Bản Bo" for
      // "Đảng ủy xã Bản Bo": perhaps another unit's) is never taken over one naming the unit.
      const named = list.filter((p) => !isOtherBody(p));
      const candidates = named.length > 0 ? named : list;
      winner = candidates[0]!;
      for (const p of candidates.slice(1)) {
        const byDate = laterDate(p, winner);
        const fewer = lacking(winner) - lacking(p);
        if (byDate > 0 || (byDate === 0 && (fewer > 0 || (fewer === 0 && later(p, winner) >= 0)))) winner = p;
      }
    }
    for (const p of list) {
      if (p === winner) verdicts.set(p.source, { status: "merged", reason: null });
      else if (p.source.sha256 !== "" && p.source.sha256 === winner.source.sha256) {
        // The same bytes sent twice: nothing is lost, the file is counted once.
        verdicts.set(p.source, {
          status: "superseded",
          reason: `Tệp giống hệt tệp "${winner.source.file}" (trùng nội dung đến từng byte); số liệu chỉ được tính một lần.`,
        });
      } else {
        const chosen = preferredFile !== undefined && winner.source.file === preferredFile;
        const why = supersededWhy(winner, p, chosen);
        const date = winner.source.report?.reportDate ?? null;
        const shared = date !== null && date === (p.source.report?.reportDate ?? null) ? date : null;
        // What this file has that the one used lacks is not counted: said, so the unit can be asked for one whole file.
        const lost = isBlank(p) ? [] : tablesMissing(winner).filter((t) => !tablesMissing(p).includes(t));
        const note = lost.length > 0 ? ` Tệp được dùng không có bảng "${lost.join('", "')}" mà tệp này có; bảng đó không được tổng hợp, đề nghị đơn vị gửi một tệp có đủ hai bảng.` : "";
        verdicts.set(p.source, {
          status: "superseded",
          reason: `Đơn vị đã gửi tệp khác: "${winner.source.file}" được dùng (${supersededWhyText(why, shared)}).${note}`,
        });
      }
    }
  }
}
