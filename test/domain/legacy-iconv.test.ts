/**
 * The TCVN3 (VN3) table checked against glibc's iconv TCVN5712-1, which is the
 * VN1 variant of TCVN 5712:1993: every code VN3 sets must mean the same letter
 * in VN1; where VN3 sets nothing, VN1 has a capital with a tone, the no-break
 * space or a combining tone mark (documented in src/domain/legacy/tcvn3.ts).
 */
import { execFileSync, spawnSync } from "node:child_process";
import { TCVN3_CODES } from "../../src/domain/legacy";
import { requireProgram } from "../support/programs";

/** iconv when it knows TCVN5712-1; null (with a printed reason) otherwise, an error under CI=true. */
const ICONV = ((): string | null => {
  const iconv = requireProgram(["iconv"], "glibc's iconv, to cross-check the TCVN3 table (Debian: libc-bin)");
  if (!iconv) return null;
  const list = spawnSync(iconv, ["-l"], { encoding: "utf8" }).stdout;
  if (/\bTCVN5712-1\b/i.test(list)) return iconv;
  const message = `${iconv} has no TCVN5712-1: the TCVN3 table is not cross-checked`;
  if (process.env.CI === "true") throw new Error(`${message}. CI requires glibc's iconv with its gconv modules.`);
  console.warn(`Skipping: ${message}`);
  return null;
})();

/** What iconv makes of each byte, one at a time (newline between them, so no combining mark joins a neighbour). */
function viaIconv(iconv: string, bytes: readonly number[]): string[] {
  const input = Buffer.from(bytes.flatMap((b) => [b, 0x0a]));
  const out = execFileSync(iconv, ["-f", "TCVN5712-1", "-t", "UTF-8"], { input }).toString("utf8");
  return out.split("\n").slice(0, bytes.length);
}

const d = ICONV ? describe : describe.skip;

d("TCVN3 against iconv TCVN5712-1", () => {
  const all = Array.from({ length: 0x80 }, (_, i) => 0x80 + i);
  const mapped = all.filter((b) => TCVN3_CODES[b] !== undefined);
  const unset = all.filter((b) => TCVN3_CODES[b] === undefined);

  it("every byte 0x80–0xFF VN3 sets is the same letter in VN1", () => {
    expect(mapped).toHaveLength(74);
    const got = viaIconv(ICONV!, mapped);
    expect(Object.fromEntries(mapped.map((b, k) => [b.toString(16), got[k]]))).toEqual(
      Object.fromEntries(mapped.map((b) => [b.toString(16), TCVN3_CODES[b]])),
    );
  });

  it("where VN3 sets nothing, VN1 has a capital with a tone, the no-break space or a combining tone mark", () => {
    const got = viaIconv(ICONV!, unset);
    const kinds = got.map((ch, k) => {
      if (ch === "\u00a0") return "nbsp";
      if (/^\p{M}$/u.test(ch)) return "mark";
      if (/^\p{Lu}$/u.test(ch) && ch.normalize("NFD").length > 1 && !Object.values(TCVN3_CODES).includes(ch)) return "toned capital";
      return `unexpected ${unset[k]!.toString(16)}: ${ch}`;
    });
    expect(kinds.filter((k) => k.startsWith("unexpected"))).toEqual([]);
    expect(unset.filter((_, k) => kinds[k] === "mark").map((b) => b.toString(16))).toEqual(["b0", "b1", "b2", "b3", "b4"]);
    expect(unset.filter((_, k) => kinds[k] === "nbsp").map((b) => b.toString(16))).toEqual(["a0"]);
  });
});
