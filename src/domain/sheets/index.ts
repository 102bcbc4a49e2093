export * from "../model/layout";
export * from "./builder";
export { buildUnitWorkbook, type SheetOptions, type UnitWorkbookOptions } from "./unit";
export { INPUT_FILL, SHEET_GEOMETRY, SHEET_STYLES, SHORT_FILL, TARGET_FORMATS } from "./styles";
export { ATTACH_LINE, dateLine, defaultSignature, SIGNATURE_NAME_BLANK, signatureText, upperVi } from "./header";
export { buildDocumentsSheet, DEFAULT_DOCUMENT_ROWS } from "./documents";
export { buildIndicatorsSheet, EXTRA_TARGET_HEADER, linkedTargetFormula, shortOfTargetFormula } from "./indicators";
export {
  buildTargetsSheet,
  TARGETS_GEOMETRY,
  TARGETS_HEADERS,
  TARGETS_HELP,
  TARGETS_SHEET_NAME,
  TARGETS_SHEET_TITLE,
  targetCellValue,
  targetsSheetRows,
} from "./targets";
export { buildUnitsSheet, UNITS_HEADERS, UNITS_SHEET_NAME } from "./units";
export { buildIdentitySheet } from "./identity";
export * from "./options";
