/**
 * "Tạo biểu mẫu": the two official sheets of Công văn 232-CV/HU for one unit
 * (inserted into the open workbook, or downloaded as .xlsx), and one workbook
 * per unit of the list in a .zip. State and actions: useGenerateSession.
 */
import { Button, Combobox, Field, Input, MessageBar, MessageBarBody, MessageBarTitle, Option, Text } from "@fluentui/react-components";
import { DOCUMENTS_TABLE, INDICATORS, INDICATORS_TABLE } from "../../../domain/catalogue";
import { EXCEL_API } from "../../../hosts/excel/host";
import { useServices } from "../../services";
import { DoneBar } from "../../shared/DoneBar";
import { LiveRegion } from "../../shared/LiveRegion";
import { ErrorBar } from "../../shared/ErrorBar";
import { Section, useTabStyles } from "../../shared/Section";
import { TaskStatus } from "../../shared/TaskStatus";
import { UnitsSource } from "../../shared/units";
import { ConflictDialog } from "./ConflictDialog";
import { useGenerateSession } from "./useGenerateSession";

export function GenerateTab() {
  const styles = useTabStyles();
  const { host } = useServices();
  const session = useGenerateSession();
  const { task, units, unitName, missingName, canInsert, running } = session;
  const busy = task.busy;

  return (
    <div className={styles.root}>
      <h2 className={styles.heading}>Tạo biểu mẫu</h2>
      <Text>
        {host === "excel"
          ? "Chèn vào sổ làm việc đang mở hai biểu theo Công văn 232-CV/HU để đơn vị điền số liệu, hoặc tải về tệp Excel."
          : "Tạo tệp Excel chứa hai biểu theo Công văn 232-CV/HU để gửi các đơn vị điền số liệu."}
      </Text>
      <ul className={styles.list}>
        <li>
          <Text size={200}>{`“${DOCUMENTS_TABLE.title}”`}</Text>
        </li>
        <li>
          <Text size={200}>{`“${INDICATORS_TABLE.title}” (${INDICATORS.length} chỉ tiêu)`}</Text>
        </li>
        <li>
          <Text size={200}>Trang “Mục tiêu”: mục tiêu của Đề án 241, đơn vị sửa được theo kế hoạch của mình</Text>
        </li>
      </ul>

      <Section title="Biểu mẫu cho một đơn vị">
        <Field label="Cấp trên trực tiếp">
          <Input value={session.superior} onChange={(_e, data) => session.editSuperior(data.value)} />
        </Field>
        <Field
          label="Đơn vị báo cáo"
          required
          validationMessage={missingName ? "Hãy nhập hoặc chọn tên đơn vị." : undefined}
          validationState={missingName ? "error" : "none"}
        >
          <Combobox
            freeform
            expandIcon={{ "aria-label": "Mở danh sách đơn vị báo cáo" }}
            value={unitName}
            selectedOptions={units.some((u) => u.name === unitName) ? [unitName] : []}
            onOptionSelect={(_e, data) => {
              if (data.optionValue) session.chooseUnit(data.optionValue);
            }}
            onChange={(event) => session.chooseUnit(event.currentTarget.value)}
          >
            {units.map((u) => (
              <Option key={u.name} value={u.name}>
                {u.name}
              </Option>
            ))}
          </Combobox>
        </Field>
        <Field label="Địa danh ở dòng ngày tháng" hint="Ví dụ: “Bản Bo, ngày … tháng … năm …”">
          <Input value={session.place} onChange={(_e, data) => session.editPlace(data.value)} />
        </Field>
        <div className={styles.actions}>
          {canInsert ? (
            <Button appearance="primary" disabled={busy || missingName} onClick={() => void session.insert(false)}>
              {running === "insert" ? "Đang chèn…" : "Chèn vào sổ làm việc"}
            </Button>
          ) : null}
          <Button appearance={canInsert ? "secondary" : "primary"} disabled={busy || missingName} onClick={() => void session.downloadOne()}>
            {running === "xlsx" ? "Đang tạo tệp…" : host === "excel" && !canInsert ? "Tải tệp .xlsx" : "Tải biểu mẫu (.xlsx)"}
          </Button>
        </div>
        {host === "excel" && !canInsert ? (
          <MessageBar intent="warning" layout="multiline">
            <MessageBarBody>
              Phiên bản Excel này không chèn được biểu mẫu vào sổ làm việc (cần ExcelApi 1.{EXCEL_API.minimum}); hãy tải tệp .xlsx rồi mở trong Excel.
            </MessageBarBody>
          </MessageBar>
        ) : null}
      </Section>

      <Section title="Biểu mẫu cho các đơn vị">
        <Text size={200}>Mỗi đơn vị của danh sách một tệp .xlsx, gộp trong một tệp .zip.</Text>
        <UnitsSource disabled={busy} onUnits={session.unitsChanged} />
        <div className={styles.actions}>
          <Button disabled={busy || units.length === 0} onClick={() => void session.downloadZip()}>
            {running === "zip" ? "Đang tạo tệp .zip…" : "Tải biểu mẫu cho các đơn vị (.zip)"}
          </Button>
        </div>
        <TaskStatus task={task} keys={["zip"]} verb="Đang tạo biểu mẫu" />
      </Section>

      <ErrorBar problem={task.problem} onDismiss={() => task.showProblem(null)} />
      <DoneBar done={task.done} />
      {/* What this Excel could not apply, said to a screen reader as it comes (the bars below are not live). */}
      <LiveRegion text={session.skipped.length > 0 ? `Chưa áp dụng được: ${session.skipped.join(" ")}` : ""} testId="skipped-live" />
      {session.skipped.map((notice) => (
        <MessageBar key={notice} intent="warning" layout="multiline" data-testid="skipped">
          <MessageBarBody>
            <MessageBarTitle>Chưa áp dụng được:</MessageBarTitle>
            {notice}
          </MessageBarBody>
        </MessageBar>
      ))}

      <ConflictDialog conflicts={session.conflicts} onKeep={() => void session.insert(true)} onDismiss={session.dismissConflicts} />
    </div>
  );
}
