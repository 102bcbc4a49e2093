/**
 * A unit's workbook: the official sheets of Công văn 232-CV/HU laid out as the
 * unit's appendix to its report ("Văn bản", "Chỉ tiêu"), its own targets
 * ("Mục tiêu") and the very hidden identity. Each sheet is built in its own
 * module; the header block, title and signature they share are in header.ts,
 * the styles and page setup in styles.ts.
 */
import { identityRows, TEMPLATE_ID, TEMPLATE_VERSION, type UnitLevel } from "../model/identity";
import type { WorkbookLayout } from "../model/layout";
import { DEFAULT_SUPERIOR, type HeaderFormat } from "../units";
import { buildDocumentsSheet } from "./documents";
import { buildIdentitySheet } from "./identity";
import { buildIndicatorsSheet } from "./indicators";
import { buildTargetsSheet } from "./targets";

/** Also here for the modules that import the targets sheet's name with the unit's workbook. */

export interface SheetOptions {
  /** The superior body line ("ĐẢNG BỘ HUYỆN TAM ĐƯỜNG"). */
  readonly superior?: string;
  readonly unitName: string;
  readonly unitCode?: string;
  /** The place of the date line ("Bản Bo"). */
  readonly place: string;
  readonly level: UnitLevel;
  /** ISO date (YYYY-MM-DD) of the date line; absent = dotted blanks the unit fills in. */
  readonly date?: string;
  /** Party header (default for party bodies) or the state one (offices of the People's Committee). */
  readonly format?: HeaderFormat;
  /** Signature block lines; defaults follow the kind of unit ("T/M BAN CHẤP HÀNH" / "BÍ THƯ"). */
  readonly signature?: { readonly onBehalf: string; readonly title: string };
  /** Empty rows of the documents table (at least 20; default 20). */
  readonly documentRows?: number;
}

export interface UnitWorkbookOptions extends SheetOptions {
  /** ISO date the workbook is made, for the identity (the caller's clock: the domain has none). */
  readonly created: string;
}

/** A unit's workbook: "Văn bản", "Chỉ tiêu", "Mục tiêu" and the very hidden identity sheet. */
export function buildUnitWorkbook(opts: UnitWorkbookOptions): WorkbookLayout {
  const identity = {
    kind: "unit-report" as const,
    template: TEMPLATE_ID,
    version: TEMPLATE_VERSION,
    unitName: opts.unitName,
    ...(opts.unitCode !== undefined && opts.unitCode !== "" ? { unitCode: opts.unitCode } : {}),
    level: opts.level,
    superior: opts.superior ?? DEFAULT_SUPERIOR,
    created: opts.created,
  };
  return {
    sheets: [buildDocumentsSheet(opts), buildIndicatorsSheet(opts), buildTargetsSheet(), buildIdentitySheet(identityRows(identity))],
    identity,
  };
}
