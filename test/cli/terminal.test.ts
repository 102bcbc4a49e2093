/**
 * Names printed to a terminal cannot drive it: control characters, escape
 * sequences and bidirectional overrides are shown as visible escapes, by one
 * function every command's printing goes through; JSON stays JSON, with the
 * real name once parsed.
 */
import { terminalName, terminalText } from "../../src/cli/terminal";

describe("terminal-safe text", () => {
  it("escapes ESC and CSI sequences, C0 and C1 controls, DEL and bidirectional overrides and isolates", () => {
    expect(terminalName("\u001b[2J\u001b]0;x\u0007tep.xlsx")).toBe("\\u001b[2J\\u001b]0;x\\u0007tep.xlsx");
    expect(terminalName("a\u009bb\u0085c\u007fd")).toBe("a\\u009bb\\u0085c\\u007fd");
    expect(terminalName("bao-cao\u202Exslx.exe")).toBe("bao-cao\\u202exslx.exe");
    for (const cp of [0x202a, 0x202b, 0x202c, 0x202d, 0x2066, 0x2067, 0x2068, 0x2069]) {
      expect(terminalName(`x${String.fromCharCode(cp)}y`)).toBe(`x\\u${cp.toString(16)}y`);
    }
    expect(terminalName("dòng 1\ndòng 2\r")).toBe("dòng 1\\u000adòng 2\\u000d");
  });

  it("keeps Vietnamese text, newlines and tabs of whole lines", () => {
    expect(terminalName("Đảng ủy xã Bản Bo – Tổng hợp.xlsx")).toBe("Đảng ủy xã Bản Bo – Tổng hợp.xlsx");
    expect(terminalText("Tệp: a\u001b[31m.xlsx\n\tLỗi\n")).toBe("Tệp: a\\u001b[31m.xlsx\n\tLỗi\n");
  });

  it("leaves JSON valid, with the real name once parsed", () => {
    const name = "a\u202e\u0085\u001b.xlsx";
    const text = terminalText(JSON.stringify({ file: name }));
    for (const ch of ["\u202e", "\u0085", "\u001b"]) expect(text).not.toContain(ch);
    expect((JSON.parse(text) as { file: string }).file).toBe(name);
  });
});
