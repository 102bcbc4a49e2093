/**
 * "Nhắc đơn vị": for the units not received, or whose file was rejected, a
 * link that opens a reminder in the mail program (their addresses in Bcc,
 * the subject and the text), the text to copy, and the "công văn đôn đốc"
 * (.docx) to download; a new deadline may be typed. Nothing shows when every
 * unit has sent. What it does outside the page comes in `actions`.
 */
import { Button, Field, Link, Text, Textarea, makeStyles, tokens } from "@fluentui/react-components";
import { useMemo, useState } from "react";
import type { Summary } from "../../../../domain/merge";
import { buildReminder, MAILTO_SAFE_LENGTH } from "../../../../domain/remind";
import type { Unit } from "../../../../domain/units";
import { vnDate } from "../../../../domain/format";
import { Section, useTabStyles } from "../../../shared/Section";
import { DayField, dayState } from "../DayField";
import { errorText } from "../../../shared/ErrorBar";
import { remindActions, type RemindActions } from "./actions";

const useStyles = makeStyles({
  deadline: { maxWidth: "260px" },
  body: { minHeight: "10em" },
  mailto: { alignSelf: "center" },
  addresses: { wordBreak: "break-word" },
  status: { color: tokens.colorNeutralForeground2 },
});

export function RemindUnits(props: { summary: Summary; units: readonly Unit[]; actions?: RemindActions }) {
  const { summary, units } = props;
  const actions = props.actions ?? remindActions;
  const styles = useTabStyles();
  const own = useStyles();
  const [deadlineText, setDeadlineText] = useState("");
  const [status, setStatus] = useState("");
  const [busy, setBusy] = useState(false);
  const typed = dayState(deadlineText);
  const deadline = typed.kind === "day" ? typed.iso : summary.deadline;
  const reminder = useMemo(() => buildReminder({ units, outcome: summary, deadline }), [units, summary, deadline]);
  if (reminder.units.length === 0 || reminder.mailto === null) return null;

  const copy = async () => {
    const done = await actions.copyText(reminder.body);
    setStatus(done ? "Đã sao chép nội dung thư." : "Không sao chép được: hãy chọn nội dung trong ô “Nội dung thư” và sao chép (Ctrl+C).");
  };
  const download = async () => {
    setBusy(true);
    setStatus("Đang soạn công văn đôn đốc…");
    try {
      const name = await actions.saveLetter(reminder);
      setStatus(`Đã tạo tệp ${name}: công văn đôn đốc, số và ngày để trống để điền khi ký.`);
    } catch (error) {
      setStatus(`Không tạo được công văn đôn đốc: ${errorText(error)}`);
    } finally {
      setBusy(false);
    }
  };

  return (
    <Section title="Nhắc đơn vị" testId="remind">
      <Text size={200}>
        {`${reminder.units.length} đơn vị chưa nộp hoặc có tệp bị loại. Gửi thư nhắc (địa chỉ các đơn vị ở ô Bcc), sao chép nội dung để gửi cách khác, hoặc tải công văn đôn đốc.`}
      </Text>
      <DayField
        label="Hạn nộp nêu trong thư nhắc (ngày/tháng/năm)"
        spoken="Hạn nhắc"
        hint={`Để trống: theo hạn nộp đang dùng, ${vnDate(summary.deadline)}.`}
        className={own.deadline}
        value={deadlineText}
        onChange={setDeadlineText}
        invalidNote={`Đang dùng hạn ${vnDate(summary.deadline)}.`}
        size="small"
        testId="remind-deadline"
      />
      <Text size={200} className={own.addresses} data-testid="remind-bcc">
        {reminder.bcc.length > 0 ? `Gửi (Bcc): ${reminder.bcc.join(", ")}` : "Danh sách đơn vị chưa có địa chỉ thư điện tử nào (cột “Thư điện tử”)."}
      </Text>
      {reminder.noAddress.length > 0 ? (
        <Text size={200} data-testid="remind-no-address">{`Không có địa chỉ thư điện tử (nhắc cách khác): ${reminder.noAddress.join(", ")}.`}</Text>
      ) : null}
      <div className={styles.actions}>
        <Link href={reminder.mailto} className={own.mailto} data-testid="remind-mailto">
          Soạn thư nhắc
        </Link>
        <Button onClick={() => void copy()}>Sao chép nội dung</Button>
        <Button disabled={busy} onClick={() => void download()}>
          Tải công văn đôn đốc (.docx)
        </Button>
      </div>
      {reminder.mailto.length > MAILTO_SAFE_LENGTH ? (
        <Text size={200} className={styles.muted} data-testid="remind-long">
          Thư dài: nếu chương trình thư mở ra thiếu nội dung, hãy sao chép nội dung và dán vào thư.
        </Text>
      ) : null}
      <Text size={200} data-testid="remind-subject">{`Tiêu đề: ${reminder.subject}`}</Text>
      <Field label="Nội dung thư" size="small">
        <Textarea readOnly resize="vertical" className={own.body} value={reminder.body} data-testid="remind-body" />
      </Field>
      <Text size={200} role="status" aria-live="polite" className={own.status} data-testid="remind-status">
        {status}
      </Text>
    </Section>
  );
}
