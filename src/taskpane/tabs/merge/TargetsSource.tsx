/** The targets picker: "Tệp mục tiêu (không bắt buộc)", what is in use, and the rows of a "Mục tiêu" sheet that could not be used. */
import { useRef } from "react";
import { Button, MessageBar, MessageBarBody, MessageBarTitle, Text, makeStyles, tokens } from "@fluentui/react-components";
import type { TargetsUsed } from "../../../app/usecases";
import { WORKBOOK_ACCEPT } from "../../../io/read/formats";
import { useTabStyles } from "../../shared/Section";
import type { PickedTargets } from "./useMergeSession";

const useStyles = makeStyles({
  targets: { display: "flex", flexDirection: "column", rowGap: tokens.spacingVerticalXS, alignItems: "flex-start", minWidth: 0 },
  hidden: { display: "none" },
});

/** What the picker says is in use. */
export function targetsStatus(inExcel: boolean, file: PickedTargets | null, workbookTargets: TargetsUsed | null): string {
  if (file) {
    return file.used.source === "workbook"
      ? `Đang dùng mục tiêu của tệp ${file.name}: khác Đề án 241 ở ${file.used.changed.length} chỉ tiêu.`
      : `Trang “${file.used.sheet ?? "Mục tiêu"}” của tệp ${file.name} giữ nguyên mục tiêu của Đề án 241.`;
  }
  if (workbookTargets?.source === "workbook") {
    return `Đang dùng trang “${workbookTargets.sheet ?? "Mục tiêu"}” của sổ làm việc đang mở: khác Đề án 241 ở ${workbookTargets.changed.length} chỉ tiêu.`;
  }
  return inExcel
    ? "Không chọn tệp thì dùng trang “Mục tiêu” của sổ làm việc đang mở (nếu có), không thì dùng mục tiêu của Đề án 241."
    : "Không chọn tệp thì dùng mục tiêu của Đề án 241. Tệp mục tiêu là sổ Excel có trang “Mục tiêu” (cột Chỉ tiêu, Nội dung, Mục tiêu).";
}

export function TargetsSource(props: {
  inExcel: boolean;
  file: PickedTargets | null;
  workbookTargets: TargetsUsed | null;
  disabled: boolean;
  onPick: (file: File) => void;
  onClear: () => void;
}) {
  const styles = useTabStyles();
  const own = useStyles();
  const input = useRef<HTMLInputElement>(null);
  const { file, workbookTargets } = props;
  const issues = file ? file.used.issues : (workbookTargets?.issues ?? []);
  return (
    <div className={own.targets} data-testid="targets-source">
      <Text size={200} weight="semibold">
        Tệp mục tiêu (không bắt buộc)
      </Text>
      <Text size={200} className={styles.muted}>
        {targetsStatus(props.inExcel, file, workbookTargets)}
      </Text>
      <div>
        <Button size="small" appearance="subtle" disabled={props.disabled} onClick={() => input.current?.click()}>
          Chọn tệp mục tiêu…
        </Button>
        {file ? (
          <Button size="small" appearance="subtle" disabled={props.disabled} onClick={props.onClear}>
            Bỏ tệp mục tiêu
          </Button>
        ) : null}
        <input
          ref={input}
          className={own.hidden}
          type="file"
          accept={WORKBOOK_ACCEPT}
          aria-label="Chọn tệp mục tiêu"
          tabIndex={-1}
          onChange={(event) => {
            const picked = event.currentTarget.files?.[0];
            event.currentTarget.value = "";
            if (picked) props.onPick(picked);
          }}
        />
      </div>
      {issues.length > 0 ? (
        <MessageBar intent="warning" layout="multiline" data-testid="targets-issues">
          <MessageBarBody>
            <MessageBarTitle>{`${issues.length} dòng trên trang “Mục tiêu” không dùng được`}</MessageBarTitle>
            <ul className={styles.list}>
              {issues.map((i, k) => (
                <li key={`${i.rule}-${i.cell ?? ""}-${k}`}>{`${i.sheet && i.cell ? `${i.sheet}!${i.cell}: ` : ""}${i.message}`}</li>
              ))}
            </ul>
          </MessageBarBody>
        </MessageBar>
      ) : null}
    </div>
  );
}
