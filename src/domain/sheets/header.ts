/**
 * The parts of a sheet around its table, as a Party (or state) document sets
 * them out: the header block, the title and attachment line, the table's
 * header row, and the signature block.
 */
import { vnLongDate } from "../format";
import { DEFAULT_SUPERIOR, headerFormatOf, signerOf } from "../units";
import { cellAddress } from "../model/grid";
import type { DataValidationRule } from "../model/layout";
import { heightFor, rangeAddress, type SheetBuilder } from "./builder";
import { SHEET_GEOMETRY } from "./styles";
import type { SheetOptions } from "./unit";

export const ATTACH_LINE = "(Kèm theo Báo cáo số ………, ngày …… tháng …… năm ………)";
export const SIGNATURE_NAME_BLANK = "………………………………";

/** Capitals as Vietnamese writes them ("Đảng ủy xã Bản Bo" → "ĐẢNG ỦY XÃ BẢN BO"). */
export function upperVi(text: string): string {
  return text.normalize("NFC").toLocaleUpperCase("vi");
}

/** "Bản Bo, ngày 05 tháng 6 năm 2021" (day < 10 and months 1–2 with a leading zero), or dotted blanks. */
export function dateLine(place: string, iso?: string): string {
  return `${place}, ${vnLongDate(iso) ?? "ngày …… tháng …… năm ………"}`;
}

/** The signature block lines a unit uses by default: its kind's signer (units/signers.ts). */
export function defaultSignature(unitName: string): { onBehalf: string; title: string } {
  return { ...signerOf(unitName) };
}

/**
 * The header block: left, the superior body, the unit's name in bold capitals
 * and "*"; right, "ĐẢNG CỘNG SẢN VIỆT NAM" (bold, underlined) and the date line
 * in italics. Offices of the People's Committee carry the state heading instead.
 */
export function headerBlock(b: SheetBuilder, opts: SheetOptions, leftEnd: number, lastCol: number): void {
  const format = opts.format ?? headerFormatOf({ name: opts.unitName });
  const superior = opts.superior ?? DEFAULT_SUPERIOR;
  const unit = upperVi(opts.unitName);
  b.block(0, 0, 0, leftEnd, superior, "headLeft");
  b.block(1, 0, 1, leftEnd, unit, "headUnit");
  b.block(2, 0, 2, leftEnd, format === "party" ? "*" : null, "headLeft");
  if (format === "party") {
    b.block(0, leftEnd + 1, 0, lastCol, "ĐẢNG CỘNG SẢN VIỆT NAM", "headRightUnderline");
    b.block(1, leftEnd + 1, 1, lastCol, null, "plain");
  } else {
    b.block(0, leftEnd + 1, 0, lastCol, "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "headRight");
    b.block(1, leftEnd + 1, 1, lastCol, "Độc lập - Tự do - Hạnh phúc", "headRightUnderline");
  }
  b.block(2, leftEnd + 1, 2, lastCol, dateLine(opts.place, opts.date), "dateLine");
  b.fit(0, 0, leftEnd, superior, "headLeft");
  b.fit(1, 0, leftEnd, unit, "headUnit");
  b.fit(2, 0, leftEnd, "*", "headLeft");
  b.setHeight(3, heightFor(1));
}

export function titleBlock(b: SheetBuilder, title: string, lastCol: number): void {
  b.block(SHEET_GEOMETRY.titleRow, 0, SHEET_GEOMETRY.titleRow, lastCol, title, "title");
  b.fit(SHEET_GEOMETRY.titleRow, 0, lastCol, title, "title");
  b.block(SHEET_GEOMETRY.attachRow, 0, SHEET_GEOMETRY.attachRow, lastCol, ATTACH_LINE, "attach");
  b.fit(SHEET_GEOMETRY.attachRow, 0, lastCol, ATTACH_LINE, "attach");
  b.setHeight(SHEET_GEOMETRY.attachRow + 1, 8);
}

export function headerRow(b: SheetBuilder, headers: readonly string[]): void {
  const r = SHEET_GEOMETRY.headerRow;
  headers.forEach((h, c) => {
    b.set(r, c, h, "th");
    b.fit(r, c, c, h, "th");
  });
}

/** Blank lines between the title of the signer and the name (room for signature and seal). */
const SIGNATURE_GAP = 3;

/** The text of the signature block: "T/M BAN CHẤP HÀNH", "BÍ THƯ", room to sign, the name blank. */
export function signatureText(opts: Pick<SheetOptions, "signature" | "unitName">): string {
  const sig = opts.signature ?? defaultSignature(opts.unitName);
  return [...(sig.onBehalf !== "" ? [sig.onBehalf] : []), sig.title, ...Array<string>(SIGNATURE_GAP).fill(""), SIGNATURE_NAME_BLANK].join(
    "\n",
  );
}

/**
 * The signature block in one cell of one row at `r`, over columns c1..c2: a
 * row is never split across printed pages, so the block stays together.
 */
export function signatureBlock(b: SheetBuilder, opts: SheetOptions, r: number, c1: number, c2: number): void {
  const text = signatureText(opts);
  b.block(r, c1, r, c2, text, "signature");
  b.setHeight(r, heightFor(text.split("\n").length));
}

const DATE_LINE_MAX = 120;

/**
 * The date line is one cell the unit completes ("Bản Bo, ngày 20 tháng 6 năm 2021"): shaded as
 * every input, it shows this prompt when selected. Its rule only keeps it to one line's length.
 */
export function dateLineValidation(opts: Pick<SheetOptions, "place">, leftEnd: number, lastCol: number): DataValidationRule {
  const at = cellAddress(2, leftEnd + 1);
  return {
    range: rangeAddress(2, leftEnd + 1, 2, lastCol),
    type: "custom",
    formulae: [`LEN(${at})<=${DATE_LINE_MAX}`],
    allowBlank: true,
    prompt: {
      title: "Ngày báo cáo",
      text: `Ghi ngày, tháng, năm của báo cáo vào chỗ dấu chấm, ví dụ: ${dateLine(opts.place, "2021-06-20")}.`,
    },
    error: { title: "Dòng ngày tháng quá dài", text: `Dòng ngày tháng chỉ ghi địa danh và ngày báo cáo, tối đa ${DATE_LINE_MAX} ký tự.` },
  };
}

/** The cells the unit fills in around the table: the date line, the attachment line, the signature block. */
export function fillInRanges(leftEnd: number, lastCol: number, sigRow: number, c1: number, c2: number): string[] {
  return [
    rangeAddress(2, leftEnd + 1, 2, lastCol),
    rangeAddress(SHEET_GEOMETRY.attachRow, 0, SHEET_GEOMETRY.attachRow, lastCol),
    rangeAddress(sigRow, c1, sigRow, c2),
  ];
}
