/**
 * validate reads each file the way a merge does: through a per-file port under
 * the time limit (a worker thread in the CLI). A file that runs past the limit
 * is stopped with the "timeout" rule naming the file; the next file still goes.
 */
import { checkFiles, validateFile, type FileCheckPort } from "../../../src/app/check";
import { buildUnitWorkbook } from "../../../src/domain/sheets";
import { workerThreadChecker } from "../../../src/hosts/node/read-pool";
import { writeWorkbookXlsx } from "../../../src/io/write";
import { fillTemplate } from "../../support/fill";

describe("checking under a time limit (validate)", () => {
  let files: { file: { name: string; bytes: Uint8Array }; display: string }[];
  beforeAll(async () => {
    const template = await writeWorkbookXlsx(buildUnitWorkbook({ unitName: "Đảng ủy xã Hồ Thầu", place: "Hồ Thầu", level: "co-so", created: "2021-05-01" }));
    files = [
      { file: { name: "ho-thau.xlsx", bytes: await fillTemplate(template, { indicators: { "1.1": [10, 9] } }) }, display: "thu-muc/ho-thau.xlsx" },
      { file: { name: "rac.xlsx", bytes: new Uint8Array([1, 2, 3, 4, 5, 6]) }, display: "rac.xlsx" },
    ];
  });

  it("gives, within the limit, what checking on the main thread gives", async () => {
    const checks = await checkFiles(workerThreadChecker(), files);
    expect(checks).toEqual(files.map((f) => validateFile(f.file, f.display)));
    expect(checks[0]!.results!.find((r) => r.id === "1.1")).toMatchObject({ total: 10, achieved: 9 });
    expect(checks[1]!.readError?.rule).toBe("not-a-workbook");
  }, 60_000);

  it("stops a file that runs past the limit with the timeout rule, and goes on to the next", async () => {
    const slow: FileCheckPort = {
      check: (file, display, { limitMs }) =>
        file.name === "ho-thau.xlsx"
          ? new Promise((resolve) => setTimeout(() => resolve({ failed: "timeout" }), limitMs))
          : Promise.resolve(validateFile(file, display)),
    };
    const checks = await checkFiles(slow, files, { limitMs: 20 });
    expect(checks[0]).toMatchObject({ file: "thu-muc/ho-thau.xlsx", readError: { rule: "timeout", severity: "error" } });
    expect(checks[0]!.readError!.message).toContain("thu-muc/ho-thau.xlsx");
    expect(checks[1]!.readError?.rule).toBe("not-a-workbook");
  });

  it("ends the worker of a file past the limit (no worker starts within 5 ms)", async () => {
    const checks = await checkFiles(workerThreadChecker(), files, { limitMs: 5 });
    expect(checks.map((c) => [c.file, c.readError?.rule])).toEqual([
      ["thu-muc/ho-thau.xlsx", "timeout"],
      ["rac.xlsx", "timeout"],
    ]);
  }, 60_000);
});
