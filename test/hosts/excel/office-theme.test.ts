import { onOfficeThemeChanged, readOfficeTheme, type OfficeThemeSource } from "../../../src/hosts/excel/office-theme";

describe("readOfficeTheme", () => {
  it("gives Office's colours and isDarkTheme as they are", () => {
    const office: OfficeThemeSource = {
      context: {
        officeTheme: { bodyBackgroundColor: "#262626", bodyForegroundColor: "#FFFFFF", controlBackgroundColor: "#000000", controlForegroundColor: "#FFFFFF", isDarkTheme: true, themeId: 5 },
      },
    };
    expect(readOfficeTheme(office)).toEqual({
      bodyBackgroundColor: "#262626",
      bodyForegroundColor: "#FFFFFF",
      controlBackgroundColor: "#000000",
      controlForegroundColor: "#FFFFFF",
      isDarkTheme: true,
    });
  });

  it("is null outside Office, where the host has no Office theme, and where asking for it fails", () => {
    expect(readOfficeTheme(undefined)).toBeNull();
    expect(readOfficeTheme({})).toBeNull();
    expect(readOfficeTheme({ context: {} })).toBeNull();
    const refusing = {
      context: {
        get officeTheme(): unknown {
          throw new Error("GetOfficeThemeInfo failed");
        },
      },
    };
    expect(readOfficeTheme(refusing)).toBeNull();
  });

  it("leaves out what is not of its type (an Office 2016 theme has no isDarkTheme)", () => {
    expect(readOfficeTheme({ context: { officeTheme: { bodyBackgroundColor: "#6A6A6A", bodyForegroundColor: 15790320 } } })).toEqual({
      bodyBackgroundColor: "#6A6A6A",
      bodyForegroundColor: undefined,
      controlBackgroundColor: undefined,
      controlForegroundColor: undefined,
      isDarkTheme: undefined,
    });
  });
});

describe("onOfficeThemeChanged", () => {
  it("does nothing in Excel, whose office.js has no OfficeThemeChanged event", () => {
    const addHandlerAsync = jest.fn();
    const stop = onOfficeThemeChanged(jest.fn(), { EventType: {}, context: { document: { addHandlerAsync } } });
    expect(addHandlerAsync).not.toHaveBeenCalled();
    expect(() => stop()).not.toThrow();
    expect(() => onOfficeThemeChanged(jest.fn(), undefined)()).not.toThrow();
  });

  it("listens where the host has the event, and stops", () => {
    let handler: ((args: unknown) => void) | undefined;
    const addHandlerAsync = jest.fn((_type: unknown, h: (args: unknown) => void) => {
      handler = h;
    });
    const removeHandlerAsync = jest.fn();
    const onChange = jest.fn();
    const stop = onOfficeThemeChanged(onChange, {
      EventType: { OfficeThemeChanged: "officeThemeChanged" },
      context: { document: { addHandlerAsync, removeHandlerAsync } },
    });
    expect(addHandlerAsync).toHaveBeenCalledWith("officeThemeChanged", handler);
    handler!({ type: "officeThemeChanged" });
    expect(onChange).toHaveBeenCalledTimes(1);
    stop();
    expect(removeHandlerAsync).toHaveBeenCalledWith("officeThemeChanged", { handler });
  });

  it("does not fail when the host refuses the handler", () => {
    const addHandlerAsync = jest.fn(() => {
      throw new Error("Sys.ArgumentException");
    });
    const stop = onOfficeThemeChanged(jest.fn(), { EventType: { OfficeThemeChanged: "officeThemeChanged" }, context: { document: { addHandlerAsync } } });
    expect(() => stop()).not.toThrow();
  });
});
