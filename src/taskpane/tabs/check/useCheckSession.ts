/**
 * The "Kiểm tra" tab's state and actions (no JSX): the workbook or file last
 * checked, checking the open workbook or a file (or the sample), re-checking
 * when the workbook changes, selecting an issue's cell and colouring error cells.
 */
import { useCallback, useEffect, useRef, useState } from "react";
import { SAMPLE_WITH_ERROR } from "../../../app/sample";
import type { CellRef, CheckResult } from "../../../app/usecases";
import { useServices } from "../../services";
import { errorText, fileProblemTitle } from "../../shared/ErrorBar";
import { toInputFiles } from "../../shared/FileDrop";
import { keepFiles } from "../../shared/feedback/store";
import type { ListedIssue } from "../../shared/IssueList";
import { targetsUsedLine } from "../../shared/targets-text";
import { useTask, type Task } from "../../shared/useTask";

export const RECHECK_DELAY_MS = 1000;

export const OPEN_WORKBOOK_NAME = "Sổ làm việc đang mở";

export interface Checked {
  readonly name: string;
  readonly fromWorkbook: boolean;
  readonly result: CheckResult;
  /** "Mục tiêu đánh giá: …" */
  readonly targetsLine: string;
}

async function toChecked(name: string, fromWorkbook: boolean, result: CheckResult): Promise<Checked> {
  return { name, fromWorkbook, result, targetsLine: await targetsUsedLine(result.targets) };
}

/** The cells of the errors, each once, in the order listed. */
export function errorCells(issues: readonly ListedIssue[]): CellRef[] {
  const refs: CellRef[] = [];
  const seen = new Set<string>();
  for (const i of issues) {
    if (i.severity !== "error" || !i.sheet || !i.cell) continue;
    const key = `${i.sheet}!${i.cell}`;
    if (seen.has(key)) continue;
    seen.add(key);
    refs.push({ sheet: i.sheet, cell: i.cell });
  }
  return refs;
}

/** The issues listed for a result: the workbook's, then its "Mục tiêu" sheet's warnings (under their sheet). */
export function listedIssues(checked: Checked | null): readonly ListedIssue[] {
  return checked ? [...checked.result.report.issues, ...checked.result.targets.issues] : [];
}

export interface CheckSession {
  readonly task: Task;
  readonly current: Checked | null;
  readonly issues: readonly ListedIssue[];
  /** The result came from the open workbook, so issues can select their cells. */
  readonly inWorkbook: boolean;
  readonly autoCheck: boolean;
  readonly notice: string | null;
  setAutoCheck(on: boolean): void;
  checkWorkbook(): Promise<void>;
  /** A picked or dropped file; null checks the sample with an error. */
  checkFiles(picked: File[] | null): Promise<void>;
  select(issue: ListedIssue): void;
  highlight(on: boolean): Promise<void>;
}

export function useCheckSession(): CheckSession {
  const { files, workbook } = useServices();
  const task = useTask();
  const { start, showProblem } = task;
  const [current, setCurrent] = useState<Checked | null>(null);
  const [autoCheck, setAutoCheck] = useState(false);
  const [notice, setNotice] = useState<string | null>(null);

  const checkWorkbook = useCallback(async () => {
    if (!workbook) return;
    await start({ key: "workbook", label: "Đang đọc sổ làm việc…", failure: "Không kiểm tra được sổ làm việc" }, async () => {
      const grid = await workbook.readWorkbook();
      const result = await files.checkGrid(grid, OPEN_WORKBOOK_NAME);
      setCurrent(await toChecked(OPEN_WORKBOOK_NAME, true, result));
    });
  }, [files, workbook, start]);

  const checkFiles = async (picked: File[] | null) => {
    // The file's name once known ("": the sample, not yet fetched).
    let name = picked?.[0]?.name ?? "";
    const outcome = await start(
      {
        key: "file",
        label: picked ? "Đang đọc tệp…" : "Đang tải dữ liệu mẫu…",
        failure: (message) => (name === "" ? "Không kiểm tra được dữ liệu mẫu" : fileProblemTitle("Không kiểm tra được tệp", name, message)),
      },
      async ({ label }) => {
        const inputs = picked ? await toInputFiles(picked) : (await files.sampleFiles()).filter((f) => f.name === SAMPLE_WITH_ERROR);
        const file = inputs[0];
        if (!file) throw new Error("Không có tệp nào để kiểm tra.");
        // A copy is kept for its feedback file: the bytes given to the check are moved to the worker.
        keepFiles([{ ...file, bytes: file.bytes.slice() }]);
        name = file.name;
        label(`Đang kiểm tra ${name}…`);
        const result = await files.checkFile(file);
        setCurrent(await toChecked(name, false, result));
      },
    );
    if (outcome === "failed") setCurrent(null);
  };

  // Re-check the open workbook when it changes, at most once a second.
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);
  useEffect(() => {
    if (!workbook || !autoCheck) return;
    let unsubscribe: (() => Promise<void>) | null = null;
    let live = true;
    workbook
      .onChanged(() => {
        if (timer.current) clearTimeout(timer.current);
        timer.current = setTimeout(() => void checkWorkbook(), RECHECK_DELAY_MS);
      })
      .then((off) => {
        if (!live) {
          void off?.();
          return;
        }
        unsubscribe = off;
        if (!off) {
          setNotice("Phiên bản Excel này không báo khi sổ làm việc thay đổi; hãy bấm “Kiểm tra sổ làm việc đang mở” sau khi sửa.");
          setAutoCheck(false);
        }
      })
      .catch((error: unknown) => showProblem({ title: "Không theo dõi được thay đổi", message: errorText(error) }));
    return () => {
      live = false;
      if (timer.current) clearTimeout(timer.current);
      if (unsubscribe) {
        unsubscribe().catch((error: unknown) => showProblem({ title: "Không dừng theo dõi được", message: errorText(error) }));
      }
    };
  }, [workbook, autoCheck, checkWorkbook, showProblem]);

  const select = (issue: ListedIssue) => {
    if (!workbook || !issue.sheet || !issue.cell) return;
    workbook
      .selectCell({ sheet: issue.sheet, cell: issue.cell })
      .catch((error: unknown) => showProblem({ title: `Không chọn được ô ${issue.cell}`, message: errorText(error) }));
  };

  const highlight = async (on: boolean) => {
    if (!workbook || !current) return;
    showProblem(null);
    try {
      if (on) await workbook.highlight(errorCells(current.result.report.issues));
      else await workbook.clearHighlight();
    } catch (error) {
      showProblem({ title: on ? "Không tô màu được các ô lỗi" : "Không bỏ tô màu được", message: errorText(error) });
    }
  };

  return {
    task,
    current,
    issues: listedIssues(current),
    inWorkbook: current?.fromWorkbook === true && workbook !== null,
    autoCheck,
    notice,
    setAutoCheck,
    checkWorkbook,
    checkFiles,
    select,
    highlight,
  };
}
