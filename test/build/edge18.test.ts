/**
 * What EdgeHTML 18 (the webview of Office 2016/2019 retail without WebView2)
 * cannot parse or run, checked on the production build: regular expression
 * syntax it lacks (a literal it cannot parse stops the whole script, and
 * Chromium in test/e2e/edge18.test.ts parses everything), and the
 * rewriting of Unicode property escapes that makes \p{L} and \p{N} safe.
 * Which built-ins are polyfilled: src/taskpane/polyfills.ts.
 */
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { productionBuild } from "../support/build";

// eslint-disable-next-line @typescript-eslint/no-require-imports
const { lowerUnicodePropertyEscapes, lowerDotAllFlag } = require("../../webpack.config.js") as {
  lowerUnicodePropertyEscapes(code: string): string;
  lowerDotAllFlag(code: string): string;
};

/** Every code point but the surrogates, as strings. */
function* codePoints(step = 1): Generator<string> {
  for (let cp = 0; cp < 0x110000; cp += step) {
    if (cp < 0xd800 || cp > 0xdfff) yield String.fromCodePoint(cp);
  }
}

describe("Unicode property escapes rewritten for EdgeHTML 18", () => {
  it("a literal with \\p inside a class matches exactly what it did", () => {
    const original = String.raw`x.replace(/[^\p{L}\p{N}%]+/gu," ")`;
    const lowered = lowerUnicodePropertyEscapes(original);
    expect(lowered).not.toMatch(/\\[pP]\{/);
    const literal = /\/(\[\^.*\]\+)\/gu/.exec(lowered)![1]!;
    const before = /^[^\p{L}\p{N}%]+$/u;
    const after = new RegExp(`^${literal}$`, "u");
    const differ: string[] = [];
    for (const ch of codePoints()) if (before.test(ch) !== after.test(ch)) differ.push(ch);
    expect(differ).toEqual([]);
  });

  it("a string given to new RegExp, outside and inside a class, and \\P outside one, match exactly what they did", () => {
    const original = String.raw`mr=new RegExp("^\\p{L}[\\p{L}\\p{N}_]*$","u"),nx=new RegExp("\\P{Lu}","u")`;
    const lowered = lowerUnicodePropertyEscapes(original);
    expect(lowered).not.toMatch(/\\[pP]\{/);
    const scope: { mr?: RegExp; nx?: RegExp } = {};
    new Function("scope", `var mr, nx; ${lowered}; scope.mr = mr; scope.nx = nx;`)(scope);
    const differ: string[] = [];
    for (const ch of codePoints(7)) {
      if (/^\p{L}[\p{L}\p{N}_]*$/u.test(`${ch}a1_`) !== scope.mr!.test(`${ch}a1_`)) differ.push(`mr ${ch}`);
      if (/^\p{L}[\p{L}\p{N}_]*$/u.test(`a${ch}`) !== scope.mr!.test(`a${ch}`)) differ.push(`mr a${ch}`);
      if (/\P{Lu}/u.test(ch) !== scope.nx!.test(ch)) differ.push(`nx ${ch}`);
    }
    expect(differ).toEqual([]);
  });

  it("refuses \\P inside a class and an unknown property", () => {
    expect(() => lowerUnicodePropertyEscapes(String.raw`/[\P{L}x]/u`)).toThrow(/cannot be lowered/);
    expect(() => lowerUnicodePropertyEscapes(String.raw`/\p{NoSuchThing}/u`)).toThrow(/Unknown Unicode property/);
  });
});

describe("the s (dotAll) flag rewritten for EdgeHTML 18", () => {
  it("drops the flag and makes every . outside a class match line ends, leaving escaped dots and classes alone", () => {
    const original = String.raw`a=new RegExp("^\\s*(PAGEREF|SEQ)\\b(.*)$","is"),b=RegExp('x.[.]\\.y"','gs'),c=new RegExp("a.b","g")`;
    const lowered = lowerDotAllFlag(original);
    expect(lowered).toContain(String.raw`c=new RegExp("a.b","g")`);
    const scope: { a?: RegExp; b?: RegExp } = {};
    new Function("scope", `var a, b, c; ${lowered}; scope.a = a; scope.b = b;`)(scope);
    expect(scope.a!.flags).toBe("i");
    expect(scope.b!.flags).toBe("g");
    expect(scope.a!.exec(" pageref _Toc1 \\h\n z")![2]).toBe(" _Toc1 \\h\n z");
    const b = /x.[.]\.y"/s;
    for (const text of ['x\n..y"', 'xa..y"', 'x\n.ay"', 'x\nb.y"']) {
      scope.b!.lastIndex = 0;
      expect({ text, m: scope.b!.test(text) }).toEqual({ text, m: b.test(text) });
    }
  });
});

describe("production build for EdgeHTML 18", () => {
  let dist = "";
  let scripts: { file: string; code: string }[] = [];
  beforeAll(async () => {
    dist = await productionBuild();
    scripts = readdirSync(dist)
      .filter((file) => file.endsWith(".js"))
      .map((file) => ({ file, code: readFileSync(join(dist, file), "utf8") }));
  }, 300_000);

  it("has no regular expression syntax EdgeHTML 18 lacks: \\p{…}, lookbehind, named groups, the s flag", () => {
    expect(scripts.length).toBeGreaterThanOrEqual(3);
    // acorn ships with webpack; it reports each regular expression literal's pattern and flags.
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const acorn = require(require.resolve("acorn", { paths: [require.resolve("webpack")] })) as {
      parse(code: string, options: { ecmaVersion: number }): unknown;
    };
    type Node = { type: string; start: number; regex?: { pattern: string; flags: string }; value?: unknown };
    const found: string[] = [];
    const bad = (pattern: string, flags: string): string | null => {
      if (/\\[pP]\{/.test(pattern)) return "\\p{…}";
      if (/\(\?<[=!]/.test(pattern)) return "lookbehind";
      if (/\(\?<[A-Za-z_$]/.test(pattern)) return "named group";
      if (flags.includes("s")) return "s flag";
      return null;
    };
    const walk = (file: string, node: Node, parent: Node | null): void => {
      if (node.type === "Literal" && node.regex) {
        const why = bad(node.regex.pattern, node.regex.flags);
        if (why) found.push(`${file}@${node.start}: ${why} in /${node.regex.pattern.slice(0, 40)}/${node.regex.flags}`);
      }
      // new RegExp("…", "…") and RegExp("…", "…") with string literals.
      if ((node.type === "NewExpression" || node.type === "CallExpression") && parent !== null) {
        const call = node as unknown as { callee: { type: string; name?: string }; arguments: Node[] };
        const [pattern, flags] = call.arguments;
        if (call.callee.type === "Identifier" && call.callee.name === "RegExp" && pattern?.type === "Literal" && typeof pattern.value === "string") {
          const why = bad(pattern.value, flags?.type === "Literal" && typeof flags.value === "string" ? flags.value : "");
          if (why) found.push(`${file}@${node.start}: ${why} in RegExp("${pattern.value.slice(0, 40)}")`);
        }
      }
      for (const value of Object.values(node)) {
        for (const child of Array.isArray(value) ? value : [value]) {
          if (child && typeof child === "object" && typeof (child as Node).type === "string") walk(file, child as Node, node);
        }
      }
    };
    for (const { file, code } of scripts) walk(file, acorn.parse(code, { ecmaVersion: 2022 }) as Node, null);
    expect(found).toEqual([]);
  });

  it("puts the polyfills in the task pane's entry and in the read worker", () => {
    const entry = scripts.find((s) => /^taskpane\.[0-9a-f]+\.js$/.test(s.file));
    const worker = scripts.find((s) => /^doc-tep\.[0-9a-f]+\.js$/.test(s.file));
    for (const script of [entry, worker]) {
      expect(script).toBeDefined();
      for (const name of ['"fromEntries"', '"flatMap"', '"matchAll"', '"globalThis"', '"TextDecoder"', '"queueMicrotask"', '"WeakRef"']) {
        expect(`${script!.file} ${script!.code.includes(name)}`).toBe(`${script!.file} true`);
      }
    }
  });

  it("calls none of the built-ins EdgeHTML 18 lacks that the polyfills leave out", () => {
    const unpolyfilled: Record<string, RegExp> = {
      "Promise.allSettled": /\ballSettled\b/,
      "Promise.any": /\bPromise\.any\b/,
      "String.prototype.replaceAll": /\breplaceAll\b/,
      // A method call, not a spread of a call ("...at(" where the minifier named a function "at").
      "Array.prototype.at / String.prototype.at": /(?<!\.)\.at\(/,
      "Array.prototype.findLastIndex": /(?<!\.)\.findLastIndex\(/,
      structuredClone: /\bstructuredClone\b/,
      "Object.groupBy": /\bgroupBy\b/,
      "Array.prototype.toSorted": /(?<!\.)\.toSorted\(/,
    };
    const found: string[] = [];
    for (const { file, code } of scripts) {
      for (const [name, pattern] of Object.entries(unpolyfilled)) if (pattern.test(code)) found.push(`${file}: ${name}`);
    }
    expect(found).toEqual([]);
  });
});
