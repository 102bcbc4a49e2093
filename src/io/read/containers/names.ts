/**
 * Names of the files inside messages and archives: decoded from the bytes the
 * archiver wrote (UTF-8, else the legacy code page), made safe to show, and
 * never used as a path on disk (a name with ".." or an absolute path is only
 * a label here).
 */
import { decodeCp1258 } from "../cp1258";

/** Code page 437 (the original IBM PC's, which Windows' "Send to › Compressed folder" writes for names without the UTF-8 flag), bytes 0x80–0xFF. */
const CP437_HIGH =
  "ÇüéâäàåçêëèïîìÄÅÉæÆôöòûùÿÖÜ¢£¥₧ƒáíóúñÑªº¿⌐¬½¼¡«»░▒▓│┤╡╢╖╕╣║╗╝╜╛┐└┴┬├─┼╞╟╚╔╩╦╠═╬╧╨╤╥╙╘╒╓╫╪┘┌█▄▌▐▀αßΓπΣσµτΦΘΩδ∞φε∩≡±≥≤⌠⌡÷≈°∙·√ⁿ²■\u00a0";

export function decodeCp437(bytes: Uint8Array): string {
  let out = "";
  for (const b of bytes) out += b < 0x80 ? String.fromCharCode(b) : CP437_HIGH[b - 0x80]!;
  return out;
}

const strictUtf8 = new TextDecoder("utf-8", { fatal: true });

/** Letters only Vietnamese uses (after NFC), to tell a Vietnamese code page from CP437's box drawing. */
const VIETNAMESE = /[ăâđêôơưĂÂĐÊÔƠƯàảãáạằẳẵắặầẩẫấậèẻẽéẹềểễếệìỉĩíịòỏõóọồổỗốộờởỡớợùủũúụừửữứựỳỷỹýỵ]/iu;
/** What a CP437 reading of a Vietnamese name shows: box drawing, Greek and maths signs, which no file name uses. */
const CP437_NOISE = /[░▒▓│┤╡╢╖╕╣║╗╝╜╛┐└┴┬├─┼╞╟╚╔╩╦╠═╬╧╨╤╥╙╘╒╓╫╪┘┌█▄▌▐▀αßΓπΣσµτΦΘΩδ∞φε∩≡±≥≤⌠⌡÷≈°∙·√ⁿ²■₧ƒ⌐¬]/u;

/**
 * An archive entry's name: UTF-8 when the entry says so (or its bytes are valid UTF-8, as
 * archivers on Linux and macOS write them without the flag); otherwise the legacy code page —
 * Vietnamese Windows (code page 1258) when that reading gives Vietnamese letters and the CP437
 * reading gives signs no name uses, else CP437, as Windows' own zip writes it.
 */
export function decodeEntryName(bytes: Uint8Array, utf8Flag: boolean): string {
  const ascii = bytes.every((b) => b < 0x80);
  if (ascii) return String.fromCharCode(...bytes);
  if (utf8Flag) return new TextDecoder().decode(bytes).normalize("NFC");
  try {
    return strictUtf8.decode(bytes).normalize("NFC");
  } catch {
    // Not UTF-8: a legacy code page.
  }
  const cp437 = decodeCp437(bytes);
  // Windows-1258 by our own table (EdgeHTML 18 has no decoder for it); it maps every byte.
  const text = decodeCp1258(bytes).normalize("NFC");
  return VIETNAMESE.test(text) && CP437_NOISE.test(cp437) ? text : cp437;
}

/**
 * A name as a safe label: "/" for separators, control characters dropped, no leading "/", and every
 * ".." segment kept visibly as text, never resolved; whether the name was unsafe as a path is returned too.
 */
export function safeEntryPath(name: string): { readonly path: string; readonly unsafe: boolean } {
  // eslint-disable-next-line no-control-regex
  const cleaned = name.replace(/[\u0000-\u001f\u007f]/g, "").replace(/\\/g, "/");
  const absolute = /^\/|^[A-Za-z]:/.test(cleaned);
  const segments = cleaned.split("/").filter((s) => s !== "" && s !== ".");
  const climbs = segments.some((s) => s === "..");
  return { path: segments.join("/"), unsafe: absolute || climbs };
}

/** The last segment of a path. */
export function baseName(path: string): string {
  const slash = path.lastIndexOf("/");
  return slash < 0 ? path : path.slice(slash + 1);
}
