/**
 * A file whose workbook and own name name no unit is placed by the folders it sat in, the nearest
 * first: a dropped folder's path, an archive's entry folders, the archive or message holding it;
 * each read by the rules of a file's name. A file's own name is the last part of its path, inside an
 * archive or a message too.
 */
import { mergeReports, type MergeSource } from "../../src/domain/merge";
import type { SourceOrigin } from "../../src/domain/merge/types";
import { place } from "../../src/domain/merge/place";
import type { UnitReport } from "../../src/domain/model/report";
import { namesBodyOrPlace, namesNoUnit, unitFromFileName, unitFromFolderName } from "../../src/domain/read/unit";
import { TAM_DUONG_UNITS } from "../../src/domain/units";

/** A file as the reader gives it when nothing in the workbook names a unit: its unit read from its (shown) name. */
function source(file: string, origin?: SourceOrigin): MergeSource {
  const report: UnitReport = { fileName: file, unit: { name: unitFromFileName(file), source: "file-name" }, reportDate: null, indicators: {}, documents: [], issues: [] };
  return { file, sha256: file.padEnd(64, "0").slice(0, 64), report, ...(origin ? { origin } : {}) };
}

/** A file inside an archive, shown as "container › path". */
function inArchive(container: string, path: string): MergeSource {
  return source(`${container} › ${path}`, { kind: "zip", container, path });
}

const options = { units: TAM_DUONG_UNITS };

describe("placing a file by the folders it sat in", () => {
  it("a dropped folder: the folder named after the unit, the file named only as a report", () => {
    expect(place(source("Báo cáo các xã/Xã Bản Bo/bao-cao.xlsx"), options)).toMatchObject({ unit: "Đảng ủy xã Bản Bo", onList: true, unitSource: "file-name" });
    expect(place(source("Báo cáo các xã\\Đảng ủy xã Nà Tăm\\Báo cáo.xlsx"), options)).toMatchObject({ unit: "Đảng ủy xã Nà Tăm", onList: true });
  });

  it("the nearest folder first, then the outer ones", () => {
    expect(place(source("Xã Bản Bo/Xã Nà Tăm/bao-cao.xlsx"), options)).toMatchObject({ unit: "Đảng ủy xã Nà Tăm" });
    expect(place(source("Xã Bản Bo/Tháng 6/bao-cao.xlsx"), options)).toMatchObject({ unit: "Đảng ủy xã Bản Bo" });
  });

  it("a folder's name by the rules of a file's: the words naming the report, a version, left out", () => {
    expect(place(source("Báo cáo Đề án 241 - Bình Lư (sửa)/bao-cao.xlsx"), options)).toMatchObject({ unit: "Đảng ủy xã Bình Lư", onList: true });
    expect(place(source("BC DA241 - Sơn Bình bổ sung/Số liệu.xlsx"), options)).toMatchObject({ unit: "Đảng ủy xã Sơn Bình", onList: true });
    // A folder keeps what follows its last dot: it is no extension.
    expect(unitFromFolderName("Đ.U Bản Bo")).toBe("Đ.U Bản Bo");
    expect(unitFromFileName("Đ.U Bản Bo.xlsx")).toBe("Đ.U Bản Bo");
  });

  it("a folder named otherwise than the list: placed, and said as a name matched loosely", () => {
    const p = place(source("Xã Bản Bo/bao-cao.xlsx"), options);
    expect(p.source.report!.issues).toEqual([expect.objectContaining({ rule: "unit-matched-loosely", params: { text: "Xã Bản Bo", unit: "Đảng ủy xã Bản Bo" } })]);
  });

  it("an archive: the entry's folders, then the archive's own name", () => {
    expect(place(inArchive("goi.zip", "Xã Bản Bo/bao-cao.xlsx"), options)).toMatchObject({ unit: "Đảng ủy xã Bản Bo", onList: true, unitSource: "file-name" });
    expect(place(inArchive("Xã Bản Giang.zip", "bao-cao.xlsx"), options)).toMatchObject({ unit: "Đảng ủy xã Bản Giang", onList: true });
    expect(place(inArchive("goi.zip", "Bản Hon.rar › 2021/bao-cao.xlsx"), options)).toMatchObject({ unit: "Đảng ủy xã Bản Hon", onList: true });
    // The archive dropped inside a unit's folder on the pane.
    expect(place(inArchive("Các xã/Xã Hồ Thầu/goi.zip", "bao-cao.xlsx"), options)).toMatchObject({ unit: "Đảng ủy xã Hồ Thầu", onList: true });
  });

  it("a file's own name is the last part of its path inside an archive or a message", () => {
    expect(place(inArchive("goi.zip", "Bản Bo.xlsx"), options)).toMatchObject({ unit: "Đảng ủy xã Bản Bo", onList: true });
    const attachment = source("thư.eml › Báo cáo xã Tả Lèng.xlsx", { kind: "email", container: "thư.eml", subject: "Báo cáo", path: "Báo cáo xã Tả Lèng.xlsx" });
    expect(place(attachment, options)).toMatchObject({ unit: "Đảng ủy xã Tả Lèng", onList: true });
  });

  it("the workbook's own name and the file's name come before any folder", () => {
    const header: MergeSource = { ...source("Xã Bản Bo/bao-cao.xlsx"), report: { ...source("x").report!, unit: { name: "Đảng ủy xã Nà Tăm", source: "header" } } };
    expect(place(header, options)).toMatchObject({ unit: "Đảng ủy xã Nà Tăm", unitSource: "header" });
    expect(place(source("Xã Bản Bo/Bình Lư.xlsx"), options)).toMatchObject({ unit: "Đảng ủy xã Bình Lư" });
  });

  it("folders that name no unit leave the file off the list as before", () => {
    expect(place(source("Báo cáo các xã/Tháng 6/bao-cao.xlsx"), options)).toMatchObject({ onList: false, unitSource: "file-name" });
  });

  it("two files of one name in two units' folders are two units' reports, neither superseded", () => {
    const summary = mergeReports([inArchive("goi.zip", "Xã Bản Bo/bao-cao.xlsx"), inArchive("goi.zip", "Xã Bản Giang/bao-cao.xlsx")], options);
    expect(summary.files.map((f) => [f.unit, f.status])).toEqual([
      ["Đảng ủy xã Bản Bo", "merged"],
      ["Đảng ủy xã Bản Giang", "merged"],
    ]);
  });
  it("two files off the list of one generic name in two folders stay two entries, each named by its path", () => {
    const summary = mergeReports([source("a/bao-cao.xlsx"), source("b/bao-cao.xlsx")], options);
    expect(summary.files.map((f) => [f.file, f.unit, f.status, f.onList])).toEqual([
      ["a/bao-cao.xlsx", "a/bao-cao", "merged", false],
      ["b/bao-cao.xlsx", "b/bao-cao", "merged", false],
    ]);
    expect(summary.files.every((f) => f.changes === undefined)).toBe(true);
    expect(summary.unlisted).toEqual(["a/bao-cao.xlsx", "b/bao-cao.xlsx"]);
    expect(summary.perUnit.map((u) => u.unit)).toEqual(["a/bao-cao", "b/bao-cao"]);
    const beside = mergeReports([source("bao-cao.xlsx"), source("Các xã\\bao-cao.xlsx")], options);
    expect(beside.files.map((f) => [f.unit, f.status])).toEqual([
      ["bao-cao", "merged"],
      ["Các xã\\bao-cao", "merged"],
    ]);
  });

  it("two archives each holding a file of one generic name: two entries, named by the archive", () => {
    const summary = mergeReports([inArchive("goi-1.zip", "Báo cáo.xlsx"), inArchive("goi-2.zip", "Báo cáo.xlsx")], options);
    expect(summary.files.map((f) => [f.unit, f.status])).toEqual([
      ["goi-1.zip › Báo cáo", "merged"],
      ["goi-2.zip › Báo cáo", "merged"],
    ]);
  });

  it("a file off the list sent again in its folder, or at the same path, still supersedes the first", () => {
    const again = mergeReports([source("a/Chi bộ Thôn 5.xlsx"), source("a/Chi bộ Thôn 5 (sửa).xlsx")], options);
    expect(again.files.map((f) => [f.unit, f.status])).toEqual([
      ["Chi bộ Thôn 5", "superseded"],
      ["Chi bộ Thôn 5", "merged"],
    ]);
    const same = source("a/bao-cao.xlsx");
    const twice = mergeReports([same, { ...same, sha256: "f".repeat(64) }, source("b/bao-cao.xlsx")], options);
    expect(twice.files.map((f) => [f.unit, f.status])).toEqual([
      ["a/bao-cao", "superseded"],
      ["a/bao-cao", "merged"],
      ["b/bao-cao", "merged"],
    ]);
  });
  it("a file off the list whose own name names its unit, kept again in another folder, supersedes the first", () => {
    const again = mergeReports([source("Đợt 1/Chi bộ Thôn 5.xlsx"), source("Gửi lại/Chi bộ Thôn 5.xlsx")], options);
    expect(again.files.map((f) => [f.unit, f.status])).toEqual([
      ["Chi bộ Thôn 5", "superseded"],
      ["Chi bộ Thôn 5", "merged"],
    ]);
    expect(again.perUnit.map((u) => u.unit)).toEqual(["Chi bộ Thôn 5"]);
  });

  it("the unit read from a file's own name inside a message or an archive is not the container's", () => {
    expect(unitFromFileName("thư 1.eml › Chi bộ Thôn 5.xlsx")).toBe("Chi bộ Thôn 5");
    expect(unitFromFileName("goi.zip › Bản Hon.rar › Chi bộ Thôn 5 (sửa).xls")).toBe("Chi bộ Thôn 5");
    expect(unitFromFileName("Hộp thư/goi.zip › 2021/Chi bộ Thôn 5.xlsx")).toBe("Chi bộ Thôn 5");
  });

  describe("a file off the list named after its unit, sent again in a second message or archive", () => {
    const NAME = "Chi bộ Thôn 5.xlsx";
    // A message saved from the mail client the day it came: its file's time, and its Date header.
    const mail = (container: string, date: string, name = NAME, from = "Chi bộ Thôn 5 <chibothon5@gmail.com>"): MergeSource => ({
      ...source(`${container} › ${name}`, { kind: "email", container, subject: "Báo cáo Đề án 241", from, path: name, date }),
      fileTime: date,
    });
    const archive = (container: string, fileTime: string, name = NAME): MergeSource => ({ ...inArchive(container, name), fileTime });
    const verdicts = (sources: MergeSource[]) => mergeReports(sources, options).files.map((f) => [f.file, f.unit, f.status]);

    it("two messages: one unit, the message sent later used, whichever is given first", () => {
      const summary = mergeReports([mail("thư 2.eml", "2021-06-22T03:00:00.000Z"), mail("thư 1.eml", "2021-06-20T02:15:02.000Z")], options);
      expect(summary.files.map((f) => [f.file, f.unit, f.status])).toEqual([
        ["thư 2.eml › Chi bộ Thôn 5.xlsx", "Chi bộ Thôn 5", "merged"],
        ["thư 1.eml › Chi bộ Thôn 5.xlsx", "Chi bộ Thôn 5", "superseded"],
      ]);
      expect(summary.files[1]!.reason).toContain("theo ngày giờ của thư điện tử");
      expect(summary.perUnit.map((u) => u.unit)).toEqual(["Chi bộ Thôn 5"]);
      expect(summary.unlisted).toEqual(["thư 2.eml › Chi bộ Thôn 5.xlsx", "thư 1.eml › Chi bộ Thôn 5.xlsx"]);
    });

    it("from one sender, written otherwise too: one unit, the later message used", () => {
      expect(verdicts([mail("thư 2.eml", "2021-06-22T03:00:00.000Z", "Chi bộ Thôn 5 (sửa).xlsx", "CHIBOTHON5@gmail.com"), mail("thư 1.eml", "2021-06-20T02:15:02.000Z")])).toEqual([
        ["thư 2.eml › Chi bộ Thôn 5 (sửa).xlsx", "Chi bộ Thôn 5", "merged"],
        ["thư 1.eml › Chi bộ Thôn 5.xlsx", "Chi bộ Thôn 5", "superseded"],
      ]);
    });

    it("a name any unit's file may have (\"Book1.xlsx\") stays two units' files, from two senders or from one (a commune passing on its villages' files)", () => {
      const two = [mail("tu-thon-5.eml", "2021-06-20T02:15:02.000Z", "Book1.xlsx"), mail("tu-thon-6.eml", "2021-06-22T03:00:00.000Z", "Book1.xlsx", "chibothon6@gmail.com")];
      expect(verdicts(two)).toEqual([
        ["tu-thon-5.eml › Book1.xlsx", "tu-thon-5.eml › Book1", "merged"],
        ["tu-thon-6.eml › Book1.xlsx", "tu-thon-6.eml › Book1", "merged"],
      ]);
      expect(verdicts([two[0]!, mail("tu-xa.eml", "2021-06-22T03:00:00.000Z", "Book1.xlsx")])).toEqual([
        ["tu-thon-5.eml › Book1.xlsx", "tu-thon-5.eml › Book1", "merged"],
        ["tu-xa.eml › Book1.xlsx", "tu-xa.eml › Book1", "merged"],
      ]);
      // Alone, it is named by its message: "Book1" and "6 tháng" name no unit.
      expect(verdicts([mail("thư.eml", "2021-06-20T02:15:02.000Z", "Báo cáo 6 tháng.xlsx")])).toEqual([["thư.eml › Báo cáo 6 tháng.xlsx", "thư.eml › 6 tháng", "merged"]]);
      // Given as they are, from two folders, they are two files too.
      expect(verdicts([source("a/Book1.xlsx"), source("b/Book1.xlsx")])).toEqual([
        ["a/Book1.xlsx", "a/Book1", "merged"],
        ["b/Book1.xlsx", "b/Book1", "merged"],
      ]);
    });

    it("two archives, or a file given as is beside a message, stay apart: nothing says one sender sent both", () => {
      expect(verdicts([archive("goi-2.zip", "2021-06-22T08:00:00.000Z"), archive("goi-1.zip", "2021-06-20T08:00:00.000Z")])).toEqual([
        ["goi-2.zip › Chi bộ Thôn 5.xlsx", "goi-2.zip › Chi bộ Thôn 5", "merged"],
        ["goi-1.zip › Chi bộ Thôn 5.xlsx", "goi-1.zip › Chi bộ Thôn 5", "merged"],
      ]);
      const loose: MergeSource = { ...source(NAME), fileTime: "2021-06-20T08:00:00.000Z" };
      expect(verdicts([mail("thư 2.eml", "2021-06-22T03:00:00.000Z"), loose])).toEqual([
        ["thư 2.eml › Chi bộ Thôn 5.xlsx", "thư 2.eml › Chi bộ Thôn 5", "merged"],
        ["Chi bộ Thôn 5.xlsx", "Chi bộ Thôn 5", "merged"],
      ]);
    });

    it("two units off the list, each in its message, stay two; so do files of a generic name in two messages", () => {
      expect(verdicts([mail("thư 1.eml", "2021-06-20T02:15:02.000Z"), mail("thư 2.eml", "2021-06-22T03:00:00.000Z", "Chi bộ Thôn 6.xlsx")])).toEqual([
        ["thư 1.eml › Chi bộ Thôn 5.xlsx", "Chi bộ Thôn 5", "merged"],
        ["thư 2.eml › Chi bộ Thôn 6.xlsx", "Chi bộ Thôn 6", "merged"],
      ]);
      // Alone, it is named by its message too: "bao-cao" names no unit.
      expect(verdicts([mail("Chi bộ Thôn 7.eml", "2021-06-20T02:15:02.000Z", "bao-cao.xlsx")])).toEqual([["Chi bộ Thôn 7.eml › bao-cao.xlsx", "Chi bộ Thôn 7.eml › bao-cao", "merged"]]);
      expect(verdicts([mail("thư 1.eml", "2021-06-20T02:15:02.000Z", "bao-cao.xlsx"), mail("thư 2.eml", "2021-06-22T03:00:00.000Z", "bao-cao.xlsx")])).toEqual([
        ["thư 1.eml › bao-cao.xlsx", "thư 1.eml › bao-cao", "merged"],
        ["thư 2.eml › bao-cao.xlsx", "thư 2.eml › bao-cao", "merged"],
      ]);
    });
  });

  it("a file's name names a body or a place as a unit's does, or may be any unit's", () => {
    for (const name of ["Chi bộ Thôn 5.xlsx", "Bản Bo (sửa).xlsx", "Đảng ủy xã Nà Tăm.xls", "Phòng Văn hóa bổ sung.xlsx", "BC DA241 - Tổ 1.xlsx", "Trường Mầm non 1-6.ods", "CB Noong Vai.xlsx"]) {
      expect([name, namesBodyOrPlace(name)]).toEqual([name, true]);
    }
    for (const name of ["Book1.xlsx", "Biểu mẫu.xlsx", "Phụ lục 1.xlsx", "Báo cáo 6 tháng.xlsx", "Tổng hợp.xlsx", "Mẫu báo cáo.xlsx", "Document.xlsx", "232-CV-HU.xlsx", "Bieu so lieu.xls", "bao-cao.xlsx"]) {
      expect([name, namesBodyOrPlace(name)]).toEqual([name, false]);
    }
  });

  it("a name of nothing but the report's words, a version, a copy's number or a day names no unit", () => {
    for (const name of ["bao-cao.xlsx", "Báo cáo.xlsx", "Báo cáo (sửa).xlsx", "BC DA241 lần 2.xls", "So_lieu 20.6.2021.xlsx", "bao cao (1).ods", "Kết quả thực hiện - bản sửa.xlsx"]) {
      expect([name, namesNoUnit(name)]).toEqual([name, true]);
    }
    for (const name of ["Chi bộ Thôn 5.xlsx", "Bản Lãi.xlsx", "Báo cáo Thôn Nà Tăm.xlsx", "Tổ 1.xlsx"]) expect([name, namesNoUnit(name)]).toEqual([name, false]);
    const summary = mergeReports([source("a/Báo cáo (sửa).xlsx"), source("b/Báo cáo (sửa).xlsx")], options);
    expect(summary.files.map((f) => [f.unit, f.status])).toEqual([
      ["a/Báo cáo (sửa)", "merged"],
      ["b/Báo cáo (sửa)", "merged"],
    ]);
  });
});
