/** The result of one check: the unit and date, the issues by sheet (cells selectable inside Excel), and the Đạt/Chưa đạt table. */
import { Button, MessageBar, MessageBarBody, Text } from "@fluentui/react-components";
import { vnDate } from "../../../domain/format";
import { FeedbackButton } from "../../shared/feedback/FeedbackButton";
import { IssueList, SeverityCounts, countBySeverity, type ListedIssue } from "../../shared/IssueList";
import { ResultsTable } from "../../shared/ResultsTable";
import { Section, useTabStyles } from "../../shared/Section";
import type { Checked } from "./useCheckSession";

export function CheckResults(props: {
  checked: Checked;
  issues: readonly ListedIssue[];
  inWorkbook: boolean;
  onSelect: (issue: ListedIssue) => void;
  onHighlight: (on: boolean) => void;
}) {
  const styles = useTabStyles();
  const { checked, issues, inWorkbook } = props;
  const report = checked.result.report;
  const counts = countBySeverity(issues);
  const rows = checked.result.results.map((r) => ({ ...r, target: checked.result.targets.targets[r.id] }));
  return (
    <>
      <Section title={`Kết quả: ${checked.name}`} testId="check-result">
        <Text size={200}>
          {`Đơn vị: ${report.unit.name || "chưa rõ"}`}
          {report.reportDate ? ` · Ngày báo cáo: ${vnDate(report.reportDate)}` : " · Chưa ghi ngày báo cáo"}
        </Text>
        <div className={styles.actions}>
          <SeverityCounts issues={issues} />
        </div>
        {issues.length === 0 ? (
          <MessageBar intent="success" layout="multiline">
            <MessageBarBody>Không có lỗi hay cảnh báo nào.</MessageBarBody>
          </MessageBar>
        ) : counts.errors === 0 ? (
          <Text size={200}>{counts.warnings > 0 ? "Không có lỗi; có cảnh báo nên xem lại." : "Không có lỗi hay cảnh báo; có thông tin nên đọc."}</Text>
        ) : null}
        {inWorkbook ? (
          // Taking the marks off stays offered once the errors are corrected: the cells keep their shade until then.
          <div className={styles.actions}>
            {counts.errors > 0 ? (
              <Button size="small" onClick={() => props.onHighlight(true)}>
                Tô màu ô lỗi
              </Button>
            ) : null}
            <Button size="small" onClick={() => props.onHighlight(false)}>
              Bỏ tô màu
            </Button>
          </div>
        ) : null}
        {checked.fromWorkbook ? null : <FeedbackButton items={[{ file: checked.name, unit: report.unit.name || null, issues: [...report.issues, ...checked.result.targets.issues] }]} />}
        <IssueList issues={issues} {...(inWorkbook ? { onSelect: props.onSelect } : {})} />
      </Section>
      <Section title="Đánh giá theo mục tiêu" testId="check-results">
        <Text size={200} data-testid="targets-used">
          {checked.targetsLine}
        </Text>
        <ResultsTable
          rows={rows}
          caption={
            checked.result.targets.source === "workbook"
              ? "Đánh giá các chỉ tiêu theo mục tiêu của đơn vị"
              : "Đánh giá các chỉ tiêu theo mục tiêu của Đề án 241"
          }
          testId="results-table"
        />
      </Section>
    </>
  );
}
