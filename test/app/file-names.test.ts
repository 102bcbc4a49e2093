import { withDistinctNames } from "../../src/app/file-names";

const file = (name: string, byte = 0) => ({ name, bytes: new Uint8Array([byte]) });

describe("files chosen together that share a name", () => {
  it("each keep a name of their own, numbered as a file saved twice is, clear of the names taken", () => {
    const out = withDistinctNames([file("Bao cao.xlsx", 1), file("Bao cao.xlsx", 2), file("Bao cao.xlsx", 3), file("khac.xls"), file("README")], new Set(["Bao cao (2).xlsx"]));
    expect(out.map((f) => [f.name, f.bytes[0]])).toEqual([
      ["Bao cao.xlsx", 1],
      ["Bao cao (3).xlsx", 2],
      ["Bao cao (4).xlsx", 3],
      ["khac.xls", 0],
      ["README", 0],
    ]);
    expect(withDistinctNames([file("README"), file("README")]).map((f) => f.name)).toEqual(["README", "README (2)"]);
  });
});
