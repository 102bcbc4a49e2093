/**
 * The name of a feedback file is made from the unit's file name, which comes
 * from outside: it is a name any file system takes (at most 255 bytes with
 * " - góp ý (n).xlsx" after it) and one that cannot be shown otherwise than it
 * is (no bidirectional overrides, which can make "…‮xslx.exe" read as
 * "…exe.xlsx", and no control characters).
 */
import { feedbackFileName, uniqueNames } from "../../../src/domain/feedback";

const utf8 = (s: string) => new TextEncoder().encode(s).length;

describe("feedbackFileName", () => {
  it("is the file's stem and \" - góp ý\"", () => {
    expect(feedbackFileName("Báo cáo xã Bản Bo.xls")).toBe("Báo cáo xã Bản Bo - góp ý.xlsx");
    expect(feedbackFileName("thu-muc/ban-bo.xlsm", "xlsm")).toBe("ban-bo - góp ý.xlsm");
  });

  it("drops bidirectional overrides, isolates and marks, and C1 controls", () => {
    const name = feedbackFileName("a\u202Egpj.\u2066b\u2069\u200F\u061C\u0085\u009B31mc\u2028d.xlsx");
    expect(name).toBe("a gpj. b 31mc d - góp ý.xlsx");
    expect(name).not.toMatch(/[\u0080-\u009f\u061c\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069]/);
  });

  it("fits in 255 bytes, with a number after it too, and never cuts a character", () => {
    for (const stem of ["Ữ".repeat(83), "a".repeat(250), "😀".repeat(60), `a${"😀".repeat(100)}`]) {
      const [first, second] = uniqueNames([feedbackFileName(`${stem}.xlsx`), feedbackFileName(`${stem}.ods`)]);
      expect(utf8(first!)).toBeLessThanOrEqual(255);
      expect(utf8(second!)).toBeLessThanOrEqual(255);
      expect(second).toMatch(/ - góp ý \(2\)\.xlsx$/);
      expect(first).not.toMatch(/[\ud800-\udbff](?![\udc00-\udfff])/);
      expect(first).not.toContain("\ufffd");
    }
  });
});
