/**
 * The work a tab runs for the user, one piece at a time: what is running (and
 * its progress), a way to cancel it, and what came of it (a done message, or a
 * problem in Vietnamese). Every tab uses this one hook, so a thrown error is
 * turned into the text shown in one place (errorText: the message, never a
 * stack) and cancelling is recognised in one place (`isCancelled` from the use
 * cases, or the work's own signal having been aborted by "Hủy").
 *
 * A second start while work is running is refused (start resolves "refused"
 * and nothing changes): the views disable their buttons while busy, and a
 * double click in between must not start the work twice.
 *
 * A disabled button loses the focus (the browser puts it on the page), so
 * when the work ends with the focus nowhere, it goes back to what had it when
 * the work started (the button, enabled again), and keyboard and screen-reader
 * users go on from where they were. A view that moves the focus to what the
 * work showed (useFocusWhenShown) does so after this.
 */
import { useCallback, useMemo, useRef, useState } from "react";
import { isCancelled } from "../../app/cancel";
import type { Progress } from "../../app/usecases";
import { errorText, type Problem } from "./ErrorBar";
import { throttled } from "./throttle";

export interface Running {
  /** Which action runs: the views show its progress under the button that started it. */
  readonly key: string;
  /** What the spinner says while no progress is known. */
  readonly label: string;
  readonly progress: Progress | null;
  /** The work stops on "Hủy" before any progress is known (TaskSpec.cancellable). */
  readonly cancellable: boolean;
}

export interface TaskSpec {
  readonly key: string;
  readonly label: string;
  /** The error bar's title when the work fails (a function is read when it fails, given the message shown under the title). */
  readonly failure: string | ((message: string) => string);
  /** The message when the user cancels (a function is read when it is cancelled); "Đã hủy." by default. */
  readonly cancelled?: string | (() => string);
  /** Progress shown from the start (a bar rather than a spinner). */
  readonly progress?: Progress;
  /** The work heeds its signal before it has progress to show (a folder's walk): "Hủy" is offered from the start. */
  readonly cancellable?: boolean;
}

/** What the work is handed. */
export interface TaskControl {
  /** Aborted when the user presses "Hủy". */
  readonly signal: AbortSignal;
  progress(progress: Progress | null): void;
  /** Changes what the spinner says. */
  label(text: string): void;
  /** A problem that does not stop the work (it stays shown when the work is done). */
  warn(problem: Problem): void;
}

export type TaskOutcome = "done" | "cancelled" | "failed" | "refused";

/** The work returns its done message, or nothing. */
export type TaskWork = (control: TaskControl) => Promise<string | null | void>;

export interface Task {
  readonly running: Running | null;
  readonly busy: boolean;
  readonly problem: Problem | null;
  readonly done: string | null;
  /** How the last work ended (null before any, and while one runs). */
  readonly outcome: Exclude<TaskOutcome, "refused"> | null;
  start(spec: TaskSpec, work: TaskWork): Promise<TaskOutcome>;
  /** Aborts the running work's signal. */
  cancel(): void;
  /** Shows (or with null dismisses) a problem outside any work, e.g. a merge re-run that failed. */
  showProblem(problem: Problem | null): void;
  showDone(text: string | null): void;
}

const read = (text: string | (() => string)): string => (typeof text === "function" ? text() : text);

/** Renders the button may take to be enabled again; focus is not taken back later than this. */
const RETURN_TRIES = 10;

/** What has the focus, when something on the page does. */
function focusedElement(): HTMLElement | null {
  if (typeof document === "undefined") return null;
  const active = document.activeElement;
  return active instanceof HTMLElement && active !== document.body ? active : null;
}

/** Gives `element` the focus back once it can take it, unless the focus went somewhere meanwhile. */
function returnFocus(element: HTMLElement | null, tries = RETURN_TRIES): void {
  if (!element) return;
  setTimeout(() => {
    if (!element.isConnected || focusedElement() !== null) return;
    if ((element as HTMLButtonElement).disabled) {
      if (tries > 1) returnFocus(element, tries - 1);
      return;
    }
    element.focus();
  }, 0);
}

export function useTask(): Task {
  const [running, setRunning] = useState<Running | null>(null);
  const [problem, setProblem] = useState<Problem | null>(null);
  const [done, setDone] = useState<string | null>(null);
  const [outcome, setOutcome] = useState<Task["outcome"]>(null);
  // Which work runs, known at once (state would let a second click through before the next render).
  const current = useRef<AbortController | null>(null);

  const start = useCallback(async (spec: TaskSpec, work: TaskWork): Promise<TaskOutcome> => {
    if (current.current) return "refused";
    const controller = new AbortController();
    current.current = controller;
    const live = () => current.current === controller;
    const focused = focusedElement();
    setProblem(null);
    setDone(null);
    setOutcome(null);
    setRunning({ key: spec.key, label: spec.label, progress: spec.progress ?? null, cancellable: spec.cancellable === true });
    // A few times a second at most (the first and the last at once): the tab is not drawn again for every file.
    const shown = throttled<Progress | null>(
      (progress) => {
        if (live()) setRunning((r) => (r ? { ...r, progress } : r));
      },
      (p) => p === null || p.done >= p.total,
    );
    const control: TaskControl = {
      signal: controller.signal,
      progress: (progress) => shown.push(progress),
      label: (label) => {
        if (live()) setRunning((r) => (r ? { ...r, label } : r));
      },
      warn: (p) => {
        if (live()) setProblem(p);
      },
    };
    let result: Exclude<TaskOutcome, "refused">;
    try {
      const message = await work(control);
      if (message) setDone(message);
      result = "done";
    } catch (error) {
      if (isCancelled(error) || controller.signal.aborted) {
        setDone(read(spec.cancelled ?? "Đã hủy."));
        result = "cancelled";
      } else {
        const message = errorText(error);
        setProblem({ title: typeof spec.failure === "function" ? spec.failure(message) : spec.failure, message });
        result = "failed";
      }
    } finally {
      shown.cancel();
      current.current = null;
      setRunning(null);
    }
    setOutcome(result);
    returnFocus(focused);
    return result;
  }, []);

  const cancel = useCallback(() => current.current?.abort(), []);

  return useMemo<Task>(
    () => ({
      running,
      busy: running !== null,
      problem,
      done,
      outcome,
      start,
      cancel,
      showProblem: setProblem,
      showDone: setDone,
    }),
    [running, problem, done, outcome, start, cancel],
  );
}
