/**
 * The "Tổng hợp" tab's state and actions (no JSX): the files read, the user's
 * assignments of files to units and preferred choices, the deadline, the
 * targets file picked and the open workbook's targets, the received dates
 * staff entered, and the last merge run (re-run whenever one of them changes:
 * the merge is cheap). The work is kept in the browser's storage
 * (saved-session.ts) and resumed on the next load; leaving the page while the
 * summary of the latest changes is neither downloaded nor written asks first
 * (beforeunload). Actions: add
 * files (picked or the samples), cancel reading, clear, pick or drop the
 * targets file, download the summary, write it into the workbook, draft the
 * district's report.
 *
 * Which targets the merge judges by is src/app/targets.ts's rule (a picked
 * targets file beats the workbook's "Mục tiêu" sheet), not this hook's.
 */
import { useEffect, useMemo, useRef, useState } from "react";
import { throwIfCancelled } from "../../../app/cancel";
import { today } from "../../../app/clock";
import { sha256Hex } from "../../../app/digest";
import { DROPPED_FOLDER_LIMITS } from "../../../app/limits";
import { digestsNeeded, newFiles, withReadDigests, type ChosenFile } from "../../../app/file-names";
import { chooseTargets, targetsOptions, type ChosenTargets } from "../../../app/targets";
import type { InputFile, MergeRun, TargetsUsed } from "../../../app/usecases";
import { DEADLINES, PROGRAMME, TARGETS_SHEET_NAME } from "../../../domain/catalogue";
import type { MergeSource, Summary } from "../../../domain/merge";
import type { Unit } from "../../../domain/units";
import { useServices } from "../../services";
import { DOCX_TYPE, XLSX_TYPE, saveBytes } from "../../shared/download";
import { errorText, fileProblemTitle, type Problem } from "../../shared/ErrorBar";
import { filesOfDropped, type DroppedItem } from "../../shared/dropped";
import { toInputFiles } from "../../shared/FileDrop";
import { forgetFiles, keepFiles } from "../../shared/feedback/store";
import { whenIdle } from "../../shared/idle";
import { targetsNoteLine } from "../../shared/targets-text";
import { useUnits } from "../../shared/units";
import { useTask, type Task } from "../../shared/useTask";
import { vnDate } from "../../../domain/format";
import { dayState } from "./DayField";
import { draftFileName, summaryFileName } from "./names";
import { forgetSession, loadSession, saveSession, type SaveResult } from "./saved-session";

export interface PickedTargets {
  readonly name: string;
  readonly used: TargetsUsed;
}

/** Where work started: the views show its progress under the buttons of that place. */
export type MergeKey = "read" | "targets" | "summary";

/** What the pane says when reading is cancelled: true to what was kept. */
export function readCancelledText(kept: number): string {
  return kept > 0 ? "Đã hủy đọc tệp; các tệp đọc trước đó vẫn được giữ." : "Đã hủy đọc tệp; chưa thêm tệp nào.";
}

/** What the pane says when the session cannot be kept in the browser. */
export function storageNoteText(result: SaveResult): string | null {
  if (result === "full") {
    return "Không lưu được phiên làm việc vào trình duyệt vì bộ nhớ của trình duyệt đã đầy (các tệp quá lớn): nếu tải lại trang, các tệp phải chọn lại. Hãy tải bảng tổng hợp về trước khi đóng trang.";
  }
  if (result === "unavailable") {
    return "Trình duyệt không cho lưu phiên làm việc (bộ nhớ bị chặn): nếu tải lại trang, các tệp phải chọn lại. Hãy tải bảng tổng hợp về trước khi đóng trang.";
  }
  return null;
}

export interface MergeSession {
  readonly task: Task;
  readonly units: readonly Unit[];
  readonly sources: readonly MergeSource[];
  /** The deadline as typed (day/month/year). */
  readonly deadlineText: string;
  /** The deadline in use (ISO): the typed one when it is a day, else the last one that was. */
  readonly deadline: string;
  readonly validDeadline: boolean;
  readonly assignments: Readonly<Record<string, string>>;
  /** File name → the received date as typed. */
  readonly receivedText: Readonly<Record<string, string>>;
  /** The number of files resumed from the browser's storage, while the note says so; null otherwise. */
  readonly restored: number | null;
  /** Why the work cannot be kept in the browser, when it cannot. */
  readonly storageNote: string | null;
  /** Files are there and the summary of the latest changes is neither downloaded nor written into the workbook. */
  readonly unsaved: boolean;
  readonly targetsFile: PickedTargets | null;
  readonly workbookTargets: TargetsUsed | null;
  /** The targets the merge judges by, when not Đề án 241's. */
  readonly chosen: ChosenTargets | null;
  /** The last run, while there are files. */
  readonly run: MergeRun | null;
  readonly summary: Summary | null;
  /** "Mục tiêu đánh giá: …" of the last run. */
  readonly targetsLine: string | null;
  readonly counts: { readonly merged: number; readonly superseded: number; readonly rejected: number };
  addFiles(picked: File[]): Promise<void>;
  /** A drop with folders among it: their files (and their subfolders') are read with the files dropped. */
  addDropped(items: readonly DroppedItem[]): Promise<void>;
  addSamples(): Promise<void>;
  cancel(): void;
  clear(): void;
  setDeadline(text: string): void;
  setReceived(file: string, text: string): void;
  /** "Bắt đầu lại": forgets the resumed work (files, choices, dates) here and in the browser. */
  startOver(): void;
  dismissRestored(): void;
  assign(file: string, unit: string): void;
  prefer(unit: string, file: string): void;
  pickTargets(file: File): Promise<void>;
  clearTargets(): void;
  downloadSummary(): Promise<void>;
  writeToWorkbook(): Promise<void>;
  draftReport(): Promise<void>;
}

/** `record` with `key` set to `value`, or without `key` when `value` is empty. */
function withEntry(record: Readonly<Record<string, string>>, key: string, value: string): Record<string, string> {
  const next = { ...record };
  if (value === "") delete next[key];
  else next[key] = value;
  return next;
}

export function useMergeSession(): MergeSession {
  const { files, workbook } = useServices();
  const { units } = useUnits();
  const task = useTask();
  const { showProblem } = task;
  const [sources, setSources] = useState<readonly MergeSource[]>([]);
  // The files as chosen (a container's before its files): what is chosen again is known by its name as chosen and its bytes.
  const [chosenFiles, setChosenFiles] = useState<readonly ChosenFile[]>([]);
  const [deadlineText, setDeadlineText] = useState<string>(vnDate(DEADLINES.sendToDistrict));
  const [lastDeadline, setLastDeadline] = useState<string>(DEADLINES.sendToDistrict);
  const [assignments, setAssignments] = useState<Readonly<Record<string, string>>>({});
  const [preferred, setPreferred] = useState<Readonly<Record<string, string>>>({});
  const [receivedText, setReceivedText] = useState<Readonly<Record<string, string>>>({});
  const [lastRun, setRun] = useState<{ run: MergeRun; targetsLine: string } | null>(null);
  const [targetsFile, setTargetsFile] = useState<PickedTargets | null>(null);
  const [restored, setRestored] = useState<number | null>(null);
  // The work an earlier page kept, read once when the tab opens; nothing is saved before it is read.
  const [loaded, setLoaded] = useState(false);
  const [storageNote, setStorageNote] = useState<string | null>(null);
  const storageNoteRef = useRef<string | null>(null);
  // The run last downloaded or written into the workbook.
  const [savedRun, setSavedRun] = useState<MergeRun | null>(null);
  const [workbookTargets, setWorkbookTargets] = useState<TargetsUsed | null>(null);
  // The files kept, as of the last render: what a cancelled read says it kept, and which names are known.
  const kept = useRef<readonly MergeSource[]>(sources);
  const keptChosen = useRef<readonly ChosenFile[]>(chosenFiles);
  useEffect(() => {
    kept.current = sources;
    keptChosen.current = chosenFiles;
  }, [sources, chosenFiles]);
  // The merge's workers start once the page is idle, so that reading begins as soon as files are chosen.
  useEffect(() => whenIdle(() => files.prepareMerge?.()), [files]);
  useEffect(() => {
    let live = true;
    void loadSession().then((saved) => {
      if (!live) return;
      // Files the user added meanwhile are not replaced by the earlier page's.
      if (saved && saved.sources.length > 0 && kept.current.length === 0) {
        setSources(saved.sources);
        setChosenFiles(saved.chosen);
        if (saved.deadlineText !== "") setDeadlineText(saved.deadlineText);
        const typed = dayState(saved.deadlineText);
        if (typed.kind === "day") setLastDeadline(typed.iso);
        setAssignments(saved.assignments);
        setPreferred(saved.preferred);
        setReceivedText(saved.receivedText);
        setTargetsFile(saved.targetsFile);
        setRestored(saved.sources.length);
      }
      setLoaded(true);
    });
    return () => {
      live = false;
    };
  }, []);

  // A run of files since cleared is not shown.
  const run = sources.length === 0 ? null : (lastRun?.run ?? null);
  const targetsLine = sources.length === 0 ? null : (lastRun?.targetsLine ?? null);
  const summary = run?.summary ?? null;
  const chosen = useMemo(() => chooseTargets(targetsFile, workbookTargets), [targetsFile, workbookTargets]);
  const typedDeadline = dayState(deadlineText);
  const validDeadline = typedDeadline.kind === "day";
  // A deadline being typed (or mistyped) is not used: the last real day stays in use.
  const deadline = typedDeadline.kind === "day" ? typedDeadline.iso : lastDeadline;
  // The received dates that are days; the others are not used.
  const received = useMemo(() => {
    const out: Record<string, string> = {};
    for (const [file, text] of Object.entries(receivedText)) {
      const state = dayState(text);
      if (state.kind === "day") out[file] = state.iso;
    }
    return out;
  }, [receivedText]);

  // Every change is kept in the browser, so a reload or a crash resumes it.
  useEffect(() => {
    if (!loaded) return;
    void saveSession({ sources, chosen: chosenFiles, deadlineText, assignments, preferred, receivedText, targetsFile }).then((result) => {
      // What the pane says follows the save, when it changes.
      const note = storageNoteText(result);
      if (note !== storageNoteRef.current) {
        storageNoteRef.current = note;
        setStorageNote(note);
      }
    });
  }, [loaded, sources, chosenFiles, deadlineText, assignments, preferred, receivedText, targetsFile]);

  const unsaved = run !== null && run !== savedRun;
  // Leaving the page with work whose summary was not taken away asks first.
  useEffect(() => {
    if (!unsaved) return;
    const ask = (event: BeforeUnloadEvent) => {
      event.preventDefault();
      event.returnValue = "";
    };
    window.addEventListener("beforeunload", ask);
    return () => window.removeEventListener("beforeunload", ask);
  }, [unsaved]);

  // The merge is cheap: re-run it whenever the files, the list or a choice changes.
  useEffect(() => {
    if (sources.length === 0) return;
    let live = true;
    files
      .summarise(
        sources,
        { units, deadline, assignments, preferred, received, ...targetsOptions(chosen) },
        {
          unitName: PROGRAMME.letter.issuer,
          superior: PROGRAMME.letter.superior,
          place: PROGRAMME.letter.place,
          level: "huyen",
          date: today(),
        },
      )
      .then(async (result) => {
        const line = await targetsNoteLine(result.summary.targetsSource);
        if (live) setRun({ run: result, targetsLine: line });
        // Ready for more files, once the page is idle again.
        whenIdle(() => files.prepareMerge?.(), 5000);
      })
      .catch((error: unknown) => {
        if (live) showProblem({ title: "Không tổng hợp được", message: errorText(error) });
      });
    return () => {
      live = false;
    };
  }, [files, sources, units, deadline, assignments, preferred, received, chosen, showProblem]);

  const add = async (inputs: (warn: (problem: Problem) => void, signal: AbortSignal) => Promise<InputFile[]>, label: string) => {
    await task.start(
      // "Hủy" is offered from the start: a folder's walk, before any file is read, stops on it too.
      { key: "read", label, failure: "Không đọc được tệp", cancelled: () => readCancelledText(kept.current.length), cancellable: true },
      async ({ signal, progress, warn: warnOne }) => {
        // Every warning of one reading stays said (a later one does not hide an earlier).
        const said: Problem[] = [];
        const warn = (problem: Problem) => {
          said.push(problem);
          warnOne(said.length === 1 ? problem : { title: "Lưu ý khi đọc tệp", message: said.map((p) => `${p.title}: ${p.message}`).join(" ") });
        };
        // Inside Excel: the open workbook's "Mục tiêu" sheet, read again each time files are added (it may have been edited).
        if (workbook) {
          try {
            setWorkbookTargets(await files.targetsOfGrid(await workbook.readWorkbook([TARGETS_SHEET_NAME])));
          } catch (error) {
            setWorkbookTargets(null);
            warn({
              title: "Không đọc được trang “Mục tiêu” của sổ làm việc",
              message: `${errorText(error)} Tổng hợp dùng mục tiêu của Đề án 241.`,
            });
          }
        }
        const list = await inputs(warn, signal);
        // "Hủy" while the files were being found or taken from the computer: nothing of them is read.
        throwIfCancelled(signal);
        // The very same file (its name and its bytes) chosen again is not read again; any other file keeps a name of its
        // own in the list (a real "Bao cao (2).xlsx" is not the one made up for a second "Bao cao.xlsx").
        // Only a file that could be one chosen before is hashed here; the others are hashed once, as they are read.
        const needed = digestsNeeded(list, keptChosen.current);
        const digests = await Promise.all(list.map((f, k) => (needed[k] ? sha256Hex(f.bytes) : undefined)));
        const taken = new Set(kept.current.map((s) => s.file));
        const { files: fresh, chosen, again, known } = newFiles(list, digests, keptChosen.current, taken);
        // A file chosen again is held again (after a reload the page holds none): its feedback can be made.
        keepFiles([...fresh, ...known]);
        progress({ done: 0, total: fresh.length, item: fresh[0]?.name ?? "" });
        const read = await files.readFiles(fresh, progress, signal, (skipped) =>
          warn({ title: "Bỏ qua tệp đính kèm không phải bảng tính", message: skipped.map((s) => s.reason).join(" ") }),
        );
        setSources((previous) => [...previous, ...read]);
        setChosenFiles((previous) => [...previous, ...withReadDigests(chosen, read)]);
        return again > 0 ? `${again} tệp đã có trong danh sách nên không đọc lại.` : null;
      },
    );
  };

  const pickTargets = async (file: File) => {
    await task.start(
      { key: "targets", label: `Đang đọc tệp mục tiêu ${file.name}…`, failure: (message) => fileProblemTitle("Không đọc được tệp mục tiêu", file.name, message) },
      async ({ warn }) => {
        const [input] = await toInputFiles([file]);
        const used = await files.readTargetsFile(input!);
        if (used.sheet === null) {
          warn({
            title: `Không dùng được tệp mục tiêu ${file.name}`,
            message: "Tệp không có trang “Mục tiêu” (cột Chỉ tiêu, Nội dung, Mục tiêu) nên không dùng làm tệp mục tiêu được; mục tiêu đang dùng không đổi.",
          });
          return;
        }
        setTargetsFile({ name: file.name, used });
      },
    );
  };

  const downloadSummary = async () => {
    if (!run) return;
    await task.start({ key: "summary", label: "Đang tạo bảng tổng hợp…", failure: "Không tạo được bảng tổng hợp" }, async () => {
      const bytes = await files.writeXlsx(run.layout);
      const name = summaryFileName(today());
      saveBytes(bytes, name, XLSX_TYPE);
      setSavedRun(run);
      return `Đã tạo tệp ${name}.`;
    });
  };

  const draftReport = async () => {
    if (!summary) return;
    await task.start({ key: "summary", label: "Đang soạn dự thảo báo cáo…", failure: "Không tạo được dự thảo báo cáo" }, async () => {
      // Number and date are left to fill in when the report is signed; recipients and signer are the letter's.
      const bytes = await files.reportDraft(summary, {
        unitName: PROGRAMME.letter.issuer,
        superior: PROGRAMME.letter.superior,
        place: PROGRAMME.letter.place,
      });
      const name = draftFileName(today());
      saveBytes(bytes, name, DOCX_TYPE);
      return `Đã tạo tệp ${name}: dự thảo theo đề cương của Công văn ${PROGRAMME.letter.number}, các chỗ cần viết thêm được đánh dấu.`;
    });
  };

  const writeToWorkbook = async () => {
    if (!run || !workbook) return;
    await task.start({ key: "summary", label: "Đang ghi vào sổ làm việc…", failure: "Không ghi được vào sổ làm việc" }, async () => {
      const result = await workbook.writeSummary(run.layout);
      setSavedRun(run);
      const parts = [
        `Đã ghi ${run.layout.sheets.filter((s) => s.visibility !== "veryHidden").length} trang tính tổng hợp vào sổ làm việc.`,
        result.copies.length > 0 ? `Bản tổng hợp trước được giữ lại: ${result.copies.join(", ")}.` : "",
        result.renamed.length > 0
          ? `Trang tính trùng tên của sổ làm việc được giữ lại với tên mới: ${result.renamed.map((r) => `“${r.name}” → “${r.renameTo}”`).join(", ")}.`
          : "",
        result.skipped.length > 0 ? `Chưa áp dụng được: ${result.skipped.join(" ")}` : "",
      ];
      return parts.filter((p) => p !== "").join(" ");
    });
  };

  const counts = useMemo(() => {
    const c = { merged: 0, superseded: 0, rejected: 0 };
    for (const f of summary?.files ?? []) c[f.status]++;
    return c;
  }, [summary]);

  const clearAll = () => {
    // The files as chosen: a message's or an archive's bytes are held under its own name, not its files'.
    forgetFiles([...kept.current.map((s) => s.file), ...keptChosen.current.map((c) => c.name)]);
    setSources([]);
    setChosenFiles([]);
    setAssignments({});
    setPreferred({});
    setReceivedText({});
    setRestored(null);
    task.showDone(null);
    task.showProblem(null);
  };

  return {
    task,
    units,
    sources,
    deadlineText,
    deadline,
    validDeadline,
    assignments,
    receivedText,
    restored,
    storageNote,
    unsaved,
    targetsFile,
    workbookTargets,
    chosen,
    run,
    summary,
    targetsLine,
    counts,
    // What the browser cannot read (a folder dropped among the files) is left out and said; the other files are read.
    addFiles: (picked) =>
      add((warn) => toInputFiles(picked, (reasons) => warn({ title: "Bỏ qua mục không đọc được", message: reasons.join(" ") })), "Đang đọc tệp…"),
    // A folder's files that a merge does not read, or past the limits, are said; the others are read.
    addDropped: (items) =>
      add(async (warn, signal) => {
        // "Hủy" stops the walk of the folders between two entries.
        const { files: found, notes } = await filesOfDropped(items, DROPPED_FOLDER_LIMITS, signal);
        if (notes.length > 0) warn({ title: "Bỏ qua một số mục trong thư mục", message: notes.join(" ") });
        return toInputFiles(found, (reasons) => warn({ title: "Bỏ qua mục không đọc được", message: reasons.join(" ") }));
      }, "Đang đọc thư mục…"),
    addSamples: () => add(() => files.sampleFiles(), "Đang tải dữ liệu mẫu…"),
    cancel: task.cancel,
    clear: clearAll,
    startOver: () => {
      clearAll();
      setDeadlineText(vnDate(DEADLINES.sendToDistrict));
      setLastDeadline(DEADLINES.sendToDistrict);
      setTargetsFile(null);
      forgetSession();
    },
    dismissRestored: () => setRestored(null),
    setDeadline: (text) => {
      setDeadlineText(text);
      const typed = dayState(text);
      if (typed.kind === "day") setLastDeadline(typed.iso);
    },
    setReceived: (file, text) => setReceivedText((previous) => withEntry(previous, file, text)),
    assign: (file, unit) => setAssignments((previous) => withEntry(previous, file, unit)),
    prefer: (unit, file) => setPreferred((previous) => ({ ...previous, [unit]: file })),
    pickTargets,
    clearTargets: () => setTargetsFile(null),
    downloadSummary,
    writeToWorkbook,
    draftReport,
  };
}
