/**
 * webpack 5 build of the task pane (taskpane.html), the ribbon's function file
 * (commands.html) and the help page, plus the assets the add-in serves itself:
 * icons, a copy of office.js for the page opened outside Office (inside Office
 * the pages load office.js from Microsoft's CDN, see src/taskpane/taskpane.html)
 * and manifest.xml with its addresses pointed at the deployment.
 *
 *   npx webpack --mode production        -> dist/ (or $DE_AN_241_DIST)
 *   ADDIN_URL=https://server/de-an-241/   -> manifest.xml addresses under that URL
 *   npx webpack serve --mode development  -> https://localhost:3000/
 */
"use strict";

const path = require("node:path");
const webpack = require("webpack");
const HtmlWebpackPlugin = require("html-webpack-plugin");
const CopyWebpackPlugin = require("copy-webpack-plugin");

const DEV_URL = "https://localhost:3000/";
const DEV_ORIGIN = "https://localhost:3000";
const PORT = Number(process.env.npm_package_config_dev_server_port || 3000);

/** Packages that must never be in the task pane's initial chunks: import() them. */
const LAZY_ONLY = /[\\/]node_modules[\\/](exceljs|@e965[\\/]xlsx|fflate|docx)[\\/]/;

/**
 * Browsers the production JavaScript must parse in: the webviews Office uses
 * (WebView2/Chromium, EdgeHTML 18 in retail Office 2019 on Windows, Safari
 * WebKit on Mac, Safari 15 or later). Trident (Internet Explorer 11) cannot run React 18; the page
 * shows a message there instead (see src/taskpane/taskpane.html).
 */
const COMPAT_TARGETS = ["edge18", "chrome87", "safari15", "firefox78"];

/** Files of @microsoft/office-js/dist the add-in never loads (debug builds, other hosts). */
const OFFICE_JS_IGNORE = [
  "**/*.debug.js",
  "**/*-vsdoc.js",
  "**/*.d.ts",
  "**/access-*",
  "**/onenote-*",
  "**/outlook*",
  "**/powerpoint*",
  "**/project-*",
  "**/word*",
];

/** ADDIN_URL normalised to end with "/", or null when unset. Throws on an address Office cannot load. */
function addinUrl() {
  const raw = (process.env.ADDIN_URL || "").trim();
  if (raw === "") return null;
  let url;
  try {
    url = new URL(raw);
  } catch {
    throw new Error(`ADDIN_URL is not a valid URL: "${raw}"`);
  }
  if (url.protocol !== "https:") {
    throw new Error(`ADDIN_URL must be an https:// address (Office only loads add-ins over https): "${raw}"`);
  }
  const href = url.href.endsWith("/") ? url.href : `${url.href}/`;
  return { href, origin: url.origin };
}

/** manifest.xml with every development address replaced by the deployment's. */
function transformManifest(content, target) {
  if (!target) return content;
  return content
    .toString("utf8")
    .split(DEV_URL)
    .join(target.href)
    .split(DEV_ORIGIN)
    .join(target.origin);
}

/** Code point ranges of a Unicode property (as Node knows it), cached. */
const propertyRanges = new Map();
function rangesOf(escape) {
  let ranges = propertyRanges.get(escape);
  if (ranges) return ranges;
  let test;
  try {
    test = new RegExp(`^${escape}$`, "u");
  } catch {
    throw new Error(`Unknown Unicode property escape ${escape} in the bundle`);
  }
  ranges = [];
  let start = -1;
  for (let cp = 0; cp <= 0x110000; cp++) {
    const inside = cp < 0x110000 && test.test(String.fromCodePoint(cp));
    if (inside && start < 0) start = cp;
    else if (!inside && start >= 0) {
      ranges.push([start, cp - 1]);
      start = -1;
    }
  }
  propertyRanges.set(escape, ranges);
  return ranges;
}

/**
 * Rewrites Unicode property escapes (\p{L}, \P{N} ...) in the emitted code,
 * in regular expression literals and in the strings given to new RegExp, into
 * character classes of \u{...} ranges: EdgeHTML 18 knows the u flag but not
 * \p, and a literal it cannot parse stops the whole script. Inside a class
 * ([^\p{L}\p{N}%]) the ranges go in as they are; outside, in a class of their
 * own. \P (the complement) outside a class becomes [^...]; inside one it is
 * refused (no ES2018-free spelling).
 */
function lowerUnicodePropertyEscapes(code) {
  return code.replace(/(\\\\|\\)([pP])\{([A-Za-z_=]+)\}/g, (match, slash, p, name, offset) => {
    // Inside a class when the nearest unescaped "[" before it (on the way back to the
    // pattern's start: a quote or a "/") comes before any "]".
    let inClass = false;
    for (let i = offset - 1; i >= 0 && offset - i < 4000; i--) {
      const c = code[i];
      if (c === "]" && code[i - 1] !== "\\") break;
      if (c === "[" && code[i - 1] !== "\\") {
        inClass = true;
        break;
      }
      if (c === '"' || c === "'" || c === "`" || (c === "/" && code[i - 1] !== "\\")) break;
    }
    const hex = (cp) => `${slash}u{${cp.toString(16).toUpperCase()}}`;
    const body = rangesOf(`\\p{${name}}`)
      .map(([a, b]) => (a === b ? hex(a) : `${hex(a)}-${hex(b)}`))
      .join("");
    if (p === "P" && inClass) throw new Error(`${match} inside a character class cannot be lowered for EdgeHTML 18`);
    if (inClass) return body;
    return p === "P" ? `[^${body}]` : `[${body}]`;
  });
}

/**
 * Rewrites RegExp("…", "…s…") calls with string arguments (esbuild writes regular
 * expression literals EdgeHTML 18 cannot parse as such calls) without the s
 * (dotAll) flag, which EdgeHTML 18 refuses: every "." outside a class becomes
 * [\s\S], which is what it means under that flag.
 */
function lowerDotAllFlag(code) {
  return code.replace(/\bRegExp\(\s*("(?:[^"\\\n]|\\.)*"|'(?:[^'\\\n]|\\.)*')\s*,\s*["']([dgimsuy]*)["']\s*\)/g, (match, literal, flags) => {
    if (!flags.includes("s")) return match;
    const pattern = new Function(`return ${literal};`)();
    let out = "";
    let inClass = false;
    for (let i = 0; i < pattern.length; i++) {
      const c = pattern[i];
      if (c === "\\") {
        out += c + (pattern[i + 1] ?? "");
        i++;
      } else if (inClass) {
        if (c === "]") inClass = false;
        out += c;
      } else if (c === "[") {
        inClass = true;
        out += c;
      } else out += c === "." ? "[\\s\\S]" : c;
    }
    const text = JSON.stringify(out).replace(/\u2028/g, "\\u2028").replace(/\u2029/g, "\\u2029");
    return `RegExp(${text},"${flags.replace("s", "")}")`;
  });
}

/**
 * Lowers the syntax of the emitted chunks to COMPAT_TARGETS with esbuild
 * (object spread, optional chaining, class fields ... in React, Fluent UI and
 * our own code) before the minimizer runs, then the regular expressions
 * EdgeHTML 18 cannot build (\p{…}, the s flag). Built-ins it lacks are
 * polyfilled at run time: src/taskpane/polyfills.ts.
 */
class CompatSyntaxPlugin {
  apply(compiler) {
    const esbuild = require("esbuild");
    compiler.hooks.thisCompilation.tap("CompatSyntaxPlugin", (compilation) => {
      compilation.hooks.processAssets.tap(
        { name: "CompatSyntaxPlugin", stage: webpack.Compilation.PROCESS_ASSETS_STAGE_OPTIMIZE_COMPATIBILITY },
        () => {
          for (const chunk of compilation.chunks) {
            for (const file of chunk.files) {
              if (!file.endsWith(".js")) continue;
              const source = compilation.getAsset(file).source.source().toString();
              const result = esbuild.transformSync(source, { target: COMPAT_TARGETS, legalComments: "none", sourcefile: file });
              compilation.updateAsset(file, new webpack.sources.RawSource(lowerDotAllFlag(lowerUnicodePropertyEscapes(result.code))));
            }
          }
        },
      );
    });
  }
}

/** Fails the build when a heavy file-format library lands in an initial chunk. */
class LazyOnlyPlugin {
  apply(compiler) {
    compiler.hooks.thisCompilation.tap("LazyOnlyPlugin", (compilation) => {
      compilation.hooks.afterOptimizeChunkModules.tap("LazyOnlyPlugin", (chunks) => {
        for (const chunk of chunks) {
          if (!chunk.canBeInitial()) continue;
          for (const module of compilation.chunkGraph.getChunkModulesIterable(chunk)) {
            const resource = module.nameForCondition && module.nameForCondition();
            if (resource && LAZY_ONLY.test(resource)) {
              compilation.errors.push(
                new webpack.WebpackError(
                  `${path.relative(__dirname, resource)} is loaded up front by entry ` +
                    `"${[...chunk.groupsIterable].map((group) => group.name).filter(Boolean).join(", ")}": ` +
                    "load exceljs, @e965/xlsx, fflate and docx only with import().",
                ),
              );
              return;
            }
          }
        }
      });
    });
  }
}

async function httpsServer() {
  try {
    const devCerts = require("office-addin-dev-certs");
    const options = await devCerts.getHttpsServerOptions();
    return { type: "https", options: { ca: options.ca, key: options.key, cert: options.cert } };
  } catch (error) {
    const reason = error instanceof Error ? error.message.split("\n")[0] : String(error);
    console.warn(
      [
        "",
        "Could not install the Office development certificate (office-addin-dev-certs):",
        `  ${reason}`,
        "Serving https with a temporary self-signed certificate instead. Browsers will warn about it;",
        `open ${DEV_URL}taskpane.html once and accept the warning. Excel desktop needs the trusted`,
        "certificate: run `npx office-addin-dev-certs install` on Windows or Mac.",
        "",
      ].join("\n"),
    );
    return { type: "https" };
  }
}

module.exports = async (env, argv) => {
  const dev = argv.mode !== "production";
  const serving = Boolean(env && env.WEBPACK_SERVE);
  const target = dev ? null : addinUrl();
  if (!dev && !target) {
    console.warn(
      "ADDIN_URL is not set: dist/manifest.xml keeps the https://localhost:3000/ addresses. " +
        "Set ADDIN_URL=https://your-server/path/ to build a manifest for deployment.",
    );
  }
  const outputPath = process.env.DE_AN_241_DIST ? path.resolve(process.env.DE_AN_241_DIST) : path.resolve(__dirname, "dist");

  /** @type {import('webpack').Configuration} */
  const config = {
    mode: dev ? "development" : "production",
    context: __dirname,
    target: "web",
    devtool: dev ? "source-map" : false,
    entry: {
      taskpane: "./src/taskpane/index.tsx",
      commands: "./src/taskpane/commands.ts",
    },
    output: {
      path: outputPath,
      filename: dev ? "[name].js" : "[name].[contenthash:8].js",
      chunkFilename: dev ? "[name].js" : "[name].[contenthash:8].js",
      publicPath: "auto",
      clean: true,
      // What COMPAT_TARGETS can parse (EdgeHTML 18: no optional chaining, ??, BigInt literals,
      // globalThis or import()). The minimizer reads this too, so it never writes `??`/`?.`
      // back into the chunks CompatSyntaxPlugin lowered (the lazy exceljs/SheetJS chunks and the worker).
      environment: {
        arrowFunction: true,
        asyncFunction: true,
        bigIntLiteral: false,
        const: true,
        destructuring: true,
        dynamicImport: false,
        dynamicImportInWorker: false,
        forOf: true,
        globalThis: false,
        module: false,
        optionalChaining: false,
        templateLiteral: true,
      },
    },
    resolve: {
      extensions: [".ts", ".tsx", ".js", ".mjs", ".json"],
      alias: {
        // The browser bundle of exceljs needs no Node polyfills (stream, buffer ...).
        exceljs$: path.resolve(__dirname, "node_modules/exceljs/dist/exceljs.min.js"),
      },
      fallback: { fs: false },
    },
    module: {
      rules: [
        {
          test: /\.tsx?$/,
          exclude: /node_modules/,
          use: {
            loader: "ts-loader",
            options: {
              transpileOnly: true,
              compilerOptions: { noEmit: false, sourceMap: dev, module: "esnext" },
            },
          },
        },
      ],
      // exceljs.min.js is a prebuilt bundle; parsing it for requires only costs time.
      noParse: /exceljs[\\/]dist[\\/]exceljs(\.min)?\.js$/,
    },
    optimization: {
      splitChunks: { chunks: "all" },
      runtimeChunk: false,
    },
    performance: {
      hints: dev ? false : "warning",
      assetFilter: (file) => file.endsWith(".js") && !file.startsWith("office-js/"),
      maxEntrypointSize: 1_200_000,
      maxAssetSize: 1_200_000,
    },
    plugins: [
      new HtmlWebpackPlugin({
        filename: "taskpane.html",
        template: "./src/taskpane/taskpane.html",
        chunks: ["taskpane"],
        scriptLoading: "defer",
      }),
      new HtmlWebpackPlugin({
        filename: "commands.html",
        template: "./src/taskpane/commands.html",
        chunks: ["commands"],
        scriptLoading: "defer",
      }),
      new HtmlWebpackPlugin({
        filename: "help.html",
        template: "./src/taskpane/help.html",
        chunks: [],
        inject: false,
      }),
      new CopyWebpackPlugin({
        patterns: [
          { from: "assets/*.png", to: "assets/[name][ext]" },
          // Sample unit workbooks for "Dùng thử với dữ liệu mẫu" (made by scripts/make-samples.ts), fetched on demand.
          { from: "assets/samples/*.xlsx", to: "samples/[name][ext]", info: { minimized: true } },
          // The RAR reader (node-unrar-js, loaded only when a .rar is given) fetches its WebAssembly beside the read worker's script.
          { from: "node_modules/node-unrar-js/esm/js/unrar.wasm", to: "unrar.wasm", info: { minimized: true } },
          {
            from: "node_modules/@microsoft/office-js/dist",
            to: "office-js",
            globOptions: { ignore: OFFICE_JS_IGNORE },
            // Already minified by Microsoft; minimizing 15 MB again only costs build time.
            info: { minimized: true },
          },
          {
            from: "manifest.xml",
            to: "manifest.xml",
            transform: { transformer: (content) => transformManifest(content, target), cache: false },
          },
        ],
      }),
      new LazyOnlyPlugin(),
      ...(dev ? [] : [new CompatSyntaxPlugin()]),
    ],
  };

  if (serving) {
    config.devServer = {
      host: "localhost",
      port: PORT,
      server: await httpsServer(),
      static: false,
      hot: false,
      liveReload: true,
      headers: { "Access-Control-Allow-Origin": "*" },
      client: { overlay: { warnings: false, errors: true } },
    };
  }
  return config;
};

module.exports.transformManifest = transformManifest;
module.exports.COMPAT_TARGETS = COMPAT_TARGETS;
module.exports.lowerUnicodePropertyEscapes = lowerUnicodePropertyEscapes;
module.exports.lowerDotAllFlag = lowerDotAllFlag;
