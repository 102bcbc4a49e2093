/**
 * Indicators against their targets: Tổng số, Số đạt, Tỷ lệ, Mục tiêu and
 * "Đạt" / "Chưa đạt" / "Chưa đủ số liệu" / "Số liệu có lỗi" (figures given but
 * left out for errors, with the cells where they are; a target other than Đề
 * án 241's shows Đề án 241's beside it). Each indicator takes two rows (its
 * text across the table, then its figures), in a fixed-layout table whose
 * cells wrap, so it fits a 320 px task pane without scrolling sideways.
 */
import { Fragment } from "react";
import {
  Table,
  TableBody,
  TableCell,
  TableHeader,
  TableHeaderCell,
  TableRow,
  Text,
  makeStyles,
  mergeClasses,
  tokens,
} from "@fluentui/react-components";
import { DEFAULT_TARGETS, indicatorById, type Target } from "../../domain/catalogue";
import { formatNumber, formatRatio, rejectedPlace, targetLabel, verdictLabel, verdictState } from "../../domain/format";

export interface ResultRow {
  readonly id: string;
  readonly total: number | null;
  readonly achieved: number | null;
  readonly ratio: number | null;
  readonly met: boolean | null;
  /** The target judged by (Đề án 241's when absent). */
  readonly target?: Target;
  /** Units whose figures went in (summaries only). */
  readonly reportedBy?: number;
  /** Values of it left out for an error (summaries only): where they are. */
  readonly rejected?: readonly { readonly unit?: string; readonly file: string; readonly sheet: string | null; readonly cell: string | null }[];
}

const useStyles = makeStyles({
  table: { tableLayout: "fixed", width: "100%" },
  cell: {
    paddingInline: "2px",
    verticalAlign: "top",
    overflowWrap: "anywhere",
    fontSize: tokens.fontSizeBase200,
    lineHeight: tokens.lineHeightBase200,
  },
  head: {
    paddingInline: "2px",
    fontSize: tokens.fontSizeBase200,
    lineHeight: tokens.lineHeightBase200,
    overflowWrap: "anywhere",
    whiteSpace: "normal",
  },
  textRow: { backgroundColor: tokens.colorNeutralBackground2, borderBottomStyle: "none" },
  id: { fontWeight: tokens.fontWeightSemibold },
  sub: { color: tokens.colorNeutralForeground3 },
  block: { display: "block" },
  met: { color: tokens.colorPaletteGreenForeground1, fontWeight: tokens.fontWeightSemibold },
  short: { color: tokens.colorPaletteRedForeground1, fontWeight: tokens.fontWeightSemibold },
  unknown: { color: tokens.colorNeutralForeground3 },
  wide: { width: "11%" },
  num: { width: "17%" },
  result: { width: "21%" },
});

const num = (n: number | null): string => (n === null ? "–" : formatNumber(n));
const pct = (n: number | null): string => (n === null ? "–" : formatRatio(n));

export function ResultsTable(props: { rows: readonly ResultRow[]; caption: string; testId?: string }) {
  const styles = useStyles();
  return (
    <Table className={styles.table} size="extra-small" aria-label={props.caption} data-testid={props.testId}>
      <TableHeader>
        <TableRow>
          <TableHeaderCell className={mergeClasses(styles.head, styles.wide)}>Stt</TableHeaderCell>
          <TableHeaderCell className={mergeClasses(styles.head, styles.num)}>Tổng số</TableHeaderCell>
          <TableHeaderCell className={mergeClasses(styles.head, styles.num)}>Số đạt</TableHeaderCell>
          <TableHeaderCell className={mergeClasses(styles.head, styles.num)}>Tỷ lệ</TableHeaderCell>
          <TableHeaderCell className={mergeClasses(styles.head, styles.num)}>Mục tiêu</TableHeaderCell>
          <TableHeaderCell className={mergeClasses(styles.head, styles.result)}>Kết quả</TableHeaderCell>
        </TableRow>
      </TableHeader>
      <TableBody>
        {props.rows.map((row) => {
          const indicator = indicatorById(row.id);
          const target = row.target ?? DEFAULT_TARGETS[row.id];
          const official = indicator?.target;
          const changed = target !== undefined && official !== undefined && (target.op !== official.op || target.value !== official.value);
          const verdict = verdictState(row);
          return (
            <Fragment key={row.id}>
              <TableRow className={styles.textRow}>
                <TableCell className={styles.cell} colSpan={6}>
                  {/* The indicator's whole text (its row spans the table, so it wraps): a cut text could not be read in full. */}
                  <span className={styles.id}>{row.id}</span> {indicator ? indicator.text : ""}
                  {row.reportedBy !== undefined ? <span className={styles.sub}>{` (${row.reportedBy} đơn vị báo cáo)`}</span> : null}
                  {verdict === "rejected" ? (
                    <span className={mergeClasses(styles.short, styles.block)} data-testid="rejected-cells">
                      {`${verdictLabel("rejected")}: ${row.rejected!.map((v) => (v.unit ? `${v.unit} (${rejectedPlace(v)})` : rejectedPlace(v))).join("; ")}`}
                    </span>
                  ) : null}
                </TableCell>
              </TableRow>
              <TableRow data-indicator={row.id} data-target-changed={changed ? "true" : undefined}>
                <TableCell className={styles.cell}>{row.id}</TableCell>
                <TableCell className={styles.cell}>{num(row.total)}</TableCell>
                <TableCell className={styles.cell}>{num(row.achieved)}</TableCell>
                <TableCell className={styles.cell}>{pct(row.ratio)}</TableCell>
                <TableCell className={styles.cell}>
                  {target ? targetLabel(target) : ""}
                  {changed ? <span className={mergeClasses(styles.sub, styles.block)}>{`(Đề án 241: ${targetLabel(official)})`}</span> : null}
                </TableCell>
                <TableCell className={styles.cell}>
                  <Text size={200} className={verdict === true ? styles.met : verdict === false || verdict === "rejected" ? styles.short : styles.unknown}>
                    {verdictLabel(verdict)}
                  </Text>
                </TableCell>
              </TableRow>
            </Fragment>
          );
        })}
      </TableBody>
    </Table>
  );
}
