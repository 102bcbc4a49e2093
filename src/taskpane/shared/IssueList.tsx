/**
 * Validation issues grouped by sheet (the whole file's first), in the order of
 * their cells (row, then column; issues of no cell first, errors before
 * warnings in the same cell), with counts by severity; each names its cell and
 * says in Vietnamese what is wrong. Inside Excel an
 * issue with a cell is a button that selects the cell.
 */
import { Badge, Button, Text, makeStyles, mergeClasses, tokens } from "@fluentui/react-components";
import type { Issue } from "../../domain/model/issues";

/** What the list shows of an issue: validation issues and the "Mục tiêu" sheet's warnings alike. */
export type ListedIssue = Pick<Issue, "severity" | "sheet" | "cell" | "message"> & { readonly rule: string };

const useStyles = makeStyles({
  root: { display: "flex", flexDirection: "column", rowGap: tokens.spacingVerticalM },
  group: { display: "flex", flexDirection: "column", rowGap: tokens.spacingVerticalXS },
  heading: {
    margin: 0,
    fontSize: tokens.fontSizeBase300,
    lineHeight: tokens.lineHeightBase300,
    fontWeight: tokens.fontWeightSemibold,
    display: "flex",
    flexWrap: "wrap",
    alignItems: "center",
    gap: tokens.spacingHorizontalS,
  },
  list: { listStyleType: "none", margin: 0, padding: 0, display: "flex", flexDirection: "column", rowGap: tokens.spacingVerticalXS },
  item: {
    display: "flex",
    alignItems: "flex-start",
    columnGap: tokens.spacingHorizontalS,
    padding: `${tokens.spacingVerticalXS} ${tokens.spacingHorizontalS}`,
    borderLeft: `${tokens.strokeWidthThicker} solid ${tokens.colorNeutralStroke2}`,
    minWidth: 0,
  },
  error: { borderLeftColor: tokens.colorPaletteRedBorder2 },
  warning: { borderLeftColor: tokens.colorPaletteYellowBorder2 },
  info: { borderLeftColor: tokens.colorPaletteBlueBorderActive },
  body: { display: "flex", flexDirection: "column", minWidth: 0, rowGap: "2px" },
  cellButton: { minWidth: "auto", padding: `0 ${tokens.spacingHorizontalXS}`, flexShrink: 0 },
  cell: { fontFamily: tokens.fontFamilyMonospace, flexShrink: 0 },
});

export function countBySeverity(issues: readonly ListedIssue[]): { errors: number; warnings: number; infos: number } {
  let errors = 0;
  let infos = 0;
  for (const i of issues) {
    if (i.severity === "error") errors++;
    else if (i.severity === "info") infos++;
  }
  return { errors, warnings: issues.length - errors - infos, infos };
}

const SEVERITY_RANK: Readonly<Record<ListedIssue["severity"], number>> = { error: 0, warning: 1, info: 2 };
const SEVERITY_LABEL: Readonly<Record<ListedIssue["severity"], string>> = { error: "Lỗi", warning: "Cảnh báo", info: "Thông tin" };

/** Where a cell ("E12", "$E$12", or a range "E12:G14" by its first cell) sits: [row, column]; null when it is no address. */
export function cellPosition(cell: string | null): [number, number] | null {
  const m = cell ? /^\$?([A-Za-z]{1,3})\$?(\d+)/.exec(cell) : null;
  if (!m) return null;
  let column = 0;
  for (const ch of m[1]!.toUpperCase()) column = column * 26 + (ch.charCodeAt(0) - 64);
  return [Number(m[2]), column];
}

/** Issues in the order of their cells: no cell first, then by row, then by column; errors before warnings, then information, in one cell. */
export function byCell(a: ListedIssue, b: ListedIssue): number {
  const pa = cellPosition(a.cell);
  const pb = cellPosition(b.cell);
  if (pa === null || pb === null) {
    if (pa !== pb) return pa === null ? -1 : 1;
  } else if (pa[0] !== pb[0]) return pa[0] - pb[0];
  else if (pa[1] !== pb[1]) return pa[1] - pb[1];
  return SEVERITY_RANK[a.severity] - SEVERITY_RANK[b.severity];
}

export function groupBySheet<T extends ListedIssue>(issues: readonly T[]): { sheet: string; issues: T[] }[] {
  const groups = new Map<string, T[]>();
  // The whole file's issues first, then each sheet in the order it was met.
  if (issues.some((i) => i.sheet === null || i.sheet === "")) groups.set("", []);
  for (const issue of issues) {
    const key = issue.sheet ?? "";
    const list = groups.get(key) ?? [];
    list.push(issue);
    groups.set(key, list);
  }
  return [...groups.entries()].map(([sheet, list]) => ({ sheet, issues: [...list].sort(byCell) }));
}

export function SeverityCounts(props: { issues: readonly ListedIssue[] }) {
  const { errors, warnings, infos } = countBySeverity(props.issues);
  return (
    <>
      <Badge appearance="tint" color={errors > 0 ? "danger" : "success"}>{`${errors} lỗi`}</Badge>
      <Badge appearance="tint" color={warnings > 0 ? "warning" : "informative"}>{`${warnings} cảnh báo`}</Badge>
      {infos > 0 ? <Badge appearance="tint" color="informative">{`${infos} thông tin`}</Badge> : null}
    </>
  );
}

export function IssueList(props: { issues: readonly ListedIssue[]; onSelect?: (issue: ListedIssue) => void }) {
  const styles = useStyles();
  if (props.issues.length === 0) return null;
  return (
    <div className={styles.root} data-testid="issues">
      {groupBySheet(props.issues).map((group) => (
        <section key={group.sheet} className={styles.group} aria-label={group.sheet ? `Trang tính ${group.sheet}` : "Toàn tệp"}>
          <h4 className={styles.heading}>
            <span>{group.sheet ? `Trang tính “${group.sheet}”` : "Toàn tệp"}</span>
            <SeverityCounts issues={group.issues} />
          </h4>
          <ul className={styles.list}>
            {group.issues.map((issue, index) => (
              <li
                key={`${issue.rule}-${issue.cell ?? ""}-${index}`}
                className={mergeClasses(styles.item, styles[issue.severity])}
                data-severity={issue.severity}
              >
                {issue.cell && props.onSelect ? (
                  <Button
                    className={styles.cellButton}
                    size="small"
                    appearance="subtle"
                    onClick={() => props.onSelect?.(issue)}
                    aria-label={`Chọn ô ${issue.cell} trên trang tính ${issue.sheet ?? ""}`}
                  >
                    <span className={styles.cell}>{issue.cell}</span>
                  </Button>
                ) : issue.cell ? (
                  <Text size={200} className={styles.cell}>
                    {issue.cell}
                  </Text>
                ) : null}
                <div className={styles.body}>
                  <Text size={200} weight="semibold">
                    {SEVERITY_LABEL[issue.severity]}
                  </Text>
                  <Text size={200}>{issue.message}</Text>
                </div>
              </li>
            ))}
          </ul>
        </section>
      ))}
    </div>
  );
}
