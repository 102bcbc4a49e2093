/**
 * The bench's units, by number: their names and their list as the CLI's --units reads it. Apart
 * from bench/corpus.ts so that bench/run.ts, which times the merge in its own process, names the
 * units without loading what makes the workbooks (ExcelJS).
 */
export const unitNumber = (i: number): string => String(i + 1).padStart(7, "0");

export const unitName = (i: number): string => `Chi bộ số ${unitNumber(i)}`;

/** The unit list of the first n units, as a CSV the CLI's --units reads. */
export function unitListCsv(n: number): string {
  return ["Tên đơn vị,Cấp", ...Array.from({ length: n }, (_, i) => `${unitName(i)},Cơ sở`)].join("\n") + "\n";
}
