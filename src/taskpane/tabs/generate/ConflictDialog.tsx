/** Asks before inserting over sheets of the same names: the old ones are kept under new names. */
import { Button, Dialog, DialogActions, DialogBody, DialogContent, DialogSurface, DialogTitle, Text } from "@fluentui/react-components";
import { useTabStyles } from "../../shared/Section";
import type { Conflict } from "./useGenerateSession";

export function ConflictDialog(props: { conflicts: readonly Conflict[] | null; onKeep: () => void; onDismiss: () => void }) {
  const styles = useTabStyles();
  return (
    <Dialog open={props.conflicts !== null} onOpenChange={(_e, data) => (data.open ? undefined : props.onDismiss())}>
      <DialogSurface>
        <DialogBody>
          <DialogTitle>Sổ làm việc đã có trang tính cùng tên</DialogTitle>
          <DialogContent>
            <Text as="p">
              Để không mất số liệu đã nhập, các trang tính cũ sẽ được giữ nguyên nội dung và đổi tên như sau, rồi mới chèn biểu mẫu mới:
            </Text>
            <ul className={styles.list}>
              {(props.conflicts ?? []).map((c) => (
                <li key={c.name}>
                  <Text>{`“${c.name}” → “${c.renameTo}”`}</Text>
                </li>
              ))}
            </ul>
          </DialogContent>
          <DialogActions>
            <Button appearance="primary" onClick={props.onKeep}>
              Giữ trang cũ và chèn
            </Button>
            <Button onClick={props.onDismiss}>Hủy</Button>
          </DialogActions>
        </DialogBody>
      </DialogSurface>
    </Dialog>
  );
}
