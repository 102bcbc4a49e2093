/**
 * The Vietnamese message of every rule, built from the parameters the rule
 * found: what was found, and what was expected. The map is exhaustive: a rule
 * without a message does not compile, and each message gets its rule's params.
 */
import type { Issue, IssueParamsByRule, ReadErrorCode, RuleCode } from "../model/issues";
import { severityOf } from "../model/issues";
import { formatMegabytes, formatNumber } from "../format";

function s(v: string | number | null | undefined): string {
  if (v === null || v === undefined) return "";
  if (typeof v === "number") return formatNumber(v);
  return v;
}

/**
 * How a file that cannot be used is said: "Không đọc được tệp x.xlsx" in a message that stands alone,
 * "Không đọc được" where the file is named already (a line "Bị loại: x.xlsx: …", a row of the summary's
 * list of files): the message made with no file ("").
 */
function opening(kind: ReadErrorCode, file: string): string {
  const [named, alone] = OPENINGS[kind];
  return file === "" ? alone : `${named} ${file}`;
}

/** The file named, or nothing: "Tệp x.xlsx không có bảng…", "Tệp không có bảng…". */
function theFile(file: string): string {
  return file === "" ? "Tệp" : `Tệp ${file}`;
}

/** The words before the file's name in each read failure's message, and the words standing for them when the file is named elsewhere. */
const OPENINGS: { readonly [K in ReadErrorCode]: readonly [named: string, alone: string] } = {
  "too-large": ["Không đọc được tệp", "Không đọc được"],
  "zip-bomb": ["Không đọc được tệp", "Không đọc được"],
  encrypted: ["Không đọc được tệp", "Không đọc được"],
  "not-a-workbook": ["Không đọc được tệp", "Không đọc được"],
  corrupt: ["Không đọc được tệp", "Không đọc được"],
  "too-many-cells": ["Không đọc được tệp", "Không đọc được"],
  empty: ["Không đọc được tệp", "Không đọc được"],
  timeout: ["Không đọc được tệp", "Không đọc được"],
  "not-found": ["Không mở được tệp", "Không mở được"],
  "zip-ambiguous": ["Không đọc được tệp", "Không đọc được"],
  "empty-file": ["Không đọc được tệp", "Không đọc được"],
  "cfb-malformed": ["Không đọc được tệp", "Không đọc được"],
  "container-unreadable": ["Không mở được", "Không mở được"],
  "container-encrypted": ["Không mở được tệp nén", "Không mở được tệp nén"],
  "container-too-deep": ["Không mở", "Không mở"],
  "attachment-skipped": ["Bỏ qua", "Bỏ qua tệp"],
};

function where(p: { readonly indicator?: string }): string {
  return p.indicator ? `Chỉ tiêu ${s(p.indicator)}` : "Ô này";
}

type Messages = { readonly [K in RuleCode]: (p: IssueParamsByRule[K]) => string };

const MESSAGES: Messages = {
  "not-a-number": (p) =>
    `${where(p)}: cột "${s(p.column)}" ghi "${s(p.text)}", không phải là số${
      p.reason === "hexadecimal" ? " (số viết theo hệ thập lục phân)" : p.reason === "percent" ? " mà là một tỷ lệ; cột này cần số lượng, tỷ lệ ghi ở cột \"Tỷ lệ (%)\"" : ""
    }. Cần ghi một số (để trống nếu không có số liệu).`,
  negative: (p) => `${where(p)}: cột "${s(p.column)}" ghi số âm (${s(p.value)}). Số liệu phải là số không âm.`,
  "not-whole": (p) =>
    `${where(p)}: cột "${s(p.column)}" ghi ${s(p.text ?? p.value)}, không phải số nguyên. Số lượng (${s(p.dvt) || "người, hộ, bản…"}) phải là số nguyên.`,
  "ambiguous-number": (p) =>
    `${where(p)}: cột "${s(p.column)}" ghi "${s(p.text)}", không rõ là ${s(p.readingA)} hay ${s(p.readingB)}. Hãy ghi số không có dấu phân cách (ví dụ ${s(p.example)}), hoặc dùng dấu chấm cho hàng nghìn và dấu phẩy cho phần thập phân.`,
  "achieved-exceeds-total": (p) =>
    `${where(p)}: số đã đạt (${s(p.achieved)}) lớn hơn tổng số (${s(p.total)}). Số đã đạt tiêu chuẩn không được vượt tổng số.`,
  "ratio-mismatch": (p) =>
    `${where(p)}: tỷ lệ ghi ${s(p.typed)} nhưng ${s(p.achieved)}/${s(p.total)} = ${s(p.computed)}%. Tỷ lệ cần khớp với số đã đạt chia tổng số.`,
  "ratio-without-numbers": (p) =>
    `${where(p)}: có ghi tỷ lệ (${s(p.typed)}%) nhưng thiếu ${s(p.missing)}. Cần ghi cả Tổng số và Số đã đạt tiêu chuẩn để tính tỷ lệ.`,
  "duplicate-indicator": (p) =>
    `${where(p)} xuất hiện nhiều lần: dòng ${s(p.row)} trùng với dòng ${s(p.firstRow)}. Mỗi chỉ tiêu chỉ ghi một dòng.`,
  "document-missing-code": (p) =>
    `Văn bản ở dòng ${s(p.row)}${p.summary ? ` ("${s(p.summary)}")` : ""} chưa ghi ký hiệu văn bản. Cần ghi số, ký hiệu (ví dụ 26-KH/TU).`,
  "document-missing-date": (p) =>
    `Văn bản ${s(p.code) || `ở dòng ${s(p.row)}`} chưa ghi ngày, tháng ban hành. Cần ghi ngày ban hành (ví dụ 07/4/2021).`,
  // A day is "ban hành ngày 12/10/2015"; a month, a quarter or a year as written ("tháng 3/2015", "năm 2021") is quoted.
  "document-date-out-of-period": (p) =>
    `Văn bản ${s(p.code) || `ở dòng ${s(p.row)}`} ${/^\d{1,2}\/\d{1,2}\/\d{4}$/.test(p.date) ? `ban hành ngày ${s(p.date)}` : `ghi thời gian ban hành "${s(p.date)}"`}, ngoài thời kỳ báo cáo (${s(p.from)} đến ${s(p.to)}).`,
  "invalid-date": (p) =>
    `Văn bản ${s(p.code) || `ở dòng ${s(p.row)}`}: ngày ban hành "${s(p.text)}" không phải là ngày hợp lệ. Cần ghi ngày/tháng/năm (ví dụ 07/4/2021).`,
  "no-tables": (p) =>
    `${theFile(p.file)} không có bảng "Kết quả thực hiện các mục tiêu" cũng không có bảng "Các văn bản lãnh đạo, chỉ đạo". Cần dùng mẫu biểu của Công văn 232-CV/HU (dòng tiêu đề cột: Stt, Nội dung của chỉ tiêu, ĐVT, Tổng số, Số đã đạt tiêu chuẩn, Tỷ lệ (%)).`,
  "indicator-missing": (p) => `Không tìm thấy dòng của chỉ tiêu ${s(p.indicator)} ("${s(p.official)}") trong bảng kết quả.`,
  "unknown-row": (p) =>
    `Dòng ${s(p.row)} ("${s(p.text)}") không khớp với chỉ tiêu nào của Đề án 241; số liệu ở dòng này không được tổng hợp.`,
  "label-changed": (p) =>
    `${where(p)}: nội dung đã bị sửa thành "${s(p.found)}"; nội dung đúng theo Công văn 232-CV/HU là "${s(p.official)}".`,
  "formula-not-calculated": (p) =>
    `${where(p)}: ô ${s(p.column)} có công thức =${s(p.formula)} nhưng tệp không lưu kết quả (tệp do một chương trình khác tạo, chưa được tính), nên số này chưa được cộng. Đề nghị mở tệp bằng Excel hoặc LibreOffice, lưu lại rồi gửi lại.`,
  "figures-on-group-row": (p) =>
    `Số liệu của chỉ tiêu ${s(p.indicator)} được ghi ở dòng nhóm "${s(p.group)}" (dòng ${s(p.row)}) thay vì dòng của chỉ tiêu; đã đọc cho chỉ tiêu ${s(p.indicator)} (nhóm này chỉ có một chỉ tiêu).`,
  "breakdown-only": (p) =>
    `Chỉ tiêu ${s(p.indicator)}: dòng của chỉ tiêu (dòng ${s(p.row)}) để trống, số liệu chỉ ghi ở các dòng chi tiết bên dưới (dòng ${s(p.rows)}: ${s(p.texts)}). Các dòng chi tiết không được cộng nên chỉ tiêu này chưa có số liệu; đề nghị ghi Tổng số và Số đã đạt tiêu chuẩn của cả đơn vị ở dòng của chỉ tiêu.`,
  "breakdown-rows": (p) =>
    `${s(p.count)} dòng được coi là chi tiết của chỉ tiêu ${p.indicators.includes(",") ? "ở dòng trên nó" : s(p.indicators)} (theo thôn, bản, chi bộ, cơ quan…), không cộng vào tổng: ${s(p.rows)}. Nếu dòng nào là một chỉ tiêu riêng hoặc cần được tổng hợp, đề nghị ghi số liệu của cả đơn vị ở dòng của chỉ tiêu.`,
  "breakdown-sum": (p) =>
    p.kind === "empty"
      ? `Chỉ tiêu ${s(p.indicator)}: cột "${s(p.column)}" ở dòng của chỉ tiêu (dòng ${s(p.row)}) để trống, trong khi các dòng chi tiết bên dưới (dòng ${s(p.rows)}) đều có số (cộng lại được ${s(p.sum)}). Các dòng chi tiết không được cộng vào tổng nên chỉ tiêu này thiếu số liệu ở cột đó; đề nghị ghi số của cả đơn vị ở dòng của chỉ tiêu.`
      : `Chỉ tiêu ${s(p.indicator)}: cộng cột "${s(p.column)}" của các dòng chi tiết bên dưới (dòng ${s(p.rows)}) được ${s(p.sum)}, ${
          p.kind === "exceeds"
            ? `lớn hơn số ghi ở dòng của chỉ tiêu (${s(p.value)}): phần không thể lớn hơn cả đơn vị`
            : `khác số ghi ở dòng của chỉ tiêu (${s(p.value)}), trong khi các dòng chi tiết đã chia đủ các loại nêu trong chỉ tiêu`
        }. Số liệu được tổng hợp theo dòng của chỉ tiêu; đề nghị kiểm tra lại.`,
  "code-unrecognised": (p) =>
    `Ký hiệu văn bản "${s(p.text)}" ở dòng ${s(p.row)} không đúng dạng thường dùng (ví dụ 26-KH/TU hoặc 27/KH-UBND).`,
  "duplicate-document": (p) => `Văn bản ${s(p.code)} được ghi nhiều lần (dòng ${s(p.firstRow)} và dòng ${s(p.row)}).`,
  "report-date-missing": (p) =>
    `Tệp ${s(p.file)} chưa ghi đủ ngày báo cáo (dòng "…, ngày … tháng … năm …"): việc nộp đúng hạn chỉ xét được theo ngày nhận tệp. Đề nghị đơn vị ghi ngày báo cáo.`,
  "nothing-filled": (p) => `Tệp ${s(p.file)} chưa ghi số liệu chỉ tiêu nào và chưa ghi văn bản nào.`,
  "indicators-table-missing": (p) =>
    `Tệp ${s(p.file)} không có bảng "Kết quả thực hiện các mục tiêu của Đề án 241" (không tìm thấy dòng tiêu đề cột Nội dung chỉ tiêu / Tổng số / Số đã đạt).`,
  "documents-table-missing": (p) =>
    `Tệp ${s(p.file)} không có bảng "Các văn bản lãnh đạo, chỉ đạo triển khai thực hiện Đề án 241" (không tìm thấy dòng tiêu đề cột Ký hiệu văn bản / Ngày ban hành).`,
  "column-by-position": (p) =>
    `Cột ${s(p.column)} của bảng kết quả có tiêu đề "${s(p.text)}", được hiểu là cột "${s(p.role)}" theo vị trí của cột trong mẫu biểu. Đề nghị kiểm tra lại; nên ghi đúng tiêu đề "${s(p.role)}".`,
  "column-missing": (p) =>
    `Bảng kết quả ở trang tính "${s(p.sheet)}" không có cột "${s(p.role)}" (dòng tiêu đề ${s(p.row)}: ${s(p.headers)}); ${
      p.countedOnly
        ? `không tính được tỷ lệ nên số liệu của đơn vị chỉ được tổng hợp ở chỉ tiêu tính theo số lượng (${s(p.countedOnly)})`
        : "số liệu của đơn vị không được tổng hợp"
    }. Cần có cột "${s(p.role)}" như mẫu biểu.`,
  "column-repeated": (p) =>
    `Bảng kết quả có nhiều cột "${s(p.role)}" (cột ${s(p.columns)}); chỉ đọc cột ${s(p.used)}. Biểu mẫu của Công văn 232-CV/HU chỉ có một cột "${s(p.role)}" cho cả giai đoạn 2016 - 2020; nếu số liệu đúng ở cột khác, hãy sửa lại bảng theo mẫu.`,
  "table-ignored": (p) =>
    `Trang tính "${s(p.sheet)}" (dòng ${s(p.row)}) có thêm một bảng kết quả với số liệu khác ở chỉ tiêu ${s(p.indicators)}; bảng này không được đọc, chỉ đọc bảng ở trang "${s(p.usedSheet)}" (dòng ${s(p.usedRow)}). Nếu số liệu đúng nằm ở bảng kia, hãy xóa bảng thừa rồi gửi lại.`,
  "table-other-unit": (p) =>
    `Trang tính "${s(p.sheet)}" có bảng kết quả của ${s(p.other)} (dòng ${s(p.row)}), không phải của ${s(p.unit)}: tệp được tính là báo cáo của ${s(p.unit)} (bảng ở trang "${s(p.usedSheet)}"), số liệu của ${s(p.other)} trong tệp này không được tổng hợp. Mỗi đơn vị cần gửi báo cáo của mình trong một tệp riêng.`,
  "included-in-summary": (p) =>
    `Tệp ${s(p.file)} là báo cáo của ${s(p.unit)}, đơn vị đã có trong bảng tổng hợp "${s(p.summary)}" của ${s(p.summaryUnit)}; số liệu chỉ được tính một lần, theo bảng tổng hợp.`,
  // Legacy Vietnamese fonts (TCVN3/ABC, VNI).
  "legacy-encoding": (p) =>
    `Tệp dùng phông chữ cũ (${p.encoding === "TCVN3" ? "TCVN3/ABC, ví dụ .VnTime" : "VNI, ví dụ VNI-Times"}): chữ ở ô ${s(p.sheet)}!${s(p.cell)} “${s(p.sample)}” đã được chuyển sang Unicode thành “${s(p.converted)}”. Đề nghị đơn vị dùng phông Unicode (Times New Roman).`,
  "too-large": (p) => `${opening("too-large", p.file)}: tệp quá lớn (${formatMegabytes(p.size)}, tối đa ${formatMegabytes(p.limit)}).`,
  // Figures, notes, dates and unit names as units write them.
  "not-reported-note": (p) =>
    `${where(p)}: cột "${s(p.column)}" ghi "${s(p.text)}", được hiểu là chưa có số liệu (không tính là 0). Đề nghị đơn vị bổ sung số liệu nếu có.`,
  "number-out-of-range": (p) =>
    `${where(p)}: cột "${s(p.column)}" ghi "${s(p.text)}", ${
      p.reason === "too-large" ? `vượt quá giới hạn ${s(p.limit)}` : "không phải là một số hữu hạn"
    }; giá trị này không được tổng hợp. Cần ghi đúng số liệu.`,
  "column-combined": (p) =>
    `Cột ${s(p.column)} ("${s(p.text)}") của bảng kết quả ghi số đạt và tổng số trong cùng một ô (ví dụ 45/50); số liệu được đọc là Số đã đạt tiêu chuẩn/Tổng số. Nên tách thành hai cột "Tổng số" và "Số đã đạt tiêu chuẩn" như mẫu biểu.`,
  "document-date-partial-edge": (p) =>
    `Văn bản ${s(p.code) || `ở dòng ${s(p.row)}`} ghi thời gian ban hành "${s(p.text)}", một phần nằm ngoài thời kỳ báo cáo (${s(p.from)} đến ${s(p.to)}). Đề nghị ghi đủ ngày, tháng, năm ban hành.`,
  "unit-matched-loosely": (p) =>
    `Tên đơn vị "${s(p.text)}" không trùng hẳn với danh sách; được hiểu là "${s(p.unit)}". Đề nghị kiểm tra lại.`,
  "unit-ambiguous": (p) =>
    `Tên đơn vị "${s(p.text)}" khớp với nhiều đơn vị trong danh sách (${s(p.units)}); tệp chưa được gán cho đơn vị nào. Hãy chọn đơn vị cho tệp.`,
  // The sender as a hint.
  "unit-from-sender": (p) =>
    `${p.text ? `Tên đơn vị "${s(p.text)}" trong tệp không có trong danh sách` : "Không đọc được tên đơn vị trong tệp"}; tệp được gán cho "${s(p.unit)}" theo địa chỉ người gửi ${s(p.address)}. Đề nghị kiểm tra lại.`,
  "unit-list-file": (p) =>
    `${theFile(p.file)} là danh sách đơn vị (${s(p.units)} đơn vị), không phải báo cáo của một đơn vị: không tổng hợp. Muốn dùng danh sách này, hãy chọn nó làm danh sách đơn vị (--units).`,
  // Reports that are not Đề án 241's, and summaries of another district or level.
  "not-de-an-241": (p) =>
    `${theFile(p.file)} không phải báo cáo Đề án 241${p.title ? ` (tiêu đề: "${s(p.title)}")` : ""}: ${
      p.title && p.unknownRows <= p.matchedRows
        ? "tiêu đề nói về một chương trình, đề án khác"
        : `${s(p.unknownRows)} dòng của bảng không phải là chỉ tiêu của Đề án 241 (chỉ ${s(p.matchedRows)} dòng khớp)`
    }; tệp không được đọc và không được tổng hợp. Cần dùng mẫu biểu của Công văn 232-CV/HU.`,
  "summary-own": (p) =>
    `${theFile(p.file)} là bảng tổng hợp do chính ${s(p.summaryUnit)} lập${p.date ? ` ngày ${s(p.date)}` : ""} trước đây, không phải báo cáo của đơn vị: không cộng lại, các đơn vị trong đó được tính theo tệp của chính họ.`,
  "summary-other-district": (p) =>
    `${theFile(p.file)} là bảng tổng hợp của ${s(p.summaryUnit)}, ${s(p.reason)}; không cộng vào bảng tổng hợp này.`,
  // Checks across indicators.
  "totals-differ": (p) =>
    `Tổng số của các chỉ tiêu tính theo ${s(p.noun)} không bằng nhau: ${p.totals
      .map((t) => `chỉ tiêu ${s(t.indicator)} ghi ${s(t.total)}${t.cell ? ` (ô ${s(t.cell)})` : ""}`)
      .join(", ")}. Trong báo cáo của một đơn vị, các chỉ tiêu này cùng đếm số ${s(p.noun)} của đơn vị nên Tổng số thường bằng nhau (ở đây phần lớn ghi ${s(p.expected)}); đề nghị kiểm tra lại.`,
  "commune-count": (p) =>
    `${where(p)}: ${s(p.unit)} là đơn vị cấp xã nhưng cột "${s(p.column)}" ghi ${s(p.value)} ${s(p.dvt)}; một xã, thị trấn chỉ báo cáo cho chính mình nên số này không quá 1. Đề nghị kiểm tra lại (có thể đã ghi số liệu của cả huyện hoặc số thôn, bản).`,
  // Text longer than a cell may hold.
  "text-cut": (p) =>
    `Ô ${s(p.sheet)}!${s(p.cell)} của tệp ${s(p.file)} có ${s(p.length)} ký tự, quá giới hạn ${s(p.limit)} ký tự một ô của Excel; khi ghi ra bảng tính chỉ giữ ${s(p.limit)} ký tự đầu.`,
  "zip-bomb": (p) => `${opening("zip-bomb", p.file)}: tệp nén bất thường (${s(p.detail)}); có thể là tệp độc hại.`,
  encrypted: (p) => `${opening("encrypted", p.file)}: tệp được đặt mật khẩu. Hãy bỏ mật khẩu rồi gửi lại.`,
  "not-a-workbook": (p) =>
    `${opening("not-a-workbook", p.file)}: đây không phải là ${s(p.kinds)}${p.detail ? ` (${s(p.detail)})` : ""}.`,
  corrupt: (p) => `${opening("corrupt", p.file)}: tệp bị hỏng hoặc không đúng định dạng${p.detail ? ` (${s(p.detail)})` : ""}.`,
  "too-many-cells": (p) => `${opening("too-many-cells", p.file)}: bảng tính có quá nhiều ô (${s(p.cells)}, tối đa ${s(p.limit)}).`,
  empty: (p) => `${opening("empty", p.file)}: không có trang tính nào có dữ liệu.`,
  timeout: (p) => `${opening("timeout", p.file)}: đọc quá ${s(p.seconds)} giây nên đã dừng; tệp có thể quá lớn hoặc bất thường.`,
  "not-found": (p) => `${opening("not-found", p.file)}${p.detail ? `: ${s(p.detail)}` : ""}.`,
  // Container guard (zip read once, by one parser).
  "zip-ambiguous": (p) =>
    `${opening("zip-ambiguous", p.file)}: tệp nén có cấu trúc mập mờ: ${s(p.detail)}; hai chương trình có thể đọc ra hai bảng tính khác nhau nên không đọc. Hãy mở tệp bằng Excel hoặc LibreOffice, lưu lại rồi gửi lại.`,
  // A file of no bytes (often an attachment broken on its way through email).
  "empty-file": (p) => `${opening("empty-file", p.file)}. Tệp rỗng (0 byte), có thể bị hỏng khi tải về từ thư điện tử; đề nghị đơn vị gửi lại.`,
  // Compound file (.xls, CFB/OLE2) bounds, checked before SheetJS parses it.
  "cfb-malformed": (p) =>
    `${opening("cfb-malformed", p.file)}: tệp .xls có cấu trúc bất thường (${s(p.detail)}); có thể là tệp hỏng hoặc độc hại. Hãy mở tệp bằng Excel hoặc LibreOffice, lưu lại rồi gửi lại.`,
  // Email messages and archives of attachments (containers of the units' files).
  "container-unreadable": (p) => `${opening("container-unreadable", p.file)}: ${s(p.detail)}.`,
  "container-encrypted": (p) =>
    `${opening("container-encrypted", p.file)}: tệp nén được đặt mật khẩu nên không đọc được các tệp bên trong. Hãy giải nén rồi gửi các bảng tính, hoặc nén lại không đặt mật khẩu.`,
  "container-too-deep": (p) =>
    `${opening("container-too-deep", p.file)}: tệp nén hoặc thư lồng quá ${s(p.depth)} lớp. Hãy giải nén rồi gửi các bảng tính bên trong.`,
  "attachment-skipped": (p) => `${opening("attachment-skipped", p.file)} trong ${s(p.container)}: không phải bảng tính nên không đọc.`,
  "targets.unparsed": (p) =>
    `Chỉ tiêu ${p.indicator}: mục tiêu "${p.text}" không đọc được (cần ghi ví dụ ${p.count ? '"Ít nhất 2" hoặc "2"' : '"≥ 90%", "Trên 95%" hoặc "90"'}); dùng mục tiêu của Đề án 241.`,
  "targets.unknown-indicator": (p) => `Dòng ${p.row} ("${p.text}") không khớp với chỉ tiêu nào của Đề án 241; mục tiêu ở dòng này không được dùng.`,
  "targets.duplicate": (p) => `Chỉ tiêu ${p.indicator} có mục tiêu ở cả dòng ${p.firstRow} và dòng ${p.row}; dùng mục tiêu ở dòng ${p.row}.`,
  "targets.sheet-missing": (p) => `Tệp không có trang "${p.sheetName}" (cột Chỉ tiêu, Nội dung, Mục tiêu); dùng mục tiêu của Đề án 241.`,
  "summary.table-missing": (p) =>
    "unreadableSheet" in p ? `Trang "${p.unreadableSheet}" không có bảng chỉ tiêu đọc được.` : `Không tìm thấy bảng "${p.table}" (${p.columns}).`,
  "summary.part-missing": (p) =>
    "sheetWithoutExtra" in p
      ? `Trang "${p.sheetWithoutExtra}" không có cột "Mục tiêu" và "Số đơn vị báo cáo": dùng mục tiêu của Đề án 241, số đơn vị báo cáo để 0.`
      : `Không tìm thấy bảng "${p.table}"${p.columns ? ` (${p.columns})` : ""}.`,
  "summary.indicator-missing": (p) => `Không tìm thấy dòng của chỉ tiêu ${p.indicator} trên trang "${p.sheet}".`,
  "summary.value-unreadable": (p) => p.problem,
  "summary.target-unreadable": (p) => `Chỉ tiêu ${p.indicator}: không đọc được mục tiêu "${p.text}"; dùng mục tiêu của Đề án 241.`,
  "summary.verdict-differs": (p) => `Chỉ tiêu ${p.indicator}: đánh giá ghi trong tệp khác với đánh giá tính lại từ số liệu.`,
  "summary.state-unknown": (p) =>
    p.of === "file" ? `Không hiểu trạng thái tệp "${p.text}"; coi là bị loại.` : `Không hiểu tình trạng "${p.text}"; coi là chưa nhận.`,
  "summary.deadline-missing": () => `Không thấy dòng "Hạn nộp"; dùng hạn của Công văn 232-CV/HU.`,
  "summary.targets-note-missing": () => `Không thấy dòng "Mục tiêu đánh giá"; không rõ mục tiêu theo kế hoạch nào.`,
  "units.empty": (p) => `Dòng ${p.row} có dữ liệu nhưng thiếu tên đơn vị; dòng này được bỏ qua.`,
  "units.duplicate": (p) => `Đơn vị "${p.name}" đã có ở dòng ${p.firstRow}; dòng ${p.row} được bỏ qua.`,
  "units.level": (p) => `Cấp "${p.text}" không rõ (dùng "Cơ sở", "Huyện" hoặc "Tỉnh"); coi là cấp cơ sở.`,
};

/** The message of a rule, from the parameters that rule reports. */
export function messageFor<R extends RuleCode>(rule: R, params: IssueParamsByRule[R]): string {
  return MESSAGES[rule](params);
}

/** The message of a file stopped past the time limit (`limitMs`) for one file. */
export function timeoutMessage(file: string, limitMs: number): string {
  return messageFor("timeout", { file, seconds: Math.round(limitMs / 1000) });
}

/** Where an issue is: the sheet, the A1 cell, the indicator. */
export interface IssueAt {
  readonly sheet?: string | null;
  readonly cell?: string | null;
  readonly indicator?: string;
}

/**
 * Builds an issue: severity from the rule, message from the parameters. An
 * indicator given in `at` is also the params' indicator (unless they name one),
 * so the message can name it.
 */
export function makeIssue<R extends RuleCode>(rule: R, at: IssueAt, params: IssueParamsByRule[R]): Issue<R> {
  const named = (params as { readonly indicator?: string }).indicator !== undefined;
  const all: IssueParamsByRule[R] = at.indicator !== undefined && !named ? { ...params, indicator: at.indicator } : params;
  const issue = {
    rule,
    severity: severityOf(rule),
    sheet: at.sheet ?? null,
    cell: at.cell ?? null,
    ...(at.indicator !== undefined ? { indicator: at.indicator } : {}),
    params: all,
    message: messageFor(rule, all),
  };
  // The object is one rule's issue; TypeScript cannot see that through the generic R.
  return issue as unknown as Issue<R>;
}

/**
 * A read failure's message where the file is named already ("Bị loại: x.xlsx: Không đọc được: tệp bị
 * hỏng…"): `message`, made for `file`, with the file's name taken out of its opening; as it is when it
 * does not open with that file's name.
 */
export function readFailureReason(code: ReadErrorCode, file: string, message: string): string {
  if (!Object.hasOwn(OPENINGS, code)) return message;
  const head = opening(code, file);
  return file !== "" && message.startsWith(head) ? `${opening(code, "")}${message.slice(head.length)}` : message;
}

/** Why a file is not used, said where the file is named already: "Tệp không có bảng…", "Tệp là danh sách đơn vị…". */
export function messageWithoutFile<R extends "no-tables" | "not-de-an-241" | "unit-list-file" | "summary-own" | "summary-other-district">(issue: Issue<R>): string {
  return messageFor(issue.rule, { ...issue.params, file: "" } as IssueParamsByRule[R]);
}

/**
 * The issue of a file that could not be read at all, from its code and the
 * message already made for it. Only the file is kept of the parameters.
 */
export function readFailureIssue(code: ReadErrorCode, file: string, message: string): Issue<ReadErrorCode> {
  const issue = { rule: code, severity: severityOf(code), sheet: null, cell: null, params: { file }, message };
  return issue as Issue<ReadErrorCode>;
}
