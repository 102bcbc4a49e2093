/**
 * "Tổng hợp": many units' workbooks read at once (off the UI thread), each
 * file's status with its reason, assigning a file to a unit, reversing a
 * superseded choice, the district's figures against the targets, who has not
 * sent yet, the summary workbook (downloaded, or written into Excel) and a
 * draft of the district's report (.docx). The targets are Đề án 241's unless
 * the open workbook (inside Excel) or a targets file picked here has a "Mục
 * tiêu" sheet that sets others.
 */
import { useEffect, useMemo, useRef, useState } from "react";
import {
  Badge,
  Button,
  Field,
  Input,
  MessageBar,
  MessageBarBody,
  MessageBarTitle,
  Select,
  Spinner,
  Text,
  makeStyles,
  tokens,
} from "@fluentui/react-components";
import type { InputFile, MergeRun, Progress, TargetsUsed } from "../../app/usecases";
import { DEADLINES, PROGRAMME, TARGETS_SHEET_NAME, targetLabel } from "../../domain/catalogue";
import type { MergeSource } from "../../domain/merge";
import type { FileResult } from "../../domain/merge";
import type { Unit } from "../../domain/units";
import { ErrorBar, type Problem } from "../components/ErrorBar";
import { FileDrop, WORKBOOK_ACCEPT, toInputFiles } from "../components/FileDrop";
import { ProgressLine } from "../components/ProgressLine";
import { ResultsTable } from "../components/ResultsTable";
import { DOCX_TYPE, XLSX_TYPE, errorText, isCancelled, saveBytes, todayIso, vnDate } from "../components/download";
import { useServices } from "../services";
import { targetsNoteLine } from "../targets-text";
import { UnitsSource, useUnits } from "../units";
import { Section, useTabStyles } from "./Section";

const useStyles = makeStyles({
  files: { listStyleType: "none", margin: 0, padding: 0, display: "flex", flexDirection: "column", rowGap: tokens.spacingVerticalS },
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
  deadline: { maxWidth: "220px" },
  targets: { display: "flex", flexDirection: "column", rowGap: tokens.spacingVerticalXS, alignItems: "flex-start", minWidth: 0 },
  hidden: { display: "none" },
});

/** What the merge's targets are named by when they come from the open workbook. */
export const OPEN_WORKBOOK_TARGETS = "sổ làm việc đang mở";

/** The draft's file name (no diacritics, like the summary's). */
export function draftFileName(date: string): string {
  return `Du-thao-bao-cao-De-an-241-${date}.docx`;
}

/** Targets that set something other than Đề án 241's, and where they came from. */
interface ChosenTargets {
  readonly used: TargetsUsed;
  /** A file's name, or OPEN_WORKBOOK_TARGETS. */
  readonly source: string;
}

function changedList(used: TargetsUsed): string {
  return used.changed.map((c) => `${c.id}: ${targetLabel(c.target)} (Đề án 241: ${targetLabel(c.official)})`).join("; ");
}

/** The targets picker: "Tệp mục tiêu (không bắt buộc)", what is in use, and the rows of a "Mục tiêu" sheet that could not be used. */
function TargetsSource(props: {
  inExcel: boolean;
  file: { readonly name: string; readonly used: TargetsUsed } | null;
  workbookTargets: TargetsUsed | null;
  disabled: boolean;
  onPick: (file: File) => void;
  onClear: () => void;
}) {
  const styles = useTabStyles();
  const own = useStyles();
  const input = useRef<HTMLInputElement>(null);
  const { file, workbookTargets } = props;
  let status: string;
  if (file) {
    status =
      file.used.source === "workbook"
        ? `Đang dùng mục tiêu của tệp ${file.name}: khác Đề án 241 ở ${file.used.changed.length} chỉ tiêu.`
        : `Trang “${file.used.sheet ?? "Mục tiêu"}” của tệp ${file.name} giữ nguyên mục tiêu của Đề án 241.`;
  } else if (workbookTargets?.source === "workbook") {
    status = `Đang dùng trang “${workbookTargets.sheet ?? "Mục tiêu"}” của sổ làm việc đang mở: khác Đề án 241 ở ${workbookTargets.changed.length} chỉ tiêu.`;
  } else if (props.inExcel) {
    status = "Không chọn tệp thì dùng trang “Mục tiêu” của sổ làm việc đang mở (nếu có), không thì dùng mục tiêu của Đề án 241.";
  } else {
    status = "Không chọn tệp thì dùng mục tiêu của Đề án 241. Tệp mục tiêu là sổ Excel có trang “Mục tiêu” (cột Chỉ tiêu, Nội dung, Mục tiêu).";
  }
  const issues = file ? file.used.issues : (workbookTargets?.issues ?? []);
  return (
    <div className={own.targets} data-testid="targets-source">
      <Text size={200} weight="semibold">
        Tệp mục tiêu (không bắt buộc)
      </Text>
      <Text size={200} className={styles.muted}>
        {status}
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

export const STATUS_LABEL: Readonly<Record<FileResult["status"], string>> = {
  merged: "Đã tổng hợp",
  superseded: "Bị thay thế",
  rejected: "Bị loại",
};

const STATUS_COLOR = { merged: "success", superseded: "warning", rejected: "danger" } as const;

function FileCard(props: {
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
          <Select
            size="small"
            disabled={props.disabled}
            value={props.assigned ?? ""}
            onChange={(_e, data) => props.onAssign(data.value)}
          >
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

export function MergeTab() {
  const styles = useTabStyles();
  const own = useStyles();
  const { files, workbook } = useServices();
  const { units } = useUnits();
  const [sources, setSources] = useState<readonly MergeSource[]>([]);
  const [deadline, setDeadline] = useState<string>(DEADLINES.sendToDistrict);
  const [assignments, setAssignments] = useState<Readonly<Record<string, string>>>({});
  const [preferred, setPreferred] = useState<Readonly<Record<string, string>>>({});
  const [lastRun, setRun] = useState<{ run: MergeRun; targetsLine: string } | null>(null);
  const [targetsFile, setTargetsFile] = useState<{ readonly name: string; readonly used: TargetsUsed } | null>(null);
  const [workbookTargets, setWorkbookTargets] = useState<TargetsUsed | null>(null);
  const [reading, setReading] = useState<Progress | null>(null);
  const [busy, setBusy] = useState<string | null>(null);
  const [problem, setProblem] = useState<Problem | null>(null);
  const [done, setDone] = useState<string | null>(null);
  const abort = useRef<AbortController | null>(null);
  // A run of files since cleared is not shown.
  const run = sources.length === 0 ? null : (lastRun?.run ?? null);
  const targetsLine = sources.length === 0 ? null : (lastRun?.targetsLine ?? null);
  const summary = run?.summary;

  // A picked targets file wins over the open workbook's "Mục tiêu" sheet; either counts only when it changes a target.
  const chosen = useMemo<ChosenTargets | null>(() => {
    if (targetsFile?.used.source === "workbook") return { used: targetsFile.used, source: targetsFile.name };
    if (!targetsFile && workbookTargets?.source === "workbook") return { used: workbookTargets, source: OPEN_WORKBOOK_TARGETS };
    return null;
  }, [targetsFile, workbookTargets]);

  const validDeadline = /^\d{4}-\d{2}-\d{2}$/.test(deadline);

  // The merge is cheap: re-run it whenever the files, the list or a choice changes.
  useEffect(() => {
    if (sources.length === 0) return;
    let live = true;
    files
      .summarise(
        sources,
        {
          units,
          deadline: validDeadline ? deadline : DEADLINES.sendToDistrict,
          assignments,
          preferred,
          ...(chosen ? { targets: chosen.used.targets, targetsSource: chosen.source } : {}),
        },
        {
          unitName: PROGRAMME.letter.issuer,
          superior: PROGRAMME.letter.superior,
          place: PROGRAMME.letter.place,
          level: "huyen",
          date: todayIso(),
        },
      )
      .then(async (result) => {
        const line = await targetsNoteLine(result.summary.targetsSource);
        if (live) setRun({ run: result, targetsLine: line });
      })
      .catch((error: unknown) => {
        if (live) setProblem({ title: "Không tổng hợp được", message: errorText(error) });
      });
    return () => {
      live = false;
    };
  }, [files, sources, units, deadline, validDeadline, assignments, preferred, chosen]);

  /** Inside Excel: the open workbook's "Mục tiêu" sheet, read again each time files are added (it may have been edited). */
  const readWorkbookTargets = async () => {
    if (!workbook) return;
    try {
      setWorkbookTargets(await files.targetsOfGrid(await workbook.readWorkbook([TARGETS_SHEET_NAME])));
    } catch (error) {
      setWorkbookTargets(null);
      setProblem({
        title: "Không đọc được trang “Mục tiêu” của sổ làm việc",
        message: `${errorText(error)} Tổng hợp dùng mục tiêu của Đề án 241.`,
      });
    }
  };

  const pickTargets = async (file: File) => {
    setProblem(null);
    setDone(null);
    setBusy(`Đang đọc tệp mục tiêu ${file.name}…`);
    try {
      const [input] = await toInputFiles([file]);
      const used = await files.readTargetsFile(input!);
      if (used.sheet === null) {
        setProblem({
          title: `Không dùng được tệp mục tiêu ${file.name}`,
          message: `Tệp ${file.name} không có trang “Mục tiêu” (cột Chỉ tiêu, Nội dung, Mục tiêu) nên không dùng làm tệp mục tiêu được; mục tiêu đang dùng không đổi.`,
        });
        return;
      }
      setTargetsFile({ name: file.name, used });
    } catch (error) {
      setProblem({ title: `Không đọc được tệp mục tiêu ${file.name}`, message: errorText(error) });
    } finally {
      setBusy(null);
    }
  };

  const add = async (inputs: () => Promise<InputFile[]>, what: string) => {
    setProblem(null);
    setDone(null);
    const controller = new AbortController();
    abort.current = controller;
    setBusy(what);
    try {
      await readWorkbookTargets();
      const list = await inputs();
      const known = new Set(sources.map((s) => s.file));
      const fresh = list.filter((f) => !known.has(f.name));
      const replaced = list.length - fresh.length;
      setReading({ done: 0, total: fresh.length, item: fresh[0]?.name ?? "" });
      const read = await files.readFiles(fresh, setReading, controller.signal);
      setSources((previous) => [...previous, ...read]);
      if (replaced > 0) setDone(`${replaced} tệp trùng tên với tệp đã có nên không đọc lại.`);
    } catch (error) {
      if (isCancelled(error)) setDone("Đã hủy đọc tệp; các tệp đọc trước đó vẫn được giữ.");
      else setProblem({ title: "Không đọc được tệp", message: errorText(error) });
    } finally {
      abort.current = null;
      setReading(null);
      setBusy(null);
    }
  };

  const clear = () => {
    setSources([]);
    setAssignments({});
    setPreferred({});
    setDone(null);
    setProblem(null);
  };

  const download = async () => {
    if (!run) return;
    setBusy("Đang tạo bảng tổng hợp…");
    setProblem(null);
    try {
      const bytes = await files.writeXlsx(run.layout);
      const name = `Tong-hop-De-an-241-${todayIso()}.xlsx`;
      saveBytes(bytes, name, XLSX_TYPE);
      setDone(`Đã tạo tệp ${name}.`);
    } catch (error) {
      setProblem({ title: "Không tạo được bảng tổng hợp", message: errorText(error) });
    } finally {
      setBusy(null);
    }
  };

  const draft = async () => {
    if (!summary) return;
    setBusy("Đang soạn dự thảo báo cáo…");
    setProblem(null);
    setDone(null);
    try {
      const date = todayIso();
      const bytes = await files.reportDraft(summary, {
        unitName: PROGRAMME.letter.issuer,
        superior: PROGRAMME.letter.superior,
        place: PROGRAMME.letter.place,
        date,
      });
      const name = draftFileName(date);
      saveBytes(bytes, name, DOCX_TYPE);
      setDone(`Đã tạo tệp ${name}: dự thảo theo đề cương của Công văn ${PROGRAMME.letter.number}, các chỗ cần viết thêm được đánh dấu.`);
    } catch (error) {
      setProblem({ title: "Không tạo được dự thảo báo cáo", message: errorText(error) });
    } finally {
      setBusy(null);
    }
  };

  const writeToWorkbook = async () => {
    if (!run || !workbook) return;
    setBusy("Đang ghi vào sổ làm việc…");
    setProblem(null);
    try {
      const result = await workbook.writeSummary(run.layout);
      const parts = [
        `Đã ghi ${run.layout.sheets.filter((s) => s.visibility !== "veryHidden").length} trang tính tổng hợp vào sổ làm việc.`,
        result.copies.length > 0 ? `Bản tổng hợp trước được giữ lại: ${result.copies.join(", ")}.` : "",
        result.skipped.length > 0 ? `Chưa áp dụng được: ${result.skipped.join(" ")}` : "",
      ];
      setDone(parts.filter((p) => p !== "").join(" "));
    } catch (error) {
      setProblem({ title: "Không ghi được vào sổ làm việc", message: errorText(error) });
    } finally {
      setBusy(null);
    }
  };

  const counts = useMemo(() => {
    const c = { merged: 0, superseded: 0, rejected: 0 };
    for (const f of summary?.files ?? []) c[f.status]++;
    return c;
  }, [summary]);
  const working = busy !== null;

  return (
    <div className={styles.root}>
      <h2 className={styles.heading}>Tổng hợp</h2>
      <Text>
        Gộp số liệu từ tệp báo cáo của các chi, đảng bộ cơ sở và các cơ quan, đơn vị: cộng tổng số và số đã đạt theo từng
        chỉ tiêu, tính lại tỷ lệ, đối chiếu mục tiêu và ghép danh sách văn bản.
      </Text>

      <FileDrop
        multiple
        label="Chọn các tệp của đơn vị…"
        hint="Hoặc kéo thả nhiều tệp .xlsx, .xls, .ods vào đây."
        disabled={working}
        onFiles={(picked) => void add(() => toInputFiles(picked), "Đang đọc tệp…")}
        testId="merge-drop"
      />
      <div className={styles.actions}>
        <Button appearance="subtle" disabled={working} onClick={() => void add(() => files.sampleFiles(), "Đang tải dữ liệu mẫu…")}>
          Dùng thử với dữ liệu mẫu
        </Button>
        {sources.length > 0 ? (
          <Button appearance="subtle" disabled={working} onClick={clear}>
            Xóa danh sách tệp
          </Button>
        ) : null}
      </div>
      <UnitsSource disabled={working} />
      <Field label="Hạn nộp báo cáo" hint="Theo Công văn 232-CV/HU: trước ngày 25/6/2021." className={own.deadline}
        validationState={validDeadline ? "none" : "error"} validationMessage={validDeadline ? undefined : "Hãy chọn một ngày."}>
        <Input type="date" value={deadline} onChange={(_e, data) => setDeadline(data.value)} />
      </Field>
      <TargetsSource
        inExcel={workbook !== null}
        file={targetsFile}
        workbookTargets={workbookTargets}
        disabled={working}
        onPick={(file) => void pickTargets(file)}
        onClear={() => setTargetsFile(null)}
      />

      {reading ? <ProgressLine verb="Đang đọc" progress={reading} onCancel={() => abort.current?.abort()} /> : null}
      {busy && !reading ? <Spinner size="tiny" label={busy} labelPosition="after" /> : null}
      <ErrorBar problem={problem} onDismiss={() => setProblem(null)} />
      {done ? (
        <MessageBar intent="success" layout="multiline" data-testid="done">
          <MessageBarBody>{done}</MessageBarBody>
        </MessageBar>
      ) : null}

      {sources.length === 0 && !working ? (
        <Text className={styles.muted} data-testid="empty">
          Chưa có tệp nào. Chọn hoặc kéo thả các tệp báo cáo mà đơn vị gửi về; tệp hỏng hoặc sai mẫu sẽ được báo rõ lý do,
          không làm hỏng phần tổng hợp.
        </Text>
      ) : null}

      {summary ? (
        <>
          <Section title="Bảng tổng hợp" testId="summary-output">
            <Text size={200}>
              {`Số liệu của ${summary.received.length} đơn vị (${counts.merged} tệp); gồm các trang: tổng hợp chỉ tiêu, chi tiết đơn vị, văn bản, tình hình nộp báo cáo, số liệu bị loại.`}
            </Text>
            <div className={styles.actions}>
              <Button appearance="primary" disabled={working || !run} onClick={() => void download()}>
                Tải bảng tổng hợp (.xlsx)
              </Button>
              <Button disabled={working || !run} onClick={() => void draft()}>
                Dự thảo báo cáo (.docx)
              </Button>
              {workbook ? (
                <Button disabled={working || !run} onClick={() => void writeToWorkbook()}>
                  Ghi vào sổ làm việc
                </Button>
              ) : null}
            </div>
          </Section>
          <Section title={`Các tệp (${summary.files.length})`} testId="file-statuses">
            <Text size={200}>{`${counts.merged} đã tổng hợp · ${counts.superseded} bị thay thế · ${counts.rejected} bị loại`}</Text>
            <ul className={own.files}>
              {summary.files.map((f) => (
                <FileCard
                  key={f.file}
                  result={f}
                  units={units}
                  assigned={assignments[f.file]}
                  disabled={working}
                  onAssign={(unit) =>
                    setAssignments((previous) => {
                      const next = { ...previous };
                      if (unit === "") delete next[f.file];
                      else next[f.file] = unit;
                      return next;
                    })
                  }
                  onPrefer={() => {
                    if (f.unit !== null) setPreferred((previous) => ({ ...previous, [f.unit!]: f.file }));
                  }}
                />
              ))}
            </ul>
          </Section>

          <Section title="Đơn vị đã nộp" testId="units-received">
            <Text>
              {`Đã nhận ${summary.received.length}/${summary.expected.length} đơn vị`}
              {summary.rate !== null ? ` (${String(summary.rate).replace(".", ",")}%)` : ""}.
            </Text>
            {summary.missing.length > 0 ? (
              <>
                <Text size={200} weight="semibold">{`Chưa nhận (${summary.missing.length}):`}</Text>
                <ul className={styles.list} data-testid="missing-units">
                  {summary.missing.map((u) => (
                    <li key={u}>
                      <Text size={200}>{u}</Text>
                    </li>
                  ))}
                </ul>
              </>
            ) : null}
            {summary.rejectedValues.length > 0 ? (
              <MessageBar intent="warning" layout="multiline">
                <MessageBarBody>
                  <MessageBarTitle>{`${summary.rejectedValues.length} số liệu không được cộng`}</MessageBarTitle>
                  vì sai quy tắc (xem trang “Số liệu bị loại” trong bảng tổng hợp).
                </MessageBarBody>
              </MessageBar>
            ) : null}
          </Section>

          <Section title="Kết quả thực hiện các mục tiêu (toàn huyện)" testId="summary-indicators">
            {targetsLine ? (
              <Text size={200} data-testid="summary-targets">
                {targetsLine}
                {chosen && summary.targetsSource === chosen.source ? ` Khác Đề án 241 ở chỉ tiêu ${changedList(chosen.used)}.` : ""}
              </Text>
            ) : null}
            <ResultsTable rows={summary.indicators} caption="Tổng hợp các chỉ tiêu của Đề án 241" testId="summary-table" />
          </Section>

        </>
      ) : null}
    </div>
  );
}
