/** The "công văn đôn đốc" .docx: rendered through LibreOffice (Writer → PDF → pdftotext) and its text checked. */
import { execFileSync } from "node:child_process";
import { existsSync, mkdtempSync, readdirSync, realpathSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { strFromU8, unzipSync } from "fflate";
import { writeRemindLetter } from "../../src/app/remind";
import { buildReminder } from "../../src/domain/remind";
import type { Unit } from "../../src/domain/units";
import { MARGINS, PAGE } from "../../src/io/docx";
import { convertWithLibreOffice, SOFFICE } from "../support/programs";

/** LibreOffice converts .docx only when its Writer component is installed beside soffice. */
function hasWriter(soffice: string | null): boolean {
  if (!soffice) return false;
  const program = dirname(realpathSync(soffice));
  const found = existsSync(program) && readdirSync(program).some((f) => /^libswlo\.so$|^swlo\.dll$|^libswlo\.dylib$/.test(f));
  if (!found && process.env.CI === "true") {
    throw new Error("LibreOffice Writer is not installed (Debian: libreoffice-writer-nogui); .ci/run installs it; CI requires it.");
  }
  if (!found) console.warn("Skipping: LibreOffice Writer is not installed (Debian: libreoffice-writer-nogui)");
  return found;
}

const UNITS: Unit[] = [
  { name: "Đảng ủy xã Bản Bo", level: "co-so", email: "banbo@laichau.gov.vn" },
  { name: "Phòng Nội vụ", level: "huyen" },
  { name: "Đài Truyền thanh - Truyền hình", level: "huyen" },
];

const collapse = (s: string) => s.replace(/\s+/g, " ").trim();
const compact = (s: string) => s.replace(/\s+/g, "");

describe("writeRemindLetter", () => {
  const reminder = buildReminder({
    units: UNITS,
    outcome: {
      received: ["Đài Truyền thanh - Truyền hình"],
      files: [{ file: "noi-vu.xls", unit: "Phòng Nội vụ", status: "rejected", reason: "Tệp noi-vu.xls có mật khẩu, không mở được." }],
    },
    deadline: "2021-07-02",
  });
  let bytes: Uint8Array;

  beforeAll(async () => {
    bytes = await writeRemindLetter(reminder);
  });

  it("writes A4 with the Party format margins in Times New Roman", () => {
    const xml = strFromU8(unzipSync(bytes)["word/document.xml"]!);
    expect(xml).toMatch(new RegExp(`<w:pgSz[^>]*w:w="${PAGE.width}"[^>]*w:h="${PAGE.height}"`));
    expect(/<w:pgMar ([^>]*)\/>/.exec(xml)?.[1] ?? "").toContain(`w:left="${MARGINS.left}"`);
    expect(xml).toContain('w:ascii="Times New Roman"');
    expect(strFromU8(unzipSync(bytes)["docProps/core.xml"]!)).toContain("Công văn đôn đốc báo cáo tổng kết Đề án 241");
  });

  const d = SOFFICE && hasWriter(SOFFICE) ? describe : describe.skip;
  d("through LibreOffice", () => {
    let text: string;
    beforeAll(() => {
      const dir = mkdtempSync(join(tmpdir(), "remind-docx-"));
      const file = join(dir, "cong-van-don-doc.docx");
      writeFileSync(file, bytes);
      const pdf = convertWithLibreOffice(file, "pdf", dir);
      text = execFileSync("pdftotext", ["-enc", "UTF-8", pdf, "-"], { encoding: "utf8" });
    }, 180_000);

    it("shows the header block in the Party's form with the date line to fill", () => {
      const flat = collapse(text);
      for (const line of ["HUYỆN ỦY TAM ĐƯỜNG", "BAN TUYÊN GIÁO", "ĐẢNG CỘNG SẢN VIỆT NAM", "Số …-CV/BTGHU"]) expect(flat).toContain(line);
      expect(compact(text)).toContain(compact("V/v đôn đốc báo cáo tổng kết thực hiện Đề án 241"));
      expect(compact(text)).toContain(compact("Tam Đường, ngày …… tháng …… năm ………"));
    });

    it("addresses the units, lists what each is missing, names both deadlines, Nơi nhận and the signer", () => {
      const all = compact(text);
      expect(all).toContain(compact("Kính gửi:"));
      expect(all).toContain(compact("- Đảng ủy xã Bản Bo;"));
      expect(all).toContain(compact("- Phòng Nội vụ."));
      expect(all).not.toContain(compact("Đài Truyền thanh"));
      expect(all).toContain(compact("Thực hiện Công văn số 232-CV/HU"));
      expect(all).toContain(compact("trước ngày 25 tháng 6 năm 2021"));
      expect(all).toContain(compact("trước ngày 02 tháng 7 năm 2021 (hạn mới)"));
      expect(all).toContain(compact("Chưa gửi báo cáo."));
      expect(all).toContain(compact('tệp "noi-vu.xls" không sử dụng được (Tệp noi-vu.xls có mật khẩu, không mở được)'));
      expect(all).toContain(compact("btghu.tamduong@laichau.gov.vn"));
      expect(all).toContain(compact("Nơi nhận:"));
      expect(all).toContain(compact("- Thường trực Huyện ủy (b/c),"));
      expect(all).toContain("TRƯỞNGBAN");
    });
  });
});
