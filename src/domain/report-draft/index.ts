/**
 * A draft of the district's report, following the outline attached to
 * Công văn 232-CV/HU: every heading and item verbatim and in order, the
 * figures the merged summary can answer placed under the items that ask for
 * them, and a marked placeholder wherever the text must come from the staff.
 * Pure data; src/io/docx renders it. The model and fixed wording are in
 * model.ts, the sentences made of figures in figures.ts, the outline with
 * its figures in sections.ts, the appendix tables in appendix.ts.
 */
import { DOCUMENTS_TABLE, INDICATORS_TABLE } from "../catalogue";
import { REPORT_OUTLINE } from "../catalogue/outline";
import type { Summary } from "../merge";
import { upperVi } from "../sheets/header";
import { documentsTable, indicatorsTable } from "./appendix";
import { DRAFT_SUBTITLE, DRAFT_TITLE, NOT_ENOUGH_DATA, type DraftBlock, type DraftDocument, type DraftHeader, type DraftOptions } from "./model";
import { targetsUsedText } from "./figures";
import { outlineBlocks, para } from "./sections";
import { closingBlock, draftDateLine, numberLine } from "./form";

export * from "./model";
export { countDocumentTypes, documentCountText, figureText, targetsUsedText, type DocumentTypeCount } from "./figures";
export { closingBlock, draftDateLine, numberLine, recipientLines } from "./form";
export { FIGURE_RULES, outlinePrefix } from "./sections";

/** Builds the draft. Pure: the same summary and options give the same draft. */
export function buildReportDraft(summary: Summary, opts: DraftOptions): DraftDocument {
  const header: DraftHeader = {
    kind: "header",
    left: [[{ text: upperVi(opts.superior) }], [{ text: upperVi(opts.unitName), bold: true }], [{ text: "*" }], [{ text: numberLine(opts.number) }]],
    // The date line sits level with the number line, as in the letter.
    right: [
      [{ text: "ĐẢNG CỘNG SẢN VIỆT NAM", bold: true, underline: true }],
      [{ text: "" }],
      [{ text: "" }],
      [{ text: draftDateLine(opts.place, opts.date), italic: true }],
    ],
  };
  const targets = targetsUsedText(summary);
  const blocks: DraftBlock[] = [
    header,
    para("title", [{ text: DRAFT_TITLE, bold: true }], "center"),
    para("subtitle", [{ text: DRAFT_SUBTITLE, bold: true }], "center"),
    ...outlineBlocks(REPORT_OUTLINE.sections, summary, 0),
    closingBlock(opts),
    { kind: "pageBreak" },
    para("title", [{ text: "PHỤ LỤC", bold: true }], "center"),
    para("subtitle", [{ text: INDICATORS_TABLE.title, bold: true }], "center"),
    indicatorsTable(summary),
    // The table prints Đề án 241's wording ("100% …") beside verdicts judged by other targets: it says so.
    ...(targets !== null ? [para("body", [{ text: targets, italic: true }])] : []),
    para("body", [{ text: "" }]),
    para("subtitle", [{ text: DOCUMENTS_TABLE.title, bold: true }], "center"),
    documentsTable(summary),
  ];
  if (summary.documents.length === 0) blocks.push(para("body", [{ text: `Văn bản: ${NOT_ENOUGH_DATA}.`, italic: true }]));
  return { blocks };
}
