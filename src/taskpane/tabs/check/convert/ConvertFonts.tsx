/**
 * "Chuyển phông sang Unicode": a workbook typed with the TCVN3 (ABC, .VnTime)
 * or VNI (VNI-Times) fonts, in Unicode. Inside Excel: the open workbook, into
 * new sheets beside the user's own; anywhere: a picked or dropped file,
 * downloaded as a new .xlsx. State and actions: useConvertFonts.
 */
import { Button, Text } from "@fluentui/react-components";
import { SPREADSHEET_ACCEPT, SPREADSHEET_KINDS_TEXT } from "../../../../io/read/formats";
import { useServices } from "../../../services";
import { DoneBar } from "../../../shared/DoneBar";
import { ErrorBar } from "../../../shared/ErrorBar";
import { FileDrop } from "../../../shared/FileDrop";
import { Section, useTabStyles } from "../../../shared/Section";
import { TaskStatus } from "../../../shared/TaskStatus";
import { useConvertFonts } from "./useConvertFonts";

export function ConvertFonts() {
  const styles = useTabStyles();
  const { workbook } = useServices();
  const { task, convertWorkbook, convertFile } = useConvertFonts();
  return (
    <Section title="Chuyển phông sang Unicode" testId="convert-fonts">
      <Text>
        Chữ gõ bằng phông cũ TCVN3 (ABC, .VnTime) hoặc VNI (VNI-Times) được chuyển sang Unicode.{" "}
        {workbook
          ? "Với sổ làm việc đang mở, mỗi trang có chữ phông cũ được chép sang một trang mới “… (Unicode)”; trang gốc giữ nguyên."
          : "Tệp đã chuyển được tải về dưới dạng .xlsx mới; tệp gốc giữ nguyên."}
      </Text>
      {workbook ? (
        <div className={styles.actions}>
          <Button disabled={task.busy} onClick={() => void convertWorkbook()}>
            Chuyển phông sổ làm việc đang mở
          </Button>
        </div>
      ) : null}
      <FileDrop
        label="Chọn tệp cần chuyển phông…"
        hint={`Hoặc kéo thả một tệp vào đây (${SPREADSHEET_KINDS_TEXT}); tệp .xlsx mới sẽ được tải về.`}
        accept={SPREADSHEET_ACCEPT}
        disabled={task.busy}
        onFiles={(picked) => void convertFile(picked)}
        testId="convert-drop"
      />
      <TaskStatus task={task} keys={["convert-workbook", "convert-file"]} verb="Đang chuyển phông" />
      <ErrorBar problem={task.problem} onDismiss={() => task.showProblem(null)} />
      <DoneBar done={task.done} />
    </Section>
  );
}
