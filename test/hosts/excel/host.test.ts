import { detectHost, featureSupport, STANDALONE, type OfficeLike } from "../../../src/hosts/excel/host";

const EXCEL = "Excel";

function fakeOffice(host: string | null, supportedUpTo: number, platform: string | null = "PC"): OfficeLike {
  return {
    HostType: { Excel: EXCEL },
    onReady: () => Promise.resolve({ host, platform }),
    context: {
      requirements: {
        isSetSupported: (name: string, version?: string) =>
          name === "ExcelApi" && version !== undefined && Number(version.split(".")[1]) <= supportedUpTo,
      },
    },
  };
}

describe("detectHost", () => {
  it("is standalone without office.js", async () => {
    await expect(detectHost(undefined)).resolves.toEqual(STANDALONE);
  });

  it("is standalone when Office.onReady reports no host (page opened in a browser)", async () => {
    await expect(detectHost(fakeOffice(null, 0, null))).resolves.toEqual(STANDALONE);
  });

  it("is standalone in another Office host", async () => {
    await expect(detectHost(fakeOffice("Word", 9))).resolves.toEqual(STANDALONE);
  });

  it("reports the highest ExcelApi set inside Excel", async () => {
    await expect(detectHost(fakeOffice(EXCEL, 7))).resolves.toEqual({ host: "excel", excelApi: 7, platform: "PC" });
    await expect(detectHost(fakeOffice(EXCEL, 12, "OfficeOnline"))).resolves.toEqual({
      host: "excel",
      excelApi: 12,
      platform: "OfficeOnline",
    });
  });

  it("falls back to standalone when Office never answers", async () => {
    const silent: OfficeLike = { HostType: { Excel: EXCEL }, onReady: () => new Promise(() => undefined) };
    const warn = jest.spyOn(console, "warn").mockImplementation(() => undefined);
    try {
      await expect(detectHost(silent, 20)).resolves.toEqual(STANDALONE);
      expect(warn).toHaveBeenCalledWith(expect.stringContaining("Office.onReady"));
    } finally {
      warn.mockRestore();
    }
  });
});

describe("featureSupport", () => {
  it("needs ExcelApi 1.8 for data validation and 1.9 for page layout", () => {
    expect(featureSupport(7)).toEqual({ dataValidation: false, pageLayout: false });
    expect(featureSupport(8)).toEqual({ dataValidation: true, pageLayout: false });
    expect(featureSupport(9)).toEqual({ dataValidation: true, pageLayout: true });
  });
});
