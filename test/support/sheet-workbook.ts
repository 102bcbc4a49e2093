/**
 * The smallest .xlsx around one worksheet part given as it is (its XML, or its bytes when a test
 * needs bytes no text gives): the zip's content types, relationships and a workbook naming the
 * sheet "Chỉ tiêu". For tests of how a worksheet's own XML is read.
 */
import { strToU8, zipSync } from "fflate";

export const SPREADSHEET_MAIN = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
const REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";

export function sheetWorkbook(sheet: string | Uint8Array): Uint8Array {
  return zipSync({
    "[Content_Types].xml": strToU8(
      '<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/></Types>',
    ),
    "_rels/.rels": strToU8(
      `<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="${REL}/officeDocument" Target="xl/workbook.xml"/></Relationships>`,
    ),
    "xl/workbook.xml": strToU8(`<?xml version="1.0" encoding="UTF-8"?><workbook xmlns="${SPREADSHEET_MAIN}" xmlns:r="${REL}"><sheets><sheet name="Chỉ tiêu" sheetId="1" r:id="rId1"/></sheets></workbook>`),
    "xl/_rels/workbook.xml.rels": strToU8(
      `<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="${REL}/worksheet" Target="worksheets/sheet1.xml"/></Relationships>`,
    ),
    "xl/worksheets/sheet1.xml": typeof sheet === "string" ? strToU8(sheet) : sheet,
  });
}

/** A worksheet of one row of cells (their XML), every SpreadsheetML tag given the prefix `p` ("" for none). */
export function oneRowSheet(cells: readonly string[], p = ""): string {
  const t = (name: string): string => (p ? `${p}:${name}` : name);
  const ns = p ? `xmlns:${p}="${SPREADSHEET_MAIN}"` : `xmlns="${SPREADSHEET_MAIN}"`;
  const body = p ? cells.map((c) => c.replace(/<(\/?)(c|v|f|is|r|t)\b/g, `<$1${p}:$2`)).join("") : cells.join("");
  return `<?xml version="1.0" encoding="UTF-8"?><${t("worksheet")} ${ns}><${t("sheetData")}><${t("row")} r="1">${body}</${t("row")}></${t("sheetData")}></${t("worksheet")}>`;
}
