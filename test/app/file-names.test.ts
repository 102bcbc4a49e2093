import { digestsNeeded, newFiles, withDistinctNames, withReadDigests } from "../../src/app/file-names";

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

describe("files chosen again", () => {
  const digest = (byte: number) => String(byte).repeat(64);
  const digests = (files: readonly { bytes: Uint8Array }[]) => files.map((f) => digest(f.bytes[0]!));

  it("a real file named as one made up for another is read, under a name of its own; the very same file chosen again is not", () => {
    const first = [file("Bao cao.xlsx", 1), file("Bao cao.xlsx", 2)];
    const one = newFiles(first, digests(first), []);
    expect(one.files.map((f) => f.name)).toEqual(["Bao cao.xlsx", "Bao cao (2).xlsx"]);
    expect(one.chosen).toEqual([
      { chosenAs: "Bao cao.xlsx", name: "Bao cao.xlsx", sha256: digest(1) },
      { chosenAs: "Bao cao.xlsx", name: "Bao cao (2).xlsx", sha256: digest(2) },
    ]);
    expect(one.again).toBe(0);

    // Later: a file really named "Bao cao (2).xlsx", and the two first ones again.
    const later = [file("Bao cao (2).xlsx", 3), file("Bao cao.xlsx", 1), file("Bao cao.xlsx", 2)];
    const two = newFiles(later, digests(later), one.chosen, new Set(["Bao cao.xlsx", "Bao cao (2).xlsx"]));
    expect(two.files.map((f) => [f.name, f.bytes[0]])).toEqual([["Bao cao (2) (2).xlsx", 3]]);
    expect(two.chosen).toEqual([{ chosenAs: "Bao cao (2).xlsx", name: "Bao cao (2) (2).xlsx", sha256: digest(3) }]);
    expect(two.again).toBe(2);

    // And that real file again: known now.
    const chosen = [...one.chosen, ...two.chosen];
    expect(newFiles([file("Bao cao (2).xlsx", 3)], [digest(3)], chosen).again).toBe(1);
  });

  it("gives the files chosen before, each once under its name in the list, so their bytes are held again", () => {
    const chosen = [
      { chosenAs: "Bao cao.xlsx", name: "Bao cao.xlsx", sha256: digest(1) },
      { chosenAs: "Bao cao.xlsx", name: "Bao cao (2).xlsx", sha256: digest(2) },
    ];
    const picked = [file("Bao cao.xlsx", 2), file("Bao cao.xlsx", 2), file("Bao cao.xlsx", 1), file("moi.xlsx", 5)];
    const out = newFiles(picked, digests(picked), chosen, new Set(["Bao cao.xlsx", "Bao cao (2).xlsx"]));
    expect(out.known.map((f) => [f.name, f.bytes[0]])).toEqual([
      ["Bao cao (2).xlsx", 2],
      ["Bao cao.xlsx", 1],
    ]);
    expect(out.files.map((f) => f.name)).toEqual(["moi.xlsx"]);
  });

  it("a file of a name chosen before with other bytes (a corrected file sent under the same name) is read; one chosen twice at once, once", () => {
    const chosen = [{ chosenAs: "Ban Bo.xlsx", name: "Ban Bo.xlsx", sha256: digest(1) }];
    const picked = [file("Ban Bo.xlsx", 4), file("Ban Bo.xlsx", 4), file("Ban Bo.xlsx", 1)];
    const out = newFiles(picked, digests(picked), chosen, new Set(["Ban Bo.xlsx"]));
    expect(out.files.map((f) => [f.name, f.bytes[0]])).toEqual([["Ban Bo (2).xlsx", 4]]);
    expect(out.again).toBe(2);
  });

  it("a container's name is kept from another container's of the same name, whose files are named after it", () => {
    const chosen = [{ chosenAs: "thu.eml", name: "thu.eml", sha256: digest(1) }];
    // The sources hold only the files inside ("thu.eml › Bao cao.xlsx"): the container's name is taken all the same.
    const out = newFiles([file("thu.eml", 2)], [digest(2)], chosen, new Set(["thu.eml › Bao cao.xlsx"]));
    expect(out.files.map((f) => f.name)).toEqual(["thu (2).eml"]);
    expect(newFiles([file("thu.eml", 1)], [digest(1)], chosen).again).toBe(1);
  });
});

describe("which files are hashed before reading", () => {
  const digest = (byte: number) => String(byte).repeat(64);

  it("only one of a name chosen before, one of a name given twice, and a message or an archive", () => {
    const chosen = [{ chosenAs: "Ban Bo.xlsx", name: "Ban Bo.xlsx", sha256: digest(1) }];
    const picked = [file("Ban Bo.xlsx"), file("Xa A.xlsx"), file("Xa B.xls"), file("Xa B.xls"), file("thu.EML"), file("goi.zip"), file("Xa C.ods")];
    expect(digestsNeeded(picked, chosen)).toEqual([true, false, true, true, true, true, false]);
  });

  it("a file not hashed is not taken for one chosen before, and its digest is handed on only when taken", () => {
    const chosen = [{ chosenAs: "Ban Bo.xlsx", name: "Ban Bo.xlsx", sha256: digest(1) }];
    const out = newFiles([file("Xa A.xlsx", 1), file("Ban Bo.xlsx", 2)], [undefined, digest(2)], chosen, new Set(["Ban Bo.xlsx"]));
    expect(out.files.map((f) => [f.name, f.sha256])).toEqual([
      ["Xa A.xlsx", undefined],
      ["Ban Bo (2).xlsx", digest(2)],
    ]);
    expect(out.chosen.map((c) => c.sha256)).toEqual(["", digest(2)]);
  });

  it("the digests not taken before reading are those of the sources read under the files' names in the list", () => {
    const chosen = [
      { chosenAs: "Xa A.xlsx", name: "Xa A.xlsx", sha256: "" },
      { chosenAs: "Ban Bo.xlsx", name: "Ban Bo (2).xlsx", sha256: digest(2) },
      { chosenAs: "anh.jpg", name: "anh.jpg", sha256: "" },
    ];
    const sources = [
      { file: "thu.eml › Xa A.xlsx", sha256: digest(7), origin: { kind: "email" as const, container: "thu.eml" } },
      { file: "Xa A.xlsx", sha256: digest(3) },
      { file: "Ban Bo (2).xlsx", sha256: digest(2) },
    ];
    expect(withReadDigests(chosen, sources).map((c) => c.sha256)).toEqual([digest(3), digest(2), ""]);
  });
});
