/**
 * Email messages and archives opened into the spreadsheets inside, with
 * messages and archives made by the programs that make them in the wild.
 */
import { readFileSync } from "node:fs";
import { zipSync } from "fflate";
import { join } from "node:path";
import { buildUnitWorkbook } from "../../../../src/domain/sheets";
import { readWorkbook } from "../../../../src/io/read";
import { decodeCp437, decodeEntryName, expandContainer, NOTHING_ATTACHED, NOTHING_IN_ARCHIVE, safeEntryPath } from "../../../../src/io/read/containers/index";
import { writeWorkbookXlsx } from "../../../../src/io/write";
import { withPaneTextDecoder, withPaneTextDecoderAsync } from "../../../support/pane-decoder";
import {
  INFO_ZIP,
  PYTHON,
  UNRAR,
  listWithUnrar,
  msgNonUnicode,
  msgWithAttachment,
  writeEml,
  writeRar4,
  zipBomb,
  zipLegacyNames,
  zipWithInfoZip,
  zipWithLyingEntry,
} from "../../../fixtures/containers/make-containers";

let BOOK: Uint8Array;
beforeAll(async () => {
  BOOK = await writeWorkbookXlsx(buildUnitWorkbook({ unitName: "Đảng ủy xã Bản Bo", place: "Tam Đường", level: "co-so", created: "2021-05-01" }));
});

const itPython = PYTHON ? it : it.skip;

describe("names inside archives", () => {
  it("decodes CP437 as Windows writes it, and keeps every byte's character", () => {
    expect(decodeCp437(new Uint8Array([0x80, 0x81, 0xe1, 0xff]))).toBe("Çüß\u00a0");
    const all = decodeCp437(new Uint8Array(Array.from({ length: 256 }, (_, i) => i)));
    expect(all).toHaveLength(256);
  });
  it("reads UTF-8 with or without the flag, CP437 otherwise, and Vietnamese Windows names when CP437 gives nonsense", () => {
    const utf8 = new TextEncoder().encode("Báo cáo.xlsx");
    expect(decodeEntryName(utf8, true)).toBe("Báo cáo.xlsx");
    expect(decodeEntryName(utf8, false)).toBe("Báo cáo.xlsx");
    // "Bng c.xlsx" with CP437's "é" (0x82): a name a Windows user in Europe might give.
    expect(decodeEntryName(new Uint8Array([0x52, 0x82, 0x73, 0x75, 0x6d, 0x82]), false)).toBe("Résumé");
    // "Bản" in windows-1258: B, a + combining hook (0xD2), n.
    const vn = new Uint8Array([0x42, 0x61, 0xd2, 0x6e, 0x20, 0x42, 0x6f]);
    expect(decodeEntryName(vn, false)).toBe("Bản Bo");
    // The same where TextDecoder is the pane's polyfill, which has no Windows-1258 (EdgeHTML 18).
    withPaneTextDecoder(() => expect(decodeEntryName(vn, false)).toBe("Bản Bo"));
  });
  it("keeps '..' and absolute paths as labels only", () => {
    expect(safeEntryPath("../../etc/passwd.xlsx")).toEqual({ path: "../../etc/passwd.xlsx", unsafe: true });
    expect(safeEntryPath("/abs/a.xlsx")).toEqual({ path: "abs/a.xlsx", unsafe: true });
    expect(safeEntryPath("C:\\Users\\a.xlsx").unsafe).toBe(true);
    expect(safeEntryPath("thư mục/./Báo cáo.xlsx")).toEqual({ path: "thư mục/Báo cáo.xlsx", unsafe: false });
  });
});

describe("email messages (.eml)", () => {
  itPython("takes every spreadsheet attachment of a Thunderbird message, with RFC 2231 names, and skips the rest by name", async () => {
    const eml = writeEml({
      style: "thunderbird",
      subject: "Báo cáo Đề án 241 - xã Bản Bo",
      from: "Đảng ủy xã Bản Bo <dangybanbo@gmail.com>",
      date: "Sun, 20 Jun 2021 09:15:02 +0700",
      inlineImage: true,
      attachments: [
        { name: "Báo cáo Đề án 241 xã Bản Bo.xlsx", bytes: BOOK },
        { name: "Công văn gửi kèm.pdf", type: "application/pdf", bytes: new TextEncoder().encode("%PDF-1.4") },
      ],
    });
    const x = await expandContainer(eml, "thu-ban-bo.eml");
    expect(x.files.map((f) => f.name)).toEqual(["thu-ban-bo.eml › Báo cáo Đề án 241 xã Bản Bo.xlsx"]);
    expect(x.files[0]!.origin).toEqual({
      kind: "email",
      container: "thu-ban-bo.eml",
      subject: "Báo cáo Đề án 241 - xã Bản Bo",
      from: "Đảng ủy xã Bản Bo <dangybanbo@gmail.com>",
      date: "2021-06-20T02:15:02.000Z",
      path: "Báo cáo Đề án 241 xã Bản Bo.xlsx",
    });
    expect(readWorkbook(x.files[0]!.bytes, x.files[0]!.name).sheets.length).toBeGreaterThan(0);
    // The inline logo is ignored; the PDF is listed as skipped, by name.
    expect(x.skipped).toEqual([{ container: "thu-ban-bo.eml", path: "Công văn gửi kèm.pdf", reason: expect.stringContaining("không phải bảng tính") }]);
    expect(x.rejected).toEqual([]);
  });

  itPython("reads the Windows-1258 names of an Outlook Express message composed, in Node and where TextDecoder is the pane's polyfill (EdgeHTML 18)", async () => {
    const eml = writeEml({
      style: "outlook-express",
      subject: "Báo cáo Đề án 241 - xã Bản Bo",
      from: "Đảng ủy xã Bản Bo <dangybanbo@hn.vnn.vn>",
      date: "Sun, 20 Jun 2021 09:15:02 +0700",
      attachments: [{ name: "Báo cáo Đề án 241 xã Bản Bo.xlsx", bytes: BOOK }],
    });
    // Windows-1258 has "ả" and "ề" only as a letter and a combining mark: the bytes say so.
    expect(new TextDecoder().decode(eml)).toContain("=?windows-1258?B?");
    const expected = {
      names: ["thu-ban-bo.eml › Báo cáo Đề án 241 xã Bản Bo.xlsx"],
      subject: "Báo cáo Đề án 241 - xã Bản Bo",
      from: "Đảng ủy xã Bản Bo <dangybanbo@hn.vnn.vn>",
    };
    const seen = (x: Awaited<ReturnType<typeof expandContainer>>) => ({
      names: x.files.map((f) => f.name),
      subject: x.files[0]?.origin?.kind === "email" ? x.files[0].origin.subject : undefined,
      from: x.files[0]?.origin?.kind === "email" ? x.files[0].origin.from : undefined,
    });
    expect(seen(await expandContainer(eml, "thu-ban-bo.eml"))).toEqual(expected);
    // postal-mime makes its decoders when first asked: loaded afresh with the polyfill in place.
    await withPaneTextDecoderAsync(() =>
      jest.isolateModulesAsync(async () => {
        const fresh = (await import("../../../../src/io/read/containers/index")) as typeof import("../../../../src/io/read/containers/index");
        expect(seen(await fresh.expandContainer(eml, "thu-ban-bo.eml"))).toEqual(expected);
      }),
    );
  });

  itPython("follows a forwarded Gmail message one level (RFC 2047 names), dated by the Received header when Date is missing", async () => {
    const eml = writeEml({
      style: "thunderbird",
      subject: "Fwd: Báo cáo",
      from: "Văn phòng <vanphong@tamduong.gov.vn>",
      date: "Mon, 21 Jun 2021 08:00:00 +0700",
      forwarded: {
        style: "gmail",
        subject: "Báo cáo Đề án 241 Bản Giang",
        from: "Đảng ủy xã Bản Giang <dangybangiang@gmail.com>",
        date: "",
        noDate: true,
        received: "by 2002:a05:6402:1:0:0:0:0 with SMTP id x1csp123; Sat, 19 Jun 2021 16:30:00 -0700 (PDT)",
        attachments: [{ name: "Bảng số liệu Bản Giang.xlsx", bytes: BOOK }],
      },
    });
    const x = await expandContainer(eml, "fwd.eml");
    expect(x.files).toHaveLength(1);
    expect(x.files[0]!.origin).toMatchObject({
      kind: "email",
      subject: "Báo cáo Đề án 241 Bản Giang",
      from: "Đảng ủy xã Bản Giang <dangybangiang@gmail.com>",
      date: "2021-06-19T23:30:00.000Z",
      path: "Chuyển tiếp.eml › Bảng số liệu Bản Giang.xlsx",
    });
  });

  itPython("rejects a bomb inside a zip attachment and a lying entry while the sibling attachment is taken", async () => {
    const eml = writeEml({
      style: "gmail",
      subject: "Báo cáo",
      from: "a@b.vn",
      date: "Sun, 20 Jun 2021 09:15:02 +0700",
      attachments: [
        { name: "Báo cáo.xlsx", bytes: BOOK },
        { name: "nen.zip", type: "application/zip", bytes: zipBomb("bom.xlsx", 8) },
        { name: "noi-doi.zip", type: "application/zip", bytes: zipWithLyingEntry("noi-doi.xlsx", new Uint8Array(200_000), 1000) },
      ],
    });
    const x = await expandContainer(eml, "thu.eml");
    expect(x.files.map((f) => f.name)).toEqual(["thu.eml › Báo cáo.xlsx"]);
    expect(x.rejected.map((r) => [r.name, r.code])).toEqual([
      ["thu.eml › nen.zip › bom.xlsx", "zip-bomb"],
      ["thu.eml › noi-doi.zip › noi-doi.xlsx", "zip-bomb"],
    ]);
    expect(x.rejected[0]!.message).toContain("tỷ lệ nén");
    expect(x.rejected[1]!.message).toContain("nhiều hơn dung lượng khai báo");
  });

  it("refuses bytes that are not a message", async () => {
    await expect(expandContainer(new Uint8Array([0, 1, 2, 3]), "x.eml")).rejects.toMatchObject({ code: "container-unreadable" });
  });
});

describe("a message or an archive with nothing to read", () => {
  it("is said so (never lost without a word, which would leave its unit counted as not having sent)", async () => {
    const plain = new TextEncoder().encode(
      'From: "Đảng ủy xã Bản Bo" <dangybanbo@gmail.com>\r\nSubject: Báo cáo\r\nDate: Sun, 20 Jun 2021 09:15:02 +0700\r\nMIME-Version: 1.0\r\nContent-Type: text/plain; charset=utf-8\r\n\r\nGửi Ban Tuyên giáo báo cáo (quên đính kèm).\r\n',
    );
    const mail = await expandContainer(plain, "thu.eml");
    expect(mail.files).toEqual([]);
    expect(mail.skipped).toEqual([{ container: "thu.eml", path: "", reason: NOTHING_ATTACHED }]);
    const zip = await expandContainer(zipSync({}), "rong.zip");
    expect(zip.skipped).toEqual([{ container: "rong.zip", path: "", reason: NOTHING_IN_ARCHIVE }]);
  });
});

describe("archives (.zip)", () => {
  (INFO_ZIP ? it : it.skip)("reads an Info-ZIP archive with folders and UTF-8 names", async () => {
    const zip = zipWithInfoZip([
      { path: "Tháng 6/Báo cáo Bản Bo.xlsx", bytes: BOOK },
      { path: "Tháng 6/ghi chú.txt", bytes: new TextEncoder().encode("ghi chú") },
    ]);
    const x = await expandContainer(zip, "tệp-nén.zip");
    expect(x.files.map((f) => f.name)).toEqual(["tệp-nén.zip › Tháng 6/Báo cáo Bản Bo.xlsx"]);
    expect(x.files[0]!.origin).toEqual({ kind: "zip", container: "tệp-nén.zip", path: "Tháng 6/Báo cáo Bản Bo.xlsx" });
    expect(x.skipped.map((s) => s.path)).toEqual(["Tháng 6/ghi chú.txt"]);
  });

  (INFO_ZIP && PYTHON ? it : it.skip)("reads CP437 names and Vietnamese Windows names written without the UTF-8 flag", async () => {
    const zip = zipLegacyNames([{ path: "Résumé/Báo cáo.xlsx", bytes: BOOK }]);
    const names = zipNames(zip);
    expect(names.every((n) => (n.flags & 0x800) === 0)).toBe(true);
    expect(names.some((n) => n.bytes.includes(0xa0))).toBe(true); // "á" in CP437
    const x = await expandContainer(zip, "windows.zip");
    expect(x.files.map((f) => f.origin.path)).toEqual(["Résumé/Báo cáo.xlsx"]);
    const vn = zipLegacyNames([{ path: "Tháng 6/Báo cáo xã Bản Bo.xlsx", bytes: BOOK }], "cp1258");
    const y = await expandContainer(vn, "windows-vn.zip");
    expect(y.files.map((f) => f.origin.path)).toEqual(["Tháng 6/Báo cáo xã Bản Bo.xlsx"]);
  });

  it("rejects a bomb entry and a lying entry while their siblings are taken, and refuses nesting past two levels", async () => {
    const inner2 = zipWithInfoZipOrFflate({ "c.xlsx": BOOK });
    const inner1 = zipWithInfoZipOrFflate({ "b.zip": inner2, "ok.xlsx": BOOK });
    const zip = zipBomb("bom.xlsx", 8, { "tot.xlsx": BOOK, "long.zip": inner1 });
    const x = await expandContainer(zip, "a.zip");
    expect(x.files.map((f) => f.name).sort()).toEqual(["a.zip › long.zip › ok.xlsx", "a.zip › tot.xlsx"]);
    expect(x.rejected.map((r) => [r.name, r.code]).sort()).toEqual([
      ["a.zip › bom.xlsx", "zip-bomb"],
      ["a.zip › long.zip › b.zip", "container-too-deep"],
    ]);
    const lying = zipWithLyingEntry("noi-doi.xlsx", new Uint8Array(300_000), 10, { "tot.xlsx": BOOK });
    const y = await expandContainer(lying, "b.zip");
    expect(y.files.map((f) => f.name)).toEqual(["b.zip › tot.xlsx"]);
    expect(y.rejected.map((r) => r.code)).toEqual(["zip-bomb"]);
  });

  it("takes entries named with '..' or an absolute path only as labels (nothing is written anywhere)", async () => {
    const zip = zipWithInfoZipOrFflate({ "../../evil.xlsx": BOOK, "/abs/x.xlsx": BOOK });
    const x = await expandContainer(zip, "e.zip");
    expect(x.files.map((f) => [f.name, f.origin.path])).toEqual([
      ["e.zip › ../../evil.xlsx", "../../evil.xlsx"],
      ["e.zip › abs/x.xlsx", "abs/x.xlsx"],
    ]);
  });

  it("refuses an encrypted zip as a whole, with its reason", async () => {
    const zip = zipWithInfoZipOrFflate({ "a.xlsx": BOOK });
    // The PKWARE encryption flag in the central directory and the local header.
    const v = new DataView(zip.buffer, zip.byteOffset, zip.byteLength);
    for (let p = 0; p + 4 <= zip.length; p++) {
      if (v.getUint32(p, true) === 0x04034b50) v.setUint16(p + 6, v.getUint16(p + 6, true) | 1, true);
      if (v.getUint32(p, true) === 0x02014b50) v.setUint16(p + 8, v.getUint16(p + 8, true) | 1, true);
    }
    await expect(expandContainer(zip, "mat-khau.zip")).rejects.toMatchObject({ code: "container-encrypted" });
  });
});

describe("archives (.rar)", () => {
  it("lists and extracts a RAR 4 archive with Vietnamese names and folders; an encrypted one is refused", async () => {
    const rar = writeRar4([
      { name: "Tháng 6/Báo cáo Bản Bo.xlsx", bytes: BOOK },
      { name: "ảnh.jpg", bytes: new Uint8Array([0xff, 0xd8, 0xff]) },
    ]);
    const x = await expandContainer(rar, "bao-cao.rar");
    expect(x.files.map((f) => f.origin)).toEqual([{ kind: "rar", container: "bao-cao.rar", path: "Tháng 6/Báo cáo Bản Bo.xlsx" }]);
    expect(Buffer.from(x.files[0]!.bytes).equals(Buffer.from(BOOK))).toBe(true);
    expect(x.skipped.map((s) => s.path)).toEqual(["ảnh.jpg"]);
    await expect(expandContainer(writeRar4([{ name: "a.xlsx", bytes: BOOK, encrypted: true }]), "mat-khau.rar")).rejects.toMatchObject({
      code: "container-encrypted",
    });
  });

  (UNRAR ? it : it.skip)("writes archives a real RAR reader lists", () => {
    // A CSV inside (a stored .xlsx would itself be a zip, which unrar-free's zip detection picks up).
    const csv = new TextEncoder().encode("Chỉ tiêu,Tổng số,Số đã đạt\n1.1,10,9\n".repeat(50));
    const listing = listWithUnrar(writeRar4([{ name: "bao-cao-ban-bo.csv", bytes: csv }]));
    expect(listing).toContain("bao-cao-ban-bo.csv");
    expect(listing).toContain(String(csv.length));
    expect(listing).toContain("exit 0");
  });
});

describe("Outlook messages (.msg)", () => {
  it("reads the subject, sender and date of a message Outlook wrote, and lists its image attachments as skipped", async () => {
    const msg = new Uint8Array(readFileSync(join(__dirname, "../../../fixtures/containers/attachmentFiles.msg")));
    const x = await expandContainer(msg, "attachmentFiles.msg");
    expect(x.files).toEqual([]);
    expect(x.skipped.map((s) => s.path)).toEqual(["jpg.jpg", "png.png", "tif.tif"]);
  });

  it("takes a spreadsheet attached to that message (its attachment swapped, every other property as Outlook wrote it)", async () => {
    const msg = msgWithAttachment(new Uint8Array(readFileSync(join(__dirname, "../../../fixtures/containers/attachmentFiles.msg"))), 1, "Báo cáo xã Bản Bo.xlsx", BOOK);
    const x = await expandContainer(msg, "Báo cáo.msg");
    expect(x.files.map((f) => f.name)).toEqual(["Báo cáo.msg › Báo cáo xã Bản Bo.xlsx"]);
    expect(x.files[0]!.origin).toEqual({
      kind: "email",
      container: "Báo cáo.msg",
      subject: "attachmentFiles",
      from: "hmailuser <hmailuser@hmailserver.test>",
      date: "2023-11-01T00:48:31.000Z",
      path: "Báo cáo xã Bản Bo.xlsx",
    });
    expect(readWorkbook(x.files[0]!.bytes, x.files[0]!.name).sheets.length).toBeGreaterThan(0);
    expect(x.skipped.map((s) => s.path)).toEqual(["jpg.jpg", "tif.tif"]);
  });

  itPython("reads a message saved in the older format (not Unicode) on a Vietnamese Windows in its code page, 1258, composed", async () => {
    const withBook = msgWithAttachment(new Uint8Array(readFileSync(join(__dirname, "../../../fixtures/containers/attachmentFiles.msg"))), 1, "x.xlsx", BOOK);
    const msg = msgNonUnicode(withBook, 1258, {
      "": { "0037": "Báo cáo Đề án 241 - xã Bản Bo", "0042": "Đảng ủy xã Bản Bo", "0C1A": "Đảng ủy xã Bản Bo" },
      "__attach_version1.0_#00000001": { "3707": "Báo cáo xã Bản Bo.xlsx", "3704": "BAOCAO~1.XLS" },
    });
    const x = await expandContainer(msg, "Báo cáo.msg");
    expect(x.files.map((f) => f.name)).toEqual(["Báo cáo.msg › Báo cáo xã Bản Bo.xlsx"]);
    expect(x.files[0]!.origin).toEqual(expect.objectContaining({ subject: "Báo cáo Đề án 241 - xã Bản Bo", from: "Đảng ủy xã Bản Bo <hmailuser@hmailserver.test>" }));
    expect(x.skipped.map((s) => s.path)).toEqual(["jpg.jpg", "tif.tif"]);
    expect(readWorkbook(x.files[0]!.bytes, x.files[0]!.name).sheets.length).toBeGreaterThan(0);
  });

  it("refuses at once a message whose compound-file structure loops or points nowhere (it held the reader for a minute and gigabytes)", async () => {
    const seed = new Uint8Array(readFileSync(join(__dirname, "../../../fixtures/containers/attachmentFiles.msg")));
    const edited = (offset: number, value: number): Uint8Array => {
      const copy = seed.slice();
      new DataView(copy.buffer).setUint32(offset, value, true);
      return copy;
    };
    const cases: [string, Uint8Array, string][] = [
      // Directory entry 2's left sibling pointed back into the tree.
      ["vong-thu-muc.msg", edited(512 + 512 + 2 * 128 + 68, 3), "cây thư mục bị lặp vòng"],
      // The sector chain of sector 4 pointing to itself.
      ["vong-fat.msg", edited(512 + 4 * 4, 4), ""],
      // No directory at all (the header's first directory sector is "end of chain").
      ["khong-thu-muc.msg", edited(48, 0xffffffff), "chuỗi thư mục"],
    ];
    for (const [name, bytes, detail] of cases) {
      const started = Date.now();
      await expect(expandContainer(bytes, name)).rejects.toMatchObject({ code: "container-unreadable", message: expect.stringContaining(detail) });
      expect(Date.now() - started).toBeLessThan(5_000);
    }
  });
});

/** Each central directory entry's flags and name bytes. */
function zipNames(zip: Uint8Array): { flags: number; bytes: number[] }[] {
  const v = new DataView(zip.buffer, zip.byteOffset, zip.byteLength);
  const out: { flags: number; bytes: number[] }[] = [];
  for (let p = 0; p + 46 <= zip.length; p++) {
    if (v.getUint32(p, true) !== 0x02014b50) continue;
    out.push({ flags: v.getUint16(p + 8, true), bytes: [...zip.subarray(p + 46, p + 46 + v.getUint16(p + 28, true))] });
  }
  return out;
}

function zipWithInfoZipOrFflate(files: Record<string, Uint8Array>): Uint8Array {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const { zipSync } = require("fflate") as typeof import("fflate");
  return zipSync(files);
}
