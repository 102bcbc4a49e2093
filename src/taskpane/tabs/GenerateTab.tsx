/**
 * "Tạo biểu mẫu": the two official sheets of Công văn 232-CV/HU for one unit
 * (inserted into the open workbook, or downloaded as .xlsx), and one workbook
 * per unit of the list in a .zip.
 */
import { useRef, useState } from "react";
import {
  Button,
  Combobox,
  Dialog,
  DialogActions,
  DialogBody,
  DialogContent,
  DialogSurface,
  DialogTitle,
  Field,
  Input,
  MessageBar,
  MessageBarBody,
  MessageBarTitle,
  Option,
  Text,
} from "@fluentui/react-components";
import type { Progress } from "../../app/usecases";
import { DOCUMENTS_TABLE, INDICATORS, INDICATORS_TABLE } from "../../domain/catalogue";
import { DEFAULT_SUPERIOR, TAM_DUONG_UNITS, defaultPlace, matchUnit, unitFileName } from "../../domain/units";
import { EXCEL_API } from "../../hosts/excel/host";
import { ErrorBar, type Problem } from "../components/ErrorBar";
import { ProgressLine } from "../components/ProgressLine";
import { XLSX_TYPE, ZIP_TYPE, errorText, isCancelled, saveBytes } from "../components/download";
import { useServices } from "../services";
import { UnitsSource, useUnits } from "../units";
import { Section, useTabStyles } from "./Section";

interface Conflict {
  readonly name: string;
  readonly renameTo: string;
}

function conflictsOf(error: unknown): readonly Conflict[] | null {
  if (!(error instanceof Error) || error.name !== "LayoutConflictError") return null;
  const conflicts = (error as { conflicts?: unknown }).conflicts;
  return Array.isArray(conflicts) ? (conflicts as Conflict[]) : [];
}

export function GenerateTab() {
  const styles = useTabStyles();
  const { host, excelApi, files, workbook } = useServices();
  const { units } = useUnits();
  const first = TAM_DUONG_UNITS[0]!;
  const [superior, setSuperior] = useState(DEFAULT_SUPERIOR);
  const [unitName, setUnitName] = useState(first.name);
  const [place, setPlace] = useState(defaultPlace(first));
  const placeEdited = useRef(false);
  const superiorEdited = useRef(false);
  const [busy, setBusy] = useState<null | "insert" | "xlsx" | "zip">(null);
  const [problem, setProblem] = useState<Problem | null>(null);
  const [done, setDone] = useState<string | null>(null);
  const [skipped, setSkipped] = useState<string[]>([]);
  const [conflicts, setConflicts] = useState<readonly Conflict[] | null>(null);
  const [progress, setProgress] = useState<Progress | null>(null);
  const abort = useRef<AbortController | null>(null);

  const canInsert = host === "excel" && workbook !== null && excelApi >= EXCEL_API.minimum;

  const chooseUnit = (name: string) => {
    setUnitName(name);
    if (!placeEdited.current) setPlace(defaultPlace({ name }));
    if (!superiorEdited.current) setSuperior(matchUnit(name, units)?.superior ?? DEFAULT_SUPERIOR);
  };

  const request = () => {
    const unit = matchUnit(unitName, units);
    return {
      superior,
      unitName: unitName.trim(),
      ...(unit?.code !== undefined ? { unitCode: unit.code } : {}),
      place,
      level: unit?.level ?? "co-so",
    };
  };

  const start = (kind: "insert" | "xlsx" | "zip") => {
    setBusy(kind);
    setProblem(null);
    setDone(null);
    setSkipped([]);
  };

  const missingName = unitName.trim() === "";

  const insert = async (renameExisting: boolean) => {
    if (!workbook) return;
    start("insert");
    setConflicts(null);
    try {
      const layout = await files.unitLayout(request());
      const result = await workbook.insertLayout(layout, { renameExisting });
      setSkipped(result.skipped);
      setDone(`Đã chèn các trang tính “${DOCUMENTS_TABLE.sheetName}” và “${INDICATORS_TABLE.sheetName}” của ${unitName} vào sổ làm việc.`);
    } catch (error) {
      const found = conflictsOf(error);
      if (found) setConflicts(found);
      else setProblem({ title: "Không chèn được biểu mẫu", message: errorText(error) });
    } finally {
      setBusy(null);
    }
  };

  const downloadOne = async () => {
    start("xlsx");
    try {
      const bytes = await files.unitTemplate(request());
      const name = unitFileName({ name: unitName });
      saveBytes(bytes, name, XLSX_TYPE);
      setDone(`Đã tạo tệp ${name}.`);
    } catch (error) {
      setProblem({ title: "Không tạo được tệp biểu mẫu", message: errorText(error) });
    } finally {
      setBusy(null);
    }
  };

  const downloadZip = async () => {
    start("zip");
    const controller = new AbortController();
    abort.current = controller;
    setProgress({ done: 0, total: units.length, item: units[0]?.name ?? "" });
    try {
      const bytes = await files.unitTemplatesZip(units, { superior }, setProgress, controller.signal);
      saveBytes(bytes, "Bieu-mau-De-an-241.zip", ZIP_TYPE);
      setDone(`Đã tạo tệp Bieu-mau-De-an-241.zip gồm ${units.length} biểu mẫu.`);
    } catch (error) {
      if (isCancelled(error)) setDone("Đã hủy tạo tệp .zip.");
      else setProblem({ title: "Không tạo được tệp .zip", message: errorText(error) });
    } finally {
      abort.current = null;
      setProgress(null);
      setBusy(null);
    }
  };

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
          <Input
            value={superior}
            onChange={(_e, data) => {
              superiorEdited.current = true;
              setSuperior(data.value);
            }}
          />
        </Field>
        <Field
          label="Đơn vị báo cáo"
          required
          validationMessage={missingName ? "Hãy nhập hoặc chọn tên đơn vị." : undefined}
          validationState={missingName ? "error" : "none"}
        >
          <Combobox
            freeform
            value={unitName}
            selectedOptions={units.some((u) => u.name === unitName) ? [unitName] : []}
            onOptionSelect={(_e, data) => {
              if (data.optionValue) chooseUnit(data.optionValue);
            }}
            onChange={(event) => chooseUnit(event.currentTarget.value)}
          >
            {units.map((u) => (
              <Option key={u.name} value={u.name}>
                {u.name}
              </Option>
            ))}
          </Combobox>
        </Field>
        <Field label="Địa danh ở dòng ngày tháng" hint="Ví dụ: “Bản Bo, ngày … tháng … năm …”">
          <Input
            value={place}
            onChange={(_e, data) => {
              placeEdited.current = true;
              setPlace(data.value);
            }}
          />
        </Field>
        <div className={styles.actions}>
          {canInsert ? (
            <Button appearance="primary" disabled={busy !== null || missingName} onClick={() => void insert(false)}>
              {busy === "insert" ? "Đang chèn…" : "Chèn vào sổ làm việc"}
            </Button>
          ) : null}
          <Button appearance={canInsert ? "secondary" : "primary"} disabled={busy !== null || missingName} onClick={() => void downloadOne()}>
            {busy === "xlsx" ? "Đang tạo tệp…" : host === "excel" && !canInsert ? "Tải tệp .xlsx" : "Tải biểu mẫu (.xlsx)"}
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
        <UnitsSource disabled={busy !== null} />
        <div className={styles.actions}>
          <Button disabled={busy !== null || units.length === 0} onClick={() => void downloadZip()}>
            {busy === "zip" ? "Đang tạo tệp .zip…" : "Tải biểu mẫu cho các đơn vị (.zip)"}
          </Button>
        </div>
        {busy === "zip" ? <ProgressLine verb="Đang tạo biểu mẫu" progress={progress} onCancel={() => abort.current?.abort()} /> : null}
      </Section>

      <ErrorBar problem={problem} onDismiss={() => setProblem(null)} />
      {done ? (
        <MessageBar intent="success" layout="multiline" data-testid="done">
          <MessageBarBody>{done}</MessageBarBody>
        </MessageBar>
      ) : null}
      {skipped.map((notice) => (
        <MessageBar key={notice} intent="warning" layout="multiline" data-testid="skipped">
          <MessageBarBody>
            <MessageBarTitle>Chưa áp dụng được:</MessageBarTitle>
            {notice}
          </MessageBarBody>
        </MessageBar>
      ))}

      <Dialog open={conflicts !== null} onOpenChange={(_e, data) => (data.open ? undefined : setConflicts(null))}>
        <DialogSurface>
          <DialogBody>
            <DialogTitle>Sổ làm việc đã có trang tính cùng tên</DialogTitle>
            <DialogContent>
              <Text as="p">
                Để không mất số liệu đã nhập, các trang tính cũ sẽ được giữ nguyên nội dung và đổi tên như sau, rồi mới chèn biểu mẫu mới:
              </Text>
              <ul className={styles.list}>
                {(conflicts ?? []).map((c) => (
                  <li key={c.name}>
                    <Text>{`“${c.name}” → “${c.renameTo}”`}</Text>
                  </li>
                ))}
              </ul>
            </DialogContent>
            <DialogActions>
              <Button appearance="primary" onClick={() => void insert(true)}>
                Giữ trang cũ và chèn
              </Button>
              <Button onClick={() => setConflicts(null)}>Hủy</Button>
            </DialogActions>
          </DialogBody>
        </DialogSurface>
      </Dialog>
    </div>
  );
}
