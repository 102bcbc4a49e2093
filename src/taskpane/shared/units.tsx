/**
 * The list of units that report, shared by the tabs: inside Excel the "Đơn
 * vị" sheet of the open workbook when it has one; standalone, a .csv/.xlsx
 * list the user picks; else the built-in Tam Đường list.
 */
import { createContext, useCallback, useContext, useEffect, useMemo, useRef, useState, type ReactNode } from "react";
import { Button, Text, makeStyles, tokens } from "@fluentui/react-components";
import { readUnitsList } from "../../app/files";
import { unitKindsText } from "../../domain/format";
import { TAM_DUONG_UNITS, type Unit } from "../../domain/units";
import { LIST_ACCEPT } from "../../io/read/formats";
import { useServices } from "../services";
import { ErrorBar, errorText, fileProblemTitle, type Problem } from "./ErrorBar";
import { focusIfLost } from "./focus";
import { toInputFiles } from "./FileDrop";

export type UnitsOrigin = { kind: "default" } | { kind: "sheet" } | { kind: "file"; name: string };

interface UnitsState {
  readonly units: readonly Unit[];
  readonly origin: UnitsOrigin;
  readonly warnings: readonly string[];
  readonly problem: Problem | null;
  /** Reads a list from a file: the units, or null when it cannot be used (the problem is shown). */
  choose(file: File): Promise<readonly Unit[] | null>;
  reset(): void;
  dismiss(): void;
}

const UnitsContext = createContext<UnitsState | null>(null);

export function UnitsProvider(props: { children: ReactNode }) {
  const { workbook } = useServices();
  const [units, setUnits] = useState<readonly Unit[]>(TAM_DUONG_UNITS);
  const [origin, setOrigin] = useState<UnitsOrigin>({ kind: "default" });
  const [warnings, setWarnings] = useState<readonly string[]>([]);
  const [problem, setProblem] = useState<Problem | null>(null);

  useEffect(() => {
    if (!workbook) return;
    let live = true;
    workbook
      .readUnits()
      .then((list) => {
        if (live && list && list.length > 0) {
          setUnits(list);
          setOrigin({ kind: "sheet" });
        }
      })
      .catch((error: unknown) => {
        if (live) setProblem({ title: "Không đọc được trang tính “Đơn vị”", message: errorText(error) });
      });
    return () => {
      live = false;
    };
  }, [workbook]);

  const choose = useCallback(async (file: File) => {
    setProblem(null);
    try {
      const [input] = await toInputFiles([file]);
      const list = await readUnitsList(input!);
      setUnits(list.units);
      setWarnings(list.warnings);
      setOrigin({ kind: "file", name: file.name });
      return list.units;
    } catch (error) {
      const message = errorText(error);
      setProblem({ title: fileProblemTitle("Không dùng được danh sách", file.name, message), message });
      return null;
    }
  }, []);

  const value = useMemo<UnitsState>(
    () => ({
      units,
      origin,
      warnings,
      problem,
      choose,
      reset: () => {
        setUnits(TAM_DUONG_UNITS);
        setOrigin({ kind: "default" });
        setWarnings([]);
      },
      dismiss: () => setProblem(null),
    }),
    [units, origin, warnings, problem, choose],
  );
  return <UnitsContext.Provider value={value}>{props.children}</UnitsContext.Provider>;
}

/** The shared list; outside a provider (a tab rendered alone in a test) the Excel sheet or the default list. */
export function useUnits(): UnitsState {
  const shared = useContext(UnitsContext);
  if (!shared) throw new Error("useUnits() needs a <UnitsProvider> above it.");
  return shared;
}

const useStyles = makeStyles({
  root: { display: "flex", flexDirection: "column", rowGap: tokens.spacingVerticalXS, alignItems: "flex-start" },
  muted: { color: tokens.colorNeutralForeground3 },
  input: { display: "none" },
  actions: { display: "flex", flexWrap: "wrap", gap: tokens.spacingHorizontalS },
});

export function describeOrigin(origin: UnitsOrigin, count: number): string {
  switch (origin.kind) {
    case "sheet":
      return `Danh sách đơn vị: trang tính “Đơn vị” của sổ làm việc (${count} đơn vị).`;
    case "file":
      return `Danh sách đơn vị: tệp ${origin.name} (${count} đơn vị).`;
    default:
      return `Danh sách đơn vị: danh sách có sẵn của huyện Tam Đường (${count} đơn vị: ${unitKindsText(TAM_DUONG_UNITS.map((u) => u.name))} nêu trong Công văn).`;
  }
}

/** Where the unit list comes from, and (outside Excel's own sheet) a way to use another list; `onUnits` hears of a list loaded or reset. */
export function UnitsSource(props: { disabled?: boolean; onUnits?: (units: readonly Unit[]) => void }) {
  const styles = useStyles();
  const { units, origin, warnings, problem, choose, reset, dismiss } = useUnits();
  const input = useRef<HTMLInputElement>(null);
  const other = useRef<HTMLButtonElement>(null);
  return (
    <div className={styles.root} data-testid="units-source">
      <Text size={200} className={styles.muted}>
        {describeOrigin(origin, units.length)}
      </Text>
      {origin.kind !== "sheet" ? (
        <div className={styles.actions}>
          <Button ref={other} size="small" appearance="secondary" disabled={props.disabled} onClick={() => input.current?.click()}>
            Dùng danh sách đơn vị khác (.csv, .xlsx)…
          </Button>
          {origin.kind === "file" ? (
            <Button
              size="small"
              appearance="secondary"
              disabled={props.disabled}
              onClick={() => {
                reset();
                props.onUnits?.(TAM_DUONG_UNITS);
                focusIfLost(() => other.current);
              }}
            >
              Dùng danh sách có sẵn
            </Button>
          ) : null}
          <input
            ref={input}
            className={styles.input}
            type="file"
            accept={LIST_ACCEPT}
            aria-label="Chọn tệp danh sách đơn vị"
            tabIndex={-1}
            onChange={(event) => {
              const file = event.currentTarget.files?.[0];
              event.currentTarget.value = "";
              if (file)
                void choose(file).then((list) => {
                  if (list) props.onUnits?.(list);
                });
            }}
          />
        </div>
      ) : null}
      {warnings.length > 0 ? (
        <Text size={200} className={styles.muted}>{`Cảnh báo trong danh sách: ${warnings.join("; ")}`}</Text>
      ) : null}
      <ErrorBar problem={problem} onDismiss={dismiss} />
    </div>
  );
}
