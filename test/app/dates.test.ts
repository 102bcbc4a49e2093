import { parseDayInput } from "../../src/app/dates";
import { deadlineOf } from "../../src/app/merge";
import { DEADLINES } from "../../src/domain/catalogue";

describe("a typed day (the CLI's --deadline)", () => {
  it("has one parser for a typed day", () => {
    expect(parseDayInput("2021-06-25")).toBe("2021-06-25");
    expect(parseDayInput("25/6/2021")).toBe("2021-06-25");
    expect(parseDayInput("05.06.2021")).toBe("2021-06-05");
    expect(parseDayInput("31/2/2021")).toBeNull();
    // A year of two digits is this century's.
    expect(parseDayInput("25/06/21")).toBe("2021-06-25");
    expect(parseDayInput("5-6-21")).toBe("2021-06-05");
    expect(parseDayInput("31/02/21")).toBeNull();
    expect(parseDayInput("25/06/021")).toBeNull();
    expect(parseDayInput("hạn 25/6/2021")).toBeNull();
    expect(parseDayInput("2021/25/6")).toBeNull();
    expect(deadlineOf(undefined)).toBe(DEADLINES.sendToDistrict);
    expect(() => deadlineOf("mai")).toThrow(/--deadline/);
  });
});
