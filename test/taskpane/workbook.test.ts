import { workbookUseCasesFor } from "../../src/taskpane/workbook";

describe("workbookUseCasesFor", () => {
  it("is null on the standalone page", async () => {
    expect(await workbookUseCasesFor({ host: "standalone", excelApi: 0, platform: null })).toBeNull();
  });

  it("inside Excel gives the Office.js-backed workbook use cases", async () => {
    const workbook = await workbookUseCasesFor({ host: "excel", excelApi: 9, platform: "PC" });
    expect(workbook).not.toBeNull();
    for (const method of ["sheetNames", "insertLayout", "readWorkbook", "readUnits", "selectCell", "highlight", "clearHighlight", "onChanged", "writeSummary"]) {
      expect(typeof (workbook as unknown as Record<string, unknown>)[method]).toBe("function");
    }
  });
});
