/**
 * HTML character references: numeric ones (decimal and hex) and the named
 * ones that matter for Vietnamese text in web exports: the Latin-1 set, Latin
 * Extended-A and -B (Ă ă Đ đ Ĩ ĩ Ũ ũ …), the spacing accents and the general
 * punctuation (dashes, quotes, ellipsis), with HTML5's rules for references
 * written without the semicolon and for numbers out of range. Linear: one scan.
 */

/** Latin-1, U+00A0 to U+00FF in order. */
const LATIN1 =
  "nbsp iexcl cent pound curren yen brvbar sect uml copy ordf laquo not shy reg macr deg plusmn sup2 sup3 acute micro para middot cedil sup1 ordm raquo frac14 frac12 frac34 iquest " +
  "Agrave Aacute Acirc Atilde Auml Aring AElig Ccedil Egrave Eacute Ecirc Euml Igrave Iacute Icirc Iuml ETH Ntilde Ograve Oacute Ocirc Otilde Ouml times Oslash Ugrave Uacute Ucirc Uuml Yacute THORN szlig " +
  "agrave aacute acirc atilde auml aring aelig ccedil egrave eacute ecirc euml igrave iacute icirc iuml eth ntilde ograve oacute ocirc otilde ouml divide oslash ugrave uacute ucirc uuml yacute thorn yuml";

/** Other named references, name:code point. */
const OTHERS =
  "amp:38 lt:60 gt:62 quot:34 apos:39 AMP:38 LT:60 GT:62 QUOT:34 COPY:169 REG:174 Tab:9 NewLine:10 " +
  "Amacr:256 amacr:257 Abreve:258 abreve:259 Aogon:260 aogon:261 Cacute:262 cacute:263 Ccirc:264 ccirc:265 Cdot:266 cdot:267 Ccaron:268 ccaron:269 " +
  "Dcaron:270 dcaron:271 Dstrok:272 dstrok:273 Emacr:274 emacr:275 Edot:278 edot:279 Eogon:280 eogon:281 Ecaron:282 ecaron:283 Gcirc:284 gcirc:285 " +
  "Gbreve:286 gbreve:287 Gdot:288 gdot:289 Gcedil:290 Hcirc:292 hcirc:293 Hstrok:294 hstrok:295 Itilde:296 itilde:297 Imacr:298 imacr:299 Iogon:302 iogon:303 " +
  "Idot:304 imath:305 inodot:305 IJlig:306 ijlig:307 Jcirc:308 jcirc:309 Kcedil:310 kcedil:311 kgreen:312 Lacute:313 lacute:314 Lcedil:315 lcedil:316 " +
  "Lcaron:317 lcaron:318 Lmidot:319 lmidot:320 Lstrok:321 lstrok:322 Nacute:323 nacute:324 Ncedil:325 ncedil:326 Ncaron:327 ncaron:328 napos:329 ENG:330 eng:331 " +
  "Omacr:332 omacr:333 Odblac:336 odblac:337 OElig:338 oelig:339 Racute:340 racute:341 Rcedil:342 rcedil:343 Rcaron:344 rcaron:345 Sacute:346 sacute:347 " +
  "Scirc:348 scirc:349 Scedil:350 scedil:351 Scaron:352 scaron:353 Tcedil:354 tcedil:355 Tcaron:356 tcaron:357 Tstrok:358 tstrok:359 Utilde:360 utilde:361 " +
  "Umacr:362 umacr:363 Ubreve:364 ubreve:365 Uring:366 uring:367 Udblac:368 udblac:369 Uogon:370 uogon:371 Wcirc:372 wcirc:373 Ycirc:374 ycirc:375 Yuml:376 " +
  "Zacute:377 zacute:378 Zdot:379 zdot:380 Zcaron:381 zcaron:382 fnof:402 imped:437 gacute:501 jmath:567 " +
  "circ:710 caron:711 Hacek:711 breve:728 Breve:728 dot:729 DiacriticalDot:729 ring:730 ogon:731 tilde:732 DiacriticalTilde:732 dblac:733 DiacriticalDoubleAcute:733 " +
  "ensp:8194 emsp:8195 thinsp:8201 zwnj:8204 zwj:8205 lrm:8206 rlm:8207 hyphen:8208 dash:8208 ndash:8211 mdash:8212 horbar:8213 Verbar:8214 " +
  "lsquo:8216 rsquo:8217 rsquor:8217 sbquo:8218 lsquor:8218 ldquo:8220 rdquo:8221 rdquor:8221 bdquo:8222 ldquor:8222 dagger:8224 Dagger:8225 ddagger:8225 " +
  "bull:8226 bullet:8226 nldr:8229 hellip:8230 mldr:8230 permil:8240 prime:8242 Prime:8243 lsaquo:8249 rsaquo:8250 oline:8254 frasl:8260 " +
  "euro:8364 numero:8470 trade:8482 TRADE:8482 larr:8592 uarr:8593 rarr:8594 darr:8595 harr:8596 minus:8722 le:8804 ge:8805 ne:8800";

/** Names (HTML5's legacy ones) that are decoded even without the closing semicolon. */
const NO_SEMICOLON = new Set<string>([...LATIN1.split(" "), "amp", "lt", "gt", "quot", "AMP", "LT", "GT", "QUOT", "COPY", "REG"]);

const NAMED = new Map<string, string>();
LATIN1.split(" ").forEach((name, k) => NAMED.set(name, String.fromCharCode(0xa0 + k)));
for (const pair of OTHERS.split(" ")) {
  const [name, code] = pair.split(":") as [string, string];
  NAMED.set(name, String.fromCodePoint(Number(code)));
}
const LONGEST_NAME = Math.max(...[...NAMED.keys()].map((n) => n.length));

/** What HTML5 makes of numeric references to the C1 controls 0x80–0x9F (Windows-1252's characters). */
const C1 = [
  0x20ac, 0x81, 0x201a, 0x192, 0x201e, 0x2026, 0x2020, 0x2021, 0x2c6, 0x2030, 0x160, 0x2039, 0x152, 0x8d, 0x17d, 0x8f, 0x90, 0x2018, 0x2019, 0x201c,
  0x201d, 0x2022, 0x2013, 0x2014, 0x2dc, 0x2122, 0x161, 0x203a, 0x153, 0x9d, 0x17e, 0x178,
];

function fromNumber(code: number): string {
  if (code === 0 || code > 0x10ffff || (code >= 0xd800 && code <= 0xdfff) || !Number.isFinite(code)) return "\ufffd";
  if (code >= 0x80 && code <= 0x9f) return String.fromCodePoint(C1[code - 0x80]!);
  return String.fromCodePoint(code);
}

function isAlnum(ch: number): boolean {
  return (ch >= 48 && ch <= 57) || (ch >= 65 && ch <= 90) || (ch >= 97 && ch <= 122);
}

function isDigit(ch: number, hex: boolean): boolean {
  return (ch >= 48 && ch <= 57) || (hex && ((ch >= 65 && ch <= 70) || (ch >= 97 && ch <= 102)));
}

/** The text with every character reference decoded; a "&" that starts none is kept. */
export function decodeEntities(text: string): string {
  let amp = text.indexOf("&");
  if (amp < 0) return text;
  let out = "";
  let from = 0;
  while (amp >= 0) {
    out += text.slice(from, amp);
    let i = amp + 1;
    let replacement: string | undefined;
    if (text.charCodeAt(i) === 35 /* # */) {
      i++;
      const hex = text[i] === "x" || text[i] === "X";
      if (hex) i++;
      const start = i;
      while (i < text.length && isDigit(text.charCodeAt(i), hex)) i++;
      if (i > start) {
        // Overlong numbers are out of range: the first 8 digits are enough to say so.
        const digits = text.slice(start, Math.min(i, start + 8));
        const code = i - start > 8 ? Infinity : parseInt(digits, hex ? 16 : 10);
        replacement = fromNumber(code);
        if (text[i] === ";") i++;
      }
    } else {
      const start = i;
      while (i < text.length && i - start < LONGEST_NAME && isAlnum(text.charCodeAt(i))) i++;
      const name = text.slice(start, i);
      if (text[i] === ";" && NAMED.has(name)) {
        replacement = NAMED.get(name);
        i++;
      } else {
        // HTML5: the longest legacy name that starts the run, without a semicolon ("&nbsp", "&copy2021").
        let k = name.length;
        while (k >= 2 && !NO_SEMICOLON.has(name.slice(0, k))) k--;
        if (k >= 2) {
          replacement = NAMED.get(name.slice(0, k));
          i = start + k;
          if (text[i] === ";") i++;
        }
      }
    }
    if (replacement === undefined) {
      out += "&";
      from = amp + 1;
    } else {
      out += replacement;
      from = i;
    }
    amp = text.indexOf("&", from);
  }
  return out + text.slice(from);
}
