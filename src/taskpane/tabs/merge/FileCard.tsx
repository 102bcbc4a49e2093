/** One file of a merge: its status and reason, the unit and date read, and (where it applies) assigning it to a unit or preferring it. */
import { Badge, Button, Field, Select, Text, makeStyles, tokens } from "@fluentui/react-components";
import type { FileResult } from "../../../domain/merge";
import { vnDate } from "../../../domain/format";
import type { Unit } from "../../../domain/units";

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
  meta: { color: tokens.colorNeutralForeground2 },
  reason: { color: tokens.colorNeutralForeground2, overflowWrap: "anywhere" },
});

export const STATUS_LABEL: Readonly<Record<FileResult["status"], string>> = {
  merged: "Đã tổng hợp",
  superseded: "Bị thay thế",
  rejected: "Bị loại",
};

const STATUS_COLOR = { merged: "success", superseded: "warning", rejected: "danger" } as const;

export function FileCard(props: {
  result: FileResult;
  units: readonly Unit[];
  assigned: string | undefined;
  onAssign: (unit: string) => void;
  onPrefer: () => void;
  disabled: boolean;
}) {
  const styles = useStyles();
  const f = props.result;
  const assignable = f.status !== "rejected" && (!f.onList || props.assigned !== undefined);
  return (
    <li className={styles.file} data-testid="file-status" data-file={f.file} data-status={f.status}>
      <div className={styles.fileHead}>
        <Text className={styles.fileName}>{f.file}</Text>
        <Badge appearance="filled" color={STATUS_COLOR[f.status]}>
          {STATUS_LABEL[f.status]}
        </Badge>
      </div>
      <Text size={200} className={styles.meta}>
        {`Đơn vị: ${f.unit ?? "chưa xác định"}${f.unit !== null && !f.onList ? " (ngoài danh sách)" : ""}`}
        {` · Ngày: ${f.date ? vnDate(f.date) : "chưa ghi"}${f.onTime === false ? " (nộp muộn)" : ""}`}
        {f.status !== "rejected" ? ` · ${f.errors} lỗi, ${f.warnings} cảnh báo` : ""}
      </Text>
      {f.reason ? (
        <Text size={200} className={styles.reason}>
          {`Lý do: ${f.reason}`}
        </Text>
      ) : null}
      {assignable ? (
        <Field label="Tệp này của đơn vị" size="small">
          <Select size="small" disabled={props.disabled} value={props.assigned ?? ""} onChange={(_e, data) => props.onAssign(data.value)}>
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
          <Button size="small" disabled={props.disabled} onClick={props.onPrefer}>
            Dùng tệp này
          </Button>
        </div>
      ) : null}
    </li>
  );
}
