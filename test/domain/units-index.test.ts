/**
 * Long unit lists are matched through maps (by key and by code), short ones entry by entry: both
 * must give the same answer, in the list's order.
 */
import fc from "fast-check";
import { matchUnitDetailed, TAM_DUONG_UNITS, unitByCode, type Unit } from "../../src/domain/units";

/** Units no name typed below can mean. */
const padding = (n: number): Unit[] => Array.from({ length: n }, (_, i) => ({ name: `Tổ công tác Quy${"x".repeat(i + 1)}`, level: "co-so" }));

const typedNames = [
  "Đảng ủy xã Bản Bo",
  "DANG UY XA BAN BO",
  "ĐU xã Bản Bo",
  "Bản Bo",
  "xã Thèn Sin",
  "thị trấn Tam Đường",
  "TT Tam Đường",
  "phong noi vu",
  "Phòng TC-KH",
  "Đài TT-TH",
  "Phòng VH-TT",
  "Trung tâm chính trị huyện Tam Đường",
  "Chi bộ Bản Hon",
  "Bản",
  "Bản Hon",
  "",
];

describe("unit lists matched through maps", () => {
  it("answers as entry-by-entry matching does, whatever the list's length", () => {
    const short = TAM_DUONG_UNITS.slice(0, 10);
    fc.assert(
      fc.property(fc.constantFrom(...typedNames), fc.integer({ min: 6, max: 40 }), (typed, extra) => {
        const long = [...short, ...padding(extra)];
        expect(long.length).toBeGreaterThanOrEqual(16);
        expect(matchUnitDetailed(typed, long)).toEqual(matchUnitDetailed(typed, short));
      }),
    );
  });

  it("lists the units a name fits equally in the list's order", () => {
    const list: Unit[] = [{ name: "Chi bộ Bản Hon", level: "co-so" }, ...padding(20), { name: "Đảng ủy xã Bản Hon", level: "co-so" }];
    const m = matchUnitDetailed("Bản Hon", list);
    expect(m).toEqual({ kind: "ambiguous", units: [list[0], list[21]] });
    expect(matchUnitDetailed("Chi bộ Bản Hon", list)).toEqual({ kind: "exact", unit: list[0] });
  });

  it("finds a unit by its code, the first with it, up to case and diacritics", () => {
    const list: Unit[] = [...padding(20), { name: "A", code: "CB-ĐỒI", level: "co-so" }, { name: "B", code: "cb-doi", level: "co-so" }];
    expect(unitByCode("cb-đồi", list)?.name).toBe("A");
    expect(unitByCode("CB-DOI", list.slice(20))?.name).toBe("A");
    expect(unitByCode("CB-KHAC", list)).toBeUndefined();
    expect(unitByCode("PHONG-NOI-VU", TAM_DUONG_UNITS)?.name).toBe("Phòng Nội vụ");
  });

  it("sees a unit added to a list it has matched before", () => {
    const list: Unit[] = padding(20);
    expect(matchUnitDetailed("Chi bộ Nà Tăm", list).kind).toBe("none");
    list.push({ name: "Chi bộ Nà Tăm", code: "NA-TAM", level: "co-so" });
    expect(matchUnitDetailed("Chi bộ Nà Tăm", list)).toEqual({ kind: "exact", unit: list[20] });
    expect(unitByCode("na-tam", list)?.name).toBe("Chi bộ Nà Tăm");
  });
});
