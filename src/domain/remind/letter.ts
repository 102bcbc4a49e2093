/**
 * The "công văn đôn đốc": the district's Ban Tuyên giáo reminding the units
 * that have not sent (or whose file could not be used) to send their report
 * by a deadline, in the Party's form: header block (HUYỆN ỦY TAM ĐƯỜNG /
 * BAN TUYÊN GIÁO / * / Số …-CV/BTGHU / V/v …) beside "ĐẢNG CỘNG SẢN VIỆT NAM"
 * and a date line left to fill, "Kính gửi", the body in the words of Công văn
 * 232-CV/HU, the list of units, the deadline, "Nơi nhận" and the signature
 * block. Pure data; src/io/docx/remind.ts renders it.
 */
import { PROGRAMME } from "../catalogue";
import type { DraftRun, DraftTable } from "../report-draft/model";
import { dateLine } from "../sheets/header";
import { letterSentence, missingText, REMIND_SENDER, requestSentence, type Reminder } from "./text";

/** A borderless column of the header or the signature area: centred or left-aligned lines. */
export interface LetterColumn {
  /** Share of the text width, 0–1. */
  readonly share: number;
  readonly align: "left" | "center";
  /** Written a size smaller (13 pt; "Nơi nhận" 12 pt when `small`). */
  readonly small?: boolean;
  readonly lines: readonly (readonly DraftRun[])[];
}

export interface LetterParagraph {
  readonly kind: "paragraph";
  readonly align: "left" | "center" | "justify";
  /** First line indented (a body paragraph). */
  readonly indent?: boolean;
  readonly runs: readonly DraftRun[];
}

export type LetterBlock = { readonly kind: "columns"; readonly columns: readonly LetterColumn[] } | LetterParagraph | DraftTable;

export interface LetterDocument {
  readonly title: string;
  readonly blocks: readonly LetterBlock[];
}

/** The fixed wording of the letter. */
export const REMIND_LETTER = {
  // A board of the district committee is headed by that committee (Hướng dẫn 36-HD/VPTW): "HUYỆN ỦY …" over "BAN TUYÊN GIÁO".
  superior: PROGRAMME.letter.issuer,
  issuer: "BAN TUYÊN GIÁO",
  number: "Số …-CV/BTGHU",
  about: `V/v đôn đốc báo cáo tổng kết thực hiện ${PROGRAMME.shortName}`,
  place: PROGRAMME.letter.place,
  signer: "TRƯỞNG BAN",
  /** The name under the signature, left for the signer. */
  signerName: "……………………",
  /** With more units than this, "Kính gửi" names them as the list below. */
  addresseesListed: 6,
} as const;

const para = (runs: readonly DraftRun[], align: LetterParagraph["align"] = "justify", indent = true): LetterParagraph => ({
  kind: "paragraph",
  align,
  ...(indent ? { indent } : {}),
  runs,
});

function addressees(units: readonly string[]): LetterBlock[] {
  if (units.length > REMIND_LETTER.addresseesListed) {
    return [para([{ text: "Kính gửi: ", italic: true }, { text: "Các chi, đảng bộ cơ sở, các cơ quan, đơn vị có tên tại danh sách dưới đây." }], "center", false)];
  }
  return [
    para([{ text: "Kính gửi:", italic: true }], "center", false),
    ...units.map((u, k) => para([{ text: `- ${u}${k === units.length - 1 ? "." : ";"}` }], "center", false)),
  ];
}

/** The letter for a reminder. The date line and the number are left to fill. */
export function buildRemindLetter(reminder: Reminder): LetterDocument {
  const header: LetterBlock = {
    kind: "columns",
    columns: [
      {
        share: 0.45,
        align: "center",
        lines: [
          [{ text: REMIND_LETTER.superior }],
          [{ text: REMIND_LETTER.issuer, bold: true }],
          [{ text: "*" }],
          [{ text: REMIND_LETTER.number }],
          [{ text: REMIND_LETTER.about, italic: true }],
        ],
      },
      {
        share: 0.55,
        align: "center",
        lines: [[{ text: "ĐẢNG CỘNG SẢN VIỆT NAM", bold: true, underline: true }], [{ text: dateLine(REMIND_LETTER.place), italic: true }]],
      },
    ],
  };
  const table: DraftTable = {
    kind: "table",
    columns: ["TT", "Đơn vị", "Tình hình gửi báo cáo"],
    widths: [8, 40, 52],
    textColumns: [1, 2],
    rows: reminder.units.map((u, k) => {
      const text = missingText(u);
      return { cells: [String(k + 1), u.unit, text.charAt(0).toUpperCase() + text.slice(1) + "."] };
    }),
  };
  const footer: LetterBlock = {
    kind: "columns",
    columns: [
      {
        share: 0.5,
        align: "left",
        small: true,
        lines: [[{ text: "Nơi nhận:", bold: true, italic: true }], [{ text: "- Như kính gửi," }], [{ text: "- Thường trực Huyện ủy (b/c)," }], [{ text: "- Lưu." }]],
      },
      {
        share: 0.5,
        align: "center",
        lines: [[{ text: REMIND_LETTER.signer, bold: true }], [{ text: "" }], [{ text: "" }], [{ text: "" }], [{ text: REMIND_LETTER.signerName, bold: true }]],
      },
    ],
  };
  return {
    title: "Công văn đôn đốc báo cáo tổng kết Đề án 241",
    blocks: [
      header,
      para([{ text: "" }], "left", false),
      ...addressees(reminder.units.map((u) => u.unit)),
      para([{ text: letterSentence(reminder.letterDeadline) }]),
      para([
        {
          text:
            `Đến nay, ${REMIND_SENDER} chưa nhận được báo cáo, số liệu sử dụng được của ${reminder.units.length} đơn vị ` +
            "(có danh sách dưới đây). Để việc tổng kết Đề án 241 đảm bảo mục đích, yêu cầu, đúng tiến độ theo kế hoạch của Tỉnh ủy, " +
            `${REMIND_SENDER} đề nghị:`,
        },
      ]),
      table,
      para([{ text: requestSentence(reminder.deadline, reminder.letterDeadline) }]),
      para([{ text: `${REMIND_SENDER} đề nghị các đơn vị nghiêm túc thực hiện./.` }]),
      para([{ text: "" }], "left", false),
      footer,
    ],
  };
}
