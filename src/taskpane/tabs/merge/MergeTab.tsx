/**
 * "Tổng hợp": many units' workbooks read at once (off the UI thread), each
 * file's status with its reason, assigning a file to a unit, reversing a
 * superseded choice, the district's figures against the targets, who has not
 * sent yet, the summary workbook (downloaded, or written into Excel) and a
 * draft of the district's report (.docx). The targets are Đề án 241's unless
 * the open workbook (inside Excel) or a targets file picked here has a "Mục
 * tiêu" sheet that sets others. Dates are typed day/month/year whatever the
 * browser's language. The work is kept in the browser and resumed after a
 * reload. State and actions: useMergeSession; running work shows under the
 * buttons that started it.
 */
import { memo, startTransition, useDeferredValue, useEffect, useLayoutEffect, useMemo, useRef, useState } from "react";
import { INPUT_KINDS_TEXT, MERGE_ACCEPT } from "../../../io/read/formats";
import { Button, MessageBar, MessageBarActions, MessageBarBody, MessageBarTitle, Text, makeStyles, tokens } from "@fluentui/react-components";
import type { TargetsUsed } from "../../../app/usecases";
import type { FileResult } from "../../../domain/merge";
import type { Unit } from "../../../domain/units";
import { formatRatio, targetLabel, vnDate } from "../../../domain/format";
import { useServices } from "../../services";
import { DoneBar } from "../../shared/DoneBar";
import { ErrorBar } from "../../shared/ErrorBar";
import { FileDrop } from "../../shared/FileDrop";
import { LiveRegion } from "../../shared/LiveRegion";
import { keepingFocus, useFocusWhenShown } from "../../shared/focus";
import { ResultsTable } from "../../shared/ResultsTable";
import { Section, useTabStyles } from "../../shared/Section";
import { TaskStatus } from "../../shared/TaskStatus";
import { UnitsSource } from "../../shared/units";
import { DayField } from "./DayField";
import { FileCard, type FileCardActions } from "./FileCard";
import { RemindUnits } from "./remind/RemindUnits";
import { FeedbackButton, feedbackAllLabel, feedbackItems } from "../../shared/feedback/FeedbackButton";
import { TargetsSource } from "./TargetsSource";
import { useMergeSession } from "./useMergeSession";

const useStyles = makeStyles({
  files: { listStyleType: "none", margin: 0, padding: 0, display: "flex", flexDirection: "column", rowGap: tokens.spacingVerticalS },
  deadline: { maxWidth: "260px" },
});

const NO_FILES: readonly FileResult[] = [];
/** Up to this many files, the cards are drawn with the rest of the tab; more are drawn in the background. */
const DRAWN_AT_ONCE = 60;
/** Cards a long list adds at a time, the page free between (a few tens of milliseconds each). */
const DRAWN_PER_STEP = 25;

/**
 * The files' cards. For a long list, given the merge's results and `disabled` as deferred values, it is
 * drawn in the background, a slice at a time, when a merge gives new results or work starts or ends, so
 * hundreds of cards never hold the page; its cards first come a few tens at a time. Typing a date or
 * choosing a unit draws that card only.
 */
const FileList = memo(function FileList(props: {
  files: readonly FileResult[];
  units: readonly Unit[];
  assignments: Readonly<Record<string, string>>;
  receivedText: Readonly<Record<string, string>>;
  disabled: boolean;
  actions: FileCardActions;
  className: string;
}) {
  const [drawn, setDrawn] = useState(DRAWN_PER_STEP);
  const total = props.files.length;
  useEffect(() => {
    if (drawn >= total) return;
    const next = setTimeout(() => startTransition(() => setDrawn((n) => n + DRAWN_PER_STEP)), 0);
    return () => clearTimeout(next);
  }, [drawn, total]);
  const files = total <= Math.max(drawn, DRAWN_AT_ONCE) ? props.files : props.files.slice(0, drawn);
  return (
    <ul className={props.className}>
      {files.map((f) => (
        <FileCard
          key={f.file}
          result={f}
          units={props.units}
          assigned={props.assignments[f.file]}
          received={props.receivedText[f.file] ?? ""}
          disabled={props.disabled}
          actions={props.actions}
        />
      ))}
    </ul>
  );
});

/** The figures left out of the sums, said on the card of received units and to a screen reader. */
function rejectedValuesText(count: number): { title: string; rest: string } {
  return { title: `${count} số liệu không được cộng`, rest: "vì sai quy tắc (xem trang “Số liệu bị loại” trong bảng tổng hợp)." };
}

/** The note that the work kept in the browser was taken up again, shown and said to a screen reader. */
function restoredText(count: number): string {
  return `Đã khôi phục phiên làm việc trước (${count} tệp).`;
}

function changedList(used: TargetsUsed): string {
  return used.changed.map((c) => `${c.id}: ${targetLabel(c.target)} (Đề án 241: ${targetLabel(c.official)})`).join("; ");
}

export function MergeTab() {
  const styles = useTabStyles();
  const own = useStyles();
  const { workbook } = useServices();
  const session = useMergeSession();
  const { task, summary, run, counts, chosen } = session;
  const working = task.busy;
  const root = useRef<HTMLDivElement>(null);
  const focusWhenShown = useFocusWhenShown();
  const find = (selector: string) => () => root.current?.querySelector<HTMLElement>(selector) ?? null;
  /** The sample loaded, focus goes to the summary's heading (the button was disabled meanwhile). */
  const addSamples = async () => {
    await session.addSamples();
    focusWhenShown(find('[data-testid="summary-output"] h3'));
  };
  /** The file preferred, its card (merged now, without the button) takes the focus. */
  const prefer = (unit: string, file: string) => {
    session.prefer(unit, file);
    focusWhenShown(() => {
      const merged = root.current?.querySelectorAll<HTMLElement>('[data-testid="file-status"][data-status="merged"]') ?? [];
      return Array.from(merged).find((card) => card.getAttribute("data-file") === file) ?? null;
    });
  };
  // The cards' actions: one object for good, calling the latest session's.
  const latest = useRef({ session, prefer });
  useLayoutEffect(() => {
    latest.current = { session, prefer };
  });
  const actions = useMemo<FileCardActions>(
    () => ({
      assign: (file, unit) => latest.current.session.assign(file, unit),
      prefer: (unit, file) => latest.current.prefer(unit, file),
      setReceived: (file, text) => latest.current.session.setReceived(file, text),
    }),
    [],
  );
  // A long list is drawn in the background; a short one at once, with the rest of the tab.
  const files = summary?.files ?? NO_FILES;
  const deferredFiles = useDeferredValue(files);
  const deferredWorking = useDeferredValue(working);
  const long = files.length > DRAWN_AT_ONCE || deferredFiles.length > DRAWN_AT_ONCE;
  const listFiles = long ? deferredFiles : files;
  const listDisabled = long ? deferredWorking : working;
  const rejected = summary && summary.rejectedValues.length > 0 ? rejectedValuesText(summary.rejectedValues.length) : null;

  return (
    <div className={styles.root} ref={root}>
      <h2 className={styles.heading}>Tổng hợp</h2>
      <Text>
        Gộp số liệu từ tệp báo cáo của các chi, đảng bộ cơ sở và các cơ quan, đơn vị: cộng tổng số và số đã đạt theo từng
        chỉ tiêu, tính lại tỷ lệ, đối chiếu mục tiêu và ghép danh sách văn bản.
      </Text>

      {session.restored !== null ? (
        <MessageBar intent="info" layout="multiline" data-testid="session-restored">
          <MessageBarBody>{restoredText(session.restored)}</MessageBarBody>
          <MessageBarActions>
            <Button size="small" disabled={working} onClick={session.startOver}>
              Bắt đầu lại
            </Button>
            <Button size="small" appearance="subtle" onClick={session.dismissRestored}>
              Đóng
            </Button>
          </MessageBarActions>
        </MessageBar>
      ) : null}
      {/* The notes above and below are not live: a screen reader is told of them here, in regions there from the start. */}
      <LiveRegion text={session.restored !== null ? restoredText(session.restored) : ""} testId="session-restored-live" />
      <LiveRegion text={session.storageNote ?? ""} testId="session-storage-live" />
      <LiveRegion text={rejected ? `${rejected.title} ${rejected.rest}` : ""} testId="rejected-values-live" />
      {session.storageNote ? (
        <MessageBar intent="warning" layout="multiline" data-testid="session-storage">
          <MessageBarBody>{session.storageNote}</MessageBarBody>
        </MessageBar>
      ) : null}

      <FileDrop
        multiple
        label="Chọn các tệp của đơn vị…"
        hint={`Hoặc kéo thả nhiều tệp (hay cả thư mục chứa chúng) vào đây: ${INPUT_KINDS_TEXT}; thư và tệp nén được mở lấy các bảng tính bên trong.`}
        accept={MERGE_ACCEPT}
        disabled={working}
        onFiles={(picked) => void session.addFiles(picked)}
        onDropped={(items) => void session.addDropped(items)}
        testId="merge-drop"
      />
      <div className={styles.actions}>
        <Button appearance="secondary" disabled={working} onClick={() => void addSamples()}>
          Dùng thử với dữ liệu mẫu
        </Button>
        {session.sources.length > 0 ? (
          <Button appearance="subtle" disabled={working} onClick={keepingFocus(session.clear)}>
            Xóa danh sách tệp
          </Button>
        ) : null}
      </div>
      <TaskStatus task={task} keys={["read"]} verb="Đang đọc" />
      <UnitsSource disabled={working} />
      <DayField
        label="Hạn nộp báo cáo (ngày/tháng/năm)"
        spoken="Hạn nộp"
        hint="Theo Công văn 232-CV/HU: trước ngày 25/6/2021."
        className={own.deadline}
        value={session.deadlineText}
        onChange={session.setDeadline}
        required
        invalidNote={`Đang dùng hạn ${vnDate(session.deadline)}.`}
        emptyNote={`Hãy nhập hạn nộp; đang dùng hạn ${vnDate(session.deadline)}.`}
        testId="deadline"
      />
      <TargetsSource
        inExcel={workbook !== null}
        file={session.targetsFile}
        workbookTargets={session.workbookTargets}
        disabled={working}
        onPick={(file) => void session.pickTargets(file)}
        onClear={session.clearTargets}
      />
      <TaskStatus task={task} keys={["targets"]} verb="Đang đọc" />

      <ErrorBar problem={task.problem} onDismiss={() => task.showProblem(null)} />
      <DoneBar done={task.done} />

      {session.sources.length === 0 && !working ? (
        <Text className={styles.muted} data-testid="empty">
          Chưa có tệp nào. Chọn hoặc kéo thả các tệp báo cáo mà đơn vị gửi về; tệp hỏng hoặc sai mẫu sẽ được báo rõ lý do,
          không làm hỏng phần tổng hợp.
        </Text>
      ) : null}

      {summary ? (
        <>
          <Section title="Bảng tổng hợp" testId="summary-output">
            <Text size={200}>
              {`Số liệu của ${summary.received.length} đơn vị (${counts.merged} tệp); gồm các trang: tổng hợp chỉ tiêu, chi tiết đơn vị, văn bản, tình hình nộp báo cáo, các tệp đã nhận, số liệu bị loại.`}
            </Text>
            <div className={styles.actions}>
              <Button appearance="primary" disabled={working || !run} onClick={() => void session.downloadSummary()}>
                Tải bảng tổng hợp (.xlsx)
              </Button>
              <Button disabled={working || !run} onClick={() => void session.draftReport()}>
                Dự thảo báo cáo (.docx)
              </Button>
              {workbook ? (
                <Button disabled={working || !run} onClick={() => void session.writeToWorkbook()}>
                  Ghi vào sổ làm việc
                </Button>
              ) : null}
            </div>
            <TaskStatus task={task} keys={["summary"]} verb="Đang tạo" />
          </Section>
          <Section title={`Các tệp (${summary.files.length})`} testId="file-statuses">
            <Text size={200}>{`${counts.merged} đã tổng hợp · ${counts.superseded} bị thay thế · ${counts.rejected} bị loại`}</Text>
            <FeedbackButton label={feedbackAllLabel(feedbackItems(summary.files).length)} disabled={working} items={feedbackItems(summary.files)} testId="feedback-all" />
            <FileList
              files={listFiles}
              units={session.units}
              assignments={session.assignments}
              receivedText={session.receivedText}
              disabled={listDisabled}
              actions={actions}
              className={own.files}
            />
          </Section>

          <Section title="Đơn vị đã nộp" testId="units-received">
            <Text>
              {`Đã nhận ${summary.received.length}/${summary.expected.length} đơn vị`}
              {summary.rate !== null ? ` (${formatRatio(summary.rate)})` : ""}.
            </Text>
            {rejected ? (
              <MessageBar intent="warning" layout="multiline" data-testid="rejected-values">
                <MessageBarBody>
                  <MessageBarTitle>{rejected.title}</MessageBarTitle>
                  {rejected.rest}
                </MessageBarBody>
              </MessageBar>
            ) : null}
          </Section>
          <RemindUnits summary={summary} units={session.units} />

          {summary.missing.length > 0 ? (
            <Section title={`Đơn vị chưa nộp (${summary.missing.length})`} testId="units-missing">
              <ul className={styles.list} data-testid="missing-units">
                {summary.missing.map((u) => (
                  <li key={u}>
                    <Text size={200}>{u}</Text>
                  </li>
                ))}
              </ul>
            </Section>
          ) : null}

          <Section title="Kết quả thực hiện các mục tiêu (toàn huyện)" testId="summary-indicators">
            {session.targetsLine ? (
              <Text size={200} data-testid="summary-targets">
                {session.targetsLine}
                {chosen && summary.targetsSource === chosen.source ? ` Khác Đề án 241 ở chỉ tiêu ${changedList(chosen.used)}.` : ""}
              </Text>
            ) : null}
            <ResultsTable rows={summary.indicators} caption="Tổng hợp các chỉ tiêu của Đề án 241" testId="summary-table" />
          </Section>
        </>
      ) : null}
    </div>
  );
}
