/**
 * The smallest .xlsx around one worksheet part given as it is (its XML, or its bytes when a test
 * needs bytes no text gives), with a shared-strings and a styles part when given: the zip's content
 * types, relationships and a workbook naming the sheet "Chỉ tiêu". For tests of how a worksheet's own
 * XML is read.
 */
import { strToU8, zipSync } from "fflate";

export const SPREADSHEET_MAIN = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
const REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
const TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml";

export function sheetWorkbook(sheet: string | Uint8Array, parts: { readonly sharedStrings?: string; readonly styles?: string } = {}): Uint8Array {
  const extra = [
    { name: "sharedStrings", xml: parts.sharedStrings, id: "rId2" },
    { name: "styles", xml: parts.styles, id: "rId3" },
  ].filter((p): p is { name: string; xml: string; id: string } => p.xml !== undefined);
  return zipSync({
    "[Content_Types].xml": strToU8(
      `<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="${TYPE}.sheet.main+xml"/><Override PartName="/xl/worksheets/sheet1.xml" ContentType="${TYPE}.worksheet+xml"/>${extra.map((p) => `<Override PartName="/xl/${p.name}.xml" ContentType="${TYPE}.${p.name}+xml"/>`).join("")}</Types>`,
    ),
    "_rels/.rels": strToU8(
      `<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="${REL}/officeDocument" Target="xl/workbook.xml"/></Relationships>`,
    ),
    "xl/workbook.xml": strToU8(`<?xml version="1.0" encoding="UTF-8"?><workbook xmlns="${SPREADSHEET_MAIN}" xmlns:r="${REL}"><sheets><sheet name="Chỉ tiêu" sheetId="1" r:id="rId1"/></sheets></workbook>`),
    "xl/_rels/workbook.xml.rels": strToU8(
      `<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="${REL}/worksheet" Target="worksheets/sheet1.xml"/>${extra.map((p) => `<Relationship Id="${p.id}" Type="${REL}/${p.name}" Target="${p.name}.xml"/>`).join("")}</Relationships>`,
    ),
    ...Object.fromEntries(extra.map((p) => [`xl/${p.name}.xml`, strToU8(p.xml)])),
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
