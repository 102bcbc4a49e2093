/** The names of the files the "Tổng hợp" tab downloads (no diacritics, dated). */

export function summaryFileName(date: string): string {
  return `Tong-hop-De-an-241-${date}.xlsx`;
}

/** The draft's file name (no diacritics, like the summary's). */
export function draftFileName(date: string): string {
  return `Du-thao-bao-cao-De-an-241-${date}.docx`;
}
