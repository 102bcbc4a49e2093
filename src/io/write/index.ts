export { writeWorkbookXlsx } from "./xlsx";
export { unitFileNames, writeUnitTemplate, writeUnitTemplatesZip, type UnitTemplatesOptions } from "./zip";
