/** Notices about where the task pane runs and what this Excel can do. */
import { MessageBar, MessageBarBody, MessageBarTitle, Text, makeStyles, tokens } from "@fluentui/react-components";
import { EXCEL_API } from "../hosts/excel/host";
import { useServices } from "./services";

const useStyles = makeStyles({
  stack: { display: "flex", flexDirection: "column", rowGap: tokens.spacingVerticalS },
  status: { color: tokens.colorNeutralForeground3 },
});

/** The missing capabilities for an ExcelApi level, in Vietnamese, or [] when nothing is missing. */
export function missingFeatures(excelApi: number): string[] {
  const missing: string[] = [];
  if (excelApi < EXCEL_API.dataValidation) {
    missing.push(`xác thực dữ liệu nhập (danh sách chọn, giới hạn số) – cần ExcelApi 1.${EXCEL_API.dataValidation}`);
  }
  if (excelApi < EXCEL_API.pageLayout) {
    missing.push(`thiết lập trang in (khổ giấy, hướng trang, tiêu đề in) – cần ExcelApi 1.${EXCEL_API.pageLayout}`);
  }
  return missing;
}

export function HostNotices() {
  const styles = useStyles();
  const { host, excelApi } = useServices();

  if (host === "standalone") {
    return (
      <div className={styles.stack}>
        <MessageBar intent="info" layout="multiline" data-testid="standalone-notice">
          <MessageBarBody>
            <MessageBarTitle>Chế độ độc lập:</MessageBarTitle>
            trang đang được mở ngoài Excel, nên các chức năng làm việc với tệp chọn từ máy tính và tải kết quả về, thay
            vì với sổ làm việc đang mở.
          </MessageBarBody>
        </MessageBar>
      </div>
    );
  }

  const missing = missingFeatures(excelApi);
  return (
    <div className={styles.stack}>
      <Text size={200} className={styles.status} data-testid="excel-api">
        Excel hỗ trợ tới bộ API ExcelApi 1.{excelApi}.
      </Text>
      {excelApi < EXCEL_API.minimum ? (
        <MessageBar intent="error" layout="multiline" data-testid="requirement-notice">
          <MessageBarBody>
            <MessageBarTitle>Phiên bản Excel quá cũ.</MessageBarTitle>
            Đề án 241 cần ExcelApi 1.{EXCEL_API.minimum} trở lên (Excel 2019, Excel cho Microsoft 365 hoặc Excel trên
            web); nhiều chức năng sẽ không chạy được.
          </MessageBarBody>
        </MessageBar>
      ) : missing.length > 0 ? (
        <MessageBar intent="warning" layout="multiline" data-testid="requirement-notice">
          <MessageBarBody>
            <MessageBarTitle>Một số chức năng bị hạn chế.</MessageBarTitle>
            Phiên bản Excel này chưa hỗ trợ: {missing.join("; ")}. Biểu mẫu vẫn được tạo đầy đủ nhưng không có các phần
            trên; dùng Excel cho Microsoft 365 hoặc Excel trên web để có đủ chức năng.
          </MessageBarBody>
        </MessageBar>
      ) : null}
    </div>
  );
}
