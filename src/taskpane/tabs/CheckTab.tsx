/**
 * "Kiểm tra": a unit's figures checked against the rules and the targets
 * (its own "Mục tiêu" sheet's where it sets any, else Đề án 241's; the tab
 * says which). Standalone: a file picked or dropped. Inside Excel: the open
 * workbook too, with each issue (the "Mục tiêu" sheet's included) selecting
 * its cell, error cells coloured on request, and an optional re-check when
 * the workbook changes.
 */
import { useCallback, useEffect, useRef, useState } from "react";
import { Button, MessageBar, MessageBarBody, Spinner, Switch, Text } from "@fluentui/react-components";
import { SAMPLE_WITH_ERROR } from "../../app/sample";
import type { CellRef, CheckResult } from "../../app/usecases";
import { ErrorBar, type Problem } from "../components/ErrorBar";
import { FileDrop, toInputFiles } from "../components/FileDrop";
import { IssueList, SeverityCounts, countBySeverity, type ListedIssue } from "../components/IssueList";
import { ResultsTable } from "../components/ResultsTable";
import { errorText, vnDate } from "../components/download";
import { useServices } from "../services";
import { targetsUsedLine } from "../targets-text";
import { Section, useTabStyles } from "./Section";

const RECHECK_DELAY_MS = 1000;

type Checked = {
  readonly name: string;
  readonly fromWorkbook: boolean;
  readonly result: CheckResult;
  /** "Mục tiêu đánh giá: …" */
  readonly targetsLine: string;
};

async function toChecked(name: string, fromWorkbook: boolean, result: CheckResult): Promise<Checked> {
  return { name, fromWorkbook, result, targetsLine: await targetsUsedLine(result.targets) };
}

function errorCells(issues: readonly ListedIssue[]): CellRef[] {
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

export function CheckTab() {
  const styles = useTabStyles();
  const { host, files, workbook } = useServices();
  const [busy, setBusy] = useState<string | null>(null);
  const [current, setCurrent] = useState<Checked | null>(null);
  const [problem, setProblem] = useState<Problem | null>(null);
  const [autoCheck, setAutoCheck] = useState(false);
  const [notice, setNotice] = useState<string | null>(null);

  const checkWorkbook = useCallback(async () => {
    if (!workbook) return;
    setBusy("Đang đọc sổ làm việc…");
    setProblem(null);
    try {
      const grid = await workbook.readWorkbook();
      const result = await files.checkGrid(grid, "Sổ làm việc đang mở");
      setCurrent(await toChecked("Sổ làm việc đang mở", true, result));
    } catch (error) {
      setProblem({ title: "Không kiểm tra được sổ làm việc", message: errorText(error) });
    } finally {
      setBusy(null);
    }
  }, [files, workbook]);

  const checkFiles = async (picked: File[] | null, sample = false) => {
    setBusy(sample ? "Đang tải dữ liệu mẫu…" : "Đang đọc tệp…");
    setProblem(null);
    let name = picked?.[0]?.name ?? "tệp mẫu";
    try {
      const inputs = picked ? await toInputFiles(picked) : (await files.sampleFiles()).filter((f) => f.name === SAMPLE_WITH_ERROR);
      const file = inputs[0];
      if (!file) throw new Error("Không có tệp nào để kiểm tra.");
      name = file.name;
      setBusy(`Đang kiểm tra ${name}…`);
      const result = await files.checkFile(file);
      setCurrent(await toChecked(name, false, result));
    } catch (error) {
      setCurrent(null);
      setProblem({ title: `Không kiểm tra được ${name}`, message: errorText(error) });
    } finally {
      setBusy(null);
    }
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
      .catch((error: unknown) => setProblem({ title: "Không theo dõi được thay đổi", message: errorText(error) }));
    return () => {
      live = false;
      if (timer.current) clearTimeout(timer.current);
      if (unsubscribe) {
        unsubscribe().catch((error: unknown) => setProblem({ title: "Không dừng theo dõi được", message: errorText(error) }));
      }
    };
  }, [workbook, autoCheck, checkWorkbook]);

  const select = (issue: ListedIssue) => {
    if (!workbook || !issue.sheet || !issue.cell) return;
    workbook
      .selectCell({ sheet: issue.sheet, cell: issue.cell })
      .catch((error: unknown) => setProblem({ title: `Không chọn được ô ${issue.cell}`, message: errorText(error) }));
  };

  const highlight = async (on: boolean) => {
    if (!workbook || !current) return;
    setProblem(null);
    try {
      if (on) await workbook.highlight(errorCells(current.result.report.issues));
      else await workbook.clearHighlight();
    } catch (error) {
      setProblem({ title: on ? "Không tô màu được các ô lỗi" : "Không bỏ tô màu được", message: errorText(error) });
    }
  };

  const report = current?.result.report;
  const targets = current?.result.targets;
  // The "Mục tiêu" sheet's warnings are listed with the other issues, under their sheet.
  const issues: readonly ListedIssue[] = report && targets ? [...report.issues, ...targets.issues] : [];
  const counts = report ? countBySeverity(issues) : null;
  const inWorkbook = current?.fromWorkbook === true && workbook !== null;
  const rows = current ? current.result.results.map((r) => ({ ...r, target: current.result.targets.targets[r.id] })) : [];

  return (
    <div className={styles.root}>
      <h2 className={styles.heading}>Kiểm tra</h2>
      <Text>
        {host === "excel"
          ? "Rà soát số liệu trong sổ làm việc đang mở (hoặc một tệp) trước khi gửi về Huyện ủy."
          : "Rà soát số liệu trong tệp Excel của đơn vị (.xlsx, .xls, .ods) trước khi tổng hợp."}
      </Text>

      {workbook ? (
        <div className={styles.actions}>
          <Button appearance="primary" disabled={busy !== null} onClick={() => void checkWorkbook()}>
            Kiểm tra sổ làm việc đang mở
          </Button>
          <Switch
            label="Tự kiểm tra lại khi sửa số liệu"
            checked={autoCheck}
            onChange={(_e, data) => setAutoCheck(data.checked)}
          />
        </div>
      ) : null}

      <FileDrop
        label={host === "excel" ? "Chọn tệp khác để kiểm tra…" : "Chọn tệp để kiểm tra…"}
        hint="Hoặc kéo thả một tệp .xlsx, .xls, .ods vào đây."
        disabled={busy !== null}
        onFiles={(picked) => void checkFiles(picked)}
        testId="check-drop"
      />
      <div className={styles.actions}>
        <Button appearance="subtle" disabled={busy !== null} onClick={() => void checkFiles(null, true)}>
          Dùng thử với dữ liệu mẫu
        </Button>
      </div>

      {notice ? (
        <MessageBar intent="info" layout="multiline">
          <MessageBarBody>{notice}</MessageBarBody>
        </MessageBar>
      ) : null}
      {busy ? <Spinner size="tiny" label={busy} labelPosition="after" /> : null}
      <ErrorBar problem={problem} onDismiss={() => setProblem(null)} />

      {!current && !busy && !problem ? (
        <Text className={styles.muted} data-testid="empty">
          Chưa kiểm tra tệp nào. Kết quả sẽ liệt kê từng lỗi kèm ô cần sửa và bảng đánh giá Đạt/Chưa đạt theo mục tiêu của Đề án.
        </Text>
      ) : null}

      {current && report && counts ? (
        <>
          <Section title={`Kết quả: ${current.name}`} testId="check-result">
            <Text size={200}>
              {`Đơn vị: ${report.unit.name || "chưa rõ"}`}
              {report.reportDate ? ` · Ngày báo cáo: ${vnDate(report.reportDate)}` : " · Chưa ghi ngày báo cáo"}
            </Text>
            <div className={styles.actions}>
              <SeverityCounts issues={issues} />
            </div>
            {issues.length === 0 ? (
              <MessageBar intent="success">
                <MessageBarBody>Không có lỗi hay cảnh báo nào.</MessageBarBody>
              </MessageBar>
            ) : counts.errors === 0 ? (
              <Text size={200}>Không có lỗi; có cảnh báo nên xem lại.</Text>
            ) : null}
            {inWorkbook && counts.errors > 0 ? (
              <div className={styles.actions}>
                <Button size="small" onClick={() => void highlight(true)}>
                  Tô màu ô lỗi
                </Button>
                <Button size="small" onClick={() => void highlight(false)}>
                  Bỏ tô màu
                </Button>
              </div>
            ) : null}
            <IssueList issues={issues} {...(inWorkbook ? { onSelect: select } : {})} />
          </Section>
          <Section title="Đánh giá theo mục tiêu" testId="check-results">
            <Text size={200} data-testid="targets-used">
              {current.targetsLine}
            </Text>
            <ResultsTable
              rows={rows}
              caption={
                current.result.targets.source === "workbook"
                  ? "Đánh giá các chỉ tiêu theo mục tiêu của đơn vị"
                  : "Đánh giá các chỉ tiêu theo mục tiêu của Đề án 241"
              }
              testId="results-table"
            />
          </Section>
        </>
      ) : null}
    </div>
  );
}
