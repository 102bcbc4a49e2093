/**
 * One file of a merge: its status (a merged file with errors is not shown as
 * clean), its counts of errors and warnings, whether it came on time and by
 * which date, its reason, the date it was received (entered by staff), its
 * issues (the card opens to the list), and (where it applies) assigning it to
 * a unit or preferring it.
 */
import { sourceLabel } from "../../../domain/merge/origin";
import { memo, useId, useState } from "react";
import { Badge, Button, Field, Select, Text, makeStyles, tokens } from "@fluentui/react-components";
import type { FileResult } from "../../../domain/merge";
import { versionText } from "../../../domain/merge/versions";
import { FeedbackButton } from "../../shared/feedback/FeedbackButton";
import { vnDate } from "../../../domain/format";
import type { Unit } from "../../../domain/units";
import { IssueList } from "../../shared/IssueList";
import { DayField } from "./DayField";

const useStyles = makeStyles({
  file: {
    display: "flex",
    flexDirection: "column",
    rowGap: tokens.spacingVerticalXS,
    padding: tokens.spacingVerticalS,
    border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
    borderRadius: tokens.borderRadiusMedium,
    minWidth: 0,
  },
  fileHead: { display: "flex", flexWrap: "wrap", alignItems: "center", gap: tokens.spacingHorizontalS, minWidth: 0 },
  fileName: { fontWeight: tokens.fontWeightSemibold, overflowWrap: "anywhere", minWidth: 0 },
  meta: { color: tokens.colorNeutralForeground2, overflowWrap: "anywhere" },
  late: { color: tokens.colorPaletteDarkOrangeForeground1, fontWeight: tokens.fontWeightSemibold },
  reason: { color: tokens.colorNeutralForeground2, overflowWrap: "anywhere" },
  received: { maxWidth: "220px" },
  issues: { paddingTop: tokens.spacingVerticalXS },
});

export const STATUS_LABEL: Readonly<Record<FileResult["status"], string>> = {
  merged: "Đã tổng hợp",
  superseded: "Bị thay thế",
  rejected: "Bị loại",
};

/** A merged file with errors is merged all the same, but not as a clean one: its values with errors were left out. */
/** What a card's list of issues holds: "lỗi và cảnh báo", with "thông tin" when it has any (rows read as a breakdown, say), or that alone. */
export function issuesWord(issues: readonly { readonly severity: string }[]): string {
  const info = issues.some((i) => i.severity === "info");
  const other = issues.some((i) => i.severity !== "info");
  return info ? (other ? "lỗi, cảnh báo và thông tin" : "thông tin") : "lỗi và cảnh báo";
}

function capitalised(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

function statusColor(f: FileResult): "success" | "warning" | "danger" {
  if (f.status === "rejected") return "danger";
  if (f.status === "superseded") return "warning";
  return f.errors > 0 ? "warning" : "success";
}

/** "Đúng hạn (theo ngày ghi trên báo cáo)", "Muộn (theo ngày nhận do cán bộ nhập)", or why it cannot be said. */
export function timelinessText(f: Pick<FileResult, "onTime" | "timeliness">): string {
  const t = f.timeliness;
  if (t === undefined || t === null || f.onTime === null) return "Chưa rõ đúng hạn hay muộn: báo cáo không ghi ngày; có thể nhập ngày nhận.";
  const by =
    t.by === "received"
      ? `theo ngày nhận do cán bộ nhập, ${vnDate(t.date)}`
      : t.by === "email"
        ? `nộp ngày ${vnDate(t.date)} theo thư điện tử`
        : `theo ngày ghi trên báo cáo, ${vnDate(t.date)}`;
  return `${f.onTime ? "Đúng hạn" : "Muộn"} (${by})`;
}

/** What a card can do, the same object for every card and every render (so a card is drawn again only when its own file changes). */
export interface FileCardActions {
  assign(file: string, unit: string): void;
  /** The card's file preferred for its unit. */
  prefer(unit: string, file: string): void;
  setReceived(file: string, text: string): void;
}

/** One file's card; drawn again only when its result, its unit choice, its received date, the list or `disabled` change. */
export const FileCard = memo(function FileCard(props: {
  result: FileResult;
  units: readonly Unit[];
  assigned: string | undefined;
  /** The received date as typed. */
  received: string;
  disabled: boolean;
  actions: FileCardActions;
}) {
  const styles = useStyles();
  const f = props.result;
  const { actions } = props;
  const [open, setOpen] = useState(false);
  const issuesId = useId();
  const assignable = f.status !== "rejected" && (!f.onList || props.assigned !== undefined);
  const late = f.onTime === false;
  return (
    <li className={styles.file} data-testid="file-status" data-file={f.file} data-status={f.status} data-late={late ? "true" : undefined}>
      <div className={styles.fileHead}>
        <Text className={styles.fileName}>{sourceLabel(f.file, f.origin)}</Text>
        <Badge appearance="filled" color={statusColor(f)} data-testid="file-badge" data-tone={statusColor(f)}>
          {STATUS_LABEL[f.status]}
        </Badge>
        <Badge appearance="tint" color={f.errors > 0 ? "danger" : "informative"} data-testid="file-errors">{`${f.errors} lỗi`}</Badge>
        <Badge appearance="tint" color={f.warnings > 0 ? "warning" : "informative"} data-testid="file-warnings">{`${f.warnings} cảnh báo`}</Badge>
        {late ? (
          <Badge appearance="tint" color="severe" data-testid="file-late">
            Nộp muộn
          </Badge>
        ) : null}
      </div>
      <Text size={200} className={styles.meta}>
        {`Đơn vị: ${f.unit ?? "chưa xác định"}${f.unit !== null && !f.onList ? " (ngoài danh sách)" : ""}`}
        {` · Ngày ghi trên báo cáo: ${f.date ? vnDate(f.date) : "chưa ghi"}`}
        {/* Late by the report's own date: said beside it (late by a received or email date, the line below says by which). */}
        {late && f.timeliness?.by === "report-date" ? <span className={styles.late}> (nộp muộn)</span> : null}
      </Text>
      {f.status !== "rejected" ? (
        <Text size={200} className={late ? styles.late : styles.meta} data-testid="file-timeliness">
          {timelinessText(f)}
        </Text>
      ) : null}
      {f.reason ? (
        <Text size={200} className={styles.reason}>
          {`Lý do: ${f.reason}`}
        </Text>
      ) : null}
      {f.status !== "rejected" ? (
        <DayField
          label="Ngày nhận (không bắt buộc)"
          spoken="Ngày nhận"
          hint="Nếu nhập, đúng hạn hay muộn tính theo ngày này."
          size="small"
          className={styles.received}
          value={props.received}
          onChange={(text) => actions.setReceived(f.file, text)}
          invalidNote="Thời hạn vẫn tính theo ngày ghi trên báo cáo."
          disabled={props.disabled}
          testId="file-received"
        />
      ) : null}
      {assignable ? (
        <Field label="Gán tệp này cho đơn vị" size="small">
          <Select size="small" disabled={props.disabled} value={props.assigned ?? ""} onChange={(_e, data) => actions.assign(f.file, data.value)}>
            <option value="">Chọn đơn vị…</option>
            {props.units.map((u) => (
              <option key={u.name} value={u.name}>
                {u.name}
              </option>
            ))}
          </Select>
        </Field>
      ) : null}
      {f.status === "superseded" ? (
        <div>
          <Button
            size="small"
            disabled={props.disabled}
            onClick={() => {
              if (f.unit !== null) actions.prefer(f.unit, f.file);
            }}
          >
            Dùng tệp này
          </Button>
        </div>
      ) : null}
      {f.status !== "rejected" ? <FeedbackButton size="small" items={[{ file: f.file, unit: f.unit, issues: f.issues, ...(f.origin ? { origin: f.origin } : {}) }]} /> : null}
      {f.changes?.map((c) => (
        <Text key={c.replaces} size={200} className={styles.reason} data-testid="file-changes">
          {versionText(c)}
        </Text>
      ))}
      {f.issues.length > 0 ? (
        <div>
          <Button size="small" appearance="subtle" aria-expanded={open} aria-controls={issuesId} onClick={() => setOpen((o) => !o)}>
            {open ? `Ẩn ${issuesWord(f.issues)}` : `Xem ${issuesWord(f.issues)} (${f.issues.length})`}
          </Button>
          <div id={issuesId} className={styles.issues} role="region" aria-label={`${capitalised(issuesWord(f.issues))} của tệp ${f.file}`} hidden={!open}>
            {open ? <IssueList issues={f.issues} /> : null}
          </div>
        </div>
      ) : null}
    </li>
  );
});
