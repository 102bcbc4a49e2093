/**
 * "Kiểm tra": a unit's figures checked against the rules and the targets
 * (its own "Mục tiêu" sheet's where it sets any, else Đề án 241's; the tab
 * says which). Standalone: a file picked or dropped. Inside Excel: the open
 * workbook too, with each issue (the "Mục tiêu" sheet's included) selecting
 * its cell, error cells coloured on request, and an optional re-check when
 * the workbook changes. State and actions: useCheckSession.
 */
import { useRef } from "react";
import { Button, MessageBar, MessageBarBody, Switch, Text } from "@fluentui/react-components";
import { SPREADSHEET_ACCEPT, SPREADSHEET_KINDS_TEXT } from "../../../io/read/formats";
import { useServices } from "../../services";
import { ErrorBar } from "../../shared/ErrorBar";
import { FileDrop } from "../../shared/FileDrop";
import { useFocusWhenShown } from "../../shared/focus";
import { LiveRegion } from "../../shared/LiveRegion";
import { useTabStyles } from "../../shared/Section";
import { TaskStatus } from "../../shared/TaskStatus";
import { CheckResults } from "./CheckResults";
import { ConvertFonts } from "./convert/ConvertFonts";
import { useCheckSession } from "./useCheckSession";

export function CheckTab() {
  const styles = useTabStyles();
  const { host, workbook } = useServices();
  const session = useCheckSession();
  const { task, current } = session;
  const root = useRef<HTMLDivElement>(null);
  const focusWhenShown = useFocusWhenShown();
  /** Checks the files (null: the sample), then moves focus to the result's heading: the button that started it was disabled meanwhile. */
  const check = async (picked: File[] | null) => {
    await session.checkFiles(picked);
    focusWhenShown(() => root.current?.querySelector<HTMLElement>('[data-testid="check-result"] h3') ?? null);
  };

  return (
    <div className={styles.root} ref={root}>
      <h2 className={styles.heading}>Kiểm tra</h2>
      <Text>
        {host === "excel"
          ? "Rà soát số liệu trong sổ làm việc đang mở (hoặc một tệp) trước khi gửi về Huyện ủy."
          : "Rà soát số liệu trong tệp của đơn vị trước khi tổng hợp."}
      </Text>

      {workbook ? (
        <div className={styles.actions}>
          <Button appearance="primary" disabled={task.busy} onClick={() => void session.checkWorkbook()}>
            Kiểm tra sổ làm việc đang mở
          </Button>
          <Switch
            label="Tự kiểm tra lại khi sửa số liệu"
            checked={session.autoCheck}
            onChange={(_e, data) => session.setAutoCheck(data.checked)}
          />
        </div>
      ) : null}

      <FileDrop
        label={host === "excel" ? "Chọn tệp khác để kiểm tra…" : "Chọn tệp để kiểm tra…"}
        hint={`Hoặc kéo thả một tệp vào đây: ${SPREADSHEET_KINDS_TEXT}.`}
        accept={SPREADSHEET_ACCEPT}
        disabled={task.busy}
        onFiles={(picked) => void check(picked)}
        testId="check-drop"
      />
      <div className={styles.actions}>
        <Button appearance="secondary" disabled={task.busy} onClick={() => void check(null)}>
          Dùng thử với dữ liệu mẫu
        </Button>
      </div>

      {/* The note is not live: a screen reader is told of it here, in a region there from the start. */}
      <LiveRegion text={session.notice ?? ""} testId="check-notice-live" />
      {session.notice ? (
        <MessageBar intent="info" layout="multiline" data-testid="check-notice">
          <MessageBarBody>{session.notice}</MessageBarBody>
        </MessageBar>
      ) : null}
      <TaskStatus task={task} keys={["workbook", "file"]} verb="Đang kiểm tra" />
      <ErrorBar problem={task.problem} onDismiss={() => task.showProblem(null)} />

      {!current && !task.busy && !task.problem ? (
        <Text className={styles.muted} data-testid="empty">
          Chưa kiểm tra tệp nào. Kết quả sẽ liệt kê từng lỗi kèm ô cần sửa và bảng đánh giá Đạt/Chưa đạt theo mục tiêu của Đề án.
        </Text>
      ) : null}

      {current ? (
        <CheckResults
          checked={current}
          issues={session.issues}
          inWorkbook={session.inWorkbook}
          onSelect={session.select}
          onHighlight={(on) => void session.highlight(on)}
        />
      ) : null}

      <ConvertFonts />
    </div>
  );
}
