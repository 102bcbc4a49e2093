import { unitTemplateOptions } from "../../../../src/domain/sheets/options";
import { DEFAULT_SUPERIOR, STATE_SUPERIOR, TAM_DUONG_UNITS, type Unit } from "../../../../src/domain/units";
import { conflictsOf, unitDefaults } from "../../../../src/taskpane/tabs/generate/useGenerateSession";

describe("the Tạo biểu mẫu tab's defaults", () => {
  it("are unitTemplateOptions' (the CLI's) for every unit of the built-in list", () => {
    for (const unit of TAM_DUONG_UNITS) {
      const options = unitTemplateOptions(unit, { created: "2021-06-20" });
      const defaults = unitDefaults(unit.name, TAM_DUONG_UNITS);
      expect(defaults).toEqual({
        superior: options.superior,
        place: options.place,
        level: options.level,
        ...(options.unitCode !== undefined ? { unitCode: options.unitCode } : {}),
      });
    }
  });

  it("follow the precedence: the list's own entry, then the built-in list's entry of the same unit, then the defaults", () => {
    const list: Unit[] = [
      { name: "Chi bộ Trường THPT Tam Đường", level: "co-so", superior: "ĐẢNG ỦY KHỐI CƠ QUAN" },
      // On the list in use without a superior body: the built-in list's entry says UBND.
      { name: "Phòng Nội vụ", level: "huyen" },
    ];
    expect(unitDefaults("Chi bộ Trường THPT Tam Đường", list)).toMatchObject({ superior: "ĐẢNG ỦY KHỐI CƠ QUAN", place: "Tam Đường", level: "co-so" });
    expect(unitDefaults("Phòng Nội vụ", list)).toMatchObject({ superior: STATE_SUPERIOR, unitCode: "PHONG-NOI-VU", level: "huyen" });
    expect(unitDefaults("Đảng ủy xã Bản Bo", list)).toMatchObject({ superior: DEFAULT_SUPERIOR, place: "Bản Bo", level: "co-so" });
    expect(unitDefaults("Chi bộ mới", [])).toEqual({ superior: DEFAULT_SUPERIOR, place: "Tam Đường", level: "co-so" });
  });

  it("tells a sheet-name clash from any other failure", () => {
    const clash = Object.assign(new Error("clash"), { name: "LayoutConflictError", conflicts: [{ name: "Văn bản", renameTo: "Văn bản (cũ)" }] });
    expect(conflictsOf(clash)).toEqual([{ name: "Văn bản", renameTo: "Văn bản (cũ)" }]);
    expect(conflictsOf(new Error("Sổ làm việc đang được bảo vệ."))).toBeNull();
  });
});
